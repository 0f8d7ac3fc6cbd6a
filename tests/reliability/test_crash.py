"""A writer killed with SIGKILL at random moments loses nothing.

A child process saves meetings and the cell through the store, following a
deterministic plan (``reliability_helpers``); it is killed at a seeded random
moment, 50 times in all (five batches of ten, so that ``pytest -n`` spreads
them). After every kill the database is opened as the next start would open it,
and must hold exactly the state before or after the save that was interrupted.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from reliability_helpers import (
    DEMO_WRITER,
    WRITER,
    ForkServer,
    Plan,
    child_env,
    pretty,
    seed_database,
    stored_state,
)

from chibo_tui.__main__ import main
from chibo_tui.domain.codec import to_dict
from chibo_tui.domain.model import MeetingState
from chibo_tui.store import Repository, layout
from chibo_tui.store.atomic import TEMP_SUFFIX
from chibo_tui.store.backups import list_backups, read_backup

BATCHES = 5
KILLS_PER_BATCH = 10
SAVES_PER_RUN = 400
"""More than a writer can do before it is killed: it never ends on its own."""


@dataclass
class Run:
    """What the parent learnt from one killed writer."""

    ready: bool
    begun: int | None  # the last save it started
    finished: bool  # whether that save returned


def run_and_kill(server: ForkServer, db: Path, start: int, rng: random.Random) -> Run:
    """Fork a writer at save ``start`` and SIGKILL it at a random moment.

    One kill in five comes at any moment from the fork (the lock, the stale-file
    clean-up, the opening backup, the first saves); the others a random 0–200 ms
    after the writer is ready, in the middle of its saves.
    """
    pid, lines = server.fork(db, start, start + SAVES_PER_RUN)
    if rng.random() < 0.2:
        time.sleep(rng.uniform(0.0, 0.3))
    else:
        server.read_until(lines, "ready")
        time.sleep(rng.uniform(0.0, 0.2))
    lines = server.kill(pid, lines)
    begun = [int(line[2:]) for line in lines if line.startswith("B ")]
    done = {int(line[2:]) for line in lines if line.startswith("D ")}
    last = begun[-1] if begun else None
    return Run(
        ready=any(line.startswith("ready") for line in lines),
        begun=last,
        finished=last is not None and last in done,
    )


@pytest.fixture
def writers() -> Iterator[ForkServer]:
    with ForkServer(WRITER) as server:
        yield server


@pytest.mark.parametrize("batch", range(BATCHES))
def test_sigkill_at_random_moments_keeps_the_state_before_or_after(
    tmp_path: Path, batch: int, writers: ForkServer
) -> None:
    rng = random.Random(20260305 + batch)
    db = tmp_path / "db" / "chibo.json"
    seed_database(db)
    plan = Plan()
    saves = 0  # saves of the plan known to be on disk
    finalised: set[str] = set()
    interrupted = 0
    for kill in range(KILLS_PER_BATCH):
        run = run_and_kill(writers, db, saves, rng)
        if run.begun is None:
            allowed = [saves]
        elif run.finished:
            allowed = [run.begun + 1]
        else:
            allowed = [run.begun, run.begun + 1]
            interrupted += 1

        # The next start: opens, takes the lock over, clears what the kill left.
        with Repository.open(db) as repo:
            if run.ready:
                assert repo.took_over_from is not None, f"kill {kill}: no takeover reported"
            state = stored_state(db)
            matches = [n for n in allowed if state == plan.state(n)]
            assert matches, (
                f"kill {kill} of batch {batch}: the database after the kill is neither the "
                f"state after save {allowed[0]} nor after save {allowed[-1]}: {pretty(state)}"
            )
            saves = matches[-1]
            now_final = {m for m, d in state["meetings"].items() if d["state"] == "finalised"}
            assert finalised <= now_final, f"finalised months lost: {finalised - now_final}"
            finalised = now_final
            # The month list and the audit log went with the records, in the same commit.
            assert repo.check().problems == [], f"kill {kill} of batch {batch}"
            files = set(repo.files())
        assert not list(db.parent.rglob(f"*{TEMP_SUFFIX}")), "temp files left after an open"
        assert set(layout.year_files_on_disk(db)) == files - {db}, "unnamed year files left"
    # The kills did land in the middle of saves, and the writers got somewhere (a
    # loaded machine slows the saves down, which only puts more kills inside them).
    assert interrupted >= 3
    assert saves >= 3
    errors = writers.stderr()
    assert "Traceback" not in errors, errors


def test_backup_half_written_by_a_killed_process_is_removed_at_the_next_start(
    tmp_path: Path,
) -> None:
    db = tmp_path / "db" / "chibo.json"
    seed_database(db)
    folder = db.parent / "backups"
    half = folder / f".chibo-20261127-212025-finalise.zip.31923{TEMP_SUFFIX}"
    other = folder / f".chibo-khac-20261127-212025-open.zip.31924{TEMP_SUFFIX}"
    mine = folder / "ghi-chu.txt"
    folder.mkdir()
    for path in (half, other, mine):
        path.write_bytes(b"PK\x03\x04 half a zip")
    with Repository.open(db, read_only=True):
        assert half.exists()  # a reader never deletes: it does not hold the lock
    with Repository.open(db):
        pass
    assert not half.exists()
    assert other.exists() and mine.exists()  # another database's, and not chibo's


# -- a kill between the files of one save ---------------------------------------------

KILL_AT_WRITE = """
import os, signal, sys
from pathlib import Path
from reliability_helpers import Step, initial, meeting_at
from chibo_tui.store import Repository, backups, commit

db, kill_at = Path(sys.argv[1]), int(sys.argv[2])
base, _ = initial()
repo = Repository.open(db)
repo.save_meeting(meeting_at(base, Step(0, "edit", "2025-10")))
steps = []

def traced(real, name):
    def step(*args):
        steps.append(name(args))
        print(steps[-1], flush=True)
        if len(steps) == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args)
    return step

commit.write_new = traced(commit.write_new, lambda a: "year" if ".meetings-" in a[0].name else a[0].name)
commit.atomic_write = traced(commit.atomic_write, lambda a: a[0].name)
commit.remove = traced(commit.remove, lambda a: "remove")
backups.atomic_stream = traced(backups.atomic_stream, lambda a: "backup")
repo.save_meeting(meeting_at(base, Step(4, "finalise", "2025-10")))
print("saved", flush=True)
"""
FINALISE_STEPS = ["year", "chibo.json", "remove", "backup"]
"""A finalise writes the year file under a new name, then the main file (the month list
and the audit log with it: the commit point), removes the old year file, takes a backup."""


@pytest.mark.parametrize(
    "kill_at",
    [1, 2, 3, 4, 5],
    ids=["before-year-file", "before-main-file", "before-removing", "before-backup", "no-kill"],
)
def test_finalise_killed_between_its_files_is_whole_at_the_next_start(
    tmp_path: Path, kill_at: int
) -> None:
    db = tmp_path / "db" / "chibo.json"
    seed_database(db)
    proc = subprocess.run(
        [sys.executable, "-c", KILL_AT_WRITE, str(db), str(kill_at)],
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=60,
    )
    done = proc.stdout.split()
    if kill_at <= len(FINALISE_STEPS):
        assert proc.returncode == -signal.SIGKILL, proc.stderr
        assert done == FINALISE_STEPS[:kill_at]
    else:
        assert proc.returncode == 0 and done == [*FINALISE_STEPS, "saved"], proc.stderr
    plan = Plan()
    with Repository.open(db) as repo:
        assert repo.took_over_from is not None or kill_at > len(FINALISE_STEPS)
        meeting = repo.load_meeting("2025-10")
        assert meeting is not None
        assert repo.check().problems == []
        summary = next(s for s in repo.summaries() if s.month == "2025-10")
        audit = [(e["kind"], e["month"]) for e in repo.audit_log()]
        if kill_at <= 2:  # the main file was not replaced: the draft is there, whole
            assert to_dict(meeting) == plan.state(1)["meetings"]["2025-10"]
            assert summary.state is MeetingState.DRAFT
            assert ("finalise", "2025-10") not in audit
        else:
            assert to_dict(meeting) == plan.state(5)["meetings"]["2025-10"]
            assert summary.state is MeetingState.FINALISED
            assert ("finalise", "2025-10") in audit
        files = set(repo.files())
    # Whatever the kill left unnamed is gone after that start.
    assert set(layout.year_files_on_disk(db)) == files - {db}
    if kill_at > 2:
        assert any(
            b"2025-10" in read_backup(b.path).get("chibo.json", b"")
            and b'"finalised"' in read_backup(b.path).get("chibo.json", b"")
            for b in list_backups(db)
        )


# -- a kill anywhere in `chibo demo --force` over a long history -----------------------

DEMO_KILLS = 40
DEMO_BATCHES = 2


def _fingerprint(db: Path) -> str:
    """What a database holds (cell, month list, meetings), to tell the old from the new."""
    with Repository.open(db, read_only=True) as repo:
        view = [to_dict(repo.load_cell()), to_dict(repo.summaries()), to_dict(repo.load_all())]
    return pretty(view) + str(hash(repr(view)))


@pytest.fixture(scope="module")
def demo_steps(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, dict[str, str]]:
    """A 120-month demo database (seed 2), how many steps `demo --force` takes on it,
    and what the demo of each seed holds."""
    folder = tmp_path_factory.mktemp("demo-kill")
    db = folder / "db" / "chibo.json"
    seeds = {}
    with ForkServer(DEMO_WRITER) as server:
        for seed in ("1", "2"):  # the second over data: what the kills will cut into
            pid, lines = server.fork(db, seed, 0, "before")
            lines, status = server.wait(pid, lines)
            assert os.WIFEXITED(status) and lines[-1] == "done 0", server.stderr()
            seeds[seed] = _fingerprint(db)
    assert seeds["1"] != seeds["2"]
    steps = sum(line.startswith("S ") for line in lines)
    assert steps > 20, lines  # a backup, a year file per year, the main file, clean-up
    template = folder / "template"
    shutil.copytree(db.parent, template)
    return template, steps, seeds


@pytest.mark.parametrize("batch", range(DEMO_BATCHES))
def test_demo_force_killed_at_any_step_leaves_the_old_or_the_new_database(
    tmp_path: Path, batch: int, demo_steps: tuple[Path, int, dict[str, str]]
) -> None:
    template, steps, seeds = demo_steps
    folder = tmp_path / "db"
    shutil.copytree(template, folder)
    db = folder / "chibo.json"
    current = "2"
    points = [1 + (i * (steps - 1)) // (DEMO_KILLS - 1) for i in range(DEMO_KILLS)]
    failures: list[str] = []
    outcome = {"old": 0, "new": 0}
    with ForkServer(DEMO_WRITER) as server:
        for i, kill_at in list(enumerate(points))[batch::DEMO_BATCHES]:
            target = "1" if current == "2" else "2"
            how = "half" if i % 2 else "before"
            pid, lines = server.fork(db, target, kill_at, how)
            lines, status = server.wait(pid, lines)
            assert os.WIFSIGNALED(status), f"step {kill_at} never came: {lines[-3:]}"
            where = f"kill {i} at step {kill_at} ({how}, {lines[-1]})"
            code, report = _check(db)
            if code != 0:
                failures.append(f"{where}: check failed: {report}")
                break
            found = _fingerprint(db)
            if found == seeds[current]:
                outcome["old"] += 1
            elif found == seeds[target]:
                outcome["new"] += 1
                current = target
            else:
                failures.append(f"{where}: neither the old nor the new database")
                break
        # The next write works: a demo --force to the end, over whatever the last kill left.
        pid, lines = server.fork(db, "1" if current == "2" else "2", 0, "before")
        lines, status = server.wait(pid, lines)
        errors = server.stderr()
    assert failures == [], failures
    assert os.WIFEXITED(status) and lines[-1] == "done 0", errors
    assert "Traceback" not in errors, errors
    assert _check(db)[0] == 0
    assert outcome["old"] and outcome["new"], outcome  # the kills fell on both sides
    print(f"demo --force batch {batch}: {outcome}, 0 of {sum(outcome.values())} kills failing")


def _check(db: Path) -> tuple[int, str]:
    """``chibo check`` as the chair would run it next: its exit status and its output."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", "--db", str(db)])
    if "  đảng viên: 0\n" in out.getvalue():  # a check that passes on an empty cell is no pass
        code = code or 1
    return code, out.getvalue() + err.getvalue()
