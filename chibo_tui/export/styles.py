"""Page setup, fonts and the paragraph and table helpers every document uses.

Layout of Hướng dẫn 36-HD/VPTW (domain-notes §2.4): A4, Times New Roman, body
14 pt justified with a first-line indent of about 1 cm. python-docx is imported
inside the functions so that importing this package stays cheap.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .facts import clean

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

FONT = "Times New Roman"
BODY_PT = 14.0
INDENT_MM = 10.0
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
_THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")

_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def alignment(name: str) -> Any:
    """``"justify"`` → ``WD_ALIGN_PARAGRAPH.JUSTIFY`` (imported only when needed)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    return getattr(WD_ALIGN_PARAGRAPH, name.upper())


def new_document(margins_mm: Sequence[int], exact_line_pt: float | None = None) -> Document:
    """An empty A4 document with the party layout: margins, fonts, spacing.

    The body is spaced 1.15 lines, or exactly ``exact_line_pt`` points (HD 05: 19 pt).
    """
    from docx import Document as make_document
    from docx.shared import Mm

    doc = make_document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, bottom, left, right = margins_mm
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    # The page number sits in the top margin, centred, above the text.
    section.header_distance = Mm(max(5, top // 2))
    section.footer_distance = Mm(max(5, bottom // 2))
    _set_fonts_everywhere(doc, exact_line_pt)
    return doc


def text_width_mm(doc: Document) -> float:
    section = doc.sections[0]
    # new_document sets all three, so the zeros are only there for the type checker.
    width = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
    return width / 36000  # EMU per mm


def _set_fonts_everywhere(doc: Document, exact_line_pt: float | None) -> None:
    """Times New Roman in the defaults and every style, for every script slot.

    The template's defaults name theme fonts (Calibri, and an East Asian face); a
    theme attribute wins over a plain one, so they are removed, not just overridden.
    Otherwise Word may render Vietnamese letters in the East Asian fallback font.
    """
    from docx.oxml.ns import qn
    from docx.shared import Pt

    styles_el = doc.styles.element
    r_pr_default = styles_el.find(
        qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr")
    )
    if r_pr_default is not None:
        set_rfonts(r_pr_default)
        lang = r_pr_default.find(qn("w:lang"))
        if lang is not None:
            lang.set(qn("w:val"), "vi-VN")
            lang.set(qn("w:eastAsia"), "vi-VN")
    # Every style that names a font (headings, titles … name theme fonts); the others
    # inherit from Normal and the defaults. Straight on the XML: ~160 styles.
    for rfonts in styles_el.iter(qn("w:rFonts")):
        _point_at_font(rfonts)
    normal = doc.styles["Normal"]
    set_rfonts(normal.element.get_or_add_rPr())
    normal.font.size = Pt(BODY_PT)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(6)
    if exact_line_pt is None:
        fmt.line_spacing = 1.15
    else:
        from docx.enum.text import WD_LINE_SPACING

        fmt.line_spacing = Pt(exact_line_pt)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.widow_control = True


def set_rfonts(r_pr: Any) -> None:
    """Point all four font slots of an ``w:rPr`` at Times New Roman."""

    _point_at_font(r_pr.get_or_add_rFonts())  # in schema order, after any w:rStyle


def _point_at_font(rfonts: Any) -> None:
    from docx.oxml.ns import qn

    for slot in _THEME_SLOTS:
        rfonts.attrib.pop(qn(slot), None)
    for slot in _FONT_SLOTS:
        rfonts.set(qn(slot), FONT)


def add_run(
    paragraph: Paragraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    underline: bool = False,
) -> Run:
    """A run of cleaned text with its fonts set on the run itself as well."""
    from docx.text.run import Run

    r = paragraph._p.add_r()
    r.append(copy.deepcopy(_run_properties(bold, italic, size, underline)))
    text = clean_inline(text)
    if text:
        r.add_t(text)  # no tabs or breaks are left to interpret: a plain w:t will do
    return Run(r, paragraph)


@functools.cache
def _run_properties(bold: bool, italic: bool, size: float | None, underline: bool) -> Any:
    """A ``w:rPr`` to copy into each run of this look.

    Built once through python-docx's API and deep-copied after: setting each
    property through the API on every run made a long document several times slower.
    """
    from docx.oxml import OxmlElement
    from docx.shared import Pt
    from docx.text.run import Run

    scratch = Run(OxmlElement("w:r"), None)  # type: ignore[arg-type]
    set_rfonts(scratch._r.get_or_add_rPr())
    scratch.bold = bold or None
    scratch.italic = italic or None
    scratch.underline = underline or None
    if size is not None:
        scratch.font.size = Pt(size)
    return scratch._r.rPr


def clean_inline(text: str) -> str:
    # Line breaks inside a run would become soft breaks; callers split notes into
    # paragraphs themselves, so anything left is folded into spaces. A space at
    # either end is kept: runs are joined, as in "Địa điểm: " + "Nhà văn hóa".
    inner = _SPACES.sub(" ", clean(text))  # not \s: the no-break spaces of a blank stay
    if not inner:
        return " " if text[:1].isspace() else ""
    lead = " " if text[:1].isspace() else ""
    tail = " " if text[-1:].isspace() else ""
    return lead + inner + tail


def paragraph(
    container: Any,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    align: str = "justify",
    indent: bool = True,
    before: float = 0,
    after: float = 6,
    keep_next: bool = False,
    single: bool = False,
) -> Paragraph:
    """A formatted paragraph in a document or a table cell (reusing a cell's empty one)."""
    par = _fresh_paragraph(container)
    p = par._p
    if p.pPr is not None:
        p.remove(p.pPr)
    p.insert(
        0, copy.deepcopy(_paragraph_properties(align, indent, before, after, keep_next, single))
    )
    if text:
        add_run(par, text, bold=bold, italic=italic, size=size)
    return par


@functools.cache
def _paragraph_properties(
    align: str, indent: bool, before: float, after: float, keep_next: bool, single: bool
) -> Any:
    """A ``w:pPr`` to copy into each paragraph of this look (see ``_run_properties``)."""
    from docx.oxml import OxmlElement
    from docx.shared import Mm, Pt
    from docx.text.paragraph import Paragraph

    scratch = Paragraph(OxmlElement("w:p"), None)  # type: ignore[arg-type]
    fmt = scratch.paragraph_format
    scratch.alignment = alignment(align)
    fmt.first_line_indent = Mm(INDENT_MM) if indent else None
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if single:
        fmt.line_spacing = 1.0
    if keep_next:
        fmt.keep_with_next = True
    return scratch._p.pPr


def _fresh_paragraph(container: Any) -> Paragraph:
    # A new table cell already holds one empty, unformatted paragraph: use it.
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

    if isinstance(container, _Cell):
        ps = container._tc.p_lst
        if len(ps) == 1 and ps[0].pPr is None and not ps[0].r_lst:
            return Paragraph(ps[0], container)
    return container.add_paragraph()


def labelled(container: Any, label: str, text: str, *, indent: bool = True) -> Paragraph:
    """``- Địa điểm: Nhà văn hóa khu phố 3`` with the label in bold."""
    par = paragraph(container, indent=indent)
    add_run(par, label, bold=True)
    add_run(par, text)
    return par


def page_break(doc: Document) -> None:
    from docx.enum.text import WD_BREAK

    add_run(doc.add_paragraph(), "").add_break(WD_BREAK.PAGE)


def table(
    container: Any,
    rows: int,
    widths_mm: Sequence[float],
    *,
    borders: bool,
    align: str = "center",
    padding_mm: float = 1.0,
) -> Table:
    """A table of fixed column widths, with or without borders.

    Fixed layout so Word and LibreOffice agree on the widths instead of fitting
    columns to their content.
    """
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    tbl = container.add_table(rows=rows, cols=len(widths_mm))
    tbl.alignment = {"center": WD_TABLE_ALIGNMENT.CENTER, "left": WD_TABLE_ALIGNMENT.LEFT}[align]
    tbl.autofit = False  # w:tblLayout fixed
    total = OxmlElement("w:tblW")
    total.set(qn("w:w"), str(_twips(sum(widths_mm))))
    total.set(qn("w:type"), "dxa")
    _put_table_property(tbl, total)
    set_borders(tbl, "single" if borders else "nil")
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(_twips(padding_mm)))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    _put_table_property(tbl, margins)
    for i, width in enumerate(widths_mm):
        tbl.columns[i].width = Mm(width)  # w:gridCol
    for tr in tbl._tbl.tr_lst:  # w:tcW, straight on the XML: Table.columns[i].cells is slow
        for tc, width in zip(tr.tc_lst, widths_mm, strict=True):
            tc.width = Mm(width)
    return tbl


# Child order of w:tblPr and w:pPr in the schema (ECMA-376 §17.4.60, §17.3.1.26):
# Word refuses a file whose property elements come out of order.
_TBL_PR_ORDER = (
    "w:tblStyle w:tblpPr w:tblOverlap w:bidiVisual w:tblStyleRowBandSize "
    "w:tblStyleColBandSize w:tblW w:jc w:tblCellSpacing w:tblInd w:tblBorders w:shd "
    "w:tblLayout w:tblCellMar w:tblLook w:tblCaption w:tblDescription w:tblPrChange"
).split()
_P_PR_ORDER = (
    "w:pStyle w:keepNext w:keepLines w:pageBreakBefore w:framePr w:widowControl w:numPr "
    "w:suppressLineNumbers w:pBdr w:shd w:tabs w:suppressAutoHyphens w:kinsoku w:wordWrap "
    "w:overflowPunct w:topLinePunct w:autoSpaceDE w:autoSpaceDN w:bidi w:adjustRightInd "
    "w:snapToGrid w:spacing w:ind w:contextualSpacing w:mirrorIndents w:suppressOverlap w:jc "
    "w:textDirection w:textAlignment w:textboxTightWrap w:outlineLvl w:divId w:cnfStyle "
    "w:rPr w:sectPr w:pPrChange"
).split()


def _after(order: Sequence[str], tag: str) -> list[str]:
    return list(order[order.index(tag) + 1 :])


def _twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def _put_table_property(tbl: Table, element: Any) -> None:
    """Replace a ``w:tblPr`` child, keeping the schema order Word insists on."""
    tbl_pr = tbl._tbl.tblPr
    tag = element.tag
    for old in tbl_pr.findall(tag):
        tbl_pr.remove(old)
    local = "w:" + tag.split("}")[1]
    tbl_pr.insert_element_before(element, *_after(_TBL_PR_ORDER, local))


def set_borders(tbl: Table, kind: str) -> None:
    """All six table borders ``single`` (thin, black) or ``nil``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    edges = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), kind)
        if kind != "nil":
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        edges.append(el)
    _put_table_property(tbl, edges)


def _row_flag(tbl: Table, tag: str, rows: int | None = None) -> None:
    from docx.oxml import OxmlElement

    for row in tbl.rows[:rows]:
        row._tr.get_or_add_trPr().append(OxmlElement(tag))


def repeat_as_header(tbl: Table, rows: int = 1) -> None:
    """Repeat the first ``rows`` rows on every page the table runs over."""
    _row_flag(tbl, "w:tblHeader", rows)


def keep_rows_whole(tbl: Table) -> None:
    """No row is split across two pages (a signature block must not be)."""
    _row_flag(tbl, "w:cantSplit")


def keep_with_next(tbl: Table) -> None:
    """Keep a table's last row on the page of the paragraph after it.

    Only the last row: a table that does not fit may still break between its rows
    (its header rows repeat), instead of leaving half a page blank before it.
    """
    from docx.oxml.ns import qn

    last = tbl.rows[-1]._tr
    for p in last.iter(qn("w:p")):
        p.get_or_add_pPr().keepNext_val = True
    tr_pr = last.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:  # keep_rows_whole may have set it already
        tr_pr.append(_element("w:cantSplit"))


def _element(tag: str) -> Any:
    from docx.oxml import OxmlElement

    return OxmlElement(tag)


def bottom_rule(par: Paragraph, *, inset_mm: float = 0) -> None:
    """A thin line under a paragraph, shortened by ``inset_mm`` on each side."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    p_pr = par._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    p_pr.insert_element_before(borders, *_after(_P_PR_ORDER, "w:pBdr"))
    if inset_mm:
        par.paragraph_format.left_indent = Mm(inset_mm)
        par.paragraph_format.right_indent = Mm(inset_mm)


def box(par: Paragraph) -> None:
    """A thin frame around a paragraph (the "DỰ THẢO" mark)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p_pr = par._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for edge in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{edge}")
        for key, value in (("val", "single"), ("sz", "8"), ("space", "2"), ("color", "000000")):
            el.set(qn(f"w:{key}"), value)
        borders.append(el)
    p_pr.insert_element_before(borders, *_after(_P_PR_ORDER, "w:pBdr"))


def cell_text(
    cell: _Cell,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float = 13,
    align: str = "center",
) -> Paragraph:
    """One line of table text, single spaced, vertically centred in its cell."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return paragraph(
        cell,
        text,
        bold=bold,
        italic=italic,
        size=size,
        align=align,
        indent=False,
        before=2,
        after=2,
        single=True,
    )


def heading(container: Any, text: str, *, level: int = 1) -> Paragraph:
    """``I. NỘI DUNG`` (bold), ``1. …`` (bold), ``a) …`` (italic); kept with what follows."""
    return paragraph(
        container,
        text,
        bold=level <= 2,
        italic=level >= 3,
        before=6 if level == 1 else 0,
        keep_next=True,
    )


def item(container: Any, text: str, *, mark: str = "-", keep_next: bool = False) -> Paragraph:
    """A list line as party documents write them: ``- text`` or ``+ text``."""
    return paragraph(container, f"{mark} {text}", keep_next=keep_next)


def notes(container: Any, text: str, *, empty: str = "") -> list[Paragraph]:
    """A free-text note, one paragraph per line; ``empty`` when there is nothing."""
    from .facts import lines

    rows = lines(text) or ([empty] if empty else [])
    return [paragraph(container, row) for row in rows]
