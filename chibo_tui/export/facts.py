"""Pure helpers shared by the documents: clean text, dates, times, numbers, names.

Nothing here touches python-docx, so these are cheap to import and easy to test.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from ..domain.model import COLLECTIVE, COMMITTEE_OWNER, WHOLE_CELL, Meeting, Role
from ..domain.vietnamese import month_label, nfc

ROLE_TEXT = {
    Role.SECRETARY: "Bí thư chi bộ",
    Role.DEPUTY: "Phó Bí thư chi bộ",
    Role.COMMITTEE: "Chi ủy viên",
    Role.MEMBER: "Đảng viên",
}

# Characters that XML 1.0 forbids; python-docx raises on them, and they can reach
# the notes by a paste from another program.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# A blank handwritten slot, e.g. for a document number the chair fills in by hand.
BLANK = "\u00a0" * 6
# A dotted line for a section the record leaves empty, to be written by hand.
BLANK_LINE = "……………………………………………………"


def clean(text: str) -> str:
    """NFC, no characters that XML forbids, no trailing spaces."""
    return _XML_INVALID.sub("", nfc(text)).strip()


def lines(text: str) -> list[str]:
    """The non-blank lines of a note: each becomes a paragraph of its own."""
    return [line.strip() for line in clean(text).replace("\r", "\n").split("\n") if line.strip()]


def dmy(day: date | None) -> str:
    """``05/10/2026``; a dotted slot when the date is missing."""
    return day.strftime("%d/%m/%Y") if day else "…/…/……"


def clock(at: time | None) -> str:
    """``19 giờ 30 phút``; dotted slots when the time is missing."""
    if at is None:
        return "… giờ … phút"
    return f"{at.hour:02d} giờ {at.minute:02d} phút"


def in_words(at: datetime) -> str:
    """``19 giờ 30 phút, ngày 03/12/2026``: a moment as the minutes write it."""
    return f"{clock(at.time())}, ngày {dmy(at.date())}"


def doc_number(seq: int | None, kind: str, colon: bool) -> str:
    """``Số 03-BB/CB`` (zero-padded below 10); a blank slot when ``seq`` is ``None``.

    Numbers run per type over the committee's term (domain-notes-2 §2.3); the
    register (``domain.register``) gives them, and a document not yet numbered
    keeps the slot to write one by hand.
    """
    number = f"{seq:02d}" if seq is not None else BLANK
    return f"Số{':' if colon else ''} {number}-{kind}/CB"


def reporting_body(parent_committee: str) -> str:
    """The executive body reports go to: "Đảng bộ phường X" → "Đảng ủy phường X".

    A party organisation (đảng bộ) does not read reports; its committee (đảng ủy) does.
    """
    text = clean(parent_committee)
    for prefix in ("Đảng bộ ", "đảng bộ "):
        if text.startswith(prefix):
            return "Đảng ủy " + text[len(prefix) :]
    return text or "Đảng ủy cấp trên"


def upper(text: str) -> str:
    """Capitals for the header, keeping Vietnamese letters (``đ`` → ``Đ``)."""
    return clean(text).upper()


def roman(number: int) -> str:
    """Section numerals of party documents: I, II, III, IV, V …"""
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in numerals:
        while number >= value:
            out += letters
            number -= value
    return out


_TITLE = re.compile(r"^(đồng chí|đ/c)\s+", re.IGNORECASE)


def bare_name(name: str) -> str:
    """A name without a typed-in "Đồng chí " (guests are often stored with it)."""
    return _TITLE.sub("", clean(name))


def comrade(name: str) -> str:
    """``đồng chí Nguyễn Văn An``, never doubled; a dotted slot for a missing name."""
    name = bare_name(name)
    return f"đồng chí {name}" if name else "đồng chí ……………"


def owner(name: str) -> str:
    """Who answers for a remedy: ``đồng chí …``, ``tập thể chi bộ`` or ``chưa phân công``."""
    name = bare_name(name)
    if not name:
        return "chưa phân công"
    if name.casefold() == COLLECTIVE:
        return "tập thể chi bộ"
    return comrade(name)


def task_owner(name: str) -> str:
    """Who leads a task: ``Chi ủy``, ``toàn chi bộ``, ``đồng chí …`` or ``chưa phân công``."""
    name = bare_name(name)
    if not name:
        return "chưa phân công"
    if name.casefold() == COMMITTEE_OWNER.casefold():
        return COMMITTEE_OWNER
    if name.casefold() == WHOLE_CELL.casefold():
        return "toàn chi bộ"
    return owner(name)


def chair_role(meeting: Meeting) -> str:
    """ ", Bí thư chi bộ": the chair's role at the meeting, or nothing when unknown."""
    row = next(
        (
            a
            for a in meeting.attendance
            if (meeting.chair_id and a.member_id == meeting.chair_id)
            or (not meeting.chair_id and clean(a.full_name) == clean(meeting.chair))
        ),
        None,
    )
    return f", {ROLE_TEXT[row.role]}" if row else ""


_END = ".!?…"


def sentence(text: str) -> str:
    """One full stop at the end, never two: ``"Đã họp"`` and ``"Đã họp."`` → ``"Đã họp."``."""
    body = clean(text).rstrip(" ;,:")
    if not body:
        return ""
    return body if body[-1] in _END or body.endswith(".)") else body + "."


def clause(text: str) -> str:
    """Text to go inside a sentence: no final stop, semicolon or comma of its own."""
    return clean(text).rstrip(" .;,:")


def months_of_year(months: list[str]) -> str:
    """``["2026-06", "2026-11"]`` → ``06 và 11/2026``; other years keep their own label."""
    if not months:
        return ""
    years = {m[:4] for m in months}
    if len(years) == 1:
        numbers = [m[5:7] for m in months]
        year = months[0][:4]
        if len(numbers) == 1:
            return f"{numbers[0]}/{year}"
        return ", ".join(numbers[:-1]) + f" và {numbers[-1]}/{year}"
    labels = [month_label(m) for m in months]
    return ", ".join(labels[:-1]) + f" và {labels[-1]}"


def cell_title(name: str) -> str:
    """The cell as the subject of a sentence: "Chi bộ Đinh Tiên Hoàng" (or "Chi bộ")."""
    return clean(name) or "Chi bộ"


def basis_line(text: str) -> str:
    """A plan basis as a "Căn cứ …;" line, whether or not it was typed with them.

    ``cell.plan_bases`` holds lines with "Căn cứ" (model comment) or without (the demo
    cell); the documents print both the same way.
    """
    body = clean(text).rstrip(" ;,.")
    if not body.casefold().startswith("căn cứ"):
        body = f"Căn cứ {body}"
    return body + ";"
