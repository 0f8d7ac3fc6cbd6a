"""When saving keeps failing: say why in Vietnamese, and write a rescue file.

A full disk or a folder that became read-only must never cost the chair what
was typed. The rescue file is the database as it is on disk with the unsaved
records written into it, packed like a backup, so ``chibo check`` reads it and
``chibo restore <file>`` puts it back. It is built in a temporary folder
(usually on another disk) and placed beside the database, or, when that folder
takes nothing, in the home or the exports folder.
"""

from __future__ import annotations

import errno
import shutil
import tempfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from .domain.model import Cell, Meeting
from .store import Repository
from .text import common as T

NO_ROOM = {errno.ENOSPC, errno.EDQUOT}
NO_RIGHT = {errno.EACCES, errno.EPERM, errno.EROFS}


def save_error_text(error: BaseException, folder: Path) -> str:
    """Why a save failed, as a sentence for the chair (never errno text)."""
    code = getattr(error, "errno", None)
    if code in NO_ROOM:
        return T.SAVE_NO_ROOM
    if code in NO_RIGHT:
        return T.SAVE_NO_RIGHT.format(folder=folder)
    return str(error) or type(error).__name__


def write_rescue(
    repo: Repository,
    cell: Cell | None,
    meetings: Iterable[Meeting],
    now: datetime,
    also: Iterable[Path] = (),
) -> Path:
    """Write the rescue file; its path. Raises ``OSError`` when no folder takes it."""
    with tempfile.TemporaryDirectory(prefix="chibo-cuu-ho-") as tmp:
        copy = Path(tmp) / repo.path.name
        for file in repo.files():
            shutil.copy2(file, Path(tmp) / file.name)
        with Repository.open(copy, clock=lambda: now) as rescued:
            with rescued.transaction():
                if cell is not None:
                    rescued.save_cell(cell)
                for meeting in meetings:
                    rescued.save_meeting(meeting)
            files = {p.name: p.read_bytes() for p in rescued.files()}
    name = f"{repo.path.stem}-cuu-ho-{now:%Y%m%d-%H%M%S}.zip"
    import zipfile

    tried: list[OSError] = []
    for folder in (repo.path.parent, Path.home(), *also):
        target = folder / name
        try:
            with zipfile.ZipFile(target, "x", zipfile.ZIP_DEFLATED) as archive:
                for file_name, data in files.items():
                    archive.writestr(file_name, data)
        except OSError as exc:
            tried.append(exc)
            target.unlink(missing_ok=True)
            continue
        return target
    raise tried[-1] if tried else OSError(errno.ENOENT, "no folder to write to")
