"""Every Vietnamese string of the history screens: home, a month, the year, remedies, search."""

from __future__ import annotations

# -- marks shared by the lists and the grid ----------------------------------

MARK_PASS = "✓"
MARK_FAIL = "✗"
MARK_UNDECIDED = "–"
MARK_NOT_HELD = "·"
MARK_FOUR_GOOD = "★"
LEGEND_PASS = "đạt"
LEGEND_FAIL = "không đạt"
LEGEND_UNDECIDED = "chưa có kết quả"
LEGEND_NOT_HELD = "chưa họp"
LEGEND_FOUR_GOOD = "bốn tốt"
STATE_DRAFT = "dự thảo"
STATE_FINAL = "đã chốt"
FOUR_GOOD_BADGE = "★ bốn tốt"

CRITERION_SHORT = {
    1: "Nhiệm vụ chính trị",
    2: "Chất lượng sinh hoạt",
    3: "Đoàn kết, kỷ luật",
    4: "Cán bộ, đảng viên",
}
"""Short names of the four criteria, for grids and lists (full titles live in each meeting)."""

# -- keys (footer and command palette) ---------------------------------------

KEY_OPEN_MEETING = "Họp tháng này"
KEY_OPEN_MEETING_HELP = "Mở hoặc bắt đầu kỳ sinh hoạt tháng này"
KEY_VIEW = "Xem"
KEY_VIEW_HELP = "Xem chi tiết mục đang chọn"
KEY_YEAR = "Cả năm"
KEY_YEAR_HELP = "Bảng 12 tháng × 4 tiêu chí của năm, tổng hợp theo quý"
KEY_REMEDIES = "Giải pháp"
KEY_REMEDIES_HELP = "Các giải pháp khắc phục của mọi tháng: người phụ trách, thời hạn, trạng thái"
KEY_TASKS = "Nhiệm vụ"
KEY_TASKS_HELP = (
    "Các nhiệm vụ nghị quyết đề ra ở mọi tháng: người chủ trì, thời hạn, kết quả thực hiện"
)
KEY_STATE_FILTER = "Lọc kết quả"
KEY_STATE_FILTER_HELP = (
    "Đổi bộ lọc: chưa xong, quá hạn, chưa đánh giá, đang thực hiện, chưa thực hiện, "
    "hoàn thành, tất cả"
)
KEY_TASK_OWNER_FILTER = "Lọc người chủ trì"
KEY_TASK_OWNER_FILTER_HELP = "Chọn người chủ trì để chỉ xem nhiệm vụ của người đó"
KEY_SEARCH = "Tìm kiếm"
KEY_SEARCH_HELP = "Tìm trong nội dung mọi kỳ sinh hoạt (không phân biệt dấu, hoa thường)"
KEY_BACK = "Quay lại"
KEY_BACK_HELP = "Trở về màn hình trước"
KEY_MINUTES = "Xuất biên bản"
KEY_MINUTES_HELP = "Xuất biên bản sinh hoạt tháng này ra tệp .docx"
KEY_REPORT = "Xuất báo cáo"
KEY_REPORT_HELP = "Xuất báo cáo kết quả “chi bộ bốn tốt” của tháng ra tệp .docx"
KEY_EDIT_MEETING = "Mở kỳ họp"
KEY_EDIT_MEETING_HELP = "Mở tháng này trong màn hình họp để tiếp tục, mở lại hoặc bổ sung"
KEY_PREV_MONTH = "Tháng trước"
KEY_PREV_MONTH_HELP = "Xem kỳ sinh hoạt liền trước"
KEY_NEXT_MONTH = "Tháng sau"
KEY_NEXT_MONTH_HELP = "Xem kỳ sinh hoạt liền sau"
KEY_CRITERION = "Tiêu chí {n}"
KEY_CRITERION_HELP = "Cuộn tới tiêu chí {n}"
KEY_PREV_YEAR = "Năm trước"
KEY_PREV_YEAR_HELP = "Xem năm trước"
KEY_NEXT_YEAR = "Năm sau"
KEY_NEXT_YEAR_HELP = "Xem năm sau"
KEY_MONTH_LEFT = "Chọn tháng trước"
KEY_MONTH_RIGHT = "Chọn tháng sau"
KEY_OPEN_MONTH = "Xem tháng"
KEY_OPEN_MONTH_HELP = "Xem đầy đủ kỳ sinh hoạt của tháng đang chọn"
KEY_SUMMARY = "Tổng hợp năm"
KEY_SUMMARY_HELP = "Xuất báo cáo tổng hợp năm đang xem ra tệp .docx"
KEY_PLAN = "Kế hoạch năm sau"
KEY_PLAN_HELP = "Xuất dự thảo kế hoạch “chi bộ bốn tốt” của năm sau ra tệp .docx"
KEY_STATUS_FILTER = "Lọc trạng thái"
KEY_STATUS_FILTER_HELP = "Đổi bộ lọc trạng thái: còn mở, quá hạn, chưa, đang, đã khắc phục, tất cả"
KEY_OWNER_FILTER = "Lọc người phụ trách"
KEY_OWNER_FILTER_HELP = "Chọn người phụ trách để chỉ xem giải pháp của người đó"
KEY_RESULTS = "Xuống kết quả"
KEY_RESULTS_HELP = "Chuyển từ ô tìm kiếm xuống danh sách kết quả"
KEY_QUERY = "Ô tìm kiếm"
KEY_QUERY_HELP = "Trở lại ô tìm kiếm để sửa từ khóa"

# -- home ---------------------------------------------------------------------

HOME_CONTEXT = "Lịch sử sinh hoạt"
HOME_EMPTY = "Chi bộ chưa có kỳ sinh hoạt nào. Nhấn M để bắt đầu kỳ sinh hoạt tháng {month}."
HOME_REVIEW_KEY = " (N → năm → R)."
HOME_THIS_MONTH_NONE = "Tháng {month} chưa sinh hoạt — nhấn M để bắt đầu."
HOME_THIS_MONTH_DRAFT = "Tháng {month} đang dự thảo — nhấn M để tiếp tục."
HOME_THIS_MONTH_FINAL = "Tháng {month} đã chốt biên bản — nhấn M để mở lại hoặc bổ sung."
HOME_YEAR_LINE = "Năm {year}: {good}/{held} tháng đạt “bốn tốt”"
HOME_REMEDIES_LOADING = "Đang tổng hợp giải pháp…"
HOME_REMEDIES_LINE = "Giải pháp còn mở: {open}"
HOME_REMEDIES_OVERDUE = ", {overdue} quá hạn"
HOME_REMEDIES_NONE = "Mọi giải pháp đã khắc phục"
HOME_REMEDIES_NEVER = "Chưa đặt giải pháp khắc phục nào"
HOME_COL_MONTH = "Tháng"
HOME_COL_FOUR_GOOD = "Bốn tốt"
HOME_COL_ATTENDANCE = "Dự họp"
HOME_COL_STATE = "Trạng thái"
HOME_COL_NOTE = "Không đạt"
HOME_COUNT = "{n} kỳ sinh hoạt"

# -- a month in full ----------------------------------------------------------

MONTH_CONTEXT = "Tháng {month}"
MONTH_TITLE = "Kỳ sinh hoạt tháng {month}"
MONTH_HINT = "← → tháng trước, tháng sau · 1–4 tới tiêu chí · PgUp PgDn cuộn trang"
MONTH_MISSING = "Không có kỳ sinh hoạt tháng {month}."
MONTH_FIRST = "Đây là kỳ sinh hoạt đầu tiên."
MONTH_LAST = "Đây là kỳ sinh hoạt mới nhất."
STATE_FINAL_AT = "đã chốt lúc {at}"
STATE_DRAFT_LONG = "dự thảo (chưa chốt)"

SECTION_GENERAL = "Thông tin chung"
SECTION_ATTENDANCE = "Điểm danh"
SECTION_FOLLOW_UPS = "Giải pháp của các tháng trước"
SECTION_CRITERION = "Tiêu chí {n}. {title}"
SECTION_OTHER = "Các nội dung khác"
SECTION_CONCLUSION = "Kết luận của chủ trì"
SECTION_AMENDMENTS = "Mở lại, bổ sung sau khi chốt"

FIELD_DATE = "Ngày"
FIELD_TIME = "Thời gian"
FIELD_TIME_VALUE = "{start} – {end} ({minutes} phút)"
FIELD_TIME_OPEN = "từ {start}"
FIELD_PLACE = "Địa điểm"
FIELD_CHAIR = "Chủ trì"
FIELD_MINUTE_TAKER = "Thư ký"
FIELD_GUESTS = "Đại biểu, khách mời"
FIELD_STATE = "Trạng thái"
FIELD_OVERRIDE = "Chốt khi còn vấn đề, lý do"
FIELD_ROSTER = "Tổng số"
FIELD_ROSTER_VALUE = (
    "{total} đảng viên ({official} chính thức, {probationary} dự bị; {exempt} miễn sinh hoạt)"
)
FIELD_PRESENT = "Dự họp"
FIELD_EXCUSED = "Vắng có lý do"
FIELD_UNEXCUSED = "Vắng không lý do"
FIELD_NOBODY = "không có"
FIELD_VOTERS = "Biểu quyết"
FIELD_VOTERS_VALUE = (
    "{voters} đảng viên chính thức có mặt; căn cứ thông qua: {base} đảng viên chính thức"
)

FOLLOW_UPS_NONE = "Không có giải pháp nào cần theo dõi."
FOLLOW_UP_LINE = "{text} — {owner}, hạn {due} (tháng {month}, tiêu chí {n})"
FOLLOW_UP_NOTE = "Ghi chú: {note}"

GROUP_CHECKS = "Tiêu chí con"
GROUP_DISCUSSION = "Ý kiến thảo luận"
GROUP_CAUSES = "Nguyên nhân"
GROUP_RESPONSIBILITY = "Trách nhiệm"
GROUP_REMEDIES = "Giải pháp khắc phục"
GROUP_RESULT = "Kết quả"
GROUP_MINORITY = "Ý kiến bảo lưu"
CHECKS_NONE = "Không có tiêu chí con."
DISCUSSION_NONE = "Không có ý kiến."
REMEDY_LINE = "{text} — {owner}, hạn {due}"
NO_OWNER = "chưa giao"
NO_DUE = "chưa định"
PROPOSED = "Đề xuất"
VOTE = "Biểu quyết"
VOTE_NONE = "Chưa biểu quyết."
VOTE_PUT = "đưa ra “{verdict}”"
VOTE_EARLIER = "Lần biểu quyết trước"
ADOPTION = "Thông qua"
VALIDITY = "Kiểm phiếu"
VERDICT = "Kết quả được thông qua"
VERDICT_NONE = "chưa có"
AMENDMENT_LINE = "{at} — {reason}"
NOTHING = "Chưa có."

SECTION_TASK_REVIEWS = "Kết quả thực hiện nhiệm vụ tháng trước"
SECTION_LEADERSHIP = "Đánh giá kết quả lãnh đạo trong tháng"
SECTION_COMMENDATIONS = "Biểu dương, nhắc nhở đảng viên"
SECTION_TASKS = "Phương hướng, nhiệm vụ tháng {month}"
SECTION_RESOLUTION_VOTE = "Biểu quyết thông qua {name}"
TASK_COMPLETION = "Tỷ lệ hoàn thành"
TASK_REVIEW_LINE = "{text} — {owner}, hạn {due} (đề ra tháng {month}; đầu kỳ: {before})"
TASK_REVIEW_NOTE = "Ghi chú: {note}"
TASK_LINE = "{text} — chủ trì: {owner}, hạn {due}, báo cáo tại kỳ sinh hoạt tháng {report}"
TASK_FROM_REMEDY = " (từ giải pháp khắc phục)"
COMMENDATION_LINE = "{name} — {text}"
RESOLUTION_VOTE_NONE = "Chưa biểu quyết."
WHAT_TASK = "nhiệm vụ"
WHAT_TASK_REVIEW = "đánh giá nhiệm vụ"
WHAT_TASK_NOTE = "ghi chú đánh giá nhiệm vụ"
WHAT_LEADERSHIP = "đánh giá lãnh đạo"
WHAT_RESOLUTION_VOTE = "biểu quyết thông qua"

# -- the year -----------------------------------------------------------------

YEAR_CONTEXT = "Năm {year}"
YEAR_TITLE = "Năm {year}"
YEAR_PREV_HINT = "‹ {year}"
YEAR_NEXT_HINT = "{year} ›"
YEAR_QUARTERS = {1: "Quý I", 2: "Quý II", 3: "Quý III", 4: "Quý IV"}
YEAR_COUNT_HEADER = "Đạt"
YEAR_ROW_FOUR_GOOD = "Bốn tốt"
YEAR_ROW_ATTENDANCE = "Dự họp"
YEAR_ROW_TASKS = "Nhiệm vụ hoàn thành"
YEAR_ROW_SCORE = "Điểm chất lượng"
RATING_SHORT = {"Tốt": "T", "Khá": "K", "Trung bình": "TB", "Kém": "Kém"}
MARK_NO_TASKS = "—"
YEAR_TASKS_LINE = "Tháng {month}, kết quả nhiệm vụ tháng trước: {formula}"
YEAR_ROW_QUARTER = "Bốn tốt theo quý"
YEAR_QUARTER_VALUE = "{good}/{held}"
YEAR_TOTAL_TARGET = "Mục tiêu: {target} tháng"
YEAR_EMPTY = "Năm {year} chưa có kỳ sinh hoạt nào."
YEAR_CURSOR_NOT_HELD = "Tháng {month}: chưa sinh hoạt."
YEAR_CURSOR_HEAD = "Tháng {month} · "
YEAR_CURSOR_ATTENDANCE = " · dự họp {present}/{expected} ({ratio})"
YEAR_CURSOR_FAILED = " · không đạt: {names}"
YEAR_CURSOR_FOUR_GOOD = " · ★ bốn tốt"
YEAR_CURSOR_HINT = " — Enter để xem"
YEAR_REMEDIES_LOADING = "Đang tổng hợp giải pháp của năm…"
YEAR_REMEDIES = "Giải pháp đề ra trong năm: {raised} · đã khắc phục {done} · còn mở {open}"
YEAR_REMEDIES_OVERDUE = " ({overdue} quá hạn)"
YEAR_CRITERION_TITLE = "Tiêu chí {n}"

# -- remedies -----------------------------------------------------------------

REMEDIES_CONTEXT = "Giải pháp khắc phục"
REMEDIES_LOADING = "Đang tải giải pháp của mọi tháng…"
REMEDIES_EMPTY = "Chưa có giải pháp khắc phục nào."
REMEDIES_NONE_MATCH = (
    "Không có giải pháp nào khớp bộ lọc — S đổi trạng thái, P đổi người phụ trách."
)
REMEDIES_ALL_DONE = "Cả {total} giải pháp đã khắc phục — nhấn S để xem theo trạng thái khác."
REMEDIES_COUNT = "{shown}/{total} giải pháp · còn mở {open} · quá hạn {overdue}"
REMEDIES_STATUS = "Trạng thái:"
REMEDIES_OWNER = "Người phụ trách:"
REMEDIES_OWNER_ALL = "Tất cả"
REMEDIES_COL_RAISED = "Đề ra"
REMEDIES_COL_TEXT = "Giải pháp"
REMEDIES_COL_OWNER = "Phụ trách"
REMEDIES_COL_DUE = "Hạn"
REMEDIES_COL_STATUS = "Trạng thái"
REMEDIES_OVERDUE = "quá hạn"
REMEDIES_UPDATED = "cập nhật {month}"
STATUS_FILTERS = {
    "unresolved": "còn mở",
    "overdue": "quá hạn",
    "open": "chưa khắc phục",
    "in_progress": "đang khắc phục",
    "done": "đã khắc phục",
    "all": "tất cả",
}

# -- tasks --------------------------------------------------------------------

TASKS_CONTEXT = "Nhiệm vụ theo nghị quyết"
TASKS_LOADING = "Đang tải nhiệm vụ của mọi tháng…"
TASKS_EMPTY = "Chưa có nhiệm vụ nào được đề ra."
TASKS_NONE_MATCH = "Không có nhiệm vụ nào khớp bộ lọc — S đổi kết quả, P đổi người chủ trì."
TASKS_ALL_DONE = "Cả {total} nhiệm vụ đã hoàn thành — nhấn S để xem theo kết quả khác."
TASKS_COUNT = "{shown}/{total} nhiệm vụ · chưa xong {unfinished} · quá hạn {overdue}"
TASKS_STATE = "Kết quả:"
TASKS_OWNER = "Người chủ trì:"
TASKS_COL_OWNER = "Chủ trì"
TASKS_SET = "đề ra {month}"
TASKS_REVIEWED = "đánh giá {month}"
TASKS_REPORT = "báo cáo {month}"
STATE_FILTERS = {
    "unfinished": "chưa xong",
    "overdue": "quá hạn",
    "not_reviewed": "chưa đánh giá",
    "in_progress": "đang thực hiện",
    "not_done": "chưa thực hiện",
    "done": "hoàn thành",
    "all": "tất cả",
}

# -- search -------------------------------------------------------------------

SEARCH_CONTEXT = "Tìm kiếm"
SEARCH_PLACEHOLDER = "Gõ từ cần tìm, có dấu hay không dấu đều được (ví dụ: ket luan)"
SEARCH_BUILDING = "Đang lập chỉ mục {n} kỳ sinh hoạt…"
SEARCH_READY = "Sẵn sàng tìm trong {n} kỳ sinh hoạt ({lines} dòng)."
SEARCH_MORE = "Đang lập chỉ mục các tháng cũ hơn: đã có {done}/{n} kỳ…"
SEARCH_NONE = "Không tìm thấy “{query}”."
SEARCH_FOUND = "{total} dòng khớp “{query}”"
SEARCH_FOUND_LIMITED = "{total} dòng khớp “{query}”, hiện {shown} dòng mới nhất"
SEARCH_HINT = "↓ để chọn kết quả, Enter để mở đúng chỗ trong tháng."
SEARCH_WHERE = "{month} · {section}"
