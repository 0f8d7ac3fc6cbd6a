"""Failed writes, killed writes, schema upgrades and the integrity check."""

from __future__ import annotations

import json
import os
from datetime import datetime

import pytest
from msgspec.structs import replace

from chibo_tui.domain import lifecycle, rules
from chibo_tui.domain.model import MeetingState, Vote
from chibo_tui.store import DamagedDatabaseError, Repository, layout, schema
from chibo_tui.store import commit as commit_module
from chibo_tui.store.atomic import TEMP_SUFFIX
from chibo_tui.store.backups import list_backups, read_backup
from chibo_tui.store.repository import restore


def disk_view(db_path):
    return Repository.open(db_path, read_only=True)


def temps(folder):
    return sorted(p.name for p in folder.rglob(f"*{TEMP_SUFFIX}"))


def files_of_year(db_path, year):
    """Every file named like one of ``year``'s, named by the main file or not."""
    return sorted(p.name for p, (y, _) in layout.year_files_on_disk(db_path).items() if y == year)


@pytest.fixture
def saved(factory, db_path, clock):
    """An open repository with a cell and a draft March 2026."""
    cell = factory.cell()
    meeting = factory.meeting(cell)
    repo = Repository.open(db_path, clock=clock)
    repo.save_cell(cell)
    repo.save_meeting(meeting)
    yield repo, cell, meeting
    repo.close()


def _disk_full(*args, **kwargs):
    raise OSError(28, "No space left on device")


# -- failed writes --------------------------------------------------------------


def test_failed_rename_leaves_the_old_file_and_a_consistent_repository(saved, db_path, monkeypatch):
    repo, cell, meeting = saved
    year = repo.year_file(2026)
    before = year.read_bytes(), db_path.read_bytes()
    old = repo.load_meeting("2026-03")
    meeting.conclusion = "Kết luận mới"
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", _disk_full)
        with pytest.raises(OSError, match="No space"):
            repo.save_meeting(meeting)
    assert (year.read_bytes(), db_path.read_bytes()) == before
    assert temps(db_path.parent) == []  # the temp file went with the failure
    assert repo.load_meeting("2026-03") == old  # memory follows the disk, not the failed write
    assert repo.summaries() == [rules.summarise(old)]
    with disk_view(db_path) as view:
        assert view.load_meeting("2026-03") == old
    repo.save_meeting(meeting)  # the disk is back: the same save now goes through
    with disk_view(db_path) as view:
        assert view.load_meeting("2026-03").conclusion == "Kết luận mới"
        assert view.check().problems == []


def test_failed_cell_write_keeps_the_old_cell(saved, db_path, monkeypatch):
    repo, cell, _ = saved
    renamed = replace(cell, name="Tên mới")
    monkeypatch.setattr(commit_module, "atomic_write", _disk_full)
    with pytest.raises(OSError):
        repo.save_cell(renamed)
    assert repo.load_cell() == cell
    with disk_view(db_path) as view:
        assert view.load_cell() == cell


def test_failed_write_of_a_new_year_leaves_no_trace(saved, factory, db_path, monkeypatch):
    repo, cell, _ = saved
    monkeypatch.setattr(os, "replace", _disk_full)
    with pytest.raises(OSError):
        repo.save_meeting(factory.meeting(cell, "2027-01"))
    assert repo.load_meeting("2027-01") is None
    assert files_of_year(db_path, 2027) == []  # the new year's file went with the failure
    assert temps(db_path.parent) == []
    assert [s.month for s in repo.summaries()] == ["2026-03"]
    assert repo.years() == [2026]


def test_finalise_whose_commit_fails_changes_nothing_and_a_retry_finalises_once(
    saved, db_path, monkeypatch
):
    repo, cell, meeting = saved
    before = {p.name: p.read_bytes() for p in db_path.parent.iterdir() if p.is_file()}
    real = commit_module.atomic_write
    calls = []

    def main_file_fails(path, data, mode=0o600):
        calls.append(path.name)
        raise OSError(28, "No space left on device")

    lifecycle.finalise(meeting, datetime(2026, 3, 5, 21, 10))
    with monkeypatch.context() as patch:
        patch.setattr(commit_module, "atomic_write", main_file_fails)
        with pytest.raises(OSError):
            repo.save_meeting(meeting)
    assert calls == ["chibo.json"]  # the year file went under a new name first, unnamed
    after = {p.name: p.read_bytes() for p in db_path.parent.iterdir() if p.is_file()}
    assert after == before and temps(db_path.parent) == []
    assert repo.load_meeting("2026-03").state is MeetingState.DRAFT  # memory follows the disk
    assert repo.summaries()[0].state is MeetingState.DRAFT and repo.audit_log() == []
    assert real is commit_module.atomic_write
    repo.save_meeting(meeting)  # the chair presses "chốt" again
    with disk_view(db_path) as view:
        assert view.summaries()[0].state is MeetingState.FINALISED
        assert view.check().problems == []
    assert [e["kind"] for e in repo.audit_log()] == ["finalise"]
    assert [b.tag for b in list_backups(db_path)] == ["finalise"]


# -- killed writes --------------------------------------------------------------


def test_stale_temp_files_are_removed_at_open(saved, db_path):
    repo, _, _ = saved
    repo.close()
    folder = db_path.parent
    stale = [
        folder / f".chibo.json.4242{TEMP_SUFFIX}",
        folder / f".chibo.meetings-2026.json.4242{TEMP_SUFFIX}",
    ]
    for p in stale:
        p.write_bytes(b'{"meta": {"1"')  # half a write
    keep = folder / "notes.txt"
    keep.write_text("không phải của chibo")
    with disk_view(db_path) as view:  # a reader without the lock leaves them be
        assert view.load_meeting("2026-03") is not None
    assert all(p.exists() for p in stale)
    with Repository.open(db_path) as repo:
        assert repo.load_meeting("2026-03") is not None
    assert temps(folder) == []
    assert keep.exists()


def test_year_files_the_main_file_does_not_name_are_removed_by_the_next_writer(saved, db_path):
    """What a commit killed before (new names) or after (old names) its main file leaves."""
    repo, _, _ = saved
    named = repo.year_file(2026)
    repo.close()
    folder = db_path.parent
    leftovers = [
        folder / "chibo.meetings-2026.g99.json",  # written, never named
        folder / "chibo.meetings-2024.g1.json",
        folder / "chibo.meetings-2026.json",  # a version 1 name, after the upgrade
    ]
    keep = [
        folder / "chibo.meetings-2026.json.bak",
        folder / "chibo-cu.meetings-2026.g1.json",  # another database's
        folder / "chibo.meetings-ghi-chu.json",
    ]
    for p in leftovers + keep:
        p.write_bytes(b'{"meta"')
    with disk_view(db_path) as view:  # a reader never deletes
        assert view.load_meeting("2026-03") is not None
    assert all(p.exists() for p in leftovers)
    with Repository.open(db_path) as repo:
        assert repo.load_meeting("2026-03") is not None
        assert repo.check().problems == []
    assert not any(p.exists() for p in leftovers)
    assert all(p.exists() for p in keep) and named.exists()


def test_stale_temp_of_a_year_never_written_is_removed(saved, db_path):
    repo, _, _ = saved
    repo.close()
    stale = db_path.parent / f".chibo.meetings-2027.json.4242{TEMP_SUFFIX}"
    stale.write_bytes(b'{"meta"')
    with Repository.open(db_path):
        pass
    assert not stale.exists()


# -- migrations -----------------------------------------------------------------


def test_migration_runs_on_every_file_and_a_backup_of_the_old_version_exists(
    factory, db_path, clock, monkeypatch
):
    cell = factory.cell()
    with Repository.open(db_path, clock=clock) as repo:
        repo.save_cell(cell)
        repo.save_meeting(factory.meeting(cell, "2025-12"))
        repo.save_meeting(factory.meeting(cell, "2026-01"))
    old = {p.name: p.read_bytes() for p in db_path.parent.glob("*.json")}
    seen = []

    def upgrade(data):
        seen.append(sorted(data))
        data["meta"]["1"]["upgraded"] = True

    now = schema.SCHEMA_VERSION
    monkeypatch.setattr(schema, "SCHEMA_VERSION", now + 1)
    monkeypatch.setattr(schema, "MIGRATIONS", {**schema.MIGRATIONS, now: upgrade})

    with disk_view(db_path) as view:  # a reader upgrades in memory only
        assert view.load_cell() == cell
    assert {p.name: p.read_bytes() for p in db_path.parent.glob("*.json")} == old

    with Repository.open(db_path, clock=clock) as repo:
        assert repo.load_cell() == cell
        assert len(repo.load_all()) == 2
        assert repo.audit_log()[-1]["kind"] == "migrate"
        files = repo.files()
    # Each open (the reader's and the writer's) migrated the main file and both years.
    main, year = sorted(schema.MAIN_TABLES), sorted(schema.YEAR_TABLES)
    assert sorted(seen) == sorted([main, year, year] * 2)
    assert len(files) == 3 and not set(old) & {p.name for p in files[1:]}  # new names
    assert {p.name for p in db_path.parent.glob("*.json")} == {p.name for p in files}
    for path in files:
        meta = json.loads(path.read_bytes())["meta"]["1"]
        assert meta["schema_version"] == now + 1 and meta["upgraded"] is True, path
    backups = list_backups(db_path)
    assert any(read_backup(b.path) == old for b in backups)


def _as_version_1(db_path):
    """Rewrite a database as chibo wrote it before schema version 2: the year files
    named by their year alone, found by that pattern, every file at version 1."""
    with Repository.open(db_path, read_only=True) as view:
        files = view.files()
    for path in files:
        data = json.loads(path.read_bytes())
        data["meta"] = {"1": {"schema_version": 1}}
        raw = json.dumps(data, ensure_ascii=False).encode()
        path.unlink()
        year = layout.parse_year_name(db_path, path.name)
        target = path if year is None else layout.year_path(db_path, year[0], layout.LEGACY)
        target.write_bytes(raw)
    return {p.name: p.read_bytes() for p in db_path.parent.glob("*.json")}


def test_a_version_1_database_opens_and_is_upgraded_in_one_commit(factory, db_path, clock):
    cell = factory.cell()
    meetings = [factory.meeting(cell, m) for m in ("2025-12", "2026-01")]
    with Repository.open(db_path, clock=clock) as repo:
        repo.import_history(cell, meetings)
    old = _as_version_1(db_path)
    assert set(old) == {"chibo.json", "chibo.meetings-2025.json", "chibo.meetings-2026.json"}
    with disk_view(db_path) as view:
        assert view.load_all() == meetings and view.check().problems == []
    assert {p.name: p.read_bytes() for p in db_path.parent.glob("*.json")} == old
    with Repository.open(db_path, clock=clock) as repo:
        assert repo.load_all() == meetings
        assert repo.audit_log()[-1]["kind"] == "migrate"
        files = {p.name for p in repo.files()}
    assert {p.name for p in db_path.parent.glob("*.json")} == files
    assert "chibo.meetings-2025.json" not in files and len(files) == 3
    assert json.loads(db_path.read_bytes())["meta"]["1"]["schema_version"] == schema.SCHEMA_VERSION
    (backup,) = list_backups(db_path)
    assert read_backup(backup.path) == old  # the version 1 files, as they were
    with disk_view(db_path) as view:
        assert view.load_all() == meetings and view.check().problems == []


def test_an_upgrade_killed_before_its_commit_leaves_version_1_whole(factory, db_path, monkeypatch):
    cell = factory.cell()
    with Repository.open(db_path) as repo:
        repo.import_history(cell, [factory.meeting(cell, "2026-01")])
    old = _as_version_1(db_path)

    def killed(path, data, mode=0o600):
        raise KeyboardInterrupt  # stands for the kill: the new files are written, main not

    with monkeypatch.context() as patch:
        patch.setattr(commit_module, "atomic_write", killed)
        patch.setattr(commit_module, "remove", lambda paths: None)  # a kill cleans nothing
        with pytest.raises(KeyboardInterrupt):
            Repository.open(db_path)
    assert files_of_year(db_path, 2026) == [
        "chibo.meetings-2026.g1.json",
        "chibo.meetings-2026.json",
    ]
    assert {n: db_path.with_name(n).read_bytes() for n in old} == old
    with disk_view(db_path) as view:
        assert [m.month for m in view.load_all()] == ["2026-01"]
    with Repository.open(db_path) as repo:
        assert [m.month for m in repo.load_all()] == ["2026-01"]
        assert repo.check().problems == []
    assert files_of_year(db_path, 2026) == [repo.year_file(2026).name]


def test_file_of_this_version_is_not_migrated(factory, db_path, monkeypatch):
    with Repository.open(db_path) as repo:
        repo.save_cell(factory.cell())
    monkeypatch.setattr(schema, "MIGRATIONS", {})  # nothing to run, nothing may be asked
    with Repository.open(db_path) as repo:
        assert all(e["kind"] != "migrate" for e in repo.audit_log())


# -- the integrity check --------------------------------------------------------


def test_check_finds_nothing_wrong_in_good_data(saved):
    repo, cell, meeting = saved
    lifecycle.finalise(meeting, datetime(2026, 3, 5, 21))
    repo.save_meeting(meeting)
    report = repo.check()
    assert report.problems == []
    assert report.counts["kỳ sinh hoạt"] == 1
    assert report.counts["đã chốt"] == 1
    assert report.counts["đảng viên"] == len(cell.active_members())
    assert report.counts["giải pháp"] == 1


def test_check_reports_a_vote_that_does_not_add_up(saved):
    repo, _, meeting = saved
    meeting.review(2).vote = Vote(8, 0, 2)  # 10 votes, 9 voters
    repo.save_meeting(meeting)
    assert repo.check().problems == []  # a draft may be wrong while it is being typed
    lifecycle.finalise(meeting, datetime(2026, 3, 5, 21), "Chốt dù chưa khớp")
    repo.save_meeting(meeting)
    (problem,) = repo.check().problems
    assert problem.startswith("Tháng 2026-03: tiêu chí 2:")
    assert "8 + 0 + 2 = 10" in problem and "(9)" in problem


def test_check_reports_a_month_list_out_of_step(saved, db_path):
    repo, _, _ = saved
    repo.close()
    data = json.loads(db_path.read_bytes())
    data["summaries"]["202603"]["present"] = 3
    data["summaries"]["202604"] = {**data["summaries"]["202603"], "month": "2026-04"}
    db_path.write_bytes(json.dumps(data, ensure_ascii=False).encode())
    with disk_view(db_path) as view:
        problems = view.check().problems
    assert "Tháng 2026-03: danh sách tháng chưa khớp với biên bản" in problems
    assert "Tháng 2026-04: có trong danh sách nhưng không có biên bản" in problems


def test_a_damaged_record_is_refused_at_open_with_the_message_check_gives(saved, db_path):
    repo, _, _ = saved
    repo.close()
    year = repo.year_file(2026)
    data = json.loads(year.read_bytes())
    data["meetings"]["202603"]["reviews"][1]["vote"]["in_favour"] = "chín"
    raw = json.dumps(data, ensure_ascii=False).encode()
    year.write_bytes(raw)
    for read_only in (True, False):
        with pytest.raises(DamagedDatabaseError) as info:
            Repository.open(db_path, read_only=read_only)
        assert info.value.path == year
        assert info.value.reason.startswith("Tháng 2026-03: bản ghi hỏng")
        assert "reviews[1].vote.in_favour" in info.value.reason
    assert year.read_bytes() == raw and list_backups(db_path) == []


def test_a_backup_taken_before_version_2_restores(factory, db_path, clock):
    cell = factory.cell()
    meetings = [factory.meeting(cell, m) for m in ("2025-12", "2026-01")]
    with Repository.open(db_path, clock=clock) as repo:
        repo.import_history(cell, meetings)
    _as_version_1(db_path)
    with Repository.open(db_path, clock=clock) as repo:  # backs up version 1, then upgrades
        (old,) = list_backups(db_path)
        repo.save_meeting(factory.meeting(cell, "2027-03"))
        repo.save_cell(factory.cell(official=4))
    assert "chibo.meetings-2025.json" in read_backup(old.path)
    kept = restore(db_path, old.path, clock)
    assert kept is not None and kept != old.path
    with Repository.open(db_path, clock=clock) as repo:
        assert repo.load_cell() == cell and repo.load_all() == meetings
        assert repo.check().problems == []
        names = {p.name for p in repo.files()}
    assert {p.name for p in db_path.parent.glob("*.json")} == names
    assert "chibo.meetings-2025.json" not in names and len(names) == 3
