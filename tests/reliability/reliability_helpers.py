"""Shared builders of the reliability tests: a deterministic save plan, folder views.

Imported by the tests (their folder is on ``sys.path``) and by ``crash_writer.py``,
which runs the plan in a child process that the crash test kills. Everything here
is deterministic: the state of the database after ``k`` saves of the plan is a pure
function of ``k``, so the test can say exactly what the file must contain.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from msgspec.structs import replace

from chibo_tui.domain import lifecycle
from chibo_tui.domain.codec import to_dict
from chibo_tui.domain.model import Cell, Discussion, Meeting, Presence, Remedy, Role, Vote
from chibo_tui.domain.months import shift
from chibo_tui.domain.rules import attendance_counts
from chibo_tui.sample import build_demo
from chibo_tui.store import Repository
from chibo_tui.store.snapshot import read_archive, read_database

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
WRITER = HERE / "crash_writer.py"
EXPORTER = HERE / "export_writer.py"
DEMO_WRITER = HERE / "demo_writer.py"

DEMO_MONTHS = 12
DEMO_TODAY = date(2025, 10, 20)
"""The demo history ends in 09/2025; the plan goes on from 10/2025 across new years."""
EDITS_PER_MONTH = 4
"""Draft saves of each month before the save that finalises it."""
CELL_EVERY = 7
"""Every seventh save of the plan is a save of the cell (its profile) instead."""

_PHRASES = (
    "Chi bộ thống nhất đánh giá tháng đạt “bốn tốt”.",
    "Đồng chí bí thư kết luận: cần chuẩn bị tài liệu sớm hơn.",
    "Nguyên nhân chủ quan: một số đồng chí chưa nắm chắc nội dung; ",
    "Trách nhiệm thuộc về tập thể chi ủy và đồng chí phụ trách khu phố. ",
    "Ý kiến khác được ghi nguyên văn: đề nghị họp sớm hơn 30 phút. ",
)


@dataclass(frozen=True)
class Step:
    """One save of the plan: a draft edit of ``month``, its finalising, or the cell."""

    index: int
    kind: str  # "edit", "finalise" or "cell"
    month: str = ""


def initial() -> tuple[Cell, list[Meeting]]:
    """The cell and the finalised history the plan starts from."""
    return build_demo(DEMO_MONTHS, DEMO_TODAY, seed=7)


def step(k: int) -> Step:
    """The ``k``-th save of the plan (0-based)."""
    if k % CELL_EVERY == CELL_EVERY - 1:
        return Step(k, "cell")
    meeting_saves = k - k // CELL_EVERY  # saves of meetings before this one
    per_month = EDITS_PER_MONTH + 1
    month = shift("2025-10", meeting_saves // per_month)
    kind = "finalise" if meeting_saves % per_month == EDITS_PER_MONTH else "edit"
    return Step(k, kind, month)


def _text(k: int, salt: int) -> str:
    """Text whose length swings from a few bytes to ~12 KB, so files grow and shrink."""
    size = (k * 7919 + salt * 104729) % 40
    body = "".join(_PHRASES[(k + i) % len(_PHRASES)] for i in range(size * 4))
    return f"[{k}] " + body


def cell_at(base: Cell, k: int) -> Cell:
    """The cell as the ``k``-th save (a cell step) writes it."""
    return replace(
        base,
        meeting_place=f"Hội trường khu phố {k % 9 + 1}, lần lưu {k}",
        plan_bases=[*base.plan_bases, _text(k, 3)[:300]],
    )


def meeting_at(base: Cell, s: Step) -> Meeting:
    """The meeting of ``s.month`` as the save ``s`` writes it (finalised or not)."""
    year, mon = int(s.month[:4]), int(s.month[5:7])
    day = date(year, mon, 5)
    meeting = lifecycle.new_meeting(base, s.month, day, start=time(19, 0))
    meeting.end_time = time(21, 0)
    deputy = base.with_role(Role.DEPUTY) or base.active_members()[1]
    meeting.minute_taker, meeting.minute_taker_id = deputy.full_name, deputy.id
    for i, row in enumerate(meeting.attendance):
        row.presence = Presence.EXCUSED if i == (s.index % 5) else Presence.PRESENT
        row.reason = "Đi công tác" if row.presence is Presence.EXCUSED else ""
    voters = attendance_counts(meeting.attendance).voters
    for review in meeting.reviews:
        for check in review.checks:
            check.passed = True
        review.discussion = [Discussion(deputy.full_name, _text(s.index, review.number))]
        review.vote = Vote(in_favour=voters, against=0, other=0)
    meeting.review(2).remedies = [
        Remedy("Chuẩn bị tài liệu trước 3 ngày", deputy.full_name, day, deputy.id, id=f"r{s.month}")
    ]
    meeting.conclusion = _text(s.index, 9)
    meeting.resume = {"step": "close", "field": str(s.index % 3)}
    if s.kind == "finalise":
        lifecycle.finalise(meeting, datetime(year, mon, 5, 21, 5))
    return meeting


def apply(repo: Repository, base: Cell, s: Step) -> None:
    """Perform the save ``s`` through the project's store."""
    if s.kind == "cell":
        repo.save_cell(cell_at(base, s.index))
    else:
        repo.save_meeting(meeting_at(base, s))


class Plan:
    """The expected database after any number of saves, built up step by step.

    Each state shares the dicts of the unchanged records with the one before, so
    asking for the state after save 400 costs 400 dict updates, not 400 encodings.
    """

    def __init__(self) -> None:
        cell, history = initial()
        self.base = cell
        self._cell: list[dict[str, Any]] = [to_dict(cell)]
        self._changes: list[tuple[str, dict[str, Any]]] = []
        self._history = {m.month: to_dict(m) for m in history}

    def _grow(self, saves: int) -> None:
        while len(self._changes) < saves:
            s = step(len(self._changes))
            if s.kind == "cell":
                self._cell.append(to_dict(cell_at(self.base, s.index)))
                self._changes.append(("", {}))
            else:
                self._cell.append(self._cell[-1])
                self._changes.append((s.month, to_dict(meeting_at(self.base, s))))

    def state(self, saves: int) -> dict[str, Any]:
        """What the database holds after the first ``saves`` saves of the plan."""
        self._grow(saves)
        meetings = dict(self._history)
        for month, data in self._changes[:saves]:
            if month:
                meetings[month] = data
        return {"cell": self._cell[saves], "meetings": meetings}


def stored_state(db: Path) -> dict[str, Any]:
    """The same view of the records in the database's files, read as plain JSON.

    Cheaper than decoding every meeting; the tests pair it with ``check()``,
    which decodes them all. The plan's text is NFC already, so what the store
    writes is exactly ``to_dict`` of what was saved.
    """
    files = {name: json.loads(raw) for name, raw in database_files(db).items()}
    cell = files.get(db.name, {}).get("cell", {}).get("1")
    meetings = {}
    for name, data in files.items():
        if name != db.name:
            for doc_id, doc in data["meetings"].items():
                meetings[f"{int(doc_id) // 100:04d}-{int(doc_id) % 100:02d}"] = doc
    return {"cell": cell, "meetings": meetings}


def seed_database(path: Path) -> None:
    """Write the plan's starting point (the demo history) into a new database."""
    cell, history = initial()
    with Repository.open(path) as repo:
        repo.import_history(cell, history)


# -- forked children to kill ------------------------------------------------------------


def say(line: str) -> None:
    """One line on stdout in one ``write``: complete even if SIGKILL follows at once."""
    os.write(1, (line + "\n").encode())


def fork_serve(job: Callable[[list[str]], None]) -> None:
    """The child side of :class:`ForkServer`: fork ``job(args)`` for each line of stdin.

    Prints ``pid N`` once the child is forked and ``exit N S`` (its wait status)
    once it is gone, so every line the child printed comes before ``exit``. Call
    it after the imports, with no thread running: forking is then safe and fast.
    """
    while line := sys.stdin.readline():
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                job(line.split())
            except BaseException:
                traceback.print_exc()
                code = 1
            finally:
                os._exit(code)
        say(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"exit {pid} {status}")


class ForkServer:
    """Start a script that calls :func:`fork_serve`; fork its job and kill it."""

    def __init__(self, script: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(script)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=child_env(),
            cwd=ROOT,
        )

    def line(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline().decode()
        assert line, "the fork server died: " + self.stderr()
        return line.strip()

    def fork(self, *args: object) -> tuple[int, list[str]]:
        """Start the job with ``args``; its pid and the lines read so far."""
        assert self.process.stdin is not None
        self.process.stdin.write((" ".join(map(str, args)) + "\n").encode())
        self.process.stdin.flush()
        lines = [self.line()]
        while not lines[-1].startswith("pid "):
            lines.append(self.line())
        return int(lines[-1].split()[1]), lines[:-1]

    def read_until(self, lines: list[str], prefix: str) -> None:
        """Read into ``lines`` until one starts with ``prefix``."""
        while not any(line.startswith(prefix) for line in lines):
            lines.append(self.line())

    def kill(self, pid: int, lines: list[str]) -> list[str]:
        """SIGKILL the job; every line it printed (it must die of the signal)."""
        os.kill(pid, signal.SIGKILL)
        lines, status = self.wait(pid, lines)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, self.stderr()
        return lines

    def wait(self, pid: int, lines: list[str]) -> tuple[list[str], int]:
        """Wait for the job to end by itself; every line it printed, and its wait status."""
        while not lines or not lines[-1].startswith(f"exit {pid} "):
            lines.append(self.line())
        return lines[:-1], int(lines[-1].split()[2])

    def stderr(self) -> str:
        """What the server and its children said on stderr (ends the server)."""
        self.close()
        assert self.process.stderr is not None
        return self.process.stderr.read().decode(errors="replace")

    def close(self) -> None:
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)

    def __enter__(self) -> ForkServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


def child_env() -> dict[str, str]:
    """The environment of a child process: the project and these helpers importable."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHIBO_")}
    paths = [str(ROOT), str(HERE), env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(filter(None, paths))
    env["PYTHONIOENCODING"] = "utf-8"
    return env


# -- views of folders --------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (lock files aside) and its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


def database_files(db: Path) -> dict[str, bytes]:
    """The database's own files (main and the years it names), name → bytes.

    Read as the store reads them without the lock, so a writer committing
    meanwhile (new year files under new names) is no reason to fail.
    """
    return read_database(db).raw


def records(db: Path, files: dict[str, bytes]) -> dict[str, Any]:
    """The records of a database's files (or a backup's), whatever the files' names.

    The audit log and the meta table are left out: a restore adds to the one and
    writes new file names into the other.
    """
    state = read_archive(db, files)
    assert state.main is not None
    main = {k: v for k, v in state.main.items() if k not in ("audit", "meta")}
    return {"main": main, "years": {y: d["meetings"] for y, d in state.years.items()}}


def pretty(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)[:400]


# -- a private mount namespace (a real read-only or full disk) ----------------------


def private_mounts_available() -> bool:
    """Whether ``unshare -rm`` can mount a tmpfs here (Linux, user namespaces)."""
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        return False
    try:
        done = subprocess.run(
            ["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=16k tmpfs /mnt || exit 3"],
            capture_output=True,
            timeout=20,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def run_on_tmpfs(
    mountpoint: Path, options: str, script: str, *args: str, prepare: str = ""
) -> subprocess.CompletedProcess[str]:
    """Run a Python ``script`` with a tmpfs mounted at ``mountpoint`` for it alone.

    The mount lives in a private mount namespace: it vanishes with the process,
    whatever happens to it. ``prepare`` is a shell command run after mounting
    (to fill the disk, or remount it read-only) before the script starts.
    """
    mountpoint.mkdir(parents=True, exist_ok=True)
    shell = f'mount -t tmpfs -o {options} tmpfs "$1" || exit 97; {prepare}\nshift; exec "$@"'
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", shell, "sh", str(mountpoint), sys.executable, "-c", script]
        + list(args),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=child_env(),
        cwd=ROOT,
    )
