"""The roster file parser: members, refused lines with numbers and reasons, the import plan."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chibo_tui.domain.model import Member, MemberStatus, Role
from chibo_tui.domain.roster_import import (
    MAX_LINES,
    RosterDecodeError,
    clean_name,
    decode_roster,
    name_problem,
    parse_roster,
    plan_import,
)


def names(text: str) -> list[str]:
    return [m.full_name for m in parse_roster(text).members]


def test_one_name_per_line_with_an_optional_status_column() -> None:
    found = parse_roster(
        "Nguyễn Văn An, dự bị\nTrần Thị Bình\n\n# ghi chú\nLê Văn Cường, chính thức\n"
    )
    assert [(m.line, m.full_name, m.status) for m in found.members] == [
        (1, "Nguyễn Văn An", MemberStatus.PROBATIONARY),
        (2, "Trần Thị Bình", MemberStatus.OFFICIAL),
        (5, "Lê Văn Cường", MemberStatus.OFFICIAL),
    ]
    assert found.bad_lines == []


def test_other_columns_in_any_order_and_numbered_lines() -> None:
    text = (
        "1. Nguyễn Thị Liên, bí thư\n"
        "2) Trần Văn Bình; phó bí thư\n"
        "3\tLê Văn Tám\tmiễn sinh hoạt\tchính thức\n"
        "Hồ Thị Vân (dự bị)\n"
        "Phạm Minh Đức – chi ủy viên\n"
    )
    found = parse_roster(text)
    got = {m.full_name: (m.status, m.exempt, m.role) for m in found.members}
    assert got["Nguyễn Thị Liên"] == (MemberStatus.OFFICIAL, False, Role.SECRETARY)
    assert got["Lê Văn Tám"] == (MemberStatus.OFFICIAL, True, Role.MEMBER)
    assert got["Hồ Thị Vân"] == (MemberStatus.PROBATIONARY, False, Role.MEMBER)
    assert got["Phạm Minh Đức"] == (MemberStatus.OFFICIAL, False, Role.COMMITTEE)
    assert got["Trần Văn Bình"] == (MemberStatus.OFFICIAL, False, Role.DEPUTY)
    assert found.bad_lines == []


def test_a_header_line_names_the_columns() -> None:
    text = (
        "STT;Họ và tên;Đảng viên;Miễn sinh hoạt;Chức vụ\n"
        "1;NGUYỄN VĂN AN;dự bị;;\n"
        "2;Trần Thị Bình;chính thức;x;bí thư\n"
    )
    found = parse_roster(text)
    assert found.header_line == 1
    assert [(m.full_name, m.status, m.exempt, m.role) for m in found.members] == [
        ("Nguyễn Văn An", MemberStatus.PROBATIONARY, False, Role.MEMBER),
        ("Trần Thị Bình", MemberStatus.OFFICIAL, True, Role.SECRETARY),
    ]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("  ,dự bị", "thiếu họ tên"),
        ("Lê Văn 3", "họ tên có chữ số"),
        ("Lê@Văn Ba", "ký tự lạ “@”"),
        ("An", "chỉ có một chữ"),
        ("Phạm Thị Dung, abc", "không hiểu “abc”"),
        ("Võ Thị Hà, dự bị, phó bí thư", "đảng viên dự bị không giữ chức phó bí thư"),
    ],
)
def test_bad_lines_say_which_line_and_why(line: str, reason: str) -> None:
    found = parse_roster(f"Nguyễn Văn An\n{line}\nTrần Thị Bình\n")
    assert names(f"Nguyễn Văn An\n{line}\nTrần Thị Bình\n") == ["Nguyễn Văn An", "Trần Thị Bình"]
    (bad,) = found.bad_lines
    assert bad.line == 2
    assert reason in bad.reason
    assert bad.text == line.strip()


def test_a_second_secretary_in_the_file_is_refused() -> None:
    found = parse_roster("Hoàng Văn Đức, bí thư\nĐỗ Văn Minh, bí thư\n")
    assert names("Hoàng Văn Đức, bí thư\n") == ["Hoàng Văn Đức"]
    assert [(b.line, b.reason) for b in found.bad_lines] == [(2, "đã có bí thư ở dòng 1")]


def test_names_are_cleaned_and_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn   Văn  An")
    assert names(decomposed) == ["Nguyễn Văn An"]
    assert clean_name("ĐẶNG QUỐC HÙNG") == "Đặng Quốc Hùng"
    assert clean_name("đặng quốc hùng") == "Đặng Quốc Hùng"
    assert clean_name("H'Hen Niê") == "H'Hen Niê"
    assert name_problem("H'Hen Niê") is None


def test_a_very_long_file_is_cut_with_a_reason() -> None:
    text = "\n".join(f"Nguyễn Văn An{chr(0x61 + i % 26)}" for i in range(MAX_LINES + 5))
    found = parse_roster(text)
    assert len(found.members) == MAX_LINES
    assert found.bad_lines[-1].line == MAX_LINES + 1


@pytest.mark.parametrize(
    "data",
    [
        "Nguyễn Văn An\n".encode(),
        "\ufeffNguyễn Văn An\n".encode(),
        "Nguyễn Văn An\n".encode("utf-16"),
        # Windows-1258 has ê and ă but writes the tone as a combining mark.
        "Nguy\u00ea\u0303n V\u0103n An\n".encode("cp1258"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "windows-1258"],
)
def test_encodings_of_office_files(data: bytes) -> None:
    assert names(decode_roster(data)) == ["Nguyễn Văn An"]


def test_a_binary_file_is_refused() -> None:
    with pytest.raises(RosterDecodeError):
        decode_roster(b"PK\x03\x04\x00\x00binary")


def test_plan_flags_namesakes_and_offices_already_held() -> None:
    roster = [
        Member("Nguyễn Thị Liên", role=Role.SECRETARY),
        Member("Nguyen Van An"),
        Member("Bùi Thị Lan", removed=True),
    ]
    found = parse_roster("Nguyễn Văn An\nTrần Văn Bình, bí thư\nBùi Thị Lan\nTrần Văn Bình\n")
    plan = plan_import(found, roster)
    rows = {(r.member.line): r for r in plan.rows}
    assert rows[1].namesake_of == "Nguyen Van An"  # diacritics ignored
    assert rows[2].member.role is Role.MEMBER and "đã có bí thư (Nguyễn Thị Liên)" in rows[2].note
    assert rows[3].namesake_of is None  # a member who left is no namesake
    assert rows[4].namesake_of == "Trần Văn Bình"  # an earlier line of the same file
    assert [m.full_name for m in plan.members()] == [
        "Nguyễn Văn An",
        "Trần Văn Bình",
        "Bùi Thị Lan",
        "Trần Văn Bình",
    ]
    assert [m.full_name for m in plan.members(skip_namesakes=True)] == [
        "Trần Văn Bình",
        "Bùi Thị Lan",
    ]


_LETTERS = (
    "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
)
word = st.text(alphabet=st.sampled_from(_LETTERS), min_size=1, max_size=6).map(str.capitalize)
full_name = st.lists(word, min_size=2, max_size=4).map(" ".join)


@given(st.lists(full_name, min_size=1, max_size=30))
def test_any_list_of_names_reads_back_as_written(written: list[str]) -> None:
    text = "\n".join(written)
    assert names(text) == [unicodedata.normalize("NFC", n) for n in written]
    assert parse_roster(text).bad_lines == []


def test_csv_is_read_the_way_spreadsheets_write_it():
    text = (
        "STT,Họ và tên,Đảng viên\n"
        '1,"Nguyễn Văn\nAn",Chính thức\n'  # a line break inside a quoted cell
        '2,"Võ Thị Sáu"x,Dự bị\n'  # a quote that does not close the cell
        '3,"Trần Thị Bình","Dự bị"\n'
    )
    found = parse_roster(text)
    assert [(m.line, m.full_name) for m in found.members] == [
        (2, "Nguyễn Văn An"),
        (5, "Trần Thị Bình"),
    ]
    assert not any(m.full_name == "Chính Thức" for m in found.members)
    assert [(b.line, b.reason) for b in found.bad_lines] == [(4, "dấu ngoặc kép không khớp")]
