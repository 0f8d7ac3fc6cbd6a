"""The committed year files: read from disk when a reader needs them, never all held.

Home needs the main file alone, and a save writes one year; yet parsing every
year file at open cost ~36 ms and ~10 MB for 120 months (5× that for 600), and
keeping their bytes cost 13.5 MB at 600 months. The open reads each year file
once, to check it (or to find its digest in ``.chibo.checked``), and keeps only
a :class:`YearVersion`: its path and the SHA-256 of the bytes found sound. A reader
reads the file again when it needs it and takes the bytes only if they have that
digest; anything else (a hand edit, a bit flipped, the file gone) is damage, never
another state's data. The meetings of a year are decoded straight from the bytes,
without building the tables (the remedy count at start-up reads every meeting
once), and neither the bytes nor the decoded meetings are kept.

A snapshot must keep its data when a later commit replaces a file under the same
name (an in-place save) or removes it (a commit over several files): before it
does, the writer *pins* the bytes into the :class:`YearVersion`, which every snapshot
holding that version shares. The pinned bytes live as long as a snapshot that
holds the version, usually until the commit is published. Pinning and reading
take one lock, held for a file's read and digest (~0.3 ms), never for an fsync.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import msgspec

from ..domain.model import Meeting
from ..text import store as T
from . import checked, schema
from .snapshot import FileDamage, unreadable


class _YearFile(msgspec.Struct, forbid_unknown_fields=True):
    """A year file as chibo writes it: any other table sends it to the slow path."""

    meta: dict[str, dict[str, Any]]
    meetings: dict[str, Meeting]


_DECODER = msgspec.json.Decoder(_YearFile)


def decode_meetings(raw: bytes) -> dict[str, Meeting] | None:
    """The meetings of a year file by record key, if it is sound as chibo writes it.

    ``None`` for anything else (damage, an older version, a value only the
    reference decoder takes): the caller then goes the slow, explaining way.
    """
    try:
        data = _DECODER.decode(raw)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    return data.meetings if as_chibo_writes(data.meta, data.meetings) else None


def as_chibo_writes(meta: Mapping[str, Mapping[str, Any]], meetings: Mapping[str, Any]) -> bool:
    """A year file's meta and record keys as this version of chibo writes them: this
    schema version, and every key a record number (anything else is the slow path's)."""
    first = meta.get("1")
    version = first.get("schema_version") if first is not None else None
    if type(version) is not int or version != schema.SCHEMA_VERSION:
        return False
    return all(key.isascii() and key.isdigit() for key in (*meta, *meetings))


class YearVersion:
    """One version of a year file on disk: where it is and the digest of its bytes.

    Shared by every snapshot that holds this version. ``read`` gives its bytes, from
    memory when pinned (or kept since this process wrote them), otherwise from disk,
    checked against the digest.
    """

    def __init__(
        self, path: Path, digest: str, lock: threading.Lock, raw: bytes | None = None
    ) -> None:
        self.path, self.digest = path, digest
        self._lock = lock  # the repository's: a pin and a read from disk never interleave
        self._raw = raw
        self._damage: str | None = None  # why the pin found other bytes than the digest's

    def read(self) -> bytes:
        """The bytes of this version; :class:`FileDamage` when the file no longer has them."""
        raw = self._raw  # one read of the attribute: a pin may set it meanwhile
        if raw is not None:
            return raw
        with self._lock:
            if self._raw is not None:
                return self._raw
            if self._damage is not None:
                raise FileDamage(self.path, self._damage)
            return self._load()

    def pin(self) -> None:
        """Keep the bytes in memory: the writer is about to replace or remove the file.

        Call on the writer thread before the file changes. Never raises: a file that no
        longer has this version's bytes is remembered as damage, for the readers of the
        snapshots holding it to be refused, and the write goes on as before.
        """
        with self._lock:
            if self._raw is not None or self._damage is not None:
                return
            try:
                self._raw = self._load()
            except FileDamage as exc:
                self._damage = exc.reason

    @property
    def pinned(self) -> bool:
        return self._raw is not None

    def _load(self) -> bytes:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            raise FileDamage(self.path, T.YEAR_FILE_GONE) from None
        except OSError as exc:
            reason = T.YEAR_FILE_UNREADABLE.format(reason=unreadable(exc))
            raise FileDamage(self.path, reason) from None
        if checked.digest(raw) != self.digest:
            raise FileDamage(self.path, T.YEAR_FILE_CHANGED)
        return raw


class YearTables(Mapping[int, schema.Tables]):
    """Year → its tables, parsed when asked for from the version of its file.

    Never changed once published; a commit makes a new one with :meth:`carried`.
    ``parsed``: tables held in memory (a year the open had to parse to validate it,
    the writer's own tables inside its transaction); they win over ``files``.
    """

    def __init__(
        self, parsed: Mapping[int, schema.Tables], files: Mapping[int, YearVersion] | None = None
    ) -> None:
        self._parsed = dict(parsed)
        self._files = dict(files or {})

    def __getitem__(self, year: int) -> schema.Tables:
        tables = self._parsed.get(year)
        if tables is None:
            # Not kept: ``check`` reads every year once, readers decode meetings instead.
            raw = self._files[year].read()  # KeyError: no such year, as a dict says
            tables = schema.parse(raw, schema.YEAR_TABLES)  # checked sound: it parses
        return tables

    def __iter__(self) -> Iterator[int]:
        return iter(sorted({*self._parsed, *self._files}))

    def __len__(self) -> int:
        return len({*self._parsed, *self._files})

    def __contains__(self, year: object) -> bool:
        return year in self._parsed or year in self._files

    def version(self, year: int) -> YearVersion | None:
        """The version on disk of a year's file (``None`` for the writer's own tables)."""
        return self._files.get(year)

    def raw(self, year: int) -> bytes | None:
        """The bytes of a year whose tables are not held (``None`` when they are)."""
        file = self._files.get(year)
        return None if year in self._parsed or file is None else file.read()

    def meetings(self, year: int) -> dict[str, Meeting] | None:
        """The meetings of a year whose tables are not held, decoded from its bytes
        without the tables; ``None`` when its tables are to be read instead."""
        raw = self.raw(year)
        return decode_meetings(raw) if raw is not None else None

    def has_meetings(self, year: int) -> bool:
        decoded = self.meetings(year)
        return bool(decoded) if decoded is not None else bool(self[year]["meetings"])

    def private_copy(self, year: int) -> schema.Tables:
        """Tables of ``year`` the writer may change (C speed, unlike ``copy.deepcopy``)."""
        raw = self.raw(year)
        if raw is None:
            raw = schema.dumps(self[year])
        return schema.parse(raw, schema.YEAR_TABLES)

    def pin(self, years: set[int]) -> None:
        """Keep the bytes of these years' files: the writer is about to change them."""
        for year in sorted(years):
            file = self._files.get(year)
            if file is not None:
                file.pin()

    def held_bytes(self) -> int:
        """Bytes of year files this snapshot keeps in memory (tests, the benchmark)."""
        return sum(len(f.read()) for f in self._files.values() if f.pinned)

    def carried(self, written: Mapping[int, YearVersion], gone: set[int]) -> YearTables:
        """The next commit's years: those ``written`` in their new version, the rest as
        they are here (shared: nothing changes them), without those ``gone``."""
        keep = {y for y in self if y not in gone and y not in written}
        parsed = {y: t for y, t in self._parsed.items() if y in keep}
        files = {y: f for y, f in self._files.items() if y in keep}
        files.update(written)
        return YearTables(parsed, files)
