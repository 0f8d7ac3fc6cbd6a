"""Editing keys reach a text field in the order they were typed.

Vietnamese input methods that work by backspace (Unikey, EVKey, OpenKey,
ibus-bamboo) turn ``e`` + ``e`` into ``ê`` by sending a backspace and the
composed letter in one read of the terminal. Textual inserts a printable key in
the focused field's own queue at once, but a bound key (backspace, delete,
arrows) first bubbles up through every ancestor to the app, where its binding
runs: by then the letter after it is already in, and the backspace rubs out the
composed letter instead of the one before it ("việt" is stored as "viet";
Textual issue #6605).

The fix is to run a field's own binding in that field's queue, where the keys
typed before and after it are handled, so the order is kept. For the same
reason, keys typed while a form is being built are held until it has a field
to take them (:meth:`KeysInOrder.hold_keys`): every key, a step key too, or the
letters typed for one step would reach the step after it (F4 ``a`` F4 F4 F4 in
one read marked every sub-criterion of criterion 1 đạt, instead of everyone
present in the attendance). Keys that move on to another field do so before the
next key is delivered: Tab, Enter, a table's own key, or any key a field passes on
to a binding above it holds the keys after it until what it set off has been
handled, a handler's focus change included ("12", Tab, "0", Tab, "0" typed quickly
read 120 in favour; a speaker's name, Enter and the speech put the speech in the
name; a key after Enter in the command palette was lost in the closing palette).
It lives on the app
and not in a widget subclass, so that every field chibo shows gets it, Textual's
own included (the command palette's search).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import TypeGuard

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.message_pump import MessagePump
from textual.widget import Widget
from textual.widgets import Input


def is_text_field(widget: Widget | None) -> TypeGuard[Widget]:
    """An ``Input`` or a ``TextArea``, without importing ``TextArea`` at start-up.

    Its module and its document classes cost ~5 ms that home does not need; no
    widget can be a ``TextArea`` before its module is loaded.
    """
    if isinstance(widget, Input):
        return True
    text_area = sys.modules.get("textual.widgets._text_area")
    return text_area is not None and isinstance(widget, text_area.TextArea)


SETTLE_LIMIT = 1.0
"""Seconds after which keys held behind Tab or Enter go whatever happened."""

SETTLE_ROUNDS = 20
"""How often the queues are waited for before the keys go anyway: a bound, so that a
widget that keeps receiving never keeps the typed keys held."""


def _may_move_on(field: Widget, binding: Binding) -> bool:
    """Whether what ``binding`` does may give another field the focus: submitting a text
    field, or any key of a table or list (a row edited is put back in the fields).
    Editing a text (backspace, arrows) never does, and input methods send those in
    bursts: they are not held for."""
    return not is_text_field(field) or binding.action == "submit"


class KeysInOrder(App[None]):
    """An app whose text fields apply their own key bindings in typing order."""

    _held_keys: list[events.Key] | None = None
    _holds = 0

    def hold_keys(self) -> int:
        """Keep typed keys until :meth:`release_keys` (a form is being built).

        Returns the hold's number: only the latest hold releases, so a second form
        asked for before the first was up gets the keys, not the first.
        """
        if self._held_keys is None:
            self._held_keys = []
        self._holds += 1
        return self._holds

    def _hold_behind(self) -> int:
        """Hold the keys typed after the one being delivered (see :meth:`_release_when_handled`).

        A link whose widget goes away before it runs its callback (a dialog closed by
        the key itself) would keep them held: they go in any case after a while.
        """
        hold = self.hold_keys()
        self.set_timer(SETTLE_LIMIT, lambda: self.call_later(self.release_keys, hold))
        return hold

    async def release_keys(self, hold: int) -> None:
        """Deliver the kept keys, in order, to whatever has the focus now.

        Called through the app's queue, so every key that arrived before it is
        among them and every key after it comes after them.
        """
        if hold != self._holds:
            return  # a later hold will release them
        held, self._held_keys = self._held_keys or [], None
        for index, event in enumerate(held):
            if self._held_keys is not None:
                # A key just delivered asked for another form: the keys typed after
                # it wait for that one, ahead of any typed later.
                self._held_keys[:0] = held[index:]
                return
            await self._deliver(event)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._held_keys is not None:
                self._held_keys.append(event)
                return
            await self._deliver(event)
            return
        await super().on_event(event)

    async def _deliver(self, event: events.Key) -> None:
        field = self.focused
        binding = self._own_binding(field, event) if field is not None else None
        if field is not None and binding is not None:
            # Keys bound with priority (Ctrl+Q, F4, Ctrl+S) still come first, as in Textual.
            if not await self._check_bindings(event.key, priority=True):
                hold = self._hold_behind() if _may_move_on(field, binding) else None
                if not field.call_later(self._run_in_field, field, binding, event, hold):
                    if hold is not None:
                        self.call_next(self.release_keys, hold)
            return
        if field is not None and self._passed_on(field, event):
            # A key the field passes on to a binding above it (Tab to the next field,
            # Enter in the command palette): Textual runs that binding once the key has
            # bubbled up, and the keys typed after it went into the field it was leaving.
            hold = self._hold_behind()
            await super().on_event(event)
            self._release_when_handled(field, hold)
            return
        await super().on_event(event)

    def _passed_on(self, field: Widget, event: events.Key) -> bool:
        """Whether ``event`` is not the field's (its own binding, a letter of a text
        field) and a binding above it may take it."""
        if event.is_printable and is_text_field(field):
            return False
        active = self.screen.active_bindings.get(event.key)
        return active is not None and not active.binding.priority and active.node is not field

    def _own_binding(self, field: Widget, event: events.Key) -> Binding | None:
        """The binding of ``field`` itself that ``event`` would run, to run in the field's
        queue: any key of a text field but its text (a letter is the field's to insert),
        any key of another field (a table's ``a``: a step key typed right after it ran
        first, and Textual then looked for ``a`` in the next step)."""
        if event.is_printable and is_text_field(field):
            return None
        active = self.screen.active_bindings.get(event.key)
        if active is None or active.node is not field or active.binding.priority:
            return None
        return active.binding

    async def _run_in_field(
        self, field: Widget, binding: Binding, event: events.Key, hold: int | None
    ) -> None:
        """Run the binding ``event`` had when it was typed, from inside the field's queue
        (see module docstring): in that field, even if a key typed after it moved the
        focus meanwhile. With ``hold``, the keys typed after it are released once what
        it set off has been handled."""
        try:
            if not await self.run_action(binding.action, field) and self.focused is field:
                # The field's action declined: its ancestors' bindings, as Textual's would.
                await self._check_bindings(event.key)
        finally:
            if hold is not None:
                self._release_when_handled(field, hold)

    def _release_when_handled(self, field: Widget, hold: int) -> None:
        """Release ``hold`` once every widget of the screens involved, and the app, has
        handled what is in its queue, and what that posted in turn.

        What a key sets off goes from queue to queue: Enter in the speaker's field is
        submitted, then picked, then the pane gives the speech field the focus through
        the app's queue; Enter in the command palette selects in its list (not an
        ancestor of its field), which closes the palette, and the screen beneath takes
        the focus back when it resumes. Each busy queue is waited for in its own turn,
        then all are looked at again, at most ``SETTLE_ROUNDS`` times.
        """

        def pumps() -> Iterator[MessagePump]:
            yield self
            screens = {id(self.screen): self.screen}
            if field.is_attached:
                screens.setdefault(id(field.screen), field.screen)
            for screen in screens.values():
                yield screen
                yield from screen.walk_children(with_self=False)

        def settle(rounds: int) -> None:
            busy = [pump for pump in pumps() if pump.message_queue_size]
            if not busy or rounds >= SETTLE_ROUNDS:
                self.call_next(self.release_keys, hold)
                return
            waiting = len(busy)

            def done() -> None:
                nonlocal waiting
                waiting -= 1
                if not waiting:
                    self.call_later(settle, rounds + 1)

            for pump in busy:
                if not pump.call_later(done):
                    done()  # closed meanwhile: nothing more will come from it

        settle(0)
