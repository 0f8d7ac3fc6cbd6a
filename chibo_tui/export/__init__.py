"""The party-format documents (DESIGN.md §6): minutes, monthly report, resolution, annual
summary, plan.

Importing this package is cheap: each builder's module (and python-docx) is imported
when it is first asked for, so a command-line export loads one builder, not four.
Every function writes atomically and never overwrites an earlier export.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import ExportError

if TYPE_CHECKING:
    from .minutes import export_minutes
    from .plan import export_plan
    from .report import export_report
    from .resolution import export_resolution
    from .summary import export_summary

__all__ = [
    "ExportError",
    "export_minutes",
    "export_plan",
    "export_report",
    "export_resolution",
    "export_summary",
]

_HOME = {
    "export_minutes": ".minutes",
    "export_plan": ".plan",
    "export_report": ".report",
    "export_resolution": ".resolution",
    "export_summary": ".summary",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_HOME[name], __name__), name)
    globals()[name] = value
    return value
