"""Turn a transcript's text into speakers and turns.

:func:`parse` splits off the metadata header, reads YAML front matter, detects
the layout of each section (or uses the one asked for, see
:mod:`annotation.layouts`), finds the turns and gives each turn a speaker.
Offsets in the result point into ``Transcript.text``, the text with the header
removed, which is what a document stores.  :func:`relayout` does the same for a
stored text with a chosen layout, and :func:`sections_of` tells a stored
document's sections.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace

from .header import split_front_matter, split_header
from .language import guess_language
from .layouts import LAYOUTS, detect
from .layouts.base import GENERIC_RU, Line, Section, Transcript, generic, lines
from .layouts.dash import DASHES, parse_dash
from .layouts.names import name_key
from .layouts.sections import blocks_within, stitch, with_sections
from .model import Document, Span, Speaker, Turn
from .readers.base import Block

SECTIONS_KEY = "layout_sections"  # the document metadata key for documents of several sections
NARRATOR = GENERIC_RU.narrator
INTERVIEWER = GENERIC_RU.interviewer
RESPONDENT = GENERIC_RU.respondent


def _shift(blocks: list[Block] | None, body: int) -> list[Block] | None:
    if not blocks or not body:
        return blocks
    return [
        replace(b, start=max(b.start - body, 0), end=b.end - body, bold=max(0, b.bold - max(body - b.start, 0)))
        for b in blocks
        if b.end > body
    ]


def _attach_times(transcript: Transcript, blocks: list[Block] | None) -> None:
    """Give turns the times of the cues they start and end in, where the layout gave none."""
    timed = [b for b in blocks or () if b.time_start is not None]
    if not timed:
        return
    for turn in transcript.turns:
        if turn.time_start is not None:
            continue
        first = next((b for b in timed if b.end > turn.start), None)
        last = next((b for b in reversed(timed) if b.start < turn.end), None)
        if first is not None and last is not None:
            turn.time_start, turn.time_end = first.time_start, last.time_end


def parse(raw: str, layout: str | None = None, *, blocks: list[Block] | None = None, kind: str = "text") -> Transcript:
    """Split off the header and find the turns of ``raw``.

    ``layout`` names one of :data:`LAYOUTS`; without it the layout is detected,
    part by part (``Transcript.sections``).  ``blocks`` and ``kind`` come from the
    reader (:class:`annotation.readers.RawText`) and carry what a structured file
    knows: cue times, voices, bold names, italic paragraphs.  YAML front matter
    stays in the text as a narration turn and its fields join the metadata; its
    ``speakers`` are trusted as speakers' names.
    """
    if layout is not None and layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; known: {', '.join(LAYOUTS)}")
    metadata, body = ({}, 0) if kind == "subtitles" else split_header(raw)
    transcript = relayout(raw[body:], layout, blocks=_shift(blocks, body), kind=kind, language=metadata.get("lang"))
    transcript.metadata = transcript.metadata | metadata
    if len(transcript.sections) > 1:
        sections = [section.to_json() for section in transcript.sections]
        transcript.metadata[SECTIONS_KEY] = json.dumps(sections, ensure_ascii=False)
    return transcript


def sections_of(document: Document) -> list[Section]:
    """The layout chosen for each section of a stored document, with its confidence.

    Documents with more than one section keep them in ``metadata["layout_sections"]``;
    for the others the one section is the whole text with ``document.source``'s
    layout and confidence.
    """
    stored = document.metadata.get(SECTIONS_KEY)
    if stored:
        try:
            return [
                Section(int(s["start"]), int(s["end"]), str(s["layout"]), float(s["confidence"]))
                for s in json.loads(stored)
            ]
        except (ValueError, KeyError, TypeError):
            pass  # edited by hand: fall back to the document's own layout
    source = document.source
    return [Section(0, len(document.text), source.layout, source.confidence)]


def relayout(
    text: str,
    layout: str | None = None,
    *,
    language: str | None = None,
    blocks: list[Block] | None = None,
    kind: str = "text",
) -> Transcript:
    """Find the turns of a document's stored ``text`` again, with ``layout`` (None: detect).

    Pure: the text is never changed (no header is split off), so the result's
    offsets are valid for the stored document and every span keeps its place in
    the text.  The GUI's Turns › Re-detect layout previews the result's
    ``speakers``, ``turns`` and ``sections`` and applies them as one edit.
    """
    if layout is not None and layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; known: {', '.join(LAYOUTS)}")
    front, front_end, names = ({}, 0, []) if kind == "subtitles" else split_front_matter(text)
    body = text[front_end:]
    language = (language or front.get("lang") or front.get("language") or "")[:2].lower() or guess_language(body)
    body_blocks = blocks_within(blocks, front_end, len(text))
    hints = frozenset(name_key(name) for name in names)
    if layout:
        transcript = with_sections(LAYOUTS[layout](body, language, body_blocks))
    else:
        transcript = detect(body, language, body_blocks, kind, hints)
    if front_end:
        transcript = stitch(
            text, [(0, _front_matter_part(text[:front_end], language)), (front_end, transcript)], language
        )
    transcript.text = text
    transcript.metadata = dict(front)
    transcript.language = language
    _attach_times(transcript, blocks)
    return transcript


def misplaced_spans(turns: list[Turn], spans: Iterable[Span]) -> list[Span]:
    """The spans that would not lie inside one turn's speech under ``turns``.

    A re-parse keeps the text, so every span keeps its place; but a span on what
    the new layout reads as a speaker mark (``Иван:``), or across a new turn
    boundary, would break the model's invariant.  A re-detect previews these and
    refuses or asks before applying.
    """
    probe = Document("", turns=turns)
    return [
        span
        for span in spans
        if (turn := probe.turn_at(span.start)) is None
        or not (turn.content_start <= span.start and span.end <= turn.end)
    ]


def _front_matter_part(text: str, language: str) -> Transcript:
    narrator = generic(language).narrator
    start = len(text) - len(text.lstrip())
    turn = Turn(start, len(text.rstrip()), start, narrator)
    return Transcript(text, {}, [Speaker(narrator, "narrator")], [turn], "front_matter", 1.0, 1, language)


def rename_speaker(transcript: Transcript, old: str, new: str) -> None:
    """Rename a speaker and its turns; no-op if ``new`` is taken or ``old`` is absent."""
    names = {s.name for s in transcript.speakers}
    if old not in names or new in names:
        return
    for speaker in transcript.speakers:
        if speaker.name == old:
            speaker.name = new
    for turn in transcript.turns:
        if turn.speaker == old:
            turn.speaker = new


__all__ = [
    "DASHES",
    "INTERVIEWER",
    "LAYOUTS",
    "Line",
    "NARRATOR",
    "RESPONDENT",
    "Section",
    "Transcript",
    "lines",
    "misplaced_spans",
    "parse",
    "parse_dash",
    "relayout",
    "rename_speaker",
    "sections_of",
]
