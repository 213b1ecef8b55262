"""The window's link to the domain: the open project, the undo stack, background work.

Like Anki's "operations", each method runs one domain or storage call and then
tells the views what changed through signals.  The GUI never holds SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotation.errors import RazmetkaError
from annotation.importing import Imported, build_document
from annotation.model import Label, Span
from annotation.ner import shared_model
from annotation.readers import RawText, read
from storage import Project

from .commands import AddSpan, DeleteSpan, EditCommand, UpdateSpan
from .tasks import TaskRunner


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)  # document ids, in file order
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, existing id)
    failed: list[str] = field(default_factory=list)  # one message per file
    notes: list[str] = field(default_factory=list)
    first: str | None = None  # the document to show: the first file's, imported or already there


class Session(QObject):
    documentsChanged = Signal()
    documentChanged = Signal(str)  # spans, turns or speakers of this document changed
    modelReady = Signal()
    importProgress = Signal(int, int)  # files done, files in all
    importFinished = Signal(object)  # ImportReport
    editRefused = Signal(str)

    def __init__(self, project: Project, annotator: str, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.project = project
        self.annotator = annotator
        self.runner = runner or TaskRunner(self)
        self.undo_stack = QUndoStack(self)
        self.model_ready = False

    # -- reads --------------------------------------------------------------

    def labels(self) -> list[Label]:
        return self.project.labels()

    # -- background work ------------------------------------------------------

    def load_model(self) -> None:
        """Load natasha off the UI thread; ``modelReady`` fires when it is done."""
        self.runner.submit(shared_model().load, self._model_loaded, self._model_failed)

    def _model_loaded(self, _result: object) -> None:
        self.model_ready = True
        self.modelReady.emit()

    def _model_failed(self, exc: BaseException) -> None:
        self.editRefused.emit(f"The NER model could not be loaded: {exc}")

    def import_files(self, paths: list[str], ner: bool = True) -> None:
        """Read, parse and pre-annotate ``paths`` in the background, one after another.

        Each file is read and annotated off the UI thread and stored on it.  A file
        the project already has (same sha256) is not imported again.
        """
        report = ImportReport()
        labels = [lab.name for lab in self.labels()]
        queue = [str(p) for p in paths]
        total = len(queue)

        def next_file() -> None:
            self.importProgress.emit(total - len(queue), total)
            if not queue:
                self.importFinished.emit(report)
                return
            path = queue.pop(0)
            self.runner.submit(lambda: read(path), lambda raw: got_text(path, raw), lambda exc: failed(path, exc))

        def got_text(path: str, raw: RawText) -> None:
            existing = self.project.find_by_sha256(raw.sha256)
            if existing:
                report.skipped.append((path, existing))
                report.first = report.first or existing
                next_file()
                return
            self.runner.submit(
                lambda: build_document(raw, ner=ner, labels=labels),
                lambda imported: store(imported),
                lambda exc: failed(path, exc),
            )

        def store(imported: Imported) -> None:
            try:
                doc_id = self.project.add_document(imported.document, imported.mentions)
            except RazmetkaError as exc:
                report.failed.append(str(exc))
            else:
                report.imported.append(doc_id)
                report.notes.extend(f"{imported.document.source.file}: {n}" for n in imported.notes)
                report.first = report.first or doc_id
                self.documentsChanged.emit()
            next_file()

        def failed(path: str, exc: BaseException) -> None:
            report.failed.append(str(exc) if isinstance(exc, RazmetkaError) else f"{path}: {exc!r}")
            next_file()

        next_file()

    # -- edits ----------------------------------------------------------------

    def push(self, command: EditCommand) -> bool:
        """Apply ``command`` now; only an edit storage accepted goes on the undo stack."""
        try:
            command.apply()
        except RazmetkaError as exc:
            self.editRefused.emit(str(exc))
            return False
        command._skip_redo = True
        self.undo_stack.push(command)
        return True

    def changed(self, doc_id: str) -> None:
        self.documentChanged.emit(doc_id)

    def tag(self, doc_id: str, text: str, start: int, end: int, label: str) -> bool:
        """Tag ``text[start:end]`` (trimmed of whitespace) with ``label`` as a human span."""
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            self.editRefused.emit("Select some text first, then press the label's key.")
            return False
        span = Span(start, end, label, text[start:end], None, "human", "accepted", self.annotator)
        return self.push(AddSpan(self, doc_id, span))

    def remove(self, doc_id: str, span: Span) -> bool:
        """Reject a model suggestion (it stays as a hidden row) or delete any other span."""
        if span.status == "suggested":
            return self.push(
                UpdateSpan(
                    self,
                    doc_id,
                    span,
                    f"Reject {span.label} «{span.text}»",
                    status="rejected",
                    annotator=self.annotator,
                )
            )
        return self.push(DeleteSpan(self, doc_id, span))

    def open_project(self, path: Path) -> None:
        """Switch to another project file; the undo history belongs to the old one."""
        project = Project(path)
        self.project.close()
        self.project = project
        self.undo_stack.clear()
        self.documentsChanged.emit()
