"""Vietnamese text of the amendment record and of its block at the end of the minutes."""

from __future__ import annotations

REOPENED = "Mở lại biên bản để sửa"
REASON_REQUIRED = "Cần ghi lý do mở lại biên bản"

# What a change is called, field by field (labels of FieldChange.field).
DATE = "Ngày sinh hoạt"
START = "Giờ bắt đầu"
END = "Giờ kết thúc"
PLACE = "Địa điểm"
CHAIR = "Chủ trì"
MINUTE_TAKER = "Thư ký"
GUESTS = "Đại biểu, khách mời"
THEMATIC = "Sinh hoạt chuyên đề cùng buổi"
OTHER_BUSINESS = "Các nội dung khác"
CONCLUSION = "Kết luận của chủ trì"
ATTENDANCE = "Điểm danh — đồng chí {name}"
FOLLOW_UP = "Giải pháp kỳ trước “{text}”"
CRITERION = "Nội dung {n}"
CHECK = "Nội dung {n} — tiêu chí con “{text}”"
DISCUSSION = "Nội dung {n} — ý kiến thảo luận"
CAUSES = "Nội dung {n} — nguyên nhân"
RESPONSIBILITY = "Nội dung {n} — trách nhiệm"
REMEDIES = "Nội dung {n} — giải pháp khắc phục"
VERDICT = "Nội dung {n} — kết quả chủ trì đề nghị"
VOTE = "Nội dung {n} — biểu quyết"
MINORITY = "Nội dung {n} — ý kiến bảo lưu"
TASK_REVIEW = "Nhiệm vụ tháng trước “{text}”"
TASKS = "Nhiệm vụ tháng tới"
COMMENDATIONS = "Biểu dương, nhắc nhở đảng viên"
IDEOLOGY_REVIEW = "Nghị quyết — công tác chính trị, tư tưởng"
POLITICAL_REVIEW = "Nghị quyết — lãnh đạo thực hiện nhiệm vụ chính trị"
RESOLUTION_VOTE = "Biểu quyết thông qua nghị quyết"
TASK = "{text} ({owner}, hạn {due})"

YES, NO = "có", "không"
NOTHING = "(không ghi)"
UNMARKED = "chưa đánh giá"
PRESENCE = {
    "unmarked": "chưa điểm danh",
    "present": "có mặt",
    "excused": "vắng có lý do",
    "unexcused": "vắng không lý do",
}
VOTE_TEXT = "tán thành {yes}, không tán thành {no}, ý kiến khác {other} (đề nghị {put})"
RESOLUTION_VOTE_TEXT = "tán thành {yes}, không tán thành {no}, ý kiến khác {other}"
NO_VOTE = "chưa biểu quyết"
PROPOSED = "theo tiêu chí con"
REMEDY = "{text} (phụ trách: {owner}; thời hạn: {due})"

# The block at the end of the minutes.
BLOCK_TITLE = "SỬA ĐỔI, BỔ SUNG SAU KHI CHỐT BIÊN BẢN"
REOPENING = "Lần {n}: biên bản được mở lại lúc {opened}"
CLOSED = "; chốt lại lúc {closed}."
STILL_OPEN = "; đang sửa, chưa chốt lại."
REASON = "Lý do: "
CHANGES = "Nội dung sửa đổi:"
NO_CHANGES = "Không có nội dung nào thay đổi so với biên bản đã chốt."
AMENDED = "Lần {n}: bổ sung lúc {at}."
TEXT = "Nội dung: "
HEADINGS = ("STT", "Nội dung", "Đã ghi khi chốt", "Sửa thành")
