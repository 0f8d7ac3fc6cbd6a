"""First run on an empty database: set up my cell, or try the sample cell."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from ..app import SAMPLE_FILE_NAME
from ..store import Repository
from ..text import setup as T
from ..widgets.topbar import TopBar
from .setup import open_setup

if TYPE_CHECKING:
    from ..app import ChiboApp

DEMO_MONTHS = 14


def sample_path(real: Path) -> Path:
    """Where the sample cell lives: next to the real database, in its own file."""
    return real.with_name(SAMPLE_FILE_NAME)


def display_path(path: Path) -> Path:
    """A path as the chair would type it: relative to the working folder when inside it."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def open_sample(path: Path, today: date) -> Repository:
    """Open the sample database, filling it with the demo cell on first use.

    Runs in a worker thread (it writes and fsyncs); raises the store's errors.
    """
    repo = Repository.open(path)
    try:
        fill_sample(repo, today)
    except BaseException:
        repo.close()
        raise
    return repo


def fill_sample(repo: Repository, today: date) -> None:
    """Write the demo cell (``chibo demo``'s data) into ``repo`` if it is empty."""
    from ..domain.demo import build_demo

    if not repo.has_data():
        cell, meetings = build_demo(DEMO_MONTHS, today)
        repo.import_history(cell, meetings)


class WelcomeScreen(Screen[None]):
    """The two ways in: set up my own cell, or try the sample cell."""

    CSS_PATH = "setup.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (96, "-wide")]

    BINDINGS = [
        Binding("s,1", "setup", T.KEY_SETUP, tooltip=T.KEY_SETUP_HELP, id="welcome-setup"),
        Binding("d,2", "demo", T.KEY_DEMO, tooltip=T.KEY_DEMO_HELP, id="welcome-demo"),
    ]

    @property
    def chibo(self) -> ChiboApp:
        return cast("ChiboApp", self.app)

    def compose(self) -> ComposeResult:
        yield TopBar()
        with Vertical(id="welcome-box"):
            yield Label(T.WELCOME_TITLE, id="welcome-title")
            yield Static(T.WELCOME_INTRO, id="welcome-intro", markup=False)
            yield Static(id="welcome-state", markup=False)
            yield OptionList(id="welcome-choices")
            yield Label(T.WELCOME_HINT, id="welcome-hint", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(TopBar).context = T.WELCOME_CONTEXT
        self._fill()
        self.query_one(OptionList).focus()

    def on_screen_resume(self) -> None:
        # Back from a setup screen opened with F2–F4: the cell may be usable now.
        cell = self.chibo.cell
        if cell is not None and cell.active_members():
            self.app.switch_screen(self.chibo.first_screen())
        else:
            self._fill()

    def _fill(self) -> None:
        cell = self.chibo.cell
        started = cell is not None and bool(cell.name)
        state = (
            T.WELCOME_RESUME.format(name=cell.name)
            if started and cell is not None
            else T.WELCOME_EMPTY.format(path=display_path(self.chibo.repo.path))
        )
        self.query_one("#welcome-state", Static).update(state)
        setup_title = (
            T.WELCOME_SETUP_RESUME.format(name=cell.name)
            if started and cell is not None
            else T.WELCOME_SETUP
        )
        choices = self.query_one(OptionList)
        highlighted = choices.highlighted or 0
        choices.clear_options()
        choices.add_options(
            [
                Option(
                    _choice("1", setup_title, T.WELCOME_SETUP_HELP, T.WELCOME_SETUP_STEPS),
                    id="setup",
                ),
                None,
                Option(
                    _choice(
                        "2",
                        T.WELCOME_DEMO,
                        T.WELCOME_DEMO_HELP,
                        T.WELCOME_DEMO_WHERE.format(
                            path=display_path(sample_path(self.chibo.repo.path))
                        ),
                    ),
                    id="demo",
                ),
            ]
        )
        choices.highlighted = highlighted

    @on(OptionList.OptionSelected, "#welcome-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == "setup":
            self.action_setup()
        elif event.option.id == "demo":
            self.action_demo()

    def action_setup(self) -> None:
        """Step 1 of the first run: the cell's profile."""
        open_setup(self.chibo, "profile", first_run=True)

    def action_demo(self) -> None:
        """Open the sample cell (created on first use) in place of the real database."""
        if any(w.group == "sample" and not w.is_finished for w in self.workers):
            return  # a second key press while the first is still opening it
        self.notify(T.DEMO_OPENING, timeout=3)
        self._open_sample(sample_path(self.chibo.repo.path))

    @work(thread=True, exclusive=True, exit_on_error=False, group="sample")
    def _open_sample(self, path: Path) -> None:
        try:
            if path == self.chibo.repo.path:  # the chair named the real file like the sample
                repo = self.chibo.repo
                fill_sample(repo, date.today())
            else:
                repo = open_sample(path, date.today())
        except Exception as exc:  # the chair sees why; the real database stays open
            self.app.call_from_thread(
                self.notify, T.DEMO_FAILED.format(error=exc), severity="error", timeout=12
            )
            return
        self.app.call_from_thread(self._use_sample, repo)

    def _use_sample(self, repo: Repository) -> None:
        real = self.chibo.repo.path
        if repo is self.chibo.repo:
            self.chibo.cell = repo.load_cell()
        else:
            self.chibo.switch_repository(repo)
        self.app.switch_screen(self.chibo.first_screen())
        self.app.notify(
            T.DEMO_OPENED.format(path=repo.path, real=real),
            title=T.DEMO_OPENED_TITLE,
            severity="warning",
            timeout=20,
        )


def _choice(key: str, title: str, *lines: str) -> Content:
    """An option: the key and title in bold, the explanation lines under it, indented."""
    content = Content.from_markup("[b]$key  $title[/b]", key=key, title=title)
    for line in lines:
        content += Content("\n   ") + Content.from_markup("[dim]$line[/dim]", line=line)
    return content
