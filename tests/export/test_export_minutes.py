"""The minutes: every item of DESIGN.md §6.1, read back from the .docx."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, time
from pathlib import Path

import pytest
from docx_probe import (
    borders,
    cell_texts,
    lines,
    open_doc,
    paragraph_with,
    paragraphs,
    tables,
    text,
)
from export_fixtures import ALL_DIACRITICS, make_cell, make_meeting

from chibo_tui.domain import rules
from chibo_tui.domain.lifecycle import amend, new_meeting
from chibo_tui.domain.model import (
    Cell,
    Discussion,
    Meeting,
    Presence,
    RemedyFollowUp,
    RemedyStatus,
    Verdict,
    Vote,
)
from chibo_tui.export import export_minutes


def minutes_text(cell: Cell, meeting: Meeting, out: Path) -> str:
    return text(open_doc(export_minutes(cell, meeting, out)))


def test_opening_facts(cell: Cell, meeting: Meeting, out: Path) -> None:
    body = minutes_text(cell, meeting, out)
    counts = rules.attendance_counts(meeting.attendance)
    assert "- Thời gian: bắt đầu lúc 19 giờ 30 phút, ngày 05/10/2026." in body
    assert "- Địa điểm: Nhà văn hóa khu phố 3." in body
    assert (
        f"- Tổng số đảng viên của chi bộ: {counts.total} đồng chí; trong đó chính thức "
        f"{counts.official}, dự bị {counts.probationary}." in body
    )
    assert f"- Có mặt: {counts.present}/{counts.expected} đồng chí (" in body
    assert "số đảng viên phải dự sinh hoạt); chính thức" in body
    assert f"chính thức {counts.voters}, dự bị" in body
    assert "- Chủ trì: đồng chí Nguyễn Văn An, Bí thư chi bộ." in body
    assert "- Thư ký: đồng chí Trần Văn Bình." in body
    assert "Lê Thị Thu Hằng, Đảng ủy viên, phụ trách chi bộ." in body


def test_absentees_by_name_with_reasons(cell: Cell, meeting: Meeting, out: Path) -> None:
    body = minutes_text(cell, meeting, out)
    excused = [a for a in meeting.attendance if a.presence is Presence.EXCUSED]
    unexcused = [a for a in meeting.attendance if a.presence is Presence.UNEXCUSED]
    assert excused and unexcused
    for a in excused:
        assert f"đồng chí {a.full_name} ({a.reason})" in body
    assert f"+ Không có lý do (1): đồng chí {unexcused[0].full_name}." in body
    exempt = [a for a in meeting.attendance if a.exempt]
    assert exempt and all(a.full_name in body for a in exempt)


def test_only_official_members_vote(out: Path) -> None:
    cell = make_cell(20)  # three probationary members, all present but one
    meeting = make_meeting(cell)
    counts = rules.attendance_counts(meeting.attendance)
    present = [a for a in meeting.attendance if a.presence is Presence.PRESENT and not a.exempt]
    assert counts.voters < len(present)  # probationary members are present
    body = minutes_text(cell, meeting, out)
    assert f"- Biểu quyết: {counts.voters} đảng viên chính thức có mặt được biểu quyết" in body
    for review in meeting.reviews:
        assert review.vote is not None
        assert rules.vote_sentence(review.vote, counts.voters) in body


def test_each_criterion_vote_and_result(cell: Cell, meeting: Meeting, out: Path) -> None:
    doc = open_doc(export_minutes(cell, meeting, out))
    body = text(doc)
    counts = rules.attendance_counts(meeting.attendance)
    for review in meeting.reviews:
        assert review.vote is not None
        wording = rules.vote_wording(review.vote, counts.voters, counts.official_voting_base)
        assert f"- Kết quả biểu quyết: {wording.count}." in body
        assert f"- {wording.test}." in body
        verdict = "KHÔNG ĐẠT" if review.number == 2 else "ĐẠT"
        result = paragraph_with(doc, f"Chi bộ thống nhất: nội dung {review.number} ")
        assert result.text.endswith(f"{verdict}.")
        assert all(r.bold for r in result.runs)
    assert "Kết quả chung: 3/4 nội dung đạt, tháng chưa đạt “bốn tốt”." in body


def test_discussion_causes_remedies(cell: Cell, meeting: Meeting, out: Path) -> None:
    body = minutes_text(cell, meeting, out)
    for review in meeting.reviews:
        for entry in review.discussion:
            assert f"- Đồng chí {entry.speaker}: {entry.text}" in body
    failed = meeting.review(2)
    assert "Chủ quan: chi ủy chưa chuẩn bị kỹ nội dung." in body
    assert "Khách quan: mưa lớn." in body  # a second line of the note: its own paragraph
    assert failed.responsibility in body
    remedy = failed.remedies[0]
    assert f"{remedy.text}. Phụ trách: đồng chí {remedy.owner}; thời hạn: 28/10/2026." in body
    assert "tiêu chí con" in body and ": không đạt." in body


def test_closing_sentence_and_signatures(cell: Cell, meeting: Meeting, out: Path) -> None:
    doc = open_doc(export_minutes(cell, meeting, out))
    body = lines(doc)
    closing = (
        "Biên bản kết thúc lúc 21 giờ 45 phút cùng ngày, đã được đọc lại cho những người có "
        "mặt cùng nghe và nhất trí./."  # HD 36 ends the body with "./."
    )
    assert closing in body
    signature = tables(doc)[-1]
    ((left, right),) = cell_texts(signature)
    assert left.split("\n")[0] == "THƯ KÝ" and left.split("\n")[-1] == meeting.minute_taker
    assert right.split("\n")[0] == "CHỦ TRÌ" and right.split("\n")[-1] == meeting.chair
    assert set(borders(signature).values()) == {"nil"}
    assert body.index(closing) < len(body) - 4  # the signatures come after it


def test_last_months_remedies(cell: Cell, out: Path) -> None:
    earlier = make_meeting(cell, "2026-09")
    meeting = make_meeting(cell, "2026-10", history=[earlier])
    assert meeting.follow_ups
    meeting.follow_ups[0].status = RemedyStatus.IN_PROGRESS
    meeting.follow_ups[0].note = "Đã họp chi ủy ngày 20/9."
    meeting.follow_ups.append(
        RemedyFollowUp(
            "x1", "2026-08", 4, "Thu đảng phí đúng hạn", "tập thể", None, RemedyStatus.DONE
        )
    )
    body = minutes_text(cell, meeting, out)
    f = meeting.follow_ups[0]
    assert (
        f"- {f.text} (nội dung 2, đề ra tháng 09/2026; phụ trách: đồng chí {f.owner}; "
        "thời hạn: 28/09/2026): đang khắc phục. Đã họp chi ủy ngày 20/9." in body
    )
    assert (
        "- Thu đảng phí đúng hạn (nội dung 4, đề ra tháng 08/2026; phụ trách: tập thể chi bộ; "
        "thời hạn: chưa định): đã khắc phục." in body
    )


def test_no_follow_ups_says_so(cell: Cell, meeting: Meeting, out: Path) -> None:
    assert "Không có giải pháp khắc phục nào còn tồn đọng" in minutes_text(cell, meeting, out)


def test_earlier_votes_minority_and_amendments(cell: Cell, meeting: Meeting, out: Path) -> None:
    counts = rules.attendance_counts(meeting.attendance)
    review = meeting.review(3)
    first = Vote(in_favour=3, against=counts.voters - 3, other=0, verdict_put=Verdict.FAIL)
    review.earlier_votes = [first]
    review.minority_opinions = "Đồng chí Phạm Minh Dũng bảo lưu: đề nghị đánh giá không đạt."
    amend(meeting, datetime(2026, 10, 7, 8, 15), "Sửa tên người phát biểu", "Ý kiến số 2")
    body = minutes_text(cell, meeting, out)
    wording = rules.vote_wording(first, counts.voters, counts.official_voting_base)
    assert not wording.adopted
    assert f"Lần 1: chủ trì đề nghị kết quả không đạt; {wording.count}. {wording.test}." in body
    assert "Lần 2: chủ trì đề nghị chi bộ biểu quyết kết quả nội dung 3: đạt." in body
    assert "Ý kiến bảo lưu:" in body and "ghi nguyên văn" not in body
    assert review.minority_opinions in body
    assert "SỬA ĐỔI, BỔ SUNG SAU KHI CHỐT BIÊN BẢN" in body
    assert "Lần 1: bổ sung lúc 08 giờ 15 phút, ngày 07/10/2026." in body
    assert "Lý do: Sửa tên người phát biểu.\nNội dung: Ý kiến số 2." in body


def test_a_vote_that_did_not_adopt(cell: Cell, meeting: Meeting, out: Path) -> None:
    meeting.review(1).vote = Vote(in_favour=1, against=0, other=0)
    body = minutes_text(cell, meeting, out)
    assert "Kết quả chưa được thông qua; chủ trì cần xem xét lại." in body
    assert "số phiếu chưa khớp" in body  # 1 + 0 + 0 is not the number of voters


def test_draft_is_marked(cell: Cell, out: Path) -> None:
    draft = make_meeting(cell, final=False)
    doc = open_doc(export_minutes(cell, draft, out))
    first = paragraphs(doc)[0]
    assert first.text == "DỰ THẢO"
    assert all(r.bold for r in first.runs)
    final = open_doc(export_minutes(cell, make_meeting(cell), out))
    assert "DỰ THẢO" not in text(final)


def test_empty_meeting_is_clean(cell: Cell, out: Path) -> None:
    # A draft just opened: nobody marked, nothing said, no times, no votes.
    meeting = new_meeting(cell, "2026-11", date(2026, 11, 3))
    meeting.chair, meeting.chair_id = "", None
    body = minutes_text(cell, meeting, out)
    assert "bắt đầu lúc … giờ … phút" in body
    assert "Chưa điểm danh:" in body
    assert "Không có ý kiến thảo luận." in body
    assert "Chưa biểu quyết." in body
    assert "Biên bản kết thúc lúc … giờ … phút cùng ngày" in body
    assert "- Chủ trì: đồng chí ……………." in body
    assert "None" not in body


def test_meeting_without_criteria_or_roster(out: Path) -> None:
    cell = Cell()
    meeting = Meeting(month="2026-01", date=date(2026, 1, 9))
    body = minutes_text(cell, meeting, out)
    assert "ĐẢNG BỘ ……………" in body and "CHI BỘ ……………" in body
    assert "Tổng số đảng viên của chi bộ: 0 đồng chí" in body
    assert "Kết quả chung" not in body


def test_one_member_cell(out: Path) -> None:
    cell = make_cell(1)
    meeting = make_meeting(cell, absent=0)
    body = minutes_text(cell, meeting, out)
    assert "1/1 đồng chí tán thành, đạt 100%" in body
    assert "- Vắng mặt: không." in body
    assert "- Thư ký: đồng chí ……………." in body


def test_sixty_members(out: Path) -> None:
    cell = make_cell(60)
    meeting = make_meeting(cell, discussion_per_criterion=10)
    body = minutes_text(cell, meeting, out)
    counts = rules.attendance_counts(meeting.attendance)
    assert counts.total == 60
    assert f"{counts.total} đồng chí; trong đó chính thức {counts.official}" in body
    for a in meeting.attendance:
        if a.exempt or a.presence is not Presence.PRESENT:
            assert a.full_name in body


def test_thirty_members_forty_entries(out: Path) -> None:
    cell = make_cell(30)
    meeting = make_meeting(cell, discussion_per_criterion=10)
    doc = open_doc(export_minutes(cell, meeting, out))
    speeches = [line for line in lines(doc) if line.startswith("- Đồng chí ")]
    assert len(speeches) == 40


def test_every_diacritic_survives(cell: Cell, meeting: Meeting, out: Path) -> None:
    decomposed = unicodedata.normalize("NFD", ALL_DIACRITICS)  # as some keyboards send it
    meeting.review(1).discussion.append(Discussion("Đoàn Thị Ỷ Lạc", decomposed))
    meeting.conclusion = ALL_DIACRITICS
    body = minutes_text(cell, meeting, out)
    assert f"- Đồng chí Đoàn Thị Ỷ Lạc: {ALL_DIACRITICS}" in body  # stored as NFC
    assert body.count(ALL_DIACRITICS) >= 2
    assert unicodedata.normalize("NFC", body) == body


def test_long_notes_and_odd_characters(cell: Cell, meeting: Meeting, out: Path) -> None:
    long = ("Đảng viên nêu gương, gắn bó với nhân dân nơi cư trú. " * 400).strip()
    meeting.conclusion = long + "\n\n\nDòng cuối\x0b\x00 có ký tự điều khiển\x1f."
    meeting.review(2).causes = "\t  " + long
    body = minutes_text(cell, meeting, out)
    assert long in body
    assert "Dòng cuối có ký tự điều khiển." in body
    assert "\x00" not in body and "\x0b" not in body


def test_unusual_times(cell: Cell, meeting: Meeting, out: Path) -> None:
    meeting.start_time, meeting.end_time = time(7, 5), time(9, 0)
    body = minutes_text(cell, meeting, out)
    assert "bắt đầu lúc 07 giờ 05 phút" in body
    assert "Biên bản kết thúc lúc 09 giờ 00 phút cùng ngày" in body


@pytest.mark.parametrize("reason", ["", "Chưa kịp ghi giờ kết thúc do mất điện"])
def test_override_reason_only_when_given(
    cell: Cell, meeting: Meeting, out: Path, reason: str
) -> None:
    meeting.override_reason = reason
    body = minutes_text(cell, meeting, out)
    assert ("lý do: Chưa kịp ghi giờ kết thúc" in body) is bool(reason)


# -- issue 12: what a ward official circles --------------------------------------


def test_a_draft_with_unvoted_criteria_reads_as_a_draft(cell: Cell, out: Path) -> None:
    draft = make_meeting(cell, final=False)
    draft.review(3).vote = None
    draft.review(4).vote = None
    body = minutes_text(cell, draft, out)
    assert "Kết quả chung" not in body
    assert "bốn tốt”." not in body.split("III. KẾT LUẬN")[1]  # no "tháng chưa đạt “bốn tốt”"
    assert (
        "Còn nội dung 3 và 4 chưa biểu quyết; kết quả chung của tháng được tổng hợp khi cả "
        "bốn nội dung có kết quả biểu quyết." in body
    )
    assert body.count("Chưa biểu quyết.") == 2
    assert "không đạt" not in body.split("4. Nội dung 3")[1].split("III. KẾT LUẬN")[0]


def test_citations_in_legal_form(cell: Cell, meeting: Meeting, out: Path) -> None:
    body = minutes_text(cell, meeting, out)
    assert "Điều 10.5" not in body
    assert body.count("(khoản 5 Điều 10 Điều lệ Đảng)") == 1 + len(meeting.reviews)


def test_each_vote_reads_once_with_one_base(cell: Cell, meeting: Meeting, out: Path) -> None:
    counts = rules.attendance_counts(meeting.attendance)
    assert counts.voters != counts.official_voting_base
    review = meeting.review(3)
    review.earlier_votes = [Vote(5, counts.voters - 5, 0, Verdict.FAIL)]
    body = minutes_text(cell, meeting, out)
    base = counts.official_voting_base
    for r in meeting.reviews:
        assert r.vote is not None
        # the count once, over the voters; the base only in words, never "x/12"
        assert body.count(f"{r.vote.in_favour}/{counts.voters} đồng chí tán thành") >= 1
        assert f"{r.vote.in_favour}/{base}" not in body
    assert f"5/{base}" not in body and body.count(f"5/{counts.voters} đồng chí tán thành") == 1
    assert (
        f"Số đồng chí tán thành hơn một nửa tổng số {base} đảng viên chính thức của chi bộ "
        "(khoản 5 Điều 10 Điều lệ Đảng): được thông qua." in body
    )


def test_a_revote_on_the_whole_base_states_its_fraction_once(out: Path) -> None:
    cell = make_cell(8)  # eight official members, all present: voters = base
    meeting = make_meeting(cell, absent=0)
    counts = rules.attendance_counts(meeting.attendance)
    assert counts.voters == counts.official_voting_base == 8
    meeting.review(2).earlier_votes = [Vote(3, 5, 0, Verdict.PASS)]
    body = minutes_text(cell, meeting, out)
    assert body.count("3/8") == 1


def test_the_verdict_stays_with_its_vote(cell: Cell, meeting: Meeting, out: Path) -> None:
    doc = open_doc(export_minutes(cell, meeting, out))
    body = paragraphs(doc)
    for review in meeting.reviews:
        verdict = paragraph_with(doc, f"Chi bộ thống nhất: nội dung {review.number} ")
        index = next(i for i, p in enumerate(body) if p._p is verdict._p)
        vote_lines = body[index - 3 : index]
        assert vote_lines[0].text.startswith("- Chủ trì đề nghị chi bộ biểu quyết")
        assert all(p.paragraph_format.keep_with_next for p in vote_lines)


def test_causes_and_responsibility_for_every_criterion(out: Path) -> None:
    from datetime import date as day

    from chibo_tui.sample import build_demo

    cell, history = build_demo(14, day(2026, 11, 20))
    last = history[-1]
    assert all(r.causes and r.responsibility for r in last.reviews)
    body = minutes_text(cell, last, out)
    assert body.count("Nguyên nhân:") == 4 and body.count("Trách nhiệm:") == 4
    for review in last.reviews:
        assert review.causes in body and review.responsibility in body


def test_causes_headings_even_when_nothing_was_noted(cell: Cell, out: Path) -> None:
    meeting = make_meeting(cell, fail=())
    assert not any(r.causes for r in meeting.reviews)
    body = minutes_text(cell, meeting, out)
    assert body.count("Nguyên nhân:") == 4 and body.count("Trách nhiệm:") == 4


def test_comrades_guests_and_owners_read_alike(cell: Cell, out: Path) -> None:
    from chibo_tui.domain.model import COLLECTIVE, Guest, Remedy

    earlier = make_meeting(cell, "2026-09")
    meeting = make_meeting(cell, "2026-10", history=[earlier])
    meeting.guests = [
        Guest("Đồng chí Trần Văn Hải", "Đảng ủy viên, phụ trách khu phố."),
        Guest("Lê Thị Thu Hằng", "Đảng ủy viên, phụ trách chi bộ"),
    ]
    meeting.review(1).remedies.append(Remedy("Rà soát hộ nghèo.", COLLECTIVE, date(2026, 11, 5)))
    meeting.follow_ups[0].note = "Đã họp chi ủy ngày 20/9"  # typed without a full stop
    body = minutes_text(cell, meeting, out)
    assert "- Đại biểu, khách mời: 2 đồng chí:" in body
    assert "+ Đồng chí Trần Văn Hải, Đảng ủy viên, phụ trách khu phố." in body
    assert "+ Đồng chí Lê Thị Thu Hằng, Đảng ủy viên, phụ trách chi bộ." in body
    assert "Đồng chí Đồng chí" not in body and "đồng chí Đồng chí" not in body
    assert "- Rà soát hộ nghèo. Phụ trách: tập thể chi bộ; thời hạn: 05/11/2026." in body
    assert "Đã họp chi ủy ngày 20/9." in body
    assert ".." not in body and ". (" not in body


def test_no_instruction_left_in_the_minutes(cell: Cell, meeting: Meeting, out: Path) -> None:
    meeting.review(1).minority_opinions = "Đồng chí Bình bảo lưu: đề nghị đánh giá không đạt."
    body = minutes_text(cell, meeting, out)
    assert "ghi nguyên văn" not in body and "phần mềm" not in body


def test_a_reopened_and_amended_minutes_says_what_changed(
    cell: Cell, meeting: Meeting, out: Path
) -> None:
    """Issue 12.7: per change the field, the old and new value; the times in words; the
    reason; the block's own signatures. Not just "Mở lại biên bản để sửa"."""
    from docx_probe import cell_texts, open_doc, tables

    from chibo_tui.domain.lifecycle import finalise, reopen

    old_end, old_conclusion = meeting.end_time, meeting.conclusion
    reopen(meeting, datetime(2026, 12, 3, 19, 30), "Ghi sai giờ kết thúc và kết luận")
    meeting.end_time = time(21, 50)
    meeting.conclusion = "Chi bộ thống nhất kết luận đã sửa."
    finalise(meeting, datetime(2026, 12, 3, 20, 5))
    doc = open_doc(export_minutes(cell, meeting, out))
    body = lines(doc)
    start = body.index("SỬA ĐỔI, BỔ SUNG SAU KHI CHỐT BIÊN BẢN")
    block = body[start:]
    assert block[1] == (
        "Lần 1: biên bản được mở lại lúc 19 giờ 30 phút, ngày 03/12/2026; chốt lại lúc "
        "20 giờ 05 phút, ngày 03/12/2026."
    )
    assert block[2] == "Lý do: Ghi sai giờ kết thúc và kết luận."
    assert "Mở lại biên bản để sửa" not in "\n".join(block)
    changes, signatures = tables(doc)[-2:]
    assert cell_texts(changes) == [
        ["STT", "Nội dung", "Đã ghi khi chốt", "Sửa thành"],
        [
            "1",
            "Giờ kết thúc",
            f"{old_end.hour:02d} giờ {old_end.minute:02d} phút",
            "21 giờ 50 phút",
        ],
        [
            "2",
            "Kết luận của chủ trì",
            " ".join(old_conclusion.split()),
            "Chi bộ thống nhất kết luận đã sửa.",
        ],
    ]
    ((left, right),) = cell_texts(signatures)
    assert left.split("\n")[0] == "THƯ KÝ" and right.split("\n")[0] == "CHỦ TRÌ"
    assert right.split("\n")[-1] == meeting.chair
    assert not block[-1].endswith("./.")  # the body's ending is the main text's, once


def test_a_reopening_not_yet_finalised_again_says_so(
    cell: Cell, meeting: Meeting, out: Path
) -> None:
    from chibo_tui.domain.lifecycle import reopen

    reopen(meeting, datetime(2026, 12, 3, 19, 30), "Bổ sung ý kiến")
    body = minutes_text(cell, meeting, out)
    assert (
        "Lần 1: biên bản được mở lại lúc 19 giờ 30 phút, ngày 03/12/2026; đang sửa, chưa "
        "chốt lại." in body
    )
