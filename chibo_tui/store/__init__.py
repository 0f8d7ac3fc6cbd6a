"""Crash-safe storage of the cell and its meetings: TinyDB behind one repository."""

from .errors import DamagedDatabaseError, DatabaseLockedError, LockedMeetingError, StoreError
from .repository import Repository

__all__ = [
    "DamagedDatabaseError",
    "DatabaseLockedError",
    "LockedMeetingError",
    "Repository",
    "StoreError",
]
