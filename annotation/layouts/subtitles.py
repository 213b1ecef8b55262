"""Layout g: subtitles.  Cues are merged into turns.

A cue names its speaker by a WebVTT voice tag (``<v Name>``), by ``NAME:`` at a
line's start (as Zoom writes), or not at all.  A line opening with a dash
(``- …``) starts a new turn by the other speaker, as subtitles mark a change of
voice inside one cue.  Cues that name nobody continue the turn before them.
Each turn keeps the start of its first cue and the end of its last.
"""

from __future__ import annotations

from ..model import Turn
from ..readers.base import Block
from .base import Line, Transcript, generic, lines, paragraphs, speakers_in_order
from .dash import dash_mark_end
from .marked import find_marks
from .marks import COLON
from .names import display_name, infer_roles, name_key, word_role


def _blocks_of(text: str, all_lines: list[Line], blocks: list[Block] | None) -> list[tuple[Block, list[Line]]]:
    if not blocks:
        blocks = [Block(group[0].start, group[-1].end) for group in paragraphs(all_lines)]
    result: list[tuple[Block, list[Line]]] = []
    i = 0
    for block in sorted(blocks, key=lambda b: b.start):
        inside = []
        while i < len(all_lines) and all_lines[i].start < block.end:
            if all_lines[i].start >= block.start:
                inside.append(all_lines[i])
            i += 1
        if inside:
            result.append((block, inside))
    return result


def parse_subtitles(text: str, language: str = "ru", blocks: list[Block] | None = None) -> Transcript:
    names = generic(language)
    all_lines = lines(text)
    index_of = {line.start: i for i, line in enumerate(all_lines)}
    colon = {i: m for i, m in find_marks(text).items() if m.kind == COLON}
    cues = _blocks_of(text, all_lines, blocks)
    turns: list[Turn] = []
    variants: dict[str, list[str]] = {}
    voiced = dashes = named = 0
    current: Turn | None = None

    def start_turn(line: Line, content: int, speaker: str, block: Block) -> Turn:
        turn = Turn(line.start, line.end, content, speaker, block.time_start, block.time_end)
        turns.append(turn)
        return turn

    def extend(turn: Turn, line: Line, block: Block) -> None:
        turn.end = line.end
        if block.time_end is not None:
            turn.time_end = block.time_end
        if turn.time_start is None:
            turn.time_start = block.time_start

    for block, cue_lines in cues:
        for n, line in enumerate(cue_lines):
            dash_end = dash_mark_end(text, line)
            mark = colon.get(index_of[line.start])
            if block.voice and n == 0:
                voiced += 1
                key = name_key(block.voice)
                variants.setdefault(key, []).append(block.voice)
                if current is not None and current.speaker == key:
                    extend(current, line, block)
                else:
                    current = start_turn(line, dash_end if dash_end is not None else line.start, key, block)
            elif mark is not None and not block.voice:
                named += 1
                key = name_key(mark.name)
                variants.setdefault(key, []).append(mark.name)
                if current is not None and current.speaker == key:
                    extend(current, line, block)  # the same speaker again: one turn
                else:
                    current = start_turn(line, mark.end, key, block)
            elif dash_end is not None and not block.voice:
                dashes += 1
                other = names.respondent if current is not None and current.speaker == names.interviewer else None
                current = start_turn(line, dash_end, other or names.interviewer, block)
            elif current is not None:
                extend(current, line, block)
            else:
                current = start_turn(line, line.start, names.interviewer, block)
    display = {key: display_name(v) for key, v in variants.items()}
    single = not (voiced or named or dashes)
    for turn in turns:
        if single:
            turn.speaker = names.speaker
        turn.speaker = display.get(turn.speaker, turn.speaker)
    stated = {display[k]: word_role(v[0]) for k, v in variants.items() if word_role(v[0])}
    if dashes:
        stated.update({names.interviewer: "interviewer", names.respondent: "respondent"})
    if single:
        stated[names.speaker] = "other"
    roles = infer_roles(turns, text, stated)
    if voiced * 2 >= len(cues) and voiced:
        score = 0.95
    elif named >= 2:
        score = 0.85
    elif dashes:
        score = 0.6
    else:
        score = 0.3
    return Transcript(text, {}, speakers_in_order(turns, roles), turns, "subtitles", score, 0, language)
