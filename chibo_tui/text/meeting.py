"""Strings of the live meeting: steps, fields, keys, checks."""

from __future__ import annotations

CONTEXT = "Tháng {month}"
READ_ONLY_BANNER = "Biên bản đã chốt lúc {at} — chỉ đọc. Ctrl+O để mở lại (cần ghi lý do)."
CLOCK = "Đã họp {elapsed}"
CLOCK_NOT_STARTED = "Chưa ghi giờ bắt đầu"

STEPS = {
    "opening": "Khai mạc",
    "attendance": "Điểm danh",
    "followups": "Giải pháp tháng trước",
    "task-reviews": "Nhiệm vụ tháng trước",
    "criterion-1": "Tiêu chí 1",
    "criterion-2": "Tiêu chí 2",
    "criterion-3": "Tiêu chí 3",
    "criterion-4": "Tiêu chí 4",
    "tasks": "Nhiệm vụ tháng tới",
    "conclusion": "Việc khác, kết luận",
    "resolution": "Nghị quyết, biểu dương",
    "scoring": "Chấm điểm",
    "close": "Kết thúc, chốt",
}
PROGRESS = "Tiêu chí {n}/4"
STEP_OF = "Bước {n}/{total}"

# keys
KEY_NEXT = "Bước sau"
KEY_NEXT_HELP = "Sang bước tiếp theo của kỳ sinh hoạt"
KEY_PREV = "Bước trước"
KEY_PREV_HELP = "Quay lại bước trước"
KEY_HOME = "Về trang chính"
KEY_HOME_HELP = "Lưu và quay về danh sách các tháng"
KEY_SAVE = "Lưu ngay"
KEY_SAVE_HELP = "Ghi ngay mọi thay đổi xuống đĩa"
KEY_EXPORT_MINUTES = "Xuất biên bản"
KEY_EXPORT_MINUTES_HELP = "Xuất biên bản tháng này ra .docx"
KEY_EXPORT_REPORT = "Xuất báo cáo"
KEY_EXPORT_REPORT_HELP = "Xuất báo cáo tháng gửi Đảng ủy phường ra .docx"
KEY_REOPEN = "Mở lại"
KEY_REOPEN_HELP = "Mở lại biên bản đã chốt để sửa (ghi lý do)"
GOTO = "Đi tới: {step}"
GOTO_HELP = "Chuyển tới bước “{step}” của kỳ sinh hoạt"

# opening
OPENING_TITLE = "Khai mạc"
DATE = "Ngày họp (dd/mm/yyyy)"
START = "Giờ bắt đầu (hh:mm)"
PLACE = "Địa điểm"
CHAIR = "Chủ trì"
MINUTE_TAKER = "Thư ký"
THEMATIC = "Chuyên đề"
THEMATIC_BOX = "Có sinh hoạt chuyên đề cùng buổi (cần ít nhất 120 phút)"
GUESTS = "Đại biểu, khách mời"
GUEST_NAME = "Họ tên khách mời"
GUEST_POSITION = "Chức vụ"
GUEST_ADD_HINT = "Enter ở ô chức vụ để thêm khách mời; Delete trong danh sách để xóa."
NO_GUESTS = "Không có khách mời."
PICK_HINT = "Gõ một phần tên (không cần dấu), ↑↓ chọn, Enter xác nhận."

# attendance
ATTENDANCE_TITLE = "Điểm danh"
ATTENDANCE_HINT = (
    "Phím: C có mặt · L vắng có lý do · K vắng không lý do · U bỏ đánh dấu · "
    "A mọi người chưa điểm danh có mặt"
)
COL_NO = "#"
COL_NAME = "Họ và tên"
COL_STATUS = "Đảng viên"
COL_PRESENCE = "Điểm danh"
COL_REASON = "Lý do"
STATUS_OFFICIAL = "chính thức"
STATUS_PROBATIONARY = "dự bị"
PRESENCE = {
    "unmarked": "—",
    "present": "có mặt",
    "excused": "vắng có lý do",
    "unexcused": "vắng không lý do",
}
EXEMPT_TITLE = "Miễn sinh hoạt (không tính vắng)"
NO_EXEMPT = "Không có đảng viên miễn sinh hoạt."
REASON_FOR = "Lý do vắng của đồng chí {name}"
REASON_TITLE = "Vắng có lý do"
KEY_PRESENT = "Có mặt"
KEY_EXCUSED = "Vắng có lý do"
KEY_UNEXCUSED = "Vắng không lý do"
KEY_UNMARK = "Bỏ đánh dấu"
KEY_ALL_PRESENT = "Còn lại có mặt"
TOTALS = (
    "Tổng số {total} (chính thức {official}, dự bị {probationary}; miễn sinh hoạt {exempt}) · "
    "Có mặt {present}/{expected} · Vắng có lý do {excused} · Vắng không lý do {unexcused} · "
    "Chưa điểm danh {unmarked} · Biểu quyết: {voters} đảng viên chính thức có mặt"
)
ROSTER_EMPTY = "Chi bộ chưa có đảng viên nào: thêm trong Danh sách đảng viên."

# last month's remedies
FOLLOWUPS_TITLE = "Kiểm điểm giải pháp khắc phục của các tháng trước"
FOLLOWUPS_HINT = "Phím: 1 đã khắc phục · 2 đang khắc phục · 3 chưa khắc phục · Enter ghi chú"
NO_FOLLOWUPS = "Không có giải pháp nào còn mở từ các tháng trước."
COL_REMEDY = "Giải pháp"
COL_OWNER = "Phụ trách"
COL_DUE = "Thời hạn"
COL_FROM = "Tháng"
COL_STATE = "Kết quả"
COL_NOTE = "Ghi chú"
NOTE_FOR = "Ghi chú về giải pháp: {text}"
NOTE_TITLE = "Ghi chú"
KEY_DONE = "Đã khắc phục"
KEY_IN_PROGRESS = "Đang khắc phục"
KEY_OPEN = "Chưa khắc phục"
KEY_NOTE = "Ghi chú"

# last month's tasks (section I.3 of the resolution)
TASK_REVIEWS_TITLE = "Kết quả thực hiện nhiệm vụ tháng trước"
TASK_REVIEWS_HINT = "Phím: 1 hoàn thành · 2 đang thực hiện · 3 chưa thực hiện · Enter ghi chú"
NO_TASK_REVIEWS = "Nghị quyết các tháng trước không để lại nhiệm vụ nào cần kiểm điểm."
COMPLETION = "Tỷ lệ hoàn thành: {formula}"
COMPLETION_PENDING = " · còn {n} nhiệm vụ chưa đánh giá"
COL_TASK = "Nhiệm vụ"
COL_BEFORE = "Đầu kỳ"
KEY_TASK_DONE = "Hoàn thành"
KEY_TASK_IN_PROGRESS = "Đang thực hiện"
KEY_TASK_NOT_DONE = "Chưa thực hiện"
TASK_NOTE_FOR = "Ghi chú về nhiệm vụ: {text}"

# next month's tasks (section II)
TASKS_TITLE = "Phương hướng, nhiệm vụ tháng {month}"
TASK_TEXT = "Nội dung nhiệm vụ (Enter để sang ô sau)"
TASK_OWNER = "Chủ trì (Chi ủy, Toàn chi bộ, đảng viên)"
TASK_DUE = "Thời hạn dd/mm/yyyy (Enter để thêm)"
TASK_REPORT = "Báo cáo tại kỳ {month}"
TASK_REPORT_BAD = "Tháng báo cáo cần dạng mm/yyyy, ví dụ {month}"
TASKS_HINT = "Enter ở ô thời hạn (hoặc tháng báo cáo) để thêm · Delete xóa, E sửa lại."
NEED_TASK_TEXT = "Ghi nội dung nhiệm vụ trước"
COL_GROUP = "Nhóm"
COL_REPORT = "Báo cáo"
GROUP_SHORT = {"ideology": "Chính trị, tư tưởng", "political": "Nhiệm vụ chính trị"}
OFFER_REMEDIES = (
    "Có {n} giải pháp khắc phục của tiêu chí không đạt chưa thành nhiệm vụ: "
    "G để thêm vào nhiệm vụ tháng tới."
)
OFFER_BUTTON = "Thêm giải pháp khắc phục (G)"
KEY_OFFER = "Thêm giải pháp khắc phục"
KEY_OFFER_HELP = "Thêm các giải pháp của tiêu chí không đạt vào nhiệm vụ tháng tới"
OFFERED = "Đã thêm {n} giải pháp khắc phục vào nhiệm vụ tháng tới."
NOTHING_TO_OFFER = "Không còn giải pháp khắc phục nào để thêm."

# the resolution: commendations, sections I.1–I.2, its vote
RESOLUTION_TITLE = "{name}: biểu dương, nhắc nhở, đánh giá và biểu quyết thông qua"
RESOLUTION_STEP = {
    "resolution": "Nghị quyết, biểu dương",
    "conclusion": "Kết luận, biểu dương",
    "none": "Biểu dương, nhắc nhở",
}
"""The step's name by what the cell issues (ResolutionForm)."""
RESOLUTION_NAME_NONE = "Biểu dương, nhắc nhở"
RESOLUTION_NONE = (
    "Chi bộ không ban hành nghị quyết hay thông báo kết luận sau kỳ họp, nên không biểu "
    "quyết thông qua (đổi trong Hồ sơ chi bộ: Ctrl+P, gõ “ho so”)."
)
COMMENDATIONS = "1. Biểu dương, nhắc nhở đảng viên"
COMMEND_NAME = "Đảng viên"
COMMEND_TEXT = "Nội dung (Enter để thêm)"
NEED_COMMEND_NAME = "Chọn đảng viên trước"
COL_MEMBER = "Đảng viên"
COL_KIND = "Hình thức"
COL_CONTENT = "Nội dung"
IDEOLOGY_REVIEW = "2. Về công tác chính trị, tư tưởng"
POLITICAL_REVIEW = "3. Về lãnh đạo thực hiện nhiệm vụ chính trị"
RESOLUTION_VOTE = "4. Biểu quyết thông qua {name} (đảng viên chính thức có mặt)"

# criterion
CRITERION_TITLE = "Tiêu chí {n}/4 — {title}"
CHECKLIST = "1. Tiêu chí con (D đạt · K không đạt · Space đổi · A tất cả đạt)"
NO_CHECKS = "Tiêu chí này chưa có tiêu chí con; chủ trì đề xuất kết quả ở mục 6."
CHECK_MARK = {None: "—", True: "đạt", False: "không đạt"}
COL_SUB = "Tiêu chí con"
COL_RESULT = "Kết quả"
KEY_PASS = "Đạt"
KEY_FAIL = "Không đạt"
KEY_TOGGLE = "Đổi"
KEY_ALL_PASS = "Tất cả đạt"
DISCUSSION = "2. Ý kiến thảo luận"
SPEAKER = "Người phát biểu"
SPEECH = "Nội dung ý kiến (Enter để thêm)"
COL_SPEAKER = "Người phát biểu"
COL_SPEECH = "Ý kiến"
NO_DISCUSSION = "Chưa có ý kiến nào."
LIST_HINT = "Trong danh sách: Delete xóa, E sửa lại."
KEY_DELETE = "Xóa"
KEY_EDIT = "Sửa"
NEED_SPEAKER = "Chọn người phát biểu trước"
CAUSES = "3. Nguyên nhân (chủ quan, khách quan)"
RESPONSIBILITY = "4. Trách nhiệm (tập thể, cá nhân)"
REMEDIES = "5. Giải pháp khắc phục"
REMEDY_TEXT = "Nội dung giải pháp"
REMEDY_OWNER = "Người phụ trách (hoặc “tập thể”)"
REMEDY_DUE = "Thời hạn dd/mm/yyyy (Enter để thêm)"
NO_REMEDIES = "Chưa có giải pháp nào."
NEED_REMEDY_TEXT = "Ghi nội dung giải pháp trước"
DUE_BEFORE_MEETING = "Thời hạn {due} trước ngày họp {day}. Vẫn ghi thời hạn này?"
VERDICT = "6. Kết quả đề xuất"
VERDICT_CHOICES = {"auto": "Theo tiêu chí con", "pass": "Đạt", "fail": "Không đạt"}
VERDICT_PUT = "Chủ trì đưa ra biểu quyết: {verdict}"
VERDICT_NONE = "Chưa có kết quả đề xuất: đánh giá tiêu chí con hoặc chọn Đạt/Không đạt."
VOTE = "7. Biểu quyết (đảng viên chính thức có mặt)"
IN_FAVOUR = "Tán thành"
AGAINST = "Không tán thành"
OTHER = "Ý kiến khác"
REVOTE = "Biểu quyết lại"
VOTE_EMPTY = "Chưa biểu quyết. {voters} đảng viên chính thức có mặt được biểu quyết."
VOTE_ADOPTED = "✔ {count}.\n{test}."
VOTE_NOT_ADOPTED = "✘ {count}.\n{test}. Chủ trì điều chỉnh rồi biểu quyết lại."
VOTE_INVALID = "✘ Không hợp lệ: {reason}"
EARLIER_VOTES = "Lần biểu quyết trước: {votes}"
MINORITY = "8. Ý kiến bảo lưu (ghi nguyên văn)"

# conclusion
CONCLUSION_TITLE = "Các việc khác và kết luận"
OTHER_BUSINESS = "Các nội dung khác"
CONCLUSION = "Kết luận của chủ trì"

# close
CLOSE_TITLE = "Kết thúc và chốt biên bản"
END = "Giờ kết thúc (hh:mm)"
CHECKLIST_TITLE = "Kiểm tra trước khi chốt"
CHECKLIST_CLEAN = "✔ Đủ nội dung, có thể chốt biên bản."
FOUR_GOOD = "Kết quả tháng: {sentence}"
FINALISE = "Chốt biên bản"
FINALISE_OVERRIDE = "Chốt dù còn vấn đề"
OVERRIDE_TITLE = "Chốt dù còn vấn đề"
OVERRIDE_PROMPT = "Ghi lý do chốt biên bản khi còn {n} vấn đề (lý do được lưu lại):"
FINALISE_BLOCKED = "Không thể chốt: còn biểu quyết không hợp lệ. Sửa số phiếu trước."
FINALISE_CONFIRM = (
    "Chốt biên bản tháng {month}? Sau khi chốt, mọi sửa đổi phải mở lại và ghi lý do."
)
FINALISED = "Đã chốt biên bản tháng {month}."
REOPEN_TITLE = "Mở lại biên bản"
REOPEN_PROMPT = "Lý do mở lại biên bản tháng {month} (được ghi vào biên bản):"
REOPENED = "Đã mở lại biên bản tháng {month}; lý do đã được ghi lại."
NOW = "Bây giờ"

# errors
BAD_NUMBER = "Chỉ nhập số nguyên không âm"
MONTH_PICK_TITLE = "Chọn tháng"
MONTH_PICK_PROMPT = "Tháng sinh hoạt (MM/YYYY hoặc YYYY-MM):"
EDITING_MARK = "✎ {text}"
VOTE_STALE = (
    "Nội dung đưa ra biểu quyết đã thay đổi: lần biểu quyết trước được giữ lại làm "
    "lần trước, cần biểu quyết lại."
)
KEY_DISCARD = "Hủy dự thảo"
KEY_DISCARD_HELP = "Bỏ kỳ sinh hoạt dự thảo này (mở nhầm tháng); có sao lưu trước"
DISCARD_CONFIRM = (
    "Hủy dự thảo kỳ sinh hoạt tháng {month}? Mọi nội dung đã ghi của tháng này sẽ bị bỏ "
    "(chibo sao lưu cơ sở dữ liệu trước khi hủy)."
)
DISCARDED = "Đã hủy dự thảo tháng {month}. Bản sao lưu trước khi hủy: {backup}"
DISCARD_FAILED = "Không hủy được dự thảo: {error}"
