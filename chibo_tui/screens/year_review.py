"""The year's self-review: what the records say, what the chair writes, the level checked.

The records are read in a worker (every meeting of the history is needed, for
the carry-overs); the chair's text and scores live in the cell's ``YearReview``
and are saved by the session within a second, like any edit.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Select, Static, TextArea

from ..dialogs.confirm import ConfirmDialog
from ..domain import year_review as Y
from ..domain.model import RemedyStatus, ReviewRating, YearReview
from ..domain.remedies import STATUS_TEXT
from ..domain.vietnamese import month_label
from ..session import DocumentKind
from ..text import year_review as T
from ..widgets.footer import KeyFooter
from ..widgets.topbar import TopBar
from .base import ChiboScreen


class YearReviewScreen(ChiboScreen[None]):
    CSS_PATH = ["history_list.tcss", "history.tcss"]
    AUTO_FOCUS = "#review-principles"
    BINDINGS = [
        Binding("escape", "back", T.KEY_BACK, tooltip=T.KEY_BACK_HELP, id="review-back"),
        Binding("f9", "export", T.KEY_EXPORT, tooltip=T.KEY_EXPORT_HELP, id="review-export"),
        Binding("ctrl+t", "adopt", T.KEY_ADOPT, tooltip=T.KEY_ADOPT_HELP, id="review-adopt"),
    ]

    def __init__(self, year: int) -> None:
        super().__init__()
        self.year = year
        self.facts: Y.YearFacts | None = None

    @property
    def review(self) -> YearReview:
        cell = self.session.ensure_cell()
        found = cell.year_review(self.year)
        if found is None:
            found = YearReview(self.year)
            cell.year_reviews.append(found)
        return found

    def compose(self) -> ComposeResult:
        review = self.review
        yield self.top_bar()
        with VerticalScroll(id="year-review"):
            yield Label(T.TITLE.format(year=self.year), classes="pane-title")
            yield Static(T.REMINDER, classes="hint", markup=False)
            yield Label(T.FACTS_TITLE, classes="section-title")
            yield Static(T.LOADING, id="review-facts", markup=False)
            yield Label(T.WRITE_TITLE, classes="section-title")
            for field, label in T.FIELDS.items():
                yield Label(label)
                area = TextArea(getattr(review, field), id=f"review-{field}", compact=True)
                yield area.add_class("review-note")
            yield Label(T.SCORES_TITLE, classes="section-title")
            with Horizontal(classes="row"):
                yield Label(T.GENERAL)
                yield Input(_shown(review.general_score), id="review-general-score", compact=True)
                yield Label(T.RESULTS)
                yield Input(_shown(review.results_score), id="review-results-score", compact=True)
            yield Label("", id="review-score-error", classes="error-text")
            yield Label("", id="review-total")
            yield Label(T.PROPOSED_TITLE, classes="section-title")
            yield Select(
                [(label, level.value) for level, label in Y.RATING_TEXT.items()],
                prompt=T.PROPOSED_NONE,
                value=review.proposed.value if review.proposed else Select.NULL,
                id="review-proposed",
                compact=True,
            )
            yield Label(T.CONDITIONS_TITLE, classes="section-title")
            yield Static(T.CONDITIONS_NONE, id="review-conditions", markup=False)
            yield Label("", id="review-adopted")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(TopBar).context = T.TITLE.format(year=self.year)
        self._refresh()
        self._load()

    @work(thread=True, exclusive=True, group="year-review")
    def _load(self) -> None:
        history = self.session.history()
        facts = Y.year_facts(self.session.ensure_cell(), history.meetings, self.year)
        self.app.call_from_thread(self._loaded, facts)

    def _loaded(self, facts: Y.YearFacts) -> None:
        self.facts = facts
        self.query_one("#review-facts", Static).update(_facts_text(facts))
        self._refresh()

    # -- the chair's part --------------------------------------------------------

    @on(TextArea.Changed, ".review-note")
    def _note(self, event: TextArea.Changed) -> None:
        field = (event.text_area.id or "").removeprefix("review-")
        if field in T.FIELDS and getattr(self.review, field) != event.text_area.text:
            setattr(self.review, field, event.text_area.text)

    @on(Input.Changed, "#review-general-score, #review-results-score")
    def _score(self, event: Input.Changed) -> None:
        error = self.query_one("#review-score-error", Label)
        raw = event.value.strip()
        value: int | None = None
        if raw:
            try:
                value = int(raw)
            except ValueError:
                error.update(T.NOT_A_NUMBER.format(value=raw))
                return
        general = value if event.input.id == "review-general-score" else self.review.general_score
        results = value if event.input.id == "review-results-score" else self.review.results_score
        try:
            Y.check_scores(general, results)
        except Y.ScoreOutOfRange as exc:
            error.update(str(exc))
            return
        error.update("")
        self.review.general_score, self.review.results_score = general, results
        self._refresh()

    @on(Select.Changed, "#review-proposed")
    def _proposed(self, event: Select.Changed) -> None:
        value = event.value
        self.review.proposed = None if value is Select.NULL else ReviewRating(str(value))
        self._refresh()

    def _refresh(self) -> None:
        review = self.review
        total = Y.total(review)
        self.query_one("#review-total", Label).update(
            T.TOTAL.format(total=total) if total is not None else T.TOTAL_NONE
        )
        self.query_one("#review-adopted", Label).update(
            T.ADOPTED if review.adopted else T.NOT_ADOPTED
        )
        conditions = self.query_one("#review-conditions", Static)
        if self.facts is None:
            return
        checks = Y.conditions(review, self.facts)
        conditions.update(_conditions_text(checks) if checks else T.CONDITIONS_NONE)

    # -- keys ----------------------------------------------------------------------

    def action_back(self) -> None:
        self.session.flush_edits()
        self.dismiss()

    def action_export(self) -> None:
        self.chibo.export_document(DocumentKind.REVIEW, year=self.year)

    @work(exclusive=True, group="year-review-adopt")
    async def action_adopt(self) -> None:
        review = self.review
        if not review.adopted:
            question = T.ADOPT_QUESTION.format(year=self.year)
            if not await self.app.push_screen_wait(ConfirmDialog(question, yes=T.ADOPT_YES)):
                return
        review.adopted = not review.adopted
        self.session.flush_edits()
        self._refresh()


def _shown(value: int | None) -> str:
    return "" if value is None else str(value)


def _facts_text(facts: Y.YearFacts) -> str:
    drafts = (
        T.FACT_DRAFTS.format(months=", ".join(month_label(m) for m in facts.drafts))
        if facts.drafts
        else ""
    )
    quarters = ", ".join(f"quý {q}: {n}" for q, n in facts.thematic_by_quarter().items())
    t = facts.tasks
    lines = [
        T.FACT_HELD.format(held=facts.held, drafts=drafts),
        T.FACT_THEMATIC.format(quarters=quarters),
        T.FACT_TASKS.format(
            set=t.set,
            done=len(t.done),
            on_time=len(t.on_time),
            late=len(t.late),
            unfinished=len(t.unfinished),
            waiting=len(t.not_reviewed),
        ),
        T.FACT_SHORTCOMINGS.format(n=len(facts.shortcomings)),
    ]
    if facts.previous:
        tally = {s: sum(r.status is s for r in facts.previous) for s in RemedyStatus}
        detail = ", ".join(f"{STATUS_TEXT[s]} {n}" for s, n in tally.items() if n)
        lines.append(T.FACT_PREVIOUS.format(n=len(facts.previous), detail=detail))
    else:
        lines.append(T.FACT_PREVIOUS_NONE)
    ratings = {k: v for k, v in facts.ratings().items() if v}
    lines.append(
        T.FACT_RATINGS.format(ratings=", ".join(f"{k} {v} tháng" for k, v in ratings.items()))
        if ratings
        else T.FACT_RATINGS_NONE
    )
    return "\n".join(lines)


def _conditions_text(checks: list[Y.Condition]) -> str:
    out = []
    for check in checks:
        mark = T.UNKNOWN if check.met is None else T.MET if check.met else T.FAILED
        out.append(f"{mark} {check.text}")
        if check.met is None and not check.evidence:
            out.append(f"    {T.UNKNOWN_NOTE}")
        out += [f"    · {line}" for line in check.evidence[:8]]
        if len(check.evidence) > 8:
            out.append(f"    · … và {len(check.evidence) - 8} mục khác")
    return "\n".join(out)
