"""One writer per database: an advisory ``flock`` on ``<db>.lock``.

The kernel drops a ``flock`` when its process dies, even by SIGKILL, so a lock
left behind never locks the chair out; the file's content (who held it) tells
the next process that it took over from a process that did not close cleanly.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import socket
import sys
from datetime import datetime
from pathlib import Path

from .errors import DatabaseLockedError, UnwritableFolderError


class DatabaseLock:
    """Hold the database for writing for the life of the process."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self.db_path = db_path
        self._fd: int | None = None
        self.took_over_from: str | None = None

    def acquire(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:  # a read-only stick, a folder of another user
            raise UnwritableFolderError(self.db_path, exc) from None
        if not os.access(self.path.parent, os.W_OK):
            os.close(fd)
            raise UnwritableFolderError(self.db_path, PermissionError(errno.EACCES, "")) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _describe(_read(fd))
            os.close(fd)
            raise DatabaseLockedError(self.db_path, holder) from None
        previous = _read(fd)
        if previous:
            self.took_over_from = _describe(previous)
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": datetime.now().isoformat(timespec="seconds"),
            "command": " ".join(sys.argv[:3]),
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info, ensure_ascii=False).encode(), 0)
        os.fsync(fd)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        # An empty lock file means "closed cleanly"; the file stays so that no
        # other process can be holding a lock on an unlinked inode.
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None


def _read(fd: int) -> dict[str, object]:
    try:
        raw = os.pread(fd, 4096, 0)
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
