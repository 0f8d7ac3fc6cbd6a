"""The cell and its monthly meetings, as plain typed records (``msgspec.Struct``).

Field names follow the glossary of DESIGN.md §2. Nothing here does I/O; the store
turns these objects into dicts (see ``codec``) and back. Structs rather than
dataclasses: their classes are built in C (the 33 dataclasses cost ~15 ms of
start-up generating methods with ``exec``), and an instance has no ``__dict__``.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

import msgspec
from msgspec import field


def new_id() -> str:
    """A short random id for members and remedies (stable across renames)."""
    return uuid.uuid4().hex[:10]


class MemberStatus(StrEnum):
    OFFICIAL = "official"  # chính thức: votes
    PROBATIONARY = "probationary"  # dự bị: attends, does not vote


class Role(StrEnum):
    SECRETARY = "secretary"  # bí thư
    DEPUTY = "deputy"  # phó bí thư
    COMMITTEE = "committee"  # chi ủy viên
    MEMBER = "member"  # đảng viên


class Presence(StrEnum):
    UNMARKED = "unmarked"
    PRESENT = "present"  # có mặt
    EXCUSED = "excused"  # vắng có lý do
    UNEXCUSED = "unexcused"  # vắng không lý do


class Verdict(StrEnum):
    PASS = "pass"  # đạt
    FAIL = "fail"  # không đạt


class RemedyStatus(StrEnum):
    OPEN = "open"  # chưa khắc phục
    IN_PROGRESS = "in_progress"  # đang khắc phục
    DONE = "done"  # đã khắc phục


class TaskStatus(StrEnum):
    DONE = "done"  # hoàn thành
    IN_PROGRESS = "in_progress"  # đang thực hiện
    NOT_DONE = "not_done"  # chưa thực hiện


class TaskGroup(StrEnum):
    """The two headings of section II of the resolution (domain-notes-2 §2.2)."""

    IDEOLOGY = "ideology"  # về công tác chính trị, tư tưởng
    POLITICAL = "political"  # về lãnh đạo thực hiện nhiệm vụ chính trị


class Mention(StrEnum):
    PRAISE = "praise"  # biểu dương
    REMINDER = "reminder"  # nhắc nhở


class ResolutionForm(StrEnum):
    """What the cell issues after each meeting (HD 42: "kết luận hoặc nghị quyết")."""

    RESOLUTION = "resolution"  # Nghị quyết, "Số 05-NQ/CB"
    CONCLUSION = "conclusion"  # Thông báo kết luận, "Số 05-TB/CB"
    NONE = "none"  # neither: no tasks step vote, no document


class SignatureForm(StrEnum):
    """Who signs the resolution for the cell (domain-notes-2 §2.3: sources differ)."""

    CELL = "T/M CHI BỘ"  # HD 05 summary; the default
    COMMITTEE = "T/M CHI ỦY"  # Cẩm Lệ template; a cell with a chi ủy


class MeetingState(StrEnum):
    DRAFT = "draft"  # dự thảo
    FINALISED = "finalised"  # đã chốt


COLLECTIVE = "tập thể"
"""Owner name of a remedy that the whole cell answers for."""

COMMITTEE_OWNER = "Chi ủy"
WHOLE_CELL = "Toàn chi bộ"
"""Owner names of a task the chi ủy, or every member, carries out."""


class Member(msgspec.Struct):
    """A roster entry (đảng viên)."""

    full_name: str
    status: MemberStatus = MemberStatus.OFFICIAL
    exempt: bool = False  # miễn công tác, sinh hoạt đảng
    role: Role = Role.MEMBER
    removed: bool = False  # left the cell; stays in past meetings
    id: str = field(default_factory=new_id)

    @property
    def is_official(self) -> bool:
        return self.status is MemberStatus.OFFICIAL


class SubCriterion(msgspec.Struct):
    """One line of the appendix of a criterion."""

    text: str


class Criterion(msgspec.Struct):
    """One of the four "tốt", with its sub-criteria."""

    number: int
    title: str
    sub_criteria: list[SubCriterion] = field(default_factory=list)


class FormatProfile(StrEnum):
    """Which guidance the layout follows where the sources disagree (``doc_format``)."""

    HD36 = "hd36"  # Hướng dẫn 36-HD/VPTW (2018)
    HD05 = "hd05"  # Hướng dẫn 05-HD/VPTW (2026), as its summaries report it


class LineSpacing(StrEnum):
    MULTIPLE_115 = "1.15"
    EXACT_19 = "exact-19pt"


class UySpelling(StrEnum):
    NEW = "ủy"  # "Đảng ủy", as official 2025 texts print it
    OLD = "uỷ"  # "Đảng uỷ"


class DocumentSettings(msgspec.Struct):
    """Layout points on which the sources disagree (DESIGN.md §6).

    ``profile`` decides the disputed points of domain-notes-2 §7; each of the
    fields after it, when set, overrides the profile for that one point.
    """

    colon_after_number: bool = False  # "Số 03-BB/CB" or "Số: 03-BB/CB"
    margins_mm: tuple[int, int, int, int] = (20, 20, 30, 15)  # top, bottom, left, right
    profile: FormatProfile = FormatProfile.HD36
    ending: str | None = None  # "./." or "."
    recipients_underlined: bool | None = None
    signer_title_bold: bool | None = None
    line_spacing: LineSpacing | None = None
    uy: UySpelling | None = None


class RuleSettings(msgspec.Struct):
    """Rules of DESIGN.md §4 that a cell may adapt."""

    short_meeting_minutes: int = 90  # HD 42: at least 90 minutes
    thematic_meeting_minutes: int = 120  # HD 42: with a thematic session the same day
    # The older local rule (An Phú score sheet): cells of 30 members or more, 120.
    large_cell_rule: bool = False
    short_meeting_minutes_large: int = 120
    large_cell_size: int = 30
    year_target_months: int | None = None  # e.g. 10 of 12 months "bốn tốt"


class ResolutionSettings(msgspec.Struct):
    """The document issued after each meeting: which form, and who signs it."""

    form: ResolutionForm = ResolutionForm.RESOLUTION
    signature: SignatureForm = SignatureForm.CELL


class ScoreBand(msgspec.Struct):
    """One level of a banded item of the score sheet ("Từ 75% đến dưới 90%": 3)."""

    label: str
    points: int


class ScoreItem(msgspec.Struct):
    """A line of the score sheet: full points or 0, or one of its bands.

    ``computed`` names what chibo works out from the record ("duration",
    "attendance", …; see ``scoresheet.COMPUTED``); empty for an item the chair scores.
    """

    key: str
    text: str
    points: int
    bands: list[ScoreBand] = field(default_factory=list)
    computed: str = ""
    note: str = ""


class ScoreGroup(msgspec.Struct):
    title: str
    points: int
    items: list[ScoreItem] = field(default_factory=list)
    note: str = ""


class ScoreSheet(msgspec.Struct):
    """The meeting-quality score sheet (HD 42): groups of items adding up to 100."""

    name: str
    source: str
    groups: list[ScoreGroup] = field(default_factory=list)

    def items(self) -> list[ScoreItem]:
        return [item for group in self.groups for item in group.items]


class ItemScore(msgspec.Struct):
    """The chair's score of one item; on a computed item, an override with its note."""

    key: str
    points: int | None = None  # None: not scored (a computed item: as computed)
    note: str = ""  # required when a computed value is overridden; printed


class MeetingScore(msgspec.Struct):
    """A meeting's self-assessment, on the copy of the sheet it was scored on."""

    sheet: ScoreSheet
    scores: list[ItemScore] = field(default_factory=list)
    vote: Vote | None = None

    def score(self, key: str) -> ItemScore | None:
        return next((s for s in self.scores if s.key == key), None)


class Paperwork(msgspec.Struct):
    """The dated steps around a meeting that HD 42 asks for (each feeds the sheet)."""

    committee_met: date | None = None  # chi ủy met (or bí thư, phó bí thư conferred)
    members_notified: date | None = None  # members and the ward's officer told
    posted_before: date | None = None  # documents on Sổ tay đảng viên điện tử
    posted_after: date | None = None  # finalised documents and resolution posted
    reported: date | None = None  # resolution reported to the ward


class ReviewRating(StrEnum):
    """The four levels of QĐ 366 Điều 11 for a collective."""

    EXCELLENT = "excellent"  # hoàn thành xuất sắc nhiệm vụ
    GOOD = "good"  # hoàn thành tốt nhiệm vụ
    DONE = "done"  # hoàn thành nhiệm vụ
    NOT_DONE = "not_done"  # không hoàn thành nhiệm vụ


class YearReview(msgspec.Struct):
    """What the chair writes for the year's self-review (Mẫu 01-HD KĐ.ĐG 2025).

    The records pre-fill the rest; these are the parts they cannot know. Scores
    are entered: the ward sets the weights of the two groups (QĐ 366 Phụ lục 1
    gives none), so chibo never invents them.
    """

    year: int
    principles: str = ""  # A.I.1
    results: str = ""  # A.I.2
    party_building: str = ""  # A.I.3
    responsibility: str = ""  # A.I.4
    explanations: str = ""  # A.IV
    accountability: str = ""  # A.V
    direction: str = ""  # A.VI
    general_score: int | None = None  # B.I.1, …/30
    results_score: int | None = None  # B.I.2, …/70
    proposed: ReviewRating | None = None  # B.II
    adopted: bool = False  # adopted by the cell: the document is no longer a draft


class Basis(msgspec.Struct):
    """A document the cell's reports cite as a basis ("Căn cứ …")."""

    text: str
    own_plan: bool = False  # the cell's own yearly plan: "Kế hoạch này" inside the plan


CITY_GUIDANCE = (
    "Hướng dẫn số 03-HD/TU ngày 07 tháng 7 năm 2023 của Ban Thường vụ Thành ủy về thực "
    "hiện mô hình “chi bộ bốn tốt”"
)
"""The city's guidance the seed plan cites (its III.1); its text is not public."""

OWN_PLAN = "Kế hoạch của chi bộ về thực hiện mô hình “chi bộ bốn tốt”"
"""The cell's own plan, until the chair enters its number and date."""


def default_report_bases() -> list[Basis]:
    return [Basis(CITY_GUIDANCE), Basis(OWN_PLAN, own_plan=True)]


class Term(msgspec.Struct):
    """The committee's term (nhiệm kỳ), e.g. 2025–2030: documents are numbered through it."""

    start: int = 2025  # the ward congresses of 2025 opened the 2025–2030 term
    end: int = 2030

    @property
    def label(self) -> str:
        return f"{self.start}–{self.end}"


class IssuedNumber(msgspec.Struct):
    """One line of the number register: a document and the number it was issued under.

    ``document`` is the kind of document ("minutes", "report", "summary", "plan"),
    ``period`` the month (``YYYY-MM``) or year (``YYYY``) it is of; ``code`` the
    type whose numbers it uses ("BB", "BC", "KH": the report and the summary share
    "BC"), within the term it was issued in.
    """

    document: str
    period: str
    code: str
    number: int
    term: Term = field(default_factory=Term)
    at: datetime | None = None


class Cell(msgspec.Struct):
    """The party cell (chi bộ): profile, roster, criteria and settings."""

    name: str = ""  # "Chi bộ Đinh Tiên Hoàng"
    parent_committee: str = ""  # "Đảng bộ phường Tây Thạnh"
    place_name: str = ""  # "Tây Thạnh", for the date line
    city: str = ""  # "Thành phố Hồ Chí Minh"
    meeting_place: str = ""
    members: list[Member] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    criteria_is_sample: bool = True
    plan_bases: list[str] = field(default_factory=list)  # "Căn cứ …" lines of the plan
    # The bases of the monthly report and the annual summary: the city's guidance and
    # the cell's own plan, as the seed plan cites them.
    report_bases: list[Basis] = field(default_factory=default_report_bases)
    plan_adopted_years: list[int] = field(default_factory=list)  # plans the cell adopted
    year_reviews: list[YearReview] = field(default_factory=list)
    documents: DocumentSettings = field(default_factory=DocumentSettings)
    rules: RuleSettings = field(default_factory=RuleSettings)
    resolution: ResolutionSettings = field(default_factory=ResolutionSettings)
    score_sheet: ScoreSheet | None = None  # None: the shipped default sheet
    # The dated steps around each month's meeting ("YYYY-MM" → dates). They live with
    # the cell, like the register: half of them happen after the minutes are finalised.
    paperwork: dict[str, Paperwork] = field(default_factory=dict)
    score_vote: bool = False  # the cell votes on its score sheet (Phú Thọ practice)
    term: Term = field(default_factory=Term)
    # The number register (sổ đăng ký văn bản) of every document exported. It lives
    # with the cell, not in each meeting: a finalised meeting never changes without
    # an amendment, and a number is given after finalising, at the first export.
    register: list[IssuedNumber] = field(default_factory=list)

    def active_members(self) -> list[Member]:
        return [m for m in self.members if not m.removed]

    def member(self, member_id: str) -> Member | None:
        return next((m for m in self.members if m.id == member_id), None)

    def with_role(self, role: Role) -> Member | None:
        return next((m for m in self.active_members() if m.role is role), None)

    def paperwork_of(self, month: str) -> Paperwork:
        """The month's dated steps (none recorded: an empty record, not kept)."""
        return self.paperwork.get(month) or Paperwork()

    def year_review(self, year: int) -> YearReview | None:
        return next((r for r in self.year_reviews if r.year == year), None)


class Guest(msgspec.Struct):
    """A guest (đại biểu, khách mời): no vote."""

    name: str
    position: str = ""


class Attendance(msgspec.Struct):
    """One member's presence at a meeting, with a snapshot of who they were then."""

    member_id: str
    full_name: str
    status: MemberStatus
    exempt: bool = False
    role: Role = Role.MEMBER
    presence: Presence = Presence.UNMARKED
    reason: str = ""

    @classmethod
    def of(cls, member: Member) -> Attendance:
        return cls(
            member_id=member.id,
            full_name=member.full_name,
            status=member.status,
            exempt=member.exempt,
            role=member.role,
        )

    @property
    def is_official(self) -> bool:
        return self.status is MemberStatus.OFFICIAL


class SubCriterionCheck(msgspec.Struct):
    """A sub-criterion as judged this month: ``None`` until marked."""

    text: str
    passed: bool | None = None


class Discussion(msgspec.Struct):
    """What one member said (ý kiến thảo luận)."""

    speaker: str  # the name as it goes into the minutes
    text: str
    speaker_id: str | None = None


class Remedy(msgspec.Struct):
    """A remedy (giải pháp khắc phục), followed up at the next meetings."""

    text: str
    owner: str = ""  # a member's name or COLLECTIVE
    due: date | None = None
    owner_id: str | None = None
    id: str = field(default_factory=new_id)


class Vote(msgspec.Struct):
    """Vote counts among official members present (biểu quyết)."""

    in_favour: int = 0  # tán thành
    against: int = 0  # không tán thành
    other: int = 0  # ý kiến khác
    verdict_put: Verdict = Verdict.PASS  # the verdict the chair put to the vote

    @property
    def total(self) -> int:
        return self.in_favour + self.against + self.other


class CriterionReview(msgspec.Struct):
    """The cell's review of one criterion in one month."""

    number: int
    title: str
    checks: list[SubCriterionCheck] = field(default_factory=list)
    discussion: list[Discussion] = field(default_factory=list)
    causes: str = ""
    responsibility: str = ""
    remedies: list[Remedy] = field(default_factory=list)
    verdict_override: Verdict | None = None
    vote: Vote | None = None
    earlier_votes: list[Vote] = field(default_factory=list)
    minority_opinions: str = ""

    @classmethod
    def of(cls, criterion: Criterion) -> CriterionReview:
        return cls(
            number=criterion.number,
            title=criterion.title,
            checks=[SubCriterionCheck(s.text) for s in criterion.sub_criteria],
        )


class RemedyFollowUp(msgspec.Struct):
    """Last month's (or an older) remedy, as reviewed at this meeting."""

    remedy_id: str
    source_month: str
    criterion: int
    text: str
    owner: str = ""
    due: date | None = None
    status: RemedyStatus = RemedyStatus.OPEN
    note: str = ""


class Task(msgspec.Struct):
    """A task the resolution sets for the month ahead (nhiệm vụ tháng tới)."""

    text: str
    owner: str = ""  # a member's name, COMMITTEE_OWNER or WHOLE_CELL
    owner_id: str | None = None
    due: date | None = None
    report_month: str = ""  # YYYY-MM: the meeting at which it is reported
    group: TaskGroup = TaskGroup.POLITICAL
    remedy_id: str | None = None  # set when offered from a remedy of this meeting
    id: str = field(default_factory=new_id)


class TaskReview(msgspec.Struct):
    """An earlier resolution's task, as reviewed at this meeting.

    ``before`` is where it stood when this meeting began (``None``: set last month,
    not reviewed yet); ``status`` is what this meeting found (``None``: not yet).
    """

    task_id: str
    source_month: str
    text: str
    owner: str = ""
    due: date | None = None
    before: TaskStatus | None = None
    status: TaskStatus | None = None
    note: str = ""


class Commendation(msgspec.Struct):
    """A member praised or reminded in the resolution (biểu dương, nhắc nhở)."""

    name: str
    text: str
    kind: Mention = Mention.PRAISE
    member_id: str | None = None


class FieldChange(msgspec.Struct):
    """One thing a reopening changed: what it is, as it was finalised, as it is now."""

    field: str  # "Giờ kết thúc", "Nội dung 2 — biểu quyết"
    before: str
    after: str


class Amendment(msgspec.Struct):
    """A dated change to a finalised meeting (or its reopening).

    A reopening keeps the record as it was finalised (``finalised``, a codec dict);
    when the meeting is finalised again, what changed is written into ``changes``
    and the time into ``closed_at``, so that the minutes can say it field by field.
    """

    at: datetime
    reason: str
    text: str = ""
    finalised: dict[str, Any] | None = None
    changes: list[FieldChange] = field(default_factory=list)
    closed_at: datetime | None = None

    @property
    def is_reopening(self) -> bool:
        return self.finalised is not None


class Meeting(msgspec.Struct):
    """One monthly meeting (kỳ sinh hoạt tháng MM/YYYY); key ``month`` = ``YYYY-MM``."""

    month: str
    date: date
    start_time: time | None = None
    end_time: time | None = None
    place: str = ""
    chair: str = ""  # names as they go into the minutes
    minute_taker: str = ""
    chair_id: str | None = None
    minute_taker_id: str | None = None
    guests: list[Guest] = field(default_factory=list)
    attendance: list[Attendance] = field(default_factory=list)
    follow_ups: list[RemedyFollowUp] = field(default_factory=list)
    reviews: list[CriterionReview] = field(default_factory=list)
    task_reviews: list[TaskReview] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    commendations: list[Commendation] = field(default_factory=list)
    # Section I.1–I.2 of the resolution: what the records cannot say by themselves.
    ideology_review: str = ""  # về công tác chính trị, tư tưởng
    political_review: str = ""  # về lãnh đạo thực hiện nhiệm vụ chính trị
    resolution_vote: Vote | None = None
    resolution_earlier_votes: list[Vote] = field(default_factory=list)
    score: MeetingScore | None = None  # scored in the "Chấm điểm" step
    other_business: str = ""
    conclusion: str = ""
    thematic: bool = False  # a thematic session (sinh hoạt chuyên đề) held the same day
    state: MeetingState = MeetingState.DRAFT
    finalised_at: datetime | None = None
    override_reason: str = ""  # why it was finalised despite open problems
    amendments: list[Amendment] = field(default_factory=list)
    resume: dict[str, str] = field(default_factory=dict)  # UI position to resume at
    unsent: dict[str, str] = field(default_factory=dict)
    """One-line fields typed but not yet entered ("criterion-2/speech" → text): kept
    so that a crash or a closed terminal loses none of it; never printed."""

    @property
    def is_final(self) -> bool:
        return self.state is MeetingState.FINALISED

    @property
    def year(self) -> int:
        return int(self.month[:4])

    def review(self, number: int) -> CriterionReview:
        return next(r for r in self.reviews if r.number == number)

    def remedies(self) -> list[tuple[int, Remedy]]:
        return [(r.number, remedy) for r in self.reviews for remedy in r.remedies]


class MeetingSummary(msgspec.Struct):
    """What the month list needs, without loading the meeting itself."""

    month: str
    state: MeetingState
    verdicts: list[Verdict | None]  # criteria 1–4, in order
    present: int
    expected: int

    @property
    def four_good(self) -> bool:
        return len(self.verdicts) == 4 and all(v is Verdict.PASS for v in self.verdicts)
