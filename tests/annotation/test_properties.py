"""Property tests: whatever the text, import never loses, duplicates or reorders it.

Texts are built from the pieces real transcripts are made of (every kind of
speaker mark, timestamps, emphasis, dashes, newlines of all kinds, emoji), so the
layout detection is pushed through its branches.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotation.header import split_header
from annotation.importing import build_document
from annotation.model import Document, Mention, check_document
from annotation.readers import read
from annotation.readers.base import normalise_newlines
from annotation.transcript import LAYOUTS, parse

PIECES = [
    "– ", "- ", "— ", "-5", "Вопрос: ", "Ответ: ", "В.: ", "О.: ", "**Иван:** ", "**Иван**", "*Вопрос*: ",
    "С.БУНТМАН: ", "А. ВЕНЕДИКТОВ: ", "А.ВЕНЕДИКТОВ ", "ЛАРРИ КИНГ – ", "Speaker 1: ", "Спикер 2:", "[00:01:23] ",
    "Tom Baker  0:09", "Name: 00:22:33", "Иван Петров", "Андрей Петров, тренер:", "он сказал: ", "Время: 12:00",
    "\n", "\n\n", "\n\n\n", "\r\n", "\r", " ", "  ", "\t", "слово", "Слово", "word", "Word", "?", ".", ",", "*",
    "**", "_", ":", "ё", "😀", "date 2025-01-01 ", "lang en ", "Привет, как дела?", "Hello there.",
]
texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join).filter(lambda t: t.strip())
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class CapitalisedWords:
    """A stand-in for natasha: every capitalised word is a PER mention.  Fast and deterministic."""

    def mentions(self, text: str, offset: int = 0) -> list[Mention]:
        return [
            Mention(m.start() + offset, m.end() + offset, "PER", m.group(), None)
            for m in re.finditer(r"[A-ZА-ЯЁ][a-zа-яё]+", text)
        ]

    def extra_mentions(self, text: str, offset: int = 0) -> list[Mention]:
        return []  # no DATE or MONEY from the stand-in


def _check_turns(raw: str, transcript) -> None:
    metadata, body = split_header(raw)
    assert transcript.text == raw[body:]  # only the header is taken off, nothing else
    doc = Document(transcript.text, speakers=transcript.speakers, turns=transcript.turns)
    check_document(doc)  # ordered, no overlap, every non-whitespace character in a turn
    covered = "".join(transcript.text[t.start : t.end] for t in transcript.turns)
    assert re.sub(r"\s", "", covered) == re.sub(r"\s", "", transcript.text)
    for turn in transcript.turns:
        assert transcript.text[turn.start : turn.end] == transcript.text[turn.start : turn.end].strip()
    assert 0.0 <= transcript.confidence <= 1.0


@SETTINGS
@given(texts)
def test_detected_layout_keeps_every_character_once_and_in_order(raw):
    _check_turns(raw, parse(raw))


@SETTINGS
@given(texts, st.sampled_from(sorted(LAYOUTS)))
def test_every_forced_layout_keeps_every_character_once_and_in_order(raw, layout):
    _check_turns(raw, parse(raw, layout))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]), st.sampled_from(["\n", "\r\n", "\r"]))
def test_reading_and_building_loses_nothing_and_spans_are_valid(tmp_path: Path, raw, encoding, newline):
    raw = normalise_newlines(raw)
    path = tmp_path / "t.txt"
    path.write_bytes(raw.replace("\n", newline).encode(encoding))
    text = read(path).text
    assert text == raw.removeprefix("\ufeff")
    doc = build_document(read(path), model=CapitalisedWords()).document
    _, body = split_header(text)
    assert doc.text == text[body:]
    check_document(doc)  # spans too: inside one turn's speech, matching the text
    for span in doc.spans:
        assert doc.text[span.start : span.end] == span.text


CUE_TEXT = st.text(alphabet="абвгд ABC xyz.,?!-–\n", min_size=1, max_size=30).filter(lambda t: t.strip())


def _stamp(ms: int) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02}:{m:02}:{s:02},{ms:03}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(CUE_TEXT, min_size=1, max_size=8))
def test_subtitle_cues_come_through_whole_and_in_order(tmp_path: Path, cues):
    cues = ["\n".join(line.strip() for line in c.split("\n") if line.strip()) for c in cues]
    cues = [c for c in cues if c]
    if not cues:
        return
    body = "".join(f"{i + 1}\n{_stamp(i * 2000)} --> {_stamp(i * 2000 + 1500)}\n{c}\n\n" for i, c in enumerate(cues))
    path = tmp_path / "s.srt"
    path.write_text(body, encoding="utf-8")
    raw = read(path)
    assert raw.text == "\n\n".join(cues)
    doc = build_document(raw, ner=False).document
    check_document(doc)
    for turn in doc.turns:
        assert turn.time_start is not None and turn.time_end is not None and turn.time_start <= turn.time_end


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["", "Иван:", "Вопрос", "ОТВЕТ:"]), CUE_TEXT), min_size=1, max_size=6))
def test_docx_paragraphs_come_through_whole_and_in_order(tmp_path: Path, make_docx, paragraphs):
    path = make_docx(tmp_path / "d.docx", paragraphs)
    expected = [normalise_newlines(b + p).strip() for b, p in paragraphs]
    expected = [p for p in expected if p]
    if not expected:
        return
    raw = read(path)
    assert raw.text == "\n\n".join(expected)
    check_document(build_document(raw, ner=False).document)
