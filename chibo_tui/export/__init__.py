"""The party-format documents (DESIGN.md §6): minutes, monthly report, annual summary, plan.

Importing this package is cheap: python-docx is imported only when a document is
built. Every function writes atomically and never overwrites an earlier export.
"""

from __future__ import annotations

from .errors import ExportError
from .minutes import export_minutes
from .plan import export_plan
from .report import export_report
from .summary import export_summary

__all__ = ["ExportError", "export_minutes", "export_plan", "export_report", "export_summary"]
