from annotation.model import Document, check_document
from annotation.transcript import INTERVIEWER, NARRATOR, RESPONDENT, parse


def test_sample_has_two_lead_paragraphs_then_eighteen_alternating_turns(sample_path):
    transcript = parse(sample_path.read_text(encoding="utf-8"))
    assert transcript.metadata == {"date": "2025-10-11"}
    assert transcript.text.startswith("В Душанбе")
    assert transcript.layout == "dash"
    speakers = [t.speaker for t in transcript.turns]
    assert len(speakers) == 20
    assert speakers[:2] == [NARRATOR, NARRATOR]
    assert speakers[2:] == [INTERVIEWER, RESPONDENT] * 9
    assert {s.name: s.role for s in transcript.speakers} == {
        NARRATOR: "narrator",
        INTERVIEWER: "interviewer",
        RESPONDENT: "respondent",
    }


def test_turn_range_includes_the_dash_and_speech_starts_after_it(sample_path):
    transcript = parse(sample_path.read_text(encoding="utf-8"))
    first_question = transcript.turns[2]
    assert transcript.text[first_question.start] == "–"
    assert transcript.text[first_question.content_start :].startswith("Президент Казахстана")
    narration = transcript.turns[0]
    assert narration.content_start == narration.start == 0


def test_turns_cover_every_non_whitespace_character(sample_path):
    transcript = parse(sample_path.read_text(encoding="utf-8"))
    doc = Document(transcript.text, speakers=transcript.speakers, turns=transcript.turns)
    check_document(doc)


def test_a_dash_inside_a_paragraph_never_starts_a_turn():
    text = "Вступление.\n\n– Вопрос?\n\n– Мы – две крупнейшие страны – и это важно.\n\n– Ещё вопрос?"
    transcript = parse(text)
    assert [t.speaker for t in transcript.turns] == [NARRATOR, INTERVIEWER, RESPONDENT, INTERVIEWER]
    answer = transcript.turns[2]
    assert transcript.text[answer.content_start : answer.end] == "Мы – две крупнейшие страны – и это важно."


def test_all_three_dashes_mark_turns_and_lines_without_one_continue_the_turn():
    text = "— Вопрос?\n- Ответ, первая часть.\nВторая часть ответа.\n– Спасибо."
    transcript = parse(text)
    assert [t.speaker for t in transcript.turns] == [INTERVIEWER, RESPONDENT, INTERVIEWER]
    answer = transcript.turns[1]
    assert transcript.text[answer.content_start : answer.end] == "Ответ, первая часть.\nВторая часть ответа."


def test_a_negative_number_is_not_a_turn_mark():
    transcript = parse("– Какая погода?\n– Холодно.\n-5 градусов с утра.")
    assert len(transcript.turns) == 2
    assert transcript.text[transcript.turns[1].start : transcript.turns[1].end].endswith("-5 градусов с утра.")


def test_an_unknown_layout_is_refused():
    import pytest

    with pytest.raises(ValueError, match="unknown layout"):
        parse("text", "nope")
