"""What the profile, roster and criteria screens share: the first-run steps and saving.

:class:`SetupScreen` is their base: top bar, footer, the keys between the three
steps of the first run, and :meth:`SetupScreen.apply_to_drafts`, which carries a
change of the roster or the criteria into the meetings not yet finalised (a
finalised meeting keeps the copy it was judged against).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

# Textual's drop-down names its Escape key in English in the footer; ours says it
# in Vietnamese. The two classes are not exported by ``textual.widgets.select``.
from ..domain.model import Cell, Meeting
from ..text import setup as T
from ..widgets.topbar import TopBar
from .base import ChiboScreen

if TYPE_CHECKING:
    from ..app import ChiboApp


PAGES = ("profile", "roster", "criteria")
"""The first-run steps, in order; also the argument of ``app.action_open_setup``."""


class SetupScreen(ChiboScreen[None]):
    """Base of the profile, roster and criteria screens.

    ``first_run`` makes the screen a step of the first-run setup: Ctrl+N and
    Ctrl+B go to the next and previous step, and the last step leads to the
    home screen. Otherwise Escape closes the screen.
    """

    CSS_PATH = "setup.tcss"
    HORIZONTAL_BREAKPOINTS = [
        (0, "-narrow"),
        (130, "-wide"),
    ]
    PAGE: ClassVar[str] = ""
    """This screen's name in :data:`PAGES`."""
    DYNAMIC_ACTIONS: ClassVar[tuple[tuple[str, tuple[object, ...]], ...]] = ()
    """Actions whose availability follows the cursor (see :meth:`update_bindings`)."""

    BINDINGS = [
        Binding("escape", "back", T.KEY_BACK, tooltip=T.KEY_BACK_HELP, id="setup-back"),
        Binding("ctrl+b", "step(-1)", T.KEY_PREV, tooltip=T.KEY_PREV_HELP, id="setup-prev"),
        Binding("ctrl+n", "step(1)", T.KEY_NEXT, tooltip=T.KEY_NEXT_HELP, id="setup-next"),
    ]

    def __init__(self, first_run: bool = False) -> None:
        super().__init__()
        self.first_run = first_run
        self._binding_state: tuple[object, ...] | None = None

    def update_bindings(self) -> None:
        """Redraw the footer when a cursor move changed which keys apply.

        Only then: redrawing it on every move makes the arrow keys lag.
        """
        state = tuple(self.check_action(a, p) for a, p in self.DYNAMIC_ACTIONS)
        if state != self._binding_state:
            self._binding_state = state
            self.refresh_bindings()

    # -- shared state --------------------------------------------------------

    @property
    def cell(self) -> Cell:
        """The cell being set up (the session saves every edit within a second)."""
        return self.session.ensure_cell()

    def apply_to_drafts(self, sync: Callable[[Meeting, Cell], None]) -> list[Meeting]:
        """Run ``sync`` (``lifecycle.sync_roster`` or ``sync_criteria``) on every draft
        meeting; returns the drafts."""
        drafts = self.session.drafts()
        for meeting in drafts:
            sync(meeting, self.cell)
        return drafts

    # -- chrome --------------------------------------------------------------

    @property
    def page_title(self) -> str:
        return T.PAGE_TITLES[self.PAGE]

    def context_text(self) -> str:
        if self.first_run:
            return T.STEP.format(n=PAGES.index(self.PAGE) + 1, title=self.page_title)
        return self.page_title

    def compose_step_hint(self) -> ComposeResult:
        """The first run's reminder of the keys between steps."""
        if self.first_run:
            last = self.PAGE == PAGES[-1]
            yield Static(T.DONE_HINT if last else T.NEXT_STEP_HINT, classes="setup-step hint")

    def on_mount(self) -> None:
        bar = self.query_one(TopBar)
        bar.context = self.context_text()

    def show_cell_name(self) -> None:
        """The top bar shows the cell's name as it is now (after a rename)."""
        self.query_one(TopBar).set_cell_name(self.session.cell_name)

    # -- moving between steps -------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "step":
            return self.first_run
        return True

    def action_step(self, delta: int) -> None:
        """The previous or next first-run step; after the last one, the home screen."""
        index = PAGES.index(self.PAGE) + delta
        if index < 0:
            from .welcome import WelcomeScreen

            self.app.switch_screen(WelcomeScreen())
        elif index >= len(PAGES):
            self.finish()
        else:
            open_setup(self.chibo, PAGES[index], first_run=True)

    def finish(self) -> None:
        """Leave the first run for the home screen, once the roster has someone."""
        if not self.cell.active_members():
            self.notify(T.NEED_MEMBERS_TO_FINISH, severity="warning")
            open_setup(self.chibo, "roster", first_run=True)
            return
        self.session.flush_edits()
        self.app.switch_screen(self.chibo.first_screen())

    def action_back(self) -> None:
        if self.first_run:
            self.action_step(-1)
        elif len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.app.switch_screen(self.chibo.first_screen())


def open_setup(app: ChiboApp, page: str, first_run: bool | None = None) -> None:
    """Show the profile, roster or criteria screen.

    From another setup screen it takes that screen's place (so Escape returns to
    where the chair came from); from anywhere else it opens on top.
    """
    from .criteria import CriteriaScreen
    from .profile import ProfileScreen
    from .roster import RosterScreen
    from .score_sheet import ScoreSheetScreen

    screens: dict[str, type[SetupScreen]] = {
        "profile": ProfileScreen,
        "roster": RosterScreen,
        "criteria": CriteriaScreen,
        "scoresheet": ScoreSheetScreen,
    }
    if page not in screens:
        raise ValueError(f"unknown setup page {page!r}")
    current = app.screen
    if isinstance(current, ModalScreen):
        return  # finish the dialog first
    app.session.ensure_cell()
    if isinstance(current, SetupScreen):
        if current.PAGE == page:
            return
        keep = current.first_run if first_run is None else first_run
        app.switch_screen(screens[page](first_run=keep))
    else:
        app.push_screen(screens[page](first_run=bool(first_run)))
