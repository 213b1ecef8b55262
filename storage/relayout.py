"""Replacing a document's turns and speakers at once (a re-detected layout), and back."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from annotation.changes import ReplaceTurns
from annotation.model import Document, check_document

from .search import index_turns

if TYPE_CHECKING:
    from .project import Project

SECTIONS_KEY = "layout_sections"


def replace_turns(project: Project, change: ReplaceTurns) -> ReplaceTurns:
    """Write ``change`` (inside the caller's transaction); returns the change that puts everything back."""
    from .project import StorageError

    db, doc_id = project.db, change.document
    row = db.execute("SELECT text, metadata, layout, confidence FROM documents WHERE id = ?", [doc_id]).fetchone()
    if row is None:
        raise StorageError(f"no document with id {doc_id!r}")
    text, metadata, layout, confidence = row
    metadata = json.loads(metadata)
    before_turns = tuple(project.turns(doc_id))
    before_speakers = tuple(project.speakers(doc_id))
    spans = project.load_document(doc_id).spans
    # The model's invariants, with what storage knows: the text and the spans.
    probe = Document(text, id=doc_id, speakers=list(change.speakers), turns=list(change.turns), spans=spans)
    try:
        check_document(probe)
    except ValueError as exc:
        raise StorageError(f"these turns do not fit the document: {exc}") from None
    db.execute("DELETE FROM turns WHERE document_id = ?", [doc_id])
    db.execute("DELETE FROM speakers WHERE document_id = ?", [doc_id])
    ids = {}
    for position, speaker in enumerate(change.speakers):
        ids[speaker.name] = (
            db["speakers"]
            .insert({"document_id": doc_id, "name": speaker.name, "role": speaker.role, "position": position})
            .last_pk
        )
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
    return ReplaceTurns(doc_id, before_turns, before_speakers, layout, confidence, before_sections, change.text)
