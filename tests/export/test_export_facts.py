"""Pure helpers of the export package, and the cost of importing it."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, time

from hypothesis import given
from hypothesis import strategies as st

from chibo_tui.export import facts


def test_doc_number() -> None:
    assert facts.doc_number(3, "BB", colon=False) == "Số 03-BB/CB"
    assert facts.doc_number(12, "BC", colon=True) == "Số: 12-BC/CB"
    blank = facts.doc_number(None, "KH", colon=False)
    assert blank.startswith("Số ") and blank.endswith("-KH/CB") and "\u00a0" in blank


def test_reporting_body() -> None:
    assert facts.reporting_body("Đảng bộ phường Tây Thạnh") == "Đảng ủy phường Tây Thạnh"
    assert facts.reporting_body("Đảng ủy phường An Phú") == "Đảng ủy phường An Phú"
    assert facts.reporting_body("") == "Đảng ủy cấp trên"


def test_dates_times_names() -> None:
    assert facts.dmy(date(2026, 2, 5)) == "05/02/2026"
    assert facts.clock(time(7, 5)) == "07 giờ 05 phút"
    assert facts.clock(None) == "… giờ … phút"
    assert facts.comrade(" Lê Văn Tám ") == "đồng chí Lê Văn Tám"
    assert facts.upper("chi bộ đinh tiên hoàng") == "CHI BỘ ĐINH TIÊN HOÀNG"
    assert [facts.roman(n) for n in (1, 4, 9, 12)] == ["I", "IV", "IX", "XII"]


def test_basis_line() -> None:
    assert facts.basis_line("Kế hoạch số 1-KH/ĐU") == "Căn cứ Kế hoạch số 1-KH/ĐU;"
    assert facts.basis_line("Căn cứ Kế hoạch số 1-KH/ĐU;") == "Căn cứ Kế hoạch số 1-KH/ĐU;"
    assert facts.basis_line("căn cứ Quy định 1.") == "căn cứ Quy định 1;"


@given(st.text())
def test_clean_is_always_xml_safe(raw: str) -> None:
    from lxml import etree  # type: ignore[import-untyped]

    cleaned = facts.clean(raw)
    element = etree.Element("t")
    element.text = cleaned  # raises on characters XML forbids
    assert facts.clean(cleaned) == cleaned


def test_importing_the_package_is_cheap() -> None:
    code = (
        "import sys, chibo_tui.export as e; "
        "print(sorted(m for m in ('docx', 'lxml', 'textual') if m in sys.modules)); "
        "print(callable(e.export_minutes) and issubclass(e.ExportError, Exception))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split("\n")[:2] == ["[]", "True"]
