"""Turn layouts: how a transcript marks who speaks.

Each layout is a function ``text → Transcript``.  :func:`detect` tries them and
keeps the one whose marks explain the text best, with its confidence.

| name        | issue | what marks a turn |
|-------------|-------|-------------------|
| ``dash``      | a | a dash at a line's start, after optional lead paragraphs |
| ``colon``     | b | ``NAME: speech`` |
| ``name_line`` | c | the name alone on a line, the speech below |
| ``bare_name`` | d | ``NAME speech`` in capitals, or ``Name – speech`` |
| ``name_dash`` | e | a name line, the speech below opening with a dash |
| ``alternate`` | f | emphasised questions, or questions ending in "?" (low confidence) |
| ``subtitles`` | g | subtitle cues, voice tags, ``- `` inside a cue |
| ``narration`` |   | nothing: one narration turn, to split by hand (low confidence) |
| ``monologue`` |   | a title, then one speaker |

Where headings or rules separate parts marked differently, each part gets its
own layout (:mod:`.sections`); ``Transcript.sections`` says which, with its
confidence.
"""

from __future__ import annotations

from collections.abc import Callable

from ..readers.base import Block
from .alternate import is_request, parse_alternate, parse_monologue, parse_narration
from .base import Section, Transcript, lines
from .dash import dash_mark_end, parse_dash
from .marked import find_marks, parse_marked
from .marks import LINE
from .sections import detect_sections
from .subtitles import parse_subtitles

LayoutFunction = Callable[[str, str, "list[Block] | None"], Transcript]


def _bold(blocks: list[Block] | None) -> dict[int, int]:
    return {b.start: b.bold for b in blocks or () if b.bold}


def _emphasis(blocks: list[Block] | None) -> dict[int, int]:
    """How much of each block's start is bold, or all of it when the block is in italics."""
    return _bold(blocks) | {b.start: b.end - b.start for b in blocks or () if b.italic}


LAYOUTS: dict[str, LayoutFunction] = {
    "dash": lambda text, language, blocks: parse_dash(text, language),
    "colon": lambda text, language, blocks: parse_marked(text, language, _bold(blocks), "colon"),
    "name_line": lambda text, language, blocks: parse_marked(text, language, _bold(blocks), "name_line"),
    "bare_name": lambda text, language, blocks: parse_marked(text, language, _bold(blocks), "bare_name"),
    "name_dash": lambda text, language, blocks: parse_marked(text, language, _bold(blocks), "name_dash"),
    "alternate": lambda text, language, blocks: parse_alternate(text, language, _emphasis(blocks)),
    "subtitles": lambda text, language, blocks: parse_subtitles(text, language, blocks),
    "narration": lambda text, language, blocks: parse_narration(text, language),
    "monologue": lambda text, language, blocks: parse_monologue(text, language),
}


def detect_one(
    text: str, language: str, blocks: list[Block] | None = None, hints: frozenset[str] = frozenset()
) -> Transcript:
    """The one layout that explains ``text`` best.

    Credible name marks win over dashes unless the dashes that no name line
    introduces far outnumber them; dashes come next; then paragraphs alternate
    where emphasis or question marks show the questions; otherwise the text is
    narration.
    """
    bold = _bold(blocks)
    all_lines = lines(text)
    marks = find_marks(text, bold, hints=hints)
    after_name_line = {i + 1 for i, m in marks.items() if m.kind == LINE}
    free = [
        line for i, line in enumerate(all_lines) if i not in after_name_line and dash_mark_end(text, line) is not None
    ]
    free_dashes = len(free)
    # Dashes are turns where they ask something; a list or the dialogue of a story does not.
    asks = any(
        "?" in text[line.start : line.end] or is_request(text[dash_mark_end(text, line) : line.end]) for line in free
    )
    if len(marks) >= 2 and len(marks) * 4 >= free_dashes:
        marked = parse_marked(text, language, bold, hints=hints, marks=marks)
        if marked.confidence >= 0.5 or free_dashes < 2:
            return marked
    if asks and (free_dashes >= 2 or not marks):
        return parse_dash(text, language)
    if marks:
        return parse_marked(text, language, bold, hints=hints, marks=marks)
    return parse_alternate(text, language, _emphasis(blocks), forced=False)


def detect(
    text: str,
    language: str,
    blocks: list[Block] | None = None,
    kind: str = "text",
    hints: frozenset[str] = frozenset(),
) -> Transcript:
    """The layout of each section of ``text`` (see :mod:`.sections`); subtitles are subtitles."""
    if kind == "subtitles":
        result = parse_subtitles(text, language, blocks)
        result.sections = [Section(0, len(text.rstrip()), result.layout, result.confidence)]
        return result
    return detect_sections(
        text, lambda part, part_blocks: detect_one(part, language, part_blocks, hints), blocks, language
    )


__all__ = ["LAYOUTS", "Section", "Transcript", "detect", "detect_one", "parse_dash"]
