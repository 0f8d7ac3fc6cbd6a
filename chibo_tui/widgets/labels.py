"""Text shown in a label, changed only when it changes."""

from __future__ import annotations

from textual.widgets import Static


def set_text(label: Static, text: str) -> None:
    """Show ``text`` in ``label``, unless it shows it already.

    ``Static.update`` always parses the text again and lays the screen out: a step
    shown again set four labels to what they showed, and the meeting's clock was set
    to the same time at each mark or entry the chair made.
    """
    current = label.content
    # Only str against str: ``Content.__eq__`` compares the plain text, not the styles.
    if not (isinstance(current, str) and current == text):
        label.update(text)
