"""Speaker marks at the start of a line, seen through markdown emphasis and timestamps.

A mark is one of three kinds:

- ``colon``: ``NAME: speech`` on the same line (``С.БУНТМАН: …``, ``**Вопрос:** …``,
  ``[00:01:23] Speaker 1: …``);
- ``line``: the name alone on its line, the speech below (``Иван Петров``,
  ``**Name**``, ``[Anna Lee] 10:02:15``, ``Name: 00:22:33``, ``Name (00:22):``);
- ``bare``: a name without a colon before the speech: in capitals
  (``А.ВЕНЕДИКТОВ Итак, …``), emphasised (``**Ларри Кинг** Добрый вечер``) or
  followed by a dash (``ЛАРРИ КИНГ – …``, ``Денис — …``).

:func:`find_mark` only says what a line *could* be; whether a candidate is
really a speaker is decided over the whole text (see :mod:`.marked`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import Line
from .names import is_shouted

COLON, LINE, BARE = "colon", "line", "bare"

_UP = "A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐЎ"
_LO = "a-zß-öø-ÿа-яёіїєґў"
_L = _UP + _LO
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_STAMP = rf"(?:\[(?P<t1>{_TIME})\]|\((?P<t2>{_TIME})\)|(?P<t3>{_TIME}))"
_LEADING_TIME = re.compile(rf"{_STAMP}(?:[ \t]*[|–—-])?[ \t]+")
_TRAILING_TIME = re.compile(rf"[ \t]*[,–—-]?[ \t]*{_STAMP}")
_EMPHASIS = re.compile(r"\*\*|__|\*|_|\[")  # a name in brackets: "[Anna Lee] 10:02:15" (Zoom)
_NOTE = re.compile(r"[ \t]*\(([^()\n]{1,40})\)")
_DESCRIPTION = re.compile(r",[ \t]+([^:.!?\n]{1,50}?)[ \t]*(?=:)")  # "Андрей Петров, тренер:"
_DASH = re.compile(r"[ \t]+[–—-][ \t]+")
_TOKEN = re.compile(
    rf"(?P<initial>(?:[{_UP}]|Dr|Mr|Ms|Mrs|Дж|St)\.)"
    # An abbreviated role right before the colon: «Корр.:», «Вед.:», «Отв.:», «Int.:»
    rf"|(?P<abbr>[{_UP}][{_LO}]{{1,7}}\.)(?=[ \t]*:)"
    rf"|(?P<word>[{_UP}][{_L}]*(?:[-'’][{_L}]+)*(?:_\d+)?)"
    r"|(?P<num>\d{1,3})(?!\d)"
    r"|(?P<particle>(?:de|da|di|du|van|von|der|den|la|le|bin|ibn|al|фон|де|ван|дер|аль|ибн|бен))(?= )"
)
# "Ирина Соколова - Особое мнение - 2019-03-02": a page title, not "name – speech".
_TITLE_TAIL = re.compile(r"(?:[ \t]+[–—-][ \t]+[^.,!?…]*|[ \t]+\d{1,4}[./-]\d{1,2}[./-]\d{2,4}[ \t]*)$")
_PHRASE = re.compile(rf"[{_UP}][^*_:\n]{{0,40}}?(?=[ \t]*(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*:))")
_SPEECH_START = re.compile(rf"[{_UP}0-9«\"„“'(\[…–—-]")
MAX_TOKENS = 5


@dataclass(frozen=True)
class Mark:
    kind: str
    name: str  # as written, without emphasis, times or notes
    start: int  # where the line starts
    end: int  # where the speech starts (for a name line: the end of the line)
    time: float | None = None
    emphasised: bool = False  # wrapped in markdown emphasis or bold in the file
    note: str | None = None  # ``(ведущий)`` after the name
    shouted: bool = False  # written in capitals


def seconds(stamp: str) -> float:
    total = 0.0
    for part in stamp.replace(",", ".").split(":"):
        total = total * 60 + float(part)
    return total


def _stamp(match: re.Match[str]) -> float:
    return seconds(match.group("t1") or match.group("t2") or match.group("t3"))


def _name_ends(text: str, pos: int, end: int) -> list[int]:
    """Where a name starting at ``pos`` may end: after each of its first few tokens."""
    ends: list[int] = []
    previous = None
    for count in range(MAX_TOKENS):
        match = _TOKEN.match(text, pos, end)
        if not match:
            break
        kind = match.lastgroup
        if count == 0 and kind not in ("initial", "word", "abbr"):
            break
        if kind == "num" and previous != "word":
            break
        pos = match.end()
        previous = kind
        if kind != "particle":
            ends.append(pos)
        if kind == "initial" and pos < end and text[pos] != " ":
            continue  # С.БУНТМАН, А.Б.
        if pos + 1 < end and text[pos] == " " and text[pos + 1] != " ":
            pos += 1
            continue
        break
    return ends


def find_mark(text: str, line: Line, bold: int = 0) -> Mark | None:
    """The speaker mark ``line`` opens with, if it has the shape of one.

    ``bold`` is how many characters at the line's start the file set in bold.
    """
    pos, end = line.start, line.end
    time = None
    match = _LEADING_TIME.match(text, pos, end)
    if match:
        time, pos = _stamp(match), match.end()
    emphasis = None
    match = _EMPHASIS.match(text, pos, end)
    if match:
        emphasis, pos = match.group().replace("[", "]"), match.end()  # what closes it
        if time is None:
            match = _LEADING_TIME.match(text, pos, end)
            if match:
                time, pos = _stamp(match), match.end()
    for name_end in reversed(_name_ends(text, pos, end)):
        mark = _after_name(text, line, pos, name_end, emphasis, time, bold)
        if mark is not None:
            return mark
    if emphasis in ("**", "__"):  # "**Вопрос из зала:**": a phrase in bold, closed by a colon
        match = _PHRASE.match(text, pos, end)
        if match and len(match.group().split()) <= MAX_TOKENS:
            return _after_name(text, line, pos, match.end(), emphasis, time, bold)
    return None


def _after_name(
    text: str, line: Line, name_start: int, pos: int, emphasis: str | None, time: float | None, bold: int
) -> Mark | None:
    end = line.end
    name = text[name_start:pos]
    closed = False
    if emphasis and text.startswith(emphasis, pos):
        pos, closed = pos + len(emphasis), True
    match = _TRAILING_TIME.match(text, pos, end)
    if match and time is None:
        time, pos = _stamp(match), match.end()
    note = None
    match = _NOTE.match(text, pos, end)
    if match:
        note, pos = match.group(1).strip(), match.end()
    if note is None:
        match = _DESCRIPTION.match(text, pos, end)
        if match:
            note, pos = match.group(1), match.end()
    if emphasis and not closed and text.startswith(emphasis, pos):
        pos, closed = pos + len(emphasis), True
    name_done = pos
    kind = None
    if pos < end and text[pos] == ":":
        pos += 1
        if emphasis and not closed and text.startswith(emphasis, pos):
            pos, closed = pos + len(emphasis), True
        match = _TRAILING_TIME.match(text, pos, end)
        if match and match.end() == end and time is None:
            time, pos = _stamp(match), match.end()
        while pos < end and text[pos] in " \t":
            pos += 1
        kind = COLON if pos < end else LINE
    elif pos == end:
        kind = LINE
    else:
        match = _DASH.match(text, pos, end)
        if match and match.end() < end and not _TITLE_TAIL.search(text, match.end(), end):
            kind, pos = BARE, match.end()
        elif text[pos] in " \t":
            speech = pos
            while speech < end and text[speech] in " \t":
                speech += 1
            caps = is_shouted(name) and not (emphasis and not closed)
            if caps:  # the name is all the capitals there are: "LARRY KING LIVE, …" is a title
                following = _TOKEN.match(text, speech, end)
                caps = not (following and is_shouted(following.group()))
            if (closed or caps) and _SPEECH_START.match(text, speech, end):
                kind, pos = BARE, speech
    if kind is None:
        return None
    in_bold = bold > 0 and name_start - line.start < bold and bold >= name_done - line.start - 1
    emphasised = (closed and emphasis != "]") or in_bold
    return Mark(kind, name, line.start, end if kind == LINE else pos, time, emphasised, note, is_shouted(name))


_CAPITALISED = rf"[{_UP}][{_L}.'’-]*"
_NAME_LIST = re.compile(
    rf"{_CAPITALISED}(?:[ \t]+{_CAPITALISED})+(?:[ \t]*,[ \t]*{_CAPITALISED}(?:[ \t]+{_CAPITALISED})*)*"
)
_TRAILING_NAME = re.compile(rf"(?:(?<=\s)|^)((?:{_CAPITALISED}[ \t]+)*{_CAPITALISED})[ \t]*$")


def is_credits(text: str, mark: Mark, line: Line) -> bool:
    """``Гость: Сергей Белов``, ``Ведущие: Анна Ким, Пётр Лис``: a page's credits, not speech."""
    if mark.kind != COLON or text[line.end - 1] in ".!?…":
        return False
    return bool(_NAME_LIST.fullmatch(text, mark.end, line.end))


def introducing_line(text: str, line: Line) -> Mark | None:
    """``Глава города Игорь Лебедев:`` above a dash: the name is the capitalised words before the colon.

    Only a name of two words or more, or in capitals, right before the colon (or
    the first comma), so that ``Бабушка сказала:`` is never one.
    """
    body = text[line.start : line.end]
    if not body.endswith(":") or body.count(":") > 1 or len(body.split()) > 8:
        return None
    head = body[:-1].split(",")[0]
    match = _TRAILING_NAME.search(head)
    if not match:
        return None
    name = match.group(1)
    if len(name.split()) < 2 and not is_shouted(name):
        return None
    return Mark(LINE, name, line.start, line.end, shouted=is_shouted(name))
