"""natasha behind one adapter that returns our own plain records.

The models ship inside natasha's wheel, so nothing is downloaded.  They load
once, lazily, on first use (thread-safe), and NER runs turn by turn so offsets
stay local and memory stays flat.  Besides the NER tagger's PER, LOC and ORG,
natasha's DatesExtractor and MoneyExtractor give DATE and MONEY
(:mod:`annotation.extractors` builds their normal forms).
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterable

from .model import Mention, Span, Turn

MODEL_NAME = "natasha-news-ner"


def _import_natasha() -> None:
    """Import natasha quietly: pymorphy2, under it, imports the deprecated pkg_resources."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import natasha  # noqa: F401


class NerModel:
    """natasha's segmenter, morphology tagger and NER tagger, loaded once."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._parts: tuple | None = None
        self._vocab = None
        self._extractors: tuple | None = None

    @property
    def loaded(self) -> bool:
        return self._parts is not None

    def load(self) -> None:
        with self._lock:
            if self._parts is None:
                _import_natasha()
                from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

                embedding = NewsEmbedding()
                self._parts = (
                    Segmenter(),
                    NewsMorphTagger(embedding),
                    NewsNERTagger(embedding),
                    self.morph_vocab(),
                )

    def morph_vocab(self):
        """natasha's MorphVocab (pymorphy), loaded on its own if the taggers are not needed."""
        with self._lock:
            if self._vocab is None:
                _import_natasha()
                from natasha import MorphVocab

                self._vocab = MorphVocab()
            return self._vocab

    def extractors(self) -> tuple:
        """natasha's (DatesExtractor, MoneyExtractor), sharing the MorphVocab."""
        with self._lock:
            if self._extractors is None:
                from natasha import DatesExtractor, MoneyExtractor

                vocab = self.morph_vocab()
                self._extractors = (DatesExtractor(vocab), MoneyExtractor(vocab))
            return self._extractors

    def extra_mentions(self, text: str, offset: int = 0) -> list[Mention]:
        """DATE and MONEY in ``text`` with normal forms built from the facts, offsets shifted by ``offset``."""
        if not text.strip():
            return []
        from .extractors import dates_and_money

        dates, money = self.extractors()
        return dates_and_money(text, offset, dates, money)

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


def mentions_by_turn(
    text: str, turns: Iterable[Turn], model: NerModel | None = None, *, extras: bool = True
) -> list[Mention]:
    """Run NER (and, unless ``extras`` is off, DATE and MONEY) over each turn's speech.

    Returns the mentions with document offsets, turn by turn, each turn's NER
    mentions first.  A DATE or MONEY mention that overlaps one the NER tagger gave
    with the same label is left out.
    """
    from .extractors import without_overlaps

    model = model or shared_model()
    found: list[Mention] = []
    for turn in turns:
        speech = text[turn.content_start : turn.end]
        ner = model.mentions(speech, turn.content_start)
        found.extend(ner)
        if extras:
            found.extend(without_overlaps(model.extra_mentions(speech, turn.content_start), keep=ner))
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
