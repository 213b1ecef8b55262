"""Entity spans drawn block by block with text formats (never HTML).

Accepted spans get a solid background in their label's colour; model suggestions
a pale background with a dotted underline.  Longer spans are drawn first so a
nested span shows on top of the one around it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotation.model import Label, Span

from .offsets import OffsetMap


def span_format(color: str, status: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    base = QColor(color)
    if status == "suggested":
        background = QColor(base)
        background.setAlpha(60)
        fmt.setBackground(background)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(base.darker(130))
    else:
        background = QColor(base)
        background.setAlpha(150)
        fmt.setBackground(background)
        fmt.setFontWeight(QFont.Weight.DemiBold)
    return fmt


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._by_block: dict[int, list[tuple[int, int, QTextCharFormat]]] = {}
        self._formats: dict[tuple[str, str], QTextCharFormat] = {}
        self._colors: dict[str, str] = {}

    def set_labels(self, labels: Iterable[Label]) -> None:
        self._colors = {lab.name: lab.color for lab in labels}
        self._formats.clear()

    def _format(self, label: str, status: str) -> QTextCharFormat:
        key = (label, status)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = self._formats[key] = span_format(self._colors.get(label, "#9e9e9e"), status)
        return fmt

    def _index(self, spans: Iterable[Span], offsets: OffsetMap) -> dict[int, list[tuple[int, int, QTextCharFormat]]]:
        doc = self.document()
        by_block: dict[int, list[tuple[int, int, QTextCharFormat]]] = defaultdict(list)
        ordered = sorted((s for s in spans if s.status != "rejected"), key=lambda s: (s.start - s.end, s.start))
        for span in ordered:
            start, end = offsets.to_qt(span.start), offsets.to_qt(span.end)
            fmt = self._format(span.label, span.status)
            block = doc.findBlock(start)
            while block.isValid() and block.position() < end:
                b_start = block.position()
                lo = max(start, b_start) - b_start
                hi = min(end, b_start + block.length() - 1) - b_start
                if hi > lo:
                    by_block[block.blockNumber()].append((lo, hi - lo, fmt))
                block = block.next()
        return dict(by_block)

    def set_spans(self, spans: Iterable[Span], offsets: OffsetMap) -> None:
        """Replace every span; re-highlights only the blocks whose spans changed."""
        new = self._index(spans, offsets)
        old = self._by_block
        self._by_block = new
        changed = {n for n in old.keys() | new.keys() if old.get(n) != new.get(n)}
        if len(changed) > 200:
            self.rehighlight()
            return
        doc = self.document()
        for number in sorted(changed):
            block = doc.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        for start, length, fmt in self._by_block.get(self.currentBlock().blockNumber(), ()):
            self.setFormat(start, length, fmt)
