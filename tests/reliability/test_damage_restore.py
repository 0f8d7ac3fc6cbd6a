"""Every kind of damaged file: refused at start with a clear message, nothing
overwritten, and the command the message suggests brings the newest backup back.

``tests/store/test_damaged_files.py`` proves the store refuses each damage; this
matrix goes on from there through the command line, as the chair would live it:
``chibo`` refuses to start, ``check`` and ``export`` refuse too, the folder is
byte-identical afterwards, and ``chibo restore --db <db> <name from the message>``
gives back exactly the files of before the damage, keeping the damaged ones.
"""

from __future__ import annotations

import json
import random
import re
import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest
from reliability_helpers import (
    Step,
    database_files,
    initial,
    meeting_at,
    records,
    seed_database,
    snapshot,
)

from chibo_tui.__main__ import main
from chibo_tui.store import Repository
from chibo_tui.store.backups import list_backups, read_backup

Damage = Callable[[bytes], bytes]
MAIN, YEAR = "main", "year 2025"


@pytest.fixture(autouse=True)
def _no_ui(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No environment leaks in, and the app itself must never be reached."""
    monkeypatch.delenv("CHIBO_DB", raising=False)
    monkeypatch.delenv("CHIBO_EXPORTS", raising=False)
    monkeypatch.chdir(tmp_path)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the app started on a damaged database")

    monkeypatch.setitem(sys.modules, "chibo_tui.app", types.SimpleNamespace(make_app=refuse))


@pytest.fixture(scope="module")
def good_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two years of history and a draft, opened again so the newest backup is this state."""
    db = tmp_path_factory.mktemp("good") / "db" / "chibo.json"
    seed_database(db)
    base, _ = initial()
    with Repository.open(db) as repo:
        repo.save_meeting(meeting_at(base, Step(3, "edit", "2025-10")))
    with Repository.open(db) as repo:
        assert repo.opening_backup is not None
    (db.parent / "chibo.json.lock").unlink()
    return db.parent


@pytest.fixture
def good_db(good_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "db"
    for path in good_template.rglob("*"):
        target = folder / path.relative_to(good_template)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    return folder / "chibo.json"


# -- the damage --------------------------------------------------------------------------


def _edit(change: Callable[[dict], object]) -> Damage:
    def damage(raw: bytes) -> bytes:
        data = json.loads(raw)
        change(data)
        return json.dumps(data, ensure_ascii=False).encode()

    return damage


def _drop(table: str) -> Damage:
    return _edit(lambda d: d.pop(table))


def _version(value: object) -> Damage:
    return _edit(lambda d: d["meta"]["1"].__setitem__("schema_version", value))


def _garbage(seed: int) -> Damage:
    return lambda raw: random.Random(seed).randbytes(len(raw))


COMMON: dict[str, tuple[Damage, str]] = {
    "empty": (lambda raw: b"", "tệp rỗng"),
    "blank-lines": (lambda raw: b"\n\n\r\n", "tệp rỗng"),
    "random-bytes": (_garbage(1), "UTF-8"),
    "random-bytes-2": (_garbage(2), "UTF-8"),
    "zip-instead": (lambda raw: b"PK\x03\x04\x14\x00" + raw[:200], "JSON hỏng"),
    "utf16": (lambda raw: raw.decode().encode("utf-16"), "UTF-8"),
    "utf8-bom": (lambda raw: b"\xef\xbb\xbf" + raw, "JSON hỏng"),
    "nul-block": (lambda raw: raw[:100] + b"\x00" * 4096 + raw[4196:], "JSON hỏng"),
    "doubled": (lambda raw: raw + raw, "JSON hỏng"),
    "json-array": (lambda raw: b"[1, 2, 3]", "một mảng JSON"),
    "json-string": (lambda raw: b'"chi bo"', "một chuỗi"),
    "json-number": (lambda raw: b"2026", "một số"),
    "json-true": (lambda raw: b"true", "không phải một cơ sở dữ liệu chibo"),
    "json-null": (lambda raw: b"null", "không phải một cơ sở dữ liệu chibo"),
    "meta-missing": (_edit(lambda d: d.pop("meta")), "thiếu bảng “meta”"),
    "meta-a-list": (_edit(lambda d: d.__setitem__("meta", [])), "không đúng dạng"),
    "version-missing": (_edit(lambda d: d["meta"]["1"].clear()), "schema_version"),
    "version-3": (_version(3), "phiên bản dữ liệu 3 mới hơn"),
    "version-99": (_version(99), "phiên bản dữ liệu 99 mới hơn"),
    "version-float": (_version(1.5), "schema_version"),
}
MAIN_DAMAGE: dict[str, tuple[Damage, str]] = {
    **{f"{t}-missing": (_drop(t), f"thiếu bảng “{t}”") for t in ("cell", "summaries")},
    "cell-record-broken": (
        _edit(lambda d: d["cell"]["1"].__setitem__("members", "nobody")),
        "bản ghi hỏng",
    ),
}
YEARLY: dict[str, tuple[Damage, str]] = {
    "meetings-missing": (_edit(lambda d: d.pop("meetings")), "thiếu bảng “meetings”"),
    "meetings-a-string": (_edit(lambda d: d.__setitem__("meetings", "x")), "không đúng dạng"),
    "meeting-id-not-a-number": (
        _edit(lambda d: d["meetings"].__setitem__("tháng-9", {})),
        "khóa bản ghi không hợp lệ",
    ),
}


def _cuts(size: int) -> list[int]:
    """Many truncation points: the first bytes, the last, and 16 spread between."""
    return sorted({0, 1, 2, 17, size - 2, size - 1, *(size * i // 17 for i in range(1, 17))})


CASES = [(YEAR if k in YEARLY else MAIN, k) for k in MAIN_DAMAGE | YEARLY] + [
    (name, k) for name in (MAIN, YEAR) for k in COMMON
]


def _file(db: Path, which: str) -> Path:
    """The main file, or the file the main file names for 2025."""
    if which == MAIN:
        return db
    with Repository.open(db, read_only=True) as view:
        path = view.year_file(2025)
    assert path is not None
    return path


def _records(db: Path, files: dict[str, bytes] | None = None) -> dict[str, object]:
    """The records of the database (or of a backup's files), the audit log aside."""
    return records(db, database_files(db) if files is None else files)


def _refused_and_restored(
    capsys: pytest.CaptureFixture[str], db: Path, damaged: Path, phrase: str
) -> None:
    """The whole story of one damage, from the refused start to the restore."""
    folder = db.parent
    before = snapshot(folder)
    newest = list_backups(db)[0]

    # chibo refuses to start, and so do check and export; nothing is written.
    assert main(["--db", str(db)]) == 1
    _, err = capsys.readouterr()
    assert "Traceback" not in err
    assert str(damaged) in err and "Lý do: " in err and phrase in err, err
    assert "chibo không ghi đè" in err and newest.path.name in err
    for argv in (["check"], ["export", "minutes", "--month", "2025-09", "--out", "out"]):
        assert main([*argv, "--db", str(db)]) == 1
        assert phrase in capsys.readouterr().err
    assert snapshot(folder) == before
    assert not (Path.cwd() / "out").exists()

    # The command the message suggests gives back the newest backup.
    suggested = re.search(rf"chibo restore --db {re.escape(str(db.absolute()))} (\S+)", err)
    assert suggested is not None, err
    assert main(["restore", "--db", str(db), suggested.group(1)]) == 0
    out = capsys.readouterr().out
    assert newest.path.name in out
    assert _records(db) == _records(db, read_backup(newest.path))
    with Repository.open(db) as repo:
        assert repo.check().problems == []
        assert repo.audit_log()[-1]["kind"] == "restore"
    # ... and keeps the damaged file, byte for byte, in case anything is to be read from it.
    kept = [b for b in list_backups(db) if b.tag == "restore"]
    assert len(kept) == 1
    assert read_backup(kept[0].path)[damaged.name] == before[damaged.name]


@pytest.mark.parametrize(
    ("file", "kind"),
    CASES,
    ids=[f"{f.split()[0]}-{k}" for f, k in CASES],
)
def test_damaged_file_is_refused_and_restore_brings_back_the_newest_backup(
    capsys: pytest.CaptureFixture[str], good_db: Path, file: str, kind: str
) -> None:
    damage, phrase = (COMMON | MAIN_DAMAGE | YEARLY)[kind]
    damaged = _file(good_db, file)
    before = _records(good_db)
    damaged.write_bytes(damage(damaged.read_bytes()))
    _refused_and_restored(capsys, good_db, damaged, phrase)
    assert _records(good_db) == before


@pytest.mark.parametrize("file", [MAIN, YEAR], ids=["main", "year"])
def test_truncated_at_many_offsets_is_refused_and_restored(
    capsys: pytest.CaptureFixture[str], good_db: Path, file: str
) -> None:
    whole = _file(good_db, file).read_bytes()
    before = _records(good_db)
    cuts = _cuts(len(whole))
    assert len(cuts) >= 20
    for cut in cuts:
        damaged = _file(good_db, file)  # each restore writes the year file under a new name
        damaged.write_bytes(whole[:cut])
        _refused_and_restored(capsys, good_db, damaged, "")
        for backup in list_backups(good_db):
            if backup.tag == "restore":  # one restore backup per round, as checked above
                backup.path.unlink()
        assert _records(good_db) == before
