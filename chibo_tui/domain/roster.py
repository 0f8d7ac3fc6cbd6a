"""Rules of the roster: its order, the offices only one member holds, and what a
change of it does to the votes already recorded at draft meetings."""

from __future__ import annotations

import copy

from ..text import setup as T
from . import rules
from .lifecycle import sync_roster
from .model import Cell, Meeting, Member, Role
from .roster_import import UNIQUE_ROLES
from .vietnamese import month_label, name_sort_key


def roster_order(members: list[Member]) -> list[Member]:
    """Given name, then family name, then middle names, diacritics in Vietnamese order."""
    return sorted(members, key=lambda m: name_sort_key(m.full_name))


def give_role(cell: Cell, member: Member, role: Role) -> str | None:
    """Set ``member.role``; a secretary or deputy hands the office over.

    Returns a sentence when another member lost the office.
    """
    note = None
    if role in UNIQUE_ROLES:
        holder = cell.with_role(role)
        if holder is not None and holder.id != member.id:
            holder.role = Role.MEMBER
            note = T.ROLE_MOVED.format(old=holder.full_name, role=T.ROLE_NAMES[role.value])
    member.role = role
    return note


def vote_effects(drafts: list[Meeting], cell: Cell) -> list[str]:
    """What a roster would change in the votes already recorded at draft meetings.

    Votes are counted among official members present, and adopted against the
    official members not exempt (DESIGN.md §4): a change of who is on the
    roster, official or exempt moves these numbers under the recorded votes.
    """
    lines = []
    for meeting in drafts:
        if not any(r.vote is not None for r in meeting.reviews):
            continue
        before = rules.attendance_counts(meeting.attendance)
        trial = copy.deepcopy(meeting)
        sync_roster(trial, cell)
        after = rules.attendance_counts(trial.attendance)
        if (before.voters, before.official_voting_base) != (
            after.voters,
            after.official_voting_base,
        ):
            lines.append(
                T.VOTES_CHANGE.format(
                    month=month_label(meeting.month),
                    voters=before.voters,
                    voters_after=after.voters,
                    base=before.official_voting_base,
                    base_after=after.official_voting_base,
                )
            )
    return lines
