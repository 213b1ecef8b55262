"""Run every benchmark in this folder and print each figure beside its target, as one table.

    python benchmarks/run_all.py [--only NAME ...] [--quick] [--json PATH] [--compare OLD.json]

Every ``bench_*.py`` here runs in a process of its own.  A benchmark reports its
figures through ``figures.report`` (benchmarks/figures.py), which also hands them to
this runner as JSON; one that does not is listed with its last line of output.
``bench_import.py`` runs twice: as it is, and with ``--busy`` (one other process
spinning on a core).  The figures are written as JSON (with the commit, the date
and the machine's load), so that two commits can be compared: ``--compare`` prints
an older file's value beside each figure.  A benchmark never fails on time; this
exits non-zero only if a benchmark itself crashed.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from figures import JSON_ENV, Figure, table  # noqa: E402

# Arguments per run of a benchmark (each list is one run); a benchmark not named runs once, bare.
RUNS = {
    "bench_import.py": [["--fraction", "0.25"], ["--fraction", "0.25", "--busy"]],
}
QUICK = {
    "bench_import.py": [["--fraction", "0.1"], ["--fraction", "0.1", "--busy"]],
    "bench_cli.py": [["--docs", "2000", "--runs", "3"]],
    "bench_store.py": [["--docs", "200"]],
}
TIMEOUT = 1800


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        )
        dirty = subprocess.run(["git", "-C", str(HERE), "status", "--porcelain"], capture_output=True, text=True)
        return out.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def run_one(script: Path, args: list[str]) -> tuple[list[Figure], dict]:
    """Run one benchmark; its figures, and a record of the run (exit code, seconds, last line)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "figures.jsonl"
        env = {**os.environ, JSON_ENV: str(out)}
        started = time.perf_counter()
        try:
            done = subprocess.run(
                [sys.executable, str(script), *args], capture_output=True, text=True, env=env, timeout=TIMEOUT
            )
            code, stdout, stderr = done.returncode, done.stdout, done.stderr
        except subprocess.TimeoutExpired:
            code, stdout, stderr = -1, "", f"timed out after {TIMEOUT} s"
        seconds = time.perf_counter() - started
        figures = []
        if out.exists():
            for line in out.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                row.pop("met", None)
                figures.append(Figure(**row))
    name = " ".join([script.name, *args])
    last = (stderr.strip() or stdout.strip()).splitlines()[-1:] if (code or not figures) else []
    record = {"run": name, "exit": code, "seconds": round(seconds, 1), "last_line": last[0] if last else ""}
    if not figures:
        figures = [Figure(name, float("nan"), note=f"no figures (exit {code}): {record['last_line'][:80]}")]
        figures[0].bench = script.stem
    return figures, record


def compare(figures: list[Figure], old_path: Path) -> str:
    old = json.loads(old_path.read_text(encoding="utf-8"))
    before = {(f["bench"], f["name"]): f["value"] for f in old["figures"] if f["value"] is not None}
    header = ("benchmark", "figure", old.get("commit", "old"), "now", "unit", "change")
    rows = [header]
    for f in figures:
        was = before.get((f.bench, f.name))
        change = f"{f.value / was:.2f}x" if was else ""
        rows.append((f.bench, f.name, "" if was is None else f"{was:.4g}", f"{f.value:.4g}", f.unit, change))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", default=None, help="benchmark names to run (e.g. bench_store)")
    parser.add_argument("--quick", action="store_true", help="smaller inputs, for a first look")
    parser.add_argument("--json", type=Path, help="where to write the figures (default: bench-COMMIT.json here)")
    parser.add_argument("--compare", type=Path, help="an older run's JSON, to print its values beside these")
    args = parser.parse_args()
    scripts = sorted(HERE.glob("bench_*.py"))
    if args.only:
        wanted = {name.removesuffix(".py") for name in args.only}
        scripts = [s for s in scripts if s.stem in wanted]
    runs = {**RUNS, **(QUICK if args.quick else {})}
    figures: list[Figure] = []
    records = []
    for script in scripts:
        for extra in runs.get(script.name, [[]]):
            print(f"running {' '.join([script.name, *extra])} …", file=sys.stderr, flush=True)
            found, record = run_one(script, extra)
            figures += found
            records.append(record)
    print(table(figures, with_bench=True))
    commit = _commit()
    result = {
        "commit": commit,
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "quick": args.quick,
        "runs": records,
        "figures": [{**f.__dict__, "value": None if f.value != f.value else f.value, "met": f.met} for f in figures],
    }
    path = args.json or Path(f"bench-{commit}.json")
    path.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\nfigures written to {path}", file=sys.stderr)
    if args.compare:
        print()
        print(compare(figures, args.compare))
    return 1 if any(r["exit"] not in (0,) for r in records) else 0


if __name__ == "__main__":
    sys.exit(main())
