"""Exporting a project as a dataset: the twin of :func:`storage.batch.import_into`.

Both front doors call :func:`export_from`: ``razmetka export`` and the window's
export worker (which opens its own ``Project`` on the file, as every worker does).
It loads the documents the options select, one at a time, and writes them through
``annotation.formats.export``.  The project file and its SQLite companions are
never written over: an ``--out`` naming one of them is refused before anything is
written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from annotation.formats.export import ExportOptions, ExportReport, export_documents

from .project import Project

COMPANIONS = ("-wal", "-shm", "-journal")


def project_files(path: str | Path) -> list[Path]:
    """The project file and the files SQLite keeps beside it."""
    path = Path(path)
    return [path, *(path.with_name(path.name + suffix) for suffix in COMPANIONS)]


def export_from(
    project: Project,
    options: ExportOptions,
    progress: Callable[[int, int], None] | None = None,
) -> ExportReport:
    """Write the documents of ``project`` that ``options`` select as a dataset, and report what was written.

    Call it on the thread that opened ``project``.  Without ``options.label_schema``
    the project's labels give the order and colours.  Raises ``ExportError`` (its
    ``option`` names the option at fault, for the front door to word) or
    ``ExportCancelled`` from ``progress``; either way nothing is half-written.
    """
    if not options.label_schema:
        options = replace(options, label_schema=project.labels())
    options.validate()
    statuses = options.statuses()
    ids = [s.id for s in project.summaries() if statuses is None or s.status in statuses]
    documents = (project.load_document(doc_id) for doc_id in ids)
    return export_documents(documents, options, progress, protected=project_files(project.path))
