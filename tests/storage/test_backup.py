"""Backups by hand and by the day, restores, and a project that never touches the network."""

import socket
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from annotation.changes import SetStatus
from cli.main import main
from storage import Project, StorageError, backup, daily_backup, restore
from storage.backup import backups


def status_in(path, doc_id):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT status FROM documents WHERE id = ?", [doc_id]).fetchone()[0]
    finally:
        conn.close()


def test_backup_keeps_the_newest_copies_and_restore_puts_one_back(sample_project, tmp_path):
    path, doc_id = sample_project.path, sample_project.doc_id
    copies = [backup(path, keep=2) for _ in range(3)]  # while the project is open
    assert backups(path) == copies[1:] and not copies[0].exists()
    if sys.platform != "win32":
        assert stat.S_IMODE(copies[-1].stat().st_mode) == 0o600
    sample_project.apply(SetStatus(doc_id, "new", "done"))
    sample_project.close()
    replaced = restore(copies[-1], path)
    assert status_in(path, doc_id) == "new" and status_in(replaced, doc_id) == "done"
    with Project(path) as p:
        assert p.status(doc_id) == "new" and p.backup is None
    elsewhere = tmp_path / "fresh" / "p.db"
    assert restore(copies[-1], elsewhere) is None and status_in(elsewhere, doc_id) == "new"


def test_a_daily_backup_is_made_once_a_day(sample_project):
    first = daily_backup(sample_project.path)
    assert first is not None and daily_backup(sample_project.path) is None
    assert backups(sample_project.path) == [first]


def test_restore_and_backup_refuse_what_is_not_a_project(sample_project, tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("not a database\n" * 50)
    before = notes.read_bytes()
    with pytest.raises(StorageError, match="notes.db: not a Razmetka project"):
        restore(notes, sample_project.path)
    with pytest.raises(StorageError, match="notes.db: not a Razmetka project"):
        restore(backup(sample_project.path), notes)  # never overwrites another file
    with pytest.raises(StorageError, match="notes.db: not a Razmetka project"):
        backup(notes)
    assert notes.read_bytes() == before


def test_backup_and_restore_commands(sample_project, capsys):
    path = str(sample_project.path)
    assert main(["backup", "--db", path, "--keep", "1"]) == 0
    (copy,) = backups(sample_project.path)
    assert f"backed up {path} to {copy}" in capsys.readouterr().out
    sample_project.apply(SetStatus(sample_project.doc_id, "new", "done"))
    assert main(["restore", str(copy), "--db", path]) == 0
    assert "the project it replaced is kept in" in capsys.readouterr().out
    assert status_in(sample_project.path, sample_project.doc_id) == "new"
    assert main(["restore", str(copy.with_name("missing.db")), "--db", path]) == 2
    assert "missing.db: no project file here" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["backup", "--db", path, "--keep", "0"])


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("Razmetka opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_import_and_export_never_open_a_network_connection(no_network, ner_model, tmp_path, capsys):
    db = str(tmp_path / "p.db")
    transcript = Path(__file__).resolve().parent.parent / "data" / "colon_qa_ru.md"
    assert main(["import", str(transcript), "--db", db]) == 0  # natasha included
    assert main(["export", "--db", db, "--format", "jsonl", "--out", str(tmp_path / "out.jsonl")]) == 0
    assert main(["backup", "--db", db]) == 0
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").count("\n") == 1
    capsys.readouterr()
