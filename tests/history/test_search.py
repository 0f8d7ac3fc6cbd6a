"""Search while typing, without diacritics; a result opens the month at the line."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator

import pytest
from history_fixtures import MONTHS, NOW, SEED, TODAY, prompts, settle, text_of
from textual.widgets import Input

from chibo_tui.app import ChiboApp
from chibo_tui.domain.model import Meeting
from chibo_tui.domain.vietnamese import fold
from chibo_tui.sample import build_demo
from chibo_tui.screens import search
from chibo_tui.screens.month import MonthBody, MonthScreen
from chibo_tui.screens.search import SearchScreen
from chibo_tui.views.month_text import Kind, month_sections
from chibo_tui.views.search import SearchIndex, index_parts, marked_terms, match_spans
from chibo_tui.widgets.history_list import HistoryList

_, MEETINGS = build_demo(MONTHS, TODAY, seed=SEED)
NEWEST_FIRST = sorted(MEETINGS, key=lambda m: m.month, reverse=True)

QUERIES = [
    "ket luan",
    "KẾT LUẬN",
    "Kết luận",
    "dang phi",
    "dang phi han",
    "nguyen nhan chu quan",
    "Nguyễn Văn",
    "nguyen van",
    "bieu quyet thong qua",
    "nhiem vu",
    "vang co ly do",
    "✓",
    "d",
    "khong co tu nay",
    "   ",
]
"""With and without diacritics, one word and several, a symbol, nothing to find."""

Row = tuple[str, str, int, str, str, int | None, str, str, str, tuple[tuple[int, int], ...]]


def searched_as_before(meetings: Iterable[Meeting], query: str) -> list[Row]:
    """Every line the search found before its index was kept in columns and built in
    parts: each line of each month's text, newest month first, that has every word."""
    terms = set(fold(query).split())
    rows: list[Row] = []
    for meeting in sorted(meetings, key=lambda m: m.month, reverse=True):
        for section in month_sections(meeting):
            for no, line in enumerate(section.lines):
                folded = fold(line.display)
                if line.kind is Kind.GROUP or not terms or not all(t in folded for t in terms):
                    continue
                spans = match_spans(line.display, marked_terms(query, folded), folded)
                where = (meeting.month, section.anchor, no, section.title, line.group)
                rows.append((*where, section.criterion, line.display, folded, line.what, spans))
    return rows


def rows_of(index: SearchIndex, query: str) -> list[Row]:
    found = index.search(query, limit=len(MEETINGS) * 1000)
    assert found.total == len(found.hits)
    return [
        (e.month, e.anchor, e.line_no, e.section, e.group, e.criterion, e.text, e.folded, e.what)
        + (hit.spans,)
        for hit in found.hits
        for e in (hit.entry,)
    ]


def in_parts(first: int) -> SearchIndex:
    """The index as the screen puts it together, part after part."""
    parts = index_parts(NEWEST_FIRST, first)
    whole = next(parts)
    for part in parts:
        whole.extend(part)
    return whole


@pytest.mark.parametrize(
    "index",
    [lambda: SearchIndex.build(MEETINGS), lambda: in_parts(4), lambda: in_parts(1)],
    ids=["at once", "in parts of 4, 8, 16, 2", "in parts of 1, 2, 4, 8, 15"],
)
def test_the_index_finds_every_line_it_found_before(index: Callable[[], SearchIndex]) -> None:
    built = index()
    found = {query: searched_as_before(MEETINGS, query) for query in QUERIES}
    assert sum(bool(rows) for rows in found.values()) >= len(QUERIES) - 2
    for query in QUERIES:
        assert rows_of(built, query) == found[query], query
    assert built.meetings == len(MEETINGS)


def test_the_index_comes_in_parts_each_of_older_months() -> None:
    taken: list[str] = []

    def newest_first() -> Iterator[Meeting]:
        for meeting in NEWEST_FIRST:
            taken.append(meeting.month)
            yield meeting

    parts = index_parts(newest_first(), first=4)
    first = next(parts)
    assert len(taken) == 4  # the older meetings are not read for the first part
    rest = list(parts)
    assert [p.meetings for p in (first, *rest)] == [4, 8, 16, 2]
    months = [[p.entry(i).month for i in range(p.lines)] for p in (first, *rest)]
    assert sorted(set(months[0]), reverse=True) == taken[:4]
    every = [month for part in months for month in part]
    assert every == sorted(every, reverse=True)
    assert [p.meetings for p in index_parts(NEWEST_FIRST[:12], first=4)] == [4, 8]
    [empty] = index_parts([])  # nothing to index still says so
    assert empty.meetings == empty.lines == 0


async def open_search(app: ChiboApp, pilot) -> SearchScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("t")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, SearchScreen)
    assert screen.index is not None
    return screen


async def test_typing_without_diacritics_finds_the_lines(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_search(app, pilot)
        assert text_of(screen.query_one("#search-status")).startswith(
            "Sẵn sàng tìm trong 30 kỳ sinh hoạt"
        )
        await pilot.press(*"ket luan")
        screen.search_now()  # what the pause after the last key does
        await pilot.pause()
        rows = prompts(screen.query_one("#search-results", HistoryList))
        assert screen.results is not None and rows
        assert len(rows) == len(screen.results.hits) == screen.results.total
        for row, hit in zip(rows, screen.results.hits, strict=True):
            where, line = row.split("\n")
            month = hit.entry.month
            assert where.startswith(f"{month[5:]}/{month[:4]} · {hit.entry.section}")
            assert "ket luan" in fold(line)
        assert text_of(screen.query_one("#search-status")).startswith(
            f"{screen.results.total} dòng khớp “ket luan”"
        )


async def test_results_follow_the_query_as_it_changes(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_search(app, pilot)
        query = screen.query_one("#search-input", Input)
        query.value = "dang phi"
        screen.search_now()
        broad = screen.results.total if screen.results else 0
        query.value = "dang phi han"
        screen.search_now()
        narrow = screen.results.total if screen.results else 0
        assert 0 < narrow <= broad
        query.value = "khong co tu nay"
        screen.search_now()
        assert text_of(screen.query_one("#search-status")) == "Không tìm thấy “khong co tu nay”."
        assert not prompts(screen.query_one("#search-results", HistoryList))


async def test_the_pause_after_typing_runs_the_search(
    app: ChiboApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # While keys keep coming nothing is searched: each key restarts the wait. The
    # wait is made long here, so that no load on the machine can end it between keys.
    monkeypatch.setattr(search, "DEBOUNCE", 3600.0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_search(app, pilot)
        await pilot.press(*"camer")
        assert screen._timer is not None  # waiting for a pause in the typing
        assert screen.results is not None and screen.results.query == ""
        monkeypatch.setattr(search, "DEBOUNCE", 0.01)
        await pilot.press("a")  # the last key, then the pause
        for _ in range(500):  # bounded; the debounce is about time itself
            if screen._timer is None:
                break
            await pilot.pause(0.01)
        assert screen._timer is None
        assert screen.results.query == "camera" and screen.results.total > 0


async def test_a_result_opens_the_month_at_that_line(app: ChiboApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_search(app, pilot)
        screen.query_one("#search-input", Input).value = "nguyen nhan chu quan"
        screen.search_now()
        assert screen.results is not None
        hit = screen.results.hits[1]
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        month = app.screen
        assert isinstance(month, MonthScreen)
        assert month.month == hit.entry.month
        line = month.query_one(f"#line-{hit.entry.anchor}-{hit.entry.line_no}")
        assert line.has_class("-found")
        assert month.query_one(MonthBody).region.contains_region(line.region)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_enter_in_the_query_opens_the_first_result(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_search(app, pilot)
        screen.query_one("#search-input", Input).value = "camera"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MonthScreen)
        assert screen.results is not None
        assert app.screen.month == screen.results.hits[0].entry.month


async def test_the_index_is_built_again_after_a_save(app: ChiboApp) -> None:
    from chibo_tui.domain.lifecycle import amend

    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_search(app, pilot)
        query = screen.query_one("#search-input", Input)
        query.value = "ghi chu rieng xyz"
        screen.search_now()
        assert screen.results is not None and screen.results.total == 0
        app.push_screen(MonthScreen("2026-10"))  # the month, amended meanwhile
        await pilot.pause()
        meeting = app.session.meeting("2026-10")
        amend(meeting, NOW, "Ghi chú riêng XYZ", "")
        assert app.session.save_now()
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert screen.results is not None and screen.results.total == 1
        assert screen.results.hits[0].entry.anchor == "amendments"


async def test_results_come_in_as_older_months_are_indexed(
    app: ChiboApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    go_on = threading.Event()

    def held_after_the_first(meetings: Iterable[Meeting]) -> Iterator[SearchIndex]:
        for i, part in enumerate(index_parts(meetings, first=4)):
            if i == 1:
                go_on.wait(10)
            yield part

    monkeypatch.setattr(search, "index_parts", held_after_the_first)
    whole = SearchIndex.build(MEETINGS).search("ket luan", search.LIMIT)
    assert 5 < whole.total <= search.LIMIT
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = SearchScreen("ket luan")
        app.push_screen(screen)
        while screen.results is None:
            await pilot.pause()
        first = screen.results
        assert 3 <= first.total < whole.total
        assert first.hits == whole.hits[: first.total]
        assert screen.indexing
        assert text_of(screen.query_one("#search-status")).endswith(
            f"Đang lập chỉ mục các tháng cũ hơn: đã có 4/{MONTHS} kỳ…"
        )
        rows = screen.query_one("#search-results", HistoryList)
        rows.highlighted = 4  # the third hit, below two separators
        go_on.set()
        await settle(pilot)
        assert not screen.indexing
        assert screen.results == whole
        assert len(prompts(rows)) == whole.total
        assert [o.id for o in rows.options] == [str(i) for i in range(whole.total)]
        assert rows.highlighted == 4  # the rows come in below: the chair's place stays
        assert "Đang lập chỉ mục" not in text_of(screen.query_one("#search-status"))


async def test_a_part_is_built_once_the_part_before_is_on_screen(
    app: ChiboApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = SearchScreen("ket luan")
    shown: list[int] = []

    def watched(meetings: Iterable[Meeting]) -> Iterator[SearchIndex]:
        for i, part in enumerate(index_parts(meetings, first=4)):
            if i:  # the worker asks for the next part: what does the screen hold?
                shown.append(screen.index.meetings if screen.index else 0)
            yield part

    monkeypatch.setattr(search, "index_parts", watched)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(screen)
        await settle(pilot)
        assert not screen.indexing
        assert shown == [4, 12, 28]


async def test_closing_the_screen_lets_its_index_go(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_search(app, pilot)
        assert screen.index is not None
        index = weakref.ref(screen.index)
        del screen
        await pilot.press("escape")
        await pilot.pause()
        gc.collect()
        assert index() is None


async def test_with_no_meeting_there_is_nothing_to_search(
    make_history_app: Callable[[int], ChiboApp],
) -> None:
    app = make_history_app(0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = SearchScreen()
        app.push_screen(screen)
        await settle(pilot)
        assert screen.index is not None and not screen.indexing
        status = text_of(screen.query_one("#search-status"))
        assert status == "Sẵn sàng tìm trong 0 kỳ sinh hoạt (0 dòng)."
