"""``razmetka review``: a document's review state, and its disagreements between two annotators.

The other review commands (``agreement``, ``report``) take the project the same
way: ``razmetka CMD PROJECT.db`` or ``--db PROJECT.db``.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from annotation.annotator import default_annotator
from annotation.review import disagreements
from storage import Project, StorageError
from storage.review import ReviewState, document_layers, mark_reviewed, return_document, review_state, set_review

from .project import open_project


def figure(value: float | None) -> str:
    """A score with three decimals, or a dash where it is undefined."""
    return "—" if value is None else f"{value:.3f}"


def print_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Columns padded to their widest cell; the last column is not padded."""
    table = [tuple(header)] + [tuple(r) for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header) - 1)]
    for row in table:
        print("  " + "  ".join(cell.ljust(w) for cell, w in zip(row[:-1], widths, strict=True)) + "  " + row[-1])


def add_project_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("project", nargs="?", metavar="PROJECT", help="the project file (or --db PATH)")


def open_review_project(args: argparse.Namespace) -> Project:
    """The project named by the positional argument or ``--db``; it must exist."""
    if args.project and args.db and args.project != args.db:
        raise StorageError(f"two projects given ({args.project} and --db {args.db}); give one")
    return open_project(args.project or args.db, create=False)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "review",
        parents=[common],
        help="mark a document reviewed or return it with a comment; without a choice, list its disagreements",
    )
    add_project_argument(p)
    p.add_argument("--doc", required=True, metavar="ID", help="the document (its id, as `razmetka list` shows)")
    action = p.add_mutually_exclusive_group()
    action.add_argument("--reviewed", action="store_true", help="mark the document reviewed")
    action.add_argument("--returned", metavar="COMMENT", help="return the document to its annotator with a comment")
    action.add_argument("--clear", action="store_true", help="clear the review state")
    p.add_argument("--reviewer", help="the reviewer's name (default: the annotator name of this user)")
    p.add_argument("-a", dest="a", metavar="NAME", help="first annotator to compare (default: the first by name)")
    p.add_argument("-b", dest="b", metavar="NAME", help="second annotator to compare (default: the second)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    reviewer = args.reviewer or default_annotator()
    with open_review_project(args) as project:
        if args.reviewed:
            mark_reviewed(project, args.doc, reviewer)
            print(f"{args.doc}: reviewed")
            return 0
        if args.returned is not None:
            return_document(project, args.doc, reviewer, args.returned)
            print(f"{args.doc}: returned to its annotator: {args.returned.strip()}")
            return 0
        if args.clear:
            set_review(project, args.doc, ReviewState(None))
            print(f"{args.doc}: review state cleared")
            return 0
        state = review_state(project, args.doc)
        layers = document_layers(project, args.doc)
    names = layers.annotators
    a = args.a or (names[0] if names else None)
    b = args.b or next((n for n in names if n != a), None)
    for name in (a, b):
        if name is not None and name not in names:
            raise StorageError(f"{args.doc}: no layer of {name!r}; the annotators are {', '.join(names) or 'none'}")
    comment = f": {state.comment}" if state.comment else ""
    print(f"{layers.title} ({args.doc}): review {state.state or 'not reviewed'}{comment}")
    if a is None or b is None:
        print("fewer than two annotators' layers: nothing to compare")
        return 0
    found = disagreements(layers, a, b)
    print(f"{len(found)} disagreement(s) between A = {a} and B = {b}")
    for d in found:
        print("  " + d.describe())
    return 0
