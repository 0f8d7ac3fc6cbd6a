"""The monthly report to the ward (DESIGN.md §6.2, domain-notes §3)."""

from __future__ import annotations

from pathlib import Path

from docx.table import Table
from docx_probe import cell_texts, open_doc, tables, text
from export_fixtures import make_cell, make_meeting
from msgspec.structs import replace

from chibo_tui.domain import rules
from chibo_tui.domain.model import Basis, Cell, IssuedNumber, Meeting, Vote
from chibo_tui.export import export_report


def tables_of(path: Path) -> list[Table]:
    return tables(open_doc(path))


def test_bases_and_meeting(cell: Cell, meeting: Meeting, out: Path) -> None:
    body = text(open_doc(export_report(cell, meeting, out)))
    # The city's guidance and the cell's own plan, as the seed plan cites them (point 4).
    assert (
        "Căn cứ Hướng dẫn số 03-HD/TU ngày 07 tháng 7 năm 2023 của Ban Thường vụ Thành ủy về "
        "thực hiện mô hình “chi bộ bốn tốt”;" in body
    )
    assert "Căn cứ Kế hoạch của chi bộ về thực hiện mô hình “chi bộ bốn tốt”;" in body
    assert "214-KH/TU" not in body  # that is a basis of the plan, not of the report
    assert "Căn cứ kết quả sinh hoạt chi bộ định kỳ tháng 10/2026 ngày 05/10/2026," in body
    assert "Chi bộ Đinh Tiên Hoàng báo cáo kết quả thực hiện mô hình" in body
    assert "Sinh hoạt 135 phút, đủ 90 phút theo quy định".lower() in body.lower()
    counts = rules.attendance_counts(meeting.attendance)
    assert f"- Dự sinh hoạt: {counts.present}/{counts.expected} đồng chí" in body


def test_bases_typed_without_can_cu(out: Path) -> None:
    bases = [Basis("Kế hoạch số 126-KH/ĐU ngày 31/8/2023 của Đảng ủy phường.")]
    cell = make_cell(8, report_bases=bases)
    body = text(open_doc(export_report(cell, make_meeting(cell), out)))
    assert "Căn cứ Kế hoạch số 126-KH/ĐU ngày 31/8/2023 của Đảng ủy phường;" in body


def test_result_table(cell: Cell, meeting: Meeting, out: Path) -> None:
    table = tables_of(export_report(cell, meeting, out))[1]  # after the header
    rows = cell_texts(table)
    assert rows[0] == ["STT", "Nội dung", "Kết quả", "Biểu quyết"]
    assert rows[1][-5:] == ["Đạt", "Không đạt", "Tán thành", "Không tán thành", "Ý kiến khác"]
    counts = rules.attendance_counts(meeting.attendance)
    for row, review in zip(rows[2:], sorted(meeting.reviews, key=lambda r: r.number), strict=True):
        passed = review.number != 2
        assert row[:2] == [str(review.number), review.title]
        assert row[2:4] == (["x", ""] if passed else ["", "x"])
        vote = review.vote
        assert vote is not None
        assert row[4:] == [f"{vote.in_favour}/{counts.voters}", str(vote.against), str(vote.other)]
    body = text(open_doc(export_report(cell, meeting, out)))
    assert "Kết quả chung: 3/4 nội dung đạt, tháng chưa đạt “bốn tốt”." in body


def test_what_failed_and_the_remedies(cell: Cell, meeting: Meeting, out: Path) -> None:
    body = text(open_doc(export_report(cell, meeting, out)))
    assert "1. Nội dung 2: Chất lượng sinh hoạt tốt (không đạt)" in body
    assert "- Nguyên nhân: Chủ quan: chi ủy chưa chuẩn bị kỹ nội dung." in body
    assert "- Trách nhiệm: Trách nhiệm tập thể chi ủy; cá nhân đồng chí bí thư." in body
    remedy = meeting.review(2).remedies[0]
    assert f"+ {remedy.text} (phụ trách: đồng chí {remedy.owner}; thời hạn: 28/10/2026)." in body
    assert "Nội dung 1: Lãnh đạo hoàn thành tốt nhiệm vụ chính trị (" not in body


def test_all_passed(cell: Cell, out: Path) -> None:
    meeting = make_meeting(cell, fail=())
    body = text(open_doc(export_report(cell, meeting, out)))
    assert "các nội dung đều đạt" in body
    assert "4/4 nội dung đạt, tháng đạt “bốn tốt”" in body


def test_not_adopted_row(cell: Cell, meeting: Meeting, out: Path) -> None:
    voters = rules.attendance_counts(meeting.attendance).voters
    meeting.review(4).vote = Vote(in_favour=1, against=voters - 1, other=0)
    meeting.review(3).vote = Vote(in_favour=1, against=0, other=0)  # does not add up
    rows = cell_texts(tables_of(export_report(cell, meeting, out))[1])
    assert rows[5][1].endswith("(chưa được thông qua)")
    assert rows[5][2:4] == ["", ""]
    assert rows[4][1].endswith("(số phiếu chưa khớp)")
    assert rows[4][2:4] == ["", ""]


def test_recipients_and_signature(cell: Cell, meeting: Meeting, out: Path) -> None:
    signature = [t for t in tables_of(export_report(cell, meeting, out)) if len(t.columns) == 2][-1]
    ((left, right),) = cell_texts(signature)
    assert left.split("\n") == [
        "Nơi nhận:",
        "- Đảng ủy phường Tây Thạnh (để báo cáo);",
        "- Lưu Chi bộ.",
    ]
    parts = right.split("\n")
    assert parts[:2] == ["T/M CHI BỘ", "BÍ THƯ"] and parts[-1] == "Nguyễn Văn An"


def test_appendix_of_sub_criteria(cell: Cell, meeting: Meeting, out: Path) -> None:
    cell.register = [IssuedNumber("report", meeting.month, "BC", 6)]
    path = export_report(cell, meeting, out)
    body = text(open_doc(path))
    assert "PHỤ LỤC" in body
    assert "(Kèm theo Báo cáo số 06-BC/CB ngày 05/10/2026 của Chi bộ Đinh Tiên Hoàng)" in body
    rows = cell_texts(tables_of(path)[-1])
    assert rows[0] == ["STT", "Tiêu chí", "Đạt", "Không đạt"]
    checks = [c for r in meeting.reviews for c in r.checks]
    sub_rows = [r for r in rows[1:] if r[0].isdigit()]
    assert len(sub_rows) == len(checks)
    for row, check in zip(sub_rows, checks, strict=True):
        assert row[1] == check.text
        assert row[2:] == (["x", ""] if check.passed else ["", "x"])
    groups = [r for r in rows[1:] if not r[0].isdigit()]
    assert [g[0] for g in groups] == ["I", "II", "III", "IV"]
    assert "mẫu tham khảo" in body  # the sample criteria are labelled as such


def test_adapted_criteria_are_not_labelled_sample(cell: Cell, meeting: Meeting, out: Path) -> None:
    cell = replace(cell, criteria_is_sample=False)
    assert "mẫu tham khảo" not in text(open_doc(export_report(cell, meeting, out)))


def test_draft_report_is_marked(cell: Cell, out: Path) -> None:
    body = text(open_doc(export_report(cell, make_meeting(cell, final=False), out)))
    assert body.startswith("DỰ THẢO\n")


def test_cell_without_secretary(out: Path) -> None:
    cell = make_cell(1)
    cell.members[0].role = cell.members[0].role.MEMBER
    meeting = make_meeting(cell, absent=0)
    signature = [t for t in tables_of(export_report(cell, meeting, out)) if len(t.columns) == 2][-1]
    assert cell_texts(signature)[0][1].split("\n")[-1] == "……………………"


# -- issue 12 ----------------------------------------------------------------------


def test_a_draft_month_reads_as_a_draft(cell: Cell, out: Path) -> None:
    draft = make_meeting(cell, final=False, fail=())
    draft.review(3).vote = None
    voters = rules.attendance_counts(draft.attendance).voters
    draft.review(4).vote = Vote(2, voters - 2, 0)
    draft.review(4).checks[0].passed = False
    body = text(open_doc(export_report(cell, draft, out)))
    assert body.startswith("DỰ THẢO\n")
    assert "Kết quả chung" not in body and "chưa đạt “bốn tốt”" not in body
    assert (
        "Còn nội dung 3 chưa biểu quyết, nội dung 4 chưa được thông qua; kết quả chung của "
        "tháng được tổng hợp khi cả bốn nội dung có kết quả biểu quyết." in body
    )
    shortcomings = body.split("III. HẠN CHẾ")[1].split("IV. KẾT LUẬN")[0]
    assert "Không có nội dung nào được chi bộ biểu quyết không đạt." in shortcomings
    assert "1. Nội dung" not in shortcomings  # nothing undecided is listed as a shortcoming
    assert (
        "Nội dung chưa có kết quả: nội dung 3 (Đoàn kết, kỷ luật tốt) chưa biểu quyết và "
        "nội dung 4 (Cán bộ, đảng viên tốt) chưa được thông qua;" in shortcomings
    )


def test_the_overall_result_stays_with_its_table(cell: Cell, meeting: Meeting, out: Path) -> None:
    table = tables_of(export_report(cell, meeting, out))[1]
    last = table.rows[-1]
    assert all(p.paragraph_format.keep_with_next for c in last.cells for p in c.paragraphs)


def test_guests_read_as_comrades_once(cell: Cell, meeting: Meeting, out: Path) -> None:
    from chibo_tui.domain.model import Guest

    meeting.guests = [Guest("Đồng chí Huỳnh Văn Lợi", "Cảnh sát khu vực")]
    body = text(open_doc(export_report(cell, meeting, out)))
    assert "- Đại biểu dự: đồng chí Huỳnh Văn Lợi (Cảnh sát khu vực)." in body


def test_the_sample_note_does_not_speak_of_software(
    cell: Cell, meeting: Meeting, out: Path
) -> None:
    body = text(open_doc(export_report(cell, meeting, out)))
    assert (
        "Ghi chú: các tiêu chí con theo mẫu tham khảo, chưa điều chỉnh theo phụ lục tiêu chí "
        "của cấp ủy." in body
    )
    assert "phần mềm" not in body
