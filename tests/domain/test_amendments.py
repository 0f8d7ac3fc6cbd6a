"""A reopening records what it changed when the meeting is finalised again."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from chibo_tui.domain import lifecycle
from chibo_tui.domain.codec import from_dict, to_dict
from chibo_tui.domain.model import FieldChange, Meeting, Presence, Vote

OPENED = datetime(2026, 12, 3, 19, 30)
CLOSED = datetime(2026, 12, 3, 20, 5)


def test_changes_are_recorded_field_by_field_on_finalising_again(factory) -> None:  # type: ignore[no-untyped-def]
    cell = factory.cell()
    meeting = factory.meeting(cell)
    lifecycle.finalise(meeting, datetime(2026, 3, 5, 21, 0))
    lifecycle.reopen(meeting, OPENED, "Điểm danh sai")
    reopening = meeting.amendments[-1]
    assert reopening.finalised is not None and reopening.changes == []
    absent = meeting.attendance[0]
    absent.presence, absent.reason = Presence.EXCUSED, "ốm"
    vote = meeting.review(2).vote
    assert vote is not None
    meeting.review(2).vote = Vote(vote.in_favour - 1, vote.against, vote.other + 1)
    lifecycle.finalise(meeting, CLOSED)
    assert reopening.closed_at == CLOSED
    labels = [c.field for c in reopening.changes]
    assert labels == [f"Điểm danh — đồng chí {absent.full_name}", "Nội dung 2 — biểu quyết"]
    assert reopening.changes[0] == FieldChange(labels[0], "có mặt", "vắng có lý do (ốm)")
    assert reopening.changes[1].before == (
        f"tán thành {vote.in_favour}, không tán thành {vote.against}, ý kiến khác "
        f"{vote.other} (đề nghị đạt)"
    )


def test_finalising_twice_does_not_overwrite_what_the_reopening_changed(factory) -> None:  # type: ignore[no-untyped-def]
    meeting = factory.meeting(factory.cell())
    lifecycle.finalise(meeting, datetime(2026, 3, 5, 21, 0))
    lifecycle.reopen(meeting, OPENED, "Sửa kết luận")
    meeting.conclusion = "Kết luận mới."
    lifecycle.finalise(meeting, CLOSED)
    lifecycle.finalise(meeting, datetime(2026, 12, 4, 8, 0))  # no reopening in between
    assert meeting.amendments[-1].closed_at == CLOSED
    assert [c.field for c in meeting.amendments[-1].changes] == ["Kết luận của chủ trì"]


def test_the_snapshot_survives_the_store_format(factory) -> None:  # type: ignore[no-untyped-def]
    meeting = factory.meeting(factory.cell())
    lifecycle.finalise(meeting, datetime(2026, 3, 5, 21, 0))
    lifecycle.reopen(meeting, OPENED, "Sửa giờ")
    back = from_dict(Meeting, json.loads(json.dumps(to_dict(meeting))))
    assert back.amendments[-1].finalised == meeting.amendments[-1].finalised
    back.place = "Nơi khác"
    lifecycle.finalise(back, CLOSED)
    assert [c.field for c in back.amendments[-1].changes] == ["Địa điểm"]


def test_reopening_still_needs_a_reason(factory) -> None:  # type: ignore[no-untyped-def]
    meeting = factory.meeting(factory.cell())
    with pytest.raises(ValueError, match="Cần ghi lý do"):
        lifecycle.reopen(meeting, OPENED, "  ")
