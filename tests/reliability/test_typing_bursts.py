"""Vietnamese typed through an input method reaches the minutes as typed.

Telex and VNI input methods that work by backspace (Unikey, EVKey, OpenKey,
ibus-bamboo in its backspace mode) turn ``e`` + ``e`` into ``ê`` by sending a
backspace and the composed letter together: both arrive in one read of the
terminal. The keys below go through Textual's own parser and are posted the way
its driver posts them, one burst at a time.

Found by the power-cut test: Textual 8.2.8 runs a bound key (backspace, arrows)
as an action *after* the printable keys that arrived with it are inserted, so the
backspace rubbed out the composed letter instead of the one before it — "việt"
was stored as "viet" (Textual issue #6605). ``chibo_tui/keys_in_order.py`` runs a
field's own bindings in the field's queue; these tests cover each kind of field.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from textual._xterm_parser import XTermParser
from textual.command import CommandPalette
from textual.widget import Widget
from textual.widgets import Input, TextArea

from chibo_tui.app import ChiboApp, make_app
from chibo_tui.domain import lifecycle
from chibo_tui.domain.model import Presence
from chibo_tui.sample import build_demo
from chibo_tui.screens.meeting import MeetingScreen
from chibo_tui.store import Repository
from chibo_tui.widgets.member_picker import MemberPicker

MONTH = "2026-11"
NOW = datetime(2026, 11, 27, 19, 30)
BS = "\x7f"
# "việt nam đạt" in Telex, as a backspace-method input method sends it: each
# string is one read of the terminal.
TELEX_BURSTS = ["v", "i", "e", BS + "ê", BS + "ệ", "t", " ", "n", "a", "m", " ", "d", BS + "đ",
                "a", BS + "ạ", "t"]  # fmt: skip
TYPED = "việt nam đạt"


@pytest.fixture
def app(tmp_path: Path) -> Iterator[ChiboApp]:
    db = tmp_path / "db" / "chibo.json"
    cell, history = build_demo(3, date(2026, 11, 27), seed=3)
    with Repository.open(db) as repo:
        repo.import_history(cell, history)
        meeting = lifecycle.new_meeting(cell, MONTH, date(2026, 11, 27), history)
        repo.save_meeting(meeting)
    repo = Repository.open(db)
    yield make_app(repo, tmp_path / "exports", clock=lambda: NOW)
    repo.close()


async def _type(app: ChiboApp, pilot, bursts: list[str], split: bool) -> None:  # type: ignore[no-untyped-def]
    """Post the keys of each burst together, as the driver does; ``split`` waits between keys."""
    parser = XTermParser()
    for burst in bursts:
        for part in burst if split else [burst]:
            for event in parser.feed(part):
                app.post_message(event)
            if split:  # a bound key's action runs a moment after its key: let it
                await pilot.pause()
        await pilot.pause()


async def _into(app: ChiboApp, pilot, selector: str, split: bool) -> str:  # type: ignore[no-untyped-def]
    """Type the Telex keys into the field ``selector`` of the meeting; what it holds after."""
    screen = app.screen
    assert isinstance(screen, MeetingScreen)
    await screen.go_to("conclusion" if selector == "#conclusion-text" else "criterion-1")
    widget = screen.query_one(selector)
    widget.focus()
    await pilot.pause()
    await _type(app, pilot, TELEX_BURSTS, split)
    assert app.session.save_now()
    return widget.text if isinstance(widget, TextArea) else widget.value  # type: ignore[attr-defined]


async def _open(app: ChiboApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await app.open_meeting(MONTH)


async def test_input_method_keys_one_at_a_time_are_typed_as_meant(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(app, pilot)
        assert await _into(app, pilot, "#conclusion-text", split=True) == TYPED
        assert app.session.repo.load_meeting(MONTH).conclusion == TYPED  # type: ignore[union-attr]


async def test_input_method_bursts_are_typed_as_meant(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(app, pilot)
        typed = [
            await _into(app, pilot, s, split=False)
            for s in ("#conclusion-text", "#criterion-1 .speech", "#criterion-1 .remedy-text")
        ]
        # A TextArea (notes) and Inputs (speeches, remedies), as typed and as saved.
        assert typed == [TYPED, TYPED, TYPED]
        saved = app.session.repo.load_meeting(MONTH)
        assert saved is not None and saved.conclusion == TYPED


async def test_bursts_in_the_member_picker_find_the_member(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(app, pilot)
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await screen.go_to("criterion-1")
        picker = screen.query_one("#criterion-1 .speaker", MemberPicker)
        picker.input.focus()
        await pilot.pause()
        # "liên" in Telex: l i e, then e again (backspace + ê), n.
        await _type(app, pilot, ["l", "i", "e", BS + "ê", "n"], split=False)
        assert picker.value == "liên"
        assert picker.matches(picker.value)[0].name == "Nguyễn Thị Liên"


async def test_bursts_in_a_dialog_and_in_search(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")  # the month dialog
        field = app.screen.query_one(Input)
        assert app.focused is field
        field.value = ""
        await _type(app, pilot, TELEX_BURSTS, False)
        assert field.value == TYPED
        await pilot.press("escape")
        await pilot.press("t")  # search
        field = app.screen.query_one("#search-input", Input)
        assert app.focused is field
        await _type(app, pilot, TELEX_BURSTS, False)
        assert field.value == TYPED


async def test_bursts_in_the_command_palette(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        field = palette.query_one(Input)
        await _type(app, pilot, TELEX_BURSTS, False)
        assert field.value == TYPED


async def test_the_palette_speaks_vietnamese_and_ignores_diacritics(app: ChiboApp) -> None:
    from textual.command import CommandList

    async def shown_once(text: str) -> list[str]:
        """The palette's options, once one holds ``text`` (it searches in a worker)."""
        shown: list[str] = []
        for _ in range(200):
            await pilot.pause()
            shown = [str(o.prompt) for o in palette.query_one(CommandList).options]
            if any(text in p for p in shown):
                break
        return shown

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        field = palette.query_one(Input)
        assert field.placeholder.startswith("Tìm lệnh")
        await pilot.press(*"chon thang")  # "Chọn tháng", typed without diacritics
        shown = await shown_once("Chọn tháng")
        assert any("Chọn tháng" in p for p in shown), shown
        field.value = "zzzz"
        shown = await shown_once("Không có lệnh phù hợp")
        assert any("Không có lệnh phù hợp" in p for p in shown), shown
        assert not any("No matches" in p for p in shown)


async def test_keys_typed_while_a_step_opens_land_in_its_first_field(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(app, pilot)
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await screen.go_to("criterion-4")
        # F4 to the next step (not built yet), and the chair's next words, in one read.
        await _type(app, pilot, ["\x1b[14~" + "Ý kiến"], split=False)
        for _ in range(50):
            await pilot.pause()
        assert screen.step == "tasks"  # next month's tasks follow the four criteria
        first = screen.query_one("#task-text", Input)
        assert first.value == "Ý kiến"
        assert "Ý kiến" not in screen.query_one("#criterion-4 #remedy-text").value  # type: ignore[attr-defined]


async def test_keys_typed_for_a_step_reach_it_when_step_keys_follow_in_the_same_read(
    app: ChiboApp,
) -> None:
    # F4, "a" (everyone not yet marked: present), then F4 three times, in one read of
    # the terminal: the "a" is the attendance's, and it reached criterion 1 instead,
    # where it marked every sub-criterion đạt.
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(app, pilot)
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await screen.go_to("opening")
        f4 = "\x1b[14~"
        await _type(app, pilot, [f4 + "a" + f4 * 3], split=False)
        meeting = screen.meeting

        def everyone_present() -> bool:
            return all(a.presence is Presence.PRESENT for a in meeting.attendance if not a.exempt)

        def at_criterion_1() -> bool:
            focused = app.focused
            return focused is not None and any(n.id == "criterion-1" for n in focused.ancestors)

        for _ in range(500):  # bounded: each step is built in a few rounds
            if everyone_present() and at_criterion_1():
                break
            await pilot.pause()
        assert screen.step == "criterion-1"
        assert at_criterion_1()
        assert everyone_present()
        assert all(check.passed is None for check in meeting.review(1).checks)
        # Typed in the step reached last, they stay there.
        await _type(app, pilot, ["k"], split=False)
        await pilot.pause()
        assert meeting.review(1).checks[0].passed is False


async def _at_step(app: ChiboApp, pilot, step: str) -> MeetingScreen:  # type: ignore[no-untyped-def]
    """The meeting open at ``step``."""
    await _open(app, pilot)
    screen = app.screen
    assert isinstance(screen, MeetingScreen)
    await screen.go_to(step)
    await pilot.pause()
    return screen


async def _read_at(app: ChiboApp, pilot, step: str, keys: str) -> MeetingScreen:  # type: ignore[no-untyped-def]
    """The meeting open at ``step``, then ``keys`` in one read of the terminal."""
    screen = await _at_step(app, pilot, step)
    await _type(app, pilot, [keys], split=False)
    for _ in range(5):
        await pilot.pause()
    return screen


async def _read_into(app: ChiboApp, pilot, field: Widget, keys: str) -> None:  # type: ignore[no-untyped-def]
    """``keys`` in one read of the terminal, typed from ``field``."""
    field.focus()
    await pilot.pause()
    await _type(app, pilot, [keys], split=False)
    for _ in range(8):
        await pilot.pause()


async def test_sub_criteria_marked_in_one_read_each_mark_their_own_row(app: ChiboApp) -> None:
    # D D K D typed while a frame was drawn reach chibo in one read: each marks the
    # next sub-criterion, as when typed one at a time (they all marked the first).
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _read_at(app, pilot, "criterion-1", "ddkd")
        checks = screen.meeting.review(1).checks
        assert [c.passed for c in checks] == [True, True, False, True]


async def test_the_roll_call_marked_in_one_read_marks_each_member_in_turn(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _read_at(app, pilot, "attendance", "cck")
        table = screen.query_one("#attendance DataTable")
        order = [str(table.get_row_at(i)[1]) for i in range(3)]  # type: ignore[attr-defined]
        presence = {a.full_name: a.presence for a in screen.meeting.attendance}
        assert [presence[name] for name in order] == [
            Presence.PRESENT,
            Presence.PRESENT,
            Presence.UNEXCUSED,
        ]


async def test_a_vote_typed_with_tabs_in_one_read_fills_each_field(app: ChiboApp) -> None:
    # 12, Tab, 0, Tab, 0 typed quickly: each number in its own field (the 0s went into
    # the first field before Tab had moved on, and the vote read 120 in favour).
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _at_step(app, pilot, "criterion-1")
        in_favour = screen.query_one("#criterion-1 #vote-in_favour", Input)
        await _read_into(app, pilot, in_favour, "12\t0\t0")
        votes = [screen.query_one(f"#criterion-1 #vote-{k}", Input).value
                 for k in ("in_favour", "against", "other")]  # fmt: skip
        assert votes == ["12", "0", "0"]


async def test_a_speaker_enter_and_the_speech_in_one_read_each_go_to_their_field(
    app: ChiboApp,
) -> None:
    # The name, Enter, then the speech at once: Enter gives the speech field the focus
    # through three messages, and the speech was typed into the name meanwhile.
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _at_step(app, pilot, "criterion-1")
        name = screen.meeting.attendance[0].full_name
        speaker = screen.query_one("#criterion-1 .speaker", MemberPicker).input
        await _read_into(app, pilot, speaker, f"{name}\rĐồng ý với báo cáo.\r")
        speeches = [(d.speaker, d.text) for d in screen.meeting.review(1).discussion]
        assert speeches == [(name, "Đồng ý với báo cáo.")]


async def test_steps_built_in_passing_do_not_take_the_focus_from_the_step_reached(
    app: ChiboApp,
) -> None:
    # F3 three times in one read, through two steps not built yet, then F4 three times
    # back: a step built in passing gave its own (hidden) field the focus once it was
    # up, and at the end the chair's keys went to a hidden step (found in tmux).
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _at_step(app, pilot, "task-reviews")
        assert not screen.query("#attendance") and not screen.query("#followups")
        screen.meeting.follow_ups = []  # a step with no field: the pane itself is focused

        def focused_in(step: str) -> bool:
            focused = app.focused
            return focused is not None and any(n.id == step for n in (focused, *focused.ancestors))

        for keys, step in (("\x1b[13~" * 3, "opening"), ("\x1b[14~" * 3, "task-reviews")):
            await _type(app, pilot, [keys], split=False)
            for _ in range(100):  # bounded: the steps are built on the way
                await pilot.pause()
                if screen.step == step and screen.query("#attendance, #followups"):
                    break
            for _ in range(5):
                await pilot.pause()
            assert screen.step == step
            assert focused_in(step), app.focused


async def test_a_note_entered_in_its_dialog_and_the_next_key_in_one_read(app: ChiboApp) -> None:
    # Enter closes the note's dialog, and the key after it is the step's again: it is
    # held until the dialog is gone, then reaches the table (and never stays held).
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _at_step(app, pilot, "followups")
        follow_ups = screen.meeting.follow_ups
        assert follow_ups
        await pilot.press("enter")  # the note's dialog, for the first remedy
        for _ in range(3):
            await pilot.pause()
        assert app.screen is not screen
        await _type(app, pilot, ["Đã làm xong\r2"], split=False)
        for _ in range(8):
            await pilot.pause()
        assert app.screen is screen
        assert follow_ups[0].note == "Đã làm xong"
        assert follow_ups[0].status.value == "in_progress"


async def test_a_command_chosen_with_enter_and_the_next_key_in_one_read(app: ChiboApp) -> None:
    # Enter runs the palette's command and closes it; the key typed after it is the
    # roll call's (it went into the palette's field, closing, and was lost).
    from textual.command import CommandList

    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _at_step(app, pilot, "attendance")
        for member in screen.meeting.attendance:
            member.presence = None
        await pilot.press("ctrl+p")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await pilot.press(*"luu ngay")
        for _ in range(200):  # bounded: the palette searches in a worker
            await pilot.pause()
            options = palette.query_one(CommandList).options
            if any("Lưu ngay" in str(o.prompt) for o in options):
                break
        await _type(app, pilot, ["\rc"], split=False)
        for _ in range(8):
            await pilot.pause()
        assert app.screen is screen
        marked = [a for a in screen.meeting.attendance if a.presence is Presence.PRESENT]
        assert len(marked) == 1  # the member under the roll call's cursor
