"""Vietnamese text of the "Kiểm điểm năm" screen (the year's self-review, Mẫu 01)."""

from __future__ import annotations

TITLE = "Kiểm điểm năm {year}"
LOADING = "Đang đọc hồ sơ sinh hoạt của năm…"
FACTS_TITLE = "Hồ sơ của năm (chibo điền sẵn vào báo cáo)"
FACT_HELD = "Kỳ sinh hoạt đã chốt: {held}/12{drafts}"
FACT_DRAFTS = " · chưa chốt: {months}"
FACT_THEMATIC = "Sinh hoạt chuyên đề theo quý: {quarters}"
FACT_TASKS = (
    "Nhiệm vụ: {set} đề ra, {done} hoàn thành ({on_time} đúng kỳ, {late} chậm), "
    "{unfinished} chưa hoàn thành, {waiting} chưa đánh giá"
)
FACT_SHORTCOMINGS = "Hạn chế (nội dung không đạt): {n}"
FACT_PREVIOUS = "Giải pháp của năm trước: {n} ({detail})"
FACT_PREVIOUS_NONE = "Giải pháp của năm trước: không có"
FACT_RATINGS = "Chất lượng sinh hoạt: {ratings}"
FACT_RATINGS_NONE = "Chất lượng sinh hoạt: chưa có tháng nào chấm điểm"

WRITE_TITLE = "Phần chi bộ viết (hồ sơ không thể biết)"
FIELDS = {
    "principles": "A.I.1. Chấp hành nguyên tắc tổ chức và hoạt động, quy chế làm việc",
    "results": "A.I.2. Kết quả thực hiện mục tiêu, chỉ tiêu, nhiệm vụ",
    "party_building": "A.I.3. Công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
    "responsibility": "A.I.4. Trách nhiệm của tập thể lãnh đạo trong triển khai thực hiện",
    "explanations": "A.IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)",
    "accountability": "A.V. Trách nhiệm của tập thể, cá nhân",
    "direction": "A.VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm",
}
SCORES_TITLE = "B.I. Điểm tự chấm (trọng số do Đảng ủy phường quy định)"
GENERAL = "Nhóm tiêu chí chung (0–30)"
RESULTS = "Nhóm tiêu chí về kết quả thực hiện nhiệm vụ (0–70)"
TOTAL = "Tổng điểm: {total}/100"
TOTAL_NONE = "Tổng điểm: chưa đủ hai nhóm"
NOT_A_NUMBER = "“{value}” không phải số nguyên"
PROPOSED_TITLE = "B.II. Đề xuất xếp loại"
PROPOSED_NONE = "Chưa đề xuất"
CONDITIONS_TITLE = "Điều kiện của mức đề xuất (Điều 11 Quy định 366-QĐ/TW)"
CONDITIONS_NONE = "Chọn mức đề xuất để xem điều kiện."
MET, FAILED, UNKNOWN = "✔", "✘", "?"
UNKNOWN_NOTE = "hồ sơ sinh hoạt không cho biết: chi bộ tự xác định"
ADOPTED = "Đã được chi bộ thông qua: báo cáo không còn là dự thảo."
NOT_ADOPTED = "Chưa thông qua: báo cáo in “DỰ THẢO”."
REMINDER = "Gửi dự thảo đến đảng viên ít nhất 3 ngày làm việc trước buổi kiểm điểm."

KEY_BACK = "Quay lại"
KEY_BACK_HELP = "Về màn hình năm"
KEY_EXPORT = "Xuất báo cáo"
KEY_EXPORT_HELP = "Ghi báo cáo kiểm điểm (Mẫu 01) ra tệp .docx"
KEY_ADOPT = "Thông qua"
KEY_ADOPT_HELP = "Đánh dấu báo cáo đã được chi bộ thông qua (hoặc bỏ đánh dấu)"
ADOPT_QUESTION = "Đánh dấu báo cáo kiểm điểm năm {year} đã được chi bộ thông qua?"
ADOPT_YES = "Đã thông qua"
KEY_OPEN = "Kiểm điểm năm"
KEY_OPEN_HELP = "Soạn báo cáo kiểm điểm, tự đánh giá, xếp loại chất lượng chi bộ của năm"
