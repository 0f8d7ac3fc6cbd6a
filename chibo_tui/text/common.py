"""Strings shared by every screen: app-wide keys, saving, errors."""

from __future__ import annotations

APP_TITLE = "chibo"
KEY_QUIT = "Thoát"
KEY_QUIT_HELP = "Lưu mọi thay đổi rồi thoát chibo"
KEY_FILES = "Tệp dữ liệu"
KEY_FILES_HELP = "Xem đường dẫn cơ sở dữ liệu và thư mục xuất văn bản"
KEY_BACK = "Quay lại"
KEY_PALETTE = "Lệnh"
KEY_PALETTE_HELP = "Tìm và chạy một lệnh bằng tên"
FILES_INFO = "Cơ sở dữ liệu: {db}\nThư mục xuất: {exports}"
SAVED_AT = "Đã lưu {time}"
NOT_SAVED_YET = "Chưa có thay đổi"
SAVING = "Đang lưu…"
SAVE_FAILED = "Không lưu được: {error}. Thay đổi vẫn còn trong bộ nhớ; chibo sẽ thử lại."
SAVE_NO_ROOM = "ổ đĩa đã đầy"
SAVE_NO_RIGHT = "không có quyền ghi vào thư mục {folder}"
SAVING_BEFORE_QUIT = "Đang lưu… chibo thoát ngay khi lưu xong."
QUIT_BLOCKED_TITLE = "Chưa lưu được — chưa thoát"
QUIT_BLOCKED = (
    "Chưa lưu được {what} vì {reason}. Các thay đổi vẫn còn trong chibo.\n"
    "Có thể giải phóng chỗ trống (hoặc sửa quyền ghi) rồi thử lại, hoặc ghi ra tệp "
    "cứu hộ cạnh cơ sở dữ liệu rồi thoát (khôi phục bằng “chibo restore <tệp>”)."
)
QUIT_RETRY = "Thử lại"
QUIT_RESCUE = "Ghi tệp cứu hộ và thoát"
QUIT_STAY = "Ở lại"
QUIT_WHAT_CELL = "hồ sơ chi bộ"
QUIT_WHAT_MONTH = "kỳ sinh hoạt tháng {month}"
RESCUE_WRITTEN = "Đã ghi tệp cứu hộ: {path}. Khôi phục bằng: chibo restore {path}"
RESCUE_FAILED = "Không ghi được tệp cứu hộ: {error}"
TOOK_OVER = "{holder} đã dừng mà không đóng cơ sở dữ liệu; chibo đã tiếp quản khóa."
NO_OPENING_BACKUP = "Không tạo được bản sao lưu khi mở: {reason}. Dữ liệu vẫn được lưu bình thường."
READ_ONLY = "Chỉ đọc"
YES = "Đồng ý"
NO = "Hủy"
CONFIRM = "Xác nhận"
REASON = "Lý do"
REASON_REQUIRED = "Cần ghi lý do"
EXPORTED = "Đã xuất: {path}"
EXPORT_NOT_SCORED = (
    "Tháng {label} chưa chấm điểm chất lượng sinh hoạt: chưa có phiếu để xuất "
    "(chấm ở bước “Chấm điểm” của kỳ họp)."
)
EXPORT_NO_FINAL_YEAR = (
    "Năm {year} chưa có kỳ sinh hoạt nào đã chốt trong {path}: chưa có gì để kiểm điểm."
)
PACK_WRITING = "Đang ghi {name}…"
PACK_PDF = "Đang chuyển sang PDF ({index}/{total}): {name}"
PACK_DONE = "Đã ghi {count} văn bản vào {folder}"
PACK_DONE_PDF = "Đã ghi {count} văn bản và {pdfs} tệp PDF vào {folder}"
PACK_NO_PDF_APP = "(Chưa có LibreOffice nên chưa có bản PDF; cài LibreOffice rồi xuất lại.)"
PACK_NO_LIBREOFFICE = (
    "Chưa có LibreOffice nên chưa chuyển được sang PDF (các tệp .docx đã ghi vào {folder}). "
    "Cài LibreOffice (https://www.libreoffice.org; trên Ubuntu: sudo apt install "
    "libreoffice-writer) rồi xuất lại với --pdf."
)
DOCUMENT_NAMES = {
    "minutes": "biên bản",
    "report": "báo cáo tháng",
    "resolution": "nghị quyết",
    "scorecard": "phiếu đánh giá chất lượng sinh hoạt",
    "summary": "báo cáo tổng hợp năm",
    "plan": "kế hoạch năm",
    "review": "báo cáo kiểm điểm năm",
}
EXPORTED_NUMBERED = "Đã xuất: {path} ({number})"
EXPORT_FAILED = "Không xuất được: {error}"
NO_CELL_NAME = "Chi bộ (chưa đặt tên)"
EXPORT_NO_CELL = (
    "Cơ sở dữ liệu {path} chưa có hồ sơ chi bộ. Chạy “chibo” để thiết lập, hoặc “chibo demo”."
)
EXPORT_NO_MEETING = "Không có kỳ sinh hoạt tháng {label} trong {path}."
EXPORT_NO_YEAR = "Năm {year} không có kỳ sinh hoạt nào trong {path}."
KEY_PICK_MONTH = "Chọn tháng"
KEY_PICK_MONTH_HELP = "Mở hoặc bắt đầu kỳ sinh hoạt của một tháng bất kỳ"
PICK_MONTH_TITLE = "Chọn tháng sinh hoạt"
PICK_MONTH_PROMPT = "Tháng (MM/YYYY, ví dụ 10/2026):"
SAMPLE_BADGE = "DỮ LIỆU MẪU"
CMD_THEME = "Đổi giao diện màu"
CMD_THEME_HELP = "Chọn bảng màu khác (ví dụ nền sáng khi chiếu lên màn hình lớn)"
CMD_KEYS = "Xem phím tắt"
CMD_KEYS_HIDE = "Ẩn bảng phím tắt"
CMD_KEYS_HELP = "Bảng các phím dùng được ở màn hình này"
PALETTE_PLACEHOLDER = "Tìm lệnh… (gõ không dấu cũng được)"
PALETTE_NO_MATCH = "Không có lệnh phù hợp"
DISCARD_FINAL = "Biên bản đã chốt không thể hủy; hãy mở lại (Ctrl+O) nếu cần sửa."
DISCARD_AUDIT = "Hủy dự thảo tháng {month}"
