"""``razmetka export``: write the project's documents as a dataset."""

from __future__ import annotations

import argparse

from annotation.formats.catalog import FORMATS
from annotation.formats.export import STATUS_ALL, ExportOptions, export_documents
from annotation.formats.offsets import UNITS
from annotation.model import ROLES

from .project import open_project


def _names(value: str) -> list[str]:
    names = [v.strip() for v in value.split(",") if v.strip()]
    if not names:
        raise argparse.ArgumentTypeError("give one or more names separated by commas")
    return names


def _split(value: str) -> tuple[float, ...]:
    try:
        shares = tuple(float(v) for v in value.split("/"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not shares such as 80/10/10") from None
    if len(shares) not in (2, 3) or any(s < 0 for s in shares) or sum(shares) <= 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not two or three shares such as 80/10/10")
    return shares


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common], help="export documents as a dataset file")
    p.add_argument("--format", required=True, choices=list(FORMATS), help="dataset format")
    p.add_argument(
        "--out",
        required=True,
        metavar="PATH",
        help="file to write (brat: a folder, or a .zip; with --split: the folder for train/dev/test)",
    )
    p.add_argument("--unit", choices=("doc", "turn"), default="doc", help="one unit per document (default) or turn")
    p.add_argument("--role", choices=ROLES, help="keep only the turns of speakers with this role")
    p.add_argument(
        "--status",
        default=STATUS_ALL,
        help="documents with this status only: all (default), done, in_progress, new; commas for several",
    )
    p.add_argument("--labels", type=_names, metavar="PER,ORG", help="keep only spans with these labels")
    p.add_argument("--origin", type=_names, metavar="human", help="keep only spans of these origins")
    p.add_argument("--layer", metavar="gold|NAME", help="only the reviewer's gold layer, or one annotator's spans")
    p.add_argument("--no-suggestions", action="store_true", help="leave out model suggestions nobody has resolved")
    p.add_argument("--split", type=_split, metavar="80/10/10", help="write train, dev and test files by document")
    p.add_argument("--seed", type=int, default=0, help="seed of the split's shuffle (default 0)")
    p.add_argument("--offsets", choices=UNITS, help="count characters so (default: utf16 for doccano, else codepoints)")
    p.add_argument(
        "--labelstudio-dialogue",
        action="store_true",
        help="Label Studio: the Paragraphs variant, turns as {author, text}",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_project(args.db, create=False) as project:
        options = ExportOptions(
            format=args.format,
            out=args.out,
            unit=args.unit,
            role=args.role,
            status=args.status,
            labels=args.labels,
            origins=args.origin,
            no_suggestions=args.no_suggestions,
            layer=args.layer,
            split=args.split,
            seed=args.seed,
            offsets=args.offsets,
            labelstudio_dialogue=args.labelstudio_dialogue,
            label_schema=project.labels(),
        )
        options.validate()
        statuses = options.statuses()
        docs = [project.load_document(s.id) for s in project.summaries() if statuses is None or s.status in statuses]
    report = export_documents(docs, options)
    for line in report.lines():
        print(line)
    return 0
