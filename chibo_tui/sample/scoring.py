"""The sample cell scores each meeting on the HD 42 sheet and keeps its paperwork dates.

Drawn from generators of their own, seeded by the month, so that adding scores left
the rest of the history as it was. Most months score well; some post the documents
late, report to the ward late, or hold a short meeting (finalised with a reason).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta

from ..domain import paperwork, scoresheet
from ..domain.model import Cell, Meeting

SHORT_MEETING_REASON = (
    "Khu phố mất điện giữa buổi, chi bộ kết thúc sớm; nội dung còn lại chuyển sang kỳ sau."
)


def set_length(meeting: Meeting, salt: str) -> bool:
    """One month a quarter holds its thematic session the same day (CT 50: at least once
    a quarter), 120 minutes or more; now and then a meeting ends early. ``True`` when
    this one did (it is finalised with its reason)."""
    if meeting.start_time is None:
        return False
    quarter_start = (int(meeting.month[5:7]) - 1) // 3 * 3 + 1
    chosen = random.Random(f"{meeting.month[:4]}-{quarter_start}/thematic/{salt}").randrange(3)
    began = datetime.combine(meeting.date, meeting.start_time)
    ends = datetime.combine(meeting.date, meeting.end_time) if meeting.end_time else began
    if int(meeting.month[5:7]) == quarter_start + chosen:
        meeting.thematic = True
        own = random.Random(f"{meeting.month}/thematic/{salt}")
        if ends - began < timedelta(minutes=120):
            meeting.end_time = (began + timedelta(minutes=own.randrange(120, 151, 5))).time()
        return False
    own = random.Random(f"{meeting.month}/short/{salt}")
    if own.random() >= 0.08:
        return False
    meeting.end_time = (began + timedelta(minutes=own.randrange(65, 86, 5))).time()
    return True


def keep_paperwork(cell: Cell, meeting: Meeting, salt: str) -> None:
    """The dated steps around the meeting, mostly on time."""
    own = random.Random(f"{meeting.month}/paperwork/{salt}")
    day = meeting.date
    steps = {
        "committee_met": day - timedelta(days=own.randint(3, 7)),
        "members_notified": day - timedelta(days=own.randint(2, 5)),
        # A same-day posting now and then: too late for the "1 day before" item.
        "posted_before": day - timedelta(days=own.choice((0, 1, 1, 2, 2, 3, 3))),
        "posted_after": day + timedelta(days=own.choice((0, 1, 1, 2, 2, 3))),
        "reported": day + timedelta(days=own.choice((1, 1, 2, 2, 3))),
    }
    for step, when in steps.items():
        paperwork.record(cell, meeting.month, step, when)


def score(cell: Cell, meeting: Meeting, history: Sequence[Meeting], salt: str) -> None:
    """Score ``meeting``: the record's items as computed, the cell's own mostly full."""
    own = random.Random(f"{meeting.month}/score/{salt}")
    meeting.score = scoresheet.start_score(cell)
    ctx = scoresheet.year_context(cell, meeting, history)
    for line in scoresheet.evaluate(meeting.score, meeting, ctx).lines:
        if line.points is not None:
            continue  # computed from the record
        item = line.item
        if item.bands:
            # Item 7 without last month's tasks (the first month): scored by the cell.
            weights = [6, 3, 1] + [0] * (len(item.bands) - 3)
            band = own.choices(item.bands, weights=weights[: len(item.bands)])[0]
            points = band.points
        else:
            points = item.points if own.random() < 0.95 else 0
        scoresheet.set_points(meeting.score, item, points)
