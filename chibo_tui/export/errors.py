"""The one error the exporters raise: a Vietnamese message shown to the user as is."""

from __future__ import annotations


class ExportError(Exception):
    """An export that could not be made; ``str(error)`` is the Vietnamese message."""
