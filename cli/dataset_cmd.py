"""``razmetka import --format F``: labeled datasets into the project.

``import_cmd`` hands over here as soon as ``--format`` is given; without it,
``import`` reads transcripts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotation.errors import RazmetkaError
from annotation.formats.catalog import FORMATS, read_dataset
from annotation.formats.offsets import UNITS

from .project import open_project


def add_import_options(p: argparse.ArgumentParser) -> None:
    group = p.add_argument_group("labeled datasets (with --format)")
    group.add_argument(
        "--format",
        choices=list(FORMATS),
        help="read FILEs as labeled data in this format instead of as transcripts (brat: a folder or .zip)",
    )
    group.add_argument(
        "--annotator",
        metavar="NAME",
        help="the layer the spans go into (default: the annotator the file names, else you)",
    )
    group.add_argument(
        "--offsets",
        choices=UNITS,
        help="how the file counts characters (default: utf16 for doccano, codepoints elsewhere)",
    )


def run_import(args: argparse.Namespace) -> int:
    from storage.dataset_import import import_records

    failed = 0
    with open_project(args.db) as project:
        for name in args.files:
            path = Path(name)
            try:
                result = read_dataset(args.format, path, offsets=args.offsets, max_size=args.max_size)
                report = import_records(project, result, path=path, fmt=args.format, annotator=args.annotator)
            except RazmetkaError as exc:
                print(f"razmetka: {exc}", file=sys.stderr)
                failed += 1
                continue
            for line in report.lines():
                print(line)
    return 2 if failed else 0
