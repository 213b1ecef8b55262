"""How a benchmark reports: figures beside their targets, as a table and, for run_all.py, as JSON.

A benchmark calls :func:`report` with its :class:`Figure` s.  It prints them as a
table; when ``RAZMETKA_BENCH_JSON`` names a file (``run_all.py`` sets it), it also
appends them there, one JSON object a line.  A benchmark never fails on time: a
missed target is shown, not raised.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass

JSON_ENV = "RAZMETKA_BENCH_JSON"


@dataclass
class Figure:
    name: str  # what was measured, e.g. "import 1 MB: app / natasha on 1 thread"
    value: float
    unit: str = ""
    target: float | None = None
    better: str = "lower"  # or "higher": which side of the target meets it
    note: str = ""  # anything a reader needs to judge the figure (load, CPU time, …)
    bench: str = ""  # filled in by report(): the benchmark's file name

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        return self.value <= self.target if self.better == "lower" else self.value >= self.target

    def target_text(self) -> str:
        if self.target is None:
            return ""
        return f"{'≤' if self.better == 'lower' else '≥'} {_number(self.target)}"


def _number(value: float) -> str:
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def verdict(met: bool | None) -> str:
    return {True: "ok", False: "MISSED", None: ""}[met]


def table(figures: list[Figure], *, with_bench: bool = False) -> str:
    """The figures as an aligned plain-text table."""
    header = (["benchmark"] if with_bench else []) + ["figure", "value", "unit", "target", "", "note"]
    rows = [header]
    for f in figures:
        rows.append(
            ([f.bench] if with_bench else [])
            + [f.name, _number(f.value), f.unit, f.target_text(), verdict(f.met), f.note]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    right = {header.index("value")}
    lines = []
    for row in rows:
        cells = [
            cell.rjust(w) if i in right else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def report(bench: str, figures: list[Figure]) -> None:
    """Print ``figures`` and, under run_all.py, hand them over as JSON lines."""
    for f in figures:
        f.bench = bench
    print(table(figures))
    path = os.environ.get(JSON_ENV)
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            for f in figures:
                fh.write(json.dumps({**asdict(f), "met": f.met}, ensure_ascii=False) + "\n")
