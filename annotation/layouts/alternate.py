"""Layouts without speaker names: emphasised questions, bare Q/A, narration, a monologue.

- ``alternate``: paragraphs alternate between the interviewer and the respondent.
  Two kinds of evidence say where the questions are.  If some paragraphs are set
  wholly in bold or italics (markdown ``**…**``, ``*…*``, ``_…_``, or a .docx's
  bold or italic paragraph) and the others are not, the emphasised ones are the
  questions.  Otherwise questions are the paragraphs ending with a question mark,
  when they alternate with answers.  Paragraphs before the first question are
  narration (an introduction), and a heading belongs to the running turn.  Without
  emphasis, the guess is low-confidence.
- ``narration``: no evidence of questions and answers (a news article, an essay):
  the whole text is one narration turn, low-confidence, for the annotator to split.
  Detection never alternates such a text; forcing ``alternate`` still does.
- ``monologue``: a title, then one speaker (a talk without marks).
"""

from __future__ import annotations

import re

from ..model import Turn
from .base import Line, Transcript, generic, lines, paragraphs, speakers_in_order

LOW_CONFIDENCE = 0.3
QA_CONFIDENCE = 0.4  # questions found by their question marks: plausible, but no marks
NARRATION_CONFIDENCE = 0.2
_EMPHASISED = re.compile(r"(\*\*|__|\*|_)(?=\S).*\S\1", re.DOTALL)
_HEADING = re.compile(r"#{1,6}[ \t]|(?:[-*_][ \t]*){3,}$")
_CLOSERS = "*_»\"”’')]… \t"
_REQUEST = re.compile(
    r"(?:tell|describe|explain|talk|share|walk me|расскажите|опишите|объясните|поделитесь|назовите|вспомните"
    r"|поясните|представьтесь)\b",
    re.IGNORECASE,
)
_END_PUNCT = re.compile(r"[.!?…:;,]$")


def _paragraph_text(text: str, paragraph: list[Line]) -> str:
    return text[paragraph[0].start : paragraph[-1].end]


def _emphasised(text: str, paragraph: list[Line], emphasis: dict[int, int]) -> bool:
    """Wholly bold or italic, or a heading that asks (``## Почему вы ушли?``)."""
    start, end = paragraph[0].start, paragraph[-1].end
    if emphasis.get(start, 0) >= end - start - 1:
        return True
    if len(paragraph) == 1 and text.startswith("#", start) and text[start:end].rstrip(_CLOSERS).endswith("?"):
        return True
    return bool(_EMPHASISED.fullmatch(text, start, end))


def is_heading(text: str, paragraph: list[Line], emphasised: bool = False) -> bool:
    """A ``# heading``, a rule (``---``, ``* * *``), or a short emphasised line without end punctuation."""
    body = _paragraph_text(text, paragraph)
    if len(paragraph) == 1 and _HEADING.match(body):
        return not body.rstrip(_CLOSERS).endswith("?")  # a heading that asks is a question
    if not emphasised or len(paragraph) > 1:
        return False
    bare = body.strip("*_ \t")
    return len(bare.split()) <= 8 and not _END_PUNCT.search(bare)


def is_request(body: str) -> bool:
    """One short request: «Расскажите о…», "Tell me about…"."""
    return bool(_REQUEST.match(body)) and len(body.split()) <= 15 and body.count(".") <= 1


def _is_question(text: str, paragraph: list[Line]) -> bool:
    """Ends with a question mark, or is one short request."""
    body = _paragraph_text(text, paragraph).strip("*_# \t")
    return body.rstrip(_CLOSERS).endswith("?") or is_request(body)


def _result(text: str, language: str, turns: list[Turn], layout: str, confidence: float, lead: int) -> Transcript:
    names = generic(language)
    roles = {names.narrator: "narrator", names.interviewer: "interviewer", names.respondent: "respondent"}
    roles[names.speaker] = "respondent"
    return Transcript(text, {}, speakers_in_order(turns, roles), turns, layout, confidence, lead, language)


def _assign(groups: list[list[Line]], speakers: list[str | None], narrator: str) -> tuple[list[Turn], int]:
    """Turns from paragraphs and their speakers (None: a heading, part of the running turn).

    Each narration paragraph is a turn of its own; a speaker's consecutive
    paragraphs are one turn.  Returns the turns and how many narration turns lead.
    """
    turns: list[Turn] = []
    for group, speaker in zip(groups, speakers, strict=True):
        start, end = group[0].start, group[-1].end
        if speaker is None and turns:
            turns[-1].end = end
            continue
        speaker = speaker or narrator
        if turns and turns[-1].speaker == speaker != narrator:
            turns[-1].end = end
            continue
        turns.append(Turn(start, end, start, speaker))
    lead = next((i for i, t in enumerate(turns) if t.speaker != narrator), len(turns))
    return turns, lead


def _qa_speakers(flags: list[bool | None], first: int, names) -> list[str | None]:
    """Speakers by question flags (None: heading); before ``first``, narration.

    When every question falls on an even step from the first, the paragraphs
    alternate strictly (a question need not end with "?"); otherwise each
    question is the interviewer's and what follows it the respondent's.
    """
    body = [i for i in range(first, len(flags)) if flags[i] is not None]
    strict = all(flags[i] is False or step % 2 == 0 for step, i in enumerate(body))
    result: list[str | None] = [names.narrator if flags[i] is not None else None for i in range(first)]
    step = 0
    for i in range(first, len(flags)):
        if flags[i] is None:
            result.append(None)
            continue
        asks = step % 2 == 0 if strict else flags[i]
        result.append(names.interviewer if asks else names.respondent)
        step += 1
    return result


def _qa_evidence(flags: list[bool | None]) -> int | None:
    """The first question, if questions and answers alternate after it; else None."""
    questions = [i for i, flag in enumerate(flags) if flag]
    if len(questions) < 2:
        return None
    first = questions[0]
    body = [flag for flag in flags[first:] if flag is not None]
    doubled = sum(1 for a, b in zip(body, body[1:], strict=False) if a and b)
    share = sum(body) / len(body)
    if doubled * 4 > len(questions) or not 0.25 <= share <= 0.6:
        return None
    return first


def parse_alternate(
    text: str, language: str = "ru", emphasis: dict[int, int] | None = None, forced: bool = True
) -> Transcript:
    """Alternating paragraphs; unless ``forced``, a text without evidence of Q/A is narration."""
    names = generic(language)
    groups = paragraphs(lines(text))
    emphasis = emphasis or {}
    emphasised = [_emphasised(text, group, emphasis) for group in groups]
    last = len(groups) - 1
    headings = [i < last and is_heading(text, g, e) for i, (g, e) in enumerate(zip(groups, emphasised, strict=True))]
    marked = [e and not h for e, h in zip(emphasised, headings, strict=True)]
    speech = [not h for h in headings]
    if 2 <= sum(marked) < sum(speech):
        flags: list[bool | None] = [None if h else m for h, m in zip(headings, marked, strict=True)]
        first = marked.index(True)
        speakers = [names.narrator] * first + [
            None if f is None else (names.interviewer if f else names.respondent) for f in flags[first:]
        ]
        turns, lead = _assign(groups, speakers, names.narrator)
        questions = [_is_question(text, g) for g, m in zip(groups, marked, strict=True) if m]
        return _result(text, language, turns, "alternate", 0.6 if all(questions) else 0.5, lead)
    flags = [None if h else _is_question(text, g) for g, h in zip(groups, headings, strict=True)]
    first = _qa_evidence(flags)
    if first is not None:
        turns, lead = _assign(groups, _qa_speakers(flags, first, names), names.narrator)
        return _result(text, language, turns, "alternate", QA_CONFIDENCE, lead)
    if not forced:
        return parse_narration(text, language)
    turns = []
    for i, group in enumerate(groups):
        speaker = names.interviewer if i % 2 == 0 else names.respondent
        turns.append(Turn(group[0].start, group[-1].end, group[0].start, speaker))
    return _result(text, language, turns, "alternate", LOW_CONFIDENCE, 0)


def parse_narration(text: str, language: str = "ru") -> Transcript:
    """The whole text as one narration turn: no sign of who speaks."""
    names = generic(language)
    all_lines = lines(text)
    turns = [Turn(all_lines[0].start, all_lines[-1].end, all_lines[0].start, names.narrator)] if all_lines else []
    return _result(text, language, turns, "narration", NARRATION_CONFIDENCE, len(turns))


def parse_monologue(text: str, language: str = "ru", speaker: str | None = None) -> Transcript:
    """Leading headings are narration; everything after them is one speaker's turn."""
    names = generic(language)
    groups = paragraphs(lines(text))
    title = 0
    while title < len(groups) - 1 and is_heading(text, groups[title]):
        title += 1
    turns: list[Turn] = []
    if title:
        turns.append(Turn(groups[0][0].start, groups[title - 1][-1].end, groups[0][0].start, names.narrator))
    if groups[title:]:
        start = groups[title][0].start
        turns.append(Turn(start, groups[-1][-1].end, start, speaker or names.speaker))
    result = _result(text, language, turns, "monologue", 0.6, 1 if title else 0)
    if speaker:
        for s in result.speakers:
            if s.name == speaker:
                s.role = "respondent"
    return result
