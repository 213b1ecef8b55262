"""Turn a transcript's text into speakers and turns.

:func:`parse` splits off the metadata header, detects the layout (or uses the one
asked for, see :mod:`annotation.layouts`), finds the turns and gives each turn a
speaker.  Offsets in the result point into ``Transcript.text``, the text with
the header removed, which is what a document stores.
"""

from __future__ import annotations

from dataclasses import replace

from .header import split_header
from .language import guess_language
from .layouts import LAYOUTS, detect
from .layouts.base import GENERIC_RU, Line, Transcript, lines
from .layouts.dash import DASHES, parse_dash
from .readers.base import Block

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

    ``layout`` names one of :data:`LAYOUTS`; without it the layout is detected.
    ``blocks`` and ``kind`` come from the reader (:class:`annotation.readers.RawText`)
    and carry what a structured file knows: cue times, voices, bold names.
    """
    if layout is not None and layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; known: {', '.join(LAYOUTS)}")
    metadata, body = ({}, 0) if kind == "subtitles" else split_header(raw)
    text = raw[body:]
    blocks = _shift(blocks, body)
    language = (metadata.get("lang") or "")[:2].lower() or guess_language(text)
    transcript = LAYOUTS[layout](text, language, blocks) if layout else detect(text, language, blocks, kind)
    transcript.metadata = metadata
    transcript.language = language
    _attach_times(transcript, blocks)
    return transcript


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
    "Transcript",
    "lines",
    "parse",
    "parse_dash",
    "rename_speaker",
]
