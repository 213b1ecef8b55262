"""Layouts b–e: turns opened by a speaker's name.

- b ``colon``: ``NAME: speech``;
- c ``name_line``: the name alone on a line, the speech in the paragraph(s) below;
- d ``bare_name``: a name without a colon (``А.ВЕНЕДИКТОВ Итак, …``, ``ЛАРРИ КИНГ – …``);
- e ``name_dash``: a name line, the speech below opening with a dash.

A line only counts as a speaker mark if its name is credible across the text:
it names a role (``Вопрос``, ``Q``), is an anonymous label (``Speaker 1``), is
emphasised or timed, or the same speaker is marked at least twice.  That keeps
``он сказал: …`` and ``Время выхода в эфир: …`` in the speech.  Lines without a
mark continue the turn before them; text before the first mark is narration,
one narration turn per paragraph.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..model import Turn
from .base import Line, Transcript, generic, lines, speakers_in_order
from .dash import dash_mark_end
from .marks import BARE, COLON, LINE, Mark, find_mark, introducing_line, is_credits
from .names import (
    display_name,
    infer_roles,
    is_anonymous,
    is_interjection,
    is_non_speech,
    is_stop_word,
    name_key,
    note_role,
    weak_role_guess,
    word_role,
)

KIND_OF_LAYOUT = {"colon": COLON, "name_line": LINE, "name_dash": LINE, "bare_name": BARE}
LAYOUT_OF_KIND = {COLON: "colon", LINE: "name_line", BARE: "bare_name"}


def _credible(mark: Mark, repeats: int, forced: bool) -> bool:
    if is_stop_word(mark.name):
        return False
    if is_interjection(mark.name):
        return False
    if forced:
        return True
    if mark.kind == BARE and not (mark.emphasised or mark.time is not None):
        return repeats >= 2
    stated = word_role(mark.name) or is_anonymous(mark.name)
    return bool(stated or mark.emphasised or mark.time is not None or repeats >= 2)


def find_marks(
    text: str,
    bold: dict[int, int] | None = None,
    kind: str | None = None,
    hints: frozenset[str] = frozenset(),
) -> dict[int, Mark]:
    """Credible speaker marks by line index; ``kind`` keeps only marks of one kind (and trusts them).

    ``hints`` are name keys known to be speakers (a front matter's ``speakers``):
    their marks are credible even when heard once.  Notes about the recording
    (``**Break:**``, ``[music]``) are never marks.
    """
    bold = bold or {}
    all_lines = lines(text)
    candidates = {}
    introduces = set()  # "Ольга Лебедева, газета «Север»:" on its own line, the speech below opening with a dash
    for index, line in enumerate(all_lines):
        mark = find_mark(text, line, bold.get(line.start, 0))
        above_dash = index + 1 < len(all_lines) and dash_mark_end(text, all_lines[index + 1]) is not None
        if mark is None and above_dash and kind in (None, LINE):
            mark = introducing_line(text, line)
        if mark is None or (kind is not None and mark.kind != kind):
            continue
        if is_non_speech(mark.name) or is_credits(text, mark, line):
            continue
        candidates[index] = mark
        if mark.kind == LINE and above_dash:
            introduces.add(index)
    repeats = Counter(name_key(m.name) for m in candidates.values())
    credible = {
        i: m
        for i, m in candidates.items()
        if _credible(m, repeats[name_key(m.name)], kind is not None or name_key(m.name) in hints)
        or (len(introduces) >= 2 and i in introduces and not is_stop_word(m.name))
    }
    credible |= _once_in_style(all_lines, candidates, credible)
    if not credible and kind is None:
        credible = _lone_mark(candidates)
    return credible


def _lone_mark(candidates: dict[int, Mark]) -> dict[int, Mark]:
    """``Н. ИВАНОВ: …`` opening a monologue: the one name in capitals, near the top."""
    shouted = [(i, m) for i, m in candidates.items() if m.kind == COLON and m.shouted]
    if len(shouted) == 1 and shouted[0][0] <= 2 and not is_stop_word(shouted[0][1].name):
        return dict(shouted)
    return {}


def _style(mark: Mark) -> tuple[bool, bool, bool]:
    return (mark.shouted, mark.emphasised, mark.time is not None)


def _once_in_style(all_lines, candidates: dict[int, Mark], credible: dict[int, Mark]) -> dict[int, Mark]:
    """Speakers heard once, when written exactly like the text's other speakers.

    In ``ВЕДУЩИЙ: … / ГОСТЬ: … / СЛУШАТЕЛЬ: …`` the listener speaks once but is a
    speaker all the same, and so is the caller ``ОЛЕГ — Алло…`` among
    ``С.КОРЗУН Здравствуйте…`` turns.  Only ``NAME:`` or bare marks at a
    paragraph's start qualify, styled like most credible marks of their kind
    (capitals, emphasis, a time), and only names that cannot be an ordinary word
    opening a sentence: capitals, initials, or two words or more.
    """
    one_line_paragraphs = not any(line.blank_before for line in all_lines[1:])
    found = {}
    for kind in (COLON, BARE):
        same = [m for m in credible.values() if m.kind == kind]
        if len(same) < 2:
            continue
        style = Counter(_style(m) for m in same).most_common(1)[0][0]
        for index, mark in candidates.items():
            if index in credible or mark.kind != kind or _style(mark) != style:
                continue
            if not (all_lines[index].blank_before or one_line_paragraphs) or is_stop_word(mark.name):
                continue
            if is_interjection(mark.name) or (kind == BARE and not mark.shouted):
                continue
            if mark.shouted or "." in mark.name or len(mark.name.split()) >= 2:
                found[index] = mark
    return found


_BRACKETED = re.compile(r"[\[(]\s*(\w+)[^\[\]()\n]{0,40}[\])]")


def is_non_speech_line(text: str, line: Line, mark: Mark | None) -> bool:
    """``**Break:** [19:29]``, ``[music]``, ``(смеётся)``, ``Jingle``: a note on a line of its own."""
    if mark is not None:
        return is_non_speech(mark.name)
    body = text[line.start : line.end].strip("*_ \t")
    match = _BRACKETED.fullmatch(body)
    if match:
        return is_non_speech(match.group(1))
    return is_non_speech(body.rstrip(".:!")) and " " not in body


def parse_marked(
    text: str,
    language: str = "ru",
    bold: dict[int, int] | None = None,
    layout: str | None = None,
    hints: frozenset[str] = frozenset(),
    marks: dict[int, Mark] | None = None,
) -> Transcript:
    """Turns opened by the credible marks; ``layout`` restricts them to one layout's kind.

    Under a name line whose speech opens with a dash, later dashes with no new
    name alternate between the last two speakers named (a press conference).
    ``marks`` are :func:`find_marks`'s, when the caller has them already.
    """
    names = generic(language)
    all_lines = lines(text)
    if marks is None or layout is not None:
        marks = find_marks(text, bold, KIND_OF_LAYOUT.get(layout or ""), hints)
    turns: list[Turn] = []
    variants: dict[str, list[str]] = defaultdict(list)
    stated: dict[str, str] = {}
    lead_turns = notes = 0
    awaiting_speech: Turn | None = None  # a name line's turn, before its first line of speech
    dashed = name_lines = 0
    current: Turn | None = None
    named: list[str] = []  # speakers of name lines whose speech opened with a dash, latest last
    dash_turn = False  # the current turn's speech opened with a dash under a name line
    # Only the questions marked ("Вопрос: …" and the answer as a plain paragraph):
    # a new paragraph after a question is the respondent's answer.
    keys = {name_key(m.name) for m in marks.values()}
    asking = sum("?" in text[m.end : all_lines[i].end] for i, m in marks.items())
    only_questions = (
        len(keys) == 1
        and len(marks) >= 2
        and asking * 2 >= len(marks)
        and all(word_role(m.name) == "interviewer" for m in marks.values())
    )
    one_line_paragraphs = not any(line.blank_before for line in all_lines[1:])
    for index, line in enumerate(all_lines):
        mark = marks.get(index)
        starts_paragraph = line.blank_before or one_line_paragraphs or index == 0
        if mark is None and starts_paragraph and is_non_speech_line(text, line, find_mark(text, line)):
            current = Turn(line.start, line.end, line.start, names.narrator)
            turns.append(current)
            awaiting_speech, dash_turn = None, False
            notes += 1
            lead_turns += not variants
        elif mark is not None:
            key = name_key(mark.name)
            if key == name_key(names.narrator):
                key = names.narrator
            variants[key].append(mark.name)
            role = word_role(mark.name) or note_role(mark.note)
            if role and key not in stated:
                stated[key] = role
            current = Turn(line.start, line.end, mark.end, key, time_start=mark.time)
            awaiting_speech = current if mark.kind == LINE else None
            dash_turn = False
            name_lines += mark.kind == LINE
            turns.append(current)
        elif (
            only_questions
            and current is not None
            and current.speaker in keys
            and awaiting_speech is not current
            and (line.blank_before or one_line_paragraphs)
        ):
            current = Turn(line.start, line.end, line.start, names.respondent)
            turns.append(current)
        elif (
            dash_turn
            and current is not None
            and len(named) >= 2
            and current.speaker in named[-2:]
            and (dash_end := dash_mark_end(text, line)) is not None
        ):
            other = named[-2] if current.speaker == named[-1] else named[-1]
            current = Turn(line.start, line.end, dash_end, other)
            turns.append(current)
        elif current is not None and (current.speaker != names.narrator or not line.blank_before or variants):
            if awaiting_speech is current:
                dash_end = dash_mark_end(text, line)
                current.content_start = line.start if dash_end is None else dash_end
                dashed += dash_end is not None
                if dash_end is not None:
                    dash_turn = True
                    if current.speaker in named:
                        named.remove(current.speaker)
                    named.append(current.speaker)
                awaiting_speech = None
            current.end = line.end
        else:
            current = Turn(line.start, line.end, line.start, names.narrator)
            turns.append(current)
            lead_turns += 1
    display = {key: display_name(v) for key, v in variants.items()}
    display[names.narrator] = names.narrator
    display[names.respondent] = display.get(names.respondent, names.respondent)
    if only_questions:
        stated[names.respondent] = "respondent"
    for turn in turns:
        turn.speaker = display[turn.speaker]
    stated = {display[k]: r for k, r in stated.items()}
    narrator = names.narrator if lead_turns or notes or names.narrator in stated else None
    roles = infer_roles(turns, text, stated, narrator)
    if layout is None:
        kinds = Counter(m.kind for m in marks.values())
        kind = kinds.most_common(1)[0][0] if kinds else COLON
        layout = LAYOUT_OF_KIND[kind]
    if layout in ("name_line", "name_dash") and name_lines:
        layout = "name_dash" if dashed * 2 >= name_lines else "name_line"
    result = Transcript(text, {}, speakers_in_order(turns, roles), turns, layout, 0.0, lead_turns, language)
    result.confidence = confidence(result, len(marks), names.narrator)
    if len(keys) == 1 and len(marks) == 1 and lead_turns <= 1 and not only_questions:
        result.confidence = 0.6  # one name over a monologue: a talk, a reading of letters
    if only_questions:
        result.confidence = min(result.confidence, 0.75)  # the answers are inferred, not marked
    if weak_role_guess(turns, text, stated, narrator):
        result.confidence = min(result.confidence, 0.45)  # who asks is not clear: check the roles
    return result


def confidence(transcript: Transcript, marks: int, narrator: str) -> float:
    """How sure the marks are right: many marks, a few speakers who take turns."""
    sequence = [t.speaker for t in transcript.turns if t.speaker != narrator]
    speakers = len(set(sequence))
    if marks == 0 or speakers == 0:
        return 0.1
    score = 0.55
    if speakers >= 2:
        score += 0.15
    if marks >= 4:
        score += 0.1
    if len(sequence) > 1:
        changes = sum(a != b for a, b in zip(sequence, sequence[1:], strict=False)) / (len(sequence) - 1)
        score += 0.15 * changes
    if speakers == 1:
        score = min(score, 0.45)
    if speakers > 8:
        score -= 0.2
    return round(min(score, 0.95), 2)
