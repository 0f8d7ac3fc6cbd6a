"""Backups: zip copies of every file of a database, in ``<db folder>/backups/``.

Taken when a database is opened for writing and at each finalise; identical
copies are skipped so that 30 openings in a day do not push out older states.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

import msgspec

from . import checked
from .atomic import TEMP_SUFFIX, atomic_stream

KEEP = 30
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>[0-9]{8}-[0-9]{6})(?:-(?P<n>[0-9]+))?-(?P<tag>[a-z]+)\.zip$"
)


class Backup(msgspec.Struct, frozen=True):
    path: Path
    taken: datetime
    tag: str  # "open", "finalise", "restore"
    sequence: int = 1  # several backups in one second: -2, -3 …

    @property
    def label(self) -> str:
        tags = {"open": "khi mở", "finalise": "khi chốt", "restore": "trước khôi phục"}
        return f"{self.taken:%d/%m/%Y %H:%M:%S}  {tags.get(self.tag, self.tag)}"


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


def list_backups(db_path: Path) -> list[Backup]:
    """Backups of this database, newest first."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{db_path.stem}-*.zip"):
        match = _NAME.match(path.name)
        if not match or match["stem"] != db_path.stem:
            continue
        taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        found.append(Backup(path, taken, match["tag"], int(match["n"] or 1)))
    return sorted(found, key=lambda b: (b.taken, b.sequence), reverse=True)


# zipfile is imported where a backup is written or read, not with the store: a
# command-line export never needs it.


class FilesDigest:
    """What a backup's comment holds to tell identical copies: a digest over each file's
    name and SHA-256, fed one file at a time in the order of their names.

    Built from the files' own digests, which the open computes anyway to check them
    (``checked``): the open of a long history then knows whether its state is backed
    up already without hashing 13.5 MB a second time (600 months: ~8 ms) or holding
    the files. Backups taken before this used a digest of the bytes themselves: the
    first open after the change takes one more backup, the same as the newest.
    """

    def __init__(self) -> None:
        self._hash = hashlib.sha256()
        self._last: str | None = None

    def add(self, name: str, file_digest: str) -> None:
        assert self._last is None or name > self._last, "files in the order of their names"
        self._last = name
        self._hash.update(f"{name}\0{file_digest}\0".encode())

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


def _digest(files: Mapping[str, bytes]) -> str:
    found = FilesDigest()
    for name in sorted(files):
        found.add(name, checked.digest(files[name]))
    return found.hexdigest()


def take_backup(
    db_path: Path,
    files: Mapping[str, bytes],
    tag: str,
    now: datetime,
    digest: str | None = None,
) -> Path | None:
    """Zip ``files`` (name → bytes); ``None`` when identical to the newest backup.

    ``files`` may read each file when asked for it (the store's year files are not
    held in memory): it is asked once for the digest, unless the caller gives it, and
    once more for the zip, one file at a time.
    """
    import zipfile

    if not files:
        return None
    if digest is None:
        digest = _digest(files)
    backups = list_backups(db_path)
    if backups and tag != "restore":
        try:
            with zipfile.ZipFile(backups[0].path) as newest:
                if newest.comment.decode() == digest:
                    return None
        except (OSError, zipfile.BadZipFile, UnicodeDecodeError):
            pass
    folder = backup_folder(db_path)
    base = f"{db_path.stem}-{now:%Y%m%d-%H%M%S}"
    # One sequence per second across all tags: an "open" and a "restore" backup of the
    # same second must not tie, or "the newest" would be either of them.
    same_second = [b.sequence for b in backups if b.taken == now.replace(microsecond=0)]
    n = max(same_second, default=0) + 1
    path = folder / (f"{base}-{tag}.zip" if n == 1 else f"{base}-{n}-{tag}.zip")
    # Zipped straight to disk, one file at a time: built in memory first, the zip of
    # 600 months (2.3 MB) peaked at 3.3 MB on the backup thread, against 1.1 now.
    with (
        atomic_stream(path) as out,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
    ):
        for name in sorted(files):
            archive.writestr(name, files[name])
        archive.comment = digest.encode()
    for old in list_backups(db_path)[KEEP:]:
        old.path.unlink(missing_ok=True)
    return path


def remove_stale_backup_temps(db_path: Path) -> list[Path]:
    """Backups of this database half-written by a process that was killed.

    Call under the database lock: only its holder writes backups. Temp files of
    other databases sharing the folder are left alone.
    """
    removed = []
    for temp in backup_folder(db_path).glob(f".{db_path.stem}-*{TEMP_SUFFIX}"):
        name = temp.name[1 : -len(TEMP_SUFFIX)].rsplit(".", 1)[0]  # drop ".<pid>"
        match = _NAME.match(name)
        if match and match["stem"] == db_path.stem:
            with contextlib.suppress(OSError):
                temp.unlink()
                removed.append(temp)
    return removed


def read_backup(path: Path) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist() if "/" not in name}
