"""``python -m chibo_tui`` as the chair runs it: exit codes, Vietnamese, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def chibo(tmp_path, *argv):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHIBO_")}
    env["PYTHONIOENCODING"] = "utf-8"
    done = subprocess.run(
        [sys.executable, "-m", "chibo_tui", *map(str, argv)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert "Traceback" not in done.stderr + done.stdout
    return done


@pytest.fixture
def demo_db(tmp_path):
    db = tmp_path / "db" / "chibo.json"
    done = chibo(tmp_path, "demo", "--db", db, "--months", "14")
    assert done.returncode == 0, done.stderr
    assert "14 tháng sinh hoạt đã chốt" in done.stdout
    return db


def test_demo_then_check(tmp_path, demo_db):
    done = chibo(tmp_path, "check", "--db", demo_db)
    assert done.returncode == 0, done.stderr
    assert "kỳ sinh hoạt: 14" in done.stdout and "Không phát hiện lỗi." in done.stdout


def test_usage_errors_exit_2(tmp_path, demo_db):
    done = chibo(tmp_path, "frobnicate")
    assert done.returncode == 2
    assert "lựa chọn không hợp lệ: 'frobnicate'" in done.stderr
    done = chibo(tmp_path, "export", "minutes", "--month", "2026-13", "--db", demo_db)
    assert done.returncode == 2
    assert done.stderr.startswith("chibo: lỗi: Tháng không hợp lệ: “2026-13”")
    done = chibo(tmp_path, "export", "minutes", "--month", "1990-01", "--db", demo_db)
    assert done.returncode == 2 and "01/1990" in done.stderr


@pytest.mark.parametrize("command", [["check"], []], ids=["check", "app"])
def test_damaged_database_exits_1_untouched(tmp_path, demo_db, command):
    raw = demo_db.read_bytes()
    demo_db.write_bytes(raw[: len(raw) // 3])
    before = demo_db.read_bytes(), demo_db.stat().st_mtime_ns
    done = chibo(tmp_path, *command, "--db", demo_db)
    assert done.returncode == 1
    assert str(demo_db) in done.stderr and "JSON hỏng" in done.stderr
    assert (demo_db.read_bytes(), demo_db.stat().st_mtime_ns) == before


def test_writer_refused_while_another_process_holds_the_database(tmp_path, demo_db, lock_holder):
    holder = lock_holder(demo_db)
    done = chibo(tmp_path, "check", "--db", demo_db)
    assert done.returncode == 0, done.stderr
    done = chibo(tmp_path, "demo", "--force", "--db", demo_db)
    assert done.returncode == 1
    assert f"tiến trình {holder.pid}" in done.stderr
