"""Wrapped tables: the text column takes the room the other columns do not need."""

from __future__ import annotations

from textual.app import App, ComposeResult

from chibo_tui.widgets.wrap_table import WrapColumn, WrapTable

TASK = (
    "Quán triệt các văn bản mới của Đảng ủy phường đến toàn thể đảng viên; hướng dẫn "
    "đảng viên nghiên cứu tài liệu trên ứng dụng Sổ tay đảng viên điện tử"
)


class Table(App[None]):
    def compose(self) -> ComposeResult:
        table = WrapTable(
            [
                WrapColumn("Tháng", "from", 7, min_width=7),
                WrapColumn("Nhiệm vụ", "text"),
                WrapColumn("Phụ trách", "owner", 12, fit=True),
                WrapColumn("Thời hạn", "due", 10, min_width=10),
                WrapColumn("Kết quả", "state", 9, fit=True),
                WrapColumn("Ghi chú", "note", 12, fit=True),
            ]
        )
        table.set_rows([["10/2026", TASK, "Chi ủy", "10/11/2026", "chưa đánh giá", ""]])
        yield table


def widths(table: WrapTable) -> dict[str, int]:
    return {str(key.value): column.width for key, column in table.columns.items()}


async def test_a_note_column_without_notes_gives_its_room_to_the_text() -> None:
    app = Table()
    async with app.run_test(size=(90, 30)) as pilot:
        table = app.query_one(WrapTable)
        before = widths(table)
        # As wide as its label while empty; the owner as its longest name.
        assert before["note"] == len("Ghi chú") and before["owner"] == len("Phụ trách")
        assert before["state"] == 9  # "chưa đánh giá" wraps within its 9
        tall = table.rows[next(iter(table.rows))].height

        table.set_cell(0, "note", "Đã gửi dự thảo cho đảng viên ngày 05/11.")
        await pilot.pause()
        after = widths(table)
        assert after["note"] == 12
        assert after["text"] == before["text"] - (12 - len("Ghi chú"))
        assert table.rows[next(iter(table.rows))].height > tall  # the text wraps more
        # Every column still fits the table: nothing ends up off screen.
        padding = 2 * table.cell_padding * len(after)
        assert sum(after.values()) + padding <= table.scrollable_content_region.width
