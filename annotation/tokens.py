"""Word boundaries for selections and span edits, from razdel's tokens.

A selection snaps to the whole tokens it touches, and a span's boundary moves by
one token at a time.  razdel glues emoji to a neighbouring word («😀Казахстана»),
so runs of emoji and other pictographs are split off into tokens of their own.
Offsets are code points into ``text``; ranges are ``[start, end)``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from razdel import tokenize

# Pictographs, dingbats, variation selectors, zero-width joiners and skin tones:
# the pieces of an emoji, which are never part of a word.
_EMOJI = re.compile(r"[\u200d\u2600-\u27bf\u2b00-\u2bff\ufe0f\U0001f000-\U0001faff]+")


def _split_emoji(start: int, piece: str) -> list[tuple[int, int]]:
    if not _EMOJI.search(piece):
        return [(start, start + len(piece))]
    bounds = []
    pos = 0
    for match in _EMOJI.finditer(piece):
        if match.start() > pos:
            bounds.append((start + pos, start + match.start()))
        bounds.append((start + match.start(), start + match.end()))
        pos = match.end()
    if pos < len(piece):
        bounds.append((start + pos, start + len(piece)))
    return bounds


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every token of ``text[start:end]``, as offsets into ``text``."""
    end = len(text) if end is None else end
    found: list[tuple[int, int]] = []
    for tok in tokenize(text[start:end]):
        found.extend(_split_emoji(start + tok.start, tok.text))
    return found


def is_punctuation(piece: str) -> bool:
    """True if every character of ``piece`` is punctuation (quotes, commas, dashes, brackets…)."""
    return bool(piece) and all(unicodedata.category(ch).startswith("P") for ch in piece)


# Tokens around a position: razdel needs some context, so look at a window of text
# around it, cut at whitespace so that no token is cut in half.
_WINDOW = 200


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - _WINDOW)
    hi = min(len(text), end + _WINDOW)
    if lo > 0:
        space = _last_space(text, lo, start)
        lo = space + 1 if space is not None else 0
    if hi < len(text):
        space = _first_space(text, end, hi)
        hi = space if space is not None else len(text)
    return lo, hi


def _last_space(text: str, lo: int, hi: int) -> int | None:
    for i in range(hi - 1, lo - 1, -1):
        if text[i].isspace():
            return i
    return None


def _first_space(text: str, lo: int, hi: int) -> int | None:
    for i in range(lo, hi):
        if text[i].isspace():
            return i
    return None


def _tokens_near(text: str, start: int, end: int) -> list[tuple[int, int]]:
    lo, hi = _window(text, start, end)
    return tokens(text, lo, hi)


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Widen ``[start, end)`` to the whole tokens it touches, without outer whitespace.

    Selecting «ахстан» inside «Казахстана» gives «Казахстана».  Punctuation at either
    edge is dropped when there is a word inside («Газпром», from «"Газпром",»), but a
    selection of punctuation only is kept.  An empty selection (a caret) snaps to the
    token it is in or touches.  Returns None if the selection holds no token at all
    (only whitespace).
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    near = _tokens_near(text, start, end)
    if start == end:
        touched = [t for t in near if t[0] <= start < t[1]] or [t for t in near if t[1] == start]
    else:
        touched = [t for t in near if t[0] < end and t[1] > start]
    if not touched:
        return None
    words = [t for t in touched if not is_punctuation(text[t[0] : t[1]])]
    if words:
        touched = words
    return touched[0][0], touched[-1][1]


def next_token_end(text: str, pos: int) -> int:
    """The end of the first token that ends after ``pos``, or ``pos`` if there is none."""
    for _tok_start, tok_end in _tokens_near(text, pos, min(len(text), pos + 1)):
        if tok_end > pos:
            return tok_end
    # Only whitespace within the window: look further.
    rest = text[pos:].lstrip()
    if not rest:
        return pos
    first = len(text) - len(rest)
    return next_token_end(text, first)


def prev_token_start(text: str, pos: int) -> int:
    """The start of the last token that starts before ``pos``, or ``pos`` if there is none."""
    for tok_start, _tok_end in reversed(_tokens_near(text, max(0, pos - 1), pos)):
        if tok_start < pos:
            return tok_start
    head = text[:pos].rstrip()
    if not head:
        return pos
    return prev_token_start(text, len(head))


def grow(
    text: str,
    start: int,
    end: int,
    side: Literal["left", "right"],
    direction: Literal[1, -1],
    *,
    lo: int = 0,
    hi: int | None = None,
) -> tuple[int, int] | None:
    """Move one boundary of ``[start, end)`` by one whole token.

    ``side`` is the boundary that moves; ``direction`` +1 grows the span on that side
    (the left boundary moves left, the right one moves right) and -1 shrinks it.
    Growing never takes in a token that reaches outside ``[lo, hi)`` (pass a turn's
    ``content_start`` and ``end`` to stay in its speech).  Returns the new range, the
    same range if there is no token left to take in, or None if shrinking would
    leave the span empty.
    """
    if side not in ("left", "right") or direction not in (1, -1):
        raise ValueError(f"grow: side must be 'left' or 'right' and direction +1 or -1, not {side!r}, {direction!r}")
    hi = len(text) if hi is None else hi
    if side == "right" and direction == 1:
        new_end = next_token_end(text, end)
        return (start, new_end) if new_end <= hi else (start, end)
    if side == "left" and direction == 1:
        new_start = prev_token_start(text, start)
        return (new_start, end) if new_start >= lo else (start, end)
    inside = [t for t in _tokens_near(text, start, end) if start <= t[0] and t[1] <= end]
    if len(inside) < 2:
        return None
    if side == "right":
        return start, inside[-2][1]
    return inside[1][0], end
