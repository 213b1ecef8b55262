"""Word documents (.docx) through python-docx.

The text is the body's non-empty paragraphs, in order, joined by blank lines.
Each paragraph becomes a :class:`Block` that records how much of its start is
bold: a bold name at the start of a paragraph is a strong hint of a speaker.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..errors import InputError
from .base import Block, RawText, check_text, normalise_newlines, sha256


def _bold_prefix(paragraph, text: str) -> int:
    """Length of the bold run ``text`` opens with (whitespace-only runs do not break it)."""
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    length = 0
    for run in paragraph.runs:
        bold = run.bold if run.bold is not None else style_bold
        if not bold and run.text.strip():
            break
        length += len(run.text)
    prefix = text[:length]
    if not text.startswith(prefix) or not prefix.strip():
        return 0
    return len(prefix.rstrip())


def _all_italic(paragraph) -> bool:
    """Every run with text is in italics (a question, in interviews that set questions so)."""
    style_italic = bool(paragraph.style is not None and paragraph.style.font.italic)
    runs = [run for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(run.italic if run.italic is not None else style_italic for run in runs)


def read_docx(path: Path, data: bytes, *, encoding: str | None = None) -> RawText:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(path, "is not a valid .docx file (not a zip archive)")
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        try:
            document = docx.Document(io.BytesIO(data))
        except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
            raise InputError(path, f"is not a valid .docx file ({exc})") from None
        parts: list[str] = []
        blocks: list[Block] = []
        pos = 0
        for paragraph in document.paragraphs:
            raw = normalise_newlines(paragraph.text).replace("\x0b", "\n")
            text = raw.strip()
            if not text:
                continue
            lead = len(raw) - len(raw.lstrip())
            bold = max(0, _bold_prefix(paragraph, raw) - lead)
            if parts:
                pos += 2
            italic = _all_italic(paragraph)
            blocks.append(Block(pos, pos + len(text), bold=min(bold, len(text)), italic=italic))
            parts.append(text)
            pos += len(text)
    except InputError:
        raise
    except Exception as exc:  # a damaged package can fail deep inside lxml or python-docx
        raise InputError(path, f"is not a readable .docx file ({exc.__class__.__name__}: {exc})") from None
    return RawText(path, check_text(path, "\n\n".join(parts)), sha256(data), "docx", "docx", blocks)
