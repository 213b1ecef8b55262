"""``Project.apply``: write one :mod:`annotation.changes` record in one transaction, return its inverse.

The inverse is itself a change, exact to the row: applying it restores every row
the change touched (ids included), so an undo stack needs nothing but the two.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

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
    SetStatus,
    SetTurnSpeakers,
    SplitTurn,
    UpdateLabel,
    UpdateSpans,
    UpdateSpeaker,
)
from annotation.model import Turn

if TYPE_CHECKING:
    from .project import Project


def _add_spans(p: Project, c: AddSpans) -> Change:
    if c.model_output:
        p.log_model_output(c.document, c.model_output, c.model)
    added = p.add_spans(c.document, list(c.spans))
    return DeleteSpans(c.document, tuple(added), c.text)


def _delete_spans(p: Project, c: DeleteSpans) -> Change:
    removed = p.delete_spans([s.id for s in c.spans])
    return AddSpans(c.document, tuple(removed), c.text)


def _update_spans(p: Project, c: UpdateSpans) -> Change:
    fields = ("start", "end", "label", "text", "normal", "origin", "status", "annotator")
    ids = [s.id for s in c.after]
    before = tuple(p.get_spans(ids))  # the rows as they are, not as the planner saw them
    p.update_spans([(new.id, {k: getattr(new, k) for k in fields}) for new in c.after])
    return UpdateSpans(c.document, tuple(p.get_spans(ids)), before, c.text)


def _set_turn_speakers(p: Project, c: SetTurnSpeakers) -> Change:
    p.set_turn_speakers([(turn_id, after) for turn_id, _before, after in c.turns])
    return SetTurnSpeakers(c.document, tuple((t, after, before) for t, before, after in c.turns), c.text)


def _split_turn(p: Project, c: SplitTurn) -> Change:
    crossing = p.spans_crossing(c.document, c.offset)  # hidden rejected suggestions a split deletes
    new = p.split_turn(c.turn, c.offset, c.speaker)
    merge = MergeTurn(c.document, new.id, c.text)
    return Batch((merge, AddSpans(c.document, tuple(crossing))), c.text) if crossing else merge


def _merge_turn(p: Project, c: MergeTurn) -> Change:
    previous = p.previous_turn_id(c.turn)
    merged = p.merge_turn(c.turn)
    turn = Turn(merged.start, merged.end, merged.content_start, merged.speaker, merged.time_start, merged.time_end,
                merged.id)
    return RestoreTurn(c.document, previous, turn, merged.previous_end, merged.previous_time_end, c.text)


def _restore_turn(p: Project, c: RestoreTurn) -> Change:
    from annotation.turns import MergedTurn

    t = c.turn
    merged = MergedTurn(t.start, t.end, t.content_start, t.speaker, t.time_start, t.time_end, t.id,
                        previous_end=c.previous_end, previous_time_end=c.previous_time_end)
    restored = p.restore_split(c.previous, merged)
    return MergeTurn(c.document, restored.id, c.text)


def _add_speaker(p: Project, c: AddSpeaker) -> Change:
    p.add_speaker(c.document, c.speaker)
    return DeleteSpeaker(c.document, c.speaker, c.text)


def _delete_speaker(p: Project, c: DeleteSpeaker) -> Change:
    p.remove_speaker(c.document, c.speaker.name)
    return AddSpeaker(c.document, c.speaker, c.text)


def _update_speaker(p: Project, c: UpdateSpeaker) -> Change:
    p.update_speaker(c.document, c.before.name, new_name=c.after.name, role=c.after.role)
    return UpdateSpeaker(c.document, c.after, c.before, c.text)


def _set_status(p: Project, c: SetStatus) -> Change:
    before = p.status(c.document)
    p.set_status(c.document, c.after)
    return SetStatus(c.document, c.after, before, c.text)


def _add_label(p: Project, c: AddLabel) -> Change:
    p.add_label(c.label, c.position)
    return DeleteLabel(c.label, "refuse", None, c.text)


def _update_label(p: Project, c: UpdateLabel) -> Change:
    old = p.update_label(c.before.name, c.after)
    return UpdateLabel(c.after, old, c.text)


def _delete_label(p: Project, c: DeleteLabel) -> Change:
    removed = p.delete_label(c.label.name, spans=c.spans, relabel_to=c.relabel_to)
    spans = tuple((removed.documents.get(s.id, ""), s) for s in removed)
    return RestoreLabel(removed.label, removed.position, spans, c.spans, c.relabel_to, c.text)


def _restore_label(p: Project, c: RestoreLabel) -> Change:
    from .project import RemovedSpans

    removed = RemovedSpans(c.label, c.position)
    for doc_id, span in c.spans:
        removed.append(span)
        removed.documents[span.id] = doc_id
    p.restore_label(c.label, c.position, removed)
    return DeleteLabel(c.label, c.mode, c.relabel_to, c.text)


def _record_decision(p: Project, c: RecordDecision) -> Change:
    from annotation.review import Disagreement

    from . import review

    if c.choice is None:
        earlier = next(
            (d for d in review.decisions(p, c.document) if (d.a, d.b, d.kind, d.start, d.end)
             == (c.a, c.b, c.what, c.start, c.end)),
            None,
        )
        if earlier is not None:
            review.forget_decision(p, c.document, earlier)
    else:
        where = Disagreement(c.what, c.start, c.end)
        earlier = review.record_decision(p, c.document, c.a, c.b, where, c.choice, c.reviewer)
    before = earlier.choice if earlier is not None else None
    return RecordDecision(c.document, c.a, c.b, c.what, c.start, c.end, before, c.reviewer, c.text)


def _replace_turns(p: Project, c: ReplaceTurns) -> Change:
    from .relayout import replace_turns

    return replace_turns(p, c)


def _batch(p: Project, c: Batch) -> Change:
    inverses = [apply_change(p, child) for child in c.changes]
    return Batch(tuple(reversed(inverses)), c.text)


_APPLY: dict[type, Callable] = {
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
    AddLabel: _add_label,
    UpdateLabel: _update_label,
    DeleteLabel: _delete_label,
    RestoreLabel: _restore_label,
    RecordDecision: _record_decision,
    ReplaceTurns: _replace_turns,
    Batch: _batch,
}


def apply_change(project: Project, change: Change) -> Change:
    """Apply ``change`` (inside the caller's transaction) and return its exact inverse."""
    return _APPLY[type(change)](project, change)
