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
from collections.abc import Callable, Iterable, Sequence

from .model import Mention, Span, Turn

MODEL_NAME = "natasha-news-ner"


_pinned = False


def one_blas_thread() -> None:
    """Limit numpy's BLAS (and any OpenMP pool) in this process to one thread, once.

    natasha's taggers multiply small matrices, a few hundred rows at a time.
    OpenBLAS starts one thread per core for each product and makes them wait
    for each other; when anything else runs on the machine (another import
    worker, the window, another program) those threads spin against each
    other, and measured here the taggers ran 12 times slower than on one
    thread.  The cores are used by running several processes instead
    (:mod:`annotation.pool`).

    An environment variable such as ``OPENBLAS_NUM_THREADS`` works only if set
    before numpy loads, which a library cannot promise, so this asks the
    loaded libraries themselves through threadpoolctl.  It must run after
    numpy is imported (threadpoolctl sees only loaded libraries), so
    :meth:`NerModel.load` calls it.
    """
    global _pinned
    if not _pinned:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1)  # not a context: it holds for the life of the process
        _pinned = True


def _import_natasha() -> None:
    """Import natasha quietly: pymorphy2, under it, imports the deprecated pkg_resources."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import natasha  # noqa: F401


class NerModel:
    """natasha's segmenter, morphology tagger and NER tagger, loaded once."""

    name = MODEL_NAME
    languages = ("ru",)  # the documents it pre-annotates (annotation.language.NER_LANGUAGES)

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
                one_blas_thread()

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
        return self.mentions_many([text], [offset])[0]

    def mentions_many(self, texts: list[str], offsets: list[int] | None = None) -> list[list[Mention]]:
        """Entities in each of ``texts`` (offsets shifted by ``offsets``), as if each were tagged alone.

        Only the work whose result is kept is done, and in batches:

        - the NER tagger gets all the texts in one call, shortest first, so each
          batch pads little (its output for a text does not depend on the batch);
        - the morphology tagger, which costs as much as NER, runs only on the
          sentences that hold a span, since it serves only ``span.normalize``.
        """
        offsets = offsets if offsets is not None else [0] * len(texts)
        found: list[list[Mention]] = [[] for _ in texts]
        wanted = [i for i, text in enumerate(texts) if text.strip()]
        if not wanted:
            return found
        self.load()
        from natasha import Doc
        from natasha.doc import DocSpan, inject_morph, sent_words

        segmenter, morph_tagger, ner_tagger, vocab = self._parts  # type: ignore[misc]
        docs = {}
        for i in wanted:
            doc = Doc(texts[i])
            doc.segment(segmenter)
            docs[i] = doc
        order = sorted(wanted, key=lambda i: len(texts[i]))
        for i, markup in zip(order, ner_tagger.map([texts[i] for i in order]), strict=True):
            doc = docs[i]
            doc.spans = [DocSpan(s.start, s.stop, s.type, doc.text[s.start : s.stop]) for s in markup.spans]
            doc.envelop_span_tokens()
        sents = [sent for i in wanted for sent in _sentences_with_spans(docs[i])]
        sents.sort(key=lambda sent: len(sent.tokens))
        for sent, markup in zip(sents, morph_tagger.map([sent_words(s) for s in sents]), strict=True):
            inject_morph(sent.tokens, markup.tokens)
        for i in wanted:
            shift = offsets[i]
            for span in docs[i].spans:
                span.normalize(vocab)
                normal = span.normal or None
                found[i].append(Mention(span.start + shift, span.stop + shift, span.type, span.text, normal))
        return found


def _sentences_with_spans(doc) -> list:
    """The sentences of ``doc`` that share a character with one of its spans."""
    spans = sorted((s.start, s.stop) for s in doc.spans)
    if not spans:
        return []
    result = []
    k = 0
    for sent in doc.sents:
        while k < len(spans) and spans[k][1] <= sent.start:
            k += 1
        if k < len(spans) and spans[k][0] < sent.stop:
            result.append(sent)
    return result


_shared = NerModel()


def shared_model() -> NerModel:
    """The process-wide model, so it loads at most once."""
    return _shared


class NerCancelled(Exception):
    """Raised by :func:`mentions_by_turn` when its ``cancelled()`` check says stop."""


# Turns are tagged in groups of about this many characters: big enough for the
# taggers' batches, small enough that a cancel is seen well within a second.
GROUP_CHARS = 10_000

TurnsDone = Callable[[int, int], None]  # (turns done, chars done) so far, called after each group


def turn_groups(text: str, turns: Sequence[Turn], size: int = GROUP_CHARS) -> list[list[Turn]]:
    """``turns`` cut, in order, into runs of whole turns of about ``size`` characters of speech."""
    groups: list[list[Turn]] = []
    current: list[Turn] = []
    chars = 0
    for turn in turns:
        current.append(turn)
        chars += turn.end - turn.content_start
        if chars >= size:
            groups.append(current)
            current, chars = [], 0
    if current:
        groups.append(current)
    return groups


def mentions_by_turn(
    text: str,
    turns: Iterable[Turn],
    model: NerModel | None = None,
    *,
    extras: bool = True,
    done: TurnsDone | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Mention]:
    """Run NER (and, unless ``extras`` is off, DATE and MONEY) over each turn's speech.

    Returns the mentions with document offsets, turn by turn, each turn's NER
    mentions first.  A DATE or MONEY mention that overlaps one the NER tagger gave
    with the same label is left out.  The turns are tagged in groups
    (:func:`turn_groups`); after each, ``done(turns, chars)`` says how far it got,
    and ``cancelled()`` is asked, which stops it with :class:`NerCancelled`.
    """
    from .extractors import without_overlaps

    model = model or shared_model()
    found: list[Mention] = []
    turns_done = chars_done = 0
    for group in turn_groups(text, list(turns)):
        if cancelled is not None and cancelled():
            raise NerCancelled
        speeches = [text[t.content_start : t.end] for t in group]
        offsets = [t.content_start for t in group]
        many = getattr(model, "mentions_many", None)  # an adapter may tag one text at a time only
        if many is not None:
            tagged = many(speeches, offsets)
        else:
            tagged = [model.mentions(s, o) for s, o in zip(speeches, offsets, strict=True)]
        for turn, speech, ner in zip(group, speeches, tagged, strict=True):
            found.extend(ner)
            if extras:
                found.extend(without_overlaps(model.extra_mentions(speech, turn.content_start), keep=ner))
            chars_done += len(speech)
        turns_done += len(group)
        if done is not None:
            done(turns_done, chars_done)
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
