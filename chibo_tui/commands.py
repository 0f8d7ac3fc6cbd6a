"""The command palette's commands, found the way a Vietnamese chair types them.

Textual's own provider matches with diacritics ("chot" does not find "Chốt biên
bản") and says "No matches found" in English. This one folds both sides
(lower case, no diacritics, đ → d) before Textual's fuzzy matcher scores them,
and says in Vietnamese when nothing matches.
"""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from .domain.vietnamese import fold
from .text import common as T


class ChiboCommands(Provider):
    """Every command of the screen in view (see ``ChiboApp.get_system_commands``)."""

    async def discover(self) -> Hits:
        commands = sorted(self.app.get_system_commands(self.screen), key=lambda c: c.title)
        for command in commands:
            if command.discover:
                yield DiscoveryHit(command.title, command.callback, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(fold(query))
        found = False
        for command in self.app.get_system_commands(self.screen):
            score = matcher.match(fold(command.title))
            if score > 0:
                found = True
                yield Hit(score, Content(command.title), command.callback, help=command.help)
        if not found and query.strip():
            yield Hit(1.0, Content.styled(T.PALETTE_NO_MATCH, "dim"), _nothing, help="")


def _nothing() -> None:
    """Choosing "no match" does nothing."""
