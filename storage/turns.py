"""Turns and speakers: split, merge and its undo, who speaks each turn, and the speakers themselves.

Where a split may go is ``annotation.turns``' rule; a turn's shape is
``annotation.model.Turn``'s and a speaker's ``Speaker``'s.  Each function keeps the
search index of the turns it changes in step.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from annotation.model import ModelError, Speaker, Turn
from annotation.turns import split_bounds, split_problem

from . import documents
from .connection import ProjectDatabase, write
from .errors import StorageError
from .rows import TURN_COLUMNS, TURN_FROM, read_spans
from .search import index_turns


@dataclass(frozen=True)
class Merged:
    """What :func:`merge` did: the turn removed, the one that took it in, and how that one ended before."""

    turn: Turn
    previous: int
    previous_end: int
    previous_time_end: float | None


def get(db: ProjectDatabase, doc_id: str, turn_id: int) -> tuple[Turn, int]:
    """A turn of ``doc_id`` (with its speaker's name and id) and its speaker's row id."""
    row = db.execute(
        f"SELECT {TURN_COLUMNS}, t.speaker_id FROM {TURN_FROM} WHERE t.id = ? AND t.document_id = ?", [turn_id, doc_id]
    ).fetchone()
    if row is None:
        raise StorageError(f"no turn with id {turn_id} in this document")
    return Turn(*row[:7]), row[7]


def speaker_id(db: ProjectDatabase, doc_id: str, name: str) -> int:
    row = db.execute("SELECT id FROM speakers WHERE document_id = ? AND name = ?", [doc_id, name]).fetchone()
    if row is None:
        raise StorageError(f"no speaker {name!r} in this document")
    return row[0]


def _previous(db: ProjectDatabase, doc_id: str, turn: Turn) -> tuple[int, int, float | None] | None:
    return db.execute(
        'SELECT id, "end", time_end FROM turns WHERE document_id = ? AND start < ? ORDER BY start DESC LIMIT 1',
        [doc_id, turn.start],
    ).fetchone()


def _insert(db: ProjectDatabase, doc_id: str, turn: Turn, speaker: int) -> int:
    row = {
        "document_id": doc_id,
        "start": turn.start,
        "end": turn.end,
        "content_start": turn.content_start,
        "speaker_id": speaker,
        "time_start": turn.time_start,
        "time_end": turn.time_end,
    }
    if turn.id is not None and not db.execute("SELECT 1 FROM turns WHERE id = ?", [turn.id]).fetchone():
        row["id"] = turn.id
    return db["turns"].insert(row).last_pk


def split(db: ProjectDatabase, doc_id: str, turn_id: int, offset: int, speaker: str | None) -> tuple[Turn, list]:
    """Split a turn at ``offset``; returns the new (second) turn and the rejected suggestions the split deleted.

    The first part keeps the turn's id, start and speech start, and ends after its
    last non-space character before ``offset``; its time end becomes unknown.  The
    second starts at the first non-space character at or after ``offset`` and keeps
    the end and time end.  A rejected suggestion that crosses the split is deleted:
    it could no longer lie inside one turn.
    """
    with write(db):
        turn, speaker_row = get(db, doc_id, turn_id)
        text = documents.text(db, doc_id)
        cut = read_spans(db, 'document_id = ? AND start < ? AND "end" > ?', [doc_id, offset, offset])
        problem = split_problem(text, turn, offset, cut)
        if problem:
            raise StorageError(problem)
        first_end, second_start = split_bounds(text, turn, offset)
        new_speaker = speaker_id(db, doc_id, speaker) if speaker is not None else speaker_row
        for span in cut:
            db.execute("DELETE FROM spans WHERE id = ?", [span.id])
        db.execute('UPDATE turns SET "end" = ?, time_end = NULL WHERE id = ?', [first_end, turn_id])
        second = Turn(second_start, turn.end, second_start, speaker or turn.speaker, None, turn.time_end)
        new_id = _insert(db, doc_id, second, new_speaker)
        index_turns(db, doc_id, [turn_id, new_id])
    return get(db, doc_id, new_id)[0], cut


def merge(db: ProjectDatabase, doc_id: str, turn_id: int) -> Merged:
    """Merge a turn into the one before it (which takes its end, and its time end if it has one)."""
    with write(db):
        turn, _speaker = get(db, doc_id, turn_id)
        previous = _previous(db, doc_id, turn)
        if previous is None:
            raise StorageError("This is the first turn: there is no turn before it to merge it with.")
        prev_id, prev_end, prev_time_end = previous
        db.execute(
            'UPDATE turns SET "end" = ?, time_end = coalesce(?, time_end) WHERE id = ?',
            [turn.end, turn.time_end, prev_id],
        )
        db.execute("DELETE FROM turns WHERE id = ?", [turn_id])
        index_turns(db, doc_id, [prev_id])
    return Merged(turn, prev_id, prev_end, prev_time_end)


def restore(db: ProjectDatabase, doc_id: str, merged: Merged) -> Turn:
    """Undo :func:`merge`: cut the turn (same id, range, speaker, times) out of the previous one again."""
    turn = merged.turn
    with write(db):
        prev, _speaker = get(db, doc_id, merged.previous)
        text = documents.text(db, doc_id)
        if not (prev.content_start < turn.start and turn.end == prev.end):
            raise StorageError("The turn to restore is not the end of the turn before it; nothing was changed.")
        end = merged.previous_end
        if not (prev.start < end <= turn.start) or text[end : turn.start].strip():
            raise StorageError("The turn before cannot end where it ended before the merge; nothing was changed.")
        across = read_spans(db, 'document_id = ? AND start < ? AND "end" > ?', [doc_id, turn.content_start, end])
        if across:
            raise StorageError(
                f"The {across[0].label} span «{across[0].text}» crosses the place of the split: delete it first."
            )
        speaker = speaker_id(db, doc_id, turn.speaker)
        db.execute('UPDATE turns SET "end" = ?, time_end = ? WHERE id = ?', [end, merged.previous_time_end, prev.id])
        new_id = _insert(db, doc_id, turn, speaker)
        index_turns(db, doc_id, [prev.id, new_id])
    return get(db, doc_id, new_id)[0]


def set_speakers(db: ProjectDatabase, doc_id: str, pairs: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """Give turns other speakers of their document, all at once.  Returns the previous pairs."""
    previous = []
    with write(db):
        for turn_id, name in pairs:
            turn, _speaker = get(db, doc_id, turn_id)
            previous.append((turn_id, turn.speaker))
            db.execute("UPDATE turns SET speaker_id = ? WHERE id = ?", [speaker_id(db, doc_id, name), turn_id])
    return previous


def add_speaker(
    db: ProjectDatabase, doc_id: str, speaker: Speaker, row_id: int | None = None, position: int | None = None
) -> tuple[int, int]:
    """Add a speaker (at the end unless ``position`` is given).  Returns its row id and position."""
    documents.text(db, doc_id)  # the document exists
    try:
        with write(db):
            if position is None:
                position = db.execute(
                    "SELECT ifnull(max(position), -1) + 1 FROM speakers WHERE document_id = ?", [doc_id]
                ).fetchone()[0]
            row = {"document_id": doc_id, "name": speaker.name, "role": str(speaker.role), "position": position}
            if row_id is not None and not db.execute("SELECT 1 FROM speakers WHERE id = ?", [row_id]).fetchone():
                row["id"] = row_id
            return db["speakers"].insert(row).last_pk, position
    except sqlite3.IntegrityError:
        raise StorageError(f"there is already a speaker named {speaker.name!r}") from None


def delete_speaker(db: ProjectDatabase, doc_id: str, name: str) -> tuple[Speaker, int, int]:
    """Remove a speaker no turn uses.  Returns it, its row id and its position."""
    with write(db):
        row = db.execute(
            "SELECT id, name, role, position FROM speakers WHERE document_id = ? AND name = ?", [doc_id, name]
        ).fetchone()
        if row is None:
            raise StorageError(f"no speaker {name!r} in this document")
        if db.execute("SELECT 1 FROM turns WHERE speaker_id = ?", [row[0]]).fetchone():
            raise StorageError(f"{name!r} still has turns; give them to another speaker first")
        db.execute("DELETE FROM speakers WHERE id = ?", [row[0]])
    return Speaker(row[1], row[2]), row[0], row[3]


def update_speaker(db: ProjectDatabase, doc_id: str, name: str, after: Speaker) -> Speaker:
    """Rename a speaker everywhere in its document and/or change its role.  Returns it as it was."""
    try:
        with write(db):
            row = db.execute(
                "SELECT id, name, role FROM speakers WHERE document_id = ? AND name = ?", [doc_id, name]
            ).fetchone()
            if row is None:
                raise StorageError(f"no speaker {name!r} in this document")
            db.execute("UPDATE speakers SET name = ?, role = ? WHERE id = ?", [after.name, str(after.role), row[0]])
    except sqlite3.IntegrityError:
        raise StorageError(f"there is already a speaker named {after.name!r}") from None
    except ModelError as exc:
        raise StorageError(str(exc)) from None
    return Speaker(row[1], row[2])
