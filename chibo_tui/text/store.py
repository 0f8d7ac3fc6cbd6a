"""Vietnamese reasons the store gives when a year file read after the open is not what
the open found (the reason part of "Không mở được cơ sở dữ liệu … Lý do: …")."""

from __future__ import annotations

YEAR_FILE_CHANGED = (
    "tệp đã bị thay đổi bên ngoài chibo sau khi mở (nội dung không còn khớp với lúc kiểm "
    "tra); chibo không dùng nội dung lạ này"
)
YEAR_FILE_GONE = "tệp đã bị xóa hoặc đổi tên bên ngoài chibo sau khi mở"
YEAR_FILE_UNREADABLE = "không đọc lại được tệp sau khi mở ({reason})"
