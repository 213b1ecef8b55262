"""``razmetka export``: write the project's documents as a dataset."""

from __future__ import annotations

import argparse

from annotation.formats import jsonl

from .project import open_project

FORMATS = {"jsonl": jsonl.write}


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common], help="export documents as a dataset file")
    p.add_argument("--format", required=True, choices=sorted(FORMATS), help="dataset format")
    p.add_argument("--out", required=True, metavar="FILE", help="file to write")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_project(args.db) as project:
        docs = (project.load_document(doc_id) for doc_id in project.document_ids())
        count = FORMATS[args.format](docs, args.out)
    print(f"exported {count} document(s) to {args.out}")
    return 0
