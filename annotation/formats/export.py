"""Exporting documents as a dataset: selection, units, splits and atomic writing.

This is the one place both front doors call.  The CLI passes the documents it
loaded; the GUI's export dialog loads them on the UI thread (a project belongs to
the thread that opened it) and runs :func:`export_documents` in a worker::

    options = ExportOptions(format="conll", out=Path("out.conll"), status="done",
                            label_schema=project.labels())
    report = export_documents(docs, options, progress=lambda done, total: ...)

(or, with a project at hand, ``storage.export.export_from(project, options, progress)``).
    print("\\n".join(report.lines()))

``progress(done, total)`` is called after each document; raising
:class:`ExportCancelled` from it stops the export and nothing is written.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import RazmetkaError
from ..model import DOCUMENT_STATUSES, ORIGINS, ROLES, Document, Label, Span
from ..phrases import Phrase
from .atomic import Staging, WouldOverwrite, recover
from .catalog import FORMATS, Format
from .labelstudio import DIALOGUE_OFFSETS
from .offsets import UNITS
from .units import Unit, WriteContext, make_units

UNITS_OF_EXPORT = ("doc", "turn")
KEEPS_SUGGESTIONS = ("jsonl", "labelstudio")  # the native status, and Label Studio's predictions
SPLIT_NAMES = ("train", "dev", "test")
STATUS_ALL = "all"
GOLD_LAYER = "gold"


class ExportError(RazmetkaError):
    """The options or the output path cannot be used.

    ``option`` names the option concerned (an ``ExportOptions`` field such as
    ``"split"`` or ``"out"``), so each front door can word it: the CLI names its flag
    (``--split``), the export dialog its field.  The message itself names neither.
    """

    def __init__(self, message: str, option: str | None = None) -> None:
        super().__init__(message)
        self.option = option


class ExportCancelled(RazmetkaError):
    """Raised by a progress callback to stop an export; nothing is written."""


def parse_split(value: str | tuple[float, ...] | list[float] | None) -> tuple[float, ...] | None:
    """``"80/10/10"`` (or shares already parsed) as train/dev(/test) shares; ExportError(option="split") if not."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        try:
            shares = tuple(float(v) for v in value.replace(",", ".").split("/"))
        except ValueError:
            raise ExportError(f"{value!r} is not a split such as 80/10/10", "split") from None
    else:
        try:
            shares = tuple(float(v) for v in value)
        except (TypeError, ValueError):
            raise ExportError(f"{value!r} is not a split such as 80/10/10", "split") from None
    if len(shares) not in (2, 3) or any(p < 0 or p != p for p in shares) or sum(shares) <= 0:
        raise ExportError(f"{value!r} is not two or three non-negative shares such as 80/10/10", "split")
    return shares


@dataclass
class ExportOptions:
    """Everything a person chooses for an export (CLI flags and the GUI dialog alike)."""

    format: str = "jsonl"
    out: Path | str = ""
    unit: str = "doc"  # "doc" or "turn"
    role: str | None = None  # keep only turns of this speaker role
    status: str = STATUS_ALL  # "all", or document statuses separated by commas ("done")
    labels: list[str] | None = None  # keep only spans with these labels
    origins: list[str] | None = None  # keep only spans of these origins ("human")
    no_suggestions: bool = False  # leave out unresolved suggestions
    layer: str | None = None  # "gold" (the reviewer's adjudicated spans) or one annotator's name
    split: tuple[float, ...] | str | None = None  # "80/10/10" or (80, 10, 10): train/dev/test files by document
    seed: int = 0
    offsets: str | None = None  # "codepoints" or "utf16"; None: the format's default
    labelstudio_dialogue: bool = False
    label_schema: list[Label] = field(default_factory=list)  # the project's labels: order and colours

    @property
    def spec(self) -> Format:
        return FORMATS[self.format]

    @property
    def shares(self) -> tuple[float, ...] | None:
        """The split as shares (parsed from "80/10/10" if given as text)."""
        return parse_split(self.split)

    def statuses(self) -> set[str] | None:
        if self.status == STATUS_ALL:
            return None
        return {s.strip() for s in self.status.split(",") if s.strip()}

    def default_offsets(self) -> str:
        """The unit of offsets written: the chosen one, else the format's (UTF-16 for Label Studio's Paragraphs)."""
        if self.offsets:
            return self.offsets
        return DIALOGUE_OFFSETS if self.labelstudio_dialogue else self.spec.default_offsets

    def validate(self) -> None:
        """Raise ExportError with a message a person can act on if an option cannot be used."""
        if self.format not in FORMATS:
            raise ExportError(f"unknown format {self.format!r}; known: {', '.join(FORMATS)}", "format")
        if not str(self.out):
            raise ExportError("no output path given", "out")
        if self.unit not in UNITS_OF_EXPORT:
            raise ExportError(f"unknown unit {self.unit!r}; use doc or turn", "unit")
        if self.role is not None and self.role not in ROLES:
            raise ExportError(f"unknown role {self.role!r}; known: {', '.join(ROLES)}", "role")
        statuses = self.statuses()
        if statuses is not None and (not statuses or statuses - set(DOCUMENT_STATUSES)):
            raise ExportError(
                f"unknown document status {self.status!r}; use all or {', '.join(DOCUMENT_STATUSES)}", "status"
            )
        if self.origins is not None and set(self.origins) - set(ORIGINS):
            raise ExportError(f"unknown origin in {','.join(self.origins)}; known: {', '.join(ORIGINS)}", "origins")
        if self.offsets is not None and self.offsets not in UNITS:
            raise ExportError(f"unknown offset unit {self.offsets!r}; use {' or '.join(UNITS)}", "offsets")
        if self.offsets is not None and not self.spec.char_offsets:
            raise ExportError(
                f"the offset unit applies to formats with character offsets; {self.format} has tokens", "offsets"
            )
        if self.labels is not None and self.label_schema:
            unknown = sorted(set(self.labels) - {label.name for label in self.label_schema})
            if unknown:
                known = ", ".join(label.name for label in self.label_schema)
                raise ExportError(f"unknown label {', '.join(unknown)}; the project's labels are {known}", "labels")
        if self.labelstudio_dialogue and self.format != "labelstudio":
            raise ExportError("the dialogue variant applies to the labelstudio format only", "labelstudio_dialogue")
        out = Path(self.out)
        if self.shares is not None:
            if out.suffix.lower() == ".zip":
                raise ExportError("a split writes train, dev and test into a folder; give a folder", "out")
            if out.is_file():
                raise ExportError(f"{out} is a file; a split writes train, dev and test into a folder", "out")
        elif self.format != "brat" and out.is_dir():
            raise ExportError(f"{out} is a folder; give a file name (or a split, to write into a folder)", "out")


@dataclass
class ExportReport:
    format: str
    out: Path
    documents: int = 0
    units: int = 0
    spans: int = 0
    dropped: Counter[str] = field(default_factory=Counter)  # spans the format cannot hold, by reason
    parts: dict[str, int] = field(default_factory=dict)  # split name -> documents
    files: list[Path] = field(default_factory=list)
    suggestions: int = 0  # unresolved model suggestions among the exported spans
    notes: list[str] = field(default_factory=list)  # what else the person must know, one line each

    def lines(self) -> list[str]:
        """What to tell the person, one line each."""
        lines = [Phrase(
            "exported {documents} document(s) as {units} unit(s) with {spans} span(s) to {out} ({format})",
            documents=self.documents, units=self.units, spans=self.spans, out=self.out, format=self.format)]
        if self.parts:
            parts = ", ".join(f"{k} {v}" for k, v in self.parts.items())
            lines.append(Phrase("split by document: {parts}", parts=parts))
        if self.suggestions and self.format not in KEEPS_SUGGESTIONS:
            lines.append(Phrase(
                "note: {count} of the spans are model suggestions nobody has resolved, and {format} cannot mark them"
                " as such; leave out suggestions to export only resolved spans",
                count=self.suggestions, format=self.format))
        for reason, count in sorted(self.dropped.items()):
            lines.append(Phrase(
                "dropped {count} span(s) {reason}: {format} keeps only the outermost span",
                count=count, reason=reason, format=self.format))
        return lines + self.notes


def select_documents(documents: Iterable[Document], options: ExportOptions) -> list[Document]:
    statuses = options.statuses()
    return [d for d in documents if statuses is None or d.status in statuses]


def select_spans(doc: Document, options: ExportOptions) -> list[Span]:
    """The spans of ``doc`` the options keep.

    Rejected spans are not annotations: only the native format, which keeps every
    row, writes them.  Formats without annotation layers get each (start, end, label)
    once, whoever made it.
    """
    native = options.format == "jsonl"
    layered = native or options.format == "labelstudio"
    labels = set(options.labels) if options.labels else None
    origins = set(options.origins) if options.origins else None
    kept = [
        s
        for s in doc.spans
        if (native or s.visible)
        and not (options.no_suggestions and s.status == "suggested")
        and (labels is None or s.label in labels)
        and (origins is None or s.origin in origins)
        and (options.layer is None or _in_layer(s, options.layer))
    ]
    if layered:
        return kept
    best: dict[tuple[int, int, str], Span] = {}
    for span in kept:  # an accepted span wins over a suggestion of the same range and label
        other = best.get(span.key)
        if other is None or (other.status == "suggested" and span.status != "suggested"):
            best[span.key] = span
    return sorted(best.values(), key=lambda s: (s.start, -s.end, s.label))


def _in_layer(span: Span, layer: str) -> bool:
    """``gold`` is the reviewer's adjudicated layer; any other name is that annotator's layer."""
    gold = span.origin == "adjudicated"
    return gold if layer == GOLD_LAYER else span.annotator == layer and not gold


def assign_splits(documents: list[Document], shares: tuple[float, ...], seed: int) -> dict[str, list[Document]]:
    """Documents dealt into train/dev(/test) by a seeded shuffle; no document is in two parts."""
    names = SPLIT_NAMES if len(shares) == 3 else ("train", "test")
    order = list(range(len(documents)))
    random.Random(seed).shuffle(order)
    total, cumulative, bounds = sum(shares), 0.0, []
    for share in shares:
        cumulative += share
        bounds.append(round(len(documents) * cumulative / total))
    parts, begin = {}, 0
    for name, end in zip(names, bounds, strict=True):
        parts[name] = [documents[i] for i in sorted(order[begin:end])]
        begin = end
    return parts


def label_order(options: ExportOptions, documents: list[Document]) -> list[str]:
    """The schema's labels in order (only the chosen ones with --labels), then any others the spans use."""
    names = [lab.name for lab in options.label_schema]
    if options.labels:
        names = [n for n in names if n in options.labels] + [n for n in options.labels if n not in names]
    used = {s.label for d in documents for s in select_spans(d, options)}
    return names + sorted(used - set(names))


def export_documents(
    documents: Iterable[Document],
    options: ExportOptions,
    progress: Callable[[int, int], None] | None = None,
    *,
    protected: Iterable[Path] = (),
) -> ExportReport:
    """Write the selected documents as ``options.format`` to ``options.out`` and report what was written.

    Every file is staged and moved into place only when all are complete, so an error
    or a cancellation leaves nothing half-written.  ``protected`` paths (the project
    file and its companions) are never written: ExportError(option="out").
    """
    options.validate()
    fmt = options.spec
    out = Path(options.out)
    shares = options.shares
    docs = select_documents(documents, options)
    report = ExportReport(fmt.name, out)
    ctx = WriteContext(
        offsets=options.default_offsets(),
        labels=label_order(options, docs),
        dialogue=options.labelstudio_dialogue,
        colors={lab.name: lab.color for lab in options.label_schema},
    )
    total, done = len(docs), 0

    def units_of(part: list[Document]) -> Iterator[Unit]:
        nonlocal done
        for doc in part:
            spans = select_spans(doc, options)
            units = make_units(doc, spans, options.unit, options.role)
            if units:
                report.documents += 1
            report.units += len(units)
            report.spans += sum(len(u.spans) for u in units)
            report.suggestions += sum(1 for u in units for sp in u.spans if sp.status == "suggested")
            yield from units
            done += 1
            if progress is not None:
                progress(done, total)

    if shares is None:
        targets = [(out, docs)]
        shared = out.parent
    else:
        parts = assign_splits(docs, shares, options.seed)
        report.parts = {name: len(part) for name, part in parts.items()}
        targets = [(out / f"{name}{fmt.extension}", part) for name, part in parts.items()]
        shared = out
    report.notes.extend(recover(shared if shared.is_dir() else out.parent))
    try:
        with Staging(protected) as staging:
            for path, part in targets:
                fmt.writer(units_of(part), path, staging, ctx)
            written = len(staging.targets)
            if fmt.write_shared is not None:
                fmt.write_shared(shared, staging, ctx)
            report.notes.extend(_replaced(staging, staging.targets[written:]))
            report.files = list(staging.targets)
            created = list(staging.created)
    except WouldOverwrite as exc:
        raise ExportError(str(exc), "out") from None
    except OSError as exc:
        raise ExportError(
            f"{getattr(exc, 'filename', None) or out}: cannot write ({exc.strerror or exc})", "out"
        ) from None
    if created:
        report.notes.insert(0, Phrase("created the folder {folder}, which did not exist", folder=created[-1]))
    report.notes.extend(ctx.notes)
    if not fmt.nested:
        report.spans -= sum(ctx.dropped.values())
        report.dropped = ctx.dropped
    return report


def _replaced(staging: Staging, shared: list[Path]) -> list[str]:
    """A line for each shared file (label config, label names) that replaces a different one."""
    notes = []
    for target in shared:
        tmp = staging.staged(target)
        try:
            differs = target.is_file() and tmp is not None and target.read_bytes() != tmp.read_bytes()
        except OSError:
            differs = False
        if differs:
            notes.append(Phrase(
                "replaced {target}, which an earlier export wrote with other labels; files exported earlier"
                " into this folder go with the old one", target=target))
    return notes
