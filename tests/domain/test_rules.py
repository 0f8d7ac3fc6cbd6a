"""The rules of DESIGN.md §4: what the chair sees and what goes into the minutes."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chibo_tui.domain import rules
from chibo_tui.domain.model import (
    Attendance,
    CriterionReview,
    MeetingState,
    MeetingSummary,
    MemberStatus,
    Presence,
    Remedy,
    Role,
    RuleSettings,
    SubCriterionCheck,
    Verdict,
    Vote,
)

# -- vote validity -------------------------------------------------------------

odd_count = st.one_of(
    st.integers(-3, 40),
    st.booleans(),
    st.floats(allow_nan=False, min_value=-3, max_value=40),
    st.sampled_from(["3", "", None]),
)


@given(in_favour=odd_count, against=odd_count, other=odd_count, voters=st.integers(0, 40))
def test_vote_is_valid_iff_whole_non_negative_counts_add_up_to_voters(
    in_favour, against, other, voters
):
    counts = (in_favour, against, other)
    whole = all(type(c) is int and c >= 0 for c in counts)
    expected = whole and sum(counts) == voters
    ruling = rules.vote_validity(Vote(in_favour, against, other), voters)
    assert ruling.value is expected
    assert ruling.reason


def test_vote_validity_explains_the_sum():
    ruling = rules.vote_validity(Vote(8, 1, 1), 11)
    assert ruling.value is False
    assert "8 + 1 + 1 = 10" in ruling.reason and "(11)" in ruling.reason
    assert rules.vote_validity(Vote(9, 1, 1), 11).value is True


@given(st.integers(0, 40), st.integers(0, 40), st.integers(0, 40))
def test_vote_is_valid_for_its_own_total(in_favour, against, other):
    vote = Vote(in_favour, against, other)
    assert rules.vote_validity(vote, vote.total).value
    assert not rules.vote_validity(vote, vote.total + 1).value


# -- adoption ------------------------------------------------------------------


@given(in_favour=st.integers(0, 60), base=st.integers(0, 60))
def test_adopted_iff_more_than_half_of_the_official_base(in_favour, base):
    ruling = rules.adoption(Vote(in_favour=in_favour), base)
    assert ruling.value is (in_favour * 2 > base)
    assert ruling.reason.startswith(f"{in_favour}/{base} đồng chí tán thành, ")
    assert f"số đảng viên chính thức ({base})" in ruling.reason
    if ruling.value:
        assert ruling.reason.endswith("→ thông qua")
        assert "không thông qua" not in ruling.reason
    else:
        assert ruling.reason.endswith("→ không thông qua")


def test_adoption_sentence_in_full():
    ruling = rules.adoption(Vote(9, 2, 1), 12)
    assert ruling.value is True
    assert (
        ruling.reason == "9/12 đồng chí tán thành, hơn ½ số đảng viên chính thức (12) → thông qua"
    )


@pytest.mark.parametrize(
    ("in_favour", "base", "adopted"),
    [(6, 12, False), (7, 12, True), (5, 11, False), (6, 11, True), (0, 0, False), (1, 1, True)],
)
def test_adoption_at_the_half(in_favour, base, adopted):
    assert rules.adoption(Vote(in_favour=in_favour), base).value is adopted


# -- attendance ----------------------------------------------------------------

attendance_rows = st.lists(
    st.builds(
        Attendance,
        member_id=st.uuids().map(lambda u: u.hex[:10]),
        full_name=st.just("Nguyễn Văn An"),
        status=st.sampled_from(MemberStatus),
        exempt=st.booleans(),
        role=st.sampled_from(Role),
        presence=st.sampled_from(Presence),
    ),
    max_size=45,
)


@given(attendance_rows)
def test_attendance_counts_add_up(rows):
    c = rules.attendance_counts(rows)
    active = [a for a in rows if not a.exempt]
    assert c.total == len(rows)
    assert c.exempt == sum(a.exempt for a in rows)
    assert c.expected == c.total - c.exempt == len(active)
    assert c.present + c.excused + c.unexcused + c.unmarked == c.expected
    assert c.official + c.probationary == c.total
    assert c.voters <= c.present
    assert c.voters == sum(
        a.presence is Presence.PRESENT and a.is_official and not a.exempt for a in rows
    )
    assert c.official_voting_base == sum(a.is_official and not a.exempt for a in rows)
    assert c.voters <= c.official_voting_base
    # An exempt member is never counted absent (nor present, nor unmarked).
    assert c.absent == sum(a.presence in (Presence.EXCUSED, Presence.UNEXCUSED) for a in active)
    assert c.present == sum(a.presence is Presence.PRESENT for a in active)


def test_exempt_member_marked_absent_is_not_absent():
    rows = [
        Attendance("a", "Nguyễn Văn An", MemberStatus.OFFICIAL, presence=Presence.PRESENT),
        Attendance(
            "b", "Trần Thị Bình", MemberStatus.OFFICIAL, exempt=True, presence=Presence.UNEXCUSED
        ),
        Attendance("c", "Lê Văn Cường", MemberStatus.PROBATIONARY, presence=Presence.PRESENT),
    ]
    c = rules.attendance_counts(rows)
    assert (c.expected, c.present, c.absent, c.unexcused, c.voters) == (2, 2, 0, 0, 1)
    ratio = rules.attendance_ratio(c)
    assert ratio.value == 1.0
    assert "2/2 đảng viên có mặt (100%)" in ratio.reason


def test_attendance_ratio_without_members():
    assert rules.attendance_ratio(rules.attendance_counts([])).value == 0.0


# -- verdicts ------------------------------------------------------------------

marks = st.lists(st.sampled_from([True, False, None]), max_size=8)
overrides = st.one_of(st.none(), st.sampled_from(Verdict))


@given(marks, overrides)
def test_proposed_verdict(checks, override):
    review = CriterionReview(
        1, "Lãnh đạo", checks=[SubCriterionCheck(f"ý {i}", p) for i, p in enumerate(checks)]
    )
    review.verdict_override = override
    got = rules.proposed_verdict(review).value
    if override is not None:
        assert got is override
    elif not checks:
        assert got is None
    elif False in checks:
        assert got is Verdict.FAIL
    elif None in checks:
        assert got is None
    else:
        assert got is Verdict.PASS


def test_proposed_verdict_reasons():
    review = CriterionReview(2, "Sinh hoạt", checks=[SubCriterionCheck("a", True)] * 3)
    assert rules.proposed_verdict(review).reason == "3/3 tiêu chí con đạt → đạt"
    review.checks = [SubCriterionCheck("a", False), SubCriterionCheck("b", None)]
    assert rules.proposed_verdict(review).reason == "1/2 tiêu chí con không đạt → không đạt"
    review.checks = [SubCriterionCheck("a", True), SubCriterionCheck("b", None)]
    assert "Còn 1/2 tiêu chí con chưa đánh giá" == rules.proposed_verdict(review).reason
    review.verdict_override = Verdict.FAIL
    assert "không đạt" in rules.proposed_verdict(review).reason


verdict_lists = st.lists(st.one_of(st.none(), st.sampled_from(Verdict)), max_size=6)


@given(verdict_lists)
def test_four_good_iff_exactly_four_pass(verdicts):
    ruling = rules.four_good(verdicts)
    assert ruling.value is (len(verdicts) == 4 and all(v is Verdict.PASS for v in verdicts))
    summary = MeetingSummary("2026-03", MeetingState.FINALISED, verdicts, 10, 12)
    assert summary.four_good is ruling.value
    passed = sum(v is Verdict.PASS for v in verdicts)
    assert ruling.reason.startswith(f"{passed}/4 nội dung đạt")
    assert ("chưa đạt" not in ruling.reason) is ruling.value


def test_adopted_verdict_is_the_one_put_to_the_vote(factory):
    cell = factory.cell()
    meeting = factory.meeting(cell)
    meeting.review(3).vote = Vote(8, 0, 1, verdict_put=Verdict.FAIL)
    meeting.review(4).vote = Vote(3, 5, 1)  # not adopted: no verdict yet
    assert rules.meeting_verdicts(meeting) == [Verdict.PASS, Verdict.PASS, Verdict.FAIL, None]
    summary = rules.summarise(meeting)
    assert summary.four_good is False
    assert (summary.present, summary.expected) == (11, 12)


# -- meeting length ------------------------------------------------------------


def _span(minutes: int) -> tuple[time, time]:
    start = datetime(2026, 3, 5, 19, 0)
    return start.time(), (start + timedelta(minutes=minutes)).time()


@pytest.mark.parametrize(
    ("minutes", "thematic", "ok", "needed"),
    [
        (89, False, False, 90),
        (90, False, True, 90),
        (119, True, False, 120),
        (120, True, True, 120),
    ],
)
def test_meeting_length_of_hd42(minutes, thematic, ok, needed):
    """HD 42: 90 minutes, 120 when a thematic session is held the same day."""
    ruling = rules.meeting_length(*_span(minutes), 12, RuleSettings(), thematic)
    assert ruling.value is ok
    assert f"{minutes} phút" in ruling.reason and f"{needed} phút" in ruling.reason
    assert ("sinh hoạt chuyên đề" in ruling.reason) is thematic


def test_large_cell_rule_is_a_setting_off_by_default():
    """The "30 members or more → 120" rule is a local one: only when switched on."""
    assert rules.meeting_length(*_span(90), 30, RuleSettings()).value
    local = RuleSettings(large_cell_rule=True)
    assert not rules.meeting_length(*_span(90), 30, local).value
    assert rules.meeting_length(*_span(90), 29, local).value
    assert rules.meeting_length(*_span(120), 30, local).value


def test_meeting_length_needs_both_times_in_order():
    assert not rules.meeting_length(None, time(21), 12, RuleSettings()).value
    assert not rules.meeting_length(time(21), time(19), 12, RuleSettings()).value
    custom = RuleSettings(short_meeting_minutes=60)
    assert rules.meeting_length(*_span(60), 12, custom).value


# -- closing checklist ---------------------------------------------------------


def test_clean_meeting_has_no_closing_problems(factory):
    cell = factory.cell()
    assert rules.closing_problems(factory.meeting(cell), cell.rules) == []


def _problems_after(factory, change):
    cell = factory.cell()
    meeting = factory.meeting(cell)
    change(meeting)
    return rules.closing_problems(meeting, cell.rules)


def test_missing_attendance_is_listed(factory):
    def unmark(m):
        m.attendance[0].presence = Presence.UNMARKED
        m.attendance[5].presence = Presence.UNMARKED

    problems = _problems_after(factory, unmark)
    assert problems[0] == "Còn 2 đảng viên chưa điểm danh"
    # The votes were counted with them present: now they no longer add up.
    assert all("biểu quyết không khớp" in p for p in problems[1:])
    empty = _problems_after(factory, lambda m: setattr(m, "attendance", []))
    assert "Chưa có danh sách đảng viên để điểm danh" in empty


def test_missing_vote_is_listed(factory):
    problems = _problems_after(factory, lambda m: setattr(m.review(2), "vote", None))
    assert problems == ["Tiêu chí 2: chưa biểu quyết"]


def test_vote_that_does_not_add_up_is_listed(factory):
    def miscount(m):
        m.review(3).vote.in_favour += 1

    (problem,) = _problems_after(factory, miscount)
    assert problem.startswith("Tiêu chí 3: biểu quyết không khớp")
    assert "9 + 0 + 1 = 10" in problem


def test_vote_not_adopted_is_listed(factory):
    (problem,) = _problems_after(factory, lambda m: setattr(m.review(1), "vote", Vote(4, 4, 1)))
    assert problem.startswith("Tiêu chí 1:") and "biểu quyết lại" in problem


def test_remedy_without_owner_or_due_date_is_listed(factory):
    def careless(m):
        m.review(4).remedies = [Remedy("Nhắc nhở đảng viên đóng đảng phí đúng hạn")]

    problems = _problems_after(factory, careless)
    assert len(problems) == 2
    assert all(p.startswith("Tiêu chí 4: giải pháp “Nhắc nhở") for p in problems)
    assert any(p.endswith("chưa có người phụ trách") for p in problems)
    assert any(p.endswith("chưa có thời hạn") for p in problems)


def test_short_meeting_is_listed(factory):
    problems = _problems_after(factory, lambda m: setattr(m, "end_time", time(20, 29)))
    assert problems == ["Sinh hoạt 89 phút, ngắn hơn 90 phút theo quy định"]
    assert _problems_after(factory, lambda m: setattr(m, "end_time", time(20, 30))) == []


def test_missing_end_time_chair_and_conclusion_are_listed(factory):
    def bare(m):
        m.end_time = None
        m.chair = ""
        m.minute_taker = ""
        m.conclusion = "  "

    problems = _problems_after(factory, bare)
    assert problems == [
        "Chưa ghi người chủ trì",
        "Chưa ghi thư ký",
        "Chưa ghi giờ kết thúc",
        "Chưa có kết luận của chủ trì",
    ]


# -- the minutes' sentences ----------------------------------------------------


def test_vote_sentence():
    sentence = rules.vote_sentence(Vote(9, 1, 1), 11)
    assert sentence == (
        "9/11 đồng chí tán thành, đạt 81,8%; 1 đồng chí không tán thành; 1 ý kiến khác"
    )
    assert rules.vote_sentence(Vote(0, 0, 0), 0).startswith("0/0 đồng chí tán thành, đạt 0%")


@pytest.mark.parametrize(
    ("ratio", "text"),
    [
        (9 / 11, "81,8%"),
        (0.5, "50%"),
        (1.0, "100%"),
        (2 / 3, "66,7%"),
        (0.0, "0%"),
        (0.125, "12,5%"),
    ],
)
def test_percent_uses_a_decimal_comma(ratio, text):
    assert rules.percent(ratio) == text


@given(st.integers(0, 200), st.integers(1, 200))
def test_percent_has_at_most_one_decimal_and_no_point(part, whole):
    text = rules.percent(part / whole)
    assert text.endswith("%") and "." not in text
    number = text[:-1]
    if "," in number:
        assert len(number.split(",")[1]) == 1 and not number.endswith("0")
    assert abs(float(number.replace(",", ".")) - 100 * part / whole) <= 0.05 + 1e-9


def test_a_vote_that_does_not_add_up_adopts_nothing(factory):
    """A mistyped vote must never make a criterion đạt, however many approve."""
    cell = factory.cell()
    meeting = factory.meeting(cell, "2026-03")
    counts = rules.attendance_counts(meeting.attendance)
    review = meeting.review(1)
    review.vote = Vote(counts.voters + 5, 0, 0, Verdict.PASS)
    assert rules.adopted_verdict(review, counts.official_voting_base) is Verdict.PASS
    assert rules.adopted_verdict(review, counts.official_voting_base, counts.voters) is None
    assert rules.meeting_verdicts(meeting)[0] is None


# -- issue 12: votes read once; drafts never read as results ---------------------


def test_a_vote_is_worded_once_with_one_base_per_figure():
    wording = rules.vote_wording(Vote(7, 1, 1), voters=9, official_base=12)
    assert wording.adopted is True
    assert wording.count == (
        "7/9 đồng chí tán thành, đạt 77,8%; 1 đồng chí không tán thành; 1 ý kiến khác"
    )
    assert wording.test == (
        "Số đồng chí tán thành hơn một nửa tổng số 12 đảng viên chính thức của chi bộ "
        "(khoản 5 Điều 10 Điều lệ Đảng): được thông qua"
    )
    assert "7/12" not in wording.test and "Điều 10.5" not in wording.test


def test_a_vote_on_the_whole_base_does_not_repeat_its_fraction():
    wording = rules.vote_wording(Vote(5, 6, 1), voters=12, official_base=12)
    text = f"{wording.count}. {wording.test}."
    assert text.count("5/12") == 1
    assert wording.test.endswith(
        "không quá một nửa tổng số 12 đảng viên chính thức của chi "
        "bộ (khoản 5 Điều 10 Điều lệ Đảng): không được thông qua"
    )
    assert wording.adopted is False


def test_a_vote_that_does_not_add_up_is_worded_as_undecided():
    wording = rules.vote_wording(Vote(12, 0, 0), voters=9, official_base=12)
    assert wording.adopted is False
    assert "số phiếu" in wording.test.lower() and "thông qua" not in wording.test


@given(st.integers(0, 40), st.integers(0, 40), st.integers(0, 40), st.integers(0, 60))
def test_vote_wording_agrees_with_the_rules(in_favour, against, other, base):
    vote = Vote(in_favour, against, other)
    voters = vote.total
    wording = rules.vote_wording(vote, voters, base)
    assert wording.adopted is rules.adoption(vote, base).value
    assert wording.count == rules.vote_sentence(vote, voters)
    assert f"{in_favour}/{base}" not in wording.test


def test_criterion_state_never_says_khong_dat_for_an_undecided_criterion():
    review = CriterionReview(number=3, title="Đoàn kết, kỷ luật tốt")
    assert rules.criterion_state(review, 12, 9) == "chưa biểu quyết"
    review.vote = Vote(4, 5, 0, Verdict.PASS)
    assert rules.criterion_state(review, 12, 9) == "chưa được thông qua"
    review.vote = Vote(12, 0, 0, Verdict.PASS)
    assert rules.criterion_state(review, 12, 9) == "số phiếu chưa khớp"
    review.vote = Vote(8, 1, 0, Verdict.FAIL)
    assert rules.criterion_state(review, 12, 9) == "không đạt"


@given(verdict_lists)
def test_month_result_waits_for_all_four(verdicts):
    result = rules.month_result(verdicts)
    if len(verdicts) == 4 and None not in verdicts:
        assert result == rules.four_good(verdicts)
    else:
        assert result.value is None
        assert "chưa đạt" not in result.reason


def test_meeting_outcome_names_what_is_still_undecided():
    reviews = [CriterionReview(number=n, title=f"T{n}") for n in (1, 2, 3, 4)]
    reviews[0].vote = Vote(9, 0, 0, Verdict.PASS)
    reviews[1].vote = Vote(3, 6, 0, Verdict.PASS)
    outcome = rules.meeting_outcome(reviews, 12, 9)
    assert outcome.value is None
    assert outcome.reason == (
        "Còn nội dung 2 chưa được thông qua, nội dung 3 và 4 chưa biểu quyết; kết quả "
        "chung của tháng được tổng hợp khi cả bốn nội dung có kết quả biểu quyết"
    )
    for r in reviews:
        r.vote = Vote(9, 0, 0, Verdict.FAIL if r.number == 2 else Verdict.PASS)
    assert rules.meeting_outcome(reviews, 12, 9).reason == (
        "3/4 nội dung đạt, tháng chưa đạt “bốn tốt”"
    )


def test_the_close_checks_what_a_ward_official_would_send_back(factory):
    from datetime import date

    from chibo_tui.domain.model import Presence

    def change(meeting):
        meeting.date = date(2026, 4, 2)  # a March meeting dated in April
        meeting.chair, meeting.chair_id = "quang", None  # a leftover partial name
        taker = next(a for a in meeting.attendance if a.member_id == meeting.minute_taker_id)
        taker.presence = Presence.EXCUSED
        speaker = meeting.review(1).discussion[0]
        speaker_row = next(a for a in meeting.attendance if a.member_id == speaker.speaker_id)
        speaker_row.presence = Presence.UNEXCUSED
        meeting.review(3).causes = " "
        meeting.review(4).responsibility = ""
        meeting.unsent = {"criterion-2/speech": "chưa nhấn Enter"}

    problems = _problems_after(factory, change)
    assert "Ngày họp 02/04/2026 không thuộc tháng sinh hoạt 03/2026" in problems
    assert "“quang” (người chủ trì) không có trong danh sách đảng viên của kỳ họp" in problems
    assert any(p.endswith("(thư ký) được điểm danh vắng") for p in problems)
    assert any(
        p.startswith("Tiêu chí 1: đồng chí ") and p.endswith("phát biểu nhưng được điểm danh vắng")
        for p in problems
    )
    assert "Tiêu chí 3: chưa ghi nguyên nhân" in problems
    assert "Tiêu chí 4: chưa ghi trách nhiệm" in problems
    assert "Còn nội dung đã gõ nhưng chưa nhấn Enter để ghi vào biên bản" in problems


def test_an_end_time_still_to_come_is_flagged(factory):
    from datetime import datetime, time

    cell = factory.cell()
    meeting = factory.meeting(cell)  # 05/03/2026, 19:00–21:00
    during = datetime(2026, 3, 5, 20, 10)
    meeting.end_time = time(21, 0)
    assert "Giờ kết thúc 21:00 muộn hơn bây giờ (20:10)" in rules.closing_problems(
        meeting, cell.rules, during
    )
    assert rules.closing_problems(meeting, cell.rules, datetime(2026, 3, 5, 21, 5)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("criterion = [1, 2, 3, 4]\n", "Dòng 1: tiêu chí 1 phải là một bảng [[criterion]]"),
        ('x = 1\ncriterion = "bốn"\n', "Dòng 2: Cần đúng 4 bảng [[criterion]]"),
        (
            '[[criterion]]\ntitle = "a"\n[[criterion]]\ntitle = "b"\nsub_criteria = [1]\n'
            '[[criterion]]\ntitle = "c"\n[[criterion]]\ntitle = "d"\n',
            "Dòng 3: Tiêu chí 2: sub_criteria phải là danh sách chuỗi",
        ),
    ],
)
def test_a_criteria_file_of_the_wrong_shape_is_refused_with_its_line(text, expected):
    from chibo_tui.domain.criteria import CriteriaError, parse_criteria

    with pytest.raises(CriteriaError) as refused:
        parse_criteria(text)
    assert str(refused.value).startswith(expected)
