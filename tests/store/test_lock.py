"""One writer per database; a crashed writer never locks the chair out."""

from __future__ import annotations

import os

import pytest

from chibo_tui.store import DamagedDatabaseError, DatabaseLockedError, Repository


def test_second_open_in_the_same_process_is_refused(db_path):
    with Repository.open(db_path):
        with pytest.raises(DatabaseLockedError) as info:
            Repository.open(db_path)
        message = str(info.value)
        assert f"tiến trình {os.getpid()}" in message
        assert str(db_path) in message
        assert info.value.path == db_path
        # Reading is not writing: a read-only view still opens.
        with Repository.open(db_path, read_only=True) as view:
            assert view.load_cell() is None
    with Repository.open(db_path) as repo:  # closed cleanly: free again, no takeover
        assert repo.took_over_from is None


def test_open_in_another_process_is_refused_naming_its_pid(factory, db_path, lock_holder):
    with Repository.open(db_path) as repo:
        repo.save_cell(factory.cell())
    holder = lock_holder(db_path)
    with pytest.raises(DatabaseLockedError) as info:
        Repository.open(db_path)
    assert f"tiến trình {holder.pid}" in str(info.value)
    assert "chibo khác" in str(info.value)
    with Repository.open(db_path, read_only=True) as view:
        assert view.load_cell().name == "Chi bộ Đinh Tiên Hoàng"


def test_lock_of_a_killed_process_is_taken_over(factory, db_path, lock_holder):
    with Repository.open(db_path) as repo:
        repo.save_cell(factory.cell())
    holder = lock_holder(db_path)
    holder.kill()  # SIGKILL: no chance to release anything
    holder.wait(timeout=30)
    with Repository.open(db_path) as repo:
        assert repo.took_over_from is not None
        assert f"tiến trình {holder.pid}" in repo.took_over_from
        assert repo.load_cell().name == "Chi bộ Đinh Tiên Hoàng"
        with pytest.raises(DatabaseLockedError, match=f"tiến trình {os.getpid()}"):
            Repository.open(db_path)


def test_lock_of_a_process_that_closed_cleanly_is_not_a_takeover(db_path, lock_holder):
    holder = lock_holder(db_path)
    holder.stdin.close()
    assert holder.wait(timeout=30) == 0
    with Repository.open(db_path) as repo:
        assert repo.took_over_from is None


def test_damaged_database_does_not_keep_the_lock(db_path):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"")
    with pytest.raises(DamagedDatabaseError):
        Repository.open(db_path)
    db_path.unlink()
    with Repository.open(db_path) as repo:  # the failed open released the lock
        assert repo.took_over_from is None
