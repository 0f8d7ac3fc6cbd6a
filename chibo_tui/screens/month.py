"""A month in full, read-only: everything the meeting recorded, section by section.

Opened from the month list, the year grid, the remedies list or a search result;
in the last case it scrolls to the line found and marks the words searched for.
"""

from __future__ import annotations

import copy

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from ..dialogs.text_entry import TextEntryDialog
from ..domain import register
from ..domain.model import Meeting, ResolutionForm, Verdict
from ..domain.rules import four_good, meeting_verdicts
from ..domain.vietnamese import fold, month_label
from ..session import DocumentKind
from ..text import common as C
from ..text import history as T
from ..text import register as R
from ..text import resolution as RES
from ..text import score_sheet as SC
from ..views.month_text import Kind, Line, Section, criterion_anchor, month_sections
from ..views.search import marked_terms, match_spans
from ..views.tone import Tone
from ..widgets.footer import KeyFooter
from ..widgets.topbar import TopBar
from ..widgets.verdict_marks import (
    STYLE_FOUND,
    STYLE_LABEL,
    TONE_STYLE,
    four_good_mark,
    state_mark,
    verdict_marks,
)
from .base import ChiboScreen


class MonthBody(VerticalScroll):
    """The scrolling text of the month; ← and → go to the previous and next month."""

    BINDINGS = [
        Binding(
            "left",
            "screen.previous_month",
            T.KEY_PREV_MONTH,
            tooltip=T.KEY_PREV_MONTH_HELP,
            key_display="←",
            show=False,
            id="month-previous",
        ),
        Binding(
            "right",
            "screen.next_month",
            T.KEY_NEXT_MONTH,
            tooltip=T.KEY_NEXT_MONTH_HELP,
            key_display="→",
            show=False,
            id="month-next",
        ),
    ]


class MonthScreen(ChiboScreen[None]):
    """One meeting, read-only, with export keys and a way into the live meeting screen."""

    CSS_PATH = ["history_list.tcss", "history.tcss"]
    BINDINGS = [
        Binding("escape", "back", T.KEY_BACK, tooltip=T.KEY_BACK_HELP, id="month-back"),
        Binding(
            "f9,b",
            "export('minutes')",
            T.KEY_MINUTES,
            tooltip=T.KEY_MINUTES_HELP,
            id="month-minutes",
        ),
        Binding(
            "f10,c", "export('report')", T.KEY_REPORT, tooltip=T.KEY_REPORT_HELP, id="month-report"
        ),
        Binding("f6", "export('resolution')", RES.KEY, tooltip=RES.KEY_HELP, id="month-resolution"),
        Binding(
            "f12",
            "export('scorecard')",
            SC.KEY_EXPORT,
            tooltip=SC.KEY_EXPORT_HELP,
            id="month-scorecard",
        ),
        Binding("g", "pack", SC.KEY_PACK, tooltip=SC.KEY_PACK_HELP, id="month-pack"),
        Binding("n", "renumber", R.KEY_RENUMBER, tooltip=R.KEY_RENUMBER_HELP, id="month-renumber"),
        Binding(
            "m",
            "edit_meeting",
            T.KEY_EDIT_MEETING,
            tooltip=T.KEY_EDIT_MEETING_HELP,
            id="month-open-meeting",
        ),
        *(
            Binding(
                str(n),
                f"jump({n})",
                T.KEY_CRITERION.format(n=n),
                tooltip=T.KEY_CRITERION_HELP.format(n=n),
                show=False,
                id=f"month-criterion-{n}",
            )
            for n in range(1, 5)
        ),
    ]

    def __init__(
        self,
        month: str,
        anchor: str | None = None,
        line_no: int | None = None,
        query: str = "",
        find: str = "",
    ) -> None:
        """Show ``month``; scroll to the section ``anchor`` and, in it, to line ``line_no``
        (or the first line containing ``find``), marking the words of ``query``."""
        super().__init__()
        self.month = month
        self.target_anchor = anchor
        self.target_line = line_no
        self.search_query = query
        self.find_text = find
        self.meeting: Meeting | None = None
        self._pending: tuple[Widget, bool] | None = None
        """A line or section to scroll to once laid out (and whether to centre it)."""
        self._left = False

    def compose(self) -> ComposeResult:
        yield self.top_bar()
        yield Static(id="month-title")
        yield Static(id="month-numbers", classes="hint-line")
        yield Static(T.MONTH_HINT, id="month-hint", classes="hint-line")
        yield MonthBody(id="month-body")
        yield KeyFooter()

    async def on_mount(self) -> None:
        await self.show_month(
            self.month, self.target_anchor, self.target_line, self.search_query, self.find_text
        )

    def on_screen_suspend(self) -> None:
        self._left = True

    async def on_screen_resume(self) -> None:
        if self._left:
            # Back from the live meeting screen: the month may have been reopened or amended.
            self._left = False
            await self.show_month(self.month)
        elif self._pending is not None:
            # First shown: the lines get their places in the next layout.
            self.call_after_refresh(self._scroll_pending)

    # -- content ---------------------------------------------------------------

    async def show_month(
        self,
        month: str,
        anchor: str | None = None,
        line_no: int | None = None,
        query: str = "",
        find: str = "",
    ) -> None:
        """Show ``month`` (one meeting: a few milliseconds to decode, no worker needed)."""
        self.month = month
        self.meeting = self.session.repo.load_meeting(month)
        self.query_one(TopBar).context = T.MONTH_CONTEXT.format(month=month_label(month))
        body = self.query_one(MonthBody)
        await body.remove_children()
        if self.meeting is None:
            self.query_one("#month-title", Static).update(
                T.MONTH_MISSING.format(month=month_label(month))
            )
            self._show_numbers()
            return
        self.query_one("#month-title", Static).update(self._title(self.meeting))
        self._show_numbers()
        widgets: list[Widget] = []
        target: Widget | None = None
        cell = self.session.cell
        form = cell.resolution.form if cell else ResolutionForm.RESOLUTION
        for section in month_sections(self.meeting, form):
            widgets.append(self._section_title(section))
            for no, line in enumerate(section.lines):
                found = (
                    target is None
                    and section.anchor == anchor
                    and (no == line_no or (line_no is None and bool(find) and find in line.display))
                )
                terms = marked_terms(query, fold(line.display)) if found and query else []
                widget = self._line(section, no, line, terms, found)
                if found:
                    target = widget
                widgets.append(widget)
        await body.mount_all(widgets)
        body.scroll_home(animate=False)
        if target is not None:
            self._scroll_later(target, center=True)
        elif anchor is not None:
            self.action_jump_anchor(anchor)

    def _title(self, meeting: Meeting) -> Content:
        verdicts = meeting_verdicts(meeting)
        parts = [
            Content.styled(T.MONTH_TITLE.format(month=month_label(meeting.month)), STYLE_LABEL),
            Content("   "),
            verdict_marks(verdicts, 3),
            Content("  "),
            four_good_mark(four_good(verdicts).value),
            Content("  "),
            state_mark(meeting.state),
        ]
        return Content("").join(parts)

    def _section_title(self, section: Section) -> Static:
        classes = "month-section"
        text = Content.styled(section.title, STYLE_LABEL)
        if section.criterion is not None:
            verdict = section.verdict
            mark = {Verdict.PASS: T.LEGEND_PASS, Verdict.FAIL: T.LEGEND_FAIL}.get(
                verdict,  # type: ignore[arg-type]
                T.LEGEND_UNDECIDED,
            )
            classes += {Verdict.PASS: " -pass", Verdict.FAIL: " -fail"}.get(
                verdict,  # type: ignore[arg-type]
                " -undecided",
            )
            text = text + "  " + Content.styled(f" {mark.upper()} ", "reverse")
        return Static(text, id=f"sec-{section.anchor}", classes=classes)

    def _line(
        self, section: Section, no: int, line: Line, terms: list[str], found: bool = False
    ) -> Static:
        classes = f"month-line -{line.kind.value}"
        if line.kind is Kind.GROUP:
            return Static(line.text, classes=classes)
        style = TONE_STYLE[line.tone]
        shown = line.display
        content = Content(shown)
        if line.kind in (Kind.FIELD, Kind.TEXT) and style:
            content = content.stylize(style)  # a result line: the whole line in its colour
        if line.label:
            label_style = f"{STYLE_LABEL} {style}".strip()
            content = content.stylize(label_style, 0, len(line.label) + 1)
            if line.kind is Kind.CHECK and line.tone is not Tone.PASS:
                content = content.stylize(style, len(line.label) + 1)
        for start, end in match_spans(shown, terms) if terms else ():
            content = content.stylize(STYLE_FOUND, start, end)
        if found:
            classes += " -found"
        if line.kind is Kind.ITEM:
            content = Content("• ") + content
        return Static(content, id=f"line-{section.anchor}-{no}", classes=classes)

    # -- actions ---------------------------------------------------------------

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_jump(self, number: int) -> None:
        self.action_jump_anchor(criterion_anchor(number))

    def action_jump_anchor(self, anchor: str) -> None:
        found = self.query(f"#sec-{anchor}")
        if found:
            self._scroll_later(found.first(), center=False)

    def _scroll_later(self, widget: Widget, center: bool) -> None:
        """Scroll to ``widget`` after the next layout (at once if already laid out)."""
        self._pending = (widget, center)
        if self.is_current:
            self.call_after_refresh(self._scroll_pending)

    def _scroll_pending(self) -> None:
        if self._pending is None:
            return
        widget, center = self._pending
        self._pending = None
        body = self.query_one(MonthBody)
        if center:
            body.scroll_to_center(widget, animate=False, immediate=True)
        else:
            body.scroll_to_widget(widget, top=True, animate=False, immediate=True)

    async def action_previous_month(self) -> None:
        await self._step(-1)

    async def action_next_month(self) -> None:
        await self._step(+1)

    async def _step(self, by: int) -> None:
        months = sorted(s.month for s in self.session.repo.summaries())
        if self.month not in months:
            return
        index = months.index(self.month) + by
        if not 0 <= index < len(months):
            self.notify(T.MONTH_FIRST if by < 0 else T.MONTH_LAST, timeout=3)
            return
        await self.show_month(months[index])

    def action_pack(self) -> None:
        if self.meeting is not None:
            self.chibo.export_pack(self.month)

    def action_export(self, kind: str, number: int | None = None) -> None:
        """Write the minutes, the report or the resolution in a worker; the notice names its
        number."""
        if self.meeting is None:
            return
        self.session.flush_edits()  # the document shows what is on screen
        month = self.month
        self.run_worker(
            lambda: self._export(DocumentKind(kind), month, number),
            name=f"export-{kind}",
            thread=True,
            exit_on_error=False,
        )

    def _export(self, kind: DocumentKind, month: str, number: int | None) -> None:
        self.session.wait_saved()
        try:
            done = self.session.export_numbered(kind, month=month, number=number)
        except Exception as exc:  # shown to the chair; the app keeps running
            self.app.call_from_thread(
                self.notify, C.EXPORT_FAILED.format(error=exc), severity="error", timeout=10
            )
            return
        self.app.call_from_thread(self.notify, done.notice, timeout=10)
        self.app.call_from_thread(self._show_numbers)

    def action_renumber(self) -> None:
        """Give the minutes another number (the chair's choice), then export them with it."""
        cell = self.session.cell
        if self.meeting is None or cell is None:
            return
        month = self.month
        mine = register.issued(cell, "minutes", month)
        prompt = R.RENUMBER_PROMPT.format(
            current=register.label(mine), free=register.next_free(cell, "BB", cell.term)
        )

        def check(text: str) -> str | None:
            if not text.isdigit():
                return R.NUMBER_INVALID.format(value=text or "…")
            try:  # on a copy: the register changes only when the export records it
                register.assign(
                    copy.deepcopy(cell), "minutes", month, self.session.clock(), int(text)
                )
            except register.NumberTaken as exc:
                return str(exc)
            return None

        def chosen(text: str | None) -> None:
            if text:
                self.action_export("minutes", int(text))

        title = R.RENUMBER_TITLE.format(month=month_label(month))
        self.app.push_screen(TextEntryDialog(title, prompt, check=check), chosen)

    def _show_numbers(self) -> None:
        """The numbers the month's documents were issued under ("Số 03-BB/CB")."""
        cell = self.session.cell
        if cell is None or self.meeting is None:
            self.query_one("#month-numbers", Static).update("")
            return
        self.query_one("#month-numbers", Static).update(
            R.MONTH_NUMBERS.format(
                minutes=register.label(register.issued(cell, "minutes", self.month)),
                report=register.label(register.issued(cell, "report", self.month)),
            )
        )

    def action_edit_meeting(self) -> None:
        self.chibo.open_meeting(self.month)
