"""Replacing a document's turns and speakers at once (a re-detected layout), and back."""

from __future__ import annotations

import json

from annotation.changes import ReplaceTurns
from annotation.model import Document, check_document

from . import documents
from .connection import ProjectDatabase, write
from .errors import StorageError
from .rows import read_speakers, read_turns
from .search import index_turns

SECTIONS_KEY = "layout_sections"


def replace_turns(db: ProjectDatabase, change: ReplaceTurns) -> ReplaceTurns:
    """Write ``change``; returns the change that puts everything back.

    A speaker whose name stays keeps its row (and id); only the others are removed or added.
    """
    with write(db):
        return _replace(db, change)


def _replace(db: ProjectDatabase, change: ReplaceTurns) -> ReplaceTurns:
    doc_id = change.document
    row = db.execute("SELECT text, metadata, layout, confidence FROM documents WHERE id = ?", [doc_id]).fetchone()
    if row is None:
        raise StorageError(f"no document with id {doc_id!r}")
    text, metadata, layout, confidence = row
    metadata = json.loads(metadata)
    before_turns = tuple(read_turns(db, doc_id))
    before_speakers = tuple(read_speakers(db, doc_id))
    before_ids = tuple(
        db.execute("SELECT id FROM speakers WHERE document_id = ? AND name = ?", [doc_id, s.name]).fetchone()[0]
        for s in before_speakers
    )
    spans = documents.load(db, doc_id).spans
    # The model's invariants, with what storage knows: the text and the spans.
    probe = Document(text, id=doc_id, speakers=list(change.speakers), turns=list(change.turns), spans=spans)
    try:
        check_document(probe)
    except ValueError as exc:
        raise StorageError(f"these turns do not fit the document: {exc}") from None
    db.execute("DELETE FROM turns WHERE document_id = ?", [doc_id])
    ids = dict(db.execute("SELECT name, id FROM speakers WHERE document_id = ?", [doc_id]).fetchall())
    wanted = {s.name for s in change.speakers}
    for name in set(ids) - wanted:
        db.execute("DELETE FROM speakers WHERE id = ?", [ids.pop(name)])
    wanted_ids = dict(zip((s.name for s in change.speakers), change.speaker_ids, strict=False))
    for position, speaker in enumerate(change.speakers):
        row = {"document_id": doc_id, "name": speaker.name, "role": str(speaker.role), "position": position}
        if wanted_ids.get(speaker.name) is not None and speaker.name not in ids:
            free = not db.execute("SELECT 1 FROM speakers WHERE id = ?", [wanted_ids[speaker.name]]).fetchone()
            row.update({"id": wanted_ids[speaker.name]} if free else {})
        if speaker.name in ids:
            db.execute(
                "UPDATE speakers SET role = ?, position = ? WHERE id = ?", [row["role"], position, ids[speaker.name]]
            )
        else:
            ids[speaker.name] = db["speakers"].insert(row).last_pk
    for turn in change.turns:
        record = {
            "document_id": doc_id,
            "start": turn.start,
            "end": turn.end,
            "content_start": turn.content_start,
            "speaker_id": ids[turn.speaker],
            "time_start": turn.time_start,
            "time_end": turn.time_end,
        }
        if turn.id is not None:
            record["id"] = turn.id
        db["turns"].insert(record)
    before_sections = metadata.get(SECTIONS_KEY)
    if change.sections:
        metadata[SECTIONS_KEY] = change.sections
    else:
        metadata.pop(SECTIONS_KEY, None)
    db.execute(
        "UPDATE documents SET layout = ?, confidence = ?, metadata = ? WHERE id = ?",
        [change.layout, change.confidence, json.dumps(metadata, ensure_ascii=False), doc_id],
    )
    index_turns(db, doc_id)
    return ReplaceTurns(
        doc_id, before_turns, before_speakers, layout, confidence, before_sections, change.text, before_ids
    )
