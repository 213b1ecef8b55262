"""The metadata header some exports fuse before the transcript text.

Only at the very start of the file: a run of ``key value`` pairs whose keys are
known and whose values are one token each, ending at the first token that is not
a known key.  `` date 2025-10-11 В Душанбе…`` gives ``{"date": "2025-10-11"}`` and
text starting at «В Душанбе».
"""

from __future__ import annotations

import re

KNOWN_KEYS = ("date", "title", "source", "author", "lang")
_PAIR = re.compile(r"\s*(" + "|".join(KNOWN_KEYS) + r")[ \t]+(\S+)[ \t]*(?:\n[ \t]*)?")
_LANG = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z]{2})?$")
_HAS_DIGIT = re.compile(r"\d")


def _plausible(key: str, value: str) -> bool:
    if key == "date":
        return bool(_HAS_DIGIT.search(value))
    if key == "lang":
        return bool(_LANG.match(value))
    return True


def split_header(text: str) -> tuple[dict[str, str], int]:
    """Return the header's pairs and the offset where the transcript text begins.

    Without a header the result is ``({}, 0)``.  A lone pair counts only if it is a
    date or a language code, so prose that merely starts with one of the key words
    (``source of the trouble…``) is never taken for a header.
    """
    pairs: dict[str, str] = {}
    pos = 0
    while True:
        match = _PAIR.match(text, pos)
        if not match or match.group(1) in pairs or not _plausible(match.group(1), match.group(2)):
            break
        pairs[match.group(1)] = match.group(2)
        pos = match.end()
    if not pairs:
        return {}, 0
    if len(pairs) == 1 and not ({"date", "lang"} & pairs.keys()):
        return {}, 0
    rest = text[pos:]
    body_start = pos + (len(rest) - len(rest.lstrip()))
    if body_start >= len(text):
        # Nothing but a header: it is the text, not metadata about it.
        return {}, 0
    return pairs, body_start
