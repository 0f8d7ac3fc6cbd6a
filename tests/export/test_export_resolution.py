"""The month's resolution (DESIGN.md §6.5, domain-notes-2 §2.2), read back from the .docx."""

from __future__ import annotations

import itertools
from datetime import date, datetime
from pathlib import Path

import pytest
from docx_probe import cell_texts, open_doc, paragraph_with, tables, text
from export_fixtures import make_cell, make_meeting

from chibo_tui.domain import rules, scoresheet
from chibo_tui.domain.model import (
    COMMITTEE_OWNER,
    WHOLE_CELL,
    Cell,
    Commendation,
    IssuedNumber,
    Meeting,
    MeetingState,
    Mention,
    ResolutionForm,
    SignatureForm,
    Task,
    TaskGroup,
    TaskReview,
    TaskStatus,
    Vote,
)
from chibo_tui.domain.register import assign, code_of, issued
from chibo_tui.export import export_minutes, export_resolution
from chibo_tui.export.facts import clause
from chibo_tui.export.header import DRAFT
from chibo_tui.export.resolution import build_resolution


def with_plan(cell: Cell, meeting: Meeting) -> Meeting:
    """Last month's three tasks reviewed, three tasks set, two mentions, a valid vote."""
    members = cell.members
    meeting.task_reviews = [
        TaskReview(
            "t1",
            "2026-09",
            "Ra quân dọn vệ sinh hẻm 45",
            owner=members[2].full_name,
            status=TaskStatus.DONE,
            note="38 hộ tham gia",
        ),
        TaskReview(
            "t2",
            "2026-09",
            "Thu đảng phí quý III",
            owner=COMMITTEE_OWNER,
            status=TaskStatus.IN_PROGRESS,
        ),
        TaskReview(
            "t3",
            "2026-08",
            "Lắp camera an ninh đầu hẻm",
            owner=members[3].full_name,
            before=TaskStatus.IN_PROGRESS,
            status=TaskStatus.NOT_DONE,
            note="chưa có kinh phí",
        ),
    ]
    meeting.tasks = [
        Task(
            "Quán triệt Nghị quyết Đại hội Đảng bộ phường",
            owner=COMMITTEE_OWNER,
            due=date(2026, 10, 31),
            report_month="2026-11",
            group=TaskGroup.IDEOLOGY,
        ),
        Task(
            "Vận động các hộ tham gia ngày Chủ nhật xanh",
            owner=members[1].full_name,
            owner_id=members[1].id,
            due=date(2026, 10, 28),
            report_month="2026-11",
        ),
        Task(
            "Rà soát hộ cận nghèo", owner=WHOLE_CELL, due=date(2026, 10, 30), report_month="2026-12"
        ),
    ]
    meeting.commendations = [
        Commendation(members[5].full_name, "vắng hai kỳ liền", Mention.REMINDER),
        Commendation(members[4].full_name, "tích cực vận động nhân dân"),
    ]
    meeting.ideology_review = "Đảng viên an tâm, tin tưởng.\nNhân dân đồng tình với chủ trương."
    voters = rules.attendance_counts(meeting.attendance).voters
    meeting.resolution_vote = Vote(in_favour=voters - 1, against=1, other=0)
    return meeting


@pytest.fixture
def planned(cell: Cell, meeting: Meeting) -> Meeting:
    return with_plan(cell, meeting)


def body_of(cell: Cell, meeting: Meeting, out: Path) -> str:
    return text(open_doc(export_resolution(cell, meeting, out)))


def section(body: str, start: str, end: str) -> list[str]:
    """The lines from the one starting with ``start`` to the one before ``end``."""
    rows = body.split("\n")
    first = next(i for i, r in enumerate(rows) if r.startswith(start))
    last = next(i for i, r in enumerate(rows) if i > first and r.startswith(end))
    return rows[first:last]


def test_header_number_title_and_opening(cell: Cell, planned: Meeting, out: Path) -> None:
    cell.register = [IssuedNumber("resolution", planned.month, "NQ", 5)]
    path = export_resolution(cell, planned, out)
    assert path.name == "2026-10_nghi-quyet.docx"
    body = text(open_doc(path))
    header = cell_texts(tables(open_doc(path))[0])
    assert header[1] == ["Số 05-NQ/CB", "Tây Thạnh, ngày 05 tháng 10 năm 2026"]
    assert "NGHỊ QUYẾT\nLãnh đạo thực hiện nhiệm vụ tháng 11/2026\n-----" in body
    counts = rules.attendance_counts(planned.attendance)
    assert (counts.total, counts.present, counts.excused, counts.unexcused, counts.exempt) == (
        14, 11, 1, 1, 1,
    )  # fmt: skip
    assert (
        "Ngày 05/10/2026, tại Nhà văn hóa khu phố 3, Chi bộ Đinh Tiên Hoàng tổ chức sinh hoạt "
        "chi bộ thường kỳ tháng 10/2026. Tổng số đảng viên của chi bộ: 14 đồng chí; có mặt 11 "
        "đồng chí; vắng mặt 2 đồng chí (có lý do 1, không có lý do 1); đảng viên được miễn công "
        "tác, sinh hoạt đảng: 1 đồng chí. Thời lượng sinh hoạt: 135 phút. Đồng chí Nguyễn Văn "
        "An, Bí thư chi bộ chủ trì; đồng chí Trần Văn Bình được cử làm thư ký kỳ họp." in body
    )
    assert (
        "Sau khi nghe Chi ủy báo cáo, chi bộ đã thảo luận, tự phê bình và phê bình, thống nhất "
        "ban hành nghị quyết như sau:" in body
    )
    assert DRAFT not in body  # finalised and adopted


def test_part_one_judges_the_month(cell: Cell, planned: Meeting, out: Path) -> None:
    body = body_of(cell, planned, out)
    part = section(body, "I. ĐÁNH GIÁ KẾT QUẢ LÃNH ĐẠO THÁNG 10/2026", "II. ")
    assert part[1] == (
        "Kết quả tự đánh giá thực hiện mô hình “chi bộ bốn tốt” tháng 10/2026: 3/4 nội dung "
        "đạt, tháng chưa đạt “bốn tốt” (nội dung 2 không đạt)."
    )
    assert part[2:6] == [
        "1. Về công tác chính trị, tư tưởng",
        "Đảng viên an tâm, tin tưởng.",
        "Nhân dân đồng tình với chủ trương.",
        "2. Về lãnh đạo thực hiện nhiệm vụ chính trị",
    ]
    assert part[6] == "……………………………………………………"  # political_review left empty
    assert part[7] == "3. Kết quả thực hiện Nghị quyết Chi bộ tháng 09/2026"
    assert part[8] == (
        "Chi ủy tổng hợp, đối chiếu kết quả thực hiện từng nhiệm vụ đề ra tại Mục II Nghị quyết "
        "Chi bộ tháng 09/2026 như sau:"
    )
    assert "Tỷ lệ hoàn thành: 1/3 nhiệm vụ hoàn thành = 33,3%." in part
    four = part.index("4. Biểu dương, nhắc nhở đảng viên")
    # Praise before reminders, whatever order they were typed in.
    assert part[four + 1 : four + 3] == [
        "- Biểu dương đồng chí Hoàng Văn Hà: tích cực vận động nhân dân.",
        "- Nhắc nhở đồng chí Huỳnh Văn Hương: vắng hai kỳ liền.",
    ]
    five = part.index("5. Hạn chế, khuyết điểm và nguyên nhân")
    failed_check = planned.review(2).checks[0].text.rstrip(".")
    assert part[five + 1] == (
        f"Một là, nội dung 2 “Chất lượng sinh hoạt tốt” không đạt: {failed_check}. Nguyên nhân: "
        "Chủ quan: chi ủy chưa chuẩn bị kỹ nội dung. Khách quan: mưa lớn."
    )


def test_table_of_last_months_tasks(cell: Cell, planned: Meeting, out: Path) -> None:
    table = tables(open_doc(export_resolution(cell, planned, out)))[1]
    rows = cell_texts(table)
    assert rows[0] == [
        "TT",
        "Nhiệm vụ đề ra tại Nghị quyết tháng 09/2026",
        "Tình trạng đầu kỳ",
        "Kết quả thực hiện",
    ]
    assert rows[1:] == [
        [
            "1",
            "Ra quân dọn vệ sinh hẻm 45 (chủ trì: đồng chí Lê Văn Cường)",
            "Mới đề ra",
            "Hoàn thành. 38 hộ tham gia.",
        ],
        ["2", "Thu đảng phí quý III (chủ trì: Chi ủy)", "Mới đề ra", "Đang thực hiện"],
        [
            "3",
            "Lắp camera an ninh đầu hẻm (đề ra tháng 08/2026; chủ trì: đồng chí Phạm Văn Dũng)",
            "Đang thực hiện",
            "Chưa thực hiện. Chưa có kinh phí.",
        ],
    ]


def test_part_two_tasks_lettered_by_group_then_the_carried(
    cell: Cell, planned: Meeting, out: Path
) -> None:
    part = section(body_of(cell, planned, out), "II. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 11/2026", "III.")
    assert part[1:] == [
        "1. Về công tác chính trị, tư tưởng",
        "a) Quán triệt Nghị quyết Đại hội Đảng bộ phường. Chủ trì: Chi ủy; thời hạn: 31/10/2026; "
        "báo cáo kết quả tại kỳ sinh hoạt tháng 11/2026.",
        "2. Về lãnh đạo thực hiện nhiệm vụ chính trị",
        "a) Vận động các hộ tham gia ngày Chủ nhật xanh. Chủ trì: đồng chí Trần Văn Bình; thời "
        "hạn: 28/10/2026; báo cáo kết quả tại kỳ sinh hoạt tháng 11/2026.",
        "b) Rà soát hộ cận nghèo. Chủ trì: toàn chi bộ; thời hạn: 30/10/2026; báo cáo kết quả "
        "tại kỳ sinh hoạt tháng 12/2026.",
        "3. Tiếp tục thực hiện các nhiệm vụ chưa hoàn thành của kỳ trước",
        "a) Thu đảng phí quý III (đề ra tháng 09/2026). Chủ trì: Chi ủy; tình trạng: đang thực "
        "hiện.",
        "b) Lắp camera an ninh đầu hẻm (đề ra tháng 08/2026). Chủ trì: đồng chí Phạm Văn Dũng; "
        "tình trạng: chưa thực hiện.",
    ]


def test_only_groups_with_tasks_are_numbered_and_letters_go_on(
    cell: Cell, planned: Meeting, out: Path
) -> None:
    planned.task_reviews = []
    planned.tasks = [
        Task(f"Nhiệm vụ số {i + 1}", owner=COMMITTEE_OWNER, due=date(2026, 10, 30))
        for i in range(26)
    ]
    part = section(body_of(cell, planned, out), "II. PHƯƠNG HƯỚNG", "III.")
    assert part[1] == "1. Về lãnh đạo thực hiện nhiệm vụ chính trị"
    letters = [line.split(")")[0] for line in part[2:]]
    assert letters[:11] == ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l"]
    assert letters[22:] == ["y", "aa", "bb", "cc"]  # never "a" twice
    assert "báo cáo kết quả tại kỳ sinh hoạt ……." in part[2]  # no report month set


def test_part_three_assignment_and_the_fixed_clause(
    cell: Cell, planned: Meeting, out: Path
) -> None:
    part = section(body_of(cell, planned, out), "III. PHÂN CÔNG", "Nghị quyết này")
    assert part[1:] == [
        "1. Phân công chủ trì thực hiện các nhiệm vụ tại Mục II:",
        "- Chi ủy: chủ trì nhiệm vụ tại điểm 1a, 3a.",
        "- Đồng chí Trần Văn Bình: chủ trì nhiệm vụ tại điểm 2a.",
        "- Đồng chí Phạm Văn Dũng: chủ trì nhiệm vụ tại điểm 3b.",
        "- Toàn chi bộ: chủ trì nhiệm vụ tại điểm 2b.",
        "2. Giao đồng chí Bí thư Chi bộ ký ban hành, đăng tải Nghị quyết trên ứng dụng Sổ tay "
        "đảng viên điện tử và báo cáo Đảng ủy phường Tây Thạnh trong thời hạn 02 ngày kể từ "
        "ngày kết thúc kỳ sinh hoạt.",
    ]
    assert "IV. TỰ ĐÁNH GIÁ" not in "\n".join(part)  # the meeting was not scored


def test_part_four_from_the_score_sheet(cell: Cell, planned: Meeting) -> None:
    score = scoresheet.start_score(cell)
    context = scoresheet.year_context(cell, planned, [])
    first = scoresheet.evaluate(score, planned, context)
    assert first.unscored  # the items the chair scores by hand
    body = text(build_resolution(cell, planned, first))
    assert (
        f"IV. TỰ ĐÁNH GIÁ CHẤT LƯỢNG KỲ SINH HOẠT\nChi bộ tự chấm {first.total}/100 điểm, còn "
        f"{first.unscored} mục chưa chấm: chưa xếp loại." in body
    )
    for line in first.lines:  # every hand-scored item at full points but one, at none
        if line.points is None:
            full = max([b.points for b in line.item.bands] or [line.item.points])
            scoresheet.set_points(score, line.item, full)
    lost = next(line.item for line in first.lines if line.points is None and not line.item.bands)
    scoresheet.set_points(score, lost, 0)
    result = scoresheet.evaluate(score, planned, context)
    assert result.unscored == 0
    body = text(build_resolution(cell, planned, result))
    assert (
        f"Chi bộ tự chấm {result.total}/100 điểm; xếp loại chất lượng sinh hoạt: "
        f"{result.rating}." in body
    )
    rows = body.split("\n")
    at = rows.index("Hạn chế cần khắc phục trong kỳ sinh hoạt tiếp theo:")
    listed = list(itertools.takewhile(lambda row: row.startswith("- "), rows[at + 1 :]))
    # Each item that lost points on its own line, worded as on the sheet (its own
    # capital), ";" between them and the last one ending the list.
    assert f"- {clause(lost.text)}" in [row.rstrip(";.") for row in listed]
    assert all(row.endswith(";") for row in listed[:-1])
    assert listed[-1].endswith((".", "…")) and not listed[-1].endswith("….")
    assert all(row[2].isupper() for row in listed)
    assert body.index("IV. TỰ ĐÁNH GIÁ") < body.index("Nghị quyết này được chi bộ")


def test_adoption_sentence_recipients_and_signature(
    cell: Cell, planned: Meeting, out: Path
) -> None:
    path = export_resolution(cell, planned, out)
    counts = rules.attendance_counts(planned.attendance)
    assert counts.voters == 10 and counts.official_voting_base == 12
    doc = open_doc(path)
    assert paragraph_with(doc, "Nghị quyết này").text == (
        "Nghị quyết này được chi bộ thảo luận và biểu quyết thông qua tại kỳ sinh hoạt ngày "
        "05/10/2026, với 9/10 đồng chí tán thành, đạt tỷ lệ 90%./."
    )
    ((left, right),) = cell_texts(tables(doc)[-1])
    assert left.split("\n") == [
        "Nơi nhận:",
        "- Đảng ủy phường Tây Thạnh (để báo cáo);",
        "- Đồng chí đảng ủy viên phụ trách chi bộ;",
        "- Đảng viên trong chi bộ;",
        "- Lưu Chi bộ.",
    ]
    signer = right.split("\n")
    assert signer[:2] == ["T/M CHI BỘ", "BÍ THƯ"] and signer[-1] == "Nguyễn Văn An"
    cell.resolution.signature = SignatureForm.COMMITTEE
    ((_, right),) = cell_texts(tables(open_doc(export_resolution(cell, planned, out)))[-1])
    assert right.split("\n")[:2] == ["T/M CHI ỦY", "BÍ THƯ"]


@pytest.mark.parametrize(
    ("vote", "expected"),
    [
        (None, "Nghị quyết này chưa được chi bộ biểu quyết thông qua."),
        (
            Vote(in_favour=6, against=4, other=0),
            "Nghị quyết này được chi bộ thảo luận và biểu quyết tại kỳ sinh hoạt ngày 05/10/2026, "
            "với 6/10 đồng chí tán thành, đạt tỷ lệ 60%; số đồng chí tán thành không quá một nửa "
            "tổng số 12 đảng viên chính thức của chi bộ (khoản 5 Điều 10 Điều lệ Đảng): chưa được "
            "thông qua.",
        ),
        (
            Vote(in_favour=9, against=0, other=0),
            "Biểu quyết thông qua Nghị quyết tại kỳ sinh hoạt ngày 05/10/2026: tổng số phiếu (9) "
            "khác số đảng viên chính thức có mặt (10), chưa xác định được kết quả.",
        ),
    ],
)
def test_a_resolution_not_adopted_says_so_and_is_a_draft(
    cell: Cell, planned: Meeting, out: Path, vote: Vote | None, expected: str
) -> None:
    planned.resolution_vote = vote
    body = body_of(cell, planned, out)
    assert DRAFT in body.split("\n")[0]
    assert expected.rstrip(".") in body
    assert "biểu quyết thông qua tại kỳ sinh hoạt ngày" not in body


def test_a_draft_meeting_is_a_draft_and_never_says_khong_dat(
    cell: Cell, planned: Meeting, out: Path
) -> None:
    planned.state = MeetingState.DRAFT
    planned.review(3).vote = None
    planned.review(2).vote = None
    planned.task_reviews[1].status = None
    body = body_of(cell, planned, out)
    assert body.split("\n")[0] == DRAFT
    assert (
        "Kết quả tự đánh giá thực hiện mô hình “chi bộ bốn tốt” tháng 10/2026: còn nội dung 2 "
        "và 3 chưa biểu quyết" in body
    )
    assert (
        "“Chất lượng sinh hoạt tốt” không đạt" not in body and "(nội dung 2 không đạt)" not in body
    )
    assert "Trong tháng, chi bộ không có nội dung nào được biểu quyết không đạt." in body
    assert "Nội dung chưa có kết quả: nội dung 2 (Chất lượng sinh hoạt tốt) chưa biểu quyết" in body
    assert "Tỷ lệ hoàn thành: 1/3 nhiệm vụ hoàn thành = 33,3% (còn 1 nhiệm vụ chưa đánh giá)." in (
        body
    )
    assert (
        "a) Thu đảng phí quý III (đề ra tháng 09/2026). Chủ trì: Chi ủy; tình trạng: chưa đánh giá."
        in body
    )


def test_conclusion_form_is_a_thong_bao_numbered_tb(
    cell: Cell, planned: Meeting, out: Path
) -> None:
    cell.resolution.form = ResolutionForm.CONCLUSION
    cell.register = [IssuedNumber("resolution", planned.month, "TB", 3)]
    path = export_resolution(cell, planned, out)
    assert path.name == "2026-10_thong-bao-ket-luan.docx"
    doc = open_doc(path)
    body = text(doc)
    assert cell_texts(tables(doc)[0])[1][0] == "Số 03-TB/CB"
    assert "THÔNG BÁO\nKết luận kỳ sinh hoạt chi bộ tháng 10/2026\n-----" in body
    assert "NGHỊ QUYẾT" not in body
    assert "tự phê bình và phê bình, thống nhất kết luận như sau:" in body
    assert "3. Kết quả thực hiện Thông báo kết luận của Chi bộ tháng 09/2026" in body
    assert "đăng tải Thông báo kết luận trên ứng dụng Sổ tay đảng viên điện tử" in body
    assert "Thông báo kết luận này được chi bộ thảo luận và biểu quyết thông qua" in body


def test_no_reviews_no_mentions_nothing_failed(cell: Cell, out: Path) -> None:
    meeting = with_plan(cell, make_meeting(cell, fail=()))
    meeting.task_reviews, meeting.commendations = [], []
    body = body_of(cell, meeting, out)
    assert (
        "3. Kết quả thực hiện Nghị quyết Chi bộ tháng 09/2026\nKỳ sinh hoạt này không có " in body
    )
    assert "4. Biểu dương, nhắc nhở đảng viên\nKhông có." in body
    assert (
        "5. Hạn chế, khuyết điểm và nguyên nhân\nTrong tháng, chi bộ không có nội dung nào được "
        "biểu quyết không đạt." in body
    )
    assert "4/4 nội dung đạt, tháng đạt “bốn tốt”." in body
    assert "3. Tiếp tục thực hiện" not in body


def test_the_register_numbers_it_by_form(cell: Cell) -> None:
    """NQ while the cell issues resolutions, TB once it issues conclusions; the NQ number
    stays issued, and neither type shares numbers with the minutes."""
    cell.register = [IssuedNumber("minutes", "2026-10", "BB", 4)]
    at = datetime(2026, 10, 6, 8, 0)
    entry, _ = assign(cell, "resolution", "2026-10", at)
    assert (entry.code, entry.number) == ("NQ", 1)
    cell.resolution.form = ResolutionForm.CONCLUSION
    assert code_of(cell, "resolution") == "TB" and issued(cell, "resolution", "2026-10") is None
    entry, _ = assign(cell, "resolution", "2026-10", at)
    assert (entry.code, entry.number) == ("TB", 1)
    assert [(n.code, n.number) for n in cell.register] == [("BB", 4), ("NQ", 1), ("TB", 1)]


def test_the_minutes_record_the_tasks_and_the_resolution_vote(
    cell: Cell, planned: Meeting, out: Path
) -> None:
    planned.resolution_earlier_votes = [Vote(in_favour=5, against=5, other=0)]
    body = text(open_doc(export_minutes(cell, planned, out)))
    part = section(body, "III. KẾT LUẬN CỦA CHỦ TRÌ", "Biên bản kết thúc")
    assert part[3:] == [
        "Nhiệm vụ tháng 11/2026: chi bộ thống nhất đề ra 3 nhiệm vụ:",
        "- Quán triệt Nghị quyết Đại hội Đảng bộ phường (chủ trì: Chi ủy; thời hạn: 31/10/2026).",
        "- Vận động các hộ tham gia ngày Chủ nhật xanh (chủ trì: đồng chí Trần Văn Bình; thời "
        "hạn: 28/10/2026).",
        "- Rà soát hộ cận nghèo (chủ trì: toàn chi bộ; thời hạn: 30/10/2026).",
        "Biểu quyết thông qua nghị quyết: ",
        "- Lần 1: 5/10 đồng chí tán thành, đạt 50%; 5 đồng chí không tán thành; 0 ý kiến khác. "
        "Số đồng chí tán thành không quá một nửa tổng số 12 đảng viên chính thức của chi bộ "
        "(khoản 5 Điều 10 Điều lệ Đảng): không được thông qua.",
        "- Lần 2: 9/10 đồng chí tán thành, đạt 90%; 1 đồng chí không tán thành; 0 ý kiến khác. "
        "Số đồng chí tán thành hơn một nửa tổng số 12 đảng viên chính thức của chi bộ (khoản 5 "
        "Điều 10 Điều lệ Đảng): được thông qua.",
    ]


def test_minutes_of_a_month_before_tasks_say_nothing_of_a_resolution(
    cell: Cell, meeting: Meeting, out: Path
) -> None:
    body = text(open_doc(export_minutes(cell, meeting, out)))
    assert "Nhiệm vụ tháng" not in body and "nghị quyết:" not in body
    meeting.tasks = [Task("Vận động hiến máu", owner=WHOLE_CELL)]
    body = text(open_doc(export_minutes(cell, meeting, out)))
    assert "- Vận động hiến máu (chủ trì: toàn chi bộ; thời hạn: chưa định)." in body
    assert "Biểu quyết thông qua nghị quyết: chưa biểu quyết." in body


def test_every_diacritic_and_a_one_member_cell(out: Path) -> None:
    cell = make_cell(1)
    meeting = make_meeting(cell, absent=0)
    meeting.tasks = [Task("Nhiệm vụ", owner=cell.members[0].full_name, due=date(2026, 10, 30))]
    meeting.resolution_vote = Vote(in_favour=1)
    body = body_of(cell, meeting, out)
    assert "với 1/1 đồng chí tán thành, đạt tỷ lệ 100%" in body
    assert "- Đồng chí Nguyễn Văn An: chủ trì nhiệm vụ tại điểm 1a." in body


def test_causes_typed_with_their_own_heading_are_not_headed_twice(
    cell: Cell, planned: Meeting, out: Path
) -> None:
    planned.review(2).causes = "Nguyên nhân chủ quan: chuẩn bị chậm.\nKhách quan: mưa lớn."
    body = body_of(cell, planned, out)
    assert ". Nguyên nhân chủ quan: chuẩn bị chậm. Khách quan: mưa lớn." in body
    assert "Nguyên nhân: Nguyên nhân" not in body
    planned.review(2).causes = ""
    assert "Nguyên nhân: ……" in body_of(cell, planned, out)
