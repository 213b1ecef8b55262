"""What an export writes: units cut from documents, and the metadata that travels with them.

A unit is one document (``--unit doc``) or one turn (``--unit turn``).  With a role
filter a document unit holds only that role's turns, their speech joined by blank
lines.  Every unit knows where its pieces came from in the document (``pieces``),
so an import can put its spans back onto the document it was cut from.

The metadata (:func:`unit_meta`) is what non-native formats carry as a
``razmetka`` field or in a side file: the document's title, status, metadata,
source, speakers and turns.  Offsets inside it are always code points.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from ..model import Document, Source, Span, Speaker, Turn

META_VERSION = 1
META_KEY = "razmetka"


def text_sha256(text: str) -> str:
    """The SHA-256 of a text's UTF-8 bytes: how an import recognises a document it already has.

    This hashes the document text itself, not the file it was read from (that is
    ``Source.sha256``), so the same text read from a transcript or from a dataset matches.
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Unit:
    id: str
    document: Document
    text: str
    speakers: list[Speaker]
    turns: list[Turn]  # offsets into ``text``
    spans: list[Span]  # offsets into ``text``
    # (unit offset, document offset, length): where each piece of ``text`` lies in the document.
    pieces: list[tuple[int, int, int]] = field(default_factory=list)

    @property
    def whole(self) -> bool:
        """True if the unit is its document's whole text."""
        return self.text == self.document.text

    def speech(self, turn: Turn) -> str:
        return self.text[turn.content_start : turn.end]

    def document_offset(self, offset: int) -> int:
        """Where a unit offset lies in the document."""
        for unit_start, doc_start, length in self.pieces:
            if unit_start <= offset <= unit_start + length:
                return doc_start + offset - unit_start
        raise ValueError(f"offset {offset} lies between the pieces of unit {self.id}")

    def as_document(self) -> Document:
        """The unit as a document of its own (the document itself for a whole unit)."""
        if self.whole:
            return replace(self.document, spans=list(self.spans))
        doc = self.document
        return Document(
            text=self.text,
            title=unit_title(self),
            id=self.id,
            status=doc.status,
            metadata=dict(doc.metadata),
            source=replace(doc.source),
            speakers=[replace(s) for s in self.speakers],
            turns=[replace(t, id=None) for t in self.turns],
            spans=list(self.spans),
        )


def unit_title(unit: Unit) -> str:
    if unit.whole:
        return unit.document.title
    suffix = unit.id[len(unit.document.id or "") :].lstrip("-") if unit.document.id else unit.id
    return f"{unit.document.title} ({suffix})"


def _shift(span: Span, delta: int) -> Span:
    return replace(span, start=span.start + delta, end=span.end + delta, id=None)


def make_units(doc: Document, spans: list[Span], unit: str = "doc", role: str | None = None) -> list[Unit]:
    """Cut ``doc`` into units carrying ``spans`` (already selected); ``role`` keeps only that role's turns."""
    roles = {s.name: s.role for s in doc.speakers}
    turns = [t for t in doc.turns if role is None or roles.get(t.speaker) == role]
    doc_id = doc.id or "doc"
    if unit == "doc" and role is None:
        return [Unit(doc_id, doc, doc.text, list(doc.speakers), list(doc.turns), list(spans), [(0, 0, len(doc.text))])]
    by_turn: dict[int, list[Span]] = {}
    selected = {t.start for t in turns}
    for span in spans:
        turn = doc.turn_at(span.start)
        if turn is not None:
            by_turn.setdefault(turn.start, []).append(span)
    if unit == "turn":
        units = []
        for index, turn in enumerate(doc.turns, 1):
            if turn.start not in selected or turn.content_start == turn.end:
                continue
            speech = doc.text[turn.content_start : turn.end]
            speaker = doc.speaker(turn.speaker)
            units.append(
                Unit(
                    f"{doc_id}-t{index:03d}",
                    doc,
                    speech,
                    [replace(speaker)],
                    [Turn(0, len(speech), 0, turn.speaker, turn.time_start, turn.time_end)],
                    [_shift(s, -turn.content_start) for s in by_turn.get(turn.start, [])],
                    [(0, turn.content_start, len(speech))],
                )
            )
        return units
    # One document unit of the chosen role's turns, their speech joined by blank lines.
    parts: list[str] = []
    unit_turns: list[Turn] = []
    unit_spans: list[Span] = []
    pieces: list[tuple[int, int, int]] = []
    position = 0
    for turn in turns:
        if turn.content_start == turn.end:
            continue
        if parts:
            parts.append("\n\n")
            position += 2
        speech = doc.text[turn.content_start : turn.end]
        parts.append(speech)
        unit_turns.append(
            Turn(position, position + len(speech), position, turn.speaker, turn.time_start, turn.time_end)
        )
        unit_spans.extend(_shift(s, position - turn.content_start) for s in by_turn.get(turn.start, []))
        pieces.append((position, turn.content_start, len(speech)))
        position += len(speech)
    if not parts:
        return []
    used = {t.speaker for t in unit_turns}
    speakers = [replace(s) for s in doc.speakers if s.name in used]
    return [Unit(f"{doc_id}-{role}", doc, "".join(parts), speakers, unit_turns, unit_spans, pieces)]


def source_record(source: Source) -> dict[str, Any]:
    """Where a document came from, as the native format (and other formats' metadata) write it."""
    return {
        "file": source.file,
        "sha256": source.sha256,
        "layout": source.layout,
        "confidence": source.confidence,
        "language": source.language,
    }


def unit_meta(unit: Unit) -> dict[str, Any]:
    """The metadata a non-native format carries for ``unit``; offsets are code points."""
    doc = unit.document
    roles = {s.name: s.role for s in unit.speakers}
    annotators = sorted({s.annotator for s in unit.spans if s.annotator})
    meta: dict[str, Any] = {
        "version": META_VERSION,
        "id": unit.id,
        "document": doc.id or "",
        "title": unit_title(unit),
        "status": doc.status,
        "metadata": dict(doc.metadata),
        "source": source_record(doc.source),
        "speakers": [{"name": s.name, "role": s.role} for s in unit.speakers],
        "turns": [
            {
                "start": t.start,
                "end": t.end,
                "content_start": t.content_start,
                "speaker": t.speaker,
                "role": roles.get(t.speaker, "other"),
                "time_start": t.time_start,
                "time_end": t.time_end,
            }
            for t in unit.turns
        ],
        "annotators": annotators,
    }
    if len(unit.turns) == 1:
        meta["speaker"] = unit.turns[0].speaker
        meta["role"] = roles.get(unit.turns[0].speaker, "other")
    if not unit.whole:
        meta["anchor"] = {"sha256": text_sha256(doc.text), "pieces": [list(p) for p in unit.pieces]}
    return meta


@dataclass
class WriteContext:
    """What a format's writer needs besides the units."""

    offsets: str  # the unit of character offsets in the file (see offsets.py)
    labels: list[str]  # every label that may appear, in the project's order
    dropped: Counter[str] = field(default_factory=Counter)  # spans the format cannot hold, by reason
    dialogue: bool = False  # Label Studio: the Paragraphs (dialogue) variant
    colors: dict[str, str] = field(default_factory=dict)  # label -> colour, for tools' label configs
    notes: list[str] = field(default_factory=list)  # what the person must know about the files written
