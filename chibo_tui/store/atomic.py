"""Atomic file replacement: the file on disk is always either the old or the new one.

Write a temp file in the same folder, flush, fsync, ``os.replace``, then fsync
the folder so the rename itself survives a power cut.

On Windows a file another program has open (an antivirus scan, a backup tool,
OneDrive syncing it, a viewer) cannot be replaced: ``os.replace`` raises
``PermissionError`` until that program lets go, usually within a moment. The
rename is tried again a few times; when it still fails the temp file is removed
and the old file stays as it was.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import FileInUseError

TEMP_SUFFIX = ".chibo-tmp"
O_BINARY = getattr(os, "O_BINARY", 0)
"""Windows opens files in text mode (``\n`` → ``\r\n``) unless told otherwise."""

REPLACE_WAITS = (0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.5)
"""Seconds between attempts at a rename refused with ``PermissionError``: eight tries
in 1.7 s, long enough for a virus scan of a small file, short enough to report."""

sleep: Callable[[float], None] = time.sleep  # tests replace it to run without waiting


def atomic_write(path: Path, data: bytes, mode: int = 0o600) -> None:
    with _replacing(path) as temp:
        write_new(temp, data, mode)


@contextlib.contextmanager
def atomic_stream(path: Path, mode: int = 0o600) -> Iterator[BinaryIO]:
    """A file to write piece by piece that replaces ``path`` only once it is whole:
    ``atomic_write`` for what is too big to hold in memory first (a backup of 600
    months is 2–3 MB zipped). On any error the temp file is removed and ``path``
    is left as it was."""
    with _replacing(path) as temp:
        fd = os.open(temp, os.O_RDWR | os.O_CREAT | os.O_TRUNC | O_BINARY, mode)
        with os.fdopen(fd, "w+b") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """The temp file to write in ``path``'s folder; it replaces ``path`` once the block
    is done, or is removed if the block fails."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    temp = folder / f".{path.name}.{os.getpid()}{TEMP_SUFFIX}"
    try:
        yield temp
        replace_retrying(temp, path)
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
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | O_BINARY, mode)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_retrying(source: Path, target: Path) -> None:
    """``os.replace``, tried again while another program holds ``target`` (Windows)."""
    _retrying(os.replace, source, target)


def rename_retrying(source: Path, target: Path) -> None:
    """``os.rename``, tried again the same way. On Windows it never replaces: it raises
    ``FileExistsError`` when ``target`` exists, which a caller can use to take a name."""
    _retrying(os.rename, source, target)


def _retrying(move: Callable[[Path, Path], None], source: Path, target: Path) -> None:
    for wait in (*REPLACE_WAITS, None):
        try:
            move(source, target)
            return
        except FileExistsError:
            raise  # a PermissionError on no platform, but say so: never retried
        except PermissionError as exc:
            if wait is None:
                raise FileInUseError(target, exc) from exc
            sleep(wait)


FOLDER_FSYNC = sys.platform != "win32"
"""Windows cannot open a folder as a file; NTFS journals the rename itself."""


def fsync_folder(folder: Path) -> None:
    if not FOLDER_FSYNC:
        return
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
