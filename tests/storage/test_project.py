import sqlite3

import pytest

from annotation.model import Span, Speaker
from storage import Project, StorageError


@pytest.fixture
def project(tmp_path):
    with Project(tmp_path / "p.db") as p:
        yield p


def test_migrations_create_the_schema_on_an_empty_file(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    with Project(path) as p:
        tables = set(p.db.table_names())
        assert {"labels", "documents", "speakers", "turns", "spans", "model_output", "_sqlite_migrations"} <= tables
        assert [lab.name for lab in p.labels()] == ["PER", "LOC", "ORG", "DATE", "MONEY"]
        assert p.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert p.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        applied = p.db["_sqlite_migrations"].count
    # Opening again applies nothing twice.
    with Project(path) as p:
        assert p.db["_sqlite_migrations"].count == applied


def test_a_file_that_is_not_a_database_gets_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StorageError, match="notes.db: not a Razmetka project"):
        Project(path)


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


def test_add_document_is_all_or_nothing(project, sample_import, monkeypatch):
    doc = sample_import.document
    calls = {"n": 0}
    original = project.db.table

    # Make the turns insert fail half way through the transaction.
    class Boom(Exception):
        pass

    def failing_table(name, **kw):
        table = original(name, **kw)
        if name == "turns":
            calls["n"] += 1
            raise Boom()
        return table

    monkeypatch.setattr(project.db, "table", failing_table)
    monkeypatch.setattr(type(project.db), "__getitem__", lambda self, name: self.table(name))
    with pytest.raises(Boom):
        project.add_document(doc, sample_import.mentions)
    monkeypatch.undo()
    assert project.summaries() == []
    assert project.db["speakers"].count == 0


def test_span_edits_are_committed_at_once(tmp_path, sample_import):
    path = tmp_path / "p.db"
    with Project(path) as p:
        doc_id = p.add_document(sample_import.document)
        text = sample_import.document.text
        start = text.index("Душанбе")
        added = p.add_span(doc_id, Span(start, start + 7, "ORG", "Душанбе", annotator="tester"))
        # A second connection (another process, or after a crash) sees it immediately.
        other = sqlite3.connect(path)
        assert other.execute("SELECT label FROM spans WHERE id = ?", [added.id]).fetchone() == ("ORG",)
        p.update_span(added.id, label="LOC")
        assert other.execute("SELECT label FROM spans WHERE id = ?", [added.id]).fetchone() == ("LOC",)
        removed = p.delete_span(added.id)
        assert other.execute("SELECT count(*) FROM spans WHERE id = ?", [added.id]).fetchone() == (0,)
        p.add_span(doc_id, removed)  # undo keeps the id
        assert p.get_span(added.id).label == "LOC"
        other.close()


def test_bad_span_edits_are_refused_and_nothing_changes(project, sample_import):
    doc_id = project.add_document(sample_import.document)
    before = project.db["spans"].count
    with pytest.raises(StorageError, match="does not match"):
        project.add_span(doc_id, Span(0, 3, "PER", "abc"))
    with pytest.raises(StorageError, match="inside one turn"):
        text = sample_import.document.text
        dash = text.index("– Президент")
        project.add_span(doc_id, Span(dash, dash + 1, "PER", "–"))
    existing = sample_import.document.spans[0]
    with pytest.raises(StorageError, match="already in this layer"):
        project.add_span(doc_id, Span(existing.start, existing.end, existing.label, existing.text))
    assert project.db["spans"].count == before


def test_speaker_edits(project, sample_import):
    doc_id = project.add_document(sample_import.document)
    doc = project.load_document(doc_id)
    turn = doc.turns[2]
    assert project.set_turn_speaker(turn.id, "Дмитрий Журавлёв") == "Интервьюер"
    project.update_speaker(doc_id, "Дмитрий Журавлёв", new_name="Д. Журавлёв", role="respondent")
    project.add_speaker(doc_id, Speaker("Гость", "other"))
    with pytest.raises(StorageError, match="already a speaker"):
        project.add_speaker(doc_id, Speaker("Гость", "other"))
    doc = project.load_document(doc_id)
    assert doc.turns[2].speaker == "Д. Журавлёв"
    assert "Гость" in [s.name for s in doc.speakers]


def test_unknown_labels_are_added_to_the_schema(project, sample_import):
    doc_id = project.add_document(sample_import.document)
    text = sample_import.document.text
    start = text.index("саммита")
    project.add_span(doc_id, Span(start, start + 7, "EVENT", "саммита"))
    assert "EVENT" in [lab.name for lab in project.labels()]
