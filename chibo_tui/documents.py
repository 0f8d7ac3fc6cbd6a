"""Writing one document, or a month's pack, from what a repository holds.

The one code path for ``chibo export`` and the app's export keys (through
:class:`~chibo_tui.session.Session`). Apart from the session so that a
command-line export, one process for one document, imports only what a document
needs: the session's autosave writer, history cache and rescue file (with
``tempfile``) cost such a process ~5 ms of imports.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from .domain import register
from .domain.carried import Carried
from .domain.model import Cell, Meeting, ResolutionForm
from .domain.vietnamese import month_label
from .store import Repository
from .text import common as T

if TYPE_CHECKING:
    from .domain.scoresheet import Result


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


class Exported(msgspec.Struct, frozen=True):
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


class Pack(msgspec.Struct, frozen=True):
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
