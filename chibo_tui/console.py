"""Text out of the command line on any console: Vietnamese never crashes a command.

A redirected Windows console (``chibo check > out.txt``), ``PYTHONIOENCODING=cp1252``
or a C locale give Python an output encoding without Vietnamese letters, and
``print`` raises ``UnicodeEncodeError``. Files and pipes get UTF-8, which every
editor reads; a console that cannot show the letters gets "?" in their place,
and one line, in plain letters, saying why.
"""

from __future__ import annotations

import io
import sys
from typing import TextIO

from .text import cli as T

PROBE = "Đảng ệ ữ"
"""Letters a console must be able to write for Vietnamese to come out whole."""


def shows_vietnamese(stream: TextIO) -> bool:
    try:
        PROBE.encode(stream.encoding or "ascii")
    except (LookupError, UnicodeEncodeError):
        return False
    return True


def prepare(streams: tuple[TextIO, ...] | None = None) -> None:
    """Make ``sys.stdout`` and ``sys.stderr`` able to take any Vietnamese text."""
    warned = False
    for stream in streams if streams is not None else (sys.stdout, sys.stderr):
        if stream is None or shows_vietnamese(stream) or not isinstance(stream, io.TextIOWrapper):
            continue
        if stream.isatty():
            stream.reconfigure(errors="replace")
            if not warned:
                print(T.CONSOLE_NO_VIETNAMESE, file=stream)
                warned = True
        else:
            stream.reconfigure(encoding="utf-8", errors="replace")
