"""The free-text notes of a criterion review, declared once.

The meeting screen, the month-in-full text and the documents all walk this
table, so adding a note to a review touches the model, the text module and
one row here.
"""

from __future__ import annotations

from enum import Enum

import msgspec

from ..text import history as H
from ..text import meeting as M
from .model import CriterionReview


class NotePlace(Enum):
    """Where a note sits in a review, on screen and on paper."""

    ANALYSIS = "analysis"
    """After the discussion, before the remedies: the analysis of the month."""
    AFTER_VOTE = "after_vote"
    """After the vote: what the minority kept."""


class ReviewNote(msgspec.Struct, frozen=True):
    field: str
    """The :class:`CriterionReview` attribute; also the id of its box on screen."""
    label: str
    """The box's title in the meeting."""
    heading: str
    """The heading in the month view and the documents."""
    place: NotePlace

    def text(self, review: CriterionReview) -> str:
        return str(getattr(review, self.field))

    def set(self, review: CriterionReview, text: str) -> None:
        setattr(review, self.field, text)


REVIEW_NOTES = (
    ReviewNote("causes", M.CAUSES, H.GROUP_CAUSES, NotePlace.ANALYSIS),
    ReviewNote("responsibility", M.RESPONSIBILITY, H.GROUP_RESPONSIBILITY, NotePlace.ANALYSIS),
    ReviewNote("minority_opinions", M.MINORITY, H.GROUP_MINORITY, NotePlace.AFTER_VOTE),
)


def notes_at(place: NotePlace) -> tuple[ReviewNote, ...]:
    return tuple(n for n in REVIEW_NOTES if n.place is place)


def note_named(field: str) -> ReviewNote | None:
    return next((n for n in REVIEW_NOTES if n.field == field), None)
