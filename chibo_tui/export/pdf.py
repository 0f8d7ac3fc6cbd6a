"""The month's pack for the Sổ tay upload: its folder name, and PDFs through LibreOffice.

The secretary posts the finalised documents on Sổ tay đảng viên điện tử within two
days; many wards ask for PDF. python-docx cannot render a page, so the PDFs come
from LibreOffice (``soffice --headless --convert-to pdf``) when it is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from ..domain.vietnamese import fold
from ..store.atomic import fsync_folder, replace_retrying
from .errors import ExportError
from .writer import prepare_folder

SOFFICE_NAMES = ("soffice", "libreoffice")
PDF_TIMEOUT_S = 180  # a cold LibreOffice start on a slow laptop takes tens of seconds


def pack_folder_name(month: str, cell_name: str) -> str:
    """``2026-11_chi-bo-dinh-tien-hoang``: ASCII, so any upload form takes it."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(cell_name)).strip("-") or "chi-bo"
    return f"{month}_{slug}"


def find_soffice() -> str | None:
    """The LibreOffice program on PATH (or named by ``CHIBO_SOFFICE``), if any."""
    named = os.environ.get("CHIBO_SOFFICE")
    if named:
        return shutil.which(named)
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def to_pdf(
    documents: Sequence[Path],
    soffice: str,
    progress: Callable[[int, int, Path], None] | None = None,
) -> list[Path]:
    """Each document also as PDF beside it; the PDFs written, in order.

    Each conversion runs in a private temp folder with its own LibreOffice profile
    (a second LibreOffice already open would otherwise take the job and return at
    once), then the PDF is moved next to its document. Raises :class:`ExportError`
    with the reason when a conversion fails; the PDFs already made stay.
    """
    written = []
    for index, document in enumerate(documents, start=1):
        if progress is not None:
            progress(index, len(documents), document)
        written.append(_convert(document, soffice))
    return written


def _convert(document: Path, soffice: str) -> Path:
    target = document.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix=".chibo-pdf-", dir=document.parent) as work:
        folder = Path(work)
        profile = (folder / "profile").resolve().as_uri()
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(document),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=PDF_TIMEOUT_S, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ExportError(
                f"LibreOffice không chuyển được “{document.name}” sang PDF: {exc}"
            ) from exc
        made = folder / target.name
        if done.returncode != 0 or not made.exists():
            why = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["không rõ lý do"]
            raise ExportError(f"LibreOffice không chuyển được “{document.name}” sang PDF: {why[0]}")
        replace_retrying(made, target)
    fsync_folder(document.parent)
    return target


def pack_folder(out_dir: Path, month: str, cell_name: str) -> Path:
    """A new folder for the pack under ``out_dir``: ``…_chi-bo-x``, else ``…-2``, ``…-3``.

    An earlier pack is never written into: each upload is one whole set.
    """
    parent = prepare_folder(out_dir)
    name = pack_folder_name(month, cell_name)
    for n in range(1, 1000):
        folder = parent / (name if n == 1 else f"{name}-{n}")
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        except OSError as exc:
            raise ExportError(f"Không tạo được thư mục “{folder}”: {exc}") from exc
        return folder
    raise ExportError(f"Đã có quá nhiều thư mục “{name}-…” trong “{parent}”.")
