"""``Project.apply``: write one :mod:`annotation.changes` record and return its exact inverse.

Each kind of change goes to the module that holds its kind of data.  The inverse
is itself a change, exact to the row: applying it restores every row the change
touched (ids included), so an undo stack needs nothing but the two.  A label that
an added or updated span needed and the schema lacked is created, and the inverse
deletes it again.  Everything here runs inside the caller's transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from annotation.changes import (
    AddLabel,
    AddSpans,
    AddSpeaker,
    Batch,
    Change,
    DeleteLabel,
    DeleteSpans,
    DeleteSpeaker,
    MergeTurn,
    RecordDecision,
    ReplaceTurns,
    RestoreLabel,
    RestoreTurn,
    SetLanguage,
    SetStatus,
    SetTurnSpeakers,
    SplitTurn,
    UpdateLabel,
    UpdateSpans,
    UpdateSpeaker,
)
from annotation.model import ModelError

from . import documents, labels, relayout, review, spans, turns
from .connection import ProjectDatabase
from .errors import StorageError


def _with_new_labels(db: ProjectDatabase, inverse: Change, created: list[str], text: str) -> Change:
    """``inverse``, then the deletion of the labels the change had to create."""
    if not created:
        return inverse
    gone = tuple(DeleteLabel(labels.find(db, name)[0], "refuse", None, text) for name in created)
    return Batch((inverse, *gone), text)


def _add_spans(db: ProjectDatabase, c: AddSpans) -> Change:
    if c.model_output:
        spans.log_model_output(db, c.document, c.model_output, c.model)
    added, created = spans.add(db, c.document, c.spans)
    return _with_new_labels(db, DeleteSpans(c.document, tuple(added), c.text), created, c.text)


def _delete_spans(db: ProjectDatabase, c: DeleteSpans) -> Change:
    removed = spans.delete(db, c.document, [s.id for s in c.spans])
    return AddSpans(c.document, tuple(removed), c.text)


def _update_spans(db: ProjectDatabase, c: UpdateSpans) -> Change:
    before, after, created = spans.update(db, c.document, c.after)  # the rows as they were, not as planned
    return _with_new_labels(db, UpdateSpans(c.document, tuple(after), tuple(before), c.text), created, c.text)


def _set_turn_speakers(db: ProjectDatabase, c: SetTurnSpeakers) -> Change:
    previous = dict(turns.set_speakers(db, c.document, [(turn_id, after) for turn_id, _before, after in c.turns]))
    undo = tuple((turn_id, after, previous[turn_id]) for turn_id, _before, after in c.turns)
    return SetTurnSpeakers(c.document, undo, c.text)


def _split_turn(db: ProjectDatabase, c: SplitTurn) -> Change:
    new, cut = turns.split(db, c.document, c.turn, c.offset, c.speaker)
    merge = MergeTurn(c.document, new.id, c.text)
    return Batch((merge, AddSpans(c.document, tuple(cut), c.text)), c.text) if cut else merge


def _merge_turn(db: ProjectDatabase, c: MergeTurn) -> Change:
    m = turns.merge(db, c.document, c.turn)
    return RestoreTurn(c.document, m.previous, m.turn, m.previous_end, m.previous_time_end, c.text)


def _restore_turn(db: ProjectDatabase, c: RestoreTurn) -> Change:
    restored = turns.restore(db, c.document, turns.Merged(c.turn, c.previous, c.previous_end, c.previous_time_end))
    return MergeTurn(c.document, restored.id, c.text)


def _add_speaker(db: ProjectDatabase, c: AddSpeaker) -> Change:
    turns.add_speaker(db, c.document, c.speaker, c.speaker_id, c.position)
    return DeleteSpeaker(c.document, c.speaker, c.text)


def _delete_speaker(db: ProjectDatabase, c: DeleteSpeaker) -> Change:
    speaker, row_id, position = turns.delete_speaker(db, c.document, c.speaker.name)
    return AddSpeaker(c.document, speaker, c.text, position, row_id)


def _update_speaker(db: ProjectDatabase, c: UpdateSpeaker) -> Change:
    before = turns.update_speaker(db, c.document, c.before.name, c.after)
    return UpdateSpeaker(c.document, c.after, before, c.text)


def _set_status(db: ProjectDatabase, c: SetStatus) -> Change:
    before = documents.set_status(db, c.document, c.after)
    return SetStatus(c.document, c.after, before, c.text)


def _set_language(db: ProjectDatabase, c: SetLanguage) -> Change:
    before = documents.set_language(db, c.document, c.after)
    return SetLanguage(c.document, c.after, before, c.text)


def _add_label(db: ProjectDatabase, c: AddLabel) -> Change:
    labels.add(db, c.label, c.position)
    return DeleteLabel(c.label, "refuse", None, c.text)


def _update_label(db: ProjectDatabase, c: UpdateLabel) -> Change:
    before = labels.update(db, c.before.name, c.after)
    return UpdateLabel(c.after, before, c.text)


def _delete_label(db: ProjectDatabase, c: DeleteLabel) -> Change:
    label, position, removed = labels.delete(db, c.label.name, c.spans, c.relabel_to)
    return RestoreLabel(label, position, tuple(removed), c.spans, c.relabel_to, c.text)


def _restore_label(db: ProjectDatabase, c: RestoreLabel) -> Change:
    labels.restore(db, c.label, c.position, c.spans)
    return DeleteLabel(c.label, c.mode, c.relabel_to, c.text)


def _record_decision(db: ProjectDatabase, c: RecordDecision) -> Change:
    from annotation.review import Disagreement

    if c.choice is None:
        key = (c.a, c.b, c.what, c.start, c.end)
        earlier = next((d for d in review.decisions(db, c.document) if (d.a, d.b, d.kind, d.start, d.end) == key), None)
        if earlier is not None:
            review.forget_decision(db, c.document, earlier)
    else:
        where = Disagreement(c.what, c.start, c.end)
        earlier = review.record_decision(db, c.document, c.a, c.b, where, c.choice, c.reviewer)
    before = earlier.choice if earlier is not None else None
    return RecordDecision(c.document, c.a, c.b, c.what, c.start, c.end, before, c.reviewer, c.text)


def _replace_turns(db: ProjectDatabase, c: ReplaceTurns) -> Change:
    return relayout.replace_turns(db, c)


def _batch(db: ProjectDatabase, c: Batch) -> Change:
    inverses = [apply_change(db, child) for child in c.changes]
    return Batch(tuple(reversed(inverses)), c.text)


_APPLY: dict[type, Callable[[ProjectDatabase, Change], Change]] = {
    AddSpans: _add_spans,
    DeleteSpans: _delete_spans,
    UpdateSpans: _update_spans,
    SetTurnSpeakers: _set_turn_speakers,
    SplitTurn: _split_turn,
    MergeTurn: _merge_turn,
    RestoreTurn: _restore_turn,
    AddSpeaker: _add_speaker,
    DeleteSpeaker: _delete_speaker,
    UpdateSpeaker: _update_speaker,
    SetStatus: _set_status,
    SetLanguage: _set_language,
    AddLabel: _add_label,
    UpdateLabel: _update_label,
    DeleteLabel: _delete_label,
    RestoreLabel: _restore_label,
    RecordDecision: _record_decision,
    ReplaceTurns: _replace_turns,
    Batch: _batch,
}


def apply_change(db: ProjectDatabase, change: Change) -> Change:
    """Apply ``change`` (inside the caller's transaction) and return its exact inverse."""
    try:
        handler = _APPLY[type(change)]
    except KeyError:
        raise StorageError(f"cannot apply a {type(change).__name__}") from None
    try:
        return handler(db, change)
    except ModelError as exc:
        raise StorageError(str(exc)) from None
    except sqlite3.IntegrityError as exc:
        raise StorageError(f"the change breaks a rule of the project file ({exc}); nothing was changed") from None
