"""The label schema: names, colours, hotkeys and order.

A label's own rules (a one-word name, a #rrggbb colour, a digit hotkey) are
``annotation.model.Label``'s; here is only what needs the other labels: a name and
a hotkey are unique.  Renaming a label carries over to its spans (the foreign key
cascades).
"""

from __future__ import annotations

from collections.abc import Iterable

from annotation.model import Label, ModelError, Span

from .connection import ProjectDatabase, write
from .errors import StorageError
from .rows import LABEL_COLUMNS, NEUTRAL_COLOR, SPAN_COLUMNS, label_row, span_row

DELETE_MODES = ("refuse", "delete", "relabel")


def all_labels(db: ProjectDatabase) -> list[Label]:
    return [Label(*row) for row in db.execute(f"SELECT {LABEL_COLUMNS} FROM labels ORDER BY position, name")]


def find(db: ProjectDatabase, name: str) -> tuple[Label, int]:
    """The label called ``name`` and its position."""
    row = db.execute(f"SELECT {LABEL_COLUMNS}, position FROM labels WHERE name = ?", [name]).fetchone()
    if row is None:
        raise StorageError(f"there is no label {name!r}")
    return Label(*row[:4]), row[4]


def _end(db: ProjectDatabase) -> int:
    return db.execute("SELECT ifnull(max(position), -1) + 1 FROM labels").fetchone()[0]


def ensure(db: ProjectDatabase, names: Iterable[str]) -> list[str]:
    """Add the labels that spans name but the schema lacks (neutral colour, at the end).  Returns those added."""
    wanted = set(names)
    if not wanted:
        return []
    known = {r[0] for r in db.execute("SELECT name FROM labels")}
    missing = sorted(wanted - known)
    if missing:
        try:
            new = [Label(name, NEUTRAL_COLOR) for name in missing]  # the name rules are Label's
        except ModelError as exc:
            raise StorageError(str(exc)) from None
        with write(db):
            start = _end(db)
            db["labels"].insert_all(label_row(label, start + i) for i, label in enumerate(new))
    return missing


def _check_free(db: ProjectDatabase, label: Label, replacing: str | None = None) -> None:
    if label.hotkey:
        clash = db.execute(
            "SELECT name FROM labels WHERE hotkey = ? AND name != ?", [label.hotkey, replacing or ""]
        ).fetchone()
        if clash:
            raise StorageError(f"hotkey {label.hotkey} already belongs to {clash[0]}")
    if label.name != replacing and db.execute("SELECT 1 FROM labels WHERE name = ?", [label.name]).fetchone():
        raise StorageError(f"there is already a label {label.name!r}")


def add(db: ProjectDatabase, label: Label, position: int | None = None) -> None:
    """Add a label at ``position`` (by default after the others)."""
    with write(db):
        _check_free(db, label)
        db["labels"].insert(label_row(label, _end(db) if position is None else position))


def update(db: ProjectDatabase, name: str, label: Label) -> Label:
    """Change the label called ``name``; returns it as it was."""
    with write(db):
        old, _position = find(db, name)
        _check_free(db, label, replacing=name)
        db.execute(
            "UPDATE labels SET name = ?, color = ?, hotkey = ?, description = ? WHERE name = ?",
            [label.name, label.color, label.hotkey, label.description, name],
        )
    return old


def usage(db: ProjectDatabase, name: str) -> int:
    """How many spans (rejected suggestions included) have the label."""
    find(db, name)
    return db.execute("SELECT count(*) FROM spans WHERE label = ?", [name]).fetchone()[0]


def _spans_with(db: ProjectDatabase, name: str) -> list[tuple[str, Span]]:
    rows = db.execute(
        f"SELECT document_id, {SPAN_COLUMNS} FROM spans WHERE label = ? ORDER BY document_id, start, id", [name]
    )
    return [(row[0], Span(*row[1:])) for row in rows]


def delete(
    db: ProjectDatabase, name: str, mode: str = "refuse", relabel_to: str | None = None
) -> tuple[Label, int, list[tuple[str, Span]]]:
    """Remove a label, deciding what happens to its spans.

    ``mode`` is ``refuse`` (refused if any span has the label), ``delete`` (its spans
    are deleted) or ``relabel`` (they get ``relabel_to``; one that would then be a
    second copy of a span in its layer is deleted instead).  Returns the label, its
    position and its spans as they were, each with its document.
    """
    if mode not in DELETE_MODES:
        raise StorageError(f"unknown choice {mode!r} for the spans of a deleted label")
    with write(db):
        label, position = find(db, name)
        if mode == "relabel":
            if relabel_to is None or relabel_to == name:
                raise StorageError("choose another label to move the spans to")
            find(db, relabel_to)
        spans = _spans_with(db, name)
        if mode == "refuse" and spans:
            raise StorageError(f"{len(spans)} span(s) have the label {name}: delete them or move them to another label")
        for doc_id, span in spans:
            if mode == "relabel":
                clash = db.execute(
                    "SELECT 1 FROM spans WHERE document_id = ? AND ifnull(annotator, '') = ifnull(?, '')"
                    ' AND start = ? AND "end" = ? AND label = ?',
                    [doc_id, span.annotator, span.start, span.end, relabel_to],
                ).fetchone()
                if not clash:
                    db.execute("UPDATE spans SET label = ? WHERE id = ?", [relabel_to, span.id])
                    continue
            db.execute("DELETE FROM spans WHERE id = ?", [span.id])
        db.execute("DELETE FROM labels WHERE name = ?", [name])
    return label, position, spans


def restore(db: ProjectDatabase, label: Label, position: int, spans: Iterable[tuple[str, Span]] = ()) -> None:
    """Undo :func:`delete`: the label back at ``position``, its spans (relabelled or deleted) as they were."""
    with write(db):
        add(db, label, position)
        for doc_id, span in spans:
            if db.execute("SELECT 1 FROM spans WHERE id = ?", [span.id]).fetchone():
                db.execute("UPDATE spans SET label = ? WHERE id = ?", [span.label, span.id])
            else:
                db["spans"].insert(span_row(doc_id, span))
