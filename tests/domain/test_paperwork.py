"""What home says is due around a meeting, and the year-end review reminder."""

from __future__ import annotations

from datetime import date

from chibo_tui.domain import paperwork as P
from chibo_tui.domain.model import MeetingState, ResolutionForm


def test_before_the_meeting_the_preparation_is_due(factory):
    cell = factory.cell()
    meeting = factory.meeting(cell, "2026-03", day=5)
    meeting.state = MeetingState.DRAFT
    due = P.due(meeting, cell.paperwork_of(meeting.month), date(2026, 3, 2))
    assert [d.step for d in due] == ["posted_before", "committee_met", "members_notified"]
    assert due[0].text == "Còn 2 ngày để đăng tài liệu lên Sổ tay đảng viên điện tử (tháng 03/2026)"
    P.record(cell, "2026-03", "posted_before", date(2026, 3, 3))
    assert "posted_before" not in [
        d.step for d in P.due(meeting, cell.paperwork_of(meeting.month), date(2026, 3, 3))
    ]


def test_after_the_meeting_the_report_is_due_within_two_days(factory):
    cell = factory.cell()
    meeting = factory.meeting(cell, "2026-03", day=5)
    meeting.state = MeetingState.FINALISED
    due = P.due(meeting, cell.paperwork_of(meeting.month), date(2026, 3, 6))
    assert [d.step for d in due] == ["posted_after", "reported"]
    assert due[1].text == "Còn 1 ngày để báo cáo Đảng ủy phường (tháng 03/2026)"
    assert P.due(meeting, cell.paperwork_of(meeting.month), date(2026, 3, 7))[1].text.startswith(
        "Hôm nay là hạn cuối"
    )
    late = P.due(meeting, cell.paperwork_of(meeting.month), date(2026, 3, 10))[1]
    assert (
        late.overdue and late.text == "Quá hạn 3 ngày: chưa báo cáo Đảng ủy phường (tháng 03/2026)"
    )
    P.record(cell, "2026-03", "reported", date(2026, 3, 6))
    P.record(cell, "2026-03", "posted_after", date(2026, 3, 6))
    assert P.due(meeting, cell.paperwork_of(meeting.month), date(2026, 3, 10)) == []
    P.record(cell, "2026-03", "reported", None)
    assert (
        P.due(meeting, cell.paperwork_of(meeting.month), date(2026, 3, 10), ResolutionForm.NONE)
        == []
    )


def test_the_review_reminder_runs_from_december_to_january():
    assert P.review_reminder(date(2026, 11, 30)) is None
    text = P.review_reminder(date(2026, 12, 1))
    assert text is not None and "năm 2026" in text and "3 ngày làm việc" in text
    assert "năm 2026" in (P.review_reminder(date(2027, 1, 20)) or "")
    assert P.review_reminder(date(2026, 12, 1), {2026}) is None
    # Three working days before Monday 14/12/2026: Wednesday 9/12.
    assert P.send_by(date(2026, 12, 14)) == date(2026, 12, 9)


def test_paperwork_lives_with_the_cell_and_nothing_recorded_is_not_kept(factory):
    cell = factory.cell()
    P.record(cell, "2026-03", "reported", date(2026, 3, 6))
    assert cell.paperwork_of("2026-03").reported == date(2026, 3, 6)
    P.record(cell, "2026-03", "reported", None)
    assert cell.paperwork == {}
    assert cell.paperwork_of("2026-04").reported is None and cell.paperwork == {}
