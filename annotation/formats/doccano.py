"""doccano sequence labeling: JSONL lines of ``{"text", "label": [[start, end, label], …]}``.

doccano's front end measures JavaScript strings, so its offsets count UTF-16 units
(doccano#2290); that is the default here.  Speakers, turns and the document's
details travel in a ``razmetka`` field, which doccano keeps as metadata.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
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


def write(units: Iterable[Unit], path: Path, staging: Staging, ctx: WriteContext) -> None:
    with staging.text(path) as fh:
        for unit in units:
            fh.write(json.dumps(to_record(unit, ctx.offsets), ensure_ascii=False) + "\n")


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
