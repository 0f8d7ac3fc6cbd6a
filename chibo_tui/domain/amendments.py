"""What a reopening changed: the minutes as finalised against the minutes finalised again.

Both sides are reduced to the lines a reader of the minutes would compare ("Giờ
kết thúc: 21 giờ 00 phút"), keyed by what they are about (a member's id, a
remedy's id, a criterion's number), so a renamed member or a reordered list is
still the same line. Only lines whose text differs are reported.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from ..text import amendments as T
from .codec import from_dict, to_dict
from .model import Attendance, FieldChange, Meeting, Remedy, Task, Vote
from .remedies import STATUS_TEXT
from .rules import VERDICT_TEXT, short
from .tasks import MENTION_TEXT, status_text

# Fields that are the record's life, not its content: never reported as changes.
_NOT_CONTENT = ("state", "finalised_at", "override_reason", "amendments", "resume", "unsent")


def snapshot(meeting: Meeting) -> dict[str, Any]:
    """The record as finalised, without its life and what the UI keeps (kept on reopening)."""
    data = to_dict(meeting)
    return {k: v for k, v in data.items() if k not in _NOT_CONTENT}


def changes(finalised: dict[str, Any], now: Meeting) -> list[FieldChange]:
    """Each line that reads differently now than in the ``finalised`` snapshot, in order."""
    before = _lines(from_dict(Meeting, finalised, "finalised"))
    after = _lines(now)
    out = []
    for key in list(before) + [k for k in after if k not in before]:
        old, new = before.get(key), after.get(key)
        if old is not None and new is not None and old[1] == new[1]:
            continue
        label = (new or old or ("", ""))[0]
        out.append(FieldChange(label, old[1] if old else T.NOTHING, new[1] if new else T.NOTHING))
    return out


def _lines(m: Meeting) -> dict[str, tuple[str, str]]:
    """key → (label, value as the minutes would print it)."""
    out: dict[str, tuple[str, str]] = {
        "date": (T.DATE, _date(m.date)),
        "start": (T.START, _time(m.start_time)),
        "end": (T.END, _time(m.end_time)),
        "place": (T.PLACE, m.place),
        "chair": (T.CHAIR, m.chair),
        "minute_taker": (T.MINUTE_TAKER, m.minute_taker),
        "guests": (T.GUESTS, "; ".join(_guest(g.name, g.position) for g in m.guests)),
        "thematic": (T.THEMATIC, T.YES if m.thematic else T.NO),
    }
    for a in m.attendance:
        out[f"attendance:{a.member_id}"] = (T.ATTENDANCE.format(name=a.full_name), _presence(a))
    for f in m.follow_ups:
        value = STATUS_TEXT[f.status] + (f" — {f.note}" if f.note.strip() else "")
        out[f"follow_up:{f.remedy_id}"] = (T.FOLLOW_UP.format(text=short(f.text, 50)), value)
    for r in sorted(m.reviews, key=lambda r: r.number):
        n = r.number
        for i, check in enumerate(r.checks):
            mark = T.UNMARKED if check.passed is None else ("đạt" if check.passed else "không đạt")
            out[f"check:{n}:{i}"] = (T.CHECK.format(n=n, text=short(check.text, 50)), mark)
        said = " / ".join(f"{d.speaker}: {d.text}" for d in r.discussion)
        out[f"discussion:{n}"] = (T.DISCUSSION.format(n=n), said)
        out[f"causes:{n}"] = (T.CAUSES.format(n=n), r.causes)
        out[f"responsibility:{n}"] = (T.RESPONSIBILITY.format(n=n), r.responsibility)
        out[f"remedies:{n}"] = (T.REMEDIES.format(n=n), "; ".join(_remedy(x) for x in r.remedies))
        verdict = VERDICT_TEXT[r.verdict_override] if r.verdict_override else T.PROPOSED
        out[f"verdict:{n}"] = (T.VERDICT.format(n=n), verdict)
        out[f"vote:{n}"] = (T.VOTE.format(n=n), _vote(r.vote))
        out[f"minority:{n}"] = (T.MINORITY.format(n=n), r.minority_opinions)
    for t in m.task_reviews:
        value = status_text(t.status) + (f" — {t.note}" if t.note.strip() else "")
        out[f"task_review:{t.task_id}"] = (T.TASK_REVIEW.format(text=short(t.text, 50)), value)
    out["tasks"] = (T.TASKS, "; ".join(_task(t) for t in m.tasks))
    out["commendations"] = (
        T.COMMENDATIONS,
        "; ".join(f"{MENTION_TEXT[c.kind]} đồng chí {c.name}: {c.text}" for c in m.commendations),
    )
    out["ideology_review"] = (T.IDEOLOGY_REVIEW, m.ideology_review)
    out["political_review"] = (T.POLITICAL_REVIEW, m.political_review)
    v = m.resolution_vote
    vote = (
        T.RESOLUTION_VOTE_TEXT.format(yes=v.in_favour, no=v.against, other=v.other)
        if v
        else T.NO_VOTE
    )
    out["resolution_vote"] = (T.RESOLUTION_VOTE, vote)
    out["other"] = (T.OTHER_BUSINESS, m.other_business)
    out["conclusion"] = (T.CONCLUSION, m.conclusion)
    return {k: (label, " ".join(value.split()) or T.NOTHING) for k, (label, value) in out.items()}


def _date(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _time(at: time | None) -> str:
    return f"{at.hour:02d} giờ {at.minute:02d} phút" if at else ""


def _guest(name: str, position: str) -> str:
    return f"{name}, {position}" if position.strip() else name


def _presence(a: Attendance) -> str:
    text = T.PRESENCE[a.presence.value]
    return f"{text} ({a.reason})" if a.reason.strip() else text


def _remedy(r: Remedy) -> str:
    due = r.due.strftime("%d/%m/%Y") if r.due else "chưa định"
    return T.REMEDY.format(text=r.text, owner=r.owner or "chưa phân công", due=due)


def _task(t: Task) -> str:
    due = t.due.strftime("%d/%m/%Y") if t.due else "chưa định"
    return T.TASK.format(text=t.text, owner=t.owner or "chưa phân công", due=due)


def _vote(v: Vote | None) -> str:
    if v is None:
        return T.NO_VOTE
    return T.VOTE_TEXT.format(
        yes=v.in_favour, no=v.against, other=v.other, put=VERDICT_TEXT[v.verdict_put]
    )
