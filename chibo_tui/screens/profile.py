"""The cell's profile: names on the documents' header, secretary and deputy, layout settings."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.suggester import Suggester
from textual.timer import Timer
from textual.widgets import Checkbox, Input, Label, Select, Static

from ..domain.model import Cell, FormatProfile, Member, ResolutionForm, Role, SignatureForm
from ..domain.register import parse_term
from ..domain.vietnamese import date_line, fold, name_sort_key, nfc
from ..text import setup as T
from ..widgets.footer import KeyFooter
from .setup import SetupScreen

TEXT_FIELDS: dict[str, str] = {
    "profile-name": "name",
    "profile-parent": "parent_committee",
    "profile-place": "place_name",
    "profile-city": "city",
    "profile-meeting-place": "meeting_place",
}
"""Input id → attribute of :class:`Cell`."""

PREVIEW_DELAY = 0.3
"""Seconds after the last key before the header preview is redrawn."""

ROLE_PICKERS: dict[str, Role] = {"profile-secretary": Role.SECRETARY, "profile-deputy": Role.DEPUTY}


def clean_text(value: str) -> str:
    """What is stored from a text box: NFC, one space between words."""
    return " ".join(nfc(value).split())


class ParentSuggester(Suggester):
    """Completes "Đảng bộ phường …" / "Đảng ủy phường …" with the place name."""

    def __init__(self, screen: ProfileScreen) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self._screen = screen

    async def get_suggestion(self, value: str) -> str | None:
        place = self._screen.cell.place_name
        if not value:
            return None
        for pattern in T.PARENT_SUGGESTIONS:
            candidate = pattern.format(place=place)
            if candidate.casefold().startswith(value.casefold()) and candidate != value:
                return candidate
        return None


class ProfileScreen(SetupScreen):
    """Every field is saved as it is typed; the header preview follows."""

    PAGE: ClassVar[str] = "profile"

    def __init__(self, first_run: bool = False) -> None:
        super().__init__(first_run)
        self._preview_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        cell = self.cell
        yield self.top_bar()
        yield from self.compose_step_hint()
        with VerticalScroll(id="profile-body"):
            with Vertical(id="profile-form"):
                yield Static(T.PROFILE_INTRO, classes="hint", markup=False)
                yield from self._text_row(
                    "profile-name", T.LABEL_NAME, cell.name, T.PLACEHOLDER_NAME
                )
                yield Static("", id="profile-name-error", classes="error-text form-note")
                yield from self._text_row(
                    "profile-place", T.LABEL_PLACE, cell.place_name, T.PLACEHOLDER_PLACE
                )
                yield from self._text_row(
                    "profile-parent",
                    T.LABEL_PARENT,
                    cell.parent_committee,
                    T.PLACEHOLDER_PARENT,
                    suggester=ParentSuggester(self),
                )
                yield Static(T.HINT_PARENT, classes="hint form-note", markup=False)
                yield from self._text_row(
                    "profile-city", T.LABEL_CITY, cell.city, T.PLACEHOLDER_CITY
                )
                for picker_id, label in (
                    ("profile-secretary", T.LABEL_SECRETARY),
                    ("profile-deputy", T.LABEL_DEPUTY),
                ):
                    with Horizontal(classes="form-row"):
                        yield Label(label, classes="form-label")
                        yield Select[str]([], prompt=T.PICK_NOBODY, id=picker_id, compact=True)
                yield Static(T.PICK_HINT, classes="hint form-note", markup=False)
                yield from self._text_row(
                    "profile-meeting-place",
                    T.LABEL_MEETING_PLACE,
                    cell.meeting_place,
                    T.PLACEHOLDER_MEETING_PLACE,
                )
                yield from self._text_row(
                    "profile-term", T.LABEL_TERM, cell.term.label, T.PLACEHOLDER_TERM
                )
                yield Static(T.HINT_TERM, id="profile-term-note", classes="hint form-note")
                yield Label(T.SECTION_DOCUMENTS, classes="section-title")
                with Horizontal(classes="form-row"):
                    yield Label(T.LABEL_MARGINS, classes="form-label")
                    yield Select[tuple[int, ...]](
                        margin_options(cell),
                        value=tuple(cell.documents.margins_mm),
                        allow_blank=False,
                        id="profile-margins",
                        compact=True,
                    )
                with Horizontal(classes="form-row"):
                    yield Label(T.LABEL_COLON, classes="form-label")
                    yield Checkbox(
                        T.COLON_CHECK,
                        cell.documents.colon_after_number,
                        id="profile-colon",
                        compact=True,
                    )
                with Horizontal(classes="form-row"):
                    yield Label(T.LABEL_FORMAT, classes="form-label")
                    yield Select[str](
                        [(label, value) for value, label in T.FORMAT_PROFILES.items()],
                        value=cell.documents.profile.value,
                        allow_blank=False,
                        id="profile-format",
                        compact=True,
                    )
                yield Label(T.SECTION_RESOLUTION, classes="section-title")
                with Horizontal(classes="form-row"):
                    yield Label(T.LABEL_RESOLUTION_FORM, classes="form-label")
                    yield Select[str](
                        [(label, value) for value, label in T.RESOLUTION_FORMS.items()],
                        value=cell.resolution.form.value,
                        allow_blank=False,
                        id="profile-resolution-form",
                        compact=True,
                    )
                with Horizontal(classes="form-row"):
                    yield Label(T.LABEL_SIGNATURE, classes="form-label")
                    yield Select[str](
                        [(label, value) for value, label in T.SIGNATURES.items()],
                        value=cell.resolution.signature.value,
                        allow_blank=False,
                        id="profile-signature",
                        compact=True,
                    )
                yield Static(T.HINT_SIGNATURE, classes="hint form-note", markup=False)
            with Vertical(id="profile-preview-box"):
                yield Label(T.PREVIEW_TITLE, classes="section-title")
                yield Static(id="profile-preview")
        yield KeyFooter()

    @staticmethod
    def _text_row(
        input_id: str,
        label: str,
        value: str,
        placeholder: str,
        suggester: Suggester | None = None,
    ) -> ComposeResult:
        with Horizontal(classes="form-row"):
            yield Label(label, classes="form-label")
            yield Input(
                value,
                placeholder=placeholder,
                id=input_id,
                compact=True,
                suggester=suggester,
                select_on_focus=False,
            )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#profile-name-error").display = False
        self._fill_pickers()
        self._show_preview()
        self.query_one("#profile-name", Input).focus()

    def on_screen_resume(self) -> None:
        self._fill_pickers()

    # -- text fields -----------------------------------------------------------

    @on(Input.Changed)
    def _text_changed(self, event: Input.Changed) -> None:
        field = TEXT_FIELDS.get(event.input.id or "")
        if field is None:
            return
        value = clean_text(event.value)
        if field == "name":
            error = self.query_one("#profile-name-error", Static)
            error.update(T.NAME_REQUIRED if not value else "")
            error.display = not value
            if not value:
                return
        if getattr(self.cell, field) != value:
            setattr(self.cell, field, value)
            self._schedule_preview()

    def _schedule_preview(self) -> None:
        """Redraw the header preview and the top bar once typing pauses (a redraw of
        the whole layout on every key would make typing lag)."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_timer = self.set_timer(PREVIEW_DELAY, self._show_preview)

    # -- secretary and deputy ----------------------------------------------------

    def _fill_pickers(self) -> None:
        cell = self.cell
        for picker_id, role in ROLE_PICKERS.items():
            picker = self.query_one(f"#{picker_id}", Select)
            holder = cell.with_role(role)
            eligible = [
                m
                for m in cell.active_members()
                if (m.is_official and not m.exempt) or (holder is not None and m.id == holder.id)
            ]
            eligible.sort(key=lambda m: name_sort_key(m.full_name))
            with picker.prevent(Select.Changed):
                picker.set_options(
                    list(zip(distinct_names(eligible), (m.id for m in eligible), strict=True))
                )
                picker.prompt = T.PICK_NOBODY if eligible else T.PICK_EMPTY_ROSTER
                picker.value = holder.id if holder is not None else Select.NULL

    @on(Select.Changed, "#profile-secretary, #profile-deputy")
    def _role_picked(self, event: Select.Changed) -> None:
        role = ROLE_PICKERS[event.select.id or ""]
        chosen = event.value if isinstance(event.value, str) else None
        messages = assign_role(self.cell, role, chosen)
        if messages:
            self.notify("\n".join(messages), timeout=6)
            self.apply_roles_to_drafts()
        self._fill_pickers()

    def apply_roles_to_drafts(self) -> None:
        from ..domain.lifecycle import sync_roster

        self.apply_to_drafts(sync_roster)

    # -- document settings ---------------------------------------------------------

    @on(Select.Changed, "#profile-margins")
    def _margins_picked(self, event: Select.Changed) -> None:
        if isinstance(event.value, tuple) and tuple(self.cell.documents.margins_mm) != event.value:
            self.cell.documents.margins_mm = event.value
        self._show_preview()

    @on(Input.Changed, "#profile-term")
    def _term_changed(self, event: Input.Changed) -> None:
        """A new term restarts every type's numbers at 01; a half-typed one is not kept."""
        note = self.query_one("#profile-term-note", Static)
        try:
            term = parse_term(event.value)
        except ValueError as exc:
            note.update(str(exc))
            note.set_class(True, "error-text")
            return
        note.update(T.HINT_TERM)
        note.set_class(False, "error-text")
        if self.cell.term != term:
            self.cell.term = term

    @on(Select.Changed, "#profile-format")
    def _format_picked(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and self.cell.documents.profile.value != event.value:
            self.cell.documents.profile = FormatProfile(event.value)

    @on(Select.Changed, "#profile-resolution-form")
    def _resolution_form_picked(self, event: Select.Changed) -> None:
        settings = self.cell.resolution
        if isinstance(event.value, str) and settings.form.value != event.value:
            settings.form = ResolutionForm(event.value)

    @on(Select.Changed, "#profile-signature")
    def _signature_picked(self, event: Select.Changed) -> None:
        settings = self.cell.resolution
        if isinstance(event.value, str) and settings.signature.value != event.value:
            settings.signature = SignatureForm(event.value)

    @on(Checkbox.Changed, "#profile-colon")
    def _colon_toggled(self, event: Checkbox.Changed) -> None:
        if self.cell.documents.colon_after_number != event.value:
            self.cell.documents.colon_after_number = event.value
        self._show_preview()

    def _show_preview(self) -> None:
        self._preview_timer = None
        self.show_cell_name()
        self.query_one("#profile-preview", Static).update(
            header_preview(self.cell, self.session.today())
        )


def distinct_names(members: list[Member]) -> list[str]:
    """Names for a list, namesakes told apart by their rank: "Nguyễn Văn An (2)"."""
    counts: dict[str, int] = {}
    labels = []
    for member in members:
        key = fold(member.full_name)
        counts[key] = counts.get(key, 0) + 1
        labels.append(member.full_name)
    seen: dict[str, int] = {}
    for i, member in enumerate(members):
        key = fold(member.full_name)
        if counts[key] > 1:
            seen[key] = seen.get(key, 0) + 1
            labels[i] = f"{member.full_name} ({seen[key]})"
    return labels


def margin_options(cell: Cell) -> list[tuple[str, tuple[int, ...]]]:
    """The two layouts of the sources, and the cell's own if it is neither."""
    options: list[tuple[str, tuple[int, ...]]] = [
        (label, margins) for margins, label in T.MARGINS.items()
    ]
    current = tuple(cell.documents.margins_mm)
    if current not in T.MARGINS:
        top, bottom, left, right = current
        options.append((T.MARGINS_OTHER.format(t=top, b=bottom, l=left, r=right), current))
    return options


def assign_role(cell: Cell, role: Role, member_id: str | None) -> list[str]:
    """Give ``role`` (secretary or deputy) to a member, or to nobody.

    The previous holder becomes a plain member; returns what changed, in words.
    """
    holder = cell.with_role(role)
    if (holder.id if holder else None) == member_id:
        return []
    role_name = T.ROLE_NAMES[role.value]
    messages: list[str] = []
    if holder is not None:
        holder.role = Role.MEMBER
        messages.append(T.ROLE_MOVED.format(old=holder.full_name, role=role_name))
    member = cell.member(member_id) if member_id else None
    if member is None:
        messages.append(T.ROLE_CLEARED.format(role=role_name))
        return messages
    if member.role in (Role.SECRETARY, Role.DEPUTY):
        old_role = T.ROLE_NAMES[member.role.value]
        messages.append(T.ROLE_MOVED.format(old=member.full_name, role=old_role))
    member.role = role
    messages.append(T.ROLE_SET.format(name=member.full_name, role=role_name))
    return messages


def header_preview(cell: Cell, day: date) -> Content:
    """The documents' two-column header as it will print, in capitals, and the margins."""
    missing = T.PREVIEW_MISSING
    colon = ":" if cell.documents.colon_after_number else ""
    left = [
        (cell.parent_committee.upper() or missing, ""),
        (cell.name.upper() or missing, "bold"),
        ("*", ""),
        (T.PREVIEW_NUMBER.format(colon=colon), ""),
    ]
    right = [
        (T.PREVIEW_PARTY, "bold underline"),
        ("", ""),
        (date_line(cell.place_name or missing, day), "italic"),
        ("", ""),
    ]
    left_width = max(cell_len(text) for text, _ in left)
    right_width = max(cell_len(text) for text, _ in right)
    lines: list[Content] = []
    for (l_text, l_style), (r_text, r_style) in zip(left, right, strict=True):
        lines.append(
            Content.assemble(
                _centre(l_text, l_style, left_width), "    ", _centre(r_text, r_style, right_width)
            )
        )
    top, bottom, left_mm, right_mm = cell.documents.margins_mm
    label = T.MARGINS.get((top, bottom, left_mm, right_mm)) or T.MARGINS_OTHER.format(
        t=top, b=bottom, l=left_mm, r=right_mm
    )
    lines += [Content(""), Content.styled(T.PREVIEW_MARGINS.format(margins=label), "dim")]
    return Content("\n").join(lines)


def _centre(text: str, style: str, width: int) -> Content:
    """``text`` centred in ``width`` cells, styled (the padding is not)."""
    spare = width - cell_len(text)
    before = spare // 2
    return Content.assemble(" " * before, (text, style), " " * (spare - before))
