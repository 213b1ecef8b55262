"""Layout a: turns that open with a dash (–, — or -) after optional lead paragraphs."""

from __future__ import annotations

import re

from ..model import Speaker, Turn
from .base import Line, Transcript, generic, lines

DASHES = "–—-"
_DASH_MARK = re.compile(r"[ \t]*[" + DASHES + r"][ \t]*")


def dash_mark_end(text: str, line: Line) -> int | None:
    """Where the speech begins if ``line`` opens with a dash mark, else None."""
    if text[line.start] not in DASHES:
        return None
    match = _DASH_MARK.match(text, line.start)
    end = match.end() if match else line.start + 1
    # "-5 градусов" or "--" are not turn marks: a dash mark is followed by space or ends the line.
    if end == line.start + 1 and end < line.end:
        return None
    return min(end, line.end)


def parse_dash(text: str, language: str = "ru") -> Transcript:
    """Lead paragraphs (narration), then turns that open with a dash at the start of a line.

    Dash turns alternate between the interviewer and the respondent, the first one
    being the interviewer's.  A line without a dash continues the turn before it;
    each lead paragraph is a narration turn of its own.
    """
    names = generic(language)
    turns: list[Turn] = []
    marked = 0
    lead_turns = 0
    current: Turn | None = None
    for line in lines(text):
        content = dash_mark_end(text, line)
        if content is not None:
            speaker = names.interviewer if marked % 2 == 0 else names.respondent
            marked += 1
            current = Turn(line.start, line.end, content, speaker)
            turns.append(current)
        elif current is not None and current.speaker != names.narrator:
            current.end = line.end
        elif current is not None and not line.blank_before:
            current.end = line.end  # a wrapped line of the same lead paragraph
        else:
            current = Turn(line.start, line.end, line.start, names.narrator)
            turns.append(current)
            lead_turns += 1
    speakers = []
    if lead_turns:
        speakers.append(Speaker(names.narrator, "narrator"))
    if marked:
        speakers.append(Speaker(names.interviewer, "interviewer"))
    if marked > 1:
        speakers.append(Speaker(names.respondent, "respondent"))
    confidence = 1.0 if marked >= 2 else 0.3
    return Transcript(text, {}, speakers, turns, "dash", confidence, lead_turns, language)
