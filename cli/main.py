"""Argument parsing and dispatch for the ``razmetka`` command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import metadata

from annotation.errors import RazmetkaError
from storage.paths import ENV_VAR

from . import (
    agreement_cmd,
    backup_cmd,
    edit_cmd,
    export_cmd,
    import_cmd,
    list_cmd,
    merge_cmd,
    open_cmd,
    report_cmd,
    review_cmd,
)


def version() -> str:
    try:
        return metadata.version("razmetka")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        help=f"project file to use (default: ${ENV_VAR} if set, else project.db in the user data directory)",
    )
    parser = argparse.ArgumentParser(
        prog="razmetka",
        description="Annotate interview transcripts: speaker turns and named entities, "
        "kept in one SQLite project file. Without a command, opens the window.",
        epilog=f"Which project: --db PATH, else ${ENV_VAR}, else the default project in the user data "
        "directory. Only the window opened with no files may reopen the project it showed last.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    subcommands = (import_cmd, list_cmd, export_cmd, edit_cmd, merge_cmd, agreement_cmd, report_cmd, review_cmd)
    subcommands += (backup_cmd,)
    for module in (*subcommands, open_cmd):
        module.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version")):
        argv.insert(0, "open")  # `razmetka` alone, or `razmetka --db PATH`, opens the window
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except RazmetkaError as exc:
        print(f"razmetka: {exc}", file=sys.stderr)
        return 2
    except RecursionError:  # a parser that recurses per level of nesting (json) on hostile input
        print("razmetka: an input is nested too deeply to read (RecursionError)", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("razmetka: interrupted", file=sys.stderr)
        return 130


def entry_point() -> None:
    sys.exit(main())
