"""The model against the people: small cases by hand, and the scores against nervaluate itself."""

from __future__ import annotations

import pytest
from nervaluate import Evaluator

from annotation.model import Document, Mention, Span, Speaker, Turn
from annotation.quality import report, report_csv

TEXT = "– Глава ЕАЭС и Казахстан встретились в Москве с Иваном Петровым у Кремля."


def at(piece: str) -> tuple[int, int]:
    start = TEXT.index(piece)
    return start, start + len(piece)


def mention(piece: str, label: str) -> Mention:
    return Mention(*at(piece), label, piece, None)


def span(piece: str, label: str, status: str = "accepted", origin: str = "model", who: str | None = "anna") -> Span:
    return Span(*at(piece), label, piece, origin=origin, status=status, annotator=who)


MENTIONS = [
    mention("ЕАЭС", "LOC"),  # relabelled to ORG: a label swap
    mention("Казахстан", "LOC"),  # accepted: correct
    mention("Москве", "LOC"),  # rejected: spurious
    mention("Иваном", "PER"),  # widened to «Иваном Петровым»: a boundary error
    mention("Кремля", "LOC"),  # nobody resolved it yet: pending, left out
]


def document(spans: list[Span]) -> Document:
    return Document(TEXT, "t", "d1", speakers=[Speaker("A")], turns=[Turn(0, len(TEXT), 2, "A")], spans=spans)


def people_layer() -> list[Span]:
    return [
        span("ЕАЭС", "ORG"),
        span("Казахстан", "LOC"),
        span("Москве", "LOC", status="rejected"),
        span("Иваном Петровым", "PER"),
        span("Кремля", "LOC", status="suggested", who=None),
        span("Глава", "PER", origin="human"),  # the model missed it
    ]


def test_kinds_of_error_and_corrections_by_hand():
    data = report([(document(people_layer()), MENTIONS)])
    assert data["pending"] == 1
    assert data["reference"] == {"people": 1}
    assert data["errors"] == {
        "correct": 1,
        "label": 1,
        "boundary": 1,
        "label_and_boundary": 0,
        "missed": 1,
        "spurious": 1,
    }
    descriptions = [c["description"] for c in data["corrections"]]
    assert "ЕАЭС LOC→ORG ×1" in descriptions
    assert "Иваном PER → Иваном Петровым PER ×1" in descriptions
    assert "Москве LOC (removed) ×1" in descriptions and "Глава PER (added) ×1" in descriptions


def test_strict_scores_by_hand_and_all_schemes_against_nervaluate():
    data = report([(document(people_layer()), MENTIONS)])
    # Reference: ЕАЭС ORG, Казахстан LOC, Иваном Петровым PER, Глава PER (4).  Model, judged: 4.
    # Strict: 1 correct (Казахстан); ЕАЭС and Иваном overlap a reference span: incorrect; Москве spurious;
    # Глава missed.  Precision 1/4, recall 1/4.
    strict = data["schemes"]["strict"]
    assert (strict["correct"], strict["incorrect"], strict["spurious"], strict["missed"]) == (1, 2, 1, 1)
    assert strict["precision"] == pytest.approx(1 / 4) and strict["recall"] == pytest.approx(1 / 4)
    true = [
        [
            {"label": lab, "start": s, "end": e - 1}
            for s, e, lab in (
                (*at("ЕАЭС"), "ORG"),
                (*at("Казахстан"), "LOC"),
                (*at("Иваном Петровым"), "PER"),
                (*at("Глава"), "PER"),
            )
        ]
    ]
    pred = [[{"label": m.label, "start": m.start, "end": m.end - 1} for m in MENTIONS[:4]]]
    theirs = Evaluator(true, pred, tags=["LOC", "ORG", "PER"], loader="dict").evaluate()
    for ours, name in (("strict", "strict"), ("exact", "exact"), ("partial", "partial"), ("type", "ent_type")):
        for figure in ("precision", "recall", "f1"):
            assert data["schemes"][ours][figure] == pytest.approx(getattr(theirs["overall"][name], figure))
        assert data["labels"]["PER"][ours]["f1"] == pytest.approx(theirs["entities"]["PER"][name].f1)


def test_gold_layer_wins_over_the_people():
    gold = [span(p, lab, origin="adjudicated", who="rita") for p, lab in (("ЕАЭС", "ORG"), ("Казахстан", "LOC"))]
    data = report([(document(people_layer() + gold), MENTIONS)])
    assert data["reference"] == {"gold": 1} and data["pending"] == 0
    assert data["errors"]["correct"] == 1 and data["errors"]["label"] == 1
    assert data["errors"]["spurious"] == 3  # Москве, Иваном, Кремля: the gold layer has none of them


def test_two_annotators_are_compared_one_by_one():
    boris = [span("ЕАЭС", "LOC", who="boris"), span("Казахстан", "LOC", who="boris")]
    data = report([(document(people_layer() + boris), MENTIONS[:2])])
    assert data["reference"] == {"people": 2}
    assert [(d["annotator"], d["errors"]["correct"]) for d in data["per_document"]] == [("anna", 1), ("boris", 2)]


def test_csv_has_a_row_per_scope_and_scheme():
    lines = report_csv(report([(document(people_layer()), MENTIONS)])).splitlines()
    assert lines[0] == "scope,scheme,precision,recall,f1,correct,incorrect,partial,missed,spurious"
    assert lines[1].startswith("overall,strict,0.25,0.25,0.25,1,2,0,1,1")
    assert len(lines) == 1 + 4 * (1 + 3)  # overall and LOC, ORG, PER
