"""chibo's benchmark: start-up, saves, typing with autosave, exports, memory.

    .venv/bin/python bench/run.py [--quick]

Prints ``name: value unit`` lines. Every comparison is measured in the same run,
its variants interleaved so that a colleague's test run slows them alike; each
figure is the median of several runs (``--quick``: fewer, under a minute).

- ``startup_*``: from ``fork`` to the first screen painted on a pseudo-terminal
  (``python -m chibo_tui --db …`` as the chair runs it, against ``floor_app.py``, a
  minimal Textual app of the same widgets), each on a fresh copy of its database
  (so the opening backup is taken, as after any session that changed something).
- ``rss_*``: peak resident memory of the same processes, left 1 s (``--quick``:
  0.5 s) after the first paint for their background work (``VmHWM``, read just before it is killed).
- ``save_*``: ``Repository.save_meeting`` of this month's draft with 12, 120 and
  600 meetings in the database: a note edit (the month list unchanged) and an
  attendance edit (the month list rewritten too); wall time (with fsync) and CPU.
- ``startup_phase_*``: when each step of the start ended (``startup_phases.py``, and
  the floor app's own marks), and how long it took after the step before.
- ``open_read_only_*``: ``Repository.open(db, read_only=True)`` (read, parse, validate
  every record, as ``check`` and ``export`` do) with 12, 120 and 600 meetings.
- ``reader_*``: a reader thread calling ``summaries()`` and ``load_meeting()`` in a loop
  (as the UI thread does) while a writer thread saves this month's draft over and
  over with every ``os.fsync`` slowed to 500 ms (patched in this process only; a slow
  USB stick or a busy laptop disk): the longest single call, beside the same reads
  with no writer (the machine's own noise), against 500 ms × the fsyncs of a save
  had reads waited for the commit.
- ``typing_*``: the longest gap of a 5 ms heartbeat on the UI's event loop while
  keys are typed into a note at 12 a second, 600 meetings, autosave on, then off
  (``--quick``: on only);
  each gap is put down to a save running, a full garbage collection, or neither.
  ``autosave_*`` bound what saving can cost the UI: the hand-over on the UI thread
  (deep copies) and the writer thread's CPU per save (the most GIL it can hold).
- ``export_*``: each document's first call (which imports python-docx) and warm
  calls, beside ``import docx`` in a fresh interpreter.
- ``search_*``: from pushing the search screen (home shown, its workers done: the
  history snapshot loaded) to the first results (``ready``: the newest months
  indexed) and to every month indexed (``complete``); the memory allocated since the
  push and held then (``memory``, tracemalloc: the index and the screen) and once the
  screen is closed again (``memory_closed``).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import fcntl
import gc
import os
import platform
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from datetime import time as clock
from pathlib import Path

from chibo_tui.store import checked

ROOT = Path(__file__).resolve().parent.parent
FLOOR = Path(__file__).resolve().parent / "floor_app.py"
PHASES = Path(__file__).resolve().parent / "startup_phases.py"
TODAY = date.today()
MARKER = "nhấn m"
"""Painted (in any case) by chibo's home, with months or without, and by the floor app."""
_ESCAPES = re.compile(
    rb"\x1b(\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-B]|.)"
)


def line(name: str, value: float, unit: str, digits: int = 1) -> None:
    print(f"{name}: {value:.{digits}f} {unit}", flush=True)


def median(samples: list[float]) -> float:
    return statistics.median(samples)


TARGETS: list[tuple[str, float, float, str, float, str]] = []
"""Each figure of issue 16's table, as measured: (name, chibo, floor, unit, target, what)."""


def target(name: str, value: float, floor: float, unit: str, most: float, what: str) -> None:
    """Note a figure of the issue's table: ``value`` against ``floor`` (a ratio target),
    or, with ``floor`` 0, against ``most`` itself (an absolute one)."""
    TARGETS.append((name, value, floor, unit, most, what))


def targets() -> None:
    """The issue's table, at the end of the run: each figure, its floor and the ratio."""
    for name, value, floor, unit, most, what in TARGETS:
        if floor:
            ratio = value / floor
            verdict = "met" if ratio <= most else "missed"
            print(
                f"target_{name}: {ratio:.2f} x  ({value:.1f} vs {floor:.1f} {unit}; "
                f"target <= {most:.2f} x; {what}) {verdict}",
                flush=True,
            )
        else:
            verdict = "met" if value <= most else "missed"
            print(
                f"target_{name}: {value:.1f} {unit}  (target <= {most:.0f} {unit}; {what}) "
                f"{verdict}",
                flush=True,
            )


# -- the machine -------------------------------------------------------------------------------


def load_average() -> float:
    return os.getloadavg()[0]


def machine() -> None:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for row in Path("/proc/cpuinfo").read_text().splitlines():
            if row.startswith("model name"):
                cpu = row.split(":", 1)[1].strip()
                break
    import textual

    print(f"machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}")
    print(f"python: {platform.python_version()}, textual {textual.__version__}")
    line("load_average_start", load_average(), "load", 2)


def child_env() -> dict[str, str]:
    """The environment of every process measured: no ``CHIBO_*`` settings, and bytecode
    caches as an installed chibo has them (``PYTHONDONTWRITEBYTECODE``, set on some
    machines, would make chibo compile its ~90 modules at every start, ~100 ms, while
    Textual and python-docx load compiled: that measured the environment, not chibo)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHIBO_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(ROOT)
    return env


def compile_sources() -> None:
    """Write chibo's and the floor apps' bytecode caches once, as a first run would."""
    for folder in ("chibo_tui", "bench"):
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(ROOT / folder)],
            check=True,
            env=child_env(),
        )


# -- databases ----------------------------------------------------------------------------------


def make_database(folder: Path, months: int) -> Path:
    """A demo cell with ``months`` finalised months and, if any, this month's draft."""
    from chibo_tui.domain import lifecycle
    from chibo_tui.domain.months import month_of
    from chibo_tui.sample import build_demo
    from chibo_tui.store import Repository

    db = folder / f"db{months}" / "chibo.json"
    if db.exists():
        return db
    cell, history = build_demo(max(months, 1), TODAY, seed=2026)
    history = history[:months]
    with Repository.open(db) as repo:
        repo.import_history(cell, history)
        if not history:  # the cell and its roster, no meeting held yet
            repo.save_cell(cell)
        else:  # this month's meeting, begun: what the saves and the typing work on
            draft = lifecycle.new_meeting(cell, month_of(TODAY), TODAY, history, start=clock(19, 0))
            repo.save_meeting(draft)
    # Opened once more, as by the chair's previous session: the open records the year
    # files it found sound (``.chibo.checked``), so a start-up re-checks only what
    # changed since. Without it every start-up below would be the first open after an
    # import, which checks every file (``startup_chibo_600_meetings_first_open``).
    Repository.open(db).close()
    (db.parent / "chibo.json.lock").unlink()
    shutil.rmtree(db.parent / "backups", ignore_errors=True)
    return db


def fresh_copy(db: Path, into: Path) -> Path:
    if into.exists():
        shutil.rmtree(into)
    shutil.copytree(db.parent, into)
    return into / db.name


# -- start-up and memory ------------------------------------------------------------------------


@dataclass
class Start:
    ms: float  # fork to the marker painted
    rss_mb: float  # peak resident memory
    began: float  # monotonic time of the fork


def first_paint(argv: list[str], settle: float) -> Start:
    """Run ``argv`` on a 120 × 40 pseudo-terminal until ``MARKER`` is painted."""
    env = child_env()
    env |= {"TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    began = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.chdir(ROOT)
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    seen, painted, deadline = "", None, began + 120
    try:
        while time.monotonic() < deadline:
            if painted is not None and time.monotonic() > painted + settle:
                break
            ready, _, _ = select.select([fd], [], [], 0.01)
            if not ready:
                continue
            try:
                raw = os.read(fd, 1 << 16)
            except OSError:
                break
            if painted is None:
                seen += _ESCAPES.sub(b"", raw).decode("utf-8", errors="replace")
                if MARKER in unicodedata.normalize("NFC", seen[-4000:]).lower():
                    painted = time.monotonic()
    finally:
        peak = high_water_mb(pid)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.wait4(pid, 0)
        os.close(fd)
    if painted is None:
        raise RuntimeError(f"{argv} never painted {MARKER!r}: …{seen[-500:]}")
    return Start((painted - began) * 1000, peak, began)


def first_open_copy(db: Path, work: Path) -> Path:
    """A copy as after ``chibo demo`` or an import: no year file known to be sound yet."""
    copy = fresh_copy(db, work / "first-open")
    checked.cache_path(copy).unlink(missing_ok=True)
    return copy


def high_water_mb(pid: int | str = "self") -> float:
    """A process's peak resident memory since its ``exec`` (``VmHWM``). Not ``wait4``'s
    ``ru_maxrss``: Linux carries the forking parent's size into it, so a child of a big
    benchmark process would report the benchmark's peak."""
    for row in Path(f"/proc/{pid}/status").read_text().splitlines():
        if row.startswith("VmHWM:"):
            return int(row.split()[1]) / 1024
    return 0.0


def startup(work: Path, runs: int, warm_up: bool, settle: float) -> None:
    sizes = (0, 120, 600)
    databases = {n: make_database(work, n) for n in sizes}
    chibo = [sys.executable, "-m", "chibo_tui", "--db"]
    variants: dict[str, Callable[[], list[str]]] = {}
    for n in sizes:
        variants[f"floor_{n}"] = lambda n=n: [sys.executable, str(FLOOR), str(n)]  # type: ignore[misc]
        variants[f"chibo_{n}"] = lambda n=n: [  # type: ignore[misc]
            *chibo,
            str(fresh_copy(databases[n], work / f"run{n}")),
        ]
    variants["chibo_600_first_open"] = lambda: [*chibo, str(first_open_copy(databases[600], work))]
    found: dict[str, list[Start]] = {name: [] for name in variants}
    skip = 1 if warm_up else 0  # a first round that warms the disk cache, dropped
    for _ in range(runs + skip):
        for name, argv in variants.items():
            # Left a second after the first paint for their background work (chibo
            # counts the open remedies of every month): the peak memory is then real.
            wait = settle if not name.endswith("_0") else 0.1
            found[name].append(first_paint(argv(), settle=wait))
    found = {name: starts[skip:] for name, starts in found.items()}
    ms = {name: median([s.ms for s in starts]) for name, starts in found.items()}
    rss = {name: median([s.rss_mb for s in starts]) for name, starts in found.items()}
    for n in sizes:
        line(f"startup_floor_textual_{n}_rows", ms[f"floor_{n}"], "ms", 0)
        line(f"startup_chibo_{n}_meetings", ms[f"chibo_{n}"], "ms", 0)
        line(f"startup_ratio_{n}_meetings_vs_floor", ms[f"chibo_{n}"] / ms[f"floor_{n}"], "x", 2)
    line("startup_chibo_600_meetings_first_open", ms["chibo_600_first_open"], "ms", 0)
    for n in sizes:
        line(f"rss_peak_floor_textual_{n}_rows", rss[f"floor_{n}"], "MB")
        line(f"rss_peak_chibo_{n}_meetings", rss[f"chibo_{n}"], "MB")
        line(f"rss_ratio_{n}_meetings_vs_floor", rss[f"chibo_{n}"] / rss[f"floor_{n}"], "x", 2)
    for n in (120, 600):
        target(
            f"startup_{n}_months",
            ms[f"chibo_{n}"],
            ms[f"floor_{n}"],
            "ms",
            1.15,
            "fork to home painted, vs the minimal app",
        )
    target("rss_home_120_months", rss["chibo_120"], rss["floor_120"], "MB", 1.2, "vs minimal app")
    target(
        "rss_home_600_vs_120_months",
        rss["chibo_600"],
        rss["chibo_120"],
        "MB",
        1.0,
        "no more with 600 months than with 120",
    )


def phases(work: Path, runs: int, warm_up: bool) -> None:
    """The steps of each start (``startup_phases.py``, ``floor_app.py``), from the fork.

    ``startup_phase_<who>_<step>`` is when the step ended; ``…_took`` how long it took
    after the step before it.
    """
    db = make_database(work, 120)
    variants = {
        "chibo_120": lambda record: [
            sys.executable,
            str(PHASES),
            str(fresh_copy(db, work / "phases")),
            str(record),
        ],
        "floor_120": lambda record: [sys.executable, str(FLOOR), "120", str(record)],
    }
    found: dict[str, dict[str, list[float]]] = {name: {} for name in variants}
    skip = 1 if warm_up else 0
    for i in range(runs + skip):
        for name, argv in variants.items():
            record = work / f"phases-{name}-{i}.txt"
            start = first_paint(argv(record), settle=0.1)
            if i < skip:
                continue  # a warm-up
            for row in record.read_text().splitlines():
                step, stamp = row.split()
                found[name].setdefault(step, []).append((float(stamp) - start.began) * 1000)
            found[name].setdefault("painted", []).append(start.ms)
    for name, steps in found.items():
        previous = 0.0
        for step, samples in steps.items():
            at = median(samples)
            line(f"startup_phase_{name}_{step}", at, "ms", 0)
            line(f"startup_phase_{name}_{step}_took", at - previous, "ms", 0)
            previous = at


# -- saves ------------------------------------------------------------------------------------


def saves(work: Path, runs: int) -> None:
    from chibo_tui.domain.model import Presence
    from chibo_tui.domain.months import month_of
    from chibo_tui.store import Repository

    wall: dict[tuple[str, int], list[float]] = {}
    cpu: dict[tuple[str, int], list[float]] = {}
    sizes = (12, 120, 600)
    repos = {n: Repository.open(make_database(work, n)) for n in sizes}
    drafts = {n: repos[n].load_meeting(month_of(TODAY)) for n in sizes}
    try:
        for i in range(runs):
            for n in sizes:  # interleaved: a slow moment of the disk hits all three alike
                draft = drafts[n]
                assert draft is not None
                for kind in ("note", "list"):
                    if kind == "note":
                        draft.conclusion = f"Kết luận, lần sửa {i}: " + "chi bộ thống nhất. " * 40
                    else:
                        row = draft.attendance[i % len(draft.attendance)]
                        row.presence = (
                            Presence.PRESENT
                            if row.presence is not Presence.PRESENT
                            else Presence.EXCUSED
                        )
                    start, start_cpu = time.perf_counter(), time.thread_time()
                    repos[n].save_meeting(draft)
                    wall.setdefault((kind, n), []).append((time.perf_counter() - start) * 1000)
                    cpu.setdefault((kind, n), []).append((time.thread_time() - start_cpu) * 1000)
    finally:
        for repo in repos.values():
            repo.close()
    for kind in ("note", "list"):
        for n in sizes:
            line(f"save_{kind}_edit_{n}_meetings", median(wall[(kind, n)]), "ms", 2)
            line(f"save_{kind}_edit_{n}_meetings_cpu", median(cpu[(kind, n)]), "ms", 2)
        ratio = median(wall[(kind, 600)]) / median(wall[(kind, 12)])
        line(f"save_{kind}_edit_ratio_600_vs_12", ratio, "x", 2)
        cpu_ratio = median(cpu[(kind, 600)]) / median(cpu[(kind, 12)])
        line(f"save_{kind}_edit_cpu_ratio_600_vs_12", cpu_ratio, "x", 2)


# -- opening ---------------------------------------------------------------------------------------


def opens(work: Path, runs: int) -> None:
    from chibo_tui.store import Repository

    sizes = (12, 120, 600)
    databases = {n: make_database(work, n) for n in sizes}
    found: dict[int, list[float]] = {n: [] for n in sizes}
    for _ in range(runs):
        for n in sizes:  # interleaved
            start = time.perf_counter()
            Repository.open(databases[n], read_only=True).close()
            found[n].append((time.perf_counter() - start) * 1000)
    for n in sizes:
        line(f"open_read_only_{n}_meetings", median(found[n]), "ms")


# -- reads while the disk is slow ----------------------------------------------------------------

SLOW_FSYNC = 0.5
"""Seconds each fsync takes in ``reader_*``."""


def reader_pause(work: Path, seconds: float) -> None:
    """The longest a UI-thread read waits while the writer commits on a slow disk."""
    from chibo_tui.domain.model import Presence
    from chibo_tui.domain.months import month_of
    from chibo_tui.store import Repository

    db = fresh_copy(make_database(work, 600), work / "slow-disk")
    month = month_of(TODAY)
    real_fsync = os.fsync
    fsyncs: list[float] = []

    def slow_fsync(fd: int) -> None:
        time.sleep(SLOW_FSYNC)
        real_fsync(fd)
        fsyncs.append(time.perf_counter())

    calls: list[float] = []
    saves: list[tuple[float, float]] = []
    stop = threading.Event()
    repo = Repository.open(db)
    draft = repo.load_meeting(month)
    assert draft is not None

    def write() -> None:
        i = 0
        while not stop.is_set():
            if i % 2:
                draft.conclusion = f"Kết luận, lần sửa {i}."  # one file replaced
            else:
                row = draft.attendance[i % len(draft.attendance)]  # a commit over two files
                row.presence = (
                    Presence.EXCUSED if row.presence is Presence.PRESENT else Presence.PRESENT
                )
            start = time.perf_counter()
            repo.save_meeting(draft)
            saves.append((start, time.perf_counter()))
            i += 1

    def read() -> None:
        while not stop.is_set():
            start = time.perf_counter()
            repo.summaries()
            repo.load_meeting(month)
            calls.append((time.perf_counter() - start) * 1000)
            time.sleep(0.005)  # a UI refreshing, not a spin

    # The floor: the same reads with no writer, for a moment of the machine's own load.
    reader = threading.Thread(target=read)
    reader.start()
    time.sleep(seconds / 4)
    stop.set()
    reader.join()
    alone, calls = calls, []
    stop.clear()
    os.fsync = slow_fsync  # type: ignore[assignment]
    try:
        threads = [threading.Thread(target=write), threading.Thread(target=read)]
        for thread in threads:
            thread.start()
        time.sleep(seconds)
        stop.set()
        for thread in threads:
            thread.join()
    finally:
        os.fsync = real_fsync
        repo.close()
    line("reader_longest_call_no_writer", max(alone), "ms")
    line("reader_longest_call_slow_fsync", max(calls), "ms")
    line("reader_median_call_slow_fsync", median(calls), "ms", 2)
    line("reader_calls_slow_fsync", len(calls), "calls", 0)
    line("reader_writer_saves_slow_fsync", len(saves), "saves", 0)
    line(
        "reader_writer_save_wall_slow_fsync",
        median([(e - s) * 1000 for s, e in saves]),
        "ms",
        0,
    )


# -- typing with autosave -------------------------------------------------------------------------


@dataclass
class Typing:
    """One typing session: heartbeat gaps and when saving and full collections happened."""

    gaps: list[tuple[float, float]]  # (start, end) of each heartbeat gap, perf_counter s
    saves: list[tuple[float, float]]  # writer thread: save_meeting windows
    collections: list[tuple[float, float]]  # Python's full (generation 2) garbage collections
    flushes: list[float]  # UI thread: ms spent handing edits to the writer (deep copies)
    save_cpu: list[float]  # writer thread: CPU ms of each save (the most it can hold the GIL)
    open_ms: float = 0.0  # the meeting screen, from the key to its first layout

    def longest(self, during: str = "any") -> float:
        """The longest gap (ms): ``any``; ``save`` (a save ran, no full collection);
        ``gc`` (a full collection ran); ``other`` (neither)."""

        def overlaps(start: float, end: float, spans: list[tuple[float, float]]) -> bool:
            return any(s < end and start < e for s, e in spans)

        found = []
        for start, end in self.gaps:
            gc_ran = overlaps(start, end, self.collections)
            saved = overlaps(start, end, self.saves)
            kind = "gc" if gc_ran else "save" if saved else "other"
            if during in ("any", kind):
                found.append((end - start) * 1000)
        return max(found, default=0.0)


NOTE = "\n".join(
    f"Đoạn {i}: nguyên nhân chủ quan là chi ủy chuẩn bị chậm, tài liệu gửi muộn, "
    "một số đồng chí chưa nghiên cứu trước nên ý kiến còn chung chung. " * 3
    for i in range(12)
)
"""A long note (~6 KB, twelve paragraphs) being added to, as in a long meeting."""


async def _typing(db: Path, seconds: float, autosave: bool, visit_all: bool = False) -> Typing:
    """Type into a note of this month's meeting at 12 keys a second; what the UI felt."""
    from textual import events
    from textual.widgets import TextArea

    from chibo_tui.app import make_app
    from chibo_tui.domain.months import month_of
    from chibo_tui.screens.meeting import STEPS, MeetingScreen
    from chibo_tui.store import Repository

    repo = Repository.open(db)
    now = datetime.combine(TODAY, clock(19, 30))
    app = make_app(repo, db.parent / "exports", clock=lambda: now)
    found = Typing([], [], [], [], [])
    real_save, real_flush = repo.save_meeting, app.session.flush_edits
    began: list[float] = []

    def collection(phase: str, info: dict[str, int]) -> None:
        if info["generation"] == 2:
            if phase == "start":
                began.append(time.perf_counter())
            elif began:
                found.collections.append((began.pop(), time.perf_counter()))

    def save_meeting(meeting: object) -> None:  # on the writer thread
        start, cpu = time.perf_counter(), time.thread_time()
        real_save(meeting)  # type: ignore[arg-type]
        found.saves.append((start, time.perf_counter()))
        found.save_cpu.append((time.thread_time() - cpu) * 1000)

    def flush_edits() -> None:  # on the UI thread, every 0.5 s
        start = time.perf_counter()
        real_flush()
        found.flushes.append((time.perf_counter() - start) * 1000)

    repo.save_meeting = save_meeting  # type: ignore[method-assign]
    app.session.flush_edits = flush_edits if autosave else (lambda: None)  # type: ignore[method-assign]
    gc.callbacks.append(collection)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            opened = time.perf_counter()
            app.open_meeting(month_of(TODAY))
            await pilot.pause()
            found.open_ms = (time.perf_counter() - opened) * 1000
            screen = app.screen
            assert isinstance(screen, MeetingScreen)
            if visit_all:  # as in a real meeting: every step built before the long note
                for step in STEPS:
                    await screen.go_to(step)
                    for _ in range(3):
                        await pilot.pause()
                await asyncio.sleep(1.5)  # an idle moment, as the chair reads the screen
            await screen.go_to("criterion-1")
            await pilot.pause()
            area = screen.query_one("#criterion-1 .causes", TextArea)
            area.text = NOTE
            area.focus()
            area.move_cursor(area.document.end)
            await pilot.pause()
            last = time.perf_counter()

            def beat() -> None:
                nonlocal last
                now_ = time.perf_counter()
                found.gaps.append((last, now_))
                last = now_

            timer = app.set_interval(0.005, beat)
            text = " Đảng viên cần nêu cao tinh thần tự phê bình và phê bình."
            end = time.perf_counter() + seconds
            i = 0
            while time.perf_counter() < end:
                char = text[i % len(text)]
                app.post_message(events.Key(char if char != " " else "space", char))
                i += 1
                await asyncio.sleep(1 / 12)
            timer.stop()
            assert app.session.save_now()
    finally:
        gc.callbacks.remove(collection)
        repo.close()
    found.gaps = found.gaps[1:]
    typing_began, typing_ended = found.gaps[0][0], found.gaps[-1][1]
    found.collections = [
        (s, e) for s, e in found.collections if e > typing_began and s < typing_ended
    ]
    return found


def typing(work: Path, seconds: float, rounds: int, compare: bool) -> None:
    """Typing sessions with autosave on (and, with ``compare``, off, interleaved)."""
    db = make_database(work, 600)
    on: list[Typing] = []
    off: list[Typing] = []
    visited: list[Typing] = []
    for _ in range(rounds):  # interleaved, so that the machine's load hits both alike
        on.append(asyncio.run(_typing(db, seconds, autosave=True)))
        visited.append(asyncio.run(_typing(db, seconds, autosave=True, visit_all=True)))
        if compare:
            off.append(asyncio.run(_typing(db, seconds, autosave=False)))
    both = on + off
    line("meeting_screen_open_600_meetings", median([t.open_ms for t in both]), "ms", 0)
    line("typing_saves_during_session", median([len(t.saves) for t in on]), "saves", 0)
    line("typing_longest_pause_autosave_on", median([t.longest() for t in on]), "ms")
    if off:
        line("typing_longest_pause_autosave_off", median([t.longest() for t in off]), "ms")
    pause = median([t.longest() for t in visited])
    line("typing_longest_pause_every_step_visited", pause, "ms")
    full = [(e - s) * 1000 for t in visited for s, e in t.collections]
    line("typing_full_gc_every_step_visited", len(full) / len(visited), "per session")
    line("typing_full_gc_longest_every_step_visited", max(full, default=0.0), "ms")
    target(
        "typing_pause_every_step_visited",
        pause,
        0,
        "ms",
        50,
        "longest pause typing a note, 600 months, autosave on",
    )
    line("typing_longest_pause_while_saving", max(t.longest("save") for t in on), "ms")
    line("typing_longest_pause_in_full_gc", max(t.longest("gc") for t in both), "ms")
    line("typing_longest_pause_otherwise", max(t.longest("other") for t in both), "ms")
    collections = [(e - s) * 1000 for t in both for s, e in t.collections]
    line("typing_full_gc_autosave_on", sum(len(t.collections) for t in on) / len(on), "per session")
    if off:
        count = sum(len(t.collections) for t in off) / len(off)
        line("typing_full_gc_autosave_off", count, "per session")
    line("typing_full_gc_longest", max(collections, default=0.0), "ms")
    line("autosave_ui_thread_handover_longest", max(max(t.flushes) for t in on), "ms", 2)
    line(
        "autosave_writer_cpu_per_save_median", median([c for t in on for c in t.save_cpu]), "ms", 2
    )
    line("autosave_writer_cpu_per_save_longest", max(max(t.save_cpu) for t in on), "ms", 2)
    tripped = sum(
        any(s < ge and gs < e for gs, ge in t.collections) for t in on for s, e in t.saves
    )
    line("autosave_saves_during_a_full_gc", tripped, "saves", 0)
    line(
        "autosave_writer_wall_per_save_median",
        median([(e - s) * 1000 for t in on for s, e in t.saves]),
        "ms",
    )


# -- what a full garbage collection has to walk -------------------------------------------------

GC_STAGES = """
import asyncio, gc, sys, time
from datetime import datetime
from pathlib import Path
db, month = Path(sys.argv[1]), sys.argv[2]

def stage(name):
    gc.collect()
    objects = len(gc.get_objects())
    start = time.perf_counter()
    gc.collect()
    print(f"gc_objects_{name}: {objects / 1000:.0f} thousand")
    print(f"gc_full_collection_{name}: {(time.perf_counter() - start) * 1000:.0f} ms", flush=True)

import textual.app
stage("textual_imported")
from chibo_tui.app import make_app
from chibo_tui.screens.home import HomeScreen
from chibo_tui.screens.meeting import MeetingScreen
from chibo_tui.store import Repository
stage("chibo_imported")
repo = Repository.open(db)
stage("600_meetings_opened")

async def type_some(app, pilot):
    from textual import events
    from textual.widgets import TextArea
    area = app.screen.query_one("#criterion-1 .causes", TextArea)
    area.focus()
    await pilot.pause()
    for char in "Chi bộ thống nhất rút kinh nghiệm, phân công rõ người rõ việc.":
        app.post_message(events.Key(char if char != " " else "space", char))
        await asyncio.sleep(0.01)
    await pilot.pause()

async def run():
    app = make_app(repo, db.parent / "exports", clock=lambda: datetime(2026, 11, 27, 19, 30))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        stage("home_up_remedies_counted")
        app.open_meeting(month)
        await pilot.pause()
        await pilot.pause()
        stage("meeting_screen_up")
        app.screen.go_to("criterion-1")
        await type_some(app, pilot)
        stage("meeting_screen_up_typed_into")
        gc.freeze()
        await type_some(app, pilot)
        stage("meeting_screen_up_gc_frozen_then_typed_into")

asyncio.run(run())
repo.close()
"""


def collections(work: Path) -> None:
    """Objects a full collection walks at each stage of a session with 600 meetings, in a
    fresh process; and what is left to walk once they are frozen (``gc.freeze``)."""
    from chibo_tui.domain.months import month_of

    db = make_database(work, 600)
    print(_fresh(GC_STAGES, str(db), month_of(TODAY)), end="", flush=True)


# -- exports -------------------------------------------------------------------------------------

EXPORTS = """
import statistics, sys, tempfile, time
from datetime import date
from pathlib import Path
from chibo_tui.sample import build_demo
runs = int(sys.argv[1])
cell, history = build_demo(14, date(2026, 11, 27), seed=2026)
t = time.perf_counter()
from chibo_tui import export
year = history[-1].year
jobs = {
    "minutes": lambda out: export.export_minutes(cell, history[-1], out),
    "report": lambda out: export.export_report(cell, history[-1], out),
    "summary": lambda out: export.export_summary(cell, history, year, out),
    "plan": lambda out: export.export_plan(cell, year + 1, out),
}
with tempfile.TemporaryDirectory() as tmp:
    out = Path(tmp)
    for name, job in jobs.items():
        start = time.perf_counter()
        job(out)
        first = (time.perf_counter() - start) * 1000
        warm = []
        for _ in range(runs):
            start = time.perf_counter()
            job(out)
            warm.append((time.perf_counter() - start) * 1000)
        print(f"export_{name}_first_call: {first:.1f} ms")
        print(f"export_{name}: {statistics.median(warm):.1f} ms")
"""


def _fresh(code: str, *args: str) -> str:
    env = child_env()
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=env
    ).stdout


def exports(runs: int) -> None:
    code = (
        "import time; t = time.perf_counter(); import docx; print((time.perf_counter() - t) * 1000)"
    )
    imports = [float(_fresh(code)) for _ in range(runs)]
    line("import_docx_fresh_process", median(imports), "ms")
    print(_fresh(EXPORTS, str(runs)), end="", flush=True)


# -- the meeting screen against a plain form --------------------------------------------------

MEETING = Path(__file__).resolve().parent / "meeting_figures.py"


def _figures(argv: list[str]) -> dict[str, float]:
    env = child_env()
    done = subprocess.run(argv, capture_output=True, text=True, check=True, env=env, cwd=ROOT)
    return {k: float(v) for k, v in (row.split() for row in done.stdout.splitlines())}


def meeting_screen(work: Path, runs: int) -> None:
    """``meeting_figures.py``: chibo's meeting screen, the same widgets plain, and plain
    as a keyboard form (the focus moved to the step, the focused table's keys in the
    footer: ``*_keyboard_form``), each in a fresh process (120 months), interleaved:
    peak RSS, first visit and revisit."""
    db = make_database(work, 120)
    tree = work / "meeting-tree.json"
    chibo: list[dict[str, float]] = []
    floor: list[dict[str, float]] = []
    keyed: list[dict[str, float]] = []
    for _ in range(runs):
        copy = fresh_copy(db, work / "meeting120")
        chibo.append(_figures([sys.executable, str(MEETING), "chibo", str(copy), str(tree)]))
        floor.append(_figures([sys.executable, str(MEETING), "floor", str(tree)]))
        keyed.append(_figures([sys.executable, str(MEETING), "floor-keyed", str(tree)]))
    got = {k: median([r[k] for r in chibo]) for k in chibo[0]}
    base = {k: median([r[k] for r in floor]) for k in floor[0]}
    focus = {k: median([r[k] for r in keyed]) for k in keyed[0]}
    line("meeting_open_120_meetings", got["open_ms"], "ms", 0)
    for key, unit in (
        ("rss_open_mb", "MB"),
        ("rss_all_steps_mb", "MB"),
        ("first_visit_ms", "ms"),
        ("revisit_first_ms", "ms"),
        ("revisit_ms", "ms"),
        ("revisit_keys_ms", "ms"),
    ):
        name = key.rsplit("_", 1)[0]
        line(f"meeting_{name}_chibo", got[key], unit)
        line(f"meeting_{name}_plain_form", base[key], unit)
        line(f"meeting_{name}_ratio", got[key] / base[key], "x", 2)
        if key.endswith("_ms"):
            line(f"meeting_{name}_keyboard_form", focus[key], unit)
            line(f"meeting_{name}_ratio_vs_keyboard_form", got[key] / focus[key], "x", 2)
    target("rss_meeting_open", got["rss_open_mb"], base["rss_open_mb"], "MB", 1.2, "vs plain form")
    target(
        "rss_meeting_every_step",
        got["rss_all_steps_mb"],
        base["rss_all_steps_mb"],
        "MB",
        1.2,
        "vs plain form",
    )
    target(
        "criterion_first_visit",
        got["first_visit_ms"],
        base["first_visit_ms"],
        "ms",
        1.15,
        "key to painted, vs the same widgets plain",
    )
    target("criterion_revisit", got["revisit_ms"], 0, "ms", 30, "key to painted")


# -- the command line's exports, as whole processes -------------------------------------------------


def cli_exports(work: Path, runs: int) -> None:
    """``chibo export report|summary|plan`` from fork to exit, interleaved with the floor
    ``python -c "import docx, tinydb"``, a blank document saved, and python-docx writing
    the same document's content (``cli_floor_same_document_*``); 12, 120 and 600 months,
    the numbers already given (the first export of a document records its number: a
    write, measured apart)."""
    from chibo_tui.domain.months import month_of, shift

    env = child_env()
    month = shift(month_of(TODAY), -1)
    sizes = (12, 120, 600)
    dbs = {n: fresh_copy(make_database(work, n), work / f"cli{n}") for n in sizes}
    out = work / "cli-exports"
    kinds = {
        "report": ["--month", month],
        "summary": ["--year", month[:4]],
        "plan": ["--year", str(int(month[:4]) + 1)],
    }

    def chibo(kind: str, n: int) -> list[str]:
        return [sys.executable, "-m", "chibo_tui", "export", kind, *kinds[kind], "--db"] + [
            str(dbs[n]),
            "--out",
            str(out),
        ]

    def timed(argv: list[str]) -> float:
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True, env=env, cwd=ROOT)
        return (time.perf_counter() - start) * 1000

    for n in sizes:
        for kind in kinds:
            timed(chibo(kind, n))  # records the number; warms the disk cache
    floor_argv = [sys.executable, "-c", "import docx, tinydb"]
    # What any export must do at least: python-docx's blank document (its template
    # parsed) written to a file. The floor only imports the libraries.
    out.mkdir(parents=True, exist_ok=True)
    blank = out / "blank.docx"
    blank_argv = [
        sys.executable,
        "-c",
        f"import docx, tinydb; docx.Document().save({str(blank)!r})",
    ]
    # And python-docx writing the same document (bench/same_document.py): the content
    # of the document chibo exported for each kind and size (runs with their bold,
    # italic and size, tables with their cells), taken out beforehand as JSON, built
    # again with plain python-docx calls and saved in a fresh interpreter.
    same_argv: dict[str, list[str]] = {}
    for n in sizes:
        for kind in kinds:
            folder = out / f"content-{kind}-{n}"
            shutil.rmtree(folder, ignore_errors=True)
            argv = chibo(kind, n)
            argv[argv.index("--out") + 1] = str(folder)
            subprocess.run(argv, capture_output=True, check=True, env=env, cwd=ROOT)
            (written,) = folder.glob("*.docx")
            content = out / f"content-{kind}-{n}.json"
            script = str(ROOT / "bench" / "same_document.py")
            subprocess.run(
                [sys.executable, script, "extract", str(written), str(content)], check=True
            )
            same = str(out / f"same-{kind}-{n}.docx")
            same_argv[f"{kind}_{n}"] = [sys.executable, script, "write", str(content), same]
    found: dict[str, list[float]] = {}
    for _ in range(runs):
        found.setdefault("floor", []).append(timed(floor_argv))
        found.setdefault("blank", []).append(timed(blank_argv))
        for n in sizes:
            for kind in kinds:
                found.setdefault(f"same_{kind}_{n}", []).append(timed(same_argv[f"{kind}_{n}"]))
                found.setdefault(f"{kind}_{n}", []).append(timed(chibo(kind, n)))
    floor = median(found["floor"])
    blank_floor = median(found["blank"])
    line("cli_floor_import_docx_tinydb", floor, "ms", 0)
    line("cli_floor_blank_document_saved", blank_floor, "ms", 0)
    for n in sizes:
        for kind in kinds:
            same = median(found[f"same_{kind}_{n}"])
            line(f"cli_floor_same_document_{kind}_{n}_meetings", same, "ms", 0)
            line(f"cli_floor_same_document_{kind}_{n}_meetings_ratio", same / floor, "x", 2)
    for n in sizes:
        for kind in kinds:
            value = median(found[f"{kind}_{n}"])
            same = median(found[f"same_{kind}_{n}"])
            line(f"cli_export_{kind}_{n}_meetings", value, "ms", 0)
            line(f"cli_export_{kind}_{n}_meetings_ratio", value / floor, "x", 2)
            line(f"cli_export_{kind}_{n}_meetings_vs_blank_document", value / blank_floor, "x", 2)
            line(f"cli_export_{kind}_{n}_meetings_vs_same_document", value / same, "x", 2)
    for kind in kinds:
        for n in (120, 600):
            value = median(found[f"{kind}_{n}"])
            target(f"cli_export_{kind}_{n}_months", value, floor, "ms", 1.3, "whole process")


# -- search ----------------------------------------------------------------------------------------


@dataclass
class SearchTimes:
    ready: float
    """ms from pushing the screen to the first results shown (the first part indexed)."""
    complete: float
    """ms from pushing the screen to every month indexed."""


async def _search_ready(db: Path, traced: bool) -> SearchTimes | tuple[float, float]:
    """From pushing the search screen to its first results and to its index complete
    (the worker's messages handled), in ms; with ``traced``, the memory allocated since
    the push and still held (tracemalloc, MB: it slows every allocation, so it is
    measured in a run of its own) with the index complete, then once the screen is
    closed again."""
    import gc
    import tracemalloc

    from chibo_tui.app import make_app
    from chibo_tui.screens.search import SearchScreen
    from chibo_tui.store import Repository

    repo = Repository.open(db, read_only=True)
    app = make_app(repo, db.parent / "exports", clock=lambda: datetime.combine(TODAY, clock(19)))
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            if traced:
                tracemalloc.start()
            start = time.perf_counter()
            screen = SearchScreen()
            app.push_screen(screen)
            ready = 0.0
            for _ in range(20000):  # bounded: 20 s
                if not ready and screen.results is not None:
                    ready = (time.perf_counter() - start) * 1000
                if ready and not screen.indexing:
                    break
                await asyncio.sleep(0.001)
            complete = (time.perf_counter() - start) * 1000
            if traced:
                gc.collect()
                held = tracemalloc.get_traced_memory()[0] / 2**20
                app.pop_screen()
                del screen
                await pilot.pause()
                gc.collect()
                after = tracemalloc.get_traced_memory()[0] / 2**20
                tracemalloc.stop()
                return held, after
    finally:
        repo.close()
    return SearchTimes(ready, complete)


def search(work: Path, runs: int) -> None:
    for n in (120, 600):
        db = make_database(work, n)
        times = [asyncio.run(_search_ready(db, traced=False)) for _ in range(runs)]
        ready = median([t.ready for t in times if isinstance(t, SearchTimes)])
        complete = median([t.complete for t in times if isinstance(t, SearchTimes)])
        line(f"search_ready_{n}_meetings", ready, "ms", 0)
        line(f"search_complete_{n}_meetings", complete, "ms", 0)
        memory = asyncio.run(_search_ready(db, traced=True))
        assert isinstance(memory, tuple)
        line(f"search_memory_{n}_meetings", memory[0], "MB")
        line(f"search_memory_closed_{n}_meetings", memory[1], "MB")
        if n == 600:
            target("search_ready_600_months", ready, 0, "ms", 200, "screen pushed to first results")


# -- main ----------------------------------------------------------------------------------------


@contextlib.contextmanager
def workspace() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="chibo-bench-") as tmp:
        yield Path(tmp)


ONLY: set[str] = set()
"""``--only``: the sections to run (all when empty)."""


@contextlib.contextmanager
def section(name: str) -> Iterator[bool]:
    """Time a part of the benchmark itself (``bench_section_*``), to keep ``--quick`` quick;
    yields whether to run it at all (``--only``)."""
    start = time.perf_counter()
    chosen = not ONLY or name in ONLY
    yield chosen
    if chosen:
        line(f"bench_section_{name}", time.perf_counter() - start, "s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs: a minute or two")
    parser.add_argument("--only", default="", help="comma-separated sections, e.g. typing,search")
    args = parser.parse_args()
    quick = args.quick
    ONLY.update(filter(None, args.only.split(",")))
    started = time.perf_counter()
    sys.path.insert(0, str(ROOT))
    machine()
    compile_sources()
    with workspace() as work:
        with section("startup") as run:
            if run:
                startup(
                    work, runs=3 if quick else 7, warm_up=not quick, settle=0.5 if quick else 1.0
                )
        with section("phases") as run:
            if run:
                phases(work, runs=1 if quick else 5, warm_up=not quick)
        with section("saves") as run:
            if run:
                saves(work, runs=12 if quick else 40)
        with section("opens") as run:
            if run:
                opens(work, runs=5 if quick else 15)
        with section("reader") as run:
            if run:
                reader_pause(work, seconds=4.0 if quick else 10.0)
        with section("typing") as run:
            if run:
                typing(
                    work, seconds=2.0 if quick else 8.0, rounds=1 if quick else 3, compare=not quick
                )
        with section("collections") as run:
            if run:
                collections(work)
        with section("meeting_screen") as run:
            if run:
                meeting_screen(work, runs=2 if quick else 5)
        with section("cli_exports") as run:
            if run:
                cli_exports(work, runs=2 if quick else 5)
        with section("search") as run:
            if run:
                search(work, runs=1 if quick else 3)
    with section("exports") as run:
        if run:
            exports(runs=2 if quick else 7)
    targets()
    line("load_average_end", load_average(), "load", 2)
    line("bench_wall_time", time.perf_counter() - started, "s")


if __name__ == "__main__":
    main()
