"""The batch import the CLI and the GUI share: folders, dedupe, progress, cancel."""

from __future__ import annotations

import shutil
from pathlib import Path

from annotation.importing import ImportOptions, collect_files
from storage import Project, import_into

DATA = Path(__file__).resolve().parent.parent / "data"


def _tree(root: Path) -> Path:
    (root / "b" / "deep").mkdir(parents=True)
    (root / ".hidden").mkdir()
    shutil.copy(DATA / "colon_qa_ru.md", root / "a.md")
    shutil.copy(DATA / "subtitles_ru.srt", root / "b" / "deep" / "c.srt")
    shutil.copy(DATA / "name_line_en.txt", root / "b" / "b.txt")
    shutil.copy(DATA / "alternate_ru.txt", root / ".hidden" / "x.txt")
    shutil.copy(DATA / "alternate_ru.txt", root / ".dotfile.txt")
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")
    (root / "empty.txt").write_text("  \n", encoding="utf-8")
    return root


def test_a_folder_gives_its_supported_files_sorted_recursively_without_hidden_ones(tmp_path):
    root = _tree(tmp_path / "in")
    names = [p.relative_to(root).as_posix() for p in collect_files([root])]
    assert names == ["a.md", "b/b.txt", "b/deep/c.srt", "empty.txt"]


def test_batch_reports_imported_skipped_failed_with_progress(tmp_path):
    root = _tree(tmp_path / "in")
    calls = []
    with Project(tmp_path / "p.db", create=True) as project:
        report = import_into(
            project,
            [root, root / "a.md", tmp_path / "missing.txt"],
            ImportOptions(ner=False),
            progress=lambda done, total, file: calls.append((done, total, file)),
        )
        assert [Path(i.file).name for i in report.imported] == ["a.md", "b.txt", "c.srt"]
        assert [(i.layout, i.turns) for i in report.imported] == [("colon", 6), ("name_line", 5), ("subtitles", 4)]
        assert [Path(f.file).name for f in report.failed] == ["empty.txt", "missing.txt"]
        assert report.failed[0].error == "file is empty"
        assert report.skipped == []  # a.md named twice is one file
        assert calls[0] == (0, 5, str(root / "a.md")) and calls[-1] == (5, 5, None)
        assert len(project.document_ids()) == 3
        again = import_into(project, [root / "a.md"], ImportOptions(ner=False))
        assert again.imported == [] and "already in the project" in again.skipped[0].reason
        forced = import_into(project, [root / "a.md"], ImportOptions(ner=False, force=True))
        assert len(forced.imported) == 1
        assert report.to_json()["imported"][0] == {
            "file": str(root / "a.md"),
            "id": report.imported[0].id,
            "turns": 6,
            "spans": 0,
            "layout": "colon",
            "confidence": report.imported[0].confidence,
        }


def test_the_same_content_twice_in_one_batch_is_imported_once(tmp_path):
    shutil.copy(DATA / "colon_qa_ru.md", tmp_path / "one.md")
    shutil.copy(DATA / "colon_qa_ru.md", tmp_path / "two.md")
    with Project(tmp_path / "p.db", create=True) as project:
        report = import_into(project, [tmp_path / "one.md", tmp_path / "two.md"], ImportOptions(ner=False))
    assert len(report.imported) == 1 and len(report.skipped) == 1


def test_cancel_stops_before_the_next_file_and_keeps_what_finished(tmp_path):
    root = _tree(tmp_path / "in")
    done_files = []

    def progress(done, total, file):
        if file:
            done_files.append(file)

    with Project(tmp_path / "p.db", create=True) as project:
        report = import_into(
            project, [root], ImportOptions(ner=False), progress=progress, cancelled=lambda: len(done_files) >= 2
        )
        assert report.cancelled
        assert len(report.imported) == 2
        assert len(project.document_ids()) == 2
