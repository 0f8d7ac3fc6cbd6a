"""The sample cell's words, read from ``chibo_tui/data/sample_cell.toml``.

The generator's code and its data live apart so that a phrase can be corrected, or
a new scenario added, without touching Python. The file is read once and checked
for shape here, so a broken edit fails at the first ``chibo demo`` with the key at
fault rather than deep inside the generator.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..domain.vietnamese import nfc

OWNER_KINDS = frozenset(
    {"collective", "secretary", "deputy", "committee", "minute_taker", "member"}
)
TASK_OWNER_KINDS = frozenset(
    {"secretary", "deputy", "committee", "member", "cell_committee", "whole_cell"}
)
TASK_GROUPS = frozenset({"ideology", "political"})


@dataclass(frozen=True)
class Fix:
    """A remedy template: who owns it and how it is reported when followed up."""

    text: str
    owner: str  # one of OWNER_KINDS
    done: str
    progress: str


@dataclass(frozen=True)
class Shortfall:
    """Why a criterion failed one month: checks missed, what was said, the fixes."""

    criterion: int
    checks: tuple[int, ...]  # 0-based sub-criteria marked không đạt
    said: tuple[str, ...]
    subjective: str
    objective: str
    fixes: tuple[Fix, ...]


@dataclass(frozen=True)
class TaskText:
    """A task of section II of the resolution and how the next meeting reports it."""

    group: str  # one of TASK_GROUPS
    owner: str  # one of TASK_OWNER_KINDS
    text: str
    done: str
    progress: str
    not_done: str


@dataclass(frozen=True)
class ResolutionText:
    """Sections I.1 and I.2 of the resolution and the lines of its section I.4."""

    ideology_review: tuple[str, ...]
    political_review: tuple[str, ...]
    praise: tuple[str, ...]
    reminder: tuple[str, ...]
    reminder_unexcused: str


@dataclass(frozen=True)
class CellText:
    name: str
    parent_committee: str
    place_name: str
    city: str
    meeting_place: str
    secretary: str
    own_plan: str
    plan_bases: tuple[str, ...]
    guests: tuple[tuple[str, str], ...]  # (name with "Đồng chí", position)


@dataclass(frozen=True)
class Names:
    families: tuple[str, ...]
    family_weights: tuple[int, ...]
    male_middle: tuple[str, ...]
    female_middle: tuple[str, ...]
    male_given: tuple[str, ...]
    female_given: tuple[str, ...]


@dataclass(frozen=True)
class SampleWords:
    cell: CellText
    names: Names
    streets: tuple[str, ...]
    excused_reasons: tuple[str, ...]
    other_general: tuple[str, ...]
    next_tasks: tuple[str, ...]
    dissent_on_pass: tuple[str, ...]
    dissent_on_fail: tuple[str, ...]
    other_opinions: tuple[str, ...]
    responsibility_chair: tuple[str, ...]
    responsibility_owner: tuple[str, ...]
    pass_responsibility: tuple[str, ...]
    criterion_weights: dict[int, int]
    pass_talk: dict[int, tuple[str, ...]]
    pass_causes: dict[int, tuple[str, ...]]
    other_by_month: dict[int, str]
    shortfalls: tuple[Shortfall, ...]
    tasks: tuple[TaskText, ...]
    resolution: ResolutionText


class SampleDataError(ValueError):
    """The sample data file has the wrong shape."""


def _texts(table: dict[str, Any], key: str) -> tuple[str, ...]:
    value = table.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise SampleDataError(f"sample_cell.toml: “{key}” phải là danh sách chuỗi không rỗng")
    return tuple(nfc(v) for v in value)


def _text(table: dict[str, Any], key: str) -> str:
    value = table.get(key)
    if not isinstance(value, str):
        raise SampleDataError(f"sample_cell.toml: “{key}” phải là chuỗi")
    return nfc(value)


def _numbered(table: dict[str, Any], key: str) -> dict[int, Any]:
    value = table.get(key)
    if not isinstance(value, dict) or not all(k.isdigit() for k in value):
        raise SampleDataError(f"sample_cell.toml: [{key}] phải đánh số theo nội dung/tháng")
    return {int(k): v for k, v in value.items()}


def _shortfall(raw: dict[str, Any]) -> Shortfall:
    fixes = []
    for fix in raw.get("fix", []):
        owner = _text(fix, "owner")
        if owner not in OWNER_KINDS:
            raise SampleDataError(f"sample_cell.toml: người phụ trách “{owner}” không hợp lệ")
        fixes.append(Fix(_text(fix, "text"), owner, _text(fix, "done"), _text(fix, "progress")))
    if not fixes:
        raise SampleDataError(
            "sample_cell.toml: mỗi [[shortfall]] cần ít nhất một [[shortfall.fix]]"
        )
    return Shortfall(
        criterion=int(raw["criterion"]),
        checks=tuple(int(i) for i in raw["checks"]),
        said=_texts(raw, "said"),
        subjective=_text(raw, "subjective"),
        objective=_text(raw, "objective"),
        fixes=tuple(fixes),
    )


def _task(raw: dict[str, Any]) -> TaskText:
    group, owner = _text(raw, "group"), _text(raw, "owner")
    if group not in TASK_GROUPS:
        raise SampleDataError(f"sample_cell.toml: nhóm nhiệm vụ “{group}” không hợp lệ")
    if owner not in TASK_OWNER_KINDS:
        raise SampleDataError(f"sample_cell.toml: người chủ trì “{owner}” không hợp lệ")
    return TaskText(
        group=group,
        owner=owner,
        text=_text(raw, "text"),
        done=_text(raw, "done"),
        progress=_text(raw, "progress"),
        not_done=_text(raw, "not_done"),
    )


def _resolution(raw: dict[str, Any]) -> ResolutionText:
    return ResolutionText(
        ideology_review=_texts(raw, "ideology_review"),
        political_review=_texts(raw, "political_review"),
        praise=_texts(raw, "praise"),
        reminder=_texts(raw, "reminder"),
        reminder_unexcused=_text(raw, "reminder_unexcused"),
    )


def parse(data: dict[str, Any]) -> SampleWords:
    try:
        cell, names, words = data["cell"], data["names"], data["words"]
        return SampleWords(
            cell=CellText(
                name=_text(cell, "name"),
                parent_committee=_text(cell, "parent_committee"),
                place_name=_text(cell, "place_name"),
                city=_text(cell, "city"),
                meeting_place=_text(cell, "meeting_place"),
                secretary=_text(cell, "secretary"),
                own_plan=_text(cell, "own_plan"),
                plan_bases=_texts(cell, "plan_bases"),
                guests=tuple((_text(g, "name"), _text(g, "position")) for g in cell["guest"]),
            ),
            names=Names(
                families=_texts(names, "families"),
                family_weights=tuple(int(w) for w in names["family_weights"]),
                male_middle=_texts(names, "male_middle"),
                female_middle=_texts(names, "female_middle"),
                male_given=_texts(names, "male_given"),
                female_given=_texts(names, "female_given"),
            ),
            streets=_texts(words, "streets"),
            excused_reasons=_texts(words, "excused_reasons"),
            other_general=_texts(words, "other_general"),
            next_tasks=_texts(words, "next_tasks"),
            dissent_on_pass=_texts(words, "dissent_on_pass"),
            dissent_on_fail=_texts(words, "dissent_on_fail"),
            other_opinions=_texts(words, "other_opinions"),
            responsibility_chair=_texts(words, "responsibility_chair"),
            responsibility_owner=_texts(words, "responsibility_owner"),
            pass_responsibility=_texts(words, "pass_responsibility"),
            criterion_weights={k: int(v) for k, v in _numbered(data, "criterion_weights").items()},
            pass_talk={k: _texts(data["pass_talk"], str(k)) for k in _numbered(data, "pass_talk")},
            pass_causes={
                k: _texts(data["pass_causes"], str(k)) for k in _numbered(data, "pass_causes")
            },
            other_by_month={
                k: _text(data["other_by_month"], str(k)) for k in _numbered(data, "other_by_month")
            },
            shortfalls=tuple(_shortfall(s) for s in data["shortfall"]),
            tasks=tuple(_task(t) for t in data["task"]),
            resolution=_resolution(data["resolution"]),
        )
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, SampleDataError):
            raise
        raise SampleDataError(f"sample_cell.toml: thiếu hoặc sai khóa {error}") from error


@cache
def sample_words() -> SampleWords:
    raw = resources.files("chibo_tui.data").joinpath("sample_cell.toml").read_text("utf-8")
    return parse(tomllib.loads(raw))
