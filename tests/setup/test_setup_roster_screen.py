"""The roster screen: add, edit, leave, restore, import; Vietnamese order; draft meetings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Button, Checkbox, DataTable, Input, Select, Static, TextArea

from chibo_tui.app import ChiboApp
from chibo_tui.dialogs.confirm import ConfirmDialog
from chibo_tui.dialogs.import_preview import ImportPreviewDialog
from chibo_tui.dialogs.import_source import ImportSourceDialog
from chibo_tui.dialogs.member_form import MemberFormDialog
from chibo_tui.domain.model import Cell, Meeting, MemberStatus, Presence, Role
from chibo_tui.screens.roster import RosterScreen
from chibo_tui.text import setup as T


async def _open(app: ChiboApp, pilot) -> RosterScreen:  # type: ignore[no-untyped-def]
    await pilot.press("f7")
    await pilot.pause()
    assert isinstance(app.screen, RosterScreen)
    return app.screen


def listed(screen: RosterScreen) -> list[str]:
    table = screen.query_one(DataTable)
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


def select(screen: RosterScreen, name: str) -> None:
    member = next(m for m in screen.cell.members if m.full_name == name)
    table = screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(member.id))


async def _type_member(app: ChiboApp, pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    form = app.screen
    assert isinstance(form, MemberFormDialog)
    form.query_one("#member-name", Input).value = name
    await pilot.press("enter")
    await pilot.pause()


def _shown(app: ChiboApp, selector: str) -> str:
    widget = app.screen.query_one(selector, Static)
    return str(widget.render()) if widget.display else ""


async def test_members_are_added_in_one_go_and_kept_in_vietnamese_order(
    app: ChiboApp, saved_cell: Callable[[], Cell | None]
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        assert screen.query_one("#roster-empty").display
        await pilot.press("a")
        await pilot.pause()
        for name in [
            "Trần Thị Bình",
            "Nguyễn Văn An",
            "Đặng Văn Hải",
            "Dương Văn Hải",
            "Lê Văn Đông",
            "lê văn dũng",
        ]:
            await _type_member(app, pilot, name)
        assert isinstance(app.screen, MemberFormDialog)  # still open for the next one
        assert "Lê Văn Dũng" in _shown(app, "#member-note")
        await pilot.press("escape")
        await pilot.pause()
        order = listed(screen)
        assert order == [
            "Nguyễn Văn An",  # An before Bình: the given name decides
            "Trần Thị Bình",
            "Lê Văn Dũng",  # D before Đ
            "Lê Văn Đông",
            "Dương Văn Hải",  # same given name: the family name, D before Đ
            "Đặng Văn Hải",
        ]
        app.session.save_now()
    cell = saved_cell()
    assert cell is not None
    assert [m.full_name for m in cell.members] == order
    assert all(m.status is MemberStatus.OFFICIAL and m.role is Role.MEMBER for m in cell.members)


async def test_empty_names_are_refused_inline(
    app: ChiboApp, saved_cell: Callable[[], Cell | None]
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        for value in ["", "   ", "An", "Lê Văn 3"]:
            await _type_member(app, pilot, value)
            assert isinstance(app.screen, MemberFormDialog)
            assert _shown(app, "#member-error")
        assert T.NAME_INVALID.format(reason="họ tên có chữ số") == _shown(app, "#member-error")
        await pilot.press("escape")
        app.session.save_now()
    cell = saved_cell()
    assert cell is None or cell.members == []


async def test_a_namesake_asks_first(app: ChiboApp, saved_cell: Callable[[], Cell | None]) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        await _type_member(app, pilot, "Nguyễn Văn An")
        await _type_member(app, pilot, "nguyen van an")  # no diacritics: still a namesake
        assert isinstance(app.screen, ConfirmDialog)
        assert "Nguyễn Văn An" in app.screen.question
        await pilot.press("escape")  # not the same person? no: cancel
        await pilot.pause()
        assert isinstance(app.screen, MemberFormDialog)
        await _type_member(app, pilot, "Nguyễn Văn  An")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")  # two comrades share the name
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert listed(screen) == ["Nguyễn Văn An", "Nguyễn Văn An"]
        app.session.save_now()
    cell = saved_cell()
    assert cell is not None and len(cell.members) == 2


async def test_status_exemption_and_role_from_the_keyboard(
    app: ChiboApp, saved_cell: Callable[[], Cell | None]
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        form.query_one("#member-name", Input).value = "Nguyễn Thị Liên"
        await pilot.press("tab", "tab", "space", "tab", "enter", "end", "enter", "ctrl+s")
        await pilot.pause()
        form.query_one("#member-name", Input).value = "Hồ Thị Vân"
        await pilot.press("tab", "space")  # dự bị: the role is fixed to đảng viên
        role = form.query_one("#member-role", Select)
        assert role.disabled and role.value is Role.MEMBER
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        app.session.save_now()
    cell = saved_cell()
    assert cell is not None
    got = {m.full_name: (m.status, m.exempt, m.role) for m in cell.members}
    assert got == {
        "Nguyễn Thị Liên": (MemberStatus.OFFICIAL, True, Role.SECRETARY),
        "Hồ Thị Vân": (MemberStatus.PROBATIONARY, False, Role.MEMBER),
    }


async def test_a_probationary_member_holds_no_office(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MemberFormDialog)
        form.query_one("#member-role", Select).value = Role.COMMITTEE
        with form.query_one("#member-probationary", Checkbox).prevent(Checkbox.Changed):
            form.query_one("#member-probationary", Checkbox).value = True
        await _type_member(app, pilot, "Hồ Thị Vân")
        assert "không giữ chức chi ủy viên" in _shown(app, "#member-error")


async def test_a_new_secretary_takes_over_after_confirmation(
    cell_with_meetings: Cell,
    app: ChiboApp,
    saved_cell: Callable[[], Cell | None],
    saved_meeting: Callable[[str], Meeting | None],
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#member-role", Select).value = Role.SECRETARY
        await _type_member(app, pilot, "Châu Văn Mới")
        assert isinstance(app.screen, ConfirmDialog)
        assert "Nguyễn Văn An đang là bí thư" in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        app.session.save_now()
    cell = saved_cell()
    assert cell is not None
    assert cell.with_role(Role.SECRETARY).full_name == "Châu Văn Mới"  # type: ignore[union-attr]
    assert next(m for m in cell.members if m.full_name == "Nguyễn Văn An").role is Role.MEMBER
    april = saved_meeting("2026-04")
    assert april is not None
    assert "Châu Văn Mới" in [a.full_name for a in april.attendance]  # the draft follows
    march = saved_meeting("2026-03")
    assert march is not None
    assert "Châu Văn Mới" not in [a.full_name for a in march.attendance]  # finalised: as it was


async def test_edit_reaches_the_draft_meeting_only(
    cell_with_meetings: Cell,
    app: ChiboApp,
    saved_meeting: Callable[[str], Meeting | None],
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        select(screen, "Bùi Thị Lan")
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MemberFormDialog)
        assert form.query_one("#member-name", Input).value == "Bùi Thị Lan"
        await _type_member(app, pilot, "Bùi Thị Lan Anh")
        assert not isinstance(app.screen, MemberFormDialog)  # editing closes the form
        assert "Bùi Thị Lan Anh" in listed(screen)
        app.session.save_now()
    april, march = saved_meeting("2026-04"), saved_meeting("2026-03")
    assert april is not None and march is not None
    assert "Bùi Thị Lan Anh" in [a.full_name for a in april.attendance]
    assert "Bùi Thị Lan" in [a.full_name for a in march.attendance]


async def test_a_member_who_leaves_stays_in_past_meetings(
    cell_with_meetings: Cell,
    app: ChiboApp,
    saved_cell: Callable[[], Cell | None],
    saved_meeting: Callable[[str], Meeting | None],
) -> None:
    leaving = cell_with_meetings.members[2]  # excused at the April draft
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        select(screen, leaving.full_name)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        question = app.screen.question
        assert question.startswith(T.REMOVE_QUESTION.format(name=leaving.full_name))
        assert "căn cứ thông qua) 10 → 9" in question  # the April draft has votes
        await pilot.press("y")
        await pilot.pause()
        assert leaving.full_name not in listed(screen)
        await pilot.press("h")  # show those who left
        await pilot.pause()
        assert leaving.full_name in listed(screen)
        app.session.save_now()
    cell = saved_cell()
    assert cell is not None
    kept = cell.member(leaving.id)
    assert kept is not None and kept.removed  # never deleted
    assert leaving.id not in [a.member_id for a in saved_meeting("2026-04").attendance]  # type: ignore[union-attr]
    assert leaving.id in [a.member_id for a in saved_meeting("2026-03").attendance]  # type: ignore[union-attr]


async def test_leaving_while_marked_present_is_explained(
    cell_with_meetings: Cell,
    app: ChiboApp,
    saved_cell: Callable[[], Cell | None],
    saved_meeting: Callable[[str], Meeting | None],
) -> None:
    present = cell_with_meetings.members[4]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        select(screen, present.full_name)
        await pilot.press("delete")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "CÓ MẶT" in dialog.question and "04/2026" in dialog.question
        await pilot.press("escape")  # not now
        await pilot.pause()
        app.session.save_now()
        assert not saved_cell().member(present.id).removed  # type: ignore[union-attr]
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        issues = _shown(app, "#roster-issues")
        assert present.full_name in issues and "04/2026" in issues
        app.session.save_now()
    april = saved_meeting("2026-04")
    assert april is not None
    row = next(a for a in april.attendance if a.member_id == present.id)
    assert row.presence is Presence.PRESENT  # kept, and reported, not silently dropped


async def test_a_member_who_left_can_be_restored(
    cell_with_meetings: Cell, app: ChiboApp, saved_cell: Callable[[], Cell | None]
) -> None:
    leaving = cell_with_meetings.members[2]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        select(screen, leaving.full_name)
        await pilot.press("x", "y")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        select(screen, leaving.full_name)
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # the April draft's votes move back
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert leaving.full_name in listed(screen)
        app.session.save_now()
    assert not saved_cell().member(leaving.id).removed  # type: ignore[union-attr]


ROSTER_FILE = """\
STT;Họ và tên;Đảng viên
1;Nguyễn Văn An;chính thức
2;Trần Thị Bình;dự bị
3;;chính thức
4;Lê Văn 3;chính thức
5;Phạm Thị Dung;abc
6;Hoàng Văn Đức;
"""


async def _import_file(app: ChiboApp, pilot, path: Path) -> ImportPreviewDialog:  # type: ignore[no-untyped-def]
    await pilot.press("i")
    await pilot.pause()
    assert isinstance(app.screen, ImportSourceDialog)
    app.screen.query_one("#source-path", Input).value = str(path)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, ImportPreviewDialog)
    return app.screen


async def test_import_shows_bad_lines_and_saves_nothing_until_confirmed(
    app: ChiboApp, tmp_path: Path, saved_cell: Callable[[], Cell | None]
) -> None:
    path = tmp_path / "danh-sach.csv"
    path.write_text(ROSTER_FILE, encoding="utf-8")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        preview = await _import_file(app, pilot, path)
        bad = [str(s.render()) for s in preview.query(".preview-bad-line").results(Static)]
        assert [line.split(":")[0] for line in bad] == ["Dòng 4", "Dòng 5", "Dòng 6"]
        assert "thiếu họ tên" in bad[0] and "chữ số" in bad[1] and "“abc”" in bad[2]
        assert preview.query_one("#preview-table", DataTable).row_count == 3
        label = str(preview.query_one("#preview-import", Button).label)
        assert label == T.PREVIEW_IMPORT_SKIPPING.format(bad=3, count=3)
        await pilot.press("escape")  # nothing imported
        await pilot.pause()
        app.session.save_now()
        assert listed(screen) == []
        assert saved_cell() is None or saved_cell().members == []  # type: ignore[union-attr]
        preview = await _import_file(app, pilot, path)
        await pilot.press("enter")  # the import button has the focus
        await pilot.pause()
        assert listed(screen) == ["Nguyễn Văn An", "Trần Thị Bình", "Hoàng Văn Đức"]
        app.session.save_now()
    cell = saved_cell()
    assert cell is not None
    statuses = {m.full_name: m.status for m in cell.members}
    assert statuses["Trần Thị Bình"] is MemberStatus.PROBATIONARY


async def test_import_of_namesakes_can_skip_them(
    cell_with_meetings: Cell, app: ChiboApp, tmp_path: Path
) -> None:
    path = tmp_path / "them.txt"
    path.write_text("Nguyễn Văn An\nChâu Thị Mới\n", encoding="utf-8")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        before = len(listed(screen))
        preview = await _import_file(app, pilot, path)
        table = preview.query_one("#preview-table", DataTable)
        assert "trùng tên với Nguyễn Văn An" in str(table.get_row_at(0)[-1])
        await pilot.click("#preview-skip-namesakes")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # one more official member than voted
        await pilot.press("y")
        await pilot.pause()
        assert len(listed(screen)) == before + 1
        assert listed(screen).count("Nguyễn Văn An") == 1


async def test_a_pasted_list_is_imported_too(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one(
            "#source-paste", TextArea
        ).text = "Nguyễn Văn An\nTrần Thị Bình, dự bị\n"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ImportPreviewDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert listed(screen) == ["Nguyễn Văn An", "Trần Thị Bình"]


async def test_a_missing_file_is_said_under_the_path(app: ChiboApp, tmp_path: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#source-path", Input).value = str(tmp_path / "khong-co.csv")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ImportSourceDialog)
        assert "Không có tệp" in str(app.screen.query_one("#source-error", Static).render())


async def test_the_path_box_completes_file_names(app: ChiboApp, tmp_path: Path) -> None:
    (tmp_path / "danh-sach-2026.csv").write_text("Nguyễn Văn An\n", encoding="utf-8")
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        box = app.screen.query_one("#source-path", Input)
        box.value = str(tmp_path) + "/danh"
        box.cursor_position = len(box.value)
        await pilot.pause()
        await pilot.press("right")
        assert box.value == str(tmp_path / "danh-sach-2026.csv")


async def test_a_change_that_moves_recorded_votes_is_explained_first(
    cell_with_meetings: Cell,
    app: ChiboApp,
    saved_cell: Callable[[], Cell | None],
    saved_meeting: Callable[[str], Meeting | None],
) -> None:
    member = cell_with_meetings.members[5]  # official, present at the April draft, which has votes
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        for answer in ("escape", "y"):
            select(screen, member.full_name)
            await pilot.press("e")
            await pilot.pause()
            await pilot.press("tab", "space", "ctrl+s")  # becomes dự bị: one voter fewer
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, ConfirmDialog)
            assert "04/2026" in dialog.question and "9 → 8" in dialog.question
            await pilot.press(answer)
            await pilot.pause()
            app.session.save_now()
            status = saved_cell().member(member.id).status  # type: ignore[union-attr]
            if answer == "escape":
                assert status is MemberStatus.OFFICIAL
        assert status is MemberStatus.PROBATIONARY
        # Adding an official member is said, not asked: the form stays for the next name.
        await pilot.press("a")
        await pilot.pause()
        await _type_member(app, pilot, "Châu Văn Mới")
        assert isinstance(app.screen, MemberFormDialog)
        assert any("căn cứ thông qua" in n.message for n in app._notifications)
    april = saved_meeting("2026-04")
    assert april is not None
    row = next(a for a in april.attendance if a.member_id == member.id)
    assert row.status is MemberStatus.PROBATIONARY
