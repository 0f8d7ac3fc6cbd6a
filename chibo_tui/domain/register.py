"""The number register: per type of document, numbers from 01 through the committee's term.

HD 36 §II.1 and the HD 05 summary (domain-notes-2 §2.3): each type (BB, BC, KH …)
is numbered consecutively from 01 within a cấp ủy term. A document keeps the
number it was first exported under; the chair may choose another one, never one
already issued in that term for that type.
"""

from __future__ import annotations

from datetime import datetime

from msgspec.structs import replace

from ..text import register as T
from .model import Cell, IssuedNumber, ResolutionForm, Term
from .vietnamese import month_label

CODES = {"minutes": "BB", "report": "BC", "summary": "BC", "plan": "KH", "review": "BC"}
"""The type code each document is numbered under; the annual summary and the year's
self-review (Mẫu 01) are báo cáo."""

RESOLUTION_CODES = {ResolutionForm.CONCLUSION: "TB"}
"""The month's resolution is a nghị quyết ("NQ") unless the cell issues a thông báo
kết luận ("TB") instead (HD 05 summary's type codes, domain-notes-2 §7)."""


def code_of(cell: Cell, document: str) -> str:
    """The type code ``document`` is numbered under in ``cell`` ("BB", "NQ", "TB" …).

    Only the resolution's depends on the cell: its form is a profile setting.
    """
    if document == "resolution":
        return RESOLUTION_CODES.get(cell.resolution.form, "NQ")
    return CODES[document]


class NumberTaken(ValueError):
    """The number asked for is already issued (a Vietnamese sentence for the chair)."""


def issued(cell: Cell, document: str, period: str) -> IssuedNumber | None:
    """The number ``document`` of ``period`` was issued under, if any.

    Only a number of the type the document takes now counts: a resolution issued as
    "NQ" and exported again after the cell switched to thông báo kết luận takes a
    "TB" number, and its "NQ" number stays issued, never given twice.
    """
    code = code_of(cell, document)
    return next(
        (
            n
            for n in cell.register
            if n.document == document and n.period == period and n.code == code
        ),
        None,
    )


def number_of(cell: Cell, document: str, period: str) -> int | None:
    """The number to print on ``document`` of ``period``; ``None`` (a blank slot) if none."""
    entry = issued(cell, document, period)
    return entry.number if entry is not None else None


def next_free(cell: Cell, code: str, term: Term) -> int:
    """The number the register suggests: one after the highest issued in ``term``."""
    used = [n.number for n in cell.register if n.code == code and n.term == term]
    return max(used, default=0) + 1


def label(entry: IssuedNumber | None) -> str:
    """``Số 03-BB/CB`` (the form printed on the document), or "chưa cấp số"."""
    if entry is None:
        return T.NUMBER_NONE
    return f"Số {entry.number:02d}-{entry.code}/CB"


def assign(
    cell: Cell, document: str, period: str, at: datetime, number: int | None = None
) -> tuple[IssuedNumber, bool]:
    """The document's number, issued now if it has none; ``number`` to choose it.

    Returns the entry and whether the register changed. Raises :class:`NumberTaken`
    when ``number`` is issued to another document of the same type in the term.
    """
    code = code_of(cell, document)
    mine = issued(cell, document, period)
    if number is None:
        if mine is not None:
            return mine, False
        number = next_free(cell, code, cell.term)
    if number < 1:
        raise NumberTaken(T.NUMBER_INVALID.format(value=number))
    if mine is not None and mine.number == number:
        return mine, False
    term = cell.term  # a document numbered (or renumbered) now takes the current term
    holder = next(
        (
            n
            for n in cell.register
            if n.code == code and n.term == term and n.number == number and n is not mine
        ),
        None,
    )
    if holder is not None:
        raise NumberTaken(
            T.NUMBER_TAKEN.format(
                number=label(holder).removeprefix("Số "),
                holder=describe(holder),
                term=term.label,
                free=next_free(cell, code, term),
            )
        )
    entry = IssuedNumber(document, period, code, number, replace(term), at)
    cell.register = [n for n in cell.register if n is not mine] + [entry]
    return entry, True


def describe(entry: IssuedNumber) -> str:
    """The document an entry numbers: "biên bản tháng 09/2026", "kế hoạch năm 2027"."""
    return describe_document(entry.document, entry.period, entry.code)


def describe_document(document: str, period: str, code: str = "") -> str:
    """ "biên bản tháng 09/2026"; ``code`` "TB" names a resolution a thông báo kết luận."""
    shown = month_label(period) if len(period) == 7 else period
    name = T.DOCUMENT_NAMES.get(f"{document}/{code}", T.DOCUMENT_NAMES[document])
    return name.format(period=shown)


def parse_term(text: str) -> Term:
    """ "2025–2030", "2025-2030" or "2025 - 2030" → ``Term(2025, 2030)``."""
    parts = text.replace("–", "-").replace("—", "-").split("-")
    try:
        start, end = (int(p.strip()) for p in parts)
    except ValueError:
        raise ValueError(T.TERM_INVALID) from None
    if not 1930 <= start < end <= start + 10:
        raise ValueError(T.TERM_INVALID)
    return Term(start, end)
