"""What an import reads: records of text and spans, checked and turned into documents.

Every format's reader yields :class:`Record` objects: a text, its spans in code
points, and whatever the file says about the document (the ``razmetka``
metadata that Razmetka's own exports carry, or the turns of a Label Studio
dialogue).  :class:`SpanResolver` turns the file's offsets into code points,
checking them against the span text where the format gives it.
:func:`build_document` makes a new document from a record when the project does
not have its text yet.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..language import guess_language
from ..model import (
    DOCUMENT_STATUSES,
    ROLES,
    Document,
    ModelError,
    Source,
    Span,
    Speaker,
    Turn,
    check_document,
    check_span,
)
from ..transcript import NARRATOR
from .inputs import loads, read_text
from .offsets import CODEPOINTS, OffsetMap, other
from .tokens import merge_crossed


@dataclass
class Record:
    """One unit read from a dataset file."""

    text: str
    spans: list[Span]  # code points into ``text``; annotator None means "the layer's annotator"
    where: str  # e.g. "line 3", for messages
    meta: dict[str, Any] = field(default_factory=dict)
    speakers: list[Speaker] | None = None  # turns the format itself holds (Label Studio dialogue)
    turns: list[Turn] | None = None
    # The document this record was cut from: its text's sha256 and (record offset, document offset, length) pieces.
    anchor: tuple[str, list[tuple[int, int, int]]] | None = None
    document: Document | None = None  # native JSONL: the complete document, kept as it is

    @property
    def native(self) -> bool:
        return self.document is not None


@dataclass
class ReadResult:
    records: list[Record]
    notes: list[str] = field(default_factory=list)


@dataclass
class RawSpan:
    """A span as the file gives it: offsets in the file's unit, perhaps with its text."""

    start: int
    end: int
    label: str
    text: str | None = None
    status: str = "accepted"
    annotator: str | None = None
    normal: str | None = None
    # Offsets local to a part of the text (a Label Studio paragraph): its code point range.
    start_segment: tuple[int, int] | None = None
    end_segment: tuple[int, int] | None = None


class SpanResolver:
    """Reads spans' offsets in a unit, checks them, and counts what it did for the report.

    ``unit`` is the format's default or the one ``--offsets`` chose.  A span whose text
    is given and does not match under ``unit`` is tried under the other unit; a span
    that matches neither is reported, not stored.  Leading and trailing whitespace is
    trimmed off a span (the data model forbids it).
    """

    def __init__(self, unit: str = CODEPOINTS, *, report: bool = True) -> None:
        self.unit = unit
        self.report = report  # say which unit was used (not for token formats, which have no offsets)
        self.used: Counter[str] = Counter()
        self.trimmed = 0
        self.duplicates = 0
        self.unmatched: list[str] = []
        self._segments: dict[tuple[int, int], OffsetMap] = {}  # per resolve(): paragraph maps

    def _offset(self, offsets: OffsetMap, value: int, unit: str, segment: tuple[int, int] | None) -> int | None:
        if segment is None:
            return offsets.from_unit(value, unit)
        local = self._segments.get(segment)
        if local is None:
            local = self._segments[segment] = OffsetMap(offsets.text[segment[0] : segment[1]])
        found = local.from_unit(value, unit)
        return None if found is None else segment[0] + found

    def _try(self, offsets: OffsetMap, raw: RawSpan, unit: str, exact: bool = True) -> tuple[int, int] | None:
        start = self._offset(offsets, raw.start, unit, raw.start_segment)
        end = self._offset(offsets, raw.end, unit, raw.end_segment)
        if start is None or end is None or start >= end:
            return None
        if raw.text is not None and offsets.text[start:end] != raw.text:
            # Some tools store the span text with newlines turned into spaces (brat does).
            if exact or " ".join(offsets.text[start:end].split()) != " ".join(raw.text.split()):
                return None
        return start, end

    def resolve(self, text: str, raws: list[RawSpan], where: str) -> list[Span]:
        offsets = OffsetMap(text)
        self._segments = {}
        spans: list[Span] = []
        seen: set[tuple[int, int, str, str | None]] = set()
        for raw in raws:
            got, unit = None, self.unit
            # The span text is the judge: an exact match in either unit beats a match up to whitespace.
            for exact in (True, False):
                for unit in (self.unit, other(self.unit)):
                    got = self._try(offsets, raw, unit, exact)
                    if got is not None:
                        break
                if got is not None:
                    break
            if got is None:
                shown = f" {raw.text!r}" if raw.text is not None else ""
                self.unmatched.append(f"{where}: {raw.label} [{raw.start}, {raw.end}){shown}")
                continue
            start, end = got
            piece = text[start:end]
            stripped = piece.strip()
            if not stripped:
                self.unmatched.append(f"{where}: {raw.label} [{raw.start}, {raw.end}) covers only whitespace")
                continue
            if stripped != piece:
                start += len(piece) - len(piece.lstrip())
                end = start + len(stripped)
                self.trimmed += 1
            key = (start, end, raw.label, raw.annotator)
            if key in seen:
                self.duplicates += 1
                continue
            seen.add(key)
            if offsets.ambiguous:
                self.used[unit] += 1
            else:
                self.used["same"] += 1
            spans.append(
                Span(start, end, raw.label, text[start:end], raw.normal, "imported", raw.status, raw.annotator)
            )
        return spans

    def notes(self, path: Path | str) -> list[str]:
        notes = []
        fallback = other(self.unit)
        if self.report and (self.used or self.unmatched):
            line = f"{path}: offsets read as {self.unit}"
            if self.used[self.unit]:
                line += f" ({self.used[self.unit]} span(s) where code points and UTF-16 units differ)"
            if self.used[fallback]:
                line += f"; {self.used[fallback]} span(s) matched their text only as {fallback} and were read so"
            notes.append(line)
        if self.trimmed:
            notes.append(f"{path}: {self.trimmed} span(s) had outer whitespace trimmed off")
        if self.duplicates:
            notes.append(f"{path}: {self.duplicates} duplicate span(s) were read once")
        if self.unmatched:
            notes.append(f"{path}: {len(self.unmatched)} span(s) match the text in neither unit and were not imported:")
            notes.extend(f"  {line}" for line in self.unmatched)
        return notes


def normalise_newlines(record: Record) -> Record:
    """CRLF and lone CR become LF, as for transcripts, with the spans moved to match."""
    text = record.text
    if "\r" not in text:
        return record
    # Code point offset -> offset after removing the CR of each CRLF before it.
    removed = [m.start() for m in re.finditer("\r\n", text)]

    def move(offset: int) -> int:
        return offset - bisect_right(removed, offset - 1)

    new_text = text.replace("\r\n", "\n").replace("\r", "\n")
    spans = [
        replace(s, start=move(s.start), end=move(s.end), text=new_text[move(s.start) : move(s.end)])
        for s in record.spans
    ]
    turns = None
    if record.turns is not None:
        turns = [
            replace(t, start=move(t.start), end=move(t.end), content_start=move(t.content_start)) for t in record.turns
        ]
    anchor = None
    if record.anchor is not None:
        sha, pieces = record.anchor
        anchor = (sha, [(move(u), d, move(u + n) - move(u)) for u, d, n in pieces])
    return replace(record, text=new_text, spans=spans, turns=turns, anchor=anchor)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Runs of non-blank lines, trimmed of outer whitespace."""
    found: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = position + len(line) - len(line.lstrip())
            end = position + len(line.rstrip())
            current = (current[0] if current else start, end)
        elif current is not None:
            found.append(current)
            current = None
        position += len(line) + 1
    if current is not None:
        found.append(current)
    return found


def _meta_turns(meta: dict[str, Any]) -> tuple[list[Speaker], list[Turn]] | None:
    try:
        speakers = [Speaker(str(s["name"]), s.get("role", "other")) for s in meta.get("speakers") or []]
        turns = [
            Turn(
                int(t["start"]),
                int(t["end"]),
                int(t.get("content_start", t["start"])),
                str(t["speaker"]),
                t.get("time_start"),
                t.get("time_end"),
            )
            for t in meta.get("turns") or []
        ]
    except (KeyError, TypeError, ValueError, ModelError, AttributeError):
        return None
    return (speakers, turns) if turns else None


def _source(meta: dict[str, Any], file_name: str, fmt: str, text: str) -> Source:
    src = meta.get("source")
    if isinstance(src, dict) and src.get("layout"):
        try:
            return Source(
                str(src.get("file", "")),
                str(src.get("sha256", "")),
                str(src.get("layout", "")),
                float(src.get("confidence", 1.0)),
                str(src.get("language", "")),
            )
        except (TypeError, ValueError):
            pass
    return Source(file_name, "", fmt, 1.0, guess_language(text))


def build_document(record: Record, *, file_name: str, fmt: str, index: int) -> tuple[Document, list[Span], list[str]]:
    """A new document for ``record``: turns from the format or its metadata, else by paragraph.

    Returns the document (with the spans that fit its turns), the spans that do not
    fit (a span must lie inside one turn's speech), and notes for the person.
    """
    if record.document is not None:
        return record.document, [], []
    meta = record.meta if isinstance(record.meta, dict) else {}
    text = record.text
    notes: list[str] = []
    status = meta.get("status") if meta.get("status") in DOCUMENT_STATUSES else "new"
    metadata = (
        {str(k): str(v) for k, v in (meta.get("metadata") or {}).items()}
        if isinstance(meta.get("metadata"), dict)
        else {}
    )
    doc = Document(
        text=text,
        title=str(meta.get("title") or f"{Path(file_name).stem} {index}"),
        id=str(meta["id"]) if meta.get("id") else None,
        status=status,
        metadata=metadata,
        source=_source(meta, file_name, fmt, text),
    )
    layout = None
    if record.turns is not None and record.speakers is not None:
        layout = (record.speakers, record.turns)
    elif meta.get("turns"):
        layout = _meta_turns(meta)
    if layout is not None:
        doc.speakers, doc.turns = [replace(s) for s in layout[0]], [replace(t) for t in layout[1]]
        try:
            check_document(doc)
        except ModelError as exc:
            notes.append(f"{record.where}: its turns do not fit the text ({exc}); one turn per paragraph was made")
            layout = None
    if layout is None:
        speaker = Speaker(NARRATOR, "narrator")
        name = meta.get("speaker")
        if isinstance(name, str) and name.strip():
            role = meta.get("role") if meta.get("role") in ROLES else "other"
            speaker = Speaker(name.strip(), role)
        ranges = merge_crossed(paragraphs(text), record.spans)
        doc.speakers = [speaker]
        doc.turns = [Turn(start, end, start, speaker.name) for start, end in ranges]
    fitting: list[Span] = []
    refused: list[Span] = []
    for span in record.spans:
        try:
            check_span(doc, span)
        except ModelError:
            refused.append(span)
            continue
        fitting.append(span)
    doc.spans = fitting
    return doc, refused, notes


def text_rows(path: Path) -> list[tuple[int, dict]]:
    """JSONL rows that are objects with a ``"text"`` string (doccano, spaCy); InputError otherwise."""
    rows = read_jsonl(path)
    for number, row in rows:
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise InputError(path, f'line {number}: expected an object with a "text" string')
    return rows


def read_jsonl(path: Path) -> list[tuple[int, Any]]:
    """(line number, value) for each non-blank line; InputError naming the file and line otherwise."""
    rows = []
    for number, line in enumerate(read_text(path).split("\n"), 1):
        if line.strip():
            rows.append((number, loads(path, line, f"line {number}: ")))
    return rows


def read_json(path: Path) -> Any:
    return loads(path, read_text(path))


def meta_of(value: Any) -> dict[str, Any]:
    meta = value.get("razmetka") if isinstance(value, dict) else None
    return meta if isinstance(meta, dict) else {}


def anchor_of(meta: dict[str, Any]) -> tuple[str, list[tuple[int, int, int]]] | None:
    anchor = meta.get("anchor")
    if not isinstance(anchor, dict):
        return None
    try:
        return str(anchor["sha256"]), [(int(u), int(d), int(n)) for u, d, n in anchor["pieces"]]
    except (KeyError, TypeError, ValueError):
        return None


def make_record(
    text: str, raws: list[RawSpan], where: str, meta: dict[str, Any], resolver: SpanResolver, **extra: Any
) -> Record:
    """A record with its spans resolved to code points and its newlines normalised."""
    record = Record(text, resolver.resolve(text, raws, where), where, meta, anchor=anchor_of(meta), **extra)
    return normalise_newlines(record)
