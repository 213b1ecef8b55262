"""``razmetka list``: the documents of a project."""

from __future__ import annotations

import argparse

from .project import open_project


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("list", parents=[common], help="list documents with status, turn and span counts")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_project(args.db, create=False, say=False) as project:
        rows = project.summaries()
    if not rows:
        print("no documents; add some with: razmetka import FILE")
        return 0
    header = ("ID", "STATUS", "TURNS", "SPANS", "SUGGESTED", "LAYOUT", "TITLE")
    table = [header] + [
        (
            r.id,
            r.status,
            str(r.turns),
            str(r.spans),
            str(r.suggested),
            r.layout + (" (low confidence)" if r.low_confidence else ""),
            r.title,
        )
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header) - 1)]
    for row in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row[:-1], widths, strict=True)) + "  " + row[-1])
    return 0
