"""Errors the chair can meet, each a clear Vietnamese message: no traceback, nothing misleading."""

from __future__ import annotations

import errno
import gc
import io
import os
import sys
import types
from datetime import date
from pathlib import Path

import pytest

from chibo_tui.__main__ import main
from chibo_tui.export import ExportError, export_minutes, writer
from chibo_tui.sample import build_demo
from chibo_tui.store import DatabaseLockedError, Repository, backups, layout

PREFIX = "chibo: lỗi: "


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.delenv("CHIBO_DB", raising=False)
    monkeypatch.delenv("CHIBO_EXPORTS", raising=False)
    monkeypatch.chdir(tmp_path)
    started = types.SimpleNamespace(run=lambda: None, return_code=0)
    monkeypatch.setitem(
        sys.modules, "chibo_tui.app", types.SimpleNamespace(make_app=lambda *a, **k: started)
    )
    yield
    # A start or an export holds Python's collections while it runs; whatever the
    # outcome, the process (here: the test session) has them back.
    assert gc.isenabled()


@pytest.fixture
def db(tmp_path, factory):
    path = tmp_path / "db" / "chibo.json"
    cell = factory.cell()
    with Repository.open(path) as repo:
        repo.import_history(cell, [factory.meeting(cell, m) for m in ("2026-02", "2026-03")])
    return path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def folder_bytes(path: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


# -- check -----------------------------------------------------------------------------


def test_check_of_a_database_in_a_folder_that_does_not_exist_fails(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("CHIBO_DB", str(tmp_path / "usb" / "chibo.json"))
    code, _, err = run(capsys, "check")
    assert code == 2 and "Không có thư mục" in err and "CHIBO_DB" in err
    code, _, err = run(capsys, "check", "--db", tmp_path)
    assert code == 2 and "là một thư mục" in err


# -- restore ---------------------------------------------------------------------------


def test_restore_of_a_file_that_is_no_zip(capsys, db, tmp_path):
    notes = tmp_path / "ghi-chu.zip"
    notes.write_bytes(b"not a zip at all")
    before = folder_bytes(db.parent)
    code, _, err = run(capsys, "restore", "--db", db, notes)
    assert code == 1 and "không phải một bản sao lưu của chibo" in err
    assert folder_bytes(db.parent) == before


def _a_backup(db: Path) -> Path:
    with Repository.open(db) as repo:
        repo.record("test", "", "")
    return backups.list_backups(db)[0].path


def test_restore_over_a_main_file_that_is_a_folder(capsys, db):
    backup = _a_backup(db)
    for path in [db, *layout.year_files_on_disk(db)]:
        path.unlink()
    db.mkdir()
    code, _, err = run(capsys, "restore", "--db", db, backup.name)
    assert code == 1 and "là một thư mục" in err and db.is_dir()


def test_restore_over_an_unreadable_main_file(capsys, db, monkeypatch):
    backup = _a_backup(db)
    real = Path.read_bytes

    def unreadable(self: Path) -> bytes:
        if self == db:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", unreadable)
    code, _, err = run(capsys, "restore", "--db", db, backup.name)
    assert code == 1 and "Không đọc được" in err and "chưa thay đổi gì" in err


def test_restore_into_an_empty_place_does_not_name_the_source_as_kept(capsys, db, tmp_path):
    backup = _a_backup(db)
    target = tmp_path / "moi" / "chibo.json"
    code, out, _ = run(capsys, "restore", "--db", target, backup)
    assert code == 0 and "Đã khôi phục" in out
    assert "được giữ trong" not in out  # there was nothing to keep
    with Repository.open(target, read_only=True) as repo:
        assert len(repo.load_all()) == 2


# -- opening ---------------------------------------------------------------------------


def test_a_symlinked_database_shares_the_lock_of_its_target(db, tmp_path):
    link = tmp_path / "lien-ket.json"
    link.symlink_to(db)
    with Repository.open(link) as repo:
        assert repo.path == db and len(repo.load_all()) == 2
        with pytest.raises(DatabaseLockedError):
            Repository.open(db)
    with Repository.open(db):
        with pytest.raises(DatabaseLockedError):
            Repository.open(link)
    assert not (tmp_path / "lien-ket.json.lock").exists()


def test_a_read_only_database_folder_is_a_clear_message(capsys, db, monkeypatch):
    real = os.open

    def read_only(path, flags, *args):
        if str(path).endswith(".lock"):
            raise OSError(errno.EROFS, "Read-only file system")
        return real(path, flags, *args)

    monkeypatch.setattr(os, "open", read_only)
    code, _, err = run(capsys, "--db", db)
    assert code == 1 and err.startswith(PREFIX) and "chỉ cho phép đọc" in err
    assert "chibo check --db" in err


def test_the_opening_backup_warning_says_what_went_wrong(capsys, db, monkeypatch):
    with Repository.open(db) as repo:
        repo.record("test", "", "")  # changed since the last backup: the next open takes one

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("chibo_tui.store.repository.take_backup", refused)
    code, _, err = run(capsys, "--db", db)
    assert code == 0 and "không có quyền ghi vào" in err and "backups" in err
    assert "đầy" not in err  # a permission error is not a full disk


# -- export ----------------------------------------------------------------------------


def test_export_with_the_main_file_gone_says_so(capsys, db):
    db.unlink()
    code, _, err = run(capsys, "export", "minutes", "--month", "2026-03", "--db", db)
    assert code == 1 and "thiếu tệp chính" in err
    assert "chưa có hồ sơ chi bộ" not in err  # not "set up a new cell"


def test_export_to_a_dangling_link_says_the_link_is_broken(capsys, db, tmp_path):
    out = tmp_path / "usb-link"
    out.symlink_to(tmp_path / "media" / "usb")
    code, _, err = run(capsys, "export", "minutes", "--month", "2026-03", "--db", db, "--out", out)
    assert code == 2 and "liên kết" in err and "không còn tồn tại" in err
    assert "trùng tên" not in err


class _FullDisk(io.BufferedWriter):
    """A file on a disk with 4 KB left."""

    def write(self, data) -> int:  # type: ignore[override]
        if self.tell() + len(data) > 4096:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(data)


def test_a_full_disk_export_says_so_once_and_prints_no_traceback(tmp_path, monkeypatch):
    cell, history = build_demo(2, date(2026, 3, 20))
    monkeypatch.setattr(writer.os, "fdopen", lambda fd, mode: _FullDisk(io.FileIO(fd, "wb")))
    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    with pytest.raises(ExportError, match="ổ đĩa đã đầy"):
        export_minutes(cell, history[-1], tmp_path / "out")
    gc.collect()
    assert unraisable == []  # python-docx's ZipFile.__del__ said nothing after our message
    assert list((tmp_path / "out").iterdir()) == []
