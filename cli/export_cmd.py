"""``razmetka export``: write the project's documents as a dataset (through ``storage.export.export_from``)."""

from __future__ import annotations

import argparse
import sys

from annotation.formats.catalog import FORMATS
from annotation.formats.export import STATUS_ALL, ExportError, ExportOptions
from annotation.formats.offsets import UNITS
from annotation.model import ROLES

from .project import open_project

# ExportOptions fields whose flag is not simply --field-name.
_FLAGS = {"origins": "--origin", "label_schema": "--db"}


def flag(option: str) -> str:
    """The command-line flag of an ``ExportOptions`` field, for messages."""
    return _FLAGS.get(option, "--" + option.replace("_", "-"))


def _names(value: str) -> list[str]:
    names = [v.strip() for v in value.split(",") if v.strip()]
    if not names:
        raise argparse.ArgumentTypeError("give one or more names separated by commas")
    return names


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common], help="export documents as a dataset file")
    p.add_argument("--format", required=True, choices=list(FORMATS), help="dataset format")
    p.add_argument(
        "--out",
        required=True,
        metavar="PATH",
        help="file to write (brat: a folder, or a .zip; with --split: the folder for train/dev/test); "
        "missing folders are created",
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
    p.add_argument("--split", metavar="80/10/10", help="write train, dev and test files by document")
    p.add_argument("--seed", type=int, default=0, help="seed of the split's shuffle (default 0)")
    p.add_argument(
        "--offsets",
        choices=UNITS,
        help="count characters so (default: utf16 for doccano and the Label Studio dialogue, else codepoints)",
    )
    p.add_argument(
        "--labelstudio-dialogue",
        action="store_true",
        help="Label Studio: the Paragraphs variant, turns as {author, text}",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from storage.export import export_from

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
    )
    try:
        with open_project(args.db, create=False) as project:
            report = export_from(project, options)
    except ExportError as exc:
        where = f"{flag(exc.option)}: " if exc.option else ""
        print(f"razmetka: {where}{exc}", file=sys.stderr)
        return 2
    for line in report.lines():
        print(line)
    return 0
