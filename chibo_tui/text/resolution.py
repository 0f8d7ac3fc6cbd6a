"""Vietnamese text of the month's resolution (nghị quyết) or thông báo kết luận.

The headings and fixed sentences are those of the Cẩm Lệ template (domain-notes-2
§2.2); each form keeps its own words where the two differ ("ban hành nghị quyết"
against "kết luận"). Placeholders are filled by ``export.resolution``.
"""

from __future__ import annotations

# -- the two forms, by the value of ``ResolutionForm`` (text sits below the domain) --
RESOLUTION, CONCLUSION = "resolution", "conclusion"
FORMS = (RESOLUTION, CONCLUSION)
TITLE = {RESOLUTION: "Nghị quyết", CONCLUSION: "Thông báo"}
SUMMARY = {
    # The resolution is named for the month it leads (the month after the meeting),
    # the conclusion for the meeting it concludes.
    RESOLUTION: "Lãnh đạo thực hiện nhiệm vụ tháng {ahead}",
    CONCLUSION: "Kết luận kỳ sinh hoạt chi bộ tháng {month}",
}
CATEGORY = {RESOLUTION: "Nghị quyết", CONCLUSION: "Thông báo"}
# The document as the subject of a sentence ("Nghị quyết này …", "… đăng tải Nghị quyết").
THIS = {RESOLUTION: "Nghị quyết", CONCLUSION: "Thông báo kết luận"}
# An earlier month's document, as section I.3 names it.
OF_MONTH = {
    RESOLUTION: "Nghị quyết Chi bộ tháng {month}",
    CONCLUSION: "Thông báo kết luận của Chi bộ tháng {month}",
}
DECIDES = {
    RESOLUTION: "thống nhất ban hành nghị quyết như sau:",
    CONCLUSION: "thống nhất kết luận như sau:",
}

# -- opening paragraph ----------------------------------------------------------------
OPENING = (
    "Ngày {day}, tại {place}, {cell} tổ chức sinh hoạt chi bộ thường kỳ tháng {month}. "
    "Tổng số đảng viên của chi bộ: {total} đồng chí; có mặt {present} đồng chí; vắng mặt "
    "{absent} đồng chí (có lý do {excused}, không có lý do {unexcused}){unmarked}; đảng viên "
    "được miễn công tác, sinh hoạt đảng: {exempt} đồng chí. Thời lượng sinh hoạt: {minutes} "
    "phút. {chair} chủ trì; {minute_taker} được cử làm thư ký kỳ họp."
)
UNMARKED = "; chưa điểm danh {n} đồng chí"
NO_MINUTES = "…"
AFTER_REPORT = "Sau khi nghe Chi ủy báo cáo, chi bộ đã thảo luận, tự phê bình và phê bình, "

# -- I. the month judged ----------------------------------------------------------------
PART_I = "I. ĐÁNH GIÁ KẾT QUẢ LÃNH ĐẠO THÁNG {month}"
FOUR_GOOD = "Kết quả tự đánh giá thực hiện mô hình “chi bộ bốn tốt” tháng {month}: {result}."
FAILED_ONES = "{result} (nội dung {numbers} không đạt)"
IDEOLOGY = "1. Về công tác chính trị, tư tưởng"
POLITICAL = "2. Về lãnh đạo thực hiện nhiệm vụ chính trị"
RESULTS = "3. Kết quả thực hiện {document}"
RESULTS_INTRO = (
    "Chi ủy tổng hợp, đối chiếu kết quả thực hiện từng nhiệm vụ đề ra tại Mục II {document} "
    "như sau:"
)
TABLE_HEADINGS = (
    "TT",
    "Nhiệm vụ đề ra tại Nghị quyết tháng {month}",
    "Tình trạng đầu kỳ",
    "Kết quả thực hiện",
)
OLDER_SOURCE = "đề ra tháng {month}"
TASK_OWNER = "chủ trì: {owner}"
COMPLETION = "Tỷ lệ hoàn thành: {formula}."
COMPLETION_WAITING = "Tỷ lệ hoàn thành: {formula} (còn {n} nhiệm vụ chưa đánh giá)."
NO_RESULTS = "Kỳ sinh hoạt này không có nhiệm vụ nào của kỳ trước cần đánh giá."
MENTIONS = "4. Biểu dương, nhắc nhở đảng viên"
MENTION = "{kind} {name}: {text}"
NO_MENTIONS = "Không có."
SHORTCOMINGS = "5. Hạn chế, khuyết điểm và nguyên nhân"
ORDINALS = ("Một", "Hai", "Ba", "Bốn", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười")
SHORTCOMING = "{ordinal} là, nội dung {number} “{title}” không đạt{missed}."
MISSED = ": {checks}"
CAUSES_WORD = "Nguyên nhân"
CAUSES = CAUSES_WORD + ": {causes}"
NO_CAUSES = "Nguyên nhân: ……………………………………"
NO_SHORTCOMINGS = "Trong tháng, chi bộ không có nội dung nào được biểu quyết không đạt."
UNDECIDED = "Nội dung chưa có kết quả: {states}."

# -- II. the month ahead ----------------------------------------------------------------
PART_II = "II. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG {ahead}"
TASK = "{letter}) {text}. Chủ trì: {owner}; thời hạn: {due}; báo cáo kết quả tại kỳ sinh hoạt {at}."
REPORT_AT = "tháng {month}"
REPORT_AT_UNSET = "……"
DUE_UNSET = "chưa định"
CARRIED = "{n}. Tiếp tục thực hiện các nhiệm vụ chưa hoàn thành của kỳ trước"
CARRIED_TASK = "{letter}) {text} ({source}). Chủ trì: {owner}; tình trạng: {status}{due}."
CARRIED_DUE = "; thời hạn: {due}"
NO_TASKS = "Chưa đề ra nhiệm vụ."

# -- III. who does what -----------------------------------------------------------------
PART_III = "III. PHÂN CÔNG NHIỆM VỤ VÀ TỔ CHỨC THỰC HIỆN"
ASSIGNMENT = "1. Phân công chủ trì thực hiện các nhiệm vụ tại Mục II:"
ASSIGNED = "{owner}: chủ trì nhiệm vụ tại điểm {points}."
ISSUE = (
    "2. Giao đồng chí Bí thư Chi bộ ký ban hành, đăng tải {document} trên ứng dụng Sổ tay "
    "đảng viên điện tử và báo cáo {ward} trong thời hạn 02 ngày kể từ ngày kết thúc kỳ sinh "
    "hoạt."
)

# -- IV. the quality score (the HD 42 sheet) -------------------------------------------------
PART_IV = "IV. TỰ ĐÁNH GIÁ CHẤT LƯỢNG KỲ SINH HOẠT"
SCORE = "Chi bộ tự chấm {points}/100 điểm; xếp loại chất lượng sinh hoạt: {rating}."
SCORE_PARTIAL = "Chi bộ tự chấm {points}/100 điểm, còn {n} mục chưa chấm: chưa xếp loại."
TO_IMPROVE = "Hạn chế cần khắc phục trong kỳ sinh hoạt tiếp theo:"

# -- the adoption sentence --------------------------------------------------------------
ADOPTED = (
    "{document} này được chi bộ thảo luận và biểu quyết thông qua tại kỳ sinh hoạt ngày "
    "{day}, với {yes}/{voters} đồng chí tán thành, đạt tỷ lệ {share}."
)
NOT_ADOPTED = (
    "{document} này được chi bộ thảo luận và biểu quyết tại kỳ sinh hoạt ngày {day}, với "
    "{yes}/{voters} đồng chí tán thành, đạt tỷ lệ {share}; số đồng chí tán thành không quá "
    "một nửa tổng số {base} đảng viên chính thức của chi bộ ({citation}): chưa được thông qua."
)
MISCOUNTED = (
    "Biểu quyết thông qua {document} tại kỳ sinh hoạt ngày {day}: tổng số phiếu ({total}) "
    "khác số đảng viên chính thức có mặt ({voters}), chưa xác định được kết quả."
)
NOT_VOTED = "{document} này chưa được chi bộ biểu quyết thông qua."

# -- recipients and signature -----------------------------------------------------------
# domain-notes-2 §6 (no official list for Tây Thạnh): the ward committee, the ward
# committee member in charge of the cell, the members; the report's punctuation.
RECIPIENTS = (
    "- {ward} (để báo cáo);",
    "- Đồng chí đảng ủy viên phụ trách chi bộ;",
    "- Đảng viên trong chi bộ;",
    "- Lưu Chi bộ.",
)
SECRETARY = "BÍ THƯ"

# -- what the minutes record of it ------------------------------------------------------
MINUTES_TASKS = "Nhiệm vụ tháng {ahead}: "
MINUTES_TASKS_COUNT = "chi bộ thống nhất đề ra {n} nhiệm vụ:"
MINUTES_TASK = "{text} (chủ trì: {owner}; thời hạn: {due})."
MINUTES_VOTE = "Biểu quyết thông qua {document}: "
MINUTES_VOTE_AGAIN = "Lần {n}: {text}"
MINUTES_NOT_VOTED = "chưa biểu quyết."

# -- refusals (the command line and the app's key) --------------------------------------
NO_FORM = (
    "Chi bộ được thiết lập không ban hành nghị quyết hay thông báo kết luận sau kỳ sinh "
    "hoạt; đổi trong hồ sơ chi bộ nếu cần."
)
NO_TASKS_YET = "Tháng {label} chưa có nhiệm vụ tháng tới: chưa có gì để ra {document}."

# -- the key in the meeting screen and the month view ---------------------------------
KEY = "Nghị quyết"
KEY_HELP = "Xuất nghị quyết (hoặc thông báo kết luận) của tháng ra tệp .docx"
