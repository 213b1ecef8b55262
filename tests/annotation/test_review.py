"""Pure review planning: disagreements between two layers, settling them, and planning a merge."""

from __future__ import annotations

import pytest

from annotation.model import Document, Mention, Span, Speaker, Turn
from annotation.review import (
    BOUNDARY,
    LABEL,
    MISSING,
    SPEAKER,
    TURN_BOUNDARY,
    DocumentLayers,
    LayerTurn,
    ReviewError,
    SourceDocument,
    disagreements,
    plan_merge,
    resolve,
    span_disagreements,
    turn_disagreements,
)

TEXT = "– Глава ЕАЭС и Казахстан встретились в Москве с Иваном Петровым."


def s(piece: str, label: str, who: str = "a", status: str = "accepted") -> Span:
    start = TEXT.index(piece)
    return Span(start, start + len(piece), label, piece, annotator=who, status=status)


def test_each_kind_of_span_disagreement_in_text_order():
    a = [s("Глава", "PER"), s("ЕАЭС", "ORG"), s("Москве", "LOC"), s("Иваном Петровым", "PER"), s("Казахстан", "LOC")]
    b = [s("ЕАЭС", "LOC", "b"), s("Москве", "LOC", "b"), s("Иваном", "PER", "b"), s("Казахстан", "LOC", "b")]
    found = span_disagreements(a, b)
    assert [(d.kind, TEXT[d.start : d.end]) for d in found] == [
        (MISSING, "Глава"),
        (LABEL, "ЕАЭС"),
        (BOUNDARY, "Иваном Петровым"),
    ]
    assert [x.label for x in found[1].a] == ["ORG"] and [x.label for x in found[1].b] == ["LOC"]
    assert found[0].b == [] and "Глава" in found[0].describe()


def test_nested_spans_pair_by_range_first_and_rejected_spans_do_not_count():
    a = [s("Иваном Петровым", "PER"), s("Иваном", "PER")]
    b = [s("Иваном", "LOC", "b"), s("Москве", "LOC", "b", status="rejected")]
    found = span_disagreements(a, b)
    assert [(d.kind, TEXT[d.start : d.end]) for d in found] == [(MISSING, "Иваном Петровым"), (LABEL, "Иваном")]


def test_turn_disagreements_speaker_and_boundary():
    text = "– Вопрос?\n– Ответ.\n– Ещё."
    q2 = text.index("– Ответ")
    q3 = text.index("– Ещё")
    a = [LayerTurn(0, 9, 2, "Q"), LayerTurn(q2, q2 + 8, q2 + 2, "R"), LayerTurn(q3, len(text), q3 + 2, "R")]
    b = [LayerTurn(0, 9, 2, "Q"), LayerTurn(q2, len(text), q2 + 2, "R")]
    found = turn_disagreements(text, a, b)
    assert [(d.kind, d.start, d.end) for d in found] == [(TURN_BOUNDARY, q2, len(text))]
    b2 = [LayerTurn(0, 9, 2, "Q"), LayerTurn(q2, q2 + 8, q2 + 2, "Q"), LayerTurn(q3, len(text), q3 + 2, "R")]
    found = turn_disagreements(text, a, b2)
    assert [(d.kind, d.start, d.end) for d in found] == [(SPEAKER, q2, q2 + 8)]
    assert [t.speaker for t in found[0].a_turns] == ["R"] and [t.speaker for t in found[0].b_turns] == ["Q"]


def test_resolving_each_choice():
    (label,) = span_disagreements([s("ЕАЭС", "ORG")], [s("ЕАЭС", "LOC", "b")])
    a = resolve(label, "a", "rita").spans
    assert [(x.label, x.origin, x.status, x.annotator) for x in a] == [("ORG", "adjudicated", "accepted", "rita")]
    assert [x.label for x in resolve(label, "B", "rita").spans] == ["LOC"]
    assert [x.label for x in resolve(label, "both", "rita").spans] == ["LOC", "ORG"]
    assert resolve(label, "neither", "rita").spans == []
    assert resolve(label, "both", "rita", gold=a).spans[0].label == "LOC"  # ORG is in the gold layer already
    with pytest.raises(ReviewError, match="unknown choice"):
        resolve(label, "c", "rita")


def test_resolving_a_turn_disagreement_adopts_turns_and_refuses_both():
    text = "– Вопрос?\n– Ответ."
    a = [LayerTurn(0, 9, 2, "Q"), LayerTurn(10, len(text), 12, "R")]
    b = [LayerTurn(0, 9, 2, "Q"), LayerTurn(10, len(text), 12, "Q")]
    layers = DocumentLayers("d", "t", text, {"a": [], "b": []}, {"a": a, "b": b})
    (d,) = disagreements(layers, "a", "b")
    assert [t.speaker for t in resolve(d, "b", "rita").turns] == ["Q"]
    assert resolve(d, "neither", "rita").turns is None
    with pytest.raises(ReviewError, match="one speaker"):
        resolve(d, "both", "rita")


def _doc(text: str, spans: list[Span]) -> Document:
    return Document(text, "t", speakers=[Speaker("A")], turns=[Turn(0, len(text), 0, "A")], spans=spans)


def test_plan_merge_matches_by_text_and_names_layers():
    text = "Иван в Москве."
    ivan = Span(0, 4, "PER", "Иван", annotator="anna")
    pending = Span(7, 13, "LOC", "Москве", origin="model", status="suggested")
    one = SourceDocument("one.db", _doc(text, [ivan, pending]), [Mention(7, 13, "LOC", "Москве", None)])
    two = SourceDocument("two.db", _doc(text, [Span(0, 4, "PER", "Иван", annotator="anna")]))
    solo = SourceDocument("two.db", _doc("Другой текст.", []))
    plan = plan_merge([("one.db", [one]), ("two.db", [two, solo])], claimed={})
    first, second = plan.documents
    assert [(x.annotator, x.source, len(x.spans)) for x in first.layers] == [
        ("anna", "one.db", 2),
        ("anna@two.db", "two.db", 1),
    ]
    assert {x.annotator for x in first.layers[0].spans} == {"anna"}  # the unresolved suggestion is anna's view
    assert len(first.mentions) == 1 and first.base.spans == []
    assert second.layers[0].annotator == "two.db"  # nobody's name on it: the source names the layer
    assert plan.partial == [("t", ["two.db"], ["one.db"])]
