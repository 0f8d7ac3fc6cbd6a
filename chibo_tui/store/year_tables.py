"""The committed year files, parsed only when a reader needs their tables.

Home needs the main file alone, and a save writes one year; yet parsing every
year file at open cost ~36 ms and ~10 MB for 120 months (5× that for 600). A
year file that passed the fast soundness check at open (:func:`sound_meetings`)
is kept as the very bytes read, and parsed the first time a reader asks for its
tables; the meetings of a year can also be decoded straight from those bytes,
without building the tables at all (the remedy count at start-up reads every
meeting once). The bytes are pinned in the snapshot, never read again from disk,
so a later commit replacing the file cannot change what a reader of this
snapshot sees.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import msgspec

from ..domain.model import Meeting
from . import schema


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
    meta = data.meta.get("1")
    version = meta.get("schema_version") if meta is not None else None
    if type(version) is not int or version != schema.SCHEMA_VERSION:
        return None
    if not all(key.isascii() and key.isdigit() for key in (*data.meta, *data.meetings)):
        return None
    return data.meetings


class YearTables(Mapping[int, schema.Tables]):
    """Year → its tables, each parsed on first use from the bytes it was read from.

    Never changed once published; a commit makes a new one with :meth:`carried`.
    """

    def __init__(
        self, parsed: Mapping[int, schema.Tables], raw: Mapping[int, bytes] | None = None
    ) -> None:
        self._parsed = dict(parsed)
        self._raw = {y: b for y, b in (raw or {}).items() if y not in self._parsed}

    def __getitem__(self, year: int) -> schema.Tables:
        tables = self._parsed.get(year)
        if tables is None:
            raw = self._raw[year]  # KeyError: no such year, as a dict says
            # Checked sound at open (or written by this process): it parses. Two
            # threads may parse it at once; both store equal tables, either is fine.
            tables = schema.parse(raw, schema.YEAR_TABLES)
            self._parsed[year] = tables
        return tables

    def __iter__(self) -> Iterator[int]:
        return iter(sorted({*self._parsed, *self._raw}))

    def __len__(self) -> int:
        return len({*self._parsed, *self._raw})

    def __contains__(self, year: object) -> bool:
        return year in self._parsed or year in self._raw

    def raw(self, year: int) -> bytes | None:
        """The bytes of a year not parsed yet (``None`` once it has been)."""
        return None if year in self._parsed else self._raw.get(year)

    def meetings(self, year: int) -> dict[str, Meeting] | None:
        """The meetings of a year not parsed yet, decoded from its bytes without the
        tables; ``None`` when its tables are to be read instead."""
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

    def carried(self, written: Mapping[int, bytes], gone: set[int]) -> YearTables:
        """The next commit's years: those ``written`` from their new bytes, the rest as
        they are here (shared: nothing changes them), without those ``gone``."""
        keep = {y for y in self if y not in gone and y not in written}
        parsed = {y: t for y, t in self._parsed.items() if y in keep}
        raw = {y: b for y, b in self._raw.items() if y in keep and y not in parsed}
        raw.update(written)
        return YearTables(parsed, raw)
