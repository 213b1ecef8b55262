"""Hostile and odd files given to ``razmetka import``: one line, exit 2, the project untouched,
and bounded in time (a subprocess timeout) and memory (an address-space limit of 1 GiB).

Every file is built here and is small on disk; what makes it hostile is what it unpacks to,
what kind of file it is, or what it declares.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
MEMORY = 1 << 30  # the bound: under 1 GB
SECONDS = 60

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)


def _docx(path: Path, body: bytes, repeat: int, *, prolog: bytes = b"") -> None:
    """A minimal Word package whose body is ``body`` written ``repeat`` times (deflated: tiny on disk)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b'<?xml version="1.0" encoding="UTF-8"?>' + prolog)
            part.write(f'<w:document xmlns:w="{_W}"><w:body>'.encode())
            chunk = body * 10_000
            for _ in range(repeat // 10_000):
                part.write(chunk)
            part.write(body * (repeat % 10_000))
            part.write(b"</w:body></w:document>")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _link_to_dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _zip_bomb(path: Path) -> None:
    _docx(path, b"<w:p><w:r><w:t>" + b"a" * 1000 + b"</w:t></w:r></w:p>", 60_000)  # 60 MB of text


def _paragraph_bomb(path: Path) -> None:
    _docx(path, b"<w:p/>", 8_000_000)  # 48 MB unpacked, under the default limit: 8 M paragraphs


def _element_bomb(path: Path) -> None:
    _docx(path, b"<w:r/>", 120_000)  # 720 KB unpacked, under the 1 MB limit it runs with


def _entities(path: Path) -> None:
    laughs = b'<!DOCTYPE w:document [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    _docx(path, b"<w:p><w:r><w:t>&b;</w:t></w:r></w:p>", 10, prolog=laughs)


def _absurd_vtt(path: Path) -> None:
    hours = "9" * 40
    path.write_text(f"WEBVTT\n\n{hours}:00:01.000 --> {hours}:00:02.000\nHello\n", "utf-8")


def _text(path: Path) -> None:
    path.write_text("Вопрос: Где вы живёте?\nОтвет: В Казани.\n", "utf-8")


HOSTILE = [
    ("x.txt", _fifo, (), "named pipe (FIFO), not a regular file"),
    ("zero.txt", _link_to_dev_zero, (), "character device, not a regular file"),
    ("bomb.docx", _zip_bomb, (), "unpacks to 61,980,843 bytes, over the size limit of 52,428,800"),
    ("paragraphs.docx", _paragraph_bomb, (), "over 102,400 paragraphs"),
    ("elements.docx", _element_bomb, ("--max-size", "1MB"), "over 100,000 XML elements"),
    ("laughs.docx", _entities, (), "declares a document type"),
    ("absurd.vtt", _absurd_vtt, (), "absurd cue time on line 3, over 100 hours"),
    ("b64.txt", _text, ("--encoding", "base64"), "'base64' is not a text encoding"),
    ("hex.txt", _text, ("--encoding", "hex"), "'hex' is not a text encoding"),
    ("rot.txt", _text, ("--encoding", "rot13"), "'rot13' is not a text encoding"),
    ("escape.txt", _text, ("--encoding", "unicode_escape"), "is not an encoding text files are saved in"),
]


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _state(db: Path) -> dict[str, bytes]:
    """The project file and its WAL, byte for byte."""
    return {p.name: p.read_bytes() for p in sorted(db.parent.glob(db.name + "*"))}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> Path:
    """A project that already holds one document, closed cleanly."""
    from annotation.importing import ImportOptions
    from storage import Project, import_into

    db = tmp_path_factory.mktemp("baseline") / "base.db"
    with Project(db, create=True) as project:
        assert import_into(project, [DATA / "colon_qa_ru.md"], ImportOptions(ner=False)).imported
    return db


@pytest.mark.parametrize("name, make, options, message", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_hostile_file_is_one_line_exit_2_bounded_and_the_project_is_untouched(
    razmetka_command, baseline, tmp_path, name, make, options, message
):
    db = tmp_path / "p.db"
    shutil.copy(baseline, db)
    before = _state(db)
    hostile = tmp_path / name
    make(hostile)
    assert hostile.lstat().st_size < 200_000  # small on disk, whatever it unpacks to
    argv, env = razmetka_command
    started = time.monotonic()
    result = subprocess.run(
        [*argv, "import", str(hostile), "--db", str(db), "--no-ner", *options],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=SECONDS,
        preexec_fn=_limit_memory,
    )
    elapsed = time.monotonic() - started
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr
    assert lines[0] == f"project: {db} (from --db)"
    (line,) = lines[1:]
    assert line.startswith(f"razmetka: {hostile}: ") and message in line, line
    assert "Traceback" not in result.stderr + result.stdout
    assert _state(db) == before
    print(f"{name}: {elapsed:.1f} s")


def test_json_nested_100000_deep_is_one_line_not_a_traceback(razmetka, baseline, tmp_path):
    """The readers parse no JSON; the dataset path does, and the CLI never shows the RecursionError."""
    db = tmp_path / "p.db"
    shutil.copy(baseline, db)
    before = _state(db)
    deep = tmp_path / "deep.jsonl"
    deep.write_text("[" * 100_000 + "]" * 100_000 + "\n", "utf-8")
    result = razmetka("import", "--format", "jsonl", str(deep), "--db", str(db))
    assert result.returncode == 2
    (line,) = result.problems
    assert line.startswith("razmetka: ") and "Traceback" not in result.stderr
    assert _state(db) == before


def test_a_link_to_a_regular_file_still_imports_and_the_limit_counts_what_is_read(razmetka, tmp_path):
    real = tmp_path / "real.txt"
    _text(real)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    db = tmp_path / "p.db"
    result = razmetka("import", str(link), "--db", str(db), "--no-ner")
    assert result.returncode == 0 and "imported " in result.stdout, result.stderr
    big = tmp_path / "big.docx"
    _docx(big, b"<w:p><w:r><w:t>" + b"a" * 1000 + b"</w:t></w:r></w:p>", 2_000)
    refused = razmetka("import", str(big), "--db", str(db), "--no-ner", "--max-size", "1MB")
    assert refused.returncode == 2 and "unpacks to" in refused.problems[0]
    assert razmetka("import", str(big), "--db", str(db), "--no-ner", "--max-size", "3MB").returncode == 0


def test_a_folder_with_special_files_imports_the_rest(razmetka, tmp_path):
    folder = tmp_path / "interviews"
    folder.mkdir()
    shutil.copy(DATA / "colon_qa_ru.md", folder / "a.md")
    _fifo(folder / "b.txt")
    _link_to_dev_zero(folder / "c.txt")
    db = tmp_path / "p.db"
    result = razmetka("import", str(folder), "--db", str(db), "--no-ner")
    assert result.returncode == 2
    assert result.problems == [
        f"razmetka: {folder / 'b.txt'}: is a named pipe (FIFO), not a regular file; only regular files are read",
        f"razmetka: {folder / 'c.txt'}: is a character device, not a regular file; only regular files are read",
    ]
    assert result.stdout.count("imported ") == 1 and "a.md" in result.stdout
