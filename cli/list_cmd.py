"""``razmetka list``: the documents of a project."""

from __future__ import annotations

import argparse

from storage.review import REVIEW_STATES, review_states

from .project import open_project

NOT_REVIEWED = "none"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("list", parents=[common], help="list documents with status, turn and span counts")
    p.add_argument(
        "--review",
        choices=(*REVIEW_STATES, NOT_REVIEWED),
        help="only documents in this review state (returned ones show the reviewer's comment)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_project(args.db, create=False, say=False) as project:
        rows = project.summaries()
        reviews = review_states(project)
    if args.review:
        rows = [r for r in rows if (reviews[r.id].state if r.id in reviews else NOT_REVIEWED) == args.review]
    if not rows and args.review:
        print(f"no documents in review state {args.review}")
        return 0
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
    if reviews:  # the review column appears once a reviewer has marked something
        table = [(*table[0][:-1], "REVIEW", table[0][-1])] + [
            (*row[:-1], _review(reviews.get(r.id)), row[-1]) for r, row in zip(rows, table[1:], strict=True)
        ]
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]) - 1)]
    for row in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row[:-1], widths, strict=True)) + "  " + row[-1])
    return 0


def _review(state) -> str:
    if state is None:
        return ""
    if state.comment:
        comment = state.comment if len(state.comment) <= 40 else state.comment[:39] + "…"
        return f"{state.state}: {comment}"
    return state.state
