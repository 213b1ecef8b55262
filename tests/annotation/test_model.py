import pytest

from annotation.model import Document, ModelError, Span, Speaker, Turn, check_document


def _doc(**kw):
    text = "– Вопрос?\n– Ответ про Москву."
    base = dict(
        text=text,
        speakers=[Speaker("A", "interviewer"), Speaker("B", "respondent")],
        turns=[Turn(0, 9, 2, "A"), Turn(10, 29, 12, "B")],
    )
    base.update(kw)
    return Document(**base)


def test_a_valid_document_passes():
    doc = _doc(spans=[Span(22, 27, "LOC", "Москв")])
    check_document(doc)


def test_spans_must_not_have_outer_whitespace_or_be_empty():
    with pytest.raises(ModelError):
        Span(21, 27, "LOC", " Москв")
    with pytest.raises(ModelError):
        Span(5, 5, "LOC", "")


def test_span_must_lie_in_the_speech_of_one_turn():
    with pytest.raises(ModelError, match="inside one turn"):
        check_document(_doc(spans=[Span(10, 11, "LOC", "–")]))


def test_span_text_must_match_the_document():
    with pytest.raises(ModelError, match="does not match"):
        check_document(_doc(spans=[Span(22, 27, "LOC", "Минск")]))


def test_uncovered_text_and_overlapping_turns_are_refused():
    with pytest.raises(ModelError, match="belongs to no turn"):
        check_document(_doc(turns=[Turn(0, 9, 2, "A")]))
    with pytest.raises(ModelError, match="overlaps"):
        check_document(_doc(turns=[Turn(0, 12, 2, "A"), Turn(10, 29, 12, "B")]))


def test_same_span_twice_in_one_layer_is_refused_but_allowed_across_layers():
    a = Span(22, 27, "LOC", "Москв", annotator="ann1")
    b = Span(22, 27, "LOC", "Москв", annotator="ann2")
    check_document(_doc(spans=[a, b]))
    with pytest.raises(ModelError, match="twice"):
        check_document(_doc(spans=[a, Span(22, 27, "LOC", "Москв", annotator="ann1")]))


def test_speaker_names_are_unique_and_roles_known():
    with pytest.raises(ModelError, match="unique"):
        check_document(_doc(speakers=[Speaker("A"), Speaker("A"), Speaker("B")]))
    with pytest.raises(ModelError):
        Speaker("C", "boss")
