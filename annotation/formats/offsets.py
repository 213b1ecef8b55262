"""Character offsets as dataset files count them: code points or UTF-16 units.

Razmetka counts code points (Python ``str`` indices).  Tools written in JavaScript
count UTF-16 code units, where a character outside the Basic Multilingual Plane
(most emoji) takes two.  This module converts between the two for dataset files;
Qt's positions are converted in ``gui/offsets.py`` and nowhere else.
"""

from __future__ import annotations

from bisect import bisect_left

CODEPOINTS = "codepoints"
UTF16 = "utf16"
UNITS = (CODEPOINTS, UTF16)


def other(unit: str) -> str:
    return UTF16 if unit == CODEPOINTS else CODEPOINTS


class OffsetMap:
    """Converts offsets into one text between code points and UTF-16 units."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Code point indices of the characters that take two UTF-16 units.
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    @property
    def ambiguous(self) -> bool:
        """True if the two units differ anywhere in this text."""
        return bool(self._astral)

    def length(self, unit: str) -> int:
        return len(self.text) + (len(self._astral) if unit == UTF16 else 0)

    def to_unit(self, offset: int, unit: str) -> int:
        """A code point offset expressed in ``unit``."""
        if unit == CODEPOINTS or not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_unit(self, offset: int, unit: str) -> int | None:
        """The code point offset for ``offset`` in ``unit``; None if it is out of range
        or falls between the two halves of a surrogate pair."""
        if not 0 <= offset <= self.length(unit):
            return None
        if unit == CODEPOINTS or not self._astral:
            return offset
        # The answer c satisfies c + (astral characters before c) == offset.
        lo, hi = 0, len(self.text)
        while lo < hi:
            mid = (lo + hi) // 2
            if mid + bisect_left(self._astral, mid) < offset:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo + bisect_left(self._astral, lo) == offset else None
