"""Run Python code as chibo would run on Windows, as far as Linux can pretend.

``python windows_sim.py -c CODE [args]`` or ``python windows_sim.py -m chibo_tui ARGS``:
``fcntl`` cannot be imported (as on Windows), and a fake ``msvcrt`` offers
``locking``. The fake keeps Windows' rules that matter to the lock: a byte range
locked by one open file refuses every other open file, in this process or
another, until it is unlocked or its process dies; and a lock on bytes that hold
data would keep other processes from reading them (Windows locks are
mandatory), so the fake refuses to lock bytes inside the file's content.

Not simulated: ``os.replace`` onto an open file, text-mode ``os.open``, path
rules. Those are tested by patching in the tests themselves.
"""

from __future__ import annotations

import errno
import fcntl as _real_fcntl  # taken before it is hidden: the fake's own mechanism
import importlib.abc
import os
import runpy
import sys
import types

HIDDEN = {"fcntl"}


class _Hide(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name in HIDDEN:
            raise ModuleNotFoundError(f"No module named {name!r} (hidden: Windows)", name=name)
        return None


def _fake_msvcrt() -> types.ModuleType:
    msvcrt = types.ModuleType("msvcrt")
    msvcrt.LK_UNLCK, msvcrt.LK_LOCK, msvcrt.LK_NBLCK = 0, 1, 2  # type: ignore[attr-defined]
    msvcrt.LK_RLCK, msvcrt.LK_NBRLCK = 3, 4  # type: ignore[attr-defined]
    msvcrt.calls = []  # type: ignore[attr-defined]

    def locking(fd: int, mode: int, nbytes: int) -> None:
        at = os.lseek(fd, 0, os.SEEK_CUR)
        msvcrt.calls.append((mode, at, nbytes))  # type: ignore[attr-defined]
        if mode == msvcrt.LK_UNLCK:  # type: ignore[attr-defined]
            _real_fcntl.flock(fd, _real_fcntl.LOCK_UN)
            return
        if at < os.fstat(fd).st_size + 4096:
            raise AssertionError(f"lock at byte {at}: inside data other processes must read")
        try:
            # flock belongs to the open file, as a Windows lock belongs to its handle.
            _real_fcntl.flock(fd, _real_fcntl.LOCK_EX | _real_fcntl.LOCK_NB)
        except BlockingIOError:
            raise OSError(errno.EACCES, "Permission denied") from None

    msvcrt.locking = locking  # type: ignore[attr-defined]
    return msvcrt


def install() -> None:
    # The standard library tells Windows by ``import msvcrt`` in places (subprocess):
    # imported first, they stay the Linux modules they have to be here.
    import asyncio  # noqa: F401
    import subprocess  # noqa: F401

    sys.modules.pop("fcntl", None)
    sys.meta_path.insert(0, _Hide())
    sys.modules["msvcrt"] = _fake_msvcrt()


def main() -> None:
    install()
    mode, target, *rest = sys.argv[1:]
    if mode == "-m":
        sys.argv = [target, *rest]
        runpy.run_module(target, run_name="__main__", alter_sys=True)
    elif mode == "-c":
        sys.argv = ["-c", *rest]
        exec(compile(target, "<windows_sim>", "exec"), {"__name__": "__main__"})
    else:
        raise SystemExit(f"usage: {sys.argv[0]} -c CODE | -m MODULE [args]")


if __name__ == "__main__":
    main()
