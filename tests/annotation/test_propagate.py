from annotation.model import Document, Span, Speaker, Turn
from annotation.propagate import untagged_occurrences

TEXT = "– СНГ и ЕАЭС. СНГовский СНГ, «СНГ».\n\n– Про СНГ 😀СНГ и ЕАЭС, Совет СНГ."


def doc_with(*spans):
    second = TEXT.index("– Про")
    turns = [Turn(0, second - 2, 2, "И"), Turn(second, len(TEXT), second + 2, "Р")]
    return Document(TEXT, speakers=[Speaker("И"), Speaker("Р")], turns=turns, spans=list(spans))


def span(nth, surface, label, status="accepted"):
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(surface, start + 1)
    return Span(start, start + len(surface), label, surface, status=status)


def words(found):
    return [(s, TEXT[s:e]) for s, e in found]


def test_every_whole_token_occurrence_in_every_turn():
    found = untagged_occurrences(doc_with(), "СНГ", "ORG")
    assert all(TEXT[s:e] == "СНГ" for s, e in found)
    # Not the one inside «СНГовский»; the one glued to an emoji counts.
    assert len(found) == 6
    assert TEXT.index("СНГовский") not in [s for s, _ in found]


def test_tagged_covered_and_rejected_places_are_skipped():
    tagged = span(0, "СНГ", "ORG")
    other_label = span(2, "СНГ", "LOC")  # same range, another label: a retag, not a propagation
    rejected = span(3, "СНГ", "ORG", status="rejected")
    covering = span(0, "Совет СНГ", "ORG")
    rejected_other = span(4, "СНГ", "PER", status="rejected")
    found = untagged_occurrences(doc_with(tagged, other_label, rejected, covering, rejected_other), "СНГ", "ORG")
    starts = [s for s, _ in found]
    assert tagged.start not in starts and other_label.start not in starts and rejected.start not in starts
    assert TEXT.index("СНГ", covering.start) not in starts
    assert rejected_other.start in starts
    assert len(found) == 2


def test_exact_surface_only():
    assert untagged_occurrences(doc_with(), "снг", "ORG") == []
    assert untagged_occurrences(doc_with(), " СНГ", "ORG") == []
    assert words(untagged_occurrences(doc_with(), "ЕАЭС", "ORG")) == [
        (TEXT.index("ЕАЭС"), "ЕАЭС"),
        (TEXT.rindex("ЕАЭС"), "ЕАЭС"),
    ]
