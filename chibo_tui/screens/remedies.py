"""Remedies across all months: owner, due date, status, month raised; overdue first.

Tracking a remedy needs every meeting (its follow-ups are in later months), so
the list is loaded by a worker from the shared history snapshot.
"""

from __future__ import annotations

from datetime import date

from textual.binding import Binding
from textual.content import Content
from textual.widgets.option_list import Option

from ..domain.model import RemedyStatus
from ..domain.remedies import STATUS_TEXT, TrackedRemedy
from ..domain.vietnamese import month_label
from ..text import history as T
from ..views.month_text import criterion_anchor, show_date
from ..views.remedy_view import StatusFilter, filter_remedies, owners, totals
from ..views.snapshot import HistorySnapshot
from ..widgets.verdict_marks import (
    STYLE_DRAFT,
    STYLE_MUTED,
    STYLE_OVERDUE,
    STYLE_PASS,
)
from .tracked_list import TrackedListScreen

STATUS_STYLE = {
    RemedyStatus.OPEN: STYLE_OVERDUE,
    RemedyStatus.IN_PROGRESS: STYLE_DRAFT,
    RemedyStatus.DONE: STYLE_PASS,
}


def overdue_badge() -> Content:
    return Content.styled(f" {T.REMEDIES_OVERDUE.upper()} ", f"reverse {STYLE_OVERDUE}")


class RemediesScreen(TrackedListScreen[TrackedRemedy]):
    """Every remedy with its latest status; filter by status (S) and owner (P)."""

    AUTO_FOCUS = "#remedies-list"
    PREFIX = "remedies"
    CONTEXT = T.REMEDIES_CONTEXT
    LOADING = T.REMEDIES_LOADING
    STATE_LABEL = T.REMEDIES_STATUS
    OWNER_LABEL = T.REMEDIES_OWNER
    BINDINGS = [
        Binding("escape", "back", T.KEY_BACK, tooltip=T.KEY_BACK_HELP, id="remedies-back"),
        Binding(
            "s",
            "cycle_status",
            T.KEY_STATUS_FILTER,
            tooltip=T.KEY_STATUS_FILTER_HELP,
            id="remedies-status",
        ),
        Binding(
            "p",
            "pick_owner",
            T.KEY_OWNER_FILTER,
            tooltip=T.KEY_OWNER_FILTER_HELP,
            id="remedies-owner",
        ),
    ]

    def __init__(self, status: StatusFilter = StatusFilter.UNRESOLVED) -> None:
        super().__init__()
        self.status = status

    def tracked(self, snapshot: HistorySnapshot) -> list[TrackedRemedy]:
        return snapshot.remedies

    def owner_names(self, items: list[TrackedRemedy]) -> list[str]:
        return owners(items)

    def state_text(self) -> str:
        return T.STATUS_FILTERS[self.status]

    def next_state(self) -> None:
        self.status = self.status.next()

    def filtered(self, items: list[TrackedRemedy], today: date) -> list[TrackedRemedy]:
        return filter_remedies(items, self.status, self.owner, today)

    def count_text(self, items: list[TrackedRemedy], today: date) -> str:
        all_totals = totals(items, today)
        if not items:
            return T.REMEDIES_EMPTY
        if not self.shown and self.status is StatusFilter.UNRESOLVED and self.owner is None:
            return T.REMEDIES_ALL_DONE.format(total=all_totals.raised)
        if not self.shown:
            return T.REMEDIES_NONE_MATCH
        return T.REMEDIES_COUNT.format(
            shown=len(self.shown),
            total=all_totals.raised,
            open=all_totals.unresolved,
            overdue=all_totals.overdue,
        )

    def option(self, index: int, item: TrackedRemedy, today: date) -> Option:
        remedy = item.remedy
        overdue = item.overdue(today)
        due = show_date(remedy.due) or T.NO_DUE
        status = Content.styled(STATUS_TEXT[item.status], STATUS_STYLE[item.status])
        details = [
            Content.styled(
                f"{month_label(item.source_month)} · {T.YEAR_CRITERION_TITLE.format(n=item.criterion)}",
                STYLE_MUTED,
            ),
            Content(f"{T.REMEDIES_COL_OWNER}: {remedy.owner or T.NO_OWNER}"),
            Content.styled(f"{T.REMEDIES_COL_DUE} {due}", STYLE_OVERDUE if overdue else ""),
            status,
        ]
        if overdue:
            details.append(overdue_badge())
        if item.updated_month:
            details.append(
                Content.styled(
                    T.REMEDIES_UPDATED.format(month=month_label(item.updated_month)), STYLE_MUTED
                )
            )
        text = Content(remedy.text)
        if item.note:
            text += Content.styled(f" — {item.note}", STYLE_MUTED)
        prompt = Content("\n").join([text, Content(" · ").join(details)])
        return Option(prompt, id=str(index))

    def open_item(self, item: TrackedRemedy) -> None:
        from .month import MonthScreen

        anchor = criterion_anchor(item.criterion)
        self.app.push_screen(MonthScreen(item.source_month, anchor=anchor, find=item.remedy.text))
