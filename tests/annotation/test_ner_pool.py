"""Import speed work (issue 14) that must not change a thing: the same spans and normal forms,
one BLAS thread per model, a process pool only for big inputs, progress and cancel inside a file."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

from annotation.importing import FileProgress, ImportOptions, import_files
from annotation.pool import pool_wanted, worker_count
from storage import Project, import_into

REFERENCE = json.loads((Path(__file__).parent / "ner_reference.json").read_text(encoding="utf-8"))
CORPUS = Path(__file__).resolve().parents[2] / "benchmarks" / "corpus.py"


def _corpus():
    spec = importlib.util.spec_from_file_location("corpus", CORPUS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def digest(imported) -> dict:
    """What ner_reference.json holds: a hash of every mention and span (offsets, label, text, normal form)."""
    rows = [[m.start, m.end, m.label, m.text, m.normal] for m in imported.mentions]
    spans = [[s.start, s.end, s.label, s.text, s.normal] for s in imported.document.spans]
    labels: dict[str, int] = {}
    for m in imported.mentions:
        labels[m.label] = labels.get(m.label, 0) + 1
    payload = json.dumps([rows, spans], ensure_ascii=False).encode()
    return {"sha256": hashlib.sha256(payload).hexdigest(), "mentions": len(rows), "spans": len(spans), "labels": labels}


def test_the_models_run_on_one_blas_thread(ner_model):
    from threadpoolctl import threadpool_info

    # numpy's own BLAS, which natasha uses; other tests may load other libraries later (spaCy's)
    pools = [p for p in threadpool_info() if "numpy" in p["filepath"]]
    assert pools, "numpy's BLAS should be loaded with the model"
    assert {p["num_threads"] for p in pools} == {1}


def test_the_sample_gets_exactly_the_spans_and_normal_forms_it_got_before(sample_import):
    # ner_reference.json was made once with the code before issue 14 (one natasha Doc per turn, all tagged)
    assert digest(sample_import) == REFERENCE["sample"]


def test_a_generated_megabyte_through_the_pool_gets_the_same_output_and_cancel_stores_nothing(tmp_path):
    path = _corpus().write_transcript(tmp_path / "big.txt")
    assert len(path.read_text(encoding="utf-8")) == REFERENCE["big"]["chars"]
    stored = []
    seen: list[FileProgress] = []
    options = ImportOptions(workers=2, pool_min_bytes=0)
    report = import_files(
        [path],
        store=lambda imported: stored.append(imported) or "id",
        find_existing=lambda sha: None,
        options=options,
        file_progress=seen.append,
    )
    assert report.failed == [] and len(stored) == 1
    result = digest(stored[0])
    del result["labels"]
    assert result == {k: REFERENCE["big"][k] for k in ("sha256", "mentions", "spans")}
    total = len(stored[0].document.turns)
    done = [p.turns_done for p in seen]
    assert done[0] == 0 and done == sorted(done) and done[-1] == total and len(done) > 10
    assert all(p.turns_total == total and p.file == str(path) for p in seen)
    assert any(p.seconds_left is not None for p in seen) and seen[-1].fraction == 1.0

    stored.clear()
    progress: list[FileProgress] = []
    report = import_files(
        [path],
        store=lambda imported: stored.append(imported) or "id",
        find_existing=lambda sha: None,
        options=options,
        file_progress=progress.append,
        cancelled=lambda: any(p.turns_done for p in progress),
    )
    assert report.cancelled and stored == [] and report.imported == []
    assert progress[-1].turns_done < total  # it stopped within the file, not after it


def test_cancel_inside_a_file_in_this_process_stores_nothing_of_it(tmp_path, ner_model):
    path = _corpus().write_transcript(tmp_path / "mid.txt", chars=40_000)
    seen: list[FileProgress] = []
    with Project(tmp_path / "p.db", create=True) as project:
        report = import_into(
            project,
            [path],
            ImportOptions(workers=1),
            file_progress=seen.append,
            cancelled=lambda: any(p.turns_done for p in seen),
        )
        assert report.cancelled and report.imported == []
        assert project.document_ids() == []
    assert 0 < seen[-1].turns_done < seen[-1].turns_total


def test_progress_inside_a_file_counts_turns_to_the_end(tmp_path, sample_copy, ner_model):
    seen: list[FileProgress] = []
    with Project(tmp_path / "p.db", create=True) as project:
        report = import_into(project, [sample_copy], file_progress=seen.append)
    assert len(report.imported) == 1
    assert seen[0].turns_done == 0 and seen[-1].turns_done == seen[-1].turns_total == report.imported[0].turns


def test_small_inputs_never_start_a_pool(monkeypatch, tmp_path, sample_copy, ner_model):
    def no_pool(workers):
        raise AssertionError("a pool was started for a small input")

    monkeypatch.setattr("annotation.importing.NerPool", no_pool)
    with Project(tmp_path / "p.db", create=True) as project:
        report = import_into(project, [sample_copy], ImportOptions(workers=2))
    assert len(report.imported) == 1 and report.failed == []
    assert not pool_wanted(2, sample_copy.stat().st_size)
    assert not pool_wanted(1, 10**9) and pool_wanted(2, 10**9)


@pytest.mark.parametrize(("env", "wanted", "expected"), [("1", None, 1), ("3", None, 3), ("3", 2, 2), ("x", 5, 5)])
def test_worker_count_comes_from_the_option_then_the_environment(monkeypatch, env, wanted, expected):
    monkeypatch.setenv("RAZMETKA_WORKERS", env)
    assert worker_count(wanted) == expected


def test_without_a_setting_there_is_one_worker_per_core(monkeypatch):
    import os

    monkeypatch.delenv("RAZMETKA_WORKERS", raising=False)
    assert worker_count() == (os.cpu_count() or 1)
