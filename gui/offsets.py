"""The one place that converts between Qt positions and text offsets.

A document offset is a code-point index into the text.  Qt counts UTF-16 units,
so each character outside the BMP (emoji, rare CJK) takes two Qt positions.  The
view shows the text with ``setPlainText``, where each ``\\n`` is one block
separator position, so no other correction is needed.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    def __init__(self, text: str) -> None:
        astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
        self._astral = astral  # code-point offsets of astral characters
        # Qt position just after the high surrogate of each astral character.
        self._astral_qt_mid = [cp + i + 1 for i, cp in enumerate(astral)]
        self.length = len(text)

    def to_qt(self, offset: int) -> int:
        """Qt position of a code-point offset."""
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """Code-point offset of a Qt position; the middle of a surrogate pair maps to after it."""
        return position - bisect_left(self._astral_qt_mid, position)
