"""``razmetka accept|reject|relabel``: batch edits through the same rules as the window.

Each document's edit is planned by :mod:`annotation.edits` and applied by
``Project.apply`` as one change, exactly as a key press in the window would be.
"""

from __future__ import annotations

import argparse
import sys

from annotation.annotator import default_annotator
from annotation.changes import UpdateSpans, flatten
from annotation.edits import Refusal, plan_accept, plan_reject, plan_relabel, select_spans
from annotation.errors import RazmetkaError
from annotation.model import ORIGINS

from .project import open_project

_PAST = {"accept": "accepted", "reject": "rejected", "relabel": "relabelled"}


class FilterError(RazmetkaError):
    """A filter names a label, document or origin the project does not have."""


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    for name, what in (
        ("accept", "accept model suggestions that match the filters"),
        ("reject", "reject model suggestions that match the filters (they stay hidden)"),
        ("relabel", "give spans with one label another label (suggestions count as accepted)"),
    ):
        p = sub.add_parser(name, parents=[common], help=what, description=what[0].upper() + what[1:] + ".")
        p.add_argument("--doc", action="append", default=[], metavar="ID", help="only this document (repeatable)")
        if name == "relabel":
            p.add_argument("--from", dest="source", required=True, metavar="LABEL", help="the label to change")
            p.add_argument("--to", dest="target", required=True, metavar="LABEL", help="the new label")
        else:
            p.add_argument("--label", action="append", default=[], metavar="L", help="only spans with this label")
            p.add_argument("--origin", choices=ORIGINS, help="only spans of this origin (e.g. model)")
        p.add_argument("--text", metavar="T", help="only spans whose text is exactly T")
        p.add_argument("--normal", metavar="N", help="only spans whose normal form (else text) is N")
        p.add_argument("--annotator", metavar="NAME", help="who is recorded on the spans (default: your name)")
        p.add_argument("--dry-run", action="store_true", help="say what would change, change nothing")
        p.set_defaults(run=run, verb=name)


def run(args: argparse.Namespace) -> int:
    if args.text is not None and args.normal is not None:
        raise FilterError("give --text or --normal, not both")
    annotator = args.annotator or default_annotator()
    with open_project(args.db, create=False) as project:
        labels = {lab.name for lab in project.labels()}
        wanted = [args.source] if args.verb == "relabel" else args.label
        for label in [*wanted, *([args.target] if args.verb == "relabel" else [])]:
            if label not in labels:
                raise FilterError(f"no label {label!r} in this project; it has {', '.join(sorted(labels))}")
        ids = project.document_ids()
        for doc_id in args.doc:
            if doc_id not in ids:
                raise FilterError(f"no document {doc_id!r} in this project (see razmetka list)")
        spans_changed = documents = 0
        for doc_id in args.doc or ids:
            doc = project.load_document(doc_id)
            origins = [args.origin] if getattr(args, "origin", None) else []
            spans = select_spans(doc, labels=wanted, text=args.text, normal=args.normal, origins=origins)
            if args.verb == "accept":
                plan = plan_accept(doc, spans, annotator)
            elif args.verb == "reject":
                plan = plan_reject(doc, spans, annotator)
            else:
                plan = plan_relabel(doc, spans, args.target, annotator)
            if isinstance(plan, Refusal):
                continue
            count = sum(len(part.after) for part in flatten(plan) if isinstance(part, UpdateSpans))
            if not args.dry_run:
                project.apply(plan)
            spans_changed += count
            documents += 1
    verb = f"would {args.verb}" if args.dry_run else _PAST[args.verb]
    tail = " (dry run: nothing was changed)" if args.dry_run else ""
    print(f"{verb} {spans_changed} span(s) in {documents} document(s){tail}")
    if not spans_changed:
        print("razmetka: no span matches those filters", file=sys.stderr)
    return 0
