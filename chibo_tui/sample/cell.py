"""The sample cell: 15–25 members with Vietnamese names, its committee and its plan.

Names and places come from ``sample_cell.toml`` (:mod:`.words`); every random choice
comes from the ``random.Random`` passed in, ids included.
"""

from __future__ import annotations

import random

from ..domain.criteria import sample_criteria
from ..domain.model import CITY_GUIDANCE, Basis, Cell, Member, MemberStatus, Role
from ..domain.vietnamese import name_sort_key, nfc
from .words import sample_words


def guest_names() -> frozenset[str]:
    """The guests' names without "Đồng chí": no member may share one."""
    return frozenset(name.removeprefix("Đồng chí ") for name, _ in sample_words().cell.guests)


def new_id(rng: random.Random, used: set[str]) -> str:
    while True:
        value = f"{rng.getrandbits(40):010x}"
        if value not in used:
            used.add(value)
            return value


def _person_name(rng: random.Random, female: bool, taken: set[str]) -> str:
    """A new family + middle + given name, different from every name in ``taken``."""
    names = sample_words().names
    while True:
        family = rng.choices(names.families, weights=names.family_weights)[0]
        middle = rng.choice(names.female_middle if female else names.male_middle)
        given = rng.choice(names.female_given if female else names.male_given)
        words = [family, *middle.split(), given]
        name = nfc(" ".join(words))
        if len(set(words)) == len(words) and name not in taken:
            taken.add(name)
            return name


def demo_cell(rng: random.Random) -> Cell:
    """The sample cell: 15–25 members, one secretary, one exempt elder, 2–4 probationary."""
    text = sample_words().cell
    size = rng.randint(15, 25)
    probationary = rng.randint(2, 4)
    committee = rng.randint(1, 2)
    taken = {text.secretary, *guest_names()}
    used_ids: set[str] = set()

    def member(
        female: bool,
        role: Role = Role.MEMBER,
        status: MemberStatus = MemberStatus.OFFICIAL,
        exempt: bool = False,
        name: str | None = None,
    ) -> Member:
        return Member(
            full_name=name or _person_name(rng, female, taken),
            status=status,
            exempt=exempt,
            role=role,
            id=new_id(rng, used_ids),
        )

    leaders = [member(True, Role.SECRETARY, name=text.secretary)]
    leaders.append(member(rng.random() < 0.4, Role.DEPUTY))
    leaders += [member(rng.random() < 0.5, Role.COMMITTEE) for _ in range(committee)]
    others = [member(False, exempt=True)]  # the elder, miễn công tác và sinh hoạt đảng
    others += [
        member(rng.random() < 0.5, status=MemberStatus.PROBATIONARY) for _ in range(probationary)
    ]
    while len(leaders) + len(others) < size:
        others.append(member(rng.random() < 0.45))
    others.sort(key=lambda m: name_sort_key(m.full_name))
    return Cell(
        name=text.name,
        parent_committee=text.parent_committee,
        place_name=text.place_name,
        city=text.city,
        meeting_place=text.meeting_place,
        members=leaders + others,
        criteria=sample_criteria(),
        criteria_is_sample=True,
        plan_bases=list(text.plan_bases),
        report_bases=[Basis(CITY_GUIDANCE), Basis(text.own_plan, own_plan=True)],
    )
