"""Write the transcript every interop check uses: tests/data/interop_transcript.jsonl (native JSONL).

It holds what tools get wrong: emoji (🙏, the flag 🇰🇿, 😀: two UTF-16 units each
code point), non-breaking spaces (``5\\u00a0мая``), double spaces, a span across a
line break, a nested span, two annotators' layers and a model suggestion.

    python benchmarks/interop/make_transcript.py   # rewrites the file
"""

from __future__ import annotations

from pathlib import Path

from annotation.formats import jsonl
from annotation.model import Document, Source, Span, Speaker, Turn, check_document

OUT = Path(__file__).resolve().parents[2] / "tests" / "data" / "interop_transcript.jsonl"

TURNS = [
    ("Интервьюер", "– Расскажите о поездке 🙏 в Алматы  и Астану."),
    ("Респондент", "– 5\u00a0мая мы были в 🇰🇿 Казахстане, в «Евразийском\nбанке развития», потом  в Душанбе."),
    ("Интервьюер", "– А Иван  Петров?"),
    ("Респондент", "– Он остался в Москве 😀, у\u00a0ООН."),
]
# (turn, text, label, annotator or None for a model suggestion, which occurrence)
SPANS = [
    (0, "Алматы", "LOC", "anna"),
    (0, "Астану", "LOC", "anna"),
    (1, "5\u00a0мая", "DATE", "anna"),
    (1, "Казахстане", "LOC", "anna"),
    (1, "Евразийском\nбанке развития", "ORG", "anna"),
    (1, "Душанбе", "LOC", "boris"),
    (1, "Казахстане", "LOC", "boris"),
    (2, "Иван  Петров", "PER", "boris"),
    (2, "Иван", "PER", "anna"),
    (3, "Москве", "LOC", None),
    (3, "ООН", "ORG", "boris"),
]


def build() -> Document:
    text, turns, position = "", [], 0
    for n, (speaker, line) in enumerate(TURNS):
        if n:
            text += "\n"
            position += 1
        turns.append(Turn(position, position + len(line), position + 2, speaker))
        text += line
        position += len(line)
    spans = []
    for turn, piece, label, annotator in SPANS:
        start = text.index(piece, turns[turn].content_start)
        status, origin = ("suggested", "model") if annotator is None else ("accepted", "human")
        spans.append(Span(start, start + len(piece), label, piece, None, origin, status, annotator))
    doc = Document(
        text,
        title="Интервью: Алматы — Душанбе",
        id="interop",
        status="in_progress",
        source=Source("interop.txt", "", "dash", 1.0, "ru"),
        speakers=[Speaker("Интервьюер", "interviewer"), Speaker("Респондент", "respondent")],
        turns=turns,
        spans=spans,
    )
    check_document(doc)
    return doc


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    jsonl.write([build()], OUT)
    print(OUT)
