"""The format profile (domain-notes-2 §7): HD 36 by default, HD 05 as a preset,
each disputed point overridable; every document follows it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from docx.enum.text import WD_LINE_SPACING
from docx.shared import Pt
from docx.text.run import Run
from docx_probe import lines, open_doc, tables
from export_fixtures import make_meeting, year_of_meetings

from chibo_tui.domain.model import Cell, FormatProfile, LineSpacing, Role, UySpelling
from chibo_tui.export import export_minutes, export_plan, export_report, export_summary

Export = Callable[[Cell, Path], Path]


def _minutes(cell: Cell, out: Path) -> Path:
    return export_minutes(cell, make_meeting(cell), out)


def _report(cell: Cell, out: Path) -> Path:
    return export_report(cell, make_meeting(cell), out)


def _summary(cell: Cell, out: Path) -> Path:
    return export_summary(cell, year_of_meetings(cell, 2026), 2026, out)


def _plan(cell: Cell, out: Path) -> Path:
    return export_plan(cell, 2027, out)


EVERY_DOCUMENT = pytest.mark.parametrize(
    "export", [_minutes, _report, _summary, _plan], ids=["minutes", "report", "summary", "plan"]
)


def _signature_runs(path: Path, text: str) -> list[Run]:
    """Runs holding ``text`` in the signature table (the one signed by the secretary)."""
    doc = open_doc(path)
    (table,) = [t for t in tables(doc)[1:] if "BÍ THƯ" in t._cells[-1].text]
    return [r for c in table._cells for p in c.paragraphs for r in p.runs if text in r.text]


@EVERY_DOCUMENT
def test_hd36_ends_the_body_with_slash_dot_and_hd05_with_a_full_stop(
    cell: Cell, out: Path, export: Export
) -> None:
    hd36 = lines(open_doc(export(cell, out)))
    cell.documents.profile = FormatProfile.HD05
    hd05 = lines(open_doc(export(cell, out)))
    ended36 = [line for line in hd36 if line.endswith("./.")]
    assert len(ended36) == 1, ended36
    assert not any(line.endswith("./.") for line in hd05)
    assert ended36[0][:-3] + "." in hd05  # the same sentence, only its ending differs


@EVERY_DOCUMENT
def test_line_spacing_of_the_body(cell: Cell, out: Path, export: Export) -> None:
    normal = open_doc(export(cell, out)).styles["Normal"].paragraph_format
    assert normal.line_spacing == 1.15
    cell.documents.profile = FormatProfile.HD05
    normal = open_doc(export(cell, out)).styles["Normal"].paragraph_format
    assert normal.line_spacing == Pt(19)
    assert normal.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    cell.documents.line_spacing = LineSpacing.MULTIPLE_115  # one point overridden
    normal = open_doc(export(cell, out)).styles["Normal"].paragraph_format
    assert normal.line_spacing == 1.15


@pytest.mark.parametrize("export", [_report, _summary, _plan], ids=["report", "summary", "plan"])
def test_recipients_and_signer_title(cell: Cell, out: Path, export: Export) -> None:
    path = export(cell, out)
    (label,) = [r for r in _signature_runs(path, "Nơi nhận")]
    assert label.text == "Nơi nhận:" and label.bold and label.italic and not label.underline
    assert label.font.size == Pt(12)
    (title,) = _signature_runs(path, "T/M CHI BỘ")
    assert title.bold

    cell.documents.profile = FormatProfile.HD05
    path = export(cell, out)
    (label,) = _signature_runs(path, "Nơi nhận")
    assert label.underline and not label.bold
    (title,) = _signature_runs(path, "T/M CHI BỘ")
    assert not title.bold
    secretary = cell.with_role(Role.SECRETARY)
    assert secretary is not None
    (name_run,) = _signature_runs(path, secretary.full_name)
    assert name_run.bold  # the signer's name stays bold

    cell.documents.signer_title_bold = True  # overridden on its own
    (title,) = _signature_runs(export(cell, out), "T/M CHI BỘ")
    assert title.bold


@EVERY_DOCUMENT
def test_uy_spelling_is_one_switch_for_the_whole_document(
    cell: Cell, out: Path, export: Export
) -> None:
    cell.parent_committee = "Đảng ủy phường Tây Thạnh"
    body = "\n".join(lines(open_doc(export(cell, out))))
    assert "ĐẢNG ỦY PHƯỜNG TÂY THẠNH" in body and "uỷ" not in body.lower()
    cell.documents.uy = UySpelling.OLD
    body = "\n".join(lines(open_doc(export(cell, out))))
    assert "ĐẢNG UỶ PHƯỜNG TÂY THẠNH" in body
    assert "ủy" not in body.lower()


@EVERY_DOCUMENT
def test_the_signatures_never_stand_alone_on_a_page(cell: Cell, out: Path, export: Export) -> None:
    """The last sentence and the spacing after it are kept with the signature table."""
    from docx.oxml.ns import qn

    doc = open_doc(export(cell, out))
    body = list(doc.element.body.iterchildren())
    signature = next(
        t._tbl
        for t in tables(doc)[1:]
        if "BÍ THƯ" in t._cells[-1].text or "THƯ KÝ" in t._cells[0].text
    )
    before = body[: body.index(signature)]
    last = max(
        i for i, el in enumerate(before) if el.tag == qn("w:p") and "".join(el.itertext()).strip()
    )
    for el in before[last:]:
        assert el.pPr is not None and el.pPr.keepNext_val, "".join(el.itertext())
