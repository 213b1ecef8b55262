"""The main window's assembly: panels around the transcript, menus from the shortcut table.

The window observes the session: the open document is the session's
``CurrentDocument`` (the view and the panels follow it), and every applied change
updates the document list's summary of its document.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QByteArray, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from annotation.changes import Change
from annotation.model import Document, Label
from storage import StorageError

from .. import plaintext, settings
from ..banner import Banner
from ..document_list import DocumentPanel
from ..entity_panel import EntityPanel
from ..find_bar import FindBar
from ..history_panel import HistoryPanel
from ..session import Session
from ..shortcuts import Action, by_action, tr
from ..speaker_panel import SpeakerPanel
from ..transcript_view import TranscriptView
from ..translations import language_menu, word
from .actions import build_menus, handles
from .editing import EditingMixin
from .jobs import JobsMixin
from .legend import Legend
from .navigation import NavigationMixin
from .prompts import PromptsMixin
from .review import ReviewMixin
from .safety import SafetyMixin


class MainWindow(EditingMixin, NavigationMixin, JobsMixin, ReviewMixin, SafetyMixin, PromptsMixin, QMainWindow):
    documentShown = Signal(str)

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.resize(1280, 820)
        self.labels: list[Label] = session.labels()
        self._build_centre()
        self._build_panels()
        self._build_status_bar()
        self.menus, self.actions_by_id, self._anchors = build_menus(self, self.view)
        view_menu = self.menuBar().insertMenu(self.menus["Help"].menuAction(), QMenu(self.tr("&View"), self))
        view_menu.menu().addActions([dock.toggleViewAction() for dock in self.docks.values()])
        view_menu.menu().addSeparator()
        view_menu.menu().addMenu(language_menu(self))
        self._bind_undo()
        self.tag_actions: list[QAction] = []
        self.speaker_actions: list[QAction] = []
        self._build_tag_actions()

        current = session.current
        self.view.observe(current)
        current.loaded.connect(self._document_loaded)
        current.spansChanged.connect(self._spans_changed)
        current.turnsChanged.connect(self._turns_changed)
        session.changeApplied.connect(self._change_applied)
        session.documentsChanged.connect(self.refresh_documents)
        session.labelsChanged.connect(self._labels_changed)
        session.modelReady.connect(self._model_ready)
        session.importFinished.connect(self.import_finished)
        session.importProgress.connect(self.import_progress)
        session.importFileProgress.connect(self.import_file_progress)
        session.exportProgress.connect(self.export_progress)
        session.exportFinished.connect(self.export_finished)
        session.editRefused.connect(self._refused)
        self.refresh_documents()
        self.restore_layout()
        self._set_title(None)
        self.watch_project()

    # -- assembly -------------------------------------------------------------

    def _build_centre(self) -> None:
        """The find bar above the transcript."""
        self.view = TranscriptView()
        self.view.setObjectName("transcriptView")
        self.view.cursorOffsetChanged.connect(self._cursor_moved)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._view_menu)
        self.view.tabPressed.connect(lambda forward: self.go_entity(forward))
        self.view.set_labels(self.labels)
        self.find_bar = FindBar(self.view)
        self.banner = Banner()  # the reviewer's comment, or why a document has no suggestions
        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(centre)

    def _build_panels(self) -> None:
        self.documents = DocumentPanel()
        self.documents.documentActivated.connect(self.show_document)
        self.documents.set_filter(settings.get("document_filter"))
        self.entities = EntityPanel()
        self.entities.set_labels(self.labels)
        self.entities.spanActivated.connect(self.jump_to_span)
        self.entities.retagRequested.connect(lambda spans, label: self.group_action("retag", spans, label))
        self.entities.acceptRequested.connect(lambda spans: self.group_action("accept", spans))
        self.entities.rejectRequested.connect(lambda spans: self.group_action("reject", spans))
        self.entities.propagateRequested.connect(self.propagate)
        self.speakers = SpeakerPanel()
        self.speakers.assignRequested.connect(self.give_turn)
        self.speakers.renameRequested.connect(self.rename_speaker)
        self.speakers.roleRequested.connect(self.set_role)
        self.speakers.addRequested.connect(self.add_speaker)
        self.history = HistoryPanel(self.session)
        self.docks: dict[str, QDockWidget] = {}
        for name, title, widget, area in (
            ("documents", self.tr("Documents"), self.documents, Qt.DockWidgetArea.LeftDockWidgetArea),
            ("speakers", self.tr("Speakers"), self.speakers, Qt.DockWidgetArea.RightDockWidgetArea),
            ("entities", self.tr("Entities"), self.entities, Qt.DockWidgetArea.RightDockWidgetArea),
            ("history", self.tr("History"), self.history, Qt.DockWidgetArea.RightDockWidgetArea),
        ):
            dock = QDockWidget(title, self)
            dock.setObjectName(f"{name}Dock")
            dock.setWidget(widget)
            self.addDockWidget(area, dock)
            self.docks[name] = dock
        self.tabifyDockWidget(self.docks["entities"], self.docks["history"])
        self.docks["entities"].raise_()
        self.resizeDocks([self.docks["documents"], self.docks["entities"]], [250, 340], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["speakers"], self.docks["entities"]], [170, 600], Qt.Orientation.Vertical)
        self.legend = Legend()
        legend_bar = QToolBar(self.tr("Legend"))
        legend_bar.setObjectName("legendBar")
        legend_bar.setMovable(False)
        legend_bar.addWidget(self.legend)
        self.addToolBar(legend_bar)
        self.legend.set_labels(self.labels)

    def _build_status_bar(self) -> None:
        self.counts = QLabel()
        self.span_info = QLabel()
        self.model_state = QLabel(self.tr("NER model: loading…"))
        for widget in (self.counts, self.span_info, self.model_state):
            widget.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelJob")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_jobs)
        self.statusBar().addWidget(self.counts)
        self.statusBar().addWidget(self.span_info, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.statusBar().addPermanentWidget(self.model_state)
        self.project_label = QLabel()  # which project file every edit goes to, always in sight
        self.project_label.setObjectName("projectPath")
        self.project_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.project_label)

    def _bind_undo(self) -> None:
        stack = self.session.undo_stack
        undo, redo = self.actions_by_id[Action.UNDO], self.actions_by_id[Action.REDO]
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.undoTextChanged.connect(self._undo_text)
        stack.redoTextChanged.connect(self._redo_text)
        undo.setEnabled(False)
        redo.setEnabled(False)

    # Bound methods, not lambdas: the session can outlive the window, and Qt drops these with it.
    def _undo_text(self, text: str) -> None:
        self.actions_by_id[Action.UNDO].setText(self.tr("&Undo {text}").format(text=text) if text else self.tr("&Undo"))

    def _redo_text(self, text: str) -> None:
        self.actions_by_id[Action.REDO].setText(self.tr("&Redo {text}").format(text=text) if text else self.tr("&Redo"))

    def _model_ready(self) -> None:
        self.model_state.setText(self.tr("NER model: ready"))

    def _refused(self, message: str) -> None:
        self.say(message, 8000)

    @handles(Action.UNDO)
    def undo(self) -> None:
        self.session.undo_stack.undo()

    @handles(Action.REDO)
    def redo(self) -> None:
        self.session.undo_stack.redo()

    def _family_actions(self, family: Action, old: list[QAction], made: list[tuple[str, str, object]]) -> list:
        """Replace the actions of a family (labels' digits, speakers' Alt+digits) in its menu."""
        menu = self.menus[by_action(family).menu]
        for action in old:
            menu.removeAction(action)
            self.view.removeAction(action)
            self.removeAction(action)
        actions = []
        for text, keys, handler in made:
            action = QAction(text, self)
            if keys:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _checked=False, handler=handler: handler())
            menu.insertAction(self._anchors[family], action)
            actions.append(action)
        return actions

    def _build_tag_actions(self) -> None:
        template = tr(by_action(Action.TAG).text)
        made = [
            (template.format(label=plaintext.menu_text(lab.name)), lab.hotkey, lambda n=lab.name: self.tag_selection(n))
            for lab in self.labels
        ]
        self.tag_actions = self._family_actions(Action.TAG, self.tag_actions, made)
        for action, label in zip(self.tag_actions, self.labels, strict=True):
            action.setStatusTip(label.description)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # digits belong to the text
            self.view.addAction(action)

    def _build_speaker_actions(self) -> None:
        doc = self.session.current.doc
        template = tr(by_action(Action.SPEAKER).text)
        speakers = doc.speakers[:9] if doc is not None else []
        made = [
            (template.format(speaker=plaintext.menu_text(s.name)), f"Alt+{n}", lambda name=s.name: self.give_turn(name))
            for n, s in enumerate(speakers, 1)
        ]
        self.speaker_actions = self._family_actions(Action.SPEAKER, self.speaker_actions, made)
        self.addActions(self.speaker_actions)

    # -- documents ------------------------------------------------------------

    def refresh_documents(self) -> None:
        from storage.review import review_states

        self.documents.model.set_summaries(self.session.project.summaries())
        self.documents.model.set_reviews(review_states(self.session.project))
        current = self.current_doc_id()
        if current is not None and current not in self.documents.ids_in_order():
            self.session.current.show(None)
            current = None
        if current is not None:
            self.documents.select(current)
        elif self.documents.ids_in_order():
            self.show_document(self.documents.ids_in_order()[0])
        self._update_counts()
        self._update_banner(self.session.current.doc)

    def current_doc_id(self) -> str | None:
        return self.session.current.id

    def show_document(self, doc_id: str) -> None:
        """Open ``doc_id`` in the transcript view, with the caret at the start and the focus there."""
        if self.current_doc_id() == doc_id:
            self.documents.select(doc_id)
            return
        try:
            doc = self.session.project.load_document(doc_id)
        except StorageError as exc:
            plaintext.message(self, "Razmetka", str(exc))
            return
        self.session.current.show(doc)
        self.documents.select(doc_id)
        self.view.setFocus()
        settings.put("last_document", doc_id)
        self.documentShown.emit(doc_id)

    def _set_title(self, doc: Document | None) -> None:
        project = self.session.project.path
        title = f"{doc.title} — Razmetka" if doc else "Razmetka"
        locked = self.tr(", read-only") if self.session.project.readonly else ""
        self.setWindowTitle(f"{title} ({project.name}{locked})")
        path = str(project.absolute())
        shown = path if len(path) <= 60 else path[:20] + "…" + path[-39:]
        self.project_label.setText(self.tr("project: {path}").format(path=shown))
        self.project_label.setToolTip(plaintext.tooltip(path))

    def _document_loaded(self, doc: Document | None) -> None:
        self.entities.set_document(doc)
        self.speakers.set_document(doc)
        self._build_speaker_actions()
        if self.find_bar.isVisible():
            self.find_bar.search()
        self._update_counts()
        self._update_banner(doc)
        self._set_title(doc)

    def _change_applied(self, change: Change, _inverse: Change) -> None:
        """Undo and redo can touch another document: show it, so the change is seen; keep its summary true."""
        doc_id = change.doc_id
        if doc_id is None:
            return
        if doc_id != self.current_doc_id():
            self.show_document(doc_id)
        current, doc = self.session.current, self.session.current.doc
        summary = self.documents.model.summary(doc_id)
        if summary is not None and doc is not None and doc.id == doc_id:  # counted as we go: no query per edit
            counts = {"spans": len(current.visible), "suggested": current.suggested, "accepted": current.accepted,
                      "model_spans": sum(1 for s in doc.spans if s.origin == "model")}
            self.documents.model.update_summary(replace(summary, status=doc.status, turns=len(doc.turns), **counts))
        else:
            for summary in self.session.project.summaries(doc_id):
                self.documents.model.update_summary(summary)
        self._update_counts()
        self._update_banner(doc)

    def _spans_changed(self, _changed: list, _removed: list) -> None:
        self.entities.set_document(self.session.current.doc)
        self._update_banner(self.session.current.doc)

    def _update_banner(self, doc: Document | None) -> None:
        review = self.documents.model.review(doc.id) if doc is not None else None
        model_ran = doc is not None and not doc.spans and bool(self.session.project.model_output(doc.id))
        self.banner.explain(doc, review, model_ran)

    def _turns_changed(self) -> None:
        doc = self.session.current.doc
        self.speakers.set_document(doc)
        self._build_speaker_actions()
        self.entities.set_document(doc)

    def _labels_changed(self) -> None:
        self.labels = self.session.labels()
        self.legend.set_labels(self.labels)
        self.entities.set_labels(self.labels)
        self._build_tag_actions()
        self.view.set_labels(self.labels)
        doc_id = self.current_doc_id()
        if doc_id is not None:  # a rename or deletion may have changed its spans: reload
            self.session.current.show(None)
            self.show_document(doc_id)

    def _update_counts(self) -> None:
        doc = self.session.current.doc
        if doc is None:
            self.counts.setText(self.tr("No document. File › Import transcripts… (Ctrl+I)"))
            return
        current = self.session.current
        self.counts.setText(
            self.tr("{status} · {turns} turns · {spans} spans ({review} to review) · saved").format(
                status=word(doc.status), turns=len(doc.turns), spans=len(current.visible), review=current.suggested
            )
        )

    def _cursor_moved(self, offset: int) -> None:
        doc = self.session.current.doc
        index = self.view.turn_index_at(offset)
        parts = []
        if doc is not None and index is not None:
            turn = self.tr("turn {number}/{count}: {speaker}")
            parts.append(turn.format(number=index + 1, count=len(doc.turns), speaker=doc.turns[index].speaker))
        span = self.view.current_span()
        if span is not None:
            stacked = len(self.view.spans_at(offset))
            more = self.tr(" (1 of {count} here, Ctrl+. for the next)").format(count=stacked) if stacked > 1 else ""
            normal = f" → {span.normal}" if span.normal and span.normal != span.text else ""
            parts.append(f"{span.label} «{span.text}»{normal} — {word(span.status)}{more}")
        self.span_info.setText("   ".join(parts))

    def _view_menu(self, pos) -> None:
        """The transcript's context menu: tags for the selection, actions for the span under the cursor."""
        menu = QMenu(self)
        selected = self.view.textCursor().hasSelection()
        tag_menu = menu.addMenu(self.tr("Tag selection as") if selected else self.tr("Retag span as"))
        tag_menu.addActions(self.tag_actions)
        for action in (Action.ACCEPT, Action.REMOVE, Action.CYCLE, Action.PROPAGATE, None, Action.SPLIT,
                       Action.MERGE, Action.REALTERNATE):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(self.actions_by_id[action])
        menu.addMenu(self.tr("Give turn to")).addActions(self.speaker_actions)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # -- window state ---------------------------------------------------------------

    def restore_layout(self) -> None:
        geometry: QByteArray = settings.get("geometry")
        state: QByteArray = settings.get("state")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        if not state.isEmpty():
            self.restoreState(state)

    def restore_last_document(self) -> None:
        last = settings.get("last_document")
        if last and last in self.documents.ids_in_order():
            self.show_document(last)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Coming back to the window shows documents another process (``razmetka import``) added meanwhile."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and not self.session.importing:
            self.refresh_if_changed()

    def refresh_if_changed(self) -> None:
        try:
            stored = self.session.project.document_ids()
        except StorageError:
            return  # busy or gone: the next activation tries again
        if stored != self.documents.ids_in_order():
            self.refresh_documents()
            count = len(stored)
            self.say(self.tr("The project changed outside this window: %n document(s) now.", None, count))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        settings.put("geometry", self.saveGeometry())
        settings.put("state", self.saveState())
        settings.put("last_project", str(self.session.project.path))
        settings.put("document_filter", self.documents.filter_box.currentData())
        self.cancel_jobs()  # what finished stays; an unfinished export writes nothing
        self.session.runner.wait(30000)
        super().closeEvent(event)
