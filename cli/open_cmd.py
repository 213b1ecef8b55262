"""``razmetka open``: the window.  Qt is imported only inside :func:`run`."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("open", parents=[common], help="open the window (the default without a command)")
    p.epilog = (
        "The project is --db, else $RAZMETKA_DB, else the default project; with no FILE the window "
        "may instead reopen the project it showed last."
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="transcripts to import (if new) and show")
    p.add_argument(
        "--lang",
        choices=("en", "ru"),
        help="interface language (default: View › Language in the window, else the system's)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from gui.app import run_app

    return run_app(args.db, [str(f) for f in args.files], args.lang)
