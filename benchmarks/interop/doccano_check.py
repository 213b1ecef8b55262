"""doccano: the export loaded by doccano's own import code, with "Allow overlapping spans" off and on.

    python benchmarks/interop/doccano_check.py --tool-python /path/to/doccano-venv/bin/python

doccano (1.8.4) is a Django application; this runs its import pipeline
(``data_import.datasets.load_dataset`` and ``Dataset.save``, what its upload task
calls) against a throwaway SQLite database, in two sequence labeling projects: one
as doccano makes it by default, one with "Allow overlapping spans" on.  It writes
what each project then holds as doccano's JSONL export does (``text``, the
metadata, ``label`` as ``[start, end, label]``), and razmetka imports that back.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from common import compare, dropped_lines, original_project, razmetka, row, spans_of, tool_version

DOCCANO = r"""
import json, os, sys
import backend
sys.path.insert(0, os.path.dirname(backend.__file__))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.development")
os.environ["DATABASE_URL"] = "sqlite:///" + sys.argv[1]
os.environ.setdefault("SECRET_KEY", "interop-check")
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.contrib.auth import get_user_model
from data_import.datasets import load_dataset
from data_import.pipeline.catalog import create_file_format
from data_import.pipeline.readers import FileName
from examples.models import Example
from labels.models import Span
from projects.models import ProjectType, SequenceLabelingProject

source, out = sys.argv[2], sys.argv[3]
user = get_user_model().objects.create(username="interop")
for overlap in (False, True):
    project = SequenceLabelingProject.objects.create(
        name=f"overlap {overlap}", project_type=ProjectType.SEQUENCE_LABELING, allow_overlapping=overlap,
        created_by=user,
    )
    dataset = load_dataset(
        "SequenceLabeling", create_file_format("JSONL"), [FileName(source, source, os.path.basename(source))],
        project, column_data="text", column_label="label",
    )
    dataset.save(user)
    for error in dataset.errors:
        print("doccano error:", error.dict())
    with open(f"{out}.{'on' if overlap else 'off'}.jsonl", "w", encoding="utf-8") as fh:
        for example in Example.objects.filter(project=project).order_by("id"):
            spans = Span.objects.filter(example=example).order_by("start_offset", "end_offset")
            row = {"id": example.id, "text": example.text, **example.meta}
            row["label"] = [[s.start_offset, s.end_offset, s.label.text] for s in spans]
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tool-python", required=True, help="python of the venv where doccano is installed")
    args = parser.parse_args()
    version = f"doccano {tool_version(args.tool_python, 'doccano')}"
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = original_project(tmp)
        export = tmp / "doccano.jsonl"
        exported = razmetka("export", "--format", "doccano", "--no-suggestions", "--out", export, "--db", db)
        result = subprocess.run(
            [args.tool_python, "-c", DOCCANO, tmp / "doccano.sqlite3", export, tmp / "back"],
            capture_output=True,
            text=True,
            timeout=600,
        )
        for line in (result.stdout + result.stderr).strip().splitlines()[-5:]:
            print(f"    > {line}")
        loads = result.returncode == 0
        expected = {(s, e, label) for s, e, label, _ in spans_of(db, people_only=True)}
        for setting in ("off", "on"):
            back = tmp / f"back.{setting}.jsonl"
            if not back.exists():
                row("doccano", f"{version}, overlapping {setting}", False, False, "-")
                ok = False
                continue
            rows = [json.loads(line) for line in back.read_text(encoding="utf-8").splitlines()]
            print(f"    doccano project (overlapping {setting}) holds {sum(len(r['label']) for r in rows)} span(s)")
            new = tmp / f"new-{setting}.db"
            imported = razmetka("import", "--format", "doccano", back, "--db", new, "--annotator", "doccano")
            got = {(s, e, label) for s, e, label, _ in spans_of(new)}
            exact, lines = compare(expected, got)
            for line in lines:
                print(f"    {line}")
            said = dropped_lines(exported.stdout + imported.stdout)
            row("doccano", f"{version}, overlapping {setting}", loads, exact, said)
            ok &= loads and (exact or setting == "off")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
