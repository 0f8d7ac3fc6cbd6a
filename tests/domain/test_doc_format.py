"""The format profile's presets, overrides and text rules."""

from __future__ import annotations

from chibo_tui.domain.doc_format import resolve, spell_uy, with_ending
from chibo_tui.domain.model import DocumentSettings, FormatProfile, LineSpacing, UySpelling


def test_hd36_is_the_default_and_each_point_overrides_alone() -> None:
    hd36 = resolve(DocumentSettings())
    assert (hd36.ending, hd36.recipients_underlined, hd36.signer_title_bold) == ("./.", False, True)
    assert hd36.line_spacing is LineSpacing.MULTIPLE_115 and hd36.uy is UySpelling.NEW
    hd05 = resolve(DocumentSettings(profile=FormatProfile.HD05))
    assert (hd05.ending, hd05.recipients_underlined, hd05.signer_title_bold) == (".", True, False)
    assert hd05.line_spacing is LineSpacing.EXACT_19
    mixed = resolve(DocumentSettings(profile=FormatProfile.HD05, ending="./."))
    assert mixed.ending == "./." and mixed.recipients_underlined


def test_endings() -> None:
    assert with_ending("đã nhất trí.", "./.") == "đã nhất trí./."
    assert with_ending("đã nhất trí./.", ".") == "đã nhất trí."
    assert with_ending("đã nhất trí", "./.") == "đã nhất trí./."
    assert with_ending("……………", "./.") == "……………"  # a slot to write by hand


def test_uy_both_ways() -> None:
    assert spell_uy("ĐẢNG ỦY, Đảng ủy, Chi ủy viên", UySpelling.OLD) == (
        "ĐẢNG UỶ, Đảng uỷ, Chi uỷ viên"
    )
    assert spell_uy("Đảng uỷ, cấp uỷ", UySpelling.NEW) == "Đảng ủy, cấp ủy"
