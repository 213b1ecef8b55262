"""Documents: storing one whole (with its speakers, turns, spans, labels and model output), loading, listing, status."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from annotation.formats.units import text_sha256
from annotation.model import DOCUMENT_STATUSES, Document, Mention, ModelError, check_document

from . import labels
from .connection import ProjectDatabase, write
from .errors import StorageError
from .rows import (
    DOCUMENT_COLUMNS,
    NOW,
    document_from_row,
    document_row,
    model_row,
    read_spans,
    read_speakers,
    read_turns,
    span_row,
)
from .search import index_turns


@dataclass
class DocumentSummary:
    id: str
    title: str
    status: str
    turns: int
    spans: int
    suggested: int
    source_file: str
    sha256: str
    layout: str
    confidence: float
    language: str
    accepted: int = 0  # spans a person accepted; progress is accepted / spans
    sections: str | None = None  # JSON of the layout chosen per section, for documents of several
    model_spans: int = 0  # the model's suggestions, resolved or not (rejected ones included)

    @property
    def low_confidence(self) -> bool:
        return self.confidence < 0.5


def add(db: ProjectDatabase, doc: Document, mentions: Iterable[Mention], model: str) -> str:
    """Store a new document whole, in one transaction, with the labels its spans need.  Returns its id."""
    try:
        check_document(doc)
    except ModelError as exc:
        raise StorageError(f"{doc.source.file or doc.title}: {exc}") from None
    with write(db):
        doc_id = doc.id or uuid.uuid4().hex[:12]
        if db.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone():
            doc_id = uuid.uuid4().hex[:12]
        labels.ensure(db, (s.label for s in doc.spans))
        position = db.execute("SELECT ifnull(max(position), 0) + 1 FROM documents").fetchone()[0]
        db["documents"].insert({**document_row(doc_id, doc, position), "text_sha256": text_sha256(doc.text)})
        speaker_ids = {}
        for i, speaker in enumerate(doc.speakers):
            row = {"document_id": doc_id, "name": speaker.name, "role": str(speaker.role), "position": i}
            speaker_ids[speaker.name] = db["speakers"].insert(row).last_pk
        db["turns"].insert_all(
            {
                "document_id": doc_id,
                "start": t.start,
                "end": t.end,
                "content_start": t.content_start,
                "speaker_id": speaker_ids[t.speaker],
                "time_start": t.time_start,
                "time_end": t.time_end,
            }
            for t in doc.turns
        )
        db["spans"].insert_all(span_row(doc_id, s, keep_id=False) for s in doc.spans)
        db["model_output"].insert_all(model_row(doc_id, m, model) for m in mentions)
        index_turns(db, doc_id)
    return doc_id


def text(db: ProjectDatabase, doc_id: str) -> str:
    """A document's text (kept once read: it never changes after import)."""
    cached = db.texts.get(doc_id)
    if cached is None:
        row = db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise StorageError(f"{db.path}: no document with id {doc_id!r}")
        cached = db.texts[doc_id] = row[0]
    return cached


def load(db: ProjectDatabase, doc_id: str) -> Document:
    row = db.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = ?", [doc_id]).fetchone()
    if row is None:
        raise StorageError(f"{db.path}: no document with id {doc_id!r}")
    spans = read_spans(db, "document_id = ?", [doc_id])
    return document_from_row(row, read_speakers(db, doc_id), read_turns(db, doc_id), spans)


def ids(db: ProjectDatabase) -> list[str]:
    return [r[0] for r in db.execute("SELECT id FROM documents ORDER BY position")]


def summaries(db: ProjectDatabase, doc_id: str | None = None) -> list[DocumentSummary]:
    """Every document's summary in list order, or just ``doc_id``'s."""
    where, params = ("WHERE d.id = ?", [doc_id]) if doc_id is not None else ("", [])
    rows = db.query(
        f"""
        SELECT d.id, d.title, d.status, d.source_file, d.sha256, d.layout, d.confidence, d.language,
               json_extract(d.metadata, '$.layout_sections') AS sections,
               (SELECT count(*) FROM turns t WHERE t.document_id = d.id) AS turns,
               (SELECT count(*) FROM spans s WHERE s.document_id = d.id AND s.status != 'rejected') AS spans,
               (SELECT count(*) FROM spans s WHERE s.document_id = d.id AND s.status = 'suggested') AS suggested,
               (SELECT count(*) FROM spans s WHERE s.document_id = d.id AND s.status = 'accepted') AS accepted,
               (SELECT count(*) FROM spans s WHERE s.document_id = d.id AND s.origin = 'model') AS model_spans
        FROM documents d {where} ORDER BY d.position
        """,
        params,
    )
    return [DocumentSummary(**row) for row in rows]


def status(db: ProjectDatabase, doc_id: str) -> str:
    row = db.execute("SELECT status FROM documents WHERE id = ?", [doc_id]).fetchone()
    if row is None:
        raise StorageError(f"{db.path}: no document with id {doc_id!r}")
    return row[0]


def set_status(db: ProjectDatabase, doc_id: str, new: str) -> str:
    """Give a document another status; returns the one it had."""
    if new not in DOCUMENT_STATUSES:
        raise StorageError(f"unknown document status {new!r}")
    with write(db):
        old = status(db, doc_id)
        db.execute(f"UPDATE documents SET status = ?, updated_at = {NOW} WHERE id = ?", [str(new), doc_id])
    return old


def set_language(db: ProjectDatabase, doc_id: str, new: str) -> str:
    """Give a document's text another language code; returns the one it had."""
    with write(db):
        row = db.execute("SELECT language FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise StorageError(f"{db.path}: no document with id {doc_id!r}")
        db.execute(f"UPDATE documents SET language = ?, updated_at = {NOW} WHERE id = ?", [new, doc_id])
    return row[0]


def progress(db: ProjectDatabase, doc_id: str) -> tuple[int, int]:
    """(accepted spans, visible spans): a document is finished when they are equal."""
    status(db, doc_id)
    accepted, visible = db.execute(
        "SELECT ifnull(sum(status = 'accepted'), 0), ifnull(sum(status != 'rejected'), 0)"
        " FROM spans WHERE document_id = ?",
        [doc_id],
    ).fetchone()
    return accepted, visible


def next_document(db: ProjectDatabase, after: str | None, statuses: Iterable[str]) -> str | None:
    """The first document after ``after`` (wrapping around) whose status is one of ``statuses``."""
    wanted = set(statuses)
    rows = db.execute("SELECT id, status FROM documents ORDER BY position").fetchall()
    order = [r[0] for r in rows]
    start = order.index(after) + 1 if after in order else 0
    for doc_id, doc_status in rows[start:] + rows[:start]:
        if doc_status in wanted and doc_id != after:
            return doc_id
    return None


def find_by_sha256(db: ProjectDatabase, sha256: str) -> str | None:
    """The first document imported from a file with this SHA-256."""
    row = db.execute("SELECT id FROM documents WHERE sha256 = ? ORDER BY position LIMIT 1", [sha256]).fetchone()
    return row[0] if row else None


def find_by_text_sha256(db: ProjectDatabase, sha256: str) -> str | None:
    """The first document whose text (not source file) has this SHA-256, or None."""
    missing = db.execute("SELECT id, text FROM documents WHERE text_sha256 IS NULL").fetchall()
    if missing and not db.readonly:  # rows stored before m004 get their hash once
        with write(db):
            db.conn.executemany(
                "UPDATE documents SET text_sha256 = ? WHERE id = ?", [(text_sha256(t), i) for i, t in missing]
            )
    row = db.execute("SELECT id FROM documents WHERE text_sha256 = ? ORDER BY position LIMIT 1", [sha256]).fetchone()
    if row is None and missing and db.readonly:
        return next((i for i, t in missing if text_sha256(t) == sha256), None)
    return row[0] if row else None
