"""F6 in the meeting screen and in the month view writes the month's resolution."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx

from chibo_tui.app import ChiboApp
from chibo_tui.domain.model import COMMITTEE_OWNER, Task
from chibo_tui.screens.meeting import MeetingScreen
from chibo_tui.screens.month import MonthScreen

MONTH = "2026-11"


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def notices(app: ChiboApp) -> list[str]:
    return [n.message for n in app._notifications]


def footer_keys(app: ChiboApp) -> dict[str, str]:
    return {
        key: active.binding.description
        for key, active in app.screen.active_bindings.items()
        if active.binding.show
    }


async def test_f6_in_the_meeting_and_the_month_view(app: ChiboApp, tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    async with app.run_test(size=(120, 40)) as pilot:
        await app.open_meeting(MONTH)
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        assert footer_keys(app)["f6"] == "Nghị quyết"
        # F6 is the profile elsewhere: here it stays a command in the palette.
        commands = [c.title for c in app.get_system_commands(screen)]
        assert "Nghị quyết" in commands and "Hồ sơ chi bộ" in commands

        # No task yet: refused in words, nothing written.
        await pilot.press("f6")
        await settle(pilot)
        assert any(
            "Tháng 11/2026 chưa có nhiệm vụ tháng tới: chưa có gì để ra nghị quyết" in n
            for n in notices(app)
        )
        assert not exports.exists() or not list(exports.iterdir())

        screen.meeting.tasks = [
            Task(
                "Tổ chức ngày hội đại đoàn kết",
                owner=COMMITTEE_OWNER,
                due=date(2026, 12, 15),
                report_month="2026-12",
            )
        ]
        await pilot.press("f6")
        await settle(pilot)
        written = exports / "2026-11_nghi-quyet.docx"
        assert any(n.endswith(f"{written} (Số 01-NQ/CB)") for n in notices(app))
        body = "\n".join(p.text for p in docx.Document(str(written)).paragraphs)
        assert body.startswith("DỰ THẢO")  # the meeting is not finalised
        assert "a) Tổ chức ngày hội đại đoàn kết. Chủ trì: Chi ủy; thời hạn: 15/12/2026" in body

        app.push_screen(MonthScreen(MONTH))
        await settle(pilot)
        assert isinstance(app.screen, MonthScreen)
        assert footer_keys(app)["f6"] == "Nghị quyết"
        await pilot.press("f6")
        await settle(pilot)
    assert sorted(p.name for p in exports.iterdir()) == [
        "2026-11_nghi-quyet-2.docx",
        "2026-11_nghi-quyet.docx",
    ]
