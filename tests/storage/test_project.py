"""Documents in and out of a project, and every edit committed at once."""

import sqlite3
from dataclasses import replace

import pytest

from annotation.changes import AddSpans, DeleteSpans, SetStatus, SetTurnSpeakers, UpdateSpans, UpdateSpeaker
from annotation.model import Span, Speaker
from storage import Project, StorageError


@pytest.fixture
def project(fast_tmp):
    with Project(fast_tmp / "p.db", create=True) as p:
        yield p


def test_round_trip_keeps_everything(project, sample_import):
    doc = sample_import.document
    doc_id = project.add_document(doc, sample_import.mentions)
    back = project.load_document(doc_id)
    assert back.id == doc_id
    assert back.text == doc.text and back.metadata == {"date": "2025-10-11"}
    assert back.source == doc.source
    assert [(s.name, s.role) for s in back.speakers] == [(s.name, s.role) for s in doc.speakers]
    assert [(t.start, t.end, t.content_start, t.speaker) for t in back.turns] == [
        (t.start, t.end, t.content_start, t.speaker) for t in doc.turns
    ]
    assert sorted(s.key for s in back.spans) == sorted(s.key for s in doc.spans)
    assert len(project.model_output(doc_id)) == len(sample_import.mentions)
    (summary,) = project.summaries()
    assert (summary.turns, summary.spans, summary.suggested, summary.status) == (
        20,
        len(doc.spans),
        len(doc.spans),
        "new",
    )
    assert project.find_by_sha256(doc.source.sha256) == doc_id
    assert project.document_ids() == [doc_id] and project.summaries(doc_id) == [summary]
    with pytest.raises(StorageError, match="no document"):
        project.load_document("nope")


def test_add_document_is_all_or_nothing(project, sample_import, monkeypatch):
    import storage.documents

    class Boom(Exception):
        pass

    def failing_index(db, doc_id, turn_ids=None):
        raise Boom()  # the last step, after every row was inserted

    monkeypatch.setattr(storage.documents, "index_turns", failing_index)
    with pytest.raises(Boom):
        project.add_document(sample_import.document, sample_import.mentions)
    monkeypatch.undo()
    assert project.summaries() == []
    assert project.db["speakers"].count == 0 and project.db["model_output"].count == 0


def test_labels_a_document_needs_are_created_with_it_in_one_transaction(project, sample_import):
    doc = sample_import.document
    start = doc.text.index("саммита")
    extra = Span(start, start + 7, "EVENT", "саммита")
    doc_id = project.add_document(replace(doc, id=None, spans=[*doc.spans, extra]))
    assert "EVENT" in [lab.name for lab in project.labels()]
    assert project.label_usage("EVENT") == 1
    bad = replace(doc, id=None, spans=[replace(extra, label="two words")])
    with pytest.raises(StorageError, match="has a space"):
        project.add_document(bad)
    assert project.document_ids() == [doc_id]  # nothing of the refused document was stored


def test_edits_are_committed_at_once(sample_project):
    project, doc_id = sample_project, sample_project.doc_id
    text = project.load_document(doc_id).text
    start = text.index("Душанбе")
    (added,) = project.apply(AddSpans(doc_id, (Span(start, start + 7, "ORG", "Душанбе", annotator="tester"),))).spans
    # A second connection (another process, or after a crash) sees it immediately.
    other = sqlite3.connect(project.path)
    assert other.execute("SELECT label FROM spans WHERE id = ?", [added.id]).fetchone() == ("ORG",)
    project.apply(UpdateSpans(doc_id, (added,), (replace(added, label="LOC"),)))
    assert other.execute("SELECT label FROM spans WHERE id = ?", [added.id]).fetchone() == ("LOC",)
    undo = project.apply(DeleteSpans(doc_id, (replace(added, label="LOC"),)))
    assert other.execute("SELECT count(*) FROM spans WHERE id = ?", [added.id]).fetchone() == (0,)
    project.apply(undo)  # undo keeps the id
    assert other.execute("SELECT label FROM spans WHERE id = ?", [added.id]).fetchone() == ("LOC",)
    other.close()


def test_bad_span_edits_are_refused_and_nothing_changes(sample_project):
    project, doc_id = sample_project, sample_project.doc_id
    doc = project.load_document(doc_id)
    before = project.db["spans"].count
    with pytest.raises(StorageError, match="does not match"):
        project.apply(AddSpans(doc_id, (Span(0, 3, "PER", "abc"),)))
    dash = doc.text.index("– Президент")
    with pytest.raises(StorageError, match="inside one turn"):
        project.apply(AddSpans(doc_id, (Span(dash, dash + 1, "PER", "–"),)))
    existing = doc.spans[0]
    with pytest.raises(StorageError, match="already in this layer"):
        project.apply(AddSpans(doc_id, (replace(existing, id=None),)))
    with pytest.raises(StorageError, match="no document"):
        project.apply(AddSpans("nope", (existing,)))
    assert project.db["spans"].count == before


def test_speaker_edits(sample_project):
    project, doc_id = sample_project, sample_project.doc_id
    doc = project.load_document(doc_id)
    turn = doc.turns[2]
    project.apply(SetTurnSpeakers(doc_id, ((turn.id, turn.speaker, "Дмитрий Журавлёв"),)))
    journalist = doc.speaker("Дмитрий Журавлёв")
    undo = project.apply(UpdateSpeaker(doc_id, journalist, Speaker("Д. Журавлёв", "respondent")))
    assert undo == UpdateSpeaker(doc_id, Speaker("Д. Журавлёв", "respondent"), journalist)
    with pytest.raises(StorageError, match="already a speaker"):
        project.apply(UpdateSpeaker(doc_id, Speaker("Д. Журавлёв"), Speaker("Интервьюер")))
    with pytest.raises(StorageError, match="no speaker"):
        project.apply(UpdateSpeaker(doc_id, Speaker("Никто"), Speaker("Кто-то")))
    assert project.load_document(doc_id).turns[2].speaker == "Д. Журавлёв"


def test_next_document_skips_done_ones_and_wraps(project, sample_import):
    ids = [project.add_document(replace(sample_import.document, id=None, title=f"d{i}")) for i in range(3)]
    project.apply(SetStatus(ids[1], "new", "done"))
    assert project.next_document(ids[0]) == ids[2]
    assert project.next_document(ids[2]) == ids[0]
    assert project.next_document() == ids[0]
    for i in (0, 2):
        project.apply(SetStatus(ids[i], "new", "done"))
    assert project.next_document(ids[0]) is None
    with pytest.raises(StorageError, match="unknown document status"):
        project.apply(SetStatus(ids[0], "done", "finished"))
