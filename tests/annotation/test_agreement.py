"""Agreement figures on small cases worked out by hand, and against the krippendorff package."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest

from annotation.agreement import agreement, cohen_kappa, krippendorff_alpha, token_categories
from annotation.model import Span
from annotation.review import DocumentLayers, LayerTurn
from annotation.tokens import tokens

TEXT = "– Кто там был?\n– Анна видела Бориса в Москве."


def span(piece: str, label: str, who: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(piece, start + 1)
    return Span(start, start + len(piece), label, piece, annotator=who)


def layers() -> DocumentLayers:
    question, answer = TEXT.index("Кто"), TEXT.index("Анна")
    a = [span("Анна", "PER", "a"), span("Бориса", "PER", "a"), span("Москве", "LOC", "a")]
    b = [span("Анна", "PER", "b"), span("Бориса", "ORG", "b"), span("в Москве", "LOC", "b")]
    turns_a = [LayerTurn(0, 14, question, "Q"), LayerTurn(15, len(TEXT), answer, "R")]
    turns_b = [LayerTurn(0, len(TEXT), question, "Q")]  # b missed the second turn
    return DocumentLayers("d1", "tiny", TEXT, {"a": a, "b": b}, {"a": turns_a, "b": turns_b})


def test_span_f1_per_label_and_overall_by_hand():
    (pair,) = agreement([layers()])["pairs"]
    # Only «Анна» PER matches: 1 of 3 on each side.
    assert pair["overall_f1"] == pytest.approx(2 * 1 / (3 + 3))
    assert pair["labels"]["PER"] == pytest.approx({"precision": 1.0, "recall": 0.5, "f1": 2 / 3})
    assert pair["labels"]["ORG"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert pair["labels"]["LOC"]["f1"] == 0.0


def test_token_kappa_by_hand():
    doc = layers()
    bounds = tokens(TEXT)
    a = token_categories(TEXT, doc.spans["a"], bounds)
    b = token_categories(TEXT, doc.spans["b"], bounds)
    # «– Кто там был ? – Анна видела Бориса в Москве .»: 12 tokens, 10 agree (Бориса, в differ).
    assert len(bounds) == 12
    assert sum(x == y for x, y in zip(a, b, strict=True)) == 10
    # a: O×9, PER×2, LOC×1; b: O×8, PER, ORG, LOC×2.  pe = (9·8 + 2·1 + 1·2) / 144 = 76/144.
    po, pe = 10 / 12, 76 / 144
    (pair,) = agreement([doc])["pairs"]
    assert pair["kappa"] == pytest.approx((po - pe) / (1 - pe))


def test_cohen_kappa_small_cases():
    assert cohen_kappa(list("xxyy"), list("xxyx")) == pytest.approx(0.5)  # po 3/4, pe 1/2
    assert cohen_kappa(list("xy"), list("xy")) == 1.0
    assert cohen_kappa(list("xx"), list("xx")) == 1.0  # one category, full agreement
    assert cohen_kappa([], []) is None


def test_alpha_by_hand_and_against_the_package():
    # Two coders, units (x,x) (x,x) (y,y) (y,x): Do = 2/8, De = 2·5·3/(8·7); alpha = 1 - Do/De = 8/15.
    assert krippendorff_alpha([list("xxyy"), list("xxyx")]) == pytest.approx(8 / 15)
    rows = [list("xxyyz"), ["x", "y", "y", None, "z"], list("xxyzz")]
    codes = {"x": 0.0, "y": 1.0, "z": 2.0, None: np.nan}
    expected = krippendorff.alpha(
        reliability_data=np.array([[codes[v] for v in row] for row in rows]), level_of_measurement="nominal"
    )
    assert krippendorff_alpha(rows) == pytest.approx(expected)
    assert krippendorff_alpha([list("xx"), list("xx")]) is None  # one value: undefined
    assert krippendorff_alpha([list("xy")]) is None


def test_alpha_over_three_annotators_counts_a_missing_layer_as_missing():
    doc = layers()
    third = DocumentLayers("d2", "other", "Иван пришёл.", {"a": [], "c": [Span(0, 4, "PER", "Иван", annotator="c")]})
    data = agreement([doc, third])
    bounds_1, bounds_2 = tokens(TEXT), tokens(third.text)
    rows = {
        name: (token_categories(TEXT, doc.spans[name], bounds_1) if name in doc.spans else [None] * len(bounds_1))
        + (token_categories(third.text, third.spans[name], bounds_2) if name in third.spans else [None] * len(bounds_2))
        for name in ("a", "b", "c")
    }
    assert data["alpha"] == pytest.approx(krippendorff_alpha([rows["a"], rows["b"], rows["c"]]))
    assert [(p["a"], p["b"]) for p in data["pairs"]] == [("a", "b"), ("a", "c")]
    assert set(data["documents"]) == {"d1", "d2"}


def test_turn_boundaries_and_same_speaker_by_hand():
    data = agreement([layers()])
    (turns,) = data["turns"]["pairs"]
    # a has one boundary (the second turn), b none: precision 0 (nothing predicted), recall 0.
    assert turns["boundary"] == {"f1": 0.0, "precision": 0.0, "recall": 0.0}
    # Non-space characters: «–Кто там был?» 11 agree (Q); «–Анна видела Бориса в Москве.» 1+4+6+6+1+7 = 25 differ.
    assert turns["characters"] == 11 + 25
    assert turns["same_speaker"] == pytest.approx(11 / 36)


def test_json_shape():
    data = agreement([layers()])
    assert set(data) == {"pairs", "alpha", "turns", "documents"}
    (pair,) = data["pairs"]
    assert set(pair) == {"a", "b", "labels", "overall_f1", "kappa"}
    assert set(data["documents"]["d1"]) == {"title", "annotators", "pairs", "alpha", "turns"}
