"""Search across documents through SQLite FTS5 with natasha's lemmas beside the folded text."""

import sqlite3
from dataclasses import replace

import pytest

from annotation.changes import SplitTurn
from annotation.model import Document, Source, Speaker, Turn
from storage import Project


@pytest.fixture
def project(fast_tmp):
    with Project(fast_tmp / "p.db", create=True) as p:
        yield p


def small_document(text: str, title: str) -> Document:
    turns = []
    pos = 0
    for part in text.split("\n\n"):
        turns.append(Turn(pos, pos + len(part), pos, "А"))
        pos += len(part) + 2
    return Document(text, title=title, speakers=[Speaker("А")], turns=turns, source=Source(file=title))


def found(project, query):
    return [
        (h.title, h.turn_index, project.load_document(h.doc_id).text[h.start : h.end]) for h in project.search(query)
    ]


def test_inflections_yo_and_case_are_found(project, sample_import):
    doc_id = project.add_document(sample_import.document)
    text = sample_import.document.text
    hits = project.search("Казахстан")
    assert len(hits) > 5
    first = hits[0]
    assert (first.doc_id, text[first.start : first.end]) == (doc_id, "Казахстана")
    assert "Казахстана" in first.snippet and "\n" not in first.snippet
    assert found(project, "Журавлев") == [(sample_import.document.title, 1, "Журавлёв")]
    assert found(project, "ЖУРАВЛЁВА") == found(project, "Журавлев")
    turn = project.load_document(doc_id).turns[first.turn_index]
    assert turn.id == first.turn_id and turn.content_start <= first.start < turn.end


def test_every_word_must_be_in_the_turn_and_hits_come_in_document_order(project):
    project.add_document(small_document("Мы были в Москве.\n\nА потом в Казани и Москве.", "первый"))
    project.add_document(small_document("Москва 😀 стоит.\n\nКазань тоже.", "второй"))
    assert found(project, "москва") == [("первый", 0, "Москве"), ("первый", 1, "Москве"), ("второй", 0, "Москва")]
    assert found(project, "казань москва") == [("первый", 1, "Казани")]
    assert project.search("москва", limit=1)[0].title == "первый"


@pytest.mark.parametrize("query", ['"', 'Москва" OR', "NEAR(a b)", "*", "-Москва", "^", "Моск*", "", "   ", "(", "a:b"])
def test_fts_syntax_in_a_query_never_crashes(project, query):
    project.add_document(small_document("Москва и NEAR и a b.", "д"))
    assert isinstance(project.search(query), list)


def test_split_and_merge_keep_the_index_in_step(project):
    doc_id = project.add_document(small_document("Один Казань два Москва.", "д"))
    turn = project.load_document(doc_id).turns[0]
    undo = project.apply(SplitTurn(doc_id, turn.id, len("Один Казань ")))
    assert [h.turn_id for h in project.search("Москва")] == [undo.turn]
    assert [h.turn_id for h in project.search("Казань")] == [turn.id]
    assert project.search("Казань Москва") == []
    redo = project.apply(undo)
    assert [h.turn_id for h in project.search("Казань Москва")] == [turn.id]
    project.apply(redo)  # the merge's undo puts the turn back in the index too
    assert [h.turn_id for h in project.search("Москва")] == [undo.turn]


def test_the_migration_indexes_documents_stored_before_it(tmp_path, sample_import):
    path = tmp_path / "old.db"
    with Project(path, create=True) as p:
        p.add_document(replace(sample_import.document, id=None))
        # Make the file look as it did before m002.
        p.db["turn_text"].disable_fts()
        p.db["turn_text"].drop()
        p.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm002_correction'")
        p.db.conn.commit()
    other = sqlite3.connect(path)
    assert "turn_text" not in {r[0] for r in other.execute("SELECT name FROM sqlite_master")}
    other.close()
    with Project(path) as p:
        assert p.backup is not None and p.backup.exists()  # a copy of the file as it was, before migrating
        assert p.db["turn_text"].count == len(sample_import.document.turns)
        assert found(p, "Журавлев")[0][2] == "Журавлёв"
