"""Transcripts in shapes written after the layouts were done, as new users bring them.

Each was imported through the CLI first and checked by eye; these tests keep them right.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotation.importing import build_document
from annotation.model import check_document
from annotation.readers import read

DATA = Path(__file__).resolve().parent.parent / "data"

PRIYA_LUIS = ["Priya Natarajan", "Luis Delgado"] * 2

CASES = [
    # Zoom-style text: "[00:01:23] Name: speech", one speaker twice in a row, "Note:" inside speech
    (
        "zoom_meeting_en.txt",
        "colon",
        ["Narrator", *PRIYA_LUIS, "Luis Delgado", *PRIYA_LUIS],
        [None, 4.0, 11.0, 14.0, 19.0, 41.0, 47.0, 50.0, 65.0, 69.0],
    ),
    # Zoom's own text export: "[Name] clock time" on a line, the speech below
    (
        "zoom_brackets_en.txt",
        "name_line",
        ["Priya Natarajan", "Luis Delgado"] * 2,
        [36135.0, 36141.0, 36145.0, 36150.0],
    ),
    # Radio transcript in cp1251 with CRLF: "**С.БУНТМАН:**", spelling variants of one name
    (
        "radio_bold_cp1251.md",
        "colon",
        ["Автор", "Автор", "С. Бунтман", "Л. Гудков", "А. Венедиктов", "Л. Гудков", "С. Бунтман", "Л. Гудков",
         "А. Венедиктов"],
        None,
    ),
    # Oral-history Q/A with "В.:" / "О.:" and no blank lines
    ("qa_initials_ru.txt", "colon", ["Автор"] + ["В.", "О."] * 3, None),
    # Zoom .vtt: names inside the cue text, a cue without a name continues the turn
    ("zoom_en.vtt", "subtitles", ["Priya Natarajan", "Luis Delgado"] * 2, [4.12, 9.5, 11.2, 14.1]),
    # A magazine interview: bold questions, plain answers, no names at all
    ("bold_questions_ru.md", "alternate", ["Автор", "Автор"] + ["Интервьюер", "Респондент"] * 3, None),
    # Only the questions are marked; the answers are plain paragraphs
    ("questions_only_ru.txt", "colon", ["Вопрос", "Респондент"] * 3, None),
    # Rev-style: "Speaker 1 (00:00):" on a line, "[crosstalk …]" inside a turn
    ("rev_style_en.txt", "name_line", ["Speaker 1", "Speaker 2"] * 2 + ["Speaker 2"], [0.0, 6.0, 14.0, 17.0, 28.0]),
]


@pytest.mark.parametrize("name, layout, speakers, times", CASES, ids=[c[0] for c in CASES])
def test_new_shapes_come_out_right(name, layout, speakers, times):
    doc = build_document(read(DATA / name), ner=False).document
    check_document(doc)
    assert doc.source.layout == layout
    assert doc.source.confidence >= 0.5
    assert [t.speaker for t in doc.turns] == speakers
    if times is not None:
        assert [t.time_start for t in doc.turns] == times
    roles = {s.name: s.role for s in doc.speakers}
    assert "interviewer" in roles.values() and "respondent" in roles.values()


def test_new_shape_roles_and_speech():
    doc = build_document(read(DATA / "radio_bold_cp1251.md"), ner=False).document
    assert {s.name: s.role for s in doc.speakers} == {
        "Автор": "narrator",
        "С. Бунтман": "interviewer",
        "Л. Гудков": "respondent",
        "А. Венедиктов": "interviewer",
    }
    answer = doc.turns[5]
    assert doc.text[answer.start : answer.content_start] == "**Л.ГУДКОВ:** "
    assert doc.text[answer.content_start : answer.end].endswith("падает уже третий год.")
    doc = build_document(read(DATA / "questions_only_ru.txt"), ner=False).document
    assert {s.name: s.role for s in doc.speakers} == {"Вопрос": "interviewer", "Респондент": "respondent"}
    assert doc.text[doc.turns[1].content_start : doc.turns[1].end].startswith("Меня зовут Игорь")


def test_new_shape_docx_files(make_docx, tmp_path):
    questions = make_docx(
        tmp_path / "bold_questions.docx",
        [
            ("", "Ольга Власова: «Село – это не приговор»"),
            ("", "Главный врач районной больницы рассказала о работе в сельской медицине."),
            ("Как вы попали в Кудымкар?", ""),
            ("", "По распределению, в 1998 году."),
            ("Чего не хватает больнице?", ""),
            ("", "Врачей. Оборудование купили, а работать некому."),
            ("", "Молодые приезжают, но через год уезжают."),
        ],
    )
    doc = build_document(read(questions), ner=False).document
    assert [t.speaker for t in doc.turns] == ["Автор", "Автор"] + ["Интервьюер", "Респондент"] * 2
    teams = make_docx(
        tmp_path / "teams.docx",
        [
            ("", "Совещание по проекту, 12.02.2024"),
            ("Иванова Мария", "   0:05"),
            ("", "Коллеги, начнём. Все слышат?"),
            ("Петров Алексей", "   0:09"),
            ("", "Да, слышим."),
        ],
    )
    doc = build_document(read(teams), ner=False).document
    assert [(t.speaker, t.time_start) for t in doc.turns] == [
        ("Автор", None),
        ("Иванова Мария", 5.0),
        ("Петров Алексей", 9.0),
    ]
