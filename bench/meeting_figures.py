"""The meeting screen's figures, in a fresh process: memory, step visits, and its floor.

    python bench/meeting_figures.py chibo DB TREE_JSON
    python bench/meeting_figures.py floor|floor-keyed TREE_JSON

``chibo``: a headless chibo on ``DB`` opens this month's meeting (peak RSS), visits
criterion 1 for the first time and again, five times (key to the frame that shows
the step as it stays), then every step (peak RSS), and writes the meeting screen's
widget tree to ``TREE_JSON``.

``floor``: the same tree rebuilt from plain Textual widgets (each chibo widget
becomes the first Textual class it derives from, with the same text, values, rows
and heights; no domain code, no CSS), the steps built on first visit as chibo does:
the same figures for "an equivalent plain Textual form". ``floor-keyed``: that form
as a keyboard form must be, as chibo is: a step shown gives its first field the focus,
and the focused table's own keys show in Textual's footer.

Prints ``name value`` lines; ``bench/run.py`` runs both, interleaved.
"""

from __future__ import annotations

import asyncio
import functools
import json
import sys
import time
from pathlib import Path
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.containers import Container
from textual.screen import Screen
from textual.widget import Widget

SIZE = (120, 40)
STEPS = [
    "opening",
    "attendance",
    "followups",
    "criterion-1",
    "criterion-2",
    "criterion-3",
    "criterion-4",
    "conclusion",
    "close",
]
LEAVES = {
    "Label",
    "Static",
    "Input",
    "TextArea",
    "DataTable",
    "OptionList",
    "Select",
    "Button",
    "Footer",
    "Checkbox",
}


def rss_mb() -> float:
    """Peak resident memory since ``exec`` (``VmHWM``: ``ru_maxrss`` carries the parent's)."""
    for row in Path("/proc/self/status").read_text().splitlines():
        if row.startswith("VmHWM:"):
            return int(row.split()[1]) / 1024
    return 0.0


def out(name: str, value: float) -> None:
    print(f"{name} {value:.2f}", flush=True)


class Paints:
    """When the app last handed a frame to its driver (headless: rendered, not written),
    and, while ``watching``, the text of each frame."""

    def __init__(self, app: App[Any]) -> None:
        self.last = 0.0
        self.frames: list[tuple[float, list[str]]] = []
        self.watching = False
        self.keys_ms = 0.0
        real = app._display

        def display(screen: Screen[Any], renderable: object) -> None:
            if renderable is not None:
                self.last = time.perf_counter()
            real(screen, renderable)  # type: ignore[arg-type]
            if renderable is not None and self.watching:
                # After the frame is handed over and its time taken: the cost of
                # reading it falls on the frames after it, never on this one.
                self.frames.append((self.last, screen_text(screen)))

        app._display = display  # type: ignore[method-assign]

    async def settled(self, pilot: Any, since: float) -> float:
        """Milliseconds from ``since`` to the last paint, once no paint came for 3 pauses."""
        quiet = 0
        for _ in range(200):  # bounded
            before = self.last
            await pilot.pause()
            await asyncio.sleep(0.01)
            quiet = quiet + 1 if self.last == before else 0
            if quiet >= 3 and self.last > since:
                break
        return (self.last - since) * 1000

    async def shown(self, pilot: Any, screen: Screen[Any], action: Any) -> float:
        """Milliseconds from ``action`` (the key) to the first frame that shows what the
        screen shows once every paint is done (a frame painted before the layout has
        caught up shows half a step), the top line (the meeting's clock) and the footer
        aside; ``self.keys_ms``: to the first frame with the footer too (chibo's keys
        follow the focus: they come a few frames later). ``action`` may return an
        awaitable: the step being built."""
        self.frames.clear()
        self.watching = True
        since = time.perf_counter()
        try:
            pending = action()
            if pending is not None:
                await pending
            await self.settled(pilot, since)
        finally:
            self.watching = False
        final = screen_text(screen)
        done = next((at for at, text in self.frames if text[:-1] == final[:-1]), self.last)
        keys = next((at for at, text in self.frames if text == final), self.last)
        self.keys_ms = (keys - since) * 1000
        return (done - since) * 1000


def screen_text(screen: Screen[Any]) -> list[str]:
    """The screen's text as painted now, but for its top line (the footer is last)."""
    return [strip.text for strip in screen._compositor.render_strips()][1:]


REVISITS = 5


async def revisits(pilot: Any, paints: Paints, screen: Any) -> None:
    """Back to the opening and to criterion 1 again, ``REVISITS`` times: the first
    revisit (``revisit_first_ms``) and the median of all (``revisit_ms``; one revisit
    moved between 24 and 70 ms from run to run on a quiet machine)."""
    took: list[float] = []
    keys: list[float] = []
    go_to = screen.go_to
    for _ in range(REVISITS):
        go_to("opening")
        await paints.settled(pilot, time.perf_counter())
        took.append(await paints.shown(pilot, screen, lambda: go_to("criterion-1")))
        keys.append(paints.keys_ms)
    out("revisit_first_ms", took[0])
    out("revisit_ms", sorted(took)[len(took) // 2])
    out("revisit_keys_ms", sorted(keys)[len(keys) // 2])


# -- chibo -------------------------------------------------------------------------------------


def plain_class(widget: Widget) -> type[Widget]:
    for cls in type(widget).__mro__:
        if cls.__module__.startswith("textual."):
            return cls
    return Widget


def capture(widget: Widget) -> dict[str, Any]:
    from textual.widgets import Button, DataTable, Input, OptionList, Select, Static, TextArea

    cls = plain_class(widget)
    node: dict[str, Any] = {"cls": cls.__name__, "id": widget.id, "display": widget.display}
    leaf = cls.__name__ in LEAVES or any(c.__name__ in LEAVES for c in cls.__mro__)
    if not leaf:
        node["children"] = [capture(child) for child in widget.children]
        return node
    node["height"] = widget.outer_size.height
    if isinstance(widget, Static):
        node["text"] = str(widget.content)
    elif isinstance(widget, Input):
        node["text"] = widget.value
    elif isinstance(widget, TextArea):
        node["text"] = widget.text
    elif isinstance(widget, Button):
        node["text"] = str(widget.label)
    elif isinstance(widget, OptionList):
        node["options"] = [str(o.prompt) for o in widget.options]
    elif isinstance(widget, Select):
        node["options"] = [str(prompt) for prompt, _ in widget._options[1:]]
    elif isinstance(widget, DataTable):
        node["columns"] = [[str(c.label), c.width] for c in widget.columns.values()]
        node["rows"] = [
            [[str(v) for v in widget.get_row_at(i)], row.height]
            for i, row in enumerate(widget.ordered_rows)
        ]
    return node


async def run_chibo(db: Path, tree_path: Path) -> None:
    from datetime import datetime

    from chibo_tui.app import make_app
    from chibo_tui.domain.months import month_of
    from chibo_tui.screens.meeting import MeetingScreen
    from chibo_tui.store import Repository

    repo = Repository.open(db)
    app = make_app(repo, db.parent / "exports", clock=datetime.now)
    async with app.run_test(size=SIZE) as pilot:
        paints = Paints(app)
        await paints.settled(pilot, 0)
        began = time.perf_counter()
        app.open_meeting(month_of(datetime.now().date()))
        out("open_ms", await paints.settled(pilot, began))
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        if screen.step != "opening":
            screen.go_to("opening")
            await paints.settled(pilot, time.perf_counter())
        out("rss_open_mb", rss_mb())
        out(
            "first_visit_ms", await paints.shown(pilot, screen, lambda: screen.go_to("criterion-1"))
        )
        await revisits(pilot, paints, screen)
        for step in STEPS:
            screen.go_to(step)
            await paints.settled(pilot, time.perf_counter())
        out("rss_all_steps_mb", rss_mb())
        shown = [b for b in screen.active_bindings.values() if b.binding.show]
        tree = {
            "children": [capture(child) for child in screen.children],
            "bindings": len(shown),
        }
        tree_path.write_text(json.dumps(tree, ensure_ascii=False))
    repo.close()


# -- the floor ------------------------------------------------------------------------------------


def build(node: dict[str, Any], skip_steps: set[str]) -> Widget:
    import textual.containers as containers
    import textual.widgets as widgets

    name = node["cls"]
    source = containers if hasattr(containers, name) else widgets
    cls = getattr(source, name, None) or (Container if "children" in node else widgets.Static)
    kwargs: dict[str, Any] = {"id": node["id"]} if node["id"] else {}
    if "children" in node:
        if name == "ContentSwitcher":
            kwargs["initial"] = next(
                (c["id"] for c in node["children"] if c["id"] not in skip_steps), None
            )
        children = [
            build(child, skip_steps)
            for child in node["children"]
            if not (name == "ContentSwitcher" and child["id"] in skip_steps)
        ]
        widget = cls(*children, **kwargs)
    elif name in ("Label", "Static"):
        widget = cls(node.get("text", ""), markup=False, **kwargs)
    elif name in ("Input",):
        widget = cls(node.get("text", ""), **kwargs)
    elif name == "TextArea":
        widget = cls(node.get("text", ""), **kwargs)
    elif name == "Button":
        widget = cls(node.get("text", ""), **kwargs)
    elif name == "OptionList":
        widget = cls(*node.get("options", []), **kwargs)
    elif name == "Select":
        widget = cls([(p, i) for i, p in enumerate(node.get("options", []))], **kwargs)
    elif name == "DataTable":
        table: widgets.DataTable[str] = (keyed_table() if KEYED else widgets.DataTable)(**kwargs)
        for label, width in node.get("columns", []):
            table.add_column(label, width=width)
        for cells, height in node.get("rows", []):
            table.add_row(*cells, height=height)
        widget = table
    elif name == "Footer":
        widget = widgets.Footer(**kwargs)
    else:
        widget = cls(**kwargs)
    widget.display = node["display"]
    if "children" not in node and name != "Footer" and node.get("height"):
        widget.styles.height = node["height"]
    return widget


KEYED = False
"""``floor-keyed``: each table has keys of its own, shown in the footer while it has the
focus (as chibo's checklist has), and a step shown gives its first field the focus."""


@functools.cache
def keyed_table() -> type[Any]:
    from textual.widgets import DataTable

    class KeyedTable(DataTable[str]):
        BINDINGS = [Binding(key, "noop", f"Phím {key}") for key in ("d", "k", "space", "a")]

        def action_noop(self) -> None:
            """Shown in the footer, as the checklist's keys are."""

    return KeyedTable


def find(node: dict[str, Any], step: str) -> dict[str, Any] | None:
    if node.get("id") == step:
        return node
    for child in node.get("children", []):
        found = find(child, step)
        if found is not None:
            return found
    return None


async def run_floor(tree_path: Path, keyed: bool = False) -> None:
    from textual.widgets import ContentSwitcher

    global KEYED
    KEYED = keyed

    tree = json.loads(tree_path.read_text())
    later = set(STEPS) - {"opening"}
    keys = [f"f{n}" for n in range(1, 13)] + list("abcdefghij")

    class FloorForm(Screen[None]):
        BINDINGS = [Binding(k, "noop", f"Phím {k}") for k in keys[: tree["bindings"]]]

        def compose(self) -> Any:
            for child in tree["children"]:
                yield build(child, later)

        def action_noop(self) -> None:
            """Shown in the footer, as chibo's keys are."""

        def go_to(self, step: str) -> Any:
            switcher = self.query_one(ContentSwitcher)
            mounted = None
            if not switcher.query_children(f"#{step}"):
                node = next(find(c, step) for c in tree["children"] if find(c, step))
                mounted = switcher.mount(build(node, set()))
            switcher.current = step
            if keyed:
                if mounted is None:
                    self.focus_first(step)
                else:
                    self.call_after_refresh(self.focus_first, step)
            return mounted

        def focus_first(self, step: str) -> None:
            pane = self.query_one(f"#{step}")
            field = next((w for w in pane.query("*") if w.focusable), None)
            if field is not None:
                field.focus()

    class FloorApp(App[None]):
        def on_mount(self) -> None:
            self.push_screen(FloorForm())

    app = FloorApp()
    async with app.run_test(size=SIZE) as pilot:
        paints = Paints(app)
        await paints.settled(pilot, 0)
        out("rss_open_mb", rss_mb())
        screen = app.screen
        assert isinstance(screen, FloorForm)
        out(
            "first_visit_ms", await paints.shown(pilot, screen, lambda: screen.go_to("criterion-1"))
        )
        await revisits(pilot, paints, screen)
        for step in STEPS:
            screen.go_to(step)
            await paints.settled(pilot, time.perf_counter())
        out("rss_all_steps_mb", rss_mb())


if __name__ == "__main__":
    if sys.argv[1] == "chibo":
        asyncio.run(run_chibo(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        asyncio.run(run_floor(Path(sys.argv[2]), keyed=sys.argv[1] == "floor-keyed"))
