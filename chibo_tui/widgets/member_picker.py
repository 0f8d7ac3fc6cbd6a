"""Pick a member (or guest) by typing part of the name, diacritics optional.

"lien" finds "Nguyễn Thị Liên"; ↑/↓ move through the matches, Enter takes the
highlighted one. Free text is kept when nothing matches (a guest who spoke).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from ..domain.vietnamese import fold

MAX_MATCHES = 6


@dataclass(frozen=True)
class Candidate:
    name: str
    id: str | None  # None for a guest or "tập thể"


class MemberPicker(Vertical):
    """An input with a drop-down of matching names."""

    BINDINGS = [
        Binding("down", "move(1)", show=False),
        Binding("up", "move(-1)", show=False),
        Binding("escape", "close", show=False),
    ]

    @dataclass
    class Changed(Message):
        """The name in the box changed (typed or chosen); ``id`` set when it is a member."""

        picker: MemberPicker
        name: str
        id: str | None

        @property
        def control(self) -> MemberPicker:
            return self.picker

    @dataclass
    class Picked(Message):
        """A name was chosen (Enter) — from the list, or typed freely."""

        picker: MemberPicker
        name: str
        id: str | None

        @property
        def control(self) -> MemberPicker:
            return self.picker

    def __init__(
        self,
        candidates: list[Candidate],
        placeholder: str = "",
        value: str = "",
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.candidates = candidates
        self._placeholder = placeholder
        self._value = value
        self.picked_id: str | None = None
        self._found: list[Candidate] = []

    def compose(self) -> ComposeResult:
        yield Input(
            self._value, placeholder=self._placeholder, classes="picker-input", compact=True
        )
        yield OptionList(classes="picker-list")

    def on_mount(self) -> None:
        self.query_one(OptionList).display = False
        self.query_one(OptionList).can_focus = False

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def value(self) -> str:
        return self.input.value

    def set(self, name: str, member_id: str | None = None, notify: bool = True) -> None:
        with self.input.prevent(Input.Changed):
            self.input.value = name
        self.picked_id = member_id
        self._hide()
        if notify:
            self.post_message(self.Changed(self, name.strip(), member_id))

    def matches(self, query: str) -> list[Candidate]:
        needle = fold(query.strip())
        if not needle:
            return []
        words = needle.split()
        found = [c for c in self.candidates if all(w in fold(c.name) for w in words)]
        # Names whose given name starts with the query come first.
        found.sort(key=lambda c: not fold(c.name).split()[-1].startswith(words[-1]))
        return found[:MAX_MATCHES]

    @on(Input.Changed, ".picker-input")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.picked_id = None
        found = self.matches(event.value)
        options = self.query_one(OptionList)
        options.clear_options()
        exact = [c for c in found if c.name == event.value]
        if found and not exact:
            options.add_options(Option(c.name, id=str(i)) for i, c in enumerate(found))
            options.highlighted = 0
            if not options.display:
                options.display = True
                # The list opens below the field, which may be the last line in view:
                # once laid out, scroll it into view rather than open it off screen.
                self.call_after_refresh(options.scroll_visible, animate=False)
            self._found = found
        else:
            if exact:
                self.picked_id = exact[0].id
            self._hide()
        self.post_message(self.Changed(self, event.value.strip(), self.picked_id))

    @on(Input.Submitted, ".picker-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one(OptionList)
        if options.display and options.highlighted is not None:
            chosen = self._found[options.highlighted]
            self.set(chosen.name, chosen.id)
        self.post_message(self.Picked(self, self.input.value.strip(), self.picked_id))

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if not options.display or not options.option_count:
            if step > 0:
                self.app.action_focus_next()
            else:
                self.app.action_focus_previous()
            return
        current = options.highlighted or 0
        options.highlighted = (current + step) % options.option_count

    def action_close(self) -> None:
        self._hide()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close":
            return self.query_one(OptionList).display
        return True

    def _hide(self) -> None:
        options = self.query_one(OptionList)
        options.display = False
        options.clear_options()
        self._found = []
