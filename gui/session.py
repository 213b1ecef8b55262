"""The window's link to the domain: the open project, the undo stack, background work.

Like Anki's "operations", each method runs one domain or storage call (as an
undoable command) and the views learn what changed through signals.  The GUI
never holds SQL.
"""

from __future__ import annotations

from bisect import bisect_left
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotation.errors import RazmetkaError
from annotation.formats.export import ExportCancelled, ExportOptions, ExportReport, export_documents
from annotation.importing import FailedFile, ImportOptions, ImportReport
from annotation.language import NER_LANGUAGES
from annotation.model import Document, Label, Span, Speaker, Turn
from annotation.ner import mentions_by_turn, shared_model
from annotation.tokens import grow, snap_to_words
from annotation.turns import realternate, split_point_ok
from storage import Project, import_into

from .commands import (
    AddLabel,
    AddSpans,
    AddSpeaker,
    DeleteLabel,
    DeleteSpans,
    EditCommand,
    MergeTurn,
    RerunModel,
    SetStatus,
    SetTurnSpeakers,
    SplitTurn,
    UpdateLabel,
    UpdateSpans,
    UpdateSpeaker,
)
from .tasks import TaskRunner


class Session(QObject):
    documentsChanged = Signal()  # documents added or removed
    spansChanged = Signal(str, list, list)  # doc id, changed spans, removed span ids
    turnsChanged = Signal(str)  # turns or speakers of this document changed
    statusChanged = Signal(str)  # a document's status changed
    labelsChanged = Signal()
    modelReady = Signal()
    importProgress = Signal(int, int, str)  # files done, files in all, file being read
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
        self.model_ready = False
        self._cancel_import = False
        self._importing = False
        self._exporting = False
        self._cancel_export = False

    # -- reads --------------------------------------------------------------

    def labels(self) -> list[Label]:
        return self.project.labels()

    # -- change notifications, called by the commands -------------------------

    def spans_changed(self, doc_id: str, changed: list[Span], removed: list[int]) -> None:
        self.spansChanged.emit(doc_id, changed, removed)

    def turns_changed(self, doc_id: str) -> None:
        self.turnsChanged.emit(doc_id)

    def status_changed(self, doc_id: str) -> None:
        self.statusChanged.emit(doc_id)

    def labels_changed(self) -> None:
        self.labelsChanged.emit()

    # -- background work ------------------------------------------------------

    def load_model(self) -> None:
        """Load natasha off the UI thread; ``modelReady`` fires when it is done."""
        self.runner.submit(shared_model().load, self._model_loaded, self._model_failed)

    def _model_loaded(self, _result: object) -> None:
        self.model_ready = True
        self.modelReady.emit()

    def _model_failed(self, exc: BaseException) -> None:
        self.editRefused.emit(f"The NER model could not be loaded: {exc}")

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
            return self.refuse("An import is already running.")
        self._importing = True
        self._cancel_import = False
        options = ImportOptions(ner=ner, labels=[lab.name for lab in self.labels()])
        path = self.project.path

        def work() -> ImportReport:
            with Project(path) as project:
                return import_into(
                    project,
                    paths,
                    options,
                    progress=lambda done, total, file: self.importProgress.emit(done, total, file or ""),
                    cancelled=lambda: self._cancel_import,
                )

        self.runner.submit(work, self._import_done, self._import_failed)
        return True

    def _import_done(self, report: ImportReport) -> None:
        self._importing = False
        if report.imported:
            self.documentsChanged.emit()
        self.importFinished.emit(report)

    def _import_failed(self, exc: BaseException) -> None:
        self._importing = False
        report = ImportReport(failed=[FailedFile("(import)", str(exc))])
        self.importFinished.emit(report)

    def rerun_model(self, doc: Document) -> bool:
        """Run natasha over ``doc`` again, off the UI thread; only mentions it never made before are suggested.

        Nothing a person accepted, changed, rejected or deleted comes back (see
        ``Project.add_suggestions``).  The new suggestions are one undoable edit.
        """
        if doc.source.language and doc.source.language not in NER_LANGUAGES:
            return self.refuse(
                f"natasha pre-annotates Russian only; this document's language is {doc.source.language}."
            )
        text, turns, doc_id = doc.text, list(doc.turns), doc.id

        def found(mentions: list) -> None:
            self.push(RerunModel(self, doc_id, mentions))

        self.runner.submit(lambda: mentions_by_turn(text, turns), found, self._model_failed)
        return True

    def export(self, options: ExportOptions) -> bool:
        """Write a dataset in the background, as ``razmetka export`` does; nothing half-written on failure."""
        if self._exporting:
            return self.refuse("An export is already running.")
        self._exporting = True
        self._cancel_export = False
        path = self.project.path

        def progress(done: int, total: int) -> None:
            if self._cancel_export:
                raise ExportCancelled("export cancelled; nothing was written")
            self.exportProgress.emit(done, total)

        def work() -> ExportReport:
            with Project(path) as project:  # the worker's own connection
                documents = (project.load_document(doc_id) for doc_id in project.document_ids())
                return export_documents(documents, options, progress)

        self.runner.submit(work, self._export_done, self._export_failed)
        return True

    def cancel_export(self) -> None:
        self._cancel_export = True

    def _export_done(self, report: ExportReport) -> None:
        self._exporting = False
        self.exportFinished.emit(report, "")

    def _export_failed(self, exc: BaseException) -> None:
        self._exporting = False
        self.exportFinished.emit(None, str(exc) if isinstance(exc, RazmetkaError) else f"export failed: {exc!r}")

    # -- the undo stack ---------------------------------------------------------

    def push(self, command: EditCommand) -> bool:
        """Apply ``command`` now; only an edit storage accepted goes on the undo stack."""
        try:
            command.apply()
        except RazmetkaError as exc:
            self.editRefused.emit(str(exc))
            return False
        command._skip_redo = True
        self.undo_stack.push(command)
        if command.doc_id is not None and self.project.mark_in_progress_if_new(command.doc_id):
            self.status_changed(command.doc_id)
        return True

    def refuse(self, message: str) -> bool:
        self.editRefused.emit(message)
        return False

    # -- entity tags ------------------------------------------------------------

    def tag(self, doc: Document, start: int, end: int, label: str) -> bool:
        """Tag the words the selection touches (snapped to whole tokens) with ``label``."""
        snapped = snap_to_words(doc.text, start, end)
        if snapped is None:
            return self.refuse("Select some words first, then press the label's key.")
        start, end = snapped
        turn = doc.turn_at(start)
        if turn is None or start < turn.content_start or end > turn.end:
            return self.refuse("A tag must lie inside one turn's speech; select within a single turn.")
        first = bisect_left(doc.spans, start, key=lambda x: x.start)  # the view keeps spans sorted by start
        same_range = [
            x for x in doc.spans[first : first + 50] if (x.start, x.end) == (start, end) and x.status != "rejected"
        ]
        if any(x.label == label and x.status == "accepted" for x in same_range):
            return self.refuse(f"«{doc.text[start:end]}» is already tagged {label}.")
        suggestion = next((x for x in same_range if x.status == "suggested"), None)
        if suggestion is not None:
            # Tagging exactly what the model suggested resolves the suggestion, rather than
            # stacking a second span on it: accepted as is, or retagged.
            if suggestion.label == label:
                return self.accept(doc.id, [suggestion])
            return self.relabel(doc.id, [suggestion], label)
        span = Span(start, end, label, doc.text[start:end], None, "human", "accepted", self.annotator)
        return self.push(AddSpans(self, doc.id, [span], f"Tag «{span.text}» as {label}"))

    def remove(self, doc_id: str, span: Span) -> bool:
        """Reject a model suggestion (it stays as a hidden row) or delete any other span."""
        if span.status == "suggested":
            return self.push(
                UpdateSpans(
                    self,
                    doc_id,
                    [(span.id, {"status": "rejected", "annotator": self.annotator})],
                    f"Reject {span.label} «{span.text}»",
                )
            )
        return self.push(DeleteSpans(self, doc_id, [span], f"Delete {span.label} «{span.text}»"))

    def accept(self, doc_id: str, spans: list[Span], text: str | None = None) -> bool:
        """Accept suggestions; the person accepting becomes their annotator."""
        todo = [s for s in spans if s.status == "suggested"]
        if not todo:
            return self.refuse("No unresolved suggestion here.")
        changes = [(s.id, {"status": "accepted", "annotator": self.annotator}) for s in todo]
        label = text or (
            f"Accept {todo[0].label} «{todo[0].text}»" if len(todo) == 1 else f"Accept {len(todo)} suggestions"
        )
        return self.push(UpdateSpans(self, doc_id, changes, label))

    def reject(self, doc_id: str, spans: list[Span], text: str) -> bool:
        todo = [s for s in spans if s.status == "suggested"]
        if not todo:
            return self.refuse("No unresolved suggestion here.")
        changes = [(s.id, {"status": "rejected", "annotator": self.annotator}) for s in todo]
        return self.push(UpdateSpans(self, doc_id, changes, text))

    def relabel(self, doc_id: str, spans: list[Span], label: str) -> bool:
        """Give spans another label; a relabelled suggestion counts as accepted."""
        todo = [s for s in spans if s.label != label or s.status == "suggested"]
        if not todo:
            return self.refuse(f"Already {label}.")
        changes = [(s.id, {"label": label, "status": "accepted", "annotator": self.annotator}) for s in todo]
        what = f"«{todo[0].text}»" if len(todo) == 1 else f"{len(todo)} spans"
        return self.push(UpdateSpans(self, doc_id, changes, f"Retag {what} as {label}"))

    def resize(self, doc: Document, span: Span, side: str, direction: int) -> bool:
        """Move the ``left`` or ``right`` boundary of ``span`` by one word: +1 grows it, -1 shrinks it."""
        turn = doc.turn_at(span.start)
        assert turn is not None
        moved = grow(doc.text, span.start, span.end, side, direction, lo=turn.content_start, hi=turn.end)
        if moved is None:
            return self.refuse("A span cannot shrink to nothing; delete it instead.")
        if moved == (span.start, span.end):
            return self.refuse("The span already reaches the edge of its turn.")
        start, end = moved
        changes = {"start": start, "end": end, "text": doc.text[start:end], "normal": None}
        if span.status == "suggested":
            changes.update(status="accepted", annotator=self.annotator)
        return self.push(UpdateSpans(self, doc.id, [(span.id, changes)], f"Resize «{span.text}»"))

    def propagate(self, doc_id: str, spans: list[Span]) -> bool:
        if not spans:
            return self.refuse("Nothing to propagate to.")
        return self.push(AddSpans(self, doc_id, spans, f"Propagate {spans[0].label} «{spans[0].text}» ×{len(spans)}"))

    # -- turns and speakers -----------------------------------------------------

    def set_speaker(self, doc_id: str, turns: list[Turn], speaker: str) -> bool:
        changes = [(t.id, speaker) for t in turns if t.speaker != speaker]
        if not changes:
            return self.refuse(f"Already {speaker}'s turn.")
        return self.push(SetTurnSpeakers(self, doc_id, changes, f"Give turn to {speaker}"))

    def realternate(self, doc: Document, turn_index: int) -> bool:
        changes = realternate(doc, turn_index)
        if not changes:
            return self.refuse("This turn is not in a run of interviewer and respondent turns.")
        by_index = [(doc.turns[i].id, name) for i, name in changes]
        return self.push(SetTurnSpeakers(self, doc.id, by_index, f"Re-alternate {len(changes)} turns"))

    def split(self, doc: Document, offset: int) -> bool:
        turn = doc.turn_at(offset)
        if turn is None:
            return self.refuse("Put the cursor inside a turn to split it.")
        problem = split_point_ok(doc, turn, offset)
        if problem:
            return self.refuse(problem)
        return self.push(SplitTurn(self, doc.id, turn, offset))

    def merge(self, doc: Document, turn_index: int) -> bool:
        if turn_index <= 0:
            return self.refuse("The first turn has no turn before it to merge with.")
        return self.push(MergeTurn(self, doc.id, doc.turns[turn_index], doc.turns[turn_index - 1]))

    def update_speaker(self, doc_id: str, speaker: Speaker, name: str, role: str) -> bool:
        name = name.strip()
        if not name:
            return self.refuse("A speaker needs a name.")
        if name == speaker.name and role == speaker.role:
            return False
        text = f"Rename {speaker.name} to {name}" if name != speaker.name else f"Make {name} {role}"
        return self.push(UpdateSpeaker(self, doc_id, speaker, name, role, text))

    def add_speaker(self, doc_id: str, name: str, role: str) -> bool:
        name = name.strip()
        if not name:
            return self.refuse("A speaker needs a name.")
        return self.push(AddSpeaker(self, doc_id, Speaker(name, role)))

    # -- documents and labels -----------------------------------------------------

    def set_status(self, doc_id: str, status: str) -> bool:
        old = self.project.status(doc_id)
        if old == status:
            return False
        return self.push(SetStatus(self, doc_id, old, status))

    def add_label(self, label: Label) -> bool:
        return self.push(AddLabel(self, label))

    def update_label(self, old: Label, new: Label) -> bool:
        if old == new:
            return False
        return self.push(UpdateLabel(self, old, new))

    def delete_label(self, label: Label, spans: str = "refuse", relabel_to: str | None = None) -> bool:
        return self.push(DeleteLabel(self, label, spans, relabel_to))

    # -- projects -------------------------------------------------------------

    def open_project(self, path: Path) -> None:
        """Switch to another project file; the undo history belongs to the old one."""
        project = Project(path)
        self.project.close()
        self.project = project
        self.undo_stack.clear()
        self.documentsChanged.emit()
        self.labelsChanged.emit()
