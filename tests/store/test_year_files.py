"""Year files are read from disk when a reader needs them, checked by digest, and kept
in memory only for the snapshots that still hold a version a commit replaced."""

from __future__ import annotations

import gc
import shutil
import threading
import tracemalloc
import weakref
from collections.abc import Callable
from pathlib import Path

import pytest

from chibo_tui.domain.model import Cell, Presence
from chibo_tui.store import DamagedDatabaseError, Repository
from chibo_tui.store.backups import read_backup
from chibo_tui.text import store as T

MONTHS = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)]


def _fill(factory, db_path: Path) -> Cell:
    cell = factory.cell()
    with Repository.open(db_path) as repo:
        repo.import_history(cell, [factory.meeting(cell, month) for month in MONTHS])
    Repository.open(db_path).close()  # as after a session: the files found sound
    return cell


@pytest.fixture
def paused_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> Callable[[Callable[[], object]], tuple[threading.Event, threading.Event, list[object]]]:
    """``start(read)``: run ``read`` on a thread that stops right after it took the
    snapshot it reads (``Repository._view``) until released; (took, release, results)."""
    real = Repository._view
    threads: list[threading.Thread] = []
    release_all: list[threading.Event] = []

    def start(
        read: Callable[[], object],
    ) -> tuple[threading.Event, threading.Event, list[object]]:
        took, release, results = threading.Event(), threading.Event(), []

        def view(self: Repository):  # type: ignore[no-untyped-def]
            seen = real(self)
            if threading.current_thread() is thread and not took.is_set():
                took.set()
                assert release.wait(30), "the test never released the reader"
            return seen

        def run() -> None:
            try:
                results.append(read())
            except Exception as exc:  # handed to the test, which asserts on it
                results.append(exc)

        monkeypatch.setattr(Repository, "_view", view)
        thread = threading.Thread(target=run, name="reader")
        threads.append(thread)
        release_all.append(release)
        thread.start()
        assert took.wait(10), "the reader never took its snapshot"
        return took, release, results

    yield start
    for release in release_all:
        release.set()
    for thread in threads:
        thread.join(30)


def _replace_twice(repo: Repository, month: str) -> None:
    """A year file replaced in place (typed text), then under a new name with its old
    file removed (the month list changes too: a commit over two files)."""
    meeting = repo.load_meeting(month)
    meeting.other_business = "Sửa sau khi người đọc đã lấy bản chụp"
    repo.save_meeting(meeting)
    meeting.attendance[0].presence = Presence.UNEXCUSED
    repo.save_meeting(meeting)


def test_a_writer_holds_no_year_file_after_open_or_after_reading_them(factory, db_path):
    _fill(factory, db_path)
    on_disk = sum(p.stat().st_size for p in db_path.parent.glob("chibo.meetings-*.json"))
    with Repository.open(db_path) as warm:  # the caches of the code, filled once
        warm.load_all()
    tracemalloc.start()
    try:
        repo = Repository.open(db_path)
        repo.opening_backup  # noqa: B018  (the backup is taken)
        gc.collect()
        after_open = tracemalloc.get_traced_memory()[0]
        assert len(repo.load_all()) == len(MONTHS)
        gc.collect()
        after_reads = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    # Pinned, the files' bytes alone were ``on_disk``; what is held now is the main file.
    assert after_open < on_disk / 2, (after_open, on_disk)
    assert after_reads < on_disk / 2, (after_reads, on_disk)
    assert repo._committed.years.held_bytes() == 0
    repo.close()


@pytest.mark.parametrize("read", ["load_year", "load_meeting"])
def test_a_reader_first_touching_a_year_after_commits_replaced_it_sees_its_snapshot(
    factory, db_path, paused_reader, read
):
    _fill(factory, db_path)
    with Repository.open(db_path) as repo:
        before = repo.load_meeting("2025-06")
        assert before is not None
        reads = {
            "load_year": lambda: repo.load_year(2025),
            "load_meeting": lambda: repo.load_meeting("2025-06"),
        }
        old_file = repo.year_file(2025)
        _, release, results = paused_reader(reads[read])
        _replace_twice(repo, "2025-06")
        assert old_file is not None and not old_file.exists()  # under another name now
        release.set()
        seen = _wait(results)
        assert not isinstance(seen, Exception), seen
        june = seen if read == "load_meeting" else [m for m in seen if m.month == "2025-06"][0]
        assert june == before
        after = repo.load_meeting("2025-06")
        assert after.attendance[0].presence is Presence.UNEXCUSED
        assert after.other_business.startswith("Sửa sau")


def test_a_version_replaced_is_kept_only_while_a_snapshot_holds_it(factory, db_path):
    _fill(factory, db_path)
    with Repository.open(db_path) as repo:
        held = repo._committed
        meeting = repo.load_meeting("2024-03")
        meeting.other_business = "Thêm một dòng"
        repo.save_meeting(meeting)  # in place
        old = held.years.version(2024)
        assert old is not None and old.pinned
        assert held.years.meetings(2024)["202403"].other_business == ""
        # The snapshot now published keeps the one year it wrote, and no other.
        now = repo._committed.years
        assert now.held_bytes() == len(repo.year_file(2024).read_bytes())
        version = weakref.ref(old)
        del held, old
        gc.collect()
        assert version() is None


def test_a_year_file_changed_by_hand_during_a_session_is_refused(factory, db_path):
    _fill(factory, db_path)
    with Repository.open(db_path) as repo:
        path = repo.year_file(2025)
        assert path is not None
        # Well-formed, even sound: a whole other year's content under this name.
        path.write_bytes(repo.year_file(2024).read_bytes())
        for read in (lambda: repo.load_year(2025), lambda: repo.load_meeting("2025-01")):
            with pytest.raises(DamagedDatabaseError) as info:
                read()
            assert info.value.path == path and info.value.reason == T.YEAR_FILE_CHANGED
            assert str(path) in str(info.value)
        path.unlink()
        with pytest.raises(DamagedDatabaseError) as info:
            repo.load_year(2025)
        assert info.value.reason == T.YEAR_FILE_GONE


def test_a_hand_edit_the_writer_then_replaces_is_not_taken_by_an_older_snapshot(
    factory, db_path, paused_reader
):
    _fill(factory, db_path)
    with Repository.open(db_path) as repo:
        march = {year: repo.load_meeting(f"{year}-03") for year in (2024, 2025)}
        with repo.transaction():  # two years written: neither keeps its bytes
            for meeting in march.values():
                meeting.other_business = "Hai năm trong một lần ghi"
                repo.save_meeting(meeting)
        _, release, results = paused_reader(lambda: repo.load_year(2025))
        path = repo.year_file(2025)
        path.write_bytes(repo.year_file(2024).read_bytes())  # by hand, a sound file
        march[2025].other_business = "Ghi đè tệp đã bị sửa tay"
        repo.save_meeting(march[2025])  # in place: the pin finds other bytes
        release.set()
        results_of = _wait(results)
        assert isinstance(results_of, DamagedDatabaseError), results_of
        assert results_of.path == path and results_of.reason == T.YEAR_FILE_CHANGED


def test_readers_on_another_thread_see_whole_commits_while_the_writer_replaces_files(
    factory, db_path
):
    """Each ``load_year`` is one commit's year: every meeting carries the same round."""
    _fill(factory, db_path)
    rounds = 40
    with Repository.open(db_path) as repo:
        stop = threading.Event()
        seen: list[int] = []
        errors: list[BaseException] = []

        def read() -> None:
            try:
                while not stop.is_set():
                    marks = {m.other_business for m in repo.load_year(2026)}
                    assert len(marks) == 1, marks
                    (mark,) = marks
                    found = int(mark.split()[-1]) if mark else -1
                    assert not seen or found >= seen[-1], (seen[-1], found)  # never back
                    seen.append(found)
            except BaseException as exc:
                errors.append(exc)

        reader = threading.Thread(target=read, name="reader")
        reader.start()
        try:
            for i in range(rounds):
                meetings = repo.load_year(2026)
                with repo.transaction():
                    for meeting in meetings:
                        meeting.other_business = f"lần {i}"
                        if i % 3 == 0:  # the month list changes: a commit over files
                            meeting.attendance[0].presence = (
                                Presence.EXCUSED if i % 2 else Presence.PRESENT
                            )
                            meeting.attendance[0].reason = "Ốm" if i % 2 else ""
                        repo.save_meeting(meeting)
        finally:
            stop.set()
            reader.join(30)
        assert not errors, errors
        assert seen and seen[-1] <= rounds - 1


def test_the_opening_backup_keeps_year_files_a_write_replaced_meanwhile(
    factory, db_path, clock, monkeypatch
):
    _fill(factory, db_path)
    at_open = {p.name: p.read_bytes() for p in db_path.parent.glob("chibo*.json")}
    started, go = threading.Event(), threading.Event()
    from chibo_tui.store import repository

    real = repository.take_backup

    def take_backup(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.set()
        assert go.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(repository, "take_backup", take_backup)
    shutil.rmtree(db_path.parent / "backups")  # else identical to the newest: none taken
    with Repository.open(db_path, clock=clock, defer_backup=True) as repo:
        # Taken on a thread of its own, as the app's worker takes it after the first frame.
        backing_up = threading.Thread(target=lambda: repo.opening_backup)
        backing_up.start()
        assert started.wait(10)
        _replace_twice(repo, "2026-04")
        meeting = repo.load_meeting("2025-04")
        meeting.other_business = "Một năm khác, sửa tại chỗ"
        repo.save_meeting(meeting)
        go.set()
        backing_up.join(30)
        taken = repo.opening_backup
    assert repo.backup_failed is None
    assert taken is not None and read_backup(taken) == at_open


def _wait(results: list[object]) -> object:
    """The paused reader's one result, once released (its thread ends soon after)."""
    done = threading.Event()
    for _ in range(300):
        if results:
            break
        done.wait(0.1)
    (result,) = results
    return result
