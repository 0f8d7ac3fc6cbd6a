"""The cell's profile: saved as typed, the name required, secretary and deputy, settings."""

from __future__ import annotations

from collections.abc import Callable

from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, Static

from chibo_tui.app import ChiboApp
from chibo_tui.domain.model import Cell, ResolutionForm, Role, SignatureForm
from chibo_tui.screens.profile import ProfileScreen, assign_role
from chibo_tui.text import setup as T

FORM_ORDER = [
    "profile-name",
    "profile-place",
    "profile-parent",
    "profile-city",
    "profile-secretary",
    "profile-deputy",
    "profile-meeting-place",
    "profile-term",
    "profile-margins",
    "profile-colon",
    "profile-format",
    "profile-resolution-form",
    "profile-signature",
]


def shown(widget: Widget) -> str:
    """The text a widget shows on screen now, line by line."""
    lines = widget.render_lines(Region(0, 0, *widget.outer_size))
    return "\n".join(line.text for line in lines)


async def _open(app: ChiboApp, pilot) -> ProfileScreen:  # type: ignore[no-untyped-def]
    await pilot.press("f6")
    await pilot.pause()
    assert isinstance(app.screen, ProfileScreen)
    return app.screen


async def test_fields_are_saved_as_they_are_typed(
    app: ChiboApp, saved_cell: Callable[[], Cell | None]
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        values = {
            "profile-name": "Chi bộ  Khu phố 5 ",
            "profile-place": "Tây Thạnh",
            "profile-parent": "Đảng ủy phường Tây Thạnh",
            "profile-city": "Thành phố Hồ Chí Minh",
            "profile-meeting-place": "Hội trường Khu phố 5",
        }
        for input_id, value in values.items():
            screen.query_one(f"#{input_id}", Input).value = value
        await pilot.pause(0.5)  # the preview waits for typing to pause
        preview = shown(screen.query_one("#profile-preview"))
        app.session.save_now()
    assert "CHI BỘ KHU PHỐ 5" in preview and "ĐẢNG ỦY PHƯỜNG TÂY THẠNH" in preview
    assert "Tây Thạnh, ngày 27 tháng 11 năm 2026" in preview
    cell = saved_cell()
    assert cell is not None
    assert cell.name == "Chi bộ Khu phố 5"  # spaces tidied
    assert cell.parent_committee == "Đảng ủy phường Tây Thạnh"
    assert (cell.place_name, cell.city) == ("Tây Thạnh", "Thành phố Hồ Chí Minh")
    assert cell.meeting_place == "Hội trường Khu phố 5"
    assert [c.number for c in cell.criteria] == [1, 2, 3, 4] and cell.criteria_is_sample


async def test_an_empty_name_is_refused_inline_and_the_old_one_kept(
    app: ChiboApp, saved_cell: Callable[[], Cell | None]
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        name = screen.query_one("#profile-name", Input)
        name.value = "Chi bộ Khu phố 5"
        await pilot.pause()
        name.value = "   "
        await pilot.pause()
        error = screen.query_one("#profile-name-error", Static)
        assert error.display and T.NAME_REQUIRED in shown(error)
        app.session.save_now()
        assert saved_cell().name == "Chi bộ Khu phố 5"  # type: ignore[union-attr]
        name.value = "Chi bộ Khu phố 6"
        await pilot.pause()
        assert not error.display


async def test_tab_order_follows_the_form(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(app, pilot)
        seen = [app.focused.id if app.focused else None]
        for _ in FORM_ORDER[1:]:
            await pilot.press("tab")
            seen.append(app.focused.id if app.focused else None)
        assert seen == FORM_ORDER


async def test_parent_committee_is_suggested_from_the_place(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        screen.query_one("#profile-place", Input).value = "Tây Thạnh"
        parent = screen.query_one("#profile-parent", Input)
        parent.focus()
        await pilot.press(*"Đảng ủy")
        await pilot.pause()
        await pilot.press("right")  # accept the suggestion
        await pilot.pause()
        assert parent.value == "Đảng ủy phường Tây Thạnh"


async def test_secretary_and_deputy_are_picked_from_the_roster(
    cell_with_meetings: Cell, app: ChiboApp, saved_cell: Callable[[], Cell | None]
) -> None:
    by_name = {m.full_name: m.id for m in cell_with_meetings.members}
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        secretary = screen.query_one("#profile-secretary", Select)
        deputy = screen.query_one("#profile-deputy", Select)
        assert secretary.value == by_name["Nguyễn Văn An"]
        assert deputy.value == by_name["Trần Thị Bình"]
        # Only official members who are not exempt can be chosen.
        options = {label for label, _ in secretary._options}  # type: ignore[attr-defined]
        assert "Phan Văn Phúc" not in options  # probationary in the factory cell
        assert "Trương Văn Sơn" not in options  # exempt
        assert "Huỳnh Thị Ngọc" in options
        # Keys: open the list, type to search, Enter.
        secretary.focus()
        await pilot.press("enter", *"le van", "enter")
        await pilot.pause()
        assert secretary.value == by_name["Lê Văn Cường"]
        deputy.value = by_name["Lê Văn Cường"]  # the new secretary becomes the deputy
        await pilot.pause()
        assert secretary.value == Select.NULL
        app.session.save_now()
    cell = saved_cell()
    assert cell is not None
    roles = {m.full_name: m.role for m in cell.members}
    assert roles["Nguyễn Văn An"] is Role.MEMBER
    assert roles["Trần Thị Bình"] is Role.MEMBER
    assert roles["Lê Văn Cường"] is Role.DEPUTY
    assert cell.with_role(Role.SECRETARY) is None


def test_assign_role_says_who_lost_the_office(factory) -> None:  # type: ignore[no-untyped-def]
    cell = factory.cell()
    new = cell.members[5]
    messages = assign_role(cell, Role.SECRETARY, new.id)
    assert messages == [
        T.ROLE_MOVED.format(old="Nguyễn Văn An", role="bí thư"),
        T.ROLE_SET.format(name=new.full_name, role="bí thư"),
    ]
    assert assign_role(cell, Role.SECRETARY, new.id) == []
    assert assign_role(cell, Role.SECRETARY, None)[-1] == T.ROLE_CLEARED.format(role="bí thư")


async def test_document_settings(app: ChiboApp, saved_cell: Callable[[], Cell | None]) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        screen.query_one("#profile-colon", Checkbox).focus()
        await pilot.press("space")
        margins = screen.query_one("#profile-margins", Select)
        margins.focus()
        await pilot.press("enter", "down", "enter")
        await pilot.pause(0.5)
        preview = shown(screen.query_one("#profile-preview"))
        app.session.save_now()
    assert "Số: 03-BB/CB" in preview and "Trên 25, dưới 25, trái 35, phải 15 mm" in preview
    cell = saved_cell()
    assert cell is not None
    assert cell.documents.colon_after_number is True
    assert tuple(cell.documents.margins_mm) == (25, 25, 35, 15)


async def test_the_profile_fits_80_by_24(app: ChiboApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot)
        for input_id in FORM_ORDER[1:]:
            await pilot.press("tab")
            widget = screen.query_one(f"#{input_id}")
            assert widget.region.height >= 1  # scrolled into view when focused
            assert 0 <= widget.region.y < 23


async def test_term_and_format_profile(
    app: ChiboApp, saved_cell: Callable[[], Cell | None]
) -> None:
    """The committee's term (numbers restart from 01 in a new one) and the format profile."""
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        term = screen.query_one("#profile-term", Input)
        assert term.value == "2025–2030"
        term.value = "2030"  # half typed: said, not kept
        await pilot.pause()
        note = screen.query_one("#profile-term-note", Static)
        assert "Nhiệm kỳ cần dạng" in shown(note) and note.has_class("error-text")
        term.value = "2030-2035"
        await pilot.pause()
        assert not note.has_class("error-text")
        screen.query_one("#profile-format", Select).value = "hd05"
        await pilot.pause()
        app.session.save_now()
    cell = saved_cell()
    assert cell is not None
    assert (cell.term.start, cell.term.end) == (2030, 2035)
    assert cell.documents.profile.value == "hd05"


async def test_resolution_form_and_signature(
    app: ChiboApp, saved_cell: Callable[[], Cell | None]
) -> None:
    """Which document follows a meeting, and who signs it: saved with the cell."""
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        form = screen.query_one("#profile-resolution-form", Select)
        signature = screen.query_one("#profile-signature", Select)
        assert (form.value, signature.value) == ("resolution", "T/M CHI BỘ")  # the defaults
        form.focus()
        await pilot.press("enter", "down", "enter")  # Thông báo kết luận
        signature.focus()
        await pilot.press("enter", "down", "enter")  # T/M CHI ỦY
        await pilot.pause()
        assert (form.value, signature.value) == ("conclusion", "T/M CHI ỦY")
        app.session.save_now()
    cell = saved_cell()
    assert cell is not None
    assert cell.resolution.form is ResolutionForm.CONCLUSION
    assert cell.resolution.signature is SignatureForm.COMMITTEE
