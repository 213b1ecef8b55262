"""Layout f: no speaker marks at all.

Paragraphs alternate between the interviewer and the respondent, the first being
the interviewer's.  It is a guess, so the result is marked low-confidence.  One
regularity is used when the file has it: if some paragraphs are set wholly in
bold or markdown emphasis (the questions, in many published interviews) and the
others are not, the emphasised ones are the interviewer's and the paragraphs
before the first of them are narration.
"""

from __future__ import annotations

import re

from ..model import Turn
from .base import Line, Transcript, generic, lines, paragraphs, speakers_in_order

LOW_CONFIDENCE = 0.3
_EMPHASISED = re.compile(r"(\*\*|__|\*|_)(?=\S).*\S\1", re.DOTALL)


def _emphasised(text: str, paragraph: list[Line], bold: dict[int, int]) -> bool:
    start, end = paragraph[0].start, paragraph[-1].end
    if bold.get(start, 0) >= end - start - 1:
        return True
    return bool(_EMPHASISED.fullmatch(text, start, end))


def parse_alternate(text: str, language: str = "ru", bold: dict[int, int] | None = None) -> Transcript:
    names = generic(language)
    groups = paragraphs(lines(text))
    bold = bold or {}
    emphasised = [_emphasised(text, group, bold) for group in groups]
    turns: list[Turn] = []
    roles = {names.narrator: "narrator", names.interviewer: "interviewer", names.respondent: "respondent"}
    if 2 <= sum(emphasised) < len(groups):
        first = emphasised.index(True)
        lead = first
        for group, flag in zip(groups, emphasised, strict=True):
            if lead:
                turns.append(Turn(group[0].start, group[-1].end, group[0].start, names.narrator))
                lead -= 1
                continue
            speaker = names.interviewer if flag else names.respondent
            if turns and turns[-1].speaker == speaker:
                turns[-1].end = group[-1].end
            else:
                turns.append(Turn(group[0].start, group[-1].end, group[0].start, speaker))
        return Transcript(text, {}, speakers_in_order(turns, roles), turns, "alternate", 0.5, first, language)
    for i, group in enumerate(groups):
        speaker = names.interviewer if i % 2 == 0 else names.respondent
        turns.append(Turn(group[0].start, group[-1].end, group[0].start, speaker))
    return Transcript(text, {}, speakers_in_order(turns, roles), turns, "alternate", LOW_CONFIDENCE, 0, language)
