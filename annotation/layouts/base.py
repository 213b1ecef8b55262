"""What every layout shares: the result type, lines and paragraphs, generic speaker names."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Speaker, Turn

CYRILLIC_LANGUAGES = ("ru", "uk", "be", "bg", "kk", "mk", "sr")


@dataclass
class Section:
    """A stretch of the text whose turns one layout found: ``[start, end)`` in ``Transcript.text``."""

    start: int
    end: int
    layout: str
    confidence: float

    def to_json(self) -> dict:
        return {"layout": self.layout, "confidence": self.confidence, "start": self.start, "end": self.end}


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
    language: str = ""
    # The layout chosen for each part of the text, in order (one section for most documents).
    sections: list[Section] = field(default_factory=list)


@dataclass(frozen=True)
class Generic:
    """Names for speakers the text does not name."""

    narrator: str
    interviewer: str
    respondent: str
    speaker: str


GENERIC_RU = Generic("Автор", "Интервьюер", "Респондент", "Говорящий")
GENERIC_EN = Generic("Narrator", "Interviewer", "Respondent", "Speaker")


def generic(language: str) -> Generic:
    """Russian generic names for Cyrillic (and undetected) text, English ones otherwise."""
    return GENERIC_RU if language in CYRILLIC_LANGUAGES or language in ("", "und") else GENERIC_EN


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


def paragraphs(all_lines: list[Line]) -> list[list[Line]]:
    """Lines grouped by blank lines; a text without blank lines has one line per paragraph."""
    if all_lines and not any(line.blank_before for line in all_lines[1:]):
        return [[line] for line in all_lines]
    groups: list[list[Line]] = []
    for line in all_lines:
        if line.blank_before or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def speakers_in_order(turns: list[Turn], roles: dict[str, str]) -> list[Speaker]:
    seen: dict[str, Speaker] = {}
    for turn in turns:
        if turn.speaker not in seen:
            seen[turn.speaker] = Speaker(turn.speaker, roles.get(turn.speaker, "other"))
    return list(seen.values())
