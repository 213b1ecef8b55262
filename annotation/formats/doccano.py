"""doccano sequence labeling: JSONL lines of ``{"text", "label": [[start, end, label], …]}``.

doccano's front end measures JavaScript strings, so its offsets count UTF-16 units
(doccano#2290); that is the default here.  Speakers, turns and the document's
details travel in a ``razmetka`` field, which doccano keeps as metadata.

The file is pure ASCII (JSON escapes every other character): doccano's import
guesses the encoding by default ("Auto", chardet), and took a short UTF-8 Russian
file for cp1254.  ASCII is read right under any guess.

A doccano project has "Allow overlapping spans" off by default, and then drops
nested and overlapping spans on import without a word, so the export counts them
and says that the option must be on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from ..phrases import Phrase
from .atomic import Staging
from .offsets import UTF16, OffsetMap
from .records import RawSpan, ReadResult, SpanResolver, make_record, meta_of, text_rows
from .units import META_KEY, Unit, WriteContext, unit_meta

NAME = "doccano"
EXTENSION = ".jsonl"
DEFAULT_OFFSETS = UTF16
NESTED = True


def unique_spans(unit: Unit) -> list:
    """One span per (start, end, label), in text order."""
    unique = {(s.start, s.end, s.label): s for s in unit.spans}
    return [unique[k] for k in sorted(unique)]


def to_record(unit: Unit, offsets: str) -> dict:
    om = OffsetMap(unit.text)
    return {
        "text": unit.text,
        "label": [[om.to_unit(s.start, offsets), om.to_unit(s.end, offsets), s.label] for s in unique_spans(unit)],
        META_KEY: unit_meta(unit),
    }


def overlapping(spans: list) -> int:
    """How many spans (in text order) start inside an earlier one: what doccano drops without the option."""
    count, reach = 0, -1
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start < reach:
            count += 1
        reach = max(reach, span.end)
    return count


def write(units: Iterable[Unit], path: Path, staging: Staging, ctx: WriteContext) -> None:
    crossed = 0
    with staging.text(path) as fh:
        for unit in units:
            crossed += overlapping(unique_spans(unit))
            fh.write(json.dumps(to_record(unit, ctx.offsets), ensure_ascii=True) + "\n")
    if crossed:
        ctx.notes.append(Phrase(
            "{name}: {count} span(s) are nested in or overlap another; doccano drops them unless the doccano"
            " project has «Allow overlapping spans» turned on (project settings) before the import",
            name=path.name, count=crossed))


def _raw_spans(path: Path, number: int, row: dict) -> list[RawSpan]:
    labels = row.get("label", row.get("labels", row.get("entities", [])))
    if not isinstance(labels, list):
        raise InputError(path, f'line {number}: "label" must be a list of [start, end, label]')
    raws = []
    for item in labels:
        try:
            if isinstance(item, dict):  # doccano's entity/relation export
                raws.append(RawSpan(int(item["start_offset"]), int(item["end_offset"]), str(item["label"])))
            else:
                start, end, label = item
                raws.append(RawSpan(int(start), int(end), str(label)))
        except (KeyError, TypeError, ValueError):
            raise InputError(path, f"line {number}: label {item!r} is not [start, end, label]") from None
    return raws


def read(path: Path, *, offsets: str | None = None) -> ReadResult:
    resolver = SpanResolver(offsets or DEFAULT_OFFSETS)
    records = []
    for number, row in text_rows(path):
        records.append(
            make_record(row["text"], _raw_spans(path, number, row), f"line {number}", meta_of(row), resolver)
        )
    return ReadResult(records, resolver.notes(path))
