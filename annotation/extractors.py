"""DATE and MONEY suggestions: natasha's DatesExtractor and MoneyExtractor, plus numeric dates.

The extractors return a ``fact`` and no normal form, so the normal form is built
from the fact: a date as ISO 8601 (``2025-10-11``; ``2025-10`` and ``2025`` for a
month or a year; ``--10-11`` and ``--10`` when the year is not given), an amount
of money as its digits and the currency code (``28000000000 USD``, ``5.5 RUB``).

natasha misses ISO dates (``2025-10-11``); those and ``11.10.2025`` are found
with a regular expression, and only real calendar dates count.

Both extractors are yargy grammars and slow (about 30,000 characters a second),
while every date and every sum needs a digit, and a sum a currency word.  So
only the sentences that have one are given to them.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from decimal import Decimal

from .model import Mention

DATE = "DATE"
MONEY = "MONEY"

_ISO_DATE = re.compile(r"(?<![\w.-])(\d{4})-(\d{2})-(\d{2})(?![\w-]|\.\d)")
_DOTTED_DATE = re.compile(r"(?<![\w.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\w]|\.\d)")
_SHORT_DOTTED = re.compile(r"\d{1,2}\.\d{1,2}\.(\d{2})\b")
_DIGIT = re.compile(r"\d")
# What DatesExtractor needs beside a number: a month or the word «год» (its «г.»).
_DATE_HINT = re.compile(
    r"январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр|(?<!\w)г(?:од|\.|\b)",
    re.IGNORECASE,
)
# Every currency and coin natasha's money grammar knows (and «процент», harmlessly).
_CURRENCY = re.compile(r"руб|₽|€|\$|¢|долл|евро|коп|цент|(?<!\w)[рк](?!\w)", re.IGNORECASE)
# A sentence ends at . ! ? … before a capital letter (perhaps after a quote or dash), or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"“„(\-–—]*\s*[A-ZА-ЯЁ])|\n+")
# natasha reads «2020, 2 млн руб.» as one sum; a comma followed by a space is never a decimal comma.
_LIST_COMMA = re.compile(r"[\d\s.,]*,\s+")


def date_normal(year: int | None, month: int | None, day: int | None) -> str | None:
    """ISO 8601 for a whole or partial date, or None if it is no calendar date."""
    try:
        if year is not None and month is not None and day is not None:
            return datetime.date(year, month, day).isoformat()
        if year is not None and month is not None:
            return datetime.date(year, month, 1).isoformat()[:7]
        if year is not None and day is None:
            return f"{year:04d}"
        if month is not None and day is not None:
            datetime.date(2000, month, day)  # a leap year, so 29 February is a date
            return f"--{month:02d}-{day:02d}"
        if month is not None and day is None:
            datetime.date(2000, month, 1)
            return f"--{month:02d}"
    except ValueError:
        return None
    return None


def money_normal(amount: float | int | None, currency: str | None) -> str | None:
    """``28000000000 USD``: the amount's digits (a decimal point only when it has a fraction) and the code."""
    if amount is None or not currency:
        return None
    value = Decimal(str(amount))
    if value == value.to_integral_value():
        digits = str(int(value))
    else:
        digits = format(value.normalize(), "f")
    return f"{digits} {currency}"


def _full_year(short: str) -> int:
    """A two-digit year: up to this year's two digits it is this century, otherwise the last."""
    yy = int(short)
    this = datetime.date.today().year
    return 2000 + yy if 2000 + yy <= this else 1900 + yy


def sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence bounds: enough to give the extractors short pieces of text."""
    bounds = []
    pos = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > pos:
            bounds.append((pos, match.start()))
        pos = match.end()
    if pos < len(text):
        bounds.append((pos, len(text)))
    return bounds


def numeric_dates(text: str, offset: int = 0) -> list[Mention]:
    """``2025-10-11`` and ``11.10.2025``, valid calendar dates only."""
    found = []
    for match in _ISO_DATE.finditer(text):
        normal = date_normal(int(match[1]), int(match[2]), int(match[3]))
        if normal:
            found.append(Mention(match.start() + offset, match.end() + offset, DATE, match[0], normal))
    for match in _DOTTED_DATE.finditer(text):
        normal = date_normal(int(match[3]), int(match[2]), int(match[1]))
        if normal:
            found.append(Mention(match.start() + offset, match.end() + offset, DATE, match[0], normal))
    return found


def _date_mentions(extractor, text: str, start: int, offset: int) -> list[Mention]:
    found = []
    for match in extractor(text):
        fact = match.fact
        year = fact.year
        surface = text[match.start : match.stop]
        short = _SHORT_DOTTED.fullmatch(surface)
        if short:  # natasha takes «11.10.25» for 1925
            year = _full_year(short[1])
        normal = date_normal(year, fact.month, fact.day)
        if normal is None:  # «31.02.2025»
            continue
        found.append(Mention(match.start + start + offset, match.stop + start + offset, DATE, surface, normal))
    return found


def _money_mentions(extractor, text: str, start: int, offset: int) -> list[Mention]:
    found = []
    for match in extractor(text):
        m_start, m_stop, fact = match.start, match.stop, match.fact
        comma = _LIST_COMMA.match(text, m_start, m_stop)
        if comma:
            again = extractor.find(text[comma.end() : m_stop])
            if again is None:
                continue
            m_start, m_stop, fact = comma.end() + again.start, comma.end() + again.stop, again.fact
        normal = money_normal(fact.amount, fact.currency)
        if normal is None:
            continue
        found.append(Mention(m_start + start + offset, m_stop + start + offset, MONEY, text[m_start:m_stop], normal))
    return found


def dates_and_money(text: str, offset: int, dates, money) -> list[Mention]:
    """DATE and MONEY mentions in ``text`` (offsets shifted by ``offset``), without duplicates.

    ``dates`` and ``money`` are natasha's ``DatesExtractor`` and ``MoneyExtractor``.
    """
    found: list[Mention] = []
    for start, end in sentences(text):
        piece = text[start:end]
        if not _DIGIT.search(piece):
            continue
        if _DATE_HINT.search(piece):  # the extractors are slow: skip sentences they cannot match
            found.extend(_date_mentions(dates, piece, start, offset))
        if _CURRENCY.search(piece):
            found.extend(_money_mentions(money, piece, start, offset))
    found.extend(numeric_dates(text, offset))
    return without_overlaps(found)


def without_overlaps(mentions: Iterable[Mention], keep: Iterable[Mention] = ()) -> list[Mention]:
    """``mentions`` less any that overlaps a longer (or earlier) one of the same label, or one in ``keep``."""
    taken: list[Mention] = list(keep)
    result: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if any(t.label == m.label and t.start < m.end and m.start < t.end for t in taken):
            continue
        taken.append(m)
        result.append(m)
    return sorted(result, key=lambda m: (m.start, m.end))
