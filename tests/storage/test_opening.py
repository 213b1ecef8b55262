"""Which files a project opens: ours, new ones where asked, older ones after a backup; never another's."""

import hashlib
import os
import sqlite3
import stat
import sys

import pytest

from annotation.changes import SetStatus
from storage import APPLICATION_ID, Project, StorageError
from storage.migrations import migrations


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def siblings(path):
    return sorted(p.name for p in path.parent.iterdir())


def test_a_new_project_is_made_only_where_asked_and_only_readable_by_its_user(tmp_path):
    path = tmp_path / "new" / "p.db"
    with pytest.raises(StorageError, match="no project file here"):
        Project(path)
    assert not path.exists()
    with Project(path, create=True) as p:
        assert p.backup is None and not p.readonly
        assert p.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert [lab.name for lab in p.labels()] == ["PER", "LOC", "ORG", "DATE", "MONEY"]
        assert p.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert p.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert len(migrations.applied(p.db)) == len(migrations._migrations) and not migrations.pending(p.db)
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with Project(path, create=True) as p:  # opening again applies nothing twice
        assert len(migrations.applied(p.db)) == len(migrations._migrations)


def foreign_database(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('mine')")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("create", [False, True])
@pytest.mark.parametrize(
    "make, message",
    [
        (foreign_database, "no Razmetka schema"),
        (lambda p: p.write_text("these are my notes, not a database\n" * 100) and p, "file is not a database"),
        (lambda p: p.write_bytes(b"") and p, "an empty file"),
    ],
)
def test_a_file_that_is_not_ours_is_refused_in_one_line_and_left_untouched(tmp_path, make, message, create):
    path = tmp_path / "other.db"
    make(path)
    if create and path.stat().st_size == 0:
        pytest.skip("an empty file is where a concurrent first import is setting up its project")
    before, names = digest(path), siblings(path)
    with pytest.raises(StorageError, match=f"other.db: not a Razmetka project .*{message}") as caught:
        Project(path, create=create)
    assert "\n" not in str(caught.value)
    assert digest(path) == before and siblings(path) == names  # no WAL switch, no -wal or -shm file


def test_another_applications_marker_is_refused(tmp_path):
    path = foreign_database(tmp_path / "other.db")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 42")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(StorageError, match="application id is 0x2a"):
        Project(path)
    assert digest(path) == before


def test_a_project_from_a_newer_razmetka_is_refused_untouched(tmp_path):
    path = tmp_path / "p.db"
    Project(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('razmetka', 'm999_future', '')"
    )
    conn.commit()
    conn.close()
    before, names = digest(path), siblings(path)
    n = len(migrations._migrations)
    with pytest.raises(StorageError, match=rf"made by a newer Razmetka \(schema {n + 1}\); this is {n}"):
        Project(path)
    with pytest.raises(StorageError, match="newer Razmetka"):
        Project(path, readonly=True)
    assert digest(path) == before and siblings(path) == names


def test_an_older_project_is_backed_up_next_to_itself_then_migrated(sample_project):
    path = sample_project.path
    db = sample_project.db
    db.execute("DROP TABLE edit_log")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm007_edit_log'")
    db.execute("PRAGMA application_id = 0")  # as projects were before they carried the marker
    sample_project.close()
    with Project(path) as p:
        assert p.backup.parent == path.parent and p.backup.name.startswith("p.schema-")
        assert p.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert p.edit_log() == [] and p.document_ids() == [sample_project.doc_id]
    old = sqlite3.connect(p.backup)
    assert "edit_log" not in {r[0] for r in old.execute("SELECT name FROM sqlite_master")}
    assert old.execute("SELECT count(*) FROM documents").fetchone() == (1,)
    old.close()
    if sys.platform != "win32":
        assert stat.S_IMODE(p.backup.stat().st_mode) == 0o600


def test_a_project_that_cannot_be_written_opens_read_only(sample_project, monkeypatch):
    path, doc_id = sample_project.path, sample_project.doc_id
    sample_project.close()
    before = digest(path)
    monkeypatch.setattr(os, "access", lambda *a, **k: False)  # as on a read-only file system
    with Project(path) as p:
        assert p.readonly
        assert p.summaries()[0].id == doc_id and p.load_document(doc_id).spans
        with pytest.raises(StorageError, match="read-only; nothing was changed"):
            p.apply(SetStatus(doc_id, "new", "done"))
        assert p.status(doc_id) == "new"
    assert digest(path) == before


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="POSIX permissions; root ignores them")
def test_a_read_only_file_in_a_read_only_folder_opens_read_only(sample_project):
    path = sample_project.path
    sample_project.close()
    path.chmod(0o400)
    path.parent.chmod(0o500)
    try:
        with Project(path) as p:
            assert p.readonly and p.document_ids() == [sample_project.doc_id]
    finally:
        path.parent.chmod(0o700)
        path.chmod(0o600)


def test_every_write_is_an_immediate_transaction(sample_project):
    statements = []
    sample_project.db.conn.set_trace_callback(statements.append)
    sample_project.apply(SetStatus(sample_project.doc_id, "new", "done"))
    assert statements[0] == "BEGIN IMMEDIATE" and statements[-1] == "COMMIT"
    assert not any(s.startswith("BEGIN") for s in statements[1:])


def test_list_on_another_applications_file_says_so_in_one_line_and_changes_nothing(tmp_path, capsys):
    from cli.main import main

    path = foreign_database(tmp_path / "other-app.db")
    before, names = digest(path), siblings(path)
    assert main(["list", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "other-app.db: not a Razmetka project" in err
    assert digest(path) == before and siblings(path) == names


def test_list_and_export_work_on_a_read_only_project(sample_project, tmp_path, monkeypatch, capsys):
    from cli.main import main

    path = sample_project.path
    sample_project.close()
    real_access = os.access

    def access(name, mode, **kwargs):  # the project and its folder cannot be written, as on a read-only disk
        return False if str(path).startswith(str(name)) else real_access(name, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)
    assert main(["list", "--db", str(path)]) == 0
    assert sample_project.doc_id in capsys.readouterr().out
    out = tmp_path / "out.jsonl"
    assert main(["export", "--db", str(path), "--format", "jsonl", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").count("\n") == 1
