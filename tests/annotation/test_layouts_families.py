"""Speaker turns on transcripts as they are published (issue 10), and the parsing points of issue 13.

Fixtures in tests/data/turns/ were written for this purpose (see make_corpus.py there);
each test names what a user would notice.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from annotation.importing import build_document
from annotation.model import Document, Source, Span, check_document
from annotation.readers import read
from annotation.transcript import LAYOUTS, misplaced_spans, parse, relayout, sections_of

DATA = Path(__file__).resolve().parent.parent / "data"
TURNS = DATA / "turns"
BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_turns.py"


def _doc(name: str, **options) -> Document:
    doc = build_document(read(TURNS / name), ner=False, **options).document
    check_document(doc)
    return doc


def _speech(doc, turn) -> str:
    return doc.text[turn.content_start : turn.end]


def _speakers(doc) -> list[str]:
    return [t.speaker for t in doc.turns]


def _roles(doc) -> dict[str, str]:
    return {s.name: s.role for s in doc.speakers}


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_turns", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


# -- the corpus -------------------------------------------------------------------------


def test_the_corpus_benchmark_meets_its_target_and_never_alternates_a_markless_text_confidently(bench):
    scores = bench.score_corpus(DATA)
    assert len(scores) >= 30 and sum(s.gold_turns for s in scores) >= 300
    assert bench.total(scores) >= bench.TARGET, [(s.file, s.misses) for s in scores if s.misses]
    markless = [s for s in scores if Path(s.file).name.startswith(("f07_", "f10_", "g07_", "g10_", "alternate_"))]
    assert len(markless) == 9
    for score in markless:  # a guess without marks is always flagged for the annotator
        assert score.flagged, score.file


def test_the_benchmark_counts_a_wrong_speaker_and_a_stray_split_as_misses(bench):
    doc = parse("– Как вы?\n– Хорошо.\n– А он?\n– Тоже.")
    scored = Document(doc.text, speakers=doc.speakers, turns=doc.turns, source=Source(confidence=1.0))
    gold = [["Q", "Как вы"], ["A", "Хорошо"], ["Q", "А он"], ["A", "Тоже"]]
    assert bench.score_document(scored, gold).right == 4
    merged = [["Q", "Как вы"], ["A", "Хорошо"], ["A", "А он"], ["A", "Тоже"]]  # one gold run, split in three
    result = bench.score_document(scored, merged)
    assert (result.gold_turns, result.right) == (2, 1)
    third = [["Q", "Как вы"], ["A", "Хорошо"], ["B", "А он"], ["A", "Тоже"]]  # B cannot map onto Q's speaker
    assert bench.score_document(scored, third).right == 3
    assert bench.main([str(TURNS / "nothing-here")]) == 2


# -- 1. front matter ---------------------------------------------------------------------


def test_front_matter_is_metadata_and_a_narration_turn_and_names_the_speakers():
    doc = _doc("f01_front_matter_ru.md")
    assert doc.text.startswith("---\ntitle: Разговор о реставрации")  # the text is never cut
    assert doc.title == "Разговор о реставрации"
    assert doc.metadata["date"] == "2022-11-05" and doc.metadata["speakers"] == "Ирина Белова, Пётр Орлов, Слушатель"
    first = doc.turns[0]
    assert first.speaker == "Автор" and doc.text[first.start : first.end].endswith("40 минут.\n---")
    assert "Слушатель" in _speakers(doc)  # heard once, but the front matter names it
    assert [s.layout for s in sections_of(doc)] == ["front_matter", "colon"]


def test_a_rule_then_prose_or_speech_is_not_front_matter():
    transcript = parse("---\n\nОн пришёл поздно. Никто не ждал.\n\n---\n\nУтром всё прояснилось.")
    assert transcript.metadata == {} and transcript.layout == "narration"
    transcript = parse("---\nВопрос: Как дела?\nОтвет: Хорошо.\n---\nВопрос: А у вас?\nОтвет: Тоже.")
    assert transcript.metadata == {} and [t.speaker for t in transcript.turns][-4:] == ["Вопрос", "Ответ"] * 2


# -- 2, 3. headings inside speech; a talk, then Q&A --------------------------------------


def test_a_heading_inside_an_answer_belongs_to_the_answer():
    doc = _doc("f02_headings_interview_ru.md")
    assert _speakers(doc) == ["Автор"] + ["Вопрос", "Ответ"] * 3
    assert "## Первые годы\n\nПервые три зимы" in _speech(doc, doc.turns[2])


def test_a_talk_is_one_turn_and_the_audience_are_other_speakers_kept_apart():
    doc = _doc("f02_talk_qa_en.md")
    dana = doc.turns[1]
    assert dana.speaker == "Dana Whitfield" and _speech(doc, dana).endswith("## Q&A")
    assert _speakers(doc)[2:] == ["Audience 1", "Dana Whitfield", "Audience 2", "Dana Whitfield"] + [
        "Audience 1",
        "Dana Whitfield",
        "Audience",
    ]
    roles = _roles(doc)
    assert roles["Dana Whitfield"] == "respondent"
    assert roles["Audience 1"] == roles["Audience 2"] == roles["Audience"] == "other"


def test_a_talk_without_a_mark_before_q_and_a_is_the_speaker_who_answers():
    doc = _doc("f03_talk_qa_ru.md")
    assert _speakers(doc)[:3] == ["Автор", "Анна Крылова", "Слушатель 1"]
    assert _speech(doc, doc.turns[1]).startswith("Добрый вечер.") and "## Что мы услышали" in _speech(doc, doc.turns[1])
    assert [(s.layout, s.confidence) for s in sections_of(doc)] == [("monologue", 0.6), ("colon", 0.95)]


# -- 4. one speaker with one mark -----------------------------------------------------------


@pytest.mark.parametrize(
    "name, speakers", [("f04_one_mark_ru.txt", ["Автор", "Н. Иванов"]), ("f04_one_mark_en.txt", ["Host"])]
)
def test_one_mark_over_a_monologue_is_one_speaker_not_an_interview(name, speakers):
    doc = _doc(name)
    assert _speakers(doc) == speakers and doc.source.layout == "colon"
    assert "Пишет Анна из Твери" in doc.text or "She writes" in _speech(doc, doc.turns[-1])


# -- 5. page chrome -----------------------------------------------------------------------------


@pytest.mark.parametrize("name, layout", [("f05_chrome_ru.txt", "colon"), ("f05_chrome_en.txt", "dash")])
def test_page_chrome_is_narration_and_leaves_the_layout_alone(name, layout):
    doc = _doc(name)
    assert doc.source.layout == layout and doc.source.confidence >= 0.5
    chrome = doc.turns[0]
    assert chrome.speaker in ("Автор", "Narrator") and ("Слушать" in doc.text[: chrome.end] or "Listen" in doc.text)
    assert "Ирина Соколова" not in _speakers(doc) and "Jane Doe" not in _speakers(doc)


# -- 6. questions marked by emphasis ----------------------------------------------------------


@pytest.mark.parametrize("name", ["f06_italic_ru.md", "f06_underscore_en.md", "f06_italic_ru.docx"])
def test_emphasised_questions_are_the_interviewers_and_headings_are_not_questions(name):
    doc = _doc(name)
    assert doc.source.layout == "alternate" and doc.source.confidence >= 0.5
    generic = {"Автор", "Narrator"}
    assert doc.turns[0].speaker in generic
    asking = [_speech(doc, t) for t in doc.turns if _roles(doc)[t.speaker] == "interviewer"]
    assert asking and all("?" in question for question in asking)


def test_italic_paragraphs_of_a_docx_made_here_are_questions(tmp_path):
    import docx

    document = docx.Document()
    for italic, text in [(False, "Intro about the guest."), (True, "Why bees?"), (False, "Because."),
                         (True, "And honey?"), (False, "Later.")]:  # fmt: skip
        document.add_paragraph().add_run(text).italic = italic
    document.save(str(tmp_path / "q.docx"))
    doc = build_document(read(tmp_path / "q.docx"), ner=False).document
    assert [(t.speaker, _speech(doc, t)) for t in doc.turns] == [
        ("Narrator", "Intro about the guest."),
        ("Interviewer", "Why bees?"),
        ("Respondent", "Because."),
        ("Interviewer", "And honey?"),
        ("Respondent", "Later."),
    ]


# -- 7. not an interview ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["f07_news_ru.txt", "f07_essay_en.md", "f07_column_ru.md"])
def test_an_article_is_one_narration_turn_flagged_and_can_still_be_alternated_by_hand(name):
    doc = _doc(name)
    assert doc.source.layout == "narration" and doc.source.confidence < 0.5
    assert len(doc.turns) == 1 and doc.speakers[0].role == "narrator"
    forced = _doc(name, layout="alternate")
    assert len(forced.turns) > 1 and forced.source.confidence < 0.5


# -- 8. named lines, then unnamed dashes ----------------------------------------------------------


def test_unnamed_dashes_alternate_between_the_last_two_named_speakers():
    doc = _doc("f08_press_ru.txt")
    assert (
        _speakers(doc) == ["Автор"] + ["Ольга Лебедева", "Андрей Волков"] * 2 + ["Максим Сорокин", "Андрей Волков"] * 2
    )
    assert doc.source.layout == "name_dash"
    assert _speech(doc, doc.turns[3]) == "А если не успеют?"


# -- 9. uppercase names without a colon, late callers ---------------------------------------------


@pytest.mark.parametrize(
    "name, callers", [("f09_radio_caps_ru.txt", ["Олег", "Марина"]), ("f09_radio_caps_en.txt", ["Karen", "Steve"])]
)
def test_every_uppercase_name_is_a_speaker_and_callers_stay_apart(name, callers):
    doc = _doc(name)
    assert doc.source.layout == "bare_name"
    for caller in callers:
        assert _speakers(doc).count(caller) == 1 and _roles(doc)[caller] == "other"
    assert len(doc.speakers) == 5


# -- 10. an introduction before unmarked Q/A -------------------------------------------------------


def test_the_introduction_is_narration_and_the_alternation_starts_at_the_first_question():
    doc = _doc("f10_intro_ru.txt")
    assert _speakers(doc) == ["Автор"] + ["Интервьюер", "Респондент"] * 4
    assert doc.source.layout == "alternate" and doc.source.confidence < 0.5  # no marks: flagged


# -- 11. mixed layouts --------------------------------------------------------------------------------


def test_each_section_gets_its_own_layout_with_its_range():
    doc = _doc("f11_mixed_ru.md")
    sections = sections_of(doc)
    assert [(s.layout, s.confidence) for s in sections] == [("colon", 0.6), ("dash", 1.0)]
    assert doc.text[sections[1].start :].startswith("---\n\nПосле выступления")
    assert doc.source.layout == "colon+dash" and doc.source.confidence == 0.6
    assert _speakers(doc) == ["Автор", "Вера Миронова", "Автор"] + ["Интервьюер", "Респондент"] * 2
    assert json.loads(doc.metadata["layout_sections"])[1]["layout"] == "dash"


def test_a_single_layout_document_has_one_section_and_no_extra_metadata(sample_path):
    doc = build_document(read(sample_path), ner=False).document
    assert doc.metadata == {"date": "2025-10-11"}
    assert [(s.layout, s.confidence, s.start, s.end) for s in sections_of(doc)] == [("dash", 1.0, 0, len(doc.text))]


# -- issue 13: abbreviations, non-speech notes, who asks -------------------------------------------


def test_abbreviations_stay_as_written_and_notes_are_narration():
    doc = _doc("f13_podcast_abbrev_en.md")
    assert _roles(doc) == {"Narrator": "narrator", "BAG": "interviewer", "JT": "respondent"}
    notes = [_speech(doc, t) for t in doc.turns if t.speaker == "Narrator"]
    assert notes[1:] == ["[laughs]", "**Break:** [19:29]", "[music]", "Jingle"]
    doc = _doc("f13_podcast_ru.md")
    assert _roles(doc) == {"Автор": "narrator", "Маша": "interviewer", "Дима": "respondent"}


def test_a_weak_guess_of_who_interviews_flags_the_document():
    text = "ANNA: I like trains.\n\nBORIS: I like boats.\n\nANNA: Boats are slow.\n\nBORIS: Trains are loud."
    transcript = parse(text)
    assert transcript.layout == "colon" and transcript.confidence < 0.5
    asked = parse(text.replace("I like trains.", "Do you like trains?").replace("Boats are slow.", "Why?"))
    assert asked.confidence >= 0.5 and asked.speakers[0].role == "interviewer"


# -- re-parsing with a chosen layout ----------------------------------------------------------------


def test_relayout_keeps_the_text_and_returns_new_turns_for_the_chosen_layout():
    doc = _doc("f07_news_ru.txt")
    again = relayout(doc.text, "alternate")
    assert again.text == doc.text and again.layout == "alternate" and len(again.turns) == 5
    check_document(Document(doc.text, speakers=again.speakers, turns=again.turns))
    detected = relayout(doc.text)
    assert [(t.start, t.end, t.speaker) for t in detected.turns] == [(t.start, t.end, t.speaker) for t in doc.turns]
    front = _doc("f01_front_matter_en.md")
    for layout in LAYOUTS:
        result = relayout(front.text, layout)
        assert result.text == front.text and result.sections[0].layout == "front_matter"
        check_document(Document(front.text, speakers=result.speakers, turns=result.turns))
    with pytest.raises(ValueError, match="unknown layout"):
        relayout(doc.text, "nope")


def test_sections_of_a_document_with_broken_stored_sections_falls_back_to_its_source():
    doc = Document("text", metadata={"layout_sections": "not json"}, source=Source(layout="dash", confidence=0.9))
    assert [(s.layout, s.confidence) for s in sections_of(doc)] == [("dash", 0.9)]


# -- shapes of the second batch ------------------------------------------------------------------


def test_a_bold_phrase_closed_by_a_colon_is_a_speaker_from_the_floor():
    doc = _doc("g02_talk_headings_ru.md")
    assert _speakers(doc) == ["Автор", "Игорь Савин"] + ["Вопрос из зала", "Игорь Савин"] * 2
    assert _roles(doc)["Вопрос из зала"] == "other" and _roles(doc)["Игорь Савин"] == "respondent"


def test_credits_lines_on_a_page_are_not_turns():
    doc = _doc("g05_chrome_ru.md")
    assert "Гость" not in _speakers(doc) and "Ведущие" not in _speakers(doc)
    lead = [t for t in doc.turns if t.speaker == "Автор"]
    assert len(lead) == 3 and doc.text[lead[-1].start : lead[-1].end].endswith("12.04.2020")


def test_a_name_at_the_end_of_a_line_above_a_dash_introduces_a_speaker():
    doc = _doc("g08_press_ru.txt")
    assert _speakers(doc) == ["Автор"] + ["Наталья Громова", "Игорь Лебедев"] * 2 + ["Денис Орлов", "Игорь Лебедев"]
    story = parse("Бабушка сказала:\n– Ничего.\n\nДед ответил:\n– Посмотрим.")
    assert story.layout == "narration"  # a story's dialogue is not an interview


@pytest.mark.parametrize("name", ["g07_news_list_en.txt", "g07_story_ru.txt"])
def test_a_bulleted_list_or_a_storys_dialogue_is_not_a_dash_interview(name):
    doc = _doc(name)
    assert doc.source.layout == "narration" and len(doc.turns) == 1 and doc.source.confidence < 0.5


def test_a_request_without_a_question_mark_is_a_question():
    doc = _doc("g10_intro_en.md")
    asked = [_speech(doc, t) for t in doc.turns if t.speaker == "Interviewer"]
    assert asked == ["How did you start teaching here?", "Tell me about the best player.", "What does chess give them?"]


def test_headings_that_ask_are_questions_and_rules_between_dash_parts_change_nothing():
    doc = _doc("g06_heading_questions_ru.md")
    assert doc.source.layout == "alternate" and doc.source.confidence >= 0.5
    assert _speakers(doc) == ["Автор", "Автор"] + ["Интервьюер", "Респондент"] * 3
    doc = _doc("g11_rule_parts_ru.txt")
    assert doc.source.layout == "dash" and len(sections_of(doc)) == 1


def test_misplaced_spans_are_those_a_new_layout_would_put_on_a_mark():
    text = "Иван: Привет, Пётр.\n\nПётр: Здравствуй."
    narration = relayout(text, "narration")
    spans = [Span(0, 4, "PER", "Иван"), Span(13, 17, "PER", "Пётр")]
    assert misplaced_spans(narration.turns, spans) == []
    colon = relayout(text, "colon")
    assert colon.text == text and misplaced_spans(colon.turns, spans) == [spans[0]]


def test_names_then_dashes_without_a_rule_are_two_sections():
    doc = _doc("g11_no_rule_en.txt")
    assert [s.layout for s in sections_of(doc)] == ["colon", "dash"]
    assert _speakers(doc) == ["Host"] + ["Interviewer", "Respondent"] * 2
    assert _speech(doc, doc.turns[0]).endswith("Let's find out.")
