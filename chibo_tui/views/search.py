"""Search across every meeting's text, ignoring case and diacritics.

The index is built in a worker (it folds every line of every meeting), in parts,
newest months first, so that the first results show while older years are still
being read; then it is filtered in memory on each keystroke: "ket luan" finds
"Kết luận".
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from ..domain.model import Meeting
from ..domain.vietnamese import fold
from .month_text import Kind, month_sections

Span = tuple[int, int]

FIRST_PART = 12
"""Meetings in the first part of an index (a year): what the first results wait for."""


@dataclass(frozen=True)
class Entry:
    """One searchable line: where it is, what it says, and its folded form."""

    month: str
    anchor: str  # the section to open
    line_no: int  # the line within the section
    section: str  # the section's title ("Tiêu chí 2. Chất lượng sinh hoạt tốt")
    group: str  # the sub-heading ("Nguyên nhân"), may be empty
    criterion: int | None
    text: str
    folded: str
    what: str = ""  # what the line is ("nhiệm vụ", "biểu dương"); empty: plain record text


@dataclass(frozen=True)
class Hit:
    """A line that matches, with the spans of ``entry.text`` to highlight."""

    entry: Entry
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Results:
    """The first ``limit`` hits, newest month first, and how many there are in all."""

    query: str
    hits: tuple[Hit, ...]
    total: int


def terms_of(query: str) -> list[str]:
    """The folded words of a query; a line matches when it contains all of them."""
    return fold(query).split()


Place = tuple[str, str, str, int | None]
"""A section of a month: the month, the section's anchor, its title, its criterion."""


class SearchIndex:
    """Every line of the meetings indexed so far, newest month first; :meth:`search`
    filters in memory.

    The lines are kept column by column and an :class:`Entry` is made only for a
    hit: one object of nine fields a line held 22.6 MB at 600 months (53,000 lines),
    and making them was a quarter of the build.
    """

    def __init__(self) -> None:
        self.meetings = 0
        self._places: list[Place] = []
        self._place = array("I")  # per line: its section, in ``_places``
        self._line_no = array("I")
        self._group: list[str] = []
        self._what: list[str] = []
        self._text: list[str] = []
        self._folded: list[str] = []

    @classmethod
    def build(cls, meetings: Iterable[Meeting]) -> SearchIndex:
        """Index ``meetings`` at once; the lines come out newest month first."""
        return _Indexer().index(sorted(meetings, key=lambda m: m.month, reverse=True))

    @property
    def lines(self) -> int:
        return len(self._text)

    def extend(self, older: SearchIndex) -> None:
        """Add the lines of ``older``, an index of months before every month here."""
        offset = len(self._places)
        self._places += older._places
        self._place.extend(array("I", (p + offset for p in older._place)))
        self._line_no.extend(older._line_no)
        self._group += older._group
        self._what += older._what
        self._text += older._text
        self._folded += older._folded
        self.meetings += older.meetings

    def entry(self, line: int) -> Entry:
        month, anchor, section, criterion = self._places[self._place[line]]
        return Entry(
            month=month,
            anchor=anchor,
            line_no=self._line_no[line],
            section=section,
            group=self._group[line],
            criterion=criterion,
            text=self._text[line],
            folded=self._folded[line],
            what=self._what[line],
        )

    def search(self, query: str, limit: int = 200) -> Results:
        """Lines containing every word of ``query`` (case and diacritics ignored)."""
        terms = sorted(set(terms_of(query)), key=len, reverse=True)
        if not terms:
            return Results(query, (), 0)
        folded = self._folded
        # The longest word first: it keeps the fewest lines for the next ones.
        found = [i for i, line in enumerate(folded) if terms[0] in line]
        for term in terms[1:]:
            found = [i for i in found if term in folded[i]]
        hits = tuple(
            Hit(e, match_spans(e.text, marked_terms(query, e.folded), e.folded))
            for e in map(self.entry, found[:limit])
        )
        return Results(query, hits, len(found))


class _Indexer:
    """Makes the parts of one index, sharing the strings of repeated lines.

    A month repeats much of the month before ("✓ Sinh hoạt định kỳ …", "Vắng không
    lý do: Không có", the vote sentences): such a line is folded once and every
    month's line holds the same two strings.
    """

    def __init__(self) -> None:
        self._seen: dict[str, tuple[str, str]] = {}

    def index(self, meetings: Iterable[Meeting]) -> SearchIndex:
        """The lines of ``meetings``, in the order given."""
        index = SearchIndex()
        seen = self._seen
        places, place_of, line_nos = index._places, index._place, index._line_no
        groups, whats, texts, folds = index._group, index._what, index._text, index._folded
        for meeting in meetings:
            index.meetings += 1
            for section in month_sections(meeting):
                place = len(places)
                places.append((meeting.month, section.anchor, section.title, section.criterion))
                for no, line in enumerate(section.lines):
                    if line.kind is Kind.GROUP:
                        continue
                    display = line.display
                    known = seen.get(display)
                    if known is None:
                        known = seen[display] = (display, fold(display))
                    text, folded = known
                    place_of.append(place)
                    line_nos.append(no)
                    groups.append(line.group)
                    whats.append(line.what)
                    texts.append(text)
                    folds.append(folded)
        return index


def index_parts(newest_first: Iterable[Meeting], first: int = FIRST_PART) -> Iterator[SearchIndex]:
    """The index of ``newest_first`` (meetings, the newest first) in parts, each of
    months before the part before: ``first`` meetings, then each part twice the one
    before. The meetings are taken only as each part is built.

    The first results wait for a year's lines only (~2 % of 600 months), and the
    screen gets a few parts (six for 600 months), not one per month to fill a list with.
    There is always a first part, empty when there are no meetings: the screen
    then says there is nothing to search rather than waiting.
    """
    meetings = iter(newest_first)
    indexer = _Indexer()
    size = max(first, 1)
    part = indexer.index(islice(meetings, size))
    yield part
    while part.meetings == size:  # a full part: there may be more
        size *= 2
        part = indexer.index(islice(meetings, size))
        if not part.meetings:
            return
        yield part


def marked_terms(query: str, folded: str) -> list[str]:
    """What to mark in a line found by ``query``: the words as a phrase when the line
    has them together ("nguyen nhan chu quan"), else each word wherever it occurs."""
    terms = terms_of(query)
    phrase = " ".join(terms)
    return [phrase] if len(terms) > 1 and phrase in folded else terms


def match_spans(text: str, terms: list[str], folded: str | None = None) -> tuple[Span, ...]:
    """Where the folded ``terms`` occur in ``text``, as spans of the original text.

    Vietnamese in NFC folds one character to one, so positions in the folded text
    are positions in the original; otherwise each folded character remembers the
    original one it came from. Overlapping spans are merged.
    """
    folded = fold(text) if folded is None else folded
    if len(folded) == len(text):
        origin: list[int] | range = range(len(text))
    else:
        chars: list[str] = []
        origin = []
        for i, ch in enumerate(text):
            for f in _fold_char(ch):
                chars.append(f)
                origin.append(i)
        folded = "".join(chars)
    spans: list[Span] = []
    for term in terms:
        start = folded.find(term)
        while start != -1:
            end = start + len(term)
            spans.append((origin[start], origin[end - 1] + 1))
            start = folded.find(term, end)
    spans.sort()
    merged: list[Span] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return fold(ch)


def excerpt(text: str, spans: tuple[Span, ...], width: int) -> tuple[str, tuple[Span, ...]]:
    """At most ``width`` characters of ``text`` around the first span, with "…" where cut.

    Returns the excerpt and the spans moved into it (cut to what is visible).
    """
    if len(text) <= width or width < 8:
        return text, spans
    first = spans[0][0] if spans else 0
    last = spans[0][1] if spans else first
    start = max(0, first - width // 3)
    if start > 0 and text[start - 1] != " ":
        # Begin at a word: skip the cut word when that keeps the match in view.
        space = text.find(" ", start, first)
        if space != -1 and space - start < width // 4:
            start = space + 1
    if start + width - 1 >= len(text):
        # The window reaches the end: show the end, "…" only in front.
        end = len(text)
        start = end - (width - 1)
        prefix, suffix = "…", ""
    else:
        prefix = "…" if start > 0 else ""
        suffix = "…"
        end = start + width - len(prefix) - 1
        if end < last:  # keep the whole first match in view
            start, end = start + last - end, last
            prefix = "…"
    shift = start - len(prefix)
    moved = tuple(
        (max(s, start) - shift, min(e, end) - shift) for s, e in spans if e > start and s < end
    )
    return prefix + text[start:end] + suffix, moved
