"""natasha behind one adapter that returns our own plain records.

The models ship inside natasha's wheel, so nothing is downloaded.  They load
once, lazily, on first use (thread-safe), and NER runs turn by turn so offsets
stay local and memory stays flat.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Span, Turn

MODEL_NAME = "natasha-news-ner"


@dataclass(frozen=True)
class Mention:
    """One entity as the model gave it, with offsets into the document text."""

    start: int
    end: int
    label: str
    text: str
    normal: str | None


class NerModel:
    """natasha's segmenter, morphology tagger and NER tagger, loaded once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._parts: tuple | None = None

    @property
    def loaded(self) -> bool:
        return self._parts is not None

    def load(self) -> None:
        with self._lock:
            if self._parts is None:
                with warnings.catch_warnings():
                    # pymorphy2, under natasha, imports the deprecated pkg_resources.
                    warnings.simplefilter("ignore")
                    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

                embedding = NewsEmbedding()
                self._parts = (
                    Segmenter(),
                    NewsMorphTagger(embedding),
                    NewsNERTagger(embedding),
                    MorphVocab(),
                )

    def mentions(self, text: str, offset: int = 0) -> list[Mention]:
        """Entities in ``text``, with offsets shifted by ``offset``."""
        if not text.strip():
            return []
        self.load()
        from natasha import Doc

        segmenter, morph_tagger, ner_tagger, vocab = self._parts  # type: ignore[misc]
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph_tagger)
        doc.tag_ner(ner_tagger)
        found = []
        for span in doc.spans:
            span.normalize(vocab)
            found.append(Mention(span.start + offset, span.stop + offset, span.type, span.text, span.normal or None))
        return found


_shared = NerModel()


def shared_model() -> NerModel:
    """The process-wide model, so it loads at most once."""
    return _shared


def mentions_by_turn(text: str, turns: Iterable[Turn], model: NerModel | None = None) -> list[Mention]:
    """Run NER over each turn's speech and return the mentions with document offsets."""
    model = model or shared_model()
    found: list[Mention] = []
    for turn in turns:
        found.extend(model.mentions(text[turn.content_start : turn.end], turn.content_start))
    return found


def suggestions(mentions: Iterable[Mention], labels: Iterable[str] | None = None) -> list[Span]:
    """Model mentions as suggested spans, keeping only labels in the project's schema."""
    allowed = set(labels) if labels is not None else None
    spans = []
    for m in mentions:
        text = m.text
        if allowed is not None and m.label not in allowed:
            continue
        if text != text.strip() or not text:
            continue
        spans.append(Span(m.start, m.end, m.label, text, m.normal, origin="model", status="suggested"))
    return spans
