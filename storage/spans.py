"""Spans (every annotation layer) and the model's raw output.

Whether a span fits is the model's rule (``annotation.model.check_span``); this
module only hands it what the file knows: the document's text and turns.  The
same (start, end, label) twice in one annotator's layer is refused by the file's
unique index.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from annotation.model import Document, Mention, ModelError, Span, check_span

from . import documents, labels
from .connection import ProjectDatabase, write
from .errors import StorageError
from .rows import MENTION_COLUMNS, NOW, SPAN_FIELDS, in_list, model_row, read_spans, read_turns, span_row

_CHUNK = 500  # ids per query
_FEW = 20  # spans checked against their own turns rather than against all of them


@dataclass
class LayerResult:
    """What :func:`add_layer` did with each span."""

    added: list[Span] = field(default_factory=list)
    duplicates: int = 0  # already in the layer
    refused: list[str] = field(default_factory=list)  # why each refused span does not fit


def of_document(db: ProjectDatabase, doc_id: str) -> list[Span]:
    return read_spans(db, "document_id = ?", [doc_id])


def by_id(db: ProjectDatabase, doc_id: str, ids: Sequence[int]) -> dict[int, Span]:
    """The spans of ``doc_id`` with these ids (refused if one is not there)."""
    found: dict[int, Span] = {}
    for i in range(0, len(ids), _CHUNK):
        chunk = list(ids[i : i + _CHUNK])
        for span in read_spans(db, f"document_id = ? AND id IN {in_list(chunk)}", [doc_id, *chunk]):
            found[span.id] = span
    missing = [i for i in ids if i not in found]
    if missing:
        raise StorageError(f"no span with id {missing[0]} in this document")
    return found


def crossing(db: ProjectDatabase, doc_id: str, offset: int) -> list[Span]:
    """Spans (rejected ones included) that cross ``offset``: what a split there would cut."""
    return read_spans(db, 'document_id = ? AND start < ? AND "end" > ?', [doc_id, offset, offset])


def check(db: ProjectDatabase, doc_id: str, spans: Iterable[Span]) -> None:
    """Refuse spans that do not match the text or do not lie inside one turn's speech."""
    spans = list(spans)
    if not spans:
        return
    text = documents.text(db, doc_id)
    if len(spans) > _FEW:
        turns = read_turns(db, doc_id)
    else:  # a person's edit on a big document: only the turns that hold the spans
        turns = [t for span in spans for t in read_turns(db, doc_id, at=span.start)]
    doc = Document(text, turns=sorted({t.id: t for t in turns}.values(), key=lambda t: t.start))
    for span in spans:
        try:
            check_span(doc, span)
        except ModelError as exc:
            raise StorageError(str(exc)) from None


def add(db: ProjectDatabase, doc_id: str, spans: Sequence[Span]) -> tuple[list[Span], list[str]]:
    """Store spans (keeping their ids when given).  Returns them as stored, and the labels created for them."""
    check(db, doc_id, spans)
    try:
        with write(db):
            created = labels.ensure(db, (s.label for s in spans))
            added = [replace(s, id=db["spans"].insert(span_row(doc_id, s)).last_pk) for s in spans]
    except sqlite3.IntegrityError:
        raise StorageError("a span is already in this layer; nothing was added") from None
    return added, created


def delete(db: ProjectDatabase, doc_id: str, ids: Sequence[int]) -> list[Span]:
    """Remove spans for good; returns them as they were."""
    with write(db):
        found = by_id(db, doc_id, ids)
        for i in range(0, len(ids), _CHUNK):
            chunk = list(ids[i : i + _CHUNK])
            db.execute(f"DELETE FROM spans WHERE id IN {in_list(chunk)}", chunk)
    return [found[i] for i in ids]


def update(db: ProjectDatabase, doc_id: str, after: Sequence[Span]) -> tuple[list[Span], list[Span], list[str]]:
    """Give spans new fields (``after[i]`` replaces the span with its id).

    Returns the spans as they were, as they are now, and the labels created.
    """
    ids = [s.id for s in after]
    try:
        with write(db):
            old = by_id(db, doc_id, ids)
            check(
                db,
                doc_id,
                [s for s in after if (s.start, s.end, s.text) != (old[s.id].start, old[s.id].end, old[s.id].text)],
            )
            created = labels.ensure(db, (s.label for s in after))
            columns = ", ".join(f'"{k}" = ?' for k in SPAN_FIELDS)
            db.conn.executemany(
                f"UPDATE spans SET {columns}, updated_at = {NOW} WHERE id = ?",
                [[getattr(s, k) for k in SPAN_FIELDS] + [s.id] for s in after],
            )
    except sqlite3.IntegrityError:
        raise StorageError("a change would put the same span twice in one layer; nothing was changed") from None
    return [old[i] for i in ids], [replace(s) for s in after], created


def add_layer(db: ProjectDatabase, doc_id: str, spans: Iterable[Span]) -> LayerResult:
    """Add spans to an existing document in one transaction, each keeping its own annotator.

    A span already in its annotator's layer is skipped; a span that does not match
    the text or does not lie inside one turn's speech is refused (and reported).
    """
    doc = documents.load(db, doc_id)
    existing = {(s.annotator or "", s.start, s.end, s.label) for s in doc.spans}
    result = LayerResult()
    for span in spans:
        key = (span.annotator or "", span.start, span.end, span.label)
        if key in existing:
            result.duplicates += 1
            continue
        try:
            check_span(doc, span)
        except ModelError as exc:
            result.refused.append(f"{span.label} {span.text!r} at [{span.start}, {span.end}): {exc}")
            continue
        existing.add(key)
        result.added.append(replace(span, id=None))
    with write(db):
        labels.ensure(db, (s.label for s in result.added))
        db["spans"].insert_all(span_row(doc_id, s, keep_id=False) for s in result.added)
    return result


def log_model_output(db: ProjectDatabase, doc_id: str, mentions: Iterable[Mention], model: str) -> None:
    """Keep a model run's raw output: never edited, never removed (not even by an undo)."""
    with write(db):
        db["model_output"].insert_all(model_row(doc_id, m, model) for m in mentions)


def model_output(db: ProjectDatabase, doc_id: str) -> list[Mention]:
    rows = db.execute(f"SELECT {MENTION_COLUMNS} FROM model_output WHERE document_id = ? ORDER BY start, id", [doc_id])
    return [Mention(*row) for row in rows]
