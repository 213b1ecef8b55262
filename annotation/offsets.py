"""The one map between code points and UTF-16 units, for the Qt view and for dataset files alike.

Razmetka counts code points (Python ``str`` indices).  Qt and tools written in
JavaScript count UTF-16 code units, where a character outside the Basic
Multilingual Plane (most emoji, 🇰🇿's two halves) takes two.  The view shows the
text with ``setPlainText``, where each ``\\n`` is one block separator position, so
no other correction is needed there.
"""

from __future__ import annotations

import re
from bisect import bisect_left

CODEPOINTS = "codepoints"
UTF16 = "utf16"
UNITS = (CODEPOINTS, UTF16)

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def other(unit: str) -> str:
    return UTF16 if unit == CODEPOINTS else CODEPOINTS


class OffsetMap:
    """Converts offsets into one text between code points and UTF-16 units (by bisection)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Code point indices of the characters that take two UTF-16 units.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
        # The UTF-16 position just after the high surrogate of each of them.
        self._astral_mid = [cp + i + 1 for i, cp in enumerate(self._astral)]

    @property
    def ambiguous(self) -> bool:
        """True if the two units differ anywhere in this text."""
        return bool(self._astral)

    def length(self, unit: str = CODEPOINTS) -> int:
        return len(self.text) + (len(self._astral) if unit == UTF16 else 0)

    def to_utf16(self, offset: int) -> int:
        """The UTF-16 position (a Qt position) of a code point offset."""
        return offset + bisect_left(self._astral, offset)

    def from_utf16(self, position: int) -> int:
        """The code point offset of a UTF-16 position; the middle of a surrogate pair maps to after it."""
        return position - bisect_left(self._astral_mid, position)

    def to_unit(self, offset: int, unit: str) -> int:
        """A code point offset expressed in ``unit``."""
        return offset if unit == CODEPOINTS else self.to_utf16(offset)

    def from_unit(self, offset: int, unit: str) -> int | None:
        """The code point offset for ``offset`` in ``unit``; None if it is out of range
        or falls between the two halves of a surrogate pair (a file that says so is wrong)."""
        if not 0 <= offset <= self.length(unit):
            return None
        if unit == CODEPOINTS:
            return offset
        found = self.from_utf16(offset)
        return found if self.to_utf16(found) == offset else None
