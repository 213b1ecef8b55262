"""The model against the people: how good the pre-annotation was.  Pure, no SQL, no Qt.

The model's original output (``model_output``, never edited since import) is
compared with a reference layer: the gold layer (origin ``adjudicated``) where a
reviewer made one, else the spans each person accepted, made or imported (one
comparison per annotator, pooled in the figures).  A suggestion a person
rejected is therefore a false positive of the model.  A mention whose suggestion
nobody has resolved yet is left out of the comparison (``pending``).

Scores per label and overall in the SemEval-2013 schemes (strict, exact, partial,
type) come from the ``nervaluate`` package.  The kinds of error and the most
frequent corrections («ЕАЭС LOC→ORG ×3») are counted here by matching each
mention with the reference: the same range and label is correct, the same range
with another label a label swap, an overlapping span of the same label a boundary
error (with another label: both), a mention over no reference span spurious, and a
reference span under no mention missed.
"""

from __future__ import annotations

import csv
import io
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .model import Document, Mention, Span, Status
from .review import is_gold

SCHEMES = {"strict": "strict", "exact": "exact", "partial": "partial", "type": "ent_type"}  # ours: nervaluate's
ERROR_KINDS = ("correct", "label", "boundary", "label_and_boundary", "missed", "spurious")
TOP_CORRECTIONS = 10


@dataclass
class Comparison:
    """One document's model output and reference, as (start, end, label, text) tuples."""

    id: str
    title: str
    reference_kind: str  # "gold" or "people"
    annotator: str | None  # whose accepted spans, for "people"
    reference: list[tuple[int, int, str, str]]
    model: list[tuple[int, int, str, str]]
    pending: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    corrections: Counter[tuple[str, str, str, str]] = field(default_factory=Counter)  # (kind, text, from, to)


def references(doc: Document) -> list[tuple[str, str | None, list[Span]]]:
    """The layers to compare the model with, as (kind, annotator, spans).

    The gold layer if there is one; else each person's accepted spans, one
    comparison per annotator (so two annotators who disagree are not pooled into
    one reference that holds both answers).
    """
    gold = [s for s in doc.spans if is_gold(s) and s.visible]
    if gold:
        return [("gold", None, gold)]
    people: dict[str | None, list[Span]] = {}
    for span in doc.spans:
        if span.status == Status.ACCEPTED:
            people.setdefault(span.annotator, []).append(span)
    if not people:
        return [("people", None, [])]
    return [("people", name, spans) for name, spans in sorted(people.items(), key=lambda kv: kv[0] or "")]


def compare(doc: Document, mentions: Iterable[Mention]) -> list[Comparison]:
    """Match a document's model output with each of its reference layers."""
    rows = sorted({(m.start, m.end, m.label, m.text) for m in mentions})
    comparisons = []
    for kind, annotator, spans in references(doc):
        mine = [s for s in doc.spans if s.annotator in (annotator, None) and not is_gold(s)]
        pending_keys = {s.key for s in mine if s.status == Status.SUGGESTED}
        judged = {s.key for s in mine if s.status != Status.SUGGESTED and s.annotator == annotator}
        model, pending = [], 0
        for m in rows:
            if kind == "people" and m[:3] in pending_keys and m[:3] not in judged:
                pending += 1
            else:
                model.append(m)
        reference = sorted({(s.start, s.end, s.label, s.text) for s in spans})
        comparison = Comparison(doc.id or "", doc.title, kind, annotator, reference, model, pending)
        _classify(comparison)
        comparisons.append(comparison)
    return comparisons


def _classify(c: Comparison) -> None:
    refs = c.reference  # sorted by start
    used: set[int] = set()
    by_key: dict[tuple, list[int]] = {}
    by_range: dict[tuple[int, int], list[int]] = {}
    for i, r in enumerate(refs):
        by_key.setdefault(r[:3], []).append(i)
        by_range.setdefault(r[:2], []).append(i)
    starts = [r[0] for r in refs]
    longest = max((r[1] - r[0] for r in refs), default=0)

    def first_free(indices: list[int]) -> int | None:
        i = next((i for i in indices if i not in used), None)
        if i is not None:
            used.add(i)
        return i

    def overlapping(m: tuple, same_label: bool) -> int | None:
        lo, hi = bisect_left(starts, m[0] - longest), bisect_left(starts, m[1])
        return first_free([i for i in range(lo, hi) if refs[i][1] > m[0] and (not same_label or refs[i][2] == m[2])])

    leftovers = []
    for m in c.model:  # exact matches first, so that a partial one never steals a correct one's span
        if first_free(by_key.get(m[:3], [])) is not None:
            c.errors["correct"] += 1
        else:
            leftovers.append(m)
    for m in leftovers:
        i = first_free(by_range.get(m[:2], []))
        if i is not None:
            c.errors["label"] += 1
            c.corrections[("label", m[3], m[2], refs[i][2])] += 1
            continue
        i = overlapping(m, True)
        if i is None:
            i = overlapping(m, False)
        if i is not None:
            kind = "boundary" if refs[i][2] == m[2] else "label_and_boundary"
            c.errors[kind] += 1
            c.corrections[(kind, m[3], m[2], f"{refs[i][3]} {refs[i][2]}")] += 1
            continue
        c.errors["spurious"] += 1
        c.corrections[("spurious", m[3], m[2], "")] += 1
    for i, r in enumerate(refs):
        if i not in used:
            c.errors["missed"] += 1
            c.corrections[("missed", r[3], "", r[2])] += 1


def describe_correction(kind: str, text: str, before: str, after: str) -> str:
    if kind == "label":
        return f"{text} {before}→{after}"
    if kind in ("boundary", "label_and_boundary"):
        return f"{text} {before} → {after}"
    if kind == "spurious":
        return f"{text} {before} (removed)"
    return f"{text} {after} (added)"


def _groups(reference: list[tuple], model: list[tuple]) -> list[tuple[list[tuple], list[tuple]]]:
    """The spans split into groups that overlap nothing outside them.

    nervaluate only ever matches overlapping entities, so scoring each group as a
    document of its own gives the same counts, in linear rather than quadratic time.
    """
    items = sorted([(r, 0) for r in reference] + [(m, 1) for m in model], key=lambda x: (x[0][0], -x[0][1]))
    groups: list[tuple[list[tuple], list[tuple]]] = []
    end = -1
    for row, side in items:
        if not groups or row[0] >= end:
            groups.append(([], []))
            end = row[1]
        end = max(end, row[1])
        groups[-1][side].append(row)
    return groups


def _nervaluate(comparisons: Sequence[Comparison], labels: list[str]) -> tuple[dict, dict]:
    from nervaluate import Evaluator

    def entities(rows: list[tuple[int, int, str, str]]) -> list[dict]:
        return [{"label": r[2], "start": r[0], "end": r[1] - 1} for r in rows]  # nervaluate's ends are inclusive

    true, pred = [], []
    for c in comparisons:  # nervaluate compares every pair in a document: give it each overlapping group
        for ref, model in _groups(c.reference, c.model):
            true.append(entities(ref))
            pred.append(entities(model))
    if not labels or not true:
        return {}, {}
    results = Evaluator(true, pred, tags=labels, loader="dict").evaluate()

    def scores(per_scheme: dict) -> dict:
        out = {}
        for ours, theirs in SCHEMES.items():
            r = per_scheme[theirs]
            out[ours] = {
                "precision": r.precision,
                "recall": r.recall,
                "f1": r.f1,
                **{k: getattr(r, k) for k in ("correct", "incorrect", "partial", "missed", "spurious")},
            }
        return out

    overall = scores(results["overall"])
    per_label = {label: scores(results["entities"][label]) for label in sorted(results["entities"])}
    return overall, per_label


def report(items: Iterable[tuple[Document, Sequence[Mention]]]) -> dict:
    """The model-quality report over documents (each with its model output), as ``razmetka report --json``."""
    comparisons = [c for doc, mentions in items for c in compare(doc, mentions)]
    comparisons = [c for c in comparisons if c.reference or c.model]
    labels = sorted({r[2] for c in comparisons for r in (*c.reference, *c.model)})
    overall, per_label = _nervaluate(comparisons, labels)
    errors: Counter[str] = Counter()
    corrections: Counter[tuple[str, str, str, str]] = Counter()
    for c in comparisons:
        errors.update(c.errors)
        corrections.update(c.corrections)
    top = sorted(corrections.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_CORRECTIONS]
    return {
        "documents": len({c.id for c in comparisons}),
        "reference": dict(Counter(c.reference_kind for c in comparisons)),
        "pending": sum(c.pending for c in comparisons),
        "schemes": overall,
        "labels": per_label,
        "errors": {kind: errors.get(kind, 0) for kind in ERROR_KINDS},
        "corrections": [
            {
                "kind": kind,
                "text": text,
                "from": before,
                "to": after,
                "count": n,
                "description": f"{describe_correction(kind, text, before, after)} ×{n}",
            }
            for (kind, text, before, after), n in top
        ],
        "per_document": [
            {
                "id": c.id,
                "title": c.title,
                "reference": c.reference_kind,
                "annotator": c.annotator,
                "pending": c.pending,
                "errors": {kind: c.errors.get(kind, 0) for kind in ERROR_KINDS},
            }
            for c in comparisons
        ],
    }


def report_csv(data: dict) -> str:
    """The scores of a report as CSV: one row per scope (overall or a label) and scheme."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = ("precision", "recall", "f1", "correct", "incorrect", "partial", "missed", "spurious")
    writer.writerow(("scope", "scheme", *columns))
    scopes = [("overall", data["schemes"])] + list(data["labels"].items())
    for scope, schemes in scopes:
        for scheme, row in schemes.items():
            values = (round(v, 4) if isinstance(v, float) else v for v in map(row.get, columns))
            writer.writerow((scope, scheme, *values))
    return out.getvalue()
