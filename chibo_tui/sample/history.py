"""Finalised monthly meetings of the sample cell, built the way the app builds them.

Each meeting starts from :func:`lifecycle.new_meeting` with the months before it, so
open remedies carry over as follow-ups and unfinished tasks as task reviews, and is
finalised only when ``rules.closing_problems`` is empty for a cell that issues a
resolution. The words come from ``sample_cell.toml`` (:mod:`.words`); all randomness
from the ``random.Random`` passed in, or from generators seeded by it and the month.
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from ..domain import tasks
from ..domain.lifecycle import finalise, new_meeting
from ..domain.model import (
    COLLECTIVE,
    COMMITTEE_OWNER,
    WHOLE_CELL,
    Attendance,
    Cell,
    Commendation,
    CriterionReview,
    Discussion,
    Guest,
    Meeting,
    Member,
    Mention,
    Presence,
    Remedy,
    RemedyFollowUp,
    RemedyStatus,
    Role,
    Task,
    TaskGroup,
    TaskStatus,
    Verdict,
    Vote,
)
from ..domain.months import month_of, shift
from ..domain.rules import adoption, attendance_counts, closing_problems
from ..domain.vietnamese import month_label, nfc
from . import scoring
from .cell import new_id
from .words import Shortfall, TaskText, sample_words


class _Fill(dict[str, str]):
    """Values for the placeholders of the text pools, drawn once per use."""

    @classmethod
    def draw(cls, rng: random.Random, people: Sequence[str]) -> _Fill:
        return cls(
            hem=str(rng.choice((12, 27, 45, 63, 88, 102, 118, 156))),
            to=str(rng.randint(1, 12)),
            n=str(rng.randint(4, 9)),
            small=str(rng.randint(2, 3)),
            pct=str(rng.randint(100, 118)),
            low=str(rng.randint(55, 78)),
            mid=str(rng.randint(80, 95)),
            street=rng.choice(sample_words().streets),
            member=rng.choice(people) if people else "Nguyễn Văn An",
        )

    def __call__(self, text: str) -> str:
        return nfc(text.format_map(self))


@dataclass(frozen=True)
class _TaskNotes:
    """How the next meetings report a task: done, in progress, not done."""

    done: str
    progress: str
    not_done: str
    remedy_id: str | None = None  # a remedy offered as a task reports as the remedy does
    template: TaskText | None = None  # not set again while the task is open


@dataclass
class _Context:
    """What the history generator carries from month to month."""

    cell: Cell
    rng: random.Random
    used_ids: set[str]
    notes: dict[str, tuple[str, str]]  # remedy id → (done note, progress note)
    last_shortfalls: tuple[Shortfall, ...] = ()  # not repeated the next time
    task_notes: dict[str, _TaskNotes] = field(default_factory=dict)  # task id → notes
    last_tasks: tuple[TaskText, ...] = ()  # not set again the month after
    salt: str = ""  # differs with the seed, so that each seed has its own tasks

    def own(self, month: str, topic: str) -> random.Random:
        """A generator of its own for ``topic`` in ``month``.

        The resolution's content (tasks, their reviews, commendations, its vote) came
        after the rest of the history; drawing it from here leaves the names, votes
        and texts drawn from ``rng`` as they were.
        """
        return random.Random(f"{self.salt}/{month}/{topic}")


def _month_index(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def _meeting_day(rng: random.Random, month: str) -> date:
    year, mon = int(month[:4]), int(month[5:7])
    weekdays = [d for d in range(1, 11) if date(year, mon, d).weekday() < 5]
    return date(year, mon, rng.choice(weekdays))


def _due_date(rng: random.Random, month: str) -> date:
    target = shift(month, rng.randint(1, 2))
    year, mon = int(target[:4]), int(target[5:7])
    last = calendar.monthrange(year, mon)[1]
    return date(year, mon, rng.choice((10, 15, 20, 25, last)))


def _minute_taker(cell: Cell, rng: random.Random) -> Member | None:
    committee = [m for m in cell.active_members() if m.role is Role.COMMITTEE and not m.exempt]
    if committee:
        return committee[0] if len(committee) == 1 or rng.random() < 0.8 else committee[1]
    return cell.with_role(Role.DEPUTY)


def _mark_attendance(meeting: Meeting, keep: set[str], rng: random.Random) -> None:
    """Most present; 0–3 absent with reasons, rarely one without; exempt rows untouched."""
    rows = [a for a in meeting.attendance if not a.exempt]
    for row in rows:
        row.presence, row.reason = Presence.PRESENT, ""
    candidates = [a for a in rows if a.member_id not in keep]
    absent = rng.choices((0, 1, 2, 3), weights=(35, 35, 20, 10))[0]
    chosen = rng.sample(candidates, min(absent, len(candidates)))
    for row in chosen:
        row.presence, row.reason = Presence.EXCUSED, rng.choice(sample_words().excused_reasons)
    if chosen and rng.random() < 0.08:
        chosen[-1].presence, chosen[-1].reason = Presence.UNEXCUSED, ""


def _follow_up(ctx: _Context, meeting: Meeting, follow: RemedyFollowUp) -> None:
    age = _month_index(meeting.month) - _month_index(follow.source_month)
    done_chance = {1: 0.65, 2: 0.85}.get(age, 1.0)
    done = ctx.rng.random() < done_chance
    follow.status = RemedyStatus.DONE if done else RemedyStatus.IN_PROGRESS
    done_note, progress_note = ctx.notes.get(
        follow.remedy_id, ("Đã khắc phục xong", "Đang tiếp tục thực hiện")
    )
    follow.note = done_note if done else progress_note


def _vote(
    verdict: Verdict,
    voters: int,
    base: int,
    against: int = 0,
    other: int = 0,
) -> Vote:
    """An adopted vote on ``verdict``; dissent is dropped if it would sink adoption."""
    vote = Vote(voters - against - other, against, other, verdict)
    if vote.in_favour < 0 or not adoption(vote, base).value:
        vote = Vote(voters, 0, 0, verdict)
    return vote


def _minority(
    rng: random.Random, vote: Vote, dissenters: Sequence[Attendance], reasons: Sequence[str]
) -> str:
    """One sentence per member who did not vote in favour, reasons not repeated."""
    people = rng.sample(list(dissenters), min(vote.against + vote.other, len(dissenters)))
    against = rng.sample(list(reasons), len(reasons))
    sentences = []
    for i, person in enumerate(people):
        if i < vote.against:
            sentences.append(
                f"Đồng chí {person.full_name} không tán thành, bảo lưu ý kiến: "
                f"{against[i % len(against)]}."
            )
        else:
            sentences.append(
                f"Đồng chí {person.full_name} có ý kiến khác: {rng.choice(sample_words().other_opinions)}."
            )
    return nfc(" ".join(sentences))


def _owner(
    ctx: _Context,
    kind: str,
    meeting: Meeting,
    present: Sequence[Attendance],
    rng: random.Random | None = None,
) -> tuple[str, str | None]:
    cell = ctx.cell
    rng = rng or ctx.rng
    member: Member | None = None
    if kind == "secretary":
        member = cell.with_role(Role.SECRETARY)
    elif kind == "deputy":
        member = cell.with_role(Role.DEPUTY)
    elif kind == "committee":
        committee = [m for m in cell.active_members() if m.role is Role.COMMITTEE]
        member = rng.choice(committee) if committee else cell.with_role(Role.DEPUTY)
    elif kind == "minute_taker" and meeting.minute_taker_id:
        member = cell.member(meeting.minute_taker_id)
    elif kind == "member":
        pool = [a for a in present if a.role is Role.MEMBER]
        if pool:
            member = cell.member(rng.choice(pool).member_id)
    if member is None:
        return COLLECTIVE, None
    return member.full_name, member.id


def _shortfall(
    rng: random.Random, recent: Sequence[Shortfall] = (), criterion: int | None = None
) -> list[Shortfall]:
    """One failure scenario (sometimes two of the same criterion, two checks missed)."""
    weights = sample_words().criterion_weights
    if criterion is None:
        numbers = list(weights)
        criterion = rng.choices(numbers, weights=[weights[n] for n in numbers])[0]
    pool = [s for s in sample_words().shortfalls if s.criterion == criterion]
    pool = [s for s in pool if s not in recent] or pool
    count = 2 if len(pool) > 1 and rng.random() < 0.3 else 1
    return rng.sample(pool, count)


def _discussion(
    rng: random.Random,
    speakers: Sequence[Attendance],
    lines: Sequence[str],
) -> list[Discussion]:
    people = rng.sample(list(speakers), min(len(lines), len(speakers)))
    return [
        Discussion(speaker=p.full_name, text=nfc(text), speaker_id=p.member_id)
        for p, text in zip(people, lines, strict=False)
    ]


def _review_failed(
    ctx: _Context,
    meeting: Meeting,
    review: CriterionReview,
    scenarios: list[Shortfall],
    present: Sequence[Attendance],
    fill: _Fill,
) -> None:
    rng = ctx.rng
    failing = {i for s in scenarios for i in s.checks}
    for i, check in enumerate(review.checks):
        check.passed = i not in failing
    if len(scenarios) > 1:  # one line on each shortfall
        said = [fill(s.said[0]) for s in scenarios]
    else:
        said = [fill(line) for line in scenarios[0].said[: rng.randint(1, 2)]]
    speakers = [a for a in present if a.member_id != meeting.chair_id]
    review.discussion = _discussion(rng, speakers, said)
    if len(scenarios) > 1:  # keep one level of "; " in the sentence
        subjective = ", ".join(s.subjective.replace("; ", ", ") for s in scenarios)
    else:
        subjective = scenarios[0].subjective
    review.causes = nfc(
        f"Nguyên nhân chủ quan: {subjective}; khách quan: {scenarios[0].objective}."
    )
    if len(scenarios) > 1:  # one remedy for each shortfall
        fixes = [s.fixes[0] for s in scenarios]
    else:
        fixes = list(scenarios[0].fixes)
        if len(fixes) > 1 and rng.random() < 0.3:
            fixes = fixes[:1]
    for fix in fixes:
        owner, owner_id = _owner(ctx, fix.owner, meeting, present)
        remedy = Remedy(
            text=fill(fix.text),
            owner=owner,
            due=_due_date(rng, meeting.month),
            owner_id=owner_id,
            id=new_id(rng, ctx.used_ids),
        )
        review.remedies.append(remedy)
        ctx.notes[remedy.id] = (fill(fix.done), fill(fix.progress))
    lead = review.remedies[0]
    if lead.owner_id and lead.owner_id != meeting.chair_id:
        template = rng.choice(sample_words().responsibility_owner)
        review.responsibility = nfc(template.format(owner=lead.owner))
    else:
        review.responsibility = rng.choice(sample_words().responsibility_chair)


def _review_passed(
    ctx: _Context,
    meeting: Meeting,
    review: CriterionReview,
    present: Sequence[Attendance],
    fill: _Fill,
) -> None:
    rng = ctx.rng
    for check in review.checks:
        check.passed = True
    count = rng.choices((1, 2, 3), weights=(3, 4, 2))[0]
    talk = sample_words().pass_talk
    pool = talk.get(review.number, talk[2])
    lines = [fill(line) for line in rng.sample(pool, min(count, len(pool)))]
    speakers = [a for a in present if a.member_id != meeting.chair_id]
    review.discussion = _discussion(rng, speakers, lines)
    # Drawn from a generator of their own, seeded by the month and the criterion, so
    # that adding them left the rest of the history (names, votes, text) as it was.
    own = random.Random(f"{meeting.month}/{review.number}")
    causes = sample_words().pass_causes
    review.causes = nfc(own.choice(causes.get(review.number, causes[2])))
    review.responsibility = nfc(own.choice(sample_words().pass_responsibility))


def _vote_on(
    ctx: _Context,
    meeting: Meeting,
    review: CriterionReview,
    verdict: Verdict,
    revote: bool,
) -> None:
    rng = ctx.rng
    counts = attendance_counts(meeting.attendance)
    voters, base = counts.voters, counts.official_voting_base
    dissenters = [
        a
        for a in meeting.attendance
        if a.presence is Presence.PRESENT
        and a.is_official
        and not a.exempt
        and a.member_id != meeting.chair_id
    ]
    reasons = (
        sample_words().dissent_on_fail
        if verdict is Verdict.FAIL
        else sample_words().dissent_on_pass
    )
    if revote:
        # The chair first put "đạt"; most thought otherwise, so it did not pass.
        in_favour = max(0, min(voters, base // 2 - rng.randint(0, 3)))
        other = rng.randint(0, min(2, voters - in_favour))
        earlier = Vote(in_favour, voters - in_favour - other, other, Verdict.PASS)
        if not adoption(earlier, base).value:
            review.earlier_votes.append(earlier)
            spoke = {d.speaker_id for d in review.discussion}
            fresh = [a for a in dissenters if a.member_id not in spoke] or dissenters
            objector = rng.choice(fresh) if fresh else None
            if objector is not None:
                dissenters = [a for a in dissenters if a is not objector]
                review.discussion.append(
                    Discussion(
                        speaker=objector.full_name,
                        text="Tôi không đồng ý đề xuất đánh giá đạt vì còn tiêu chí con chưa "
                        "đạt; đề nghị chủ trì điều chỉnh đề xuất thành không đạt.",
                        speaker_id=objector.member_id,
                    )
                )
            review.vote = _vote(verdict, voters, base, against=rng.randint(1, 2))
            review.minority_opinions = _minority(rng, review.vote, dissenters, reasons)
            return
    split = rng.choices(((0, 0), (1, 0), (0, 1), (1, 1)), weights=(88, 5, 4, 3))[0]
    review.vote = _vote(verdict, voters, base, *split)
    review.minority_opinions = _minority(rng, review.vote, dissenters, reasons)


def _conclusion(ctx: _Context, meeting: Meeting, failed: list[CriterionReview], fill: _Fill) -> str:
    rng = ctx.rng
    label = month_label(meeting.month)
    if failed:
        titles = ", ".join(f"“{r.title}”" for r in failed)
        head = (
            f"Tháng {label}, chi bộ đạt {4 - len(failed)}/4 nội dung; nội dung {titles} "
            "không đạt. Các đồng chí được phân công khẩn trương thực hiện giải pháp khắc "
            "phục, báo cáo kết quả tại kỳ sinh hoạt tháng sau."
        )
    else:
        head = rng.choice(
            (
                f"Tháng {label}, chi bộ hoàn thành tốt nhiệm vụ, cả bốn nội dung đều đạt, "
                "đạt “chi bộ bốn tốt”.",
                f"Qua đánh giá, tháng {label} chi bộ đạt cả bốn nội dung của mô hình "
                "“chi bộ bốn tốt”; đề nghị các đồng chí giữ vững kết quả.",
            )
        )
    parts = [f"Đồng chí bí thư kết luận: {head}"]
    done = sum(f.status is RemedyStatus.DONE for f in meeting.follow_ups)
    going = len(meeting.follow_ups) - done
    if done:
        parts.append(f"Đã khắc phục xong {done} giải pháp của các tháng trước.")
    if going:
        parts.append(f"Còn {going} giải pháp đang khắc phục, chi ủy tiếp tục theo dõi.")
    parts += [fill(t) for t in rng.sample(sample_words().next_tasks, rng.randint(1, 2))]
    return nfc(" ".join(parts))


# -- the resolution: last month's tasks reviewed, next month's set, its vote ----

TASK_DAYS = (10, 15, 20, 25, 0)  # 0: the last day of the month
"""The days of the next month a task falls due (as the chair tends to pick them)."""

TASK_REVIEW_ODDS = {1: (80, 13, 7), 2: (90, 10, 0)}
"""Done / in progress / not done, by the months since the task was set; older: done."""


def _review_tasks(ctx: _Context, meeting: Meeting) -> None:
    """Review the tasks the earlier resolutions left: most done, some carried again."""
    own = ctx.own(meeting.month, "task-reviews")
    remedies = {f.remedy_id: f for f in meeting.follow_ups}
    for review in meeting.task_reviews:
        notes = ctx.task_notes.get(
            review.task_id, _TaskNotes("Đã hoàn thành", "Đang tiếp tục thực hiện", "Chưa thực hiện")
        )
        follow = remedies.get(notes.remedy_id) if notes.remedy_id else None
        age = _month_index(meeting.month) - _month_index(review.source_month)
        if follow is not None:  # the same work as the remedy, reported the same way
            done = follow.status is RemedyStatus.DONE
            status = TaskStatus.DONE if done else TaskStatus.IN_PROGRESS
        elif age in TASK_REVIEW_ODDS:
            statuses = (TaskStatus.DONE, TaskStatus.IN_PROGRESS, TaskStatus.NOT_DONE)
            status = own.choices(statuses, weights=TASK_REVIEW_ODDS[age])[0]
        else:
            status = TaskStatus.DONE
        review.status = status
        review.note = {
            TaskStatus.DONE: notes.done,
            TaskStatus.IN_PROGRESS: notes.progress,
            TaskStatus.NOT_DONE: notes.not_done,
        }[status]


def _task_due(rng: random.Random, month: str) -> date:
    """A day of the month after ``month``."""
    target = shift(month, 1)
    year, mon = int(target[:4]), int(target[5:7])
    day = rng.choice(TASK_DAYS) or calendar.monthrange(year, mon)[1]
    return date(year, mon, day)


def _task_owner(
    ctx: _Context,
    kind: str,
    meeting: Meeting,
    present: Sequence[Attendance],
    rng: random.Random,
) -> tuple[str, str | None]:
    if kind == "cell_committee":
        return COMMITTEE_OWNER, None
    if kind == "whole_cell":
        return WHOLE_CELL, None
    owner, owner_id = _owner(ctx, kind, meeting, present, rng)
    return (COMMITTEE_OWNER, None) if owner_id is None else (owner, owner_id)


def _set_tasks(
    ctx: _Context, meeting: Meeting, present: Sequence[Attendance], others: Sequence[str]
) -> None:
    """Two to five tasks for the month ahead; in most failed months the remedies among them."""
    own = ctx.own(meeting.month, "tasks")
    count = own.randint(2, 5)
    chosen: list[Task] = []
    offered = tasks.remedies_to_offer(meeting)
    if offered and own.random() < 0.75:
        for task in offered[:count]:
            # A remedy the whole cell answers for is the whole cell's task.
            if task.owner == COLLECTIVE:
                task.owner = WHOLE_CELL
            task.id = new_id(own, ctx.used_ids)
            done, progress = ctx.notes[task.remedy_id or ""]
            ctx.task_notes[task.id] = _TaskNotes(done, progress, "", task.remedy_id)
            chosen.append(task)
    still_open = {
        ctx.task_notes[r.task_id].template
        for r in meeting.task_reviews
        if r.status is not TaskStatus.DONE and r.task_id in ctx.task_notes
    }
    pool = [t for t in sample_words().tasks if t not in ctx.last_tasks and t not in still_open]
    ideology = [t for t in pool if t.group == TaskGroup.IDEOLOGY.value]
    political = [t for t in pool if t.group == TaskGroup.POLITICAL.value]
    wanted = max(count - len(chosen), 0)
    first = min(wanted, 1 if wanted <= 3 else 2)
    picked = own.sample(ideology, first) + own.sample(political, wanted - first)
    ctx.last_tasks = tuple(picked)
    for template in picked:
        fill = _Fill.draw(own, others)
        owner, owner_id = _task_owner(ctx, template.owner, meeting, present, own)
        task = Task(
            text=fill(template.text),
            owner=owner,
            owner_id=owner_id,
            due=_task_due(own, meeting.month),
            report_month=tasks.default_report_month(meeting.month),
            group=TaskGroup(template.group),
            id=new_id(own, ctx.used_ids),
        )
        ctx.task_notes[task.id] = _TaskNotes(
            fill(template.done), fill(template.progress), fill(template.not_done), None, template
        )
        chosen.append(task)
    # Section II lists the political and ideological work first, then the rest.
    order = {TaskGroup.IDEOLOGY: 0, TaskGroup.POLITICAL: 1}
    meeting.tasks = sorted(chosen, key=lambda t: order[t.group])


def _commend(ctx: _Context, meeting: Meeting, present: Sequence[Attendance]) -> None:
    """Zero to two members praised or reminded; one absent without reason is reminded."""
    own = ctx.own(meeting.month, "commendations")
    words = sample_words().resolution
    people = [a for a in present if a.member_id != meeting.chair_id]
    unexcused = [a for a in meeting.attendance if a.presence is Presence.UNEXCUSED]
    mentions: list[Commendation] = [
        Commendation(a.full_name, words.reminder_unexcused, Mention.REMINDER, a.member_id)
        for a in unexcused[:1]
    ]
    count = own.choices((0, 1, 2), weights=(3, 4, 3))[0]
    fill = _Fill.draw(own, [a.full_name for a in people])
    for person in own.sample(people, min(max(count - len(mentions), 0), len(people))):
        if own.random() < 0.2:
            text, kind = own.choice(words.reminder), Mention.REMINDER
        else:
            text, kind = fill(own.choice(words.praise)), Mention.PRAISE
        mentions.append(Commendation(person.full_name, nfc(text), kind, person.member_id))
    # The resolution praises first, then reminds.
    meeting.commendations = sorted(mentions, key=lambda c: c.kind is Mention.REMINDER)


def _resolution(ctx: _Context, meeting: Meeting, others: Sequence[str]) -> None:
    """Sections I.1 and I.2 of the resolution, and the vote that adopts it."""
    own = ctx.own(meeting.month, "resolution")
    words = sample_words().resolution
    meeting.ideology_review = _Fill.draw(own, others)(own.choice(words.ideology_review))
    meeting.political_review = _Fill.draw(own, others)(own.choice(words.political_review))
    counts = attendance_counts(meeting.attendance)
    split = own.choices(((0, 0), (1, 0), (0, 1)), weights=(90, 6, 4))[0]
    meeting.resolution_vote = _vote(
        Verdict.PASS, counts.voters, counts.official_voting_base, *split
    )


def _plan(rng: random.Random, months: int) -> tuple[list[bool], int | None]:
    """Which months fail a criterion, and the one month (if any) with a second vote."""
    fails = [rng.random() < 0.25 for _ in range(months)]
    if months >= 4 and not any(fails[: months - 3]):
        fails[rng.randrange(months - 3)] = True  # one closed before the history ends
    failing = [i for i, f in enumerate(fails) if f]
    revote = rng.choice(failing) if months >= 6 and failing else None
    return fails, revote


def _month_meeting(
    ctx: _Context,
    month: str,
    history: list[Meeting],
    fails: bool,
    revote: bool,
    start: time,
) -> Meeting:
    rng, cell = ctx.rng, ctx.cell
    meeting = new_meeting(cell, month, _meeting_day(rng, month), history)
    meeting.start_time = start
    minutes = rng.randrange(90, 151, 5)
    end = datetime.combine(meeting.date, start) + timedelta(minutes=minutes)
    meeting.end_time = end.time()
    taker = _minute_taker(cell, rng)
    if taker is not None:
        meeting.minute_taker, meeting.minute_taker_id = taker.full_name, taker.id
    if rng.random() < 0.3:
        name, position = rng.choice(sample_words().cell.guests)
        meeting.guests.append(Guest(name, position))

    keep = {i for i in (meeting.chair_id, meeting.minute_taker_id) if i}
    _mark_attendance(meeting, keep, rng)
    present = [a for a in meeting.attendance if a.presence is Presence.PRESENT]
    others = [a.full_name for a in present if a.member_id != meeting.chair_id]
    fill = _Fill.draw(rng, others)

    for follow in meeting.follow_ups:
        _follow_up(ctx, meeting, follow)

    failing_number = None
    scenarios: list[Shortfall] = []
    if fails:
        scenarios = _shortfall(rng, ctx.last_shortfalls)
        ctx.last_shortfalls = tuple(scenarios)
        failing_number = scenarios[0].criterion
    failed: list[CriterionReview] = []
    for review in meeting.reviews:
        if review.number == failing_number:
            _review_failed(ctx, meeting, review, scenarios, present, _Fill.draw(rng, others))
            _vote_on(ctx, meeting, review, Verdict.FAIL, revote)
            failed.append(review)
        else:
            _review_passed(ctx, meeting, review, present, _Fill.draw(rng, others))
            _vote_on(ctx, meeting, review, Verdict.PASS, False)

    _review_tasks(ctx, meeting)
    _set_tasks(ctx, meeting, present, others)
    _commend(ctx, meeting, present)
    _resolution(ctx, meeting, others)

    other = [sample_words().other_by_month[int(month[5:7])]]
    if rng.random() < 0.6:
        other.append(fill(rng.choice(sample_words().other_general)))
    meeting.other_business = nfc(" ".join(other))
    meeting.conclusion = _conclusion(ctx, meeting, failed, fill)
    short = scoring.set_length(meeting, ctx.salt)
    scoring.keep_paperwork(ctx.cell, meeting, ctx.salt)
    scoring.score(ctx.cell, meeting, history, ctx.salt)
    reason = scoring.SHORT_MEETING_REASON if short else ""
    assert meeting.end_time is not None
    ended = max(end, datetime.combine(meeting.date, meeting.end_time))  # a thematic day is longer
    finalise(meeting, at=ended + timedelta(minutes=rng.randint(5, 40)), override_reason=reason)
    return meeting


def demo_history(cell: Cell, months: int, today: date, rng: random.Random) -> list[Meeting]:
    """``months`` finalised meetings, oldest first, ending with the month before ``today``.

    Each meeting closes cleanly (``rules.closing_problems`` is empty, with the checks
    of the resolution the cell issues).
    """
    if months < 0:
        raise ValueError("Số tháng phải không âm")
    last = shift(month_of(today), -1)
    used_ids = {m.id for m in cell.members}
    salt = cell.members[0].id if cell.members else ""
    ctx = _Context(cell=cell, rng=rng, used_ids=used_ids, notes={}, salt=salt)
    fails, revote = _plan(rng, months)
    habit = rng.choice((time(19, 0), time(19, 30), time(18, 30)))
    history: list[Meeting] = []
    for i in range(months):
        month = shift(last, i - months + 1)
        start = (
            habit
            if rng.random() < 0.8
            else rng.choice((time(7, 30), time(8, 0), time(14, 0), time(18, 0), time(19, 0)))
        )
        meeting = _month_meeting(ctx, month, history, fails[i], revote == i, start)
        problems = closing_problems(meeting, cell.rules, resolution=cell.resolution.form)
        if meeting.override_reason:  # a short meeting, finalised with its reason
            problems = [p for p in problems if not p.startswith("Sinh hoạt ")]
        if problems:  # a bug in this generator, never a state to hand out
            raise AssertionError(f"{month}: {problems}")
        history.append(meeting)
    return history
