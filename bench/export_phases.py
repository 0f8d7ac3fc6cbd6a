"""Where one ``chibo export`` process spends its time, step by step.

Each run is a fresh interpreter that performs what ``chibo export`` does (the
command line's imports, the open, the export) and stamps each step with
``perf_counter``; python-docx's ``Document()``, ``save`` and the fsyncs are
timed inside the export by wrapping them. Interpreter start-up is not included.

    .venv/bin/python bench/export_phases.py DB --runs 9 report:2026-10 summary:2026 plan:2027

Prints, per document, the median of each step in ms. A numbered document is first
exported once by ``chibo export`` itself, which records its number in DB's register
(a write): the timed runs open DB read-only, as a repeated export does.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def child(kind: str, period: str, db: str, out: str) -> None:
    stamps: dict[str, float] = {}
    last = [time.perf_counter()]

    def stamp(name: str) -> None:
        now = time.perf_counter()
        stamps[name] = stamps.get(name, 0.0) + (now - last[0]) * 1000
        last[0] = now

    import chibo_tui.__main__  # noqa: F401  (the command line, the store, the domain)

    stamp("import the command line and the store")
    from chibo_tui import documents

    stamp("import chibo_tui.documents")
    import docx.document

    stamp("import docx")
    from chibo_tui.export import styles
    from chibo_tui.store import Repository

    def timed(owner: Any, name: str, label: str) -> None:
        inner: Callable[..., Any] = getattr(owner, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            stamp("the document's content, other")
            try:
                return inner(*args, **kwargs)
            finally:
                stamp(label)

        setattr(owner, name, wrapper)

    timed(Repository, "load_cell", "load the cell and meetings")
    timed(Repository, "load_meeting", "load the cell and meetings")
    timed(Repository, "load_year", "load the cell and meetings")
    timed(Repository, "carried", "earlier years (Repository.carried)")
    timed(styles, "new_document", "Document() and its fonts")
    timed(docx.document.Document, "save", "save (python-docx)")
    timed(os, "fsync", "fsync")
    stamp("the document's content, other")
    repo = Repository.open(db, read_only=True)
    stamp("Repository.open (read-only)")
    monthly = "-" in period
    documents.export_document(
        repo,
        documents.DocumentKind(kind),
        Path(out),
        month=period if monthly else None,
        year=None if monthly else int(period),
    )
    stamp("the document's content, other")
    repo.close()
    stamps["total"] = sum(stamps.values())
    print(json.dumps(stamps))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("documents", nargs="+", help="kind:period, e.g. report:2026-10")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--out", default="/tmp/chibo-export-phases")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHIBO_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # run as an installed chibo: bytecode cached
    env["PYTHONPATH"] = str(ROOT)
    for spec in args.documents:  # the register's number, recorded once (see above)
        kind, period = spec.split(":")
        flag = "--month" if "-" in period else "--year"
        argv = [sys.executable, "-m", "chibo_tui", "export", kind, flag, period]
        subprocess.run([*argv, "--db", args.db, "--out", args.out], env=env, check=True)
    found: dict[str, dict[str, list[float]]] = {}
    for run in range(args.runs + 1):  # the first round warms the disk cache, not counted
        for spec in args.documents:
            kind, period = spec.split(":")
            argv = [sys.executable, __file__, "--child", kind, period, args.db, args.out]
            done = subprocess.run(argv, env=env, capture_output=True, text=True, check=True)
            if run:
                for step, ms in json.loads(done.stdout).items():
                    found.setdefault(spec, {}).setdefault(step, []).append(ms)
    print(f"load average: {os.getloadavg()[0]:.2f}")
    for spec, steps in found.items():
        print(spec)
        for step, values in steps.items():
            print(f"  {statistics.median(values):6.1f} ms  {step}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(*sys.argv[2:6])
    else:
        main()
