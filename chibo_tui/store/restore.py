"""``chibo restore``: put a backup's state back as the database, in one commit.

The backup is read and checked like the database itself (a backup taken before
schema version 2 too), the files there now are kept in a "restore" backup as
they are (damaged or not), and the backup's tables are written under new names
with the main file last: a kill leaves the state before or the restored one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from . import layout, schema
from .backups import read_backup, take_backup
from .commit import commit
from .errors import StoreError
from .lock import DatabaseLock
from .snapshot import FileDamage, read_archive
from .validate import validate_backup


def restore(
    db_path: Path, backup: Path, clock: Callable[[], datetime] = datetime.now
) -> Path | None:
    """Replace the database by the state kept in ``backup``.

    Works on a damaged database too: the current bytes are saved as they are.
    Returns the backup taken of the state before the restore (``None`` when
    there was nothing to keep).
    """
    db_path = layout.database_path(db_path)
    lock = DatabaseLock(db_path)
    lock.acquire()
    try:
        if db_path.is_dir():
            raise StoreError(
                f"{db_path} là một thư mục, không phải tệp cơ sở dữ liệu; "
                "chibo không khôi phục đè lên một thư mục."
            )
        files = _backup_files(backup)
        if db_path.name not in files:
            raise StoreError(f"Bản sao lưu {backup.name} không chứa tệp {db_path.name}")
        try:
            state = read_archive(db_path, files)
        except FileDamage as exc:
            raise StoreError(
                f"Bản sao lưu {backup.name} hỏng ({exc.path.name}: {exc.reason})"
            ) from None
        report = validate_backup(state)
        assert state.main is not None
        if report.damage:
            first = report.damage[0]
            raise StoreError(f"Bản sao lưu {backup.name} hỏng ({first.path.name}: {first.text})")
        current = _current_files(db_path)
        before = take_backup(db_path, current, "restore", clock())
        generation = max(layout.highest_generation(db_path), _generation_of(current, db_path)) + 1
        new_files = {
            layout.year_path(db_path, year, generation): schema.dumps(data)
            for year, data in sorted(state.years.items())
        }
        main = schema.with_layout(state.main, generation, dict.fromkeys(state.years, generation))
        old = [p for p in layout.year_files_on_disk(db_path) if p not in new_files]
        commit(db_path, schema.dumps(main), new_files, old)
        return before
    finally:
        lock.release()


def _backup_files(backup: Path) -> dict[str, bytes]:
    import zipfile

    try:
        return read_backup(backup)
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise StoreError(
            f"{backup} không phải một bản sao lưu của chibo (không đọc được như tệp zip)."
        ) from None
    except IsADirectoryError:
        raise StoreError(f"{backup} là một thư mục, không phải bản sao lưu.") from None
    except OSError as exc:
        raise StoreError(f"Không đọc được bản sao lưu {backup}: {exc.strerror or exc}.") from None


def _current_files(db_path: Path) -> dict[str, bytes]:
    """Every file of the database there now, named or left over, as it is."""
    paths = [db_path] if db_path.is_file() else []
    paths += sorted(layout.year_files_on_disk(db_path))
    found = {}
    for path in paths:
        try:
            found[path.name] = path.read_bytes()
        except OSError as exc:
            raise StoreError(
                f"Không đọc được {path} để giữ lại trước khi khôi phục ({exc.strerror or exc}); "
                "chưa thay đổi gì."
            ) from None
    return found


def _generation_of(files: dict[str, bytes], db_path: Path) -> int:
    """The last commit of the main file there now, when it can be read at all."""
    try:
        return schema.generation(schema.parse(files[db_path.name], schema.MAIN_TABLES))
    except (KeyError, schema.SchemaError):
        return 0
