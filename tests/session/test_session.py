"""The session without any UI: what it saves, when, and what a draft is brought up to."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from chibo_tui.domain import lifecycle
from chibo_tui.domain.model import Remedy
from chibo_tui.session import DocumentKind, ExportRefused, Session
from chibo_tui.store import Repository

NOW = datetime(2026, 12, 3, 19, 30)


@pytest.fixture
def session(repo: Repository, tmp_path: Path, factory) -> Iterator[Session]:  # type: ignore[no-untyped-def]
    cell = factory.cell()
    november = factory.meeting(cell, "2026-11")
    repo.import_history(cell, [])
    repo.save_meeting(november)  # a draft: not finalised yet
    live = Session(repo, tmp_path / "exports", clock=lambda: NOW)
    yield live
    live.close()


def on_disk(session: Session, month: str):  # type: ignore[no-untyped-def]
    with Repository.open(session.repo.path, read_only=True) as reader:
        return reader.load_meeting(month)


def test_an_edit_reaches_the_disk_without_anyone_reporting_it(session: Session) -> None:
    meeting = session.meeting("2026-11")
    meeting.conclusion = "Kết luận sửa trực tiếp trên đối tượng"
    assert session.save_now()
    saved = on_disk(session, "2026-11")
    assert saved is not None and saved.conclusion == "Kết luận sửa trực tiếp trên đối tượng"
    revision = session.revision
    assert session.save_now() and session.revision == revision  # nothing new: no write


def test_a_finalised_month_is_never_handed_over_unchanged_by_its_rules(session: Session) -> None:
    meeting = session.meeting("2026-11")
    session.finalise(meeting)
    assert session.save_now()
    meeting.conclusion = "Sửa lén sau khi chốt"  # no reopen, no amendment
    assert session.save_now() and session.save_error is None
    saved = on_disk(session, "2026-11")
    assert saved is not None and saved.is_final
    assert saved.conclusion != "Sửa lén sau khi chốt"


def test_a_draft_picks_up_remedies_raised_after_it_was_started(session: Session) -> None:
    december = session.meeting("2026-12")  # started while November is still a draft
    november = session.meeting("2026-11")
    before = {f.remedy_id for f in december.follow_ups}
    late = Remedy("Rà soát hồ sơ đảng viên", owner="Tập thể chi bộ")
    november.review(3).remedies.append(late)
    session.finalise(november)
    december = session.meeting("2026-12")  # opened again, still a draft
    assert late.id in {f.remedy_id for f in december.follow_ups} - before
    december.follow_ups[0].note = "Đã làm một phần"
    december = session.meeting("2026-12")
    assert december.follow_ups[0].note == "Đã làm một phần"  # marks made are kept
    assert session.save_now()
    saved = on_disk(session, "2026-12")
    assert saved is not None and late.id in {f.remedy_id for f in saved.follow_ups}


def test_export_refuses_a_month_that_was_not_held(session: Session) -> None:
    with pytest.raises(ExportRefused, match="Không có kỳ sinh hoạt tháng 05/2026"):
        session.export(DocumentKind.MINUTES, month="2026-05")


def test_sync_follow_ups_keeps_a_marked_remedy_the_previous_month_no_longer_carries(
    factory,  # type: ignore[no-untyped-def]
) -> None:
    cell = factory.cell()
    previous = factory.meeting(cell, "2026-10")
    draft = lifecycle.new_meeting(cell, "2026-11", NOW.date(), [previous])
    draft.follow_ups[0].note = "Ghi chú của chủ trì"
    previous.review(2).remedies.clear()  # reopened meanwhile, the remedy taken out
    lifecycle.sync_follow_ups(draft, previous)
    assert [f.note for f in draft.follow_ups] == ["Ghi chú của chủ trì"]


def test_a_draft_is_discarded_after_a_backup_with_an_audit_entry(session: Session) -> None:
    from chibo_tui.session import Refused

    december = session.meeting("2026-12")
    december.conclusion = "Mở nhầm tháng"
    assert session.save_now() and on_disk(session, "2026-12") is not None
    backup = session.discard("2026-12")
    assert backup is not None and backup.exists()
    assert on_disk(session, "2026-12") is None
    assert "2026-12" not in {s.month for s in session.repo.summaries()}
    assert session.save_now() and on_disk(session, "2026-12") is None  # not saved back
    entry = session.repo.audit_log()[-1]
    assert entry["kind"] == "discard" and entry["month"] == "2026-12"
    november = session.meeting("2026-11")
    session.finalise(november)
    assert session.save_now()
    with pytest.raises(Refused):
        session.discard("2026-11")
    assert on_disk(session, "2026-11") is not None
