"""The project schema, created and upgraded by sqlite-utils' Migrations.

Add a new function at the end for every change; never edit one that has shipped.
The schema is documented here because a project file is a plain SQLite database
that sqlite-utils and Datasette can read:

- ``labels``: the label schema (name, colour, hotkey, description, position).
- ``documents``: one row per transcript; ``text`` never changes after import.
- ``speakers``: per document, unique names, each with a role.
- ``turns``: ordered by ``start``; ``[start, end)`` includes the speaker mark and
  ``content_start`` is where the speech begins.
- ``spans``: every annotation layer; offsets are code points into the text.
  ``(document, annotator, start, end, label)`` is unique.
- ``model_output``: the model's raw suggestions, never edited, so the project can
  always report how much people corrected.
- ``turn_text`` (m002): each turn's speech folded (lower case, «ё» as «е») and the
  lemmas of its words, indexed by FTS5 in ``turn_text_fts`` for the search across
  documents (``storage/search.py``).
- ``layer_turns``, ``layers``, ``reviews``, ``adjudications`` (m006): offline review,
  see :func:`m006_review`; spans of the gold layer have origin ``adjudicated``.
- ``edit_log`` (m007): every change applied, as JSON, with its time, annotator and
  document (``storage/editlog.py``).

A project file also carries ``PRAGMA application_id`` (``storage.connection.APPLICATION_ID``),
set when it is created or first migrated by a version that knows it.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from annotation.bundled import default_labels

from .search import create_index, index_turns

migrations = Migrations("razmetka")


@migrations()
def m001_initial(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE labels (
            name TEXT PRIMARY KEY,
            color TEXT NOT NULL,
            hotkey TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0
        )"""
    )
    db.execute(
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'done')),
            text TEXT NOT NULL,
            metadata TEXT NOT NULL DEFAULT '{}',
            source_file TEXT NOT NULL DEFAULT '',
            sha256 TEXT NOT NULL DEFAULT '',
            layout TEXT NOT NULL DEFAULT '',
            confidence REAL NOT NULL DEFAULT 1.0,
            language TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        )"""
    )
    db.execute("CREATE INDEX documents_sha256 ON documents (sha256)")
    db.execute(
        """
        CREATE TABLE speakers (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT 'other'
                CHECK (role IN ('interviewer', 'respondent', 'narrator', 'other')),
            position INTEGER NOT NULL DEFAULT 0,
            UNIQUE (document_id, name)
        )"""
    )
    db.execute(
        """
        CREATE TABLE turns (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            content_start INTEGER NOT NULL,
            speaker_id INTEGER NOT NULL REFERENCES speakers (id),
            time_start REAL,
            time_end REAL,
            CHECK (start <= content_start AND content_start <= "end" AND start < "end")
        )"""
    )
    db.execute("CREATE INDEX turns_document ON turns (document_id, start)")
    db.execute(
        """
        CREATE TABLE spans (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL REFERENCES labels (name) ON UPDATE CASCADE,
            text TEXT NOT NULL,
            normal TEXT,
            origin TEXT NOT NULL CHECK (origin IN ('model', 'human', 'imported')),
            status TEXT NOT NULL CHECK (status IN ('suggested', 'accepted', 'rejected')),
            annotator TEXT,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            CHECK (start < "end")
        )"""
    )
    db.execute("CREATE INDEX spans_document ON spans (document_id, start)")
    db.execute("CREATE UNIQUE INDEX spans_layer ON spans (document_id, ifnull(annotator, ''), start, \"end\", label)")
    db.execute(
        """
        CREATE TABLE model_output (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL,
            text TEXT NOT NULL,
            normal TEXT,
            model TEXT NOT NULL,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        )"""
    )
    db.execute("CREATE INDEX model_output_document ON model_output (document_id, start)")
    db["labels"].insert_all(
        [
            {"name": lab.name, "color": lab.color, "hotkey": lab.hotkey, "description": lab.description, "position": i}
            for i, lab in enumerate(default_labels())
        ]
    )


@migrations()
def m002_correction(db: Database) -> None:
    """The full-text index of turns, filled for the documents already in the project."""
    create_index(db)
    for (doc_id,) in db.execute("SELECT id FROM documents").fetchall():
        index_turns(db, doc_id)


@migrations()
def m004_text_sha256(db: Database) -> None:
    """The SHA-256 of each document's text, so a dataset import finds the document it annotates.

    ``documents.sha256`` hashes the file a transcript came from; this hashes the text
    itself (UTF-8).  Rows added later get it from ``Project.find_by_text_sha256``,
    which fills in any that are missing (a text never changes, so it never goes stale).
    """
    db.execute("ALTER TABLE documents ADD COLUMN text_sha256 TEXT")
    db.execute("CREATE INDEX documents_text_sha256 ON documents (text_sha256)")


@migrations()
def m005_span_status_index(db: Database) -> None:
    """Counting a document's spans by status (the document list, after every edit) without reading rows."""
    db.execute("CREATE INDEX spans_document_status ON spans (document_id, status)")


_ORIGINS_BEFORE_REVIEW = "origin IN ('model', 'human', 'imported')"
_ORIGINS_WITH_REVIEW = "origin IN ('model', 'human', 'imported', 'adjudicated')"


@migrations()
def m006_review(db: Database) -> None:
    """Offline review (issue 11): annotators' turn layers, where each layer came from, review states, decisions.

    - ``layer_turns``: each annotator's speaker turns of a merged document (the
      document's own ``turns`` are the reviewer's gold turns).
    - ``layers``: which source (a project file or JSONL export) each annotator's
      layer of a document was merged from, so a second merge updates it in place.
    - ``reviews``: a document's review state (``reviewed`` or ``returned``), the
      comment, the reviewer.
    - ``adjudications``: the disagreements a reviewer has settled, and the choice.
    - ``spans.origin`` may be ``adjudicated``: the gold layer's spans.  SQLite cannot
      change a CHECK in place, so the table is rebuilt from its own definition
      (whatever columns later migrations added), with its indexes and triggers.
    """
    db.execute(
        """
        CREATE TABLE layer_turns (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            content_start INTEGER NOT NULL,
            speaker TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT 'other' CHECK (role IN ('interviewer', 'respondent', 'narrator', 'other')),
            time_start REAL,
            time_end REAL,
            CHECK (start <= content_start AND content_start <= "end" AND start < "end"),
            UNIQUE (document_id, annotator, start)
        )"""
    )
    db.execute(
        """
        CREATE TABLE layers (
            document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            source TEXT NOT NULL,
            merged_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            PRIMARY KEY (document_id, annotator)
        )"""
    )
    db.execute(
        """
        CREATE TABLE reviews (
            document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
            state TEXT CHECK (state IN ('reviewed', 'returned')),
            comment TEXT NOT NULL DEFAULT '',
            reviewer TEXT,
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        )"""
    )
    db.execute(
        """
        CREATE TABLE adjudications (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            reviewer TEXT NOT NULL,
            annotator_a TEXT NOT NULL,
            annotator_b TEXT NOT NULL,
            kind TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            choice TEXT NOT NULL CHECK (choice IN ('a', 'b', 'both', 'neither')),
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            UNIQUE (document_id, annotator_a, annotator_b, kind, start, "end")
        )"""
    )
    (table_sql,) = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'spans'").fetchone()
    if _ORIGINS_BEFORE_REVIEW not in table_sql:
        raise RuntimeError("m006_review: the spans table's origin CHECK is not the one it expects")
    extras = [
        sql
        for (sql,) in db.execute(
            "SELECT sql FROM sqlite_master"
            " WHERE tbl_name = 'spans' AND type IN ('index', 'trigger') AND sql IS NOT NULL"
        ).fetchall()
    ]
    rebuilt = table_sql.replace(_ORIGINS_BEFORE_REVIEW, _ORIGINS_WITH_REVIEW).replace(
        "CREATE TABLE spans", "CREATE TABLE spans_rebuilt", 1
    )
    db.execute(rebuilt)
    db.execute("INSERT INTO spans_rebuilt SELECT * FROM spans")
    db.execute("DROP TABLE spans")  # nothing references spans, so foreign keys need not be switched off
    db.execute("ALTER TABLE spans_rebuilt RENAME TO spans")
    for sql in extras:
        db.execute(sql)


@migrations()
def m007_edit_log(db: Database) -> None:
    """``edit_log``: every change applied to the project, oldest first (``storage/editlog.py``).

    ``change`` is the change as JSON (``annotation.changes.to_json``); ``text`` is what
    an undo list shows for it; ``document_id`` is empty for changes to the label schema.
    """
    db.execute(
        """
        CREATE TABLE edit_log (
            id INTEGER PRIMARY KEY,
            time TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            annotator TEXT,
            document_id TEXT,
            kind TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            change TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX edit_log_document ON edit_log (document_id, id)")


@migrations()
def m008_document_list_index(db: Database) -> None:
    """The document list in order without reading the documents' text.

    ``documents.text`` sits before ``layout``, ``confidence``, ``language`` and
    ``position`` in each row, and a long text spills into overflow pages, so
    every query that listed documents or took ``max(position)`` (each
    ``add_document``) read every text in the project: 12 ms per import at 1,000
    documents of 8 KB, growing with the project.  An index holding the listed
    columns answers both from the index alone.
    """
    db.execute(
        "CREATE INDEX documents_list ON documents"
        " (position, id, title, status, source_file, sha256, layout, confidence, language)"
    )
