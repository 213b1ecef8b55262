"""The rules the tools themselves apply to our exports, pinned without the tools installed.

Each test states one rule of Label Studio, brat, spaCy or doccano that a round trip
through Razmetka's own (more forgiving) readers would not catch.  The document is
tests/data/interop_transcript.jsonl: emoji, non-breaking and double spaces, a span
across a line break, nested spans, two annotators and a model suggestion.
"""

import json
import random
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from razdel import tokenize

from annotation.formats import jsonl
from annotation.formats.brat import CONF_FILE
from annotation.formats.catalog import read_dataset
from annotation.formats.export import ExportOptions, export_documents
from annotation.formats.labelstudio import label_config
from annotation.formats.offsets import OffsetMap
from annotation.formats.tokens import razdel_tokens
from annotation.model import Label

DATA = Path(__file__).resolve().parents[1] / "data" / "interop_transcript.jsonl"
SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "interview_kz_ru.txt"


@pytest.fixture(scope="module")
def doc():
    (document,) = jsonl.read(DATA)
    return document


def people(doc, annotator=None):
    return {
        (s.start, s.end, s.label)
        for s in doc.spans
        if s.status != "suggested" and (annotator is None or s.annotator == annotator)
    }


def export(doc, tmp_path, fmt, name, **options):
    out = tmp_path / name
    report = export_documents([doc], ExportOptions(format=fmt, out=out, **options))
    return out, report


# -- Label Studio ---------------------------------------------------------------


def test_dialogue_regions_have_string_paragraph_indexes_and_utf16_offsets(doc, tmp_path):
    out, _ = export(doc, tmp_path, "labelstudio", "d.json", labelstudio_dialogue=True)
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    paragraphs = task["data"]["dialogue"]
    regions = [r for a in task["annotations"] for r in a["result"]] + task["predictions"][0]["result"]
    assert regions and all(isinstance(r["value"]["start"], str) and isinstance(r["value"]["end"], str) for r in regions)
    for region in regions:
        value = region["value"]
        first, last = int(value["start"]), int(value["end"])
        # What the browser does: slice each paragraph's text by UTF-16 code units.
        begin = paragraphs[first]["text"].encode("utf-16-le")[2 * value["startOffset"] :]
        if first == last:
            piece = begin[: 2 * (value["endOffset"] - value["startOffset"])].decode("utf-16-le")
        else:
            piece = begin.decode("utf-16-le")
        assert value["text"].startswith(piece) or piece == value["text"], region
    kz = next(r for r in regions if r["value"]["text"] == "Казахстане")
    speech = paragraphs[int(kz["value"]["start"])]["text"]
    assert kz["value"]["startOffset"] == speech.index("Казахстане") + 2  # 🇰🇿 is two astral code points
    # And back: both the string and the integer forms are read, to the same spans.
    back = read_dataset("labelstudio", out).records[0]
    for region in regions:
        region["value"]["start"] = int(region["value"]["start"])
    out.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    again = read_dataset("labelstudio", out).records[0]
    assert [(s.start, s.end, s.label, s.annotator) for s in back.spans] == [
        (s.start, s.end, s.label, s.annotator) for s in again.spans
    ]
    assert {s.text for s in back.spans} == {s.text for s in doc.spans}


def test_text_variant_stays_in_code_points(doc, tmp_path):
    out, _ = export(doc, tmp_path, "labelstudio", "t.json")
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    for region in task["annotations"][0]["result"]:
        value = region["value"]
        assert doc.text[value["start"] : value["end"]] == value["text"]


def label_studio_round_trip(task: dict, users: dict[int, int | dict]) -> dict:
    """What Label Studio's JSON export gives back: annotations by user, predictions as ids."""
    back = json.loads(json.dumps(task))
    for n, annotation in enumerate(back["annotations"]):
        annotation["completed_by"] = users.get(n, 1)
        annotation["id"] = 100 + n
    back["predictions"] = [7]
    back["id"] = 1
    return back


def test_annotators_come_back_by_identity_not_position(doc, tmp_path):
    out, _ = export(doc, tmp_path, "labelstudio", "t.json")
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    assert task["data"]["razmetka"]["layers"] == ["anna", "boris"]
    back = label_studio_round_trip(task, {})
    # In Label Studio anna's annotation is deleted and user 2 draws a new one (fresh region ids).
    del back["annotations"][0]
    back["annotations"].append(
        {
            "completed_by": {"id": 2, "email": "vera@example.org"},
            "result": [dict(task["annotations"][0]["result"][0], id="Xy12AbCdE0")],
        }
    )
    back["annotations"].append({"completed_by": 3, "result": [dict(task["annotations"][0]["result"][1], id="Q")]})
    path = tmp_path / "ls.json"
    path.write_text(json.dumps([back], ensure_ascii=False), encoding="utf-8")
    result = read_dataset("labelstudio", path)
    (record,) = result.records
    by = {}
    for span in record.spans:
        by.setdefault(span.annotator, set()).add((span.start, span.end, span.label))
    assert by["boris"] == people(doc, "boris")  # not anna's, though it is now the first annotation
    assert "anna" not in by
    assert len(by["vera@example.org"]) == 1 and len(by["labelstudio-user-3"]) == 1
    assert any("became new annotator(s): labelstudio-user-3, vera@example.org" in n for n in result.notes)
    # Predictions listed only by id are named, with the way to keep them.
    assert any("1 prediction(s)" in n and "only by id" in n and "razmetka export" in n for n in result.notes)


def test_a_user_named_like_a_layer_is_that_layer(doc, tmp_path):
    out, _ = export(doc, tmp_path, "labelstudio", "t.json")
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    task["data"]["razmetka"]["layers"] = ["labelstudio-user-5", "boris@example.org"]
    for annotation in task["annotations"]:
        for region in annotation["result"]:
            region["id"] = "fresh"
    task["annotations"][0]["completed_by"] = {"id": 9, "email": "boris@example.org"}
    task["annotations"][1]["completed_by"] = 5
    out.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    (record,) = read_dataset("labelstudio", out).records
    by = {}
    for span in record.spans:
        by.setdefault(span.annotator, set()).add((span.start, span.end, span.label))
    assert by["boris@example.org"] == people(doc, "anna")
    assert by["labelstudio-user-5"] == people(doc, "boris")


def json_min(tasks: list[dict]) -> list[dict]:
    """Label Studio's JSON_MIN export, as its converter builds it: one row per annotation."""
    rows = []
    for number, task in enumerate(tasks, 1):
        for annotation in task["annotations"]:
            row = json.loads(json.dumps(task["data"]))
            row["id"] = number
            regions = {}
            for region in annotation["result"]:
                value = dict(region["value"])
                regions.setdefault(region["from_name"], []).append(value)
            row.update(regions)
            row.update(annotator=annotation.get("completed_by", 1), annotation_id=number, lead_time=1.5)
            rows.append(row)
    return rows


@pytest.mark.parametrize("dialogue", [False, True])
def test_json_min_reads_back(doc, tmp_path, dialogue):
    out, _ = export(doc, tmp_path, "labelstudio", "t.json", labelstudio_dialogue=dialogue)
    tasks = json.loads(out.read_text(encoding="utf-8"))
    for n, annotation in enumerate(tasks[0]["annotations"]):
        annotation["completed_by"] = {"email": ["anna", "boris"][n]}
    path = tmp_path / "min.json"
    path.write_text(json.dumps(json_min(tasks), ensure_ascii=False), encoding="utf-8")
    (record,) = read_dataset("labelstudio", path).records
    got = {(s.annotator, s.text, s.label) for s in record.spans}
    assert got == {(s.annotator, s.text, s.label) for s in doc.spans if s.status != "suggested"}


def test_only_formats_that_lose_the_status_say_so(doc, tmp_path):
    _, report = export(doc, tmp_path, "labelstudio", "t.json")
    assert not any("cannot mark them" in line for line in report.lines())
    _, report = export(doc, tmp_path, "doccano", "d.jsonl")
    assert any("1 of the spans are model suggestions" in line for line in report.lines())


def test_label_config_is_valid_xml_with_any_allowed_name():
    names = ["ÖL-1", "A.B", "Гео:Город", "x_y", "PER"]
    colors = {"A.B": "#ff0000"}
    for dialogue in (False, True):
        root = ET.fromstring(label_config(names, colors, dialogue))
        assert [el.get("value") for el in root.iter("Label")] == names
    for name in names:
        Label(name, "#000000")  # the model's rule allows every one


# -- brat -------------------------------------------------------------------------

_T = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")


def test_every_t_line_passes_brats_text_check(doc, tmp_path):
    out, _ = export(doc, tmp_path, "brat", "brat")
    (txt,) = [p for p in out.glob("*.txt")]
    assert txt.stem.startswith("Интервью_Алматы")  # named after the title, made safe
    text = txt.read_text(encoding="utf-8")
    assert text == doc.text
    lines = txt.with_suffix(".ann").read_text(encoding="utf-8").split("\n")
    found = set()
    for line in filter(None, lines):
        match = _T.match(line)
        assert match, line
        fragments = [tuple(map(int, f.split())) for f in match.group(3).split(";")]
        # brat's server: the text must be the document's text of the fragments, joined by one space.
        assert match.group(4) == " ".join(text[s:e] for s, e in fragments), line
        assert all("\n" not in text[s:e] for s, e in fragments)
        found.add((fragments[0][0], fragments[-1][1], match.group(2)))
    assert found == {(s.start, s.end, s.label) for s in doc.spans}
    ann = txt.with_suffix(".ann").read_text(encoding="utf-8")
    assert "5\u00a0мая" in ann and "Иван  Петров" in ann  # nothing collapsed
    assert re.search(r"\tORG \d+ \d+;\d+ \d+\tЕвразийском банке развития\n", ann)  # two fragments at the break
    assert "[entities]" in (out / CONF_FILE).read_text(encoding="utf-8")


# -- CoNLL and spaCy ------------------------------------------------------------


def test_conll_documents_start_with_conll2003s_line(doc, tmp_path):
    out, _ = export(doc, tmp_path, "conll", "x.conll")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("-DOCSTART- -X- O O\n\n")
    assert text.count("-DOCSTART-") == 1
    (record,) = read_dataset("conll", out).records
    assert record.text == doc.text


def test_spacy_convert_splits_documents_on_it(doc, tmp_path):
    pytest.importorskip("spacy")
    from spacy.training.converters import conll_ner_to_docs

    other = jsonl.from_record(dict(jsonl.to_record(doc), id="second"))
    out = tmp_path / "x.conll"
    export_documents([doc, other], ExportOptions(format="conll", out=out))
    docs = list(conll_ner_to_docs(out.read_text(encoding="utf-8"), no_print=True))
    assert len(docs) == 2
    assert all("-DOCSTART-" not in d.text for d in docs)
    assert [e.text for e in docs[0].ents][:2] == ["Алматы", "Астану"]


def test_spacy_export_writes_a_docbin_and_names_what_it_widened(doc, tmp_path):
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    widened = jsonl.from_record(jsonl.to_record(doc))
    text = widened.text
    start = text.index("Петров")
    widened.spans.append(type(doc.spans[0])(start, start + 3, "PER", "Пет", origin="human", annotator="anna"))
    out = tmp_path / "train.jsonl"
    report = export_documents([widened], ExportOptions(format="spacy", out=out))
    (sdoc,) = DocBin().from_disk(tmp_path / "train.spacy").get_docs(spacy.blank("ru").vocab)
    assert sdoc.text == text
    assert {(e.start_char, e.end_char, e.label_) for e in sdoc.ents} <= {
        (s.start, s.end, s.label) for s in doc.spans
    } | {(start, start + 6, "PER")}
    assert len(sdoc.spans["sc"]) == len({s.key for s in widened.spans})
    lines = report.lines()
    assert any("widened to whole tokens" in line for line in lines)
    assert any("'Пет' -> 'Петров'" in line for line in lines)
    assert any("doc.spans['sc'] only" in line for line in lines)


def test_spacy_export_without_spacy_writes_the_jsonl_and_says_how(doc, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "spacy", None)  # import spacy now raises ImportError
    out = tmp_path / "x.jsonl"
    report = export_documents([doc], ExportOptions(format="spacy", out=out))
    assert out.exists() and not (tmp_path / "x.spacy").exists()
    assert any("spaCy is not installed" in line and "razmetka[interop]" in line for line in report.lines())


def test_spacy_split_writes_a_docbin_per_part(doc, tmp_path):
    pytest.importorskip("spacy")
    docs = [jsonl.from_record(dict(jsonl.to_record(doc), id=f"d{n}")) for n in range(4)]
    out = tmp_path / "split"
    export_documents(docs, ExportOptions(format="spacy", out=out, split="50/50"))
    assert {p.name for p in out.iterdir()} >= {"train.jsonl", "train.spacy", "test.jsonl", "test.spacy"}


# -- doccano ----------------------------------------------------------------------


def test_doccano_export_names_the_overlaps_and_the_option(doc, tmp_path):
    _, report = export(doc, tmp_path, "doccano", "d.jsonl")
    (line,) = [line for line in report.lines() if "Allow overlapping spans" in line]
    assert "1 span(s) are nested in or overlap another" in line


def test_doccano_offsets_are_utf16(doc, tmp_path):
    out, _ = export(doc, tmp_path, "doccano", "d.jsonl")
    (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    om = OffsetMap(doc.text)
    expected = {(om.to_unit(x.start, "utf16"), om.to_unit(x.end, "utf16"), x.label) for x in doc.spans}
    assert {tuple(item) for item in row["label"]} == expected


# -- razdel, faster ---------------------------------------------------------------


def test_razdel_tokens_are_razdels_own():
    text = SAMPLE.read_text(encoding="utf-8")
    assert razdel_tokens(text) == [(t.start, t.stop) for t in tokenize(text)]
    alphabet = "аб zX1 2.,-—–/\\_…!?:)(;\"«»'\n\t\u00a0😀Δ**--3yahoo"
    for s in [
        "Yahoo!",
        "yahoo !",
        "1.5 и 1,5",
        "1/2 3\\4",
        "a_b",
        "--",
        "***",
        "?!",
        "...",
        ":)",
        "т.е.",
        "5мая",
        "ΔP",
        "mβж",
    ]:
        assert razdel_tokens(s) == [(t.start, t.stop) for t in tokenize(s)], s
    rng = random.Random(7)
    for _ in range(6000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
        assert razdel_tokens(s) == [(t.start, t.stop) for t in tokenize(s)], s
