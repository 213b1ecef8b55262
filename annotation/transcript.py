"""Turn a transcript's text into speakers and turns.

:func:`parse` splits off the metadata header, finds the turns of the document's
layout and gives each turn a speaker.  Offsets in the result point into
``Transcript.text``, the text with the header removed, which is what a document
stores.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .header import split_header
from .model import Speaker, Turn

NARRATOR = "Автор"
INTERVIEWER = "Интервьюер"
RESPONDENT = "Респондент"

DASHES = "–—-"
_DASH_MARK = re.compile(r"[ \t]*[" + DASHES + r"][ \t]*")
_LINE = re.compile(r"[^\n]*")


@dataclass
class Transcript:
    text: str
    metadata: dict[str, str] = field(default_factory=dict)
    speakers: list[Speaker] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    layout: str = ""
    confidence: float = 1.0
    # How many narration turns come before the first marked turn: the respondent
    # is usually introduced in the last of them.
    lead_turns: int = 0


@dataclass(frozen=True)
class Line:
    start: int  # first non-blank character
    end: int  # one past the last non-blank character
    blank_before: bool


def lines(text: str) -> list[Line]:
    """The non-blank lines of ``text``, trimmed, each noting whether a blank line precedes it."""
    result: list[Line] = []
    blank = True
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = pos + lead
            result.append(Line(start, start + len(stripped), blank))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return result


def _dash_mark_end(text: str, line: Line) -> int | None:
    """Where the speech begins if ``line`` opens with a dash mark, else None."""
    if text[line.start] not in DASHES:
        return None
    match = _DASH_MARK.match(text, line.start)
    end = match.end() if match else line.start + 1
    # "-5 градусов" or "--" are not turn marks: a dash mark is followed by space or ends the line.
    if end == line.start + 1 and end < line.end:
        return None
    return min(end, line.end)


def parse_dash(text: str) -> Transcript:
    """Lead paragraphs (narration), then turns that open with a dash at the start of a line.

    Dash turns alternate between the interviewer and the respondent, the first one
    being the interviewer's.  A line without a dash continues the turn before it.
    """
    turns: list[Turn] = []
    marked = 0
    lead_turns = 0
    current: Turn | None = None
    for line in lines(text):
        content = _dash_mark_end(text, line)
        if content is not None:
            speaker = INTERVIEWER if marked % 2 == 0 else RESPONDENT
            marked += 1
            current = Turn(line.start, line.end, content, speaker)
            turns.append(current)
        elif current is not None and current.speaker != NARRATOR:
            current.end = line.end
        elif current is not None and not line.blank_before:
            current.end = line.end  # a wrapped line of the same lead paragraph
        else:
            current = Turn(line.start, line.end, line.start, NARRATOR)
            turns.append(current)
            lead_turns += 1
    speakers = []
    if lead_turns:
        speakers.append(Speaker(NARRATOR, "narrator"))
    if marked:
        speakers.append(Speaker(INTERVIEWER, "interviewer"))
    if marked > 1:
        speakers.append(Speaker(RESPONDENT, "respondent"))
    confidence = 1.0 if marked >= 2 else 0.3
    return Transcript(text, {}, speakers, turns, "dash", confidence, lead_turns)


LAYOUTS = {"dash": parse_dash}


def parse(raw: str, layout: str | None = None) -> Transcript:
    """Split off the header and find the turns of ``raw``.

    ``layout`` names one of :data:`LAYOUTS`; without it the layout is detected.
    """
    metadata, body = split_header(raw)
    text = raw[body:]
    if layout is not None and layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; known: {', '.join(LAYOUTS)}")
    transcript = LAYOUTS[layout or "dash"](text)
    transcript.metadata = metadata
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
