"""Key descriptions of Textual's own widgets, in Vietnamese, wherever keys are listed."""

from __future__ import annotations

import dataclasses

from textual.binding import ActiveBinding

from .text.textual_keys import TEXTUAL_KEYS


def vietnamese_bindings(bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """``bindings`` with the descriptions of Textual's own keys in Vietnamese.

    The footer, the key panel and the palette all read a screen's active
    bindings, so this one place covers them all.
    """
    translated: dict[str, ActiveBinding] = {}
    for key, active in bindings.items():
        binding = active.binding
        vietnamese = TEXTUAL_KEYS.get(binding.description)
        if vietnamese is not None:
            binding = dataclasses.replace(binding, description=vietnamese)
            active = active._replace(binding=binding)
        translated[key] = active
    return translated
