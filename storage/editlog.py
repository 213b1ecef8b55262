"""The edit log: every change applied to a project, in the transaction that applied it.

History (across restarts), review and the "model against the people" report read
it.  An undo is a change too, so it is logged like any other.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from annotation.changes import Change, describe, from_json, to_json

from .connection import ProjectDatabase, write


@dataclass(frozen=True)
class EditLogEntry:
    time: str  # UTC, ISO 8601
    annotator: str | None
    document: str | None  # None for a change to the label schema
    change: Change
    text: str  # what an undo list shows for it


def append(db: ProjectDatabase, change: Change, annotator: str | None) -> None:
    with write(db):
        db["edit_log"].insert(
            {
                "annotator": annotator,
                "document_id": change.doc_id,
                "kind": change.kind,
                "text": describe(change),
                "change": json.dumps(to_json(change), ensure_ascii=False),
            }
        )


def entries(db: ProjectDatabase, doc_id: str | None = None, limit: int = 500) -> list[EditLogEntry]:
    """The newest ``limit`` entries, newest last: all, or those of ``doc_id`` and of the label schema."""
    where, params = ("WHERE document_id = ? OR document_id IS NULL", [doc_id]) if doc_id is not None else ("", [])
    rows = db.execute(
        f"SELECT time, annotator, document_id, change, text FROM edit_log {where} ORDER BY id DESC LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [
        EditLogEntry(t, who, doc, from_json(json.loads(change)), text) for t, who, doc, change, text in reversed(rows)
    ]
