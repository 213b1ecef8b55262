"""Tokens, sentences and IOB2 tags for the token formats (CoNLL, Hugging Face).

Tokens and sentences come from razdel.  Two adjustments keep every span exact:
a token is split where a span begins or ends inside it (``Касым`` in
``Касым-Жомарта``), and sentences that a span runs across are joined.  Token
formats cannot hold nested or overlapping spans, so :func:`outermost` keeps the
outermost ones and counts the others by reason.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from razdel import sentenize
from razdel.segmenters.punct import DASHES
from razdel.segmenters.tokenize import ATOM, INT, LAT, OTHER, PUNCT, RU, Atom, TokenSplit
from razdel.segmenters.tokenize import tokenize as _razdel_tokenize

from ..model import Span

NESTED = "nested inside a longer span"
SAME_RANGE = "same text as a span with another label"
CROSSING = "overlaps an earlier span without nesting in it"

_WORDS = (RU, LAT, INT)
_JOINERS = set(DASHES) | {"_"}  # razdel's dash and underscore rules join words across these
_NUMBER_SEPARATORS = set(".,/\\")  # its float and fraction rules join digits across these


def outermost(spans: Iterable[Span], label_order: list[str] | None = None) -> tuple[list[Span], Counter[str]]:
    """The spans no other span contains or overlaps from the left, and the rest counted by reason.

    Identical (start, end, label) spans from several annotators count once.  Of spans
    on the same text with different labels, the label first in ``label_order`` stays.
    """
    rank = {name: i for i, name in enumerate(label_order or [])}
    unique = {(s.start, s.end, s.label): s for s in spans}
    ordered = sorted(unique.values(), key=lambda s: (s.start, -s.end, rank.get(s.label, len(rank)), s.label))
    kept: list[Span] = []
    dropped: Counter[str] = Counter()
    for span in ordered:
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
        elif (span.start, span.end) == (kept[-1].start, kept[-1].end):
            dropped[SAME_RANGE] += 1
        elif span.end <= kept[-1].end:
            dropped[NESTED] += 1
        else:
            dropped[CROSSING] += 1
    return kept, dropped


def sentences(text: str, spans: list[Span]) -> list[list[tuple[int, int]]]:
    """Token offsets of ``text``, grouped by sentence, split at every span boundary.

    ``spans`` must not overlap (pass the outermost ones).
    """
    bounds = sorted({s.start for s in spans} | {s.end for s in spans})
    ranges: list[tuple[int, int]] = [(s.start, s.stop) for s in sentenize(text) if s.text.strip()]
    merged = merge_crossed(ranges, spans)
    result = []
    for start, end in merged:
        tokens: list[tuple[int, int]] = []
        b = bisect_right(bounds, start)
        for t_start, t_stop in razdel_tokens(text[start:end]):
            # razdel's atoms are runs of non-space, so a token never holds whitespace (a column format cannot).
            t_start += start
            t_stop += start
            while b < len(bounds) and bounds[b] <= t_start:
                b += 1
            if b < len(bounds) and bounds[b] < t_stop:
                tokens.extend(_split_at(t_start, t_stop, bounds))
            else:
                tokens.append((t_start, t_stop))
        if tokens:
            result.append(tokens)
    return result


def _may_join(left: tuple, right: tuple) -> bool:
    """False where none of razdel's token rules can join two touching atoms (type, text), so they split.

    Exactly razdel's rules (dash, underscore, float, fraction, punct, other, yahoo),
    read for the common pairs: two word atoms, or a word atom and punctuation that
    is no dash, underscore, or a float's or fraction's separator between digits.
    """
    lt, ltext = left
    rt, rtext = right
    if lt == OTHER or rt == OTHER:
        return True
    if lt in _WORDS and rt in _WORDS:
        return False
    if lt in _WORDS and rt == PUNCT:
        return (
            rtext in _JOINERS
            or (lt == INT and rtext in _NUMBER_SEPARATORS)
            or (ltext.lower() == "yahoo" and rtext == "!")
        )
    if lt == PUNCT and rt in _WORDS:
        return ltext in _JOINERS or (rt == INT and ltext in _NUMBER_SEPARATORS)
    return True


def razdel_tokens(text: str) -> list[tuple[int, int]]:
    """razdel's tokens of ``text`` as (start, stop), exactly as ``razdel.tokenize`` gives them, faster.

    razdel cuts text into atoms (runs of Cyrillic or Latin letters, digits, single
    punctuation or other characters) and asks its rules whether to join each pair of
    neighbouring atoms.  Whitespace between two atoms always separates them, and most
    touching pairs (a word and a comma) are ones no rule can join (:func:`_may_join`);
    only the rest are put to razdel's own rules, with razdel's own window of three
    atoms each side.  A test compares it with ``razdel.tokenize`` on the sample and on fuzz.
    """
    matches = list(ATOM.finditer(text))
    if not matches:
        return []
    bounds = [m.span() for m in matches]
    made: dict[int, Atom] = {}

    def atom(i: int) -> Atom:
        found = made.get(i)
        if found is None:
            m = matches[i]
            found = made[i] = Atom(m.start(), m.end(), m.lastgroup, m.group())
        return found

    tokens: list[tuple[int, int]] = []
    start, stop = bounds[0]
    for i in range(1, len(bounds)):
        a_start, a_stop = bounds[i]
        if a_start == stop:
            left, right = matches[i - 1], matches[i]
            if _may_join((left.lastgroup, left.group()), (right.lastgroup, right.group())):
                split = TokenSplit(
                    [atom(j) for j in range(max(0, i - 3), i)],
                    "",
                    [atom(j) for j in range(i, min(len(bounds), i + 3))],
                )
                split.buffer = text[start:stop]
                if _razdel_tokenize.join(split):
                    stop = a_stop
                    continue
        tokens.append((start, stop))
        start, stop = a_start, a_stop
    tokens.append((start, stop))
    return tokens


def merge_crossed(ranges: list[tuple[int, int]], spans: Iterable[Span]) -> list[tuple[int, int]]:
    """Join neighbouring ranges (sentences, paragraphs) that a span runs across, so every span lies in one."""
    starts = [r[0] for r in ranges]
    join_after = [False] * len(ranges)
    for span in spans:
        first = max(bisect_right(starts, span.start) - 1, 0)
        last = max(bisect_right(starts, span.end - 1) - 1, 0)
        for i in range(first, last):
            join_after[i] = True
    merged: list[tuple[int, int]] = []
    for i, (start, end) in enumerate(ranges):
        if merged and join_after[i - 1]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _split_at(start: int, end: int, bounds: list[int]) -> list[tuple[int, int]]:
    i = bisect_right(bounds, start)
    cuts = []
    while i < len(bounds) and bounds[i] < end:
        cuts.append(bounds[i])
        i += 1
    if not cuts:
        return [(start, end)]
    edges = [start, *cuts, end]
    return list(zip(edges, edges[1:], strict=False))


def iob2(tokens: list[tuple[int, int]], spans: list[Span]) -> list[str]:
    """IOB2 tags for ``tokens`` from non-overlapping ``spans`` whose edges are token edges."""
    tags = ["O"] * len(tokens)
    starts = [t[0] for t in tokens]
    for span in spans:
        first = bisect_right(starts, span.start) - 1
        if first < 0 or tokens[first][0] != span.start:
            continue
        i = first
        while i < len(tokens) and tokens[i][1] <= span.end:
            tags[i] = ("B-" if i == first else "I-") + span.label
            i += 1
    return tags


def spans_from_tags(tokens: list[tuple[int, int]], tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) from IOB2 tags (IOB1's I- after another label starts a span too)."""
    found: list[tuple[int, int, str]] = []
    current: list | None = None
    for (start, end), tag in zip(tokens, tags, strict=True):
        prefix, _, label = tag.partition("-")
        if prefix == "B" or (prefix == "I" and (current is None or current[2] != label)):
            if current:
                found.append(tuple(current))  # type: ignore[arg-type]
            current = [start, end, label]
        elif prefix == "I":
            current[1] = end  # type: ignore[index]
        else:
            if current:
                found.append(tuple(current))  # type: ignore[arg-type]
            current = None
    if current:
        found.append(tuple(current))  # type: ignore[arg-type]
    return found


def tokenised(text: str, spans: list[Span], label_order: list[str], dropped: Counter[str]):
    """Sentences of token offsets and their IOB2 tags for one unit, keeping the outermost spans."""
    kept, lost = outermost(spans, label_order)
    dropped.update(lost)
    groups = sentences(text, kept)
    starts = [s.start for s in kept]  # outermost spans do not overlap, so they are in text order
    tags = []
    for tokens in groups:
        inside = kept[bisect_left(starts, tokens[0][0]) : bisect_left(starts, tokens[-1][1])]
        tags.append(iob2(tokens, inside))
    return groups, tags


def side_file(path: Path) -> Path:
    """The file beside a token export that maps its tokens back to the text: ``train.conll.meta.jsonl``."""
    return path.with_name(f"{path.name}.meta.jsonl")


def rebuild(sentences_tokens: list[list[str]], side: dict | None) -> tuple[str, list[list[tuple[int, int]]], bool]:
    """The text and token offsets for tokens read back from a token format.

    With the side file's text and offsets (and every token matching them) the original
    text comes back exactly; otherwise the text is rebuilt, tokens joined by spaces and
    sentences by newlines.  The flag says whether the side file was used.
    """
    flat = [t for sentence in sentences_tokens for t in sentence]
    if side is not None:
        text, offsets = side.get("text"), side.get("tokens")
        try:
            if (
                isinstance(text, str)
                and isinstance(offsets, list)
                and len(offsets) == len(flat)
                and all(text[int(s) : int(e)] == tok for (s, e), tok in zip(offsets, flat, strict=True))
            ):
                grouped, i = [], 0
                for sentence in sentences_tokens:
                    grouped.append([(int(s), int(e)) for s, e in offsets[i : i + len(sentence)]])
                    i += len(sentence)
                return text, grouped, True
        except (TypeError, ValueError):
            pass
    parts, grouped, position = [], [], 0
    for n, sentence in enumerate(sentences_tokens):
        if n:
            parts.append("\n")
            position += 1
        offsets_here = []
        for k, tok in enumerate(sentence):
            if k:
                parts.append(" ")
                position += 1
            parts.append(tok)
            offsets_here.append((position, position + len(tok)))
            position += len(tok)
        grouped.append(offsets_here)
    return "".join(parts), grouped, False
