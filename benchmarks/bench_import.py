"""Import throughput: the app's whole import against raw natasha on the same paragraphs.

    python benchmarks/bench_import.py [FILE ...]

Without files it builds a transcript of about 1,000,000 characters by repeating the
sample's paragraphs.  It prints characters per second for raw natasha (segment,
morphology, NER and span.normalize: work the app cannot avoid) and for the app's
import (read, parse, NER, store), and their ratio beside the target.  A benchmark,
not a test: it never fails on time.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotation.bundled import sample_path  # noqa: E402
from annotation.importing import build_document  # noqa: E402
from annotation.ner import shared_model  # noqa: E402
from annotation.readers import read  # noqa: E402
from annotation.transcript import parse  # noqa: E402
from storage import Project  # noqa: E402

TARGET_RATIO = 0.90
DEFAULT_CHARS = 1_000_000


def build_big_transcript(directory: Path, chars: int = DEFAULT_CHARS) -> Path:
    text = parse(sample_path().read_text(encoding="utf-8")).text
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    lead, turns = paragraphs[:2], paragraphs[2:]
    out = list(lead)
    size = sum(len(p) + 2 for p in out)
    i = 0
    while size < chars:
        paragraph = turns[i % len(turns)]
        out.append(paragraph)
        size += len(paragraph) + 2
        i += 1
    path = directory / "big_interview.txt"
    path.write_text("\n\n".join(out) + "\n", encoding="utf-8")
    return path


def raw_natasha(paragraphs: list[str]) -> float:
    from natasha import Doc

    model = shared_model()
    model.load()
    segmenter, morph, ner, vocab = model._parts  # the very objects the app uses
    started = time.perf_counter()
    for paragraph in paragraphs:
        doc = Doc(paragraph)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.tag_ner(ner)
        for span in doc.spans:
            span.normalize(vocab)
    return time.perf_counter() - started


def app_import(path: Path, db: Path) -> tuple[float, int, int]:
    started = time.perf_counter()
    raw = read(path)
    imported = build_document(raw)
    with Project(db, create=True) as project:
        project.add_document(imported.document, imported.mentions)
    elapsed = time.perf_counter() - started
    return elapsed, len(imported.document.turns), len(imported.document.spans)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = args.files or [build_big_transcript(Path(tmp))]
        shared_model().load()  # both sides start with the model loaded
        print(
            f"{'file':<28} {'chars':>9} {'turns':>6} {'spans':>6} {'natasha c/s':>12} {'app c/s':>10} "
            f"{'ratio':>6}  target"
        )
        for n, path in enumerate(files):
            text = read(path).text
            paragraphs = [p for p in text.split("\n\n") if p.strip()]
            raw_seconds = raw_natasha(paragraphs)
            app_seconds, turns, spans = app_import(path, Path(tmp) / f"bench{n}.db")
            raw_rate = len(text) / raw_seconds
            app_rate = len(text) / app_seconds
            ratio = app_rate / raw_rate
            verdict = "ok" if ratio >= TARGET_RATIO else "BELOW"
            print(
                f"{path.name[:28]:<28} {len(text):>9,} {turns:>6} {spans:>6} {raw_rate:>12,.0f} {app_rate:>10,.0f} "
                f"{ratio:>6.2f}  >= {TARGET_RATIO:.2f} {verdict}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
