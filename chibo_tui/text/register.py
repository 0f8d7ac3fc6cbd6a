"""Vietnamese text of the number register (số văn bản) and of the amendment block."""

from __future__ import annotations

DOCUMENT_NAMES = {
    "minutes": "biên bản tháng {period}",
    "report": "báo cáo tháng {period}",
    "summary": "báo cáo tổng hợp năm {period}",
    "plan": "kế hoạch năm {period}",
    "review": "báo cáo kiểm điểm năm {period}",
    "resolution": "nghị quyết tháng {period}",
    "resolution/TB": "thông báo kết luận tháng {period}",
}
NUMBER_TAKEN = (
    "Số {number} đã cấp cho {holder} trong nhiệm kỳ {term}; mỗi số chỉ dùng một lần "
    "cho mỗi loại văn bản. Số tiếp theo còn trống: {free:02d}."
)
NUMBER_INVALID = "Số văn bản phải là số nguyên dương (1, 2, 3 …), nhận được {value}."
NUMBER_NONE = "chưa cấp số"
TERM_INVALID = "Nhiệm kỳ cần dạng “2025–2030” (năm đầu nhỏ hơn năm cuối)."
EXPORTED_NUMBERED = "Đã xuất: {path} ({number})"
MONTH_NUMBERS = "Biên bản: {minutes} · Báo cáo: {report}"
KEY_RENUMBER = "Số biên bản"
KEY_RENUMBER_HELP = "Đổi số của biên bản tháng này (không trùng số đã cấp), rồi xuất lại"
RENUMBER_TITLE = "Số biên bản tháng {month}"
RENUMBER_PROMPT = (
    "Hiện tại: {current}. Số tiếp theo còn trống: {free:02d}. Gõ số mới, Enter để xuất "
    "biên bản với số đó."
)
