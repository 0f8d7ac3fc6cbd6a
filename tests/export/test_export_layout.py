"""The party-document layout shared by all four documents (domain-notes §2.4)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx_probe import FONT, all_runs, borders, cell_texts, open_doc, paragraphs, rfonts, tables
from export_fixtures import make_cell, make_meeting, year_of_meetings
from msgspec.structs import replace

from chibo_tui.domain.model import Cell, DocumentSettings, IssuedNumber
from chibo_tui.domain.vietnamese import date_line
from chibo_tui.export import export_minutes, export_plan, export_report, export_summary

TODAY = date(2026, 11, 20)

Kind = Callable[[Cell, Path], Path]
KINDS: dict[str, tuple[Kind, str, str, date]] = {
    "minutes": (
        lambda c, out: export_minutes(c, make_meeting(c), out),
        "Số 03-BB/CB",
        "BIÊN BẢN",
        date(2026, 10, 5),
    ),
    "report": (
        lambda c, out: export_report(c, make_meeting(c), out),
        "Số 03-BC/CB",
        "BÁO CÁO",
        date(2026, 10, 5),
    ),
    "summary": (
        lambda c, out: export_summary(c, year_of_meetings(c, 2026, 3), 2026, out, today=TODAY),
        "Số 04-BC/CB",
        "BÁO CÁO",
        TODAY,
    ),
    "plan": (
        lambda c, out: export_plan(replace(c, plan_adopted_years=[2027]), 2027, out, today=TODAY),
        "Số 01-KH/CB",
        "KẾ HOẠCH",
        TODAY,
    ),
}


@pytest.fixture(params=sorted(KINDS))
def kind(request: pytest.FixtureRequest) -> str:
    return request.param


REGISTER = [
    IssuedNumber("minutes", "2026-10", "BB", 3),
    IssuedNumber("report", "2026-10", "BC", 3),
    IssuedNumber("summary", "2026", "BC", 4),
    IssuedNumber("plan", "2027", "KH", 1),
]
"""The numbers the register gave these documents (not their month: issue 12.1)."""


def build(kind: str, cell: Cell, out: Path):
    return open_doc(KINDS[kind][0](replace(cell, register=REGISTER), out))


def test_a4_and_default_margins(kind: str, cell: Cell, out: Path) -> None:
    section = build(kind, cell, out).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm) for m in margins] == [20, 20, 30, 15]


def test_margins_follow_the_setting(kind: str, out: Path) -> None:
    cell = make_cell(8, documents=DocumentSettings(margins_mm=(25, 25, 35, 15)))
    section = build(kind, cell, out).sections[0]
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm) for m in margins] == [25, 25, 35, 15]


def test_times_new_roman_in_every_slot(kind: str, cell: Cell, out: Path) -> None:
    doc = build(kind, cell, out)
    styles_el = doc.styles.element
    default = styles_el.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    want = {"ascii": FONT, "hAnsi": FONT, "eastAsia": FONT, "cs": FONT, "asciiTheme": None}
    assert rfonts(default) == want
    normal = doc.styles["Normal"]
    assert rfonts(normal.element.rPr) == want
    assert normal.font.size == Pt(14)
    # Every style that names a font names Times New Roman, and no theme font.
    named = list(styles_el.iter(qn("w:rFonts")))
    assert len(named) > 10
    for el in named:
        assert {a.split("}")[1]: v for a, v in el.attrib.items()} == {
            "ascii": FONT,
            "hAnsi": FONT,
            "eastAsia": FONT,
            "cs": FONT,
        }
    runs = all_runs(doc)
    assert runs
    for run in runs:
        assert rfonts(run.find(qn("w:rPr"))) == want


def test_header_table(kind: str, cell: Cell, out: Path) -> None:
    _, number, _, day = KINDS[kind]
    doc = build(kind, cell, out)
    header = tables(doc)[0]
    assert len(header.columns) == 2
    assert set(borders(header).values()) == {"nil"}
    assert len(borders(header)) == 6
    layout = header._tbl.tblPr.find(qn("w:tblLayout"))
    assert layout is not None and layout.get(qn("w:type")) == "fixed"
    widths = [c.width.mm for c in header.columns]
    assert sum(widths) == pytest.approx(165, abs=0.5)

    left, right = header.rows[0].cells
    parent, name, star = left.paragraphs
    assert parent.text == "ĐẢNG BỘ PHƯỜNG TÂY THẠNH"
    assert not any(r.bold for r in parent.runs) and parent.runs[0].font.size == Pt(14)
    assert name.text == "CHI BỘ ĐINH TIÊN HOÀNG"
    assert all(r.bold for r in name.runs) and name.runs[0].font.size == Pt(14)
    assert star.text == "*"
    party = right.paragraphs[0]
    assert party.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert all(r.bold for r in party.runs) and party.runs[0].font.size == Pt(15)
    rule = party._p.pPr.find(qn("w:pBdr"))
    assert rule is not None and rule.find(qn("w:bottom")).get(qn("w:val")) == "single"

    number_cell, date_cell = header.rows[1].cells
    assert number_cell.text.startswith("Số") and number_cell.text.endswith(number)
    assert date_cell.text == date_line("Tây Thạnh", day)
    assert all(r.italic for r in date_cell.paragraphs[0].runs)


def test_colon_after_number_setting(cell: Cell, out: Path) -> None:
    cell = replace(cell, documents=DocumentSettings(colon_after_number=True))
    doc = build("minutes", cell, out)
    header = tables(doc)[0]
    assert header.rows[1].cells[0].text == "Số: 03-BB/CB"


def test_title_block(kind: str, cell: Cell, out: Path) -> None:
    _, _, title, _ = KINDS[kind]
    doc = build(kind, cell, out)
    body = paragraphs(doc)
    index = next(i for i, p in enumerate(body) if p.text == title)
    head, summary, rule = body[index : index + 3]
    assert head.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert all(r.bold for r in head.runs) and head.runs[0].font.size == Pt(16)
    assert all(r.bold for r in summary.runs) and summary.runs[0].font.size == Pt(14)
    assert summary.text[0].isupper() and not summary.text.isupper()
    assert rule.text == "-----"


def test_body_is_justified_with_first_line_indent(kind: str, cell: Cell, out: Path) -> None:
    doc = build(kind, cell, out)
    # Running text: long paragraphs that are not titles (bold) or notes (italic).
    body = [
        b
        for b in paragraphs(doc)
        if len(b.text) > 60 and not all(r.bold or r.italic for r in b.runs if r.text.strip())
    ]
    assert body
    for par in body:
        assert par.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY, par.text
        assert par.paragraph_format.first_line_indent.mm == pytest.approx(10, abs=0.1), par.text


def test_page_numbers_from_page_two(kind: str, cell: Cell, out: Path) -> None:
    section = build(kind, cell, out).sections[0]
    assert section.different_first_page_header_footer
    instr = [el.text for el in section.header._element.iter(qn("w:instrText"))]
    assert [t.strip() for t in instr] == ["PAGE"]
    assert section.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert not list(section.first_page_header._element.iter(qn("w:instrText")))


def test_signature_table_is_borderless(kind: str, cell: Cell, out: Path) -> None:
    doc = build(kind, cell, out)
    signature = next(
        t for t in tables(doc) if any("CHỦ TRÌ" in c or "BÍ THƯ" in c for c in cell_texts(t)[0])
    )
    assert set(borders(signature).values()) == {"nil"}
    assert len(signature.columns) == 2


def test_no_draft_mark_on_finalised_documents(kind: str, cell: Cell, out: Path) -> None:
    doc = build(kind, cell, out)
    assert all(p.text != "DỰ THẢO" for p in paragraphs(doc))


def test_core_properties(kind: str, cell: Cell, out: Path) -> None:
    props = build(kind, cell, out).core_properties
    assert props.author == "Chi bộ Đinh Tiên Hoàng"
    assert "python-docx" not in (props.last_modified_by or "")
    assert props.title


TITLES = {
    "minutes": (
        "Biên bản sinh hoạt chi bộ tháng 10/2026",
        "Sinh hoạt chi bộ định kỳ tháng 10/2026",
    ),
    "report": (
        "Báo cáo kết quả thực hiện mô hình “chi bộ bốn tốt” tháng 10/2026",
        "Kết quả thực hiện mô hình “chi bộ bốn tốt” tháng 10/2026",
    ),
    "summary": (
        "Báo cáo tổng hợp kết quả thực hiện mô hình “chi bộ bốn tốt” năm 2026",
        "Tổng hợp kết quả thực hiện mô hình “chi bộ bốn tốt” năm 2026",
    ),
    "plan": (
        "Kế hoạch thực hiện mô hình “chi bộ bốn tốt” năm 2027",
        "Thực hiện mô hình “chi bộ bốn tốt” năm 2027",
    ),
}


def test_properties_in_vietnamese_without_template_leftovers(
    kind: str, cell: Cell, out: Path
) -> None:
    """Issue 12 point 8: File › Properties shows the document, not python-docx or Word."""
    import zipfile

    path = KINDS[kind][0](cell, out)
    props = open_doc(path).core_properties
    assert (props.title, props.subject) == TITLES[kind]
    assert props.author == "Chi bộ Đinh Tiên Hoàng"
    assert props.category in {"Biên bản", "Báo cáo", "Kế hoạch"}
    assert props.comments == "" and props.language == "vi-VN"
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        everything = b"".join(package.read(n) for n in names)
    assert b"python-docx" not in everything
    assert b"Microsoft Macintosh Word" not in everything
    assert "docProps/thumbnail.jpeg" not in names
    assert not any(n.startswith("customXml/") for n in names)
    assert "<Application>chibo</Application>" in package_text(path, "docProps/app.xml")


def package_text(path: Path, name: str) -> str:
    import zipfile

    with zipfile.ZipFile(path) as package:
        return package.read(name).decode("utf-8")


def test_no_doubled_stops_or_legacy_citations(kind: str, cell: Cell, out: Path) -> None:
    from docx_probe import text

    body = text(build(kind, cell, out))
    assert ".." not in body and ". (" not in body
    assert "Điều 10.5" not in body and "phần mềm" not in body
