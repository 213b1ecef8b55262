"""``razmetka report``: the model's pre-annotation against what people (or the reviewer) settled."""

from __future__ import annotations

import argparse
import json

from annotation.formats.atomic import atomic_text_file
from annotation.quality import SCHEMES, report, report_csv
from storage import StorageError

from .review_cmd import add_project_argument, figure, open_review_project, print_table

ERROR_NAMES = {
    "correct": "correct",
    "label": "label swaps",
    "boundary": "boundary errors",
    "label_and_boundary": "label and boundary",
    "missed": "missed",
    "spurious": "spurious",
}


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "report",
        parents=[common],
        help="the model against the people: SemEval scores per label, kinds of error, frequent corrections",
    )
    add_project_argument(p)
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--csv", metavar="FILE", help="also write the scores as CSV to FILE")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_review_project(args) as project:
        items = [(project.load_document(i), project.model_output(i)) for i in project.document_ids()]
        path = project.path
    data = report(items)
    if not data["documents"]:
        raise StorageError(f"{path}: no document has model output or accepted spans to compare")
    if args.csv:
        try:
            with atomic_text_file(args.csv) as fh:
                fh.write(report_csv(data))
        except OSError as exc:
            raise StorageError(f"{args.csv}: cannot write ({exc.strerror or exc})") from None
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    kinds = {"gold": "the gold layer", "people": "a person's accepted spans"}
    ref = ", ".join(f"{n} with {kinds[k]}" for k, n in data["reference"].items())
    print(f"The model against the people: {data['documents']} document(s); comparisons: {ref}")
    if data["pending"]:
        print(f"{data['pending']} suggestion(s) nobody has resolved yet are left out")
    columns = ("precision", "recall", "f1", "correct", "incorrect", "partial", "missed", "spurious")
    header = ("SCOPE", "SCHEME", *(c.upper() for c in columns))

    def cells(scope: str, scheme: str, row: dict) -> tuple[str, ...]:
        return (scope, scheme, *(figure(row[c]) if isinstance(row[c], float) else str(row[c]) for c in columns))

    rows = [cells("all", s, data["schemes"][s]) for s in SCHEMES if s in data["schemes"]]
    rows += [cells(label, "strict", schemes["strict"]) for label, schemes in data["labels"].items()]
    print_table(header, rows)
    print("Kinds of error: " + ", ".join(f"{ERROR_NAMES[k]} {n}" for k, n in data["errors"].items()))
    if data["corrections"]:
        print("Most frequent corrections:")
        for c in data["corrections"]:
            print(f"  {c['description']}")
    if args.csv:
        print(f"scores written to {args.csv}")
    return 0
