"""Vietnamese text: roster order, diacritic-free search, the date line, month keys."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chibo_tui.domain.months import month_of, parse_month, quarter, shift
from chibo_tui.domain.vietnamese import (
    date_line,
    fold,
    month_label,
    name_sort_key,
    nfc,
    vn_letter,
)

_TONE_MARKS = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]
_VOWELS = "aăâeêioôơuưy"
_CONSONANTS = "bcdđghklmnpqrstvx"
_LOWER = [nfc(v + t) for v in _VOWELS for t in _TONE_MARKS] + list(_CONSONANTS)
VIET_LETTERS = sorted(set(_LOWER + [c.upper() for c in _LOWER]))

viet_word = st.text(alphabet=st.sampled_from(VIET_LETTERS), min_size=1, max_size=7)
viet_name = st.lists(viet_word, min_size=1, max_size=4).map(" ".join)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def roster_order(names):
    return sorted(names, key=name_sort_key)


# -- names ---------------------------------------------------------------------


def test_given_name_decides_first():
    assert roster_order(["Trần Thị Bình", "Nguyễn Văn An"]) == ["Nguyễn Văn An", "Trần Thị Bình"]


def test_same_given_name_then_family_name():
    assert roster_order(["Trần Văn An", "Nguyễn Thị An"]) == ["Nguyễn Thị An", "Trần Văn An"]


def test_d_with_stroke_comes_after_d():
    assert roster_order(["Lê Văn Đức", "Lê Văn Dũng"]) == ["Lê Văn Dũng", "Lê Văn Đức"]
    assert roster_order(["Lê Văn Em", "Lê Văn Đức", "Lê Văn Dương"]) == [
        "Lê Văn Dương",
        "Lê Văn Đức",
        "Lê Văn Em",
    ]
    # "Đ" is a letter of its own, not a "D" with a mark: Đa after Dy.
    assert roster_order(["Lê Đa", "Lê Dy"]) == ["Lê Dy", "Lê Đa"]


def test_tones_order_a_a_grave_hook_tilde_acute_dot():
    tones = ["a", "à", "ả", "ã", "á", "ạ"]
    assert roster_order(list(reversed(tones))) == tones
    assert roster_order(["Lê Văn Hạnh", "Lê Văn Hanh", "Lê Văn Hánh"]) == [
        "Lê Văn Hanh",
        "Lê Văn Hánh",
        "Lê Văn Hạnh",
    ]


def test_letters_a_breve_circumflex_are_letters_not_tones():
    # a < ă < â, and a letter decides before any tone does.
    assert roster_order(["Âu", "Ău", "Ạu"]) == ["Ạu", "Ău", "Âu"]
    assert roster_order(["Lê Văn Ơn", "Lê Văn Ôn", "Lê Văn On"]) == [
        "Lê Văn On",
        "Lê Văn Ôn",
        "Lê Văn Ơn",
    ]


def test_case_and_spacing_do_not_matter():
    assert name_sort_key("nguyễn  văn   an") == name_sort_key("NGUYỄN VĂN AN")
    assert name_sort_key("") == name_sort_key("   ")


@given(viet_name)
def test_nfd_names_sort_like_nfc(name):
    assert name_sort_key(nfd(name)) == name_sort_key(nfc(name))


@given(st.lists(viet_name, max_size=8))
def test_roster_order_is_the_same_whatever_the_keyboard(names):
    composed = roster_order([nfc(n) for n in names])
    decomposed = roster_order([nfd(n) for n in names])
    assert [nfc(n) for n in decomposed] == composed


# -- search folding -------------------------------------------------------------


def test_fold():
    assert fold("Kết luận") == "ket luan"
    assert fold("ĐẢNG") == "dang"
    assert fold("Chi bộ bốn tốt") == "chi bo bon tot"
    assert fold("Đinh Tiên Hoàng") == "dinh tien hoang"
    assert "bon tot" in fold("Tháng đạt “BỐN TỐT”")


@given(viet_name)
def test_fold_ignores_normal_form_and_leaves_plain_ascii(name):
    folded = fold(name)
    assert folded == fold(nfd(name)) == fold(name.upper())
    assert folded.isascii()
    assert len(folded) == len(nfc(name))


# -- dates ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "line"),
    [
        (date(2026, 2, 5), "Tây Thạnh, ngày 05 tháng 02 năm 2026"),
        (date(2026, 1, 31), "Tây Thạnh, ngày 31 tháng 01 năm 2026"),
        (date(2026, 5, 27), "Tây Thạnh, ngày 27 tháng 5 năm 2026"),
        (date(2026, 3, 9), "Tây Thạnh, ngày 09 tháng 3 năm 2026"),
        (date(2026, 12, 10), "Tây Thạnh, ngày 10 tháng 12 năm 2026"),
    ],
)
def test_date_line_zero_padding(day, line):
    assert date_line("Tây Thạnh", day) == line


def test_month_label_and_letters():
    assert month_label("2026-03") == "03/2026"
    assert [vn_letter(i) for i in range(7)] == ["a", "b", "c", "d", "đ", "e", "g"]


# -- month keys ----------------------------------------------------------------


@pytest.mark.parametrize("text", ["2026-03", " 2026-12 ", "1900-01"])
def test_parse_month_accepts(text):
    assert parse_month(text) == text.strip()


@pytest.mark.parametrize(
    "text",
    ["", "2026-13", "2026-00", "2026-3", "26-03", "2026/03", "03/2026", "1899-12", "2026-03-01"],
)
def test_parse_month_rejects_with_a_vietnamese_message(text):
    with pytest.raises(ValueError, match="Tháng không hợp lệ") as info:
        parse_month(text)
    assert "YYYY-MM" in str(info.value)


@pytest.mark.parametrize("text", ["２０２６-０３", "٢٠٢٦-٠٣"])
def test_parse_month_month_keys_are_ascii(text):
    try:
        month = parse_month(text)
    except ValueError:
        return
    assert month == "2026-03"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 1)), st.integers(-50, 50))
def test_month_arithmetic(day, by):
    month = month_of(day)
    assert parse_month(month) == month
    shifted = shift(month, by)
    assert shift(shifted, -by) == month
    assert 1 <= quarter(month) <= 4
    assert quarter(month) == (day.month + 2) // 3


@given(st.text())
def test_fold_one_character_at_a_time_is_folding_the_whole_text(text: str) -> None:
    """The fast fold (a table of characters) gives what case folding, decomposing and
    dropping every combining mark of the whole text gives, for any text."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    slow = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("đ", "d")
    assert fold(text) == slow
