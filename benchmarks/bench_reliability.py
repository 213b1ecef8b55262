"""Reliability: kill -9 during imports, edits and exports, and two writers at once.

    python benchmarks/bench_reliability.py [--trials N] [--writer-trials N] [--no-ner]

Each kill trial starts a worker process, waits until it has acknowledged a random
number of units (a file stored, a change applied) or a random time (an export),
kills it with SIGKILL, and then checks the project: ``PRAGMA integrity_check``,
every acknowledged unit present and whole, no half-stored document, an export
file that is either absent, the previous one or the new one, never a part.  A
two-writer trial runs two ``razmetka import`` of disjoint folders into one new
project at once; it succeeds if both exit 0 and every file is in the project.
It prints trials, failures and anything lost, per kind.  A benchmark: it never
asserts; ``tests/storage/test_reliability.py`` runs a few trials of each kind.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
DATA = REPO / "tests" / "data"
SOURCES = ["colon_qa_ru.md", "name_line_en.txt", "alternate_ru.txt", "name_dash_ru.txt", "qa_initials_ru.txt"]
ENV = {**os.environ, "PYTHONPATH": str(REPO), "RAZMETKA_ANNOTATOR": "bench"}


@dataclass
class Outcome:
    kind: str
    trials: int = 0
    failures: int = 0
    lost: int = 0
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        return f"{self.kind:<12} trials {self.trials:>3}  failures {self.failures:>3}  lost {self.lost:>3}"

    def fail(self, note: str) -> None:
        self.failures += 1
        self.notes.append(note)


def transcripts(folder: Path, count: int, tag: str) -> list[Path]:
    """``count`` small transcripts, each with a line of its own so none is a duplicate of another."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(count):
        source = DATA / SOURCES[i % len(SOURCES)]
        text = source.read_text(encoding="utf-8").rstrip() + f" Запись {tag} {i}.\n"
        path = folder / f"{tag}-{i}{source.suffix}"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def _python(*args: str) -> list[str]:
    return [sys.executable, *args]


def _razmetka(*args: str) -> list[str]:
    return _python("-m", "cli", *args)


def _check(db: Path) -> str | None:
    conn = sqlite3.connect(db)
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            return "integrity check failed"
        if conn.execute("PRAGMA foreign_key_check").fetchall():
            return "a foreign key points nowhere"
        half = conn.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM turns t WHERE t.document_id = d.id)"
        ).fetchone()[0]
        return f"{half} document(s) stored without turns" if half else None
    finally:
        conn.close()


# -- workers (run in a child process, killed at random) ------------------------------


def worker_import(db: str, files: list[str], ner: bool) -> None:
    from annotation.importing import ImportOptions
    from storage import Project, import_into

    with Project(db, create=True) as project:
        for name in files:
            report = import_into(project, [name], ImportOptions(ner=ner))
            for item in report.imported:
                print("ack", Path(name).name, item.id, flush=True)


def worker_edit(db: str) -> None:
    from annotation.changes import AddSpans
    from annotation.model import Span
    from storage import Project

    with Project(db) as project:
        doc = project.load_document(project.document_ids()[0])
        for turn in doc.turns:
            words = doc.text[turn.content_start : turn.end].split()
            position = turn.content_start
            for word in words:
                start = doc.text.index(word, position)
                position = start + len(word)
                if word.isalpha():
                    span = Span(start, position, "ORG", word, annotator="bench")
                    project.apply(AddSpans(doc.id, (span,)), annotator="bench")
                    print("ack", start, position, flush=True)


# -- trials --------------------------------------------------------------------------


def _kill_after_acks(command: list[str], acks_wanted: int) -> list[list[str]]:
    """Run ``command``, read its acknowledgements, SIGKILL it after ``acks_wanted`` of them."""
    acks = []
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=ENV) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("ack "):
                acks.append(line.split()[1:])
                if len(acks) >= acks_wanted:
                    break
        proc.send_signal(signal.SIGKILL)
        acks.extend(line.split()[1:] for line in proc.stdout if line.startswith("ack "))  # printed before the kill
        proc.wait(timeout=60)
    return acks


def kill_import_trials(work: Path, trials: int, ner: bool, rng: random.Random) -> Outcome:
    outcome = Outcome("import")
    for trial in range(trials):
        folder = work / f"import-{trial}"
        files = transcripts(folder / "in", 6, f"k{trial}")
        db = folder / "p.db"
        command = _python(__file__, "--worker", "import", str(db), *map(str, files)) + ([] if ner else ["--no-ner"])
        acks = _kill_after_acks(command, rng.randint(1, len(files) - 1))
        outcome.trials += 1
        problem = _check(db) if db.exists() else ("nothing stored" if acks else None)
        if problem:
            outcome.fail(f"trial {trial}: {problem}")
            continue
        conn = sqlite3.connect(db)
        stored = {r[0] for r in conn.execute("SELECT id FROM documents")}
        conn.close()
        lost = [name for name, doc_id in acks if doc_id not in stored]
        if lost:
            outcome.lost += len(lost)
            outcome.fail(f"trial {trial}: acknowledged but missing: {', '.join(lost)}")
    return outcome


def _seed(db: Path, ner: bool) -> None:
    """A project of three transcripts, imported in this process."""
    from annotation.importing import ImportOptions
    from storage import Project, import_into

    with Project(db, create=True) as project:
        import_into(project, transcripts(db.parent / "seed", 3, "seed"), ImportOptions(ner=ner))


def kill_edit_trials(work: Path, trials: int, ner: bool, rng: random.Random) -> Outcome:
    outcome = Outcome("edits")
    seeded = work / "edit-seed" / "p.db"
    seeded.parent.mkdir(parents=True, exist_ok=True)
    _seed(seeded, ner)
    for trial in range(trials):
        db = work / f"edit-{trial}.db"
        shutil.copy(seeded, db)
        acks = _kill_after_acks(_python(__file__, "--worker", "edit", str(db)), rng.randint(1, 12))
        outcome.trials += 1
        problem = _check(db)
        if problem:
            outcome.fail(f"trial {trial}: {problem}")
            continue
        conn = sqlite3.connect(db)
        spans = {(s, e) for s, e in conn.execute("SELECT start, \"end\" FROM spans WHERE annotator = 'bench'")}
        logged = conn.execute("SELECT count(*) FROM edit_log WHERE annotator = 'bench'").fetchone()[0]
        conn.close()
        lost = [a for a in acks if (int(a[0]), int(a[1])) not in spans]
        outcome.lost += len(lost)
        if lost:
            outcome.fail(f"trial {trial}: {len(lost)} acknowledged edit(s) missing")
        elif logged != len(spans):
            outcome.fail(f"trial {trial}: {len(spans)} span(s) but {logged} edit log entries")
    return outcome


def _export_ok(out: Path, documents: int) -> bool:
    if not out.exists():
        return True
    try:
        lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (ValueError, UnicodeDecodeError):
        return False
    return len(lines) == documents


def kill_export_trials(work: Path, trials: int, ner: bool, rng: random.Random) -> Outcome:
    outcome = Outcome("export")
    db = work / "export" / "p.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    _seed(db, ner)
    out = work / "export" / "out.jsonl"
    command = _razmetka("export", "--db", str(db), "--format", "jsonl", "--out", str(out))
    for trial in range(trials):
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
        try:
            proc.wait(timeout=rng.uniform(0.05, 1.5))  # a random moment: import, read, write or rename
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=60)
        outcome.trials += 1
        problem = _check(db)
        if problem or not _export_ok(out, 3):
            outcome.fail(f"trial {trial}: {problem or 'the export file is half written'}")
    return outcome


def two_writer_trials(work: Path, trials: int, ner: bool) -> Outcome:
    outcome = Outcome("two writers")
    for trial in range(trials):
        folder = work / f"writers-{trial}"
        a = transcripts(folder / "a", 4, f"a{trial}")
        b = transcripts(folder / "b", 4, f"b{trial}")
        db = folder / "p.db"  # does not exist yet: both imports may try to create it
        extra = () if ner else ("--no-ner",)
        procs = [
            subprocess.Popen(_razmetka("import", "--db", str(db), str(side), *extra), env=ENV,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            for side in (folder / "a", folder / "b")
        ]
        errors = [p.communicate(timeout=600)[1] for p in procs]  # closes the pipes too
        outcome.trials += 1
        codes = [p.returncode for p in procs]
        if codes != [0, 0]:
            outcome.fail(f"trial {trial}: exit codes {codes}: {' | '.join(e.strip() for e in errors if e.strip())}")
            continue
        problem = _check(db)
        conn = sqlite3.connect(db)
        stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        conn.close()
        if problem or stored != len(a) + len(b):
            outcome.lost += max(0, len(a) + len(b) - stored)
            outcome.fail(f"trial {trial}: {problem or f'{stored} of {len(a) + len(b)} files stored'}")
    return outcome


def run(trials: int, writer_trials: int, ner: bool, seed: int = 0) -> list[Outcome]:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="razmetka-reliability-") as folder:
        work = Path(folder)
        return [
            kill_import_trials(work, trials, ner, rng),
            kill_edit_trials(work, trials, ner, rng),
            kill_export_trials(work, trials, ner, rng),
            two_writer_trials(work, writer_trials, ner),
        ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=10, help="kill -9 trials of each kind (default 10)")
    parser.add_argument("--writer-trials", type=int, default=20, help="two-writer trials (default 20)")
    parser.add_argument("--no-ner", action="store_true", help="import without natasha (faster)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--worker", choices=("import", "edit"), help=argparse.SUPPRESS)
    parser.add_argument("args", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        if args.worker == "import":
            worker_import(args.args[0], args.args[1:], not args.no_ner)
        else:
            worker_edit(args.args[0])
        return
    for outcome in run(args.trials, args.writer_trials, not args.no_ner, args.seed):
        print(outcome.line())
        for note in outcome.notes:
            print(f"  {note}")


if __name__ == "__main__":
    main()
