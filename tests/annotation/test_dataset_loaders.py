"""The exports load in the tools people use: seqeval, spaCy, Hugging Face datasets, a brat standoff reader.

These need the ``interop`` extra (``pip install -e ".[test,interop]"``), which CI installs.
"""

import json
import re

import pytest

from annotation.formats.export import ExportOptions, export_documents
from annotation.formats.hf import LABELS_FILE
from annotation.formats.tokens import outermost, side_file
from annotation.model import Document, Span, Speaker, Turn


def people_see(doc):
    return [s for s in doc.spans if s.status != "rejected"]


@pytest.fixture
def emoji_doc():
    """A small document with characters outside the BMP before, between and inside spans."""
    text = "– Мы 😀 из Москвы 🇷🇺 и Санкт-Петербурга.\n– А я из 𝔘фы, работаю в «Газпроме» 👍🏽 с Ивановым."
    spans = []
    for word, label in [
        ("Москвы", "LOC"),
        ("Санкт-Петербурга", "LOC"),
        ("𝔘фы", "LOC"),
        ("Газпроме", "ORG"),
        ("Ивановым", "PER"),
        ("Петербурга", "LOC"),
    ]:
        start = text.index(word)
        spans.append(Span(start, start + len(word), label, word, annotator="tester"))
    first_end = text.index("\n")
    return Document(
        text,
        id="emoji",
        speakers=[Speaker("A", "interviewer"), Speaker("B", "respondent")],
        turns=[Turn(0, first_end, 2, "A"), Turn(first_end + 1, len(text), first_end + 3, "B")],
        spans=spans,
    )


def conll_documents(path):
    """Tags per document (a list of sentences each), read straight from the file."""
    docs = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("-DOCSTART-"):
            docs.append([[]])
        elif not line.strip():
            if docs and docs[-1][-1]:
                docs[-1].append([])
        else:
            token, tag = line.split(" ")
            docs[-1][-1].append(tag)
    return [[s for s in doc if s] for doc in docs]


@pytest.mark.parametrize("which", ["sample", "emoji"])
def test_seqeval_finds_every_outermost_span_in_the_conll_export(corrected_sample, emoji_doc, tmp_path, which):
    seqeval = pytest.importorskip("seqeval.metrics.sequence_labeling")
    doc = corrected_sample[1] if which == "sample" else emoji_doc
    out = tmp_path / "out.conll"
    export_documents([doc], ExportOptions(format="conll", out=out))
    (sentences,) = conll_documents(out)
    (side,) = [json.loads(line) for line in side_file(out).read_text(encoding="utf-8").splitlines()]
    offsets = side["tokens"]
    flat_tags = [tag for sentence in sentences for tag in sentence]
    assert len(flat_tags) == len(offsets)
    found = set()
    position = 0
    for sentence in sentences:
        for label, first, last in seqeval.get_entities(sentence):
            found.add((offsets[position + first][0], offsets[position + last][1], label))
        position += len(sentence)
    kept, _ = outermost(people_see(doc))
    assert found == {s.key for s in kept}
    assert len(found) >= (40 if which == "sample" else 5)


def test_spacy_char_span_finds_every_exported_span(corrected_sample, tmp_path):
    spacy = pytest.importorskip("spacy")
    _, doc = corrected_sample
    out = tmp_path / "out.jsonl"
    export_documents([doc], ExportOptions(format="spacy", out=out))
    nlp = spacy.blank("ru")
    (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    sdoc = nlp.make_doc(row["text"])
    assert row["spans"]
    missing = []
    for span in row["spans"]:
        found = sdoc.char_span(span["start"], span["end"], label=span["label"])
        if found is None or found.text != span["text"]:
            missing.append(span)
    assert missing == []
    sdoc.spans["sc"] = [sdoc.char_span(s["start"], s["end"], label=s["label"]) for s in row["spans"]]
    assert len(sdoc.spans["sc"]) == len({s.key for s in people_see(doc)})


def test_datasets_loads_the_hf_export_with_its_class_label_names(corrected_sample, emoji_doc, tmp_path, monkeypatch):
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    datasets = pytest.importorskip("datasets")
    _, doc = corrected_sample
    out = tmp_path / "hf"
    export_documents([doc, emoji_doc], ExportOptions(format="hf", out=out, split=(50, 50), seed=1))
    names = json.loads((out / LABELS_FILE).read_text(encoding="utf-8"))
    assert names[0] == "O" and {"B-PER", "I-PER", "B-ORG"} <= set(names)
    features = datasets.Features(
        {
            "id": datasets.Value("string"),
            "tokens": datasets.Sequence(datasets.Value("string")),
            "ner_tags": datasets.Sequence(datasets.ClassLabel(names=names)),
        }
    )
    loaded = datasets.load_dataset(
        "json",
        data_files={"train": str(out / "train.jsonl"), "test": str(out / "test.jsonl")},
        features=features,
        cache_dir=str(tmp_path / "cache"),
    )
    assert loaded["train"].features["ner_tags"].feature.names == names
    rows = sum(len(loaded[part]) for part in ("train", "test"))
    lines = sum(len((out / f"{part}.jsonl").read_text(encoding="utf-8").splitlines()) for part in ("train", "test"))
    assert rows == lines > 10
    label = loaded["train"].features["ner_tags"].feature
    tags = [label.int2str(t) for part in ("train", "test") for row in loaded[part] for t in row["ner_tags"]]
    kept = [outermost(people_see(d))[0] for d in (doc, emoji_doc)]
    assert sum(t.startswith("B-") for t in tags) == sum(len(k) for k in kept)


_BRAT_T = re.compile(r"^T\d+\t(\S+) ([\d ;]+)\t(.*)$")


def read_standoff(txt_path):
    """A minimal brat standoff reader, independent of Razmetka's: (start, end, label) of each text-bound line."""
    text = txt_path.read_text(encoding="utf-8")
    found = set()
    for line in txt_path.with_suffix(".ann").read_text(encoding="utf-8").splitlines():
        match = _BRAT_T.match(line)
        assert match, line
        fragments = [tuple(map(int, f.split())) for f in match.group(2).split(";")]
        assert " ".join(text[s:e] for s, e in fragments) == match.group(3)
        found.add((fragments[0][0], fragments[-1][1], match.group(1)))
    return text, found


def test_brat_export_reads_back_with_a_standoff_parser(corrected_sample, emoji_doc, tmp_path):
    _, doc = corrected_sample
    out = tmp_path / "brat"
    export_documents([doc, emoji_doc], ExportOptions(format="brat", out=out))
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    assert "[entities]" in conf and "PER" in conf.split("[relations]")[0]
    files = {
        row["razmetka"]["document"]: row["file"]
        for row in map(json.loads, (out / "meta.jsonl").read_text(encoding="utf-8").splitlines())
    }
    assert files[doc.id] != doc.id and doc.title.split()[0] in files[doc.id]  # named after the title
    assert files[emoji_doc.id] == "emoji"  # no title: the id
    for original in (doc, emoji_doc):
        text, found = read_standoff(out / f"{files[original.id]}.txt")
        assert text == original.text
        assert found == {s.key for s in people_see(original)}
