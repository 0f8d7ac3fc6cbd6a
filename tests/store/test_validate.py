"""Every read path refuses what ``check`` refuses, with the same message and no traceback."""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Callable
from datetime import datetime

import pytest

from chibo_tui.__main__ import main
from chibo_tui.domain import lifecycle
from chibo_tui.store import DamagedDatabaseError, Repository, StoreError
from chibo_tui.store.backups import list_backups, take_backup
from chibo_tui.store.repository import restore

Tables = dict


@pytest.fixture(autouse=True)
def _no_ui(monkeypatch, tmp_path):
    monkeypatch.delenv("CHIBO_DB", raising=False)
    monkeypatch.delenv("CHIBO_EXPORTS", raising=False)
    monkeypatch.chdir(tmp_path)

    def refuse(*args, **kwargs):
        raise AssertionError("the app started on a damaged database")

    monkeypatch.setitem(sys.modules, "chibo_tui.app", types.SimpleNamespace(make_app=refuse))


@pytest.fixture
def good(factory, db_path, clock):
    """A cell, a finalised March and a draft April 2026, opened again (one backup)."""
    cell = factory.cell()
    march, april = factory.meeting(cell, "2026-03"), factory.meeting(cell, "2026-04")
    lifecycle.finalise(march, datetime(2026, 3, 5, 21))
    with Repository.open(db_path, clock=clock) as repo:
        repo.save_cell(cell)
        repo.save_meeting(march)
        repo.save_meeting(april)
        repo.record("roster", "2026-03", "Thêm đảng viên")
    with Repository.open(db_path, clock=clock) as repo:
        assert repo.opening_backup is not None
    return db_path


def _in_year(change: Callable[[Tables], object]) -> tuple[str, Callable[[Tables], object]]:
    return "year", change


def _in_main(change: Callable[[Tables], object]) -> tuple[str, Callable[[Tables], object]]:
    return "main", change


def _march(data: Tables) -> dict:
    return data["meetings"]["202603"]


def _rekey(table: str, key: str) -> Callable[[Tables], object]:
    return lambda d: d[table].__setitem__(key, d[table].pop("202604"))


# kind → (which file, change, what the reason must say)
DAMAGE = {
    "vote-as-text": (
        *_in_year(lambda d: _march(d)["reviews"][1].__setitem__("vote", "9/0/0")),
        "Tháng 2026-03: bản ghi hỏng — meetings.2026-03.reviews[1].vote: cần dict",
    ),
    "vote-negative": (
        *_in_year(lambda d: _march(d)["reviews"][0]["vote"].__setitem__("in_favour", -3)),
        "Tháng 2026-03: trường reviews[0].vote.in_favour: số phiếu âm",
    ),
    "no-reviews": (
        *_in_year(lambda d: _march(d).__setitem__("reviews", [])),
        "Tháng 2026-03: trường reviews: cần đúng 4 tiêu chí 1–4, có []",
    ),
    "month-13": (*_in_year(_rekey("meetings", "202613")), "Khóa “202613” không phải một tháng"),
    "month-key-moved": (
        *_in_year(_rekey("meetings", "202605")),
        "Tháng 2026-05: trường month: khóa tháng 2026-04 không khớp vị trí lưu",
    ),
    "summary-month-13": (
        *_in_main(_rekey("summaries", "202613")),
        "Danh sách tháng: khóa “202613” không phải tháng",
    ),
    "margins-one-number": (
        *_in_main(lambda d: d["cell"]["1"]["documents"].__setitem__("margins_mm", [20])),
        "Hồ sơ chi bộ, trường cell.documents.margins_mm: cần 4 số lề",
    ),
    "margins-out-of-range": (
        *_in_main(
            lambda d: d["cell"]["1"]["documents"].__setitem__("margins_mm", [20, 20, 300, 15])
        ),
        "lề [20, 20, 300, 15] mm ngoài khoảng 5–60 mm",
    ),
    "audit-time-a-number": (
        *_in_main(lambda d: d["audit"]["1"].__setitem__("at", 5)),
        "Nhật ký, bản ghi 1, trường at: cần chuỗi chữ",
    ),
    "audit-month-wrong": (
        *_in_main(lambda d: d["audit"]["1"].__setitem__("month", "03/2026")),
        "Nhật ký, bản ghi 1, trường month: tháng không hợp lệ “03/2026”",
    ),
}


def _damage(db_path, which: str, change: Callable[[Tables], object]):
    with Repository.open(db_path, read_only=True) as view:
        path = db_path if which == "main" else view.year_file(2026)
    data = json.loads(path.read_bytes())
    change(data)
    path.write_bytes(json.dumps(data, ensure_ascii=False).encode())
    return path


def _folder(db_path) -> dict[str, bytes]:
    return {
        str(p.relative_to(db_path.parent)): p.read_bytes()
        for p in sorted(db_path.parent.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_damaged_record_is_refused_everywhere_with_the_same_message(good, capsys, kind):
    which, change, reason = DAMAGE[kind]
    damaged = _damage(good, which, change)
    before = _folder(good)
    newest = list_backups(good)[0].path
    messages = []
    for argv in (
        [],
        ["check"],
        ["export", "minutes", "--month", "2026-03", "--out", "out"],
        ["export", "summary", "--year", "2026", "--out", "out"],
    ):
        assert main([*argv, "--db", str(good)]) == 1, argv
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        assert f"Không mở được cơ sở dữ liệu: {damaged}" in err and reason in err, err
        assert newest.name in err  # the backup of before the damage, not of it
        messages.append(err)
    assert len(set(messages)) == 1  # the app, check and export say the very same
    assert _folder(good) == before  # untouched, and no backup of the damage was taken


def test_the_advice_names_the_newest_backup_that_passes(good, clock):
    good_backup = list_backups(good)[0].path
    _damage(good, *DAMAGE["vote-negative"][:2])
    damaged_copy = take_backup(good, {"chibo.json": b"[]"}, "open", clock())
    assert list_backups(good)[0].path == damaged_copy
    with pytest.raises(DamagedDatabaseError) as info:
        Repository.open(good)
    assert info.value.newest_backup == good_backup


def test_restore_refuses_a_backup_with_a_damaged_record(good, clock):
    with Repository.open(good, read_only=True) as view:
        year = view.year_file(2026)
    data = json.loads(year.read_bytes())
    _march(data)["reviews"] = []
    files = {good.name: good.read_bytes(), year.name: json.dumps(data).encode()}
    bad = take_backup(good, files, "open", clock())
    before = _folder(good)
    with pytest.raises(StoreError, match="hỏng .*cần đúng 4 tiêu chí"):
        restore(good, bad, clock)
    assert _folder(good) == before


def test_a_finalised_vote_that_does_not_add_up_opens_and_check_reports_it(good, capsys):
    """Finalising with a recorded override allows it: the app must still open."""
    _damage(good, "year", lambda d: _march(d)["reviews"][1]["vote"].__setitem__("other", 5))
    with Repository.open(good) as repo:
        problems = repo.check().problems
    assert any(p.startswith("Tháng 2026-03: tiêu chí 2:") for p in problems), problems
    assert main(["check", "--db", str(good)]) == 1
    assert "tiêu chí 2" in capsys.readouterr().err
