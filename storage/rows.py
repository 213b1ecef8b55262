"""The one definition of each row's columns, and the conversions between rows and model records.

Every module of ``storage`` reads and writes rows through these, so a column is
named in one place.  The ``*_COLUMNS`` strings select a row in the order of the
model record's constructor (``Span(*row)``, ``Turn(*row)``, …).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlite_utils import Database

from annotation.model import Document, Label, Mention, Source, Span, Speaker, Turn

NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"  # the timestamps' SQL expression (UTC, milliseconds)

SPAN_FIELDS = ("start", "end", "label", "text", "normal", "origin", "status", "annotator")
SPAN_COLUMNS = 'start, "end", label, text, normal, origin, status, annotator, id'  # Span(*row)
TURN_COLUMNS = 't.start, t."end", t.content_start, s.name, t.time_start, t.time_end, t.id'  # Turn(*row)
TURN_FROM = "turns t JOIN speakers s ON s.id = t.speaker_id"
SPEAKER_COLUMNS = "name, role"  # Speaker(*row)
LABEL_COLUMNS = "name, color, hotkey, description"  # Label(*row)
MENTION_COLUMNS = 'start, "end", label, text, normal'  # Mention(*row)
DOCUMENT_COLUMNS = "id, title, status, text, metadata, source_file, sha256, layout, confidence, language"
NEUTRAL_COLOR = "#9e9e9e"  # a label created because a span names it


def span_row(doc_id: str, span: Span, keep_id: bool = True) -> dict:
    row = {"document_id": doc_id, **{k: getattr(span, k) for k in SPAN_FIELDS}}
    if keep_id and span.id is not None:
        row["id"] = span.id
    return row


def model_row(doc_id: str, mention: Mention, model: str) -> dict:
    """A row of ``model_output``: a model's raw output, never edited."""
    m = mention
    return {
        "document_id": doc_id,
        "start": m.start,
        "end": m.end,
        "label": m.label,
        "text": m.text,
        "normal": m.normal,
        "model": model,
    }


def label_row(label: Label, position: int) -> dict:
    return {
        "name": label.name,
        "color": label.color,
        "hotkey": label.hotkey,
        "description": label.description,
        "position": position,
    }


def document_row(doc_id: str, doc: Document, position: int) -> dict:
    return {
        "id": doc_id,
        "title": doc.title,
        "status": str(doc.status),
        "text": doc.text,
        "metadata": json.dumps(doc.metadata, ensure_ascii=False),
        "source_file": doc.source.file,
        "sha256": doc.source.sha256,
        "layout": doc.source.layout,
        "confidence": doc.source.confidence,
        "language": doc.source.language,
        "position": position,
    }


def document_from_row(row: Sequence, speakers: list[Speaker], turns: list[Turn], spans: list[Span]) -> Document:
    did, title, status, text, metadata, source_file, sha, layout, confidence, language = row
    return Document(
        text=text,
        title=title,
        id=did,
        status=status,
        metadata=json.loads(metadata),
        source=Source(source_file, sha, layout, confidence, language),
        speakers=speakers,
        turns=turns,
        spans=spans,
    )


def read_spans(db: Database, where: str, params: Sequence) -> list[Span]:
    """Spans matching ``where`` in document order: by start, longer first, then id."""
    rows = db.execute(f'SELECT {SPAN_COLUMNS} FROM spans WHERE {where} ORDER BY start, "end" DESC, id', params)
    return [Span(*row) for row in rows]  # plain tuples: a big document has thousands


def read_turns(db: Database, doc_id: str, at: int | None = None) -> list[Turn]:
    """A document's turns in order, each with its id and its speaker's name.

    With ``at``, only the turn that starts last at or before that offset (the one that may hold it).
    """
    if at is None:
        where, tail, params = "t.document_id = ?", "ORDER BY t.start", [doc_id]
    else:
        where, tail, params = "t.document_id = ? AND t.start <= ?", "ORDER BY t.start DESC LIMIT 1", [doc_id, at]
    rows = db.execute(f"SELECT {TURN_COLUMNS} FROM {TURN_FROM} WHERE {where} {tail}", params)
    return [Turn(*row) for row in rows]


def read_speakers(db: Database, doc_id: str) -> list[Speaker]:
    rows = db.execute(f"SELECT {SPEAKER_COLUMNS} FROM speakers WHERE document_id = ? ORDER BY position, id", [doc_id])
    return [Speaker(*row) for row in rows]


def in_list(values: Sequence) -> str:
    """``(?, ?, …)`` for an ``IN`` clause of ``len(values)`` parameters."""
    return "(" + ", ".join("?" * len(values)) + ")"
