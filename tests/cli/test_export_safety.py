"""Exports that never harm what they read, land as a set, stay private; dataset imports that stay bounded."""

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "interop_transcript.jsonl"


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The transcript imported once, through the library the CLI calls (the import itself is tested elsewhere)."""
    from annotation.formats.catalog import read_dataset
    from storage import Project
    from storage.dataset_import import import_records

    db = tmp_path_factory.mktemp("export-safety") / "seed.db"
    with Project(db, create=True) as project:
        import_records(project, read_dataset("jsonl", DATA), path=DATA, fmt="jsonl")
    return db


@pytest.fixture
def project(imported, tmp_path):
    db = tmp_path / "p.db"
    shutil.copy(imported, db)
    return db


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".part", ".journal", ".old")))


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_out_naming_the_project_or_its_companions_is_refused(razmetka, project, suffix):
    target = project.with_name(project.name + suffix)
    before = target.read_bytes() if target.exists() else None
    result = razmetka("export", "--format", "jsonl", "--out", str(target), "--db", str(project))
    assert result.returncode == 2
    (line,) = result.problems
    assert line.startswith("razmetka: --out: ") and "which this export reads" in line
    assert (target.read_bytes() if target.exists() else None) == before


def test_out_into_a_missing_folder_creates_it_and_says_so(razmetka, project, tmp_path):
    out = tmp_path / "new" / "deeper" / "x.conll"
    result = razmetka("export", "--format", "conll", "--out", str(out), "--db", str(project), check=True)
    assert f"created the folder {out.parent}" in result.stdout
    assert out.exists() and out.with_name("x.conll.meta.jsonl").exists()


def test_exports_are_readable_by_their_owner_only(razmetka, project, tmp_path):
    if os.name != "posix":
        pytest.skip("POSIX modes")
    razmetka("export", "--format", "brat", "--out", str(tmp_path / "brat"), "--db", str(project), check=True)
    razmetka(
        "export", "--format", "hf", "--split", "50/50", "--out", str(tmp_path / "hf"), "--db", str(project), check=True
    )
    files = [p for p in (tmp_path / "brat").iterdir()] + [p for p in (tmp_path / "hf").iterdir()]
    assert files and all(p.stat().st_mode & 0o777 == 0o600 for p in files), [oct(p.stat().st_mode) for p in files]
    assert (tmp_path / "brat").stat().st_mode & 0o777 == 0o700


def test_two_label_studio_variants_in_one_folder_keep_their_configs(razmetka, project, tmp_path):
    razmetka("export", "--format", "labelstudio", "--out", str(tmp_path / "t.json"), "--db", str(project), check=True)
    razmetka(
        "export", "--format", "labelstudio", "--labelstudio-dialogue", "--out", str(tmp_path / "d.json"),
        "--db", str(project), check=True,
    )  # fmt: skip
    assert "<Text " in (tmp_path / "label_config.xml").read_text(encoding="utf-8")
    assert "<Paragraphs " in (tmp_path / "label_config_dialogue.xml").read_text(encoding="utf-8")
    # The same variant again with other labels: the config is replaced, and the report says so.
    result = razmetka(
        "export", "--format", "labelstudio", "--labels", "LOC", "--out", str(tmp_path / "loc.json"),
        "--db", str(project), check=True,
    )  # fmt: skip
    assert f"replaced {tmp_path / 'label_config.xml'}" in result.stdout


KILL_AFTER_FIRST_RENAME = """
import os, sys
from annotation.formats.export import ExportOptions
from storage import Project
from storage.export import export_from

real = os.replace
calls = []
def replace(src, dst):
    real(src, dst)
    calls.append(dst)
    if len(calls) == 1:
        os._exit(9)
os.replace = replace
with Project(sys.argv[1]) as project:
    export_from(project, ExportOptions(format="conll", out=sys.argv[2]))
"""


def test_a_kill_between_renames_is_repaired_by_the_next_export(razmetka, project, tmp_path):
    out = tmp_path / "set" / "x.conll"
    out.parent.mkdir()
    killed = subprocess.run([sys.executable, "-c", KILL_AFTER_FIRST_RENAME, str(project), str(out)], timeout=120)
    assert killed.returncode == 9
    assert out.exists() and not out.with_name("x.conll.meta.jsonl").exists()  # half a set
    assert any(name.endswith(".journal") for name in leftovers(out.parent))
    result = razmetka(
        "export", "--format", "jsonl", "--out", str(out.parent / "y.jsonl"), "--db", str(project), check=True
    )
    assert "an earlier export was interrupted; it was completed (x.conll.meta.jsonl)" in result.stdout
    assert out.with_name("x.conll.meta.jsonl").exists() and leftovers(out.parent) == []
    again = razmetka("import", "--format", "conll", str(out), "--db", str(tmp_path / "new.db"), check=True)
    assert "rebuilt from the tokens" not in again.stdout + again.stderr  # the side file matches


def test_stale_part_files_of_a_dead_export_are_removed(razmetka, project, tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    stale = tmp_path / f".x.jsonl.{pid}.abc123.part"
    stale.write_text("half", encoding="utf-8")
    mine = tmp_path / f".x.jsonl.{os.getpid()}.zzz.part"  # a live process's: left alone
    mine.write_text("busy", encoding="utf-8")
    result = razmetka(
        "export", "--format", "jsonl", "--out", str(tmp_path / "x.jsonl"), "--db", str(project), check=True
    )
    assert f"removed {stale.name}" in result.stdout
    assert not stale.exists() and mine.exists()


def test_split_errors_name_the_flag(razmetka, project, tmp_path):
    result = razmetka(
        "export", "--format", "jsonl", "--split", "80/x", "--out", str(tmp_path / "s"), "--db", str(project)
    )
    assert result.returncode == 2
    assert result.problems == ["razmetka: --split: '80/x' is not a split such as 80/10/10"]


# -- dataset imports, bounded -------------------------------------------------------


def test_a_brat_zip_is_refused_by_its_uncompressed_size_before_reading(razmetka, tmp_path):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", "а" * 2_000_000)
        zf.writestr("a.ann", "")
    assert bomb.stat().st_size < 100_000
    result = razmetka("import", "--format", "brat", str(bomb), "--max-size", "1MB", "--db", str(tmp_path / "p.db"))
    assert result.returncode == 2
    (line,) = result.problems
    assert str(bomb) in line and "over the size limit" in line and "--max-size" in line


def test_max_size_applies_to_dataset_files(razmetka, tmp_path):
    result = razmetka("import", "--format", "jsonl", str(DATA), "--max-size", "100", "--db", str(tmp_path / "p.db"))
    assert result.returncode == 2 and "over the size limit of 100 bytes" in result.stderr


def test_a_brat_folder_does_not_follow_links_out_of_itself(razmetka, tmp_path):
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "a.txt").write_text("Москва", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tLOC 0 6\tМосква\n", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("host name", encoding="utf-8")
    (folder / "secret.txt").symlink_to(secret)
    db = tmp_path / "p.db"
    result = razmetka("import", "--format", "brat", str(folder), "--db", str(db), check=True)
    assert "1 new document(s)" in result.stdout and "1 link(s) leading out of the folder" in result.stdout
    listed = razmetka("list", "--db", str(db), check=True).stdout
    assert "secret" not in listed


def test_json_nested_too_deep_is_one_line(razmetka, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = razmetka("import", "--format", "labelstudio", str(deep), "--db", str(tmp_path / "p.db"))
    assert result.returncode == 2
    assert result.problems == [f"razmetka: {deep}: JSON nested too deeply to read"]


def test_bad_label_names_in_a_dataset_are_reported_not_stored(razmetka, tmp_path):
    rows = [
        {"text": "Москва и Казань", "label": [[0, 6, "two words"], [9, 15, "LOC"], [0, 6, "<b>x</b>"], [9, 15, ""]]},
    ]
    path = tmp_path / "d.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "p.db"
    result = razmetka("import", "--format", "doccano", str(path), "--db", str(db), check=True)
    assert "1 span(s) stored" in result.stdout
    assert f"{path}: 1 span(s) were not imported: label name 'two words' has a space" in result.stdout
    assert "label name '<b>x</b>' has" in result.stdout and "a label needs a name" in result.stdout
    exported = tmp_path / "out"
    razmetka("export", "--format", "labelstudio", "--out", str(exported / "t.json"), "--db", str(db), check=True)
    import xml.etree.ElementTree as ET

    root = ET.parse(exported / "label_config.xml").getroot()
    assert "two words" not in [el.get("value") for el in root.iter("Label")]
