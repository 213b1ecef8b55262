"""Export time per format: CoNLL and Hugging Face (razdel over every text) against JSONL.

    python benchmarks/bench_export.py [--docs 200] [--rounds 2]

Builds a project of DOCS copies of the pre-annotated sample (about 5,900 characters
and 60 spans each), then times ``storage.export.export_from`` for each format, the
formats interleaved round by round, and prints wall and CPU seconds with the ratio
to JSONL beside the target (CoNLL and HF within twice the JSONL time).  The line
"conll (razdel.tokenize)" is the same export with razdel's own tokenizer, as the
exporter ran before it asked razdel's rules only where atoms touch: the before
figure, measured in the same run.  A benchmark, not a test: it never fails on time.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotation.bundled import sample_path  # noqa: E402
from annotation.formats import tokens  # noqa: E402
from annotation.formats.export import ExportOptions  # noqa: E402
from annotation.importing import import_file  # noqa: E402
from storage import Project  # noqa: E402
from storage.export import export_from  # noqa: E402

TARGET_RATIO = 2.0
FORMATS = ("jsonl", "conll", "hf", "doccano", "spacy", "conll (razdel.tokenize)")


@contextmanager
def plain_razdel():
    """The exporter as it was: razdel.tokenize over every sentence."""
    from razdel import tokenize

    fast = tokens.razdel_tokens
    tokens.razdel_tokens = lambda text: [(t.start, t.stop) for t in tokenize(text)]
    try:
        yield
    finally:
        tokens.razdel_tokens = fast


def build_project(path: Path, docs: int) -> float:
    imported = import_file(sample_path())
    started = time.perf_counter()
    with Project(path, create=True) as project:
        for n in range(docs):
            doc = replace(imported.document, id=None, title=f"{imported.document.title} {n}")
            project.add_document(doc, imported.mentions)
    return time.perf_counter() - started


def time_export(project: Project, fmt: str, out: Path) -> tuple[float, float]:
    name = fmt.split()[0]
    options = ExportOptions(format=name, out=out / f"x.{name}")
    wall, cpu = time.perf_counter(), time.process_time()
    if fmt.endswith("(razdel.tokenize)"):
        with plain_razdel():
            export_from(project, options)
    else:
        export_from(project, options)
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        stored = build_project(db, args.docs)
        print(f"{args.docs} documents stored in {stored:.1f} s")
        best: dict[str, tuple[float, float]] = {}
        with Project(db) as project:
            for _ in range(args.rounds):
                for fmt in FORMATS:
                    wall, cpu = time_export(project, fmt, Path(tmp))
                    if fmt not in best or wall < best[fmt][0]:
                        best[fmt] = (wall, cpu)
        base = best["jsonl"][0]
        print(f"{'format':<26}{'wall s':>8}{'cpu s':>8}{'x jsonl':>9}  target")
        for fmt in FORMATS:
            wall, cpu = best[fmt]
            target = f"<= {TARGET_RATIO:.1f}" if fmt in ("conll", "hf") else ""
            print(f"{fmt:<26}{wall:>8.2f}{cpu:>8.2f}{wall / base:>9.2f}  {target}")


if __name__ == "__main__":
    main()
