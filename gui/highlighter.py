"""Entity spans drawn block by block with text formats (never HTML).

Accepted spans get a solid background in their label's colour; model suggestions
a pale background with a dotted underline.  Longer spans are drawn first, so a
nested span shows on top of the one around it, and a span drawn over another is
given an overline so that nesting and overlap stay visible.

Updates are incremental: changing a few spans re-highlights only their blocks,
which keeps an edit fast on a transcript of a million characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotation.model import Label, Span
from annotation.offsets import OffsetMap

from .theme import LABEL_FALLBACK, mark_format, span_format

_NEWLINE = re.compile("\n")

# (longest first, start) ordering key, start in block, length, span id
_Piece = tuple[tuple[int, int], int, int, int]


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._offsets = OffsetMap("")
        self._block_starts: list[int] = [0]
        self._length = 0
        self._spans: dict[int, Span] = {}
        self._by_block: dict[int, list[_Piece]] = {}
        self._blocks_of: dict[int, list[int]] = {}
        self._formats: dict[tuple[str, str, bool], QTextCharFormat] = {}
        self._colors: dict[str, str] = {}
        self._marks: dict[int, list[tuple[int, int]]] = {}  # block -> (start in block, length)
        self._mark_format = mark_format()

    def set_labels(self, labels: Iterable[Label]) -> None:
        self._colors = {lab.name: lab.color for lab in labels}
        self._formats.clear()

    def _format(self, label: str, status: str, nested: bool) -> QTextCharFormat:
        key = (label, status, nested)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = self._formats[key] = span_format(self._colors.get(label, LABEL_FALLBACK), status, nested)
        return fmt

    def _place(self, span_id: int, span: Span) -> set[int]:
        """Index a span's pieces per block; returns the blocks it touches."""
        starts = self._block_starts
        start, end = self._offsets.to_utf16(span.start), self._offsets.to_utf16(span.end)
        order = (span.start - span.end, span.start)
        touched = []
        number = bisect_right(starts, start) - 1
        while number < len(starts) and starts[number] < end:
            b_start = starts[number]
            b_end = starts[number + 1] - 1 if number + 1 < len(starts) else self._length  # before the separator
            lo, hi = max(start, b_start) - b_start, min(end, b_end) - b_start
            if hi > lo:
                self._by_block.setdefault(number, []).append((order, lo, hi - lo, span_id))
                touched.append(number)
            number += 1
        self._blocks_of[span_id] = touched
        return set(touched)

    def _unplace(self, span_id: int) -> set[int]:
        touched = set(self._blocks_of.pop(span_id, ()))
        for number in touched:
            pieces = [p for p in self._by_block.get(number, ()) if p[3] != span_id]
            if pieces:
                self._by_block[number] = pieces
            else:
                self._by_block.pop(number, None)
        return touched

    def reset(self, spans: Iterable[Span], offsets: OffsetMap, text: str, rehighlight: bool = True) -> None:
        """Replace every span of the document showing ``text``.

        Blocks are found from the text itself, so this can run before the text is
        set: then ``setPlainText`` highlights every block once, with ``rehighlight``
        False, instead of twice.
        """
        self._offsets = offsets
        self._length = offsets.to_utf16(len(text))
        self._block_starts = [0] + [offsets.to_utf16(m.start()) + 1 for m in _NEWLINE.finditer(text)]
        self._spans, self._by_block, self._blocks_of = {}, {}, {}
        for i, span in enumerate(spans):
            if not span.visible:
                continue
            key = span.id if span.id is not None else -1 - i
            self._spans[key] = span
            self._place(key, span)
        for pieces in self._by_block.values():
            pieces.sort()
        if rehighlight:
            self.rehighlight()

    def set_marks(self, marks: Iterable[tuple[int, int]], rehighlight: bool = True) -> None:
        """The speaker marks (``– ``, ``NAME:``) as ``[start, end)`` ranges: drawn muted, the text unchanged.

        Only blocks whose marks changed are re-highlighted (a split or merge moves one or two).
        """
        starts = self._block_starts
        found: dict[int, list[tuple[int, int]]] = {}
        for start, end in marks:
            lo, hi = self._offsets.to_utf16(start), self._offsets.to_utf16(end)
            number = bisect_right(starts, lo) - 1
            found.setdefault(number, []).append((lo - starts[number], hi - lo))
        dirty = {n for n in found.keys() | self._marks.keys() if found.get(n) != self._marks.get(n)}
        self._marks = found
        if rehighlight:
            doc = self.document()
            for number in sorted(dirty):
                block = doc.findBlockByNumber(number)
                if block.isValid():
                    self.rehighlightBlock(block)

    def update(self, changed: Iterable[Span], removed: Iterable[int] = ()) -> None:
        """Add or change ``changed`` spans (by id) and drop ``removed`` ids; re-highlight their blocks.

        A span whose range is unchanged (accepted, rejected back to shown, relabelled) keeps
        its pieces and only swaps its record, so accepting every suggestion of a big
        document costs one re-highlight of the blocks they touch.
        """
        dirty: set[int] = set()
        for span_id in removed:
            self._spans.pop(span_id, None)
            dirty |= self._unplace(span_id)
        for span in changed:
            assert span.id is not None
            old = self._spans.get(span.id)
            if old is not None and span.visible and (old.start, old.end) == (span.start, span.end):
                self._spans[span.id] = span
                dirty.update(self._blocks_of.get(span.id, ()))
                continue
            dirty |= self._unplace(span.id)
            self._spans.pop(span.id, None)
            if span.visible:
                self._spans[span.id] = span
                dirty |= self._place(span.id, span)
        for number in dirty:
            pieces = self._by_block.get(number)
            if pieces:
                pieces.sort()
        if len(dirty) > 200:  # block by block, each re-lays the document out: once for all is cheaper
            self.rehighlight()
            return
        doc = self.document()
        for number in sorted(dirty):
            block = doc.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        number = self.currentBlock().blockNumber()
        for start, length in self._marks.get(number, ()):
            self.setFormat(start, length, self._mark_format)
        pieces = self._by_block.get(number)
        if not pieces:
            return
        drawn: list[tuple[int, int]] = []
        for _order, start, length, span_id in pieces:
            span = self._spans[span_id]
            nested = any(start < d_end and d_start < start + length for d_start, d_end in drawn)
            self.setFormat(start, length, self._format(span.label, span.status, nested))
            drawn.append((start, start + length))
