"""brat: every T line checked by the rule brat's server applies, then the folder imported back.

    python benchmarks/interop/brat_check.py

brat's server (server/src/annotation.py, text-bound annotations) refuses a T line
whose text is not exactly the document's text of its fragments, joined by
DISCONT_SEP, one space; it reads the .ann file line by line with Python's line
splitting.  So: no fragment may hold a line break, and the text must be exact,
whitespace and all.  brat itself is not on PyPI; this is its rule, written again.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from common import compare, dropped_lines, original_project, razmetka, row, spans_of

T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")
DISCONT_SEP = " "


def check_folder(folder: Path) -> list[str]:
    problems = []
    for ann in sorted(folder.glob("*.ann")):
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        for number, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), 1):
            if not line.startswith("T"):
                continue
            match = T_LINE.match(line)
            if not match:
                problems.append(f"{ann.name}:{number}: not a T line brat can parse: {line!r}")
                continue
            spans = [tuple(map(int, f.split())) for f in match.group(3).split(";")]
            reference = DISCONT_SEP.join(text[s:e] for s, e in spans)
            if match.group(4) != reference:
                problems.append(f"{ann.name}:{number}: text {match.group(4)!r} != marked {reference!r}")
    return problems


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = original_project(tmp)
        out = tmp / "brat"
        exported = razmetka("export", "--format", "brat", "--out", out, "--db", db)
        problems = check_folder(out)
        for p in problems:
            print(f"    ! {p}")
        back = tmp / "back.db"
        imported = razmetka("import", "--format", "brat", out, "--db", back, "--annotator", "brat")
        expected = {(s, e, label) for s, e, label, _ in spans_of(db)}
        got = {(s, e, label) for s, e, label, _ in spans_of(back)}
        exact, lines = compare(expected, got)
        for line in lines:
            print(f"    {line}")
        row(
            "brat",
            "brat server rule (DISCONT_SEP ' ')",
            not problems,
            exact and not problems,
            dropped_lines(exported.stdout + imported.stdout) + " (brat keeps no annotator or status)",
        )
        return 0 if exact and not problems else 1


if __name__ == "__main__":
    sys.exit(main())
