"""Import throughput: the app's whole import against raw natasha, side by side in one run.

    python benchmarks/bench_import.py [FILE] [--busy] [--fraction F] [--blocks N]

Without a file it generates a Russian transcript of about 1,000,000 characters
(benchmarks/corpus.py).  Three sides do the same work (PER, LOC, ORG with natasha's
normal forms, and DATE and MONEY with its extractors):

- **raw natasha, default threads**: a user's script, one paragraph at a time, numpy's
  BLAS with as many threads as it starts by itself;
- **raw natasha, one thread**: the same, with BLAS pinned to one thread (threadpoolctl);
- **the app**: ``razmetka import FILE`` (read, parse, NER on every core, store), as a
  person runs it, model loading included.

Both raw sides run in processes of their own with the model loaded before the clock
starts.  Their paragraphs are cut into blocks that they take in turns, half of them
before the app's import and half after, so a change in the machine's load reaches
every side.  ``--fraction`` gives the raw sides only that share of the blocks
(spread over the text; their rates are per character).  Each side reports wall and
CPU time.  ``--busy`` starts one process spinning on a core for the whole run, as
any desktop has.  Targets (issue 14): the app at least 1.6 times raw natasha on one
thread, and, with ``--busy``, 3 times raw natasha with default threads.
A benchmark, not a test: it never fails on time.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from corpus import write_transcript  # noqa: E402
from figures import Figure, report  # noqa: E402

TARGET_VS_PINNED = 1.6
TARGET_VS_DEFAULT_BUSY = 3.0


def build_big_transcript(directory: Path, chars: int = 1_000_000) -> Path:
    """The sample's turns repeated to about ``chars`` characters (bench_view.py annotates each paragraph once)."""
    from annotation.bundled import sample_path
    from annotation.transcript import parse

    text = parse(sample_path().read_text(encoding="utf-8")).text
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    out = list(paragraphs[:2])
    size = sum(len(p) + 2 for p in out)
    i = 0
    while size < chars:
        paragraph = paragraphs[2:][i % len(paragraphs[2:])]
        out.append(paragraph)
        size += len(paragraph) + 2
        i += 1
    path = directory / "big_interview.txt"
    path.write_text("\n\n".join(out) + "\n", encoding="utf-8")
    return path


# -- the raw side: a process of its own that tags the blocks it is told ---------


def raw_side(path: Path, pinned: bool, blocks: int) -> None:
    """Load natasha, say ready, then tag each block named on stdin and answer with its times."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from natasha import (
            DatesExtractor,
            Doc,
            MoneyExtractor,
            MorphVocab,
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            Segmenter,
        )
    embedding = NewsEmbedding()
    segmenter, morph, ner, vocab = Segmenter(), NewsMorphTagger(embedding), NewsNERTagger(embedding), MorphVocab()
    dates, money = DatesExtractor(vocab), MoneyExtractor(vocab)
    if pinned:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1)
    paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    size = -(-len(paragraphs) // blocks)
    print("ready", flush=True)
    for line in sys.stdin:
        block = paragraphs[int(line) * size : (int(line) + 1) * size]
        wall, cpu = time.perf_counter(), time.process_time()
        for paragraph in block:
            doc = Doc(paragraph)
            doc.segment(segmenter)
            doc.tag_morph(morph)
            doc.tag_ner(ner)
            for span in doc.spans:
                span.normalize(vocab)
            list(dates(paragraph))
            list(money(paragraph))
        chars = sum(len(p) for p in block)
        print(json.dumps([time.perf_counter() - wall, time.process_time() - cpu, chars]), flush=True)


class RawProcess:
    def __init__(self, path: Path, pinned: bool, blocks: int) -> None:
        argv = [sys.executable, __file__, "--raw-side", "pinned" if pinned else "default", "--blocks", str(blocks)]
        self.process = subprocess.Popen(
            [*argv, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1
        )
        self.wall = self.cpu = 0.0
        self.chars = 0

    def wait_ready(self) -> None:
        assert self.process.stdout.readline().strip() == "ready"

    def run(self, block: int) -> None:
        self.process.stdin.write(f"{block}\n")
        wall, cpu, chars = json.loads(self.process.stdout.readline())
        self.wall += wall
        self.cpu += cpu
        self.chars += chars

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=60)


# -- the app's side: the command a person runs ---------------------------------------


def razmetka() -> list[str]:
    script = Path(sys.executable).with_name("razmetka")
    if script.exists():
        return [str(script)]
    found = shutil.which("razmetka")
    return [found] if found else [sys.executable, "-m", "cli"]


def app_import(path: Path, db: Path) -> tuple[float, float]:
    """Wall and CPU time (the command and its NER workers) of ``razmetka import``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([*razmetka(), "import", str(path), "--db", str(db)], check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def spread(blocks: int, fraction: float) -> list[int]:
    """``fraction`` of the blocks, spread evenly over the text."""
    count = max(2, min(blocks, round(blocks * fraction)))
    return sorted({round(i * (blocks - 1) / (count - 1)) for i in range(count)})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--busy", action="store_true", help="keep one other process spinning on a core")
    parser.add_argument("--fraction", type=float, default=1.0, help="share of the text the raw sides tag")
    parser.add_argument("--blocks", type=int, default=16, help="blocks the raw sides take in turns")
    parser.add_argument("--raw-side", choices=["default", "pinned"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.raw_side:
        raw_side(args.file, args.raw_side == "pinned", args.blocks)
        return 0
    spinner = None
    with tempfile.TemporaryDirectory() as tmp:
        path = args.file or write_transcript(Path(tmp) / "generated_1mb.txt")
        chars = len(path.read_text(encoding="utf-8"))
        default = RawProcess(path, pinned=False, blocks=args.blocks)
        pinned = RawProcess(path, pinned=True, blocks=args.blocks)
        default.wait_ready()
        pinned.wait_ready()
        if args.busy:
            spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        try:
            chosen = spread(args.blocks, args.fraction)
            half = len(chosen) // 2
            for n, block in enumerate(chosen[:half]):
                for side in (default, pinned) if n % 2 == 0 else (pinned, default):
                    side.run(block)
            app_wall, app_cpu = app_import(path, Path(tmp) / "bench.db")
            for n, block in enumerate(chosen[half:]):
                for side in (pinned, default) if n % 2 == 0 else (default, pinned):
                    side.run(block)
        finally:
            if spinner is not None:
                spinner.kill()
                spinner.wait()
            default.close()
            pinned.close()
    app_rate = chars / app_wall
    default_rate = default.chars / default.wall
    pinned_rate = pinned.chars / pinned.wall
    load = "with one core kept busy" if args.busy else "no extra load"
    shared = f"{chars:,} chars, {load}"
    figures = [
        Figure(
            "raw natasha, default threads",
            default_rate,
            "chars/s",
            better="higher",
            note=f"CPU {default.chars / default.cpu:,.0f} chars/CPU-s; {default.chars:,} chars tagged",
        ),
        Figure(
            "raw natasha, one thread",
            pinned_rate,
            "chars/s",
            better="higher",
            note=f"CPU {pinned.chars / pinned.cpu:,.0f} chars/CPU-s; {pinned.chars:,} chars tagged",
        ),
        Figure(
            "app import, all cores",
            app_rate,
            "chars/s",
            better="higher",
            note=f"CPU {chars / app_cpu:,.0f} chars/CPU-s; wall {app_wall:.1f} s, CPU {app_cpu:.1f} s",
        ),
        Figure(
            "app / raw one thread",
            app_rate / pinned_rate,
            "x",
            None if args.busy else TARGET_VS_PINNED,
            better="higher",
            note=shared,
        ),
        Figure(
            "app / raw default threads",
            app_rate / default_rate,
            "x",
            TARGET_VS_DEFAULT_BUSY if args.busy else None,
            better="higher",
            note=shared,
        ),
    ]
    report("bench_import" + (" --busy" if args.busy else ""), figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
