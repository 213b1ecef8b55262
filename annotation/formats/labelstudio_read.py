"""Reading Label Studio files: JSON tasks (Razmetka's export, or Label Studio's ``JSON``) and ``JSON_MIN`` rows.

Whose annotation is it?  Label Studio credits every annotation to one of its own
users (``completed_by``: a user id, or an object with an email; ``annotator`` in
``JSON_MIN``).  An annotation goes to:

1. the layer named like that user (an email, or ``labelstudio-user-N`` for user N),
   so a layer that came from Label Studio goes back to itself;
2. else the layer its region ids say it was exported from (``l2-r7`` is layer 2 of
   the task's ``data.razmetka.layers``; Label Studio keeps region ids);
3. else a new annotator named by the user's email, or ``labelstudio-user-N``.

Never by position: after an annotation is deleted in Label Studio and another
added, the i-th annotation is not the i-th layer.

Label Studio's ``JSON`` export lists predictions only by id (``"predictions": [1]``);
such suggestions cannot be read, and the notes say so and how to keep them.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Speaker, Turn
from ..transcript import NARRATOR
from .offsets import CODEPOINTS, UTF16
from .records import RawSpan, ReadResult, Record, SpanResolver, make_record, meta_of, read_json

CONFIG_FILE = "label_config.xml"
DIALOGUE_CONFIG_FILE = "label_config_dialogue.xml"
_REGION = re.compile(r"l(\d+)-r\d+")
# JSON_MIN fields that are Label Studio's, not the task's data or its regions.
_MIN_FIELDS = {"id", "annotator", "annotation_id", "created_at", "updated_at", "lead_time", "agreement"}


def user_name(who: Any) -> str | None:
    """A Label Studio user as an annotator's name: the email, else ``labelstudio-user-N``."""
    if isinstance(who, dict):
        if isinstance(who.get("email"), str) and who["email"].strip():
            return who["email"].strip()
        who = who.get("id")
    if isinstance(who, bool) or who is None:
        return None
    if isinstance(who, int) or (isinstance(who, str) and who.strip().isdigit()):
        return f"labelstudio-user-{int(who)}"
    return str(who).strip() or None


def annotator_of(annotation: dict[str, Any], layers: list) -> str | None:
    """The layer an annotation belongs to, by identity (see the module's rules); None if the file names nobody."""
    who = user_name(annotation.get("completed_by", annotation.get("annotator")))
    if who is not None and who in layers:
        return who
    found = Counter(
        int(m.group(1))
        for res in annotation.get("result") or []
        if isinstance(res, dict) and (m := _REGION.fullmatch(str(res.get("id", ""))))
    )
    if found:
        k = found.most_common(1)[0][0]
        if 1 <= k <= len(layers) and isinstance(layers[k - 1], str):
            return layers[k - 1]
    return who


class _Reading:
    """What one file's tasks add up to: records, and what could not be read."""

    def __init__(self, path: Path, offsets: str | None) -> None:
        self.path = path
        self.text_resolver = SpanResolver(offsets or CODEPOINTS)
        self.dialogue_resolver = SpanResolver(offsets or UTF16)
        self.ignored = 0  # results that are not text labels
        self.prediction_ids = 0  # predictions listed only by id
        self.tasks_with_ids = 0
        self.newcomers: set[str] = set()  # Label Studio users who were never a layer of the task
        self.min_rows = False

    def results(self, where: str, task: dict[str, Any], layers: list) -> list[tuple[dict, str, str | None]]:
        """(result, status, annotator) for every result of the task's annotations and predictions."""
        found = []
        ids = 0
        for key, status in (("annotations", "accepted"), ("predictions", "suggested")):
            items = task.get(key) or []
            if not isinstance(items, list):
                raise InputError(self.path, f"{where}: {key!r} must be a list")
            for item in items:
                if isinstance(item, int) and not isinstance(item, bool):
                    ids += key == "predictions"
                    continue
                if not isinstance(item, dict) or item.get("was_cancelled"):
                    continue
                annotator = annotator_of(item, layers) if status == "accepted" else None
                if annotator is not None and layers and annotator not in layers:
                    self.newcomers.add(annotator)
                for res in item.get("result") or []:
                    if isinstance(res, dict):
                        found.append((res, status, annotator))
        self.prediction_ids += ids
        self.tasks_with_ids += bool(ids)
        return found

    def text_record(self, where: str, task: dict, text: str, meta: dict) -> Record:
        raws = []
        for res, status, annotator in self.results(where, task, meta.get("layers") or []):
            value = res.get("value") or {}
            if res.get("type") not in ("labels", "Labels") or "start" not in value:
                self.ignored += 1
                continue
            try:
                start, end = int(value["start"]), int(value["end"])
            except (KeyError, TypeError, ValueError):
                raise InputError(
                    self.path, f"{where}: result {res.get('id', '')!r} has no whole-number start and end"
                ) from None
            given = value.get("text") if isinstance(value.get("text"), str) else None
            raws.extend(RawSpan(start, end, label, given, status, annotator) for label in _labels(value, "labels"))
        return make_record(text, raws, where, meta, self.text_resolver)

    def dialogue_record(self, where: str, task: dict, dialogue: list, meta: dict) -> Record:
        roles = {s.get("name"): s.get("role") for s in meta.get("speakers") or [] if isinstance(s, dict)}
        parts, turns, bounds, position = [], [], [], 0
        speakers: dict[str, Speaker] = {}
        for i, paragraph in enumerate(dialogue):
            if not isinstance(paragraph, dict):
                raise InputError(self.path, f"{where}: dialogue item {i} is not an object with author and text")
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
        raws = []
        for res, status, annotator in self.results(where, task, meta.get("layers") or []):
            value = res.get("value") or {}
            if res.get("type") not in ("paragraphlabels", "ParagraphLabels") or "startOffset" not in value:
                self.ignored += 1
                continue
            try:  # Label Studio writes the paragraph indexes as strings ("5"); older files as numbers
                first, last = int(value["start"]), int(value["end"])
                start, end = int(value["startOffset"]), int(value["endOffset"])
                if not 0 <= first <= last < len(bounds):
                    raise IndexError(first)
            except (KeyError, TypeError, ValueError, IndexError):
                raise InputError(
                    self.path,
                    f"{where}: result {res.get('id', '')!r} needs paragraph start/end and startOffset/endOffset",
                ) from None
            given = value.get("text") if isinstance(value.get("text"), str) else None
            raws.extend(
                RawSpan(
                    start, end, label, given, status, annotator, start_segment=bounds[first], end_segment=bounds[last]
                )
                for label in _labels(value, "paragraphlabels")
            )
        return make_record(
            "".join(parts), raws, where, meta, self.dialogue_resolver, speakers=list(speakers.values()), turns=turns
        )

    def notes(self) -> list[str]:
        notes = self.text_resolver.notes(self.path) + self.dialogue_resolver.notes(self.path)
        if self.ignored:
            notes.append(f"{self.path}: {self.ignored} result(s) that are not text labels were ignored")
        if self.newcomers:
            why = (
                "JSON_MIN keeps no region ids, so a layer is known only by its Label Studio user; "
                if self.min_rows
                else ""
            )
            notes.append(
                f"{self.path}: {why}annotations by Label Studio users who were never a layer here became new "
                f"annotator(s): {', '.join(sorted(self.newcomers))}"
            )
        if self.prediction_ids:
            notes.append(
                f"{self.path}: {self.prediction_ids} prediction(s) in {self.tasks_with_ids} task(s) are listed only by "
                "id (Label Studio's JSON export leaves their regions out), so those suggestions were not imported; "
                "to keep them, export from Label Studio with full predictions (serialization option "
                "predictions only_id = false), or import the original razmetka export"
            )
        return notes


def _labels(value: dict[str, Any], key: str) -> list[str]:
    labels = value.get(key) or value.get("labels") or []
    return [str(x) for x in labels] if isinstance(labels, list) else [str(labels)]


def _is_min_row(row: Any) -> bool:
    return (
        isinstance(row, dict)
        and "data" not in row
        and (isinstance(row.get("text"), str) or isinstance(row.get("dialogue"), list))
    )


def _regions(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, dict) and "start" in v and "end" in v for v in value)
    )


def tasks_from_min(rows: list[dict]) -> list[dict]:
    """``JSON_MIN`` rows (one per annotation: the task's data, its regions by control name, ``annotator``)
    as tasks, the rows of one task (by ``id``) together."""
    tasks: dict[Any, dict] = {}
    for number, row in enumerate(rows, 1):
        key = row.get("id", f"row {number}")
        data = {k: v for k, v in row.items() if k not in _MIN_FIELDS and not (k != "dialogue" and _regions(v))}
        task = tasks.setdefault(key, {"data": data, "annotations": []})
        result = []
        for name, regions in row.items():
            if name == "dialogue" or name in _MIN_FIELDS or not _regions(regions):
                continue
            for region in regions:
                kind = "paragraphlabels" if "startOffset" in region else "labels"
                result.append({"from_name": name, "type": kind, "value": region})
        if result:
            task["annotations"].append({"completed_by": row.get("annotator"), "result": result})
    return list(tasks.values())


def read(path: Path, *, offsets: str | None = None) -> ReadResult:
    data = read_json(path)
    tasks = data if isinstance(data, list) else [data]
    reading = _Reading(path, offsets)
    if tasks and all(_is_min_row(t) for t in tasks):
        tasks = tasks_from_min(tasks)
        reading.min_rows = True
    records = []
    for number, task in enumerate(tasks, 1):
        where = f"task {number}"
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            raise InputError(
                path, f'{where}: not a Label Studio task (an object with "data", or a JSON_MIN row with "text")'
            )
        payload = task["data"]
        meta = meta_of(payload)
        if isinstance(payload.get("dialogue"), list):
            records.append(reading.dialogue_record(where, task, payload["dialogue"], meta))
        elif isinstance(payload.get("text"), str):
            records.append(reading.text_record(where, task, payload["text"], meta))
        else:
            raise InputError(path, f'{where}: data has neither "text" nor "dialogue"')
    return ReadResult(records, reading.notes())


__all__ = ["CONFIG_FILE", "DIALOGUE_CONFIG_FILE", "read", "tasks_from_min", "user_name", "annotator_of"]
