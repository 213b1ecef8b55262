"""Batch edits from the command line go through the same rules as the window."""

from __future__ import annotations

import shutil

import pytest

from storage import Project


@pytest.fixture(scope="session")
def seeded_cli_db(sample_import, tmp_path_factory):
    path = tmp_path_factory.mktemp("seed-cli") / "seed.db"
    with Project(path, create=True) as project:
        project.add_document(sample_import.document, sample_import.mentions)
    return path


@pytest.fixture
def db(seeded_cli_db, tmp_path):
    copy = tmp_path / "p.db"
    shutil.copy(seeded_cli_db, copy)
    return copy


def spans(db, text):
    with Project(db) as project:
        (doc_id,) = project.document_ids()
        return [(s.label, s.status, s.annotator) for s in project.load_document(doc_id).spans if s.text == text]


def test_relabel_dry_run_then_for_real(razmetka, db):
    before = spans(db, "ЕАЭС")
    loc = [span for span in before if span[0] == "LOC"]
    assert loc and len(loc) < len(before)  # natasha calls it LOC twice and ORG twice
    relabel = ("relabel", "--from", "LOC", "--to", "ORG", "--text", "ЕАЭС", "--db", str(db))
    dry = razmetka(*relabel, "--dry-run", check=True)
    assert dry.stdout.strip() == f"would relabel {len(loc)} span(s) in 1 document(s) (dry run: nothing was changed)"
    assert spans(db, "ЕАЭС") == before
    done = razmetka(*relabel, check=True)
    assert done.stdout.strip() == f"relabelled {len(loc)} span(s) in 1 document(s)"
    after = spans(db, "ЕАЭС")
    assert sorted(after) == sorted([("ORG", "accepted", "tester")] * len(loc) + [("ORG", "suggested", None)] * 2)


def test_accept_and_reject_take_only_suggestions(razmetka, db):
    done = razmetka("accept", "--label", "PER", "--origin", "model", "--db", str(db), check=True)
    assert done.stdout.startswith("accepted ") and " 0 span" not in done.stdout
    again = razmetka("accept", "--label", "PER", "--db", str(db), check=True)
    assert again.stdout.startswith("accepted 0 span(s)") and "no span matches" in again.stderr
    razmetka("reject", "--normal", "Россия", "--db", str(db), check=True)
    assert {status for _, status, _ in spans(db, "Россия")} == {"rejected"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["accept", "--label", "NOPE"], "no label 'NOPE' in this project"),
        (["reject", "--doc", "nope"], "no document 'nope'"),
        (["relabel", "--from", "LOC", "--to", "PLACE"], "no label 'PLACE'"),
        (["accept", "--text", "a", "--normal", "b"], "give --text or --normal, not both"),
    ],
)
def test_a_bad_filter_is_one_line_and_exit_2(razmetka, db, args, message):
    result = razmetka(*args, "--db", str(db))
    assert result.returncode == 2
    assert len(result.problems) == 1 and message in result.problems[0], result.stderr
