"""``razmetka backup`` and ``razmetka restore``: consistent copies of a project, by hand."""

from __future__ import annotations

import argparse
from pathlib import Path

from storage import backup, restore
from storage.backup import KEEP

from .project import project_path


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of copies (1 or more)")
    return number


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("backup", parents=[common], help="copy the project next to it, keeping the newest copies")
    p.add_argument("--keep", type=_count, default=KEEP, metavar="N", help=f"copies to keep (default {KEEP})")
    p.set_defaults(run=run_backup)
    r = sub.add_parser("restore", parents=[common], help="put a backup in place of the project (which is kept)")
    r.add_argument("backup", metavar="BACKUP", help="a copy made by `razmetka backup`")
    r.set_defaults(run=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    print(f"backed up {project_path(args.db)} to {backup(project_path(args.db), keep=args.keep)}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    path = project_path(args.db)
    replaced = restore(Path(args.backup).expanduser(), path)
    kept = f"; the project it replaced is kept in {replaced}" if replaced else ""
    print(f"restored {path} from {args.backup}{kept}")
    return 0
