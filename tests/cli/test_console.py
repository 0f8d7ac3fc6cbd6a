"""Vietnamese out of the command line on consoles that cannot show it."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from chibo_tui import console
from chibo_tui.sample import build_demo
from chibo_tui.store import Repository

ROOT = Path(__file__).resolve().parents[2]


def test_a_redirected_cp1252_console_gets_utf8_in_the_file(tmp_path: Path) -> None:
    db = tmp_path / "chibo.json"
    with Repository.open(db) as repo:
        cell, meetings = build_demo(3, date(2026, 11, 27))
        repo.import_history(cell, meetings)
    out = tmp_path / "out.txt"
    env = os.environ | {"PYTHONIOENCODING": "cp1252"}
    for args in (
        ["check"],
        ["export", "report", "--month", meetings[-1].month, "--out", str(tmp_path)],
    ):
        with out.open("wb") as sink:
            done = subprocess.run(
                [sys.executable, "-m", "chibo_tui", "--db", str(db), *args],
                stdout=sink,
                stderr=subprocess.PIPE,
                env=env,
                cwd=ROOT,
                timeout=120,
            )
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
        text = out.read_bytes().decode("utf-8")  # readable, whole
        assert ("Kiểm tra" in text) if args == ["check"] else ("Đã xuất" in text)


class FakeConsole(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


def test_a_console_without_vietnamese_gets_question_marks_and_one_notice() -> None:
    raw = io.BytesIO()
    out = FakeConsole(raw, encoding="ascii")
    err = FakeConsole(io.BytesIO(), encoding="ascii")
    console.prepare((out, err))
    print("Đã xuất biên bản", file=out)  # no UnicodeEncodeError
    out.flush()
    shown = raw.getvalue().decode("ascii")
    assert shown.count("cua so nay khong hien duoc chu tieng Viet") == 1
    assert shown.endswith("?? xu?t bi?n b?n\n")
    err.flush()
    assert err.buffer.getvalue() == b""  # said once, not on every stream


def test_a_console_that_shows_vietnamese_is_left_alone() -> None:
    raw = io.BytesIO()
    out = FakeConsole(raw, encoding="utf-8")
    console.prepare((out,))
    print("Đã xuất", file=out)
    out.flush()
    assert raw.getvalue().decode("utf-8") == "Đã xuất\n"
