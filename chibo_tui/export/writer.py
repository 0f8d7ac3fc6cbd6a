"""Write a document atomically under a name that is never taken.

The bytes go to a temp file in the target folder (mode 0600: minutes are internal
party documents), are flushed to disk, and the file is renamed into place. A name
already in use gets ``-2``, ``-3`` … so an export never replaces an earlier one;
the temp file is put in place by an operation that fails when the name is taken
(a hard link; on Windows a plain rename), so two exports at once cannot both take it
and a kill at any moment leaves either no document or a whole one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ..store.atomic import fsync_folder, rename_retrying, replace_retrying
from .errors import ExportError

_REASONS = {
    errno.EACCES: "không có quyền ghi",
    errno.EPERM: "không có quyền ghi",
    errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "đã hết dung lượng được cấp",
    errno.ENOTDIR: "một phần của đường dẫn là tệp, không phải thư mục",
    errno.EEXIST: "đã có một tệp trùng tên với thư mục",
    errno.ENAMETOOLONG: "đường dẫn quá dài",
    # A rename refused again and again: on Windows another program (OneDrive, an
    # antivirus) holds the file; elsewhere it is a matter of rights.
    errno.EBUSY: "không có quyền ghi, hoặc tệp đang bị một chương trình khác giữ (OneDrive, "
    "phần mềm diệt virus…)",
}


def reason(exc: OSError) -> str:
    """A short Vietnamese reason for an OS error, falling back to the system's text."""
    return _REASONS.get(exc.errno or 0, exc.strerror or str(exc))


def prepare_folder(out_dir: Path) -> Path:
    """The output folder, created if missing; an ExportError when it cannot be."""
    folder = Path(out_dir).expanduser()
    if folder.is_symlink() and not folder.exists():
        raise ExportError(
            f"“{folder}” là liên kết tới “{os.readlink(folder)}”, nơi không còn tồn tại "
            "(ổ USB đã rút ra?)."
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"Không tạo được thư mục xuất tệp “{folder}”: {reason(exc)}.") from exc
    if not folder.is_dir():
        raise ExportError(f"“{folder}” không phải là thư mục.")
    return folder


def free_name(folder: Path, stem: str, suffix: str = ".docx") -> Path:
    """``stem.docx``, or ``stem-2.docx``, ``stem-3.docx`` … whichever is free first."""
    candidate = folder / f"{stem}{suffix}"
    n = 1
    while os.path.lexists(candidate):  # a dangling symlink is taken too
        n += 1
        candidate = folder / f"{stem}-{n}{suffix}"
    return candidate


def write_atomic(
    folder: Path, stem: str, save: Callable[[BinaryIO], object], suffix: str = ".docx"
) -> Path:
    """Call ``save`` on a temp file in ``folder`` and rename it to a free name.

    Nothing is left behind on failure: not the temp file, not a partial document.
    """
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{stem}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(f"Không ghi được vào thư mục “{folder}”: {reason(exc)}.") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            output = _Output(handle)
            save(output)  # type: ignore[arg-type]
            handle.flush()
            os.fsync(handle.fileno())
        target = _place(tmp, folder, stem, free_name(folder, stem, suffix), suffix)
    except OSError as exc:
        _discard(tmp)
        raise ExportError(
            f"Không ghi được tệp “{stem}{suffix}” vào “{folder}”: {reason(exc)}."
        ) from exc
    except BaseException:
        _discard(tmp)
        raise
    fsync_folder(folder)  # makes the rename itself durable
    return target


RENAME_KEEPS_TARGET = sys.platform == "win32"
"""Windows refuses to rename onto a name in use; elsewhere a rename replaces it."""


def _place(tmp: Path, folder: Path, stem: str, first: Path, suffix: str) -> Path:
    """Give the finished temp file the first free name from ``first`` on.

    The name appears only with the whole document behind it: a kill at any moment
    leaves no visible file or a whole one (and at worst the hidden temp file).
    Taking a name fails when someone took it since it was seen free (another
    export, two worker threads, a dangling link), and the next one is tried.
    """
    candidate, n = first, _counter(first, stem, suffix)
    while True:
        try:
            if RENAME_KEEPS_TARGET:
                rename_retrying(tmp, candidate)  # retried while a scanner holds it
            else:
                _link_then_drop(tmp, candidate)
            return candidate
        except FileExistsError:
            n += 1
            candidate = folder / f"{stem}-{n}{suffix}"


def _link_then_drop(tmp: Path, target: Path) -> None:
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise
    except OSError:
        # No hard links here (a FAT or exFAT stick, some network shares): claim the
        # name with O_EXCL, then replace it. A kill between the two leaves an empty
        # file under the name; no better is possible without links.
        _claim_then_replace(tmp, target)
        return
    with contextlib.suppress(OSError):  # the document is in place; a stray temp is hidden
        tmp.unlink()


def _claim_then_replace(tmp: Path, target: Path) -> None:
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        replace_retrying(tmp, target)  # retried while a scanner holds the new name
    except BaseException:
        _discard(target)  # the empty file that held the name: ours, nothing else's
        raise


def _counter(path: Path, stem: str, suffix: str) -> int:
    """1 for ``stem.docx``, n for ``stem-n.docx``."""
    tail = path.name.removeprefix(stem).removesuffix(suffix).removeprefix("-")
    return int(tail) if tail.isdigit() else 1


class _Output:
    """The temp file as the document's zip writer sees it.

    When a write fails (a full disk) the error goes up once; python-docx's
    ``ZipFile`` is left unclosed, and its ``__del__`` later writes the central
    directory to a file already closed, which Python prints as a traceback
    after our clear message. After the first failure this object takes every
    write and seek without a word: the temp file is being deleted anyway.
    """

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self._failed_at: int | None = None  # after a failure: where the zip thinks it is

    def write(self, data: bytes) -> int:
        if self._failed_at is not None:
            self._failed_at += len(data)
            return len(data)
        try:
            return self._handle.write(data)
        except BaseException:
            self._failed_at = self._position()
            raise

    def seek(self, offset: int, whence: int = 0) -> int:
        if self._failed_at is None:
            return self._handle.seek(offset, whence)
        self._failed_at = offset if whence == 0 else self._failed_at + offset
        return self._failed_at

    def tell(self) -> int:
        return self._handle.tell() if self._failed_at is None else self._failed_at

    def flush(self) -> None:
        if self._failed_at is None:
            self._handle.flush()

    def _position(self) -> int:
        try:
            return self._handle.tell()
        except (OSError, ValueError):
            return 0

    def __getattr__(self, name: str) -> object:
        return getattr(self._handle, name)


def _discard(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
