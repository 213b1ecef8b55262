"""spaCy's own training data: a ``.spacy`` DocBin beside the spaCy JSONL, for ``python -m spacy train``.

spaCy is optional (the ``interop`` extra); it is imported only when a spaCy export
runs.  Each unit becomes a ``Doc`` made by spaCy's blank tokenizer for the document's
language.  Entities must fall on token edges: a span that does not (``годах`` of
``1911–1912 годах`` when the tokenizer keeps ``1911–1912годах`` whole) is widened to
whole tokens (``alignment_mode="expand"``), and one that cannot be widened is
dropped; both are named in the report.  ``doc.ents`` holds the outermost spans (NER
cannot train on nested ones); every span, nested included, is in ``doc.spans["sc"]``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..phrases import Phrase
from .atomic import Staging
from .units import Unit, WriteContext

SUFFIX = ".spacy"
SPANS_KEY = "sc"
NO_SPACY = (
    "spaCy is not installed, so only the JSONL was written; install it (pip install 'razmetka[interop]') "
    "and export again to get the .spacy DocBin that `python -m spacy train` reads"
)
SHOWN = 20  # spans named one by one in the report, per kind


def docbin_path(path: Path) -> Path:
    """``train.jsonl`` -> ``train.spacy`` (``x.spacy``, itself the JSONL, -> ``x.docbin.spacy``)."""
    if path.suffix == SUFFIX:
        return path.with_name(f"{path.stem}.docbin{SUFFIX}")
    return path.with_suffix(SUFFIX)


class DocBinWriter:
    """Collects one ``Doc`` per unit; :meth:`save` stages the DocBin and notes what was widened or dropped."""

    def __init__(self, spacy: Any) -> None:
        self._spacy = spacy
        self._nlps: dict[str, Any] = {}
        self._bin = spacy.tokens.DocBin(store_user_data=False)
        self.expanded: list[str] = []
        self.dropped: list[str] = []
        self.nested = 0
        self.docs = 0

    @classmethod
    def create(cls) -> DocBinWriter | None:
        """A writer, or None when spaCy is not installed."""
        try:
            import spacy
            import spacy.tokens
        except ImportError:
            return None
        return cls(spacy)

    def _nlp(self, language: str) -> Any:
        lang = language if language else "xx"
        if lang not in self._nlps:
            try:
                self._nlps[lang] = self._spacy.blank(lang)
            except (ImportError, KeyError, ValueError, OSError):  # not a language spaCy knows
                self._nlps[lang] = self._nlps.get("xx") or self._spacy.blank("xx")
        return self._nlps[lang]

    def add(self, unit: Unit) -> None:
        doc = self._nlp(unit.document.source.language)(unit.text)
        spans = []
        seen = set()
        for s in sorted(unit.spans, key=lambda s: (s.start, -s.end, s.label)):
            if (s.start, s.end, s.label) in seen:
                continue
            seen.add((s.start, s.end, s.label))
            span = doc.char_span(s.start, s.end, label=s.label)
            if span is None:
                span = doc.char_span(s.start, s.end, label=s.label, alignment_mode="expand")
                if span is None or not span.text.strip():
                    self.dropped.append(f"{unit.id}: {s.label} {s.text!r} at [{s.start}, {s.end})")
                    continue
                self.expanded.append(f"{unit.id}: {s.label} {s.text!r} -> {span.text!r}")
            spans.append(span)
        ents = self._spacy.util.filter_spans(spans)
        self.nested += len({(sp.start, sp.end, sp.label_) for sp in spans}) - len(ents)
        doc.ents = ents
        doc.spans[SPANS_KEY] = spans
        self._bin.add(doc)
        self.docs += 1

    def save(self, path: Path, staging: Staging, ctx: WriteContext) -> None:
        target = docbin_path(path)
        with staging.binary(target) as fh:
            fh.write(self._bin.to_bytes())
        name = target.name
        if self.expanded:
            ctx.notes.append(Phrase(
                "{name}: {count} span(s) do not fall on spaCy's token edges and were widened to whole tokens"
                " (alignment_mode=expand):", name=name, count=len(self.expanded)))
            ctx.notes.extend(_listed(self.expanded))
        if self.dropped:
            ctx.notes.append(Phrase(
                "{name}: {count} span(s) cannot be aligned to tokens and were left out:", name=name,
                count=len(self.dropped)))
            ctx.notes.extend(_listed(self.dropped))
        if self.nested:
            ctx.notes.append(Phrase(
                "{name}: {count} nested or overlapping span(s) are in doc.spans[{key}] only, not in doc.ents"
                " (NER trains on doc.ents)", name=name, count=self.nested, key=repr(SPANS_KEY)))


def _listed(lines: list[str]) -> list[str]:
    shown = [f"  {line}" for line in lines[:SHOWN]]
    if len(lines) > SHOWN:
        shown.append(f"  … and {len(lines) - SHOWN} more")
    return shown


def note_once(ctx: WriteContext, note: str) -> None:
    if note not in ctx.notes:
        ctx.notes.append(note)
