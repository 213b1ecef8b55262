"""Every dataset format on random documents: emoji, multi-line turns, nested and overlapping spans."""

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotation.formats.catalog import FORMATS, read_dataset
from annotation.formats.export import ExportOptions, export_documents
from annotation.formats.jsonl import to_record
from annotation.formats.offsets import UTF16, OffsetMap
from annotation.formats.records import build_document
from annotation.formats.tokens import outermost, sentences
from annotation.model import Document, Span, Speaker, Turn, check_document

LETTERS = list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЁЖЗИКЛМНabcxyzXYZ0123456789") + [
    "-",
    ".",
    ",",
    "«",
    "»",
    "😀",
    "👍",
    "🏽",
    "𝔘",
    "\u0301",
]
WORD = st.text(alphabet=st.sampled_from(LETTERS), min_size=1, max_size=7)
SPEAKERS = [Speaker("Интервьюер", "interviewer"), Speaker("Респондент 😀", "respondent"), Speaker("Гость", "other")]


@st.composite
def documents(draw) -> Document:
    parts: list[str] = []
    turns: list[Turn] = []
    spans: list[Span] = []
    position = 0
    for n in range(draw(st.integers(1, 4))):
        if n:
            sep = draw(st.sampled_from(["\n", "\n\n"]))
            parts.append(sep)
            position += len(sep)
        mark = draw(st.sampled_from(["– ", ""]))
        start = position
        parts.append(mark)
        position += len(mark)
        content = position
        words: list[tuple[int, int]] = []
        for k, line in enumerate(draw(st.lists(st.lists(WORD, min_size=1, max_size=5), min_size=1, max_size=2))):
            if k:
                parts.append("\n")
                position += 1
            for i, word in enumerate(line):
                if i:
                    parts.append(" ")
                    position += 1
                words.append((position, position + len(word)))
                parts.append(word)
                position += len(word)
        turns.append(Turn(start, position, content, draw(st.sampled_from(SPEAKERS)).name))
        for _ in range(draw(st.integers(0, 3))):
            i = draw(st.integers(0, len(words) - 1))
            j = draw(st.integers(i, min(i + 2, len(words) - 1)))
            status = draw(st.sampled_from(["accepted", "accepted", "suggested", "rejected"]))
            label = draw(st.sampled_from(["PER", "LOC", "ORG"]))
            spans.append(_span(parts, words[i][0], words[j][1], label, status))
    text = "".join(parts)
    used = {t.speaker for t in turns}
    unique = {(s.annotator, s.start, s.end, s.label): s for s in spans}
    doc = Document(
        text,
        title="случайный 😀",
        id="rnd",
        status="in_progress",
        metadata={"date": "2025-01-01"},
        speakers=[s for s in SPEAKERS if s.name in used],
        turns=turns,
        spans=list(unique.values()),
    )
    check_document(doc)
    return doc


def _span(parts: list[str], start: int, end: int, label: str, status: str) -> Span:
    text = "".join(parts)[start:end]
    return Span(
        start,
        end,
        label,
        text,
        origin="human" if status == "accepted" else "model",
        status=status,
        annotator=None if status == "suggested" else "tester",
    )


def visible_keys(doc: Document, nested: bool) -> set[tuple[int, int, str]]:
    spans = [s for s in doc.spans if s.status != "rejected"]
    if not nested:
        spans, _ = outermost(spans)
    return {s.key for s in spans}


def turns_of(doc: Document) -> list[tuple[int, int, int, str]]:
    return [(t.start, t.end, t.content_start, t.speaker) for t in doc.turns]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_every_format_round_trips_random_documents(doc):
    with tempfile.TemporaryDirectory() as tmp:
        for name, fmt in FORMATS.items():
            out = Path(tmp) / f"out.{name}"
            export_documents([doc], ExportOptions(format=name, out=out))
            (record,) = read_dataset(name, out).records
            back, refused, _ = build_document(record, file_name=out.name, fmt=name, index=1)
            assert not refused, name
            assert back.text == doc.text, name
            assert turns_of(back) == turns_of(doc), name
            assert [(s.name, s.role) for s in back.speakers] == [(s.name, s.role) for s in doc.speakers], name
            if name == "jsonl":
                assert back is record.document and to_record(back) == to_record(doc)
            else:
                assert {s.key for s in back.spans} == visible_keys(doc, fmt.nested), name


@settings(max_examples=25, deadline=None)
@given(documents())
def test_the_dialogue_variant_keeps_each_span_in_its_turn(doc):
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "dialogue.json"
        export_documents([doc], ExportOptions(format="labelstudio", out=out, labelstudio_dialogue=True))
        (record,) = read_dataset("labelstudio", out).records
        back, refused, _ = build_document(record, file_name=out.name, fmt="labelstudio", index=1)
        assert not refused
        speech = [(t.speaker, doc.text[t.content_start : t.end]) for t in doc.turns if t.content_start < t.end]
        assert [(t.speaker, back.text[t.content_start : t.end]) for t in back.turns] == speech

        def relative(d: Document, spans) -> set:
            found = set()
            for s in spans:
                turn = d.turn_at(s.start)
                found.add((d.turns.index(turn), s.start - turn.content_start, s.end - turn.content_start, s.label))
            return found

        assert relative(back, back.spans) == relative(doc, [s for s in doc.spans if s.status != "rejected"])


@given(st.text(alphabet=st.sampled_from(["a", "я", "😀", "𝔘", "\n"]), max_size=30))
def test_offsets_convert_both_ways(text):
    om = OffsetMap(text)
    for i in range(len(text) + 1):
        u = om.to_unit(i, UTF16)
        assert u == len(text[:i].encode("utf-16-le")) // 2
        assert om.from_unit(u, UTF16) == i
    for u in range(om.length(UTF16) + 1):
        back = om.from_unit(u, UTF16)
        assert back is None or om.to_unit(back, UTF16) == u


def test_tokens_split_at_span_edges_and_sentences_join_across_spans():
    text = "Я из Касым-Жомарта. Он тоже. Москва"
    inner = text.index("Касым")
    across = text.index("Жомарта")
    spans = [
        Span(inner, inner + 5, "PER", "Касым"),
        Span(across, text.index("Он") + 2, "ORG", text[across : text.index("Он") + 2]),
    ]
    groups = sentences(text, spans)
    tokens = [[text[s:e] for s, e in group] for group in groups]
    assert tokens == [["Я", "из", "Касым", "-", "Жомарта", ".", "Он", "тоже", "."], ["Москва"]]


@settings(max_examples=25, deadline=None)
@given(documents())
def test_offsets_written_in_either_unit_come_back_exactly(doc):
    """Label Studio written in UTF-16 units but read as code points falls back on the span text;
    doccano read with the unit it was written in is exact.

    The fallback needs the text to tell: a span whose UTF-16 offsets, read as code
    points, land on the same text elsewhere ("0" in "– 𝔘𝔘 0 0") is truly ambiguous.
    """
    om = OffsetMap(doc.text)

    def ambiguous(s) -> bool:
        start, end = om.to_unit(s.start, UTF16), om.to_unit(s.end, UTF16)
        return (start, end) != (s.start, s.end) and doc.text[start:end] == s.text

    cases = [("doccano", "codepoints", "codepoints")]
    if not any(ambiguous(s) for s in doc.spans):
        cases.append(("labelstudio", "utf16", None))
    with tempfile.TemporaryDirectory() as tmp:
        for name, written, read_as in cases:
            out = Path(tmp) / f"out.{name}"
            export_documents([doc], ExportOptions(format=name, out=out, offsets=written))
            result = read_dataset(name, out, offsets=read_as)
            (record,) = result.records
            assert {s.key for s in record.spans} == visible_keys(doc, True), (name, result.notes)


@settings(max_examples=25, deadline=None)
@given(documents())
def test_crlf_text_is_normalised_with_its_spans(doc):
    """A file written on Windows (CRLF, offsets counted in it) imports as the LF text with the same spans."""
    crlf = doc.text.replace("\n", "\r\n")

    def at(offset: int) -> int:
        return offset + doc.text.count("\n", 0, offset)

    spans = [s for s in doc.spans if s.status != "rejected"]
    row = {
        "text": crlf,
        "spans": [
            {"start": at(s.start), "end": at(s.end), "label": s.label, "text": crlf[at(s.start) : at(s.end)]}
            for s in spans
        ],
    }
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "crlf.jsonl"
        path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
        (record,) = read_dataset("spacy", path).records
        back, refused, _ = build_document(record, file_name=path.name, fmt="spacy", index=1)
        assert back.text == doc.text and not refused
        assert {s.key for s in back.spans} == {s.key for s in spans}
        assert all(back.text[s.start : s.end] == s.text for s in back.spans)


def test_an_exact_match_in_the_other_unit_beats_a_match_up_to_whitespace(tmp_path):
    """«𝔘» at code point 6 is at UTF-16 unit 7; read as code points, 7..9 is « 𝔘», the same up to a space."""
    text = "– 𝔘\n– 𝔘 𝔘"
    span = Span(6, 7, "PER", "𝔘", None, "human", "accepted", "a")
    doc = Document(text, id="d", speakers=[Speaker("A")], turns=[Turn(0, 3, 2, "A"), Turn(4, 9, 6, "A")], spans=[span])
    out = tmp_path / "x.json"
    export_documents([doc], ExportOptions(format="labelstudio", out=out, offsets="utf16"))
    (record,) = read_dataset("labelstudio", out, offsets=None).records
    assert [s.key for s in record.spans] == [(6, 7, "PER")]
