"""Every Vietnamese message of the command line, in one place."""

from __future__ import annotations

DESCRIPTION = (
    "chibo — trợ lý sinh hoạt chi bộ: đánh giá mô hình “chi bộ bốn tốt” hằng tháng, "
    "biên bản, báo cáo và kế hoạch (.docx)."
)
HELP_DB = "tệp cơ sở dữ liệu (mặc định: biến CHIBO_DB hoặc db/chibo.json)"
HELP_EXPORTS = "thư mục xuất văn bản (mặc định: biến CHIBO_EXPORTS hoặc exports/)"
HELP_DEMO = "tạo chi bộ mẫu với N tháng sinh hoạt đã chốt"
HELP_MONTHS = "số tháng sinh hoạt (mặc định 14)"
HELP_FORCE = "ghi đè cơ sở dữ liệu đã có dữ liệu (có sao lưu trước)"
HELP_SEED = "hạt giống ngẫu nhiên, để tạo lại đúng dữ liệu mẫu"
HELP_EXPORT = (
    "xuất biên bản, báo cáo tháng, nghị quyết (hoặc thông báo kết luận), báo cáo tổng hợp năm "
    "hoặc kế hoạch năm"
)
HELP_KIND = (
    "minutes (biên bản), report (báo cáo tháng), resolution (nghị quyết hoặc thông báo kết "
    "luận), scorecard (phiếu đánh giá chất lượng sinh hoạt), pack (cả bộ văn bản của tháng "
    "để đăng Sổ tay), summary (tổng hợp năm), plan (kế hoạch), review (báo cáo kiểm điểm năm)"
)
HELP_MONTH = "tháng YYYY-MM (cho minutes, report, resolution, scorecard, pack)"
HELP_YEAR = "năm YYYY (cho summary, plan, review)"
HELP_PDF = "với pack: ghi thêm bản PDF của mỗi văn bản (cần LibreOffice)"
PDF_ONLY_PACK = "--pdf chỉ dùng với pack"
PACK_ONLY_MONTH = "“pack” chỉ dùng --month YYYY-MM (số văn bản lấy theo sổ đăng ký)"
HELP_OUT = "thư mục ghi tệp (mặc định như --exports)"
HELP_NUMBER = (
    "số văn bản N (mặc định: số đã cấp, hoặc số tiếp theo trong nhiệm kỳ cho lần xuất đầu)"
)
HELP_CHECK = "kiểm tra tính toàn vẹn của cơ sở dữ liệu"
HELP_RESTORE = "liệt kê các bản sao lưu, hoặc khôi phục một bản"
HELP_BACKUP = "tên, đường dẫn hoặc số thứ tự của bản sao lưu cần khôi phục"

ERROR_PREFIX = "chibo: lỗi: "

NEED_MONTH = "“{kind}” cần --month YYYY-MM"
NEED_YEAR = "“{kind}” cần --year YYYY"
NO_YEAR_FOR = "“{kind}” dùng --month, không dùng --year"
NO_MONTH_FOR = "“{kind}” dùng --year, không dùng --month"
BAD_YEAR = "Năm không hợp lệ: “{value}” (cần dạng YYYY, ví dụ 2026)"
BAD_MONTHS = "Số tháng phải từ 1 đến 600, nhận được {value}"
NO_CELL = "Cơ sở dữ liệu {path} chưa có hồ sơ chi bộ. Chạy “chibo” để thiết lập, hoặc “chibo demo”."
HAS_DATA = (
    "Cơ sở dữ liệu {path} đã có dữ liệu ({what}). chibo demo không ghi đè; "
    "dùng --force nếu thật sự muốn thay bằng dữ liệu mẫu (bản sao lưu giữ ở {backups})."
)
DEMO_DONE = (
    "Đã tạo {cell}: {members} đảng viên, {months} tháng sinh hoạt đã chốt ({first} – {last})."
)
DEMO_WHERE = "Cơ sở dữ liệu: {path}"
EXPORTED = "Đã xuất: {path}"
EXPORTED_NUMBERED = "Đã xuất: {path} ({number})"
EXPORT_NEEDS_WRITE = (
    "Văn bản này cần cấp số, tức là phải ghi vào cơ sở dữ liệu {path}, nhưng chibo đang "
    "mở nó ({holder}). Hãy xuất ngay trong chibo, hoặc đóng chibo rồi chạy lại lệnh này."
)
CHECK_HEADER = "Kiểm tra {path}"
CHECK_OK = "Không phát hiện lỗi."
CHECK_PROBLEMS = "Phát hiện {n} vấn đề:"
NO_DATABASE = "Chưa có cơ sở dữ liệu ở {path}."
NO_BACKUPS = "Chưa có bản sao lưu nào của {path}."
BACKUPS_HEADER = "Bản sao lưu của {path} (mới nhất trước):"
BACKUPS_HINT = "Khôi phục: chibo restore --db {path} <số thứ tự hoặc tên tệp>"
BACKUP_NOT_FOUND = "Không tìm thấy bản sao lưu “{name}”. Xem danh sách: chibo restore --db {path}"
RESTORED = "Đã khôi phục {path} từ {backup}."
RESTORE_KEPT = "Trạng thái trước khi khôi phục được giữ trong {before}."
RESTORE_REASON = "Khôi phục từ {backup}"
TOOK_OVER = "Lưu ý: {holder} đã dừng mà không đóng cơ sở dữ liệu; chibo đã tiếp quản khóa."
INTERRUPTED = "Đã dừng."

# argparse's own English messages, translated (argparse looks ``_`` up at call time).
USAGE_PREFIX = "cách dùng: "
POSITIONALS_TITLE = "tham số"
OPTIONALS_TITLE = "tùy chọn"
HELP_HELP = "hiện trợ giúp này rồi thoát"
HELP_VERSION = "hiện phiên bản rồi thoát"
PARSER_ERROR = "{prog}: lỗi: {message}\n"
ARGPARSE_TYPES = {"int": "số nguyên"}
# argparse's own error templates (Python 3.11–3.13), and what to say instead.
ARGPARSE_ERRORS = {
    "the following arguments are required: %s": "thiếu tham số bắt buộc: {s}",
    "unrecognized arguments: %s": "tham số không nhận ra: {s}",
    "invalid %(type)s value: %(value)r": "giá trị {type} không hợp lệ: {value}",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "lựa chọn không hợp lệ: {value} (chọn một trong {choices})"
    ),
    "argument %(argument_name)s: %(message)s": "tham số {argument_name}: {message}",
    "expected one argument": "cần một giá trị",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tùy chọn mơ hồ: {option} có thể là {matches}"
    ),
}
NO_BACKUP = "Cảnh báo: không tạo được bản sao lưu khi mở: {reason}."
NO_DB_FOLDER = (
    "Không có thư mục {folder}, nơi phải chứa cơ sở dữ liệu {path} (theo {source}). "
    "Hãy kiểm tra lại đường dẫn."
)
DB_IS_FOLDER = (
    "{path} là một thư mục; --db (hoặc CHIBO_DB) cần đường dẫn tệp, ví dụ {path}/chibo.json."
)
CONSOLE_NO_VIETNAMESE = (
    # Plain letters on purpose: this console cannot show the others.
    "chibo: cua so nay khong hien duoc chu tieng Viet co dau; chu khong hien duoc se "
    "thanh dau ?. Hay dung Windows Terminal (UTF-8) voi phong Cascadia Mono hoac Consolas."
)
