"""Reading exported .docx files back: text in order, tables, fonts, borders."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"


def open_doc(path: Path) -> Document:
    return docx.Document(str(path))


def blocks(doc: Document) -> list[Paragraph | Table]:
    """Body paragraphs and tables in document order."""
    out: list[Paragraph | Table] = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            out.append(Paragraph(child, doc))
        elif child.tag == qn("w:tbl"):
            out.append(Table(child, doc))
    return out


def cell_texts(table: Table) -> list[list[str]]:
    """Rows of cell texts; a merged cell appears once per row."""
    rows = []
    for row in table.rows:
        seen: list[object] = []
        texts = []
        for c in row.cells:
            if any(c._tc is s for s in seen):
                continue
            seen.append(c._tc)
            texts.append(c.text)
        rows.append(texts)
    return rows


def lines(doc: Document) -> list[str]:
    """Every paragraph's text, tables flattened row by row, in order."""
    out: list[str] = []
    for block in blocks(doc):
        if isinstance(block, Paragraph):
            out.append(block.text)
        else:
            for row in cell_texts(block):
                for text in row:
                    out.extend(text.split("\n"))
    return out


def text(doc: Document) -> str:
    return "\n".join(lines(doc))


def borders(table: Table) -> dict[str, str]:
    edges = table._tbl.tblPr.find(qn("w:tblBorders"))
    if edges is None:
        return {}
    return {el.tag.split("}")[1]: el.get(qn("w:val")) for el in edges}


def rfonts(r_pr: Any) -> dict[str, str | None]:
    el = r_pr.find(qn("w:rFonts"))
    if el is None:
        return {}
    return {k: el.get(qn(f"w:{k}")) for k in ("ascii", "hAnsi", "eastAsia", "cs", "asciiTheme")}


def all_runs(doc: Document) -> list[Any]:
    """Every w:r in the body and in the page headers."""
    parts = [doc.element.body]
    for section in doc.sections:
        parts += [section.header._element, section.first_page_header._element]
    return [r for part in parts for r in part.iter(qn("w:r"))]


def paragraph_with(doc: Document, needle: str) -> Paragraph:
    for block in blocks(doc):
        if isinstance(block, Paragraph) and needle in block.text:
            return block
    raise AssertionError(f"no paragraph contains {needle!r}")


def paragraphs(doc: Document) -> list[Paragraph]:
    """Body paragraphs (not those inside tables), in order."""
    return [b for b in blocks(doc) if isinstance(b, Paragraph)]


def tables(doc: Document) -> list[Table]:
    """Body tables, in order: the header first."""
    return [b for b in blocks(doc) if isinstance(b, Table)]
