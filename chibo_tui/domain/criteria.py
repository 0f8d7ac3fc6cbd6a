"""The four criteria and their sub-criteria: the shipped sample and TOML import."""

from __future__ import annotations

from .model import Criterion, SubCriterion
from .vietnamese import nfc

SAMPLE_LABEL = "Mẫu tham khảo — chỉnh theo phụ lục của cấp ủy"

FOUR_GOOD = (
    "Lãnh đạo hoàn thành tốt nhiệm vụ chính trị",
    "Chất lượng sinh hoạt tốt",
    "Đoàn kết, kỷ luật tốt",
    "Cán bộ, đảng viên tốt",
)


class CriteriaError(ValueError):
    """A criteria file that cannot be used, with a Vietnamese reason."""


def parse_criteria(text: str) -> list[Criterion]:
    """Criteria from TOML: ``[[criterion]]`` tables with number, title, sub_criteria."""
    # Imported here: an export imports this module for FOUR_GOOD alone, and tomllib
    # with importlib.resources cost it ~4.5 ms at start (the app parses criteria only
    # to create a cell or import a file).
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CriteriaError(f"Tệp TOML không đọc được: {exc}") from exc
    tables = data.get("criterion")
    if not isinstance(tables, list) or len(tables) != 4:
        raise CriteriaError(
            _at(text, None) + "Cần đúng 4 bảng [[criterion]], mỗi bảng một tiêu chí"
        )
    criteria = []
    for i, table in enumerate(tables, start=1):
        if not isinstance(table, dict):
            # "criterion = [1, 2, 3, 4]": a list, but not of tables.
            raise CriteriaError(
                _at(text, None) + f"tiêu chí {i} phải là một bảng [[criterion]] "
                "có title và sub_criteria"
            )
        title = table.get("title", "")
        subs = table.get("sub_criteria", [])
        if not isinstance(title, str) or not title.strip():
            raise CriteriaError(_at(text, i) + f"Tiêu chí {i}: thiếu tên (title)")
        if not isinstance(subs, list) or not all(isinstance(s, str) for s in subs):
            raise CriteriaError(
                _at(text, i) + f"Tiêu chí {i}: sub_criteria phải là danh sách chuỗi"
            )
        criteria.append(
            Criterion(
                number=i,
                title=nfc(title.strip()),
                sub_criteria=[SubCriterion(nfc(s.strip())) for s in subs if s.strip()],
            )
        )
    return criteria


def _at(text: str, table: int | None) -> str:
    """ "Dòng N: " of the ``table``-th ``[[criterion]]`` (or of the ``criterion`` key)."""
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("[[criterion]]"):
            seen += 1
            if table is None or seen == table:
                return f"Dòng {number}: "
        elif table is None and stripped.split("=", 1)[0].strip() == "criterion":
            return f"Dòng {number}: "
    return ""


def sample_criteria() -> list[Criterion]:
    """The shipped sample set, to be adapted to the ward's own appendix."""
    from importlib import resources

    text = resources.files("chibo_tui.data").joinpath("sample_criteria.toml").read_text("utf-8")
    return parse_criteria(text)
