"""Writing a change to disk: one file replaced in place, or a commit over several.

A change that touches one file (typed text, whose month summary is unchanged)
replaces that file atomically. A change that spans files writes each changed
year file under a name no reader looks at yet (a new generation), makes them
durable, then replaces the main file, which names them: that rename is the one
commit point. Files the new main file no longer names are removed afterwards;
if a kill comes first, the next writer removes them at open (:func:`remove_unnamed`).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from . import layout
from .atomic import atomic_write, fsync_folder, write_new


def replace_in_place(path: Path, data: bytes) -> None:
    """Replace one file whose change no other file depends on."""
    atomic_write(path, data)


def commit(
    main_path: Path, main_data: bytes, new_files: dict[Path, bytes], old: list[Path]
) -> None:
    """Write ``new_files``, then the main file naming them, then remove ``old``.

    On failure before the main file is replaced, nothing named has changed and
    the new files are removed again; the exception goes to the caller.
    """
    written: list[Path] = []
    try:
        for path, data in new_files.items():
            written.append(path)
            write_new(path, data)
        if new_files:
            # The new names must be on disk before the main file names them.
            fsync_folder(main_path.parent)
        atomic_write(main_path, main_data)
    except BaseException:
        remove(written)
        raise
    remove(old)


def remove(paths: list[Path]) -> None:
    """Remove files nothing names (best effort: the next open removes what is left)."""
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def remove_unnamed(db_path: Path, named: set[Path]) -> list[Path]:
    """Year files of this database that its main file does not name: leftovers of a
    commit that was killed, or of one whose clean-up failed. Call under the lock."""
    unnamed = [p for p in layout.year_files_on_disk(db_path) if p not in named]
    remove(unnamed)
    return unnamed
