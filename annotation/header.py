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


# -- YAML front matter -----------------------------------------------------------

# Front matter has identifier-like keys, at least one of them one of these.
FRONT_MATTER_KEYS = frozenset(
    "title date speakers participants guests hosts host guest author authors tags categories media audio video"
    " url link source summary description lang language episode season duration slug layout".split()
)
_KEY = re.compile(r"[A-Za-z_][\w-]*")
_FENCE = re.compile(r"---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def _flat(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(_flat(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_flat(v)}" for k, v in value.items())
    return "" if value is None else str(value).strip()


def split_front_matter(text: str) -> tuple[dict[str, str], int, list[str]]:
    """YAML front matter between ``---`` lines at the very start of ``text``.

    Returns its fields as strings (lists joined by ", "), the offset just past the
    closing fence, and the names its ``speakers`` (or ``participants``, ``guests``,
    ``hosts``) list gives.  Without front matter: ``({}, 0, [])``.  A block that
    is not a YAML mapping (a rule, then prose) is not front matter.
    """
    start = len(text) - len(text.lstrip())
    if not _FENCE.match(text, start):
        return {}, 0, []
    body = text.index("\n", start) + 1
    close = _CLOSE.search(text, body)
    if close is None:
        return {}, 0, []
    import yaml  # noqa: PLC0415 (only for the few files that have front matter)

    try:
        data = yaml.safe_load(text[body : close.start()])
    except yaml.YAMLError:
        return {}, 0, []
    if not isinstance(data, dict) or not data or not all(isinstance(k, str) and _KEY.fullmatch(k) for k in data):
        return {}, 0, []
    if not FRONT_MATTER_KEYS & {k.lower() for k in data}:
        return {}, 0, []  # "Вопрос: …" lines between two rules are speech, not front matter
    metadata = {str(k): _flat(v) for k, v in data.items()}
    speakers: list[str] = []
    for key in ("speakers", "participants", "guests", "hosts", "host", "guest"):
        value = data.get(key)
        values = value if isinstance(value, list) else [value] if isinstance(value, str) else []
        for item in values:
            name = item.get("name") if isinstance(item, dict) else item
            if isinstance(name, str) and name.strip():
                speakers.append(name.strip())
    return metadata, close.end(), speakers
