"""Atomic file replacement: the file on disk is always either the old or the new one.

Write a temp file in the same folder, flush, fsync, ``os.replace``, then fsync
the folder so the rename itself survives a power cut.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

TEMP_SUFFIX = ".chibo-tmp"


def atomic_write(path: Path, data: bytes, mode: int = 0o600) -> None:
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    temp = folder / f".{path.name}.{os.getpid()}{TEMP_SUFFIX}"
    try:
        write_new(temp, data, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_folder(folder)


def write_new(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write ``data`` to ``path`` and fsync it; for a file no reader looks at yet.

    Not atomic by itself: a temp file, or a year file the main file does not name
    until it is whole on disk. The folder is not fsynced: the caller does it once.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on folders; the rename is still atomic
    finally:
        os.close(fd)


def remove_stale_temps(folder: Path, stem: str) -> list[Path]:
    """Temp files left by a write that was killed; safe to delete under the lock."""
    removed = []
    for temp in folder.glob(f".{stem}*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            temp.unlink()
            removed.append(temp)
    return removed
