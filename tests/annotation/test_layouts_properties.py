"""Property tests for the shapes of issue 10: front matter, headings, rules, notes, italics.

Whatever the text, parsing (detected or forced, per section or not) and re-parsing a
stored text never lose, duplicate or reorder it, and every offset stays valid.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotation.header import split_header
from annotation.model import Document, check_document
from annotation.transcript import LAYOUTS, parse, relayout

PIECES = [
    "---\n", "title: Интервью\n", "speakers: [Иван Петров, Anna]\n", "speakers: [\n", "...\n", "# Заголовок\n",
    "## Heading\n", "* * *\n", "***\n", "___\n", "[music]", "[смеётся]", "**Break:** [19:29]", "Jingle", "*Вопрос?*",
    "_Question?_", "**О работе**", "Н. ИВАНОВ: ", "BAG: ", "JT: ", "С.КОРЗУН ", "ОЛЕГ — ", "Ольга Лебедева, газета:",
    "Ирина Соколова - Особое мнение - 2019-03-02", "02.03.2019", "Подписаться на канал:", "Audience 1: ",
    "Слушатель: ", "– ", "- ", "Иван Петров: ", "Как дела?", "Хорошо.", "слово", "Слово", "\n", "\n\n", " ", "?",
    ":", "*", "_", "😀", "date 2025-01-01 ",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join).filter(lambda t: t.strip())
SETTINGS = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(text: str, transcript) -> None:
    assert transcript.text == text
    check_document(Document(text, speakers=transcript.speakers, turns=transcript.turns))
    covered = "".join(text[t.start : t.end] for t in transcript.turns)
    assert re.sub(r"\s", "", covered) == re.sub(r"\s", "", text)
    assert 0.0 <= transcript.confidence <= 1.0
    previous = 0
    for section in transcript.sections:
        assert previous <= section.start <= section.end <= len(text) and 0.0 <= section.confidence <= 1.0
        previous = section.end


@SETTINGS
@given(texts)
def test_detection_by_sections_keeps_every_character_once_and_in_order(raw):
    transcript = parse(raw)
    _, body = split_header(raw)
    _check(raw[body:], transcript)


@SETTINGS
@given(texts, st.sampled_from([None, *sorted(LAYOUTS)]))
def test_relayout_of_a_stored_text_keeps_it_whole(raw, layout):
    text = parse(raw).text
    _check(text, relayout(text, layout))
