"""The "Chấm điểm" step: dates that feed the sheet, bands by keys, overrides with a reason."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Label

from chibo_tui.app import ChiboApp
from chibo_tui.dialogs.text_entry import TextEntryDialog
from chibo_tui.domain import scoresheet
from chibo_tui.screens.meeting import MeetingScreen
from chibo_tui.store import Repository
from chibo_tui.widgets.scoring import ScorePane, ScoreTable

MONTH = "2026-11"


def line(screen: MeetingScreen, key: str) -> scoresheet.Line:
    pane = screen.query_one(ScorePane)
    return next(x for x in pane.result().lines if x.item.key == key)


def row(screen: MeetingScreen, key: str) -> int:
    assert screen.meeting.score is not None
    return [i.key for i in screen.meeting.score.sheet.items()].index(key)


async def test_the_chair_scores_by_keys_and_the_record_scores_the_rest(
    app: ChiboApp, db_path
) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=(120, 40)) as pilot:
        await app.open_meeting(MONTH)
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await screen.go_to("scoring")
        meeting = screen.meeting
        assert meeting.score is not None  # a copy of the cell's sheet, taken at first visit

        # A date typed feeds its item at once.
        assert line(screen, "posted_before").points == 0
        day = meeting.date
        posted = screen.query_one("#paperwork-posted_before", Input)
        posted.value = f"{day.day - 1:02d}/{day.month:02d}/{day.year}" if day.day > 1 else ""
        await pilot.pause()
        if day.day > 1:
            assert line(screen, "posted_before").points == 2

        table = screen.query_one(ScoreTable)
        table.focus()
        table.move_cursor(row=row(screen, "prep_content"))
        await pilot.press("space")
        assert line(screen, "prep_content").points == 3
        await pilot.press("space")
        assert line(screen, "prep_content").points == 0

        # A computed item changed only with a reason, which the sheet prints.
        table.move_cursor(row=row(screen, "commendations"))
        computed = line(screen, "commendations")
        await pilot.press("space")
        assert isinstance(app.screen, TextEntryDialog)
        app.screen.query_one(Input).value = "Biểu dương tại hội nghị khu phố cùng ngày"
        await pilot.press("enter")
        await pilot.pause()
        changed = line(screen, "commendations")
        assert changed.overridden and changed.points != computed.points
        assert changed.note == "Biểu dương tại hội nghị khu phố cùng ngày"

        # Delete gives it back to chibo's computation.
        await pilot.press("delete")
        assert not line(screen, "commendations").overridden
        total = str(screen.query_one("#score-total", Label).render())
        assert "chưa xếp loại" in total  # items are still waiting for their score
        app.session.save_now()
    with Repository.open(db_path, read_only=True) as reader:
        saved = reader.load_meeting(MONTH)
        cell = reader.load_cell()
    assert saved is not None and saved.score is not None and cell is not None
    scores = {s.key: s.points for s in saved.score.scores}
    assert scores["prep_content"] == 0
    assert "commendations" not in scores
    if day.day > 1:
        assert cell.paperwork_of(MONTH).posted_before == date(day.year, day.month, day.day - 1)
