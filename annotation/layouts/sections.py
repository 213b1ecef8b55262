"""Mixed layouts: a document cut into sections, each with the layout that explains it.

A talk and then its Q&A, a page of chrome and then a dash interview, a speech and
then a conversation: where a heading or a rule (``---``, ``* * *``) separates parts
whose marks differ, each part gets its own layout.  Parts without marks of their own
(a heading inside a speech, the paragraphs after it) stay with the part before them.

The pieces are parsed apart and stitched back into one :class:`Transcript`
with one :class:`Section` per part, so the choice can be explained and
overridden.  Stitching keeps the rules of the whole: a heading or rule that opens
a part belongs to the running turn; a talk without marks before a Q&A is the
talk of the Q&A's main speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..model import Speaker, Turn
from ..readers.base import Block
from .alternate import is_heading, parse_monologue
from .base import Section, Transcript, generic, lines, paragraphs
from .dash import dash_mark_end
from .marked import find_marks
from .marks import LINE

# A line that opens a new part: a markdown heading or a rule.
BOUNDARY = re.compile(r"#{1,6}[ \t]|(?:[-*_][ \t]*){3,}$")
MARKED = ("colon", "name_line", "bare_name", "name_dash", "dash", "subtitles")
Detect = Callable[[str, list[Block] | None], Transcript]


def cut_points(text: str) -> list[int]:
    """Where parts begin: every heading or rule line but the first line, and a clear change of marks."""
    all_lines = lines(text)
    cuts = [line.start for line in all_lines[1:] if BOUNDARY.match(text, line.start, line.end)]
    change = _names_then_dashes(text, all_lines)
    if change is None or any(change[0] < cut <= change[1] for cut in cuts):
        return cuts  # no change of marks, or a heading or rule already separates them
    return sorted({*cuts, change[1]})


def _names_then_dashes(text: str, all_lines) -> tuple[int, int] | None:
    """(the last name mark, the first dash line) when names mark every turn before it and none after.

    ``**Вера:** …`` paragraphs of a talk, then ``– …?`` / ``– …`` without names: a
    change of marks even without a rule between them.
    """
    dashes = [i for i, line in enumerate(all_lines) if dash_mark_end(text, line) is not None]
    if len(dashes) < 2 or not all_lines[dashes[0]].blank_before:
        return None
    if not any("?" in text[all_lines[i].start : all_lines[i].end] for i in dashes):
        return None
    marks = find_marks(text)
    first = dashes[0]
    if not marks or max(marks) > first or any(i + 1 == first for i, m in marks.items() if m.kind == LINE):
        return None
    return all_lines[max(marks)].start, all_lines[first].start


def blocks_within(blocks: list[Block] | None, start: int, end: int) -> list[Block] | None:
    if not blocks:
        return blocks
    return [replace(b, start=b.start - start, end=b.end - start) for b in blocks if start <= b.start < end]


def _marked_layout(part: Transcript) -> str | None:
    """The part's layout if its own marks found speakers in it, else None."""
    if part.layout in MARKED and part.confidence >= 0.5 and len(part.turns) > part.lead_turns:
        return part.layout
    return None


def detect_sections(text: str, detect_one: Detect, blocks: list[Block] | None, language: str) -> Transcript:
    """One layout per part when parts marked differently follow each other; else ``detect_one(text)``."""
    cuts = cut_points(text)
    if not cuts:
        return with_sections(detect_one(text, blocks))
    bounds = [0, *cuts, len(text)]
    groups: list[list[int]] = []  # [start, end] of each part
    layouts: list[str | None] = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        layout = _marked_layout(detect_one(text[start:end], blocks_within(blocks, start, end)))
        if groups and layouts[-1] is None and layout is not None:
            first = groups[-1]
            if not _talk(detect_one(text[first[0] : first[1]], blocks_within(blocks, *first))):
                first[1], layouts[-1] = end, layout  # chrome or a lead before the marks: one part
                continue
        elif groups and (layout is None or layout == layouts[-1]):
            groups[-1][1] = end  # no marks of its own, or the same marks: the same part
            continue
        groups.append([start, end])
        layouts.append(layout)
    if len(groups) == 1:
        return with_sections(detect_one(text, blocks))
    parts = [(start, detect_one(text[start:end], blocks_within(blocks, start, end))) for start, end in groups]
    return stitch(text, parts, language)


def with_sections(transcript: Transcript, offset: int = 0) -> Transcript:
    if not transcript.sections:
        span = lines(transcript.text)
        start, end = (span[0].start, span[-1].end) if span else (0, len(transcript.text))
        transcript.sections = [Section(start + offset, end + offset, transcript.layout, transcript.confidence)]
    return transcript


def _only_headings(text: str) -> bool:
    groups = paragraphs(lines(text))
    return bool(groups) and all(is_heading(text, group) for group in groups)


def _talk(part: Transcript) -> bool:
    """A part without marks that reads as a talk: headings among several paragraphs."""
    if part.layout not in ("narration", "alternate") or part.confidence >= 0.5:
        return False
    groups = paragraphs(lines(part.text))
    return len(groups) >= 4 and any(is_heading(part.text, group) for group in groups[1:])


def _main_speaker(part: Transcript) -> str | None:
    respondents = [s.name for s in part.speakers if s.role == "respondent"]
    return respondents[0] if respondents else None


def stitch(text: str, parts: list[tuple[int, Transcript]], language: str) -> Transcript:
    """One transcript from parts parsed apart; ``parts`` are (offset in ``text``, transcript)."""
    narrator = generic(language).narrator
    parts = list(parts)
    for i, (offset, part) in enumerate(parts[:-1]):
        speaker = _main_speaker(parts[i + 1][1])
        if speaker and _talk(part):
            parts[i] = (offset, parse_monologue(part.text, language, speaker))
    turns: list[Turn] = []
    speakers: dict[str, Speaker] = {}
    sections: list[Section] = []
    for index, (offset, part) in enumerate(parts):
        with_sections(part)
        sections.extend(replace(s, start=s.start + offset, end=s.end + offset) for s in part.sections)
        for speaker in part.speakers:
            speakers.setdefault(speaker.name, Speaker(speaker.name, speaker.role))
        for n, turn in enumerate(part.turns):
            moved = replace(
                turn, start=turn.start + offset, end=turn.end + offset, content_start=turn.content_start + offset
            )
            opening = index and n == 0 and turns and turns[-1].speaker != narrator
            if opening and turn.speaker == narrator and _only_headings(text[moved.start : moved.end]):
                turns[-1].end = moved.end  # a heading or rule belongs to the running turn
                continue
            turns.append(moved)
    used = {t.speaker for t in turns}
    confidence = min(s.confidence for s in sections)
    names = [s.layout for s in sections if s.layout != "front_matter"]
    layout = "+".join(dict.fromkeys(names)) or sections[0].layout
    lead = next((i for i, t in enumerate(turns) if t.speaker != narrator), len(turns))
    result = Transcript(text, {}, [s for s in speakers.values() if s.name in used], turns, layout, confidence, lead)
    result.language = language
    result.sections = sections
    return result
