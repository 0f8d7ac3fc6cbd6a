"""The four criteria and their sub-criteria: edit, add, remove, reorder, reset, import.

Changes reach the meetings not yet finalised (``lifecycle.sync_criteria`` keeps
the marks of unchanged lines); a finalised meeting keeps the copy it was judged
against. The sample label stays on screen while the set is the shipped sample.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import Label, OptionList, Static, Tab, Tabs
from textual.widgets.option_list import Option

from ..dialogs.confirm import ConfirmDialog
from ..dialogs.import_source import ImportSourceDialog
from ..dialogs.text_entry import TextEntryDialog
from ..domain.criteria import SAMPLE_LABEL, CriteriaError, parse_criteria, sample_criteria
from ..domain.lifecycle import sync_criteria
from ..domain.model import Criterion, SubCriterion
from ..domain.vietnamese import fold, month_label, vn_letter
from ..text import score_sheet as S
from ..text import setup as T
from ..widgets.footer import KeyFooter
from .score_sheet import ScoreSheetScreen
from .setup import SetupScreen

CRITERIA_COUNT = 4


class CriteriaScreen(SetupScreen):
    """One criterion at a time (← → or 1–4), its sub-criteria as a list."""

    PAGE: ClassVar[str] = "criteria"
    DYNAMIC_ACTIONS = (("edit", ()), ("remove", ()), ("move", (-1,)), ("move", (1,)))

    BINDINGS = [
        *(
            Binding(str(n), f"go({n})", T.CRITERION_TAB.format(n=n), show=False, id=f"criteria-{n}")
            for n in range(1, CRITERIA_COUNT + 1)
        ),
        Binding("a", "add", T.KEY_ADD_SUB, tooltip=T.KEY_ADD_SUB_HELP, id="criteria-add"),
        Binding("e", "edit", T.KEY_EDIT_SUB, tooltip=T.KEY_EDIT_SUB_HELP, id="criteria-edit"),
        Binding(
            "x,delete",
            "remove",
            T.KEY_REMOVE_SUB,
            tooltip=T.KEY_REMOVE_SUB_HELP,
            id="criteria-remove",
        ),
        Binding(
            "shift+up,ctrl+up",
            "move(-1)",
            T.KEY_UP,
            tooltip=T.KEY_UP_HELP,
            id="criteria-up",
            key_display="⇧↑",
        ),
        Binding(
            "shift+down,ctrl+down",
            "move(1)",
            T.KEY_DOWN,
            tooltip=T.KEY_DOWN_HELP,
            id="criteria-down",
            key_display="⇧↓",
        ),
        Binding("t", "rename", T.KEY_RENAME, tooltip=T.KEY_RENAME_HELP, id="criteria-rename"),
        Binding("r", "reset", T.KEY_RESET, tooltip=T.KEY_RESET_HELP, id="criteria-reset"),
        Binding(
            "i",
            "import_toml",
            T.KEY_IMPORT_TOML,
            tooltip=T.KEY_IMPORT_TOML_HELP,
            id="criteria-import",
        ),
        Binding(
            "p",
            "score_sheet",
            S.KEY_OPEN,
            tooltip=S.KEY_OPEN_HELP,
            id="criteria-score-sheet",
        ),
        Binding(
            "left",
            "show(-1)",
            T.KEY_PREV_CRITERION,
            tooltip=T.KEY_PREV_CRITERION_HELP,
            id="criteria-prev",
            key_display="←",
            priority=True,
        ),
        Binding(
            "right",
            "show(1)",
            T.KEY_NEXT_CRITERION,
            tooltip=T.KEY_NEXT_CRITERION_HELP,
            id="criteria-next",
            key_display="→",
            priority=True,
        ),
        Binding("ctrl+n", "step(1)", T.KEY_DONE, tooltip=T.KEY_DONE_HELP, id="setup-done"),
    ]

    current: reactive[int] = reactive(1, init=False)
    """The number (1–4) of the criterion shown."""

    def compose(self) -> ComposeResult:
        yield self.top_bar()
        yield from self.compose_step_hint()
        yield Static(id="criteria-sample", markup=False)
        tabs = Tabs(
            *(
                Tab(T.CRITERION_TAB.format(n=n), id=f"criterion-{n}")
                for n in range(1, CRITERIA_COUNT + 1)
            ),
            id="criteria-tabs",
        )
        tabs.can_focus = False
        yield tabs
        yield Label(id="criteria-title")
        yield OptionList(id="criteria-subs")
        yield Static(T.CRITERIA_EMPTY, id="criteria-empty", markup=False)
        yield Static(T.CRITERIA_KEYS, id="criteria-keys", classes="hint", markup=False)
        yield Static(id="criteria-applies", classes="hint", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        super().on_mount()
        if len(self.cell.criteria) != CRITERIA_COUNT:
            # A cell saved before it had criteria: start from the sample.
            self.cell.criteria = sample_criteria()
            self.cell.criteria_is_sample = True
        self.refresh_view()
        self.show_applies()
        self.query_one(OptionList).focus()

    # -- what is shown -----------------------------------------------------------

    @property
    def criterion(self) -> Criterion:
        return self.cell.criteria[self.current - 1]

    def refresh_view(self, highlight: int | None = None) -> None:
        """Redraw the sample label, the tabs, the title and the list."""
        sample = self.query_one("#criteria-sample", Static)
        if self.cell.criteria_is_sample:
            sample.update(f"{SAMPLE_LABEL}. {T.CRITERIA_SAMPLE_NOTE}")
            sample.set_class(True, "-sample")
        else:
            sample.update(T.CRITERIA_EDITED_NOTE)
            sample.set_class(False, "-sample")
        self.query_one(Tabs).active = f"criterion-{self.current}"
        criterion = self.criterion
        self.query_one("#criteria-title", Label).update(f"{criterion.number}. {criterion.title}")
        subs = self.query_one(OptionList)
        keep = subs.highlighted if highlight is None else highlight
        subs.clear_options()
        subs.add_options(
            Option(f"{vn_letter(i)}) {sub.text}", id=str(i))
            for i, sub in enumerate(criterion.sub_criteria)
        )
        count = len(criterion.sub_criteria)
        if count:
            subs.highlighted = min(keep or 0, count - 1)
        subs.display = bool(count)
        self.query_one("#criteria-empty").display = not count
        self.update_bindings()

    def show_applies(self) -> None:
        months = [month_label(m.month) for m in self.session.drafts()]
        text = (
            T.CRITERIA_APPLIES.format(months=", ".join(months))
            if months
            else T.CRITERIA_APPLIES_NONE
        )
        self.query_one("#criteria-applies", Static).update(text)

    def watch_current(self) -> None:
        self.refresh_view(highlight=0)

    @on(Tabs.TabActivated, "#criteria-tabs")
    def _tab_clicked(self, event: Tabs.TabActivated) -> None:
        if event.tab.id:
            self.current = int(event.tab.id.rsplit("-", 1)[1])

    def action_show(self, delta: int) -> None:
        self.current = (self.current - 1 + delta) % CRITERIA_COUNT + 1

    def action_go(self, number: int) -> None:
        self.current = number

    def highlighted(self) -> int | None:
        subs = self.query_one(OptionList)
        if not self.criterion.sub_criteria:
            return None
        return subs.highlighted

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "remove", "move"):
            index = self.highlighted()
            if index is None:
                return None
            if action == "move":
                target = index + int(str(parameters[0]))
                return 0 <= target < len(self.criterion.sub_criteria) or None
            return True
        return super().check_action(action, parameters)

    @on(OptionList.OptionHighlighted)
    def _moved(self) -> None:
        self.update_bindings()

    @on(OptionList.OptionSelected)
    def _chosen(self) -> None:
        self.action_edit()

    # -- changes -------------------------------------------------------------------

    def criteria_changed(self, highlight: int | None = None, sample: bool = False) -> None:
        """Save, carry into the draft meetings, redraw."""
        self.cell.criteria_is_sample = sample
        self.apply_to_drafts(sync_criteria)
        self.refresh_view(highlight)
        self.show_applies()

    def _check_sub(self, skip: int | None) -> Callable[[str], str | None]:
        existing = {fold(s.text) for i, s in enumerate(self.criterion.sub_criteria) if i != skip}
        number = self.current

        def check(text: str) -> str | None:
            if not text:
                return T.SUB_REQUIRED
            if fold(text) in existing:
                return T.SUB_DUPLICATE.format(n=number)
            return None

        return check

    def action_add(self) -> None:
        index = self.highlighted()
        position = len(self.criterion.sub_criteria) if index is None else index + 1
        criterion = self.criterion

        def add(text: str | None) -> None:
            if text:
                criterion.sub_criteria.insert(position, SubCriterion(text))
                self.criteria_changed(highlight=position)

        self.app.push_screen(
            TextEntryDialog(
                T.SUB_ADD_TITLE.format(n=self.current),
                T.SUB_PROMPT,
                check=self._check_sub(None),
            ),
            add,
        )

    def action_edit(self) -> None:
        index = self.highlighted()
        if index is None:
            return
        sub = self.criterion.sub_criteria[index]

        def edit(text: str | None) -> None:
            if text and text != sub.text:
                sub.text = text
                self.criteria_changed(highlight=index)

        self.app.push_screen(
            TextEntryDialog(
                T.SUB_EDIT_TITLE.format(n=self.current),
                T.SUB_PROMPT,
                sub.text,
                check=self._check_sub(index),
            ),
            edit,
        )

    @work(exclusive=True, group="criteria-change")
    async def action_remove(self) -> None:
        index = self.highlighted()
        if index is None:
            return
        criterion = self.criterion
        sub = criterion.sub_criteria[index]
        question = T.SUB_REMOVE_QUESTION.format(text=sub.text, n=criterion.number)
        if await self.app.push_screen_wait(ConfirmDialog(question, yes=T.SUB_REMOVE_YES)):
            criterion.sub_criteria.remove(sub)
            self.criteria_changed(highlight=max(0, index - 1) if index else 0)

    def action_move(self, delta: int) -> None:
        index = self.highlighted()
        subs = self.criterion.sub_criteria
        if index is None or not 0 <= index + delta < len(subs):
            return
        subs[index], subs[index + delta] = subs[index + delta], subs[index]
        self.criteria_changed(highlight=index + delta)

    def action_rename(self) -> None:
        criterion = self.criterion

        def rename(text: str | None) -> None:
            if text and text != criterion.title:
                criterion.title = text
                self.criteria_changed()

        self.app.push_screen(
            TextEntryDialog(
                T.TITLE_EDIT.format(n=criterion.number),
                T.TITLE_PROMPT,
                criterion.title,
                check=lambda text: None if text else T.TITLE_REQUIRED,
            ),
            rename,
        )

    def action_score_sheet(self) -> None:
        """The meeting-quality score sheet lives beside the criteria it complements."""
        self.session.flush_edits()
        self.app.push_screen(ScoreSheetScreen())

    @work(exclusive=True, group="criteria-change")
    async def action_reset(self) -> None:
        if await self.app.push_screen_wait(ConfirmDialog(T.RESET_QUESTION, yes=T.RESET_YES)):
            self.cell.criteria = sample_criteria()
            self.criteria_changed(highlight=0, sample=True)
            self.notify(T.RESET_DONE)

    @work(exclusive=True, group="criteria-change")
    async def action_import_toml(self) -> None:
        source = await self.app.push_screen_wait(
            ImportSourceDialog(
                T.TOML_TITLE, T.TOML_PATH, T.TOML_FORMAT, start=Path.cwd(), suffixes=(".toml",)
            )
        )
        if source is None:
            return
        try:
            criteria = parse_criteria(source.data.decode("utf-8-sig"))
        except (UnicodeDecodeError, CriteriaError) as exc:
            self.notify(
                T.TOML_FAILED.format(path=source.label, error=exc), severity="error", timeout=10
            )
            return
        count = sum(len(c.sub_criteria) for c in criteria)
        question = T.TOML_QUESTION.format(path=source.label, count=count)
        if await self.app.push_screen_wait(ConfirmDialog(question, yes=T.TOML_YES)):
            self.cell.criteria = criteria
            self.criteria_changed(highlight=0)
            self.notify(T.TOML_DONE.format(path=source.label))
