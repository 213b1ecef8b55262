"""``razmetka import`` on real shapes of input: every bad case, folders, JSON, the progress bar."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"


def _dump(db: Path) -> list[str]:
    """Everything the project holds, as SQL (WAL included)."""
    with sqlite3.connect(db) as conn:
        return list(conn.iterdump())


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> Path:
    """A project that already holds one document."""
    from annotation.importing import ImportOptions
    from storage import Project, import_into

    db = tmp_path_factory.mktemp("baseline") / "base.db"
    with Project(db, create=True) as project:
        report = import_into(project, [DATA / "colon_qa_ru.md"], ImportOptions(ner=False))
    assert report.imported
    return db


def _bad_srt(path: Path) -> None:
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nПривет\n\n2\n00:00:03,000 --> 00:0x:04,000\nПока\n", "utf-8")


def _bad_vtt(path: Path) -> None:
    path.write_text("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n\n00:03.000 -> 00:04.000\nBye\n", "utf-8")


def _zip_not_docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a Word document")


BAD = [
    ("empty.txt", lambda p: p.write_bytes(b""), (), "file is empty"),
    ("blank.md", lambda p: p.write_bytes(b" \r\n\t\n"), (), "file is empty"),
    ("missing.txt", None, (), "no such file"),
    ("binary.txt", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01"), (), "binary"),
    ("noise.txt", lambda p: p.write_bytes(bytes(range(0x80, 0x100)) * 4), (), "--encoding"),
    ("forced.txt", lambda p: p.write_bytes("Вопрос: где?".encode("cp1251")), ("--encoding", "utf-8"), "valid utf-8"),
    ("unknown.txt", lambda p: p.write_text("Вопрос: где?", "utf-8"), ("--encoding", "klingon"), "unknown encoding"),
    ("huge.txt", lambda p: p.write_text("Вопрос: где?\n" * 100, "utf-8"), ("--max-size", "1k"), "size limit"),
    ("slides.pdf", lambda p: p.write_bytes(b"%PDF-1.4"), (), "unsupported file type"),
    ("broken.docx", lambda p: p.write_bytes(b"PK\x03\x04 truncated"), (), "not a valid .docx"),
    ("notword.docx", _zip_not_docx, (), ".docx"),
    ("broken.srt", _bad_srt, (), "broken timestamp on line 6"),
    ("broken.vtt", _bad_vtt, (), "broken timestamp on line 6"),
    ("emptydir", lambda p: p.mkdir(), (), "directory"),
]


@pytest.mark.parametrize("name, make, options, message", BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_one_line_exit_2_and_the_project_is_unchanged(
    razmetka, baseline, tmp_path, name, make, options, message
):
    db = tmp_path / "p.db"
    shutil.copy(baseline, db)
    before = _dump(db)
    bad = tmp_path / name
    if make is not None:
        make(bad)
    result = razmetka("import", str(bad), "--db", str(db), "--no-ner", *options)
    assert result.returncode == 2
    assert result.project == f"project: {db} (from --db)"
    (line,) = result.problems
    assert str(bad) in line and message.lower() in line.lower(), line
    assert "Traceback" not in result.stderr + result.stdout
    assert _dump(db) == before


def test_every_bad_file_gets_its_line_and_the_good_ones_still_import(razmetka, tmp_path):
    bad = []
    for name, make, options, _ in BAD:
        if options or make is None:
            continue
        make(tmp_path / name)
        bad.append(tmp_path / name)
    good = [DATA / "name_line_en.txt", DATA / "subtitles_en.vtt"]
    db = tmp_path / "p.db"
    result = razmetka("import", str(good[0]), *map(str, bad), str(good[1]), "--db", str(db), "--no-ner")
    assert result.returncode == 2
    lines = result.problems
    assert len(lines) == len(bad)
    for path, line in zip(bad, lines, strict=True):
        assert str(path) in line
    assert result.stdout.count("imported ") == 2


def test_a_folder_imports_its_files_and_json_is_the_only_output(razmetka, tmp_path):
    folder = tmp_path / "interviews"
    (folder / "radio").mkdir(parents=True)
    shutil.copy(DATA / "colon_radio_ru.txt", folder / "radio" / "echo.txt")
    shutil.copy(DATA / "subtitles_ru.srt", folder / "clip.srt")
    shutil.copy(DATA / "alternate_ru.txt", folder / ".draft.txt")  # hidden: left alone
    (folder / "cover.jpg").write_bytes(b"\xff\xd8\xff")  # unsupported: not picked up from a folder
    (folder / "broken.vtt").write_text("WEBVTT\n\n00:01.000 --> 00:0x.000\nHi\n", "utf-8")
    db = tmp_path / "p.db"
    result = razmetka("import", str(folder), "--db", str(db), "--no-ner", "--json")
    assert result.returncode == 2
    report = json.loads(result.stdout)  # exactly one JSON object and nothing else
    assert set(report) == {"imported", "skipped", "failed"}
    assert [Path(i["file"]).name for i in report["imported"]] == ["clip.srt", "echo.txt"]
    clip, echo = report["imported"]
    assert set(clip) == {"file", "id", "turns", "spans", "layout", "confidence", "sections"}
    assert (clip["layout"], clip["turns"], echo["layout"], echo["turns"]) == ("subtitles", 4, "colon", 8)
    assert report["failed"] == [{"file": str(folder / "broken.vtt"), "error": report["failed"][0]["error"]}]
    assert "broken timestamp" in report["failed"][0]["error"]
    again = razmetka("import", str(folder / "clip.srt"), "--db", str(db), "--no-ner", "--json")
    assert again.returncode == 0
    assert json.loads(again.stdout) == {
        "imported": [],
        "skipped": [{"file": str(folder / "clip.srt"), "reason": json.loads(again.stdout)["skipped"][0]["reason"]}],
        "failed": [],
    }


def test_low_confidence_documents_are_flagged_in_the_list(razmetka, tmp_path):
    db = str(tmp_path / "p.db")
    out = razmetka("import", str(DATA / "alternate_ru.txt"), str(DATA / "name_line_ru.txt"), "--db", db, "--no-ner")
    assert out.returncode == 0 and "LOW CONFIDENCE" in out.stdout
    rows = razmetka("list", "--db", db, check=True).stdout.splitlines()
    assert "alternate (low confidence)" in next(r for r in rows if "alternate_ru" in r)
    assert "low confidence" not in next(r for r in rows if "name_line_ru" in r)


def test_layout_and_max_size_options(razmetka, tmp_path):
    db = str(tmp_path / "p.db")
    out = razmetka("import", str(DATA / "colon_qa_ru.md"), "--layout", "alternate", "--db", db, "--no-ner", check=True)
    assert "alternate layout" in out.stdout
    refused = razmetka("import", str(DATA / "colon_qa_ru.md"), "--max-size", "lots", "--db", db)
    assert refused.returncode == 2 and "--max-size" in refused.stderr and "Traceback" not in refused.stderr
    fits = razmetka("import", str(DATA / "colon_radio_ru.txt"), "--max-size", "10MB", "--db", db, "--no-ner")
    assert fits.returncode == 0


def test_a_progress_bar_shows_in_a_terminal_but_not_in_a_pipe(razmetka, on_a_terminal, tmp_path):
    files = [str(DATA / n) for n in ("colon_qa_ru.md", "name_line_ru.txt", "bare_name_ru.txt")]
    shown = on_a_terminal("import", *files, "--db", str(tmp_path / "tty.db"), "--no-ner")
    assert "3/3" in shown and "file" in shown and shown.count("imported ") == 3
    piped = razmetka("import", *files, "--db", str(tmp_path / "pipe.db"), "--no-ner")
    assert piped.returncode == 0 and piped.problems == [] and "3/3" not in piped.stdout + piped.stderr


def test_utf16_without_a_bom_gets_a_hint(razmetka, tmp_path):
    path = tmp_path / "lost_bom.txt"
    path.write_bytes("– Как дела?\n\n– Всё хорошо, спасибо.\n".encode("utf-16-le"))
    db = str(tmp_path / "p.db")
    result = razmetka("import", str(path), "--db", db, "--no-ner")
    assert result.returncode == 2 and "--encoding utf-16-le" in result.stderr
    ok = razmetka("import", str(path), "--db", db, "--no-ner", "--encoding", "utf-16-le")
    assert ok.returncode == 0 and "2 turns" in ok.stdout
