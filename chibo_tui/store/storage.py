"""A TinyDB storage that keeps one file's tables in memory and never writes by itself.

Only one process writes (see ``lock``), so what this process last committed is
what is on disk: re-reading and re-parsing the whole file on every operation, as
``JSONStorage`` does, would make each save cost grow with history. TinyDB's
writes only mark the tables changed; the repository writes them at the end of
its operation, all files of one change together (see ``commit``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tinydb.storages import Storage

from .schema import Tables


class MemoryStorage(Storage):
    """TinyDB storage over data already parsed and checked by the repository."""

    def __init__(self, data: Tables | None, reload: Callable[[], Tables], read_only: bool) -> None:
        self._data = data
        self._reload = reload
        self.read_only = read_only
        self.dirty = False

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._data is None:
            self._data = self._reload()
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.read_only:
            raise PermissionError("cơ sở dữ liệu đang mở chỉ để đọc")
        self._data = data
        self.dirty = True

    @property
    def data(self) -> Tables:
        data = self.read()
        assert data is not None
        return data

    def committed(self) -> None:
        """What is in memory is now what is on disk."""
        self.dirty = False

    def forget(self) -> None:
        """A failed write may have left the memory copy half-updated by TinyDB; the
        file is still the last committed state, so it is read again when next needed."""
        self._data = None
        self.dirty = False
