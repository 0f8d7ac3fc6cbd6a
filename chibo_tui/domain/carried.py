"""What a meeting hands on to the meetings after it, without the rest of it.

A remedy raised years ago and never followed up is still open, and only every
follow-up since says whether it was closed; the year summary and the year review
therefore read the whole history before their year. For those earlier years they
need only the remedies raised, the follow-ups and the task reviews of each
meeting: a :class:`Carried`. The store decodes it straight from a year file's bytes,
skipping the rest of each meeting (600 months: ~10 ms against ~215 ms for the
meetings in full); :meth:`Carried.of` takes it from a meeting already decoded.

The remedies, follow-ups and task reviews are the model's own records, decoded
by the same rules as in a full :class:`~.model.Meeting`, so what the trackers make
of them is the same.
"""

from __future__ import annotations

import msgspec

from .model import Meeting, Remedy, RemedyFollowUp, Task, TaskReview


class CarriedReview(msgspec.Struct, frozen=True):
    """A criterion's review, reduced to the remedies it raised."""

    number: int
    remedies: list[Remedy] = []


class Carried(msgspec.Struct, frozen=True):
    """One meeting's remedies, follow-ups, tasks set and task reviews (its fields'
    names): what the remedy and task trackers read of it."""

    month: str
    follow_ups: list[RemedyFollowUp] = []
    reviews: list[CarriedReview] = []
    tasks: list[Task] = []
    task_reviews: list[TaskReview] = []

    @classmethod
    def of(cls, meeting: Meeting) -> Carried:
        # The same objects, not copies: a tracker keeps them and never changes them.
        return cls(
            month=meeting.month,
            follow_ups=meeting.follow_ups,
            reviews=[CarriedReview(r.number, r.remedies) for r in meeting.reviews],
            tasks=meeting.tasks,
            task_reviews=meeting.task_reviews,
        )

    def remedies(self) -> list[tuple[int, Remedy]]:
        """As :meth:`Meeting.remedies`: (criterion, remedy) in the reviews' order."""
        return [(r.number, remedy) for r in self.reviews for remedy in r.remedies]
