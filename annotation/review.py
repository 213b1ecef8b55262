"""Offline review, the pure part: merging annotators' work, their disagreements, and settling them.

Nothing here touches SQL or Qt; ``storage/merge.py`` reads and writes what these
functions decide, and the window turns a :class:`Resolution` into an undoable edit.

- A **layer** is one annotator's spans of a document (the ``annotator`` column);
  the reviewer's gold layer is the spans with origin ``adjudicated``.
- A **turn layer** is one annotator's speaker turns.  A merged document's own turns
  are the reviewer's gold turns.
- :func:`plan_merge` matches the documents of several sources by the SHA-256 of
  their text and says which layer (spans and turns) comes from whom.
- :func:`disagreements` lists, in text order, where two layers differ: a span only
  one has (``missing``), the same range with another label (``label``), overlapping
  spans with other ranges (``boundary``), another speaker over some text
  (``speaker``) or a turn boundary only one has (``turn_boundary``).
- :func:`resolve` gives what a choice (A, B, both, neither) adds to the gold layer.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from .formats.units import text_sha256
from .model import Document, Mention, Origin, Span, Status, Turn

MISSING = "missing"
LABEL = "label"
BOUNDARY = "boundary"
SPEAKER = "speaker"
TURN_BOUNDARY = "turn_boundary"
KINDS = (MISSING, LABEL, BOUNDARY, SPEAKER, TURN_BOUNDARY)
CHOICES = ("a", "b", "both", "neither")


class ReviewError(ValueError):
    """A choice that cannot settle a disagreement (both speakers for one turn, an unknown choice)."""


# -- layers ------------------------------------------------------------------------


@dataclass
class LayerTurn:
    """One turn of an annotator's turn layer, with its speaker's role."""

    start: int
    end: int
    content_start: int
    speaker: str
    role: str = "other"
    time_start: float | None = None
    time_end: float | None = None


@dataclass
class DocumentLayers:
    """A document's text and every annotator's spans and turns, keyed by annotator."""

    id: str
    title: str
    text: str
    spans: dict[str, list[Span]] = field(default_factory=dict)  # visible spans of each annotator
    turns: dict[str, list[LayerTurn]] = field(default_factory=dict)
    gold: list[Span] = field(default_factory=list)

    @property
    def annotators(self) -> list[str]:
        return sorted(set(self.spans) | set(self.turns))


def is_gold(span: Span) -> bool:
    return span.origin == Origin.ADJUDICATED


def document_layers(doc: Document, turn_layers: Mapping[str, list[LayerTurn]] | None = None) -> DocumentLayers:
    """Split a document's spans into its annotators' layers (visible spans only) and the gold layer.

    Spans without an annotator (model suggestions nobody resolved) belong to no layer.
    """
    layers = DocumentLayers(doc.id or "", doc.title, doc.text, turns=dict(turn_layers or {}))
    for span in doc.spans:
        if is_gold(span):
            layers.gold.append(span)
        elif span.annotator is not None:
            layer = layers.spans.setdefault(span.annotator, [])
            if span.visible:
                layer.append(span)
    return layers


def turns_as_layer(doc: Document) -> list[LayerTurn]:
    """A document's turns as a turn layer (each with its speaker's role)."""
    roles = {s.name: s.role for s in doc.speakers}
    return [
        LayerTurn(t.start, t.end, t.content_start, t.speaker, roles.get(t.speaker, "other"), t.time_start, t.time_end)
        for t in doc.turns
    ]


# -- merging -----------------------------------------------------------------------


@dataclass
class SourceDocument:
    """A document as one source (a project file or a JSONL export) has it."""

    source: str  # the source's name, as the report shows it
    document: Document
    mentions: list[Mention] = field(default_factory=list)  # the model's original output, if the source kept it


@dataclass
class LayerPlan:
    annotator: str
    source: str
    spans: list[Span]
    turns: list[LayerTurn]  # empty for a layer the source itself had imported from someone else


@dataclass
class DocumentPlan:
    sha256: str
    base: Document  # the document to create (no spans) if the target lacks it
    mentions: list[Mention]
    layers: list[LayerPlan]
    sources: list[str]


@dataclass
class MergePlan:
    documents: list[DocumentPlan]
    partial: list[tuple[str, list[str], list[str]]]  # (title, sources that have it, sources that lack it)
    notes: list[str] = field(default_factory=list)


def layer_owner(doc: Document, source: str) -> str:
    """Whose work a source's document is: its most frequent annotator, else the source's name."""
    counts = Counter(s.annotator for s in doc.spans if s.annotator and not is_gold(s))
    if counts:
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return source


def _free_name(name: str, source: str, taken: Mapping[str, str]) -> str:
    """``name`` if no other source holds that layer, else ``name@source`` (numbered if need be)."""
    candidate, n = name, 1
    while taken.get(candidate, source) != source:
        n += 1
        candidate = f"{name}@{source}" if n == 2 else f"{name}@{source}#{n - 1}"
    return candidate


def plan_merge(
    sources: Sequence[tuple[str, Sequence[SourceDocument]]],
    claimed: Mapping[str, Mapping[str, str]] | None = None,
) -> MergePlan:
    """Decide what a merge of ``sources`` (name, documents) writes.

    Documents are matched by the SHA-256 of their text.  Each source's document
    becomes the layer of its owner (:func:`layer_owner`): its spans, the unresolved
    suggestions included (so the layer is what that annotator saw), and its turns.
    Spans another annotator made in that source keep their own name as a layer.
    ``claimed[sha][annotator]`` is the source a target's layer came from ('' for a
    layer the target made itself); a name another source holds gets ``@source``.
    """
    claimed = claimed or {}
    order: list[str] = []
    found: dict[str, list[SourceDocument]] = {}
    for _name, docs in sources:
        for sd in docs:
            sha = text_sha256(sd.document.text)
            if sha not in found:
                order.append(sha)
            found.setdefault(sha, [])
            if all(other.source != sd.source for other in found[sha]):
                found[sha].append(sd)
    names = [name for name, _docs in sources]
    plan = MergePlan([], [])
    for sha in order:
        docs = found[sha]
        first = docs[0].document
        mentions = next((sd.mentions for sd in docs if sd.mentions), [])
        base = replace(first, id=None, spans=[], status="new")
        taken = dict(claimed.get(sha, {}))
        layers: list[LayerPlan] = []
        for sd in docs:
            owner = layer_owner(sd.document, sd.source)
            by_name: dict[str, list[Span]] = {}
            for span in sd.document.spans:
                who = span.annotator if span.annotator and span.annotator != owner else None
                by_name.setdefault(who or owner, []).append(span)
            by_name.setdefault(owner, [])
            for name, spans in by_name.items():
                final = _free_name(name, sd.source, taken)
                if final != name:
                    plan.notes.append(f"{sd.source}: the layer of {name!r} is stored as {final!r} (another has it)")
                taken[final] = sd.source
                layer_spans = [replace(s, annotator=s.annotator if is_gold(s) else final, id=None) for s in spans]
                turns = turns_as_layer(sd.document) if name == owner else []
                layers.append(LayerPlan(final, sd.source, layer_spans, turns))
        have = [sd.source for sd in docs]
        if len(have) < len(names):
            plan.partial.append((first.title, have, [n for n in names if n not in have]))
        plan.documents.append(DocumentPlan(sha, base, mentions, layers, have))
    return plan


# -- disagreements -----------------------------------------------------------------


@dataclass
class Disagreement:
    """Where two layers differ, with what each has there.  ``start``/``end`` cover both sides."""

    kind: str
    start: int
    end: int
    a: list[Span] = field(default_factory=list)
    b: list[Span] = field(default_factory=list)
    a_turns: list[LayerTurn] = field(default_factory=list)
    b_turns: list[LayerTurn] = field(default_factory=list)

    @property
    def is_turn(self) -> bool:
        return self.kind in (SPEAKER, TURN_BOUNDARY)

    def describe(self) -> str:
        """One line for a person: what A has and what B has."""
        if self.is_turn:

            def side(turns: list[LayerTurn]) -> str:
                return " | ".join(f"{t.speaker} [{t.start}, {t.end})" for t in turns) or "—"
        else:

            def side(spans: list[Span]) -> str:  # type: ignore[misc]
                return " | ".join(f"«{s.text}» {s.label}" for s in spans) or "—"

        a = side(self.a_turns if self.is_turn else self.a)
        b = side(self.b_turns if self.is_turn else self.b)
        return f"{self.kind} at [{self.start}, {self.end}): A {a}; B {b}"


def _overlap(x: Span, y: Span) -> bool:
    return x.start < y.end and y.start < x.end


def span_disagreements(a: Iterable[Span], b: Iterable[Span]) -> list[Disagreement]:
    """Where two span layers differ, in text order (visible spans only)."""
    left = {s.key: s for s in a if s.visible}
    right = {s.key: s for s in b if s.visible}
    for key in set(left) & set(right):
        del left[key], right[key]
    found: list[Disagreement] = []
    # The same range with other labels: one «label» disagreement per pair.
    by_range: dict[tuple[int, int], list[Span]] = {}
    for span in sorted(right.values(), key=lambda s: s.key):
        by_range.setdefault((span.start, span.end), []).append(span)
    for key, span in sorted(left.items()):
        others = by_range.get((span.start, span.end))
        if others:
            other = others.pop(0)
            del left[key], right[other.key]
            found.append(Disagreement(LABEL, span.start, span.end, [span], [other]))
    # What is left: clusters of overlapping spans; one side only is «missing», both is «boundary».
    rest = sorted([(s, "a") for s in left.values()] + [(s, "b") for s in right.values()], key=lambda p: p[0].key)
    cluster: list[tuple[Span, str]] = []
    cluster_end = -1

    def close() -> None:
        if not cluster:
            return
        a_side = [s for s, side in cluster if side == "a"]
        b_side = [s for s, side in cluster if side == "b"]
        start = min(s.start for s, _ in cluster)
        end = max(s.end for s, _ in cluster)
        found.append(Disagreement(BOUNDARY if a_side and b_side else MISSING, start, end, a_side, b_side))

    for span, side in rest:
        if cluster and span.start >= cluster_end:
            close()
            cluster = []
        cluster.append((span, side))
        cluster_end = max(cluster_end, span.end) if len(cluster) > 1 else span.end
    close()
    return sorted(found, key=lambda d: (d.start, -d.end, d.kind))


def _speaker_at(turns: Sequence[LayerTurn], starts: Sequence[int], offset: int) -> str | None:
    """The speaker of the turn holding ``offset`` (turns in order, ``starts`` their starts), or None."""
    i = bisect_right(starts, offset) - 1
    return turns[i].speaker if i >= 0 and offset < turns[i].end else None


def turn_disagreements(text: str, a: Sequence[LayerTurn], b: Sequence[LayerTurn]) -> list[Disagreement]:
    """Where two turn layers give other speakers to some non-whitespace text, or split it elsewhere."""
    a, b = sorted(a, key=lambda t: t.start), sorted(b, key=lambda t: t.start)
    starts_of_a, starts_of_b = [t.start for t in a], [t.start for t in b]
    points = sorted({0, len(text)} | {p for t in (*a, *b) for p in (t.start, t.end)})
    found: list[Disagreement] = []
    region: list[int] | None = None
    for lo, hi in zip(points, points[1:], strict=False):
        if not text[lo:hi].strip():
            continue
        differs = _speaker_at(a, starts_of_a, lo) != _speaker_at(b, starts_of_b, lo)
        if differs and region is not None:
            region[1] = hi
        elif differs:
            region = [lo, hi]
        elif region is not None:
            found.append(_turn_region(SPEAKER, region[0], region[1], a, b))
            region = None
    if region is not None:
        found.append(_turn_region(SPEAKER, region[0], region[1], a, b))
    covered = [(d.start, d.end) for d in found]
    starts_a = {t.start for t in a[1:]}
    starts_b = {t.start for t in b[1:]}
    for point in sorted(starts_a ^ starts_b):
        if any(lo <= point <= hi for lo, hi in covered):
            continue
        around = [t for t in (*a, *b) if t.start <= point <= t.end]
        start = min(t.start for t in around)
        end = max(t.end for t in around)
        found.append(_turn_region(TURN_BOUNDARY, start, end, a, b))
    return sorted(found, key=lambda d: (d.start, -d.end, d.kind))


def _turn_region(kind: str, start: int, end: int, a: Sequence[LayerTurn], b: Sequence[LayerTurn]) -> Disagreement:
    def inside(turns: Sequence[LayerTurn]) -> list[LayerTurn]:
        return [t for t in turns if t.start < end and start < t.end]

    return Disagreement(kind, start, end, a_turns=inside(a), b_turns=inside(b))


def disagreements(layers: DocumentLayers, a: str, b: str) -> list[Disagreement]:
    """Every disagreement between annotators ``a`` and ``b`` in a document, in text order."""
    found = span_disagreements(layers.spans.get(a, []), layers.spans.get(b, []))
    if a in layers.turns and b in layers.turns:
        found += turn_disagreements(layers.text, layers.turns[a], layers.turns[b])
    return sorted(found, key=lambda d: (d.start, -d.end, d.kind))


# -- settling them -----------------------------------------------------------------


@dataclass
class Resolution:
    """What a choice adds to the gold layer: spans, and for a turn disagreement the turns to adopt."""

    spans: list[Span] = field(default_factory=list)
    turns: list[LayerTurn] | None = None  # None: the gold turns stay as they are


def as_gold(span: Span, reviewer: str) -> Span:
    return replace(span, origin=Origin.ADJUDICATED.value, status=Status.ACCEPTED.value, annotator=reviewer, id=None)


def agreed_spans(layers: DocumentLayers, a: str, b: str, reviewer: str) -> list[Span]:
    """The spans both annotators have (same range and label), as gold spans: where the gold layer starts."""
    right = {s.key for s in layers.spans.get(b, [])}
    seen: set[tuple[int, int, str]] = set()
    gold = []
    for span in sorted(layers.spans.get(a, []), key=lambda s: s.key):
        if span.key in right and span.key not in seen:
            seen.add(span.key)
            gold.append(as_gold(span, reviewer))
    return gold


def resolve(disagreement: Disagreement, choice: str, reviewer: str, gold: Iterable[Span] = ()) -> Resolution:
    """The gold spans (origin adjudicated, annotator ``reviewer``) that ``choice`` adds.

    ``choice`` is ``a``, ``b``, ``both`` or ``neither``.  Spans already in ``gold`` are
    not added twice.  For a turn disagreement the result names the turns to adopt
    (A's or B's over the region); ``both`` is refused, since a turn has one speaker.
    """
    choice = choice.lower()
    if choice not in CHOICES:
        raise ReviewError(f"unknown choice {choice!r}; choose one of {', '.join(CHOICES)}")
    if disagreement.is_turn:
        if choice == "both":
            raise ReviewError("a turn has one speaker: choose A, B or neither")
        if choice == "neither":
            return Resolution()
        return Resolution(turns=list(disagreement.a_turns if choice == "a" else disagreement.b_turns))
    chosen = {"a": disagreement.a, "b": disagreement.b, "both": disagreement.a + disagreement.b}.get(choice, [])
    have = {s.key for s in gold}
    spans = []
    for span in chosen:
        if span.key not in have:
            have.add(span.key)
            spans.append(as_gold(span, reviewer))
    return Resolution(spans=sorted(spans, key=lambda s: s.key))


def turns_from_layer(turns: Iterable[LayerTurn]) -> list[Turn]:
    """Layer turns as model turns (for a gold turn edit)."""
    return [Turn(t.start, t.end, t.content_start, t.speaker, t.time_start, t.time_end) for t in turns]
