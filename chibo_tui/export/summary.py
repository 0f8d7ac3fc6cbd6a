"""Báo cáo tổng hợp năm (DESIGN.md §6.3): the year's monthly results as evidence.

A 12-month × 4-criteria grid with attendance, counts per criterion and per quarter,
the months fully "bốn tốt", and the remedies opened, closed and still open. No
official rule turns these counts into the annual classification (Quy định
366-QĐ/TW), so the document says so and presents them as evidence only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import rules
from ..domain.carried import Carried
from ..domain.criteria import FOUR_GOOD
from ..domain.model import Cell, Meeting, MeetingSummary, RemedyStatus, Role, Verdict
from ..domain.months import quarter
from ..domain.register import number_of
from ..domain.remedies import STATUS_TEXT, TrackedRemedy, track
from ..domain.rollup import YearRollup, decided, year_rollup, year_target
from ..domain.vietnamese import month_label
from . import styles
from .errors import ExportError
from .facts import (
    basis_line,
    cell_title,
    clause,
    dmy,
    months_of_year,
    owner,
    reporting_body,
    roman,
)
from .header import Recipients, Signer, begin, finish, signature_block, title_block
from .writer import prepare_folder, write_atomic

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import _Cell

DRAFT_NOTE = "(*) Biên bản tháng này chưa chốt; kết quả có thể còn thay đổi."
NO_RECORD = "chưa có số liệu"
NOT_HELD = "chưa có kỳ sinh hoạt"
UNDECIDED_NOTE = (
    "Ở dòng Cộng và bảng theo quý, tỷ số là số tháng đạt trên số tháng đã có kết quả "
    "biểu quyết; tháng chưa có kết quả không tính là đạt hay không đạt."
)
EVIDENCE_NOTE = (
    "Số liệu trên là căn cứ để chi bộ kiểm điểm, tự đánh giá, xếp loại chất lượng cuối năm; "
    "không thay cho kết quả xếp loại do cấp có thẩm quyền quyết định."
)


def export_summary(
    cell: Cell,
    meetings: list[Meeting],
    year: int,
    out_dir: Path,
    *,
    today: date | None = None,
    earlier: Sequence[Carried] = (),
) -> Path:
    """Write ``YYYY_tong-hop.docx`` (or ``-2`` …) from the history up to ``year``.

    Earlier years are needed to follow remedies raised before ``year``: either as
    meetings in ``meetings`` or, cheaper, as what they carried (``earlier``, of the
    years before ``year`` only). Raises :class:`ExportError` when ``year`` has no
    meeting.
    """
    check_year(year)
    if not any(m.year == year for m in meetings):
        raise ExportError(f"Năm {year} chưa có kỳ sinh hoạt nào; không có số liệu để tổng hợp.")
    folder = prepare_folder(out_dir)
    doc = build_summary(cell, meetings, year, today or date.today(), earlier)
    return write_atomic(folder, f"{year:04d}_tong-hop", doc.save)


def check_year(year: int) -> None:
    if not isinstance(year, int) or not 1900 <= year <= 9999:
        raise ExportError(f"Năm không hợp lệ: “{year}” (cần năm có 4 chữ số, ví dụ 2026).")


@dataclass(frozen=True)
class RemedyYear:
    """Remedies seen from the end of a year."""

    opened: list[TrackedRemedy]  # raised at a meeting of the year
    closed: list[TrackedRemedy]  # marked done at a meeting of the year (any origin)
    still_open: list[TrackedRemedy]  # raised up to the year's end, not done by then


def remedy_year(meetings: Iterable[Meeting | Carried], year: int) -> RemedyYear:
    tracked = track(meetings, before=f"{year + 1:04d}-01")
    prefix = f"{year:04d}-"
    return RemedyYear(
        opened=[t for t in tracked if t.source_month.startswith(prefix)],
        closed=[
            t
            for t in tracked
            if t.status is RemedyStatus.DONE and (t.updated_month or "").startswith(prefix)
        ],
        still_open=[t for t in tracked if t.status is not RemedyStatus.DONE],
    )


def quarter_passes(rollup: YearRollup) -> dict[int, list[int]]:
    """Quarter → months đạt per criterion 1–4."""
    out = {q: [0, 0, 0, 0] for q in range(1, 5)}
    for month, s in rollup.by_month.items():
        for i, verdict in enumerate(s.verdicts[:4]):
            out[quarter(month)][i] += verdict is Verdict.PASS
    return out


def build_summary(
    cell: Cell,
    meetings: Sequence[Meeting],
    year: int,
    today: date,
    earlier: Sequence[Carried] = (),
) -> Document:
    held = sorted((m for m in meetings if m.year == year), key=lambda m: m.month)
    # Oldest first, as the history was read: the trackers sort it again, stably.
    history: list[Meeting | Carried] = [*earlier, *meetings]
    rollup = year_rollup((rules.summarise(m) for m in held), year)
    drafts = {m.month for m in held if not m.is_final}
    # The records start with the first meeting ever entered; months before it are
    # unknown, not months without a meeting.
    first = min(m.month for m in history)
    titles = _titles(cell, held)
    subject = f"Tổng hợp kết quả thực hiện mô hình “chi bộ bốn tốt” năm {year}"
    doc = begin(
        cell,
        kind="BC",
        seq=number_of(cell, "summary", str(year)),
        day=today,
        draft=bool(drafts),  # a draft month's results may still change
        title=f"Báo cáo {subject[0].lower()}{subject[1:]}",
        subject=subject,
        category="Báo cáo",
    )
    title_block(doc, "Báo cáo", [subject])

    for basis in cell.report_bases:
        styles.paragraph(doc, basis_line(basis.text))
    styles.paragraph(
        doc,
        f"{cell_title(cell.name)} tổng hợp kết quả đánh giá hằng tháng mô hình “chi bộ bốn tốt” "
        f"năm {year} như sau:",
    )

    styles.heading(doc, "I. KẾT QUẢ ĐÁNH GIÁ HẰNG THÁNG")
    _grid(doc, rollup, _states(held), drafts, first)
    legend = "; ".join(f"({i}) {t}" for i, t in enumerate(titles, start=1))
    notes = [f"Nội dung: {legend}."]
    if drafts:
        notes.append(DRAFT_NOTE)
    if first > f"{year:04d}-01":
        notes.append(
            f"Số liệu được tổng hợp từ biên bản các kỳ sinh hoạt từ tháng {month_label(first)}; "
            "các tháng trước đó chưa có số liệu."
        )
    if rollup.undecided_months:
        notes.append(UNDECIDED_NOTE)
    for i, note in enumerate(notes):
        styles.paragraph(doc, note, italic=True, size=12, before=4 if i == 0 else 0, indent=False)

    styles.heading(doc, "II. TỔNG HỢP THEO NỘI DUNG VÀ THEO QUÝ")
    for number, title in enumerate(titles, start=1):
        styles.item(doc, f"Nội dung {number} ({title}): {_criterion_count(rollup, number)}.")
    _quarters(doc, rollup, first)
    target = year_target(rollup, cell.rules.year_target_months)
    par = styles.paragraph(doc, before=6)
    styles.add_run(par, "Cả năm: ", bold=True)
    styles.add_run(par, target.reason + ".")

    styles.heading(doc, "III. GIẢI PHÁP KHẮC PHỤC")
    # Statuses stand as the year's last meeting left them (it may not be December yet).
    _remedies(doc, remedy_year(history, year), year, held[-1].month)

    styles.heading(doc, "IV. TÌNH HÌNH DỰ SINH HOẠT")
    _attendance(doc, rollup, held)

    styles.heading(doc, "V. CHẤT LƯỢNG SINH HOẠT CHI BỘ (TỰ CHẤM ĐIỂM THEO HD 42)")
    _quality(doc, cell, held)

    styles.heading(doc, "VI. NHẬN XÉT CHUNG")
    _overview(doc, rollup, titles, year, first)
    styles.paragraph(doc, EVIDENCE_NOTE)

    secretary = cell.with_role(Role.SECRETARY)
    styles.paragraph(doc, after=6)
    signature_block(
        doc,
        Recipients((f"- {reporting_body(cell.parent_committee)} (để báo cáo);", "- Lưu Chi bộ.")),
        Signer(("T/M CHI BỘ", "BÍ THƯ"), secretary.full_name if secretary else ""),
        cell.documents,
    )
    return finish(doc, cell)


def _titles(cell: Cell, held: Sequence[Meeting]) -> list[str]:
    # The latest meeting's copy of the criteria is what the year ended with.
    reviews = sorted(held[-1].reviews, key=lambda r: r.number) if held else []
    titles = [clause(r.title) for r in reviews[:4]]
    if len(titles) < 4:
        titles = [clause(c.title) for c in cell.criteria[:4]] or list(FOUR_GOOD)
    return titles


def _states(held: Sequence[Meeting]) -> dict[str, list[str]]:
    """Month → the standing of criteria 1–4 as the documents word it."""
    out: dict[str, list[str]] = {}
    for m in held:
        counts = rules.attendance_counts(m.attendance)
        reviews = sorted(m.reviews, key=lambda r: r.number)[:4]
        states = [
            rules.criterion_state(r, counts.official_voting_base, counts.voters) for r in reviews
        ]
        out[m.month] = states + [rules.NOT_VOTED] * (4 - len(states))
    return out


def _criterion_count(rollup: YearRollup, number: int) -> str:
    passed, judged = rollup.passed[number - 1], rollup.judged(number)
    text = f"{passed}/{judged} tháng đạt"
    waiting = rollup.undecided[number - 1]
    if waiting:
        text += f" ({waiting} tháng chưa có kết quả biểu quyết, chưa tính)"
    return text


def _ratio(s: MeetingSummary) -> str:
    if not s.expected:
        return "—"
    return f"{s.present}/{s.expected} ({rules.percent(s.present / s.expected)})"


def _grid(
    doc: Document,
    rollup: YearRollup,
    states: dict[str, list[str]],
    drafts: set[str],
    first: str,
) -> None:
    width = styles.text_width_mm(doc)
    fixed = (22, 21, 21, 21, 21, 21)
    widths = (*fixed, width - sum(fixed))
    tbl = styles.table(doc, 2 + 12 + 1, widths, borders=True)
    top, sub = tbl.rows[0].cells, tbl.rows[1].cells
    styles.cell_text(top[0].merge(sub[0]), "Tháng", bold=True, size=12)
    styles.cell_text(top[1].merge(top[4]), "Nội dung", bold=True, size=12)
    for i in range(4):
        styles.cell_text(sub[1 + i], str(i + 1), bold=True, size=12)
    styles.cell_text(top[5].merge(sub[5]), "Bốn tốt", bold=True, size=12)
    styles.cell_text(top[6].merge(sub[6]), "Dự sinh hoạt", bold=True, size=12)
    styles.repeat_as_header(tbl, 2)
    for m in range(1, 13):
        key = f"{rollup.year:04d}-{m:02d}"
        c = tbl.rows[1 + m].cells
        star = "*" if key in drafts else ""
        styles.cell_text(c[0], f"{m:02d}{star}", size=12)
        s = rollup.by_month.get(key)
        if s is None:
            gap = NO_RECORD if key < first else NOT_HELD
            styles.cell_text(c[1].merge(c[6]), gap, italic=True, size=12)
            continue
        for i, state in enumerate(states[key]):
            _state_cell(c[1 + i], state)
        if decided(s):
            _state_cell(c[5], "đạt" if s.four_good else "không đạt")
        else:
            styles.cell_text(c[5], "Chưa xác định", italic=True, size=12)
        styles.cell_text(c[6], _ratio(s), size=12)
    c = tbl.rows[14].cells
    styles.cell_text(c[0], "Cộng", bold=True, size=12)
    for i in range(4):
        styles.cell_text(c[1 + i], f"{rollup.passed[i]}/{rollup.judged(i + 1)}", bold=True, size=12)
    styles.cell_text(c[5], f"{rollup.four_good_months}/{rollup.decided_months}", bold=True, size=12)
    present = sum(s.present for s in rollup.by_month.values())
    expected = sum(s.expected for s in rollup.by_month.values())
    average = rules.percent(present / expected) if expected else "—"
    styles.cell_text(c[6], f"bình quân {average}", bold=True, size=12)


def _state_cell(cell_: _Cell, state: str) -> None:
    # A failure is what the reader looks for: it is the bold one; an undecided
    # criterion is in italics, neither đạt nor không đạt.
    failed = state == rules.VERDICT_TEXT[Verdict.FAIL]
    undecided = state not in rules.VERDICT_TEXT.values()
    text = state[0].upper() + state[1:]
    styles.cell_text(cell_, text, bold=failed, italic=undecided, size=12)


def _quarters(doc: Document, rollup: YearRollup, first: str) -> None:
    width = styles.text_width_mm(doc)
    fixed = (24, 28, 21, 21, 21, 21)
    widths = (*fixed, width - sum(fixed))
    styles.paragraph(doc, "Theo quý:", keep_next=True)
    tbl = styles.table(doc, 1 + 4 + 1, widths, borders=True)
    heads = ("Quý", "Số kỳ sinh hoạt", "Nội dung 1", "Nội dung 2", "Nội dung 3", "Nội dung 4")
    for cell_, text in zip(tbl.rows[0].cells, (*heads, "Bốn tốt"), strict=True):
        styles.cell_text(cell_, text, bold=True, size=12)
    styles.repeat_as_header(tbl)
    for q in range(1, 5):
        c = tbl.rows[q].cells
        styles.cell_text(c[0], roman(q), size=12)
        last_month = f"{rollup.year:04d}-{3 * q:02d}"
        if last_month < first:  # the whole quarter is before the first record
            styles.cell_text(c[1].merge(c[6]), NO_RECORD, italic=True, size=12)
            continue
        part = year_rollup(
            (s for month, s in rollup.by_month.items() if quarter(month) == q), rollup.year
        )
        held = part.held
        styles.cell_text(c[1], str(held), size=12)
        for i in range(4):
            text = f"{part.passed[i]}/{part.judged(i + 1)}" if held else "—"
            styles.cell_text(c[2 + i], text, size=12)
        good = f"{part.four_good_months}/{part.decided_months}" if held else "—"
        styles.cell_text(c[6], good, size=12)
    c = tbl.rows[5].cells
    styles.cell_text(c[0], "Cả năm", bold=True, size=12)
    styles.cell_text(c[1], str(rollup.held), bold=True, size=12)
    for i in range(4):
        styles.cell_text(c[2 + i], f"{rollup.passed[i]}/{rollup.judged(i + 1)}", bold=True, size=12)
    styles.cell_text(c[6], f"{rollup.four_good_months}/{rollup.decided_months}", bold=True, size=12)


def _remedies(doc: Document, remedies: RemedyYear, year: int, last_month: str) -> None:
    styles.item(doc, f"Đề ra trong năm {year}: {len(remedies.opened)} giải pháp.")
    styles.item(doc, f"Đã khắc phục trong năm: {len(remedies.closed)} giải pháp.")
    styles.item(
        doc,
        f"Chưa khắc phục xong (theo kỳ sinh hoạt tháng {month_label(last_month)}): "
        f"{len(remedies.still_open)} giải pháp.",
    )
    if not remedies.still_open:
        return
    styles.paragraph(doc, "Các giải pháp còn chưa khắc phục xong:", keep_next=True)
    width = styles.text_width_mm(doc)
    fixed = (12, 40, 22, 22, 22)
    widths = (fixed[0], width - sum(fixed), *fixed[1:])
    tbl = styles.table(doc, 1 + len(remedies.still_open), widths, borders=True)
    heads = ("STT", "Giải pháp", "Phụ trách", "Đề ra", "Thời hạn", "Tình trạng")
    for cell_, text in zip(tbl.rows[0].cells, heads, strict=True):
        styles.cell_text(cell_, text, bold=True, size=12)
    styles.repeat_as_header(tbl)
    for n, (row, t) in enumerate(zip(tbl.rows[1:], remedies.still_open, strict=True), start=1):
        c = row.cells
        styles.cell_text(c[0], str(n), size=12)
        text = f"{clause(t.remedy.text)} (nội dung {t.criterion})"
        styles.cell_text(c[1], text, size=12, align="left")
        who = owner(t.remedy.owner)
        styles.cell_text(c[2], who[0].upper() + who[1:], size=12)
        styles.cell_text(c[3], month_label(t.source_month), size=12)
        styles.cell_text(c[4], dmy(t.remedy.due) if t.remedy.due else "chưa định", size=12)
        styles.cell_text(c[5], STATUS_TEXT[t.status], size=12)


def _attendance(doc: Document, rollup: YearRollup, held: Sequence[Meeting]) -> None:
    shares = {
        month: Fraction(s.present, s.expected) for month, s in rollup.by_month.items() if s.expected
    }
    if not shares:
        styles.paragraph(doc, "Chưa có số liệu điểm danh.")
        return
    present = sum(s.present for s in rollup.by_month.values())
    expected = sum(s.expected for s in rollup.by_month.values())
    high, low = max(shares.values()), min(shares.values())
    # Every month at the extreme is named: picking one of a tie would misreport.
    highs = months_of_year([m for m, v in shares.items() if v == high])
    lows = months_of_year([m for m, v in shares.items() if v == low])
    average = rules.percent(present / expected)
    if high == low:
        styles.item(
            doc,
            f"Tỷ lệ dự sinh hoạt bình quân {average}; các tháng đều {rules.percent(float(high))}.",
        )
    else:
        styles.item(
            doc,
            f"Tỷ lệ dự sinh hoạt bình quân {average}; cao nhất tháng {highs} "
            f"({rules.percent(float(high))}), thấp nhất tháng {lows} "
            f"({rules.percent(float(low))}).",
        )
    unexcused = [(m.month, rules.attendance_counts(m.attendance).unexcused) for m in held]
    unexcused = [(k, n) for k, n in unexcused if n]
    total = sum(n for _, n in unexcused)
    if not total:
        styles.item(doc, "Không có lượt vắng không lý do trong năm.")
    elif len(unexcused) == 1:
        styles.item(
            doc,
            f"Lượt vắng không lý do trong năm: {total} lượt, ở tháng "
            f"{month_label(unexcused[0][0])}.",
        )
    else:
        months = rules.join_words([f"{month_label(k)} ({n} lượt)" for k, n in unexcused])
        styles.item(doc, f"Lượt vắng không lý do trong năm: {total} lượt, ở các tháng {months}.")


def _quality(doc: Document, cell: Cell, held: Sequence[Meeting]) -> None:
    """Each month's score and rating, and the months per rating (Tốt/Khá/TB/Kém)."""
    from ..domain import scoresheet

    scored: list[tuple[str, int, str]] = []
    unfinished = []
    for m in held:
        if m.score is None:
            continue
        result = scoresheet.evaluate(m.score, m, scoresheet.year_context(cell, m, held))
        if result.unscored:
            unfinished.append(m.month)
        else:
            scored.append((m.month, result.total, result.rating))
    if not scored:
        styles.paragraph(doc, "Chưa có tháng nào được chấm điểm chất lượng sinh hoạt.")
        return
    months = "; ".join(f"tháng {month_label(k)}: {t} điểm ({r})" for k, t, r in scored)
    styles.item(doc, f"Điểm từng tháng: {months}.")
    counts = [
        f"{label} {sum(r == label for _, _, r in scored)} tháng" for _, label in scoresheet.RATINGS
    ]
    styles.item(doc, f"Xếp loại: {', '.join(counts)} (trên {len(scored)} tháng đã chấm).")
    if unfinished:
        styles.item(doc, f"Chưa chấm xong: tháng {months_of_year(unfinished)}.")


def _overview(doc: Document, rollup: YearRollup, titles: list[str], year: int, first: str) -> None:
    if first > f"{year:04d}-01":
        opening = (
            f"Năm {year}, số liệu được ghi nhận từ tháng {month_label(first)}: "
            f"{rollup.held} kỳ sinh hoạt định kỳ được đánh giá"
        )
    else:
        opening = f"Năm {year}, chi bộ tổ chức {rollup.held} kỳ sinh hoạt định kỳ được đánh giá"
    result = f"{rollup.four_good_months} tháng đạt “bốn tốt”"
    if rollup.failed_months:
        result += f", {rollup.failed_months} tháng chưa đạt “bốn tốt”"
    if rollup.undecided_months:
        waiting = [m for m, s in rollup.by_month.items() if not decided(s)]
        result += (
            f"; {rollup.undecided_months} tháng chưa đủ kết quả biểu quyết "
            f"(tháng {months_of_year(waiting)})"
        )
    styles.paragraph(doc, f"{opening}; {result}.")
    worst = max(rollup.failed)
    if not worst:
        if rollup.undecided_months:
            styles.paragraph(
                doc, "Không có nội dung nào không đạt trong các tháng đã có kết quả biểu quyết."
            )
        else:
            styles.paragraph(doc, "Cả bốn nội dung đều đạt ở tất cả các tháng được đánh giá.")
        return
    # Every criterion tied at the most failures is named, not only the first.
    tied = [i for i, n in enumerate(rollup.failed) if n == worst]
    if len(tied) == 1:
        i = tied[0]
        styles.paragraph(
            doc,
            f"Nội dung có nhiều tháng không đạt nhất: nội dung {i + 1} ({titles[i]}), không đạt "
            f"{worst} trong {rollup.judged(i + 1)} tháng có kết quả biểu quyết.",
        )
    else:
        named = rules.join_words([f"nội dung {i + 1} ({titles[i]})" for i in tied])
        styles.paragraph(
            doc,
            f"Nội dung có nhiều tháng không đạt nhất: {named}, mỗi nội dung không đạt "
            f"{worst} tháng.",
        )
