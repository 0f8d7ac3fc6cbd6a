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
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import rules
from ..domain.criteria import FOUR_GOOD
from ..domain.model import Cell, Meeting, MeetingSummary, RemedyStatus, Role, Verdict
from ..domain.months import quarter
from ..domain.remedies import STATUS_TEXT, TrackedRemedy, track
from ..domain.rollup import YearRollup, year_rollup, year_target
from ..domain.vietnamese import month_label
from . import styles
from .errors import ExportError
from .facts import basis_line, cell_title, clean, dmy, reporting_body, roman
from .header import Recipients, Signer, begin, signature_block, title_block
from .writer import prepare_folder, write_atomic

if TYPE_CHECKING:
    from docx.document import Document

DRAFT_NOTE = "(*) Biên bản tháng này chưa chốt; kết quả có thể còn thay đổi."
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
) -> Path:
    """Write ``YYYY_tong-hop.docx`` (or ``-2`` …); ``meetings`` is the whole history.

    Earlier years are needed to follow remedies raised before ``year``. Raises
    :class:`ExportError` when ``year`` has no meeting.
    """
    check_year(year)
    if not any(m.year == year for m in meetings):
        raise ExportError(f"Năm {year} chưa có kỳ sinh hoạt nào; không có số liệu để tổng hợp.")
    folder = prepare_folder(out_dir)
    doc = build_summary(cell, meetings, year, today or date.today())
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


def remedy_year(meetings: Iterable[Meeting], year: int) -> RemedyYear:
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


def build_summary(cell: Cell, meetings: Sequence[Meeting], year: int, today: date) -> Document:
    held = sorted((m for m in meetings if m.year == year), key=lambda m: m.month)
    rollup = year_rollup((rules.summarise(m) for m in held), year)
    drafts = {m.month for m in held if not m.is_final}
    titles = _titles(cell, held)
    subject = f"Tổng hợp kết quả thực hiện mô hình “chi bộ bốn tốt” năm {year}"
    doc = begin(cell, kind="BC", seq=None, day=today, draft=False, title=subject)
    title_block(doc, "Báo cáo", [subject])

    for basis in cell.plan_bases:
        styles.paragraph(doc, basis_line(basis))
    styles.paragraph(
        doc,
        f"{cell_title(cell.name)} tổng hợp kết quả đánh giá hằng tháng mô hình “chi bộ bốn tốt” "
        f"năm {year} như sau:",
    )

    styles.heading(doc, "I. KẾT QUẢ ĐÁNH GIÁ HẰNG THÁNG")
    _grid(doc, rollup, drafts)
    legend = "; ".join(f"({i}) {t}" for i, t in enumerate(titles, start=1))
    styles.paragraph(doc, f"Nội dung: {legend}.", italic=True, size=12, before=4, indent=False)
    if drafts:
        styles.paragraph(doc, DRAFT_NOTE, italic=True, size=12, indent=False)

    styles.heading(doc, "II. TỔNG HỢP THEO NỘI DUNG VÀ THEO QUÝ")
    for number, title in enumerate(titles, start=1):
        styles.item(
            doc,
            f"Nội dung {number} ({title}): {rollup.passed[number - 1]}/{rollup.held} tháng đạt.",
        )
    _quarters(doc, rollup)
    target = year_target(rollup, cell.rules.year_target_months)
    par = styles.paragraph(doc, before=6)
    styles.add_run(par, "Cả năm: ", bold=True)
    styles.add_run(par, target.reason + ".")

    styles.heading(doc, "III. GIẢI PHÁP KHẮC PHỤC")
    # Statuses stand as the year's last meeting left them (it may not be December yet).
    _remedies(doc, remedy_year(meetings, year), year, held[-1].month)

    styles.heading(doc, "IV. TÌNH HÌNH DỰ SINH HOẠT")
    _attendance(doc, rollup, held)

    styles.heading(doc, "V. NHẬN XÉT CHUNG")
    _overview(doc, rollup, titles, year)
    styles.paragraph(doc, EVIDENCE_NOTE)

    secretary = cell.with_role(Role.SECRETARY)
    styles.paragraph(doc, after=6)
    signature_block(
        doc,
        Recipients((f"- {reporting_body(cell.parent_committee)} (để báo cáo);", "- Lưu Chi bộ.")),
        Signer(("T/M CHI BỘ", "BÍ THƯ"), secretary.full_name if secretary else ""),
    )
    return doc


def _titles(cell: Cell, held: Sequence[Meeting]) -> list[str]:
    # The latest meeting's copy of the criteria is what the year ended with.
    reviews = sorted(held[-1].reviews, key=lambda r: r.number) if held else []
    titles = [clean(r.title) for r in reviews[:4]]
    if len(titles) < 4:
        titles = [clean(c.title) for c in cell.criteria[:4]] or list(FOUR_GOOD)
    return titles


def _verdict_text(v: Verdict | None) -> str:
    return rules.VERDICT_TEXT[v].capitalize() if v else "—"


def _ratio(s: MeetingSummary) -> str:
    if not s.expected:
        return "—"
    return f"{s.present}/{s.expected} ({rules.percent(s.present / s.expected)})"


def _grid(doc: Document, rollup: YearRollup, drafts: set[str]) -> None:
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
            styles.cell_text(c[1].merge(c[6]), "chưa có kỳ sinh hoạt", italic=True, size=12)
            continue
        verdicts = list(s.verdicts[:4]) + [None] * (4 - len(s.verdicts[:4]))
        for i, v in enumerate(verdicts):
            styles.cell_text(c[1 + i], _verdict_text(v), size=12)
        styles.cell_text(c[5], "Đạt" if s.four_good else "Không đạt", bold=s.four_good, size=12)
        styles.cell_text(c[6], _ratio(s), size=12)
    c = tbl.rows[14].cells
    styles.cell_text(c[0], "Cộng", bold=True, size=12)
    for i in range(4):
        styles.cell_text(c[1 + i], f"{rollup.passed[i]}/{rollup.held}", bold=True, size=12)
    styles.cell_text(c[5], f"{rollup.four_good_months}/{rollup.held}", bold=True, size=12)
    present = sum(s.present for s in rollup.by_month.values())
    expected = sum(s.expected for s in rollup.by_month.values())
    average = rules.percent(present / expected) if expected else "—"
    styles.cell_text(c[6], f"bình quân {average}", bold=True, size=12)


def _quarters(doc: Document, rollup: YearRollup) -> None:
    passes = quarter_passes(rollup)
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
        good, held = rollup.quarters[q]
        styles.cell_text(c[0], roman(q), size=12)
        styles.cell_text(c[1], str(held), size=12)
        for i in range(4):
            styles.cell_text(c[2 + i], f"{passes[q][i]}/{held}" if held else "—", size=12)
        styles.cell_text(c[6], f"{good}/{held}" if held else "—", size=12)
    c = tbl.rows[5].cells
    styles.cell_text(c[0], "Cả năm", bold=True, size=12)
    styles.cell_text(c[1], str(rollup.held), bold=True, size=12)
    for i in range(4):
        styles.cell_text(c[2 + i], f"{rollup.passed[i]}/{rollup.held}", bold=True, size=12)
    styles.cell_text(c[6], f"{rollup.four_good_months}/{rollup.held}", bold=True, size=12)


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
        text = f"{clean(t.remedy.text)} (nội dung {t.criterion})"
        styles.cell_text(c[1], text, size=12, align="left")
        styles.cell_text(c[2], clean(t.remedy.owner) or "chưa phân công", size=12)
        styles.cell_text(c[3], month_label(t.source_month), size=12)
        styles.cell_text(c[4], dmy(t.remedy.due) if t.remedy.due else "chưa định", size=12)
        styles.cell_text(c[5], STATUS_TEXT[t.status], size=12)


def _attendance(doc: Document, rollup: YearRollup, held: Sequence[Meeting]) -> None:
    shares = [(month, s.present / s.expected) for month, s in rollup.by_month.items() if s.expected]
    if not shares:
        styles.paragraph(doc, "Chưa có số liệu điểm danh.")
        return
    present = sum(s.present for s in rollup.by_month.values())
    expected = sum(s.expected for s in rollup.by_month.values())
    high = max(shares, key=lambda p: p[1])
    low = min(shares, key=lambda p: p[1])
    styles.item(
        doc,
        f"Tỷ lệ dự sinh hoạt bình quân {rules.percent(present / expected)}; cao nhất tháng "
        f"{month_label(high[0])} ({rules.percent(high[1])}), thấp nhất tháng "
        f"{month_label(low[0])} ({rules.percent(low[1])}).",
    )
    unexcused = [(m.month, rules.attendance_counts(m.attendance).unexcused) for m in held]
    total = sum(n for _, n in unexcused)
    if total:
        months = ", ".join(f"{month_label(k)} ({n})" for k, n in unexcused if n)
        styles.item(doc, f"Lượt vắng không lý do trong năm: {total}, ở các tháng {months}.")
    else:
        styles.item(doc, "Không có lượt vắng không lý do trong năm.")


def _overview(doc: Document, rollup: YearRollup, titles: list[str], year: int) -> None:
    styles.paragraph(
        doc,
        f"Năm {year}, chi bộ tổ chức {rollup.held} kỳ sinh hoạt định kỳ được đánh giá; "
        f"{rollup.four_good_months} tháng đạt “bốn tốt”.",
    )
    misses = [(rollup.held - p, i) for i, p in enumerate(rollup.passed)]
    worst, index = max(misses, key=lambda m: (m[0], -m[1]))  # ties: the first criterion
    if worst:
        styles.paragraph(
            doc,
            f"Nội dung có nhiều tháng chưa đạt nhất: nội dung {index + 1} "
            f"({titles[index]}), {worst}/{rollup.held} tháng.",
        )
    else:
        styles.paragraph(doc, "Cả bốn nội dung đều đạt ở tất cả các tháng được đánh giá.")
