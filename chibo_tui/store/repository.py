"""The one place that reads and writes a chibo database.

Layout on disk (DESIGN.md §7, ``layout``): ``chibo.json`` holds the cell, the
month list (summaries), the audit log, the schema version and the names of the
year files; the meetings of each year live in a file of their own
(``chibo.meetings-2026.g17.json``), so a save rewrites one year's file, whatever
the length of the history, and a change that spans files has one commit point.

Two copies of the tables live in memory. The writer's (TinyDB over
``MemoryStorage``) is changed by a transaction and written at its end, under
the repository's mutex. The readers' (:class:`Committed`) is what the last
commit put on disk, and is never changed: a commit swaps in a new one with one
assignment. So the UI thread's reads never wait for a commit in progress and its
fsyncs (20–750 ms, seconds on a slow disk), and never see a change that is not
on disk yet. Its main tables are parsed from the very bytes written; its year
files are read from disk when a reader needs them, checked by digest, and kept
by the writer for older snapshots before it replaces them (``year_tables``).
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import msgspec
from msgspec import field
from tinydb import TinyDB
from tinydb.table import Document

from ..domain import rules
from ..domain.carried import Carried
from ..domain.codec import CodecError, from_dict, to_dict
from ..domain.model import Cell, Meeting, MeetingState, MeetingSummary
from . import checked, layout, schema
from .atomic import remove_stale_temps
from .backups import (
    Backup,
    FilesDigest,
    backup_folder,
    list_backups,
    remove_stale_backup_temps,
    take_backup,
)
from .commit import commit, remove_unnamed, replace_in_place
from .errors import DamagedDatabaseError, LockedMeetingError, StoreError, write_failure
from .layout import database_path
from .lock import DatabaseLock
from .restore import restore
from .snapshot import FileDamage, Snapshot, parse_year, read_database, read_year_file
from .storage import MemoryStorage
from .validate import cell_damage, meeting_damage, newest_good_backup, sound_year, validate
from .year_carried import decode_carried
from .year_tables import YearTables, YearVersion

__all__ = ["CheckReport", "Repository", "restore"]

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


class Committed(msgspec.Struct, frozen=True):
    """The database as the last commit left it on disk: what readers read, lock-free.

    Never changed once published (the tables are not copied for readers, so nothing
    may write into them): a commit makes a new one and swaps it in.
    """

    db_path: Path
    main: schema.Tables
    years: YearTables
    generations: Mapping[int, int]  # year → the generation of its file on disk
    main_on_disk: bool

    def year_path(self, year: int) -> Path:
        return layout.year_path(self.db_path, year, self.generations[year])

    def files(self) -> list[Path]:
        main = [self.db_path] if self.main_on_disk else []
        return main + [self.year_path(year) for year in sorted(self.generations)]


def _copy(tables: schema.Tables) -> schema.Tables:
    """A private copy for the writer to change (C speed, unlike ``copy.deepcopy``)."""
    parsed: schema.Tables = json.loads(schema.dumps(tables))
    return parsed


class CheckReport(msgspec.Struct):
    """What ``chibo check`` found."""

    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


class Repository:
    """Cell, meetings, summaries and audit log of one database, crash-safe.

    Open with :meth:`open`; a writable repository holds the database lock until
    :meth:`close`. All methods are safe to call from a worker thread. Each
    public method that changes something is one transaction: its changes reach
    the disk together, at its end, or not at all (see :meth:`transaction`).
    Readers (``load_*``, ``summaries``, ``years``, ``has_data``, ``audit_log``,
    ``files``, ``check``) see the last commit and never wait for the next one.
    """

    def __init__(self, path: Path, read_only: bool, clock: Callable[[], datetime]) -> None:
        self.path = path
        self.read_only = read_only
        self._clock = clock
        self._lock = DatabaseLock(path)
        self._defer_backup = False
        self._found_sound: tuple[dict[str, str], dict[str, str]] = ({}, {})
        self._mutex = threading.RLock()
        # Held to read a year file from disk or to pin its bytes, never across a write.
        self._files_lock = threading.Lock()
        self._main: TinyDB | None = None
        self._years: dict[int, TinyDB] = {}
        # What is on disk: the generation of each year's file and of the last commit.
        self._generations: dict[int, int] = {}
        self._generation = 0
        self._main_on_disk = False
        self._depth = 0  # transactions open, one inside the other
        self._writer: int | None = None  # the thread inside them
        self._after_commit: list[Callable[[], object]] = []
        self._committed = Committed(
            path, schema.empty(schema.MAIN_TABLES), YearTables({}), {}, False
        )
        # The last summaries decoded: the committed table they came from, the list, and
        # each record with its summary (see :meth:`summaries`).
        self._summaries: (
            tuple[Any, list[MeetingSummary], dict[str, tuple[Any, MeetingSummary]]] | None
        ) = None
        self.took_over_from: str | None = None
        self._opening_backup: Path | None = None
        self._backup_failed: str | None = None
        self._pending_backup: tuple[_Files, str] | None = None
        """The opening backup, when it is to be taken by the first thread that needs it."""
        self._backup_taken = threading.Lock()

    # -- opening and closing -------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        read_only: bool = False,
        clock: Callable[[], datetime] = datetime.now,
        defer_backup: bool = False,
    ) -> Repository:
        """Open (or create on first write) the database at ``path``.

        Raises :class:`DatabaseLockedError` when another process writes to it and
        :class:`DamagedDatabaseError` when any of its files cannot be read.
        ``defer_backup``: the opening backup (40–60 ms, and an fsync) is
        taken by the first thread that asks for it (``opening_backup``,
        ``backup_failed``, a finalise, ``close``): the app asks from a worker once its
        first screen is painted, so the zip does not compete with drawing it.
        """
        repo = cls(database_path(path), read_only, clock)
        repo._defer_backup = defer_backup
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
        return layout.year_path(self.path, year, self._generations[year])

    def year_file(self, year: int) -> Path | None:
        """The file holding the meetings of ``year`` on disk, if there is one."""
        committed = self._committed
        return committed.year_path(year) if year in committed.generations else None

    def files(self) -> list[Path]:
        """The database's files on disk: the main file and the year files it names."""
        return self._committed.files()

    def _load(self) -> None:
        if not self.read_only:
            remove_stale_temps(self.path.parent, self.path.name)
            remove_stale_temps(self.path.parent, f"{self.path.stem}.meetings-")
            remove_stale_backup_temps(self.path)
            checked.remove_stale(self.path)
        try:
            snap = read_database(self.path, writer=not self.read_only, lazy=True)
            files = self._check_years(snap)
        except FileDamage as exc:
            self._damaged(exc.path, exc.reason)
        main = snap.main if snap.main is not None else schema.empty(schema.MAIN_TABLES)
        migrated = [schema.migrate(main)] + [schema.migrate(d) for d in snap.years.values()]
        years = {year: (snap.year_path(year), data) for year, data in snap.years.items()}
        report = validate(self.path, main, years, findings=False)
        if report.damage:
            # Before any backup: a copy of the damage must not become "the newest backup".
            self._damaged(report.damage[0].path, report.reason())
        known, sound = self._found_sound
        if sound != known and not self.read_only:
            # Only once the open succeeded: a refused open leaves the folder as it was.
            checked.save(self.path, sound)
        if snap.main is not None and not self.read_only:
            # The versions just checked: a write made meanwhile pins what it replaces, so
            # it does not change what is backed up as the state at open.
            opened = _Files(snap.db_path, snap.raw[snap.db_path.name], files, self._damaged)
            args = (opened, opened.digest())  # from the digests just computed: no bytes read
            if self._defer_backup:
                self._pending_backup = args
            else:
                self._back_up_opening(*args)
        if not self.read_only:
            remove_unnamed(self.path, {snap.year_path(year) for year in snap.generations})
        self._main_on_disk = snap.main is not None
        self._generations, self._generation = dict(snap.generations), snap.generation
        self._committed = Committed(
            self.path,
            main,
            YearTables(snap.years, files),
            dict(snap.generations),
            self._main_on_disk,
        )
        # The writer's tables are copied from the readers' when it first needs them:
        # a read-only open, and each year never saved to, costs no copy.
        self._main = self._db(None, self._reload_main)
        self._years = {year: self._db(None, self._reloader(year)) for year in snap.generations}
        if any(migrated) and not self.read_only:
            with self.transaction():
                # Every file is written anew, under new names, in one commit.
                for db in [self.main, *self._years.values()]:
                    _storage(db).dirty = True
                self._audit(
                    "migrate", "", f"Nâng cấp dữ liệu lên phiên bản {schema.SCHEMA_VERSION}"
                )

    def _check_years(self, snap: Snapshot) -> dict[int, YearVersion]:
        """Check each year file and keep only its version (path and digest) for readers
        to read it again when they need it; parse any file not plainly sound now, for
        the validator to say what is wrong with it.

        A file whose bytes are those found sound at an earlier open is not decoded
        again (``checked``): the open of a long history costs what home needs. A
        writer reads the files one at a time and holds none of them afterwards; a
        reader, whose files a writer may replace, keeps the bytes it read.
        """
        known = checked.load(self.path)
        sound: dict[str, str] = {}
        files: dict[int, YearVersion] = {}
        for year in sorted(snap.generations):
            path = snap.year_path(year)
            raw = snap.unparsed.pop(year) if self.read_only else read_year_file(path)
            digest = checked.digest(raw)
            if known.get(path.name) == digest or sound_year(year, raw):
                sound[path.name] = digest
            else:
                snap.years[year] = parse_year(path, raw)
            files[year] = YearVersion(
                path, digest, self._files_lock, raw if self.read_only else None
            )
        self._found_sound = (known, sound)
        return files

    def _back_up_opening(self, files: Mapping[str, bytes], digest: str) -> None:
        try:
            self._opening_backup = take_backup(self.path, files, "open", self._clock(), digest)
        except OSError as exc:
            # A full disk must not lock the chair out of the record; say so instead.
            self._backup_failed = write_failure(exc, backup_folder(self.path))
        except DamagedDatabaseError as exc:
            # A year file changed by hand since the open: not backed up as its state.
            self._backup_failed = f"{exc.path}: {exc.reason}"

    def _backed_up(self) -> None:
        """Take the opening backup if no thread has yet, or wait for the one taking it."""
        with self._backup_taken:
            pending, self._pending_backup = self._pending_backup, None
            if pending is not None:
                self._back_up_opening(*pending)

    @property
    def opening_backup(self) -> Path | None:
        """The backup taken at open (``None``: the same as the newest, or none to take)."""
        self._backed_up()
        return self._opening_backup

    @property
    def backup_failed(self) -> str | None:
        """Why the opening backup could not be taken (Vietnamese), if it could not."""
        self._backed_up()
        return self._backup_failed

    def _damaged(self, path: Path, reason: str) -> NoReturn:
        raise DamagedDatabaseError(path, reason, newest_good_backup(self.path), db=self.path)

    def _db(self, data: schema.Tables | None, reload: Callable[[], schema.Tables]) -> TinyDB:
        return TinyDB(storage=MemoryStorage, data=data, reload=reload, read_only=self.read_only)

    def _reload_main(self) -> schema.Tables:
        # The last commit is what is on disk (this process holds the lock): a copy
        # of it in memory is what reading the file again would give.
        return _copy(self._committed.main)

    def _reloader(self, year: int) -> Callable[[], schema.Tables]:
        def reload() -> schema.Tables:
            with self._reading():
                return self._committed.years.private_copy(year)

        return reload

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        """A year file read after the open that is not the version found then is damage,
        refused with the open's message (its bytes are never taken)."""
        try:
            yield
        except FileDamage as exc:
            self._damaged(exc.path, exc.reason)

    def _year_db(self, year: int) -> TinyDB:
        """The year's tables, created empty (in memory) for a year not held yet."""
        if year not in self._years:
            self._years[year] = self._db(schema.empty(schema.YEAR_TABLES), self._reloader(year))
        return self._years[year]

    def close(self) -> None:
        self._backed_up()  # under the lock: only its holder writes backups
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

    # -- transactions --------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Group changes: at the end of the outermost one they reach the disk together.

        When the block raises, or the write fails (a full disk), nothing of it is
        on disk and the memory is back to what is on disk.
        """
        with self._mutex:
            self._depth += 1
            self._writer = threading.get_ident()
            try:
                yield
                if self._depth == 1:
                    self._write()
            except BaseException:
                if self._depth == 1:
                    self._rollback()
                raise
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._writer = None
            if self._depth == 0:
                done, self._after_commit = self._after_commit, []
                for step in done:
                    step()

    def _write(self) -> None:
        main = _storage(self.main)
        changed = {y for y, db in self._years.items() if _storage(db).dirty}
        changed |= set(self._years) - set(self._generations)
        gone = set(self._generations) - set(self._years)
        if not (main.dirty or changed or gone):
            return
        if not gone and len(changed) + main.dirty == 1:
            # One file changed and no other depends on it (typed text; the cell):
            # replacing it in place is atomic already, and cheap.
            if main.dirty:
                data = self._main_bytes(self._generation, self._generations)
                replace_in_place(self.path, data)
                self._main_on_disk = True
                main.committed()
                self._publish(data, {}, set())
                return
            (year,) = changed
            if year in self._generations:
                data = schema.dumps(_storage(self._years[year]).data)
                self._committed.years.pin({year})  # readers of the snapshots holding it
                replace_in_place(self._year_path(year), data)
                _storage(self._years[year]).committed()
                self._publish(None, {year: data}, set())
                return
        self._commit(changed, gone)

    def _commit(self, changed: set[int], gone: set[int]) -> None:
        generation = self._generation + 1
        generations = {y: generation if y in changed else self._generations[y] for y in self._years}
        year_bytes = {y: schema.dumps(_storage(self._years[y]).data) for y in sorted(changed)}
        new_files = {layout.year_path(self.path, y, generation): b for y, b in year_bytes.items()}
        old = [self._year_path(y) for y in sorted(self._generations) if y in changed | gone]
        if not self._main_on_disk:
            # Year files without a main file read as damage (a main file lost), never
            # as the leftovers of a first commit cut short: so the main file comes first.
            empty = schema.with_layout(schema.empty(schema.MAIN_TABLES), 0, {})
            replace_in_place(self.path, schema.dumps(empty))
            self._main_on_disk = True
            self._publish(None, {}, set())
        main_bytes = self._main_bytes(generation, generations)
        # The files removed once the main file names others: readers of the snapshots
        # holding them keep them (a commit that fails keeps them in memory for nothing,
        # until the next one).
        self._committed.years.pin((changed | gone) & set(self._generations))
        commit(self.path, main_bytes, new_files, old)
        self._generation, self._generations = generation, generations
        main = _storage(self.main)
        main.data["meta"] = schema.with_layout(main.data, generation, generations)["meta"]
        for db in [self.main, *self._years.values()]:
            _storage(db).committed()
        self._publish(main_bytes, year_bytes, gone)

    def _view(self) -> Committed:
        """What this thread reads: the last commit, or, inside its own transaction, the
        writer's tables with the changes made so far (read your own writes)."""
        if self._writer != threading.get_ident():
            return self._committed
        years = {y: _storage(db).data for y, db in self._years.items()}
        generations = {y: self._generations.get(y, self._generation + 1) for y in years}
        return Committed(
            self.path, _storage(self.main).data, YearTables(years), generations, self._main_on_disk
        )

    def _publish(self, main: bytes | None, years: dict[int, bytes], gone: set[int]) -> None:
        """Swap in what was just committed, from the bytes on disk, for readers.

        One assignment: a reader has the old state or the new one, whole. The files
        not written this time keep their versions (shared: nothing changes them); those
        written get new ones, read from disk when a reader needs them.
        """
        old = self._committed
        # A write of one year (typing, a finalise) keeps the bytes it wrote: it is the
        # year being worked on, and the next in-place save need not read them to pin
        # them. A write of many (an import, a migration) keeps none.
        keep = len(years) == 1
        written = {
            y: YearVersion(
                self._year_path(y), checked.digest(b), self._files_lock, b if keep else None
            )
            for y, b in years.items()
        }
        self._committed = Committed(
            self.path,
            json.loads(main) if main is not None else old.main,
            old.years.carried(written, gone),
            dict(self._generations),
            self._main_on_disk,
        )

    def _main_bytes(self, generation: int, generations: dict[int, int]) -> bytes:
        return schema.dumps(schema.with_layout(_storage(self.main).data, generation, generations))

    def _rollback(self) -> None:
        """Back to what is on disk: changed tables are read again when next needed."""
        self._after_commit.clear()
        if _storage(self.main).dirty:
            self._main = self._db(None, self._reload_main)
        for year in list(self._years):
            if year not in self._generations:
                del self._years[year]
            elif _storage(self._years[year]).dirty:
                self._years[year] = self._db(None, self._reloader(year))
        for year in self._generations:
            if year not in self._years:
                self._years[year] = self._db(None, self._reloader(year))

    # -- the cell ------------------------------------------------------------

    def _decode(self, cls: type[T], data: dict[str, Any], where: str, path: Path) -> T:
        try:
            return from_dict(cls, data, where)
        except CodecError as exc:
            self._damaged(path, f"bản ghi hỏng — {exc}")

    def load_cell(self) -> Cell | None:
        doc = self._view().main["cell"].get(str(CELL_ID))
        return self._decode(Cell, dict(doc), "cell", self.path) if doc else None

    def save_cell(self, cell: Cell) -> None:
        with self.transaction():
            self._writable()
            _refuse_damage(cell_damage(cell))
            data = nfc_tree(to_dict(cell))
            self.main.table("cell").upsert(Document(data, doc_id=CELL_ID))

    def has_data(self) -> bool:
        committed = self._view()
        if committed.main["cell"] or committed.main["summaries"]:
            return True
        with self._reading():
            return any(committed.years.has_meetings(year) for year in committed.years)

    # -- meetings ------------------------------------------------------------

    def summaries(self) -> list[MeetingSummary]:
        """Every month held, newest first, without loading the meetings.

        Decoded once per record: a summary whose record did not change since the last
        call is the same object as then (home, the year view and every meeting opened
        ask for the list; with 600 months decoding it all took ~35 ms each time).
        Nobody may change the objects returned.
        """
        view = self._view()
        docs = view.main["summaries"]
        known = self._summaries
        if view is not self._committed:  # the writer's tables, inside its transaction
            return self._decode_summaries(docs, {})[0]
        if known is not None and known[0] is docs:
            return list(known[1])
        found, decoded = self._decode_summaries(docs, known[2] if known else {})
        self._summaries = (docs, found, decoded)  # one assignment: safe for any thread
        return list(found)

    def _decode_summaries(
        self, docs: Mapping[str, Any], known: dict[str, tuple[Any, MeetingSummary]]
    ) -> tuple[list[MeetingSummary], dict[str, tuple[Any, MeetingSummary]]]:
        decoded = {}
        for key, doc in docs.items():
            old = known.get(key)
            if old is not None and old[0] == doc:
                decoded[key] = old
            else:
                summary = self._decode(MeetingSummary, dict(doc), f"summaries.{key}", self.path)
                decoded[key] = (doc, summary)
        found = sorted((s for _, s in decoded.values()), key=lambda s: s.month, reverse=True)
        return found, decoded

    def load_meeting(self, month: str) -> Meeting | None:
        committed = self._view()
        year = int(month[:4])
        if year not in committed.years:
            return None
        key = str(month_id(month))
        with self._reading():
            decoded = committed.years.meetings(year)
            if decoded is not None:
                return decoded.get(key)
            doc = committed.years[year]["meetings"].get(key)
        if not doc:
            return None
        return self._decode(Meeting, dict(doc), f"meetings.{month}", committed.year_path(year))

    def load_year(self, year: int) -> list[Meeting]:
        committed = self._view()
        if year not in committed.years:
            return []
        with self._reading():
            decoded = committed.years.meetings(year)
            table = committed.years[year]["meetings"] if decoded is None else {}
        if decoded is not None:
            meetings = list(decoded.values())
        else:
            path = committed.year_path(year)
            meetings = [
                self._decode(Meeting, dict(d), f"meetings.{id_month(key)}", path)
                for key, d in table.items()
            ]
        return sorted(meetings, key=lambda m: m.month)

    def carried(self, year: int) -> list[Carried]:
        """What each meeting of ``year`` hands on to later ones (its remedies, follow-ups,
        tasks and task reviews), in the order of :meth:`load_year`.

        From the year file's bytes alone (read again and checked against the version
        found at open, as :meth:`load_year` reads them) when its tables are not held:
        the summary's earlier years at 600 months decode in ~10 ms, against ~215 ms
        for the meetings in full. Else from the meetings themselves.
        """
        committed = self._view()
        if year not in committed.years:
            return []
        with self._reading():
            raw = committed.years.raw(year)
        found = decode_carried(raw) if raw is not None else None
        if found is None:
            found = [Carried.of(m) for m in self.load_year(year)]
        return found

    def years(self) -> list[int]:
        return sorted(self._view().years)

    def load_all(self) -> list[Meeting]:
        """Every meeting, oldest first (for remedy tracking and search)."""
        return [m for year in self.years() for m in self.load_year(year)]

    def save_meeting(self, meeting: Meeting) -> None:
        """Write one meeting and its month summary; a finalised one stays as it was.

        A finalised meeting only changes together with a new dated amendment (its
        reopening or an amendment); anything else raises :class:`LockedMeetingError`.
        Finalising takes a backup once the change is on disk.
        """
        with self.transaction():
            self._writable()
            damage = meeting_damage(meeting, meeting.month, meeting.year)
            _refuse_damage([f"Tháng {meeting.month}: {p}" for p in damage])
            data = nfc_tree(to_dict(meeting))
            table = self._year_db(meeting.year).table("meetings")
            doc_id = month_id(meeting.month)
            old = table.get(doc_id=doc_id)
            old_state = old.get("state") if old else None
            if old is not None and old_state == MeetingState.FINALISED.value:
                same = _without_resume(dict(old)) == _without_resume(data)
                if same:
                    # A finalise cut between its files by an older chibo (one file
                    # per write) is completed here.
                    if self._save_summary(meeting) and meeting.is_final:
                        self._finalised(meeting)
                    return
                if len(data.get("amendments", [])) <= len(old.get("amendments", [])):
                    raise LockedMeetingError(meeting.month)
            table.upsert(Document(data, doc_id=doc_id))
            self._save_summary(meeting)
            if meeting.is_final and old_state != MeetingState.FINALISED.value:
                self._finalised(meeting)
            elif old_state == MeetingState.FINALISED.value and not meeting.is_final:
                reason = meeting.amendments[-1].reason if meeting.amendments else ""
                self._audit("reopen", meeting.month, reason)
            elif old_state == MeetingState.FINALISED.value:
                self._audit("amend", meeting.month, meeting.amendments[-1].reason)

    def _finalised(self, meeting: Meeting) -> None:
        self._audit("finalise", meeting.month, meeting.override_reason)

        def back_up() -> None:
            self._backed_up()  # one backup at a time: they number themselves per second
            files = self._current_bytes()
            take_backup(self.path, files, "finalise", self._clock(), files.digest())

        self._after_commit.append(back_up)

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

    def discard_draft(self, month: str) -> None:
        """Remove a month's draft and its summary (a month opened by mistake)."""
        with self.transaction():
            self._writable()
            year = int(month[:4])
            doc = (
                self._years[year].table("meetings").get(doc_id=month_id(month))
                if year in self._years
                else None
            )
            if doc is None:
                return
            if doc.get("state") == MeetingState.FINALISED.value:
                raise LockedMeetingError(month)
            self._years[year].table("meetings").remove(doc_ids=[month_id(month)])
            self.main.table("summaries").remove(doc_ids=[month_id(month)])
            if not self._years[year].table("meetings").all():
                del self._years[year]  # no empty year files

    def import_history(self, cell: Cell, meetings: list[Meeting], *, replace: bool = False) -> None:
        """Write a whole cell and its history, in one commit.

        Into an empty database; with ``replace`` (``chibo demo --force``), in place of
        everything there (a backup was taken at open): the old database or the new
        one is on disk, never a mix, whenever the process dies.
        """
        with self.transaction():
            self._writable()
            if replace:
                self.delete_everything()
            elif self.has_data():
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
        with self.transaction():
            self._writable()
            self._audit(kind, month, reason)

    def delete_everything(self) -> None:
        """Empty the database (``chibo demo --force``); a backup was taken at open."""
        with self.transaction():
            self._writable()
            self._years.clear()
            # A new TinyDB: its tables keep no cached ids of the records dropped.
            self._main = self._db(schema.empty(schema.MAIN_TABLES), self._reload_main)
            _storage(self._main).dirty = True

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
        return [dict(d) for d in self._view().main["audit"].values()]

    # -- backups -------------------------------------------------------------

    def _current_bytes(self) -> _Files:
        """The files of the last commit, each read (and checked) when the backup asks."""
        committed = self._committed
        main = self.path.read_bytes()  # this process wrote it last: what it committed
        files = {y: f for y in committed.years if (f := committed.years.version(y)) is not None}
        return _Files(self.path, main, files, self._damaged)

    def backups(self) -> list[Backup]:
        return list_backups(self.path)

    # -- integrity -----------------------------------------------------------

    def check(self) -> CheckReport:
        """Decode everything and test what must hold (``validate``): damage and findings."""
        committed = self._view()
        with self._reading():
            years = {y: (committed.year_path(y), t) for y, t in committed.years.items()}
        found = validate(self.path, committed.main, years)
        report = CheckReport(counts=found.counts)
        report.problems = [p.text for p in found.damage] + found.findings
        report.counts["tệp"] = len(self.files())
        return report


class _Files(Mapping[str, bytes]):
    """File name → bytes of one committed state, each year file read when asked for
    (a backup zips them one at a time, never holding them all)."""

    def __init__(
        self,
        db_path: Path,
        main: bytes,
        years: Mapping[int, YearVersion],
        damaged: Callable[[Path, str], NoReturn],
    ) -> None:
        self._main_name, self._main = db_path.name, main
        self._years = {f.path.name: f for f in years.values()}
        self._damaged = damaged

    def digest(self) -> str:
        """The backup's digest of these files, from the digests their versions carry
        (checked whenever a file is read): none is read for it."""
        found = FilesDigest()
        digests = {self._main_name: checked.digest(self._main)}
        digests.update({name: f.digest for name, f in self._years.items()})
        for name in sorted(digests):
            found.add(name, digests[name])
        return found.hexdigest()

    def __getitem__(self, name: str) -> bytes:
        if name == self._main_name:
            return self._main
        try:
            return self._years[name].read()
        except FileDamage as exc:
            self._damaged(exc.path, exc.reason)

    def __iter__(self) -> Iterator[str]:
        return iter([self._main_name, *self._years])

    def __len__(self) -> int:
        return 1 + len(self._years)


def _refuse_damage(problems: list[str]) -> None:
    """Nothing is written that the next open would refuse to read."""
    if problems:
        raise StoreError("Không lưu: dữ liệu không hợp lệ — " + "; ".join(problems))


def _storage(db: TinyDB) -> MemoryStorage:
    storage = db.storage
    assert isinstance(storage, MemoryStorage)
    return storage


def _without_resume(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "resume"}
