"""Atomic writes, free names, the output folder and its failures."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from unittest import mock

import pytest
from export_fixtures import make_meeting

from chibo_tui.domain.model import Cell, Meeting
from chibo_tui.export import ExportError, export_minutes, export_plan, export_report, writer


def saver(payload: bytes):
    def save(handle) -> None:
        handle.write(payload)

    return save


def test_free_name_appends_a_counter(tmp_path: Path) -> None:
    assert writer.free_name(tmp_path, "2026-10_bien-ban").name == "2026-10_bien-ban.docx"
    (tmp_path / "2026-10_bien-ban.docx").touch()
    assert writer.free_name(tmp_path, "2026-10_bien-ban").name == "2026-10_bien-ban-2.docx"
    (tmp_path / "2026-10_bien-ban-2.docx").touch()
    assert writer.free_name(tmp_path, "2026-10_bien-ban").name == "2026-10_bien-ban-3.docx"


def test_exports_never_overwrite(cell: Cell, meeting: Meeting, out: Path) -> None:
    first = export_minutes(cell, meeting, out)
    before = first.read_bytes()
    second = export_minutes(cell, meeting, out)
    third = export_minutes(cell, meeting, out)
    assert [p.name for p in (first, second, third)] == [
        "2026-10_bien-ban.docx",
        "2026-10_bien-ban-2.docx",
        "2026-10_bien-ban-3.docx",
    ]
    assert first.read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in (first, second, third))


def test_names_of_each_document(cell: Cell, meeting: Meeting, out: Path) -> None:
    assert export_report(cell, meeting, out).name == "2026-10_bao-cao.docx"
    assert export_plan(cell, 2027, out).name == "2027_ke-hoach.docx"


def test_missing_folder_is_created(cell: Cell, meeting: Meeting, tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "exports"
    path = export_minutes(cell, meeting, target)
    assert path.parent == target and path.is_file()


def test_files_are_private(cell: Cell, meeting: Meeting, out: Path) -> None:
    path = export_minutes(cell, meeting, out)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_failed_save_leaves_nothing(tmp_path: Path) -> None:
    def half_then_fail(handle) -> None:
        handle.write(b"PK\x03\x04 half a zip")
        raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match="ổ đĩa đã đầy"):
        writer.write_atomic(tmp_path, "2026-10_bien-ban", half_then_fail)
    assert list(tmp_path.iterdir()) == []


def windows_rename(monkeypatch: pytest.MonkeyPatch, refusals: int = 0) -> list[Path]:
    """The writer as on Windows: a rename never replaces, and is refused while a
    scanner holds the file ``refusals`` times (-1: always). The targets tried."""
    from chibo_tui.store import atomic

    tried: list[Path] = []

    def rename(source: str | Path, target: str | Path) -> None:
        tried.append(Path(target))
        if refusals < 0 or len(tried) <= refusals:
            raise PermissionError(13, "The process cannot access the file", str(target))
        if os.path.lexists(target):
            raise FileExistsError(17, "Cannot create a file when that file already exists")
        os.replace(source, target)

    monkeypatch.setattr(writer, "RENAME_KEEPS_TARGET", True)
    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.setattr(atomic, "sleep", lambda _s: None)  # the retries, without waiting
    return tried


def no_hard_links(monkeypatch: pytest.MonkeyPatch) -> None:
    """A FAT stick on Linux: ``link`` is refused with EPERM."""
    monkeypatch.setattr(os, "link", mock.Mock(side_effect=PermissionError(1, "not permitted")))


def test_failed_rename_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    windows_rename(monkeypatch, refusals=-1)
    with pytest.raises(ExportError, match="không có quyền ghi"):
        writer.write_atomic(tmp_path, "x", saver(b"data"))
    assert list(tmp_path.iterdir()) == []


def test_failed_replace_without_hard_links_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chibo_tui.store import atomic

    no_hard_links(monkeypatch)
    monkeypatch.setattr(atomic, "sleep", lambda _s: None)
    with mock.patch.object(os, "replace", side_effect=PermissionError(13, "denied")):
        with pytest.raises(ExportError, match="không có quyền ghi"):
            writer.write_atomic(tmp_path, "x", saver(b"data"))
    assert list(tmp_path.iterdir()) == []  # neither the temp nor the claimed name


def test_the_name_appears_only_with_the_whole_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kill can come between any two calls: after each one that touches the folder,
    every visible file is a whole document (CI found an empty one, claimed but not
    yet renamed onto, when the export was killed in between)."""
    payload = b"PK whole document" * 1000
    seen: list[dict[str, bytes]] = []

    def traced(real):
        def call(*args, **kwargs):
            result = real(*args, **kwargs)
            seen.append(
                {p.name: p.read_bytes() for p in tmp_path.iterdir() if not p.name.startswith(".")}
            )
            return result

        return call

    for name in ("open", "link", "rename", "replace", "close"):
        monkeypatch.setattr(os, name, traced(getattr(os, name)))
    (tmp_path / "x.docx").write_bytes(b"signed copy")
    written = writer.write_atomic(tmp_path, "x", saver(payload))
    assert written.name == "x-2.docx"
    assert seen and all(
        files.get("x-2.docx", payload) == payload and files["x.docx"] == b"signed copy"
        for files in seen
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x-2.docx", "x.docx"]


def test_a_bug_in_the_builder_propagates_and_cleans_up(tmp_path: Path) -> None:
    def broken(handle) -> None:
        raise ValueError("bug")

    with pytest.raises(ValueError, match="bug"):
        writer.write_atomic(tmp_path, "x", broken)
    assert list(tmp_path.iterdir()) == []


def test_export_failing_mid_write_leaves_no_file(cell: Cell, meeting: Meeting, out: Path) -> None:
    # The document is fully built; its save fails part way through the zip.
    from docx.document import Document

    real_save = Document.save

    def failing_save(self, stream) -> None:
        real_save(self, stream)
        raise OSError(5, "Input/output error")

    with mock.patch.object(Document, "save", failing_save):
        with pytest.raises(ExportError) as caught:
            export_minutes(cell, meeting, out)
    assert "Không ghi được tệp" in str(caught.value)
    assert list(out.iterdir()) == []


def test_unwritable_folder(cell: Cell, meeting: Meeting, out: Path) -> None:
    # Tests run as root, for whom chmod 0500 does not stop a write: simulate the
    # refusal where the operating system would give it, at the temp file.
    out.mkdir()
    refuse = PermissionError(13, "Permission denied")
    with mock.patch("tempfile.mkstemp", side_effect=refuse):
        with pytest.raises(ExportError) as caught:
            export_minutes(cell, meeting, out)
    message = str(caught.value)
    assert "Không ghi được vào thư mục" in message and "không có quyền ghi" in message
    assert str(out) in message
    assert list(out.iterdir()) == []


def test_folder_under_a_regular_file(cell: Cell, meeting: Meeting, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(ExportError, match="Không tạo được thư mục"):
        export_minutes(cell, meeting, blocker / "exports")
    with pytest.raises(ExportError):
        export_plan(cell, 2027, blocker)
    assert blocker.read_text() == "not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_error_messages_are_vietnamese() -> None:
    assert writer.reason(OSError(30, "Read-only file system")) == "ổ đĩa chỉ cho phép đọc"
    assert writer.reason(OSError(999, "Strange")) == "Strange"


def test_same_name_in_a_race_still_gets_a_new_name(cell: Cell, out: Path) -> None:
    # Another export lands the same name while this one is being saved.
    meeting = make_meeting(cell)
    out.mkdir()
    real = writer.free_name

    def with_rival(folder: Path, stem: str, suffix: str = ".docx") -> Path:
        if not (folder / f"{stem}{suffix}").exists():
            (folder / f"{stem}{suffix}").write_bytes(b"rival")
        return real(folder, stem, suffix)

    with mock.patch.object(writer, "free_name", with_rival):
        path = export_minutes(cell, meeting, out)
    assert path.name == "2026-10_bien-ban-2.docx"
    assert (out / "2026-10_bien-ban.docx").read_bytes() == b"rival"


def test_a_new_document_held_a_moment_by_a_scanner_is_still_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows: OneDrive or an antivirus has the new temp file open for a moment."""
    tried = windows_rename(monkeypatch, refusals=2)
    written = writer.write_atomic(tmp_path, "x", saver(b"data"))
    assert len(tried) == 3 and written.read_bytes() == b"data"
    assert [p.name for p in tmp_path.iterdir()] == ["x.docx"]  # no temp file left


@pytest.mark.parametrize("way", ["hard link", "Windows rename", "no hard links"])
def test_a_name_taken_meanwhile_is_never_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    """Another export lands the name between the choice and the placing."""
    if way == "Windows rename":
        windows_rename(monkeypatch)
    elif way == "no hard links":
        no_hard_links(monkeypatch)
    real = writer.free_name

    def with_rival(folder: Path, stem: str, suffix: str = ".docx") -> Path:
        name = real(folder, stem, suffix)
        name.write_bytes(b"rival")
        return name

    monkeypatch.setattr(writer, "free_name", with_rival)
    written = writer.write_atomic(tmp_path, "x", saver(b"ours"))
    assert written.name == "x-2.docx" and written.read_bytes() == b"ours"
    assert (tmp_path / "x.docx").read_bytes() == b"rival"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x-2.docx", "x.docx"]
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
