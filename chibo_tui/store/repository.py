"""The one place that reads and writes a chibo database.

Layout on disk (DESIGN.md §7): ``chibo.json`` holds the cell, the month list
(summaries), the audit log and the schema version; the meetings of each year
live in ``chibo.meetings-2026.json`` and so on, so a save rewrites one year's
file, whatever the length of the history.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB
from tinydb.table import Document

from ..domain import rules
from ..domain.codec import CodecError, from_dict, to_dict
from ..domain.model import Cell, Meeting, MeetingState, MeetingSummary
from . import schema
from .atomic import atomic_write, remove_stale_temps
from .backups import Backup, list_backups, read_backup, remove_stale_backup_temps, take_backup
from .errors import DamagedDatabaseError, LockedMeetingError, StoreError
from .lock import DatabaseLock
from .storage import AtomicMemoryStorage

CELL_ID = 1
T = TypeVar("T")


def month_id(month: str) -> int:
    """``"2026-03"`` → ``202603``: the TinyDB document id of a month."""
    return int(month[:4]) * 100 + int(month[5:7])


def id_month(doc_id: int | str) -> str:
    n = int(doc_id)
    return f"{n // 100:04d}-{n % 100:02d}"


_SURROGATE = re.compile("[\ud800-\udfff]")


def nfc_tree(obj: Any) -> Any:
    """Every string in a JSON-ready tree in NFC (keyboards send both forms).

    A lone surrogate (a broken paste) cannot be written as UTF-8; it becomes
    U+FFFD rather than making every later save of the record fail.
    """
    if isinstance(obj, str):
        return unicodedata.normalize("NFC", _SURROGATE.sub("\ufffd", obj))
    if isinstance(obj, list):
        return [nfc_tree(v) for v in obj]
    if isinstance(obj, dict):
        return {nfc_tree(k): nfc_tree(v) for k, v in obj.items()}
    return obj


@dataclass
class CheckReport:
    """What ``chibo check`` found."""

    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


class Repository:
    """Cell, meetings, summaries and audit log of one database, crash-safe.

    Open with :meth:`open`; a writable repository holds the database lock until
    :meth:`close`. All methods are safe to call from a worker thread.
    """

    def __init__(self, path: Path, read_only: bool, clock: Callable[[], datetime]) -> None:
        self.path = path
        self.read_only = read_only
        self._clock = clock
        self._lock = DatabaseLock(path)
        self._mutex = threading.RLock()
        self._main: TinyDB | None = None
        self._years: dict[int, TinyDB] = {}
        self._year_data: dict[int, schema.Tables] = {}
        self.took_over_from: str | None = None
        self.opening_backup: Path | None = None
        self.backup_failed: str | None = None  # why the opening backup could not be taken

    # -- opening and closing -------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        read_only: bool = False,
        clock: Callable[[], datetime] = datetime.now,
    ) -> Repository:
        """Open (or create on first write) the database at ``path``.

        Raises :class:`DatabaseLockedError` when another process writes to it and
        :class:`DamagedDatabaseError` when any of its files cannot be read.
        """
        repo = cls(Path(path).absolute(), read_only, clock)
        if not read_only:
            repo._lock.acquire()
            repo.took_over_from = repo._lock.took_over_from
        try:
            repo._load()
        except BaseException:
            repo._lock.release()
            raise
        return repo

    def _year_path(self, year: int) -> Path:
        return self.path.with_name(f"{self.path.stem}.meetings-{year:04d}.json")

    def files(self) -> list[Path]:
        """The database's files on disk: the main file and one per year."""
        years = sorted(self.path.parent.glob(f"{self.path.stem}.meetings-*.json"))
        main = [self.path] if self.path.exists() else []
        return main + [p for p in years if _year_of(p) is not None]

    def _load(self) -> None:
        if not self.read_only:
            remove_stale_temps(self.path.parent, self.path.name)
            remove_stale_temps(self.path.parent, f"{self.path.stem}.meetings-")
            remove_stale_backup_temps(self.path)
        raw = {p.name: self._read_bytes(p) for p in self.files()}
        if raw and self.path.name not in raw:
            self._damaged(self.path, "thiếu tệp chính trong khi còn tệp các năm")
        main = self._parse(self.path, raw.get(self.path.name), schema.MAIN_TABLES)
        years: dict[int, schema.Tables] = {}
        for p in self.files()[1:]:
            year = _year_of(p)
            assert year is not None
            years[year] = self._parse(p, raw[p.name], schema.YEAR_TABLES)
        cell = main.get("cell", {}).get(str(CELL_ID))
        if cell is not None:
            try:
                from_dict(Cell, cell, "cell")
            except CodecError as exc:
                self._damaged(self.path, f"bản ghi hỏng — {exc}")
        if raw and not self.read_only:
            try:
                self.opening_backup = take_backup(self.path, raw, "open", self._clock())
            except OSError as exc:
                # A full disk must not lock the chair out of the record; say so instead.
                self.backup_failed = exc.strerror or str(exc)
        migrated = [schema.migrate(main)] + [schema.migrate(d) for d in years.values()]
        self._main = self._db(self.path, main)
        self._year_data = years
        if any(migrated) and not self.read_only:
            self._main.storage.write(main)
            for year, data in years.items():
                self._year_db(year).storage.write(data)
            self._audit("migrate", "", f"Nâng cấp dữ liệu lên phiên bản {schema.SCHEMA_VERSION}")

    def _read_bytes(self, path: Path) -> bytes:
        try:
            return path.read_bytes()
        except OSError as exc:
            self._damaged(path, f"không đọc được tệp ({exc.strerror})")
            raise  # unreachable

    def _parse(self, path: Path, raw: bytes | None, tables: tuple[str, ...]) -> schema.Tables:
        if raw is None:
            return schema.empty(tables)
        try:
            return schema.parse(raw, tables)
        except schema.SchemaError as exc:
            self._damaged(path, str(exc))
            raise  # unreachable

    def _damaged(self, path: Path, reason: str) -> None:
        backups = list_backups(self.path)
        newest = backups[0].path if backups else None
        raise DamagedDatabaseError(path, reason, newest, db=self.path)

    def _db(self, path: Path, data: schema.Tables) -> TinyDB:
        tables = schema.MAIN_TABLES if path == self.path else schema.YEAR_TABLES

        def reload() -> schema.Tables:
            try:
                return schema.parse(path.read_bytes(), tables)
            except FileNotFoundError:
                return schema.empty(tables)

        return TinyDB(
            path, storage=AtomicMemoryStorage, data=data, reload=reload, read_only=self.read_only
        )

    def _year_db(self, year: int) -> TinyDB:
        if year not in self._years:
            data = self._year_data.get(year) or schema.empty(schema.YEAR_TABLES)
            self._years[year] = self._db(self._year_path(year), data)
        return self._years[year]

    def close(self) -> None:
        with self._mutex:
            self._lock.release()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def main(self) -> TinyDB:
        assert self._main is not None
        return self._main

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError("Cơ sở dữ liệu đang mở chỉ để đọc")

    # -- the cell ------------------------------------------------------------

    def _decode(self, cls: type[T], data: dict[str, Any], where: str, path: Path) -> T:
        try:
            return from_dict(cls, data, where)
        except CodecError as exc:
            self._damaged(path, f"bản ghi hỏng — {exc}")
            raise  # unreachable

    def load_cell(self) -> Cell | None:
        with self._mutex:
            doc = self.main.table("cell").get(doc_id=CELL_ID)
        return self._decode(Cell, dict(doc), "cell", self.path) if doc else None

    def save_cell(self, cell: Cell) -> None:
        with self._mutex:
            self._writable()
            data = nfc_tree(to_dict(cell))
            self.main.table("cell").upsert(Document(data, doc_id=CELL_ID))

    def has_data(self) -> bool:
        with self._mutex:
            return bool(self.main.table("cell").all()) or bool(self.main.table("summaries").all())

    # -- meetings ------------------------------------------------------------

    def summaries(self) -> list[MeetingSummary]:
        """Every month held, newest first, without loading the meetings."""
        with self._mutex:
            docs = self.main.table("summaries").all()
        found = [
            self._decode(MeetingSummary, dict(d), f"summaries.{d.doc_id}", self.path) for d in docs
        ]
        return sorted(found, key=lambda s: s.month, reverse=True)

    def load_meeting(self, month: str) -> Meeting | None:
        with self._mutex:
            year = int(month[:4])
            if year not in self._year_data and year not in self._years:
                return None
            doc = self._year_db(year).table("meetings").get(doc_id=month_id(month))
        if not doc:
            return None
        return self._decode(Meeting, dict(doc), f"meetings.{month}", self._year_path(year))

    def load_year(self, year: int) -> list[Meeting]:
        with self._mutex:
            if year not in self._year_data and year not in self._years:
                return []
            docs = self._year_db(year).table("meetings").all()
        path = self._year_path(year)
        meetings = [
            self._decode(Meeting, dict(d), f"meetings.{id_month(d.doc_id)}", path) for d in docs
        ]
        return sorted(meetings, key=lambda m: m.month)

    def years(self) -> list[int]:
        with self._mutex:
            return sorted(set(self._year_data) | set(self._years))

    def load_all(self) -> list[Meeting]:
        """Every meeting, oldest first (for remedy tracking and search)."""
        return [m for year in self.years() for m in self.load_year(year)]

    def save_meeting(self, meeting: Meeting) -> None:
        """Write one meeting; finalising takes a backup, a finalised one stays as it was.

        A finalised meeting only changes together with a new dated amendment (its
        reopening or an amendment); anything else raises :class:`LockedMeetingError`.
        """
        with self._mutex:
            self._writable()
            data = nfc_tree(to_dict(meeting))
            table = self._year_db(meeting.year).table("meetings")
            doc_id = month_id(meeting.month)
            old = table.get(doc_id=doc_id)
            old_state = old.get("state") if old else None
            if old is not None and old_state == MeetingState.FINALISED.value:
                same = _without_resume(dict(old)) == _without_resume(data)
                if same:
                    # A finalise whose summary write failed is completed here.
                    if self._save_summary(meeting) and meeting.is_final:
                        self._audit("finalise", meeting.month, meeting.override_reason)
                        take_backup(self.path, self._current_bytes(), "finalise", self._clock())
                    return
                if len(data.get("amendments", [])) <= len(old.get("amendments", [])):
                    raise LockedMeetingError(meeting.month)
            table.upsert(Document(data, doc_id=doc_id))
            self._save_summary(meeting)
            if meeting.is_final and old_state != MeetingState.FINALISED.value:
                self._audit("finalise", meeting.month, meeting.override_reason)
                take_backup(self.path, self._current_bytes(), "finalise", self._clock())
            elif old_state == MeetingState.FINALISED.value and not meeting.is_final:
                reason = meeting.amendments[-1].reason if meeting.amendments else ""
                self._audit("reopen", meeting.month, reason)
            elif old_state == MeetingState.FINALISED.value:
                self._audit("amend", meeting.month, meeting.amendments[-1].reason)

    def _save_summary(self, meeting: Meeting) -> bool:
        """Write the month's summary if it changed; ``True`` when it did."""
        summary = to_dict(rules.summarise(meeting))
        table = self.main.table("summaries")
        doc_id = month_id(meeting.month)
        old = table.get(doc_id=doc_id)
        if old is not None and dict(old) == summary:
            return False
        table.upsert(Document(summary, doc_id=doc_id))
        return True

    def import_history(self, cell: Cell, meetings: list[Meeting]) -> None:
        """Write a whole cell and its history into an empty database, one write per file."""
        with self._mutex:
            self._writable()
            if self.has_data():
                raise StoreError("Cơ sở dữ liệu đã có dữ liệu")
            by_year: dict[int, list[Meeting]] = {}
            for meeting in meetings:
                by_year.setdefault(meeting.year, []).append(meeting)
            for year, group in sorted(by_year.items()):
                self._year_db(year).table("meetings").insert_multiple(
                    Document(nfc_tree(to_dict(m)), doc_id=month_id(m.month)) for m in group
                )
            self.main.table("summaries").insert_multiple(
                Document(to_dict(rules.summarise(m)), doc_id=month_id(m.month)) for m in meetings
            )
            self.save_cell(cell)

    def record(self, kind: str, month: str, reason: str) -> None:
        """Add an event (restore, roster change …) to the audit log."""
        with self._mutex:
            self._writable()
            self._audit(kind, month, reason)

    def delete_everything(self) -> None:
        """Empty the database (``chibo demo --force``); a backup was taken at open."""
        with self._mutex:
            self._writable()
            for year in self.years():
                self._year_path(year).unlink(missing_ok=True)
            self._years.clear()
            self._year_data.clear()
            self.main.storage.write(schema.empty(schema.MAIN_TABLES))
            for name in schema.MAIN_TABLES:
                self.main.table(name).clear_cache()

    # -- audit log -----------------------------------------------------------

    def _audit(self, kind: str, month: str, reason: str) -> None:
        self.main.table("audit").insert(
            {
                "at": self._clock().isoformat(timespec="seconds"),
                "kind": kind,
                "month": month,
                "reason": reason,
            }
        )

    def audit_log(self) -> list[dict[str, str]]:
        with self._mutex:
            return [dict(d) for d in self.main.table("audit").all()]

    # -- backups -------------------------------------------------------------

    def _current_bytes(self) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in self.files()}

    def backups(self) -> list[Backup]:
        return list_backups(self.path)

    # -- integrity -----------------------------------------------------------

    def check(self) -> CheckReport:
        """Decode everything and test every meeting's invariants."""
        report = CheckReport()
        problems = report.problems
        try:
            cell = self.load_cell()
        except DamagedDatabaseError as exc:
            problems.append(f"Hồ sơ chi bộ hỏng: {exc.reason}")
            cell = None
        report.counts["đảng viên"] = len(cell.active_members()) if cell else 0
        summaries = {s.month: s for s in self._safe(self.summaries, problems) or []}
        meetings: list[Meeting] = []
        stored: set[str] = set()
        for year in self.years():
            with self._mutex:
                docs = self._year_db(year).table("meetings").all()
            for doc in docs:
                month = id_month(doc.doc_id)
                stored.add(month)
                try:
                    meeting = from_dict(Meeting, dict(doc), f"meetings.{month}")
                except CodecError as exc:
                    problems.append(f"Tháng {month}: bản ghi hỏng — {exc}")
                    continue
                meetings.append(meeting)
                problems.extend(f"Tháng {month}: {p}" for p in _invariants(meeting, month, year))
                if to_dict(rules.summarise(meeting)) != to_dict(summaries.get(month)):
                    problems.append(f"Tháng {month}: danh sách tháng chưa khớp với biên bản")
        missing = sorted(set(summaries) - stored)
        problems.extend(f"Tháng {m}: có trong danh sách nhưng không có biên bản" for m in missing)
        report.counts["kỳ sinh hoạt"] = len(meetings)
        report.counts["đã chốt"] = sum(m.is_final for m in meetings)
        report.counts["dự thảo"] = sum(not m.is_final for m in meetings)
        report.counts["giải pháp"] = sum(len(m.remedies()) for m in meetings)
        report.counts["tệp"] = len(self.files())
        return report

    @staticmethod
    def _safe(fn: Callable[[], Any], problems: list[str]) -> Any:
        try:
            return fn()
        except DamagedDatabaseError as exc:
            problems.append(f"Danh sách tháng hỏng: {exc.reason}")
            return None


def restore(db_path: Path, backup: Path, clock: Callable[[], datetime] = datetime.now) -> Path:
    """Replace the database's files by a backup's, after backing up what is there.

    Works on a damaged database too: the current bytes are saved as they are.
    Returns the backup taken of the state before the restore.
    """
    db_path = db_path.absolute()
    lock = DatabaseLock(db_path)
    lock.acquire()
    try:
        files = read_backup(backup)
        if db_path.name not in files:
            raise StoreError(f"Bản sao lưu {backup.name} không chứa tệp {db_path.name}")
        for name, data in files.items():
            tables = schema.MAIN_TABLES if name == db_path.name else schema.YEAR_TABLES
            try:
                schema.parse(data, tables)
            except schema.SchemaError as exc:
                raise StoreError(f"Bản sao lưu {backup.name} hỏng ({name}: {exc})") from None
        current = [db_path] if db_path.exists() else []
        current += sorted(db_path.parent.glob(f"{db_path.stem}.meetings-*.json"))
        before = take_backup(db_path, {p.name: p.read_bytes() for p in current}, "restore", clock())
        for name, data in files.items():
            atomic_write(db_path.parent / name, data)
        for p in current:
            if p.name not in files:
                p.unlink()
        return before or backup
    finally:
        lock.release()


def _year_of(path: Path) -> int | None:
    tail = path.name.rsplit(".meetings-", 1)[-1].removesuffix(".json")
    return int(tail) if tail.isdigit() and len(tail) == 4 else None


def _without_resume(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "resume"}


def _invariants(meeting: Meeting, month: str, year: int) -> list[str]:
    problems = []
    if meeting.month != month or meeting.year != year:
        problems.append(f"khóa tháng {meeting.month} không khớp vị trí lưu")
    numbers = sorted(r.number for r in meeting.reviews)
    if numbers != [1, 2, 3, 4]:
        problems.append(f"cần đúng 4 tiêu chí 1–4, có {numbers}")
    ids = [a.member_id for a in meeting.attendance]
    if len(ids) != len(set(ids)):
        problems.append("một đảng viên xuất hiện hai lần trong điểm danh")
    if meeting.is_final:
        counts = rules.attendance_counts(meeting.attendance)
        for review in meeting.reviews:
            if review.vote is not None:
                valid = rules.vote_validity(review.vote, counts.voters)
                if not valid.value:
                    problems.append(f"tiêu chí {review.number}: {valid.reason}")
        if meeting.finalised_at is None:
            problems.append("đã chốt nhưng thiếu thời điểm chốt")
    return problems
