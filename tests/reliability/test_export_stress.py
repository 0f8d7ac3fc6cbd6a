"""Exports under stress: a read-only folder, a full disk, names taken, a kill mid-write.

Each ends in a clear Vietnamese error or a sibling name, never in a half-written
document nor in an earlier one overwritten. The read-only and full disks are real:
a tmpfs mounted in a private mount namespace (``unshare -rm``), where the kernel
refuses the write itself (even to root); those tests are skipped where that is not
possible. ``tests/export/test_export_writer.py`` already covers the same failures
simulated in-process.
"""

from __future__ import annotations

import json
import random
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import BinaryIO
from unittest import mock

import docx
import pytest
from reliability_helpers import (
    EXPORTER,
    ForkServer,
    initial,
    private_mounts_available,
    run_on_tmpfs,
    seed_database,
)

from chibo_tui.app import make_app
from chibo_tui.domain.model import Cell, Meeting
from chibo_tui.export import export_minutes, writer
from chibo_tui.session import DocumentKind
from chibo_tui.store import Repository

MONTH = "2025-09"
needs_mounts = pytest.mark.skipif(
    not private_mounts_available(), reason="cannot mount a private tmpfs here (unshare -rm)"
)


@pytest.fixture(scope="module")
def demo() -> tuple[Cell, Meeting]:
    cell, history = initial()
    assert history[-1].month == MONTH
    return cell, history[-1]


def _is_whole_docx(path: Path) -> bool:
    try:
        text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    except Exception:
        return False
    return "BIÊN BẢN" in text.upper()


# -- a real read-only folder and a real full disk -----------------------------------------

READ_ONLY = """
import contextlib, io, json, os, sys
from chibo_tui.__main__ import main
mount, db = sys.argv[1], sys.argv[2]
err, out = io.StringIO(), io.StringIO()
with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
    code = main(["export", "minutes", "--month", "2025-09", "--db", db, "--out", mount])
print(json.dumps({"code": code, "err": err.getvalue(), "files": sorted(os.listdir(mount))}))
"""


@needs_mounts
def test_read_only_output_folder_is_a_clear_error_and_nothing_is_written(tmp_path: Path) -> None:
    db = tmp_path / "db" / "chibo.json"
    seed_database(db)
    mount = tmp_path / "usb"
    done = run_on_tmpfs(mount, "ro,size=1m", READ_ONLY, str(mount), str(db))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["code"] == 2  # the chair's problem to fix, not a damaged database
    assert "ổ đĩa chỉ cho phép đọc" in result["err"] and str(mount) in result["err"]
    assert "Traceback" not in result["err"] + done.stderr
    assert result["files"] == []


FULL_DISK = """
import hashlib, json, os, sys
from pathlib import Path
from typing import BinaryIO
import docx
from reliability_helpers import initial
from chibo_tui.export import ExportError, export_minutes
mount = Path(sys.argv[1])
cell, history = initial()
filler = mount / "ghi-chu-cua-chu-tri.bin"
free = os.statvfs(mount).f_bavail * os.statvfs(mount).f_frsize
filler.write_bytes(os.urandom(free - 16 * 1024))  # leaves 16 KB: less than a document
digest = hashlib.sha256(filler.read_bytes()).hexdigest()
result = {}
try:
    export_minutes(cell, history[-1], mount)
except ExportError as exc:
    result["error"] = str(exc)
result["after_failure"] = sorted(os.listdir(mount))
result["filler_intact"] = hashlib.sha256(filler.read_bytes()).hexdigest() == digest
filler.unlink()  # the chair frees some space
path = export_minutes(cell, history[-1], mount)
result["after_retry"] = sorted(os.listdir(mount))
result["text"] = "\\n".join(p.text for p in docx.Document(str(path)).paragraphs)
print(json.dumps(result))
"""


@needs_mounts
def test_full_disk_is_a_clear_error_leaves_nothing_and_a_retry_works(tmp_path: Path) -> None:
    mount = tmp_path / "full"
    done = run_on_tmpfs(mount, "size=256k", FULL_DISK, str(mount))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert "ổ đĩa đã đầy" in result["error"], result
    assert "2025-09_bien-ban.docx" in result["error"]
    assert result["after_failure"] == ["ghi-chu-cua-chu-tri.bin"]  # no temp, no half file
    assert result["filler_intact"]
    assert result["after_retry"] == ["2025-09_bien-ban.docx"]
    assert "BIÊN BẢN" in result["text"].upper()


# -- names already taken ------------------------------------------------------------------


@pytest.mark.parametrize("taken_by", ["file", "read-only file", "folder", "link to a file"])
def test_name_taken_gets_a_sibling_and_the_taker_is_untouched(
    tmp_path: Path, demo: tuple[Cell, Meeting], taken_by: str
) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    name = out / f"{MONTH}_bien-ban.docx"
    elsewhere = tmp_path / "mine.txt"
    elsewhere.write_bytes(b"of the chair")
    if taken_by == "folder":
        name.mkdir()
        (name / "inside.txt").write_bytes(b"kept")
    elif taken_by == "link to a file":
        name.symlink_to(elsewhere)
    else:
        name.write_bytes(b"signed copy")
        if taken_by == "read-only file":
            name.chmod(0o400)
    path = export_minutes(*demo, out)
    assert path.name == f"{MONTH}_bien-ban-2.docx" and _is_whole_docx(path)
    if taken_by == "folder":
        assert (name / "inside.txt").read_bytes() == b"kept"
    elif taken_by == "link to a file":
        assert name.is_symlink() and elsewhere.read_bytes() == b"of the chair"
    else:
        assert name.read_bytes() == b"signed copy"


def test_name_taken_by_a_dangling_link_is_not_replaced(
    tmp_path: Path, demo: tuple[Cell, Meeting]
) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    name = out / f"{MONTH}_bien-ban.docx"
    name.symlink_to(tmp_path / "usb" / "gone.docx")  # a copy on a stick no longer plugged in
    path = export_minutes(*demo, out)
    assert name.is_symlink()
    assert path.name == f"{MONTH}_bien-ban-2.docx"


def test_twelve_exports_of_one_month_never_overwrite(
    tmp_path: Path, demo: tuple[Cell, Meeting]
) -> None:
    out = tmp_path / "exports"
    names = [export_minutes(*demo, out).name for _ in range(12)]
    assert names[0] == f"{MONTH}_bien-ban.docx" and names[-1] == f"{MONTH}_bien-ban-12.docx"
    assert len(set(names)) == 12 and len(list(out.iterdir())) == 12


def test_two_exports_finishing_together_both_keep_their_file(tmp_path: Path) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    both_chose = threading.Barrier(2, timeout=10)
    real = writer.free_name

    def chosen_together(folder: Path, stem: str, suffix: str = ".docx") -> Path:
        name = real(folder, stem, suffix)
        both_chose.wait()  # the two threads are between choosing and renaming
        return name

    def export(payload: bytes, into: list[Path]) -> None:
        def save(handle: BinaryIO) -> None:
            handle.write(payload)

        into.append(writer.write_atomic(out, f"{MONTH}_bien-ban", save))

    written: list[Path] = []
    with mock.patch.object(writer, "free_name", chosen_together):
        threads = [threading.Thread(target=export, args=(p, written)) for p in (b"A", b"B")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    assert len(written) == 2
    assert sorted(p.read_bytes() for p in out.iterdir()) == [b"A", b"B"]


# -- killed while writing --------------------------------------------------------------------


def test_export_killed_at_random_moments_never_leaves_a_half_written_document(
    tmp_path: Path,
) -> None:
    out = tmp_path / "exports"
    rng = random.Random(6)
    with ForkServer(EXPORTER) as server:
        for _ in range(6):
            pid, lines = server.fork(out)
            server.read_until(lines, "ready")
            # One export whole first, timed: the kill then lands at a random moment of
            # the next one, however fast this machine is (a fixed 0-0.4 s could come
            # before any export finished on a slow one, or always between two).
            started = time.perf_counter()
            server.read_until(lines, "W ")
            time.sleep(rng.uniform(0.0, time.perf_counter() - started))
            lines = server.kill(pid, lines)
        errors = server.stderr()
    assert "Traceback" not in errors, errors
    visible = sorted(p for p in out.iterdir() if not p.name.startswith("."))
    assert len(visible) >= 6  # one per child at least, whole before its kill
    for path in visible:
        assert path.suffix == ".docx" and _is_whole_docx(path), f"half-written: {path.name}"
    # A kill mid-write leaves the hidden temp file of that write (never a visible one).
    hidden = [p for p in out.iterdir() if p.name.startswith(".")]
    assert all(p.name.endswith(".tmp") and p.stat().st_mode & 0o077 == 0 for p in hidden)


# -- from the app -------------------------------------------------------------------------------


async def test_failed_export_in_the_app_is_a_notice_and_the_next_one_works(
    tmp_path: Path,
) -> None:
    db = tmp_path / "db" / "chibo.json"
    seed_database(db)
    out = tmp_path / "exports"
    repo = Repository.open(db)
    app = make_app(repo, out, clock=lambda: datetime(2025, 10, 20, 19, 0))
    notices: list[tuple[str, str]] = []
    real_notify = app.notify

    def notify(message: str, **kwargs: object) -> None:
        notices.append((str(message), str(kwargs.get("severity", "information"))))
        real_notify(message, **kwargs)  # type: ignore[arg-type]

    app.notify = notify  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            full = OSError(28, "No space left on device")
            with mock.patch("tempfile.mkstemp", side_effect=full):
                app.export_document(DocumentKind.MINUTES, month=MONTH)
                await app.workers.wait_for_complete()
                await pilot.pause()
            assert notices[-1][1] == "error" and "ổ đĩa đã đầy" in notices[-1][0]
            assert not out.exists() or list(out.iterdir()) == []
            app.export_document(DocumentKind.MINUTES, month=MONTH)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert notices[-1][1] == "information"
            assert app.session.last_export is not None and _is_whole_docx(app.session.last_export)
    finally:
        repo.close()
