"""The README's screenshots, taken from a demo database as the tests drive the app.

.venv/bin/python docs/screens/shoot.py   (needs rsvg-convert: apt-get install librsvg2-bin)
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

from chibo_tui.app import ChiboApp, make_app
from chibo_tui.sample import build_demo
from chibo_tui.store import Repository

HERE = Path(__file__).resolve().parent
SIZE = (120, 40)
TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 20, 14)


def save(app: ChiboApp, name: str, work: Path) -> None:
    svg = work / f"{name}.svg"
    svg.write_text(app.export_screenshot(title="chibo"), encoding="utf-8")
    png = HERE / f"{name}.png"
    subprocess.run(["rsvg-convert", "-o", str(png), str(svg)], check=True)
    print(png)


async def shoot(work: Path) -> None:
    db = work / "db" / "chibo.json"
    cell, meetings = build_demo(14, TODAY)
    with Repository.open(db) as repo:
        repo.import_history(cell, meetings)  # to October: November is the meeting shown
    with Repository.open(db) as repo:
        app = make_app(repo, work / "exports", clock=lambda: NOW)
        app.animation_level = "none"
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            save(app, "home", work)
            await pilot.press("n")
            await pilot.pause()
            save(app, "year", work)
            await pilot.press("escape")
            await app.open_meeting("2026-11")
            screen = app.screen
            await pilot.pause()
            save(app, "meeting-opening", work)
            for step, name in (
                ("attendance", "meeting-attendance"),
                ("criterion-1", "meeting-criterion"),
                ("close", "meeting-close"),
            ):
                await screen.go_to(step)  # type: ignore[attr-defined]
                if step == "attendance":
                    await pilot.press("a")
                if step == "criterion-1":
                    await pilot.press("d", "d", "k", "d")
                for _ in range(3):
                    await pilot.pause()
                save(app, name, work)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(shoot(Path(tmp)))
    sys.exit(0)
