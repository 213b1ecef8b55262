"""CoNLL-2003-style IOB2: two columns ``token tag``, one token a line.

Tokens and sentences come from razdel (see tokens.py); sentences are separated by
a blank line and every unit starts with CoNLL-2003's document line
``-DOCSTART- -X- O O`` and a blank line: ``spacy convert -c ner`` splits documents
only on that exact line, and seqeval and the CoNLL-2003 readers skip it.  Nested
spans cannot be written: the outermost stay and the export counts the rest.
``FILE.meta.jsonl`` (``train.conll.meta.jsonl``) beside the file holds each unit's text, token offsets and
speakers, so an import restores the exact text and offsets.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from .atomic import Staging
from .inputs import read_text
from .offsets import CODEPOINTS
from .records import RawSpan, ReadResult, SpanResolver, make_record, meta_of, read_jsonl
from .tokens import rebuild, side_file, spans_from_tags, tokenised
from .units import META_KEY, Unit, WriteContext, unit_meta

NAME = "conll"
EXTENSION = ".conll"
DEFAULT_OFFSETS = CODEPOINTS
NESTED = False
DOCSTART = "-DOCSTART-"
DOCSTART_LINE = "-DOCSTART- -X- O O"  # CoNLL-2003's own, which spaCy's converter looks for


def write(units: Iterable[Unit], path: Path, staging: Staging, ctx: WriteContext) -> None:
    with staging.text(path) as fh, staging.text(side_file(path)) as side:
        for unit in units:
            groups, tags = tokenised(unit.text, unit.spans, ctx.labels, ctx.dropped)
            text = unit.text
            lines = [f"{DOCSTART_LINE}\n"]
            for tokens, sentence_tags in zip(groups, tags, strict=True):
                lines.append("\n")
                lines.extend(
                    f"{text[start:end]} {tag}\n" for (start, end), tag in zip(tokens, sentence_tags, strict=True)
                )
            lines.append("\n")
            fh.write("".join(lines))
            flat = [t for tokens in groups for t in tokens]
            side.write(
                json.dumps(
                    {"id": unit.id, META_KEY: unit_meta(unit), "text": unit.text, "tokens": flat}, ensure_ascii=False
                )
                + "\n"
            )


def _check_tag(path: Path, number: int, tag: str) -> str:
    if tag == "O" or (tag[:2] in ("B-", "I-") and len(tag) > 2):
        return tag
    raise InputError(path, f"line {number}: tag {tag!r} is not IOB2 (O, B-LABEL or I-LABEL)")


def parse(path: Path) -> list[tuple[int, list[list[str]], list[list[str]]]]:
    """(first line, sentences of tokens, sentences of tags) for each document of a CoNLL file."""
    lines = read_text(path).splitlines()
    docs: list[tuple[int, list[list[str]], list[list[str]]]] = []
    tokens: list[list[str]] = [[]]
    tags: list[list[str]] = [[]]
    first = 1

    def close() -> None:
        done_tokens = [s for s in tokens if s]
        if done_tokens:
            docs.append((first, done_tokens, [s for s in tags if s]))

    for number, line in enumerate(lines, 1):
        columns = line.split()
        if not columns:
            if tokens[-1]:
                tokens.append([])
                tags.append([])
            continue
        if columns[0] == DOCSTART:
            close()
            tokens, tags, first = [[]], [[]], number
            continue
        if len(columns) < 2:
            raise InputError(path, f"line {number}: expected a token and a tag")
        tokens[-1].append(columns[0])
        tags[-1].append(_check_tag(path, number, columns[-1]))
    close()
    return docs


def read_side(path: Path) -> list[dict]:
    side = side_file(path)
    return [row for _, row in read_jsonl(side) if isinstance(row, dict)] if side.exists() else []


def read(path: Path, *, offsets: str | None = None) -> ReadResult:
    docs = parse(path)
    if not docs:
        raise InputError(path, "holds no tokens")
    sides = read_side(path)
    resolver = SpanResolver(CODEPOINTS, report=False)
    records, rebuilt = [], 0
    for index, (line, sentence_tokens, sentence_tags) in enumerate(docs):
        side = sides[index] if len(sides) == len(docs) else None
        text, groups, exact = rebuild(sentence_tokens, side)
        rebuilt += not exact
        raws = []
        for tokens, tags in zip(groups, sentence_tags, strict=True):
            raws.extend(RawSpan(s, e, label) for s, e, label in spans_from_tags(tokens, tags))
        records.append(make_record(text, raws, f"line {line}", meta_of(side) if exact else {}, resolver))
    notes = resolver.notes(path)
    if rebuilt:
        notes.append(
            f"{path}: {rebuilt} document(s) had no matching {side_file(path).name}; their text was rebuilt from the "
            "tokens (joined by spaces, sentences by newlines)"
        )
    return ReadResult(records, notes)
