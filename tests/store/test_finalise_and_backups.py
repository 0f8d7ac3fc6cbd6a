"""Finalised minutes stay as signed; backups are taken, kept, pruned and restored."""

from __future__ import annotations

import errno
import json
from datetime import datetime, timedelta

import pytest
from msgspec.structs import replace

from chibo_tui.domain import lifecycle
from chibo_tui.domain.model import MeetingState, Vote
from chibo_tui.store import (
    DamagedDatabaseError,
    DatabaseLockedError,
    LockedMeetingError,
    Repository,
    StoreError,
)
from chibo_tui.store.backups import KEEP, list_backups, read_backup, take_backup
from chibo_tui.store.repository import restore

AT = datetime(2026, 3, 5, 21, 10)


def year_file(db_path, year=2026):
    """The file the database names for ``year`` now (a commit names a new one)."""
    with Repository.open(db_path, read_only=True) as view:
        return view.year_file(year)


def stored_meeting(db_path, month="2026-03") -> dict:
    data = json.loads(year_file(db_path, int(month[:4])).read_bytes())
    key = str(int(month[:4]) * 100 + int(month[5:]))
    return data["meetings"][key]


@pytest.fixture
def finalised(factory, db_path, clock):
    """An open repository with one finalised meeting (March 2026)."""
    cell = factory.cell()
    meeting = factory.meeting(cell)
    repo = Repository.open(db_path, clock=clock)
    repo.save_cell(cell)
    repo.save_meeting(meeting)
    lifecycle.finalise(meeting, AT)
    repo.save_meeting(meeting)
    yield repo, meeting
    repo.close()


# -- finalised meetings ---------------------------------------------------------


def test_finalised_meeting_cannot_change_without_an_amendment(finalised, db_path):
    repo, meeting = finalised
    on_disk = year_file(db_path).read_bytes()
    meeting.conclusion = "Sửa kết luận sau khi đã ký"
    with pytest.raises(LockedMeetingError) as info:
        repo.save_meeting(meeting)
    assert "03/2026 đã chốt" in str(info.value)
    assert year_file(db_path).read_bytes() == on_disk
    assert repo.load_meeting("2026-03").conclusion != meeting.conclusion

    meeting.conclusion = repo.load_meeting("2026-03").conclusion
    meeting.review(2).vote = Vote(1, 7, 1)
    with pytest.raises(LockedMeetingError):
        repo.save_meeting(meeting)
    with pytest.raises(LockedMeetingError):  # a state change alone is a change too
        repo.save_meeting(replace(repo.load_meeting("2026-03"), state=MeetingState.DRAFT))
    assert year_file(db_path).read_bytes() == on_disk


def test_saving_a_finalised_meeting_unchanged_is_harmless(finalised, db_path):
    repo, meeting = finalised
    on_disk = year_file(db_path).read_bytes()
    repo.save_meeting(repo.load_meeting("2026-03"))
    assert year_file(db_path).read_bytes() == on_disk


def test_reopened_meeting_can_change_and_the_reason_is_kept(finalised, db_path, clock):
    repo, meeting = finalised
    lifecycle.reopen(meeting, AT + timedelta(days=1), "Ghi sai số phiếu tiêu chí 2")
    repo.save_meeting(meeting)
    meeting.review(2).vote = Vote(7, 1, 1)
    meeting.conclusion = "Kết luận đã sửa"
    repo.save_meeting(meeting)
    lifecycle.finalise(meeting, AT + timedelta(days=1, hours=1))
    repo.save_meeting(meeting)
    with Repository.open(db_path, read_only=True) as view:
        back = view.load_meeting("2026-03")
        assert back.is_final and back.conclusion == "Kết luận đã sửa"
        assert back.amendments[-1].reason == "Ghi sai số phiếu tiêu chí 2"
        assert view.summaries()[0].state is MeetingState.FINALISED
    kinds = [(e["kind"], e["reason"]) for e in repo.audit_log()]
    assert kinds == [
        ("finalise", ""),
        ("reopen", "Ghi sai số phiếu tiêu chí 2"),
        ("finalise", ""),
    ]
    with pytest.raises(ValueError, match="lý do"):
        lifecycle.reopen(meeting, AT, "   ")


def test_amendment_changes_a_finalised_meeting_on_the_record(finalised, db_path):
    repo, meeting = finalised
    meeting.attendance[4].full_name = "Hoàng Văn Đức (sửa)"
    lifecycle.amend(meeting, AT + timedelta(days=2), "Sửa tên", "Sửa họ tên đồng chí Đức")
    repo.save_meeting(meeting)
    assert stored_meeting(db_path)["attendance"][4]["full_name"] == "Hoàng Văn Đức (sửa)"
    assert stored_meeting(db_path)["state"] == "finalised"
    assert repo.audit_log()[-1]["kind"] == "amend"
    assert repo.audit_log()[-1]["reason"] == "Sửa tên"


def test_finalising_takes_a_backup_of_the_finalised_state(finalised, db_path):
    repo, meeting = finalised
    backups = list_backups(db_path)
    assert [b.tag for b in backups] == ["finalise"]
    files = read_backup(backups[0].path)
    assert set(files) == {"chibo.json", year_file(db_path).name}
    saved = json.loads(files[year_file(db_path).name])["meetings"]["202603"]
    assert saved["state"] == "finalised"
    assert files == {p.name: p.read_bytes() for p in repo.files()}
    assert repo.audit_log()[0]["kind"] == "finalise"


# -- backups --------------------------------------------------------------------


def test_opening_takes_a_backup_but_not_an_identical_one(factory, db_path, clock):
    with Repository.open(db_path, clock=clock) as repo:
        assert repo.opening_backup is None  # nothing to back up yet
        repo.save_cell(factory.cell())
    with Repository.open(db_path, clock=clock) as repo:
        first = repo.opening_backup
        assert first is not None
        assert read_backup(first) == {"chibo.json": db_path.read_bytes()}
    for _ in range(3):
        with Repository.open(db_path, clock=clock) as repo:
            assert repo.opening_backup is None
    assert [b.path for b in list_backups(db_path)] == [first]


def test_the_opening_backup_left_for_later_is_of_the_state_at_open(factory, db_path, clock):
    """The app takes it once its first screen is painted: a change saved before is
    not in it, and closing waits for it."""
    with Repository.open(db_path, clock=clock) as repo:
        repo.save_cell(factory.cell())
    at_open = db_path.read_bytes()
    with Repository.open(db_path, clock=clock, defer_backup=True) as repo:
        renamed = factory.cell()
        renamed.name = "Chi bộ đổi tên sau khi mở"
        repo.save_cell(renamed)
        taken = repo.opening_backup
    assert taken is not None and read_backup(taken) == {"chibo.json": at_open}
    assert repo.backup_failed is None


def test_a_backup_left_for_later_is_taken_at_close_if_nobody_asked(factory, db_path, clock):
    """The app asks for it once its first screen is up; one that stops before still
    leaves the backup of the state it opened."""
    with Repository.open(db_path, clock=clock) as repo:
        repo.save_cell(factory.cell())
    at_open = db_path.read_bytes()
    with Repository.open(db_path, clock=clock, defer_backup=True):
        assert list_backups(db_path) == []  # not yet: the first screen comes first
    (taken,) = list_backups(db_path)
    assert read_backup(taken.path) == {"chibo.json": at_open}


def test_a_failed_deferred_backup_is_reported(factory, db_path, clock, monkeypatch):
    with Repository.open(db_path, clock=clock) as repo:
        repo.save_cell(factory.cell())

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("chibo_tui.store.repository.take_backup", full_disk)
    with Repository.open(db_path, clock=clock, defer_backup=True) as repo:
        assert repo.opening_backup is None
        assert repo.backup_failed is not None and "đầy" in repo.backup_failed


def test_a_backup_that_fails_while_it_is_written_leaves_nothing_behind(db_path, clock):
    """Zipped straight to disk: a file that cannot be read half-way through must not
    leave a partial backup (it would be "the newest") nor its temp file."""
    before = take_backup(db_path, {"chibo.json": b"state 1"}, "open", clock())

    class UnreadableYear(dict[str, bytes]):
        def __getitem__(self, name: str) -> bytes:
            if name != "chibo.json":
                raise OSError(errno.EIO, "Input/output error")
            return super().__getitem__(name)

    files = UnreadableYear({"chibo.json": b"state 2", "chibo.meetings-2026.g1.json": b"{}"})
    later = clock() + timedelta(minutes=1)
    with pytest.raises(OSError):
        take_backup(db_path, files, "open", later, digest="state 2")
    assert [b.path for b in list_backups(db_path)] == [before]
    assert sorted(p.name for p in before.parent.iterdir()) == [before.name]


def test_backups_keep_the_newest_thirty(db_path, clock):
    taken = []
    for i in range(KEEP + 7):
        taken.append(take_backup(db_path, {"chibo.json": b"state %d" % i}, "open", clock()))
    backups = list_backups(db_path)
    assert len(backups) == KEEP
    assert [b.path for b in backups] == list(reversed(taken[-KEEP:]))
    assert read_backup(backups[0].path) == {"chibo.json": b"state %d" % (KEEP + 6)}
    assert not any(p.exists() for p in taken[:7])
    assert take_backup(db_path, {"chibo.json": b"state %d" % (KEEP + 6)}, "open", clock()) is None


def test_backups_of_the_same_second_are_listed_newest_first(db_path):
    now = datetime(2026, 3, 5, 21, 0, 0)
    for i in range(11):
        take_backup(db_path, {"chibo.json": b"state %d" % i}, "open", now)
    newest = list_backups(db_path)[0]
    assert read_backup(newest.path) == {"chibo.json": b"state 10"}


def test_backup_of_another_database_in_the_folder_is_not_listed(db_path, clock):
    other = db_path.with_name("chibo-old.json")
    take_backup(other, {"chibo-old.json": b"x"}, "open", clock())
    take_backup(db_path, {"chibo.json": b"y"}, "open", clock())
    assert [read_backup(b.path) for b in list_backups(db_path)] == [{"chibo.json": b"y"}]


# -- restore --------------------------------------------------------------------


def test_restore_brings_back_a_backup_and_keeps_the_state_before(factory, db_path, clock):
    cell = factory.cell()
    with Repository.open(db_path, clock=clock) as repo:
        repo.save_cell(cell)
        repo.save_meeting(factory.meeting(cell, "2026-03"))
    with Repository.open(db_path, clock=clock) as repo:
        good = repo.opening_backup  # cell + March
        changed = factory.cell()
        changed.name = "Chi bộ đã đổi tên"
        repo.save_cell(changed)
        repo.save_meeting(factory.meeting(cell, "2027-01"))
        before = {p.name: p.read_bytes() for p in repo.files()}
        with pytest.raises(DatabaseLockedError):
            restore(db_path, good, clock)
    kept = restore(db_path, good, clock)
    assert kept != good and read_backup(kept) == before
    assert not any(  # a year the backup did not have is gone
        p.name.startswith("chibo.meetings-2027") for p in db_path.parent.iterdir()
    )
    with Repository.open(db_path, read_only=True) as repo:
        assert repo.load_cell() == cell
        assert [m.month for m in repo.load_all()] == ["2026-03"]
        assert repo.check().problems == []
    assert kept in [b.path for b in list_backups(db_path)]
    assert next(b for b in list_backups(db_path) if b.path == kept).tag == "restore"


def test_restore_repairs_a_damaged_database_and_keeps_the_damage(factory, db_path, clock):
    with Repository.open(db_path, clock=clock) as repo:
        repo.save_cell(factory.cell())
    with Repository.open(db_path, clock=clock) as repo:
        good = repo.opening_backup
    db_path.write_bytes(b'{"meta": {"1": {"schema_ver')
    with pytest.raises(DamagedDatabaseError) as info:
        Repository.open(db_path)
    assert info.value.newest_backup == good
    kept = restore(db_path, good, clock)
    assert read_backup(kept) == {"chibo.json": b'{"meta": {"1": {"schema_ver'}
    with Repository.open(db_path, clock=clock) as repo:
        assert repo.load_cell().name == "Chi bộ Đinh Tiên Hoàng"


def test_restore_refuses_a_damaged_backup(factory, db_path, clock, tmp_path):
    with Repository.open(db_path, clock=clock) as repo:
        repo.save_cell(factory.cell())
    bad = take_backup(db_path, {"chibo.json": b"[1, 2]"}, "open", clock())
    wrong = take_backup(db_path, {"chibo.meetings-2026.json": b"{}"}, "open", clock())
    on_disk = db_path.read_bytes()
    with pytest.raises(StoreError, match="hỏng"):
        restore(db_path, bad, clock)
    with pytest.raises(StoreError, match="không chứa tệp chibo.json"):
        restore(db_path, wrong, clock)
    assert db_path.read_bytes() == on_disk


def test_backups_of_one_second_with_different_tags_do_not_tie(db_path):
    now = datetime(2026, 3, 5, 21, 0, 0)
    take_backup(db_path, {"chibo.json": b"opened"}, "open", now)
    take_backup(db_path, {"chibo.json": b"before restore"}, "restore", now)
    take_backup(db_path, {"chibo.json": b"finalised"}, "finalise", now)
    assert [read_backup(b.path) for b in list_backups(db_path)] == [
        {"chibo.json": b"finalised"},
        {"chibo.json": b"before restore"},
        {"chibo.json": b"opened"},
    ]
