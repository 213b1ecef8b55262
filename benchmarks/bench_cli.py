"""The command line's start and a big project's list: ``razmetka --help`` and ``razmetka list``.

    python benchmarks/bench_cli.py [--docs N] [--runs R]

Times the installed ``razmetka`` command as a person runs it (a new process each
time, the best of R runs, wall clock and CPU), ``--help`` and ``list`` on a project of
N documents (10,000 by default: the sample with its suggestions, copied by SQL).
Targets from issue 14: start in ≤ 0.3 s, list 10,000 documents in ≤ 1 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure, report  # noqa: E402

from annotation.bundled import sample_path  # noqa: E402
from annotation.importing import import_file  # noqa: E402
from storage import Project  # noqa: E402

HELP_TARGET = 0.3
LIST_TARGET = 1.0


def command() -> list[str]:
    script = Path(sys.executable).with_name("razmetka")
    if script.exists():
        return [str(script)]
    found = shutil.which("razmetka")
    return [found] if found else [sys.executable, "-m", "cli"]


def big_project(path: Path, docs: int) -> None:
    """``docs`` copies of the sample (turns, spans, model output), made by SQL in one transaction."""
    imported = import_file(sample_path())
    with Project(path) as project:
        first = project.add_document(imported.document, imported.mentions)
        db = project.db
        with db.atomic():
            for n in range(1, docs):
                doc_id = f"copy{n:06d}"
                db.execute(
                    "INSERT INTO documents (id, title, status, text, metadata, source_file, sha256, layout,"
                    " confidence, language, position)"
                    " SELECT ?, title || ' ' || ?, status, text, metadata, source_file, sha256 || ?, layout,"
                    " confidence, language, ? FROM documents WHERE id = ?",
                    [doc_id, n, n, n + 1, first],
                )
                db.execute(
                    'INSERT INTO turns (document_id, start, "end", content_start, speaker_id, time_start, time_end)'
                    ' SELECT ?, start, "end", content_start, speaker_id, time_start, time_end'
                    " FROM turns WHERE document_id = ?",
                    [doc_id, first],
                )
                db.execute(
                    'INSERT INTO spans (document_id, start, "end", label, text, normal, origin, status, annotator)'
                    ' SELECT ?, start, "end", label, text, normal, origin, status, annotator'
                    " FROM spans WHERE document_id = ?",
                    [doc_id, first],
                )


def timed(argv: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    """The best wall time and the CPU time of that run, over ``runs`` runs."""
    best = (float("inf"), 0.0)
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        best = min(best, (wall, cpu))
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = {**os.environ}
    env.pop("DISPLAY", None)
    with tempfile.TemporaryDirectory() as tmp:
        env["XDG_DATA_HOME"] = tmp
        db = Path(tmp) / "big.db"
        big_project(db, args.docs)
        help_wall, help_cpu = timed([*command(), "--help"], env, args.runs)
        list_wall, list_cpu = timed([*command(), "list", "--db", str(db)], env, args.runs)
    report(
        "bench_cli",
        [
            Figure("razmetka --help", help_wall, "s", HELP_TARGET, note=f"CPU {help_cpu:.2f} s, best of {args.runs}"),
            Figure(
                f"razmetka list, {args.docs:,} documents",
                list_wall,
                "s",
                LIST_TARGET,
                note=f"CPU {list_cpu:.2f} s, best of {args.runs}",
            ),
        ],
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
