"""Argument parsing and dispatch for the ``razmetka`` command."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from annotation.errors import RazmetkaError

# Each subcommand's module, and the line `razmetka --help` shows for it.  Only the
# module of the command being run is imported: `razmetka --help` imports none, so the
# command starts in a fraction of a second (issue 14).  A test checks that each line
# here is the one the module registers.
# A module that registers several commands (accept/reject/relabel, backup/restore) lists
# them together, in the order it registers them.
COMMANDS = {
    "import": ("cli.import_cmd", "import transcripts and pre-annotate them"),
    "list": ("cli.list_cmd", "list documents with status, turn and span counts"),
    "export": ("cli.export_cmd", "export documents as a dataset file"),
    "accept": ("cli.edit_cmd", "accept model suggestions that match the filters"),
    "reject": ("cli.edit_cmd", "reject model suggestions that match the filters (they stay hidden)"),
    "relabel": ("cli.edit_cmd", "give spans with one label another label (suggestions count as accepted)"),
    "merge": ("cli.merge_cmd", "merge annotators' projects into one review project, one layer per annotator"),
    "agreement": (
        "cli.agreement_cmd",
        "agreement between annotators: span F1, token kappa and alpha, speaker turns",
    ),
    "report": (
        "cli.report_cmd",
        "the model against the people: SemEval scores per label, kinds of error, frequent corrections",
    ),
    "review": (
        "cli.review_cmd",
        "mark a document reviewed or return it with a comment; without a choice, list its disagreements",
    ),
    "backup": ("cli.backup_cmd", "copy the project next to it, keeping the newest copies"),
    "restore": ("cli.backup_cmd", "put a backup in place of the project (which is kept)"),
    "open": ("cli.open_cmd", "open the window (the default without a command)"),
}
ENV_VAR = "RAZMETKA_DB"  # storage.paths.ENV_VAR, spelled here so that --help imports no storage


def version() -> str:
    from importlib import metadata

    try:
        return metadata.version("razmetka")
    except metadata.PackageNotFoundError:
        return "0+unknown"


class _Version(argparse.Action):
    """``--version``, looking the version up only when asked (importlib.metadata is slow to import)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"{parser.prog} {version()}")
        parser.exit()


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``command``, only that subcommand's module is imported (the others show their line)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        help="project file to use (default: project.db in the user data directory)",
    )
    parser = argparse.ArgumentParser(
        prog="razmetka",
        description="Annotate interview transcripts: speaker turns and named entities, "
        "kept in one SQLite project file. Without a command, opens the window.",
        epilog=f"Which project: --db PATH, else ${ENV_VAR}, else the default project in the user data "
        "directory. Only the window opened with no files may reopen the project it showed last.",
    )
    parser.add_argument("--version", action=_Version, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = {module for module, _ in COMMANDS.values()} if command is None else {COMMANDS.get(command, ("",))[0]}
    registered: set[str] = set()
    for name, (module_name, summary) in COMMANDS.items():
        if module_name in wanted:
            if module_name not in registered:  # it registers all of its commands at once
                importlib.import_module(module_name).register(sub, common)
                registered.add(module_name)
        else:
            sub.add_parser(name, help=summary, add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version")):
        argv.insert(0, "open")  # `razmetka` alone, or `razmetka --db PATH`, opens the window
    command = argv[0] if argv[0] in COMMANDS else ""  # "": none of them imported (help, or a typo)
    args = build_parser(command).parse_args(argv)
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
