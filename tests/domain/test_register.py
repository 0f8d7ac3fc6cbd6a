"""The number register: per type, from 01, through the committee's term."""

from __future__ import annotations

from datetime import datetime

import pytest

from chibo_tui.domain import register
from chibo_tui.domain.model import Cell, Term

AT = datetime(2026, 12, 3, 19, 30)


def test_numbers_run_per_type_through_the_term_not_per_month() -> None:
    cell = Cell()
    october_2025, _ = register.assign(cell, "minutes", "2025-10", AT)
    october_2026, _ = register.assign(cell, "minutes", "2026-10", AT)
    report, _ = register.assign(cell, "report", "2026-10", AT)
    summary, _ = register.assign(cell, "summary", "2026", AT)  # a báo cáo too: BC
    plan, _ = register.assign(cell, "plan", "2027", AT)
    assert [register.label(e) for e in (october_2025, october_2026, report, summary, plan)] == [
        "Số 01-BB/CB",
        "Số 02-BB/CB",
        "Số 01-BC/CB",
        "Số 02-BC/CB",
        "Số 01-KH/CB",
    ]


def test_a_reexport_keeps_its_number_and_changes_nothing() -> None:
    cell = Cell()
    first, changed = register.assign(cell, "minutes", "2026-10", AT)
    again, changed_again = register.assign(cell, "minutes", "2026-10", AT)
    assert changed and not changed_again and again is first and len(cell.register) == 1


def test_the_chair_chooses_a_number_but_never_one_issued_in_the_term() -> None:
    cell = Cell()
    register.assign(cell, "minutes", "2026-09", AT)
    chosen, _ = register.assign(cell, "minutes", "2026-10", AT, number=5)
    assert chosen.number == 5 and register.next_free(cell, "BB", cell.term) == 6
    with pytest.raises(register.NumberTaken) as refused:
        register.assign(cell, "minutes", "2026-11", AT, number=1)
    assert str(refused.value) == (
        "Số 01-BB/CB đã cấp cho biên bản tháng 09/2026 trong nhiệm kỳ 2025–2030; mỗi số chỉ "
        "dùng một lần cho mỗi loại văn bản. Số tiếp theo còn trống: 06."
    )
    register.assign(cell, "report", "2026-11", AT, number=1)  # another type: free
    with pytest.raises(register.NumberTaken, match="số nguyên dương"):
        register.assign(cell, "minutes", "2026-11", AT, number=0)


def test_a_new_term_starts_again_from_01() -> None:
    cell = Cell()
    register.assign(cell, "minutes", "2030-05", AT)
    cell.term = Term(2030, 2035)
    entry, _ = register.assign(cell, "minutes", "2030-07", AT)
    assert entry.number == 1 and entry.term == Term(2030, 2035)
    # A document of the old term keeps its old number when exported again.
    old = register.issued(cell, "minutes", "2030-05")
    assert old is not None and old.term == Term(2025, 2030)


@pytest.mark.parametrize("text", ["2025–2030", "2025-2030", " 2025 - 2030 "])
def test_parse_term(text: str) -> None:
    assert register.parse_term(text) == Term(2025, 2030)


@pytest.mark.parametrize("text", ["2025", "2030-2025", "abc-def", "2025-2050"])
def test_parse_term_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="Nhiệm kỳ cần dạng"):
        register.parse_term(text)
