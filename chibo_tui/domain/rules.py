"""The rules of DESIGN.md §4 as pure functions.

Each rule returns a :class:`Ruling`: the result and the Vietnamese sentence that
explains it, so the app and the documents show the same formula.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Generic, TypeVar

import msgspec

from .model import (
    Attendance,
    Cell,
    CriterionReview,
    Meeting,
    MeetingSummary,
    Presence,
    ResolutionForm,
    RuleSettings,
    Verdict,
    Vote,
)

T = TypeVar("T")

VERDICT_TEXT = {Verdict.PASS: "đạt", Verdict.FAIL: "không đạt"}

ADOPTION_CITATION = "khoản 5 Điều 10 Điều lệ Đảng"
"""The adoption rule in legal form ("hơn một nửa số thành viên … tán thành")."""

NOT_VOTED = "chưa biểu quyết"
NOT_ADOPTED = "chưa được thông qua"
VOTE_MISCOUNTED = "số phiếu chưa khớp"


class Ruling(msgspec.Struct, Generic[T], frozen=True):
    """A rule's result and the sentence that explains it."""

    value: T
    reason: str


class AttendanceCounts(msgspec.Struct, frozen=True):
    """Live totals of the roll call."""

    total: int  # on the roster of this meeting
    official: int
    probationary: int
    exempt: int
    expected: int  # total minus exempt
    present: int
    excused: int
    unexcused: int
    unmarked: int
    voters: int  # official members present, not exempt
    official_voting_base: int  # official members not exempt: the base of adoption

    @property
    def absent(self) -> int:
        return self.excused + self.unexcused


def attendance_counts(attendance: Iterable[Attendance]) -> AttendanceCounts:
    rows = list(attendance)
    active = [a for a in rows if not a.exempt]
    present = [a for a in active if a.presence is Presence.PRESENT]
    return AttendanceCounts(
        total=len(rows),
        official=sum(a.is_official for a in rows),
        probationary=sum(not a.is_official for a in rows),
        exempt=len(rows) - len(active),
        expected=len(active),
        present=len(present),
        excused=sum(a.presence is Presence.EXCUSED for a in active),
        unexcused=sum(a.presence is Presence.UNEXCUSED for a in active),
        unmarked=sum(a.presence is Presence.UNMARKED for a in active),
        voters=sum(a.is_official for a in present),
        official_voting_base=sum(a.is_official for a in active),
    )


def attendance_ratio(counts: AttendanceCounts) -> Ruling[float]:
    """Present over expected (roster minus exempt)."""
    if counts.expected == 0:
        return Ruling(0.0, "Chưa có đảng viên phải dự sinh hoạt")
    ratio = counts.present / counts.expected
    return Ruling(
        ratio,
        f"{counts.present}/{counts.expected} đảng viên có mặt ({percent(ratio)}); "
        f"{counts.exempt} đồng chí miễn sinh hoạt không tính",
    )


def percent(ratio: float) -> str:
    """``0.756`` → ``"75,6%"`` (Vietnamese decimal comma, at most one decimal)."""
    value = round(ratio * 100, 1)
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def vote_validity(vote: Vote, voters: int) -> Ruling[bool]:
    """A vote is valid when its counts are whole, ≥ 0 and add up to the voters."""
    counts = (vote.in_favour, vote.against, vote.other)
    if any(not isinstance(c, int) or isinstance(c, bool) or c < 0 for c in counts):
        return Ruling(False, "Số phiếu phải là số nguyên không âm")
    if vote.total != voters:
        return Ruling(
            False,
            f"{vote.in_favour} + {vote.against} + {vote.other} = {vote.total}, "
            f"khác số đảng viên chính thức có mặt ({voters})",
        )
    return Ruling(
        True,
        f"{vote.in_favour} + {vote.against} + {vote.other} = {voters} đảng viên chính thức có mặt",
    )


def adoption(vote: Vote, official_base: int) -> Ruling[bool]:
    """Adopted when more than half of the official members (not exempt) approve.

    Khoản 5 Điều 10 Điều lệ Đảng: "hơn một nửa số thành viên … tán thành".
    """
    adopted = vote.in_favour * 2 > official_base
    relation = "hơn" if adopted else "không hơn"
    result = "thông qua" if adopted else "không thông qua"
    return Ruling(
        adopted,
        f"{vote.in_favour}/{official_base} đồng chí tán thành, {relation} ½ số đảng viên "
        f"chính thức ({official_base}) → {result}",
    )


def adoption_in_words(vote: Vote, official_base: int) -> str:
    """The adoption rule as a document states it (no arrows or fractions)."""
    adopted = adoption(vote, official_base).value
    relation = "hơn" if adopted else "không hơn"
    result = "được thông qua" if adopted else "không được thông qua"
    return (
        f"{vote.in_favour}/{official_base} đồng chí tán thành, {relation} một nửa số đảng viên "
        f"chính thức của chi bộ ({official_base} đồng chí): {result}"
    )


def vote_sentence(vote: Vote, voters: int) -> str:
    """The minutes' sentence: "9/11 đồng chí tán thành, đạt 81,8%; 1 không tán thành; …"."""
    share = percent(vote.in_favour / voters) if voters else "0%"
    return (
        f"{vote.in_favour}/{voters} đồng chí tán thành, đạt {share}; "
        f"{vote.against} đồng chí không tán thành; {vote.other} ý kiến khác"
    )


class VoteWording(msgspec.Struct, frozen=True):
    """A vote as a document (or a screen) states it: read once, one base per figure.

    ``count`` is the tally among the voters present, with its percentage; ``test`` is
    the adoption rule stated against its own base, in words, without a second
    fraction of the same count.
    """

    count: str
    test: str
    adopted: bool  # valid and more than half of the base in favour


def vote_wording(vote: Vote, voters: int, official_base: int) -> VoteWording:
    """``7/9 đồng chí tán thành, đạt 77,8%; …`` then ``Số đồng chí tán thành hơn …``.

    A vote that does not add up to the voters present adopts nothing, whatever its
    count (as in :func:`adopted_verdict`), and the test says why.
    """
    count = vote_sentence(vote, voters)
    base = f"tổng số {official_base} đảng viên chính thức của chi bộ ({ADOPTION_CITATION})"
    if not vote_validity(vote, voters).value:
        test = (
            f"Tổng số phiếu ({vote.total}) khác số đảng viên chính thức có mặt ({voters}): "
            "chưa xác định được kết quả"
        )
        return VoteWording(count, test, False)
    adopted = adoption(vote, official_base).value
    if adopted:
        test = f"Số đồng chí tán thành hơn một nửa {base}: được thông qua"
    else:
        test = f"Số đồng chí tán thành không quá một nửa {base}: không được thông qua"
    return VoteWording(count, test, adopted)


def criterion_state(review: CriterionReview, official_base: int, voters: int) -> str:
    """How a document names a criterion's standing: đạt, không đạt or why undecided.

    An undecided criterion is never "không đạt": it is "chưa biểu quyết" when no vote
    was taken, "chưa được thông qua" when the vote fell short, "số phiếu chưa khớp"
    when the counts do not add up.
    """
    vote = review.vote
    if vote is None:
        return NOT_VOTED
    if not vote_validity(vote, voters).value:
        return VOTE_MISCOUNTED
    verdict = adopted_verdict(review, official_base, voters)
    return VERDICT_TEXT[verdict] if verdict else NOT_ADOPTED


def proposed_verdict(review: CriterionReview) -> Ruling[Verdict | None]:
    """Đạt when every sub-criterion is marked đạt; the chair may override it."""
    if review.verdict_override is not None:
        return Ruling(
            review.verdict_override,
            f"Chủ trì đề xuất {VERDICT_TEXT[review.verdict_override]} (điều chỉnh)",
        )
    checks = review.checks
    if not checks:
        return Ruling(None, "Chưa có tiêu chí con; chủ trì đề xuất kết quả")
    unmarked = sum(c.passed is None for c in checks)
    failed = sum(c.passed is False for c in checks)
    if failed:
        return Ruling(Verdict.FAIL, f"{failed}/{len(checks)} tiêu chí con không đạt → không đạt")
    if unmarked:
        return Ruling(None, f"Còn {unmarked}/{len(checks)} tiêu chí con chưa đánh giá")
    return Ruling(Verdict.PASS, f"{len(checks)}/{len(checks)} tiêu chí con đạt → đạt")


def adopted_verdict(
    review: CriterionReview, official_base: int, voters: int | None = None
) -> Verdict | None:
    """The verdict the cell adopted by its (last) vote, or ``None``.

    With ``voters`` given, a vote that does not add up adopts nothing.
    """
    vote = review.vote
    if vote is None:
        return None
    if voters is not None and not vote_validity(vote, voters).value:
        return None
    if adoption(vote, official_base).value:
        return vote.verdict_put
    return None


def meeting_verdicts(meeting: Meeting) -> list[Verdict | None]:
    counts = attendance_counts(meeting.attendance)
    base, voters = counts.official_voting_base, counts.voters
    return [
        adopted_verdict(r, base, voters) for r in sorted(meeting.reviews, key=lambda r: r.number)
    ]


def four_good(verdicts: list[Verdict | None]) -> Ruling[bool]:
    """The month is "bốn tốt" when all four criteria are đạt."""
    passed = sum(v is Verdict.PASS for v in verdicts)
    ok = len(verdicts) == 4 and passed == 4
    tail = "tháng đạt “bốn tốt”" if ok else "tháng chưa đạt “bốn tốt”"
    return Ruling(ok, f"{passed}/4 nội dung đạt, {tail}")


def month_result(verdicts: list[Verdict | None]) -> Ruling[bool | None]:
    """The month's result once all four criteria are decided; ``None`` until then.

    Unlike :func:`four_good`, an undecided criterion never makes the month "chưa đạt":
    the result waits for every vote.
    """
    if len(verdicts) != 4 or any(v is None for v in verdicts):
        waiting = [str(i) for i, v in enumerate(verdicts, start=1) if v is None]
        if not verdicts:
            return Ruling(None, "Chưa có nội dung nào được đánh giá")
        which = f"nội dung {join_words(waiting)} chưa có kết quả biểu quyết"
        return Ruling(None, f"Còn {which}; kết quả chung tổng hợp khi đủ bốn nội dung")
    decided = four_good(verdicts)
    return Ruling(decided.value, decided.reason)  # Ruling is invariant in its value type


def meeting_outcome(
    reviews: list[CriterionReview], official_base: int, voters: int
) -> Ruling[bool | None]:
    """:func:`month_result` of a meeting's reviews, naming what is still undecided.

    ``None`` while any criterion lacks an adopted verdict; the reason then says which
    ones and why ("nội dung 3 chưa biểu quyết"), never "chưa đạt “bốn tốt”".
    """
    ordered = sorted(reviews, key=lambda r: r.number)
    verdicts = [adopted_verdict(r, official_base, voters) for r in ordered]
    result = month_result(verdicts)
    by_state: dict[str, list[str]] = {}  # "chưa biểu quyết" → ["3", "4"], in order
    for r, v in zip(ordered, verdicts, strict=True):
        if v is None:
            by_state.setdefault(criterion_state(r, official_base, voters), []).append(str(r.number))
    if result.value is not None or not by_state:
        return result
    waiting = [f"nội dung {join_words(numbers)} {state}" for state, numbers in by_state.items()]
    return Ruling(
        None,
        f"Còn {', '.join(waiting)}; kết quả chung của tháng được tổng hợp khi cả bốn "
        "nội dung có kết quả biểu quyết",
    )


def join_words(items: list[str]) -> str:
    """``["1"]`` → ``1``; ``["1", "3", "4"]`` → ``1, 3 và 4`` (Vietnamese "and")."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " và " + items[-1]


def meeting_minutes(start: time, end: time) -> int:
    day = date(2000, 1, 1)
    return int((datetime.combine(day, end) - datetime.combine(day, start)).total_seconds() // 60)


def required_minutes(expected: int, rules: RuleSettings, thematic: bool = False) -> int:
    """HD 42: 90 minutes, 120 with a thematic session the same day; the older local
    rule (120 for cells of 30 or more) only when the cell has switched it on."""
    needed = rules.short_meeting_minutes
    if thematic:
        needed = max(needed, rules.thematic_meeting_minutes)
    if rules.large_cell_rule and expected >= rules.large_cell_size:
        needed = max(needed, rules.short_meeting_minutes_large)
    return needed


def meeting_length(
    start: time | None,
    end: time | None,
    expected: int,
    rules: RuleSettings,
    thematic: bool = False,
) -> Ruling[bool]:
    """``False`` when shorter than :func:`required_minutes`."""
    if start is None or end is None:
        missing = [n for n, v in (("giờ bắt đầu", start), ("giờ kết thúc", end)) if v is None]
        return Ruling(False, "Chưa ghi " + " và ".join(missing))
    minutes = meeting_minutes(start, end)
    needed = required_minutes(expected, rules, thematic)
    if minutes <= 0:
        return Ruling(False, "Giờ kết thúc phải sau giờ bắt đầu")
    ok = minutes >= needed
    verb = "đủ" if ok else "ngắn hơn"
    why = " (có sinh hoạt chuyên đề)" if thematic else ""
    return Ruling(ok, f"Sinh hoạt {minutes} phút, {verb} {needed} phút theo quy định{why}")


def summarise(meeting: Meeting) -> MeetingSummary:
    counts = attendance_counts(meeting.attendance)
    return MeetingSummary(
        month=meeting.month,
        state=meeting.state,
        verdicts=meeting_verdicts(meeting),
        present=counts.present,
        expected=counts.expected,
    )


def closing_problems(
    meeting: Meeting,
    cell_rules: RuleSettings,
    now: datetime | None = None,
    resolution: ResolutionForm = ResolutionForm.NONE,
) -> list[str]:
    """What is missing or odd before the meeting can be finalised cleanly.

    ``now`` (the app's clock) also flags an end time still to come today;
    ``resolution`` is what the cell issues after a meeting: unless it is
    ``NONE``, the month's tasks and the vote on the resolution are checked too.
    """
    problems: list[str] = []
    counts = attendance_counts(meeting.attendance)
    if not meeting.attendance:
        problems.append("Chưa có danh sách đảng viên để điểm danh")
    elif counts.unmarked:
        problems.append(f"Còn {counts.unmarked} đảng viên chưa điểm danh")
    month = f"{meeting.date.month:02d}/{meeting.date.year}"
    if f"{meeting.date.year:04d}-{meeting.date.month:02d}" != meeting.month:
        held = f"{meeting.month[5:]}/{meeting.month[:4]}"
        problems.append(
            f"Ngày họp {meeting.date.day:02d}/{month} không thuộc tháng sinh hoạt {held}"
        )
    presence = {a.member_id: a for a in meeting.attendance}
    for role, name, member_id in (
        ("người chủ trì", meeting.chair, meeting.chair_id),
        ("thư ký", meeting.minute_taker, meeting.minute_taker_id),
    ):
        if not name:
            problems.append(f"Chưa ghi {role}")
        elif member_id not in presence:
            problems.append(f"“{name}” ({role}) không có trong danh sách đảng viên của kỳ họp")
        elif presence[member_id].presence in ABSENT:
            problems.append(f"Đồng chí {name} ({role}) được điểm danh vắng")
    for review in sorted(meeting.reviews, key=lambda r: r.number):
        label = f"Tiêu chí {review.number}"
        # The plan asks to analyse causes and fix responsibility for every criterion.
        if not review.causes.strip():
            problems.append(f"{label}: chưa ghi nguyên nhân")
        if not review.responsibility.strip():
            problems.append(f"{label}: chưa ghi trách nhiệm")
        for entry in review.discussion:
            row = presence.get(entry.speaker_id) if entry.speaker_id else None
            if row is not None and row.presence in ABSENT:
                problems.append(
                    f"{label}: đồng chí {entry.speaker} phát biểu nhưng được điểm danh vắng"
                )
        if review.vote is None:
            problems.append(f"{label}: chưa biểu quyết")
        else:
            valid = vote_validity(review.vote, counts.voters)
            if not valid.value:
                problems.append(f"{label}: biểu quyết không khớp — {valid.reason}")
            elif not adoption(review.vote, counts.official_voting_base).value:
                problems.append(f"{label}: kết quả chưa được thông qua, cần biểu quyết lại")
        for remedy in review.remedies:
            if not remedy.owner:
                problems.append(
                    f"{label}: giải pháp “{short(remedy.text)}” chưa có người phụ trách"
                )
            if remedy.due is None:
                problems.append(f"{label}: giải pháp “{short(remedy.text)}” chưa có thời hạn")
    if meeting.end_time is None:
        problems.append("Chưa ghi giờ kết thúc")
    elif now is not None and meeting.date == now.date() and meeting.end_time > now.time():
        problems.append(f"Giờ kết thúc {meeting.end_time:%H:%M} muộn hơn bây giờ ({now:%H:%M})")
    else:
        length = meeting_length(
            meeting.start_time, meeting.end_time, counts.expected, cell_rules, meeting.thematic
        )
        if not length.value:
            problems.append(length.reason)
    if not meeting.conclusion.strip():
        problems.append("Chưa có kết luận của chủ trì")
    problems += task_problems(meeting)
    if resolution is not ResolutionForm.NONE:
        problems += _resolution_problems(meeting, resolution, counts)
    if meeting.unsent:
        problems.append("Còn nội dung đã gõ nhưng chưa nhấn Enter để ghi vào biên bản")
    return problems


ABSENT = (Presence.EXCUSED, Presence.UNEXCUSED)

RESOLUTION_NAME = {ResolutionForm.RESOLUTION: "Nghị quyết", ResolutionForm.CONCLUSION: "Kết luận"}


def task_problems(meeting: Meeting) -> list[str]:
    """The tasks set (owner, deadline) and the earlier tasks left unreviewed."""
    problems = []
    for task in meeting.tasks:
        name = short(task.text)
        if not task.owner.strip():
            problems.append(f"Nhiệm vụ “{name}” chưa có người chủ trì")
        if task.due is None:
            problems.append(f"Nhiệm vụ “{name}” chưa có thời hạn")
        elif task.due < meeting.date:
            problems.append(
                f"Nhiệm vụ “{name}” có thời hạn {task.due:%d/%m/%Y} trước ngày họp "
                f"{meeting.date:%d/%m/%Y}"
            )
    for review in meeting.task_reviews:
        if review.status is None:
            problems.append(f"Nhiệm vụ tháng trước “{short(review.text)}” chưa được đánh giá")
    return problems


def _resolution_problems(
    meeting: Meeting, form: ResolutionForm, counts: AttendanceCounts
) -> list[str]:
    name = RESOLUTION_NAME[form]
    problems = []
    if not meeting.tasks:
        problems.append(f"{name}: chưa đề ra nhiệm vụ tháng tới")
    vote = meeting.resolution_vote
    if vote is None:
        problems.append(f"{name}: chưa biểu quyết thông qua")
    else:
        valid = vote_validity(vote, counts.voters)
        if not valid.value:
            problems.append(f"{name}: biểu quyết không khớp — {valid.reason}")
        elif not adoption(vote, counts.official_voting_base).value:
            problems.append(f"{name}: chưa được thông qua, cần biểu quyết lại")
    return problems


def votes_block_finalising(meeting: Meeting) -> bool:
    """A vote that does not add up (a criterion's or the resolution's) blocks finalising,
    override or not."""
    if invalid_votes(meeting):
        return True
    vote = meeting.resolution_vote
    voters = attendance_counts(meeting.attendance).voters
    return vote is not None and not vote_validity(vote, voters).value


def invalid_votes(meeting: Meeting) -> list[int]:
    """Criteria whose vote does not add up: these block finalising, override or not."""
    voters = attendance_counts(meeting.attendance).voters
    return [
        r.number
        for r in meeting.reviews
        if r.vote is not None and not vote_validity(r.vote, voters).value
    ]


def short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def meeting_roster_issues(meeting: Meeting, cell: Cell) -> list[str]:
    """Members marked present at a draft meeting who are no longer on the roster."""
    active = {m.id for m in cell.active_members()}
    return [
        a.full_name
        for a in meeting.attendance
        if a.member_id not in active and a.presence is Presence.PRESENT
    ]
