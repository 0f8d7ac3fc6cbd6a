"""Which files make up a database, and what they are called.

``chibo.json`` is the main file; the meetings of each year live in a file of its
own. Since schema version 2 a year file's name carries the generation of the
commit that wrote it (``chibo.meetings-2026.g17.json``) and the main file's meta
names the generation of each year: a change that spans files writes new year
files under new names, then replaces the main file, which is the one commit
point (DESIGN.md §7). Version 1 named year files by the year alone
(``chibo.meetings-2026.json``) and found them by that pattern; generation 0
stands for that old name, so a version 1 database reads through the same code.
"""

from __future__ import annotations

import re
from pathlib import Path

LEGACY = 0
"""The generation of a version 1 year file, named by its year alone."""

_YEAR_FILE = re.compile(r"^\.meetings-(?P<year>[0-9]{4})(?:\.g(?P<gen>[1-9][0-9]*))?\.json$")


def database_path(path: Path | str) -> Path:
    """The main file's absolute path; a symlink is followed, so that two names of
    one database share one lock and one set of year files."""
    absolute = Path(path).expanduser().absolute()
    return absolute.resolve() if absolute.is_symlink() else absolute


def year_path(db_path: Path, year: int, generation: int) -> Path:
    """Where the meetings of ``year`` written by commit ``generation`` live."""
    tail = "" if generation == LEGACY else f".g{generation}"
    return db_path.with_name(f"{db_path.stem}.meetings-{year:04d}{tail}.json")


def parse_year_name(db_path: Path, name: str) -> tuple[int, int] | None:
    """``(year, generation)`` of a year file of this database, ``None`` for any other name."""
    if not name.startswith(db_path.stem):
        return None
    match = _YEAR_FILE.match(name[len(db_path.stem) :])
    if match is None:
        return None
    return int(match["year"]), int(match["gen"] or LEGACY)


def year_files_on_disk(db_path: Path) -> dict[Path, tuple[int, int]]:
    """Every file in the folder named like a year file of this database, named or not."""
    found = {}
    for path in db_path.parent.glob(f"{db_path.stem}.meetings-*.json"):
        parsed = parse_year_name(db_path, path.name)
        if parsed is not None:
            found[path] = parsed
    return found


def legacy_years(db_path: Path, names: list[str]) -> dict[int, int]:
    """The years of a version 1 database among ``names``: ``{year: LEGACY}``."""
    years = {}
    for name in names:
        parsed = parse_year_name(db_path, name)
        if parsed is not None and parsed[1] == LEGACY:
            years[parsed[0]] = LEGACY
    return years


def highest_generation(db_path: Path) -> int:
    """The highest generation of any year file in the folder (0 when none)."""
    return max((gen for _, gen in year_files_on_disk(db_path).values()), default=LEGACY)
