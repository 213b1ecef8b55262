"""Export → import through a project is the identity for what each format can hold."""

import json
import shutil

import pytest

from annotation.errors import InputError
from annotation.formats.catalog import FORMATS, read_dataset
from annotation.formats.export import ExportCancelled, ExportOptions, export_documents
from annotation.formats.jsonl import to_record
from annotation.formats.tokens import NESTED, outermost
from annotation.model import Document, Span, Speaker, Turn
from storage import Project
from storage.dataset_import import import_records

TEXT_FORMATS = ["doccano", "labelstudio", "brat", "spacy"]
TOKEN_FORMATS = ["conll", "hf"]


def expected_keys(doc: Document, fmt: str) -> set[tuple[int, int, str]]:
    """What a format can hold of a document: every span a person sees, or the outermost ones."""
    spans = [s for s in doc.spans if s.status != "rejected"]
    if not FORMATS[fmt].nested:
        spans, _ = outermost(spans)
    return {s.key for s in spans}


def export(tmp_path, docs, fmt, name=None, **options):
    out = tmp_path / (name or f"out.{fmt}")
    report = export_documents(docs, ExportOptions(format=fmt, out=out, **options))
    return out, report


def import_into(db, out, fmt, **kw):
    with Project(db, create=True) as project:
        report = import_records(project, read_dataset(fmt, out), path=out, fmt=fmt, **kw)
        docs = [project.load_document(i) for i in project.document_ids()]
    return report, docs


@pytest.fixture
def corrected_copy(corrected_sample, tmp_path):
    path, doc = corrected_sample
    copy = tmp_path / "corrected.db"
    shutil.copy(path, copy)
    return copy, doc


def test_the_corrected_sample_has_what_the_round_trips_need(corrected_sample):
    _, doc = corrected_sample
    statuses = {s.status for s in doc.spans}
    assert statuses == {"suggested", "accepted", "rejected"}
    assert {s.origin for s in doc.spans} == {"model", "human"}
    kept, dropped = outermost([s for s in doc.spans if s.status != "rejected"])
    assert dropped[NESTED] == 2  # «Финансового университета» and «РФ» inside the added ORG


def test_native_round_trip_into_a_new_project_is_the_identity(corrected_sample, tmp_path):
    _, doc = corrected_sample
    out, _ = export(tmp_path, [doc], "jsonl")
    report, (back,) = import_into(tmp_path / "new.db", out, "jsonl")
    assert report.created == [doc.id]
    assert to_record(back) == to_record(doc)


@pytest.mark.parametrize("fmt", TEXT_FORMATS + TOKEN_FORMATS)
def test_round_trip_into_a_new_project_keeps_text_turns_speakers_and_spans(corrected_sample, tmp_path, fmt):
    _, doc = corrected_sample
    out, report = export(tmp_path, [doc], fmt, label_schema=[])
    result, (back,) = import_into(tmp_path / "new.db", out, fmt)
    assert len(result.created) == 1 and not result.refused
    assert back.text == doc.text
    assert (back.title, back.status, back.metadata, back.source) == (doc.title, doc.status, doc.metadata, doc.source)
    assert [(s.name, s.role) for s in back.speakers] == [(s.name, s.role) for s in doc.speakers]
    assert [(t.start, t.end, t.content_start, t.speaker) for t in back.turns] == [
        (t.start, t.end, t.content_start, t.speaker) for t in doc.turns
    ]
    assert {s.key for s in back.spans} == expected_keys(doc, fmt)
    assert report.spans == len(expected_keys(doc, fmt))
    assert {s.origin for s in back.spans} == {"imported"}
    people = {s.key for s in back.spans if s.status == "accepted"}
    assert {s.annotator for s in back.spans if s.status == "accepted"} == {"tester"}
    if fmt == "labelstudio":  # model suggestions travel as predictions and come back as suggestions
        suggested = {s.key for s in doc.spans if s.status == "suggested"}
        assert {s.key for s in back.spans if s.status == "suggested"} == suggested
        assert all(s.annotator is None for s in back.spans if s.status == "suggested")
    else:
        assert people == expected_keys(doc, fmt)


@pytest.mark.parametrize("fmt", ["jsonl", *TEXT_FORMATS, *TOKEN_FORMATS])
def test_importing_into_the_project_that_has_the_text_adds_a_layer(corrected_copy, tmp_path, fmt):
    db, doc = corrected_copy
    out, _ = export(tmp_path, [doc], fmt)
    report, docs = import_into(db, out, fmt, annotator="ivan")
    assert len(docs) == 1 and report.created == [] and report.layered == [doc.id]
    (back,) = docs
    ivan = {s.key for s in back.spans if s.annotator == "ivan"}
    if fmt == "jsonl":  # native keeps every annotator as it is: everything is already there
        assert ivan == set() and report.spans == 0
        assert report.duplicates == len(doc.spans)
    elif fmt == "labelstudio":
        assert ivan == {s.key for s in doc.spans if s.status == "accepted"}
    else:
        assert ivan == expected_keys(doc, fmt)
    # The layers that were there are untouched.
    assert sorted((s.key, s.status, s.annotator) for s in back.spans if s.annotator != "ivan") == sorted(
        (s.key, s.status, s.annotator) for s in doc.spans
    )
    again, _ = import_into(db, out, fmt, annotator="ivan")
    assert again.spans == 0  # a second import finds everything in its layer


def test_brat_zip_round_trip(corrected_sample, tmp_path):
    _, doc = corrected_sample
    out, _ = export(tmp_path, [doc], "brat", name="out.zip")
    assert out.is_file()
    _, (back,) = import_into(tmp_path / "new.db", out, "brat")
    assert back.text == doc.text and {s.key for s in back.spans} == expected_keys(doc, "brat")


def test_labelstudio_dialogue_round_trip(corrected_sample, corrected_copy, tmp_path):
    _, doc = corrected_sample
    out, _ = export(tmp_path, [doc], "labelstudio", labelstudio_dialogue=True)
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    assert [p["author"] for p in task["data"]["dialogue"]] == [t.speaker for t in doc.turns]
    config = (tmp_path / "label_config_dialogue.xml").read_text(encoding="utf-8")
    assert "<Paragraphs" in config and "<ParagraphLabels" in config
    # Into a new project: the turns are the dialogue's, and every span sits where it was in its turn.
    _, (back,) = import_into(tmp_path / "new.db", out, "labelstudio")
    assert [(t.speaker, back.text[t.content_start : t.end]) for t in back.turns] == [
        (t.speaker, doc.text[t.content_start : t.end]) for t in doc.turns
    ]
    assert [(s.name, s.role) for s in back.speakers] == [(s.name, s.role) for s in doc.speakers]

    def relative(d):
        return {
            (d.turns.index(d.turn_at(s.start)), s.start - d.turn_at(s.start).content_start, s.text, s.label)
            for s in d.spans
        }

    original = Document(
        doc.text, turns=doc.turns, speakers=doc.speakers, spans=[s for s in doc.spans if s.status != "rejected"]
    )
    assert relative(back) == relative(original)
    # Into the project that has the transcript: the spans land on it, at its own offsets.
    db, _ = corrected_copy
    report, (same,) = import_into(db, out, "labelstudio", annotator="ivan")
    assert report.layered == [doc.id] and not report.refused
    assert {s.key for s in same.spans if s.annotator == "ivan"} == {s.key for s in doc.spans if s.status == "accepted"}


def test_turn_units_of_one_role_go_back_onto_their_document(corrected_sample, corrected_copy, tmp_path):
    _, doc = corrected_sample
    out, report = export(tmp_path, [doc], "spacy", unit="turn", role="respondent")
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    respondent = [t for t in doc.turns if doc.speaker(t.speaker).role == "respondent"]
    assert report.units == len(rows) == len(respondent) == 9
    assert [r["text"] for r in rows] == [doc.text[t.content_start : t.end] for t in respondent]
    assert {r["razmetka"]["speaker"] for r in rows} == {"Дмитрий Журавлёв"}
    in_turns = {
        s.key
        for s in doc.spans
        if s.status != "rejected" and any(t.content_start <= s.start < t.end for t in respondent)
    }
    db, _ = corrected_copy
    result, (same,) = import_into(db, out, "spacy", annotator="ivan")
    assert result.layered == [doc.id] * 9
    assert {s.key for s in same.spans if s.annotator == "ivan"} == in_turns
    # A new project gets one document per turn, spoken by the respondent.
    result, docs = import_into(tmp_path / "new.db", out, "spacy")
    assert len(docs) == 9
    assert {(d.speakers[0].name, d.speakers[0].role) for d in docs} == {("Дмитрий Журавлёв", "respondent")}


def test_role_filter_on_document_units_keeps_only_that_roles_speech(corrected_sample, tmp_path):
    _, doc = corrected_sample
    out, _ = export(tmp_path, [doc], "doccano", role="interviewer")
    (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    questions = [doc.text[t.content_start : t.end] for t in doc.turns if t.speaker == "Интервьюер"]
    assert row["text"] == "\n\n".join(questions)
    assert [t["speaker"] for t in row["razmetka"]["turns"]] == ["Интервьюер"] * 9


def small_doc(n: int, status: str = "done") -> Document:
    text = f"– Где вы были {n}?\n– В Москве с Ивановым."
    q, a = text.index("Где"), text.index("В Москве")
    moscow, ivanov = text.index("Москве"), text.index("Ивановым")
    return Document(
        text,
        title=f"doc {n}",
        id=f"d{n:02d}",
        status=status,
        speakers=[Speaker("И", "interviewer"), Speaker("Р", "respondent")],
        turns=[Turn(0, text.index("\n"), q - 0, "И"), Turn(text.index("\n") + 1, len(text), a, "Р")],
        spans=[
            Span(moscow, moscow + 6, "LOC", "Москве", annotator="tester"),
            Span(ivanov, ivanov + 8, "PER", "Ивановым", origin="model", status="suggested"),
            Span(a, moscow + 6, "LOC", text[a : moscow + 6], origin="model", status="rejected"),
        ],
    )


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_split_by_document_writes_train_dev_and_test(tmp_path, fmt):
    docs = [small_doc(n) for n in range(10)]
    out = tmp_path / "split"
    report = export_documents(docs, ExportOptions(format=fmt, out=out, split=(80, 10, 10), seed=7))
    assert report.parts == {"train": 8, "dev": 1, "test": 1}
    seen = {}
    for part in ("train", "dev", "test"):
        path = out / f"{part}{FORMATS[fmt].extension}"
        assert path.exists(), sorted(p.name for p in out.iterdir())
        for record in read_dataset(fmt, path).records:
            title = record.document.title if record.native else record.meta["title"]
            assert title not in seen, f"{title} is in {seen.get(title)} and {part}"
            seen[title] = part
    assert len(seen) == 10
    again = tmp_path / "again"
    export_documents(docs, ExportOptions(format=fmt, out=again, split=(80, 10, 10), seed=7))
    for part in ("train", "dev", "test"):
        name = f"{part}{FORMATS[fmt].extension}"
        if fmt != "brat":
            assert (out / name).read_bytes() == (again / name).read_bytes()


def test_selection_options(tmp_path):
    docs = [small_doc(1, "done"), small_doc(2, "in_progress")]

    def keys(**options):
        out, _ = export(tmp_path, docs, "spacy", **options)
        return [[(s["text"], s["label"]) for s in json.loads(line)["spans"]] for line in out.read_text().splitlines()]

    everything = [("Москве", "LOC"), ("Ивановым", "PER")]
    assert keys() == [everything, everything]  # the rejected span is not an annotation
    assert keys(status="done") == [everything]
    assert keys(no_suggestions=True) == [[("Москве", "LOC")]] * 2
    assert keys(labels=["PER"]) == [[("Ивановым", "PER")]] * 2
    assert keys(origins=["human"]) == [[("Москве", "LOC")]] * 2
    # The native format keeps every row, rejected ones too, unless a filter leaves them out.
    out, _ = export(tmp_path, docs, "jsonl")
    assert [s["status"] for s in json.loads(out.read_text().splitlines()[0])["spans"]] == [
        "rejected",
        "accepted",
        "suggested",
    ]


@pytest.mark.parametrize("fmt", TOKEN_FORMATS)
def test_token_formats_report_the_nested_spans_they_drop(corrected_sample, tmp_path, fmt):
    _, doc = corrected_sample
    _, report = export(tmp_path, [doc], fmt)
    assert report.dropped == {NESTED: 2}
    assert any("dropped 2 span(s) nested inside a longer span" in line for line in report.lines())


@pytest.mark.parametrize("fmt, name", [("brat", "folder"), ("brat", "out.zip"), ("hf", "out.jsonl"), ("conll", None)])
def test_a_cancelled_export_leaves_nothing_behind(tmp_path, fmt, name):
    docs = [small_doc(n) for n in range(3)]

    def cancel_at_second(done, total):
        if done == 2:
            raise ExportCancelled("cancelled")

    target = tmp_path / "exports"
    target.mkdir()
    out = target / (name or "split")
    split = None if name else (50, 50)
    with pytest.raises(ExportCancelled):
        export_documents(docs, ExportOptions(format=fmt, out=out, split=split), progress=cancel_at_second)
    assert list(target.iterdir()) == []


def test_offsets_with_emoji_follow_each_format_and_fall_back_when_the_text_says_so(tmp_path):
    text = "– Привет 😀 из Москвы 🇷🇺 и Казани"
    start = text.index("Москвы")
    doc = Document(
        text,
        id="emoji",
        speakers=[Speaker("A", "other")],
        turns=[Turn(0, len(text), 2, "A")],
        spans=[
            Span(start, start + 6, "LOC", "Москвы", annotator="tester"),
            Span(text.index("Казани"), len(text), "LOC", "Казани", annotator="tester"),
        ],
    )
    out, _ = export(tmp_path, [doc], "doccano")
    (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["label"][0][:2] == [start + 1, start + 7]  # the emoji before it takes two UTF-16 units
    assert {s.key for s in build(read_dataset("doccano", out))} == {s.key for s in doc.spans}
    # Label Studio written in UTF-16 units (as old versions did) and read as code points: the span text tells.
    out, _ = export(tmp_path, [doc], "labelstudio", offsets="utf16")
    result = read_dataset("labelstudio", out)
    assert {s.key for s in build(result)} == {s.key for s in doc.spans}
    assert any("2 span(s) matched their text only as utf16" in note for note in result.notes), result.notes
    # A span whose text matches in neither unit is reported, not stored.
    task = json.loads(out.read_text(encoding="utf-8"))
    task[0]["annotations"][0]["result"][0]["value"]["text"] = "Казань"
    out.write_text(json.dumps(task, ensure_ascii=False), encoding="utf-8")
    result = read_dataset("labelstudio", out)
    assert [s.text for s in build(result)] == ["Казани"]
    assert any("match the text in neither unit" in note for note in result.notes)
    assert any("'Казань'" in note for note in result.notes)


def build(result):
    (record,) = result.records
    return record.spans


def test_crlf_text_is_normalised_and_its_spans_moved(tmp_path):
    text = "Первая строка.\r\nВ Москве\r\n\r\nИванов."
    start, per = text.index("Москве"), text.index("Иванов")
    path = tmp_path / "crlf.jsonl"
    path.write_text(json.dumps({"text": text, "label": [[start, start + 6, "LOC"], [per, per + 6, "PER"]]}) + "\n")
    report, (doc,) = import_into(tmp_path / "new.db", path, "doccano")
    assert doc.text == "Первая строка.\nВ Москве\n\nИванов."
    assert sorted((s.text, s.label) for s in doc.spans) == [("Иванов", "PER"), ("Москве", "LOC")]
    assert [doc.text[t.start : t.end] for t in doc.turns] == ["Первая строка.\nВ Москве", "Иванов."]
    assert doc.source.layout == "doccano"


@pytest.mark.parametrize(
    "fmt, name, content, message",
    [
        ("doccano", "bad.jsonl", '{"text": "a", "label": []}\n{oops\n', "bad.jsonl: line 2: not JSON"),
        ("doccano", "bad.jsonl", '{"text": "Москва", "label": [[0, "x", "LOC"]]}\n', "line 1: label"),
        ("spacy", "bad.jsonl", '{"spans": []}\n', 'line 1: expected an object with a "text"'),
        ("labelstudio", "bad.json", '[{"id": 1}]', "task 1: not a Label Studio task"),
        ("conll", "bad.conll", "-DOCSTART- O\n\nМосква X-LOC\n", "line 3: tag 'X-LOC' is not IOB2"),
        ("hf", "bad.jsonl", '{"id": "1", "tokens": ["a"], "ner_tags": [0]}\n', "needs label_names.json"),
        ("brat", "empty.zip", None, "is neither a folder nor a zip"),
        ("jsonl", "bad.jsonl", '{"format": "razmetka", "text": "x"}\n', "line 1"),
    ],
)
def test_bad_dataset_files_name_the_file_and_the_problem_and_store_nothing(tmp_path, fmt, name, content, message):
    path = tmp_path / name
    path.write_text(content if content is not None else "not a zip", encoding="utf-8")
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace("[", r"\[")) as info:
        read_dataset(fmt, path)
    assert name in str(info.value)


def test_a_brat_folder_is_replaced_whole_but_never_a_folder_of_other_files(tmp_path):
    out = tmp_path / "brat"
    export_documents([small_doc(n) for n in range(3)], ExportOptions(format="brat", out=out))
    assert len(list(out.glob("*.txt"))) == 3
    export_documents([small_doc(7)], ExportOptions(format="brat", out=out))
    assert sorted(p.name for p in out.glob("*.txt")) == ["doc_7.txt"]  # no stale documents from the first export
    assert [p.name for p in tmp_path.iterdir()] == ["brat"]  # and no temporary folders left
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.docx").write_bytes(b"mine")
    with pytest.raises(InputError, match="mine: is a folder holding other files"):
        export_documents([small_doc(1)], ExportOptions(format="brat", out=mine))
    assert [p.name for p in mine.iterdir()] == ["notes.docx"]
