"""The real ``chibo`` in a pseudo-terminal, driven by bytes as a keyboard sends them."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from reliability_helpers import ROOT, child_env

from chibo_tui.store.snapshot import read_database

WAIT = 60.0
"""Seconds to wait for anything the app must do: generous, the machine may be loaded."""
_ESCAPES = re.compile(
    rb"\x1b(\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-B]|.)"
)


class Terminal:
    """``python -m chibo_tui`` in a pseudo-terminal of 120 × 40."""

    def __init__(self, db: Path) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child: become chibo
            try:
                os.chdir(ROOT)
                env = child_env() | {"TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
                os.execve(sys.executable, [sys.executable, "-m", "chibo_tui", "--db", str(db)], env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        self.screen = ""
        self.nfc = ""
        self.status: int | None = None

    def _read(self, timeout: float) -> None:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if ready:
            try:
                raw = os.read(self.fd, 1 << 16)
            except OSError:  # the child is gone
                raw = b""
            plain = _ESCAPES.sub(b"", raw).decode("utf-8", errors="replace")
            self.screen = (self.screen + plain)[-200_000:]
            self.nfc = unicodedata.normalize("NFC", self.screen)

    def wait_for(self, text: str, limit: float = WAIT) -> bool:
        """Read the output until ``text`` has been painted (compared in NFC)."""
        deadline = time.monotonic() + limit
        while unicodedata.normalize("NFC", text) not in self.nfc:
            if time.monotonic() > deadline:
                assert limit < WAIT, f"never painted {text!r}: …{self.screen[-2000:]}"
                return False
            self._read(0.1)
        return True

    def type(self, text: str) -> None:
        """Send ``text`` in one write, as a keyboard or an input method sends a burst."""
        os.write(self.fd, text.encode())

    def knock_until_focused(self, db: Path, month: str) -> None:
        """Wait until keys land in the field the meeting screen focuses.

        The cursor lands in the field once the screen is laid out; keys sent before
        go elsewhere (harmlessly). Knock until a probe shows up in it and on disk,
        then rub out every probe sent (extra backspaces do no harm).
        """
        deadline = time.monotonic() + WAIT
        sent = 0
        while True:
            self.type("QZQ")
            sent += 3
            if self.wait_for("QZQ", limit=2.0):
                break
            assert time.monotonic() < deadline, "the field never took the keys"
        wait_on_disk(db, month, "QZQ")
        self.type(BACKSPACE * sent)
        wait_on_disk(db, month, "QZQ", present=False)

    def signal(self, sig: int) -> int:
        """Send ``sig`` and wait for the process to end; its wait status."""
        os.kill(self.pid, sig)
        # Keep the pty drained meanwhile, or a flush could block on it.
        return self._wait_end("chibo did not end", lambda: self._read(0.05))

    def hang_up(self) -> int:
        """Close the terminal itself (the window's close button); the wait status.

        The kernel sends SIGHUP to chibo; with nothing left to write to, a
        process that tries to restore the screen can block for ever.
        """
        os.close(self.fd)
        self.fd = -1
        return self._wait_end(
            "chibo was still running after its terminal closed", lambda: time.sleep(0.05)
        )

    def _wait_end(self, never: str, meanwhile: Callable[[], None]) -> int:
        """Wait (with a generous limit) for chibo to end; its wait status."""
        deadline = time.monotonic() + WAIT
        while True:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
                return status
            assert time.monotonic() < deadline, never
            meanwhile()

    def close(self) -> None:
        if self.status is None:
            with contextlib.suppress(ProcessLookupError, ChildProcessError):
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        if self.fd >= 0:
            os.close(self.fd)


BACKSPACE = "\x7f"


def _year_bytes(db: Path, year: int) -> bytes:
    """The bytes of the file the database names for ``year`` now (a commit renames it)."""
    state = read_database(db)
    return state.raw[state.year_path(year).name] if year in state.generations else b""


def wait_on_disk(db: Path, month: str, text: str, present: bool = True) -> None:
    """Wait until the month's year file holds ``text`` (or no longer holds it)."""
    deadline = time.monotonic() + WAIT
    while (text.encode() in _year_bytes(db, int(month[:4]))) is not present:
        assert time.monotonic() < deadline, (
            f"{text!r} never {'reached' if present else 'left'} the disk"
        )
        time.sleep(0.05)
