"""``razmetka merge``: several annotators' projects (or native JSONL exports) into one review project."""

from __future__ import annotations

import argparse

from storage.merge import merge_sources, read_sources

from .project import open_project


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "merge",
        help="merge annotators' projects into one review project, one layer per annotator",
        description="Documents with the same text become one document with a layer (spans and speaker turns) "
        "per annotator. Merging again updates each layer to what its source has now.",
    )
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="project files (.db) or native JSONL exports")
    p.add_argument("--into", required=True, metavar="REVIEW.db", help="the review project (created if missing)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    sources = read_sources(args.sources, args.into)  # a bad source stops the merge before the target is made
    with open_project(args.into) as target:
        report = merge_sources(target, sources)
    for line in report.lines():
        print(line)
    return 0
