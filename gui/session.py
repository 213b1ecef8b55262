"""The window's link to the domain: the open project, the undo stack, background work.

Like Anki's "operations", each method runs one domain or storage call (as an
undoable command) and the views learn what changed through signals.  The GUI
never holds SQL.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotation.changes import AddLabel, Change, DeleteLabel, RestoreLabel, UpdateLabel, flatten
from annotation.edits import Refusal, plan_suggestions
from annotation.errors import RazmetkaError
from annotation.formats.export import ExportCancelled, ExportOptions, ExportReport
from annotation.importing import FailedFile, ImportOptions, ImportReport
from annotation.language import NER_LANGUAGES, turns_in
from annotation.model import Document, Label
from annotation.ner import MODEL_NAME, mentions_by_turn, shared_model
from storage import Project, import_into
from storage.export import export_from

from . import settings
from .commands import ChangeCommand
from .current import CurrentDocument
from .tasks import TaskRunner
from .translations import refusal_text, title_text

_LABEL_KINDS = (AddLabel, UpdateLabel, DeleteLabel, RestoreLabel)


class Session(QObject):
    documentsChanged = Signal()  # documents added or removed
    changeApplied = Signal(object, object)  # the change storage applied, and its inverse
    labelsChanged = Signal()
    modelReady = Signal()
    importProgress = Signal(int, int, str)  # files done, files in all, file being read
    annotated = Signal(str)  # a document imported without the model got its suggestions
    importFileProgress = Signal(object)  # annotation.importing.FileProgress: turns inside the file, time left
    importFinished = Signal(object)  # ImportReport
    exportProgress = Signal(int, int)  # documents written, documents in all
    exportFinished = Signal(object, str)  # ExportReport or None, and an error message ("" if none)
    editRefused = Signal(str)

    def __init__(self, project: Project, annotator: str, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.project = project
        self.annotator = annotator
        self.runner = runner or TaskRunner(self)
        self.undo_stack = QUndoStack(self)
        self.current = CurrentDocument(self)
        self.model_ready = False
        self._cancel_import = False
        self._annotate_later = False
        self._importing = False
        self._exporting = False
        self._cancel_export = False

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
        self.editRefused.emit(self.tr("The NER model could not be loaded: {error}").format(error=exc))

    def cancel_import(self) -> None:
        """Stop after the file being imported; what finished stays in the project."""
        self._cancel_import = True

    @property
    def importing(self) -> bool:
        return self._importing

    def import_files(self, paths: list[str], ner: bool = True) -> bool:
        """Import files and folders in the background, as ``razmetka import`` does.

        The batch runs in a worker with its own connection to the project file (a
        connection stays on its thread); progress and the report come back as
        signals.  A file the project already has (same sha256) is not imported again.
        """
        if self._importing:
            return self.refuse(self.tr("An import is already running."))
        self._importing = True
        self._cancel_import = False
        model = None
        if ner and (settings.get("model") or "natasha") != "natasha":
            try:
                model = self.source()  # a spaCy pipeline runs in the import's worker, never in the pool
            except RazmetkaError as exc:
                self._importing = False
                return self.refuse(str(exc))
        options = ImportOptions(ner=ner, labels=[lab.name for lab in self.labels()], model=model)
        path = self.project.path

        def work() -> ImportReport:
            with Project(path) as project:
                return import_into(
                    project,
                    paths,
                    options,
                    progress=lambda done, total, file: self.importProgress.emit(done, total, file or ""),
                    cancelled=lambda: self._cancel_import,
                    file_progress=self.importFileProgress.emit,
                )

        self.runner.submit(work, self._import_done, self._import_failed)
        return True

    def _import_done(self, report: ImportReport) -> None:
        self._importing = False
        if report.imported:
            self.documentsChanged.emit()
        self.importFinished.emit(report)
        if self._annotate_later:
            self._annotate_later = False
            self.annotate([f.id for f in report.imported])

    def import_then_annotate(self, paths: list[str]) -> bool:
        """Import without the model, so the texts can be read at once; then annotate them in the background."""
        if self._importing:
            return self.refuse(self.tr("An import is already running."))
        self._annotate_later = True  # before the import starts: it may finish at once
        return self.import_files(paths, ner=False)

    def annotate(self, doc_ids: list[str]) -> None:
        """Suggest entities in documents imported without the model, one after another, off the UI thread.

        Each document's suggestions arrive as one undoable edit ("Re-run the model"),
        and nothing a person did meanwhile is overwritten (``plan_suggestions``).
        """
        if not doc_ids:
            return
        doc_id, rest = doc_ids[0], doc_ids[1:]
        path = self.project.path
        source = self.source()

        def work() -> tuple[str, list]:
            with Project(path) as project:  # the worker's own connection
                doc = project.load_document(doc_id)
            turns = self._turns_for(source, doc)
            cancelled = lambda: self._cancel_import  # noqa: E731
            return doc_id, mentions_by_turn(doc.text, turns, source, cancelled=cancelled) if turns else []

        def done(result: tuple[str, list]) -> None:
            found_id, mentions = result
            doc = self.current.doc if self.current.id == found_id else self.project.load_document(found_id)
            labels = [lab.name for lab in self.labels()]
            name = getattr(source, "name", MODEL_NAME)
            plan = plan_suggestions(doc, mentions, self.project.model_output(found_id), labels, name)
            if not isinstance(plan, Refusal):
                self.push(plan)
            self.annotated.emit(found_id)
            self.annotate(rest)

        self.runner.submit(work, done, self._model_failed)

    def _import_failed(self, exc: BaseException) -> None:
        self._importing = False
        report = ImportReport(failed=[FailedFile("(import)", str(exc))])
        self.importFinished.emit(report)

    # -- the suggestion source -------------------------------------------------

    def source(self):
        """The suggestion source of the preference: natasha, or a spaCy pipeline (loaded once)."""
        spec = settings.get("model") or "natasha"
        if spec == "natasha":
            return shared_model()
        if getattr(self, "_source", None) is None or self._source.name != spec:
            from annotation.spacy_ner import load_source

            self._source = load_source(spec)  # raises a RazmetkaError naming what is missing
        return self._source

    def set_source(self, spec: str) -> bool:
        """Make ``spec`` (``natasha`` or ``spacy:NAME``) the suggestion source, if it loads."""
        from annotation.spacy_ner import load_source

        spec = spec.strip() or "natasha"
        try:
            load_source(spec)
        except RazmetkaError as exc:
            return self.refuse(str(exc))
        settings.put("model", spec)
        self._source = None
        return True

    def _turns_for(self, source, doc: Document) -> list:
        """The turns the source can tag: all in its language; for natasha also a mixed document's Russian ones."""
        languages = getattr(source, "languages", NER_LANGUAGES)
        if not doc.source.language or doc.source.language in languages:
            return list(doc.turns)
        return turns_in(doc.text, doc.turns, tuple(languages)) if tuple(languages) == NER_LANGUAGES else []

    def rerun_model(self, doc: Document) -> bool:
        """Run natasha over ``doc`` again, off the UI thread; only mentions it never made before are suggested.

        Nothing a person accepted, changed, rejected or deleted comes back
        (``annotation.edits.plan_suggestions``).  The new suggestions are one undoable
        edit.  In a document of another language only its Russian turns are tagged.
        """
        try:
            source = self.source()
        except RazmetkaError as exc:
            return self.refuse(str(exc))
        text, turns = doc.text, self._turns_for(source, doc)
        if not turns:
            return self.refuse(
                self.tr("natasha pre-annotates Russian only; this document's language is {language}.").format(
                    language=doc.source.language
                )
            )
        name = getattr(source, "name", MODEL_NAME)

        def found(mentions: list) -> None:
            labels = [lab.name for lab in self.labels()]
            if self.current.doc is not doc:
                return  # another document was opened meanwhile; its re-run is asked for anew
            self.push(plan_suggestions(doc, mentions, self.project.model_output(doc.id), labels, name))

        self.runner.submit(lambda: mentions_by_turn(text, turns, source), found, self._model_failed)
        return True

    def export(self, options: ExportOptions) -> bool:
        """Write a dataset in the background, as ``razmetka export`` does; nothing half-written on failure."""
        if self._exporting:
            return self.refuse(self.tr("An export is already running."))
        self._exporting = True
        self._cancel_export = False
        path = self.project.path

        def progress(done: int, total: int) -> None:
            if self._cancel_export:
                raise ExportCancelled(self.tr("export cancelled; nothing was written"))
            self.exportProgress.emit(done, total)

        def work() -> ExportReport:
            with Project(path) as project:  # the worker's own connection; the same export as the CLI's
                return export_from(project, options, progress)

        self.runner.submit(work, self._export_done, self._export_failed)
        return True

    def cancel_export(self) -> None:
        self._cancel_export = True

    def _export_done(self, report: ExportReport) -> None:
        self._exporting = False
        self.exportFinished.emit(report, "")

    def _export_failed(self, exc: BaseException) -> None:
        self._exporting = False
        self.exportFinished.emit(
            None,
            str(exc) if isinstance(exc, RazmetkaError) else self.tr("export failed: {error}").format(error=repr(exc)),
        )

    # -- edits: planned in annotation.edits, applied by storage, stacked here -----------

    def push(self, plan: Change | Refusal) -> bool:
        """Apply a planned change now; only an edit storage accepted goes on the undo stack."""
        if isinstance(plan, Refusal):
            return self.refuse(refusal_text(plan))
        inverse = self.write(plan)
        if inverse is None:
            return False
        self.undo_stack.push(ChangeCommand(self, plan, inverse))
        return True

    def write(self, change: Change) -> Change | None:
        """Apply ``change`` in one transaction; the views hear of it.  None if storage refused it."""
        try:
            inverse = self.project.apply(change, self.annotator)
        except RazmetkaError as exc:
            error = exc.args[0] if exc.args else str(exc)  # a Phrase from storage is translated
            self.editRefused.emit(self.tr("Not saved: {error}").format(error=title_text(error)))
            return None
        parts = flatten(change)
        if any(isinstance(part, _LABEL_KINDS) for part in parts):
            self.labelsChanged.emit()
        doc_id = change.doc_id
        if doc_id is not None and doc_id == self.current.id:
            self.current.applied(change, inverse, lambda: (self.project.turns(doc_id), self.project.speakers(doc_id)))
        self.changeApplied.emit(change, inverse)
        return inverse

    def normal_form(self, label: str, text: str) -> str | None:
        """The normal form the model would give ``text`` as a DATE or MONEY (``2025-10-11``, ``500 RUB``), if any."""
        model = shared_model()
        if label not in ("DATE", "MONEY") or not self.model_ready:
            return None
        found = [m for m in model.extra_mentions(text) if m.label == label and (m.start, m.end) == (0, len(text))]
        return found[0].normal if found else None

    def refuse(self, message: str) -> bool:
        self.editRefused.emit(message)
        return False

    # -- projects -------------------------------------------------------------

    def open_project(self, path: Path) -> None:
        """Switch to another project file; the undo history belongs to the old one."""
        project = Project(path, create=True)  # File › Open project opens or creates
        self.project.close()
        self.project = project
        self.undo_stack.clear()
        self.current.show(None)
        self.documentsChanged.emit()
        self.labelsChanged.emit()
