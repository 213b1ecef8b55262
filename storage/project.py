"""A project: one SQLite file holding documents, their turns and every annotation layer.

``Project`` is a small facade: it opens the file (:mod:`storage.connection`), applies
changes (:mod:`storage.apply`, one transaction each, logged in the edit log) and
answers queries, each by one module per kind of data (``documents``, ``spans``,
``turns``, ``labels``, ``editlog``, ``search``).  Those modules never call back
into it.  A ``Project`` belongs to the thread that opened it (sqlite-utils' rule).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from annotation.annotator import default_annotator
from annotation.changes import Change
from annotation.model import Document, Label, Mention, Span, Speaker, Turn
from annotation.ner import MODEL_NAME
from annotation.phrases import Phrase

from . import documents, editlog, labels, spans
from .apply import apply_change
from .connection import ProjectDatabase, open_database, write
from .documents import DocumentSummary
from .editlog import EditLogEntry
from .errors import StorageError
from .rows import read_speakers, read_turns
from .search import SearchHit, index_turns
from .search import search as search_turns
from .spans import LayerResult

__all__ = ["Project", "StorageError", "DocumentSummary", "EditLogEntry", "LayerResult", "SearchHit"]


class Project:
    """The project file at ``path``.

    ``create=True`` (for ``import`` and ``open`` only) makes a new project if no file
    is there; otherwise a missing file is an error.  An older project is backed up
    (``backup`` names the copy) and migrated; a file that cannot be written opens
    read-only (``readonly``), and every write is then refused.
    """

    def __init__(self, path: str | Path, *, create: bool = False, readonly: bool = False) -> None:
        self.path = Path(path)
        self.db: ProjectDatabase
        self.db, self.backup = open_database(self.path, create=create, readonly=readonly)

    @property
    def readonly(self) -> bool:
        return self.db.readonly

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Project]:
        """Several writes as one (``BEGIN IMMEDIATE``; nested blocks are savepoints)."""
        with write(self.db):
            yield self

    # -- changes ------------------------------------------------------------------------

    def apply(self, change: Change, annotator: str | None = None) -> Change:
        """Write ``change`` in one transaction, log it, and return its exact inverse."""
        try:
            with write(self.db):
                inverse = apply_change(self.db, change)
                editlog.append(self.db, change, annotator or default_annotator())
        except sqlite3.Error as exc:  # whatever SQLite says, the caller hears one kind of refusal
            raise StorageError(Phrase(
                "{path}: the edit could not be stored ({error}); nothing was changed", path=self.path, error=str(exc)
            )) from None
        return inverse

    def edit_log(self, doc_id: str | None = None, limit: int = 500) -> list[EditLogEntry]:
        """The newest ``limit`` changes applied (all, or ``doc_id``'s and the label schema's), newest last."""
        return editlog.entries(self.db, doc_id, limit)

    # -- documents ------------------------------------------------------------------------

    def add_document(self, doc: Document, mentions: Iterable[Mention] = (), model: str = MODEL_NAME) -> str:
        """Store a new document whole (with the labels it needs) in one transaction.  Returns its id."""
        return documents.add(self.db, doc, mentions, model)

    def add_layer(self, doc_id: str, layer: Iterable[Span]) -> LayerResult:
        """Add spans to a document, each in its annotator's layer, skipping duplicates and refusing misfits."""
        return spans.add_layer(self.db, doc_id, layer)

    def load_document(self, doc_id: str) -> Document:
        return documents.load(self.db, doc_id)

    def turns(self, doc_id: str) -> list[Turn]:
        """A document's turns in order (what a turn change alters; cheaper than loading the document)."""
        return read_turns(self.db, doc_id)

    def speakers(self, doc_id: str) -> list[Speaker]:
        return read_speakers(self.db, doc_id)

    def document_ids(self) -> list[str]:
        return documents.ids(self.db)

    def summaries(self, doc_id: str | None = None) -> list[DocumentSummary]:
        """Every document's summary in list order, or just ``doc_id``'s."""
        return documents.summaries(self.db, doc_id)

    def status(self, doc_id: str) -> str:
        return documents.status(self.db, doc_id)

    def progress(self, doc_id: str) -> tuple[int, int]:
        """(accepted spans, visible spans): a document is finished when they are equal."""
        return documents.progress(self.db, doc_id)

    def next_document(self, after: str | None = None, statuses: Iterable[str] = ("new", "in_progress")) -> str | None:
        """The first document after ``after`` (wrapping around) whose status is one of ``statuses``."""
        return documents.next_document(self.db, after, statuses)

    def find_by_sha256(self, sha256: str) -> str | None:
        """The first document imported from a file with this SHA-256, or None."""
        return documents.find_by_sha256(self.db, sha256)

    def find_by_text_sha256(self, sha256: str) -> str | None:
        """The first document whose text (not source file) has this SHA-256, or None."""
        return documents.find_by_text_sha256(self.db, sha256)

    def model_output(self, doc_id: str) -> list[Mention]:
        """The model's raw output for a document, as it was, in order."""
        return spans.model_output(self.db, doc_id)

    # -- labels --------------------------------------------------------------------------

    def labels(self) -> list[Label]:
        return labels.all_labels(self.db)

    def ensure_labels(self, names: Iterable[str]) -> list[str]:
        """Add labels that spans name but the schema lacks (neutral colour).  Returns those added."""
        return labels.ensure(self.db, names)

    def label_usage(self, name: str) -> int:
        """How many spans (rejected suggestions included) have the label."""
        return labels.usage(self.db, name)

    # -- search --------------------------------------------------------------------------

    def search(self, query: str, limit: int = 200) -> list[SearchHit]:
        """Turns of all documents holding every word of ``query`` in any inflection, «ё» or «е», any case."""
        return search_turns(self.db, query, limit)

    def reindex(self, doc_id: str | None = None) -> None:
        """Rebuild the search index of one document, or of all."""
        with write(self.db):
            for did in [doc_id] if doc_id else self.document_ids():
                index_turns(self.db, did)
