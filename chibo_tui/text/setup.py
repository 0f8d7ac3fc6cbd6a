"""Strings of the first run and of the cell's profile, roster and criteria screens."""

from __future__ import annotations

# -- the way in ----------------------------------------------------------------

KEY_PROFILE = "Hồ sơ chi bộ"
KEY_PROFILE_HELP = (
    "Tên chi bộ, cấp ủy cấp trên, địa danh, bí thư, nơi sinh hoạt, cách trình bày văn bản"
)
KEY_ROSTER = "Đảng viên"
KEY_ROSTER_HELP = "Danh sách đảng viên: thêm, sửa, cho rời chi bộ, nhập từ tệp"
KEY_CRITERIA = "Tiêu chí"
KEY_CRITERIA_HELP = "Bốn tiêu chí “tốt” và các tiêu chí con dùng để đánh giá hằng tháng"

PAGE_TITLES = {
    "profile": "Hồ sơ chi bộ",
    "roster": "Danh sách đảng viên",
    "criteria": "Tiêu chí đánh giá",
}
STEP = "Thiết lập · Bước {n}/3: {title}"


KEY_BACK = "Quay lại"
KEY_BACK_HELP = "Đóng màn hình này (mọi thay đổi đã được lưu)"
KEY_NEXT = "Bước sau"
KEY_NEXT_HELP = "Sang bước thiết lập tiếp theo"
KEY_PREV = "Bước trước"
KEY_PREV_HELP = "Về bước thiết lập trước"
KEY_DONE = "Xong"
KEY_DONE_HELP = "Kết thúc thiết lập, sang trang chính"
NEXT_STEP_HINT = "Ctrl+N: bước sau · Ctrl+B: bước trước"
DONE_HINT = "Ctrl+N: xong, sang trang chính"
NEED_MEMBERS_TO_FINISH = "Cần ít nhất một đảng viên trong danh sách trước khi bắt đầu sinh hoạt."

# -- welcome -------------------------------------------------------------------

WELCOME_CONTEXT = "Bắt đầu"
WELCOME_TITLE = "Chào mừng đến với chibo"
WELCOME_INTRO = (
    "Trợ lý sinh hoạt chi bộ theo mô hình “chi bộ bốn tốt”: điểm danh, đánh giá bốn tiêu chí, "
    "biểu quyết, rồi xuất biên bản và báo cáo."
)
WELCOME_EMPTY = "Cơ sở dữ liệu {path} chưa có chi bộ nào. Chọn một cách để bắt đầu:"
WELCOME_RESUME = "Chi bộ “{name}” chưa có đảng viên nào. Chọn một cách để tiếp tục:"
WELCOME_SETUP = "Thiết lập chi bộ của tôi"
WELCOME_SETUP_RESUME = "Tiếp tục thiết lập {name}"
WELCOME_SETUP_HELP = "Ba bước, khoảng năm phút:"
WELCOME_SETUP_STEPS = "hồ sơ chi bộ, danh sách đảng viên, bộ tiêu chí đánh giá."
WELCOME_DEMO = "Dùng thử chi bộ mẫu"
WELCOME_DEMO_HELP = "Chi bộ Đinh Tiên Hoàng với 14 tháng sinh hoạt đã chốt, để xem thử."
WELCOME_DEMO_WHERE = "Lưu riêng ở {path} — không lẫn với dữ liệu thật."
WELCOME_HINT = "↑/↓ chọn · Enter mở · Ctrl+Q thoát"
KEY_SETUP = "Thiết lập"
KEY_SETUP_HELP = "Thiết lập chi bộ của tôi: hồ sơ, đảng viên, tiêu chí"
KEY_DEMO = "Chi bộ mẫu"
KEY_DEMO_HELP = "Mở chi bộ mẫu (tệp riêng, không đụng tới dữ liệu thật)"
DEMO_OPENING = "Đang mở chi bộ mẫu…"
DEMO_OPENED_TITLE = "Đang dùng DỮ LIỆU MẪU"
DEMO_OPENED = (
    "Đây là chi bộ mẫu, lưu ở {path}.\nDữ liệu thật ({real}) không bị thay đổi; "
    "lần sau mở chibo sẽ quay về dữ liệu thật."
)
DEMO_FAILED = "Không mở được chi bộ mẫu: {error}"

# -- profile -------------------------------------------------------------------

PROFILE_INTRO = "Những thông tin này in ở đầu biên bản, báo cáo và kế hoạch."
LABEL_NAME = "Tên chi bộ"
PLACEHOLDER_NAME = "ví dụ: Chi bộ Đinh Tiên Hoàng"
LABEL_PARENT = "Cấp ủy cấp trên"
PLACEHOLDER_PARENT = "ví dụ: Đảng bộ phường Tây Thạnh"
HINT_PARENT = "Dòng đầu tiêu đề văn bản: ghi “Đảng bộ phường …” hoặc “Đảng ủy phường …” theo cách cấp ủy dùng."
PARENT_SUGGESTIONS = ("Đảng bộ phường {place}", "Đảng ủy phường {place}")
LABEL_PLACE = "Địa danh ghi ngày"
PLACEHOLDER_PLACE = "ví dụ: Tây Thạnh"
LABEL_CITY = "Tỉnh, thành phố"
PLACEHOLDER_CITY = "ví dụ: Thành phố Hồ Chí Minh"
LABEL_SECRETARY = "Bí thư"
LABEL_DEPUTY = "Phó bí thư"
PICK_NOBODY = "Chưa chọn"
PICK_EMPTY_ROSTER = "Chưa có đảng viên — F7 để thêm"
LABEL_MEETING_PLACE = "Nơi sinh hoạt"
PLACEHOLDER_MEETING_PLACE = "ví dụ: Hội trường Khu phố 3"
LABEL_TERM = "Nhiệm kỳ cấp ủy"
PLACEHOLDER_TERM = "ví dụ: 2025–2030"
HINT_TERM = "Số văn bản đánh từ 01 cho mỗi loại (BB, BC, KH …) trong một nhiệm kỳ."
SECTION_DOCUMENTS = "Trình bày văn bản (các hướng dẫn ghi khác nhau; chọn theo cấp ủy)"
LABEL_MARGINS = "Lề trang"
MARGINS = {
    (20, 20, 30, 15): "Trên 20, dưới 20, trái 30, phải 15 mm",
    (25, 25, 35, 15): "Trên 25, dưới 25, trái 35, phải 15 mm",
}
MARGINS_OTHER = "Trên {t}, dưới {b}, trái {l}, phải {r} mm"
PREVIEW_MARGINS = "Lề: {margins}"
LABEL_COLON = "Dấu hai chấm sau “Số”"
COLON_CHECK = "Ghi “Số: 03-BB/CB” (mặc định: “Số 03-BB/CB”)"
LABEL_FORMAT = "Thể thức"
FORMAT_PROFILES = {
    "hd36": "Hướng dẫn 36-HD/VPTW (2018): kết thúc “./.”, “Nơi nhận:” đậm nghiêng",
    "hd05": "Hướng dẫn 05-HD/VPTW (2026, theo bản tóm tắt): kết thúc “.”, giãn dòng 19 pt",
}
SECTION_RESOLUTION = "Sau kỳ sinh hoạt (hướng dẫn ghi “kết luận hoặc nghị quyết”; chọn theo cấp ủy)"
LABEL_RESOLUTION_FORM = "Văn bản ban hành"
RESOLUTION_FORMS = {
    "resolution": "Nghị quyết (Số …-NQ/CB)",
    "conclusion": "Thông báo kết luận",
    "none": "Không ban hành (không biểu quyết thông qua)",
}
LABEL_SIGNATURE = "Thay mặt ký"
SIGNATURES = {
    "T/M CHI BỘ": "T/M CHI BỘ (mặc định)",
    "T/M CHI ỦY": "T/M CHI ỦY (chi bộ có chi ủy)",
}
HINT_SIGNATURE = "Các nguồn ghi khác nhau: “T/M CHI BỘ” hoặc “T/M CHI ỦY”, rồi “BÍ THƯ”."
PREVIEW_TITLE = "Đầu văn bản sẽ in như sau"
PREVIEW_PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
PREVIEW_NUMBER = "Số{colon} 03-BB/CB"
PREVIEW_MISSING = "……………"
NAME_REQUIRED = "Cần tên chi bộ — tên cũ được giữ đến khi nhập tên mới."
ROLE_MOVED = "{old} thôi giữ chức {role}, chuyển thành đảng viên."
ROLE_SET = "{name} là {role} của chi bộ."
ROLE_CLEARED = "Chi bộ chưa có {role}."
PICK_HINT = "Chỉ đảng viên chính thức, không miễn sinh hoạt, được chọn; người giữ chức trước chuyển thành đảng viên."

# -- roster --------------------------------------------------------------------

COL_NUMBER = "STT"
COL_NAME = "Họ và tên"
COL_STATUS = "Đảng viên"
COL_EXEMPT = "Miễn SH"
COL_ROLE = "Vai trò"
STATUS_NAMES = {"official": "chính thức", "probationary": "dự bị"}
ROLE_NAMES = {
    "secretary": "bí thư",
    "deputy": "phó bí thư",
    "committee": "chi ủy viên",
    "member": "đảng viên",
}
EXEMPT_MARK = "miễn"
REMOVED_MARK = "đã rời chi bộ"
ROSTER_EMPTY = (
    "Chưa có đảng viên nào.\n\nNhấn [b]a[/b] để thêm từng người (Enter lưu rồi nhập ngay người sau), "
    "hoặc [b]i[/b] để nhập cả danh sách từ tệp văn bản / CSV hoặc dán vào."
)
ROSTER_SUMMARY = (
    "{total} đảng viên: {official} chính thức, {probationary} dự bị · {exempt} miễn sinh hoạt"
)
ROSTER_ROLES = "Bí thư: {secretary} · Phó bí thư: {deputy}"
ROSTER_REMOVED = " · {n} đã rời (h để xem)"
NOBODY = "chưa có"
SORT_NOTE = "Xếp theo tên, rồi họ, rồi tên đệm (thứ tự chữ cái tiếng Việt)."
KEY_ADD = "Thêm"
KEY_ADD_HELP = "Thêm đảng viên (Enter lưu, rồi nhập ngay người tiếp theo)"
KEY_EDIT = "Sửa"
KEY_EDIT_HELP = "Sửa đảng viên đang chọn"
KEY_REMOVE = "Cho rời"
KEY_REMOVE_HELP = "Đảng viên rời chi bộ: bỏ khỏi danh sách, vẫn giữ trong các kỳ đã họp"
KEY_IMPORT = "Nhập tệp"
KEY_IMPORT_HELP = "Nhập danh sách đảng viên từ tệp văn bản / CSV, hoặc dán vào (xem trước khi lưu)"
KEY_SHOW_REMOVED = "Người đã rời"
KEY_SHOW_REMOVED_HELP = "Hiện / ẩn những đảng viên đã rời chi bộ"
KEY_RESTORE = "Khôi phục"
KEY_RESTORE_HELP = "Đưa đảng viên đã rời trở lại danh sách"
UPDATED = "Đã sửa {name}."
REMOVE_QUESTION = (
    "Đồng chí {name} rời chi bộ?\n\nTên được bỏ khỏi danh sách và các kỳ sinh hoạt sau; "
    "các kỳ đã họp vẫn giữ nguyên. Có thể khôi phục (phím h rồi r)."
)
REMOVE_YES = "Cho rời chi bộ"
REMOVE_PRESENT = (
    "Đồng chí {name} đang được điểm danh CÓ MẶT trong kỳ sinh hoạt chưa chốt tháng {months}.\n\n"
    "Nếu cho rời chi bộ bây giờ, đồng chí vẫn ở lại trong điểm danh của kỳ đó (vì đã có mặt), "
    "nhưng không còn trong danh sách; kỳ đó sẽ được đánh dấu cần xem lại trước khi chốt. "
    "Nếu đồng chí rời sau buổi họp, nên chốt kỳ đó trước rồi mới cho rời."
)
REMOVE_PRESENT_YES = "Vẫn cho rời, giữ trong điểm danh"
REMOVED = "{name} đã rời chi bộ."
RESTORED = "{name} đã trở lại danh sách."
RESTORE_NAMESAKE = "Danh sách đang có người trùng tên “{name}”. Vẫn khôi phục?"
ROSTER_ISSUES = "Kỳ chưa chốt tháng {month}: {names} đã rời chi bộ nhưng được điểm danh có mặt."
VOTES_CHANGE = (
    "Kỳ chưa chốt tháng {month} đã có biểu quyết: số đảng viên chính thức có mặt "
    "(người biểu quyết) {voters} → {voters_after}; số đảng viên chính thức không miễn "
    "(căn cứ thông qua) {base} → {base_after}. Các phiếu đã ghi cần xem lại."
)
VOTES_QUESTION = "Thay đổi này làm đổi số người biểu quyết:\n\n{effects}\n\nVẫn thay đổi?"
VOTES_YES = "Vẫn thay đổi"

# -- member form ---------------------------------------------------------------

FORM_ADD_TITLE = "Thêm đảng viên"
FORM_EDIT_TITLE = "Sửa thông tin đảng viên"
FORM_NAME = "Họ và tên"
FORM_NAME_PLACEHOLDER = "ví dụ: Nguyễn Văn An"
FORM_PROBATIONARY = "Đảng viên dự bị"
FORM_EXEMPT = "Miễn công tác, sinh hoạt đảng"
FORM_ROLE = "Vai trò"
FORM_SAVE = "Lưu"
FORM_CANCEL = "Đóng"
FORM_HINT = "Enter (ở ô họ tên) hoặc Ctrl+S: lưu · Tab: ô sau · Esc: đóng"
FORM_ADD_HINT = "Enter (ở ô họ tên) hoặc Ctrl+S: lưu, nhập tiếp người sau · Tab: ô sau · Esc: đóng"
FORM_ADDED = "Đã thêm {name} ({count} đảng viên). Nhập người tiếp theo, hoặc Esc để đóng."
NAME_EMPTY = "Cần nhập họ và tên."
NAME_INVALID = "Họ tên không dùng được: {reason}."
PROBATIONARY_ROLE = "Đảng viên dự bị không giữ chức {role}; chọn vai trò “đảng viên”."
NAMESAKE_QUESTION = (
    "Danh sách đã có đồng chí “{existing}”.\n\nChi bộ có hai người trùng tên? "
    "Nếu là cùng một người, chọn Hủy rồi sửa người đã có."
)
NAMESAKE_YES = "Thêm người trùng tên"
ROLE_TAKEN_QUESTION = (
    "Đồng chí {holder} đang là {role}.\n\nGiao chức {role} cho đồng chí {name}? "
    "Đồng chí {holder} sẽ chuyển thành đảng viên."
)
ROLE_TAKEN_YES = "Giao chức {role}"

# -- import --------------------------------------------------------------------

SOURCE_TITLE = "Nhập danh sách đảng viên"
SOURCE_PATH = "Đường dẫn tệp (.txt, .csv) — → để nhận gợi ý, Enter để xem trước"
SOURCE_PASTE = "…hoặc dán danh sách vào đây, mỗi dòng một người:"
SOURCE_FORMAT = (
    "Mỗi dòng một người: “Nguyễn Văn An” hoặc “Nguyễn Văn An, dự bị”; có thể thêm "
    "“miễn sinh hoạt”, “bí thư”, “phó bí thư”, “chi ủy viên”. Cột cách nhau bằng dấu phẩy, "
    "chấm phẩy hoặc Tab; dòng tiêu đề (“Họ và tên; …”) được bỏ qua."
)
SOURCE_PREVIEW = "Xem trước"
SOURCE_CANCEL = "Hủy"
SOURCE_NOTHING = "Nhập đường dẫn tệp hoặc dán danh sách."
FILE_NOT_FOUND = "Không có tệp {path}."
FILE_IS_DIR = "{path} là thư mục; gõ tiếp tên tệp."
FILE_TOO_BIG = "Tệp lớn quá ({size} KB); danh sách đảng viên thường dưới 100 KB."
FILE_UNREADABLE = "Không đọc được {path}: {reason}."
TOML_TITLE = "Nhập bộ tiêu chí từ tệp TOML"
TOML_PATH = "Đường dẫn tệp .toml — → để nhận gợi ý, Enter để mở"
TOML_FORMAT = (
    'Bốn bảng [[criterion]], mỗi bảng có title = "…" và sub_criteria = ["…", …] — '
    "như tệp mẫu sample_criteria.toml."
)

PREVIEW_TITLE_IMPORT = "Xem trước: {count} đảng viên từ {source}"
PREVIEW_PASTED = "danh sách đã dán"
PREVIEW_COL_LINE = "Dòng"
PREVIEW_COL_NOTE = "Ghi chú"
PREVIEW_NAMESAKE = "trùng tên với {name}"
PREVIEW_BAD_TITLE = "{count} dòng không đọc được — sẽ bị bỏ qua:"
PREVIEW_BAD_LINE = "Dòng {line}: {reason} — “{text}”"
PREVIEW_NONE = "Không có dòng nào đọc được thành đảng viên. Sửa tệp rồi nhập lại."
PREVIEW_IMPORT = "Nhập {count} đảng viên"
PREVIEW_IMPORT_SKIPPING = "Bỏ {bad} dòng lỗi, nhập {count} đảng viên"
PREVIEW_SKIP_NAMESAKES = "Bỏ tên trùng, nhập {count}"
PREVIEW_CANCEL = "Hủy, không nhập gì"
PREVIEW_CLOSE = "Đóng"
PREVIEW_NOTHING_SAVED = "Chưa có gì được lưu cho đến khi chọn nhập."
IMPORTED = "Đã nhập {count} đảng viên."
IMPORT_CANCELLED = "Không nhập gì."

# -- criteria ------------------------------------------------------------------

CRITERION_TAB = "Tiêu chí {n}"
CRITERIA_SAMPLE_NOTE = (
    "Bộ tiêu chí con này là mẫu, không phải văn bản của Thành ủy: sửa lại cho đúng phụ lục "
    "Đảng ủy phường đã ban hành (hoặc nhập tệp TOML)."
)
CRITERIA_EDITED_NOTE = "Bộ tiêu chí của chi bộ (đã chỉnh, không còn là mẫu)."
CRITERIA_EMPTY = "Tiêu chí này chưa có tiêu chí con. Nhấn a để thêm."
CRITERIA_APPLIES = "Thay đổi áp dụng cho kỳ chưa chốt: tháng {months}. Biên bản đã chốt giữ nguyên bộ tiêu chí lúc đánh giá."
CRITERIA_APPLIES_NONE = (
    "Thay đổi áp dụng từ kỳ sinh hoạt sau; biên bản đã chốt giữ nguyên bộ tiêu chí lúc đánh giá."
)
CRITERIA_KEYS = (
    "←/→ hoặc 1–4 chọn tiêu chí · a thêm · e sửa · x xóa · Shift+↑/↓ đổi thứ tự · "
    "t sửa tên · r về mẫu · i nhập TOML · Ctrl+P mọi lệnh"
)
KEY_PREV_CRITERION = "Tiêu chí trước"
KEY_PREV_CRITERION_HELP = "Xem tiêu chí trước (phím ← hoặc 1–4)"
KEY_NEXT_CRITERION = "Tiêu chí sau"
KEY_NEXT_CRITERION_HELP = "Xem tiêu chí sau (phím → hoặc 1–4)"
KEY_ADD_SUB = "Thêm"
KEY_ADD_SUB_HELP = "Thêm tiêu chí con vào sau dòng đang chọn"
KEY_EDIT_SUB = "Sửa"
KEY_EDIT_SUB_HELP = "Sửa tiêu chí con đang chọn"
KEY_REMOVE_SUB = "Xóa"
KEY_REMOVE_SUB_HELP = "Xóa tiêu chí con đang chọn"
KEY_UP = "Lên"
KEY_UP_HELP = "Đưa tiêu chí con đang chọn lên trên"
KEY_DOWN = "Xuống"
KEY_DOWN_HELP = "Đưa tiêu chí con đang chọn xuống dưới"
KEY_RENAME = "Sửa tên"
KEY_RENAME_HELP = "Sửa tên của tiêu chí đang xem"
KEY_RESET = "Về mẫu"
KEY_RESET_HELP = "Đặt lại cả bốn tiêu chí theo bộ mẫu"
KEY_IMPORT_TOML = "Nhập TOML"
KEY_IMPORT_TOML_HELP = "Thay bộ tiêu chí bằng nội dung một tệp TOML"
SUB_ADD_TITLE = "Thêm tiêu chí con — tiêu chí {n}"
SUB_EDIT_TITLE = "Sửa tiêu chí con — tiêu chí {n}"
SUB_PROMPT = "Nội dung tiêu chí con (một dòng):"
SUB_REQUIRED = "Cần nhập nội dung tiêu chí con."
TITLE_EDIT = "Tên tiêu chí {n}"
TITLE_PROMPT = "Tên của tiêu chí (in trong biên bản và báo cáo):"
TITLE_REQUIRED = "Cần nhập tên tiêu chí."
SUB_REMOVE_QUESTION = "Xóa tiêu chí con “{text}” khỏi tiêu chí {n}?"
SUB_REMOVE_YES = "Xóa"
SUB_DUPLICATE = "Tiêu chí {n} đã có dòng này."
RESET_QUESTION = (
    "Đặt lại cả bốn tiêu chí theo bộ mẫu? Mọi chỉnh sửa tiêu chí con của chi bộ sẽ mất "
    "(biên bản đã chốt không đổi)."
)
RESET_YES = "Đặt lại theo mẫu"
RESET_DONE = "Đã đặt lại bộ tiêu chí theo mẫu."
TOML_QUESTION = "Thay bộ tiêu chí bằng nội dung {path} ({count} tiêu chí con)?"
TOML_YES = "Thay bộ tiêu chí"
TOML_DONE = "Đã nhập bộ tiêu chí từ {path}."
TOML_FAILED = "Không nhập được {path}: {error}"
ENTRY_SAVE = "Lưu"
ENTRY_CANCEL = "Hủy"
ENTRY_HINT = "Enter: lưu · Esc: hủy"
