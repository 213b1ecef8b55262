"""The records of the language of edits: one frozen ``Change`` per kind of edit.

A change is data before it is an action.  :mod:`annotation.edits` plans changes
from a document and a person's intent; ``storage.Project.apply`` writes one in a
transaction and returns its exact inverse (another ``Change``); the GUI only puts
changes on its undo stack.  Every record here is plain, frozen and serialisable
(:func:`to_json`), so the project's edit log can keep them.

Span changes carry whole spans, before and after, so an inverse never needs to
read the file again.  Turn changes name turns by id, as storage knows them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .model import Label, Mention, Span, Speaker, Turn
from .phrases import Phrase


@dataclass(frozen=True)
class Change:
    """Base of every change.  ``text`` is what an undo list shows for it."""

    kind: ClassVar[str] = ""

    @property
    def doc_id(self) -> str | None:
        return getattr(self, "document", None)


# -- spans ----------------------------------------------------------------------


@dataclass(frozen=True)
class AddSpans(Change):
    """Store spans (their ids are kept when given: the inverse of a delete).

    ``model_output`` is the raw output of a model run that produced them: it is
    logged once and never removed, so a re-run never suggests it again.
    """

    kind: ClassVar[str] = "add_spans"
    document: str
    spans: tuple[Span, ...]
    text: str = ""
    model_output: tuple[Mention, ...] = ()
    model: str = ""


@dataclass(frozen=True)
class DeleteSpans(Change):
    """Remove spans for good (the whole spans are kept, so the inverse restores them)."""

    kind: ClassVar[str] = "delete_spans"
    document: str
    spans: tuple[Span, ...]
    text: str = ""


@dataclass(frozen=True)
class UpdateSpans(Change):
    """Change spans' fields: ``after[i]`` replaces ``before[i]`` (same id)."""

    kind: ClassVar[str] = "update_spans"
    document: str
    before: tuple[Span, ...]
    after: tuple[Span, ...]
    text: str = ""


# -- turns and speakers -------------------------------------------------------------


@dataclass(frozen=True)
class SetTurnSpeakers(Change):
    """Give turns other speakers: ``(turn id, speaker before, speaker after)`` each."""

    kind: ClassVar[str] = "set_turn_speakers"
    document: str
    turns: tuple[tuple[int, str, str], ...]
    text: str = ""


@dataclass(frozen=True)
class SplitTurn(Change):
    """Split a turn at ``offset``; the second part gets ``speaker`` (by default the same)."""

    kind: ClassVar[str] = "split_turn"
    document: str
    turn: int
    offset: int
    speaker: str | None = None
    text: str = ""


@dataclass(frozen=True)
class MergeTurn(Change):
    """Merge turn ``turn`` into the one before it."""

    kind: ClassVar[str] = "merge_turn"
    document: str
    turn: int
    text: str = ""


@dataclass(frozen=True)
class RestoreTurn(Change):
    """Undo a merge: cut ``turn`` (with its id, range, speaker and times) out of turn ``previous`` again.

    ``previous_end`` and ``previous_time_end`` are where the previous turn ended before.
    """

    kind: ClassVar[str] = "restore_turn"
    document: str
    previous: int
    turn: Turn
    previous_end: int
    previous_time_end: float | None = None
    text: str = ""


@dataclass(frozen=True)
class AddSpeaker(Change):
    """Add a speaker; ``position`` and ``speaker_id`` put a deleted one back exactly (the inverse of a delete)."""

    kind: ClassVar[str] = "add_speaker"
    document: str
    speaker: Speaker
    text: str = ""
    position: int | None = None
    speaker_id: int | None = None


@dataclass(frozen=True)
class DeleteSpeaker(Change):
    """Remove a speaker no turn uses (the inverse of adding one)."""

    kind: ClassVar[str] = "delete_speaker"
    document: str
    speaker: Speaker
    text: str = ""


@dataclass(frozen=True)
class UpdateSpeaker(Change):
    """Rename a speaker everywhere in its document and/or change its role."""

    kind: ClassVar[str] = "update_speaker"
    document: str
    before: Speaker
    after: Speaker
    text: str = ""


# -- documents and labels -------------------------------------------------------------


@dataclass(frozen=True)
class SetStatus(Change):
    kind: ClassVar[str] = "set_status"
    document: str
    before: str
    after: str
    text: str = ""


@dataclass(frozen=True)
class SetLanguage(Change):
    """The language of a document's text (``ru``, ``en``…): which suggestion source a re-run uses."""

    kind: ClassVar[str] = "set_language"
    document: str
    before: str
    after: str
    text: str = ""


@dataclass(frozen=True)
class AddLabel(Change):
    kind: ClassVar[str] = "add_label"
    label: Label
    position: int | None = None
    text: str = ""


@dataclass(frozen=True)
class UpdateLabel(Change):
    """Change a label; a new name carries over to every span that has it."""

    kind: ClassVar[str] = "update_label"
    before: Label
    after: Label
    text: str = ""


@dataclass(frozen=True)
class DeleteLabel(Change):
    """Remove a label.  ``spans`` says what happens to its spans: refuse, delete or relabel."""

    kind: ClassVar[str] = "delete_label"
    label: Label
    spans: str = "refuse"
    relabel_to: str | None = None
    text: str = ""


@dataclass(frozen=True)
class RestoreLabel(Change):
    """Undo a label's deletion: the label back at ``position``, its spans as they were.

    ``spans`` pairs each span (as it was, with its id) with its document; ``mode``
    and ``relabel_to`` are how they were removed, so the inverse removes them alike.
    """

    kind: ClassVar[str] = "restore_label"
    label: Label
    position: int
    spans: tuple[tuple[str, Span], ...] = ()
    mode: str = "refuse"
    relabel_to: str | None = None
    text: str = ""


@dataclass(frozen=True)
class ReplaceTurns(Change):
    """Re-detected turns: every turn and speaker of the document replaced, the text and spans untouched.

    ``sections`` is the JSON of the layout chosen per section (None: one section).
    """

    kind: ClassVar[str] = "replace_turns"
    document: str
    turns: tuple[Turn, ...]
    speakers: tuple[Speaker, ...]
    layout: str
    confidence: float
    sections: str | None = None
    text: str = ""
    speaker_ids: tuple[int | None, ...] = ()  # storage's row ids of ``speakers``, so an inverse puts back the same rows


@dataclass(frozen=True)
class RecordDecision(Change):
    """Remember how a reviewer settled a disagreement between annotators ``a`` and ``b`` (None: forget it)."""

    kind: ClassVar[str] = "record_decision"
    document: str
    a: str
    b: str
    what: str  # the disagreement's kind: missing, label, boundary, speaker, turn_boundary
    start: int
    end: int
    choice: str | None
    reviewer: str
    text: str = ""


@dataclass(frozen=True)
class Batch(Change):
    """Several changes made as one edit: applied in order, undone in reverse, one undo entry."""

    kind: ClassVar[str] = "batch"
    changes: tuple[Change, ...] = field(default_factory=tuple)
    text: str = ""

    @property
    def doc_id(self) -> str | None:
        ids = {c.doc_id for c in self.changes} - {None}
        return ids.pop() if len(ids) == 1 else None


KINDS: dict[str, type[Change]] = {
    cls.kind: cls
    for cls in (
        AddSpans,
        DeleteSpans,
        UpdateSpans,
        SetTurnSpeakers,
        SplitTurn,
        MergeTurn,
        RestoreTurn,
        AddSpeaker,
        DeleteSpeaker,
        UpdateSpeaker,
        SetStatus,
        SetLanguage,
        AddLabel,
        UpdateLabel,
        DeleteLabel,
        RestoreLabel,
        RecordDecision,
        ReplaceTurns,
        Batch,
    )
}


def flatten(change: Change) -> list[Change]:
    """The change's leaves in the order they are applied."""
    if isinstance(change, Batch):
        return [leaf for c in change.changes for leaf in flatten(c)]
    return [change]


def describe(change: Change) -> str:
    """What an undo list shows: the change's own text, else its kind in words."""
    return getattr(change, "text", "") or change.kind.replace("_", " ").capitalize()



# -- JSON, for the edit log ----------------------------------------------------------

_RECORDS = {"Span": Span, "Turn": Turn, "Speaker": Speaker, "Label": Label, "Mention": Mention}


def _encode(value: Any) -> Any:
    if isinstance(value, Phrase):  # an undo text keeps its template, so History can translate it later
        return {"@": "Phrase", "template": value.template, "params": dict(value.params)}
    if dataclasses.is_dataclass(value):
        fields = {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        tag = {"kind": value.kind} if isinstance(value, Change) else {"@": type(value).__name__}
        return {**tag, **fields}
    if isinstance(value, (tuple, list)):
        return [_encode(v) for v in value]
    if isinstance(value, str):
        return str(value)  # str enums become plain strings
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "kind" in value and value["kind"] in KINDS:
            cls = KINDS[value["kind"]]
            return cls(**{k: _decode(v) for k, v in value.items() if k != "kind"})
        if value.get("@") == "Phrase":
            return Phrase(value["template"], **value["params"])
        if "@" in value:
            cls = _RECORDS[value["@"]]
            return cls(**{k: _decode(v) for k, v in value.items() if k != "@"})
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return tuple(_decode(v) for v in value)
    return value


def to_json(change: Change) -> dict:
    """A plain dict of the change (for ``json.dumps``); :func:`from_json` reads it back."""
    return _encode(change)


def from_json(data: dict) -> Change:
    return _decode(data)
