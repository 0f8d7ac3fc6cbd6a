"""Add or edit a member: name, chính thức / dự bị, miễn sinh hoạt, role.

Adding keeps the form open after each save, so a roster is typed in one go:
name, Enter, next name, Enter … Escape. Empty names and impossible roles are
refused inline; a namesake or a role another member holds is asked about.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from ..domain.model import Member, MemberStatus, Role
from ..domain.roster_import import UNIQUE_ROLES, clean_name, name_problem
from ..domain.vietnamese import fold
from ..text import setup as T
from .base import ChiboDialog
from .confirm import ConfirmDialog

ROLE_ORDER = (Role.MEMBER, Role.COMMITTEE, Role.DEPUTY, Role.SECRETARY)


@dataclass(frozen=True)
class MemberDraft:
    """What the form gives back; the roster screen applies it."""

    full_name: str
    status: MemberStatus = MemberStatus.OFFICIAL
    exempt: bool = False
    role: Role = Role.MEMBER


def draft_problem(draft: MemberDraft) -> str | None:
    """Why the form cannot be saved as it is, or ``None``."""
    if not draft.full_name.strip():
        return T.NAME_EMPTY
    problem = name_problem(draft.full_name)
    if problem:
        return T.NAME_INVALID.format(reason=problem)
    if draft.status is MemberStatus.PROBATIONARY and draft.role is not Role.MEMBER:
        return T.PROBATIONARY_ROLE.format(role=T.ROLE_NAMES[draft.role.value])
    return None


def find_namesake(roster: Sequence[Member], name: str, skip_id: str | None) -> Member | None:
    """A member still on the roster whose name is ``name``, ignoring case and diacritics."""
    key = fold(name)
    return next(
        (m for m in roster if not m.removed and m.id != skip_id and fold(m.full_name) == key),
        None,
    )


class MemberFormDialog(ChiboDialog[MemberDraft | None]):
    """The member form. Editing dismisses with the draft; adding calls ``on_add``
    for each member and stays open until Escape."""

    CSS_PATH = "../screens/setup.tcss"

    BINDINGS = [
        Binding("escape", "close", T.FORM_CANCEL, tooltip=T.FORM_CANCEL, id="member-close"),
        Binding("ctrl+s", "save", T.FORM_SAVE, tooltip=T.FORM_SAVE, id="member-save"),
    ]

    def __init__(
        self,
        roster: Sequence[Member],
        member: Member | None = None,
        on_add: Callable[[MemberDraft], int] | None = None,
    ) -> None:
        super().__init__(classes="dialog")
        self.roster = roster
        self.member = member
        self.on_add = on_add

    def compose(self) -> ComposeResult:
        member = self.member
        with Vertical(classes="dialog-box", id="member-form"):
            yield Label(T.FORM_EDIT_TITLE if member else T.FORM_ADD_TITLE, classes="dialog-title")
            yield Label(T.FORM_NAME)
            yield Input(
                member.full_name if member else "",
                placeholder=T.FORM_NAME_PLACEHOLDER,
                id="member-name",
            )
            yield Static("", id="member-error", classes="error-text", markup=False)
            with Horizontal(id="member-flags"):
                yield Checkbox(
                    T.FORM_PROBATIONARY,
                    bool(member and member.status is MemberStatus.PROBATIONARY),
                    id="member-probationary",
                    compact=True,
                )
                yield Checkbox(
                    T.FORM_EXEMPT, bool(member and member.exempt), id="member-exempt", compact=True
                )
            with Horizontal(classes="form-row"):
                yield Label(T.FORM_ROLE, classes="form-label-short")
                yield Select[Role](
                    [(T.ROLE_NAMES[r.value], r) for r in ROLE_ORDER],
                    value=member.role if member else Role.MEMBER,
                    allow_blank=False,
                    id="member-role",
                    compact=True,
                )
            yield Static("", id="member-note", classes="ok-text", markup=False)
            yield Static(T.FORM_HINT if member else T.FORM_ADD_HINT, classes="hint", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(T.FORM_SAVE, variant="primary", id="member-save")
                yield Button(T.FORM_CANCEL, id="member-cancel")

    def on_mount(self) -> None:
        self._say("#member-error", "")
        self._say("#member-note", "")
        self._sync_role_lock()
        self.query_one("#member-name", Input).focus()

    def draft(self) -> MemberDraft:
        """The form's current content."""
        probationary = self.query_one("#member-probationary", Checkbox).value
        role = self.query_one("#member-role", Select).value
        return MemberDraft(
            full_name=clean_name(self.query_one("#member-name", Input).value),
            status=MemberStatus.PROBATIONARY if probationary else MemberStatus.OFFICIAL,
            exempt=self.query_one("#member-exempt", Checkbox).value,
            role=role if isinstance(role, Role) else Role.MEMBER,
        )

    @on(Checkbox.Changed, "#member-probationary")
    def _sync_role_lock(self) -> None:
        # A probationary member holds no office (Điều lệ Đảng): the role is fixed.
        probationary = self.query_one("#member-probationary", Checkbox).value
        role = self.query_one("#member-role", Select)
        if probationary:
            role.value = Role.MEMBER
        role.disabled = probationary

    def _say(self, selector: str, text: str) -> None:
        """Show a message line, or hide it when there is nothing to say."""
        line = self.query_one(selector, Static)
        if line.display == bool(text) and not text:
            return  # nothing shown, nothing to show: no redraw while typing
        line.update(text)
        line.display = bool(text)

    @on(Input.Changed, "#member-name")
    def _clear_error(self) -> None:
        self._say("#member-error", "")

    @on(Input.Submitted, "#member-name")
    @on(Button.Pressed, "#member-save")
    def action_save(self) -> None:
        self._save()

    @on(Button.Pressed, "#member-cancel")
    def action_close(self) -> None:
        self.dismiss(None)

    @work(exclusive=True, group="member-form")
    async def _save(self) -> None:
        draft = self.draft()
        error = draft_problem(draft)
        name_box = self.query_one("#member-name", Input)
        if error:
            self._say("#member-error", error)
            name_box.focus()
            return
        own_id = self.member.id if self.member else None
        renamed = self.member is None or fold(self.member.full_name) != fold(draft.full_name)
        namesake = find_namesake(self.roster, draft.full_name, own_id)
        if namesake is not None and renamed:
            question = T.NAMESAKE_QUESTION.format(existing=namesake.full_name)
            if not await self.app.push_screen_wait(ConfirmDialog(question, yes=T.NAMESAKE_YES)):
                name_box.focus()
                return
        if draft.role in UNIQUE_ROLES:
            holder = next(
                (
                    m
                    for m in self.roster
                    if not m.removed and m.role is draft.role and m.id != own_id
                ),
                None,
            )
            if holder is not None:
                role = T.ROLE_NAMES[draft.role.value]
                question = T.ROLE_TAKEN_QUESTION.format(
                    holder=holder.full_name, role=role, name=draft.full_name
                )
                yes = T.ROLE_TAKEN_YES.format(role=role)
                if not await self.app.push_screen_wait(ConfirmDialog(question, yes=yes)):
                    self.query_one("#member-role", Select).focus()
                    return
        if self.on_add is None:
            self.dismiss(draft)
            return
        count = self.on_add(draft)
        self._reset(T.FORM_ADDED.format(name=draft.full_name, count=count))

    def _reset(self, note: str) -> None:
        """Ready for the next member; status and role go back to the usual."""
        self._say("#member-note", note)
        self.query_one("#member-probationary", Checkbox).value = False
        self.query_one("#member-exempt", Checkbox).value = False
        self.query_one("#member-role", Select).value = Role.MEMBER
        name_box = self.query_one("#member-name", Input)
        name_box.value = ""
        name_box.focus()
