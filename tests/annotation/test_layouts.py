"""Each layout on a short realistic fixture: speakers in order, where turns and speech begin."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotation.importing import build_document
from annotation.model import check_document
from annotation.readers import read
from annotation.transcript import parse

DATA = Path(__file__).resolve().parent.parent / "data"


def _doc(name: str, **options):
    return build_document(read(DATA / name), ner=False, **options).document


def _speech(doc, turn) -> str:
    return doc.text[turn.content_start : turn.end]


def _mark(doc, turn) -> str:
    return doc.text[turn.start : turn.content_start]


# file, layout, speakers in turn order, roles by speaker, first words of each turn's speech
CASES = [
    (
        "abbrev_roles_ru.txt",
        "colon",
        ["Автор", "Корр.", "Иванов", "Корр.", "Иванов", "Вед."],
        {"Корр.": "interviewer", "Вед.": "interviewer", "Иванов": "respondent", "Автор": "narrator"},
        ["Интервью записано", "Расскажите", "В 1998", "А почему", "Захотелось", "Спасибо."],
    ),
    (
        "colon_radio_ru.txt",
        "colon",
        ["Автор", "С. Бунтман", "И. Соколова", "А. Венедиктов", "И. Соколова", "А. Венедиктов", "И. Соколова",
         "С. Бунтман"],
        {"С. Бунтман": "interviewer", "А. Венедиктов": "interviewer", "И. Соколова": "respondent", "Автор": "narrator"},
        ["ЭХО НЕДЕЛИ", "Добрый вечер", "Здравствуйте.", "Начнём", "Цены растут", "А что", "Осенью", "Спасибо."],
    ),
    (
        "colon_qa_ru.md",
        "colon",
        ["Автор", "Автор", "Вопрос", "Ответ", "Вопрос", "Ответ"],
        {"Вопрос": "interviewer", "Ответ": "respondent"},
        ["# Интервью", "Беседовала", "Как музей", "Тяжело.", "Что увидят", "Новую"],
    ),
    (
        "name_line_ru.txt",
        "name_line",
        ["Автор", "Интервьюер", "Мария Ивановна", "Интервьюер", "Мария Ивановна"],
        {"Интервьюер": "interviewer", "Мария Ивановна": "respondent"},
        ["Расшифровка", "Расскажите", "Родилась", "А когда", "В шестьдесят"],
    ),
    (
        "name_line_en.txt",
        "name_line",
        ["Narrator", "Interviewer", "Tom Baker", "Interviewer", "Tom Baker"],
        {"Interviewer": "interviewer", "Tom Baker": "respondent", "Narrator": "narrator"},
        ["Oral history", "Could you", "I grew up", "What was", "Strict"],
    ),
    (
        "bare_name_ru.txt",
        "bare_name",
        ["А. Венедиктов", "П. Иванов", "А. Венедиктов", "П. Иванов", "А. Венедиктов"],
        {"А. Венедиктов": "interviewer", "П. Иванов": "respondent"},
        ["Итак", "Добрый", "Первый", "Около", "Спасибо"],
    ),
    (
        "bare_dash_en.txt",
        "bare_name",
        ["Narrator", "Larry King", "Jane Porter", "Larry King", "Jane Porter", "Larry King"],
        {"Larry King": "interviewer", "Jane Porter": "respondent"},
        ["LARRY KING LIVE", "Good evening", "Thanks", "Your new book", "Because I grew up there - and", "We'll"],
    ),
    (
        "name_dash_ru.txt",
        "name_dash",
        ["Автор", "Андрей Петров", "Журналист", "Андрей Петров"],
        {"Журналист": "interviewer", "Андрей Петров": "respondent"},
        ["Разговор", "Команда", "Почему", "Ребята"],
    ),
    (
        "alternate_ru.txt",
        "alternate",
        ["Интервьюер", "Респондент", "Интервьюер", "Респондент"],
        {"Интервьюер": "interviewer", "Респондент": "respondent"},
        ["Когда", "В школе", "А кто", "Районная"],
    ),
    (
        "subtitles_en.vtt",
        "subtitles",
        ["Anna Lee", "Sam Ortiz", "Anna Lee"],
        {"Anna Lee": "interviewer", "Sam Ortiz": "respondent"},
        ["Welcome", "My grandfather", "And now"],
    ),
    (
        "subtitles_ru.srt",
        "subtitles",
        ["Интервьюер", "Респондент", "Интервьюер", "Респондент"],
        {"Интервьюер": "interviewer", "Респондент": "respondent"},
        ["Вы давно", "Лет двадцать", "А раньше", "В Самаре"],
    ),
]


@pytest.mark.parametrize("name, layout, speakers, roles, openings", CASES, ids=[c[0] for c in CASES])
def test_fixture_turns_speakers_and_roles(name, layout, speakers, roles, openings):
    doc = _doc(name)
    check_document(doc)
    assert doc.source.layout == layout
    assert [t.speaker for t in doc.turns] == speakers
    assert {s.name: s.role for s in doc.speakers if s.name in roles} == roles
    for turn, opening in zip(doc.turns, openings, strict=True):
        assert _speech(doc, turn).startswith(opening), (turn, _speech(doc, turn)[:40])


def test_consecutive_paragraphs_of_one_speaker_are_one_turn():
    doc = _doc("name_line_ru.txt")
    answer = doc.turns[2]
    assert _speech(doc, answer).endswith("она нас всех и выучила.")
    assert "\n\n" in _speech(doc, answer)
    doc = _doc("name_dash_ru.txt")
    assert _speech(doc, doc.turns[1]) == (
        "Команда сыграла хорошо, но реализация подвела.\n\n– Во втором тайме мы создали пять моментов."
    )


def test_the_mark_is_in_the_turn_and_speech_starts_after_it():
    doc = _doc("colon_radio_ru.txt")
    assert [_mark(doc, t) for t in doc.turns[1:4]] == ["С.БУНТМАН: ", "И.СОКОЛОВА: ", "А.ВЕНЕДИКТОВ: "]
    doc = _doc("colon_qa_ru.md")
    assert _mark(doc, doc.turns[2]) == "**Вопрос:** "
    doc = _doc("name_dash_ru.txt")
    assert _mark(doc, doc.turns[2]) == "Журналист:\n– "
    doc = _doc("name_line_en.txt")
    assert _mark(doc, doc.turns[1]) == "Interviewer  0:02\n"


def test_spelling_variants_of_a_name_are_one_speaker_shown_readably():
    doc = _doc("colon_radio_ru.txt")  # А.ВЕНЕДИКТОВ and А. ВЕНЕДИКТОВ
    assert [s.name for s in doc.speakers].count("А. Венедиктов") == 1
    text = "А.ВЕНЕДИКТОВ: Добрый вечер?\n\nА. ВЕНЕДИКТОВ: Ещё вопрос?\n\nА. Венедиктов: И ещё?\n\nГОСТЬ: Отвечаю."
    transcript = parse(text)
    assert [t.speaker for t in transcript.turns] == ["А. Венедиктов"] * 3 + ["Гость"]
    assert {s.name: s.role for s in transcript.speakers} == {"А. Венедиктов": "interviewer", "Гость": "respondent"}


def test_a_colon_in_prose_is_not_a_speaker_mark():
    doc = _doc("colon_radio_ru.txt")
    lead = _speech(doc, doc.turns[0])
    assert "Время выхода в эфир: 21:05" in lead  # metadata line stays narration
    answer = _speech(doc, doc.turns[4])
    assert "недавно сказал: «Это не инфляция" in answer and answer.endswith("спрос стал другим.")
    transcript = parse("Он сказал: приходи завтра.\n\nОна ответила: не приду.\n\nВремя выхода в эфир: 12:00.")
    assert transcript.layout == "narration"  # no marks and no questions: not alternated (issue 10)
    assert [t.speaker for t in transcript.turns] == ["Автор"] and transcript.confidence < 0.5


def test_times_before_and_after_names_are_kept_on_turns():
    doc = _doc("name_line_en.txt")
    assert [t.time_start for t in doc.turns] == [None, 2.0, 9.0, 75.0, 81.0]
    transcript = parse("[00:01:23] Иван: Привет.\n[00:01:30] Пётр: Здравствуй.\n[00:02:00] Иван: Как дела?")
    assert [(t.speaker, t.time_start) for t in transcript.turns] == [("Иван", 83.0), ("Пётр", 90.0), ("Иван", 120.0)]
    assert transcript.text[transcript.turns[1].content_start :].startswith("Здравствуй.")


def test_subtitle_turns_keep_the_times_of_their_cues():
    doc = _doc("subtitles_en.vtt")
    assert [(t.time_start, t.time_end) for t in doc.turns] == [(1.0, 6.0), (6.5, 11.0), (11.5, 13.0)]
    doc = _doc("subtitles_ru.srt")
    assert [(t.time_start, t.time_end) for t in doc.turns] == [(1.0, 3.5), (1.0, 3.5), (4.0, 6.0), (6.5, 9.0)]
    assert _speech(doc, doc.turns[3]) == "В Самаре.\nТам и выросла."


def test_anonymous_labels_and_english_roles():
    text = (
        "Speaker 1: Thanks for joining. What got you into radio?\n\n"
        "Speaker 2: My uncle had a station in Ohio.\n\n"
        "Speaker 1: Did you work there?\n\n"
        "Speaker 2: Every summer."
    )
    transcript = parse(text)
    assert transcript.layout == "colon" and transcript.language == "en"
    assert {s.name: s.role for s in transcript.speakers} == {"Speaker 1": "interviewer", "Speaker 2": "respondent"}
    transcript = parse("Спикер 1: Где вы учились?\nСпикер 2: В Томске.\nСпикер 1: А потом?\nСпикер 2: Работал.")
    assert [t.speaker for t in transcript.turns] == ["Спикер 1", "Спикер 2"] * 2


def test_qa_initials_and_emphasised_role_words():
    transcript = parse("В.: Сколько вам лет?\nО.: Сорок.\nВ.: Где живёте?\nО.: В Омске.")
    assert [(t.speaker, t.time_start) for t in transcript.turns][:2] == [("В.", None), ("О.", None)]
    assert {s.name: s.role for s in transcript.speakers} == {"В.": "interviewer", "О.": "respondent"}
    transcript = parse("*Вопрос*: Откуда вы?\n\n*Ответ*: Из Перми.")
    assert [t.speaker for t in transcript.turns] == ["Вопрос", "Ответ"]
    assert transcript.text[transcript.turns[1].content_start :] == "Из Перми."


def test_the_sample_is_still_the_dash_layout_with_certainty(sample_path):
    doc = build_document(read(sample_path), ner=False).document
    assert doc.source.layout == "dash" and doc.source.confidence == 1.0 and doc.source.language == "ru"
    assert len(doc.turns) == 20


def test_layout_override_wins_over_detection():
    doc = _doc("colon_qa_ru.md", layout="alternate")
    assert doc.source.layout == "alternate" and doc.source.confidence < 0.5
    doc = _doc("name_dash_ru.txt", layout="dash")
    assert doc.source.layout == "dash"
    with pytest.raises(ValueError, match="unknown layout"):
        _doc("colon_qa_ru.md", layout="nope")


def test_no_markers_is_a_low_confidence_guess():
    doc = _doc("alternate_ru.txt")
    assert doc.source.confidence < 0.5


def test_bold_names_in_docx_are_speakers(interview_docx):
    doc = build_document(read(interview_docx), ner=False).document
    check_document(doc)
    assert doc.text.startswith("Интервью записано в Казани")
    assert "\n\n\n" not in doc.text  # the empty paragraph is dropped
    assert [t.speaker for t in doc.turns] == ["Автор"] + ["Елена Смирнова", "Олег Рахимов"] * 2
    assert _speech(doc, doc.turns[2]).endswith("и я остался.")
    assert {s.name: s.role for s in doc.speakers}["Елена Смирнова"] == "interviewer"


def test_bold_names_count_even_when_named_once(make_docx, tmp_path):
    path = make_docx(
        tmp_path / "once.docx",
        [("Мария Кузнецова", ""), ("", "Я приехала сюда в девяностом."), ("Корреспондент", ""), ("", "Почему?")],
    )
    doc = build_document(read(path), ner=False).document
    assert doc.source.layout == "name_line"
    assert [(t.speaker, _speech(doc, t)) for t in doc.turns] == [
        ("Мария Кузнецова", "Я приехала сюда в девяностом."),
        ("Корреспондент", "Почему?"),
    ]
    assert {s.name: s.role for s in doc.speakers} == {"Мария Кузнецова": "respondent", "Корреспондент": "interviewer"}


def test_a_voice_heard_once_in_the_same_style_is_a_speaker_with_role_other():
    text = (
        "ВЕДУЩИЙ: Добрый вечер. Как вы?\n\nГОСТЬ: Хорошо.\n\nВЕДУЩИЙ: Почему?\n\n"
        "ГОСТЬ: Потому что весна.\nКороче: всё.\n\nСЛУШАТЕЛЬ: Браво!\n\nВЕДУЩИЙ: Спасибо."
    )
    transcript = parse(text)
    assert [t.speaker for t in transcript.turns] == ["Ведущий", "Гость", "Ведущий", "Гость", "Слушатель", "Ведущий"]
    assert {s.name: s.role for s in transcript.speakers} == {
        "Ведущий": "interviewer",
        "Гость": "respondent",
        "Слушатель": "other",
    }
    assert transcript.text[transcript.turns[3].content_start : transcript.turns[3].end].endswith("Короче: всё.")


def test_consecutive_cues_of_one_named_speaker_are_one_turn(tmp_path):
    path = tmp_path / "two.srt"
    path.write_text(
        "1\n00:00:04,500 --> 00:00:07,000\nАННА: Опять с Волковым?\n\n"
        "2\n00:00:07,500 --> 00:00:10,000\nПЁТР: Да. Он теперь работает в Яндексе.\n\n"
        "3\n00:00:10,500 --> 00:00:13,000\nПЁТР: Мы ездили в Нижний Новгород.\n",
        encoding="utf-8",
    )
    doc = build_document(read(path), ner=False).document
    assert [t.speaker for t in doc.turns] == ["Анна", "Пётр"]
    assert (doc.turns[1].time_start, doc.turns[1].time_end) == (7.5, 13.0)
    check_document(doc)
