"""The roster: members in Vietnamese name order; add, edit, leave, restore, import.

A member who leaves is marked ``removed`` and never deleted: past meetings keep
their name. Every change reaches the meetings not yet finalised (their roll
call follows the roster), and a change that would leave such a meeting
inconsistent — a member marked present who leaves — is explained first.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import DataTable, Static

from ..dialogs.confirm import ConfirmDialog
from ..dialogs.import_preview import ImportPreviewDialog
from ..dialogs.import_source import ImportSourceDialog
from ..dialogs.member_form import MemberDraft, MemberFormDialog, find_namesake
from ..domain import rules
from ..domain.lifecycle import sync_roster
from ..domain.model import Cell, Member, MemberStatus, Presence, Role
from ..domain.roster import give_role, roster_order, vote_effects
from ..domain.roster_import import (
    UNIQUE_ROLES,
    RosterDecodeError,
    decode_roster,
    parse_roster,
    plan_import,
)
from ..domain.vietnamese import month_label, name_sort_key
from ..text import setup as T
from ..widgets.footer import KeyFooter
from .setup import SetupScreen

ROSTER_SUFFIXES = (".txt", ".csv", ".tsv")


class RosterScreen(SetupScreen):
    """The members of the cell, as a table."""

    PAGE: ClassVar[str] = "roster"
    DYNAMIC_ACTIONS = (("edit", ()), ("remove", ()), ("restore", ()))

    BINDINGS = [
        Binding("a", "add", T.KEY_ADD, tooltip=T.KEY_ADD_HELP, id="roster-add"),
        Binding("e", "edit", T.KEY_EDIT, tooltip=T.KEY_EDIT_HELP, id="roster-edit"),
        Binding("x,delete", "remove", T.KEY_REMOVE, tooltip=T.KEY_REMOVE_HELP, id="roster-remove"),
        Binding("i", "import", T.KEY_IMPORT, tooltip=T.KEY_IMPORT_HELP, id="roster-import"),
        Binding(
            "h",
            "toggle_removed",
            T.KEY_SHOW_REMOVED,
            tooltip=T.KEY_SHOW_REMOVED_HELP,
            id="roster-show-removed",
        ),
        Binding("r", "restore", T.KEY_RESTORE, tooltip=T.KEY_RESTORE_HELP, id="roster-restore"),
    ]

    show_removed: reactive[bool] = reactive(False)
    """Whether members who left the cell are listed too."""

    def compose(self) -> ComposeResult:
        yield self.top_bar()
        yield from self.compose_step_hint()
        yield Static(T.ROSTER_EMPTY, id="roster-empty")
        yield DataTable(id="roster-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="roster-summary", markup=False)
        yield Static(id="roster-issues", classes="warning-text", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one(DataTable)
        table.add_column(T.COL_NUMBER, key="number")
        table.add_column(T.COL_NAME, key="name")
        table.add_column(T.COL_STATUS, key="status")
        table.add_column(T.COL_EXEMPT, key="exempt")
        table.add_column(T.COL_ROLE, key="role")
        self.refresh_table()
        self.show_issues()
        table.focus()

    def on_screen_resume(self) -> None:
        self.refresh_table()

    # -- the table -------------------------------------------------------------

    def refresh_table(self, select: str | None = None) -> None:
        """Rebuild the rows, keeping the cursor on ``select`` or the current member."""
        table = self.query_one(DataTable)
        keep = select or self.selected_id()
        table.clear()
        listed = [m for m in roster_order(self.cell.members) if self.show_removed or not m.removed]
        number = 0
        for member in listed:
            if member.removed:
                label = "—"
            else:
                number += 1
                label = str(number)
            table.add_row(
                label,
                member.full_name,
                T.STATUS_NAMES[member.status.value],
                T.EXEMPT_MARK if member.exempt else "",
                T.REMOVED_MARK if member.removed else T.ROLE_NAMES[member.role.value],
                key=member.id,
            )
        if keep is not None and any(m.id == keep for m in listed):
            table.move_cursor(row=table.get_row_index(keep))
        has_rows = bool(listed)
        table.display = has_rows
        self.query_one("#roster-empty").display = not has_rows
        if has_rows and not table.has_focus and self.is_current:
            table.focus()
        self.query_one("#roster-summary", Static).update(self.summary())
        self.update_bindings()

    def summary(self) -> str:
        cell = self.cell
        active = cell.active_members()
        secretary = cell.with_role(Role.SECRETARY)
        deputy = cell.with_role(Role.DEPUTY)
        official = sum(m.status is MemberStatus.OFFICIAL for m in active)
        text = T.ROSTER_SUMMARY.format(
            total=len(active),
            official=official,
            probationary=len(active) - official,
            exempt=sum(m.exempt for m in active),
        )
        text += " · " + T.ROSTER_ROLES.format(
            secretary=secretary.full_name if secretary else T.NOBODY,
            deputy=deputy.full_name if deputy else T.NOBODY,
        )
        removed = len(cell.members) - len(active)
        if removed and not self.show_removed:
            text += T.ROSTER_REMOVED.format(n=removed)
        return text + "\n" + T.SORT_NOTE

    def selected_id(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        except Exception:  # no row under the cursor
            return None
        return key.value

    def selected(self) -> Member | None:
        member_id = self.selected_id()
        return self.cell.member(member_id) if member_id else None

    def watch_show_removed(self) -> None:
        if self.is_mounted:
            self.refresh_table()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "remove"):
            member = self.selected()
            return member is not None and not member.removed or None
        if action == "restore":
            if not self.show_removed:
                return False
            member = self.selected()
            return member is not None and member.removed or None
        return super().check_action(action, parameters)

    @on(DataTable.RowHighlighted)
    def _moved(self) -> None:
        self.update_bindings()

    @on(DataTable.RowSelected)
    def _row_chosen(self) -> None:
        member = self.selected()
        if member is not None and not member.removed:
            self.action_edit()

    # -- changes -----------------------------------------------------------------

    def roster_changed(self, select: str | None = None) -> None:
        """Sort, save, carry into draft meetings, redraw."""
        self.cell.members.sort(key=lambda m: name_sort_key(m.full_name))
        self.apply_to_drafts(sync_roster)
        self.refresh_table(select)
        self.show_issues()

    def effects_of(self, change: Callable[[Cell], object]) -> list[str]:
        """:func:`vote_effects` of ``change`` tried on a copy of the cell."""

        trial = copy.deepcopy(self.cell)
        change(trial)
        return vote_effects(self.session.drafts(), trial)

    async def confirm_effects(self, lines: list[str]) -> bool:
        """Ask before a change that moves recorded votes; ``True`` when none or agreed."""
        if not lines:
            return True
        question = T.VOTES_QUESTION.format(effects="\n".join(lines))
        answer: bool = await self.app.push_screen_wait(ConfirmDialog(question, yes=T.VOTES_YES))
        return answer

    def show_issues(self) -> None:
        """Draft meetings where someone who left is still marked present."""

        lines = []
        for meeting in self.session.drafts():
            names = rules.meeting_roster_issues(meeting, self.cell)
            if names:
                lines.append(
                    T.ROSTER_ISSUES.format(month=month_label(meeting.month), names=", ".join(names))
                )
        box = self.query_one("#roster-issues", Static)
        box.update("\n".join(lines))
        box.display = bool(lines)

    def action_add(self) -> None:
        self.app.push_screen(MemberFormDialog(self.cell.members, on_add=self.add_member))

    def add_member(self, draft: MemberDraft) -> int:
        """Add a member from the form; returns how many are on the roster now."""
        member = Member(full_name=draft.full_name, status=draft.status, exempt=draft.exempt)
        effects = self.effects_of(lambda cell: cell.members.append(copy.deepcopy(member)))
        note = give_role(self.cell, member, draft.role)
        self.cell.members.append(member)
        self.roster_changed(select=member.id)
        if note:
            self.notify(note)
        if effects:
            # Adding keeps the form open for the next name: said, not asked.
            self.notify("\n".join(effects), severity="warning", timeout=12)
        return len(self.cell.active_members())

    @work(exclusive=True, group="roster-change")
    async def action_edit(self) -> None:
        member = self.selected()
        if member is None or member.removed:
            return
        draft = await self.app.push_screen_wait(MemberFormDialog(self.cell.members, member))
        if draft is None:
            return

        def apply(cell: Cell) -> str | None:
            target = cell.member(member.id)
            assert target is not None
            target.full_name, target.status, target.exempt = (
                draft.full_name,
                draft.status,
                draft.exempt,
            )
            return give_role(cell, target, draft.role)

        if not await self.confirm_effects(self.effects_of(apply)):
            return
        note = apply(self.cell)
        self.roster_changed(select=member.id)
        self.notify(T.UPDATED.format(name=member.full_name) + (f"\n{note}" if note else ""))

    @work(exclusive=True, group="roster-change")
    async def action_remove(self) -> None:
        """The member leaves the cell, after the chair has read what that means."""

        member = self.selected()
        if member is None or member.removed:
            return
        present = [
            month_label(m.month)
            for m in self.session.drafts()
            if any(
                a.member_id == member.id and a.presence is Presence.PRESENT for a in m.attendance
            )
        ]
        if present:
            question = T.REMOVE_PRESENT.format(name=member.full_name, months=", ".join(present))
            yes = T.REMOVE_PRESENT_YES
        else:
            question = T.REMOVE_QUESTION.format(name=member.full_name)
            yes = T.REMOVE_YES
        effects = self.effects_of(lambda cell: setattr(cell.member(member.id), "removed", True))
        if effects:
            question += "\n\n" + "\n".join(effects)
        if not await self.app.push_screen_wait(ConfirmDialog(question, yes=yes)):
            return
        messages = [T.REMOVED.format(name=member.full_name)]
        if member.role in UNIQUE_ROLES:
            messages.append(T.ROLE_CLEARED.format(role=T.ROLE_NAMES[member.role.value]))
        member.removed = True
        member.role = Role.MEMBER
        self.roster_changed()
        self.notify("\n".join(messages))

    @work(exclusive=True, group="roster-change")
    async def action_restore(self) -> None:
        member = self.selected()
        if member is None or not member.removed:
            return
        namesake = find_namesake(self.cell.members, member.full_name, member.id)
        if namesake is not None:
            question = T.RESTORE_NAMESAKE.format(name=namesake.full_name)
            if not await self.app.push_screen_wait(ConfirmDialog(question)):
                return
        effects = self.effects_of(lambda cell: setattr(cell.member(member.id), "removed", False))
        if not await self.confirm_effects(effects):
            return
        member.removed = False
        self.roster_changed(select=member.id)
        self.notify(T.RESTORED.format(name=member.full_name))

    def action_toggle_removed(self) -> None:
        self.show_removed = not self.show_removed

    @work(exclusive=True, group="roster-change")
    async def action_import(self) -> None:
        """A file (or pasted text) → preview → the members the chair accepts."""
        source = await self.app.push_screen_wait(
            ImportSourceDialog(
                T.SOURCE_TITLE,
                T.SOURCE_PATH,
                T.SOURCE_FORMAT,
                start=Path.cwd(),
                suffixes=ROSTER_SUFFIXES,
                allow_paste=True,
            )
        )
        if source is None:
            return
        try:
            text = decode_roster(source.data)
        except RosterDecodeError as exc:
            self.notify(str(exc), severity="error", timeout=8)
            return
        plan = plan_import(parse_roster(text), self.cell.members)
        members = await self.app.push_screen_wait(ImportPreviewDialog(plan, source.label))
        if not members:
            self.notify(T.IMPORT_CANCELLED, timeout=3)
            return
        if not await self.confirm_effects(
            self.effects_of(lambda cell: cell.members.extend(copy.deepcopy(members)))
        ):
            return
        self.cell.members.extend(members)
        self.roster_changed(select=members[0].id)
        self.notify(T.IMPORTED.format(count=len(members)))
