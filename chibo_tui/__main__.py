"""The ``chibo`` command line (DESIGN.md §8).

Exit status: 0 done, 1 a damaged or locked database, 2 a usage error or missing
data. User errors are one Vietnamese message on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from . import __version__, console, heap
from .cli_parser import VietnameseParser
from .domain.months import parse_month
from .domain.vietnamese import month_label
from .store import DamagedDatabaseError, DatabaseLockedError, Repository, StoreError
from .store.backups import Backup
from .text import cli as T
from .text import common as C

DEFAULT_DB = Path("db") / "chibo.json"
DEFAULT_EXPORTS = Path("exports")


class UsageError(Exception):
    """Bad arguments or missing data: exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    # ``parents=`` would copy --db under argparse's English group title, so each
    # parser gets its own.
    def with_db(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument("--db", type=Path, help=T.HELP_DB, default=argparse.SUPPRESS)
        return parser

    parser = with_db(VietnameseParser(prog="chibo", description=T.DESCRIPTION))
    parser.add_argument("--exports", type=Path, help=T.HELP_EXPORTS)
    parser.add_argument(
        "--version", action="version", version=f"chibo {__version__}", help=T.HELP_VERSION
    )
    sub = parser.add_subparsers(dest="command", metavar="{demo,export,check,restore}")

    demo = with_db(sub.add_parser("demo", help=T.HELP_DEMO, description=T.HELP_DEMO))
    demo.add_argument("--months", type=int, default=14, help=T.HELP_MONTHS)
    demo.add_argument("--force", action="store_true", help=T.HELP_FORCE)
    demo.add_argument("--seed", type=int, default=2026, help=T.HELP_SEED)

    export = with_db(sub.add_parser("export", help=T.HELP_EXPORT, description=T.HELP_EXPORT))
    export.add_argument(
        "kind",
        choices=[
            "minutes",
            "report",
            "resolution",
            "scorecard",
            "pack",
            "summary",
            "plan",
            "review",
        ],
        help=T.HELP_KIND,
    )
    export.add_argument("--month", help=T.HELP_MONTH)
    export.add_argument("--year", help=T.HELP_YEAR)
    export.add_argument("--out", type=Path, help=T.HELP_OUT)
    export.add_argument("--number", type=int, help=T.HELP_NUMBER)
    export.add_argument("--pdf", action="store_true", help=T.HELP_PDF)

    with_db(sub.add_parser("check", help=T.HELP_CHECK, description=T.HELP_CHECK))

    restore = with_db(sub.add_parser("restore", help=T.HELP_RESTORE))
    restore.add_argument("backup", nargs="?", help=T.HELP_BACKUP)
    return parser


def db_path(args: argparse.Namespace) -> Path:
    given = getattr(args, "db", None)
    return Path(given or os.environ.get("CHIBO_DB") or DEFAULT_DB)


def exports_dir(args: argparse.Namespace) -> Path:
    given = getattr(args, "out", None) or getattr(args, "exports", None)
    return Path(given or os.environ.get("CHIBO_EXPORTS") or DEFAULT_EXPORTS)


def main(argv: Sequence[str] | None = None) -> int:
    console.prepare()
    args = build_parser().parse_args(argv)
    try:
        handler = {
            None: run_app,
            "demo": run_demo,
            "export": run_export,
            "check": run_check,
            "restore": run_restore,
        }[args.command]
        return handler(args)
    except UsageError as exc:
        print(T.ERROR_PREFIX + str(exc), file=sys.stderr)
        return 2
    except (DamagedDatabaseError, DatabaseLockedError, StoreError) as exc:
        print(T.ERROR_PREFIX + str(exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(T.INTERRUPTED, file=sys.stderr)
        return 130
    except BrokenPipeError:
        # "chibo check | head": the reader left; say nothing more.
        sys.stderr.close()
        return 0


def _warn_takeover(repo: Repository) -> None:
    if repo.took_over_from:
        print(T.TOOK_OVER.format(holder=repo.took_over_from), file=sys.stderr)
    if repo.backup_failed:
        print(T.NO_BACKUP.format(reason=repo.backup_failed), file=sys.stderr)


def run_app(args: argparse.Namespace) -> int:
    heap.hold_collections()  # until the first screen is up (ChiboApp.freeze_heap)
    try:
        # The opening backup is taken once the first screen is painted; the app says
        # so if it fails, and the warning is printed again once the terminal is back.
        repo = Repository.open(db_path(args), defer_backup=True)
        try:
            from .app import make_app

            app = make_app(repo, exports_dir(args), took_over_from=repo.took_over_from)
            app.run()
        finally:
            repo.close()
            _warn_takeover(repo)
    finally:
        heap.resume_collections()  # if the app never reached its first screen
    return app.return_code or 0


def run_demo(args: argparse.Namespace) -> int:
    from .sample import build_demo
    from .store.backups import backup_folder

    if not 1 <= args.months <= 600:
        raise UsageError(T.BAD_MONTHS.format(value=args.months))
    path = db_path(args)
    with Repository.open(path) as repo:
        _warn_takeover(repo)
        if repo.has_data():
            if not args.force:
                cell = repo.load_cell()
                what = f"{cell.name if cell else 'chi bộ'}, {len(repo.summaries())} kỳ sinh hoạt"
                raise UsageError(
                    T.HAS_DATA.format(path=path, what=what, backups=backup_folder(repo.path))
                )
        cell, meetings = build_demo(args.months, date.today(), seed=args.seed)
        # One commit: a kill leaves the old database or the sample, never a mix of them.
        repo.import_history(cell, meetings, replace=True)
    print(
        T.DEMO_DONE.format(
            cell=cell.name,
            members=len(cell.active_members()),
            months=len(meetings),
            first=month_label(meetings[0].month),
            last=month_label(meetings[-1].month),
        )
    )
    print(T.DEMO_WHERE.format(path=path))
    return 0


def _parse_year(text: str) -> int:
    if not (text.isdigit() and len(text) == 4 and int(text) >= 1900):
        raise UsageError(T.BAD_YEAR.format(value=text))
    return int(text)


@heap.collections_held()
def run_export(args: argparse.Namespace) -> int:
    from .documents import DocumentKind, Exported, ExportRefused, NumberNeedsWrite, export_document

    kind = args.kind
    if kind == "pack":
        return run_pack(args)
    if args.pdf:
        raise UsageError(T.PDF_ONLY_PACK)
    by_month = DocumentKind(kind).by_month
    if by_month and args.year:
        raise UsageError(T.NO_YEAR_FOR.format(kind=kind))
    if not by_month and args.month:
        raise UsageError(T.NO_MONTH_FOR.format(kind=kind))
    if by_month and not args.month:
        raise UsageError(T.NEED_MONTH.format(kind=kind))
    if not by_month and not args.year:
        raise UsageError(T.NEED_YEAR.format(kind=kind))
    try:
        month = parse_month(args.month) if by_month else None
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    year = _parse_year(args.year) if not by_month else None

    path = db_path(args)
    # No "exists" shortcut: year files without the main file are damage to report.

    def export(read_only: bool) -> Exported:
        with Repository.open(path, read_only=read_only) as repo:
            return export_document(
                repo, DocumentKind(kind), exports_dir(args), month=month, year=year, number=number
            )

    number = args.number
    try:
        try:
            # Read-only first: a re-export needs no lock, so it works while the app is open.
            written = export(read_only=number is None)
        except NumberNeedsWrite:
            written = export(read_only=False)  # the first export records its number
    except DatabaseLockedError as exc:
        raise UsageError(T.EXPORT_NEEDS_WRITE.format(path=exc.path, holder=exc.holder)) from None
    except ExportRefused as exc:
        raise UsageError(str(exc)) from None
    print(written.notice)
    return 0


def run_pack(args: argparse.Namespace) -> int:
    """``chibo export pack --month YYYY-MM [--pdf]``: the month's documents in one folder."""
    from .documents import ExportRefused, Pack, export_pack

    if args.year or args.number is not None:
        raise UsageError(T.PACK_ONLY_MONTH)
    if not args.month:
        raise UsageError(T.NEED_MONTH.format(kind="pack"))
    try:
        month = parse_month(args.month)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    path = db_path(args)

    try:
        # Writable from the start: a pack issues the numbers its documents lack, and a
        # read-only first pass would write some documents twice.
        with Repository.open(path) as repo:
            done: Pack = export_pack(repo, month, exports_dir(args), pdf=args.pdf, progress=print)
    except DatabaseLockedError as exc:
        raise UsageError(T.EXPORT_NEEDS_WRITE.format(path=exc.path, holder=exc.holder)) from None
    except ExportRefused as exc:
        raise UsageError(str(exc)) from None
    for document in done.documents:
        print(document.notice)
    for pdf in done.pdfs:
        print(T.EXPORTED.format(path=pdf))
    if done.pdf_missing:
        print(C.PACK_NO_LIBREOFFICE.format(folder=done.folder), file=sys.stderr)
        return 2
    template = C.PACK_DONE_PDF if done.pdfs else C.PACK_DONE
    print(template.format(count=len(done.documents), pdfs=len(done.pdfs), folder=done.folder))
    return 0


def run_check(args: argparse.Namespace) -> int:
    path = db_path(args)
    print(T.CHECK_HEADER.format(path=path))
    if not path.parent.is_dir():  # a mistyped --db or CHIBO_DB is no empty database
        source = (
            "--db"
            if getattr(args, "db", None)
            else "CHIBO_DB"
            if os.environ.get("CHIBO_DB")
            else ""
        )
        raise UsageError(
            T.NO_DB_FOLDER.format(folder=path.parent, path=path, source=source or "mặc định")
        )
    if path.is_dir():
        raise UsageError(T.DB_IS_FOLDER.format(path=path))
    if not path.exists() and not list(path.parent.glob(f"{path.stem}.meetings-*.json")):
        print(T.NO_DATABASE.format(path=path))
        return 0
    with Repository.open(path, read_only=True) as repo:
        report = repo.check()
    for name, count in report.counts.items():
        print(f"  {name}: {count}")
    if report.problems:
        print(T.CHECK_PROBLEMS.format(n=len(report.problems)), file=sys.stderr)
        for problem in report.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print(T.CHECK_OK)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from .store.backups import list_backups
    from .store.repository import restore

    path = db_path(args).absolute()
    backups = list_backups(path)
    if not args.backup:
        if not backups:
            print(T.NO_BACKUPS.format(path=path))
            return 0
        print(T.BACKUPS_HEADER.format(path=path))
        for i, backup in enumerate(backups, start=1):
            size = backup.path.stat().st_size / 1024
            print(f"  {i:>2}. {backup.path.name}  {backup.label}  {size:,.0f} KB")
        print(T.BACKUPS_HINT.format(path=path))
        return 0
    chosen = _find_backup(args.backup, backups)
    if chosen is None:
        raise UsageError(T.BACKUP_NOT_FOUND.format(name=args.backup, path=path))
    before = restore(path, chosen)
    with Repository.open(path) as repo:
        repo.record("restore", "", T.RESTORE_REASON.format(backup=chosen.name))
    print(T.RESTORED.format(path=path, backup=chosen.name))
    if before is not None:  # nothing was there to keep: say nothing rather than name the source
        print(T.RESTORE_KEPT.format(before=before))
    return 0


def _find_backup(name: str, backups: list[Backup]) -> Path | None:
    if name.isdigit() and 1 <= int(name) <= len(backups):
        return backups[int(name) - 1].path
    for backup in backups:
        if name in (backup.path.name, str(backup.path)):
            return backup.path
    candidate = Path(name)
    return candidate if candidate.is_file() else None


if __name__ == "__main__":
    sys.exit(main())
