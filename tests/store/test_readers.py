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
from chibo_tui.store import Repository

QUICK = 1.0
"""Seconds a read may take here, loaded CI machine included; the fsync blocks 'forever'."""


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
        saver = AutoSaver(repo)
        try:
            meeting.conclusion = "Kết luận mới, chưa lưu xong."
            meeting.attendance[0].note = "đến muộn"  # the month list changes too: a commit
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
                result = read()
                took[name] = time.perf_counter() - start
                assert result is not None
            assert all(t < QUICK for t in took.values()), took
            assert not saver.idle  # the commit is still blocked in its fsync
            # What a reader sees is the last commit: nothing of the one in progress.
            seen = repo.load_meeting(meeting.month)
            assert seen is not None and seen.conclusion != meeting.conclusion
        finally:
            release.set()
            assert saver.close(timeout=30)
        seen = repo.load_meeting(meeting.month)
        assert seen is not None and seen.conclusion == meeting.conclusion
        assert seen.attendance[0].note == "đến muộn"
    with Repository.open(db_path, read_only=True) as view:
        assert view.load_meeting(meeting.month) == seen


def test_a_reader_sees_either_the_old_or_the_new_state_never_a_mix(
    factory, db_path: Path
) -> None:
    """Readers in a loop while another thread commits: each month list they read agrees
    with the meetings they read next to it (both come from one committed state)."""
    cell = factory.cell()
    with Repository.open(db_path) as repo:
        repo.save_cell(cell)
        meeting = factory.meeting(cell)
        repo.save_meeting(meeting)
        stop = threading.Event()
        errors: list[str] = []

        def write() -> None:
            for i in range(30):
                row = meeting.attendance[i % len(meeting.attendance)]
                row.note = f"lần {i}"
                repo.save_meeting(meeting)
            stop.set()

        writer = threading.Thread(target=write)
        writer.start()
        while not stop.is_set():
            committed = repo._committed  # one state, as each reader method takes it
            summary = committed.main["summaries"]["202603"]
            stored = committed.years[2026]["meetings"]["202603"]
            notes = [a["note"] for a in stored["attendance"]]
            if summary is None or notes is None:
                errors.append("missing")
        writer.join(30)
        assert errors == []
        final = repo.load_meeting(meeting.month)
        assert final is not None and final.attendance[29 % len(final.attendance)].note == "lần 29"
