"""Full-text search across documents: SQLite FTS5 over each turn's folded text and its lemmas.

``turn_text`` holds one row per turn: its speech folded (lower case, «ё» as «е»)
and the folded lemmas of its words (natasha's morphology), since FTS5 has no
Russian stemmer.  sqlite-utils' ``enable_fts`` keeps ``turn_text_fts`` in step
with it through triggers.  A query word matches a turn if the turn has the word
itself or a word with the same lemma, so «Казахстан» finds «Казахстана» and
«Журавлев» finds «Журавлёв».  Every word of the query must be in the turn.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from annotation.search import WORD, fold, lemma, lemmas

SNIPPET_BEFORE = 40
SNIPPET_AFTER = 80


@dataclass(frozen=True)
class SearchHit:
    """A turn that matches, and where the first matching word is in its document's text."""

    doc_id: str
    title: str
    turn_id: int
    turn_index: int
    start: int
    end: int
    snippet: str


def create_index(db: Database) -> None:
    """The ``turn_text`` table and its FTS5 index (called once, by a migration)."""
    db.execute(
        """
        CREATE TABLE turn_text (
            turn_id INTEGER PRIMARY KEY REFERENCES turns (id) ON DELETE CASCADE,
            document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            surface TEXT NOT NULL,
            lemmas TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX turn_text_document ON turn_text (document_id)")
    db["turn_text"].enable_fts(["surface", "lemmas"], create_triggers=True, tokenize="unicode61 remove_diacritics 0")


def index_turns(db: Database, doc_id: str, turn_ids: Iterable[int] | None = None) -> None:
    """(Re)index the speech of a document's turns, all of them or those in ``turn_ids``.

    Every imported document passes through here, so it is plain SQL: one
    ``executemany`` of an upsert (sqlite-utils' ``upsert_all`` checks and
    converts every value first); the FTS triggers see an update as a delete and
    an insert.
    """
    row = db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
    if row is None:
        return
    text = row[0]
    sql = 'SELECT id, content_start, "end" FROM turns WHERE document_id = ?'
    params: list = [doc_id]
    if turn_ids is not None:
        ids = list(turn_ids)
        if not ids:
            return
        sql += f" AND id IN ({', '.join('?' * len(ids))})"
        params += ids
    rows = []
    for turn_id, content_start, end in db.execute(sql, params).fetchall():
        speech = text[content_start:end]
        rows.append((turn_id, doc_id, fold(speech), lemmas(speech)))
    if rows:
        db.conn.executemany(
            "INSERT INTO turn_text (turn_id, document_id, surface, lemmas) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (turn_id) DO UPDATE SET surface = excluded.surface, lemmas = excluded.lemmas",
            rows,
        )


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def match_expression(query: str) -> tuple[str, set[str]] | None:
    """The FTS5 MATCH expression for ``query`` and the folded words and lemmas it looks for.

    Each word becomes ``("word" OR "lemma")``, quoted, so FTS syntax in the query
    (quotes, ``OR``, ``NEAR``, ``*``, ``-``…) is taken as plain text.
    """
    parts = []
    wanted: set[str] = set()
    for word in WORD.findall(query):
        alternatives = sorted({fold(word), lemma(word)})
        wanted.update(alternatives)
        parts.append("(" + " OR ".join(_quote(a) for a in alternatives) + ")")
    if not parts:
        return None
    return " AND ".join(parts), wanted


def first_match(text: str, start: int, end: int, wanted: set[str]) -> tuple[int, int] | None:
    """The first word in ``text[start:end]`` that is, or has the lemma of, a wanted word."""
    for match in WORD.finditer(text, start, end):
        word = match.group()
        if fold(word) in wanted or lemma(word) in wanted:
            return match.start(), match.end()
    return None


def snippet(text: str, lo: int, hi: int, start: int, end: int) -> str:
    """One line of ``text`` around ``[start, end)``, kept within ``[lo, hi)``, with «…» where it is cut."""
    left = max(lo, start - SNIPPET_BEFORE)
    right = min(hi, end + SNIPPET_AFTER)
    piece = " ".join(text[left:right].split())
    return ("…" if left > lo else "") + piece + ("…" if right < hi else "")


def search(db: Database, query: str, limit: int = 200) -> list[SearchHit]:
    """Turns of every document that hold all the words of ``query``, in document order."""
    expression = match_expression(query)
    if expression is None or limit <= 0:
        return []
    match, wanted = expression
    rows = db.execute(
        """
        SELECT t.id, t.document_id, d.title, t.start, t.content_start, t."end",
               (SELECT count(*) FROM turns p WHERE p.document_id = t.document_id AND p.start < t.start)
        FROM turn_text_fts f
        JOIN turns t ON t.id = f.rowid
        JOIN documents d ON d.id = t.document_id
        WHERE turn_text_fts MATCH ?
        ORDER BY d.position, t.start
        LIMIT ?
        """,
        [match, limit],
    ).fetchall()
    texts: dict[str, str] = {}
    hits = []
    for turn_id, doc_id, title, start, content_start, end, index in rows:
        if doc_id not in texts:
            texts[doc_id] = db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()[0]
        text = texts[doc_id]
        found = first_match(text, content_start, end, wanted)
        hit_start, hit_end = found if found else (start, start)
        hits.append(
            SearchHit(
                doc_id,
                title,
                turn_id,
                index,
                hit_start,
                hit_end,
                snippet(text, content_start, end, *(found or (content_start, content_start))),
            )
        )
    return hits
