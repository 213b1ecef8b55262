"""Storing imported documents: ``Project.add_document`` and the search index of their turns.

    python benchmarks/bench_store.py [--docs N]

Builds N documents of about 8,000 characters (benchmarks/corpus.py, each with its
own seed, so the vocabulary keeps growing as in real transcripts) with about 110
suggestions each, then times ``add_document`` for all of them and, apart,
``storage.search.index_turns`` (the lemmas and the FTS rows) for the same
documents again.  Issue 14 measured 0.2 s per ``add_document`` at 1,000
documents; the target is five times faster.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import transcript  # noqa: E402
from figures import Figure, report  # noqa: E402

from annotation.importing import build_document  # noqa: E402
from annotation.model import Mention  # noqa: E402
from annotation.readers import read  # noqa: E402
from annotation.search import lemmas  # noqa: E402
from storage import Project  # noqa: E402
from storage.search import index_turns  # noqa: E402

ADD_TARGET_MS = 40.0  # 0.2 s / 5
INDEX_TARGET_MS = 8.0


class EveryThirdCapital:
    """A stand-in for natasha (the benchmark times storing, not NER): every third (or ``step``th) capitalised word."""

    def __init__(self, step: int = 3) -> None:
        self.step = step

    def mentions(self, text: str, offset: int = 0) -> list[Mention]:
        words = list(re.finditer(r"[А-ЯЁ][а-яё]+", text))[:: self.step]
        return [Mention(m.start() + offset, m.end() + offset, "PER", m.group(), m.group()) for m in words]

    def extra_mentions(self, text: str, offset: int = 0) -> list[Mention]:
        return []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--chars", type=int, default=8000, help="characters per document")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        docs = []
        for i in range(args.docs):
            path = Path(tmp) / f"doc{i}.txt"
            path.write_text(transcript(args.chars, seed=1000 + i), encoding="utf-8")
            # about 110 suggestions a document, whatever its size, as in issue 14's measurement
            docs.append(build_document(read(path), model=EveryThirdCapital(max(3, round(3 * args.chars / 8000)))))
        spans = sum(len(d.document.spans) for d in docs) / len(docs)
        with Project(Path(tmp) / "bench.db") as project:
            lemmas("прогрев")  # pymorphy loaded before the clock starts
            ids, cpu, wall = [], [], []
            for d in docs:
                started, began = time.process_time(), time.perf_counter()
                ids.append(project.add_document(d.document, d.mentions))
                cpu.append(time.process_time() - started)
                wall.append(time.perf_counter() - began)
            add_ms = sum(cpu) / len(docs) * 1000
            tail = max(1, len(docs) // 10)
            last_ms = sum(cpu[-tail:]) / tail * 1000
            wall_ms = sum(wall) / len(docs) * 1000
            project.db.execute("DELETE FROM turn_text")  # so each turn is indexed anew, as on import
            started = time.process_time()
            with project.db.atomic():
                for doc_id in ids:
                    index_turns(project.db, doc_id)
            index_ms = (time.process_time() - started) / len(docs) * 1000
            size = project.path.stat().st_size
            text = sum(len(d.document.text.encode("utf-8")) for d in docs)
    note = f"{args.docs} docs of {args.chars:,} chars, {spans:.0f} spans each"
    report(
        "bench_store",
        [
            Figure("add_document (CPU)", add_ms, "ms/doc", ADD_TARGET_MS, note=note),
            Figure("add_document, last tenth (CPU)", last_ms, "ms/doc", ADD_TARGET_MS, note="does it grow?"),
            Figure("add_document (wall)", wall_ms, "ms/doc", ADD_TARGET_MS, note="with each commit's fsync"),
            Figure(
                "index_turns of a new document (CPU, lemmas cached)", index_ms, "ms/doc", INDEX_TARGET_MS, note=note
            ),
            Figure("project file / its text", size / text, "x", 3.0, note="issue 14 item 7"),
        ],
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
