"""A change that spans files reaches the disk in one commit; readers never see half of it."""

from __future__ import annotations

import json
import threading
from datetime import datetime

import pytest

from chibo_tui.domain import lifecycle, rules
from chibo_tui.domain.model import MeetingState, Presence
from chibo_tui.store import LockedMeetingError, Repository, layout, snapshot
from chibo_tui.store import commit as commit_module


def on_disk(db_path):
    with Repository.open(db_path, read_only=True) as view:
        return view.load_cell(), view.summaries(), view.load_all(), view.check().problems


def _disk_full(*args, **kwargs):
    raise OSError(28, "No space left on device")


def test_a_note_edit_replaces_one_file_and_a_list_edit_commits_under_new_names(
    factory, db_path, monkeypatch
):
    cell = factory.cell()
    meeting = factory.meeting(cell)
    with Repository.open(db_path) as repo:
        repo.save_cell(cell)
        repo.save_meeting(meeting)
        first = repo.year_file(2026)
        main = db_path.read_bytes()
        meeting.conclusion = "Chỉ sửa chữ: danh sách tháng không đổi"
        repo.save_meeting(meeting)
        assert repo.year_file(2026) == first and db_path.read_bytes() == main  # one file
        meeting.attendance[3].presence = Presence.UNEXCUSED  # the month list changes too
        repo.save_meeting(meeting)
        second = repo.year_file(2026)
        assert second != first and not first.exists()
        assert set(layout.year_files_on_disk(db_path)) == {second}
        meta = json.loads(db_path.read_bytes())["meta"]["1"]
        assert meta["years"] == {"2026": layout.parse_year_name(db_path, second.name)[1]}
    assert on_disk(db_path)[3] == []


def test_transaction_groups_changes_and_a_failure_keeps_none_of_them(factory, db_path, monkeypatch):
    cell = factory.cell()
    with Repository.open(db_path) as repo:
        repo.save_cell(cell)
        before = on_disk(db_path)
        renamed = factory.cell()
        renamed.name = "Chi bộ mới"
        with monkeypatch.context() as patch:
            patch.setattr(commit_module, "atomic_write", _disk_full)
            with pytest.raises(OSError), repo.transaction():
                repo.save_cell(renamed)
                repo.save_meeting(factory.meeting(renamed, "2027-01"))
                assert repo.load_cell().name == "Chi bộ mới"  # visible inside, not on disk
                assert on_disk(db_path) == before
        assert repo.load_cell() == cell and repo.years() == [] and repo.summaries() == []
        assert list(layout.year_files_on_disk(db_path)) == []
        with pytest.raises(RuntimeError), repo.transaction():
            repo.save_cell(renamed)
            raise RuntimeError("the caller gives up half-way")
        assert repo.load_cell() == cell
        with repo.transaction():
            repo.save_cell(renamed)
            repo.save_meeting(factory.meeting(renamed, "2027-01"))
    cell_back, summaries, meetings, problems = on_disk(db_path)
    assert cell_back.name == "Chi bộ mới" and [m.month for m in meetings] == ["2027-01"]
    assert problems == []


def test_discarding_a_draft_removes_it_and_its_summary_together(factory, db_path):
    cell = factory.cell()
    march, april = factory.meeting(cell, "2026-03"), factory.meeting(cell, "2026-04")
    with Repository.open(db_path) as repo:
        repo.save_cell(cell)
        repo.save_meeting(march)
        repo.save_meeting(april)
        lifecycle.finalise(march, datetime(2026, 3, 5, 21))
        repo.save_meeting(march)
        with pytest.raises(LockedMeetingError):
            repo.discard_draft("2026-03")
        repo.discard_draft("2026-04")
        repo.discard_draft("2026-05")  # nothing there: nothing to do
    _, summaries, meetings, problems = on_disk(db_path)
    assert [m.month for m in meetings] == ["2026-03"] and problems == []
    assert summaries == [rules.summarise(march)]
    with Repository.open(db_path) as repo:
        repo.save_meeting(factory.meeting(cell, "2027-01"))
        repo.discard_draft("2027-01")  # the year's last meeting: no empty year file stays
        assert repo.years() == [2026]
    assert [y for y, _ in layout.year_files_on_disk(db_path).values()] == [2026]


def test_import_with_replace_swaps_the_whole_database_in_one_commit(factory, db_path):
    cell = factory.cell()
    with Repository.open(db_path) as repo:
        repo.import_history(cell, [factory.meeting(cell, m) for m in ("2025-11", "2025-12")])
    other = factory.cell(official=6)
    other.name = "Chi bộ mẫu"
    with Repository.open(db_path) as repo:
        with pytest.raises(Exception, match="đã có dữ liệu"):
            repo.import_history(other, [factory.meeting(other, "2026-01")])
        repo.import_history(other, [factory.meeting(other, "2026-01")], replace=True)
    cell_back, summaries, meetings, problems = on_disk(db_path)
    assert cell_back == other and [m.month for m in meetings] == ["2026-01"]
    assert [s.month for s in summaries] == ["2026-01"] and problems == []
    assert [y for y, _ in layout.year_files_on_disk(db_path).values()] == [2026]


def test_a_reader_whose_year_file_is_replaced_under_it_reads_again(factory, db_path, monkeypatch):
    """The writer commits between the reader's reading of the main file and of a year."""
    cell = factory.cell()
    meeting = factory.meeting(cell)
    writer = Repository.open(db_path)
    try:
        writer.save_cell(cell)
        writer.save_meeting(meeting)
        old_name = writer.year_file(2026)
        real = snapshot._read_named
        commits = []

        def writer_commits_first(path):
            if not commits:
                meeting.attendance[2].presence = Presence.EXCUSED
                lifecycle.finalise(meeting, datetime(2026, 3, 5, 21))
                writer.save_meeting(meeting)
                commits.append(path)
            return real(path)

        monkeypatch.setattr(snapshot, "_read_named", writer_commits_first)
        with Repository.open(db_path, read_only=True) as view:
            assert commits == [old_name] and not old_name.exists()
            assert view.load_meeting("2026-03").is_final
            assert view.summaries()[0].state is MeetingState.FINALISED
            assert view.check().problems == []
    finally:
        writer.close()


def test_readers_never_see_half_a_commit_while_the_writer_keeps_committing(factory, db_path):
    cell = factory.cell()
    meeting = factory.meeting(cell)
    writer = Repository.open(db_path)
    writer.save_cell(cell)
    writer.save_meeting(meeting)
    stop = threading.Event()
    seen: list[object] = []

    def read_all_the_time() -> None:
        while not stop.is_set():
            try:
                with Repository.open(db_path, read_only=True) as view:
                    seen.append(view.check().problems)
            except Exception as exc:  # any failure is the bug this test is for
                seen.append(exc)
                return

    reader = threading.Thread(target=read_all_the_time)
    reader.start()
    try:
        for i in range(60):  # each a list edit: a commit of two files, the old removed
            meeting.attendance[i % len(meeting.attendance)].presence = (
                Presence.EXCUSED if i % 2 else Presence.PRESENT
            )
            writer.save_meeting(meeting)
            if i % 3 == 0:
                writer.save_meeting(factory.meeting(cell, f"20{30 + i // 12}-{i % 12 + 1:02d}"))
    finally:
        stop.set()
        reader.join(timeout=60)
        writer.close()
    assert seen and all(s == [] for s in seen), [s for s in seen if s != []][:3]
