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

from annotation.changes import Change
from annotation.errors import RazmetkaError
from annotation.formats.units import text_sha256
from annotation.model import (
    DOCUMENT_STATUSES,
    ROLES,
    STATUSES,
    Document,
    Label,
    Mention,
    ModelError,
    Source,
    Span,
    Speaker,
    Turn,
    check_document,
    check_span,
)
from annotation.ner import MODEL_NAME
from annotation.turns import MergedTurn, split_bounds, split_problem

from .apply import apply_change
from .migrations import migrations
from .search import SearchHit, index_turns
from .search import search as search_turns


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
    accepted: int = 0  # spans a person accepted; progress is accepted / spans

    @property
    def low_confidence(self) -> bool:
        return self.confidence < 0.5


_SPAN_FIELDS = ("start", "end", "label", "text", "normal", "origin", "status", "annotator")


def _model_row(doc_id: str, mention: Mention, model: str) -> dict:
    """A row of ``model_output``: the model's raw output, never edited."""
    m = mention
    return {
        "document_id": doc_id,
        "start": m.start,
        "end": m.end,
        "label": m.label,
        "text": m.text,
        "normal": m.normal,
        "model": model,
    }


def _span_from_row(row: dict) -> Span:
    return Span(**{k: row[k] for k in _SPAN_FIELDS}, id=row["id"])


class Project:
    """Open (creating or upgrading as needed) the project file at ``path``."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._texts: dict[str, str] = {}
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

    def apply(self, change: Change) -> Change:
        """Write ``change`` in one transaction and return its exact inverse (see :mod:`storage.apply`)."""
        with self.db.atomic():
            return apply_change(self, change)

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
            self.db["model_output"].insert_all(_model_row(doc_id, m, model) for m in mentions)
            index_turns(self.db, doc_id)
        return doc_id

    def find_by_sha256(self, sha256: str) -> str | None:
        row = self.db.execute(
            "SELECT id FROM documents WHERE sha256 = ? ORDER BY position LIMIT 1", [sha256]
        ).fetchone()
        return row[0] if row else None

    def document_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY position")]

    def summaries(self, doc_id: str | None = None) -> list[DocumentSummary]:
        """Every document's summary in list order, or just ``doc_id``'s."""
        where, params = ("WHERE d.id = ?", [doc_id]) if doc_id is not None else ("", [])
        rows = self.db.query(
            f"""
            SELECT d.id, d.title, d.status, d.source_file, d.sha256, d.layout, d.confidence, d.language,
                   (SELECT count(*) FROM turns t WHERE t.document_id = d.id) AS turns,
                   (SELECT count(*) FROM spans s WHERE s.document_id = d.id AND s.status != 'rejected') AS spans,
                   (SELECT count(*) FROM spans s WHERE s.document_id = d.id AND s.status = 'suggested') AS suggested,
                   (SELECT count(*) FROM spans s WHERE s.document_id = d.id AND s.status = 'accepted') AS accepted
            FROM documents d {where} ORDER BY d.position
            """,
            params,
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
        spans = self.spans(doc_id)
        return Document(
            text=text,
            title=title,
            id=did,
            status=status,
            metadata=json.loads(metadata),
            source=Source(source_file, sha, layout, confidence, language),
            speakers=self.speakers(doc_id),
            turns=self.turns(doc_id),
            spans=spans,
        )

    def speakers(self, doc_id: str) -> list[Speaker]:
        return [
            Speaker(r["name"], r["role"])
            for r in self.db.query(
                "SELECT name, role FROM speakers WHERE document_id = ? ORDER BY position, id", [doc_id]
            )
        ]

    def turns(self, doc_id: str) -> list[Turn]:
        """The document's turns in order, each with its id and speaker name."""
        return [
            Turn(r["start"], r["end"], r["content_start"], r["name"], r["time_start"], r["time_end"], r["id"])
            for r in self.db.query(
                'SELECT t.id, t.start, t."end", t.content_start, s.name, t.time_start, t.time_end'
                " FROM turns t JOIN speakers s ON s.id = t.speaker_id WHERE t.document_id = ? ORDER BY t.start",
                [doc_id],
            )
        ]

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

    def log_model_output(self, doc_id: str, mentions: Iterable[Mention], model: str = MODEL_NAME) -> None:
        """Keep a model run's raw output (never edited, never removed)."""
        with self.db.atomic():
            self.db["model_output"].insert_all(_model_row(doc_id, m, model or MODEL_NAME) for m in mentions)

    def spans_crossing(self, doc_id: str, offset: int) -> list[Span]:
        """Spans (rejected ones included) that cross ``offset``: what a split there would cut."""
        return self._spans_where('document_id = ? AND start < ? AND "end" > ?', [doc_id, offset, offset])

    def add_suggestions(self, doc_id: str, mentions: Iterable[Mention], model: str = MODEL_NAME) -> list[Span]:
        """Store a re-run of the model: only what it never suggested before becomes a suggestion.

        A mention already in ``model_output`` (same range and label) was suggested once,
        so whatever a person did with it — accepted, changed, rejected or deleted — stands.
        A mention a person already tagged the same way is logged but not suggested.  The
        new raw output is kept in ``model_output``; the new suggestions are returned.
        """
        seen = {
            (r[0], r[1], r[2])
            for r in self.db.execute('SELECT start, "end", label FROM model_output WHERE document_id = ?', [doc_id])
        }
        tagged = {(s.start, s.end, s.label) for s in self.spans(doc_id)}
        fresh = [m for m in mentions if (m.start, m.end, m.label) not in seen]
        suggestions = [
            Span(m.start, m.end, m.label, m.text, m.normal, "model", "suggested")
            for m in fresh
            if (m.start, m.end, m.label) not in tagged and m.text == m.text.strip()
        ]
        known = {lab.name for lab in self.labels()}
        suggestions = [s for s in suggestions if s.label in known]
        self._check_spans(doc_id, suggestions)
        added = []
        with self.db.atomic():
            self.db["model_output"].insert_all(_model_row(doc_id, m, model) for m in fresh)
            for span in suggestions:
                row = {"document_id": doc_id, **{k: getattr(span, k) for k in _SPAN_FIELDS}}
                added.append(replace(span, id=self.db["spans"].insert(row).last_pk))
        return added

    # -- span edits: each one transaction --------------------------------

    def _check_span(self, doc_id: str, span: Span) -> None:
        self._check_spans(doc_id, [span])

    def add_span(self, doc_id: str, span: Span) -> Span:
        """Store one new span (or restore a deleted one, keeping its id): ``add_spans`` for one."""
        return self.add_spans(doc_id, [span])[0]

    def spans(self, doc_id: str) -> list[Span]:
        """Every span of a document, rejected ones included, ordered by position."""
        rows = self.db.execute(
            'SELECT start, "end", label, text, normal, origin, status, annotator, id'
            ' FROM spans WHERE document_id = ? ORDER BY start, "end" DESC, id',
            [doc_id],
        )
        return [Span(*row) for row in rows]  # plain tuples: a big document has thousands

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
        """Change one span's fields (``update_spans`` for one).  Returns the span as it is now."""
        self.update_spans([(span_id, dict(changes))])
        return self.get_span(span_id)

    def delete_span(self, span_id: int) -> Span:
        """Remove one span for good and return it, so that undo can restore it."""
        return self.delete_spans([span_id])[0]

    # -- speakers ---------------------------------------------------------

    def _speaker_id(self, doc_id: str, name: str) -> int:
        row = self.db.execute("SELECT id FROM speakers WHERE document_id = ? AND name = ?", [doc_id, name]).fetchone()
        if row is None:
            raise StorageError(f"no speaker {name!r} in this document")
        return row[0]

    def set_turn_speaker(self, turn_id: int, speaker: str) -> str:
        """Give one turn another speaker of its document.  Returns the previous speaker's name."""
        ((_turn, previous),) = self.set_turn_speakers([(turn_id, speaker)])
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

    def remove_speaker(self, doc_id: str, name: str) -> None:
        """Remove a speaker that no turn uses (undo of adding one)."""
        speaker_id = self._speaker_id(doc_id, name)
        if self.db.execute("SELECT 1 FROM turns WHERE speaker_id = ?", [speaker_id]).fetchone():
            raise StorageError(f"{name!r} still has turns; give them to another speaker first")
        with self.db.atomic():
            self.db.execute("DELETE FROM speakers WHERE id = ?", [speaker_id])

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

    # -- correction workflow (issue 4) --------------------------------------
    #
    # Every write below is one transaction, committed before it returns, and gives
    # back what its undo needs:
    #
    #   split_turn(t, offset)           undone by  merge_turn(new.id)
    #   merged = merge_turn(t)          undone by  restore_split(previous_id, merged)
    #   old = set_turn_speakers(pairs)  undone by  set_turn_speakers(old)
    #   old = update_spans(changes)     undone by  update_spans(old)
    #   new = add_spans(doc, spans)     undone by  delete_spans([s.id for s in new])
    #   old = delete_spans(ids)         undone by  add_spans(doc, old)  (ids kept)
    #   old = update_label(name, lab)   undone by  update_label(lab.name, old)
    #   gone = delete_label(name, …)    undone by  restore_label(gone.label, gone.position, gone)

    def _now(self) -> str:
        return self.db.execute("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')").fetchone()[0]

    def _turn_row(self, turn_id: int) -> dict:
        rows = list(
            self.db.query(
                'SELECT t.id, t.document_id, t.start, t."end", t.content_start, t.speaker_id, s.name AS speaker,'
                " t.time_start, t.time_end FROM turns t JOIN speakers s ON s.id = t.speaker_id WHERE t.id = ?",
                [turn_id],
            )
        )
        if not rows:
            raise StorageError(f"no turn with id {turn_id}")
        return rows[0]

    @staticmethod
    def _turn_from_row(row: dict, kind: type[Turn] = Turn, **extra: object) -> Turn:
        return kind(
            row["start"],
            row["end"],
            row["content_start"],
            row["speaker"],
            row["time_start"],
            row["time_end"],
            row["id"],
            **extra,
        )

    def get_turn(self, turn_id: int) -> Turn:
        """One turn, with its speaker's name and its id."""
        return self._turn_from_row(self._turn_row(turn_id))

    def turn_document(self, turn_id: int) -> str:
        """The id of the document a turn belongs to."""
        return self._turn_row(turn_id)["document_id"]

    def _text(self, doc_id: str) -> str:
        # A document's text never changes after import (DESIGN.md), so it is safe to keep.
        text = self._texts.get(doc_id)
        if text is None:
            row = self.db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
            if row is None:
                raise StorageError(f"no document with id {doc_id!r}")
            text = self._texts[doc_id] = row[0]
        return text

    def _spans_where(self, where: str, params: list) -> list[Span]:
        return [
            _span_from_row(r)
            for r in self.db.query(
                f'SELECT id, start, "end", label, text, normal, origin, status, annotator FROM spans WHERE {where}'
                ' ORDER BY start, "end" DESC, id',
                params,
            )
        ]

    # turns

    def split_turn(self, turn_id: int, offset: int, speaker: str | None = None) -> Turn:
        """Split a turn at the code-point ``offset``; returns the new (second) turn with its id.

        The first part keeps the turn's id, start and speech start, and ends after its
        last non-space character before ``offset``; its time end becomes unknown.  The
        new turn starts (speech included) at the first non-space character at or after
        ``offset``, has the original end and time end, and ``speaker`` (by default the
        same speaker).  Refused with a message if the split would cut a visible span or
        a word, or leave one side empty (``annotation.turns.split_problem``).  A
        rejected suggestion that crosses the split is deleted, since it could no longer
        lie inside one turn.  ``merge_turn(new.id)`` undoes the split exactly.
        """
        row = self._turn_row(turn_id)
        doc_id = row["document_id"]
        turn = self._turn_from_row(row)
        text = self._text(doc_id)
        crossing = self._spans_where('document_id = ? AND start < ? AND "end" > ?', [doc_id, offset, offset])
        problem = split_problem(text, turn, offset, crossing)
        if problem:
            raise StorageError(problem)
        first_end, second_start = split_bounds(text, turn, offset)
        speaker_id = self._speaker_id(doc_id, speaker) if speaker is not None else row["speaker_id"]
        with self.db.atomic():
            if crossing:
                self.db.execute(
                    f"DELETE FROM spans WHERE id IN ({', '.join('?' * len(crossing))})", [s.id for s in crossing]
                )
            self.db.execute('UPDATE turns SET "end" = ?, time_end = NULL WHERE id = ?', [first_end, turn_id])
            new_id = (
                self.db["turns"]
                .insert(
                    {
                        "document_id": doc_id,
                        "start": second_start,
                        "end": turn.end,
                        "content_start": second_start,
                        "speaker_id": speaker_id,
                        "time_start": None,
                        "time_end": turn.time_end,
                    }
                )
                .last_pk
            )
            index_turns(self.db, doc_id, [turn_id, new_id])
        return self.get_turn(new_id)

    def merge_turn(self, turn_id: int) -> MergedTurn:
        """Merge a turn into the one before it, and return the turn removed.

        The previous turn takes this turn's end (and its time end, if it has one);
        the row is deleted.  The result is a :class:`~annotation.turns.MergedTurn`
        that also records the previous turn's former end and time end, so that
        ``restore_split(previous_id, merged)`` undoes the merge exactly.  Refused for
        the first turn of a document.
        """
        row = self._turn_row(turn_id)
        doc_id = row["document_id"]
        prev = self.db.execute(
            'SELECT id, "end", time_end FROM turns WHERE document_id = ? AND start < ? ORDER BY start DESC LIMIT 1',
            [doc_id, row["start"]],
        ).fetchone()
        if prev is None:
            raise StorageError("This is the first turn: there is no turn before it to merge it with.")
        prev_id, prev_end, prev_time_end = prev
        with self.db.atomic():
            self.db.execute(
                'UPDATE turns SET "end" = ?, time_end = coalesce(?, time_end) WHERE id = ?',
                [row["end"], row["time_end"], prev_id],
            )
            self.db.execute("DELETE FROM turns WHERE id = ?", [turn_id])
            index_turns(self.db, doc_id, [prev_id])
        return self._turn_from_row(row, MergedTurn, previous_end=prev_end, previous_time_end=prev_time_end)

    def previous_turn_id(self, turn_id: int) -> int | None:
        """The id of the turn before this one in its document, or None for the first."""
        row = self._turn_row(turn_id)
        prev = self.db.execute(
            "SELECT id FROM turns WHERE document_id = ? AND start < ? ORDER BY start DESC LIMIT 1",
            [row["document_id"], row["start"]],
        ).fetchone()
        return prev[0] if prev else None

    def restore_split(self, prev_turn_id: int, turn: Turn) -> Turn:
        """Undo ``merge_turn``: re-create ``turn`` (same id if free, range, speaker, times) out of its previous turn.

        The previous turn shrinks back to ``turn.previous_end`` and
        ``turn.previous_time_end`` when ``turn`` is a ``MergedTurn``; for a plain
        ``Turn`` it ends after its last non-space character before ``turn.start``
        and keeps its time end.  Refused if ``turn`` is not the tail of that
        previous turn or a span now crosses the boundary.
        """
        prev = self._turn_row(prev_turn_id)
        doc_id = prev["document_id"]
        text = self._text(doc_id)
        if not (prev["content_start"] < turn.start and turn.end == prev["end"]):
            raise StorageError("The turn to restore is not the end of the turn before it; nothing was changed.")
        previous_end = getattr(turn, "previous_end", None)
        if previous_end is None:
            previous_end = prev["content_start"] + len(text[prev["content_start"] : turn.start].rstrip())
        if not (prev["start"] < previous_end <= turn.start) or text[previous_end : turn.start].strip():
            raise StorageError("The turn before cannot end where it ended before the merge; nothing was changed.")
        time_end = turn.previous_time_end if isinstance(turn, MergedTurn) else prev["time_end"]
        crossing = self._spans_where(
            'document_id = ? AND start < ? AND "end" > ?', [doc_id, turn.content_start, previous_end]
        )
        if crossing:
            raise StorageError(
                f"The {crossing[0].label} span «{crossing[0].text}» crosses the place of the split: delete it first."
            )
        speaker_id = self._speaker_id(doc_id, turn.speaker)
        row = {
            "document_id": doc_id,
            "start": turn.start,
            "end": turn.end,
            "content_start": turn.content_start,
            "speaker_id": speaker_id,
            "time_start": turn.time_start,
            "time_end": turn.time_end,
        }
        if turn.id is not None and not self.db["turns"].count_where("id = ?", [turn.id]):
            row["id"] = turn.id
        with self.db.atomic():
            self.db.execute(
                'UPDATE turns SET "end" = ?, time_end = ? WHERE id = ?', [previous_end, time_end, prev_turn_id]
            )
            new_id = self.db["turns"].insert(row).last_pk
            index_turns(self.db, doc_id, [prev_turn_id, new_id])
        return self.get_turn(new_id)

    def set_turn_speakers(self, changes: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """Give turns other speakers of their documents, all at once.  Returns the previous pairs."""
        previous = []
        with self.db.atomic():
            for turn_id, name in changes:
                row = self._turn_row(turn_id)
                speaker_id = self._speaker_id(row["document_id"], name)
                previous.append((turn_id, row["speaker"]))
                self.db.execute("UPDATE turns SET speaker_id = ? WHERE id = ?", [speaker_id, turn_id])
        return previous

    # spans in bulk

    def get_spans(self, span_ids: list[int]) -> list[Span]:
        """The spans with these ids that exist, in the order given (one query per 500)."""
        found = self._spans_by_id(span_ids)
        return [found[i][1] for i in span_ids if i in found]

    def _spans_by_id(self, span_ids: list[int]) -> dict[int, tuple[str, Span]]:
        """``{id: (document id, span)}`` for the spans that exist, read in chunks."""
        found: dict[int, tuple[str, Span]] = {}
        for i in range(0, len(span_ids), 500):
            chunk = span_ids[i : i + 500]
            for r in self.db.query(
                'SELECT id, document_id, start, "end", label, text, normal, origin, status, annotator'
                f" FROM spans WHERE id IN ({', '.join('?' * len(chunk))})",
                chunk,
            ):
                found[r["id"]] = (r["document_id"], _span_from_row(r))
        return found

    def _check_spans(self, doc_id: str, spans: list[Span]) -> None:
        """``_check_span`` for many spans of one document: the text is read once, each turn by its index."""
        if not spans:
            return
        text = self._text(doc_id)
        for span in spans:
            if text[span.start : span.end] != span.text:
                raise StorageError(f"span {span.text!r} at [{span.start}, {span.end}) does not match the text")
            turn = self.db.execute(
                'SELECT content_start, "end" FROM turns WHERE document_id = ? AND start <= ?'
                " ORDER BY start DESC LIMIT 1",
                [doc_id, span.start],
            ).fetchone()
            if turn is None or not (turn[0] <= span.start and span.end <= turn[1]):
                raise StorageError(f"span {span.text!r} must lie inside one turn's speech")

    def update_spans(self, changes: list[tuple[int, dict]]) -> list[tuple[int, dict]]:
        """Change several spans at once (accept all, retag a group).  Returns the previous values.

        Each change is ``(span_id, {field: value})`` with the fields of
        ``update_span``; the result holds, for each span, the old values of the
        fields that were given, so ``update_spans(result)`` undoes it.  All or nothing.
        """
        olds = self._spans_by_id([span_id for span_id, _ in changes])
        previous: list[tuple[int, dict]] = []
        moved: dict[str, list[Span]] = {}
        labels: set[str] = set()
        for span_id, fields in changes:
            unknown = set(fields) - set(_SPAN_FIELDS)
            if unknown:
                raise StorageError(f"cannot change {', '.join(sorted(unknown))} of a span")
            if "status" in fields and fields["status"] not in STATUSES:
                raise StorageError(f"unknown span status {fields['status']!r}")
            if span_id not in olds:
                raise StorageError(f"no span with id {span_id}")
            doc_id, old = olds[span_id]
            try:
                new = replace(old, **fields)
            except ModelError as exc:
                raise StorageError(str(exc)) from None
            if (new.start, new.end, new.text) != (old.start, old.end, old.text):
                moved.setdefault(doc_id, []).append(new)
            if "label" in fields:
                labels.add(new.label)
            previous.append((span_id, {k: getattr(old, k) for k in fields}))
        for doc_id, spans in moved.items():
            self._check_spans(doc_id, spans)
        now = self._now()
        try:
            with self.db.atomic():
                self.ensure_labels(labels)
                for span_id, fields in changes:
                    if not fields:
                        continue
                    columns = ", ".join(f'"{k}" = ?' for k in fields)
                    self.db.execute(
                        f"UPDATE spans SET {columns}, updated_at = ? WHERE id = ?", [*fields.values(), now, span_id]
                    )
        except sqlite3.IntegrityError:
            raise StorageError("a change would put the same span twice in one layer; nothing was changed") from None
        return previous

    def add_spans(self, doc_id: str, spans: list[Span]) -> list[Span]:
        """Store several spans at once (propagation, or undoing ``delete_spans``: ids are kept)."""
        self._check_spans(doc_id, spans)
        added = []
        try:
            with self.db.atomic():
                self.ensure_labels(s.label for s in spans)
                for span in spans:
                    row = {"document_id": doc_id, **{k: getattr(span, k) for k in _SPAN_FIELDS}}
                    if span.id is not None:
                        row["id"] = span.id
                    added.append(replace(span, id=self.db["spans"].insert(row).last_pk))
        except sqlite3.IntegrityError:
            raise StorageError("a span is already in this layer; nothing was added") from None
        return added

    def delete_spans(self, span_ids: list[int]) -> list[Span]:
        """Remove several spans for good and return them, so that ``add_spans`` can restore them."""
        removed = [self.get_span(span_id) for span_id in span_ids]
        with self.db.atomic():
            for span_id in span_ids:
                self.db.execute("DELETE FROM spans WHERE id = ?", [span_id])
        return removed

    # labels

    def _label_row(self, name: str) -> dict:
        rows = list(
            self.db.query("SELECT name, color, hotkey, description, position FROM labels WHERE name = ?", [name])
        )
        if not rows:
            raise StorageError(f"there is no label {name!r}")
        return rows[0]

    def _check_label(self, label: Label, replacing: str | None = None) -> Label:
        name, hotkey = label.name, label.hotkey  # the name and colour rules are Label's own
        if hotkey:
            clash = self.db.execute(
                "SELECT name FROM labels WHERE hotkey = ? AND name != ?", [hotkey, replacing or ""]
            ).fetchone()
            if clash:
                raise StorageError(f"hotkey {hotkey} already belongs to {clash[0]}")
        if name != replacing and self.db["labels"].count_where("name = ?", [name]):
            raise StorageError(f"there is already a label {name!r}")
        return label

    def label_position(self, name: str) -> int:
        return self._label_row(name)["position"]

    def add_label(self, label: Label, position: int | None = None) -> Label:
        """Add a label to the schema (at the end unless ``position`` is given).  Returns it as stored."""
        with self.db.atomic():
            label = self._check_label(label)
            if position is None:
                position = self.db.execute("SELECT ifnull(max(position), -1) + 1 FROM labels").fetchone()[0]
            self.db["labels"].insert({**_label_dict(label), "position": position})
        return label

    def update_label(self, name: str, label: Label) -> Label:
        """Change a label's name, colour, hotkey or description; returns the label as it was.

        A new name carries over to every span that has the label (the foreign key
        cascades).  Hotkeys are unique among labels ('' means none).
        """
        with self.db.atomic():
            old = self._label_row(name)
            label = self._check_label(label, replacing=name)
            self.db.execute(
                "UPDATE labels SET name = ?, color = ?, hotkey = ?, description = ? WHERE name = ?",
                [label.name, label.color, label.hotkey, label.description, name],
            )
        return Label(old["name"], old["color"], old["hotkey"], old["description"])

    def label_usage(self, name: str) -> int:
        """How many spans (rejected suggestions included) have the label."""
        self._label_row(name)
        return self.db["spans"].count_where("label = ?", [name])

    def delete_label(self, name: str, spans: str = "refuse", relabel_to: str | None = None) -> RemovedSpans:
        """Remove a label from the schema, deciding what happens to its spans.

        ``spans`` is ``"refuse"`` (the default: refused if any span has the label),
        ``"delete"`` (its spans are deleted) or ``"relabel"`` (they get
        ``relabel_to``; one that would then duplicate a span in its layer is deleted
        instead).  Returns the spans as they were, in a list that also knows the
        label, its position and each span's document, for ``restore_label``.
        """
        if spans not in ("refuse", "delete", "relabel"):
            raise StorageError(f"unknown choice {spans!r} for the spans of a deleted label")
        row = self._label_row(name)
        if spans == "relabel":
            if relabel_to is None or relabel_to == name:
                raise StorageError("choose another label to move the spans to")
            self._label_row(relabel_to)
        used = self.label_usage(name)
        if spans == "refuse" and used:
            raise StorageError(f"{used} span(s) have the label {name}: delete them or move them to another label")
        removed = RemovedSpans(Label(row["name"], row["color"], row["hotkey"], row["description"]), row["position"])
        with self.db.atomic():
            for doc_id, span in self._label_spans(name):
                removed.append(span)
                removed.documents[span.id] = doc_id
                if spans == "relabel":
                    clash = self.db.execute(
                        "SELECT 1 FROM spans WHERE document_id = ? AND ifnull(annotator, '') = ifnull(?, '')"
                        ' AND start = ? AND "end" = ? AND label = ?',
                        [doc_id, span.annotator, span.start, span.end, relabel_to],
                    ).fetchone()
                    if not clash:
                        self.db.execute("UPDATE spans SET label = ? WHERE id = ?", [relabel_to, span.id])
                        continue
                self.db.execute("DELETE FROM spans WHERE id = ?", [span.id])
            self.db.execute("DELETE FROM labels WHERE name = ?", [name])
        return removed

    def _label_spans(self, name: str) -> list[tuple[str, Span]]:
        return [
            (r["document_id"], _span_from_row(r))
            for r in self.db.query(
                'SELECT id, document_id, start, "end", label, text, normal, origin, status, annotator'
                " FROM spans WHERE label = ? ORDER BY document_id, start, id",
                [name],
            )
        ]

    def restore_label(self, label: Label, position: int, spans: Iterable[Span] = ()) -> None:
        """Undo ``delete_label``: put the label back at ``position`` and its spans back as they were.

        ``spans`` is what ``delete_label`` returned: relabelled spans get the label
        back, deleted ones are stored again with their ids.
        """
        documents = getattr(spans, "documents", {})
        with self.db.atomic():
            self.add_label(label, position)
            for span in spans:
                if self.db["spans"].count_where("id = ?", [span.id]):
                    self.db.execute("UPDATE spans SET label = ? WHERE id = ?", [span.label, span.id])
                elif span.id in documents:
                    row = {
                        "document_id": documents[span.id],
                        "id": span.id,
                        **{k: getattr(span, k) for k in _SPAN_FIELDS},
                    }
                    self.db["spans"].insert(row)
                else:
                    raise StorageError(f"cannot tell which document the span {span.text!r} belongs to")

    def reorder_labels(self, names: list[str]) -> list[str]:
        """Put the labels in this order (names not given keep theirs, after).  Returns the previous order."""
        before = [lab.name for lab in self.labels()]
        if set(names) - set(before):
            raise StorageError(f"there is no label {sorted(set(names) - set(before))[0]!r}")
        order = list(names) + [n for n in before if n not in names]
        with self.db.atomic():
            for i, n in enumerate(order):
                self.db.execute("UPDATE labels SET position = ? WHERE name = ?", [i, n])
        return before

    # document status

    def progress(self, doc_id: str) -> tuple[int, int]:
        """(accepted spans, visible spans): a document is finished when they are equal."""
        self._text(doc_id)
        accepted, visible = self.db.execute(
            "SELECT ifnull(sum(status = 'accepted'), 0), ifnull(sum(status != 'rejected'), 0)"
            " FROM spans WHERE document_id = ?",
            [doc_id],
        ).fetchone()
        return accepted, visible

    def status(self, doc_id: str) -> str:
        row = self.db.execute("SELECT status FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise StorageError(f"no document with id {doc_id!r}")
        return row[0]

    def mark_in_progress_if_new(self, doc_id: str) -> bool:
        """Move a new document to in progress (on its first edit).  True if it changed."""
        with self.db.atomic():
            changed = self.db.execute(
                "UPDATE documents SET status = 'in_progress', updated_at = ? WHERE id = ? AND status = 'new'",
                [self._now(), doc_id],
            ).rowcount
        return changed > 0

    def next_document(self, after: str | None = None, statuses: Iterable[str] = ("new", "in_progress")) -> str | None:
        """The first document after ``after`` (wrapping around) whose status is one of ``statuses``."""
        wanted = set(statuses)
        rows = [(r[0], r[1]) for r in self.db.execute("SELECT id, status FROM documents ORDER BY position")]
        ids = [r[0] for r in rows]
        start = ids.index(after) + 1 if after in ids else 0
        for doc_id, status in rows[start:] + rows[:start]:
            if status in wanted and doc_id != after:
                return doc_id
        return None

    # search

    def search(self, query: str, limit: int = 200) -> list[SearchHit]:
        """Turns of all documents holding every word of ``query`` in any inflection, «ё» or «е», any case."""
        return search_turns(self.db, query, limit)

    def reindex(self, doc_id: str | None = None) -> None:
        """Rebuild the search index of one document, or of all."""
        with self.db.atomic():
            for did in [doc_id] if doc_id else self.document_ids():
                index_turns(self.db, did)

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




def _label_dict(label: Label) -> dict:
    return {"name": label.name, "color": label.color, "hotkey": label.hotkey, "description": label.description}


class RemovedSpans(list):
    """The spans ``delete_label`` removed or relabelled, as they were, with what ``restore_label`` needs."""

    def __init__(self, label: Label, position: int) -> None:
        super().__init__()
        self.label = label
        self.position = position
        self.documents: dict[int, str] = {}


@dataclass
class LayerResult:
    """What :meth:`Project.add_layer` did with each span."""

    added: list[Span] = field(default_factory=list)
    duplicates: int = 0  # already in the layer
    refused: list[str] = field(default_factory=list)  # why each refused span does not fit
