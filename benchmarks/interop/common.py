"""What every interop script shares: the transcript, the razmetka command, and the span comparison.

Each script exports tests/data/interop_transcript.jsonl, puts the export through
the tool itself, imports what the tool gives back into a new project, and prints
one row: format | tool and version | loads | spans exact | what the report says
was dropped.  Run them with the repository's venv (they import razmetka);
``--tool-python`` points at the venv where the tool is installed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

TRANSCRIPT = ROOT / "tests" / "data" / "interop_transcript.jsonl"


def razmetka(*args: str | Path, check: bool = True) -> subprocess.CompletedProcess:
    """Run ``razmetka`` from this venv; its output is printed for the record."""
    script = Path(sys.executable).with_name("razmetka")
    command = [str(script) if script.exists() else "razmetka", *map(str, args)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    for line in (result.stdout + result.stderr).splitlines():
        print(f"    | {line}")
    if check and result.returncode != 0:
        raise SystemExit(f"razmetka {' '.join(map(str, args))} failed with {result.returncode}")
    return result


def original_project(folder: Path) -> Path:
    db = folder / "original.db"
    razmetka("import", "--format", "jsonl", TRANSCRIPT, "--db", db)
    return db


def spans_of(db: Path, people_only: bool = False) -> set[tuple[int, int, str, str | None]]:
    """(start, end, label, annotator) of every visible span in the project's documents."""
    from storage import Project

    found = set()
    with Project(db) as project:
        for doc_id in project.document_ids():
            for s in project.load_document(doc_id).spans:
                if s.visible and not (people_only and s.status == "suggested"):
                    found.add((s.start, s.end, s.label, s.annotator))
    return found


def relative_spans(db: Path, people_only: bool = False) -> set[tuple]:
    """(turn number, start and end in the turn's speech, label, annotator): alike for a dialogue rebuilt from turns."""
    from storage import Project

    found = set()
    with Project(db) as project:
        for doc_id in project.document_ids():
            doc = project.load_document(doc_id)
            speaking = [t for t in doc.turns if t.content_start < t.end]
            for s in doc.spans:
                if not s.visible or (people_only and s.status == "suggested"):
                    continue
                turn = doc.turn_at(s.start)
                number = speaking.index(turn)
                found.add((number, s.start - turn.content_start, s.end - turn.content_start, s.label, s.annotator))
    return found


def compare(expected: set, got: set) -> tuple[bool, list[str]]:
    lines = [f"missing {x}" for x in sorted(expected - got, key=str)]
    lines += [f"extra   {x}" for x in sorted(got - expected, key=str)]
    return not lines, lines


def dropped_lines(output: str) -> str:
    keys = ("dropped", "not imported", "widened", "left out", "only by id", "overlap", "doc.spans", "new annotator")
    found = [line.strip() for line in output.splitlines() if any(k in line for k in keys)]
    return "; ".join(found) or "nothing"


def row(fmt: str, tool: str, loads: bool, exact: bool, dropped: str) -> None:
    print(f"| {fmt} | {tool} | {'yes' if loads else 'NO'} | {'yes' if exact else 'NO'} | {dropped} |")


def tool_version(python: str, package: str) -> str:
    code = f"from importlib.metadata import version; print(version({package!r}))"
    result = subprocess.run([python, "-c", code], capture_output=True, text=True)
    return result.stdout.strip() or "not installed"


def env_without(*names: str) -> dict[str, str]:
    env = dict(os.environ)
    for name in names:
        env.pop(name, None)
    return env


def dump(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
