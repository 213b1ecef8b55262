"""Project.apply writes a planned change and returns its exact inverse."""

from __future__ import annotations

import pytest

from annotation.changes import Batch, DeleteLabel, UpdateLabel
from annotation.edits import (
    Refusal,
    plan_accept_document,
    plan_add_speaker,
    plan_merge,
    plan_propagate,
    plan_relabel,
    plan_remove,
    plan_rename,
    plan_resize,
    plan_set_speaker,
    plan_split,
    plan_status,
    plan_tag,
)
from annotation.model import Label
from storage import Project, StorageError


@pytest.fixture
def project(sample_project):
    return sample_project


def rows(project: Project) -> dict:
    """Every row of the tables an edit can touch (timestamps aside)."""
    tables = {
        "documents": "SELECT id, status FROM documents",
        "speakers": "SELECT id, name, role, position FROM speakers",
        "turns": 'SELECT id, start, "end", content_start, speaker_id, time_start, time_end FROM turns',
        "spans": 'SELECT id, start, "end", label, text, normal, origin, status, annotator FROM spans',
        "labels": "SELECT name, color, hotkey, description, position FROM labels",
    }
    return {name: sorted(project.db.execute(sql).fetchall(), key=repr) for name, sql in tables.items()}


def plans(doc):
    text = doc.text
    first_suggestion = next(s for s in doc.spans if s.status == "suggested")
    answer = text.index("Но думаю")
    yield plan_tag(doc, text.index("транспортных"), text.index("транспортных") + 3, "ORG", "ann")
    yield plan_remove(doc, first_suggestion, "ann")
    yield plan_relabel(doc, [first_suggestion], "ORG", "ann")
    yield plan_resize(doc, first_suggestion, "right", +1, "ann")
    propagations = (plan_propagate(doc, s, "ann") for s in doc.spans)
    yield next(p for p in propagations if not isinstance(p, Refusal))
    yield plan_accept_document(doc, "ann")
    yield plan_split(doc, answer)
    yield plan_merge(doc, 5)
    yield plan_set_speaker(doc, [doc.turns[3]], doc.turns[4].speaker)
    yield plan_rename(doc, doc.speakers[-1], "Д. Журавлёв", "respondent")
    yield plan_add_speaker(doc, "Оператор", "other")
    yield plan_status(doc, "done")
    yield UpdateLabel(Label("LOC", "#4a90d9", "2", ""), Label("PLACE", "#000000", "7", "Places"))
    yield DeleteLabel(Label("LOC", "#4a90d9", "2", ""), "relabel", "ORG")
    yield DeleteLabel(Label("ORG", "#000000", "3", ""), "delete")


@pytest.mark.parametrize("index", range(15))
def test_applying_a_change_then_its_inverse_restores_every_row(project, index):
    doc = project.load_document(project.doc_id)
    change = list(plans(doc))[index]
    assert not isinstance(change, Refusal), change
    if isinstance(change, (UpdateLabel, DeleteLabel)):  # take the label as stored
        stored = {lab.name: lab for lab in project.labels()}
        field = "before" if isinstance(change, UpdateLabel) else "label"
        change = type(change)(**{**change.__dict__, field: stored[getattr(change, field).name]})
    before = rows(project)
    inverse = project.apply(change)
    assert rows(project) != before
    again = project.apply(inverse)
    assert rows(project) == before
    redone = project.apply(again)  # redo after undo works …
    assert rows(project) != before
    project.apply(redone)  # … and undoes again
    assert rows(project) == before


def test_a_batch_is_one_transaction(project):
    doc = project.load_document(project.doc_id)
    good = plan_status(doc, "done")
    bad = plan_merge(doc, 1)
    project.apply(bad)  # the turn is gone now, so applying the same merge again must fail …
    before = rows(project)
    with pytest.raises(StorageError):
        project.apply(Batch((good, bad)))
    assert rows(project) == before  # … and the status change before it is rolled back


def test_every_applied_change_is_logged_with_its_annotator_newest_last(project, tmp_path):
    doc = project.load_document(project.doc_id)
    tag = plan_tag(doc, doc.text.index("транспортных"), doc.text.index("транспортных") + 3, "ORG", "ann")
    undo = project.apply(tag, annotator="ann")
    project.apply(undo, annotator="ann")
    label = UpdateLabel(project.labels()[0], Label("PER", "#000000", "1"))
    project.apply(label)  # the annotator defaults to the user's
    log = project.edit_log()
    assert [e.change for e in log] == [tag, undo, label]
    assert [e.annotator for e in log] == ["ann", "ann", "tester"]
    assert [e.document for e in log] == [project.doc_id, project.doc_id, None]
    assert log[0].text == tag.text and log[0].time <= log[-1].time
    assert [e.change for e in project.edit_log(limit=1)] == [label]
    assert [e.change for e in project.edit_log("other")] == [label]  # a label edit concerns every document
    project.close()
    with Project(project.path) as again:  # across restarts
        assert [e.change for e in again.edit_log(project.doc_id)] == [tag, undo, label]
