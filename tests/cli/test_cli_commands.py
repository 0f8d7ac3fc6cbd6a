"""The command line contract (DESIGN.md §8), run in-process.

Exit status 0 done, 1 damaged or locked database, 2 usage or missing data; errors in
Vietnamese on stderr, never a traceback.
"""

from __future__ import annotations

import gc
import json
import shutil
import sys
import types

import pytest

from chibo_tui.__main__ import main
from chibo_tui.store import Repository
from chibo_tui.store.backups import list_backups, read_backup

PREFIX = "chibo: lỗi: "


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """No environment leaks in, default paths land in the test's folder, no UI starts."""
    monkeypatch.delenv("CHIBO_DB", raising=False)
    monkeypatch.delenv("CHIBO_EXPORTS", raising=False)
    monkeypatch.chdir(tmp_path)

    def no_ui(*args, **kwargs):
        raise AssertionError("the app was about to start")

    monkeypatch.setitem(sys.modules, "chibo_tui.app", types.SimpleNamespace(make_app=no_ui))
    yield
    # A start or an export holds Python's collections while it runs; whatever the
    # outcome, the process (here: the test session) has them back.
    assert gc.isenabled()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """A 14-month demo database, made once and copied for each test that needs it."""
    folder = tmp_path_factory.mktemp("demo")
    assert main(["demo", "--db", str(folder / "chibo.json"), "--months", "14"]) == 0
    (folder / "chibo.json.lock").unlink()
    return folder


@pytest.fixture
def demo_db(demo_template, tmp_path):
    folder = tmp_path / "db"
    shutil.copytree(demo_template, folder)
    return folder / "chibo.json"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def snapshot(folder):
    return {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


# -- usage errors and missing data: 2 --------------------------------------------


def test_export_minutes_without_month(capsys, demo_db):
    code, out, err = run(capsys, "export", "minutes", "--db", demo_db)
    assert code == 2
    assert err == PREFIX + "“minutes” cần --month YYYY-MM\n"
    assert out == ""


def test_export_of_a_month_without_a_meeting(capsys, demo_db, tmp_path):
    before = snapshot(demo_db.parent)
    code, out, err = run(capsys, "export", "minutes", "--month", "1990-01", "--db", demo_db)
    assert code == 2
    assert err.startswith(PREFIX) and "01/1990" in err and str(demo_db) in err
    assert not (tmp_path / "exports").exists() or not any((tmp_path / "exports").iterdir())
    assert snapshot(demo_db.parent) == before


@pytest.mark.parametrize("month", ["2026-13", "03/2026", "2026-3", "tháng ba", "1899-12"])
def test_export_with_a_malformed_month(capsys, demo_db, month):
    code, _, err = run(capsys, "export", "report", "--month", month, "--db", demo_db)
    assert code == 2
    assert err.startswith(PREFIX + "Tháng không hợp lệ")
    assert month in err and "YYYY-MM" in err


def test_summary_for_a_year_without_meetings(capsys, demo_db):
    code, _, err = run(capsys, "export", "summary", "--year", "1999", "--db", demo_db)
    assert code == 2
    assert err.startswith(PREFIX) and "Năm 1999 không có kỳ sinh hoạt" in err


@pytest.mark.parametrize(
    ("argv", "phrase"),
    [
        (["export", "summary", "--db", "x.json"], "“summary” cần --year YYYY"),
        (["export", "summary", "--year", "26", "--db", "x.json"], "Năm không hợp lệ"),
        (["export", "minutes", "--month", "2026-03", "--year", "2026"], "không dùng --year"),
        (["export", "plan", "--year", "2026", "--month", "2026-03"], "không dùng --month"),
        (["demo", "--months", "0", "--db", "x.json"], "Số tháng phải từ 1 đến 600"),
    ],
)
def test_other_usage_errors(capsys, argv, phrase, tmp_path):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err.startswith(PREFIX) and phrase in err
    assert not (tmp_path / "x.json").exists()


def test_export_without_a_database_creates_none(capsys, tmp_path):
    code, _, err = run(capsys, "export", "plan", "--year", "2026", "--db", tmp_path / "none.json")
    assert code == 2
    assert "chưa có hồ sơ chi bộ" in err
    assert not (tmp_path / "none.json").exists()


@pytest.mark.parametrize(
    ("argv", "phrase"),
    [
        (["frobnicate"], "lựa chọn không hợp lệ: 'frobnicate'"),
        (["export", "agenda", "--month", "2026-03"], "lựa chọn không hợp lệ: 'agenda'"),
        (["demo", "--months", "mười"], "giá trị số nguyên không hợp lệ: 'mười'"),
        (["check", "--verbose"], "tham số không nhận ra: --verbose"),
    ],
)
def test_argparse_errors_exit_2_in_vietnamese(capsys, argv, phrase):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    _, err = capsys.readouterr()
    assert err.startswith("cách dùng: chibo")
    assert ": lỗi: " in err and phrase in err
    assert "usage" not in err and "error" not in err


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith("chibo ")


# -- damaged databases: 1, and the file stays as it was ---------------------------


def _damages(raw: bytes) -> dict[str, bytes]:
    data = json.loads(raw)
    no_cell = {k: v for k, v in data.items() if k != "cell"}
    future = json.loads(raw)
    future["meta"]["1"]["schema_version"] = 7
    return {
        "empty": b"",
        "truncated-5": raw[:5],
        "truncated-half": raw[: len(raw) // 2],
        "truncated-last": raw[:-1],
        "garbage": bytes(range(255, -1, -1)),
        "json-array": b'[{"cell": {}}]',
        "missing-table": json.dumps(no_cell).encode(),
        "future-version": json.dumps(future).encode(),
    }


REASONS = {
    "empty": "tệp rỗng",
    "truncated-5": "JSON hỏng",
    "truncated-half": "JSON hỏng",
    "truncated-last": "JSON hỏng",
    "garbage": "UTF-8",
    "json-array": "một mảng JSON",
    "missing-table": "thiếu bảng “cell”",
    "future-version": "phiên bản dữ liệu 7 mới hơn",
}


@pytest.mark.parametrize("command", [["check"], []], ids=["check", "app"])
@pytest.mark.parametrize("kind", list(REASONS))
def test_damaged_database_exits_1_and_is_left_alone(capsys, demo_db, kind, command):
    demo_db.write_bytes(_damages(demo_db.read_bytes())[kind])
    before = snapshot(demo_db.parent)
    code, _, err = run(capsys, *command, "--db", demo_db)
    assert code == 1
    assert err.startswith(PREFIX + "Không mở được cơ sở dữ liệu")
    assert str(demo_db.absolute()) in err
    assert REASONS[kind] in err
    assert snapshot(demo_db.parent) == before


def test_damaged_year_file_names_that_file(capsys, demo_db, year_file):
    year = year_file(demo_db, 2026)
    year.write_bytes(year.read_bytes()[:100])
    before = snapshot(demo_db.parent)
    code, _, err = run(capsys, "check", "--db", demo_db)
    assert code == 1 and str(year.absolute()) in err and "JSON hỏng" in err
    assert snapshot(demo_db.parent) == before


def test_damaged_database_names_the_newest_backup(capsys, demo_db):
    with Repository.open(demo_db) as repo:
        repo.record("test", "", "")  # opening takes a backup of the demo
    (newest,) = list_backups(demo_db)
    demo_db.write_bytes(b"")
    code, _, err = run(capsys, "--db", demo_db)
    assert code == 1
    assert newest.path.name in err and "chibo restore" in err


def test_check_reports_a_bad_vote_with_exit_1(capsys, demo_db, year_file):
    year = year_file(demo_db, 2026)
    data = json.loads(year.read_bytes())
    meeting = next(iter(data["meetings"].values()))
    meeting["reviews"][0]["vote"]["in_favour"] += 1
    year.write_bytes(json.dumps(data, ensure_ascii=False).encode())
    code, out, err = run(capsys, "check", "--db", demo_db)
    assert code == 1
    assert "Phát hiện" in err and "tiêu chí 1" in err
    assert "Không phát hiện lỗi" not in out


@pytest.mark.parametrize(
    "argv",
    [["demo"], ["export", "report", "--month", "2026-03"], ["export", "plan", "--year", "2026"]],
)
def test_damaged_record_is_a_damaged_database_for_every_command(capsys, demo_db, argv):
    data = json.loads(demo_db.read_bytes())
    data["cell"]["1"]["members"][0]["status"] = "boss"
    demo_db.write_bytes(json.dumps(data, ensure_ascii=False).encode())
    before = snapshot(demo_db.parent)
    code, _, err = run(capsys, *argv, "--db", demo_db)
    assert code == 1
    assert "cell.members[0].status" in err
    assert snapshot(demo_db.parent) == before


# -- demo --------------------------------------------------------------------------


def test_demo_then_check(capsys, tmp_path):
    db = tmp_path / "x" / "chibo.json"
    code, out, _ = run(capsys, "demo", "--db", db, "--months", "14")
    assert code == 0
    assert "14 tháng sinh hoạt đã chốt" in out and str(db) in out
    code, out, err = run(capsys, "check", "--db", db)
    assert code == 0, err
    assert "  kỳ sinh hoạt: 14\n" in out and "  đã chốt: 14\n" in out
    assert "Không phát hiện lỗi." in out
    with Repository.open(db, read_only=True) as repo:
        assert len(repo.summaries()) == 14
        assert all(s.state.value == "finalised" for s in repo.summaries())
        assert repo.load_cell().name


def test_demo_uses_the_default_path(capsys, tmp_path):
    code, _, _ = run(capsys, "demo", "--months", "2")
    assert code == 0
    assert (tmp_path / "db" / "chibo.json").exists()


def test_demo_refuses_a_database_with_data_unless_forced(capsys, demo_db):
    with Repository.open(demo_db, read_only=True) as repo:
        old_cell, old = repo.load_cell(), repo.summaries()
    code, _, err = run(capsys, "demo", "--db", demo_db, "--months", "3", "--seed", "7")
    assert code == 2
    assert "đã có dữ liệu" in err and "14 kỳ sinh hoạt" in err and "--force" in err
    with Repository.open(demo_db, read_only=True) as repo:
        assert repo.summaries() == old
    code, _, _ = run(capsys, "demo", "--db", demo_db, "--months", "3", "--seed", "7", "--force")
    assert code == 0
    with Repository.open(demo_db, read_only=True) as repo:
        assert len(repo.summaries()) == 3
        assert len(repo.load_all()) == 3
        assert repo.check().problems == []
    # What --force replaced is in a backup.
    (backup,) = list_backups(demo_db)
    saved = json.loads(read_backup(backup.path)["chibo.json"])
    assert len(saved["summaries"]) == 14
    assert saved["cell"]["1"]["name"] == old_cell.name


def test_demo_is_repeatable_with_a_seed(capsys, tmp_path):
    dbs = [tmp_path / name / "chibo.json" for name in ("a", "b", "c")]
    for db, seed in zip(dbs, (11, 11, 12), strict=True):
        assert run(capsys, "demo", "--db", db, "--months", "6", "--seed", seed)[0] == 0
    views = []
    for db in dbs:
        with Repository.open(db, read_only=True) as repo:
            views.append((repo.load_cell(), repo.summaries(), repo.load_all()))
    assert views[0] == views[1]
    assert views[0] != views[2]


# -- restore -------------------------------------------------------------------------


def test_restore_lists_backups_and_restores_by_number(capsys, demo_db):
    with Repository.open(demo_db, read_only=True) as repo:
        original = repo.load_cell(), repo.summaries(), repo.load_all()
    code, out, _ = run(capsys, "restore", "--db", demo_db)
    assert code == 0 and "Chưa có bản sao lưu nào" in out

    assert run(capsys, "demo", "--db", demo_db, "--months", "2", "--seed", "5", "--force")[0] == 0
    code, out, _ = run(capsys, "restore", "--db", demo_db)
    assert code == 0
    (backup,) = list_backups(demo_db)
    assert f" 1. {backup.path.name}" in out and "khi mở" in out

    code, out, _ = run(capsys, "restore", "--db", demo_db, "1")
    assert code == 0
    assert backup.path.name in out and "trước khi khôi phục" in out
    with Repository.open(demo_db, read_only=True) as repo:
        assert (repo.load_cell(), repo.summaries(), repo.load_all()) == original
        assert repo.audit_log()[-1]["kind"] == "restore"
        assert repo.check().problems == []
    kept = [b for b in list_backups(demo_db) if b.tag == "restore"]
    assert len(kept) == 1 and str(kept[0].path) in out
    replaced = json.loads(read_backup(kept[0].path)["chibo.json"])
    assert len(replaced["summaries"]) == 2  # the two-month demo it replaced


def test_restore_of_an_unknown_backup(capsys, demo_db):
    before = snapshot(demo_db.parent)
    code, _, err = run(capsys, "restore", "--db", demo_db, "9")
    assert code == 2 and "Không tìm thấy bản sao lưu “9”" in err
    assert snapshot(demo_db.parent) == before


# -- another chibo holds the database ---------------------------------------------------


def test_read_only_commands_work_while_another_process_holds_the_lock(capsys, demo_db, lock_holder):
    holder = lock_holder(demo_db)
    code, out, err = run(capsys, "check", "--db", demo_db)
    assert code == 0, err
    assert "kỳ sinh hoạt: 14" in out
    before = snapshot(demo_db.parent)
    for argv in (["demo", "--force"], ["restore", "1"], []):
        code, _, err = run(capsys, *argv, "--db", demo_db)
        assert code == 1, argv
        assert f"tiến trình {holder.pid}" in err
        assert "đang được mở bởi một chibo khác" in err
    assert snapshot(demo_db.parent) == before


def test_database_from_the_environment_or_before_the_command(capsys, demo_db, monkeypatch):
    code, out, _ = run(capsys, "--db", demo_db, "check")
    assert code == 0 and f"Kiểm tra {demo_db}" in out and "kỳ sinh hoạt: 14" in out
    monkeypatch.setenv("CHIBO_DB", str(demo_db))
    code, out, _ = run(capsys, "check")
    assert code == 0 and f"Kiểm tra {demo_db}" in out and "kỳ sinh hoạt: 14" in out


def test_check_of_a_missing_database_creates_nothing(capsys, tmp_path):
    code, out, _ = run(capsys, "check", "--db", tmp_path / "chibo.json")
    assert code == 0 and "Chưa có cơ sở dữ liệu" in out  # a folder ready for a first start
    code, out, err = run(capsys, "check", "--db", tmp_path / "nowhere" / "chibo.json")
    assert code == 2 and f"Không có thư mục {tmp_path / 'nowhere'}" in err  # a mistyped path
    assert not (tmp_path / "nowhere").exists() and not (tmp_path / "chibo.json").exists()


@pytest.mark.parametrize("argv", [["--help"], ["export", "--help"], ["demo", "--help"]])
def test_help_has_no_english_left(capsys, argv):  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 0
    out, _ = capsys.readouterr()
    assert out.startswith("cách dùng: chibo") and "tùy chọn:" in out and "--db DB" in out
    for english in ("usage", "options", "show this help", "show program", "positional"):
        assert english not in out


# -- document numbers (issue 12.1) --------------------------------------------------


def _number_on(path):
    """The "Số …" line of the header, as printed on the .docx."""
    import docx

    return docx.Document(str(path)).tables[0].rows[1].cells[0].text


def _exported(out):
    """The path and the number ``chibo export`` printed."""
    assert out.startswith("Đã xuất: ") and out.endswith(")\n")
    path, number = out[len("Đã xuất: ") : -2].split(" (")
    return path, number


def test_numbers_run_through_the_term_across_years(capsys, demo_db, tmp_path):
    """October 2025 and October 2026 no longer share "Số 10-BB/CB"; the summary and
    the plan get numbers instead of a blank slot; a re-export keeps its number."""
    printed = {}
    for kind, flag, when in (
        ("minutes", "--month", "2025-10"),
        ("minutes", "--month", "2026-10"),
        ("report", "--month", "2026-10"),
        ("summary", "--year", "2026"),
        ("plan", "--year", "2027"),
        ("minutes", "--month", "2025-10"),  # again
    ):
        code, out, err = run(capsys, "export", kind, flag, when, "--db", demo_db)
        assert code == 0, err
        path, number = _exported(out)
        assert _number_on(path) == number
        printed.setdefault((kind, when), []).append(number)
    assert printed == {
        ("minutes", "2025-10"): ["Số 01-BB/CB", "Số 01-BB/CB"],
        ("minutes", "2026-10"): ["Số 02-BB/CB"],
        ("report", "2026-10"): ["Số 01-BC/CB"],
        ("summary", "2026"): ["Số 02-BC/CB"],  # a báo cáo: the BC numbers
        ("plan", "2027"): ["Số 01-KH/CB"],
    }


def test_number_option_chooses_and_refuses_a_number_in_use(capsys, demo_db):
    code, out, _ = run(capsys, "export", "minutes", "--month", "2026-09", "--db", demo_db)
    assert code == 0 and _exported(out)[1] == "Số 01-BB/CB"
    code, out, _ = run(
        capsys, "export", "minutes", "--month", "2026-10", "--number", "7", "--db", demo_db
    )
    assert code == 0 and _number_on(_exported(out)[0]) == "Số 07-BB/CB"

    def records():  # the database's own files (a writable open adds a backup)
        return {k: v for k, v in snapshot(demo_db.parent).items() if k.endswith(".json")}

    before = records()
    code, out, err = run(
        capsys, "export", "minutes", "--month", "2026-11", "--number", "1", "--db", demo_db
    )
    assert code == 2 and out == ""
    assert err == PREFIX + (
        "Số 01-BB/CB đã cấp cho biên bản tháng 09/2026 trong nhiệm kỳ 2025–2030; mỗi số chỉ "
        "dùng một lần cho mỗi loại văn bản. Số tiếp theo còn trống: 08.\n"
    )
    assert records() == before  # nothing recorded
    assert not list((demo_db.parent.parent / "exports").glob("2026-11*"))  # nothing written
    code, out, _ = run(capsys, "export", "minutes", "--month", "2026-11", "--db", demo_db)
    assert _exported(out)[1] == "Số 08-BB/CB"


def test_a_first_export_while_the_app_holds_the_database_says_why(capsys, demo_db):
    with Repository.open(demo_db):  # the app, holding the single-writer lock
        code, out, err = run(capsys, "export", "minutes", "--month", "2026-10", "--db", demo_db)
        assert code == 2 and out == ""
        assert err.startswith(PREFIX + "Văn bản này cần cấp số")
        assert "đóng chibo rồi chạy lại" in err
    code, out, _ = run(capsys, "export", "minutes", "--month", "2026-10", "--db", demo_db)
    assert code == 0
    with Repository.open(demo_db):  # numbered now: a re-export needs no lock
        code, out, err = run(capsys, "export", "minutes", "--month", "2026-10", "--db", demo_db)
        assert code == 0 and _exported(out)[1] == "Số 01-BB/CB", err
