"""Storing what a dataset file holds: new documents, or another layer on documents the project has.

A record whose text (by SHA-256 of the text itself) is already in the project adds
its spans to that document as the layer of its annotator.  A record cut from a
document (a turn, a role's turns, a Label Studio dialogue) says which one in its
anchor, and lands there too.  Anything else becomes a new document.  The whole
file is one transaction: a failure stores nothing of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotation.annotator import default_annotator
from annotation.formats.records import ReadResult, Record, build_document
from annotation.formats.units import text_sha256
from annotation.model import Span, label_name_problem

from .project import Project


@dataclass
class DatasetImportReport:
    path: Path
    format: str
    created: list[str] = field(default_factory=list)  # new document ids
    layered: list[str] = field(default_factory=list)  # existing documents that got spans
    spans: int = 0  # spans stored
    duplicates: int = 0  # spans the layer already had
    refused: list[str] = field(default_factory=list)  # spans that fit no turn, one line each
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = [
            f"imported {self.path} ({self.format}): {len(self.created)} new document(s), "
            f"{len(set(self.layered))} existing document(s) got a layer; {self.spans} span(s) stored"
        ]
        if self.duplicates:
            lines.append(f"{self.path}: {self.duplicates} span(s) were already in their layer and were skipped")
        if self.refused:
            lines.append(f"{self.path}: {len(self.refused)} span(s) lie outside the turns' speech and were not stored:")
            lines.extend(f"  {line}" for line in self.refused)
        return lines + self.notes


def _layer_spans(record: Record, annotator: str | None) -> list[Span]:
    """The record's spans with their annotators settled.

    Native records keep theirs.  Elsewhere a person's span belongs to ``annotator``
    (``--annotator``) if given, else to the one the file names, else to the user;
    suggestions have no annotator.
    """
    if record.native:
        return list(record.spans)
    named = record.meta.get("annotators")
    from_file = named[0] if isinstance(named, list) and len(named) == 1 and isinstance(named[0], str) else None
    fallback = from_file or default_annotator()
    spans, seen = [], set()
    for span in record.spans:
        if span.status == "suggested":
            who = None
        else:
            who = annotator or span.annotator or fallback
        span = replace(span, annotator=who)
        key = (who, span.start, span.end, span.label)
        if key not in seen:
            seen.add(key)
            spans.append(span)
    return spans


def _checked_labels(spans: list[Span], bad: dict[str, list]) -> list[Span]:
    """The spans whose label names pass the label editor's rule; the others counted in ``bad`` by label."""
    kept = []
    for span in spans:
        problem = label_name_problem(span.label)
        if problem is None:
            kept.append(span)
        else:
            bad.setdefault(span.label, [problem, 0])[1] += 1
    return kept


def _onto_anchor(spans: list[Span], pieces: list[tuple[int, int, int]], refused: list[str]) -> list[Span]:
    moved = []
    for span in spans:
        for unit_start, doc_start, length in pieces:
            if unit_start <= span.start and span.end <= unit_start + length:
                delta = doc_start - unit_start
                moved.append(replace(span, start=span.start + delta, end=span.end + delta))
                break
        else:
            refused.append(f"{span.label} {span.text!r} at [{span.start}, {span.end}) runs across two turns")
    return moved


def import_records(
    project: Project,
    result: ReadResult,
    *,
    path: Path,
    fmt: str,
    annotator: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DatasetImportReport:
    """Store every record of ``result`` (read from ``path``) in ``project``, in one transaction."""
    report = DatasetImportReport(Path(path), fmt, notes=list(result.notes))
    if annotator and any(r.native for r in result.records):
        report.notes.append(f"{path}: the native format names every span's annotator; --annotator was not used")
    total = len(result.records)
    bad: dict[str, list] = {}  # label -> [problem, spans]
    with project.transaction():
        for index, record in enumerate(result.records, 1):
            if not record.text.strip():
                report.notes.append(f"{path}: {record.where}: the text is empty; nothing was imported from it")
                continue
            spans = _checked_labels(_layer_spans(record, annotator), bad)
            if record.native and len(spans) != len(record.spans):
                record = replace(record, document=replace(record.document, spans=spans))
            doc_id = project.find_by_text_sha256(text_sha256(record.text))
            if doc_id is None and record.anchor is not None:
                doc_id = project.find_by_text_sha256(record.anchor[0])
                if doc_id is not None:
                    spans = _onto_anchor(spans, record.anchor[1], report.refused)
            if doc_id is not None:
                layer = project.add_layer(doc_id, spans)
                report.layered.append(doc_id)
                report.spans += len(layer.added)
                report.duplicates += layer.duplicates
                report.refused.extend(f"{record.where}: {line}" for line in layer.refused)
            else:
                doc, refused, notes = build_document(
                    replace(record, spans=spans), file_name=Path(path).name, fmt=fmt, index=index
                )
                report.notes.extend(f"{path}: {note}" for note in notes)
                report.refused.extend(f"{record.where}: {s.label} {s.text!r} at [{s.start}, {s.end})" for s in refused)
                report.created.append(project.add_document(doc))
                report.spans += len(doc.spans)
            if progress is not None:
                progress(index, total)
    for _label, (problem, count) in sorted(bad.items()):
        report.notes.append(f"{path}: {count} span(s) were not imported: {problem}")
    return report
