"""The base of every chibo dialog."""

from __future__ import annotations

from textual.binding import ActiveBinding
from textual.screen import ModalScreen, ScreenResultType

from ..vietnamese_keys import vietnamese_bindings


class ChiboDialog(ModalScreen[ScreenResultType]):
    """A dialog of chibo: its keys in Vietnamese too."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return vietnamese_bindings(super().active_bindings)
