"""The state of one running chibo, owned in one place, with no UI in it.

A :class:`Session` holds the repository and the cell, one live :class:`Meeting`
per month opened, the autosave writer, the history cache and the export path.
Screens edit the live objects in place; the session finds what changed by
comparing each one with the form it last handed to the writer, so no edit can
be lost by a screen forgetting to report it. Nothing here imports Textual: the
command line, the benchmark and the tests use it bare.

What only a meeting, a backup or a new cell needs (``lifecycle``, the sample
criteria and their TOML, the backup zip) is imported when first used: ~10 ms
that home's first frame does not wait for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .autosave import AutoSaver
from .domain import register
from .domain.carried import Carried
from .domain.codec import to_dict
from .domain.model import Cell, Meeting, MeetingState, ResolutionForm
from .domain.months import month_of
from .domain.vietnamese import month_label
from .rescue import save_error_text, write_rescue
from .store import Repository
from .text import common as T
from .views.snapshot import HistoryCache, HistorySnapshot

if TYPE_CHECKING:
    from .domain.scoresheet import Result

SAMPLE_FILE_NAME = "chibo-mau.json"
"""The sample cell's database, next to the real one (never mixed with it)."""

SAMPLE_MONTHS = 14
"""Months of history in the sample cell."""


class DocumentKind(Enum):
    """The documents chibo writes; the value is the command line's name for it."""

    MINUTES = "minutes"
    REPORT = "report"
    RESOLUTION = "resolution"
    SCORECARD = "scorecard"
    SUMMARY = "summary"
    PLAN = "plan"
    REVIEW = "review"

    @property
    def by_month(self) -> bool:
        """Minutes, report, resolution and score sheet are of one month; the rest of a year."""
        return self in MONTHLY

    @property
    def numbered(self) -> bool:
        """The score sheet carries no number (the An Phú form has none)."""
        return self is not DocumentKind.SCORECARD


MONTHLY = frozenset(
    {DocumentKind.MINUTES, DocumentKind.REPORT, DocumentKind.RESOLUTION, DocumentKind.SCORECARD}
)


class Refused(Exception):
    """Why the session will not do what was asked (a Vietnamese sentence for the chair)."""


class ExportRefused(Refused):
    """Why a document cannot be written."""


class NumberNeedsWrite(ExportRefused):
    """The document has no number yet and the repository is open read-only."""


@dataclass(frozen=True)
class Exported:
    """What an export wrote: the file, and the number it carries (``Số 03-BB/CB``);
    ``None`` for a document that carries none."""

    path: Path
    number: str | None

    @property
    def notice(self) -> str:
        """ "Đã xuất: … (Số 03-BB/CB)", as the app and the command line say it."""
        if self.number is None:
            return T.EXPORTED.format(path=self.path)
        return T.EXPORTED_NUMBERED.format(path=self.path, number=self.number)


def export_document(
    repo: Repository,
    kind: DocumentKind,
    out: Path,
    *,
    month: str | None = None,
    year: int | None = None,
    number: int | None = None,
    at: datetime | None = None,
) -> Exported:
    """Write one document from what ``repo`` holds; the path written and its number.

    The one code path for ``chibo export`` and the app's export keys. A document
    exported for the first time takes the register's next number (``number``
    chooses it), recorded before the file is written, so that no document ever
    carries a number the register does not know. Raises :class:`ExportRefused`
    with the reason when there is nothing to write or the number is taken, and
    :class:`NumberNeedsWrite` when a number must be recorded in a read-only ``repo``.
    """
    from .export.errors import ExportError

    cell = repo.load_cell()
    if cell is None:
        raise ExportRefused(T.EXPORT_NO_CELL.format(path=repo.path))
    meeting = meetings = None
    earlier: list[Carried] = []
    if kind.by_month:
        assert month is not None
        period = month
        meeting = repo.load_meeting(month)
        if meeting is None:
            raise ExportRefused(
                T.EXPORT_NO_MEETING.format(label=month_label(month), path=repo.path)
            )
        if kind is DocumentKind.RESOLUTION:
            _check_resolution(cell, meeting)
        if kind is DocumentKind.SCORECARD and meeting.score is None:
            raise ExportRefused(T.EXPORT_NOT_SCORED.format(label=month_label(month)))
    else:
        assert year is not None
        period = str(year)
        if kind in (DocumentKind.REVIEW, DocumentKind.SUMMARY):
            # The year in full, and of the years before it (its remedies and tasks may
            # have begun then; never later) only what their meetings carried on: 51
            # years of meetings decoded in full took ~215 ms at 600 months.
            meetings = repo.load_year(year)
            earlier = [c for y in repo.years() if y < year for c in repo.carried(y)]
            final = any(m.year == year and m.is_final for m in meetings)
            if kind is DocumentKind.REVIEW and not final:
                raise ExportRefused(T.EXPORT_NO_FINAL_YEAR.format(year=year, path=repo.path))
            if kind is DocumentKind.SUMMARY and not any(m.year == year for m in meetings):
                raise ExportRefused(T.EXPORT_NO_YEAR.format(year=year, path=repo.path))
    entry = None
    if kind.numbered:
        cell = _numbered(repo, cell, kind, period, number, at or datetime.now())
        entry = register.issued(cell, kind.value, period)
    # Only the builder asked for is imported (a command-line export is one process).
    try:
        if kind is DocumentKind.MINUTES:
            from .export.minutes import export_minutes

            assert meeting is not None
            path = export_minutes(cell, meeting, out)
        elif kind is DocumentKind.REPORT:
            from .export.report import export_report

            assert meeting is not None
            path = export_report(cell, meeting, out)
        elif kind is DocumentKind.RESOLUTION:
            from .export.resolution import export_resolution

            assert meeting is not None
            path = export_resolution(cell, meeting, out, _score(repo, cell, meeting))
        elif kind is DocumentKind.SCORECARD:
            from .export.scorecard import export_scorecard

            assert meeting is not None
            result = _score(repo, cell, meeting)
            assert result is not None
            path = export_scorecard(cell, meeting, result, out)
        elif kind is DocumentKind.REVIEW:
            from .export.review import export_review

            assert meetings is not None and year is not None
            today = (at or datetime.now()).date()
            path = export_review(cell, meetings, year, out, today=today, earlier=earlier)
        elif kind is DocumentKind.SUMMARY:
            from .export.summary import export_summary

            assert meetings is not None and year is not None
            path = export_summary(cell, meetings, year, out, earlier=earlier)
        else:
            from .export.plan import export_plan

            assert year is not None
            path = export_plan(cell, year, out)
    except ExportError as exc:
        raise ExportRefused(str(exc)) from None
    return Exported(path, register.label(entry) if kind.numbered else None)


@dataclass(frozen=True)
class Pack:
    """The month's documents in one folder for the Sổ tay upload, and their PDFs."""

    folder: Path
    documents: list[Exported]
    pdfs: list[Path]
    pdf_missing: bool = False  # PDFs asked for, LibreOffice not installed


def export_pack(
    repo: Repository,
    month: str,
    out: Path,
    *,
    pdf: bool = False,
    at: datetime | None = None,
    progress: Callable[[str], None] | None = None,
) -> Pack:
    """Minutes, report, resolution (when there is one) and score sheet (when scored)
    into ``out/2026-11_chi-bo-…/``; with ``pdf``, each also as PDF through LibreOffice.

    Without LibreOffice the documents are still written and ``pdf_missing`` says so.
    """
    from .export.errors import ExportError
    from .export.pdf import find_soffice, pack_folder, to_pdf

    cell = repo.load_cell()
    if cell is None:
        raise ExportRefused(T.EXPORT_NO_CELL.format(path=repo.path))
    meeting = repo.load_meeting(month)
    if meeting is None:
        raise ExportRefused(T.EXPORT_NO_MEETING.format(label=month_label(month), path=repo.path))
    kinds = [DocumentKind.MINUTES, DocumentKind.REPORT]
    if cell.resolution.form is not ResolutionForm.NONE and meeting.tasks:
        kinds.append(DocumentKind.RESOLUTION)
    if meeting.score is not None:
        kinds.append(DocumentKind.SCORECARD)
    try:
        folder = pack_folder(out, month, cell.name)
    except ExportError as exc:
        raise ExportRefused(str(exc)) from None
    documents = []
    for kind in kinds:
        if progress is not None:
            progress(T.PACK_WRITING.format(name=T.DOCUMENT_NAMES[kind.value]))
        documents.append(export_document(repo, kind, folder, month=month, at=at))
    if not pdf:
        return Pack(folder, documents, [])
    soffice = find_soffice()
    if soffice is None:
        return Pack(folder, documents, [], pdf_missing=True)

    def step(index: int, total: int, path: Path) -> None:
        if progress is not None:
            progress(T.PACK_PDF.format(index=index, total=total, name=path.name))

    try:
        pdfs = to_pdf([d.path for d in documents], soffice, step)
    except ExportError as exc:
        raise ExportRefused(str(exc)) from None
    return Pack(folder, documents, pdfs)


def _check_resolution(cell: Cell, meeting: Meeting) -> None:
    """Refuse, before any number is issued, a resolution there is nothing to write in."""
    from .text import resolution as R

    if cell.resolution.form is ResolutionForm.NONE:
        raise ExportRefused(R.NO_FORM)
    if not meeting.tasks:
        document = R.THIS[cell.resolution.form].lower()
        raise ExportRefused(
            R.NO_TASKS_YET.format(label=month_label(meeting.month), document=document)
        )


def _score(repo: Repository, cell: Cell, meeting: Meeting) -> Result | None:
    """The meeting's quality score for section IV of its resolution, if it was scored.

    Some items count over the year (absences in a row), so the year's meetings are read.
    """
    if meeting.score is None:
        return None
    from .domain import scoresheet

    context = scoresheet.year_context(cell, meeting, repo.load_year(meeting.year))
    return scoresheet.evaluate(meeting.score, meeting, context)


def _numbered(
    repo: Repository, cell: Cell, kind: DocumentKind, period: str, number: int | None, at: datetime
) -> Cell:
    """The cell with the document's number in its register, recorded in one transaction."""
    mine = register.issued(cell, kind.value, period)
    if mine is not None and number in (None, mine.number):
        return cell  # a re-export: the number it already has, nothing to write
    if repo.read_only:
        code = register.code_of(cell, kind.value)
        raise NumberNeedsWrite(register.describe_document(kind.value, period, code))
    with repo.transaction():
        cell = repo.load_cell() or cell  # what is on disk now, under the lock
        try:
            _entry, changed = register.assign(cell, kind.value, period, at, number)
        except register.NumberTaken as exc:
            raise ExportRefused(str(exc)) from None
        if changed:
            repo.save_cell(cell)
    return cell


def sample_path(real: Path) -> Path:
    """Where the sample cell lives: next to the real database, in its own file."""
    return real.with_name(SAMPLE_FILE_NAME)


def fill_sample(repo: Repository, today: date) -> None:
    """Write the demo cell (``chibo demo``'s data) into ``repo`` if it is empty."""
    from .sample import build_demo

    if not repo.has_data():
        cell, meetings = build_demo(SAMPLE_MONTHS, today)
        repo.import_history(cell, meetings)


def open_sample(path: Path, today: date) -> Repository:
    """Open the sample database, filling it with the demo cell on first use.

    Slow (it writes and fsyncs): call from a worker thread. Raises the store's errors.
    """
    repo = Repository.open(path)
    try:
        fill_sample(repo, today)
    except BaseException:
        repo.close()
        raise
    return repo


class Session:
    """One chair's working session over one database."""

    def __init__(
        self,
        repo: Repository,
        exports_dir: Path,
        *,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.repo = repo
        self.exports_dir = exports_dir
        self.clock = clock
        self.on_saved: Callable[[datetime], None] = lambda _at: None
        """Called from the writer thread after each save (the UI posts a message)."""
        self.on_save_failed: Callable[[Exception], None] = lambda _exc: None
        """Called from the writer thread when a save failed (it is retried)."""
        self.last_saved: datetime | None = None
        self.revision = 0
        """Saves completed so far: what the history cache is keyed on."""
        self.last_export: Path | None = None
        self._history = HistoryCache()
        self._open(repo)

    def _open(self, repo: Repository) -> None:
        self.repo = repo
        self.cell: Cell | None = repo.load_cell()
        self._cell_form: dict[str, Any] | None = to_dict(self.cell) if self.cell else None
        self._live: dict[str, Meeting] = {}
        self._forms: dict[str, dict[str, Any]] = {}
        """Each live meeting as last handed to the writer (or read from disk)."""
        self._saver = AutoSaver(repo, on_saved=self._saved, on_error=self._failed, clock=self.clock)

    def _saved(self, at: datetime) -> None:
        self.last_saved = at
        self.revision += 1
        self.on_saved(at)

    def _failed(self, exc: Exception) -> None:
        self.on_save_failed(exc)

    # -- the cell ------------------------------------------------------------

    @property
    def is_sample(self) -> bool:
        """Whether the database in use is the sample cell's."""
        return self.repo.path.name == SAMPLE_FILE_NAME

    @property
    def cell_name(self) -> str:
        return self.cell.name if self.cell and self.cell.name else T.NO_CELL_NAME

    @property
    def has_members(self) -> bool:
        return self.cell is not None and bool(self.cell.active_members())

    def ensure_cell(self) -> Cell:
        """The cell, created with the sample criteria on a new database."""
        if self.cell is None:
            from .domain.criteria import sample_criteria

            self.cell = Cell(criteria=sample_criteria(), criteria_is_sample=True)
        return self.cell

    def today(self) -> date:
        """The session's clock (fixed in tests), never ``date.today()``."""
        return self.clock().date()

    # -- meetings --------------------------------------------------------------

    def meeting(self, month: str) -> Meeting:
        """The live meeting of ``month``: resumed, or started if the month is new.

        A draft is brought in line with the cell's roster and criteria each time
        it is asked for; the same object is returned until the session ends.
        """
        meeting = self._live.get(month)
        if meeting is None:
            meeting = self.repo.load_meeting(month)
            if meeting is None:
                meeting = self._start(month)
            else:
                self._forms[month] = to_dict(meeting)
            self._live[month] = meeting
        if not meeting.is_final:
            from .domain import lifecycle

            previous = self._previous(month)
            lifecycle.sync_follow_ups(meeting, previous)
            lifecycle.sync_task_reviews(meeting, previous)
            if self.cell is not None:
                lifecycle.sync_roster(meeting, self.cell)
                lifecycle.sync_criteria(meeting, self.cell)
        return meeting

    def _start(self, month: str) -> Meeting:
        cell = self.ensure_cell()
        previous = self._previous(month)
        now = self.clock()
        if month_of(now.date()) == month:
            day, start = now.date(), now.time().replace(second=0, microsecond=0)
        else:  # a month recorded after the fact: the chair fills in date and time
            day, start = date(int(month[:4]), int(month[5:]), 1), None
        from .domain import lifecycle

        return lifecycle.new_meeting(cell, month, day, [previous] if previous else [], start=start)

    def _previous(self, month: str) -> Meeting | None:
        """The latest meeting before ``month``: it carries every remedy still open."""
        earlier = {s.month for s in self.repo.summaries() if s.month < month}
        earlier |= {m for m in self._live if m < month}
        if not earlier:
            return None
        latest = max(earlier)
        return self._live.get(latest) or self.repo.load_meeting(latest)

    def earlier_this_year(self, month: str) -> list[Meeting]:
        """The meetings of ``month``'s year before it, oldest first (live objects where
        they are open): what the score sheet counts over the year."""
        year = month[:4]
        months = {s.month for s in self.repo.summaries() if s.month[:4] == year}
        months |= {m for m in self._live if m[:4] == year}
        return [self.meeting(m) for m in sorted(months) if m < month]

    def drafts(self) -> list[Meeting]:
        """Every meeting not yet finalised, oldest first, as live objects."""
        months = {s.month for s in self.repo.summaries() if s.state is MeetingState.DRAFT}
        months |= {m for m, meeting in self._live.items() if not meeting.is_final}
        found = [self.meeting(m) for m in sorted(months)]
        return [m for m in found if not m.is_final]

    def discard(self, month: str) -> Path | None:
        """Throw a draft away (a month opened by mistake); the backup taken first.

        Slow (it waits for the writer, then writes): call from a worker thread.
        The removal and its audit entry are one commit.
        """
        meeting = self._live.get(month) or self.repo.load_meeting(month)
        if meeting is None:
            return None
        if meeting.is_final:
            raise Refused(T.DISCARD_FINAL)
        # Out of the live set first, so that no autosave tick hands it over again.
        self._live.pop(month, None)
        self._forms.pop(month, None)
        self.wait_saved()
        files = {p.name: p.read_bytes() for p in self.repo.files()}
        from .store.backups import take_backup

        backup = take_backup(self.repo.path, files, "discard", self.clock())
        with self.repo.transaction():
            self.repo.discard_draft(month)
            self.repo.record("discard", month, T.DISCARD_AUDIT.format(month=month_label(month)))
        return backup

    def finalise(self, meeting: Meeting, override_reason: str = "") -> None:
        from .domain import lifecycle

        lifecycle.finalise(meeting, self.clock(), override_reason)
        self.flush_edits()

    def reopen(self, meeting: Meeting, reason: str) -> None:
        from .domain import lifecycle

        lifecycle.reopen(meeting, self.clock(), reason)
        self.flush_edits()

    # -- saving ------------------------------------------------------------------

    def flush_edits(self) -> None:
        """Hand whatever changed since the last call to the writer (UI thread only).

        Cheap when nothing changed: one ``to_dict`` per live record, compared.
        """
        if self.cell is not None:
            form = to_dict(self.cell)
            if form != self._cell_form:
                self._cell_form = form
                self._saver.save_cell(self.cell)
        for month, meeting in self._live.items():
            form = to_dict(meeting)
            before = self._forms.get(month)
            if form == before:
                continue
            if before is not None and _frozen(before, form):
                continue  # a finalised record only changes through reopen or amend
            self._forms[month] = form
            self._saver.save_meeting(meeting)

    def wait_saved(self, timeout: float | None = 10.0) -> bool:
        """Wait until what was handed over is on disk (any thread); ``False`` on timeout."""
        return self._saver.flush(timeout)

    def save_now(self, timeout: float | None = 10.0) -> bool:
        """Hand over and wait (quitting, or a caller with no UI to keep alive)."""
        self.flush_edits()
        return self.wait_saved(timeout)

    @property
    def saving(self) -> bool:
        """Whether something handed over is not on disk yet."""
        return not self._saver.idle

    @property
    def save_error(self) -> Exception | None:
        """Why the last save failed, while it keeps failing."""
        return self._saver.last_error

    def unsaved(self) -> list[Cell | Meeting]:
        """What was handed to the writer and has not reached the disk."""
        return self._saver.pending()

    def save_error_text(self) -> str:
        """Why saving fails, in Vietnamese (empty while it does not)."""
        error = self._saver.last_error
        return save_error_text(error, self.repo.path.parent) if error else ""

    def rescue(self) -> Path:
        """Write what could not be saved to a rescue file (see :mod:`chibo_tui.rescue`)."""
        self.flush_edits()
        pending = self.unsaved()
        cells = [r for r in pending if isinstance(r, Cell)]
        meetings = [r for r in pending if isinstance(r, Meeting)]
        cell = cells[-1] if cells else None
        return write_rescue(self.repo, cell, meetings, self.clock(), also=[self.exports_dir])

    def close(self, timeout: float | None = 10.0) -> bool:
        """Save what is pending and stop the writer; the repository stays open."""
        self.flush_edits()
        return self._saver.close(timeout)

    # -- another database ---------------------------------------------------------

    def switch_to(self, repo: Repository) -> None:
        """Work on ``repo`` (the sample cell) from now on; the old one is saved and closed."""
        if repo is self.repo:
            self.cell = repo.load_cell()
            self._cell_form = to_dict(self.cell) if self.cell else None
            return
        self.close()
        self.repo.close()
        self.last_saved = None
        self._history.clear()
        self._open(repo)

    # -- history and documents ------------------------------------------------------

    def history(self) -> HistorySnapshot:
        """Every meeting and its remedies, loaded once per save (call from a worker)."""
        return self._history.get(self.repo, self.revision)

    def export(
        self,
        kind: DocumentKind,
        *,
        month: str | None = None,
        year: int | None = None,
        number: int | None = None,
    ) -> Path:
        """Write a document from what is on disk (call :meth:`wait_saved` first)."""
        return self.export_numbered(kind, month=month, year=year, number=number).path

    def export_numbered(
        self,
        kind: DocumentKind,
        *,
        month: str | None = None,
        year: int | None = None,
        number: int | None = None,
    ) -> Exported:
        """:meth:`export`, with the number the document carries (any thread).

        A number given now is recorded through the repository in one transaction,
        then put in the live cell too, so that the next save of the cell (an edit
        of the profile) carries it instead of writing the register back without it.
        """
        exported = export_document(
            self.repo,
            kind,
            self.exports_dir,
            month=month,
            year=year,
            number=number,
            at=self.clock(),
        )
        self._take_register()
        self.last_export = exported.path
        return exported

    def export_pack(
        self, month: str, *, pdf: bool, progress: Callable[[str], None] | None = None
    ) -> Pack:
        """The month's pack (any thread; call :meth:`wait_saved` first)."""
        pack = export_pack(
            self.repo, month, self.exports_dir, pdf=pdf, at=self.clock(), progress=progress
        )
        self._take_register()
        if pack.documents:
            self.last_export = pack.documents[-1].path
        return pack

    def _take_register(self) -> None:
        """Numbers issued through the repository go into the live cell too."""
        if self.cell is not None:
            on_disk = self.repo.load_cell()
            if on_disk is not None:
                self.cell.register = on_disk.register  # one assignment: safe from a worker


def _frozen(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """A finalised record changed without being reopened or amended."""
    finalised = MeetingState.FINALISED.value
    return (
        before.get("state") == finalised
        and after.get("state") == finalised
        and len(after.get("amendments", [])) == len(before.get("amendments", []))
    )
