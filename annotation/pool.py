"""NER on every core: a pool of worker processes, each with the model loaded once.

natasha runs in Python and numpy, so one process uses one core (and, with
:func:`annotation.ner.one_blas_thread`, exactly one).  A batch, or one large
document, is cut into chunks of whole turns (:func:`annotation.ner.turn_groups`)
that the workers tag; the results are put back in document order, so the
mentions are the same as :func:`annotation.ner.mentions_by_turn` gives in one
process.

Starting a worker costs a second or two of CPU (numpy, natasha, the model), so
small inputs never start a pool: :func:`pool_wanted` compares the input's size
with :data:`POOL_MIN_BYTES`.  ``RAZMETKA_WORKERS=1`` (or ``ImportOptions.workers
= 1``) runs everything in the calling process, as the tests do.

Workers are started with ``spawn``: the GUI has threads, and forking a process
with threads can deadlock.  Each worker holds one model (about 200 MB), so the
number of workers is the number of cores, and memory does not grow with the
batch: a chunk is a few thousand characters and its mentions.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import replace

from .model import Mention, Turn
from .ner import NerCancelled, TurnsDone, mentions_by_turn, shared_model, turn_groups

WORKERS_ENV = "RAZMETKA_WORKERS"
# Below this much input (bytes on disk; Russian text takes about two a character)
# starting the workers costs more than they save.  Measured on this 2-core machine
# with the model already loaded in the calling process, as in the window
# (benchmarks/bench_pool.py): a pool of two broke even at 0.73 MB and was 1.35
# times faster at 1.45 MB.  In the command line, which has to load the model
# either way, a pool costs less, so this errs on the side of starting none.
POOL_MIN_BYTES = 800_000
# A chunk is about a second of one core's work or less, so that a cancel is seen
# within a second and the progress moves smoothly.
CHUNK_CHARS = 16_000
# How often a wait looks at the cancel check, in seconds.
POLL = 0.1


def worker_count(wanted: int | None = None) -> int:
    """How many processes tag: ``wanted``, else ``$RAZMETKA_WORKERS``, else one per core."""
    if wanted is None:
        env = os.environ.get(WORKERS_ENV, "").strip()
        if env:
            try:
                wanted = int(env)
            except ValueError:
                wanted = None
    if wanted is None:
        wanted = os.cpu_count() or 1
    return max(1, wanted)


def pool_wanted(workers: int, input_bytes: int, min_bytes: int = POOL_MIN_BYTES) -> bool:
    """Whether a pool pays for itself: more than one worker, and enough input."""
    return workers > 1 and input_bytes >= min_bytes


def _start_worker() -> None:
    shared_model().load()  # once per worker; it pins BLAS to one thread too


def _tag_chunk(text: str, base: int, turns: list[Turn], extras: bool) -> list[Mention]:
    """The mentions of ``turns`` in ``text``, a slice of the document that starts at ``base``."""
    local = [replace(t, start=t.start - base, end=t.end - base, content_start=t.content_start - base) for t in turns]
    found = mentions_by_turn(text, local, extras=extras)
    return [replace(m, start=m.start + base, end=m.end + base) for m in found]


class PendingMentions:
    """One document's chunks, submitted to a pool; :meth:`result` waits for them."""

    def __init__(self, futures: list[tuple[Future, int, int]]) -> None:
        self._futures = futures  # (future, turns in the chunk, characters of speech in it)

    @property
    def turns(self) -> int:
        return sum(turns for _, turns, _ in self._futures)

    @property
    def chars(self) -> int:
        return sum(chars for _, _, chars in self._futures)

    def cancel(self) -> None:
        for future, _, _ in self._futures:
            future.cancel()

    def result(self, done: TurnsDone | None = None, cancelled: Callable[[], bool] | None = None) -> list[Mention]:
        """The document's mentions in order, once every chunk is tagged.

        ``done(turns, chars)`` is called as chunks finish (in any order);
        ``cancelled()`` is asked at least every :data:`POLL` seconds and stops the
        wait with :class:`NerCancelled`, dropping the chunks not yet started.
        """
        waiting = {future for future, _, _ in self._futures}
        sizes = {future: (turns, chars) for future, turns, chars in self._futures}
        turns_done = chars_done = 0
        while waiting:
            if cancelled is not None and cancelled():
                self.cancel()
                raise NerCancelled
            finished, waiting = wait(waiting, timeout=POLL, return_when=FIRST_COMPLETED)
            for future in finished:
                turns_done += sizes[future][0]
                chars_done += sizes[future][1]
            if finished and done is not None:
                done(turns_done, chars_done)
        found: list[Mention] = []
        for future, _, _ in self._futures:
            found.extend(future.result())
        return found


class NerPool:
    """Worker processes that each load the model once and tag chunks of turns."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker
        )

    def submit(self, text: str, turns: Sequence[Turn], *, extras: bool = True) -> PendingMentions:
        futures = []
        for group in turn_groups(text, list(turns), CHUNK_CHARS):
            lo, hi = group[0].start, group[-1].end
            chars = sum(t.end - t.content_start for t in group)
            futures.append((self._executor.submit(_tag_chunk, text[lo:hi], lo, group, extras), len(group), chars))
        return PendingMentions(futures)

    def close(self, *, cancel: bool = False) -> None:
        """Stop the workers; with ``cancel``, without waiting for the chunks in hand."""
        self._executor.shutdown(wait=not cancel, cancel_futures=cancel)

    def __enter__(self) -> NerPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close(cancel=exc[0] is not None)


class Estimate:
    """Seconds left for a file, from the characters tagged so far."""

    def __init__(self, chars_total: int) -> None:
        self.chars_total = chars_total
        self.started = time.monotonic()

    def seconds_left(self, chars_done: int) -> float | None:
        elapsed = time.monotonic() - self.started
        if chars_done <= 0 or elapsed < 0.5:
            return None
        return elapsed / chars_done * max(0, self.chars_total - chars_done)
