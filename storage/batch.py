"""A batch import bound to one project: the pure batch logic plus this project's storage."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from annotation.importing import FileProgressCallback, ImportOptions, ImportReport, Progress, import_files
from annotation.ner import MODEL_NAME

from .project import Project


def import_into(
    project: Project,
    paths: Iterable[str | Path],
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    file_progress: FileProgressCallback | None = None,
) -> ImportReport:
    """Import files and folders into ``project``, each file in its own transaction.

    Call it on the thread that opened ``project`` (sqlite-utils' rule); a GUI
    worker opens its own ``Project`` on the same file.  Without ``options.labels``
    the project's label schema is used.

    ``progress(done, total, file)`` comes before each file; ``file_progress``
    gets a :class:`~annotation.importing.FileProgress` (turns annotated out of
    all, seconds left) as NER goes through a file.  ``cancelled()`` is asked
    between files and during NER at least every second; the file in hand is
    then not stored at all.
    """
    options = options or ImportOptions()
    model_name = getattr(options.model, "name", MODEL_NAME)  # kept beside its raw output
    if options.labels is None:
        options = replace(options, labels=[label.name for label in project.labels()])
    return import_files(
        paths,
        store=lambda imported: project.add_document(imported.document, imported.mentions, model=model_name),
        find_existing=project.find_by_sha256,
        options=options,
        progress=progress,
        cancelled=cancelled,
        file_progress=file_progress,
    )
