"""CurrentDocument keeps its indexes by bisection; they always equal a rebuild from scratch."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from annotation.model import Document, Span, Speaker, Turn
from gui.current import CurrentDocument, reading_order

TEXT = "ab cd ef gh ij kl mn op qr st uv wx yz " * 3
WORDS = [(i, i + 2) for i in range(0, len(TEXT) - 2, 3)]
STATUSES = ("suggested", "accepted", "rejected")


def make_span(i: int, word: int, width: int, label: str, status: str) -> Span:
    start = WORDS[word][0]
    end = WORDS[min(word + width, len(WORDS) - 1)][1]
    return Span(start, end, label, TEXT[start:end], None, "model", status, None, i)


spans = st.builds(
    make_span,
    st.integers(1, 10_000),
    st.integers(0, len(WORDS) - 1),
    st.integers(0, 3),
    st.sampled_from(["PER", "LOC"]),
    st.sampled_from(STATUSES),
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(spans, max_size=30, unique_by=lambda s: s.id),
    st.lists(st.tuples(st.integers(0, 40), spans), max_size=20),
)
def test_incremental_indexes_equal_a_rebuild(initial, edits):
    doc = Document(TEXT, id="d", speakers=[Speaker("A")], turns=[Turn(0, len(TEXT), 0, "A")], spans=list(initial))
    current = CurrentDocument()
    current.show(doc)
    for pick, new in edits:
        ids = [s.id for s in doc.spans]
        if ids and pick % 3 == 0:
            current._update_spans([], [ids[pick % len(ids)]])  # removed
        elif ids and pick % 3 == 1:
            old = doc.spans[pick % len(ids)]
            current._update_spans([replace(new, id=old.id)], [])  # changed in place
        elif new.id not in ids:
            current._update_spans([new], [])  # added
        fresh = CurrentDocument()
        fresh.show(Document(TEXT, id="d", spans=list(doc.spans)))
        assert doc.spans == sorted(doc.spans, key=reading_order)
        assert current.visible == fresh.visible and current.starts == fresh.starts
        assert (current.suggested, current.accepted) == (fresh.suggested, fresh.accepted)
        assert current.max_length >= fresh.max_length
