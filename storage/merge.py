"""Merging several annotators' projects (or native JSONL exports) into one review project.

``annotation.review.plan_merge`` decides; this module reads the sources and writes
the plan into the target in one transaction.  A document whose text the target
already has (by SHA-256) gets the layers; anything else is created.  Each layer
is set to exactly what its source has now, so merging twice changes nothing and
merging again after an annotator's fixes updates their layer.  Every source is
read before anything is written: a bad source stores nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotation.errors import InputError
from annotation.formats import jsonl
from annotation.model import Label, Span
from annotation.phrases import Phrase
from annotation.review import LayerPlan, SourceDocument, plan_merge

from . import labels
from . import spans as stored_spans
from .errors import StorageError
from .project import Project
from .review import immediate, layer_sources, set_layer_source, set_turn_layer, turn_layers


@dataclass
class MergeReport:
    target: Path
    created: list[str] = field(default_factory=list)  # titles of documents new to the target
    matched: list[str] = field(default_factory=list)  # titles of documents the target had
    layers_written: int = 0
    layers_unchanged: int = 0
    partial: list[tuple[str, list[str], list[str]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = [Phrase(
            "merged into {target}: {created} new document(s), {matched} already there; {written} layer(s) written,"
            " {unchanged} unchanged",
            target=self.target, created=len(self.created), matched=len(self.matched),
            written=self.layers_written, unchanged=self.layers_unchanged)]
        for title, have, lack in self.partial:
            lines.append(Phrase(
                "only in {have} (not in {lack}): {title}", have=", ".join(have), lack=", ".join(lack), title=title))
        return lines + self.notes


@dataclass
class Source:
    name: str
    documents: list[SourceDocument]
    labels: list[Label]


def read_source(path: Path, name: str) -> Source:
    """A project file or a native JSONL export, read whole.  Refused with one line naming it."""
    if not path.is_file():
        raise StorageError(f"{path}: no such file")
    if path.suffix.lower() == ".jsonl":
        try:
            return Source(name, [SourceDocument(name, doc) for doc in jsonl.read(path)], [])
        except InputError as exc:
            raise StorageError(str(exc)) from None
    with Project(path) as project:
        docs = [
            SourceDocument(name, project.load_document(doc_id), project.model_output(doc_id))
            for doc_id in project.document_ids()
        ]
        return Source(name, docs, project.labels())


def _source_names(paths: Sequence[Path]) -> list[str]:
    """Each source's file name, or its path where two share a file name."""
    names = [p.name for p in paths]
    return [p.name if names.count(p.name) == 1 else str(p) for p in paths]


def _content(span: Span) -> tuple:
    return (span.start, span.end, span.label, span.text, span.normal, span.origin, span.status)


def _write_layer(project: Project, doc_id: str, layer: LayerPlan, report: MergeReport, title: str) -> None:
    existing = [s for s in stored_spans.of_document(project.db, doc_id) if s.annotator == layer.annotator]
    have = {_content(s): s for s in existing}
    want = {_content(s): s for s in layer.spans}
    remove = [s.id for key, s in have.items() if key not in want and s.id is not None]
    add = [s for key, s in want.items() if key not in have]
    turns_changed = bool(layer.turns) and turn_layers(project, doc_id).get(layer.annotator, []) != layer.turns
    if remove:
        stored_spans.delete(project.db, doc_id, remove)
    if add:
        result = project.add_layer(doc_id, add)
        report.notes.extend(f"{layer.source}: {title}: {line}; not stored" for line in result.refused)
    if turns_changed:
        set_turn_layer(project, doc_id, layer.annotator, layer.turns)
    if remove or add or turns_changed or layer_sources(project).get(doc_id, {}).get(layer.annotator) != layer.source:
        set_layer_source(project, doc_id, layer.annotator, layer.source)
        report.layers_written += 1
    else:
        report.layers_unchanged += 1


def _claimed(project: Project) -> dict[str, dict[str, str]]:
    """``{text sha: {annotator: source}}`` of the target's layers; '' for a layer it made itself."""
    from annotation.formats.units import text_sha256

    sources = layer_sources(project)
    claimed: dict[str, dict[str, str]] = {}
    for doc_id in project.document_ids():
        doc = project.load_document(doc_id)
        names = {s.annotator for s in doc.spans if s.annotator}
        mine = sources.get(doc_id, {})
        claimed[text_sha256(doc.text)] = {name: mine.get(name, "") for name in names} | mine
    return claimed


def read_sources(paths: Sequence[str | Path], target: str | Path | None = None) -> list[Source]:
    """Read every source before anything is written; refused with one line naming a bad one."""
    paths = [Path(p) for p in paths]
    if not paths:
        raise StorageError("nothing to merge: give one or more project files or JSONL exports")
    for path in paths:
        if target is not None and path.exists() and Path(target).exists() and path.samefile(target):
            raise StorageError(f"{path}: cannot merge a project into itself")
    return [read_source(path, name) for path, name in zip(paths, _source_names(paths), strict=True)]


def merge_into(target: Project, paths: Sequence[str | Path]) -> MergeReport:
    """Merge the projects or JSONL exports at ``paths`` into ``target``, in one transaction."""
    return merge_sources(target, read_sources(paths, target.path))


def merge_sources(target: Project, sources: Sequence[Source]) -> MergeReport:
    """Write what :func:`read_sources` read into ``target``, in one transaction."""
    with immediate(target.db):  # the plan reads the target's layers: under the write lock
        plan = plan_merge([(s.name, s.documents) for s in sources], _claimed(target))
        report = MergeReport(target.path, partial=plan.partial, notes=list(plan.notes))
        known = {label.name for label in target.labels()}
        for source in sources:
            for label in source.labels:
                if label.name not in known:
                    known.add(label.name)
                    labels.add(target.db, Label(label.name, label.color, "", label.description))
        for dp in plan.documents:
            doc_id = target.find_by_text_sha256(dp.sha256)
            if doc_id is None:
                doc_id = target.add_document(dp.base, dp.mentions)
                target.find_by_text_sha256(dp.sha256)  # fills the new row's text hash now, not on the next merge
                report.created.append(dp.base.title)
            else:
                report.matched.append(dp.base.title)
            for layer in dp.layers:
                _write_layer(target, doc_id, layer, report, dp.base.title)
    return report
