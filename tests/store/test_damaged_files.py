"""Never overwrite what cannot be read: stop with the path, the reason, the newest backup."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chibo_tui.store import DamagedDatabaseError, Repository, schema
from chibo_tui.store.backups import list_backups


def _drop(name: str):
    def damage(raw: bytes) -> bytes:
        data = json.loads(raw)
        del data[name]
        return json.dumps(data, ensure_ascii=False).encode()

    return damage


def _set_version(version):
    def damage(raw: bytes) -> bytes:
        data = json.loads(raw)
        data["meta"]["1"]["schema_version"] = version
        return json.dumps(data, ensure_ascii=False).encode()

    return damage


def _set_table(name: str, value):
    def damage(raw: bytes) -> bytes:
        data = json.loads(raw)
        data[name] = value
        return json.dumps(data, ensure_ascii=False).encode()

    return damage


# name → (damage, a phrase of the reason)
DAMAGE = {
    "empty": (lambda raw: b"", "tệp rỗng"),
    "whitespace": (lambda raw: b" \n\t\n", "tệp rỗng"),
    "truncated-1": (lambda raw: raw[:1], "JSON hỏng"),
    "truncated-17": (lambda raw: raw[:17], "JSON hỏng"),
    "truncated-half": (lambda raw: raw[: len(raw) // 2], "cắt cụt"),
    "truncated-last-byte": (lambda raw: raw[:-1], "JSON hỏng"),
    "cut-in-a-letter": (lambda raw: raw[: raw.index("ộ".encode()) + 1], "cắt cụt giữa một chữ"),
    "garbage": (lambda raw: bytes(range(256)) * 4, "UTF-8"),
    "ascii-garbage": (lambda raw: b"PK\x03\x04 not json at all", "JSON hỏng"),
    "nul-filled": (lambda raw: b"\x00" * len(raw), "JSON hỏng"),
    "json-array": (lambda raw: b"[]", "một mảng JSON"),
    "json-string": (lambda raw: b'"chibo"', "một chuỗi"),
    "json-null": (lambda raw: b"null", "không phải một cơ sở dữ liệu chibo"),
    "missing-meta": (_drop("meta"), "thiếu bảng “meta”"),
    "table-not-a-table": (_set_table("meta", [1, 2]), "bảng “meta” không đúng dạng"),
    "future-version": (_set_version(99), "phiên bản dữ liệu 99 mới hơn"),
    "version-as-text": (_set_version("1"), "schema_version"),
    "version-zero": (_set_version(0), "schema_version"),
}
MAIN_ONLY = {
    "missing-cell": (_drop("cell"), "thiếu bảng “cell”"),
    "missing-summaries": (_drop("summaries"), "thiếu bảng “summaries”"),
}
YEAR_ONLY = {"missing-meetings": (_drop("meetings"), "thiếu bảng “meetings”")}


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under the folder: bytes and modification time."""
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


@pytest.fixture
def good_db(factory, db_path, clock):
    """A database of two years, opened twice so that a backup of it exists."""
    cell = factory.cell()
    with Repository.open(db_path, clock=clock) as repo:
        repo.save_cell(cell)
        repo.save_meeting(factory.meeting(cell, "2025-12"))
        repo.save_meeting(factory.meeting(cell, "2026-01"))
    with Repository.open(db_path, clock=clock) as repo:
        assert repo.opening_backup is not None
    return db_path


def _assert_refused(path: Path, damaged: Path, phrase: str, read_only: bool) -> None:
    folder = path.parent
    before = snapshot(folder)
    backups = list_backups(path)
    with pytest.raises(DamagedDatabaseError) as info:
        Repository.open(path, read_only=read_only)
    err = info.value
    message = str(err)
    assert err.path == damaged.absolute()
    assert phrase in err.reason
    assert str(damaged.absolute()) in message and phrase in message
    if backups:
        assert err.newest_backup == backups[0].path
        assert backups[0].path.name in message
    else:
        assert err.newest_backup is None
        assert "Chưa có bản sao lưu nào" in message
    assert snapshot(folder) == before  # byte-identical, untouched, no backup of the damage


@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read"])
@pytest.mark.parametrize("kind", list(DAMAGE | MAIN_ONLY))
def test_damaged_main_file_is_refused_and_left_alone(good_db, kind, read_only):
    damage, phrase = (DAMAGE | MAIN_ONLY)[kind]
    good_db.write_bytes(damage(good_db.read_bytes()))
    _assert_refused(good_db, good_db, phrase, read_only)


@pytest.mark.parametrize("kind", list(DAMAGE | YEAR_ONLY))
def test_damaged_year_file_is_refused_and_left_alone(good_db, kind, year_file):
    damage, phrase = (DAMAGE | YEAR_ONLY)[kind]
    year = year_file(good_db, 2025)
    year.write_bytes(damage(year.read_bytes()))
    _assert_refused(good_db, year, phrase, read_only=False)


def test_damaged_file_without_backups_says_so(db_path):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b'{"meta": {"1": {"schema_version": 1}}, "cell"')
    _assert_refused(db_path, db_path, "JSON hỏng", read_only=False)


def test_year_files_without_the_main_file_are_refused(good_db):
    good_db.unlink()
    _assert_refused(good_db, good_db, "thiếu tệp chính", read_only=False)


def test_unreadable_file_is_refused(good_db):
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode")
    good_db.chmod(0)
    try:
        with pytest.raises(DamagedDatabaseError, match="không đọc được tệp"):
            Repository.open(good_db)
    finally:
        good_db.chmod(0o600)


def test_every_truncation_of_a_real_file_is_refused(good_db):
    raw = good_db.read_bytes()
    for cut in range(0, len(raw), max(1, len(raw) // 40)):
        good_db.write_bytes(raw[:cut])
        with pytest.raises(DamagedDatabaseError):
            Repository.open(good_db, read_only=True)
    good_db.write_bytes(raw)
    with Repository.open(good_db, read_only=True) as repo:
        assert repo.load_cell() is not None


@pytest.mark.parametrize("file", ["main", "year"])
def test_document_id_that_is_not_a_number_is_damage(good_db, file, year_file):
    path = good_db if file == "main" else year_file(good_db, 2026)
    table = "summaries" if file == "main" else "meetings"
    data = json.loads(path.read_bytes())
    data[table]["abc"] = data[table].popitem()[1]
    path.write_bytes(json.dumps(data, ensure_ascii=False).encode())
    try:
        repo = Repository.open(good_db, read_only=True)
    except DamagedDatabaseError as err:
        assert err.path == path.absolute() and "abc" in err.reason
        return
    with repo:
        repo.summaries()
        repo.check()


_JSON_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**80), 2**80),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(),
)
_JSON = st.recursive(
    _JSON_LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(), inner, max_size=4)
    ),
    max_leaves=12,
)


@given(
    records=st.dictionaries(
        st.integers(1, 999).map(str), st.dictionaries(st.text(), _JSON), max_size=3
    ),
    ascii_only=st.booleans(),
)
def test_a_file_parses_to_what_json_reads_from_it(records, ascii_only):  # type: ignore[no-untyped-def]
    """The fast parser gives exactly what the standard library's json gives."""
    tables = {"meta": {"1": {"schema_version": 2}}, "meetings": records}
    raw = json.dumps(tables, ensure_ascii=ascii_only).encode("utf-8")
    parsed = schema.parse(raw, schema.YEAR_TABLES)
    assert parsed == json.loads(raw)
    assert json.dumps(parsed) == json.dumps(json.loads(raw))  # same types, same order


@pytest.mark.parametrize(
    "raw",
    [
        b'{"meta": {"1": {"schema_version": 2, "x": NaN}}, "meetings": {}}',
        b'{"meta": {"1": {"schema_version": 2, "x": "\\ud800"}}, "meetings": {}}',
        b'{"meta": {"1": {"schema_version": 2, "x": 1e400}}, "meetings": {}}',
    ],
)
def test_what_only_json_reads_is_read_as_before(raw):  # type: ignore[no-untyped-def]
    assert schema.parse(raw, schema.YEAR_TABLES)["meta"]["1"]["schema_version"] == 2


# -- files found sound at an earlier open are not decoded again -------------------------


def _counting_checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    from chibo_tui.store import repository

    checked_years: list[int] = []
    real = repository.sound_year

    def counting(year: int, raw: bytes) -> bool:
        checked_years.append(year)
        return real(year, raw)

    monkeypatch.setattr(repository, "sound_year", counting)
    return checked_years


def test_an_unchanged_year_file_is_not_decoded_again(factory, good_db, monkeypatch):  # type: ignore[no-untyped-def]
    checked_years = _counting_checks(monkeypatch)
    with Repository.open(good_db) as repo:
        assert checked_years == []  # both years as they were at the last open
        january = repo.load_meeting("2026-01")
        january.other_business = "Sửa sau lần mở trước"
        repo.save_meeting(january)
    with Repository.open(good_db) as repo:
        assert checked_years == [2026]  # only the file that changed
        assert repo.load_meeting("2026-01").other_business == "Sửa sau lần mở trước"


def test_a_file_damaged_after_it_was_found_sound_is_still_refused(good_db, year_file):  # type: ignore[no-untyped-def]
    path = year_file(good_db, 2026)
    data = json.loads(path.read_bytes())
    (record,) = data["meetings"].values()
    record["reviews"][0]["vote"] = {"in_favour": "mười"}  # the same length of file or not
    path.write_bytes(json.dumps(data, ensure_ascii=False).encode())
    before = {p.name: p.read_bytes() for p in good_db.parent.iterdir() if p.is_file()}
    with pytest.raises(DamagedDatabaseError) as refused:
        Repository.open(good_db)
    assert "in_favour" in str(refused.value)
    after = {p.name: p.read_bytes() for p in good_db.parent.iterdir() if p.is_file()}
    assert after == before  # the record of sound files included


@pytest.mark.parametrize("cache", [b"", b"{not json", b'{"version": "1/0.0.1", "files": {}}'])
def test_a_damaged_or_foreign_cache_means_every_file_is_checked(good_db, monkeypatch, cache):  # type: ignore[no-untyped-def]
    from chibo_tui.store import checked

    checked.cache_path(good_db).write_bytes(cache)
    checked_years = _counting_checks(monkeypatch)
    with Repository.open(good_db):
        assert sorted(checked_years) == [2025, 2026]
