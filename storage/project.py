"""A project: one SQLite file holding documents, their turns and every annotation layer.

Every public method that writes is one unit of work in ``db.atomic()``, committed
before it returns, so an edit the UI reports as done survives a crash.  A
``Project`` belongs to the thread that opened it (sqlite-utils' rule).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlite_utils import Database

from annotation.errors import RazmetkaError
from annotation.formats.units import text_sha256
from annotation.model import (
    DOCUMENT_STATUSES,
    ROLES,
    STATUSES,
    Document,
    Label,
    ModelError,
    Source,
    Span,
    Speaker,
    Turn,
    check_document,
    check_span,
)
from annotation.ner import MODEL_NAME, Mention

from .migrations import migrations


class StorageError(RazmetkaError):
    """The project file cannot be opened or an edit cannot be stored."""


@dataclass
class DocumentSummary:
    id: str
    title: str
    status: str
    turns: int
    spans: int
    suggested: int
    source_file: str
    sha256: str
    layout: str
    confidence: float
    language: str

    @property
    def low_confidence(self) -> bool:
        return self.confidence < 0.5


_SPAN_FIELDS = ("start", "end", "label", "text", "normal", "origin", "status", "annotator")


def _span_from_row(row: dict) -> Span:
    return Span(**{k: row[k] for k in _SPAN_FIELDS}, id=row["id"])


class Project:
    """Open (creating or upgrading as needed) the project file at ``path``."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = Database(self.path)
            self.db.execute("PRAGMA busy_timeout = 5000")
            self.db.enable_wal()
            self.db.execute("PRAGMA foreign_keys = ON")
            migrations.apply(self.db)
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"{self.path}: not a Razmetka project ({exc})") from None
        except OSError as exc:
            raise StorageError(f"{self.path}: cannot open the project ({exc.strerror or exc})") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- labels -----------------------------------------------------------

    def labels(self) -> list[Label]:
        rows = self.db.query("SELECT name, color, hotkey, description FROM labels ORDER BY position, name")
        return [Label(**row) for row in rows]

    def ensure_labels(self, names: Iterable[str]) -> None:
        """Add labels that spans name but the schema lacks, with a neutral colour."""
        known = {lab.name for lab in self.labels()}
        missing = sorted(set(names) - known)
        if missing:
            with self.db.atomic():
                start = len(known)
                self.db["labels"].insert_all(
                    {"name": n, "color": "#9e9e9e", "position": start + i} for i, n in enumerate(missing)
                )

    # -- documents --------------------------------------------------------

    def add_document(self, doc: Document, mentions: Iterable[Mention] = (), model: str = MODEL_NAME) -> str:
        """Store a new document with its speakers, turns, spans and the model's raw output.

        One transaction: either all of it is written or none of it.  Returns the id.
        """
        try:
            check_document(doc)
        except ModelError as exc:
            raise StorageError(f"{doc.source.file or doc.title}: {exc}") from None
        doc_id = doc.id or uuid.uuid4().hex[:12]
        if self.db["documents"].count_where("id = ?", [doc_id]):
            doc_id = uuid.uuid4().hex[:12]
        self.ensure_labels(s.label for s in doc.spans)
        with self.db.atomic():
            position = self.db.execute("SELECT ifnull(max(position), 0) + 1 FROM documents").fetchone()[0]
            self.db["documents"].insert(
                {
                    "id": doc_id,
                    "title": doc.title,
                    "status": doc.status,
                    "text": doc.text,
                    "metadata": json.dumps(doc.metadata, ensure_ascii=False),
                    "source_file": doc.source.file,
                    "sha256": doc.source.sha256,
                    "layout": doc.source.layout,
                    "confidence": doc.source.confidence,
                    "language": doc.source.language,
                    "position": position,
                }
            )
            speaker_ids = {}
            for i, speaker in enumerate(doc.speakers):
                speaker_ids[speaker.name] = (
                    self.db["speakers"]
                    .insert({"document_id": doc_id, "name": speaker.name, "role": speaker.role, "position": i})
                    .last_pk
                )
            self.db["turns"].insert_all(
                {
                    "document_id": doc_id,
                    "start": t.start,
                    "end": t.end,
                    "content_start": t.content_start,
                    "speaker_id": speaker_ids[t.speaker],
                    "time_start": t.time_start,
                    "time_end": t.time_end,
                }
                for t in doc.turns
            )
            self.db["spans"].insert_all(
                {"document_id": doc_id, **{k: getattr(s, k) for k in _SPAN_FIELDS}} for s in doc.spans
            )
            self.db["model_output"].insert_all(
                {
                    "document_id": doc_id,
                    "start": m.start,
                    "end": m.end,
                    "label": m.label,
                    "text": m.text,
                    "normal": m.normal,
                    "model": model,
                }
                for m in mentions
            )
        return doc_id

    def find_by_sha256(self, sha256: str) -> str | None:
        row = self.db.execute(
            "SELECT id FROM documents WHERE sha256 = ? ORDER BY position LIMIT 1", [sha256]
        ).fetchone()
        return row[0] if row else None

    def document_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY position")]

    def summaries(self) -> list[DocumentSummary]:
        rows = self.db.query(
            """
            SELECT d.id, d.title, d.status, d.source_file, d.sha256, d.layout, d.confidence, d.language,
                   (SELECT count(*) FROM turns t WHERE t.document_id = d.id) AS turns,
                   (SELECT count(*) FROM spans s WHERE s.document_id = d.id AND s.status != 'rejected') AS spans,
                   (SELECT count(*) FROM spans s WHERE s.document_id = d.id AND s.status = 'suggested') AS suggested
            FROM documents d ORDER BY d.position
            """
        )
        return [DocumentSummary(**row) for row in rows]

    def load_document(self, doc_id: str) -> Document:
        row = self.db.execute(
            "SELECT id, title, status, text, metadata, source_file, sha256, layout, confidence, language"
            " FROM documents WHERE id = ?",
            [doc_id],
        ).fetchone()
        if row is None:
            raise StorageError(f"{self.path}: no document with id {doc_id!r}")
        (did, title, status, text, metadata, source_file, sha, layout, confidence, language) = row
        speakers = {}
        for s in self.db.query(
            "SELECT id, name, role FROM speakers WHERE document_id = ? ORDER BY position, id", [doc_id]
        ):
            speakers[s["id"]] = Speaker(s["name"], s["role"])
        turns = [
            Turn(
                r["start"],
                r["end"],
                r["content_start"],
                speakers[r["speaker_id"]].name,
                r["time_start"],
                r["time_end"],
                r["id"],
            )
            for r in self.db.query(
                'SELECT id, start, "end", content_start, speaker_id, time_start, time_end'
                " FROM turns WHERE document_id = ? ORDER BY start",
                [doc_id],
            )
        ]
        spans = self.spans(doc_id)
        return Document(
            text=text,
            title=title,
            id=did,
            status=status,
            metadata=json.loads(metadata),
            source=Source(source_file, sha, layout, confidence, language),
            speakers=list(speakers.values()),
            turns=turns,
            spans=spans,
        )

    def set_status(self, doc_id: str, status: str) -> None:
        if status not in DOCUMENT_STATUSES:
            raise StorageError(f"unknown document status {status!r}")
        with self.db.atomic():
            self.db.execute(
                "UPDATE documents SET status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
                [status, doc_id],
            )

    def model_output(self, doc_id: str) -> list[Mention]:
        return [
            Mention(r["start"], r["end"], r["label"], r["text"], r["normal"])
            for r in self.db.query(
                'SELECT start, "end", label, text, normal FROM model_output WHERE document_id = ? ORDER BY start',
                [doc_id],
            )
        ]

    # -- span edits: each one transaction --------------------------------

    def _check_span(self, doc_id: str, span: Span) -> None:
        row = self.db.execute(
            "SELECT substr(d.text, ? + 1, ?) FROM documents d WHERE d.id = ?",
            [span.start, span.end - span.start, doc_id],
        ).fetchone()
        if row is None:
            raise StorageError(f"no document with id {doc_id!r}")
        if row[0] != span.text:
            raise StorageError(f"span {span.text!r} at [{span.start}, {span.end}) does not match the text")
        inside = self.db.execute(
            'SELECT 1 FROM turns WHERE document_id = ? AND content_start <= ? AND ? <= "end"',
            [doc_id, span.start, span.end],
        ).fetchone()
        if inside is None:
            raise StorageError(f"span {span.text!r} must lie inside one turn's speech")

    def add_span(self, doc_id: str, span: Span) -> Span:
        """Store a new span (or restore a deleted one, keeping its id).  Returns it with its id."""
        self._check_span(doc_id, span)
        self.ensure_labels([span.label])
        row = {"document_id": doc_id, **{k: getattr(span, k) for k in _SPAN_FIELDS}}
        if span.id is not None:
            row["id"] = span.id
        try:
            with self.db.atomic():
                pk = self.db["spans"].insert(row).last_pk
        except sqlite3.IntegrityError:
            raise StorageError(
                f"{span.label} {span.text!r} at [{span.start}, {span.end}) is already in this layer"
            ) from None
        return replace(span, id=pk)

    def spans(self, doc_id: str) -> list[Span]:
        """Every span of a document, rejected ones included, ordered by position."""
        return [
            _span_from_row(r)
            for r in self.db.query(
                'SELECT id, start, "end", label, text, normal, origin, status, annotator'
                ' FROM spans WHERE document_id = ? ORDER BY start, "end" DESC, id',
                [doc_id],
            )
        ]

    def get_span(self, span_id: int) -> Span:
        rows = list(
            self.db.query(
                'SELECT id, start, "end", label, text, normal, origin, status, annotator FROM spans WHERE id = ?',
                [span_id],
            )
        )
        if not rows:
            raise StorageError(f"no span with id {span_id}")
        return _span_from_row(rows[0])

    def update_span(self, span_id: int, **changes: object) -> Span:
        """Change a span's label, status, annotator, normal form or range.  Returns the new span."""
        unknown = set(changes) - set(_SPAN_FIELDS)
        if unknown:
            raise StorageError(f"cannot change {', '.join(sorted(unknown))} of a span")
        if "status" in changes and changes["status"] not in STATUSES:
            raise StorageError(f"unknown span status {changes['status']!r}")
        old = self.get_span(span_id)
        try:
            new = replace(old, **changes)
        except ModelError as exc:
            raise StorageError(str(exc)) from None
        doc_id = self.db.execute("SELECT document_id FROM spans WHERE id = ?", [span_id]).fetchone()[0]
        if (new.start, new.end, new.text) != (old.start, old.end, old.text):
            self._check_span(doc_id, new)
        if "label" in changes:
            self.ensure_labels([new.label])
        try:
            with self.db.atomic():
                self.db["spans"].update(
                    span_id,
                    {
                        **{k: getattr(new, k) for k in _SPAN_FIELDS},
                        "updated_at": self.db.execute("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')").fetchone()[0],
                    },
                )
        except sqlite3.IntegrityError:
            raise StorageError(
                f"{new.label} {new.text!r} at [{new.start}, {new.end}) is already in this layer"
            ) from None
        return new

    def delete_span(self, span_id: int) -> Span:
        """Remove a span for good and return it, so that undo can restore it."""
        old = self.get_span(span_id)
        with self.db.atomic():
            self.db.execute("DELETE FROM spans WHERE id = ?", [span_id])
        return old

    # -- speakers ---------------------------------------------------------

    def _speaker_id(self, doc_id: str, name: str) -> int:
        row = self.db.execute("SELECT id FROM speakers WHERE document_id = ? AND name = ?", [doc_id, name]).fetchone()
        if row is None:
            raise StorageError(f"no speaker {name!r} in this document")
        return row[0]

    def set_turn_speaker(self, turn_id: int, speaker: str) -> str:
        """Give a turn another speaker of its document.  Returns the previous speaker's name."""
        row = self.db.execute(
            "SELECT t.document_id, s.name FROM turns t JOIN speakers s ON s.id = t.speaker_id WHERE t.id = ?",
            [turn_id],
        ).fetchone()
        if row is None:
            raise StorageError(f"no turn with id {turn_id}")
        doc_id, previous = row
        speaker_id = self._speaker_id(doc_id, speaker)
        with self.db.atomic():
            self.db.execute("UPDATE turns SET speaker_id = ? WHERE id = ?", [speaker_id, turn_id])
        return previous

    def add_speaker(self, doc_id: str, speaker: Speaker) -> None:
        try:
            with self.db.atomic():
                position = self.db.execute(
                    "SELECT ifnull(max(position), -1) + 1 FROM speakers WHERE document_id = ?", [doc_id]
                ).fetchone()[0]
                self.db["speakers"].insert(
                    {"document_id": doc_id, "name": speaker.name, "role": speaker.role, "position": position}
                )
        except sqlite3.IntegrityError:
            raise StorageError(f"there is already a speaker named {speaker.name!r}") from None

    def update_speaker(self, doc_id: str, name: str, *, new_name: str | None = None, role: str | None = None) -> None:
        """Rename a speaker everywhere and/or change its role."""
        speaker_id = self._speaker_id(doc_id, name)
        changes: dict[str, str] = {}
        if new_name is not None and new_name != name:
            if not new_name.strip():
                raise StorageError("a speaker needs a name")
            changes["name"] = new_name.strip()
        if role is not None:
            if role not in ROLES:
                raise StorageError(f"unknown role {role!r}")
            changes["role"] = role
        if not changes:
            return
        try:
            with self.db.atomic():
                self.db["speakers"].update(speaker_id, changes)
        except sqlite3.IntegrityError:
            raise StorageError(f"there is already a speaker named {new_name!r}") from None

    # -- dataset layers (issue 5) --

    def _fill_text_hashes(self) -> None:
        rows = self.db.execute("SELECT id, text FROM documents WHERE text_sha256 IS NULL").fetchall()
        if rows:
            with self.db.atomic():
                self.db.conn.executemany(
                    "UPDATE documents SET text_sha256 = ? WHERE id = ?", [(text_sha256(text), i) for i, text in rows]
                )

    def find_by_text_sha256(self, sha256: str) -> str | None:
        """The first document whose text (not source file) has this SHA-256, or None."""
        self._fill_text_hashes()
        row = self.db.execute(
            "SELECT id FROM documents WHERE text_sha256 = ? ORDER BY position LIMIT 1", [sha256]
        ).fetchone()
        return row[0] if row else None

    def add_layer(self, doc_id: str, spans: Iterable[Span]) -> LayerResult:
        """Add spans to an existing document in one transaction, each keeping its own annotator.

        A span already in its annotator's layer is skipped; a span that does not match
        the text or does not lie inside one turn's speech is refused (and reported).
        """
        doc = self.load_document(doc_id)
        existing = {(s.annotator or "", s.start, s.end, s.label) for s in doc.spans}
        result = LayerResult()
        for span in spans:
            key = (span.annotator or "", span.start, span.end, span.label)
            if key in existing:
                result.duplicates += 1
                continue
            try:
                check_span(doc, span)
            except ModelError as exc:
                result.refused.append(f"{span.label} {span.text!r} at [{span.start}, {span.end}): {exc}")
                continue
            existing.add(key)
            result.added.append(replace(span, id=None))
        self.ensure_labels(s.label for s in result.added)
        with self.db.atomic():
            self.db["spans"].insert_all(
                {"document_id": doc_id, **{k: getattr(s, k) for k in _SPAN_FIELDS}} for s in result.added
            )
        return result


@dataclass
class LayerResult:
    """What :meth:`Project.add_layer` did with each span."""

    added: list[Span] = field(default_factory=list)
    duplicates: int = 0  # already in the layer
    refused: list[str] = field(default_factory=list)  # why each refused span does not fit
