"""Hugging Face token classification: JSONL rows of ``{id, tokens, ner_tags}``.

One row per sentence (razdel, as for CoNLL); ``ner_tags`` are integers into
``label_names.json`` beside the file, the ClassLabel order (``O``, then ``B-``/``I-``
for each label).  Load it with::

    names = json.load(open("label_names.json"))
    features = Features({"id": Value("string"), "tokens": Sequence(Value("string")),
                         "ner_tags": Sequence(ClassLabel(names=names))})
    load_dataset("json", data_files="train.jsonl", features=features)

Nested spans cannot be written: the outermost stay.  ``FILE.meta.jsonl`` (``train.jsonl.meta.jsonl``) maps rows
back to each unit's text, token offsets and speakers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from .atomic import Staging
from .offsets import CODEPOINTS
from .records import RawSpan, ReadResult, SpanResolver, make_record, meta_of, read_json, read_jsonl
from .tokens import rebuild, side_file, spans_from_tags, tokenised
from .units import META_KEY, Unit, WriteContext, unit_meta

NAME = "hf"
EXTENSION = ".jsonl"
DEFAULT_OFFSETS = CODEPOINTS
NESTED = False
LABELS_FILE = "label_names.json"


def label_names(labels: list[str]) -> list[str]:
    return ["O"] + [f"{prefix}-{label}" for label in labels for prefix in ("B", "I")]


def write_shared(folder: Path, staging: Staging, ctx: WriteContext) -> None:
    with staging.text(folder / LABELS_FILE) as fh:
        fh.write(json.dumps(label_names(ctx.labels), ensure_ascii=False, indent=1) + "\n")


def write(units: Iterable[Unit], path: Path, staging: Staging, ctx: WriteContext) -> None:
    index = {name: i for i, name in enumerate(label_names(ctx.labels))}
    with staging.text(path) as fh, staging.text(side_file(path)) as side:
        for unit in units:
            groups, tags = tokenised(unit.text, unit.spans, ctx.labels, ctx.dropped)
            rows = []
            for n, (tokens, sentence_tags) in enumerate(zip(groups, tags, strict=True)):
                row_id = f"{unit.id}-s{n:04d}"
                rows.append(row_id)
                row = {
                    "id": row_id,
                    "tokens": [unit.text[s:e] for s, e in tokens],
                    "ner_tags": [index[tag] for tag in sentence_tags],
                }
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            flat = [list(t) for tokens in groups for t in tokens]
            side.write(
                json.dumps(
                    {"id": unit.id, META_KEY: unit_meta(unit), "rows": rows, "text": unit.text, "tokens": flat},
                    ensure_ascii=False,
                )
                + "\n"
            )


def read(path: Path, *, offsets: str | None = None) -> ReadResult:
    names_path = path.with_name(LABELS_FILE)
    if not names_path.exists():
        raise InputError(path, f"needs {LABELS_FILE} beside it to name its ner_tags")
    names = read_json(names_path)
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise InputError(names_path, "must be a JSON list of tag names")
    rows: dict[str, tuple[int, list[str], list[str]]] = {}
    order: list[str] = []
    for number, row in read_jsonl(path):
        try:
            tokens = [str(t) for t in row["tokens"]]
            tags = [names[int(i)] for i in row["ner_tags"]]
            row_id = str(row.get("id", number))
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            raise InputError(path, f"line {number}: needs tokens and ner_tags within {LABELS_FILE}") from None
        if len(tokens) != len(tags):
            raise InputError(path, f"line {number}: {len(tokens)} tokens but {len(tags)} ner_tags")
        if row_id in rows:  # ids should be unique; keep both rows all the same
            row_id = f"{row_id}@{number}"
        rows[row_id] = (number, tokens, tags)
        order.append(row_id)
    sides = side_file(path)
    groups: list[tuple[list[str], dict | None]] = []
    claimed: set[str] = set()
    if sides.exists():
        for _, side in read_jsonl(sides):
            ids = side.get("rows") if isinstance(side, dict) else None
            if isinstance(ids, list) and ids and all(str(i) in rows for i in ids):
                groups.append(([str(i) for i in ids], side))
                claimed.update(str(i) for i in ids)
    groups.extend(([row_id], None) for row_id in order if row_id not in claimed)
    resolver = SpanResolver(CODEPOINTS, report=False)
    records, rebuilt = [], 0
    for ids, side in groups:
        sentence_tokens = [rows[i][1] for i in ids]
        text, offsets_by_sentence, exact = rebuild(sentence_tokens, side)
        rebuilt += not exact
        raws = []
        for row_id, tokens in zip(ids, offsets_by_sentence, strict=True):
            raws.extend(RawSpan(s, e, label) for s, e, label in spans_from_tags(tokens, rows[row_id][2]))
        records.append(make_record(text, raws, f"line {rows[ids[0]][0]}", meta_of(side) if exact else {}, resolver))
    notes = resolver.notes(path)
    if rebuilt:
        notes.append(f"{path}: {rebuilt} unit(s) were rebuilt from tokens (no matching {sides.name})")
    return ReadResult(records, notes)
