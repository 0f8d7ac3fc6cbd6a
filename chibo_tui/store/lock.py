"""One writer per database: an OS lock on ``<db>.lock``, taken without waiting.

The operating system drops the lock when its process dies (even by SIGKILL or
Task Manager's "End task"), so a lock left behind never locks the chair out; the
file's content (who held it) tells the next process that it took over from a
process that did not close cleanly.

POSIX uses ``flock``; Windows has no ``fcntl`` and uses ``msvcrt.locking``. The
module is picked when a lock is taken, never imported at module level: importing
chibo must work wherever Python does.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import json
import os
import sys
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Protocol

from .errors import DatabaseLockedError, UnwritableFolderError

O_BINARY = getattr(os, "O_BINARY", 0)
"""Windows opens files in text mode (``\\n`` → ``\\r\\n``) unless told otherwise."""

WINDOWS_LOCK_OFFSET = 1 << 30
"""Where the Windows lock's one byte lies: far past the holder's description.

Windows byte-range locks are mandatory: a second process could not read bytes
that are locked, and must read the holder's description to name it. Locking a
byte past the end of a file is allowed.
"""

_HELD_ERRNOS = {errno.EACCES, errno.EAGAIN, getattr(errno, "EDEADLOCK", errno.EDEADLK)}


class _OsLock(Protocol):
    def try_lock(self, fd: int) -> bool:
        """Take the lock without waiting; ``False`` when another holder has it."""

    def unlock(self, fd: int) -> None: ...


class _Flock:
    """``flock`` (POSIX): held by the open file, so a second open in one process is refused too."""

    def __init__(self, fcntl: ModuleType) -> None:
        self._fcntl = fcntl

    def try_lock(self, fd: int) -> bool:
        try:
            self._fcntl.flock(fd, self._fcntl.LOCK_EX | self._fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def unlock(self, fd: int) -> None:
        self._fcntl.flock(fd, self._fcntl.LOCK_UN)


class _MsvcrtLock:
    """``msvcrt.locking`` (Windows): a byte-range lock held by the file handle."""

    def __init__(self, msvcrt: ModuleType) -> None:
        self._msvcrt = msvcrt

    def try_lock(self, fd: int) -> bool:
        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)  # locking() starts at the position
        try:
            self._msvcrt.locking(fd, self._msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in _HELD_ERRNOS:
                return False
            raise
        return True

    def unlock(self, fd: int) -> None:
        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        self._msvcrt.locking(fd, self._msvcrt.LK_UNLCK, 1)


def platform_lock() -> _OsLock:
    """The platform's lock, looked up now (so that a test can take ``fcntl`` away)."""
    for name, kind in (("fcntl", _Flock), ("msvcrt", _MsvcrtLock)):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return kind(module)
    raise RuntimeError("no file locking on this platform (neither fcntl nor msvcrt)")


class DatabaseLock:
    """Hold the database for writing for the life of the process."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self.db_path = db_path
        self._fd: int | None = None
        self._os_lock: _OsLock | None = None
        self.took_over_from: str | None = None

    def acquire(self) -> None:
        os_lock = platform_lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | O_BINARY, 0o600)
        except OSError as exc:  # a read-only stick, a folder of another user
            raise UnwritableFolderError(self.db_path, exc) from None
        if not os.access(self.path.parent, os.W_OK):
            os.close(fd)
            raise UnwritableFolderError(self.db_path, PermissionError(errno.EACCES, "")) from None
        if not os_lock.try_lock(fd):
            holder = _describe(_read(fd))
            os.close(fd)
            raise DatabaseLockedError(self.db_path, holder) from None
        previous = _read(fd)
        if previous:
            self.took_over_from = _describe(previous)
        info = {
            "pid": os.getpid(),
            "host": _host_name(),
            "since": datetime.now().isoformat(timespec="seconds"),
            "command": " ".join(sys.argv[:3]),
        }
        os.ftruncate(fd, 0)
        _write(fd, json.dumps(info, ensure_ascii=False).encode())
        os.fsync(fd)
        self._fd, self._os_lock = fd, os_lock

    def release(self) -> None:
        if self._fd is None or self._os_lock is None:
            return
        # An empty lock file means "closed cleanly"; the file stays so that no
        # other process can be holding a lock on an unlinked inode.
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
        with contextlib.suppress(OSError):
            self._os_lock.unlock(self._fd)  # closing the file drops it anyway
        os.close(self._fd)
        self._fd = self._os_lock = None

    @property
    def held(self) -> bool:
        return self._fd is not None


def _write(fd: int, data: bytes) -> None:
    # No os.pwrite on Windows: seek, then write.
    os.lseek(fd, 0, os.SEEK_SET)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _read(fd: int) -> dict[str, object]:
    try:
        os.lseek(fd, 0, os.SEEK_SET)  # no os.pread on Windows
        raw = os.read(fd, 4096)
        data = json.loads(raw.decode()) if raw.strip() else {}
    except (OSError, ValueError):
        return {"pid": "?"}
    return data if isinstance(data, dict) else {"pid": "?"}


def _describe(info: dict[str, object]) -> str:
    if not info:
        return "không rõ tiến trình"
    parts = [f"tiến trình {info.get('pid', '?')}"]
    if info.get("host"):
        parts.append(f"máy {info['host']}")
    if info.get("since"):
        parts.append(f"từ {str(info['since']).replace('T', ' ')}")
    if info.get("command"):
        parts.append(f"lệnh “{info['command']}”")
    return ", ".join(parts)


def _host_name() -> str:
    """This machine's name, as ``socket.gethostname`` gives it (both read the kernel's
    node name), without importing ``socket`` (~5 ms) where ``uname`` exists."""
    uname = getattr(os, "uname", None)
    if uname is not None:
        return str(uname().nodename)
    import socket

    return socket.gethostname()
