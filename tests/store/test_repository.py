"""What is saved is what comes back: from disk, in NFC, in the right year's file."""

from __future__ import annotations

import json
import os
import stat
import tempfile
import unicodedata
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from chibo_tui.domain import rules
from chibo_tui.domain.model import Discussion, Guest, Vote
from chibo_tui.store import Repository, StoreError


def reopened(path: Path) -> Repository:
    """A fresh, read-only view of what is on disk."""
    return Repository.open(path, read_only=True)


def test_cell_and_meetings_round_trip(factory, db_path, clock):
    cell = factory.cell()
    march = factory.meeting(cell, "2026-03")
    april = factory.meeting(cell, "2026-04", day=2)
    april.review(2).vote = Vote(5, 3, 1)
    with Repository.open(db_path, clock=clock) as repo:
        assert not repo.has_data()
        repo.save_cell(cell)
        repo.save_meeting(march)
        repo.save_meeting(april)
        assert repo.load_meeting("2026-03") == march
    with reopened(db_path) as repo:
        assert repo.has_data()
        assert repo.load_cell() == cell
        assert repo.load_meeting("2026-03") == march
        assert repo.load_meeting("2026-04") == april
        assert repo.load_meeting("2026-05") is None
        assert repo.load_meeting("2031-05") is None
        assert repo.load_all() == [march, april]


def test_file_is_readable_utf8_json(factory, db_path):
    cell = factory.cell()
    with Repository.open(db_path) as repo:
        repo.save_cell(cell)
    raw = db_path.read_bytes()
    assert "Chi bộ Đinh Tiên Hoàng".encode() in raw  # not \\u-escaped
    assert json.loads(raw)["meta"]["1"]["schema_version"] >= 1


def test_text_is_stored_in_nfc(factory, db_path, year_file):
    nfd = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731
    cell = factory.cell()
    cell.name = nfd("Chi bộ Đinh Tiên Hoàng")
    cell.members[0].full_name = nfd("Nguyễn Thị Liên")
    meeting = factory.meeting(cell)
    meeting.conclusion = nfd("Tháng đạt “bốn tốt”; kết luận của chủ trì.")
    meeting.resume = {nfd("màn hình"): nfd("tiêu chí")}
    assert meeting.conclusion != unicodedata.normalize("NFC", meeting.conclusion)
    with Repository.open(db_path) as repo:
        repo.save_cell(cell)
        repo.save_meeting(meeting)
        assert (
            repo.load_meeting("2026-03").conclusion == "Tháng đạt “bốn tốt”; kết luận của chủ trì."
        )
    raw = db_path.read_bytes() + year_file(db_path, 2026).read_bytes()
    assert nfd("Đinh Tiên Hoàng").encode() not in raw
    with reopened(db_path) as repo:
        back = repo.load_cell()
        assert back.name == "Chi bộ Đinh Tiên Hoàng"
        assert back.members[0].full_name == "Nguyễn Thị Liên"
        loaded = repo.load_meeting("2026-03")
        assert loaded.conclusion == "Tháng đạt “bốn tốt”; kết luận của chủ trì."
        assert loaded.resume == {"màn hình": "tiêu chí"}


_VIET_NFD = [unicodedata.normalize("NFD", c) for c in "ắằẳẵặấầẩẫậếềểễệốồổỗộớờởỡợứừửữựĐđ"]
wild_text = st.lists(
    st.one_of(
        # any code point but lone surrogates (see test_lone_surrogate_…): controls, NUL, RTL, …
        st.characters(exclude_categories=["Cs"]),
        st.sampled_from(_VIET_NFD),
        st.sampled_from(["😀", "👨‍👩‍👧", "🇻🇳", "\u2028", "\ufeff", "\r\n", "\x00", "\x1b[31m"]),
    ),
    max_size=60,
).map("".join)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=wild_text, note=wild_text, speaker=wild_text, key=wild_text)
@example(name="Chi bộ", note="ghi chú dài " * 9000 + "😀\x00", speaker="Lê", key="x")
def test_any_text_comes_back_nfc_equal(factory, name, note, speaker, key):
    cell = factory.cell()
    cell.name = name
    cell.members[3].full_name = speaker
    meeting = factory.meeting(cell)
    meeting.conclusion = note
    meeting.review(1).discussion.append(Discussion(speaker, note))
    meeting.guests.append(Guest(name, note))
    meeting.resume = {key: note}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "chibo.json"
        with Repository.open(path) as repo:
            repo.save_cell(cell)
            repo.save_meeting(meeting)
        with reopened(path) as repo:
            back_cell = repo.load_cell()
            back = repo.load_meeting("2026-03")
    n = lambda s: unicodedata.normalize("NFC", s)  # noqa: E731
    assert back_cell.name == n(name)
    assert back_cell.members[3].full_name == n(speaker)
    assert back.conclusion == n(note)
    assert back.review(1).discussion[-1] == Discussion(n(speaker), n(note))
    assert back.guests[-1] == Guest(n(name), n(note))
    assert back.resume == {n(key): n(note)}
    assert back.attendance[3].full_name == n(speaker)


def test_files_are_private(factory, db_path, clock, year_file):
    old = os.umask(0)  # the mode must not depend on the user's umask
    try:
        cell = factory.cell()
        with Repository.open(db_path, clock=clock) as repo:
            repo.save_cell(cell)
            repo.save_meeting(factory.meeting(cell))
        with Repository.open(db_path, clock=clock) as repo:  # takes an opening backup
            assert repo.opening_backup is not None
    finally:
        os.umask(old)
    files = [
        db_path,
        year_file(db_path, 2026),
        db_path.with_name("chibo.json.lock"),
        *db_path.parent.joinpath("backups").iterdir(),
    ]
    assert len(files) == 4
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_each_year_has_its_own_file(factory, db_path):
    cell = factory.cell()
    dec = factory.meeting(cell, "2025-12")
    jan = factory.meeting(cell, "2026-01")
    with Repository.open(db_path) as repo:
        repo.save_cell(cell)
        repo.save_meeting(dec)
        y2025 = repo.year_file(2025)
        assert y2025 is not None and y2025.exists() and repo.year_file(2026) is None
        before = y2025.read_bytes()
        repo.save_meeting(jan)
        assert repo.year_file(2025) == y2025 and y2025.read_bytes() == before  # 2025 left alone
        y2026 = repo.year_file(2026)
        assert y2026 is not None and repo.files() == [db_path, y2025, y2026]
        assert repo.years() == [2025, 2026]
        assert [m.month for m in repo.load_year(2025)] == ["2025-12"]
        assert '"month":"2026-01"' not in y2025.read_text("utf-8")
    assert "2025-12" not in y2026.read_text("utf-8")
    assert "meetings" not in json.loads(db_path.read_bytes())  # the main file holds no meeting
    with reopened(db_path) as repo:
        assert repo.load_all() == [dec, jan]
        assert repo.load_year(2024) == []


def test_summaries_match_meetings(factory, db_path):
    cell = factory.cell()
    meetings = [factory.meeting(cell, f"2026-{m:02d}") for m in (1, 2, 3)]
    meetings[1].review(3).vote = Vote(2, 6, 1)  # not adopted
    meetings[2].attendance[4].presence = meetings[2].attendance[4].presence.UNEXCUSED
    with Repository.open(db_path) as repo:
        repo.save_cell(cell)
        for meeting in meetings:
            repo.save_meeting(meeting)
        meetings[0].review(1).vote = Vote(0, 9, 0)  # the chair corrects January
        repo.save_meeting(meetings[0])
    with reopened(db_path) as repo:
        summaries = repo.summaries()
        assert [s.month for s in summaries] == ["2026-03", "2026-02", "2026-01"]  # newest first
        assert summaries == [rules.summarise(m) for m in reversed(meetings)]
        assert summaries[2].verdicts[0] is None
        assert summaries[1].verdicts[2] is None
        assert (summaries[0].present, summaries[0].expected) == (10, 12)
        assert repo.check().problems == []


def test_import_history_writes_cell_meetings_and_summaries(factory, db_path):
    cell = factory.cell()
    history = [factory.meeting(cell, f"2025-{m:02d}") for m in (11, 12)]
    history.append(factory.meeting(cell, "2026-01"))
    with Repository.open(db_path) as repo:
        repo.import_history(cell, history)
    with reopened(db_path) as repo:
        assert repo.load_cell() == cell
        assert repo.load_all() == history
        assert repo.summaries() == [rules.summarise(m) for m in reversed(history)]
        report = repo.check()
    assert report.problems == []
    assert report.counts["kỳ sinh hoạt"] == 3
    assert report.counts["tệp"] == 3


def test_a_new_database_is_not_written_until_something_is_saved(db_path):
    with Repository.open(db_path) as repo:
        assert repo.load_cell() is None and repo.summaries() == [] and repo.years() == []
    assert not db_path.exists()


def test_dates_survive(factory, db_path):
    cell = factory.cell()
    meeting = factory.meeting(cell, "2026-02", day=28)
    with Repository.open(db_path) as repo:
        repo.save_cell(cell)
        repo.save_meeting(meeting)
    with reopened(db_path) as repo:
        assert repo.load_meeting("2026-02").date == date(2026, 2, 28)


def test_lone_surrogate_is_stored_or_refused_cleanly(factory, db_path):
    cell = factory.cell()
    meeting = factory.meeting(cell)
    with Repository.open(db_path) as repo:
        repo.save_cell(cell)
        repo.save_meeting(meeting)
        meeting.conclusion = "Kết luận \ud83d"
        try:
            repo.save_meeting(meeting)
        except StoreError:
            assert (
                repo.load_meeting("2026-03").conclusion
                == "Chi bộ thống nhất đánh giá tháng đạt “bốn tốt”."
            )
            return
        saved = repo.load_meeting("2026-03").conclusion
    assert saved.startswith("Kết luận ") and saved.encode("utf-8")
    with reopened(db_path) as repo:
        assert repo.load_meeting("2026-03").conclusion == saved
