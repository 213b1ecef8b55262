"""Settling a disagreement as an edit: what a reviewer's choice changes in the gold layer.

:func:`plan_adjudicate` turns a choice (A, B, both, neither) on one
:class:`~annotation.review.Disagreement` into one :class:`~annotation.changes.Change`:
the gold spans the choice adds (origin ``adjudicated``, the reviewer as annotator),
minus what an earlier choice on the same place added, the gold turns' speakers for
a speaker disagreement, and the record of the decision.  Storage applies it in one
transaction, and the undo stack can take it back like any other edit.
"""

from __future__ import annotations

from .changes import AddSpans, AddSpeaker, Batch, Change, DeleteSpans, RecordDecision, SetTurnSpeakers
from .edits import Plan, Refusal
from .model import Document, Speaker
from .review import CHOICES, SPEAKER, TURN_BOUNDARY, Disagreement, ReviewError, is_gold, resolve

CHOICE_NAMES = {"a": "A", "b": "B", "both": "both", "neither": "neither"}


def plan_adjudicate(
    doc: Document, a: str, b: str, disagreement: Disagreement, choice: str, reviewer: str
) -> Plan:
    """The one change that settles ``disagreement`` between layers ``a`` and ``b`` of ``doc`` with ``choice``."""
    d = disagreement
    choice = choice.lower()
    if choice not in CHOICES:
        return Refusal(f"Choose A, B, both or neither, not {choice}.")
    changes: list[Change] = []
    if d.kind == TURN_BOUNDARY and choice in ("a", "b"):
        return Refusal("A turn boundary is settled by splitting or merging the turn in the main window.")
    if d.kind == SPEAKER:
        try:
            resolution = resolve(d, choice, reviewer)
        except ReviewError as exc:
            return Refusal(str(exc)[:1].upper() + str(exc)[1:] + ".")
        if resolution.turns:
            changes += _speakers(doc, resolution.turns, d)
    elif d.kind != TURN_BOUNDARY:
        sides = {s.key for s in d.a + d.b}
        earlier = [s for s in doc.spans if is_gold(s) and s.key in sides]  # what a previous choice here added
        wanted = resolve(d, choice, reviewer).spans
        keep = {s.key for s in earlier} & {s.key for s in wanted}
        drop = tuple(s for s in earlier if s.key not in keep)
        add = tuple(s for s in wanted if s.key not in keep)
        if drop:
            changes.append(DeleteSpans(doc.id, drop))
        if add:
            changes.append(AddSpans(doc.id, add))
    text = f"Settle {d.kind.replace('_', ' ')} «{doc.text[d.start:d.end][:30]}»: {CHOICE_NAMES[choice]}"
    changes.append(RecordDecision(doc.id, a, b, d.kind, d.start, d.end, choice, reviewer))
    return Batch(tuple(changes), text)


def _speakers(doc: Document, turns: list, d: Disagreement) -> list[Change]:
    """Give the gold turns over the disagreement the chosen side's speakers (adding a speaker the document lacks)."""
    changes: list[Change] = []
    known = {s.name for s in doc.speakers}
    for turn in turns:
        if turn.speaker not in known:
            known.add(turn.speaker)
            changes.append(AddSpeaker(doc.id, Speaker(turn.speaker, turn.role)))
    moves = []
    for gold in doc.turns:
        if gold.end <= d.start or gold.start >= d.end:
            continue
        chosen = next((t for t in turns if t.start <= gold.content_start < t.end), None)
        if chosen is not None and chosen.speaker != gold.speaker:
            moves.append((gold.id, gold.speaker, chosen.speaker))
    if moves:
        changes.append(SetTurnSpeakers(doc.id, tuple(moves)))
    return changes
