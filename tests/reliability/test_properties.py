"""Properties, for any meeting hypothesis can make up.

- The rules agree with each other: what blocks finalising is on the checklist, the
  month list says what the meeting says, a year's roll-up never counts more than
  was held.
- Any text, in any field of a meeting or the cell — Vietnamese in NFC or NFD,
  emoji, control characters, 100 KB notes — saved through the writer thread and
  read back from disk comes back NFC-equal, and saving it again changes no byte.
- The app never finalises a meeting whose votes do not add up, nor one with open
  problems unless the chair gave a reason.

``tests/domain/test_rules.py`` and ``tests/store/test_repository.py`` hold the
properties of single rules and of a few text fields; these go across them.
"""

from __future__ import annotations

import asyncio
import copy
import tempfile
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, time
from enum import Enum
from pathlib import Path
from typing import Any
from unittest import mock

import msgspec
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from reliability_helpers import database_files
from textual.screen import Screen

from chibo_tui.app import make_app
from chibo_tui.autosave import AutoSaver
from chibo_tui.dialogs.confirm import ConfirmDialog
from chibo_tui.dialogs.text_entry import TextEntryDialog
from chibo_tui.domain import lifecycle, rules
from chibo_tui.domain.codec import to_dict
from chibo_tui.domain.model import (
    Cell,
    Discussion,
    Guest,
    Meeting,
    MeetingState,
    MeetingSummary,
    Presence,
    Remedy,
    RemedyFollowUp,
    Task,
    TaskStatus,
    Verdict,
    Vote,
)
from chibo_tui.domain.rollup import year_rollup
from chibo_tui.sample import build_demo
from chibo_tui.screens.meeting import MeetingScreen
from chibo_tui.store import Repository
from chibo_tui.store.repository import nfc_tree
from chibo_tui.widgets.closing import ClosePane

MONTH = "2026-11"
DAY = date(2026, 11, 27)
CELL, HISTORY = build_demo(3, DAY, seed=21)

# -- meetings made up --------------------------------------------------------------------------


@st.composite
def votes(draw: st.DrawFn, voters: int) -> Vote | None:
    """No vote, a vote that adds up to the voters, or any counts at all."""
    kind = draw(st.sampled_from(["none", "valid", "valid", "any"]))
    if kind == "none":
        return None
    put = draw(st.sampled_from(list(Verdict)))
    if kind == "valid":
        a = draw(st.integers(0, voters))
        b = draw(st.integers(0, voters - a))
        return Vote(a, b, voters - a - b, put)
    n = st.integers(0, voters + 3)  # a negative count cannot be typed; in a file it is damage
    return Vote(draw(n), draw(n), draw(n), put)


@st.composite
def meetings(draw: st.DrawFn, cell: Cell = CELL) -> Meeting:
    """A draft of ``MONTH`` with any marks, votes, remedies, times and conclusion."""
    meeting = lifecycle.new_meeting(cell, MONTH, DAY, HISTORY, start=time(19, 0))
    mostly_present = st.sampled_from([Presence.PRESENT] * 4 + list(Presence))
    for row in meeting.attendance:
        row.presence = draw(mostly_present)
        row.reason = "ốm" if row.presence is Presence.EXCUSED else ""
    meeting.minute_taker = draw(st.sampled_from(["", cell.members[1].full_name]))
    voters = rules.attendance_counts(meeting.attendance).voters
    for review in meeting.reviews:
        for check in review.checks:
            check.passed = draw(st.sampled_from([True, True, True, False, None]))
        review.vote = draw(votes(voters))
        if draw(st.booleans()):
            owner = draw(st.sampled_from(["", "tập thể", cell.members[2].full_name]))
            due = draw(st.sampled_from([None, date(2026, 12, 31)]))
            review.remedies = [Remedy("Khắc phục", owner, due, id=f"r{review.number}")]
    meeting.end_time = draw(st.sampled_from([None, time(19, 30), time(21, 0)]))
    meeting.conclusion = draw(st.sampled_from(["", "Chi bộ thống nhất kết luận."]))
    if draw(st.booleans()):
        owner = draw(st.sampled_from(["", "Chi ủy"]))
        meeting.tasks = [Task("Nhiệm vụ tháng tới", owner, None, date(2026, 12, 15), "2026-12")]
    meeting.resolution_vote = draw(votes(voters))
    return meeting


# -- the rules agree with each other -----------------------------------------------------------


@given(meetings())
def test_what_blocks_finalising_is_on_the_checklist(meeting: Meeting) -> None:
    problems = rules.closing_problems(meeting, CELL.rules)
    for number in rules.invalid_votes(meeting):
        assert any(p.startswith(f"Tiêu chí {number}: biểu quyết không khớp") for p in problems)
    if not problems:  # a clean meeting: every criterion has an adopted, valid vote
        base = rules.attendance_counts(meeting.attendance).official_voting_base
        assert all(rules.adopted_verdict(r, base) is not None for r in meeting.reviews)
        assert rules.invalid_votes(meeting) == []


@given(meetings())
def test_the_month_list_says_what_the_meeting_says(meeting: Meeting) -> None:
    summary = rules.summarise(meeting)
    counts = rules.attendance_counts(meeting.attendance)
    assert (summary.present, summary.expected) == (counts.present, counts.expected)
    assert summary.verdicts == rules.meeting_verdicts(meeting)
    assert summary.four_good == rules.four_good(summary.verdicts).value
    assert summary.present <= summary.expected and counts.voters <= counts.official_voting_base
    base = counts.official_voting_base
    for review in meeting.reviews:
        adopted = rules.adopted_verdict(review, base)
        if adopted is not None:  # adopted means: more than half of the base approved it
            assert review.vote is not None and review.vote.in_favour * 2 > base
            assert adopted is review.vote.verdict_put


summaries = st.builds(
    MeetingSummary,
    month=st.tuples(st.integers(2024, 2027), st.integers(1, 12)).map(
        lambda t: f"{t[0]}-{t[1]:02d}"
    ),
    state=st.sampled_from(list(MeetingState)),
    verdicts=st.lists(st.sampled_from([Verdict.PASS, Verdict.FAIL, None]), min_size=4, max_size=4),
    present=st.integers(0, 40),
    expected=st.integers(0, 40),
)


@given(st.lists(summaries, max_size=40), st.integers(2024, 2027))
def test_a_year_never_counts_more_than_was_held(found: list[MeetingSummary], year: int) -> None:
    rollup = year_rollup(found, year)
    months = {s.month for s in found if s.month.startswith(f"{year}-")}
    assert rollup.held == len(months) <= 12
    assert all(0 <= n <= rollup.held for n in rollup.passed)
    assert rollup.four_good_months <= min(rollup.passed)
    assert sum(held for _, held in rollup.quarters.values()) == rollup.held
    assert sum(good for good, _ in rollup.quarters.values()) == rollup.four_good_months


# -- any text comes back ---------------------------------------------------------------------------

_VIETNAMESE = "Đảng viên Nguyễn Thị Liên phát biểu: “chi bộ bốn tốt” đạt; ưu điểm, khuyết điểm."
_NFD = unicodedata.normalize("NFD", _VIETNAMESE)
pieces = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=12),  # controls, NUL, RTL …
    st.sampled_from(
        [_VIETNAMESE, _NFD, "😀", "👨‍👩‍👧‍👦", "🇻🇳", "\u200b", "\ufeff", "\r\n", "\x00", "\x1b[2J"]
    ),
)
texts = st.lists(pieces, max_size=6).map("".join)
# Now and then (one field in twenty) a note the size of a whole meeting's minutes.
_BIG = 100_000
notes = st.integers(0, 19).flatmap(
    lambda i: texts.map(lambda t: (t or _NFD) * (_BIG // len(t or _NFD) + 1)) if i == 0 else texts
)

_KEYS = {"month", "source_month", "id", "member_id", "chair_id", "minute_taker_id",
         "speaker_id", "owner_id", "remedy_id"}  # fmt: skip
"""String fields that are keys, not text the chair types: left as they are."""


def rewrite_text(obj: Any, new: Callable[[], str]) -> Any:
    """Every free-text string in a tree of model records replaced by ``new()`` (in place)."""
    if isinstance(obj, msgspec.Struct):
        for name in obj.__struct_fields__:
            value = getattr(obj, name)
            if name in _KEYS or isinstance(value, Enum):
                continue
            if isinstance(value, str):
                setattr(obj, name, new())
            elif isinstance(value, list) and value and isinstance(value[0], str):
                setattr(obj, name, [new() for _ in value])
            else:
                rewrite_text(value, new)
    elif isinstance(obj, list):
        for item in obj:
            rewrite_text(item, new)
    return obj


def full_meeting(cell: Cell) -> Meeting:
    """A meeting with every kind of text field filled in."""
    meeting = lifecycle.new_meeting(cell, MONTH, DAY, HISTORY, start=time(19, 0))
    meeting.guests = [Guest("Khách", "Phường")]
    meeting.follow_ups = [RemedyFollowUp("r0", "2026-10", 2, "Việc cũ", "Ai", None, note="ghi")]
    for review in meeting.reviews:
        review.discussion = [Discussion("Người nói", "Nói gì", cell.members[0].id)]
        review.remedies = [Remedy("Việc", "Ai", DAY, id=f"r{review.number}")]
        review.causes = review.responsibility = review.minority_opinions = "x"
    meeting.other_business = meeting.conclusion = meeting.override_reason = "x"
    lifecycle.amend(meeting, datetime(2026, 11, 28, 8, 0), "lý do", "nội dung")
    return meeting


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.data())
@example(data=None)  # the chair's conclusion and a speech: 100 KB each, in NFD
def test_any_text_in_any_field_comes_back_nfc_equal_and_saves_to_the_same_bytes(
    data: st.DataObject | None,
) -> None:
    # A handful of texts per example, dealt out to the fields in turn: drawing one per
    # field (a cell and a meeting have ~150) makes each example slow for no gain.
    pool = data.draw(st.lists(notes, min_size=1, max_size=8)) if data is not None else [_NFD]
    dealt = iter(range(1_000_000))

    def new() -> str:
        return pool[next(dealt) % len(pool)]

    cell = rewrite_text(copy.deepcopy(CELL), new)
    meeting = rewrite_text(full_meeting(CELL), new)
    assert cell.name in pool and meeting.review(2).causes in pool  # the rewrite reached them
    meeting.resume = {new(): new() for _ in range(2)}
    if data is None:
        meeting.conclusion = _NFD * (_BIG // len(_NFD) + 1)
        meeting.review(1).discussion[0].text = meeting.conclusion + "😀\x00"
    # Durability is the crash test's business: here fsync only makes each example slow.
    with tempfile.TemporaryDirectory() as tmp, mock.patch("os.fsync"):
        path = Path(tmp) / "chibo.json"
        with Repository.open(path) as repo:  # saved as the app saves: by the writer thread
            saver = AutoSaver(repo)
            saver.save_cell(cell)
            saver.save_meeting(meeting)
            assert saver.close() and saver.last_error is None, saver.last_error
        with Repository.open(path) as repo:
            back_cell, back = repo.load_cell(), repo.load_meeting(MONTH)
            assert back_cell is not None and back is not None
            assert to_dict(back_cell) == nfc_tree(to_dict(cell))
            assert to_dict(back) == nfc_tree(to_dict(meeting))
            files = database_files(path)
            repo.save_cell(back_cell)
            repo.save_meeting(back)
            assert database_files(path) == files  # nothing to change: no byte changes


# -- the app never finalises an invalid meeting ---------------------------------------------------


async def _try_to_finalise(meeting: Meeting, folder: Path) -> Meeting:
    """Open the meeting in the app and try every way to finalise it; what is on disk after."""
    db = folder / "chibo.json"
    with Repository.open(db) as repo:
        repo.import_history(CELL, HISTORY)
        repo.save_meeting(meeting)
    repo = Repository.open(db)
    app = make_app(repo, folder / "exports", clock=lambda: datetime(2026, 11, 27, 21, 30))
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await app.open_meeting(MONTH)
            screen = app.screen
            assert isinstance(screen, MeetingScreen)
            await screen.go_to("close")
            # The buttons the chair can press, then the messages sent straight, as if the
            # buttons had not been hidden or disabled.
            attempts: list[Callable[[], object]] = [
                lambda: screen.query_one("#finalise").press(),  # type: ignore[attr-defined]
                lambda: screen.query_one("#finalise-override").press(),  # type: ignore[attr-defined]
                lambda: screen.post_message(ClosePane.FinaliseRequested(override=False)),
                lambda: screen.post_message(ClosePane.FinaliseRequested(override=True)),
            ]
            for attempt in attempts:
                if not isinstance(app.screen, MeetingScreen) or app.screen.meeting.is_final:
                    break
                attempt()
                await pilot.pause()
                dialog: Screen[Any] = app.screen
                if isinstance(dialog, TextEntryDialog):
                    dialog.dismiss("Chủ trì quyết định chốt")
                elif isinstance(dialog, ConfirmDialog):
                    dialog.dismiss(True)
                await pilot.pause()
            for _ in range(3):  # let a screen switched to by finalising mount before leaving
                await pilot.pause()
            assert app.session.save_now()
    finally:
        repo.close()
    with Repository.open(db, read_only=True) as view:
        saved = view.load_meeting(MONTH)
    assert saved is not None
    return saved


def _clean() -> Meeting:
    """A meeting with nothing missing: finalising must go through."""
    meeting = lifecycle.new_meeting(CELL, MONTH, DAY, HISTORY, start=time(19, 0))
    for row in meeting.attendance:
        row.presence = Presence.PRESENT
    meeting.minute_taker, meeting.minute_taker_id = CELL.members[1].full_name, CELL.members[1].id
    voters = rules.attendance_counts(meeting.attendance).voters
    for review in meeting.reviews:
        for check in review.checks:
            check.passed = True
        review.vote = Vote(voters, 0, 0)
        review.causes, review.responsibility = "Chuẩn bị tốt.", "Tập thể chi ủy."
    for task in meeting.task_reviews:  # what the last demo month set for this one
        task.status = TaskStatus.DONE
    meeting.end_time, meeting.conclusion = time(21, 0), "Chi bộ thống nhất."
    meeting.tasks = [Task("Nhiệm vụ tháng tới", "Chi ủy", None, date(2026, 12, 15), "2026-12")]
    meeting.resolution_vote = Vote(voters, 0, 0)
    assert rules.closing_problems(meeting, CELL.rules, None, CELL.resolution.form) == []
    return meeting


def _with(change: Callable[[Meeting], object]) -> Meeting:
    meeting = _clean()
    change(meeting)
    return meeting


def _check_finalising(meeting: Meeting) -> None:
    # As the app checks it: with the tasks and the resolution's vote the cell issues.
    invalid = rules.votes_block_finalising(meeting)
    problems = rules.closing_problems(meeting, CELL.rules, None, CELL.resolution.form)
    with tempfile.TemporaryDirectory() as tmp:
        saved = asyncio.run(_try_to_finalise(meeting, Path(tmp)))
    if invalid:
        assert not saved.is_final, f"finalised with votes that do not add up: {invalid}"
    elif problems:
        assert saved.is_final and saved.override_reason == "Chủ trì quyết định chốt"
    else:
        assert saved.is_final and saved.override_reason == ""
    if saved.is_final:
        assert saved.finalised_at is not None


# Each pass through the meeting screen costs seconds: the three cases that matter,
# always (as separate tests, which ``pytest -n`` spreads), and a few made-up meetings.
@pytest.mark.parametrize(
    "meeting",
    [
        _clean(),
        _with(lambda m: setattr(m.review(3), "vote", Vote(1, 0, 0))),
        _with(lambda m: setattr(m, "conclusion", "")),
        _with(lambda m: setattr(m, "resolution_vote", Vote(1, 0, 0))),
    ],
    ids=["clean", "vote-does-not-add-up", "no-conclusion", "resolution-vote-does-not-add-up"],
)
def test_the_app_finalises_only_a_valid_meeting(meeting: Meeting) -> None:
    _check_finalising(meeting)


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings())
def test_the_app_never_finalises_an_invalid_meeting(meeting: Meeting) -> None:
    _check_finalising(meeting)
