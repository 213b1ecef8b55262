"""The data model: plain dataclasses that every other package passes around.

Positions are Python ``str`` indices (code points) into ``Document.text`` and a
range is ``[start, end)``.  :func:`check_document` enforces the invariants of
DESIGN.md; storage calls it before anything is written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum


class _StrEnum(str, Enum):
    """A string enum whose members compare, hash, format and serialise as their values."""

    def __str__(self) -> str:
        return self.value


class Role(_StrEnum):
    INTERVIEWER = "interviewer"
    RESPONDENT = "respondent"
    NARRATOR = "narrator"
    OTHER = "other"


class Origin(_StrEnum):
    MODEL = "model"
    HUMAN = "human"
    IMPORTED = "imported"
    ADJUDICATED = "adjudicated"  # the gold layer a reviewer settles (annotation/review.py)


class Status(_StrEnum):
    """A span's status: a model suggestion nobody has resolved, accepted, or rejected."""

    SUGGESTED = "suggested"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class DocumentStatus(_StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"


ROLES = tuple(r.value for r in Role)
ORIGINS = tuple(o.value for o in Origin)
STATUSES = tuple(s.value for s in Status)
DOCUMENT_STATUSES = tuple(s.value for s in DocumentStatus)


class ModelError(ValueError):
    """A document, turn or span breaks an invariant of the data model."""


_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
# Label names travel into XML (Label Studio's config), brat's .ann lines and file names:
# one "word" of printable characters, without markup or quoting characters.
_LABEL_FORBIDDEN = set('<>&"\'`/\\')
LABEL_NAME_MAX = 40


def label_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a label's name, or None if it can."""
    if not name:
        return "a label needs a name"
    if len(name) > LABEL_NAME_MAX:
        return f"label name {name[:LABEL_NAME_MAX]!r}… is longer than {LABEL_NAME_MAX} characters"
    if any(ch.isspace() for ch in name):
        one_word = "_".join(name.split())
        return f"label name {name!r} has a space; use one word such as {one_word!r}"
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        return f"label name {name!r} has a control character"
    bad = sorted({ch for ch in name if ch in _LABEL_FORBIDDEN})
    if bad:
        return f"label name {name!r} has {' '.join(bad)}, which label names cannot hold"
    return None


@dataclass(frozen=True)
class Label:
    """One entity label of the project's schema: a one-word name, a #rrggbb colour, an optional key."""

    name: str
    color: str
    hotkey: str = ""
    description: str = ""

    def __post_init__(self) -> None:
        problem = label_name_problem(self.name)
        if problem:
            raise ModelError(problem)
        if not _COLOR.fullmatch(self.color):
            raise ModelError(f"colour {self.color!r} of label {self.name} is not of the form #rrggbb")
        if self.hotkey and (len(self.hotkey) != 1 or not self.hotkey.isdigit() or self.hotkey == "0"):
            raise ModelError(f"hotkey {self.hotkey!r} of label {self.name} must be one digit from 1 to 9")


@dataclass
class Speaker:
    name: str
    role: str = "other"

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ModelError("a speaker needs a name")
        if self.role not in ROLES:
            raise ModelError(f"unknown speaker role {self.role!r}")


@dataclass
class Turn:
    start: int
    end: int
    content_start: int
    speaker: str
    time_start: float | None = None
    time_end: float | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.content_start <= self.end) or self.start == self.end:
            raise ModelError(f"turn range [{self.start}, {self.end}) with speech at {self.content_start} is not valid")


@dataclass
class Span:
    start: int
    end: int
    label: str
    text: str
    normal: str | None = None
    origin: str = "human"
    status: str = "accepted"
    annotator: str | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        if self.start >= self.end or self.start < 0:
            raise ModelError(f"span [{self.start}, {self.end}) is empty or negative")
        if self.origin not in ORIGINS:
            raise ModelError(f"unknown span origin {self.origin!r}")
        if self.status not in STATUSES:
            raise ModelError(f"unknown span status {self.status!r}")
        if len(self.text) != self.end - self.start:
            raise ModelError(f"span text {self.text!r} does not fit [{self.start}, {self.end})")
        if self.text != self.text.strip():
            raise ModelError(f"span {self.text!r} has leading or trailing whitespace")

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)

    @property
    def visible(self) -> bool:
        """Shown to a person: everything but a rejected suggestion (which stays as a row)."""
        return self.status != Status.REJECTED


@dataclass(frozen=True)
class Mention:
    """One entity as a suggestion source gave it, with offsets into the document text."""

    start: int
    end: int
    label: str
    text: str
    normal: str | None


@dataclass
class Source:
    file: str = ""
    sha256: str = ""
    layout: str = ""
    confidence: float = 1.0
    language: str = ""


@dataclass
class Document:
    text: str
    title: str = ""
    id: str | None = None
    status: str = "new"
    metadata: dict[str, str] = field(default_factory=dict)
    source: Source = field(default_factory=Source)
    speakers: list[Speaker] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)

    def speaker(self, name: str) -> Speaker:
        for speaker in self.speakers:
            if speaker.name == name:
                return speaker
        raise KeyError(name)

    def turn_at(self, offset: int) -> Turn | None:
        """The turn whose range holds ``offset``, or None (whitespace between turns)."""
        lo, hi = 0, len(self.turns)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.turns[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.turns) and self.turns[lo].start <= offset < self.turns[lo].end:
            return self.turns[lo]
        return None

    def visible_spans(self) -> list[Span]:
        """Spans a person sees: everything except rejected suggestions."""
        return [s for s in self.spans if s.visible]


def check_span(doc: Document, span: Span) -> None:
    """Raise ModelError unless ``span`` fits the text and lies inside one turn's speech."""
    if span.end > len(doc.text) or doc.text[span.start : span.end] != span.text:
        raise ModelError(f"span {span.text!r} at [{span.start}, {span.end}) does not match the document text")
    turn = doc.turn_at(span.start)
    if turn is None or not (turn.content_start <= span.start and span.end <= turn.end):
        raise ModelError(f"span {span.text!r} at [{span.start}, {span.end}) is not inside one turn's speech")


def check_document(doc: Document) -> None:
    """Raise ModelError if ``doc`` breaks any invariant of DESIGN.md."""
    if doc.status not in DOCUMENT_STATUSES:
        raise ModelError(f"unknown document status {doc.status!r}")
    names = [s.name for s in doc.speakers]
    if len(set(names)) != len(names):
        raise ModelError("speaker names must be unique in a document")
    previous_end = 0
    for turn in doc.turns:
        if turn.start < previous_end:
            raise ModelError(f"turn at {turn.start} overlaps the one before it")
        if doc.text[previous_end : turn.start].strip():
            raise ModelError(f"text at {previous_end}..{turn.start} belongs to no turn")
        if turn.end > len(doc.text):
            raise ModelError(f"turn [{turn.start}, {turn.end}) runs past the end of the text")
        if turn.speaker not in names:
            raise ModelError(f"turn at {turn.start} names unknown speaker {turn.speaker!r}")
        previous_end = turn.end
    if doc.text[previous_end:].strip():
        raise ModelError(f"text after {previous_end} belongs to no turn")
    seen: set[tuple[str | None, int, int, str]] = set()
    for span in doc.spans:
        check_span(doc, span)
        layer_key = (span.annotator, span.start, span.end, span.label)
        if layer_key in seen:
            raise ModelError(f"span {span.text!r} {span.label} appears twice in one layer")
        seen.add(layer_key)
