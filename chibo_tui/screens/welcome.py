"""First run on an empty database: set up my cell, or try the sample cell."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from ..session import fill_sample, open_sample, sample_path
from ..store import Repository
from ..text import setup as T
from ..widgets.footer import KeyFooter
from ..widgets.topbar import TopBar
from .base import ChiboScreen
from .setup import open_setup

DEMO_MONTHS = 14


def display_path(path: Path) -> Path:
    """A path as the chair would type it: relative to the working folder when inside it."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


class WelcomeScreen(ChiboScreen[None]):
    """The two ways in: set up my own cell, or try the sample cell."""

    CSS_PATH = "setup.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (96, "-wide")]

    BINDINGS = [
        Binding("s,1", "setup", T.KEY_SETUP, tooltip=T.KEY_SETUP_HELP, id="welcome-setup"),
        Binding("d,2", "demo", T.KEY_DEMO, tooltip=T.KEY_DEMO_HELP, id="welcome-demo"),
    ]

    def compose(self) -> ComposeResult:
        yield self.top_bar()
        with Vertical(id="welcome-box"):
            yield Label(T.WELCOME_TITLE, id="welcome-title")
            yield Static(T.WELCOME_INTRO, id="welcome-intro", markup=False)
            yield Static(id="welcome-state", markup=False)
            yield OptionList(id="welcome-choices")
            yield Label(T.WELCOME_HINT, id="welcome-hint", classes="hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(TopBar).context = T.WELCOME_CONTEXT
        self._fill()
        self.query_one(OptionList).focus()

    def on_screen_resume(self) -> None:
        # Back from a setup screen opened with F2–F4: the cell may be usable now.
        if self.session.has_members:
            self.app.switch_screen(self.chibo.first_screen())
        else:
            self._fill()

    def _fill(self) -> None:
        cell = self.session.cell
        started = cell is not None and bool(cell.name)
        state = (
            T.WELCOME_RESUME.format(name=cell.name)
            if started and cell is not None
            else T.WELCOME_EMPTY.format(path=display_path(self.session.repo.path))
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
                            path=display_path(sample_path(self.session.repo.path))
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
        self._open_sample(sample_path(self.session.repo.path))

    @work(thread=True, exclusive=True, exit_on_error=False, group="sample")
    def _open_sample(self, path: Path) -> None:
        try:
            if path == self.session.repo.path:  # the chair named the real file like the sample
                repo = self.session.repo
                fill_sample(repo, self.session.today())
            else:
                repo = open_sample(path, self.session.today())
        except Exception as exc:  # the chair sees why; the real database stays open
            self.app.call_from_thread(
                self.notify, T.DEMO_FAILED.format(error=exc), severity="error", timeout=12
            )
            return
        self.app.call_from_thread(self._use_sample, repo)

    def _use_sample(self, repo: Repository) -> None:
        real = self.session.repo.path
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
