"""The meeting-quality score sheet of HD 42: the sheet as data, what the record scores.

The sheet (groups of items, 100 points) is data the chair may edit or replace by
importing TOML, like the criteria. Items marked ``computed`` are worked out from
the meeting and its history; each result says how ("94 phút, đủ 90 phút") so the
chair can check it. The chair scores the rest, and may override a computed item
only with a note, printed on the sheet. There is deliberately no way to aim the
total at a target score.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from importlib import resources
from typing import Any, TypeGuard

from msgspec.structs import replace

from . import rules, tasks
from .codec import from_dict, to_dict
from .model import (
    Cell,
    ItemScore,
    Meeting,
    MeetingScore,
    Presence,
    ResolutionForm,
    Role,
    ScoreBand,
    ScoreGroup,
    ScoreItem,
    ScoreSheet,
)
from .paperwork import POSTED_AFTER_DAYS
from .vietnamese import nfc

TOTAL = 100
RATINGS = ((90, "Tốt"), (70, "Khá"), (50, "Trung bình"), (0, "Kém"))
"""HD 42 bands as two localities print them: Tốt ≥ 90, Khá 70–<90, TB 50–<70, Kém < 50."""
RATING_RULE = "Tốt: từ 90 điểm; Khá: từ 70 đến dưới 90; Trung bình: từ 50 đến dưới 70; Kém: dưới 50"


class ScoreSheetError(ValueError):
    """A score sheet that cannot be used, with the line and a Vietnamese reason."""


# -- the sheet as data -------------------------------------------------------------


def default_sheet() -> ScoreSheet:
    """The shipped sheet: the 8-group, 28-item list of the An Phú form."""
    text = resources.files("chibo_tui.data").joinpath("score_sheet_anphu.toml").read_text("utf-8")
    return parse_sheet(text)


def seven_group_sheet() -> ScoreSheet:
    """The Cẩm Lệ variant: the same items, "tổ chức" and "điều hành" as one 40-point group."""
    sheet = default_sheet()
    groups = list(sheet.groups)
    held, led = groups[3], groups[4]
    merged = ScoreGroup(held.title, held.points + led.points, held.items + led.items)
    groups[3:5] = [merged]
    return ScoreSheet(
        sheet.name, "tham khảo nghị quyết Chi bộ 28, phường Cẩm Lệ theo HD 42", groups
    )


PRESETS: dict[str, Callable[[], ScoreSheet]] = {
    "anphu": default_sheet,
    "camle": seven_group_sheet,
}


def sheet_of(cell: Cell) -> ScoreSheet:
    return cell.score_sheet if cell.score_sheet is not None else default_sheet()


def parse_sheet(text: str) -> ScoreSheet:
    """A sheet from TOML; refused, with the line and the reason, unless it adds up."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScoreSheetError(f"Tệp TOML không đọc được: {exc}") from exc
    name, source = data.get("name", ""), data.get("source", "")
    if not isinstance(name, str) or not name.strip():
        raise ScoreSheetError(_at(text, "name") + "Thiếu tên phiếu (name)")
    if not isinstance(source, str):
        raise ScoreSheetError(_at(text, "source") + "Nguồn (source) phải là chuỗi")
    raw_groups = data.get("group")
    if not isinstance(raw_groups, list) or not raw_groups:
        raise ScoreSheetError("Cần ít nhất một bảng [[group]]")
    groups = [_group(text, i, g) for i, g in enumerate(raw_groups, start=1)]
    keys = [item.key for g in groups for item in g.items]
    duplicate = next((k for k in keys if keys.count(k) > 1), None)
    if duplicate:
        raise ScoreSheetError(_at(text, "key", duplicate) + f"Mục “{duplicate}” bị trùng key")
    total = sum(g.points for g in groups)
    if total != TOTAL:
        raise ScoreSheetError(f"Tổng điểm các nhóm là {total}, phải đúng {TOTAL}")
    return ScoreSheet(nfc(name.strip()), nfc(source.strip()), groups)


def _group(text: str, number: int, raw: Any) -> ScoreGroup:
    where = _nth(text, "[[group]]", number)
    if not isinstance(raw, dict):
        raise ScoreSheetError(where + f"Nhóm {number} phải là một bảng [[group]]")
    title, points = raw.get("title"), raw.get("points")
    if not isinstance(title, str) or not title.strip():
        raise ScoreSheetError(where + f"Nhóm {number}: thiếu tên (title)")
    if not _whole(points) or points <= 0:
        raise ScoreSheetError(where + f"Nhóm {number}: điểm (points) phải là số nguyên dương")
    raw_items = raw.get("item")
    if not isinstance(raw_items, list) or not raw_items:
        raise ScoreSheetError(where + f"Nhóm {number}: cần ít nhất một mục [[group.item]]")
    items = [_item(text, number, i, item) for i, item in enumerate(raw_items, start=1)]
    added = sum(i.points for i in items)
    if added != points:
        raise ScoreSheetError(
            where + f"Nhóm {number} “{title.strip()}”: các mục cộng lại {added} điểm, "
            f"khác điểm của nhóm ({points})"
        )
    note = raw.get("note", "")
    return ScoreGroup(nfc(title.strip()), points, items, nfc(note) if isinstance(note, str) else "")


def _item(text: str, group: int, number: int, raw: Any) -> ScoreItem:
    label = f"Nhóm {group}, mục {number}"
    if not isinstance(raw, dict):
        raise ScoreSheetError(f"{label} phải là một bảng [[group.item]]")
    key = raw.get("key")
    where = _at(text, "key", key) if isinstance(key, str) else ""
    if not isinstance(key, str) or not key.strip():
        raise ScoreSheetError(f"{label}: thiếu key")
    item_text, points = raw.get("text"), raw.get("points")
    if not isinstance(item_text, str) or not item_text.strip():
        raise ScoreSheetError(where + f"{label} “{key}”: thiếu nội dung (text)")
    if not _whole(points) or points <= 0:
        raise ScoreSheetError(
            where + f"{label} “{key}”: thiếu điểm (points) hoặc điểm không hợp lệ"
        )
    bands = []
    for raw_band in raw.get("band", []):
        if not isinstance(raw_band, dict):
            raise ScoreSheetError(where + f"{label} “{key}”: mỗi mức (band) cần label và points")
        band_label, band_points = raw_band.get("label"), raw_band.get("points")
        if not isinstance(band_label, str) or not _whole(band_points):
            raise ScoreSheetError(where + f"{label} “{key}”: mỗi mức (band) cần label và points")
        if not 0 <= band_points <= points:
            raise ScoreSheetError(
                where + f"{label} “{key}”: mức “{band_label}” có {band_points} điểm, "
                f"ngoài khoảng 0–{points}"
            )
        bands.append(ScoreBand(nfc(band_label.strip()), band_points))
    if bands and max(b.points for b in bands) != points:
        raise ScoreSheetError(where + f"{label} “{key}”: mức cao nhất phải bằng {points} điểm")
    computed = raw.get("computed", "")
    if computed:
        need = COMPUTED.get(computed)
        if need is None:
            raise ScoreSheetError(
                where + f"{label} “{key}”: chibo không tính được “{computed}” "
                f"(chỉ: {', '.join(COMPUTED)})"
            )
        if len(bands) != need.bands:
            raise ScoreSheetError(
                where + f"{label} “{key}”: cách tính “{computed}” cần {need.bands} mức, "
                f"tệp có {len(bands)}"
            )
    note = raw.get("note", "")
    return ScoreItem(
        key=key.strip(),
        text=nfc(item_text.strip()),
        points=points,
        bands=bands,
        computed=computed,
        note=nfc(note) if isinstance(note, str) else "",
    )


def _whole(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _nth(text: str, header: str, number: int) -> str:
    seen = 0
    for line_number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith(header):
            seen += 1
            if seen == number:
                return f"Dòng {line_number}: "
    return ""


def _at(text: str, key: str, value: str | None = None) -> str:
    """``Dòng N: `` of the line ``key = …`` (with ``value``, the line giving it that value)."""
    for line_number, line in enumerate(text.splitlines(), start=1):
        name, _, rest = line.partition("=")
        if name.strip() == key and (value is None or rest.strip().strip('"') == value):
            return f"Dòng {line_number}: "
    return ""


# -- what the record scores -----------------------------------------------------------


@dataclass(frozen=True)
class Computed:
    """A computed item's result: the band chosen (or full/0) and how it was found."""

    points: int | None  # None: the record cannot say; the chair scores it
    how: str
    band: int | None = None  # index into the item's bands


@dataclass(frozen=True)
class Context:
    """What a computation may look at besides the meeting."""

    cell: Cell
    year: Sequence[Meeting]  # the meetings of the meeting's year up to it, oldest first


Computation = Callable[[ScoreItem, Meeting, Context], Computed]


@dataclass(frozen=True)
class Need:
    bands: int
    compute: Computation


def _year(m: Meeting, ctx: Context) -> list[Meeting]:
    """The year's meetings up to and including ``m``, oldest first."""
    earlier = [x for x in ctx.year if x is not m and x.month < m.month]
    return [*earlier, m]


def _banded(item: ScoreItem, index: int, how: str) -> Computed:
    return Computed(item.bands[index].points, how, index)


def _toggle(item: ScoreItem, ok: bool, how: str) -> Computed:
    return Computed(item.points if ok else 0, how)


def _duration(item: ScoreItem, m: Meeting, ctx: Context) -> Computed:
    if m.start_time is None or m.end_time is None:
        return Computed(None, "chưa ghi giờ bắt đầu hoặc giờ kết thúc")
    counts = rules.attendance_counts(m.attendance)
    needed = rules.required_minutes(counts.expected, ctx.cell.rules, m.thematic)
    minutes = rules.meeting_minutes(m.start_time, m.end_time)
    short = needed - minutes
    if short <= 0:
        index = 0
    elif short <= 15:
        index = 1
    elif short <= 30:
        index = 2
    elif minutes * 2 >= needed:
        # The form has no band for "more than 30 minutes short but at least half":
        # such a meeting gets the "half" band, the nearer one below.
        index = 3
    else:
        index = 4
    gap = "đủ" if short <= 0 else f"thiếu {short} phút so với"
    return _banded(item, index, f"{minutes} phút, {gap} {needed} phút quy định")


def _attendance(item: ScoreItem, m: Meeting, ctx: Context) -> Computed:
    counts = rules.attendance_counts(m.attendance)
    if counts.expected == 0 or counts.unmarked:
        return Computed(None, "chưa điểm danh xong")
    ratio = counts.present / counts.expected
    how = f"{counts.present}/{counts.expected} đảng viên có mặt = {rules.percent(ratio)}"
    if counts.exempt:
        how += f" (không tính {counts.exempt} đồng chí miễn sinh hoạt)"
    if counts.unexcused:
        return _banded(item, 3, how + f"; {counts.unexcused} đồng chí vắng không lý do")
    index = 0 if ratio >= 0.9 else 1 if ratio >= 0.75 else 2 if ratio >= 0.65 else 3
    return _banded(item, index, how)


def _no_long_absence(item: ScoreItem, m: Meeting, ctx: Context) -> Computed:
    """No member away with a reason more than 3 meetings running this year."""
    streaks: dict[str, int] = {}
    longest: dict[str, int] = {}
    names: dict[str, str] = {}
    for meeting in _year(m, ctx):
        for row in meeting.attendance:
            if row.exempt:
                continue
            names[row.member_id] = row.full_name
            if row.presence is Presence.EXCUSED:
                streaks[row.member_id] = streaks.get(row.member_id, 0) + 1
            else:
                streaks[row.member_id] = 0
            longest[row.member_id] = max(longest.get(row.member_id, 0), streaks[row.member_id])
    over = [names[i] for i, n in longest.items() if n > 3]
    if over:
        return _toggle(item, False, f"vắng có lý do quá 3 kỳ liên tiếp: {', '.join(over)}")
    return _toggle(item, True, "không có đảng viên vắng có lý do quá 3 kỳ liên tiếp trong năm")


def _committee_met(item: ScoreItem, m: Meeting, ctx: Context) -> Computed:
    leaders = [x for x in ctx.cell.active_members() if x.role in (Role.DEPUTY, Role.COMMITTEE)]
    if not leaders:
        return _toggle(item, True, "chi bộ chỉ có bí thư: tính điểm tối đa")
    day = ctx.cell.paperwork_of(m.month).committee_met
    if day is None:
        return _toggle(item, False, "chưa ghi ngày chi ủy họp trước kỳ sinh hoạt")
    if day > m.date:
        return _toggle(item, False, f"chi ủy họp ngày {day:%d/%m/%Y}, sau ngày sinh hoạt")
    return _toggle(item, True, f"chi ủy họp ngày {day:%d/%m/%Y}")


def _notified(item: ScoreItem, m: Meeting, ctx: Context) -> Computed:
    day = ctx.cell.paperwork_of(m.month).members_notified
    if day is None:
        return _toggle(item, False, "chưa ghi ngày thông báo đến đảng viên và cấp ủy viên cấp trên")
    return _toggle(item, day <= m.date, f"đã thông báo ngày {day:%d/%m/%Y}")


def _posted_before(item: ScoreItem, m: Meeting, ctx: Context) -> Computed:
    day = ctx.cell.paperwork_of(m.month).posted_before
    if day is None:
        return _toggle(item, False, "chưa ghi ngày đăng tài liệu lên Sổ tay đảng viên điện tử")
    ahead = (m.date - day).days
    return _toggle(
        item, ahead >= 1, f"đăng ngày {day:%d/%m/%Y}, trước {ahead} ngày (cần ít nhất 1)"
    )


def _posted(item: ScoreItem, m: Meeting, ctx: Context) -> Computed:
    work = ctx.cell.paperwork_of(m.month)
    day = work.posted_before or work.posted_after
    if day is None:
        return _toggle(item, False, "chưa ghi ngày đăng tài liệu lên Sổ tay đảng viên điện tử")
    return _toggle(item, True, f"đã đăng ngày {day:%d/%m/%Y}")


def _posted_after(item: ScoreItem, m: Meeting, ctx: Context) -> Computed:
    day = ctx.cell.paperwork_of(m.month).posted_after
    if day is None:
        return _toggle(item, False, "chưa ghi ngày đăng tài liệu đã hoàn thiện")
    late = day > m.date + timedelta(days=POSTED_AFTER_DAYS)
    after = (day - m.date).days
    return _toggle(
        item, not late and after >= 0, f"đăng ngày {day:%d/%m/%Y}, sau {after} ngày (hạn 2 ngày)"
    )


def _thematic(item: ScoreItem, m: Meeting, ctx: Context) -> Computed:
    quarter = (int(m.month[5:7]) - 1) // 3
    held = [
        x.month for x in _year(m, ctx) if x.thematic and (int(x.month[5:7]) - 1) // 3 == quarter
    ]
    quarter_text = f"quý {quarter + 1}: " + (
        "đã có sinh hoạt chuyên đề" if held else "chưa có sinh hoạt chuyên đề"
    )
    if m.thematic:
        return _toggle(item, True, f"tháng này có sinh hoạt chuyên đề ({quarter_text})")
    return _toggle(item, False, f"tháng này không sinh hoạt chuyên đề ({quarter_text})")


def _commendations(item: ScoreItem, m: Meeting, ctx: Context) -> Computed:
    if not m.commendations:
        return _toggle(item, False, "không có biểu dương, nhắc nhở đảng viên")
    praised = sum(c.kind.value == "praise" for c in m.commendations)
    reminded = len(m.commendations) - praised
    return _toggle(item, True, f"biểu dương {praised}, nhắc nhở {reminded} đồng chí")


def _speakers(item: ScoreItem, m: Meeting, ctx: Context) -> Computed:
    present = {a.member_id for a in m.attendance if a.presence is Presence.PRESENT}
    if not present:
        return Computed(None, "chưa có đảng viên có mặt")
    spoke = {d.speaker_id for r in m.reviews for d in r.discussion if d.speaker_id in present}
    ratio = len(spoke) / len(present)
    how = f"{len(spoke)}/{len(present)} đảng viên có mặt phát biểu = {rules.percent(ratio)}"
    index = 0 if ratio > 0.5 else 1 if ratio >= 0.4 else 2 if ratio >= 0.3 else 3
    return _banded(item, index, how)


def _tasks_done(item: ScoreItem, m: Meeting, ctx: Context) -> Computed:
    done = tasks.completion(m)
    if done.share is None:
        return Computed(None, "không có nhiệm vụ của tháng trước để đối chiếu: chấm theo thực tế")
    share = done.share
    index = (
        0
        if share >= 0.9
        else 1
        if share >= 0.8
        else 2
        if share >= 0.7
        else 3
        if share >= 0.6
        else 4
        if share >= 0.5
        else 5
    )
    return _banded(item, index, done.formula)


def _concluded(item: ScoreItem, m: Meeting, ctx: Context) -> Computed:
    if not m.conclusion.strip():
        return _toggle(item, False, "chưa có kết luận của chủ trì")
    if ctx.cell.resolution.form is ResolutionForm.NONE:
        return _toggle(item, True, "chủ trì đã kết luận")
    vote = m.resolution_vote
    counts = rules.attendance_counts(m.attendance)
    adopted = (
        vote is not None
        and rules.vote_validity(vote, counts.voters).value
        and rules.adoption(vote, counts.official_voting_base).value
    )
    name = rules.RESOLUTION_NAME[ctx.cell.resolution.form].lower()
    if adopted:
        return _toggle(item, True, f"chủ trì đã kết luận; {name} đã được thông qua")
    return _toggle(item, False, f"chủ trì đã kết luận; {name} chưa được thông qua")


COMPUTED: dict[str, Need] = {
    "duration": Need(5, _duration),
    "attendance": Need(4, _attendance),
    "no_long_absence": Need(0, _no_long_absence),
    "committee_met": Need(0, _committee_met),
    "notified": Need(0, _notified),
    "posted_before": Need(0, _posted_before),
    "thematic": Need(0, _thematic),
    "commendations": Need(0, _commendations),
    "speakers": Need(4, _speakers),
    "posted": Need(0, _posted),
    "tasks_done": Need(6, _tasks_done),
    "concluded": Need(0, _concluded),
    "posted_after": Need(0, _posted_after),
}


# -- a meeting's score ------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One item as the sheet shows it: the points counted and where they come from."""

    item: ScoreItem
    points: int | None
    computed: Computed | None
    overridden: bool
    note: str

    @property
    def band(self) -> int | None:
        """The band the points fall in (the first band with exactly these points)."""
        if self.points is None or not self.item.bands:
            return None
        return next((i for i, b in enumerate(self.item.bands) if b.points == self.points), None)


@dataclass(frozen=True)
class Result:
    lines: list[Line]
    total: int
    unscored: int  # items without points yet

    @property
    def rating(self) -> str:
        return rating(self.total)

    @property
    def formula(self) -> str:
        """ "Tổng 87/100 điểm → Khá"; unrated while an item waits for its score."""
        if self.unscored:
            return (
                f"Tổng {self.total}/{TOTAL} điểm, còn {self.unscored} mục chưa chấm: chưa xếp loại"
            )
        return f"Tổng {self.total}/{TOTAL} điểm → {self.rating}"


def rating(total: int) -> str:
    return next(label for floor, label in RATINGS if total >= floor)


def start_score(cell: Cell) -> MeetingScore:
    """A new score on a copy of the cell's sheet: later edits of the sheet never
    change what a meeting was scored on."""
    sheet = sheet_of(cell)
    return MeetingScore(sheet=from_dict(ScoreSheet, to_dict(sheet)))


def evaluate(score: MeetingScore, meeting: Meeting, ctx: Context) -> Result:
    lines = []
    for item in score.sheet.items():
        given = score.score(item.key)
        computed = COMPUTED[item.computed].compute(item, meeting, ctx) if item.computed else None
        if given is not None and given.points is not None:
            # An item the record could not score is scored by hand, not overridden.
            overridden = (
                computed is not None
                and computed.points is not None
                and computed.points != given.points
            )
            lines.append(Line(item, given.points, computed, overridden, given.note))
        else:
            points = computed.points if computed is not None else None
            lines.append(Line(item, points, computed, False, given.note if given else ""))
    total = sum(line.points or 0 for line in lines)
    unscored = sum(line.points is None for line in lines)
    return Result(lines, total, unscored)


def set_points(
    score: MeetingScore,
    item: ScoreItem,
    points: int | None,
    note: str = "",
    *,
    computed: Computed | None = None,
) -> None:
    """The chair's score for ``item``; overriding a computed value needs a note.

    Raises ``ValueError`` (Vietnamese) for points the item does not allow.
    """
    if points is not None:
        allowed = {b.points for b in item.bands} if item.bands else {0, item.points}
        if points not in allowed:
            choices = ", ".join(str(p) for p in sorted(allowed, reverse=True))
            raise ValueError(f"Mục này chỉ chấm {choices} điểm")
        if computed is not None and computed.points is not None and computed.points != points:
            if not note.strip():
                raise ValueError("Sửa điểm chibo đã tính cần ghi lý do (in trên phiếu)")
    given = score.score(item.key)
    if points is None and not note:
        score.scores = [s for s in score.scores if s.key != item.key]
        return
    if given is None:
        score.scores.append(ItemScore(item.key, points, note))
    else:
        index = score.scores.index(given)
        score.scores[index] = replace(given, points=points, note=note)


def year_context(cell: Cell, meeting: Meeting, history: Iterable[Meeting]) -> Context:
    same_year = sorted(
        (m for m in history if m.year == meeting.year and m.month < meeting.month),
        key=lambda m: m.month,
    )
    return Context(cell, [*same_year, meeting])


def score_problems(score: MeetingScore | None, result: Result | None) -> list[str]:
    """What the close checklist says about the score sheet."""
    if score is None or result is None:
        return ["Chưa chấm điểm chất lượng sinh hoạt"]
    problems = []
    if result.unscored:
        problems.append(f"Phiếu chấm điểm: còn {result.unscored} mục chưa chấm")
    for line in result.lines:
        if line.overridden and not line.note.strip():
            problems.append(f"Phiếu chấm điểm: mục “{line.item.text[:40]}” sửa điểm chưa ghi lý do")
    return problems


def to_toml(sheet: ScoreSheet) -> str:
    """The sheet in the import format, for the chair to edit and import back."""

    def s(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)  # a JSON string is a TOML basic string

    out = [
        "# Phiếu chấm điểm chất lượng sinh hoạt chi bộ: sửa rồi nhập lại (I) ở màn hình phiếu.",
        f"name = {s(sheet.name)}",
        f"source = {s(sheet.source)}",
    ]
    for group in sheet.groups:
        out += ["", "[[group]]", f"title = {s(group.title)}", f"points = {group.points}"]
        if group.note:
            out.append(f"note = {s(group.note)}")
        for item in group.items:
            out += ["", "[[group.item]]", f"key = {s(item.key)}", f"text = {s(item.text)}"]
            out.append(f"points = {item.points}")
            if item.computed:
                out.append(f"computed = {s(item.computed)}")
            if item.note:
                out.append(f"note = {s(item.note)}")
            if item.bands:
                out.append("band = [")
                out += [f"  {{ label = {s(b.label)}, points = {b.points} }}," for b in item.bands]
                out.append("]")
    return "\n".join(out) + "\n"
