"""The fixed parts of a party document: header, title, signatures, page numbers.

Hướng dẫn 36-HD/VPTW (domain-notes §2.4): the issuing body on the left over an
asterisk and the number; "ĐẢNG CỘNG SẢN VIỆT NAM" on the right with a line of its
own length under it, then the place and date in italics; the title centred; the
signature without a seal (a cell has none).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from ..domain.doc_format import DocumentFormat, resolve, spell_uy, with_ending
from ..domain.model import Cell, DocumentSettings, LineSpacing
from ..domain.vietnamese import date_line
from . import styles
from .facts import cell_title, clean, dmy, doc_number, upper
from .properties import describe

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
# Width of PARTY in Times New Roman Bold 15 pt (13.8 em); the rule under it is
# cut to this length, as the guidance asks, with a little air on each side.
_PARTY_WIDTH_MM = 73.0
_RIGHT_COLUMN_MM = 86.0
DRAFT = "DỰ THẢO"


def begin(
    cell: Cell,
    *,
    kind: str | None,
    seq: int | None,
    day: date,
    draft: bool,
    title: str,
    subject: str = "",
    category: str = "",
) -> Document:
    """A new document with everything above the title: draft mark, header, page numbers.

    ``kind`` is the type code of the number ("BB"); ``None`` for a document that
    carries none (the score sheet). ``title`` names the document ("Biên bản sinh hoạt chi bộ tháng 10/2026"),
    ``subject`` is its summary line and ``category`` its type ("Biên bản").
    """
    fmt = resolve(cell.documents)
    exact = 19.0 if fmt.line_spacing is LineSpacing.EXACT_19 else None
    doc = styles.new_document(cell.documents.margins_mm, exact)
    describe(doc, title=title, subject=subject, author=cell_title(cell.name), category=category)
    if draft:
        draft_mark(doc)
    number = doc_number(seq, kind, cell.documents.colon_after_number) if kind else ""
    party_header(doc, cell, number=number, day=day)
    page_numbers(doc)
    return doc


def draft_mark(doc: Document) -> None:
    """A framed "DỰ THẢO" at the top right of the first page."""
    from docx.shared import Mm

    par = styles.paragraph(doc, DRAFT, bold=True, size=13, align="center", indent=False, after=4)
    # Shrink the paragraph to a small box at the right edge of the text area.
    par.paragraph_format.left_indent = Mm(styles.text_width_mm(doc) - 32)
    styles.box(par)


def party_header(doc: Document, cell: Cell, *, number: str, day: date) -> Table:
    """The borderless two-column header; the number and the date share a row."""
    width = styles.text_width_mm(doc)
    right = min(_RIGHT_COLUMN_MM, width * 0.55)
    tbl = styles.table(doc, 2, (width - right, right), borders=False, padding_mm=0)
    left_top, right_top = tbl.rows[0].cells
    left_bottom, right_bottom = tbl.rows[1].cells

    parent = upper(cell.parent_committee) or "ĐẢNG BỘ ……………"
    name = upper(cell.name) or "CHI BỘ ……………"
    _line(left_top, parent)
    _line(left_top, name, bold=True)
    _line(left_top, "*")
    _line(left_bottom, number)

    party = _line(right_top, PARTY, bold=True, size=15, after=0)
    styles.bottom_rule(party, inset_mm=max(0.0, (right - _PARTY_WIDTH_MM - 2) / 2))
    place = clean(cell.place_name) or "……………"
    _line(right_bottom, date_line(place, day), italic=True)
    return tbl


def _line(
    cell: Any,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float = 14,
    after: float = 0,
) -> Paragraph:
    return styles.paragraph(
        cell,
        text,
        bold=bold,
        italic=italic,
        size=size,
        align="center",
        indent=False,
        after=after,
        single=True,
    )


def title_block(doc: Document, kind: str, summary: Sequence[str]) -> None:
    """``BIÊN BẢN`` (caps bold 16), the summary lines (bold 14), then ``-----``."""
    styles.paragraph(
        doc,
        kind.upper(),
        bold=True,
        size=16,
        align="center",
        indent=False,
        before=18,
        after=0,
        keep_next=True,
    )
    for text in summary:
        styles.paragraph(
            doc, text, bold=True, size=14, align="center", indent=False, after=0, keep_next=True
        )
    styles.paragraph(doc, "-----", align="center", indent=False, after=12)


def appendix_title(doc: Document, cell: Cell, *, subject: str, of: str, day: date) -> None:
    """``PHỤ LỤC``, its subject, and ``(Kèm theo Báo cáo số 06-BC/CB ngày … của Chi bộ …)``.

    ``of`` names the document the appendix belongs to, with its number: "Báo cáo số …".
    """
    for text, bold, italic in (
        ("PHỤ LỤC", True, False),
        (subject, True, False),
        (f"(Kèm theo {of} ngày {dmy(day)} của {cell_title(cell.name)})", False, True),
    ):
        styles.paragraph(doc, text, bold=bold, italic=italic, align="center", indent=False, after=0)
    styles.paragraph(doc, "", after=6)


@dataclass(frozen=True)
class Signer:
    """A signature column: the capacity lines (``T/M CHI BỘ``, ``BÍ THƯ``) and the name."""

    titles: tuple[str, ...]
    name: str
    note: str = ""  # e.g. "(Ký, ghi rõ họ tên)"


@dataclass(frozen=True)
class Recipients:
    """The "Nơi nhận:" list printed at the left of the signature."""

    lines: tuple[str, ...] = field(default_factory=tuple)


def signature_block(
    doc: Document,
    left: Signer | Recipients | None,
    right: Signer,
    settings: DocumentSettings,
    *,
    ends_body: bool = True,
) -> Table:
    """A borderless two-column table, kept on one page.

    The body above it is ended as the profile asks ("./." or "."), once: a block
    signed after the document (an amendment) passes ``ends_body=False``.
    """
    fmt = resolve(settings)
    if ends_body:
        end_body(doc, fmt)
    _keep_with_signatures(doc)
    width = styles.text_width_mm(doc)
    tbl = styles.table(doc, 1, (width / 2, width / 2), borders=False, padding_mm=0)
    styles.keep_rows_whole(tbl)
    left_cell, right_cell = tbl.rows[0].cells
    if isinstance(left, Signer):
        _signer(left_cell, left, fmt)
    elif isinstance(left, Recipients):
        _recipients(left_cell, left, fmt)
    _signer(right_cell, right, fmt)
    return tbl


def end_body(doc: Document, fmt: DocumentFormat) -> None:
    """Put the profile's ending on the last written paragraph of the body."""
    last = _last_sentence(doc)
    if last is not None:
        runs = list(last.iter(_qn("w:t")))
        runs[-1].text = with_ending(runs[-1].text or "", fmt.ending)


def _last_sentence(doc: Document) -> Any:
    """The body's last paragraph with text in it (a ``w:p``), or ``None``."""
    for p in reversed(doc.element.body.findall(_qn("w:p"))):
        if "".join(t.text or "" for t in p.iter(_qn("w:t"))).strip():
            return p
    return None


def _keep_with_signatures(doc: Document) -> None:
    """The last sentence and the spacing after it stay on the page of the signatures,
    which never stand alone at the top of a page (a longer body at 19 pt did that)."""
    last = _last_sentence(doc)
    if last is None:
        return
    paragraphs = doc.element.body.findall(_qn("w:p"))
    for p in paragraphs[paragraphs.index(last) :]:
        p.get_or_add_pPr().keepNext_val = True


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _signer(cell: Any, signer: Signer, fmt: DocumentFormat) -> None:
    for title in signer.titles:
        _line(cell, title, bold=fmt.signer_title_bold)
    if signer.note:
        _line(cell, signer.note, italic=True, size=13)
    # Room to sign: about 3 cm.
    for _ in range(4):
        _line(cell, "")
    _line(cell, clean(signer.name) or "……………………", bold=True)


def _recipients(cell: Any, recipients: Recipients, fmt: DocumentFormat) -> None:
    par = styles.paragraph(cell, align="left", indent=False, single=True, after=0)
    if fmt.recipients_underlined:  # HD 05, as its summaries report it
        styles.add_run(par, "Nơi nhận", size=14, underline=True)
        styles.add_run(par, ":", size=14)
    else:  # HD 36: bold italic, 12 pt
        styles.add_run(par, "Nơi nhận:", size=12, bold=True, italic=True)
    for text in recipients.lines:
        styles.paragraph(cell, text, size=12, align="left", indent=False, single=True, after=0)


def finish(doc: Document, cell: Cell) -> Document:
    """Last touches over the whole document: "ủy" or "uỷ" as the profile spells it.

    Every text is respelt, the cell's own names included, so that one document
    never mixes the two spellings.
    """
    from docx.oxml.ns import qn

    uy = resolve(cell.documents).uy
    parts = [doc.element.body]
    parts += [s.header._element for s in doc.sections]
    parts += [s.first_page_header._element for s in doc.sections]
    for part in parts:
        for t in part.iter(qn("w:t")):
            if t.text:
                t.text = spell_uy(t.text, uy)
    return doc


def page_numbers(doc: Document) -> None:
    """A centred PAGE field in the top margin from page 2; nothing on page 1."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    section = doc.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False  # an empty first-page header
    header = section.header
    header.is_linked_to_previous = False
    par = header.paragraphs[0]
    par.alignment = styles.alignment("center")

    def field_char(kind: str) -> None:
        run = styles.add_run(par, "")
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run._r.append(char)

    field_char("begin")
    instr_run = styles.add_run(par, "")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    instr_run._r.append(instr)
    field_char("separate")
    styles.add_run(par, "2")  # shown until the viewer updates the field
    field_char("end")
