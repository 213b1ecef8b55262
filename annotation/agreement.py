"""Inter-annotator agreement over documents with several layers: pure, no SQL, no Qt.

- Spans: exact-match precision, recall and F1 between each pair of annotators
  (A is the reference, B the prediction; F1 is symmetric), per label and overall,
  micro-averaged over the documents both annotated.
- Tokens (razdel, as :mod:`annotation.tokens` cuts them): each token's category is
  the label of the outermost span over it, or ``O``.  Cohen's kappa for each pair,
  Krippendorff's alpha (nominal, the ``krippendorff`` package) over all annotators,
  an annotator who did not annotate a document counting as missing data there.
- Turns: boundary precision/recall/F1 (the starts of every turn but the first) and
  same-speaker accuracy over the non-whitespace characters of the text.

:func:`agreement` returns the JSON shape ``razmetka agreement --json`` prints::

    {"pairs": [{"a", "b", "labels": {LABEL: {"f1", "precision", "recall"}}, "overall_f1", "kappa"}],
     "alpha": x, "turns": {"pairs": [{"a", "b", "boundary": {...}, "same_speaker": x, "characters": n}]},
     "documents": {ID: {"title", "annotators", "pairs", "alpha", "turns"}}}

An undefined figure (nothing to compare) is ``None``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import combinations

from .model import Span
from .review import DocumentLayers, LayerTurn
from .tokens import tokens

OUTSIDE = "O"


def _prf(tp: int, reference: int, predicted: int) -> dict[str, float]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / reference if reference else 0.0
    f1 = 2 * tp / (reference + predicted) if reference + predicted else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def _keys(spans: Iterable[Span]) -> set[tuple[int, int, str]]:
    return {s.key for s in spans if s.visible}


def span_counts(a: Iterable[Span], b: Iterable[Span]) -> dict[str, list[int]]:
    """Per label: [matched, in A, in B] for exact (start, end, label) matches."""
    ka, kb = _keys(a), _keys(b)
    counts: dict[str, list[int]] = {}
    for key in ka:
        counts.setdefault(key[2], [0, 0, 0])[1] += 1
    for key in kb:
        counts.setdefault(key[2], [0, 0, 0])[2] += 1
    for key in ka & kb:
        counts[key[2]][0] += 1
    return counts


def _span_scores(counts: dict[str, list[int]]) -> tuple[dict[str, dict[str, float]], float | None]:
    labels = {label: _prf(*c) for label, c in sorted(counts.items())}
    tp, ref, pred = (sum(c[i] for c in counts.values()) for i in range(3))
    return labels, (_prf(tp, ref, pred)["f1"] if ref + pred else None)


def token_categories(text: str, spans: Iterable[Span], token_bounds: Sequence[tuple[int, int]]) -> list[str]:
    """Each token's category: the label of the outermost (longest, then first) span over it, or ``O``."""
    ordered = sorted((s for s in spans if s.visible), key=lambda s: (-(s.end - s.start), s.start, s.label))
    categories = [OUTSIDE] * len(token_bounds)
    starts = [t[0] for t in token_bounds]
    for span in ordered:
        lo = max(0, bisect_right(starts, span.start) - 1)
        hi = bisect_left(starts, span.end)
        for i in range(lo, hi):
            t_start, t_end = token_bounds[i]
            if t_start < span.end and span.start < t_end and categories[i] == OUTSIDE:
                categories[i] = span.label
    return categories


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float | None:
    """Cohen's kappa of two equally long sequences of categories; None if it is undefined."""
    n = len(a)
    if n == 0 or n != len(b):
        return None
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in ca) / (n * n)
    if expected == 1.0:
        return 1.0 if observed == 1.0 else None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha(rows: Sequence[Sequence[str | None]]) -> float | None:
    """Nominal Krippendorff's alpha (the ``krippendorff`` package); None = missing.  None if undefined."""
    import krippendorff
    import numpy as np

    if len(rows) < 2 or not rows[0]:
        return None
    values = sorted({v for row in rows for v in row if v is not None})
    if len(values) < 2:
        return None
    code = {v: float(i) for i, v in enumerate(values)}
    data = np.array([[np.nan if v is None else code[v] for v in row] for row in rows], dtype=float)
    try:
        return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    except (ValueError, ZeroDivisionError):
        return None


# -- turns -------------------------------------------------------------------------


def _nonspace_prefix(text: str) -> list[int]:
    prefix = [0]
    for ch in text:
        prefix.append(prefix[-1] + (not ch.isspace()))
    return prefix


def _speaker_pieces(turns: Sequence[LayerTurn], points: Sequence[int]) -> list[str | None]:
    """The speaker of each piece between consecutive ``points`` (None where no turn is)."""
    out: list[str | None] = []
    ordered = sorted(turns, key=lambda t: t.start)
    i = 0
    for lo in points[:-1]:
        while i < len(ordered) and ordered[i].end <= lo:
            i += 1
        out.append(ordered[i].speaker if i < len(ordered) and ordered[i].start <= lo else None)
    return out


def turn_counts(text: str, a: Sequence[LayerTurn], b: Sequence[LayerTurn], prefix: list[int] | None = None) -> dict:
    """Boundary matches and same-speaker characters of two turn layers (to be summed over documents)."""
    prefix = prefix or _nonspace_prefix(text)
    starts_a = {t.start for t in sorted(a, key=lambda t: t.start)[1:]}
    starts_b = {t.start for t in sorted(b, key=lambda t: t.start)[1:]}
    points = sorted({0, len(text)} | {p for t in (*a, *b) for p in (t.start, t.end)})
    same = total = 0
    for lo, hi, sa, sb in zip(points, points[1:], _speaker_pieces(a, points), _speaker_pieces(b, points), strict=False):
        chars = prefix[hi] - prefix[lo]
        total += chars
        same += chars if sa == sb and sa is not None else 0
    return {"matched": len(starts_a & starts_b), "a": len(starts_a), "b": len(starts_b), "same": same, "chars": total}


def _turn_scores(a: str, b: str, c: dict) -> dict:
    return {
        "a": a,
        "b": b,
        "boundary": _prf(c["matched"], c["a"], c["b"]) if c["a"] + c["b"] else None,
        "same_speaker": c["same"] / c["chars"] if c["chars"] else None,
        "characters": c["chars"],
    }


# -- everything --------------------------------------------------------------------


def _categories(doc: DocumentLayers) -> tuple[int, dict[str, list[str]]]:
    """How many tokens the text has, and each annotator's category of every token."""
    bounds = tokens(doc.text)
    return len(bounds), {name: token_categories(doc.text, doc.spans.get(name, []), bounds) for name in doc.annotators}


def _scores(docs: Sequence[DocumentLayers], annotators: Sequence[str], categories: dict[str, tuple[int, dict]]) -> dict:
    """Pairs, alpha and turns over ``docs`` (all of them pooled); ``categories`` from :func:`_categories`."""
    pair_counts: dict[tuple[str, str], dict[str, list[int]]] = {}
    pair_tokens: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    pair_turns: dict[tuple[str, str], dict] = {}
    rows: dict[str, list[str | None]] = {name: [] for name in annotators}
    for doc in docs:
        count, cats = categories[doc.id]
        for name in annotators:
            rows[name].extend(cats.get(name, [None] * count))
        prefix = _nonspace_prefix(doc.text)
        for a, b in combinations(annotators, 2):
            if a not in cats or b not in cats:
                continue
            counts = pair_counts.setdefault((a, b), {})
            for label, c in span_counts(doc.spans.get(a, []), doc.spans.get(b, [])).items():
                total = counts.setdefault(label, [0, 0, 0])
                for i in range(3):
                    total[i] += c[i]
            ta, tb = pair_tokens.setdefault((a, b), ([], []))
            ta.extend(cats[a])
            tb.extend(cats[b])
            if a in doc.turns and b in doc.turns:
                c = turn_counts(doc.text, doc.turns[a], doc.turns[b], prefix)
                total = pair_turns.setdefault((a, b), dict.fromkeys(c, 0))
                for key, value in c.items():
                    total[key] += value
    pairs = []
    for (a, b), counts in pair_counts.items():
        labels, overall = _span_scores(counts)
        kappa = cohen_kappa(*pair_tokens[(a, b)])
        pairs.append({"a": a, "b": b, "labels": labels, "overall_f1": overall, "kappa": kappa})
    alpha = krippendorff_alpha([rows[name] for name in annotators]) if len(annotators) >= 2 else None
    turns = {"pairs": [_turn_scores(a, b, c) for (a, b), c in pair_turns.items()]}
    return {"pairs": pairs, "alpha": alpha, "turns": turns}


def agreement(docs: Sequence[DocumentLayers]) -> dict:
    """Agreement over all documents, and per document (see the module's docstring for the shape)."""
    annotators = sorted({name for doc in docs for name in doc.annotators})
    categories = {doc.id: _categories(doc) for doc in docs}  # razdel once per document
    result = _scores(docs, annotators, categories)
    result["documents"] = {}
    for doc in docs:
        if len(doc.annotators) < 2:
            continue
        per = _scores([doc], doc.annotators, categories)
        result["documents"][doc.id] = {"title": doc.title, "annotators": doc.annotators, **per}
    return result
