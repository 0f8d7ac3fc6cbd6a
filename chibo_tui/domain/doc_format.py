"""The format profile: the layout points on which HD 36 (2018) and HD 05 (2026) disagree.

domain-notes-2 §7: the text of HD 05-HD/VPTW is not public, only summaries of it.
The points they report it changing are collected here as one profile, HD 36 by
default, each of which a cell may override in ``DocumentSettings``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import DocumentSettings, FormatProfile, LineSpacing, UySpelling


@dataclass(frozen=True)
class DocumentFormat:
    """The disputed points as one document builder needs them, all decided."""

    ending: str  # the mark after the last sentence of the body: "./." or "."
    recipients_underlined: bool  # "Nơi nhận:" underlined (HD 05) or bold italic 12 (HD 36)
    signer_title_bold: bool  # "T/M CHI BỘ / BÍ THƯ" bold (HD 36) or regular (HD 05)
    line_spacing: LineSpacing
    uy: UySpelling


PRESETS: dict[FormatProfile, DocumentFormat] = {
    # HD 36 as summarised (domain-notes-2 §7) and as the party's own 2025 texts end
    # (HD 37: "…ở cơ sở./."); "ỦY" is what official 2025 texts print.
    FormatProfile.HD36: DocumentFormat(
        ending="./.",
        recipients_underlined=False,
        signer_title_bold=True,
        line_spacing=LineSpacing.MULTIPLE_115,
        uy=UySpelling.NEW,
    ),
    # HD 05 as the summaries report it (id 70900120406); that summary also says
    # "ĐẢNG ỦY (không viết UỶ)", another claims the opposite: the cell may override.
    FormatProfile.HD05: DocumentFormat(
        ending=".",
        recipients_underlined=True,
        signer_title_bold=False,
        line_spacing=LineSpacing.EXACT_19,
        uy=UySpelling.NEW,
    ),
}


def resolve(settings: DocumentSettings) -> DocumentFormat:
    """The profile's preset with the cell's own choices laid over it."""
    base = PRESETS[settings.profile]
    return DocumentFormat(
        ending=settings.ending if settings.ending is not None else base.ending,
        recipients_underlined=_pick(settings.recipients_underlined, base.recipients_underlined),
        signer_title_bold=_pick(settings.signer_title_bold, base.signer_title_bold),
        line_spacing=settings.line_spacing or base.line_spacing,
        uy=settings.uy or base.uy,
    )


def _pick(own: bool | None, preset: bool) -> bool:
    return preset if own is None else own


_OLD_STYLE = {"ủy": "uỷ", "Ủy": "Uỷ", "ỦY": "UỶ", "ủY": "uỶ"}
_NEW_STYLE = {old: new for new, old in _OLD_STYLE.items()}


def spell_uy(text: str, uy: UySpelling) -> str:
    """ "Đảng ủy" or "Đảng uỷ", as the profile asks: the tone mark on the "u" or the "y"."""
    table = _OLD_STYLE if uy is UySpelling.OLD else _NEW_STYLE
    for before, after in table.items():
        text = text.replace(before, after)
    return text


def with_ending(text: str, ending: str) -> str:
    """The last sentence of a body, ended as the profile asks ("…nhất trí./.").

    A dotted slot ("……") is left alone: it is to be written by hand.
    """
    body = text.rstrip()
    if not body or body.endswith("…"):
        return text
    if body.endswith("./."):
        body = body[:-3]
    elif body.endswith("."):
        body = body[:-1]
    elif body[-1] in "!?":
        return body + ("/." if ending == "./." else "")
    return body + ending
