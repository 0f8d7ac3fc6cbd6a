"""Which year files were already found sound, by a digest of their bytes.

Checking a year file means decoding every meeting in it: 2 ms a year, so an open
of 50 years of history spent ~100 ms on files that had not changed since the
last open. ``.chibo.checked`` (JSON) beside the database keeps, for each file found
sound, a digest of its bytes; a file whose bytes still have that digest is not
decoded again. Any change to a file (a save, a hand edit, a bit flipped on disk)
changes its digest, so the file is checked in full as before.

It is only a cache: when it is missing, damaged, or written by another version
of chibo (whose rules may differ), every file is checked. It is written without
fsync: lost in a power cut, the next open checks everything again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from .. import __version__
from . import schema

_VERSION = f"{schema.SCHEMA_VERSION}/{__version__}"


def cache_path(db_path: Path) -> Path:
    return db_path.with_name(f".{db_path.stem}.checked")


def digest(raw: bytes) -> str:
    # SHA-256: the fastest hashlib offers on CPUs with SHA extensions (13 MB: 8 ms).
    return hashlib.sha256(raw).hexdigest()


def load(db_path: Path) -> dict[str, str]:
    """File name → digest of the files found sound; empty when there is no usable cache."""
    try:
        data = json.loads(cache_path(db_path).read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != _VERSION:
        return {}
    files = data.get("files")
    if not isinstance(files, dict):
        return {}
    return {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str)}


def save(db_path: Path, files: dict[str, str]) -> None:
    """Keep ``files`` (name → digest) for the next open; best effort, never raises."""
    path = cache_path(db_path)
    temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    data = json.dumps({"version": _VERSION, "files": files}, sort_keys=True).encode()
    try:
        temp.write_bytes(data)
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()


def remove_stale(db_path: Path) -> None:
    """Temp files of a cache write cut short (call under the lock)."""
    for temp in db_path.parent.glob(f"{cache_path(db_path).name}.*.tmp"):
        with contextlib.suppress(OSError):
            temp.unlink()
