"""``razmetka import``: read transcripts, find turns, pre-annotate, store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotation.errors import RazmetkaError
from annotation.importing import build_document
from annotation.readers import read
from annotation.transcript import LAYOUTS

from . import dataset_cmd
from .project import open_project


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("import", parents=[common], help="import transcripts and pre-annotate them")
    p.add_argument("files", nargs="+", metavar="FILE", help="transcript files (.txt, .md)")
    p.add_argument("--no-ner", action="store_true", help="do not pre-annotate with natasha")
    p.add_argument("--encoding", help="decode text files with this encoding instead of detecting it")
    p.add_argument("--layout", choices=sorted(LAYOUTS), help="turn layout to use instead of detecting it")
    p.add_argument("--force", action="store_true", help="import a file again even if the project has it")
    dataset_cmd.add_import_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.format:
        return dataset_cmd.run_import(args)
    failed = 0
    with open_project(args.db) as project:
        labels = [lab.name for lab in project.labels()]
        for name in args.files:
            path = Path(name)
            try:
                raw = read(path, encoding=args.encoding)
                existing = project.find_by_sha256(raw.sha256)
                if existing and not args.force:
                    print(f"skipped {path}: already in the project as {existing} (use --force to import again)")
                    continue
                imported = build_document(raw, ner=not args.no_ner, layout=args.layout, labels=labels)
                doc = imported.document
                doc_id = project.add_document(doc, imported.mentions)
            except RazmetkaError as exc:
                print(f"razmetka: {exc}", file=sys.stderr)
                failed += 1
                continue
            for note in imported.notes:
                print(f"note {path}: {note}")
            flag = " LOW CONFIDENCE" if doc.source.confidence < 0.5 else ""
            print(
                f"imported {path} as {doc_id}: {len(doc.turns)} turns, {len(doc.spans)} spans, "
                f"{doc.source.layout} layout{flag}"
            )
    return 2 if failed else 0
