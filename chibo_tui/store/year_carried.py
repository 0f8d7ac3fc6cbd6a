"""What each meeting of a year file hands on (``Carried``), from the file's bytes.

The same file format as :func:`.year_tables.decode_meetings` reads, with every
field of a meeting but its month, remedies, follow-ups, tasks and task reviews skipped by
the parser instead of decoded into model records: ~10 ms for 600 months, where the
meetings in full take ~215 ms. Only asked of the bytes of a version found sound at
open, which the full decoder takes; anything it would not take sends the caller to
the meetings.
"""

from __future__ import annotations

from typing import Any

import msgspec

from ..domain.carried import Carried
from .year_tables import as_chibo_writes


class _YearFile(msgspec.Struct, forbid_unknown_fields=True):
    meta: dict[str, dict[str, Any]]
    meetings: dict[str, Carried]


_DECODER = msgspec.json.Decoder(_YearFile)


def decode_carried(raw: bytes) -> list[Carried] | None:
    """Each meeting's :class:`Carried`, by month as ``load_year`` orders the meetings;
    ``None`` for a file the fast full decoder would not take either."""
    try:
        data = _DECODER.decode(raw)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    if not as_chibo_writes(data.meta, data.meetings):
        return None
    # In the file's order, then by month (a stable sort), as ``load_year`` does.
    return sorted(data.meetings.values(), key=lambda c: c.month)
