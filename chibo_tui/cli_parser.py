"""An argument parser that speaks Vietnamese, without patching ``argparse``.

argparse writes its own words (``usage:``, the group titles, the help of
``-h``, its error messages) through a module-level ``gettext``; replacing that
would change every parser in the process. Here each of them is set on our
parsers alone: the usage prefix by the formatter, the titles and ``-h`` when
the parser is made, and the error messages translated from argparse's English
templates on their way out.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any, NoReturn

from .text import cli as T


class VietnameseHelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, T.USAGE_PREFIX if prefix is None else prefix)


class VietnameseParser(argparse.ArgumentParser):
    """``argparse.ArgumentParser`` with Vietnamese titles, help and errors."""

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", VietnameseHelpFormatter)
        kwargs["add_help"] = False  # our own -h, with Vietnamese help, is added below
        super().__init__(*args, **kwargs)
        self._positionals.title = T.POSITIONALS_TITLE
        self._optionals.title = T.OPTIONALS_TITLE
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help=T.HELP_HELP
            )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, T.PARSER_ERROR.format(prog=self.prog, message=translate(message)))


def translate(message: str) -> str:
    """An argparse error message in Vietnamese (left as it is if not known)."""
    for pattern, vietnamese in _patterns():
        found = pattern.fullmatch(message)
        if found:
            parts = found.groupdict()
            if "message" in parts:
                parts["message"] = translate(parts["message"])
            if "type" in parts:
                parts["type"] = T.ARGPARSE_TYPES.get(parts["type"], parts["type"])
            return vietnamese.format(**parts)
    return message


@cache
def _patterns() -> Sequence[tuple[re.Pattern[str], str]]:
    """argparse's templates (``%(name)s``, ``%s``) as patterns with named groups."""
    compiled = []
    for english, vietnamese in T.ARGPARSE_ERRORS.items():
        pattern = re.escape(english)
        pattern = re.sub(r"%\\\((\w+)\\\)[sr]", r"(?P<\1>.+?)", pattern)
        pattern = pattern.replace("%s", "(?P<s>.+?)")
        compiled.append((re.compile(pattern, re.DOTALL), vietnamese))
    return compiled
