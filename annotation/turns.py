"""Speaker-turn corrections that need no storage: re-alternation and where a split may go.

Storage applies the edits (``Project.split_turn``, ``merge_turn``,
``set_turn_speakers``); these functions decide what the edits should be and why
one is refused, in words a person can act on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Document, Span, Turn
from .phrases import Phrase

QA_ROLES = ("interviewer", "respondent")


@dataclass
class MergedTurn(Turn):
    """A turn removed by a merge, with what the previous turn was before it took it in.

    ``Project.merge_turn`` returns one; ``Project.restore_split`` reads
    ``previous_end`` and ``previous_time_end`` to shrink the previous turn back
    exactly.  Without them (a plain ``Turn``), the previous turn ends at the last
    non-space character before this turn and keeps its time end.
    """

    previous_end: int | None = None
    previous_time_end: float | None = None


def _counterpart(doc: Document, run: list[Turn], role: str) -> str | None:
    """The speaker with ``role`` who speaks most in ``run``, else the first such in the document."""
    counts = Counter(t.speaker for t in run if doc.speaker(t.speaker).role == role)
    if counts:
        return counts.most_common(1)[0][0]
    for speaker in doc.speakers:
        if speaker.role == role:
            return speaker.name
    return None


def qa_run(doc: Document, turn_index: int) -> range:
    """The indexes of the run of consecutive interviewer/respondent turns holding ``turn_index``.

    Empty if that turn's speaker is neither an interviewer nor a respondent.
    """

    def qa(i: int) -> bool:
        try:
            return doc.speaker(doc.turns[i].speaker).role in QA_ROLES
        except KeyError:
            return False

    if not (0 <= turn_index < len(doc.turns)) or not qa(turn_index):
        return range(0)
    first = turn_index
    while first > 0 and qa(first - 1):
        first -= 1
    last = turn_index
    while last + 1 < len(doc.turns) and qa(last + 1):
        last += 1
    return range(first, last + 1)


def realternate(doc: Document, turn_index: int) -> list[tuple[int, str]]:
    """Swap interviewer and respondent from ``turn_index`` to the end of its Q/A run.

    For a run of questions and answers that was assigned off by one.  Returns
    ``(turn_index, new_speaker)`` pairs for every turn that changes; empty if the
    turn is in no such run, or the document lacks an interviewer or a respondent.
    The interviewer (respondent) put in is the one who speaks most in the run.
    """
    run = qa_run(doc, turn_index)
    if not run:
        return []
    turns = [doc.turns[i] for i in run]
    interviewer = _counterpart(doc, turns, "interviewer")
    respondent = _counterpart(doc, turns, "respondent")
    if interviewer is None or respondent is None:
        return []
    changes = []
    for i in range(turn_index, run.stop):
        speaker = doc.turns[i].speaker
        new = respondent if doc.speaker(speaker).role == "interviewer" else interviewer
        if new != speaker:
            changes.append((i, new))
    return changes


def split_problem(text: str, turn: Turn, offset: int, spans: Iterable[Span] = ()) -> Phrase | None:
    """Why ``turn`` cannot be split at ``offset``, or None if it can.

    A split must leave words on both sides of it, inside the turn's speech, and
    may not cut a word or go through a span in ``spans``.
    """
    if not (turn.content_start <= offset <= turn.end):
        return Phrase("Put the cursor inside the turn's speech to split it.")
    if not text[turn.content_start : offset].strip():
        return Phrase("Nothing would be left before the split: put the cursor after the first word.")
    if not text[offset : turn.end].strip():
        return Phrase("Nothing would be left after the split: put the cursor before the last word.")
    if text[offset - 1].isalnum() and text[offset].isalnum():
        return Phrase("The cursor is inside a word: put it between two words to split the turn.")
    for span in spans:
        if span.visible and span.start < offset < span.end:
            return Phrase(
                "The split would cut the {label} span «{text}»: move the cursor or delete the span first.",
                label=span.label,
                text=span.text,
            )
    return None


def split_point_ok(doc: Document, turn: Turn, offset: int) -> Phrase | None:
    """A message saying why a split of ``turn`` at ``offset`` is refused, or None if it is fine."""
    return split_problem(doc.text, turn, offset, (s for s in doc.spans if s.start < offset < s.end))


def split_bounds(text: str, turn: Turn, offset: int) -> tuple[int, int]:
    """Where the first part ends and the second begins when ``turn`` is split at ``offset``.

    The first part ends after its last non-space character before ``offset``; the
    second starts at the first non-space character at or after it.
    """
    first_end = turn.content_start + len(text[turn.content_start : offset].rstrip())
    second_start = offset + (len(text[offset : turn.end]) - len(text[offset : turn.end].lstrip()))
    return first_end, second_start
