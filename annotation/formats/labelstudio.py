"""Label Studio JSON tasks, with the labeling config written beside them.

Each unit is a task.  Model suggestions go under ``predictions`` and people's spans
under ``annotations`` (one annotation per annotator, named in the task's
``data.razmetka.layers``).  Results are ``labels`` over ``data.text`` with
start/end/text/labels.  Label Studio's Text tag counts code points since
label-studio#1559; older versions wrote UTF-16 units (``--offsets utf16``).

The dialogue variant (``--labelstudio-dialogue``) shows turns as Paragraphs:
``data.dialogue`` is a list of ``{author, text}`` (speaker and speech), and results
are ``paragraphlabels`` with ``start``/``end`` paragraph indexes and
``startOffset``/``endOffset`` inside those paragraphs.  Label Studio's Paragraphs
type the indexes as strings (``"5"``; integers load as one region without a
highlight) and count the offsets in UTF-16 units (the DOM's), so this variant
writes strings and UTF-16 by default.

Every result's id names the layer it was exported from (``l2-r7``: layer 2's
7th region; ``p-r3`` for a prediction), and Label Studio keeps region ids, so an
import can tell whose annotation it reads even after Label Studio's own users
(``completed_by``) replaced the names (see ``labelstudio_read``).
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from ..ner import MODEL_NAME
from .atomic import Staging
from .labelstudio_read import CONFIG_FILE, DIALOGUE_CONFIG_FILE, read
from .offsets import CODEPOINTS, UTF16, OffsetMap
from .units import META_KEY, Unit, WriteContext, text_sha256, unit_meta

__all__ = ["read", "write", "write_shared", "label_config", "config_file"]

NAME = "labelstudio"
EXTENSION = ".json"
DEFAULT_OFFSETS = CODEPOINTS
DIALOGUE_OFFSETS = UTF16  # Paragraphs count UTF-16 units
NESTED = True


def config_file(dialogue: bool) -> str:
    """The config's file name: the two variants differ, so they never overwrite each other in one folder."""
    return DIALOGUE_CONFIG_FILE if dialogue else CONFIG_FILE


def label_config(labels: list[str], colors: dict[str, str], dialogue: bool) -> str:
    items = "\n".join(
        f"    <Label value={quoteattr(name)}"
        + (f" background={quoteattr(colors[name])}" if name in colors else "")
        + "/>"
        for name in labels
    )
    if dialogue:
        return (
            "<View>\n"
            '  <ParagraphLabels name="label" toName="dialogue">\n'
            f"{items}\n"
            "  </ParagraphLabels>\n"
            '  <Paragraphs name="dialogue" value="$dialogue" layout="dialogue" nameKey="author" textKey="text"/>\n'
            "</View>\n"
        )
    return (
        "<View>\n"
        '  <Labels name="label" toName="text">\n'
        f"{items}\n"
        "  </Labels>\n"
        "  <Style>.htx-text { white-space: pre-wrap; }</Style>\n"
        '  <Text name="text" value="$text"/>\n'
        "</View>\n"
    )


def write_shared(folder: Path, staging: Staging, ctx: WriteContext) -> None:
    with staging.text(folder / config_file(ctx.dialogue)) as fh:
        fh.write(label_config(ctx.labels, ctx.colors, ctx.dialogue))


def _layers(unit: Unit) -> tuple[list[tuple[str | None, list]], list]:
    """People's spans grouped by annotator, and the suggestions."""
    people: dict[str | None, list] = {}
    suggested = []
    for span in sorted(unit.spans, key=lambda s: (s.start, -s.end, s.label)):
        if span.status == "suggested":
            suggested.append(span)
        else:
            people.setdefault(span.annotator, []).append(span)
    return sorted(people.items(), key=lambda kv: kv[0] or ""), suggested


def _text_task(unit: Unit, offsets: str) -> dict[str, Any]:
    om = OffsetMap(unit.text)

    def result(span, region: str) -> dict[str, Any]:
        return {
            "id": region,
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {
                "start": om.to_unit(span.start, offsets),
                "end": om.to_unit(span.end, offsets),
                "text": span.text,
                "labels": [span.label],
            },
        }

    return _task(unit, {"text": unit.text}, unit_meta(unit), result)


def _dialogue_task(unit: Unit, offsets: str) -> dict[str, Any]:
    turns = [t for t in unit.turns if t.content_start < t.end]
    paragraphs = [{"author": t.speaker, "text": unit.speech(t)} for t in turns]
    maps = [OffsetMap(p["text"]) for p in paragraphs]
    starts = [t.content_start for t in turns]
    # Where each paragraph lies in the dialogue's text as an import rebuilds it (joined by blank lines).
    rebuilt, position = [], 0
    for turn in turns:
        rebuilt.append((position, unit.document_offset(turn.content_start), turn.end - turn.content_start))
        position += turn.end - turn.content_start + 2

    def result(span, region: str) -> dict[str, Any]:
        # The paragraph holding the first character, and the one holding the last.
        first = max(bisect_right(starts, span.start) - 1, 0)
        last = max(bisect_left(starts, span.end) - 1, 0)
        return {
            "id": region,
            "from_name": "label",
            "to_name": "dialogue",
            "type": "paragraphlabels",
            "value": {
                "start": str(first),
                "end": str(last),
                "startOffset": maps[first].to_unit(span.start - starts[first], offsets),
                "endOffset": maps[last].to_unit(span.end - starts[last], offsets),
                "text": span.text,
                "paragraphlabels": [span.label],
            },
        }

    meta = unit_meta(unit)
    meta.pop("turns", None)
    meta["anchor"] = {"sha256": text_sha256(unit.document.text), "pieces": [list(p) for p in rebuilt]}
    return _task(unit, {"dialogue": paragraphs}, meta, result)


def _task(unit: Unit, data: dict[str, Any], meta: dict[str, Any], result) -> dict[str, Any]:
    people, suggested = _layers(unit)
    meta["layers"] = [name for name, _ in people]
    task: dict[str, Any] = {"data": {**data, META_KEY: meta}, "annotations": [], "predictions": []}
    for k, (_name, spans) in enumerate(people, 1):
        task["annotations"].append(
            {
                "result": [result(s, f"l{k}-r{n}") for n, s in enumerate(spans, 1)],
                "was_cancelled": False,
                "ground_truth": False,
            }
        )
    if suggested:
        models = {s.origin for s in suggested}
        task["predictions"].append(
            {
                "model_version": MODEL_NAME if models == {"model"} else "razmetka",
                "result": [result(s, f"p-r{n}") for n, s in enumerate(suggested, 1)],
            }
        )
    return task


def write(units: Iterable[Unit], path: Path, staging: Staging, ctx: WriteContext) -> None:
    make = _dialogue_task if ctx.dialogue else _text_task
    with staging.text(path) as fh:
        fh.write("[")
        for i, unit in enumerate(units):
            fh.write(",\n" if i else "\n")
            fh.write(json.dumps(make(unit, ctx.offsets), ensure_ascii=False))
        fh.write("\n]\n")
