"""A batch import bound to one project: the pure batch logic plus this project's storage."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from annotation.importing import ImportOptions, ImportReport, Progress, import_files

from .project import Project


def import_into(
    project: Project,
    paths: Iterable[str | Path],
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import files and folders into ``project``, each file in its own transaction.

    Call it on the thread that opened ``project`` (sqlite-utils' rule); a GUI
    worker opens its own ``Project`` on the same file.  Without ``options.labels``
    the project's label schema is used.
    """
    options = options or ImportOptions()
    if options.labels is None:
        options = replace(options, labels=[label.name for label in project.labels()])
    return import_files(
        paths,
        store=lambda imported: project.add_document(imported.document, imported.mentions),
        find_existing=project.find_by_sha256,
        options=options,
        progress=progress,
        cancelled=cancelled,
    )
