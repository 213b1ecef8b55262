"""Offline review in the project file: turn layers, review states and settled disagreements.

The tables are created by migration ``m006_review``.  Every write is one
transaction (``immediate``: storage's one ``BEGIN IMMEDIATE`` helper), committed
before it returns, and returns what its undo needs.  Reading a document's layers for agreement or adjudication goes
through :func:`document_layers`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlite_utils import Database

from annotation.review import CHOICES, Disagreement, DocumentLayers, LayerTurn
from annotation.review import document_layers as split_layers

from .connection import ProjectDatabase
from .connection import write as immediate
from .errors import StorageError

if TYPE_CHECKING:
    from .project import Project

REVIEWED = "reviewed"
RETURNED = "returned"
REVIEW_STATES = (REVIEWED, RETURNED)


def _now(db: Database) -> str:
    return db.execute("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')").fetchone()[0]


def _check_document(project: Project, doc_id: str) -> None:
    if not project.db["documents"].count_where("id = ?", [doc_id]):
        raise StorageError(f"{project.path}: no document with id {doc_id!r}")


# -- turn layers -------------------------------------------------------------------


def turn_layers(project: Project, doc_id: str) -> dict[str, list[LayerTurn]]:
    """Each annotator's turns of a document, in order."""
    layers: dict[str, list[LayerTurn]] = {}
    for r in project.db.query(
        'SELECT annotator, start, "end", content_start, speaker, role, time_start, time_end'
        " FROM layer_turns WHERE document_id = ? ORDER BY annotator, start",
        [doc_id],
    ):
        layers.setdefault(r.pop("annotator"), []).append(LayerTurn(**r))
    return layers


def set_turn_layer(project: Project, doc_id: str, annotator: str, turns: list[LayerTurn]) -> list[LayerTurn]:
    """Replace one annotator's turn layer of a document; returns the layer as it was."""
    before = turn_layers(project, doc_id).get(annotator, [])
    with immediate(project.db):
        project.db.execute("DELETE FROM layer_turns WHERE document_id = ? AND annotator = ?", [doc_id, annotator])
        project.db["layer_turns"].insert_all({"document_id": doc_id, "annotator": annotator, **vars(t)} for t in turns)
    return before


def document_layers(project: Project, doc_id: str) -> DocumentLayers:
    """A document's text with every annotator's spans and turns, and its gold layer."""
    return split_layers(project.load_document(doc_id), turn_layers(project, doc_id))


def all_layers(project: Project) -> list[DocumentLayers]:
    return [document_layers(project, doc_id) for doc_id in project.document_ids()]


def layer_sources(project: Project) -> dict[str, dict[str, str]]:
    """``{document id: {annotator: source}}``: where each merged layer came from."""
    sources: dict[str, dict[str, str]] = {}
    for r in project.db.query("SELECT document_id, annotator, source FROM layers"):
        sources.setdefault(r["document_id"], {})[r["annotator"]] = r["source"]
    return sources


def set_layer_source(project: Project, doc_id: str, annotator: str, source: str) -> None:
    with immediate(project.db):
        project.db["layers"].upsert(
            {"document_id": doc_id, "annotator": annotator, "source": source, "merged_at": _now(project.db)},
            pk=("document_id", "annotator"),
        )


# -- review state ------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewState:
    state: str | None  # "reviewed", "returned" or None
    comment: str = ""
    reviewer: str | None = None


def review_state(project: Project, doc_id: str) -> ReviewState:
    _check_document(project, doc_id)
    row = project.db.execute("SELECT state, comment, reviewer FROM reviews WHERE document_id = ?", [doc_id]).fetchone()
    return ReviewState(*row) if row else ReviewState(None)


def review_states(project: Project) -> dict[str, ReviewState]:
    """Every document's review state that is set."""
    return {
        r[0]: ReviewState(r[1], r[2], r[3])
        for r in project.db.execute("SELECT document_id, state, comment, reviewer FROM reviews WHERE state IS NOT NULL")
    }


def set_review(project: Project, doc_id: str, state: ReviewState) -> ReviewState:
    """Set a document's review state (None clears it); returns the previous one, for undo."""
    if state.state is not None and state.state not in REVIEW_STATES:
        raise StorageError(f"unknown review state {state.state!r}; use {' or '.join(REVIEW_STATES)}")
    if state.state == RETURNED and not state.comment.strip():
        raise StorageError("a returned document needs a comment saying what to fix")
    before = review_state(project, doc_id)
    with immediate(project.db):
        project.db["reviews"].upsert(
            {
                "document_id": doc_id,
                "state": state.state,
                "comment": state.comment.strip(),
                "reviewer": state.reviewer,
                "updated_at": _now(project.db),
            },
            pk="document_id",
        )
    return before


def mark_reviewed(project: Project, doc_id: str, reviewer: str, comment: str = "") -> ReviewState:
    return set_review(project, doc_id, ReviewState(REVIEWED, comment, reviewer))


def return_document(project: Project, doc_id: str, reviewer: str, comment: str) -> ReviewState:
    """Send a document back to its annotator with a comment they see in the document list."""
    return set_review(project, doc_id, ReviewState(RETURNED, comment, reviewer))


# -- settled disagreements ---------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    a: str
    b: str
    kind: str
    start: int
    end: int
    choice: str
    reviewer: str


def _db(store: Project | ProjectDatabase) -> ProjectDatabase:
    """The decisions below are read and written by ``Project.apply`` too, which has only the database."""
    return store if isinstance(store, ProjectDatabase) else store.db


def decisions(project: Project | ProjectDatabase, doc_id: str) -> list[Decision]:
    """The disagreements settled in a document, in text order."""
    return [
        Decision(r[0], r[1], r[2], r[3], r[4], r[5], r[6])
        for r in _db(project).execute(
            'SELECT annotator_a, annotator_b, kind, start, "end", choice, reviewer FROM adjudications'
            ' WHERE document_id = ? ORDER BY start, "end", kind',
            [doc_id],
        )
    ]


def record_decision(
    project: Project | ProjectDatabase,
    doc_id: str,
    a: str,
    b: str,
    disagreement: Disagreement,
    choice: str,
    reviewer: str,
) -> Decision | None:
    """Remember how a disagreement was settled (replacing an earlier choice); returns the earlier one."""
    if choice not in CHOICES:
        raise StorageError(f"unknown choice {choice!r}; use {', '.join(CHOICES)}")
    d = disagreement
    earlier = next(
        (x for x in decisions(project, doc_id) if (x.a, x.b, x.kind, x.start, x.end) == (a, b, d.kind, d.start, d.end)),
        None,
    )
    with immediate(_db(project)):
        _db(project).execute(
            'INSERT INTO adjudications (document_id, reviewer, annotator_a, annotator_b, kind, start, "end", choice)'
            ' VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, annotator_a, annotator_b, kind, start, "end")'
            " DO UPDATE SET choice = excluded.choice, reviewer = excluded.reviewer",
            [doc_id, reviewer, a, b, d.kind, d.start, d.end, choice],
        )
    return earlier


def forget_decision(project: Project | ProjectDatabase, doc_id: str, decision: Decision) -> None:
    """Undo ``record_decision`` of a first choice."""
    with immediate(_db(project)):
        _db(project).execute(
            "DELETE FROM adjudications WHERE document_id = ? AND annotator_a = ? AND annotator_b = ?"
            ' AND kind = ? AND start = ? AND "end" = ?',
            [doc_id, decision.a, decision.b, decision.kind, decision.start, decision.end],
        )
