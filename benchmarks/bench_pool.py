"""Where a pool of NER workers starts to pay: one process against all cores, by input size.

    python benchmarks/bench_pool.py [--sizes 100000,200000,400000,800000]

For each size (characters of a generated Russian transcript, benchmarks/corpus.py)
it imports the file twice without storing, in turns: NER in this process
(``workers=1``) and in a pool of one worker per core, started for this file
(``pool_min_bytes=0``), so the pool's figure includes starting its workers.  The
smallest size at which the pool wins is what ``annotation.pool.POOL_MIN_BYTES``
should be near (it is in bytes: Russian text takes about two a character).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from corpus import write_transcript  # noqa: E402
from figures import Figure, report  # noqa: E402

from annotation.importing import ImportOptions, import_files  # noqa: E402
from annotation.ner import shared_model  # noqa: E402
from annotation.pool import POOL_MIN_BYTES  # noqa: E402


def timed(path: Path, workers: int) -> float:
    started = time.perf_counter()
    report = import_files(
        [path],
        store=lambda imported: "id",
        find_existing=lambda sha: None,
        options=ImportOptions(workers=workers, pool_min_bytes=0),
    )
    assert not report.failed, report.failed
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,200000,400000,800000")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    shared_model().load()  # the single process has its model loaded, as in the window
    figures = []
    crossover = None
    with tempfile.TemporaryDirectory() as tmp:
        for size in [int(s) for s in args.sizes.split(",")]:
            path = write_transcript(Path(tmp) / f"t{size}.txt", size, seed=size)
            one = timed(path, 1)
            pool = timed(path, cores)
            nbytes = path.stat().st_size
            if pool < one and crossover is None:
                crossover = nbytes
            figures.append(
                Figure(
                    f"{size:,} chars ({nbytes / 1e6:.2f} MB): pool / one process",
                    pool / one,
                    "x",
                    note=f"one process {one:.1f} s, {cores} workers {pool:.1f} s (starting them included)",
                )
            )
    figures.append(
        Figure(
            "smallest input where the pool wins",
            (crossover or 0) / 1e6,
            "MB",
            note=f"POOL_MIN_BYTES is {POOL_MIN_BYTES / 1e6:.2f} MB" + ("" if crossover else "; the pool never won"),
        )
    )
    report("bench_pool", figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
