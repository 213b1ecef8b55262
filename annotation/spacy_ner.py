"""A suggestion source for other languages: any installed spaCy pipeline with an NER component.

It answers like the natasha adapter (``annotation.ner.NerModel``): ``mentions``,
``mentions_many`` and ``extra_mentions`` give our own :class:`~annotation.model.Mention`
records, and ``languages`` says which documents it is for (the pipeline's language).
spaCy's labels are mapped to the project's (``PERSON`` → ``PER``, ``GPE`` → ``LOC``…);
labels without a counterpart are left out.  Nothing is downloaded: ``spacy.load`` takes
an installed package name or a folder.
"""

from __future__ import annotations

import threading

from .errors import RazmetkaError
from .model import Mention

LABELS = {
    "PERSON": "PER",
    "PER": "PER",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "ORG": "ORG",
    "DATE": "DATE",
    "MONEY": "MONEY",
}


class ModelNotFound(RazmetkaError):
    """The suggestion source asked for is not installed or has no NER."""


class SpacyModel:
    """A spaCy pipeline, loaded once, lazily (thread-safe)."""

    def __init__(self, name: str) -> None:
        self.pipeline = name
        self.name = f"spacy:{name}"
        self._nlp = None
        self._lock = threading.Lock()

    def load(self) -> None:
        with self._lock:
            if self._nlp is not None:
                return
            try:
                import spacy
            except ImportError:
                raise ModelNotFound(f"{self.name}: spaCy is not installed (pip install spacy)") from None
            try:
                nlp = spacy.load(self.pipeline)
            except OSError as exc:
                raise ModelNotFound(f"{self.name}: no such spaCy pipeline is installed ({exc})") from None
            if not {"ner", "entity_ruler"} & set(nlp.pipe_names):
                raise ModelNotFound(f"{self.name}: the pipeline has no NER component ({', '.join(nlp.pipe_names)})")
            self._nlp = nlp

    @property
    def languages(self) -> tuple[str, ...]:
        self.load()
        return (self._nlp.lang,)

    def _mentions(self, doc, offset: int) -> list[Mention]:
        found = []
        for ent in doc.ents:
            label = LABELS.get(ent.label_)
            text = ent.text
            if label is None or not text.strip():
                continue
            lead = len(text) - len(text.lstrip())
            start = offset + ent.start_char + lead
            text = text.strip()
            normal = ent.lemma_.strip() if ent.lemma_.strip() and ent.lemma_.strip() != text else None
            found.append(Mention(start, start + len(text), label, text, normal))
        return found

    def mentions(self, text: str, offset: int = 0) -> list[Mention]:
        self.load()
        return self._mentions(self._nlp(text), offset) if text.strip() else []

    def mentions_many(self, texts: list[str], offsets: list[int] | None = None) -> list[list[Mention]]:
        self.load()
        offsets = offsets or [0] * len(texts)
        return [self._mentions(doc, o) for doc, o in zip(self._nlp.pipe(texts), offsets, strict=True)]

    def extra_mentions(self, text: str, offset: int = 0) -> list[Mention]:
        return []  # a pipeline's own DATE and MONEY come with its entities


def load_source(spec: str):
    """The suggestion source a ``--model`` value names: ``natasha`` or ``spacy:NAME`` (a package or a folder)."""
    if spec in ("", "natasha"):
        from .ner import shared_model

        return shared_model()
    if spec.startswith("spacy:") and spec[len("spacy:") :]:
        model = SpacyModel(spec[len("spacy:") :])
        model.load()
        return model
    raise ModelNotFound(f"unknown model {spec!r}; use natasha or spacy:NAME")
