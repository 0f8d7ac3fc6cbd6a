"""The vote on a criterion: three counts checked live against the voters."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label

from ..domain import rules
from ..domain.model import Meeting, Verdict, Vote
from ..text import meeting as T
from .labels import set_text

DIGITS = r"[0-9]*"  # letters and minus signs are refused as typed


@dataclass(frozen=True)
class VoteContext:
    voters: int  # official members present
    official_base: int  # official members not exempt


def vote_context(meeting: Meeting) -> VoteContext:
    """Who votes at ``meeting`` now, and the base the adoption rule counts against."""
    counts = rules.attendance_counts(meeting.attendance)
    return VoteContext(counts.voters, counts.official_voting_base)


def describe(vote: Vote | None, ctx: VoteContext) -> tuple[str, str]:
    """The result line and its CSS class: ok, warning (not adopted) or error."""
    if vote is None:
        return T.VOTE_EMPTY.format(voters=ctx.voters), "muted"
    validity = rules.vote_validity(vote, ctx.voters)
    if not validity.value:
        return T.VOTE_INVALID.format(reason=validity.reason), "error-text"
    # Worded as the minutes word it: the count among the voters, then the test.
    wording = rules.vote_wording(vote, ctx.voters, ctx.official_base)
    template = T.VOTE_ADOPTED if wording.adopted else T.VOTE_NOT_ADOPTED
    style = "ok-text" if wording.adopted else "warning-text"
    return template.format(count=wording.count, test=wording.test), style


class VoteEditor(Vertical):
    """Tán thành / không tán thành / ý kiến khác, the formula, and a re-vote button."""

    @dataclass
    class Changed(Message):
        editor: VoteEditor
        vote: Vote | None

    @dataclass
    class Revote(Message):
        editor: VoteEditor

    def __init__(self, vote: Vote | None, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="vote-editor")
        self._initial = vote

    def compose(self) -> ComposeResult:
        v = self._initial

        def shown(n: int) -> str:
            return str(n) if v is not None else ""

        with Horizontal(classes="vote-row"):
            for key, label, value in (
                ("in_favour", T.IN_FAVOUR, shown(v.in_favour) if v else ""),
                ("against", T.AGAINST, shown(v.against) if v else ""),
                ("other", T.OTHER, shown(v.other) if v else ""),
            ):
                yield Label(label, classes="vote-label")
                yield Input(
                    value,
                    compact=True,
                    restrict=DIGITS,
                    max_length=3,
                    type="integer",
                    id=f"vote-{key}",
                    classes="vote-input",
                    valid_empty=True,
                )
            yield Button(T.REVOTE, id="revote", classes="small", compact=True)
        yield Label("", id="vote-result")
        yield Label("", id="vote-earlier", classes="muted")

    def current(self, verdict_put: Verdict) -> Vote | None:
        values = [
            self.query_one(f"#vote-{k}", Input).value for k in ("in_favour", "against", "other")
        ]
        if not any(values):
            return None
        a, b, c = (int(v) if v.isdigit() else 0 for v in values)
        return Vote(a, b, c, verdict_put)

    def show(
        self, vote: Vote | None, ctx: VoteContext, earlier: list[Vote], subject: str = ""
    ) -> None:
        """The result line and the earlier votes, each named by the verdict put to it
        (``subject``: by what was voted on instead, such as the resolution)."""
        text, style = describe(vote, ctx)
        result = self.query_one("#vote-result", Label)
        set_text(result, text)
        result.set_classes(style)
        for key in ("in_favour", "against", "other"):
            self.query_one(f"#vote-{key}", Input).set_class(style == "error-text", "-invalid")
        past = "; ".join(
            f"{subject or rules.VERDICT_TEXT[v.verdict_put]}: {v.in_favour}/{v.against}/{v.other}"
            for v in earlier
        )
        set_text(
            self.query_one("#vote-earlier", Label),
            T.EARLIER_VOTES.format(votes=past) if past else "",
        )

    def clear(self) -> None:
        for key in ("in_favour", "against", "other"):
            self.query_one(f"#vote-{key}", Input).value = ""

    @on(Input.Changed, ".vote-input")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self, None))

    @on(Button.Pressed, "#revote")
    def _revote(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Revote(self))


def set_aside(editor: VoteEditor, vote: Vote | None, earlier: list[Vote]) -> bool:
    """Keep ``vote`` among the ``earlier`` votes and empty the editor for the next one.

    A vote is never carried over to what the cell votes on next: the record keeps
    it as an earlier vote. Returns whether there was a vote to set aside.
    """
    if vote is None:
        return False
    earlier.append(vote)
    with editor.prevent(VoteEditor.Changed):
        editor.clear()
    return True
