"""Label Studio JSON tasks, with the labeling config written beside them.

Each unit is a task.  Model suggestions go under ``predictions`` and people's spans
under ``annotations`` (one annotation per annotator, named in the task's
``data.razmetka.layers``).  Results are ``labels`` over ``data.text`` with
start/end/text/labels.  Label Studio counts code points since label-studio#1559;
older versions wrote UTF-16 units (``--offsets utf16``).

The dialogue variant (``--labelstudio-dialogue``) shows turns as Paragraphs:
``data.dialogue`` is a list of ``{author, text}`` (speaker and speech), and results
are ``paragraphlabels`` with ``start``/``end`` paragraph indices and
``startOffset``/``endOffset`` inside those paragraphs.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from ..errors import InputError
from ..model import Speaker, Turn
from ..ner import MODEL_NAME
from ..transcript import NARRATOR
from .atomic import Staging
from .offsets import CODEPOINTS, OffsetMap
from .records import RawSpan, ReadResult, Record, SpanResolver, make_record, meta_of, read_json
from .units import META_KEY, Unit, WriteContext, text_sha256, unit_meta

NAME = "labelstudio"
EXTENSION = ".json"
DEFAULT_OFFSETS = CODEPOINTS
NESTED = True
CONFIG_FILE = "label_config.xml"


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
    with staging.text(folder / CONFIG_FILE) as fh:
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
    counter = iter(range(1, 1 << 30))

    def result(span) -> dict[str, Any]:
        return {
            "id": f"r{next(counter)}",
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
    counter = iter(range(1, 1 << 30))

    def result(span) -> dict[str, Any]:
        # The paragraph holding the first character, and the one holding the last.
        first = max(bisect_right(starts, span.start) - 1, 0)
        last = max(bisect_left(starts, span.end) - 1, 0)
        return {
            "id": f"r{next(counter)}",
            "from_name": "label",
            "to_name": "dialogue",
            "type": "paragraphlabels",
            "value": {
                "start": first,
                "end": last,
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
    for _name, spans in people:
        task["annotations"].append(
            {"result": [result(s) for s in spans], "was_cancelled": False, "ground_truth": False}
        )
    if suggested:
        models = {s.origin for s in suggested}
        task["predictions"].append(
            {
                "model_version": MODEL_NAME if models == {"model"} else "razmetka",
                "result": [result(s) for s in suggested],
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


# -- reading ----------------------------------------------------------------


def _annotator(annotation: dict[str, Any], index: int, layers: list) -> str | None:
    if index < len(layers) and isinstance(layers[index], str | None):
        return layers[index]
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        who = who.get("email") or who.get("username") or who.get("id")
    return None if who is None else f"label-studio user {who}" if isinstance(who, int) else str(who)


def _results(path: Path, where: str, task: dict[str, Any], layers: list) -> list[tuple[dict, str, str | None]]:
    """(result, status, annotator) for every result of the task's annotations and predictions."""
    found = []
    for key, status in (("annotations", "accepted"), ("predictions", "suggested")):
        items = task.get(key) or []
        if not isinstance(items, list):
            raise InputError(path, f"{where}: {key!r} must be a list")
        for i, item in enumerate(items):
            if not isinstance(item, dict) or item.get("was_cancelled"):
                continue
            annotator = _annotator(item, i, layers) if status == "accepted" else None
            for res in item.get("result") or []:
                if isinstance(res, dict):
                    found.append((res, status, annotator))
    return found


def _labels(value: dict[str, Any], key: str) -> list[str]:
    labels = value.get(key) or value.get("labels") or []
    return [str(x) for x in labels] if isinstance(labels, list) else [str(labels)]


def _text_record(path: Path, where: str, task, text: str, meta, resolver, ignored: list[int]) -> Record:
    raws = []
    for res, status, annotator in _results(path, where, task, meta.get("layers") or []):
        value = res.get("value") or {}
        if res.get("type") != "labels" or "start" not in value:
            ignored[0] += 1
            continue
        try:
            start, end = int(value["start"]), int(value["end"])
        except (KeyError, TypeError, ValueError):
            raise InputError(path, f"{where}: result {res.get('id', '')!r} has no whole-number start and end") from None
        given = value.get("text") if isinstance(value.get("text"), str) else None
        raws.extend(RawSpan(start, end, label, given, status, annotator) for label in _labels(value, "labels"))
    return make_record(text, raws, where, meta, resolver)


def _dialogue_record(path: Path, where: str, task, dialogue: list, meta, resolver, ignored: list[int]) -> Record:
    roles = {s.get("name"): s.get("role") for s in meta.get("speakers") or [] if isinstance(s, dict)}
    parts, turns, bounds, position = [], [], [], 0
    speakers: dict[str, Speaker] = {}
    for i, paragraph in enumerate(dialogue):
        if not isinstance(paragraph, dict):
            raise InputError(path, f"{where}: dialogue item {i} is not an object with author and text")
        speech = str(paragraph.get("text") or "")
        author = str(paragraph.get("author") or "").strip() or NARRATOR
        if i:
            parts.append("\n\n")
            position += 2
        parts.append(speech)
        bounds.append((position, position + len(speech)))
        if speech.strip():
            if author not in speakers:
                role = roles.get(author) or ("narrator" if author == NARRATOR else "other")
                speakers[author] = Speaker(author, role)
            turns.append(Turn(position, position + len(speech), position, author))
        position += len(speech)
    text = "".join(parts)
    raws = []
    for res, status, annotator in _results(path, where, task, meta.get("layers") or []):
        value = res.get("value") or {}
        if res.get("type") != "paragraphlabels" or "startOffset" not in value:
            ignored[0] += 1
            continue
        try:
            first, last = int(value["start"]), int(value["end"])
            start, end = int(value["startOffset"]), int(value["endOffset"])
            if not 0 <= first <= last < len(bounds):
                raise IndexError(first)
            first_bounds, last_bounds = bounds[first], bounds[last]
        except (KeyError, TypeError, ValueError, IndexError):
            raise InputError(
                path, f"{where}: result {res.get('id', '')!r} needs paragraph start/end and startOffset/endOffset"
            ) from None
        given = value.get("text") if isinstance(value.get("text"), str) else None
        raws.extend(
            RawSpan(start, end, label, given, status, annotator, start_segment=first_bounds, end_segment=last_bounds)
            for label in _labels(value, "paragraphlabels")
        )
    return make_record(text, raws, where, meta, resolver, speakers=list(speakers.values()), turns=turns)


def read(path: Path, *, offsets: str | None = None) -> ReadResult:
    data = read_json(path)
    tasks = data if isinstance(data, list) else [data]
    resolver = SpanResolver(offsets or DEFAULT_OFFSETS)
    records = []
    ignored = [0]
    for number, task in enumerate(tasks, 1):
        where = f"task {number}"
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            raise InputError(path, f'{where}: not a Label Studio task (an object with "data")')
        payload = task["data"]
        meta = meta_of(payload)
        if isinstance(payload.get("dialogue"), list):
            records.append(_dialogue_record(path, where, task, payload["dialogue"], meta, resolver, ignored))
        elif isinstance(payload.get("text"), str):
            records.append(_text_record(path, where, task, payload["text"], meta, resolver, ignored))
        else:
            raise InputError(path, f'{where}: data has neither "text" nor "dialogue"')
    notes = resolver.notes(path)
    if ignored[0]:
        notes.append(f"{path}: {ignored[0]} result(s) that are not text labels were ignored")
    return ReadResult(records, notes)
