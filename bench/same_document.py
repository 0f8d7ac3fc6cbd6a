"""The CLI floor "python-docx writing the same document", in two steps.

``extract DOCX JSON`` (not timed) reads a document chibo exported and writes its
body's content as JSON: each paragraph's runs (text, bold, italic, size) and each
table's rows of cells, each cell's paragraphs of runs, in the body's order.

``write JSON OUT`` (the timed child, a fresh interpreter) imports python-docx and
TinyDB as ``python -c "import docx, tinydb"`` does, builds a document of that content
with plain python-docx calls (``add_paragraph``, ``add_run``, ``add_table``) and saves
it: what python-docx itself costs for the content chibo writes. It sets no spacing,
indents, alignment, borders, widths, merges, headers or document properties, which
chibo does; so it is still a floor, below what the same document costs done fully.

    .venv/bin/python bench/same_document.py extract 2026-10_bao-cao.docx report.json
    .venv/bin/python bench/same_document.py write report.json /tmp/same.docx
"""

from __future__ import annotations

import json
import sys
from typing import Any

Run = list[Any]
"""[text, bold, italic, size in pt]: bold and italic ``None`` when inherited, size
``None`` when not set on the run."""


def extract(source: str, target: str) -> None:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(source)

    def runs(paragraph: Paragraph) -> list[Run]:
        return [
            [r.text, r.bold, r.italic, r.font.size.pt if r.font.size is not None else None]
            for r in paragraph.runs
        ]

    body: list[dict[str, Any]] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            body.append({"p": runs(Paragraph(element, document))})
        elif tag == "tbl":
            table = Table(element, document)
            rows = []
            for row in table.rows:
                # Each cell once, as in the file: a merged cell is one ``w:tc``.
                cells = [tc for tc in row._tr.tc_lst]
                rows.append([[runs(Paragraph(p, document)) for p in tc.p_lst] for tc in cells])
            body.append({"t": rows, "columns": len(table.columns)})
    with open(target, "w", encoding="utf-8") as out:
        json.dump(body, out, ensure_ascii=False)


def write(source: str, target: str) -> None:
    import docx
    import tinydb  # noqa: F401  (the import floor's other library, imported as there)
    from docx.shared import Pt

    with open(source, encoding="utf-8") as file:
        body = json.load(file)
    document = docx.Document()

    def fill(paragraph: Any, runs: list[Run]) -> None:
        for text, bold, italic, size in runs:
            run = paragraph.add_run(text)
            if bold is not None:
                run.bold = bold
            if italic is not None:
                run.italic = italic
            if size is not None:
                run.font.size = Pt(size)

    for block in body:
        if "p" in block:
            fill(document.add_paragraph(), block["p"])
            continue
        rows = block["t"]
        table = document.add_table(rows=len(rows), cols=block["columns"])
        for row, cells in zip(table.rows, rows, strict=True):
            for cell, paragraphs in zip(row.cells, cells, strict=False):
                for i, runs in enumerate(paragraphs):
                    fill(cell.paragraphs[0] if i == 0 else cell.add_paragraph(), runs)
    document.save(target)


if __name__ == "__main__":
    step, source, target = sys.argv[1:4]
    {"extract": extract, "write": write}[step](source, target)
