"""Shared data of the history tests: the fixed day and the demo history to fill."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from chibo_tui.sample import build_demo
from chibo_tui.store import Repository

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 9, 30)
SEED = 2020
"""A history with failed months and remedies in every status, 3 of them overdue."""
MONTHS = 30


def fill(path: Path, months: int) -> Path:
    """A database at ``path`` with the demo cell and ``months`` of history."""
    with Repository.open(path) as repo:
        cell, meetings = build_demo(months, TODAY, seed=SEED)
        if months:
            repo.import_history(cell, meetings)
        else:
            repo.save_cell(cell)
    return path


def text_of(widget: object) -> str:
    """The plain text a ``Static`` shows."""
    from textual.content import Content

    content = widget.content  # type: ignore[attr-defined]
    return content.plain if isinstance(content, Content) else str(content)


def month_rows(month_list: object) -> list[str]:
    """The plain text of every row of home's ``MonthList``, as it draws them."""
    count = len(month_list.months)  # type: ignore[attr-defined]
    return [month_list.row_text(i).plain for i in range(count)]  # type: ignore[attr-defined]


def prompts(option_list: object) -> list[str]:
    """The plain text of every option of an ``OptionList``."""
    from textual.content import Content

    texts = []
    for option in option_list.options:  # type: ignore[attr-defined]
        prompt = option.prompt
        texts.append(prompt.plain if isinstance(prompt, Content) else str(prompt))
    return texts


async def settle(pilot: object) -> None:
    """Let the screens start their workers (some start after the first paint),
    wait for them to report, and let the screen repaint."""
    for _ in range(2):
        await pilot.pause()  # type: ignore[attr-defined]
        await pilot.app.workers.wait_for_complete()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
