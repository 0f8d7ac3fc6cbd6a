"""The database's disk fills up: a save fails cleanly and nothing already saved is lost.

The full disk is real (a tmpfs in a private mount namespace; skipped where that
cannot be mounted); the app-level tests make the save fail in-process.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from reliability_helpers import (
    Step,
    initial,
    meeting_at,
    private_mounts_available,
    run_on_tmpfs,
    seed_database,
)

from chibo_tui.app import make_app
from chibo_tui.autosave import AutoSaver
from chibo_tui.domain.model import Meeting
from chibo_tui.store import Repository

needs_mounts = pytest.mark.skipif(
    not private_mounts_available(), reason="cannot mount a private tmpfs here (unshare -rm)"
)

_FILL = """
def fill(mount, leave=4096):
    import os
    st = os.statvfs(mount)
    filler = mount / "filler"
    filler.write_bytes(b"x" * max(st.f_bavail * st.f_frsize - leave, 0))
    return filler
"""

SAVE_ON_FULL_DISK = (
    _FILL
    + """
import json, os, sys
from pathlib import Path
from typing import Any
from reliability_helpers import Step, database_files, initial, meeting_at, seed_database
from chibo_tui.store import Repository
mount = Path(sys.argv[1]); db = mount / "db" / "chibo.json"
seed_database(db)
base, _ = initial()
result = {}
with Repository.open(db) as repo:
    before = database_files(db)
    old = repo.load_meeting("2025-09")
    filler = fill(mount)
    try:
        repo.save_meeting(meeting_at(base, Step(0, "edit", "2025-10")))
    except OSError as exc:
        result["errno"] = exc.errno
    result["files_intact"] = database_files(db) == before
    result["temps"] = [p.name for p in db.parent.rglob("*chibo-tmp")]
    result["memory_follows_disk"] = repo.load_meeting("2025-10") is None
    result["old_month_intact"] = repo.load_meeting("2025-09") == old
    filler.unlink()
    repo.save_meeting(meeting_at(base, Step(0, "edit", "2025-10")))
with Repository.open(db, read_only=True) as repo:
    result["saved_after_freeing"] = repo.load_meeting("2025-10") is not None
    result["problems"] = repo.check().problems
print(json.dumps(result))
"""
)


@needs_mounts
def test_save_on_a_full_disk_fails_cleanly_and_works_once_space_is_freed(tmp_path: Path) -> None:
    mount = tmp_path / "disk"
    done = run_on_tmpfs(mount, "size=2m", SAVE_ON_FULL_DISK, str(mount))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result == {
        "errno": 28,
        "files_intact": True,
        "temps": [],
        "memory_follows_disk": True,
        "old_month_intact": True,
        "saved_after_freeing": True,
        "problems": [],
    }


START_ON_FULL_DISK = (
    _FILL
    + """
import json, sys, types, contextlib, io
from pathlib import Path
from typing import Any
from reliability_helpers import Step, initial, meeting_at, seed_database
from chibo_tui.store import Repository
mount = Path(sys.argv[1]); db = mount / "db" / "chibo.json"
seed_database(db)
with Repository.open(db) as repo:  # changed since the last backup: the next open takes one
    repo.save_meeting(meeting_at(initial()[0], Step(0, "edit", "2025-10")))
fill(mount)
started = []
sys.modules["chibo_tui.app"] = types.SimpleNamespace(
    make_app=lambda *a, **k: started.append(1) or types.SimpleNamespace(run=lambda: None, return_code=0)
)
from chibo_tui.__main__ import main
err = io.StringIO()
result = {}
with contextlib.redirect_stderr(err):
    try:
        result["code"] = main(["--db", str(db)])
    except BaseException as exc:  # would be a traceback on the chair's screen
        result["raised"] = repr(exc)
result["err"] = err.getvalue()
result["started"] = bool(started)
print(json.dumps(result, ensure_ascii=False))
"""
)


@needs_mounts
def test_start_on_a_full_disk_opens_or_says_the_disk_is_full(tmp_path: Path) -> None:
    mount = tmp_path / "disk"
    done = run_on_tmpfs(mount, "size=2m", START_ON_FULL_DISK, str(mount))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert "raised" not in result, result
    assert result["started"] or ("đầy" in result["err"] and result["code"] in (1, 2))


# -- the app and its writer thread -------------------------------------------------------------


class FlakyDisk:
    """Make ``repo.save_meeting`` fail with ENOSPC until :meth:`free` is called."""

    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self.real = repo.save_meeting
        self.failures = 0
        self.full = True
        repo.save_meeting = self.save  # type: ignore[method-assign]

    def save(self, meeting: Meeting) -> None:
        if self.full:
            self.failures += 1
            raise OSError(28, "No space left on device")
        self.real(meeting)

    def free(self) -> None:
        self.full = False


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "db" / "chibo.json"
    seed_database(path)
    return path


def _on_disk(db: Path, month: str) -> Meeting | None:
    with Repository.open(db, read_only=True) as view:
        return view.load_meeting(month)


def test_an_edit_after_the_disk_is_freed_saves_everything_typed_before(db: Path) -> None:
    base, _ = initial()
    meeting = meeting_at(base, Step(0, "edit", "2025-10"))
    with Repository.open(db) as repo:
        disk = FlakyDisk(repo)
        errors: list[Exception] = []
        saver = AutoSaver(repo, on_error=errors.append)
        meeting.conclusion = "Gõ khi ổ đĩa đầy"
        saver.save_meeting(meeting)
        assert not saver.flush(timeout=0.5)  # still unsaved: flush says so, and it retries
        assert disk.failures >= 1 and errors and _on_disk(db, "2025-10") is None
        disk.free()
        meeting.other_business = "Gõ thêm sau khi dọn ổ đĩa"
        saver.save_meeting(meeting)  # every save is of the whole meeting
        assert saver.close()
    saved = _on_disk(db, "2025-10")
    assert saved is not None and saved.conclusion == "Gõ khi ổ đĩa đầy"
    assert saved.other_business == "Gõ thêm sau khi dọn ổ đĩa"


async def test_a_failed_save_is_retried_without_another_edit(db: Path, tmp_path: Path) -> None:
    base, _ = initial()
    repo = Repository.open(db)
    disk = FlakyDisk(repo)
    app = make_app(repo, tmp_path / "exports", clock=lambda: datetime(2025, 10, 20, 19, 0))
    notices: list[str] = []
    real_notify = app.notify

    def notify(message: str, **kwargs: Any) -> None:
        notices.append(str(message))
        real_notify(message, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            meeting = app.session.meeting("2025-10")
            meeting.conclusion = "Kết luận gõ ngay trước khi ổ đĩa đầy"
            app.session.save_now()
            await pilot.pause()
            assert disk.failures >= 1 and any("thử lại" in n for n in notices)
            disk.free()  # the chair deletes a film; no key is pressed in chibo
            await pilot.pause(2.0)  # several autosave ticks
            await app.action_quit()
    finally:
        repo.close()
    saved = _on_disk(db, "2025-10")
    assert saved is not None and saved.conclusion == "Kết luận gõ ngay trước khi ổ đĩa đầy"


async def test_ctrl_q_on_a_full_disk_says_why_and_writes_a_rescue_file(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from chibo_tui.__main__ import main
    from chibo_tui.dialogs.quit_blocked import QuitBlockedDialog

    repo = Repository.open(db)
    FlakyDisk(repo)
    app = make_app(repo, tmp_path / "exports", clock=lambda: datetime(2025, 10, 20, 19, 0))
    app.quit_wait = 0.5  # the wait for a save that will not come; not a measured time
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            meeting = app.session.meeting("2025-10")
            meeting.conclusion = "Kết luận gõ khi ổ đĩa đã đầy"
            await pilot.press("ctrl+q")
            for _ in range(200):  # Ctrl+Q waits in a worker: the UI keeps running
                await pilot.pause()
                if isinstance(app.screen, QuitBlockedDialog):
                    break
            dialog = app.screen
            assert isinstance(dialog, QuitBlockedDialog), "quit silently"
            text = str(dialog.query_one("#quit-blocked-text").render())
            assert "kỳ sinh hoạt tháng 10/2025" in text and "ổ đĩa đã đầy" in text
            assert "No space" not in text and "Errno" not in text
            await pilot.click("#rescue")
            for _ in range(200):
                await pilot.pause()
                if not app.is_running:
                    break
    finally:
        repo.close()
    rescues = sorted(db.parent.glob("chibo-cuu-ho-*.zip"))
    assert len(rescues) == 1
    before = _on_disk(db, "2025-10")
    assert before is None or before.conclusion != "Kết luận gõ khi ổ đĩa đã đầy"  # not saved
    # The rescue file is what `chibo restore` takes back, and `check` passes after.
    assert main(["--db", str(db), "restore", str(rescues[0])]) == 0
    assert main(["--db", str(db), "check"]) == 0
    capsys.readouterr()
    assert _on_disk(db, "2025-10").conclusion == "Kết luận gõ khi ổ đĩa đã đầy"  # type: ignore[union-attr]
