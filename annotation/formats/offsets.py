"""Character offsets as dataset files count them: the one map lives in :mod:`annotation.offsets`."""

from __future__ import annotations

from ..offsets import CODEPOINTS, UNITS, UTF16, OffsetMap, other

__all__ = ["CODEPOINTS", "UTF16", "UNITS", "OffsetMap", "other"]
