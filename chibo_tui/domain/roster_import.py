"""Reading a roster from a text or CSV file's content: members and the lines refused.

Pure functions, no I/O: the caller reads the bytes, :func:`decode_roster` turns
them into text, :func:`parse_roster` into members and bad lines (with their line
numbers and a Vietnamese reason), and :func:`plan_import` checks the members
against the cell's roster (namesakes, a second secretary) before anything is saved.

One member per line. The name is the first column (after an optional "STT"
number); the other columns may say, in any order, "chính thức" / "dự bị",
"miễn sinh hoạt" and a role ("bí thư", "phó bí thư", "chi ủy viên"). Columns are
separated by tabs, semicolons or commas; a header line ("Họ và tên; Đảng viên; …")
is recognised and skipped, and then also tells which column is which.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from .model import Member, MemberStatus, Role
from .vietnamese import fold, nfc

MAX_NAME_LENGTH = 60
MAX_LINES = 2000

_NUMBER_PREFIX = re.compile(r"^\s*\d{1,4}\s*(?:[.)/-]\s*|\s+)(?=[^\W\d_])")
_ANNOTATION = re.compile(r"\s*(?:\(([^()]*)\)|\s[-–—]\s+(.+))\s*$")
_NUMBER_ONLY = re.compile(r"^\s*\d{1,4}\s*[.)]?\s*$")
_NAME_CHARS = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")

# Folded words of each column's heading (fold() drops diacritics, đ → d).
_NAME_HEADINGS = {"ho va ten", "ho ten", "ten", "ho va ten dang vien", "name", "full name"}
_NUMBER_HEADINGS = {"stt", "so tt", "tt", "so thu tu", "no", "#"}
_STATUS_HEADINGS = {
    "dang vien",
    "loai",
    "tinh trang",
    "loai dang vien",
    "status",
    "chinh thuc/du bi",
}
_EXEMPT_HEADINGS = {
    "mien",
    "mien sinh hoat",
    "mien sh",
    "mien cong tac",
    "mien cong tac va sinh hoat dang",
    "exempt",
}
_ROLE_HEADINGS = {"vai tro", "chuc vu", "chuc vu dang", "role"}

_STATUS_WORDS = {
    "chinh thuc": MemberStatus.OFFICIAL,
    "dang vien chinh thuc": MemberStatus.OFFICIAL,
    "dv chinh thuc": MemberStatus.OFFICIAL,
    "ct": MemberStatus.OFFICIAL,
    "du bi": MemberStatus.PROBATIONARY,
    "dang vien du bi": MemberStatus.PROBATIONARY,
    "dv du bi": MemberStatus.PROBATIONARY,
    "db": MemberStatus.PROBATIONARY,
}
_ROLE_WORDS = {
    "bi thu": Role.SECRETARY,
    "bi thu chi bo": Role.SECRETARY,
    "pho bi thu": Role.DEPUTY,
    "pho bi thu chi bo": Role.DEPUTY,
    "chi uy vien": Role.COMMITTEE,
    "cuv": Role.COMMITTEE,
    "dang vien": Role.MEMBER,
}
_YES_WORDS = {"x", "co", "1", "yes", "mien", "v", "✓", "✔"}
_NO_WORDS = {"", "khong", "0", "no", "-"}

_SEPARATORS = ("\t", ";", ",")

ROLE_NAMES = {
    Role.SECRETARY: "bí thư",
    Role.DEPUTY: "phó bí thư",
    Role.COMMITTEE: "chi ủy viên",
    Role.MEMBER: "đảng viên",
}
UNIQUE_ROLES = (Role.SECRETARY, Role.DEPUTY)


@dataclass(frozen=True)
class ImportedMember:
    """A member read from one line of the file."""

    line: int
    full_name: str
    status: MemberStatus = MemberStatus.OFFICIAL
    exempt: bool = False
    role: Role = Role.MEMBER


@dataclass(frozen=True)
class BadLine:
    """A line that could not be read as a member, and why."""

    line: int
    text: str
    reason: str


@dataclass
class RosterFile:
    """What :func:`parse_roster` found: members in file order, and the bad lines."""

    members: list[ImportedMember] = field(default_factory=list)
    bad_lines: list[BadLine] = field(default_factory=list)
    header_line: int | None = None


@dataclass(frozen=True)
class PlannedMember:
    """A member about to be added, with what the chair should know first."""

    member: ImportedMember
    namesake_of: str | None = None  # an existing member (or earlier line) with the same name
    note: str = ""  # e.g. a role already held, imported as "đảng viên"

    @property
    def role(self) -> Role:
        return self.member.role


@dataclass
class ImportPlan:
    """The file's members checked against the roster: what will be added."""

    rows: list[PlannedMember]
    bad_lines: list[BadLine]

    @property
    def namesakes(self) -> list[PlannedMember]:
        return [r for r in self.rows if r.namesake_of is not None]

    def members(self, skip_namesakes: bool = False) -> list[Member]:
        """New :class:`Member` objects for the rows kept."""
        return [
            Member(
                full_name=r.member.full_name,
                status=r.member.status,
                exempt=r.member.exempt,
                role=r.member.role,
            )
            for r in self.rows
            if not (skip_namesakes and r.namesake_of is not None)
        ]


class RosterDecodeError(ValueError):
    """Bytes that are not a text file; the message is shown to the chair."""


def decode_roster(data: bytes) -> str:
    """The text of a roster file: UTF-8 (with or without BOM), UTF-16, or Windows-1258.

    Excel on a Vietnamese Windows saves "CSV" in Windows-1258 and "Unicode text"
    in UTF-16; both are common in ward offices.
    """
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise RosterDecodeError("Tệp không phải văn bản (có thể là .xlsx hoặc .docx)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return nfc(data.decode("utf-16"))
    try:
        return nfc(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    try:
        return nfc(data.decode("cp1258"))
    except UnicodeDecodeError as exc:
        raise RosterDecodeError("Không đọc được bảng mã của tệp (hãy lưu dạng UTF-8)") from exc


def _separator(lines: Sequence[str]) -> str | None:
    """The column separator used by most lines: tab, then semicolon, then comma."""
    filled = [line for line in lines if line.strip()]
    for sep in _SEPARATORS:
        if filled and sum(sep in line for line in filled) * 2 >= len(filled):
            return sep
    for sep in _SEPARATORS:
        if any(sep in line for line in filled):
            return sep
    return None


def _columns(line: str, sep: str | None) -> list[str]:
    """The cells of a line: by the file's separator, or by the line's own when it
    has another (a list typed by hand mixes "An, dự bị" and "Bình; bí thư")."""
    if sep is None or sep not in line:
        sep = next((s for s in _SEPARATORS if s in line), None)
    if sep is None:
        return [line.strip()]
    row = next(csv.reader([line], delimiter=sep, skipinitialspace=True), [])
    return [cell.strip() for cell in row]


def _records(
    lines: list[str], sep: str | None, result: RosterFile
) -> Iterator[tuple[int, str, list[str]]]:
    """(first line number, the text, its cells) of each record, read as spreadsheets
    write CSV: quoted cells may hold the separator, doubled quotes and line breaks.

    A record whose quotes do not close properly is refused as a bad line, never
    guessed at (``"Võ Thị Sáu"x`` is not "Võ Thị Sáux").
    """
    index = 0
    while index < len(lines):
        number, line = index + 1, lines[index].strip()
        index += 1
        if not line or line.startswith("#"):
            continue
        if sep is None or '"' not in line:
            yield number, line, _columns(line, sep)
            continue
        # A quoted cell may run on to the next lines: read until the record closes.
        text = line
        while text.count('"') % 2 and index < len(lines):
            text += "\n" + lines[index]
            index += 1
        try:
            row = next(csv.reader([text], delimiter=sep, skipinitialspace=True, strict=True))
        except (csv.Error, StopIteration):
            result.bad_lines.append(BadLine(number, text, "dấu ngoặc kép không khớp"))
            continue
        cells = [" ".join(cell.split()) for cell in row]  # a line break in a cell is a space
        if len(cells) == 1:
            cells = _columns(cells[0], None)  # a hand-typed line with its own separator
        yield number, text, cells


def _words(text: str) -> str:
    """Folded, with punctuation and repeated spaces removed: for matching keywords."""
    return " ".join(re.sub(r"[^\w/#]+", " ", fold(text)).split())


@dataclass
class _Layout:
    """Which column holds what, learnt from a header line."""

    name: int = 0
    number: int | None = None
    status: int | None = None
    exempt: int | None = None
    role: int | None = None


def _header(columns: list[str]) -> _Layout | None:
    words = [_words(c) for c in columns]
    if not any(w in _NAME_HEADINGS for w in words):
        return None
    layout = _Layout()
    for i, w in enumerate(words):
        if w in _NAME_HEADINGS:
            layout.name = i
        elif w in _NUMBER_HEADINGS:
            layout.number = i
        elif w in _STATUS_HEADINGS:
            layout.status = i
        elif w in _EXEMPT_HEADINGS:
            layout.exempt = i
        elif w in _ROLE_HEADINGS:
            layout.role = i
    return layout


def clean_name(text: str) -> str:
    """One space between words, NFC, and title case when typed all in capitals."""
    name = " ".join(nfc(text).split())
    if name and (name.isupper() or name.islower()):
        name = " ".join(w[:1].upper() + w[1:].lower() for w in name.split(" "))
    return name


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a member's full name, or ``None`` when it can."""
    if not name.strip():
        return "thiếu họ tên"
    if any(ch.isdigit() for ch in name):
        return "họ tên có chữ số"
    bad = [w for w in name.split() if not _NAME_CHARS.match(w)]
    if bad:
        odd = next((ch for ch in bad[0] if not (ch.isalpha() or ch in "-'’")), bad[0])
        return f"họ tên có ký tự lạ “{odd}”"
    if len(name) > MAX_NAME_LENGTH:
        return f"họ tên dài quá {MAX_NAME_LENGTH} ký tự"
    if len(name.split()) < 2:
        return "chỉ có một chữ — cần đủ họ và tên"
    return None


@dataclass
class _Marks:
    status: MemberStatus | None = None
    exempt: bool = False
    role: Role | None = None
    problems: list[str] = field(default_factory=list)


def _read_word(cell: str, marks: _Marks) -> None:
    """Classify a free column by its value (no header): status, exemption or role."""
    w = _words(cell)
    if not w:
        return
    if w in _STATUS_WORDS:
        marks.status = _STATUS_WORDS[w]
    elif w.startswith("mien"):
        marks.exempt = True
    elif w in _ROLE_WORDS:
        marks.role = _ROLE_WORDS[w]
    else:
        marks.problems.append(f"không hiểu “{cell}”")


def _read_line(columns: list[str], layout: _Layout | None, marks: _Marks) -> str:
    """The name of a line, filling ``marks`` from its other columns."""
    if layout is None:
        rest = list(columns)
        if len(rest) > 1 and _NUMBER_ONLY.match(rest[0]):
            rest = rest[1:]
        name, others = rest[0], rest[1:]
        for cell in others:
            _read_word(cell, marks)
        return name

    def column(i: int | None) -> str:
        return columns[i] if i is not None and i < len(columns) else ""

    name = column(layout.name)
    status, exempt, role = column(layout.status), column(layout.exempt), column(layout.role)
    if _words(status):
        if _words(status) in _STATUS_WORDS:
            marks.status = _STATUS_WORDS[_words(status)]
        else:
            marks.problems.append(f"không hiểu “{status}” (cần chính thức hoặc dự bị)")
    if _words(exempt) in _YES_WORDS:
        marks.exempt = True
    elif _words(exempt) not in _NO_WORDS:
        marks.problems.append(f"không hiểu “{exempt}” ở cột miễn sinh hoạt (ghi x hoặc để trống)")
    if _words(role):
        if _words(role) in _ROLE_WORDS:
            marks.role = _ROLE_WORDS[_words(role)]
        else:
            marks.problems.append(f"không hiểu vai trò “{role}”")
    known = {layout.name, layout.number, layout.status, layout.exempt, layout.role}
    for i, extra in enumerate(columns):
        if i not in known:
            _read_word(extra, marks)
    return name


def _split_annotation(cell: str, marks: _Marks) -> str:
    """ "Nguyễn Văn An (dự bị)" or "Nguyễn Văn An – dự bị, miễn": the words after the name."""
    found = _ANNOTATION.search(cell)
    if found is None:
        return cell
    words = [w.strip() for w in (found.group(1) or found.group(2) or "").split(",")]
    trial = _Marks()
    for word in words:
        _read_word(word, trial)
    if trial.problems or not any(words):
        return cell  # not an annotation we know: the name check will say what is wrong
    marks.status = trial.status or marks.status
    marks.exempt = marks.exempt or trial.exempt
    marks.role = trial.role or marks.role
    return cell[: found.start()]


def parse_roster(text: str) -> RosterFile:
    """Members and bad lines of a roster file's text; blank and ``#`` lines are skipped."""
    result = RosterFile()
    lines = nfc(text).splitlines()
    if len(lines) > MAX_LINES:
        result.bad_lines.append(
            BadLine(MAX_LINES + 1, "", f"tệp dài quá {MAX_LINES} dòng — phần sau bị bỏ")
        )
        lines = lines[:MAX_LINES]
    sep = _separator([ln for ln in lines if not ln.lstrip().startswith("#")])
    layout: _Layout | None = None
    secretary_line: dict[Role, int] = {}
    for number, line, columns in _records(lines, sep, result):
        if result.header_line is None and not result.members and not result.bad_lines:
            found = _header(columns)
            if found is not None:
                layout, result.header_line = found, number
                continue
        marks = _Marks()
        name_cell = _read_line(columns, layout, marks)
        if layout is None or layout.number is None:
            name_cell = _NUMBER_PREFIX.sub("", name_cell)
        name_cell = _split_annotation(name_cell, marks)
        name = clean_name(name_cell)
        problem = name_problem(name)
        if problem:
            result.bad_lines.append(BadLine(number, line, problem))
            continue
        if marks.problems:
            result.bad_lines.append(BadLine(number, line, "; ".join(marks.problems)))
            continue
        status = marks.status or MemberStatus.OFFICIAL
        role = marks.role or Role.MEMBER
        if status is MemberStatus.PROBATIONARY and role is not Role.MEMBER:
            result.bad_lines.append(
                BadLine(number, line, f"đảng viên dự bị không giữ chức {ROLE_NAMES[role]}")
            )
            continue
        if role in UNIQUE_ROLES and role in secretary_line:
            first = secretary_line[role]
            result.bad_lines.append(
                BadLine(number, line, f"đã có {ROLE_NAMES[role]} ở dòng {first}")
            )
            continue
        if role in UNIQUE_ROLES:
            secretary_line[role] = number
        result.members.append(ImportedMember(number, name, status, marks.exempt, role))
    return result


def plan_import(found: RosterFile, roster: Iterable[Member]) -> ImportPlan:
    """Check the file's members against the current roster (removed members excluded).

    A name equal, ignoring case and diacritics, to a member's (or to an earlier
    line's) is flagged as a namesake: the chair decides. A secretary or deputy
    when the cell already has one is kept as "đảng viên", with a note.
    """
    active = [m for m in roster if not m.removed]
    seen = {fold(m.full_name): m.full_name for m in active}
    held = {m.role: m.full_name for m in active if m.role in UNIQUE_ROLES}
    rows: list[PlannedMember] = []
    for member in found.members:
        key = fold(member.full_name)
        namesake = seen.get(key)
        if namesake is None:
            seen[key] = member.full_name
        note = ""
        if member.role in held:
            note = f"đã có {ROLE_NAMES[member.role]} ({held[member.role]}) — nhập là đảng viên"
            member = ImportedMember(
                member.line, member.full_name, member.status, member.exempt, Role.MEMBER
            )
        rows.append(PlannedMember(member, namesake, note))
    return ImportPlan(rows, list(found.bad_lines))
