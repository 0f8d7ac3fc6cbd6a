"""The key footer of chibo's screens: Textual's, without rebuilding it at every focus change."""

from __future__ import annotations

from typing import NamedTuple

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class Shown(NamedTuple):
    """One binding as the footer shows it: what :meth:`Footer.compose` reads of it."""

    binding: Binding
    enabled: bool
    tooltip: str
    key_display: str


class Keys(NamedTuple):
    """Everything :meth:`Footer.compose` reads: the shown bindings, then the palette's."""

    shown: tuple[Shown, ...]
    palette: Shown | None


class KeyFooter(Footer):
    """A :class:`~textual.widgets.Footer` that changes only the keys that changed.

    Textual's footer removes and mounts all its keys again whenever the screen's
    bindings *may* have changed: at every focus change, and once more for each such
    signal in the same refresh. On the meeting screen that was two rebuilds of ~19
    keys per step switch, each key restyled twice as it mounted (docs/benchmarks.md,
    issue 16), where moving between fields changes a few keys or none.

    It shows exactly what :class:`Footer` composes; only the way there differs:
    nothing is done when the keys are the same, the mounted keys are relabelled when
    all are plain keys (keys no longer needed are hidden, kept for later), and
    Textual's full rebuild is kept for grouped keys.
    """

    def __init__(self) -> None:
        super().__init__()
        self._keys: Keys | None = None
        """What the mounted keys show (``None``: nothing composed yet)."""
        self.rebuilds = 0
        """How many times all the keys were mounted anew (the tests count them)."""

    def keys(self) -> Keys:
        """What :meth:`Footer.compose` would show now."""
        app = self.app
        active = self.screen.active_bindings
        shown = tuple(
            Shown(binding, enabled, tooltip, app.get_key_display(binding))
            for (_, binding, enabled, tooltip) in active.values()
            if binding.show
        )
        palette = None
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE:
            found = active.get(app.COMMAND_PALETTE_BINDING)
            if found is not None:
                tooltip = found.binding.tooltip or found.binding.description
                display = app.get_key_display(found.binding)
                palette = Shown(found.binding, found.enabled, tooltip, display)
        return Keys(shown, palette)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._keys is None:
            super().bindings_changed(screen)  # the first keys: as Textual composes them
            return
        # Textual's footer waits for the next refresh before it looks at the keys, and
        # shows them one refresh later still: a step's keys came ~50 ms after the step.
        # Relabelling mounts nothing, so it can come with the step's own frame.
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_later(self.recompose)

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._keys = self.keys()
            self.rebuilds += 1
        yield from super().compose()

    async def recompose(self) -> None:
        if not self.is_attached or self._pruning:
            # As Footer's: a footer on its way out reads no bindings; its screen's
            # widgets may be gone already, and its ``check_action`` with them.
            return
        if not self._bindings_ready or self._keys is None:
            await super().recompose()
            return
        async with self.batch():  # as Footer's rebuild: one at a time, in one frame
            keys = self.keys()
            if keys == self._keys:
                return  # the same keys: a rebuild would only cost a layout and a paint
            if await self._relabel(keys):
                return
        await super().recompose()

    async def _relabel(self, keys: Keys) -> bool:
        """Show ``keys`` by changing the mounted keys; ``False`` if only a rebuild can."""
        assert self._keys is not None
        old, new = _plain(self._keys.shown), _plain(keys.shown)
        if old is None or new is None or (self._keys.palette is None) != (keys.palette is None):
            return False
        mounted = list(self.query_children(FooterKey))
        palette = mounted.pop() if keys.palette is not None else None
        shown = [key for key in mounted if key.display]
        if shown != mounted[: len(old)] or len(shown) != len(old):
            return False  # not what was composed: leave it to Textual
        for key, row in zip(mounted, new, strict=False):
            _relabel(key, row)
            key.display = True
        if palette is not None and keys.palette is not None:
            _relabel(palette, keys.palette)
        if len(new) > len(mounted):
            more = [self._key(row) for row in new[len(mounted) :]]
            await self.mount_all(more, before=palette)
        for key in mounted[len(new) :]:
            # Hidden, not removed: the next step with more keys shows it again instead
            # of mounting one (~7 ms of a switch back to a criterion step).
            key.display = False
        self._keys = keys
        return True

    def _key(self, row: Shown) -> FooterKey:
        """A key as :meth:`Footer.compose` makes a plain (ungrouped) one."""
        binding = row.binding
        key = FooterKey(
            binding.key,
            row.key_display,
            binding.description,
            binding.action,
            disabled=not row.enabled,
            tooltip=row.tooltip,
        )
        # Born with the footer's style: a key made compact, then not (its default, then
        # the binding), is restyled twice as it mounts.
        key.set_reactive(FooterKey.compact, self.compact)
        key.set_class(self.compact, "-compact", update=False)
        return key.data_bind(compact=Footer.compact)


def _plain(shown: tuple[Shown, ...]) -> list[Shown] | None:
    """The keys :meth:`Footer.compose` shows for ``shown``, one per action, the first
    binding of each; ``None`` if some are grouped (only a rebuild lays groups out)."""
    if any(row.binding.group is not None for row in shown):
        return None
    first: dict[str, Shown] = {}
    for row in shown:
        first.setdefault(row.binding.action, row)
    return list(first.values())


def _relabel(key: FooterKey, row: Shown) -> None:
    """Make ``key`` show ``row`` as a key made by :meth:`KeyFooter._key` would."""
    binding = row.binding
    tooltip = row.tooltip or None
    now = (key.key, key.key_display, key.description, key.action, key._disabled, key.tooltip)
    if now == (
        binding.key,
        row.key_display,
        binding.description,
        binding.action,
        not row.enabled,
        tooltip,
    ):
        return
    key.key = binding.key
    key.key_display = row.key_display
    key.description = binding.description
    key.action = binding.action
    key._disabled = not row.enabled
    key.set_class(not row.enabled, "-disabled")
    key.tooltip = tooltip
    key.clear_cached_dimensions()  # a label of another length: not the same width
    key.refresh(layout=True)
