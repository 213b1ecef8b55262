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
| ``alternate`` | f | nothing: paragraphs alternate (low confidence) |
| ``subtitles`` | g | subtitle cues, voice tags, ``- `` inside a cue |
"""

from __future__ import annotations

from collections.abc import Callable

from ..readers.base import Block
from .alternate import parse_alternate
from .base import Transcript, lines
from .dash import dash_mark_end, parse_dash
from .marked import find_marks, parse_marked
from .marks import LINE
from .subtitles import parse_subtitles

LayoutFunction = Callable[[str, str, "list[Block] | None"], Transcript]


def _bold(blocks: list[Block] | None) -> dict[int, int]:
    return {b.start: b.bold for b in blocks or () if b.bold}


LAYOUTS: dict[str, LayoutFunction] = {
    "dash": lambda text, language, blocks: parse_dash(text, language),
    "colon": lambda text, language, blocks: parse_marked(text, language, _bold(blocks), "colon"),
    "name_line": lambda text, language, blocks: parse_marked(text, language, _bold(blocks), "name_line"),
    "bare_name": lambda text, language, blocks: parse_marked(text, language, _bold(blocks), "bare_name"),
    "name_dash": lambda text, language, blocks: parse_marked(text, language, _bold(blocks), "name_dash"),
    "alternate": lambda text, language, blocks: parse_alternate(text, language, _bold(blocks)),
    "subtitles": lambda text, language, blocks: parse_subtitles(text, language, blocks),
}


def detect(text: str, language: str, blocks: list[Block] | None = None, kind: str = "text") -> Transcript:
    """The layout that explains ``text`` best.

    Subtitles are subtitles.  Otherwise credible name marks win over dashes unless
    the dashes that no name line introduces far outnumber them; dashes come next,
    and alternating paragraphs are the low-confidence fallback.
    """
    if kind == "subtitles":
        return parse_subtitles(text, language, blocks)
    bold = _bold(blocks)
    all_lines = lines(text)
    marks = find_marks(text, bold)
    after_name_line = {i + 1 for i, m in marks.items() if m.kind == LINE}
    free_dashes = sum(
        1 for i, line in enumerate(all_lines) if i not in after_name_line and dash_mark_end(text, line) is not None
    )
    if len(marks) >= 2 and len(marks) * 4 >= free_dashes:
        marked = parse_marked(text, language, bold)
        if marked.confidence >= 0.5 or free_dashes < 2:
            return marked
    if free_dashes >= 2 or (free_dashes and not marks):
        return parse_dash(text, language)
    if marks:
        return parse_marked(text, language, bold)
    return parse_alternate(text, language, bold)


__all__ = ["LAYOUTS", "Transcript", "detect", "parse_dash"]
