"""What differs on Windows, simulated here (no Windows machine runs these tests).

``fcntl`` hidden and a fake ``msvcrt`` (``windows_sim.py``); ``os.replace`` refused
with ``PermissionError`` as Windows refuses it while another program has the file
open; folder fsync switched off as on Windows.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

import chibo_tui
from chibo_tui.rescue import save_error_text
from chibo_tui.store import Repository, StoreError, atomic
from chibo_tui.store.errors import FileInUseError, write_failure

SIM = Path(__file__).with_name("windows_sim.py")
ROOT = Path(__file__).resolve().parents[2]
POSIX_ONLY = {"fcntl", "termios", "pwd", "grp", "tty", "pty", "resource"}


def windows_python(code: str, *args: str, **popen: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(SIM), "-c", code, *args],
        cwd=ROOT,
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **popen,  # type: ignore[call-overload]
    )


# -- no POSIX-only module at module level ----------------------------------------------------


def _module_level_imports(tree: ast.Module) -> list[tuple[int, str]]:
    """Imports that run when the module is imported: not those inside a function."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            for child in ast.walk(node):
                child._in_function = True  # type: ignore[attr-defined]
    for node in ast.walk(tree):
        if getattr(node, "_in_function", False):
            continue
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module.split(".")[0]))
    return found


def test_no_chibo_module_imports_a_posix_only_module_at_module_level() -> None:
    package = Path(chibo_tui.__file__).parent
    modules = sorted(package.rglob("*.py"))
    assert len(modules) > 30
    offending = [
        f"{path.relative_to(package)}:{line} imports {name}"
        for path in modules
        for line, name in _module_level_imports(ast.parse(path.read_text(encoding="utf-8")))
        if name in POSIX_ONLY
    ]
    assert offending == []


IMPORT_ALL = """
import importlib, pkgutil, sys
import chibo_tui
names = [m.name for m in pkgutil.walk_packages(chibo_tui.__path__, "chibo_tui.")]
for name in names:
    importlib.import_module(name)
assert "fcntl" not in sys.modules or sys.modules["fcntl"] is None
print(len(names))
"""


def test_every_chibo_module_imports_without_fcntl() -> None:
    proc = windows_python(IMPORT_ALL)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert int(out) > 30


# -- the lock through msvcrt -------------------------------------------------------------------

HOLD = """
import sys
from pathlib import Path
from chibo_tui.store import Repository
repo = Repository.open(Path(sys.argv[1]))
print("took over:", repo.took_over_from, flush=True)
print("ready", flush=True)
sys.stdin.read()
repo.close()
"""

TRY = """
import sys, os
from pathlib import Path
import msvcrt
from chibo_tui.store import DatabaseLockedError, Repository
try:
    repo = Repository.open(Path(sys.argv[1]))
except DatabaseLockedError as exc:
    print("refused:", exc)
else:
    print("took over:", repo.took_over_from)
    modes = [mode for mode, _, _ in msvcrt.calls]
    assert modes == [msvcrt.LK_NBLCK], msvcrt.calls
    repo.close()
    assert [mode for mode, _, _ in msvcrt.calls][-1] == msvcrt.LK_UNLCK
    print("released")
"""


def _holder(db: Path) -> subprocess.Popen[str]:
    proc = windows_python(HOLD, str(db))
    assert proc.stdout is not None
    took_over = proc.stdout.readline()
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
    proc.took_over = took_over  # type: ignore[attr-defined]
    return proc


def _try(db: Path) -> str:
    proc = windows_python(TRY, str(db))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    return out


def test_msvcrt_lock_refuses_a_second_writer_and_is_taken_over_after_a_kill(
    tmp_path: Path,
) -> None:
    db = tmp_path / "Chi bộ Đinh Tiên Hoàng" / "chibo.json"
    first = _holder(db)
    try:
        out = _try(db)
        assert f"refused: Cơ sở dữ liệu {db} đang được mở bởi một chibo khác" in out
        assert f"tiến trình {first.pid}" in out
        # A read-only view does not need the lock.
        with Repository.open(db, read_only=True) as view:
            assert view.load_cell() is None
    finally:
        first.kill()  # no chance to release anything; the OS drops the lock
        first.wait(timeout=30)
    out = _try(db)
    assert f"took over: tiến trình {first.pid}" in out
    assert "released" in out
    second = _holder(db)  # closed cleanly before: no takeover
    try:
        assert second.took_over.strip() == "took over: None"  # type: ignore[attr-defined]
    finally:
        assert second.stdin is not None
        second.stdin.close()
        assert second.wait(timeout=30) == 0


def test_msvcrt_lock_refuses_a_second_open_in_the_same_process(tmp_path: Path) -> None:
    code = """
import os, sys
from pathlib import Path
from chibo_tui.store import DatabaseLockedError, Repository
db = Path(sys.argv[1])
with Repository.open(db):
    try:
        Repository.open(db)
    except DatabaseLockedError as exc:
        assert f"tiến trình {os.getpid()}" in str(exc)
        print("refused")
with Repository.open(db) as repo:
    assert repo.took_over_from is None
    print("free again")
"""
    proc = windows_python(code, str(tmp_path / "chibo.json"))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert out.split() == ["refused", "free", "again"]


# -- os.replace refused while another program holds the file -------------------------------------


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    waits: list[float] = []
    monkeypatch.setattr(atomic, "sleep", waits.append)
    return waits


def refuse_replace(monkeypatch: pytest.MonkeyPatch, times: int | None) -> list[Path]:
    """``os.replace`` fails like Windows' with the target open, ``times`` times (None: always)."""
    real = os.replace
    tried: list[Path] = []

    def replace(src: os.PathLike[str] | str, dst: os.PathLike[str] | str) -> None:
        tried.append(Path(dst))
        if times is None or len(tried) <= times:
            exc = PermissionError(13, "Access is denied")
            exc.winerror = 32  # type: ignore[attr-defined]  # ERROR_SHARING_VIOLATION
            raise exc
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return tried


def temps(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(atomic.TEMP_SUFFIX)]


def test_a_replace_refused_for_a_moment_is_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_sleep: list[float]
) -> None:
    target = tmp_path / "dữ liệu chi bộ" / "chibo.json"
    atomic.atomic_write(target, b"old")
    tried = refuse_replace(monkeypatch, times=3)
    atomic.atomic_write(target, "mới".encode())
    assert target.read_bytes() == "mới".encode()
    assert len(tried) == 4
    assert no_sleep == list(atomic.REPLACE_WAITS[:3])
    assert temps(tmp_path) == []


def test_a_replace_refused_for_good_keeps_the_old_file_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_sleep: list[float]
) -> None:
    target = tmp_path / "chibo.json"
    atomic.atomic_write(target, b"old")
    tried = refuse_replace(monkeypatch, times=None)
    with pytest.raises(FileInUseError) as info:
        atomic.atomic_write(target, b"new")
    assert len(tried) == len(atomic.REPLACE_WAITS) + 1
    assert sum(no_sleep) < 2.0  # bounded: the user hears about it within two seconds
    assert target.read_bytes() == b"old"
    assert temps(tmp_path) == []
    message = str(info.value)
    assert str(target) in message and "một chương trình khác đang mở tệp này" in message
    assert isinstance(info.value, StoreError) and isinstance(info.value, PermissionError)
    # Where errno values are explained (the app's save notice, the opening backup),
    # the message is this one, not "no right to write to the folder".
    assert save_error_text(info.value, tmp_path) == message
    assert write_failure(info.value, tmp_path) == message


def test_a_save_refused_for_good_leaves_the_database_as_it_was(
    factory, db_path: Path, monkeypatch: pytest.MonkeyPatch, no_sleep: list[float]
) -> None:
    cell = factory.cell()
    with Repository.open(db_path) as repo:
        repo.save_cell(cell)
        meeting = factory.meeting(cell)
        repo.save_meeting(meeting)
        before = {p.name: p.read_bytes() for p in repo.files()}
        meeting.conclusion = "Chi bộ thống nhất."
        undo = monkeypatch.context()
        with undo as patch:
            refuse_replace(patch, times=None)
            with pytest.raises(FileInUseError):
                repo.save_meeting(meeting)
        assert {p.name: p.read_bytes() for p in repo.files()} == before
        assert repo.load_meeting(meeting.month).conclusion != "Chi bộ thống nhất."
        assert temps(db_path.parent) == []
        repo.save_meeting(meeting)  # once the other program lets go, the save goes through
    with Repository.open(db_path, read_only=True) as view:
        assert view.load_meeting(meeting.month).conclusion == "Chi bộ thống nhất."


def test_no_folder_fsync_where_folders_cannot_be_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic, "FOLDER_FSYNC", False)
    real_open = os.open

    def refuse_folders(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        # Windows refuses with PermissionError, which fsync_folder would swallow; here
        # anything but skipping the folder fails the test.
        assert not Path(path).is_dir(), f"opened the folder {path}"
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse_folders)
    with Repository.open(tmp_path / "ổ D" / "chibo.json") as repo:
        repo.record("test", "", "ghi thử")
    with Repository.open(tmp_path / "ổ D" / "chibo.json", read_only=True) as view:
        assert view.audit_log()[-1]["reason"] == "ghi thử"
