"""``razmetka export --format F`` and ``razmetka import --format F`` as a person runs them."""

import json
import subprocess
import sys

import pytest

from storage import Project

NESTED_DOC = {
    "format": "razmetka",
    "version": 1,
    "id": "nested",
    "title": "Вложенные",
    "status": "done",
    "text": "– Я работаю в Финансовом университете при правительстве РФ 😀 с Ивановым.",
    "speakers": [{"name": "Гость", "role": "respondent"}],
    "spans": [],
}


def _span(text, piece, label, **extra):
    start = text.index(piece)
    return {"start": start, "end": start + len(piece), "label": label, "text": piece, **extra}


def nested_jsonl(tmp_path):
    record = dict(NESTED_DOC)
    text = record["text"]
    record["turns"] = [{"start": 0, "end": len(text), "content_start": 2, "speaker": "Гость"}]
    record["spans"] = [
        _span(text, "Финансовом университете при правительстве РФ", "ORG", origin="human", annotator="tester"),
        _span(text, "РФ", "LOC", origin="model", status="suggested"),
        _span(text, "Ивановым", "PER", origin="human", annotator="tester"),
    ]
    path = tmp_path / "nested.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_native_import_then_every_export_and_back(razmetka, tmp_path):
    db = str(tmp_path / "p.db")
    out = razmetka("import", "--format", "jsonl", str(nested_jsonl(tmp_path)), "--db", db, check=True).stdout
    assert "1 new document(s)" in out and "3 span(s) stored" in out
    conll = tmp_path / "out.conll"
    out = razmetka("export", "--format", "conll", "--out", str(conll), "--db", db, check=True).stdout
    assert "dropped 1 span(s) nested inside a longer span" in out
    assert conll.read_text(encoding="utf-8").startswith("-DOCSTART- -X- O O\n\n– O\nЯ O\n")
    doccano = tmp_path / "out.doccano.jsonl"
    razmetka("export", "--format", "doccano", "--out", str(doccano), "--db", db, "--no-suggestions", check=True)
    row = json.loads(doccano.read_text(encoding="utf-8"))
    text = row["text"]
    utf16 = [text.encode("utf-16-le")[2 * s : 2 * e].decode("utf-16-le") for s, e, _ in row["label"]]
    assert sorted(utf16) == ["Ивановым", "Финансовом университете при правительстве РФ"]
    # Back into a new project; then into the same one as another annotator's layer.
    fresh = str(tmp_path / "fresh.db")
    out = razmetka("import", "--format", "doccano", str(doccano), "--db", fresh, check=True).stdout
    assert "1 new document(s)" in out and "offsets read as utf16" in out
    out = razmetka("import", "--format", "doccano", str(doccano), "--db", db, "--annotator", "ivan", check=True).stdout
    assert "1 existing document(s) got a layer; 2 span(s) stored" in out
    assert "Вложенные" in razmetka("list", "--db", fresh, check=True).stdout


def test_export_options_split_and_labelstudio_dialogue(razmetka, sample_copy, tmp_path):
    db = str(tmp_path / "p.db")
    razmetka("import", str(sample_copy), "--db", db, "--no-ner", check=True)
    razmetka("import", "--format", "jsonl", str(nested_jsonl(tmp_path)), "--db", db, check=True)
    folder = tmp_path / "split"
    out = razmetka(
        "export", "--format", "hf", "--out", str(folder), "--split", "50/0/50", "--seed", "3", "--db", db, check=True
    ).stdout
    assert "split by document: train 1, dev 0, test 1" in out
    assert sorted(p.name for p in folder.iterdir()) == [
        "dev.jsonl",
        "dev.jsonl.meta.jsonl",
        "label_names.json",
        "test.jsonl",
        "test.jsonl.meta.jsonl",
        "train.jsonl",
        "train.jsonl.meta.jsonl",
    ]
    tasks = tmp_path / "ls.json"
    out = razmetka(
        "export",
        "--format",
        "labelstudio",
        "--labelstudio-dialogue",
        "--out",
        str(tasks),
        "--status",
        "done",
        "--role",
        "respondent",
        "--db",
        db,
        check=True,
    ).stdout
    assert "exported 1 document(s)" in out
    (task,) = json.loads(tasks.read_text(encoding="utf-8"))
    assert task["data"]["dialogue"][0]["author"] == "Гость"
    assert "<Paragraphs" in (tmp_path / "label_config_dialogue.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args, message",
    [
        (["import", "--format", "doccano", "missing.jsonl"], "missing.jsonl: no such file"),
        (["import", "--format", "conll", "bad.conll"], "bad.conll: line 1: tag 'LOC' is not IOB2"),
        (["export", "--format", "conll", "--out", "folder"], "is a folder"),
    ],
)
def test_bad_dataset_input_is_one_line_and_exit_2(razmetka, tmp_path, args, message):
    (tmp_path / "bad.conll").write_text("Москва LOC\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    db = str(tmp_path / "p.db")
    Project(db, create=True).close()  # an existing, empty project
    result = razmetka(*args, "--db", db)
    assert result.returncode == 2
    assert result.project == f"project: {db} (from --db)"
    assert len(result.problems) == 1 and message in result.problems[0], result.stderr
    assert "Traceback" not in result.stderr
    assert "no documents" in razmetka("list", "--db", db, check=True).stdout


def test_a_bad_line_late_in_a_file_stores_nothing_of_it(razmetka, tmp_path):
    path = tmp_path / "half.jsonl"
    path.write_text('{"text": "Москва", "label": [[0, 6, "LOC"]]}\n{"label": []}\n', encoding="utf-8")
    db = str(tmp_path / "p.db")
    result = razmetka("import", "--format", "doccano", str(path), "--db", db)
    assert result.returncode == 2 and "half.jsonl: line 2" in result.stderr
    assert "no documents" in razmetka("list", "--db", db, check=True).stdout


def test_dataset_commands_never_import_qt(tmp_path):
    path = nested_jsonl(tmp_path)
    db, out = str(tmp_path / "q.db"), str(tmp_path / "q.conll")
    code = (
        "import sys; from cli.main import main\n"
        f"rc = main(['import', '--format', 'jsonl', {str(path)!r}, '--db', {db!r}])\n"
        f"rc |= main(['export', '--format', 'conll', '--out', {out!r}, '--db', {db!r}])\n"
        f"rc |= main(['import', '--format', 'conll', {out!r}, '--db', {db!r}])\n"
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'gui'))]\n"
        "assert not loaded, loaded\n"
        "sys.exit(rc)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "options, message",
    [
        (["--split", "80/10/10", "--out", "existing.jsonl"], "--out: existing.jsonl is a file; a split"),
        (["--labels", "FOO", "--out", "x.jsonl"], "unknown label FOO"),
        (["--format", "conll", "--offsets", "utf16", "--out", "x.conll"], "--offsets: the offset unit applies"),
    ],
)
def test_export_options_that_cannot_apply_are_refused(razmetka, tmp_path, options, message):
    (tmp_path / "existing.jsonl").write_text("keep me\n", encoding="utf-8")
    db = str(tmp_path / "p.db")
    Project(db, create=True).close()
    args = ["export", *([] if "--format" in options else ["--format", "jsonl"]), *options, "--db", db]
    result = razmetka(*args)
    assert result.returncode == 2 and message in result.stderr, result.stderr
    assert (tmp_path / "existing.jsonl").read_text(encoding="utf-8") == "keep me\n"
    assert not (tmp_path / "x.jsonl").exists() and not (tmp_path / "x.conll").exists()
