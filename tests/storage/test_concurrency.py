"""Two processes writing to one project wait for each other; neither fails, nothing is lost."""

import multiprocessing
import sqlite3

import pytest

from annotation.changes import AddLabel, AddSpans
from annotation.model import Label, Span
from storage import Project

CONTEXT = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
ROUNDS = 60


def _edit(path, doc_id, start, word, annotator, barrier, errors):
    try:
        barrier.wait(timeout=60)
        with Project(path) as project:
            span = Span(start, start + len(word), "ORG", word, annotator=annotator)
            for _ in range(ROUNDS):  # each apply reads (text, turns, spans) before it writes
                project.apply(project.apply(AddSpans(doc_id, (span,)), annotator), annotator)
    except BaseException as exc:  # reported to the test, which fails with it
        errors.put(f"{annotator}: {type(exc).__name__}: {exc}")


def _create(path, name, hotkey, barrier, errors):
    try:
        barrier.wait(timeout=60)
        with Project(path, create=True) as project:
            project.apply(AddLabel(Label(name, "#123456", hotkey)))
    except BaseException as exc:
        errors.put(f"{name}: {type(exc).__name__}: {exc}")


def run_together(target, argument_lists):
    barrier, errors = CONTEXT.Barrier(len(argument_lists)), CONTEXT.Queue()
    processes = [CONTEXT.Process(target=target, args=(*args, barrier, errors)) for args in argument_lists]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
    problems = []
    while not errors.empty():
        problems.append(errors.get())
    assert problems == [] and [p.exitcode for p in processes] == [0] * len(processes)


def test_two_processes_editing_at_once_both_succeed(sample_project):
    path, doc_id = sample_project.path, sample_project.doc_id
    text = sample_project.load_document(doc_id).text
    start = text.index("Душанбе")
    sample_project.close()
    run_together(_edit, [(path, doc_id, start, "Душанбе", "first"), (path, doc_id, start, "Душанбе", "second")])
    with Project(path) as project:
        log = project.edit_log(limit=10_000)
        assert len(log) == 4 * ROUNDS
        assert {e.annotator for e in log} == {"first", "second"}
        assert not [s for s in project.load_document(doc_id).spans if s.annotator in ("first", "second")]
        assert project.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


@pytest.mark.parametrize("attempt", range(3))
def test_two_first_time_imports_into_a_new_file_cannot_race(tmp_path, attempt):
    path = tmp_path / "new.db"
    run_together(_create, [(path, "FIRST", "7"), (path, "SECOND", "8")])
    conn = sqlite3.connect(path)
    names = {r[0] for r in conn.execute("SELECT name FROM labels")}
    applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    conn.close()
    assert {"FIRST", "SECOND", "PER"} <= names
    assert len(applied) == len(set(applied))  # every migration ran once
