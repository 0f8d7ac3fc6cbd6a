"""ChiboApp: wiring only. The store and the paths come in through ``make_app``."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import signal
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import AwaitMount

from . import heap
from .commands import ChiboCommands
from .domain.model import Meeting
from .domain.vietnamese import month_label
from .keys_in_order import KeysInOrder
from .rescue import save_error_text
from .session import DocumentKind, Session
from .store import Repository
from .text import common as T
from .text import setup as S
from .widgets.topbar import TopBar

AUTOSAVE_INTERVAL = 0.5
"""Seconds between handing edits to the writer thread: saved within a second."""

EXIT_SIGNALS = ("SIGHUP", "SIGTERM", "SIGBREAK")
SIGNAL_SAVE_TIMEOUT = 3.0
"""Seconds a signal leaves for the pending save before chibo goes anyway."""
SIGNAL_EXIT_TIMEOUT = 5.0
QUIT_WAIT = 5.0
"""Seconds Ctrl+Q waits for the save in progress before saying why it cannot leave."""


class ChiboApp(KeysInOrder):
    """The chair's meeting assistant."""

    CSS_PATH = ["chibo.tcss", "screens/history_list.tcss", "screens/home.tcss"]
    """Home's rules too: read with the app's, they are parsed once. A screen's own
    ``CSS_PATH`` makes Textual parse every rule again when it is first pushed
    (``Stylesheet.reparse``, ~5–10 ms at start-up); home keeps its list, found loaded."""
    TITLE = T.APP_TITLE
    ENABLE_COMMAND_PALETTE = True
    COMMAND_PALETTE_BINDING = "ctrl+p"
    COMMANDS = {ChiboCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", T.KEY_QUIT, tooltip=T.KEY_QUIT_HELP, id="quit", priority=True),
        # Declared here so that Textual does not add its own, labelled "palette".
        Binding(
            COMMAND_PALETTE_BINDING,
            "command_palette",
            T.KEY_PALETTE,
            show=False,
            priority=True,
            tooltip=T.KEY_PALETTE_HELP,
        ),
        Binding("f1", "show_files", T.KEY_FILES, tooltip=T.KEY_FILES_HELP, id="files"),
        Binding(
            "f5", "pick_month", T.KEY_PICK_MONTH, tooltip=T.KEY_PICK_MONTH_HELP, id="pick-month"
        ),
        Binding(
            "f6", "open_setup('profile')", S.KEY_PROFILE, tooltip=S.KEY_PROFILE_HELP, id="profile"
        ),
        Binding("f7", "open_setup('roster')", S.KEY_ROSTER, tooltip=S.KEY_ROSTER_HELP, id="roster"),
        Binding(
            "f8",
            "open_setup('criteria')",
            S.KEY_CRITERIA,
            tooltip=S.KEY_CRITERIA_HELP,
            id="criteria",
        ),
    ]

    last_saved: reactive[datetime | None] = reactive(None, repaint=False)
    """When the last change reached the disk (the top bars show it). Not a repaint of
    the whole screen at each save, twice a second while typing: the bars repaint."""

    @dataclass
    class Saved(Message):
        """The writer thread finished a save (posted from that thread)."""

        at: datetime

    @dataclass
    class SaveFailed(Message):
        error: Exception

    def __init__(self, session: Session, *, took_over_from: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.took_over_from = took_over_from
        self.quit_wait = QUIT_WAIT
        self._listen(session)

    def _listen(self, session: Session) -> None:
        def saved(at: datetime) -> None:
            self.post_message(self.Saved(at))

        def failed(error: Exception) -> None:
            self.post_message(self.SaveFailed(error))

        session.on_saved, session.on_save_failed = saved, failed

    # -- styles --------------------------------------------------------------

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        # Textual restyles a widget whose classes change even before it is in the DOM:
        # an ``Input(compact=True)``, a ``TextArea`` given a class, each cost a CSS
        # pass at construction (~1 ms each; ~50 per criterion step) that mounting
        # does again anyway (``App._register`` styles every widget it attaches).
        if not node.is_attached:
            return
        super().update_styles(node, animate)

    # -- start-up ------------------------------------------------------------

    def on_mount(self) -> None:
        self.set_interval(AUTOSAVE_INTERVAL, self.session.flush_edits, name="autosave")
        self._install_exit_signals()
        if self.took_over_from:
            self.notify(T.TOOK_OVER.format(holder=self.took_over_from), severity="warning")
        self.push_screen(self.first_screen())
        self.call_after_refresh(self.freeze_heap)
        self.call_after_refresh(self.report_opening_backup)

    @work(thread=True, group="opening-backup", exit_on_error=False)
    def report_opening_backup(self) -> None:
        """Take the opening backup, off the UI thread once the first screen is painted,
        and say if it failed."""
        failed = self.session.repo.backup_failed
        if failed:
            notice = T.NO_OPENING_BACKUP.format(reason=failed)
            self.call_from_thread(self.notify, notice, severity="warning", timeout=15)

    def freeze_heap(self) -> None:
        """Keep what is loaded so far out of full collections (see :mod:`.heap`)."""
        heap.freeze()

    def settle_heap(self) -> None:
        """A meeting step was just built: collect its leftovers, freeze the rest."""
        heap.settle()

    def release_heap(self) -> None:
        """A meeting closes: its screen, frozen when it opened, goes a little later."""
        # Started from the app's own queue: a timer started here would run in the
        # closing screen's context, and that context would keep the screen alive.
        self.call_later(self.set_timer, heap.RELEASE_DELAY, self._collect_heap)

    def _collect_heap(self) -> None:
        from .screens.meeting import MeetingScreen

        if any(isinstance(screen, MeetingScreen) for screen in self.screen_stack):
            return  # a meeting is open again: not while typing; its close collects both
        heap.collect(self)

    def first_screen(self) -> Screen[None]:
        if not self.session.has_members:
            from .screens.welcome import WelcomeScreen

            return WelcomeScreen()
        from .screens.home import HomeScreen

        return HomeScreen()

    def _install_exit_signals(self) -> None:
        """Leave through a save, never with edits in memory, whatever ends chibo.

        SIGHUP (the terminal window closed), SIGTERM (a shutdown), and on Windows
        SIGBREAK (Ctrl+Break, and closing the console window). Each exists only on
        some platforms, so each is looked up, never assumed.
        """

        loop = asyncio.get_running_loop()
        for name in EXIT_SIGNALS:
            number = getattr(signal, name, None)
            if number is None:
                continue
            try:
                loop.add_signal_handler(number, self._signalled, name)
            except (NotImplementedError, RuntimeError, ValueError):
                # Windows' event loop has no signal handlers: the C-level one runs
                # in the main thread, which is the app's.
                with contextlib.suppress(OSError, RuntimeError, ValueError):
                    signal.signal(number, functools.partial(self._on_c_signal, name))

    def _on_c_signal(self, name: str, _number: int, _frame: object) -> None:
        self._signalled(name)

    def _signalled(self, name: str) -> None:
        self.session.save_now(timeout=SIGNAL_SAVE_TIMEOUT)
        if name == "SIGTERM":
            # The terminal is still there: leave properly, but never hang.
            watchdog = threading.Timer(SIGNAL_EXIT_TIMEOUT, self._leave_now)
            watchdog.daemon = True
            watchdog.start()
            self.exit()
        else:
            # The terminal is gone: Textual's writer would block on it (3 of 13
            # closes hung holding the lock). Saved already; release and go.
            self._leave_now()

    def _leave_now(self) -> None:
        self.session.close(timeout=SIGNAL_SAVE_TIMEOUT)
        self.session.repo.close()
        os._exit(0)

    # -- navigation ----------------------------------------------------------

    def open_meeting(self, month: str) -> AwaitMount:
        """The live meeting of ``month``: started if new, resumed if in progress,
        read-only if finalised. Await the result for the screen to be up and focused."""
        from .screens.meeting import MeetingScreen

        meeting = self.session.meeting(month)
        shown = self.push_screen(MeetingScreen(meeting))
        self.call_after_refresh(self.freeze_heap)
        return shown

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pick_month":  # months exist only once the cell has members
            return self.session.has_members
        return True

    def action_pick_month(self) -> None:
        """Open any month's meeting: MM/YYYY or YYYY-MM, this month by default."""
        if not self.session.has_members:
            return
        from .dialogs.text_entry import TextEntryDialog, required
        from .domain.months import month_of, parse_month

        def chosen(text: str | None) -> None:
            if not text:
                return
            value = text.strip()
            if "/" in value:
                mm, _, yyyy = value.partition("/")
                value = f"{yyyy.strip()}-{mm.strip().zfill(2)}"
            try:
                month = parse_month(value)
            except ValueError as exc:
                self.notify(str(exc), severity="error")
                return
            self.open_meeting(month)

        this = month_of(self.session.today())
        default = f"{this[5:]}/{this[:4]}"
        self.push_screen(
            TextEntryDialog(T.PICK_MONTH_TITLE, T.PICK_MONTH_PROMPT, default, check=required),
            chosen,
        )

    def switch_repository(self, repo: Repository) -> None:
        """Use another database (the sample cell) from now on; the old one is closed."""
        self.session.switch_to(repo)
        self.last_saved = None

    # -- saving --------------------------------------------------------------

    def on_chibo_app_saved(self, message: Saved) -> None:
        self.last_saved = message.at

    def watch_last_saved(self, at: datetime | None) -> None:
        for screen in self.screen_stack:  # the screens below a dialog show it too
            for bar in screen.query(TopBar):
                bar.show_saved(at)

    def on_chibo_app_save_failed(self, message: SaveFailed) -> None:
        reason = save_error_text(message.error, self.session.repo.path.parent)
        self.notify(T.SAVE_FAILED.format(error=reason), severity="error", timeout=10)

    async def action_quit(self) -> None:
        """Leave once everything is on disk; the UI never freezes while it waits."""
        self.session.flush_edits()
        if not self.session.saving:
            self.exit()
            return
        self.notify(T.SAVING_BEFORE_QUIT, timeout=self.quit_wait)
        if await asyncio.to_thread(self.session.wait_saved, self.quit_wait):
            self.exit()
            return
        self._quit_blocked()

    def _quit_blocked(self) -> None:
        """Saves keep failing: say what and why, and let the chair choose."""
        from .dialogs.quit_blocked import QuitBlockedDialog, QuitChoice

        what = ", ".join(
            T.QUIT_WHAT_MONTH.format(month=month_label(r.month))
            if isinstance(r, Meeting)
            else T.QUIT_WHAT_CELL
            for r in self.session.unsaved()
        )
        reason = self.session.save_error_text() or T.SAVING_BEFORE_QUIT

        async def chosen(choice: QuitChoice | None) -> None:
            if choice == "retry":
                await self.action_quit()
            elif choice == "rescue":
                try:
                    path = await asyncio.to_thread(self.session.rescue)
                except OSError as exc:
                    self.notify(T.RESCUE_FAILED.format(error=exc), severity="error", timeout=15)
                    return
                self.notify(T.RESCUE_WRITTEN.format(path=path), timeout=15)
                self.exit(message=T.RESCUE_WRITTEN.format(path=path))

        self.push_screen(QuitBlockedDialog(what, reason), chosen)

    def on_unmount(self) -> None:
        self.session.close()

    # -- app-wide actions ----------------------------------------------------

    def action_open_setup(self, page: str) -> None:
        """The cell's profile, roster or criteria screen ("profile", "roster", "criteria")."""
        from .screens.setup import open_setup

        open_setup(self, page)

    def action_show_files(self) -> None:
        self.notify(
            T.FILES_INFO.format(
                db=self.session.repo.path, exports=self.session.exports_dir.absolute()
            ),
            title=T.KEY_FILES,
            timeout=8,
        )

    def export_document(
        self, kind: DocumentKind, month: str | None = None, year: int | None = None
    ) -> None:
        """Write minutes/report (by month) or summary/plan (by year) in a worker thread.

        Pending edits are saved first so the document shows what is on screen;
        the path written, or the reason it could not be, is shown as a notice.
        """
        self.session.flush_edits()
        self.run_worker(
            lambda: self._export(kind, month, year),
            name=f"export-{kind.value}",
            thread=True,
            exit_on_error=False,
        )

    def _export(self, kind: DocumentKind, month: str | None, year: int | None) -> None:
        self.session.wait_saved()
        try:
            done = self.session.export_numbered(kind, month=month, year=year)
        except Exception as exc:  # shown to the chair; the app keeps running
            self.call_from_thread(
                self.notify, T.EXPORT_FAILED.format(error=exc), severity="error", timeout=10
            )
            return
        self.call_from_thread(self.notify, done.notice, timeout=10)

    def export_pack(self, month: str) -> None:
        """The month's documents into one folder, with PDFs when LibreOffice is installed;
        each step is shown as it goes (LibreOffice takes seconds per document)."""
        self.session.flush_edits()
        self.run_worker(
            lambda: self._pack(month), name="export-pack", thread=True, exit_on_error=False
        )

    def _pack(self, month: str) -> None:
        from .export.pdf import find_soffice

        self.session.wait_saved()

        def say(text: str) -> None:
            self.call_from_thread(self.notify, text, timeout=4)

        try:
            pack = self.session.export_pack(month, pdf=find_soffice() is not None, progress=say)
        except Exception as exc:  # shown to the chair; the app keeps running
            self.call_from_thread(
                self.notify, T.EXPORT_FAILED.format(error=exc), severity="error", timeout=10
            )
            return
        template = T.PACK_DONE_PDF if pack.pdfs else T.PACK_DONE
        done = template.format(count=len(pack.documents), pdfs=len(pack.pdfs), folder=pack.folder)
        if not pack.pdfs:
            done += " " + T.PACK_NO_PDF_APP
        self.call_from_thread(self.notify, done, timeout=12)

    def action_command_palette(self) -> None:
        """The command palette, in Vietnamese."""
        open_already = any(isinstance(s, CommandPalette) for s in self.screen_stack)
        if self.use_command_palette and not open_already:
            self.push_screen(
                CommandPalette(placeholder=T.PALETTE_PLACEHOLDER, id="--command-palette")
            )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key shown in the footer is also a command in the palette."""
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.show or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            node = active.node

            def run(node: object = node, action: str = binding.action) -> None:
                self.call_later(self.run_action, action, node)

            help_text = binding.tooltip or f"Phím {binding.key_display or key}"
            yield SystemCommand(binding.description, help_text, run)
        # An app key that a screen gives another job (F6 is the resolution in the meeting
        # and the month view, the profile elsewhere) stays in the palette, keyless.
        for bindings in self._bindings.key_to_bindings.values():
            for binding in bindings:
                if not binding.show or not binding.description or binding.action in seen:
                    continue
                seen.add(binding.action)
                yield SystemCommand(
                    binding.description,
                    binding.tooltip or binding.description,
                    lambda action=binding.action: self.call_later(self.run_action, action),
                )
        extra = getattr(screen, "commands", None)
        if extra is not None:
            yield from extra()
        # Textual's own commands, in Vietnamese (its Quit is the footer's Thoát).
        yield SystemCommand(T.CMD_THEME, T.CMD_THEME_HELP, self.action_change_theme)
        if screen.query("HelpPanel"):
            yield SystemCommand(T.CMD_KEYS_HIDE, T.CMD_KEYS_HELP, self.action_hide_help_panel)
        else:
            yield SystemCommand(T.CMD_KEYS, T.CMD_KEYS_HELP, self.action_show_help_panel)


def make_app(
    repo: Repository,
    exports_dir: Path,
    *,
    clock: Callable[[], datetime] = datetime.now,
    took_over_from: str | None = None,
) -> ChiboApp:
    """The one factory used by the command line and by the tests."""
    return ChiboApp(Session(repo, exports_dir, clock=clock), took_over_from=took_over_from)
