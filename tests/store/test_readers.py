"""Readers never wait for a commit: the UI thread reads while the writer is in fsync.

Measured before this: a ``summaries()`` call on the UI thread waited 3.9 s for the
writer's fsyncs on a slow disk, because reads took the mutex the writer holds
across its commit.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from chibo_tui.autosave import AutoSaver
from chibo_tui.domain.model import Presence
from chibo_tui.store import Repository

QUICK = 1.0
"""Seconds a read may take here, loaded CI machine included; the fsync blocks until released."""


@pytest.fixture
def blocked_fsync(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """``os.fsync`` on the writer thread blocks until released; (entered, release)."""
    entered, release = threading.Event(), threading.Event()
    real = os.fsync

    def fsync(fd: int) -> None:
        if threading.current_thread().name == "chibo-autosave":
            entered.set()
            assert release.wait(30), "the test never released the writer"
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return entered, release


def test_ui_reads_return_while_a_commit_is_blocked_in_fsync(
    factory, db_path: Path, blocked_fsync: tuple[threading.Event, threading.Event]
) -> None:
    entered, release = blocked_fsync
    cell = factory.cell()
    with Repository.open(db_path) as repo:
        repo.save_cell(cell)
        meeting = factory.meeting(cell)
        repo.save_meeting(meeting)
        (before,) = repo.summaries()
        saver = AutoSaver(repo)
        try:
            meeting.conclusion = "Kết luận mới, chưa lưu xong."
            # The month list changes too: a commit over two files.
            meeting.attendance[0].presence = Presence.EXCUSED
            meeting.attendance[0].reason = "Ốm"
            saver.save_meeting(meeting)
            assert entered.wait(10), "the writer never reached fsync"
            reads = {
                "summaries": repo.summaries,
                "load_meeting": lambda: repo.load_meeting(meeting.month),
                "load_cell": repo.load_cell,
                "has_data": repo.has_data,
                "years": repo.years,
                "load_year": lambda: repo.load_year(meeting.year),
                "load_all": repo.load_all,
                "audit_log": repo.audit_log,
                "files": repo.files,
                "check": repo.check,
            }
            took = {}
            for name, read in reads.items():
                start = time.perf_counter()
                assert read() is not None
                took[name] = time.perf_counter() - start
            assert all(t < QUICK for t in took.values()), took
            assert not saver.idle  # the commit is still blocked in its fsync
            # What a reader sees is the last commit: nothing of the one in progress.
            seen = repo.load_meeting(meeting.month)
            assert seen is not None and seen.conclusion != meeting.conclusion
            assert repo.summaries()[0].present == before.present
        finally:
            release.set()
            assert saver.close(timeout=30)
        seen = repo.load_meeting(meeting.month)
        assert seen is not None and seen.conclusion == meeting.conclusion
        assert seen.attendance[0].presence is Presence.EXCUSED
        assert repo.summaries()[0].present == before.present - 1
    with Repository.open(db_path, read_only=True) as view:
        assert view.load_meeting(meeting.month) == seen


def test_a_transaction_reads_its_own_changes_other_threads_the_last_commit(
    factory, db_path: Path
) -> None:
    cell = factory.cell()
    with Repository.open(db_path) as repo:
        repo.save_cell(cell)
        seen_elsewhere: list[str] = []
        renamed = factory.cell()
        renamed.name = "Chi bộ mới"
        with repo.transaction():
            repo.save_cell(renamed)
            assert repo.load_cell().name == "Chi bộ mới"
            other = threading.Thread(target=lambda: seen_elsewhere.append(repo.load_cell().name))
            other.start()
            other.join(10)
        assert seen_elsewhere == ["Chi bộ Đinh Tiên Hoàng"]
        assert repo.load_cell().name == "Chi bộ mới"


def test_summaries_are_decoded_once_per_record_and_follow_each_commit(
    factory, db_path: Path
) -> None:
    """An unchanged month's summary is the same object from one call to the next (home
    rebuilds only what changed); a changed month's is new, and shows the change; inside a
    transaction the writer sees its own change, other readers the last commit."""
    cell = factory.cell()
    with Repository.open(db_path) as repo:
        repo.save_cell(cell)
        for month in ("2026-09", "2026-10"):
            repo.save_meeting(factory.meeting(cell, month))
        first = {s.month: s for s in repo.summaries()}
        again = {s.month: s for s in repo.summaries()}
        assert all(again[m] is first[m] for m in first)
        october = repo.load_meeting("2026-10")
        october.attendance[0].presence = Presence.UNEXCUSED
        with repo.transaction():
            repo.save_meeting(october)
            inside = {s.month: s for s in repo.summaries()}
            assert inside["2026-10"].present == first["2026-10"].present - 1
        after = {s.month: s for s in repo.summaries()}
        assert after["2026-09"] is first["2026-09"]
        assert after["2026-10"] is not first["2026-10"]
        assert after["2026-10"].present == first["2026-10"].present - 1
        assert [s.month for s in repo.summaries()] == ["2026-10", "2026-09"]


def test_a_reader_sees_the_year_files_as_they_were_when_it_opened(factory, db_path: Path) -> None:
    """Year files are parsed when first needed, from the bytes read at open: a file the
    writer replaced since (in place, or under a new name) does not leak into the reader's
    state, and the one it no longer names on disk is still readable."""
    cell = factory.cell()
    with Repository.open(db_path) as writer:
        writer.save_cell(cell)
        for month in ("2025-12", "2026-09", "2026-10"):
            writer.save_meeting(factory.meeting(cell, month))
        reader = Repository.open(db_path, read_only=True)
        october = writer.load_meeting("2026-10")
        october.other_business = "Đã sửa sau khi người đọc mở"
        writer.save_meeting(october)  # one file, replaced in place
        december = writer.load_meeting("2025-12")
        december.attendance[0].presence = Presence.UNEXCUSED
        september = writer.load_meeting("2026-09")
        september.attendance[0].presence = Presence.UNEXCUSED
        with writer.transaction():  # both years under new names, the old files removed
            writer.save_meeting(december)
            writer.save_meeting(september)
        assert writer.load_meeting("2026-10").other_business == "Đã sửa sau khi người đọc mở"
        assert reader.load_meeting("2026-10").other_business == ""
        assert reader.load_meeting("2025-12").attendance[0].presence is Presence.PRESENT
        assert [m.month for m in reader.load_year(2026)] == ["2026-09", "2026-10"]
        assert reader.load_year(2026)[0].attendance[0].presence is Presence.PRESENT
        assert writer.load_year(2026)[0].attendance[0].presence is Presence.UNEXCUSED
        reader.close()
