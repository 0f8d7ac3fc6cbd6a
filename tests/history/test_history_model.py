"""The history's non-UI side: a month as text, the search index, remedy filters, the cache."""

from __future__ import annotations

from datetime import date

import pytest
from history_fixtures import MONTHS, SEED, TODAY
from hypothesis import given
from hypothesis import strategies as st

from chibo_tui.domain.model import COLLECTIVE, Meeting, RemedyStatus, Verdict
from chibo_tui.domain.remedies import track
from chibo_tui.domain.rules import meeting_verdicts
from chibo_tui.domain.vietnamese import fold
from chibo_tui.sample import build_demo
from chibo_tui.store import Repository
from chibo_tui.views.month_text import Kind, month_sections
from chibo_tui.views.remedy_view import (
    StatusFilter,
    filter_remedies,
    owners,
    totals,
)
from chibo_tui.views.search import SearchIndex, excerpt, marked_terms, match_spans
from chibo_tui.views.snapshot import HistoryCache

CELL, MEETINGS = build_demo(MONTHS, TODAY, seed=SEED)


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.build(MEETINGS)


# -- a month as text ---------------------------------------------------------------


def test_a_month_has_every_section_in_reading_order() -> None:
    meeting = next(m for m in MEETINGS if m.review(2).remedies or m.review(4).remedies)
    assert meeting.task_reviews and meeting.tasks and meeting.resolution_vote
    anchors = [s.anchor for s in month_sections(meeting)]
    assert anchors[:4] == ["general", "attendance", "follow-ups", "task-reviews"]
    assert anchors[4:8] == [f"criterion-{n}" for n in range(1, 5)]
    rest = [a for a in anchors[8:] if a not in ("commendations", "other")]
    assert rest == ["leadership", "tasks", "conclusion", "resolution-vote"]


def test_criterion_sections_carry_the_adopted_verdict_and_the_vote_formula() -> None:
    failed = next(m for m in MEETINGS if Verdict.FAIL in meeting_verdicts(m))
    sections = {s.anchor: s for s in month_sections(failed)}
    verdicts = meeting_verdicts(failed)
    for n in range(1, 5):
        section = sections[f"criterion-{n}"]
        assert section.criterion == n
        assert section.verdict is verdicts[n - 1]
        labels = [line.label for line in section.lines]
        assert "Biểu quyết" in labels and "Thông qua" in labels and "Kiểm phiếu" in labels
    failing = sections[f"criterion-{verdicts.index(Verdict.FAIL) + 1}"]
    groups = [line.text for line in failing.lines if line.kind is Kind.GROUP]
    assert "Nguyên nhân" in groups and "Giải pháp khắc phục" in groups


def test_absent_members_are_named_with_their_reason() -> None:
    meeting = next(m for m in MEETINGS if any(a.reason for a in m.attendance))
    excused = next(a for a in meeting.attendance if a.reason)
    attendance = next(s for s in month_sections(meeting) if s.anchor == "attendance")
    assert any(f"{excused.full_name} ({excused.reason})" in line.text for line in attendance.lines)


# -- search ------------------------------------------------------------------------


def test_search_ignores_case_and_diacritics(index: SearchIndex) -> None:
    results = index.search("ket luan")
    assert results.total > 0
    assert all("kết luận" in hit.entry.text.lower() for hit in results.hits)
    assert index.search("KẾT LUẬN").total == results.total


def test_search_needs_every_word_and_puts_the_newest_month_first(index: SearchIndex) -> None:
    results = index.search("dang phi")
    months = [hit.entry.month for hit in results.hits]
    assert months == sorted(months, reverse=True)
    both = index.search("dang phi han")
    assert 0 < both.total <= results.total
    assert all("dang phi" in hit.entry.folded and "han" in hit.entry.folded for hit in both.hits)


def test_search_reports_the_total_beyond_the_limit(index: SearchIndex) -> None:
    results = index.search("a", limit=5)
    assert len(results.hits) == 5 and results.total > 5


def test_an_empty_query_finds_nothing(index: SearchIndex) -> None:
    assert index.search("   ").total == 0


def test_hits_say_where_they_are(index: SearchIndex) -> None:
    hit = index.search("nguyen nhan chu quan").hits[0]
    assert hit.entry.criterion in (1, 2, 3, 4)
    assert hit.entry.section.startswith(f"Tiêu chí {hit.entry.criterion}.")
    section = next(
        s
        for m in MEETINGS
        if m.month == hit.entry.month
        for s in month_sections(m)
        if s.anchor == hit.entry.anchor
    )
    assert section.lines[hit.entry.line_no].display == hit.entry.text


def test_spans_point_at_the_original_words() -> None:
    text = "Kết luận: chi bộ đạt “bốn tốt”"
    spans = match_spans(text, ["ket", "bon tot"])
    assert [text[s:e] for s, e in spans] == ["Kết", "bốn tốt"]


def test_spans_survive_characters_that_fold_to_two() -> None:
    text = "ﬁn Kết"  # the ligature folds to "fi"
    spans = match_spans(text, ["ket"])
    assert [text[s:e] for s, e in spans] == ["Kết"]


@given(
    st.lists(
        st.sampled_from(["Kết", "luận", "bốn", "tốt", "Đảng", "phí", "ĐẠT", "ﬁ", " "]), max_size=12
    ),
    st.sampled_from(["ket", "dang", "tot", "fi", "t"]),
)
def test_every_span_folds_back_to_the_term(words: list[str], term: str) -> None:
    text = " ".join(words)
    for start, end in match_spans(text, [term]):
        assert term in fold(text[start:end])


def test_an_excerpt_keeps_the_match_in_view() -> None:
    text = "Một câu rất dài " * 10 + "kết luận của chủ trì" + " và phần sau" * 10
    spans = match_spans(text, ["ket luan"])
    cut, moved = excerpt(text, spans, 60)
    assert len(cut) == 60 and cut.startswith("…") and cut.endswith("…")
    assert [cut[s:e] for s, e in moved] == ["kết luận"]


# -- remedies ----------------------------------------------------------------------


def test_the_status_filter_cycles_through_every_choice() -> None:
    seen = [StatusFilter.UNRESOLVED]
    while (following := seen[-1].next()) is not StatusFilter.UNRESOLVED:
        seen.append(following)
    assert seen == list(StatusFilter)


def test_unresolved_remedies_come_overdue_first() -> None:
    tracked = track(MEETINGS)
    shown = filter_remedies(tracked, StatusFilter.UNRESOLVED, None, TODAY)
    assert shown and all(t.status is not RemedyStatus.DONE for t in shown)
    overdue = [t.overdue(TODAY) for t in shown]
    assert overdue == sorted(overdue, reverse=True) and overdue[0]
    assert filter_remedies(tracked, StatusFilter.OVERDUE, None, TODAY) == [
        t for t in shown if t.overdue(TODAY)
    ]


def test_the_owner_filter_keeps_one_owner() -> None:
    tracked = track(MEETINGS)
    names = owners(tracked)
    assert len(names) == len(set(names)) and all(names)
    if COLLECTIVE in names:
        assert names[0] == COLLECTIVE
    for name in names:
        shown = filter_remedies(tracked, StatusFilter.ALL, name, TODAY)
        assert shown and {t.remedy.owner for t in shown} == {name}


def test_totals_count_a_year_or_everything() -> None:
    tracked = track(MEETINGS)
    everything = totals(tracked, TODAY)
    assert everything.raised == len(tracked)
    assert everything.done + everything.unresolved == everything.raised
    by_year = [totals(tracked, TODAY, year) for year in (2024, 2025, 2026)]
    assert sum(t.raised for t in by_year) == everything.raised
    assert everything.overdue == 3


# -- the shared snapshot -----------------------------------------------------------


def test_the_snapshot_is_reused_until_the_stamp_changes(repo: Repository) -> None:
    cache = HistoryCache()
    first = cache.get(repo, None)
    assert cache.get(repo, None) is first
    assert cache.peek(repo, "saved later") is None
    second = cache.get(repo, "saved later")
    assert second is not first and len(second.meetings) == MONTHS


def test_the_snapshot_gives_the_meetings_newest_first_a_year_at_a_time(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    snapshot = HistoryCache().get(repo, None)
    years: list[int] = []
    load_year = repo.load_year

    def read(year: int) -> list[Meeting]:
        years.append(year)
        return load_year(year)

    monkeypatch.setattr(repo, "load_year", read)
    monkeypatch.setattr(repo, "load_all", lambda: pytest.fail("read whole"))
    newest = snapshot.newest_first()
    assert next(newest).month == MEETINGS[-1].month
    assert years == [int(MEETINGS[-1].month[:4])]  # the newest year's file only
    assert [m.month for m in newest] == [m.month for m in reversed(MEETINGS[:-1])]
    monkeypatch.undo()
    assert [m.month for m in snapshot.meetings] == [m.month for m in MEETINGS]
    assert [m.month for m in snapshot.newest_first()] == [m.month for m in reversed(MEETINGS)]


def test_a_snapshot_from_another_database_is_not_reused(repo: Repository, tmp_path) -> None:  # type: ignore[no-untyped-def]
    cache = HistoryCache()
    cache.get(repo, None)
    with Repository.open(tmp_path / "other" / "chibo.json") as other:
        assert cache.get(other, None).meetings == []


def test_the_fixture_history_is_the_one_the_tests_expect() -> None:
    assert len(MEETINGS) == MONTHS
    assert MEETINGS[-1].month == "2026-10"
    assert date(2026, 11, 27) == TODAY


@given(
    st.lists(st.sampled_from(["Kết", "luận", "bốn", "tốt", "chi", "bộ", "đạt", "—"]), max_size=40),
    st.sampled_from(["ket", "bon tot", "chi"]),
    st.integers(min_value=8, max_value=80),
)
def test_an_excerpt_never_exceeds_its_width_and_keeps_its_marks_on_the_words(
    words: list[str], query: str, width: int
) -> None:
    text = " ".join(words)
    terms = query.split()
    spans = match_spans(text, terms)
    cut, moved = excerpt(text, spans, width)
    assert len(cut) <= max(width, len(text) if len(text) <= width else width)
    for start, end in moved:
        assert 0 <= start < end <= len(cut)
        assert "…" not in cut[start:end]
        assert any(fold(cut[start:end]) in fold(text[s:e]) for s, e in spans)


def test_words_found_together_are_marked_as_a_phrase() -> None:
    text = "Nguyên nhân chủ quan: chi ủy chưa phân công; khách quan: thu nhập giảm"
    terms = marked_terms("nguyen nhan chu quan", fold(text))
    assert [text[s:e] for s, e in match_spans(text, terms)] == ["Nguyên nhân chủ quan"]
    apart = marked_terms("chu khach", fold(text))
    assert [text[s:e] for s, e in match_spans(text, apart)] == ["chủ", "chư", "khách"]
