"""The "Kiểm điểm năm" screen: the records' facts, the chair's part, the level checked."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select, Static, TextArea

from chibo_tui.app import ChiboApp
from chibo_tui.dialogs.confirm import ConfirmDialog
from chibo_tui.domain.model import ReviewRating
from chibo_tui.screens.year_review import YearReviewScreen
from chibo_tui.store import Repository


async def _settle(pilot, screen: YearReviewScreen) -> None:  # type: ignore[no-untyped-def]
    for _ in range(200):
        await pilot.pause()
        if screen.facts is not None:
            return
    raise AssertionError("the year's records were never read")


async def test_the_chair_writes_scores_and_a_level_checked_against_the_records(
    app: ChiboApp, db_path: Path
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = YearReviewScreen(2026)
        await app.push_screen(screen)
        await _settle(pilot, screen)
        facts = str(screen.query_one("#review-facts", Static).render())
        assert f"Kỳ sinh hoạt đã chốt: {screen.facts.held}/12" in facts

        screen.query_one("#review-principles", TextArea).text = "Chi bộ giữ nền nếp sinh hoạt."
        general = screen.query_one("#review-general-score", Input)
        general.value = "31"
        await pilot.pause()
        error = str(screen.query_one("#review-score-error").render())
        assert "0–30" in error
        general.value = "27"
        screen.query_one("#review-results-score", Input).value = "66"
        await pilot.pause()
        assert "Tổng điểm: 93/100" in str(screen.query_one("#review-total").render())
        screen.query_one("#review-proposed", Select).value = ReviewRating.EXCELLENT.value
        await pilot.pause()
        conditions = str(screen.query_one("#review-conditions", Static).render())
        assert "✔ Tổng điểm từ 90 trở lên" in conditions
        assert "? Có ít nhất 30% số nhiệm vụ hoàn thành vượt mức yêu cầu" in conditions

        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert "Đã được chi bộ thông qua" in str(screen.query_one("#review-adopted").render())
        await pilot.press("escape")
        await pilot.pause()
        app.session.save_now()
    with Repository.open(db_path, read_only=True) as reader:
        cell = reader.load_cell()
    assert cell is not None
    review = cell.year_review(2026)
    assert review is not None
    assert (review.general_score, review.results_score) == (27, 66)
    assert review.proposed is ReviewRating.EXCELLENT and review.adopted
    assert review.principles == "Chi bộ giữ nền nếp sinh hoạt."
