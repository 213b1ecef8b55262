import json
import subprocess
import sys

import pytest


def test_version_and_help(razmetka):
    assert razmetka("--version", check=True).stdout.startswith("razmetka ")
    out = razmetka("--help", check=True).stdout
    for command in ("import", "list", "export", "open"):
        assert command in out


def test_import_list_export_the_sample(razmetka, sample_copy, tmp_path):
    db = str(tmp_path / "x.db")
    out = razmetka("import", str(sample_copy), "--db", db, check=True).stdout
    assert "20 turns" in out and "dash layout" in out
    listing = razmetka("list", "--db", db, check=True).stdout
    assert "interview_kz_ru" in listing and "new" in listing
    jsonl = tmp_path / "x.jsonl"
    razmetka("export", "--format", "jsonl", "--db", db, "--out", str(jsonl), check=True)
    (line,) = jsonl.read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert len(record["turns"]) == 20
    speakers = [t["speaker"] for t in record["turns"]]
    assert speakers[:2] == ["Автор", "Автор"]
    assert speakers[2:] == ["Интервьюер", "Дмитрий Журавлёв"] * 9
    assert [t["role"] for t in record["turns"][2:4]] == ["interviewer", "respondent"]
    assert len(record["spans"]) >= 50
    for span in record["spans"]:
        assert record["text"][span["start"] : span["end"]] == span["text"]
        assert (span["origin"], span["status"]) == ("model", "suggested")
    assert record["metadata"] == {"date": "2025-10-11"}
    assert record["source"]["sha256"] and record["source"]["language"] == "ru"


def test_second_import_of_the_same_file_is_skipped(razmetka, sample_copy, tmp_path):
    db = str(tmp_path / "x.db")
    razmetka("import", str(sample_copy), "--db", db, "--no-ner", check=True)
    again = razmetka("import", str(sample_copy), "--db", db, "--no-ner")
    assert again.returncode == 0 and "skipped" in again.stdout
    forced = razmetka("import", str(sample_copy), "--db", db, "--no-ner", "--force", check=True)
    assert "imported" in forced.stdout
    assert razmetka("list", "--db", db).stdout.count("interview_kz_ru") == 2


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\t\n", "file is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("latin.txt", bytes(range(0x80, 0x100)) * 3, "not valid utf-8"),
        ("folder", "dir", "directory"),
        ("notes.pdf", b"%PDF-1.4", "unsupported file type"),
    ],
)
def test_bad_input_gets_one_line_naming_the_file_and_nothing_is_written(
    razmetka, sample_copy, tmp_path, name, content, message
):
    bad = tmp_path / name
    if content == "dir":
        bad.mkdir()
    elif content is not None:
        bad.write_bytes(content)
    db = tmp_path / "x.db"
    result = razmetka("import", str(bad), str(sample_copy), "--db", str(db), "--no-ner")
    assert result.returncode == 2
    lines = result.problems
    assert len(lines) == 1, result.stderr
    assert name in lines[0] and message in lines[0].lower()
    assert "Traceback" not in result.stderr
    # The good file still imported, and the bad one left nothing behind.
    listing = razmetka("list", "--db", str(db), check=True).stdout
    assert "interview_kz_ru" in listing and name.split(".")[0] not in listing


def test_an_unusable_project_file_is_a_clear_error(razmetka, tmp_path):
    db = tmp_path / "broken.db"
    db.write_text("not a database " * 200)
    result = razmetka("list", "--db", str(db))
    assert result.returncode == 2
    assert "broken.db" in result.stderr and "Traceback" not in result.stderr


def test_empty_project_lists_a_hint(razmetka, tmp_path):
    from storage import Project

    Project(tmp_path / "new.db", create=True).close()
    out = razmetka("list", "--db", str(tmp_path / "new.db"), check=True).stdout
    assert "razmetka import" in out


def test_default_project_lives_in_the_user_data_dir(razmetka, sample_copy, tmp_path):
    razmetka("import", str(sample_copy), "--no-ner", check=True)
    assert (tmp_path / "xdg-data" / "razmetka" / "project.db").exists()


def test_headless_commands_never_import_qt(tmp_path, sample_copy):
    code = (
        "import sys; from cli.main import main\n"
        f"rc = main(['import', {str(sample_copy)!r}, '--no-ner', '--db', {str(tmp_path / 'q.db')!r}])\n"
        f"rc |= main(['list', '--db', {str(tmp_path / 'q.db')!r}])\n"
        f"rc |= main(['export', '--format', 'jsonl', '--out', {str(tmp_path / 'q.jsonl')!r},"
        f" '--db', {str(tmp_path / 'q.db')!r}])\n"
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'gui'))]\n"
        "assert not loaded, loaded\n"
        "sys.exit(rc)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("command", [["list"], ["export", "--format", "jsonl", "--out", "x.jsonl"]])
def test_a_mistyped_project_path_is_an_error_not_a_new_empty_project(razmetka, tmp_path, command):
    typo = tmp_path / "typo.db"
    result = razmetka(*command, "--db", str(typo))
    assert result.returncode == 2
    assert "typo.db" in result.stderr and "no project file" in result.stderr
    assert not typo.exists() and not (tmp_path / "x.jsonl").exists()
