"""The floor of the start-up benchmark: a minimal Textual app the size of chibo's home.

    python bench/floor_app.py [ROWS] [PHASES_FILE]

Same shape as ``HomeScreen`` with ``ROWS`` months: a top bar of four labels, five
lines of text, a list of ``ROWS`` rows, a legend and a footer with the same number
of keys; no database, no domain code. It paints ``nhấn M`` (the marker the
benchmark waits for, as on chibo's home) and then waits to be killed. Whatever
chibo takes beyond this is chibo's own cost; this much is Textual's and Python's.
With ``PHASES_FILE`` it notes when it reaches the steps ``startup_phases.py``
notes for chibo.
"""

from __future__ import annotations

import sys
import time

_PHASES = open(sys.argv[2], "a", buffering=1) if len(sys.argv) > 2 else None  # noqa: SIM115


def mark(name: str) -> None:
    if _PHASES is not None:
        _PHASES.write(f"{name} {time.monotonic():.6f}\n")


mark("interpreter_ready")

from textual.app import App, ComposeResult  # noqa: E402
from textual.binding import Binding  # noqa: E402
from textual.containers import Horizontal, Vertical  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.widgets import Footer, Label, OptionList, Static  # noqa: E402
from textual.widgets.option_list import Option  # noqa: E402

mark("textual_imported")


class FloorScreen(Screen[None]):
    """Home's widgets, filled with plain text."""

    BINDINGS = [
        Binding(key, "noop", f"Phím {key}")
        for key in ("m", "n", "g", "t", "f1", "f5", "f6", "f7", "f8", "enter")
    ]

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            for name in ("cell", "context", "extra", "saved"):
                yield Label(f"Chi bộ Đinh Tiên Hoàng · {name}", id=name)
        with Vertical():
            yield Static("Tháng 11/2026 đang dự thảo — nhấn M để tiếp tục.")
            yield Static("120 kỳ sinh hoạt · Năm 2026: 9/10 tháng đạt “bốn tốt”")
            yield Static("Tháng     TC1 TC2 TC3 TC4   Bốn tốt    Dự họp   Trạng thái")
            yield OptionList(
                *(
                    Option(
                        f"{m % 12 + 1:02d}/{2026 - m // 12}  ✓ ✓ ✓ ✓  ★ bốn tốt  14/15", id=str(m)
                    )
                    for m in range(self.rows)
                )
            )
            yield Static("")
            yield Static("✓ đạt  ✗ không đạt  ★ bốn tốt")
        yield Footer()

    def on_mount(self) -> None:
        mark("home_mounted")

    def action_noop(self) -> None:
        """Keys are shown in the footer, as chibo's are; they do nothing here."""


class FloorApp(App[None]):
    """Pushes the screen on mount, as chibo pushes its first screen."""

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def on_mount(self) -> None:
        self.push_screen(FloorScreen(self.rows))


if __name__ == "__main__":
    app = FloorApp(int(sys.argv[1]) if len(sys.argv) > 1 else 120)
    mark("app_made")
    app.run()
