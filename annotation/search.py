"""Search text the way a Russian reader expects: case-insensitive, «ё» as «е», any inflection.

:func:`fold` and :func:`find_all` serve the in-document search (Ctrl+F).
:func:`lemmas` turns text into natasha's (pymorphy's) dictionary forms, which
storage indexes beside the folded surface text for the search across documents,
since SQLite's FTS5 has no Russian stemmer.
"""

from __future__ import annotations

import re
import threading

# A word as SQLite's unicode61 tokenizer sees one: a run of letters and digits.
WORD = re.compile(r"[^\W_]+")


def _fold_char(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


def fold(text: str) -> str:
    """Lower case with «ё» as «е», the same length as ``text`` so offsets stay valid."""
    low = text.lower()
    if len(low) != len(text):  # a few characters (such as «İ») lower into two
        low = "".join(_fold_char(ch) for ch in text)
    return low.replace("ё", "е")


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Every ``[start, end)`` where ``query`` occurs in ``text``, ignoring case and ё/е.

    Hits do not overlap; they are found left to right.
    """
    if not query:
        return []
    haystack, needle = fold(text), fold(query)
    hits = []
    pos = haystack.find(needle)
    while pos != -1:
        hits.append((pos, pos + len(needle)))
        pos = haystack.find(needle, pos + len(needle))
    return hits


class Lemmatizer:
    """Word form → folded dictionary form, through natasha's MorphVocab, cached per form."""

    def __init__(self, vocab=None) -> None:
        self._vocab = vocab
        self._cache: dict[str, str] = {}
        self._lock = threading.Lock()

    def _morph(self):
        if self._vocab is None:
            with self._lock:
                if self._vocab is None:
                    from .ner import shared_model

                    self._vocab = shared_model().morph_vocab()
        return self._vocab

    def lemma(self, word: str) -> str:
        """The folded lemma of one word (letters and digits only)."""
        key = word.lower()
        found = self._cache.get(key)
        if found is None:
            if key.isdigit() or not key.isalpha():
                found = fold(key)
            else:
                parses = self._morph().parse(key)
                found = fold(parses[0].normal_form if parses else key)
            self._cache[key] = found
        return found

    def lemmas(self, text: str) -> str:
        """The folded lemmas of the words of ``text``, joined by spaces.

        This runs over every turn of every imported document, so the common case,
        a word form seen before (in any document), is one dictionary look-up.
        """
        cache = self._cache
        keys = [word.lower() for word in WORD.findall(text)]
        found = [cache.get(key) for key in keys]
        if None in found:
            found = [self.lemma(key) if lemma is None else lemma for key, lemma in zip(keys, found, strict=True)]
        return " ".join(found)  # type: ignore[arg-type]


_shared = Lemmatizer()


def lemma(word: str) -> str:
    """The folded dictionary form of one word: «Казахстана» → «казахстан», «Журавлёв» → «журавлев»."""
    return _shared.lemma(word)


def lemmas(text: str) -> str:
    """The folded lemmas of the words of ``text``, joined by spaces, for a full-text index."""
    return _shared.lemmas(text)


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The ``[start, end)`` of each word (run of letters and digits) in ``text[start:end]``."""
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in WORD.finditer(text, start, end)]
