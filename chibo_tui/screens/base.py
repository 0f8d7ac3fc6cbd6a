"""The base of every chibo screen: one typed handle on the app and its session,
and key descriptions in Vietnamese."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import events, on
from textual.binding import ActiveBinding
from textual.reactive import Reactive
from textual.screen import Screen, ScreenResultType
from textual.widget import Widget

from ..session import Session
from ..vietnamese_keys import vietnamese_bindings
from ..widgets.topbar import TopBar

if TYPE_CHECKING:
    from ..app import ChiboApp


class ChiboScreen(Screen[ScreenResultType]):
    """A screen of chibo: reaches the state through :attr:`session`, nowhere else."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """Textual's, without its repaint of the whole screen at every focus change (each
    Tab, each step switch): the two fields repaint themselves as their focus style
    changes, and the footer follows the bindings."""

    @property
    def chibo(self) -> ChiboApp:
        """The app, for navigation and for the work it runs in the background."""
        return cast("ChiboApp", self.app)

    @property
    def session(self) -> Session:
        return self.chibo.session

    def top_bar(self) -> TopBar:
        """The top bar, with the cell's name in the first frame."""
        return TopBar(
            self.session.cell_name, sample=self.session.is_sample, saved_at=self.chibo.last_saved
        )

    @on(events.ScreenResume)
    def _refresh_top_bar(self) -> None:
        # Back from the profile (F6): the cell may have been renamed meanwhile.
        for bar in self.query(TopBar):
            bar.set_cell_name(self.session.cell_name)
            bar.set_sample(self.session.is_sample)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return vietnamese_bindings(super().active_bindings)
