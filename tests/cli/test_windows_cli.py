"""``chibo check`` and ``chibo export`` where there is no ``fcntl`` (Windows, simulated).

A Python with ``fcntl`` hidden and a fake ``msvcrt`` (``tests/store/windows_sim.py``)
runs the read-only commands on a database and an export folder whose paths hold
spaces and Vietnamese letters, as a chair's "Tài liệu" folder does.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from chibo_tui.store import Repository

SIM = Path(__file__).resolve().parents[1] / "store" / "windows_sim.py"


def windows_chibo(cwd: Path, *argv: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHIBO_")}
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    done = subprocess.run(
        [sys.executable, str(SIM), "-m", "chibo_tui", *map(str, argv)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    return done


def test_check_and_export_run_without_fcntl_on_vietnamese_paths(tmp_path: Path) -> None:
    folder = tmp_path / "Tài liệu chi bộ" / "Sổ sinh hoạt 2026"
    db = folder / "chibo của tôi.json"
    exports = tmp_path / "Văn bản xuất" / "tháng này"
    done = windows_chibo(tmp_path, "demo", "--db", db, "--months", "3")
    assert done.returncode == 0, done.stderr
    done = windows_chibo(tmp_path, "check", "--db", db)
    assert done.returncode == 0, done.stderr
    assert "kỳ sinh hoạt: 3" in done.stdout
    with Repository.open(db, read_only=True) as view:
        month = view.summaries()[0].month
    done = windows_chibo(
        tmp_path, "export", "report", "--month", month, "--db", db, "--out", exports
    )
    assert done.returncode == 0, done.stderr
    written = list(exports.glob("*.docx"))
    assert len(written) == 1, done.stdout + done.stderr
    assert not list(exports.glob(".*"))  # no temp file left
