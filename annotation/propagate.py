"""Propagate a tag: find the untagged places where the same string occurs again.

The GUI previews the places, and on confirmation stores a span at each one
(``Project.add_spans``, undone by ``Project.delete_spans``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate

from .model import Document
from .tokens import tokens

# Context given to razdel around an occurrence to tell whether it is a whole token.
_CONTEXT = 40


def _whole_tokens(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    window_start = max(lo, start - _CONTEXT)
    window_end = min(hi, end + _CONTEXT)
    bounds = tokens(text, window_start, window_end)
    starts = {s for s, _ in bounds}
    ends = {e for _, e in bounds}
    return start in starts and end in ends


class _Cover:
    """Which ranges contain a given range, by bisection (a document can hold thousands of one label)."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))  # the furthest end so far

    def covers(self, start: int, end: int) -> bool:
        before = bisect_right(self._starts, start)  # ranges starting at or before ``start``
        return before > 0 and self._reach[before - 1] >= end


def untagged_occurrences(doc: Document, surface: str, label: str) -> list[tuple[int, int]]:
    """Every ``[start, end)`` in turn speech where exactly ``surface`` occurs as whole tokens, untagged.

    The match is exact (case and «ё» count), and the occurrence must begin and end
    at razdel token boundaries, so «СНГ» is not found inside «СНГовский».  An
    occurrence is left out when:

    - a visible (not rejected) span with ``label`` covers it (contains its range);
    - any visible span, with any label, has exactly its range: that place is
      already tagged, and changing its label is a retag, not a propagation;
    - a rejected span with ``label`` has exactly its range: a person said no there.
    """
    surface_clean = surface.strip()
    if not surface_clean or surface_clean != surface:
        return []
    covering = _Cover((s.start, s.end) for s in doc.spans if s.visible and s.label == label)
    exact = {(s.start, s.end) for s in doc.spans if s.visible}
    exact |= {(s.start, s.end) for s in doc.spans if not s.visible and s.label == label}
    found = []
    for turn in doc.turns:
        pos = doc.text.find(surface, turn.content_start, turn.end)
        while pos != -1:
            end = pos + len(surface)
            if (
                (pos, end) not in exact
                and not covering.covers(pos, end)
                and _whole_tokens(doc.text, pos, end, turn.content_start, turn.end)
            ):
                found.append((pos, end))
            pos = doc.text.find(surface, end, turn.end)
    return found
