"""The welcome screen of an empty database: set up my cell, or try the sample cell."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Static

from chibo_tui.app import ChiboApp
from chibo_tui.domain.model import Cell, Member
from chibo_tui.screens.profile import ProfileScreen
from chibo_tui.screens.welcome import WelcomeScreen
from chibo_tui.store import Repository
from chibo_tui.text import setup as T


def _text(app: ChiboApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_an_empty_database_opens_on_the_welcome_screen(app: ChiboApp, db_path: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert str(db_path) in _text(app, "#welcome-state")
        await pilot.press("enter")  # the first choice is highlighted: set up my cell
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        assert app.screen.first_run


async def test_set_up_by_key_and_back_with_escape(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press("escape")  # step 1 of the first run: back to the welcome
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)


async def test_a_cell_started_but_without_members_is_resumed(db_path: Path, tmp_path: Path) -> None:
    from chibo_tui.app import make_app

    with Repository.open(db_path) as repo:
        repo.save_cell(Cell(name="Chi bộ Khu phố 5"))
    with Repository.open(db_path) as repo:
        app = make_app(repo, tmp_path)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, WelcomeScreen)
            assert "Chi bộ Khu phố 5" in _text(app, "#welcome-state")


async def test_the_sample_cell_lives_in_its_own_file(
    app: ChiboApp, db_path: Path, saved_cell: Callable[[], Cell | None]
) -> None:
    sample = db_path.with_name("chibo-mau.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert str(sample) in str(
            app.screen.query_one("#welcome-choices").get_option("demo").prompt
        )
        await pilot.press("d")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.session.repo.path == sample
        assert app.session.cell is not None and app.session.cell.name == "Chi bộ Đinh Tiên Hoàng"
        assert len(app.session.repo.summaries()) == 14
        assert not isinstance(app.screen, WelcomeScreen)
        (notice,) = [n for n in app._notifications if n.title == T.DEMO_OPENED_TITLE]
        assert str(sample) in notice.message and str(db_path) in notice.message
        app.session.save_now()
    assert sample.exists()
    assert saved_cell() is None  # the real database was not touched
    # The repository the test opened was closed by the switch; the sample one by the app.
    app.session.repo.close()


async def test_the_sample_file_is_reused_not_rebuilt(app: ChiboApp, db_path: Path) -> None:
    sample = db_path.with_name("chibo-mau.json")
    with Repository.open(sample) as repo:
        repo.save_cell(Cell(name="Chi bộ mẫu đã sửa", members=[Member("Nguyễn Văn An")]))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.session.cell is not None and app.session.cell.name == "Chi bộ mẫu đã sửa"
    app.session.repo.close()


async def test_a_locked_sample_is_reported_and_the_real_database_kept(
    app: ChiboApp, db_path: Path
) -> None:
    sample = db_path.with_name("chibo-mau.json")
    holder = Repository.open(sample)  # another chibo has the sample open
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("d")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.session.repo.path == db_path
            assert isinstance(app.screen, WelcomeScreen)
            assert any(
                n.severity == "error" and "chi bộ mẫu" in n.message for n in app._notifications
            )
    finally:
        holder.close()


async def test_a_second_key_press_does_not_open_the_sample_twice(
    app: ChiboApp, db_path: Path
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d", "d")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.session.repo.path == db_path.with_name("chibo-mau.json")
        assert not [n for n in app._notifications if n.severity == "error"]
    app.session.repo.close()
