"""Read one consistent state of a database: its main file and the year files it names.

A reader does not hold the lock, so the writer may replace files under it: a year
file named by the main file just read may be gone (a commit named a newer one),
and the main file may change while the year files are read. Reading the main file
again at the end, and starting over when it changed, gives a state that existed.
A backup is read by the same rules from the bytes in its zip.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

import msgspec
from msgspec import field

from . import layout, schema
from .errors import StoreError

ATTEMPTS = 50
"""Fresh starts a reader makes while a writer keeps committing, before giving up."""


class FileDamage(Exception):
    """One file of a database cannot be read or parsed; ``reason`` is Vietnamese."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


class _Vanished(Exception):
    """A named file is not there: a writer committed meanwhile, or it is missing."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


class Snapshot(msgspec.Struct):
    """The parsed (not yet decoded) tables of one state of a database."""

    db_path: Path
    main: schema.Tables | None  # None: a new database, nothing written yet
    years: dict[int, schema.Tables] = field(default_factory=dict)
    unparsed: dict[int, bytes] = field(default_factory=dict)  # year → bytes (``lazy``)
    generations: dict[int, int] = field(default_factory=dict)  # year → its file's generation
    generation: int = 0  # the number of the commit that wrote the main file
    # File name → bytes, for backups (a writer's lazy read: the main file alone).
    raw: dict[str, bytes] = field(default_factory=dict)

    def year_path(self, year: int) -> Path:
        return layout.year_path(self.db_path, year, self.generations[year])

    @property
    def version(self) -> int:
        return schema.schema_version(self.main) if self.main is not None else schema.SCHEMA_VERSION


def read_database(db_path: Path, *, writer: bool = False, lazy: bool = False) -> Snapshot:
    """The database's state on disk; :class:`FileDamage` when a file is unreadable.

    ``writer``: the caller holds the lock, so nothing changes under it and the
    main file need not be read twice. ``lazy``: the year files are left unparsed
    for the caller to check (see ``year_tables``): a writer's are not even read
    here (it reads one at a time, :func:`read_year_file`, and holds none of them
    all at once); a reader's, which a writer may replace meanwhile, are read
    into ``unparsed`` as part of the one consistent state.
    """
    for _ in range(ATTEMPTS):
        main_raw = _read(db_path)
        if main_raw is None:
            strays = layout.year_files_on_disk(db_path)
            if strays:
                raise FileDamage(db_path, "thiếu tệp chính trong khi còn tệp các năm")
            return Snapshot(db_path, None)
        names = [p.name for p in layout.year_files_on_disk(db_path)]
        try:
            fetch = None if writer and lazy else _read_named
            snapshot = _build(db_path, main_raw, fetch, names, lazy)
        except _Vanished as gone:
            if _read(db_path) == main_raw:  # no commit meanwhile: the file is missing
                raise FileDamage(gone.path, "thiếu tệp này, mà tệp chính ghi tên") from None
            continue
        if writer or _read(db_path) == main_raw:
            return snapshot
    raise StoreError(
        f"Cơ sở dữ liệu {db_path} thay đổi liên tục trong khi đọc (một chibo khác đang ghi); "
        "hãy thử lại."
    )


def read_archive(db_path: Path, files: dict[str, bytes]) -> Snapshot:
    """The state of a database kept in a backup (name → bytes, as :func:`read_backup` gives)."""
    main_raw = files.get(db_path.name)
    if main_raw is None:
        raise FileDamage(db_path, "không có tệp chính")

    def fetch(path: Path) -> bytes:
        if path.name not in files:
            raise FileDamage(path, "thiếu tệp này, mà tệp chính ghi tên")
        return files[path.name]

    return _build(db_path, main_raw, fetch, list(files))


def _build(
    db_path: Path,
    main_raw: bytes,
    fetch: Callable[[Path], bytes] | None,
    names: list[str],
    lazy: bool = False,
) -> Snapshot:
    main = _parse(db_path, main_raw, schema.MAIN_TABLES)
    try:
        if schema.schema_version(main) < 2:
            generations = layout.legacy_years(db_path, names)
        else:
            generations = schema.year_generations(main)
    except schema.SchemaError as exc:
        raise FileDamage(db_path, str(exc)) from None
    snapshot = Snapshot(db_path, main, generation=schema.generation(main))
    snapshot.raw[db_path.name] = main_raw
    snapshot.generations = generations
    for year in sorted(generations):
        if fetch is None:
            continue  # the caller reads them (a writer's lazy open)
        path = snapshot.year_path(year)
        raw = fetch(path)
        snapshot.raw[path.name] = raw
        if lazy:
            snapshot.unparsed[year] = raw
        else:
            snapshot.years[year] = _parse(path, raw, schema.YEAR_TABLES)
    return snapshot


def read_year_file(path: Path) -> bytes:
    """The bytes of a year file the main file names; :class:`FileDamage` when there are
    none (for a writer, which holds the lock: nothing is replacing it)."""
    raw = _read(path)
    if raw is None:
        raise FileDamage(path, "thiếu tệp này, mà tệp chính ghi tên")
    return raw


def parse_year(path: Path, raw: bytes) -> schema.Tables:
    """Parse a year file left unparsed; :class:`FileDamage` when it is damaged."""
    return _parse(path, raw, schema.YEAR_TABLES)


def _parse(path: Path, raw: bytes, tables: tuple[str, ...]) -> schema.Tables:
    try:
        return schema.parse(raw, tables)
    except schema.SchemaError as exc:
        raise FileDamage(path, str(exc)) from None


def _read(path: Path) -> bytes | None:
    """A file's bytes; ``None`` when there is no such file."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise FileDamage(path, unreadable(exc)) from None


def _read_named(path: Path) -> bytes:
    raw = _read(path)
    if raw is None:
        raise _Vanished(path)
    return raw


def unreadable(exc: OSError) -> str:
    """Why a file could not be read, in Vietnamese."""
    if exc.errno == errno.EISDIR:
        return "đây là một thư mục, không phải tệp cơ sở dữ liệu"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "không đọc được tệp (không có quyền đọc)"
    return f"không đọc được tệp ({exc.strerror or exc})"
