"""What can go wrong with the database, each with a Vietnamese message for the user."""

from __future__ import annotations

import errno
from pathlib import Path

_WRITE_REASONS = {
    errno.ENOSPC: "ổ đĩa đã đầy; hãy giải phóng chỗ trống",
    errno.EDQUOT: "đã hết dung lượng được cấp",
    errno.EACCES: "không có quyền ghi vào {folder}",
    errno.EPERM: "không có quyền ghi vào {folder}",
    errno.EROFS: "ổ đĩa chứa {folder} chỉ cho phép đọc",
}


def write_failure(exc: OSError, folder: Path) -> str:
    """Why writing into ``folder`` failed, in Vietnamese (never a guess at the cause)."""
    if isinstance(exc, FileInUseError):
        return exc.message
    reason = _WRITE_REASONS.get(exc.errno or 0)
    return reason.format(folder=folder) if reason else (exc.strerror or str(exc))


class StoreError(Exception):
    """Base of the store's errors; ``str(error)`` is shown to the user as is."""


class DamagedDatabaseError(StoreError):
    """A database file that cannot be read safely: never written to."""

    def __init__(
        self, path: Path, reason: str, newest_backup: Path | None, db: Path | None = None
    ) -> None:
        self.path, self.reason, self.newest_backup = path, reason, newest_backup
        backup = (
            f"Bản sao lưu mới nhất: {newest_backup}\n"
            f"Khôi phục bằng: chibo restore --db {db or path} {newest_backup.name}"
            if newest_backup
            else "Chưa có bản sao lưu nào."
        )
        super().__init__(
            f"Không mở được cơ sở dữ liệu: {path}\nLý do: {reason}\n"
            f"Tệp được giữ nguyên, chibo không ghi đè.\n{backup}"
        )

    def __rich__(self) -> str:
        # Met while the app runs (a year file changed outside chibo since the open, read
        # only now): Textual then stops the app showing this, not a traceback. A str is
        # console markup to Rich: brackets in a path are escaped.
        return str(self).replace("[", r"\[")


class DatabaseLockedError(StoreError):
    """Another chibo process holds the database."""

    def __init__(self, path: Path, holder: str) -> None:
        self.path, self.holder = path, holder
        super().__init__(
            f"Cơ sở dữ liệu {path} đang được mở bởi một chibo khác ({holder}).\n"
            "Hãy đóng chương trình đó trước; hai người cùng ghi sẽ làm mất dữ liệu."
        )


class LockedMeetingError(StoreError):
    """A finalised meeting was about to change without a recorded amendment."""

    def __init__(self, month: str) -> None:
        self.month = month
        super().__init__(
            f"Biên bản tháng {month[5:]}/{month[:4]} đã chốt; muốn sửa phải mở lại và ghi lý do."
        )


class UnwritableFolderError(StoreError):
    """The database's folder cannot be written: chibo could save nothing there."""

    def __init__(self, path: Path, exc: OSError) -> None:
        self.path = path
        super().__init__(
            f"Không mở được {path} để ghi: {write_failure(exc, path.parent)}.\n"
            "chibo cần ghi được vào thư mục này để lưu biên bản. Vẫn có thể xem và xuất văn bản "
            f"(chibo check --db {path}, chibo export … --db {path}); hoặc chép thư mục sang chỗ "
            "ghi được rồi mở từ đó."
        )


class FileInUseError(StoreError, PermissionError):
    """A file could not be replaced: another program keeps it open (Windows).

    Also a ``PermissionError``, so that code which reports ``OSError`` (the opening
    backup, a save's notice) still catches it; ``str()`` is the Vietnamese message.
    """

    def __init__(self, path: Path, exc: OSError) -> None:
        # EBUSY, not the EACCES Windows reports: code that explains errno values must
        # not tell the chair she lacks the right to write to her own folder.
        super().__init__(errno.EBUSY, exc.strerror, str(path))
        self.path = path
        self.message = (
            f"Không ghi được {path}: một chương trình khác đang mở tệp này "
            "(phần mềm diệt virus, sao lưu, đồng bộ OneDrive hoặc một trình xem tệp). "
            "Bản cũ vẫn nguyên vẹn. Hãy đóng chương trình đó hoặc đợi nó xong rồi thử lại."
        )

    def __str__(self) -> str:
        return self.message
