"""Settling disagreements is an edit like any other: planned, applied in one transaction, undone exactly."""

from __future__ import annotations

import shutil

import pytest

from annotation.adjudication import plan_adjudicate
from annotation.edits import Refusal
from annotation.review import disagreements
from storage import Project
from storage import review as stored_review
from storage.merge import merge_into


@pytest.fixture
def review(review_case, tmp_path):
    for name in ("anna", "boris"):
        shutil.copy(review_case / f"{name}.db", tmp_path / f"{name}.db")
    with Project(tmp_path / "review.db", create=True) as project:
        merge_into(project, [tmp_path / "anna.db", tmp_path / "boris.db"])
        (doc_id,) = project.document_ids()
        yield project, doc_id


def found(project, doc_id):
    return disagreements(stored_review.document_layers(project, doc_id), "anna", "boris")


def gold(project, doc_id):
    return sorted((s.start, s.end, s.label, s.annotator) for s in project.load_document(doc_id).spans
                  if s.origin == "adjudicated")


def test_each_choice_becomes_gold_and_undo_takes_it_back(review):
    project, doc_id = review
    listed = found(project, doc_id)
    assert [d.kind for d in listed] == ["boundary", "speaker", "missing", "label"]
    boundary, speaker, missing, label = listed
    doc = project.load_document(doc_id)

    project.apply(plan_adjudicate(doc, "anna", "boris", boundary, "a", "rev"))
    assert gold(project, doc_id) == [(boundary.a[0].start, boundary.a[0].end, "ORG", "rev")]
    assert [(d.kind, d.choice) for d in stored_review.decisions(project, doc_id)] == [("boundary", "a")]

    # Changing one's mind replaces the earlier choice's gold spans rather than adding to them.
    doc = project.load_document(doc_id)
    project.apply(plan_adjudicate(doc, "anna", "boris", boundary, "both", "rev"))
    assert len(gold(project, doc_id)) == 2
    doc = project.load_document(doc_id)
    project.apply(plan_adjudicate(doc, "anna", "boris", boundary, "neither", "rev"))
    assert gold(project, doc_id) == []
    assert [d.choice for d in stored_review.decisions(project, doc_id)] == ["neither"]

    doc = project.load_document(doc_id)
    first_turn_speaker = doc.turn_at(speaker.start).speaker
    project.apply(plan_adjudicate(doc, "anna", "boris", speaker, "b", "rev"))
    after = project.load_document(doc_id)
    assert after.turn_at(speaker.start).speaker == speaker.b_turns[0].speaker != first_turn_speaker

    project.apply(plan_adjudicate(after, "anna", "boris", missing, "b", "rev"))
    project.apply(plan_adjudicate(project.load_document(doc_id), "anna", "boris", label, "a", "rev"))
    assert {(s[2], s[3]) for s in gold(project, doc_id)} == {("LOC", "rev"), ("ORG", "rev")}
    assert len(stored_review.decisions(project, doc_id)) == 4


def test_undoing_a_choice_restores_every_row(review):
    project, doc_id = review
    boundary = found(project, doc_id)[0]
    before = (gold(project, doc_id), stored_review.decisions(project, doc_id))
    inverse = project.apply(plan_adjudicate(project.load_document(doc_id), "anna", "boris", boundary, "both", "rev"))
    assert gold(project, doc_id) != before[0]
    project.apply(inverse)
    assert (gold(project, doc_id), stored_review.decisions(project, doc_id)) == before


def test_choices_that_cannot_settle_are_refused(review):
    project, doc_id = review
    speaker = found(project, doc_id)[1]
    doc = project.load_document(doc_id)
    assert "one speaker" in plan_adjudicate(doc, "anna", "boris", speaker, "both", "rev").message
    assert isinstance(plan_adjudicate(doc, "anna", "boris", speaker, "maybe", "rev"), Refusal)
