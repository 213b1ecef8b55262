"""spaCy / Prodigy spans: JSONL lines of ``{"text", "spans": [{"start", "end", "label", "text"}]}``.

Offsets are code points, as Python's; spaCy users build a ``Doc`` and call
``Doc.char_span(start, end, label=…)`` for each span.  Spans may nest (they belong
in ``Doc.spans``; ``Doc.ents`` takes only the outermost).  The document's details
travel in a ``razmetka`` field.

Beside each JSONL file goes a ``.spacy`` DocBin (``train.spacy``) that ``python -m
spacy train`` reads as it is (see docbin.py); without spaCy installed, the JSONL
alone is written and the report says how to get the DocBin.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from .atomic import Staging
from .docbin import NO_SPACY, DocBinWriter, note_once
from .doccano import unique_spans
from .offsets import CODEPOINTS, OffsetMap
from .records import RawSpan, ReadResult, SpanResolver, make_record, meta_of, text_rows
from .units import META_KEY, Unit, WriteContext, unit_meta

NAME = "spacy"
EXTENSION = ".jsonl"
DEFAULT_OFFSETS = CODEPOINTS
NESTED = True


def to_record(unit: Unit, offsets: str) -> dict:
    om = OffsetMap(unit.text)
    return {
        "text": unit.text,
        "spans": [
            {
                "start": om.to_unit(s.start, offsets),
                "end": om.to_unit(s.end, offsets),
                "label": s.label,
                "text": s.text,
            }
            for s in unique_spans(unit)
        ],
        META_KEY: unit_meta(unit),
    }


def write(units: Iterable[Unit], path: Path, staging: Staging, ctx: WriteContext) -> None:
    docbin = DocBinWriter.create()
    with staging.text(path) as fh:
        for unit in units:
            fh.write(json.dumps(to_record(unit, ctx.offsets), ensure_ascii=False) + "\n")
            if docbin is not None:
                docbin.add(unit)
    if docbin is None:
        note_once(ctx, NO_SPACY)
    else:
        docbin.save(path, staging, ctx)


def read(path: Path, *, offsets: str | None = None) -> ReadResult:
    resolver = SpanResolver(offsets or DEFAULT_OFFSETS)
    records = []
    for number, row in text_rows(path):
        spans = row.get("spans", [])
        if not isinstance(spans, list):
            raise InputError(path, f'line {number}: "spans" must be a list')
        raws = []
        for item in spans:
            try:
                text = item.get("text")
                raws.append(
                    RawSpan(
                        int(item["start"]),
                        int(item["end"]),
                        str(item["label"]),
                        text if isinstance(text, str) else None,
                    )
                )
            except (AttributeError, KeyError, TypeError, ValueError):
                raise InputError(path, f"line {number}: span {item!r} needs start, end and label") from None
        records.append(make_record(row["text"], raws, f"line {number}", meta_of(row), resolver))
    return ReadResult(records, resolver.notes(path))
