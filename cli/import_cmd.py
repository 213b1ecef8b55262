"""``razmetka import``: read transcripts, find turns, pre-annotate, store."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from annotation.importing import FileProgress, ImportOptions, ImportReport
from annotation.readers import DEFAULT_MAX_SIZE, SUPPORTED_SUFFIXES, parse_size
from annotation.transcript import LAYOUTS, sections_of
from storage import import_into

from . import dataset_cmd
from .project import open_project


def _size(value: str) -> int:
    try:
        return parse_size(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("import", parents=[common], help="import transcripts and pre-annotate them")
    p.add_argument(
        "files",
        nargs="+",
        metavar="PATH",
        help=f"transcript files ({', '.join(SUPPORTED_SUFFIXES)}) or folders to walk for them",
    )
    p.add_argument("--no-ner", action="store_true", help="do not pre-annotate with natasha")
    p.add_argument(
        "--model",
        default="natasha",
        metavar="SOURCE",
        help="the suggestion source: natasha (Russian, the default) or spacy:NAME, any installed spaCy pipeline "
        "with NER (a package or a folder), for documents in its language",
    )
    p.add_argument("--encoding", help="decode text files with this encoding instead of detecting it")
    p.add_argument("--layout", choices=list(LAYOUTS), help="turn layout to use instead of detecting it")
    p.add_argument("--force", action="store_true", help="import a file again even if the project has it")
    p.add_argument(
        "--max-size",
        type=_size,
        default=DEFAULT_MAX_SIZE,
        metavar="SIZE",
        help="refuse files larger than this (e.g. 10MB, 512k or bytes; default 50MB)",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object with the outcome, nothing else")
    dataset_cmd.add_import_options(p)
    p.set_defaults(run=run)


class _Bar:
    """A tqdm progress bar on stderr, only when both streams are a terminal.

    One file: a bar over its turns as NER goes through them.  Several: a bar over
    the files, with the turns of the file in hand and its time left beside it.
    """

    def __init__(self, enabled: bool) -> None:
        self.bar = None
        self.enabled = enabled
        self.files = 0
        self.file: str | None = None

    def _make(self, total: int, unit: str) -> None:
        from tqdm import tqdm

        if self.bar is not None:
            self.bar.close()
        # shutil falls back to 80x24 where the terminal reports no size (tqdm then draws nothing)
        size = shutil.get_terminal_size()
        self.bar = tqdm(total=total, file=sys.stderr, unit=unit, leave=False, ncols=size.columns, nrows=size.lines)

    def __call__(self, done: int, total: int, file: str | None) -> None:
        """Files: called before each one."""
        self.files, self.file = total, file
        if not self.enabled or total < 2:
            return
        if self.bar is None:
            self._make(total, "file")
        self.bar.n = done
        self.bar.set_postfix_str(file or "", refresh=False)
        self.bar.refresh()

    def turns(self, progress: FileProgress) -> None:
        """Turns of the file in hand: called as NER goes through them."""
        if not self.enabled:
            return
        if self.files < 2:
            if self.bar is None or self.bar.total != progress.turns_total:
                self._make(progress.turns_total, "turn")
            self.bar.n = progress.turns_done
            self.bar.refresh()
            return
        if self.bar is not None:
            left = "" if progress.seconds_left is None else f", {_duration(progress.seconds_left)} left"
            name = Path(progress.file).name
            self.bar.set_postfix_str(f"{name}: {progress.turns_done}/{progress.turns_total} turns{left}")

    def write(self, line: str, stream) -> None:
        if self.bar is not None:
            self.bar.write(line, file=stream)
        else:
            print(line, file=stream)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    return f"{minutes}:{secs:02d}"


def run(args: argparse.Namespace) -> int:
    if args.format:
        return dataset_cmd.run_import(args)  # labeled data, not transcripts
    model = None
    if not args.no_ner and args.model != "natasha":
        from annotation.spacy_ner import load_source

        model = load_source(args.model)
    options = ImportOptions(
        model=model,
        ner=not args.no_ner,
        layout=args.layout,
        encoding=args.encoding,
        max_size=args.max_size,
        force=args.force,
    )
    bar = _Bar(not args.json and sys.stdout.isatty() and sys.stderr.isatty())
    try:
        with open_project(args.db) as project:
            report = import_into(project, args.files, options, progress=bar, file_progress=bar.turns)
            outcome = _with_sections(report.to_json(), project) if args.json else None
    finally:
        bar.close()
    if args.json:
        print(json.dumps(outcome, ensure_ascii=False))
    else:
        _print(report)
    for failed in report.failed:
        print(f"razmetka: {failed.message}", file=sys.stderr)
    return 2 if report.failed else 0


def _with_sections(outcome: dict, project) -> dict:
    """Add to each imported document the layout chosen for each section, with its confidence and range."""
    for item in outcome["imported"]:
        document = project.load_document(item["id"])
        item["sections"] = [section.to_json() for section in sections_of(document)]
    return outcome


def _print(report: ImportReport) -> None:
    for skipped in report.skipped:
        print(f"skipped {skipped.file}: {skipped.reason}")
    for item in report.imported:
        for note in item.notes:
            print(f"note {item.file}: {note}")
        flag = " LOW CONFIDENCE" if item.confidence < 0.5 else ""
        print(
            f"imported {item.file} as {item.id}: {item.turns} turns, {item.spans} spans, "
            f"{item.layout} layout (confidence {item.confidence:.2f}), language {item.language or '?'}{flag}"
        )
    if not (report.imported or report.skipped or report.failed):
        print("nothing to import: no supported files found")
