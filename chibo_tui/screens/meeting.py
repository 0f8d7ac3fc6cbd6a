"""The live meeting: one screen, a step list on the left, one step's form at a time.

The session owns the Meeting being edited; every pane writes into it and posts
``MeetingPane.Changed``; the session finds the change at its next autosave tick.
The step and field in focus are part of the meeting (``meeting.resume``), so
starting chibo again after a crash lands where the chair was typing.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import AwaitMount
from textual.widgets import ContentSwitcher, Label, OptionList
from textual.widgets.option_list import Option

from ..dialogs.confirm import ConfirmDialog
from ..dialogs.text_entry import TextEntryDialog, required
from ..domain import rules, scoresheet
from ..domain.model import Meeting, RemedyStatus, ResolutionForm
from ..domain.timefmt import clock
from ..domain.vietnamese import month_label
from ..session import DocumentKind
from ..text import meeting as T
from ..text import resolution as RES
from ..text import score_sheet as SC
from ..widgets.attendance import AttendancePane
from ..widgets.closing import ClosePane, ConclusionPane
from ..widgets.criterion import CriterionPane
from ..widgets.followups import FollowUpPane
from ..widgets.footer import KeyFooter
from ..widgets.opening import OpeningPane
from ..widgets.pane import MeetingPane
from ..widgets.resolution import ResolutionPane
from ..widgets.scoring import ScorePane
from ..widgets.task_reviews import TaskReviewPane
from ..widgets.tasks import TasksPane
from ..widgets.topbar import TopBar
from .base import ChiboScreen

STEPS = list(T.STEPS)
COMPACT_TOPBAR = 100
"""Below this width the top bar leaves the month out of the meeting's context."""
TINY_TOPBAR = 72
"""Below this width only "Bước 3/13" (or "Tiêu chí 2/4") is left: the step's name
would be cut to a few letters beside the clock and the save time."""


class MeetingScreen(ChiboScreen[None]):
    """Run the monthly meeting of ``month`` (``YYYY-MM``) step by step."""

    CSS_PATH = "meeting.tcss"
    AUTO_FOCUS = None  # the step's pane focuses the field the chair was in
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding(
            "f4", "step(1)", T.KEY_NEXT, tooltip=T.KEY_NEXT_HELP, id="meeting-next", priority=True
        ),
        Binding(
            "f3", "step(-1)", T.KEY_PREV, tooltip=T.KEY_PREV_HELP, id="meeting-prev", priority=True
        ),
        Binding(
            "ctrl+s", "save", T.KEY_SAVE, tooltip=T.KEY_SAVE_HELP, id="meeting-save", priority=True
        ),
        Binding(
            "f9",
            "export('minutes')",
            T.KEY_EXPORT_MINUTES,
            tooltip=T.KEY_EXPORT_MINUTES_HELP,
            id="meeting-export-minutes",
        ),
        Binding(
            "f10",
            "export('report')",
            T.KEY_EXPORT_REPORT,
            tooltip=T.KEY_EXPORT_REPORT_HELP,
            id="meeting-export-report",
        ),
        Binding(
            "f6", "export('resolution')", RES.KEY, tooltip=RES.KEY_HELP, id="meeting-resolution"
        ),
        Binding(
            "f12",
            "export('scorecard')",
            SC.KEY_EXPORT,
            tooltip=SC.KEY_EXPORT_HELP,
            id="meeting-scorecard",
        ),
        Binding("ctrl+o", "reopen", T.KEY_REOPEN, tooltip=T.KEY_REOPEN_HELP, id="meeting-reopen"),
        Binding("f2", "discard", T.KEY_DISCARD, tooltip=T.KEY_DISCARD_HELP, id="meeting-discard"),
        Binding("escape", "home", T.KEY_HOME, tooltip=T.KEY_HOME_HELP, id="meeting-home"),
    ]

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting
        self.month = meeting.month
        self._year_before: list[Meeting] | None = None
        self.cell = self.session.ensure_cell()
        self.step = meeting.resume.get("step", STEPS[0])
        if self.step not in STEPS:
            self.step = STEPS[0]

    # -- layout ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield self.top_bar()
        if self.meeting.is_final:
            at = self.meeting.finalised_at
            shown = at.strftime("%H:%M %d/%m/%Y") if at else ""
            yield Label(T.READ_ONLY_BANNER.format(at=shown), id="read-only-banner")
        with Horizontal(id="meeting-body"):
            yield OptionList(id="steps")
            with ContentSwitcher(initial=self.step, id="step-panes"):
                # Only the step in view is built; the others are mounted on first visit.
                yield self._make_pane(self.step, focus=self.meeting.resume.get("field", ""))
        yield KeyFooter()

    def _make_pane(self, step: str, focus: str | None = None, width: int = 0) -> MeetingPane:
        m, c = self.meeting, self.cell
        pane: MeetingPane
        if step.startswith("criterion-"):
            pane = CriterionPane(m, c, int(step[-1]))
        elif step == "scoring":
            pane = ScorePane(m, c, self.year_before())
        else:
            kind = {
                "opening": OpeningPane,
                "attendance": AttendancePane,
                "followups": FollowUpPane,
                "task-reviews": TaskReviewPane,
                "tasks": TasksPane,
                "conclusion": ConclusionPane,
                "resolution": ResolutionPane,
                "close": ClosePane,
            }[step]
            pane = kind(m, c, id=step)
        pane.focus_on_mount = focus
        pane.width_hint = width
        pane.clock = self.session.clock
        return pane

    def _pane(self, step: str) -> MeetingPane | None:
        found = self.query_one(ContentSwitcher).query_children(f"#{step}")
        return found.first(MeetingPane) if found else None

    def on_mount(self) -> None:
        self._labels = [self._step_label(step) for step in STEPS]
        steps = self.query_one("#steps", OptionList)
        for step, label in zip(STEPS, self._labels, strict=True):
            steps.add_option(Option(label, id=step))
        steps.highlighted = STEPS.index(self.step)
        self._update_context()
        self._tick()
        self.set_interval(1, self._tick, name="meeting-clock")

    def on_screen_resume(self) -> None:
        # Back from the roster or the criteria (F7, F8): the live meeting may have
        # been brought in line with them meanwhile.
        for pane in self.query_one(ContentSwitcher).query_children(MeetingPane):
            if pane.is_mounted:
                pane.refresh_view()
        self._refresh_steps()
        self._update_context()  # the resolution step's name follows the profile

    def on_unmount(self) -> None:
        # Frozen with the heap when it opened (ChiboApp.open_meeting): let it go.
        self.chibo.release_heap()

    def _tick(self) -> None:
        start = self.meeting.start_time
        if start is None:
            text = T.CLOCK_NOT_STARTED
        else:
            began = datetime.combine(self.meeting.date, start)
            end = self.meeting.end_time
            until = datetime.combine(self.meeting.date, end) if end else self.session.clock()
            text = T.CLOCK.format(elapsed=clock((until - began).total_seconds()))
        self.query_one(TopBar).set_extra(text)

    def _update_context(self) -> None:
        label = T.CONTEXT.format(month=month_label(self.month))
        index = STEPS.index(self.step)
        if self.step.startswith("criterion-"):
            where = T.PROGRESS.format(n=self.step[-1])
        else:
            step_of = T.STEP_OF.format(n=index + 1, total=len(STEPS))
            where = f"{self.step_name(self.step)} · {step_of}"
        # On a narrow terminal the step and the progress matter more than the month.
        width = self.size.width
        if width and width < TINY_TOPBAR:
            step_of = T.STEP_OF.format(n=index + 1, total=len(STEPS))
            where = (
                T.PROGRESS.format(n=self.step[-1])
                if self.step.startswith("criterion-")
                else step_of
            )
        compact = width and width < COMPACT_TOPBAR
        bar = self.query_one(TopBar)
        bar.set_class(bool(width) and width < TINY_TOPBAR, "-tiny")
        bar.context = where if compact else f"{label} · {where}"

    def on_resize(self) -> None:
        self._update_context()

    def _step_done(self, step: str) -> bool:
        m = self.meeting
        if step == "opening":
            return bool(m.start_time and m.chair and m.minute_taker)
        if step == "attendance":
            counts = rules.attendance_counts(m.attendance)
            return counts.expected > 0 and counts.unmarked == 0
        if step == "followups":
            return all(f.status is not RemedyStatus.OPEN or f.note for f in m.follow_ups)
        if step == "task-reviews":
            return all(r.status is not None for r in m.task_reviews)
        if step == "tasks":
            return bool(m.tasks) and not rules.task_problems(m)
        if step.startswith("criterion-"):
            review = m.review(int(step[-1]))
            counts = rules.attendance_counts(m.attendance)
            return review.vote is not None and rules.vote_validity(review.vote, counts.voters).value
        if step == "conclusion":
            return bool(m.conclusion.strip())
        if step == "resolution":
            if self.cell.resolution.form is ResolutionForm.NONE:
                return True
            vote = m.resolution_vote
            counts = rules.attendance_counts(m.attendance)
            return vote is not None and rules.vote_validity(vote, counts.voters).value
        if step == "scoring":
            if m.score is None:
                return False
            context = scoresheet.year_context(self.cell, m, self.year_before())
            return scoresheet.evaluate(m.score, m, context).unscored == 0
        return m.is_final

    def year_before(self) -> list[Meeting]:
        """The year's meetings before this one, read once (the score sheet counts over them)."""
        if self._year_before is None:
            self._year_before = self.session.earlier_this_year(self.month)
        return self._year_before

    def step_name(self, step: str) -> str:
        """The step's name; the resolution's says what the cell issues (profile, F6)."""
        if step == "resolution":
            return T.RESOLUTION_STEP[self.cell.resolution.form.value]
        return T.STEPS[step]

    def _step_label(self, step: str) -> str:
        return f"{'✔' if self._step_done(step) else '·'} {self.step_name(step)}"

    def _refresh_steps(self) -> None:
        """Update the step labels that changed (this runs on every keystroke)."""
        steps = self.query_one("#steps", OptionList)
        for index, step in enumerate(STEPS):
            label = self._step_label(step)
            if label != self._labels[index]:
                self._labels[index] = label
                steps.replace_option_prompt_at_index(index, label)

    # -- navigation --------------------------------------------------------------

    def go_to(self, step: str, focus: bool = True) -> AwaitMount:
        """Show ``step``; the result can be awaited until its form is up and focused."""
        self.step = step
        switcher = self.query_one(ContentSwitcher)
        pane = self._pane(step)
        mounted = AwaitMount(switcher, [])
        if pane is None:
            shown = switcher.visible_content
            width = shown.scrollable_content_region.width if shown is not None else 0
            if focus:
                # Keys typed while the step is being built wait for its first field,
                # instead of landing in the hidden field of the step left behind.
                hold = self.chibo.hold_keys()
                mounted = switcher.mount(self._make_pane(step, focus="", width=width))
                self.call_later(self._release_keys, mounted, hold)
            else:
                mounted = switcher.mount(self._make_pane(step, focus=None, width=width))
            self.call_later(self._settle_heap, mounted)
        elif pane.is_mounted:
            pane.refresh_view()
        switcher.current = step
        if focus and pane is not None and pane.is_mounted:
            # Once shown: focusing a field of the hidden pane let the focus repaint
            # come before the layout, and a half-drawn step was painted first
            # (content whole after 83 ms instead of 35, median of 7).
            pane.focus_field("")
        self.query_one("#steps", OptionList).highlighted = STEPS.index(step)
        self._update_context()
        self._remember(step, "")
        return mounted

    async def _settle_heap(self, mounted: AwaitMount) -> None:
        """Once a new step's form is up and painted, what building it left is collected
        and the rest frozen (:func:`heap.settle`): not later, while the chair types."""
        await mounted
        self.call_after_refresh(self.chibo.settle_heap)

    async def _release_keys(self, mounted: AwaitMount, hold: int) -> None:
        try:
            await mounted
        finally:
            # Through the app's own queue, behind every key it has already taken.
            self.app.call_later(self.chibo.release_keys, hold)

    def action_step(self, delta: int) -> None:
        index = min(max(STEPS.index(self.step) + delta, 0), len(STEPS) - 1)
        self.go_to(STEPS[index])

    @on(OptionList.OptionSelected, "#steps")
    def _step_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.go_to(event.option.id)

    def _remember(self, step: str, field: str) -> None:
        """Where the chair is, kept with the meeting so a restart lands there."""
        resume = {"step": step, "field": field}
        if self.meeting.resume != resume and not self.meeting.is_final:
            self.meeting.resume = resume

    def on_descendant_focus(self, event: object) -> None:
        focused = self.focused
        if focused is None:
            return
        pane = next((a for a in focused.ancestors if isinstance(a, MeetingPane)), None)
        if pane is None or pane.id != self.step:
            return
        field = pane.field_id(focused)
        if field is not None:
            self._remember(self.step, field)

    # -- changes -------------------------------------------------------------------

    @on(MeetingPane.Changed)
    def _changed(self) -> None:
        self._refresh_steps()
        self._tick()
        if self.step == "close":
            close = self._pane("close")
            if close is not None and close.is_mounted:
                close.refresh_view()

    def action_save(self) -> None:
        self.session.flush_edits()

    def action_export(self, kind: str) -> None:
        self.chibo.export_document(DocumentKind(kind), month=self.month)

    def action_home(self) -> None:
        self.session.flush_edits()
        self.dismiss()

    # -- finalise and reopen ------------------------------------------------------------

    @on(ClosePane.FinaliseRequested)
    def _finalise_requested(self, event: ClosePane.FinaliseRequested) -> None:
        if rules.votes_block_finalising(self.meeting):
            self.notify(T.FINALISE_BLOCKED, severity="error")
            return
        label = month_label(self.month)
        problems = rules.closing_problems(
            self.meeting, self.cell.rules, self.session.clock(), self.cell.resolution.form
        )
        if problems:
            if not event.override:
                return

            def with_reason(reason: str | None) -> None:
                if reason:
                    self._finalise(reason)

            prompt = T.OVERRIDE_PROMPT.format(n=len(problems))
            self.app.push_screen(
                TextEntryDialog(T.OVERRIDE_TITLE, prompt, check=required), with_reason
            )
            return

        def confirmed(ok: bool | None) -> None:
            if ok:
                self._finalise("")

        self.app.push_screen(ConfirmDialog(T.FINALISE_CONFIRM.format(month=label)), confirmed)

    def _finalise(self, override_reason: str) -> None:
        self.session.finalise(self.meeting, override_reason)
        self.notify(T.FINALISED.format(month=month_label(self.month)))
        self.app.switch_screen(MeetingScreen(self.meeting))

    def action_reopen(self) -> None:
        label = month_label(self.month)

        def with_reason(reason: str | None) -> None:
            if not reason:
                return
            self.session.reopen(self.meeting, reason)
            self.notify(T.REOPENED.format(month=label))
            self.app.switch_screen(MeetingScreen(self.meeting))

        prompt = T.REOPEN_PROMPT.format(month=label)
        self.app.push_screen(TextEntryDialog(T.REOPEN_TITLE, prompt, check=required), with_reason)

    def action_discard(self) -> None:
        label = month_label(self.month)

        def confirmed(ok: bool | None) -> None:
            if ok:
                self._discard()

        self.app.push_screen(ConfirmDialog(T.DISCARD_CONFIRM.format(month=label)), confirmed)

    @work(thread=True, exclusive=True, exit_on_error=False, group="discard")
    def _discard(self) -> None:
        label = month_label(self.month)
        try:
            backup = self.session.discard(self.month)
        except Exception as exc:  # shown to the chair; the draft stays
            self.app.call_from_thread(
                self.notify, T.DISCARD_FAILED.format(error=exc), severity="error"
            )
            return
        self.app.call_from_thread(self.notify, T.DISCARDED.format(month=label, backup=backup))
        self.app.call_from_thread(self.dismiss)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reopen":
            return self.meeting.is_final
        if action == "discard":
            return not self.meeting.is_final
        return True

    # -- command palette -----------------------------------------------------------

    def commands(self) -> Iterable[SystemCommand]:
        """Jump to any step from the palette."""
        for step in STEPS:
            name = self.step_name(step)
            yield SystemCommand(
                T.GOTO.format(step=name),
                T.GOTO_HELP.format(step=name),
                lambda step=step: self.go_to(step),
            )
