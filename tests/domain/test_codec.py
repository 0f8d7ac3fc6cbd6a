"""Dataclasses ⇄ JSON-ready dicts: nothing lost, damage found with its location."""

from __future__ import annotations

import copy
import json
from datetime import date, datetime, time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chibo_tui.domain.codec import CodecError, from_dict, reference_from_dict, to_dict
from chibo_tui.domain.lifecycle import amend, finalise
from chibo_tui.domain.model import (
    Attendance,
    Cell,
    DocumentSettings,
    Meeting,
    MeetingState,
    MeetingSummary,
    MemberStatus,
    Presence,
    RemedyFollowUp,
    RemedyStatus,
    Role,
    RuleSettings,
    Verdict,
    Vote,
)
from chibo_tui.store.year_tables import decode_meetings


def full_meeting(factory) -> Meeting:
    cell = factory.cell()
    meeting = factory.meeting(cell)
    meeting.follow_ups = [
        RemedyFollowUp(
            "abc",
            "2026-02",
            2,
            "Họp chi ủy trước",
            "Trần Thị Bình",
            date(2026, 2, 28),
            RemedyStatus.IN_PROGRESS,
            "Đang làm",
        )
    ]
    review = meeting.review(1)
    review.checks[1].passed = None
    review.checks[2].passed = False
    review.causes = "Chủ quan: chưa sâu sát.\nKhách quan: mưa bão."
    review.responsibility = "Tập thể chi ủy"
    review.verdict_override = Verdict.PASS
    review.earlier_votes = [Vote(3, 5, 1, Verdict.FAIL)]
    review.minority_opinions = "Đồng chí Cường bảo lưu ý kiến."
    meeting.other_business = "Thu đảng phí quý I."
    meeting.resume = {"screen": "criterion", "number": "3"}
    meeting.attendance[4].presence = Presence.UNEXCUSED
    finalise(meeting, datetime(2026, 3, 5, 21, 5, 30, 123456), "Thiếu ý kiến, vẫn chốt")
    amend(meeting, datetime(2026, 3, 6, 8, 0), "Sửa chính tả", "Sửa tên đồng chí Hà")
    return meeting


def test_full_meeting_round_trip(factory):
    meeting = full_meeting(factory)
    data = to_dict(meeting)
    # What the store writes is plain JSON.
    again = json.loads(json.dumps(data, ensure_ascii=False))
    assert again == data
    back = from_dict(Meeting, again)
    assert back == meeting
    assert back.review(1).earlier_votes[0].verdict_put is Verdict.FAIL
    assert back.finalised_at == datetime(2026, 3, 5, 21, 5, 30, 123456)
    assert back.attendance[4].presence is Presence.UNEXCUSED
    assert isinstance(back.date, date) and isinstance(back.start_time, time)


def test_cell_round_trip(factory):
    cell = factory.cell(official=12, probationary=3, exempt=2)
    cell.documents = DocumentSettings(colon_after_number=True, margins_mm=(25, 25, 35, 15))
    cell.rules = RuleSettings(year_target_months=10)
    cell.plan_bases = ["Căn cứ Nghị quyết 21-NQ/TW"]
    cell.members[3].removed = True
    back = from_dict(Cell, json.loads(json.dumps(to_dict(cell))))
    assert back == cell
    assert back.documents.margins_mm == (25, 25, 35, 15)


def test_enums_and_dates_are_stored_as_plain_values(factory):
    data = to_dict(full_meeting(factory))
    assert data["state"] == "finalised"
    assert data["date"] == "2026-03-05"
    assert data["start_time"] == "19:00:00"
    assert data["attendance"][0]["status"] == "official"
    assert data["reviews"][0]["vote"]["verdict_put"] == "pass"


@given(
    month=st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}"),
    verdicts=st.lists(st.one_of(st.none(), st.sampled_from(Verdict)), max_size=4),
    present=st.integers(0, 100),
    expected=st.integers(0, 100),
)
def test_summary_round_trip(month, verdicts, present, expected):
    for state in MeetingState:
        summary = MeetingSummary(month, state, verdicts, present, expected)
        assert from_dict(MeetingSummary, to_dict(summary)) == summary


@given(
    st.builds(
        Attendance,
        member_id=st.text(max_size=12),
        full_name=st.text(max_size=30),
        status=st.sampled_from(MemberStatus),
        exempt=st.booleans(),
        role=st.sampled_from(Role),
        presence=st.sampled_from(Presence),
        reason=st.text(max_size=30),
    ),
    st.datetimes(),
    st.one_of(st.none(), st.dates()),
)
def test_arbitrary_values_round_trip(row, at, due):
    assert from_dict(Attendance, to_dict(row)) == row
    follow = RemedyFollowUp("x", "2026-01", 1, "t", due=due)
    assert from_dict(RemedyFollowUp, to_dict(follow)) == follow
    meeting = Meeting("2026-03", date(2026, 3, 5), finalised_at=at)
    assert from_dict(Meeting, to_dict(meeting)).finalised_at == at


# -- damage is found, with where it is -----------------------------------------


def _broken(factory, path: list, value):
    data = to_dict(full_meeting(factory))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (["reviews", 0, "vote", "in_favour"], "9", "Meeting.reviews[0].vote.in_favour"),
        (["reviews", 0, "vote", "in_favour"], 9.0, "Meeting.reviews[0].vote.in_favour"),
        (["reviews", 0, "vote", "against"], True, "Meeting.reviews[0].vote.against"),
        (["attendance", 3, "presence"], "maybe", "Meeting.attendance[3].presence"),
        (["attendance", 3, "presence"], ["present"], "Meeting.attendance[3].presence"),
        (["attendance", 1, "exempt"], 1, "Meeting.attendance[1].exempt"),
        (["date"], "2026-02-30", "Meeting.date"),
        (["date"], 20260305, "Meeting.date"),
        (["end_time"], "25:00", "Meeting.end_time"),
        (["finalised_at"], "hôm qua", "Meeting.finalised_at"),
        (["reviews", 1, "remedies", 0, "due"], "", "Meeting.reviews[1].remedies[0].due"),
        (["reviews"], {"1": {}}, "Meeting.reviews"),
        (["guests", 0], "Nguyễn Thị Mai", "Meeting.guests[0]"),
        (["conclusion"], None, "Meeting.conclusion"),
        (["resume", "screen"], 3, "Meeting.resume.screen"),
        (["reviews", 2, "checks", 0, "passed"], "yes", "Meeting.reviews[2].checks[0].passed"),
    ],
)
def test_wrong_type_raises_codec_error_with_location(factory, path, value, where):
    data = _broken(factory, path, value)
    with pytest.raises(CodecError) as info:
        from_dict(Meeting, data)
    assert str(info.value).startswith(where + ":")


def test_location_prefix_is_the_callers(factory):
    data = _broken(factory, ["attendance", 0, "status"], "member")
    with pytest.raises(CodecError, match=r"^meetings\.2026-03\.attendance\[0\]\.status: "):
        from_dict(Meeting, data, "meetings.2026-03")


def test_missing_required_field_raises(factory):
    data = to_dict(full_meeting(factory))
    del data["attendance"][2]["member_id"]
    with pytest.raises(CodecError, match=r"^Meeting\.attendance\[2\]: thiếu trường bắt buộc"):
        from_dict(Meeting, data)
    with pytest.raises(CodecError, match=r"^Meeting: cần dict, gặp list"):
        from_dict(Meeting, [data])


def test_unknown_keys_are_ignored_and_missing_optional_keys_defaulted(factory):
    meeting = full_meeting(factory)
    data = to_dict(meeting)
    newer = copy.deepcopy(data)
    newer["mood"] = "vui"
    newer["reviews"][0]["vote"]["abstained"] = 2
    assert from_dict(Meeting, newer) == meeting

    older = {"month": "2026-03", "date": "2026-03-05"}
    back = from_dict(Meeting, older)
    assert back == Meeting("2026-03", date(2026, 3, 5))
    assert back.attendance == [] and back.resume == {} and back.finalised_at is None

    cell = from_dict(Cell, {"name": "Chi bộ 3"})
    assert cell.name == "Chi bộ 3"
    assert cell.rules == RuleSettings() and cell.documents == DocumentSettings()
    assert cell.criteria_is_sample is True


def test_a_cell_stored_before_the_report_bases_reads_with_the_defaults():
    """Issue 12 point 4: old records have no ``report_bases`` nor ``plan_adopted_years``."""
    stored = to_dict(Cell(name="Chi bộ 3"))
    del stored["report_bases"], stored["plan_adopted_years"]
    cell = from_dict(Cell, stored)
    guidance, own = cell.report_bases
    assert guidance.text.startswith("Hướng dẫn số 03-HD/TU ngày 07 tháng 7 năm 2023")
    assert "Ban Thường vụ Thành ủy" in guidance.text and not guidance.own_plan
    assert own.own_plan and "chi bộ" in own.text
    assert cell.plan_adopted_years == []
    cell.report_bases[0].text = "Hướng dẫn mới"
    cell.plan_adopted_years.append(2027)
    assert from_dict(Cell, json.loads(json.dumps(to_dict(cell)))) == cell
    assert Cell().report_bases[0].text != "Hướng dẫn mới"  # defaults are not shared


# -- the fast path (msgspec) is held to the reference decoder -----------------------

_ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False),
    st.text(max_size=8),
    st.sampled_from(
        [
            "2026-03-05",
            "20260305",
            "2026-03-05T19:00:00",
            "2026-03-05T19:00:00Z",
            "2026-03-05 19:00",
            "19:00:00",
            "19:00",
            "23:59:60",
            "2026-02-30",
            "pass",
            "finalised",
            "official",
        ]
    ),
    st.lists(st.integers(0, 60), max_size=5),
    st.just({}),
    st.dictionaries(st.sampled_from(["text", "id", "number"]), st.integers(), max_size=2),
)


def _paths(node, path=()):  # type: ignore[no-untyped-def]
    yield path
    children = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, child in children:
        yield from _paths(child, (*path, key))


def _replaced(data, path, value):  # type: ignore[no-untyped-def]
    if not path:
        return value
    copied = copy.deepcopy(data)
    node = copied
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return copied


def _outcome(decode, cls, data):  # type: ignore[no-untyped-def]
    try:
        return ("ok", decode(cls, data))
    except CodecError:
        return ("refused", None)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pick=st.integers(min_value=0), value=_ODD_VALUES, drop=st.booleans())
def test_damaged_records_decode_as_the_reference_decoder_says(factory, pick, value, drop):  # type: ignore[no-untyped-def]
    """Whatever one changed value does to a meeting or a cell, the fast path takes
    exactly what the reference decoder takes, and gives the same record."""
    for cls, record in ((Meeting, full_meeting(factory)), (Cell, factory.cell())):
        data = to_dict(record)
        paths = list(_paths(data))
        path = paths[pick % len(paths)]
        if drop and path and path[-1] == "id":
            continue  # a missing id is made anew, at random, by either decoder
        if drop and path and isinstance(path[-1], str):
            damaged = copy.deepcopy(data)
            node = damaged
            for key in path[:-1]:
                node = node[key]
            del node[path[-1]]
        else:
            damaged = _replaced(data, path, value)
        reference = _outcome(reference_from_dict, cls, damaged)
        assert _outcome(from_dict, cls, damaged) == reference
        if cls is Meeting:  # a year file's meetings decoded straight from its bytes
            year_file = {"meta": {"1": {"schema_version": 2}}, "meetings": {"202603": damaged}}
            straight = decode_meetings(json.dumps(year_file).encode("utf-8"))
            if straight is not None:
                assert reference == ("ok", straight["202603"])
