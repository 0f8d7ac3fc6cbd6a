"""Vietnamese text of the score-sheet screen (phiếu chấm điểm chất lượng sinh hoạt)."""

from __future__ import annotations

TITLE = "Phiếu chấm điểm chất lượng sinh hoạt"
SOURCE = "Nguồn: {source} · {groups} nhóm, {items} mục, {total} điểm"
COL_NO = "#"
COL_ITEM = "Nhóm / mục"
COL_POINTS = "Điểm"
COL_HOW = "Cách chấm"
BY_RECORD = "chibo tính từ biên bản"
BY_HAND = "chi bộ tự chấm"
BANDS = "{n} mức"
VOTE_ON = "Chi bộ biểu quyết thông qua phiếu chấm điểm: có"
VOTE_OFF = "Chi bộ biểu quyết thông qua phiếu chấm điểm: không"
HINT = (
    "I nhập phiếu từ tệp TOML · W ghi phiếu ra tệp TOML để sửa · 1 phiếu An Phú (8 nhóm) · "
    "2 phiếu Cẩm Lệ (7 nhóm) · B bật/tắt biểu quyết · Esc quay lại. Kỳ họp đã chấm giữ "
    "phiếu của kỳ đó."
)

KEY_IMPORT = "Nhập TOML"
KEY_IMPORT_HELP = "Thay phiếu chấm điểm bằng nội dung một tệp TOML"
KEY_WRITE = "Ghi TOML"
KEY_WRITE_HELP = "Ghi phiếu đang dùng ra tệp TOML trong thư mục xuất, để sửa rồi nhập lại"
KEY_PRESET_ANPHU = "Phiếu An Phú"
KEY_PRESET_ANPHU_HELP = "Dùng phiếu 8 nhóm, 28 mục (tham khảo phiếu của Đảng ủy phường An Phú)"
KEY_PRESET_CAMLE = "Phiếu Cẩm Lệ"
KEY_PRESET_CAMLE_HELP = "Dùng phiếu 7 nhóm (tổ chức và điều hành gộp làm một nhóm 40 điểm)"
KEY_VOTE = "Biểu quyết phiếu"
KEY_VOTE_HELP = "Bật hoặc tắt việc chi bộ biểu quyết thông qua phiếu chấm điểm"
KEY_OPEN = "Phiếu chấm điểm"
KEY_OPEN_HELP = "Xem, nhập hoặc đổi phiếu chấm điểm chất lượng sinh hoạt chi bộ"

IMPORT_TITLE = "Nhập phiếu chấm điểm từ tệp TOML"
IMPORT_PATH = "Đường dẫn tệp .toml — → để nhận gợi ý, Enter để mở"
IMPORT_FORMAT = (
    "Mỗi [[group]] có title, points; mỗi [[group.item]] có key, text, points, có thể có "
    "band = [{ label = …, points = … }] và computed. Cộng lại đúng 100 điểm. Ghi phiếu "
    "đang dùng ra tệp (W) để xem mẫu."
)
IMPORT_FAILED = "Không nhập được {path}: {error}"
IMPORT_QUESTION = "Thay phiếu chấm điểm bằng {path} ({groups} nhóm, {items} mục)?"
IMPORT_YES = "Thay phiếu"
IMPORT_DONE = "Đã nhập phiếu chấm điểm từ {path}. Các kỳ họp đã chấm giữ phiếu cũ."
PRESET_QUESTION = "Dùng phiếu {name}? Các kỳ họp đã chấm giữ phiếu cũ."
PRESET_YES = "Dùng phiếu này"
PRESET_DONE = "Đang dùng phiếu {name}."
PRESET_NAMES = {"anphu": "An Phú (8 nhóm)", "camle": "Cẩm Lệ (7 nhóm)"}
WRITTEN = "Đã ghi phiếu ra {path}"
WRITE_FAILED = "Không ghi được phiếu: {error}"

# The "Chấm điểm" step of the meeting.
KEY_EXPORT = "Phiếu điểm"
KEY_EXPORT_HELP = "Ghi phiếu đánh giá chất lượng sinh hoạt của tháng ra tệp .docx"
KEY_PACK = "Gói tài liệu"
KEY_PACK_HELP = (
    "Ghi biên bản, báo cáo, nghị quyết và phiếu điểm của tháng vào một thư mục để đăng Sổ tay "
    "(kèm PDF khi có LibreOffice)"
)
STEP = "Chấm điểm"
STEP_TITLE = "Chấm điểm chất lượng sinh hoạt chi bộ (HD 42)"
PAPERWORK = "Trước và sau kỳ sinh hoạt (ngày làm; mỗi việc được tính vào phiếu)"
DATE_PLACEHOLDER = "dd/mm/yyyy"
SHEET = "Phiếu chấm điểm — {source}"
SHEET_HINT = (
    "← → mức điểm · Space đủ / 0 điểm · Delete điểm chibo tính · Enter ghi chú "
    "(sửa điểm chibo tính cần lý do)"
)
COL_ITEM = "Mục"
COL_POINTS = "Điểm"
COL_HOW = "Cách tính / ghi chú"
TO_SCORE = "chi bộ chấm"
OVERRIDDEN = "Chi bộ sửa (chibo tính {computed} điểm): {note}"
VOTE = "Biểu quyết thông qua phiếu chấm điểm"
KEY_LOWER = "Mức thấp hơn"
KEY_HIGHER = "Mức cao hơn"
KEY_TOGGLE = "Đủ / 0 điểm"
KEY_RESET = "Điểm chibo tính"
KEY_NOTE = "Ghi chú"
OVERRIDE_TITLE = "Sửa điểm chibo đã tính"
OVERRIDE_PROMPT = (
    "chibo tính {computed} điểm ({how}). Ghi lý do chấm {points} điểm (in trên phiếu):"
)
NOTE_TITLE = "Ghi chú cho mục"
NOTE_REQUIRED = "Mục đã sửa điểm phải có lý do."
