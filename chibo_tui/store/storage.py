"""A TinyDB storage that replaces its file atomically and keeps the data in memory.

Only one process writes (see ``lock``), so what this process last wrote is what
is on disk: re-reading and re-parsing the whole file on every operation, as
``JSONStorage`` does, would make each save cost grow with history.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from .atomic import atomic_write
from .schema import Tables, dumps


class AtomicMemoryStorage(Storage):
    """TinyDB storage over data already parsed and checked by the repository."""

    def __init__(
        self, path: Path, data: Tables, reload: Callable[[], Tables], read_only: bool = False
    ) -> None:
        self.path = path
        self._data: Tables | None = data
        self._reload = reload
        self.read_only = read_only

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._data is None:
            # A failed write may have left the memory copy half-updated by TinyDB;
            # the file is still the last good state, so it is the truth.
            self._data = self._reload()
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.read_only:
            raise PermissionError("cơ sở dữ liệu đang mở chỉ để đọc")
        try:
            atomic_write(self.path, dumps(data))
        except BaseException:
            self._data = None
            raise
        self._data = data
