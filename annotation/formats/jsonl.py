"""The native JSONL format: lossless and versioned, one document per line.

Offsets are code points into ``text``.  Later versions add fields, never rename them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Document, ModelError, Source, Span, Speaker, Turn, check_document
from .atomic import Staging, atomic_text_file
from .inputs import loads, read_text
from .offsets import CODEPOINTS
from .records import ReadResult, Record
from .units import Unit, WriteContext, source_record

FORMAT = "razmetka"
VERSION = 1


def to_record(doc: Document) -> dict[str, Any]:
    roles = {s.name: s.role for s in doc.speakers}
    return {
        "format": FORMAT,
        "version": VERSION,
        "id": doc.id or "",
        "title": doc.title,
        "status": doc.status,
        "metadata": dict(doc.metadata),
        "source": source_record(doc.source),
        "text": doc.text,
        "speakers": [{"name": s.name, "role": s.role} for s in doc.speakers],
        "turns": [
            {
                "start": t.start,
                "end": t.end,
                "content_start": t.content_start,
                "speaker": t.speaker,
                "role": roles[t.speaker],
                "time_start": t.time_start,
                "time_end": t.time_end,
            }
            for t in doc.turns
        ],
        "spans": [
            {
                "start": s.start,
                "end": s.end,
                "label": s.label,
                "text": s.text,
                "normal": s.normal,
                "origin": s.origin,
                "status": s.status,
                "annotator": s.annotator,
            }
            for s in sorted(doc.spans, key=lambda s: (s.start, -s.end, s.label, s.annotator or ""))
        ],
    }


def from_record(record: dict[str, Any]) -> Document:
    """Build a document from one JSONL record; raises ModelError/KeyError/TypeError if malformed."""
    if record.get("format") != FORMAT:
        raise ModelError(f"not a {FORMAT} record (format is {record.get('format')!r})")
    if record.get("version", 0) > VERSION:
        raise ModelError(f"written by a newer Razmetka (version {record['version']}, this one reads {VERSION})")
    src = record.get("source") or {}
    doc = Document(
        text=record["text"],
        title=record.get("title", ""),
        id=record.get("id") or None,
        status=record.get("status", "new"),
        metadata=dict(record.get("metadata") or {}),
        source=Source(
            src.get("file", ""),
            src.get("sha256", ""),
            src.get("layout", ""),
            float(src.get("confidence", 1.0)),
            src.get("language", ""),
        ),
        speakers=[Speaker(s["name"], s.get("role", "other")) for s in record.get("speakers", [])],
        turns=[
            Turn(t["start"], t["end"], t["content_start"], t["speaker"], t.get("time_start"), t.get("time_end"))
            for t in record.get("turns", [])
        ],
        spans=[
            Span(
                s["start"],
                s["end"],
                s["label"],
                s["text"],
                s.get("normal"),
                s.get("origin", "imported"),
                s.get("status", "accepted"),
                s.get("annotator"),
            )
            for s in record.get("spans", [])
        ],
    )
    check_document(doc)
    return doc


def write(docs: Iterable[Document], path: str | Path) -> int:
    """Write documents to ``path`` atomically; returns how many were written."""
    count = 0
    with atomic_text_file(path) as fh:
        for doc in docs:
            fh.write(json.dumps(to_record(doc), ensure_ascii=False))
            fh.write("\n")
            count += 1
    return count


def read(path: str | Path) -> Iterator[Document]:
    """Documents from a native JSONL file; a bad line raises InputError naming file and line."""
    path = Path(path)
    for number, line in enumerate(read_text(path).split("\n"), 1):
        if not line.strip():
            continue
        record = loads(path, line, f"line {number}: ")
        try:
            yield from_record(record)
        except (ModelError, KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InputError(path, f"line {number}: {exc}") from None


# -- as one of the dataset formats (see catalog.py) -------------------------------

NAME = "jsonl"
EXTENSION = ".jsonl"
DEFAULT_OFFSETS = CODEPOINTS
NESTED = True


def write_units(units: Iterable[Unit], path: Path, staging: Staging, ctx: WriteContext) -> None:
    """Each unit as a complete native record; a whole-document unit is the document itself."""
    with staging.text(path) as fh:
        for unit in units:
            fh.write(json.dumps(to_record(unit.as_document()), ensure_ascii=False) + "\n")


def read_records(path: str | Path, *, offsets: str | None = None) -> ReadResult:
    """Native documents as import records: kept exactly as they are (origin, status, annotator)."""
    return ReadResult(
        [Record(doc.text, list(doc.spans), f"document {n}", document=doc) for n, doc in enumerate(read(path), 1)]
    )
