"""The main window: panels around the transcript, menus built from the shortcut table."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from annotation.importing import ImportReport
from annotation.model import ROLES, Document, Label, Span
from annotation.propagate import untagged_occurrences
from annotation.readers import SUPPORTED_SUFFIXES
from storage import StorageError

from . import plaintext, settings
from .dialogs import PropagateDialog, SearchDialog
from .document_list import DocumentPanel
from .entity_panel import EntityPanel
from .export_dialog import ExportDialog
from .find_bar import FindBar
from .label_dialog import LabelDialog
from .session import Session
from .shortcuts import MENUS, SHORTCUTS, by_action, rows
from .speaker_panel import SpeakerPanel
from .transcript_view import TranscriptView


class Legend(QWidget):
    """One chip per label (hotkey, name, colour) plus how suggestions look."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(6, 2, 6, 2)
        self._layout.setSpacing(6)

    def set_labels(self, labels: list[Label]) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for label in labels:
            chip = QLabel(f"{label.hotkey} {label.name}" if label.hotkey else label.name)
            chip.setTextFormat(Qt.TextFormat.PlainText)
            chip.setToolTip(plaintext.tooltip(label.description))
            chip.setStyleSheet(f"background: {label.color}; color: black; padding: 2px 6px; border-radius: 3px;")
            self._layout.addWidget(chip)
        hint = QLabel("solid = accepted · pale, dotted = suggestion · overline = nested")
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setStyleSheet("color: #555; padding-left: 10px;")
        self._layout.addWidget(hint)
        self._layout.addStretch(1)


class MainWindow(QMainWindow):
    documentShown = Signal(str)

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.setWindowTitle("Razmetka")
        self.resize(1280, 820)
        self.labels: list[Label] = session.labels()

        # Centre: the find bar above the transcript.
        self.view = TranscriptView()
        self.view.setObjectName("transcriptView")
        self.view.cursorOffsetChanged.connect(self._cursor_moved)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._view_menu)
        self.view.tabPressed.connect(lambda forward: self.go_entity(forward))
        self.find_bar = FindBar(self.view)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        centre_layout.addWidget(self.find_bar)
        centre_layout.addWidget(self.view, 1)
        self.setCentralWidget(centre)

        # Panels.
        self.documents = DocumentPanel()
        self.documents.documentActivated.connect(self.show_document)
        self.documents.set_filter(settings.get("document_filter"))
        self.entities = EntityPanel()
        self.entities.set_labels(self.labels)
        self.entities.spanActivated.connect(self._jump_to_span)
        self.entities.retagRequested.connect(lambda spans, label: self._doc_op(self.session.relabel, spans, label))
        self.entities.acceptRequested.connect(lambda spans: self._doc_op(self.session.accept, spans))
        self.entities.propagateRequested.connect(self.propagate)
        self.entities.rejectRequested.connect(
            lambda spans: self._doc_op(self.session.reject, spans, f"Reject {len(spans)} suggestion(s)")
        )
        self.speakers = SpeakerPanel()
        self.speakers.assignRequested.connect(self.give_turn)
        self.speakers.renameRequested.connect(self.rename_speaker)
        self.speakers.roleRequested.connect(self._set_role)
        self.speakers.addRequested.connect(self.add_speaker)
        self.history = QUndoView(session.undo_stack)
        self.history.setObjectName("historyView")
        self.history.setEmptyLabel("(opened)")
        self.docks: dict[str, QDockWidget] = {}
        for name, title, widget, area in (
            ("documents", "Documents", self.documents, Qt.DockWidgetArea.LeftDockWidgetArea),
            ("speakers", "Speakers", self.speakers, Qt.DockWidgetArea.RightDockWidgetArea),
            ("entities", "Entities", self.entities, Qt.DockWidgetArea.RightDockWidgetArea),
            ("history", "History", self.history, Qt.DockWidgetArea.RightDockWidgetArea),
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
        legend_bar = QToolBar("Legend")
        legend_bar.setObjectName("legendBar")
        legend_bar.setMovable(False)
        legend_bar.addWidget(self.legend)
        self.addToolBar(legend_bar)
        self.legend.set_labels(self.labels)

        # Status bar.
        self.counts = QLabel()
        self.span_info = QLabel()
        self.model_state = QLabel("NER model: loading…")
        for widget in (self.counts, self.span_info, self.model_state):
            widget.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancelJob")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self._cancel_job)
        self.statusBar().addWidget(self.counts)
        self.statusBar().addWidget(self.span_info, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.statusBar().addPermanentWidget(self.model_state)

        self.actions_by_id: dict[str, QAction] = {}
        self.tag_actions: list[QAction] = []
        self.speaker_actions: list[QAction] = []
        self._build_menus()

        session.documentsChanged.connect(self.refresh_documents)
        session.spansChanged.connect(self._spans_changed)
        session.turnsChanged.connect(self._turns_changed)
        session.statusChanged.connect(self._status_changed)
        session.labelsChanged.connect(self._labels_changed)
        session.modelReady.connect(self._model_ready)
        session.importFinished.connect(self._import_finished)
        session.importProgress.connect(self._import_progress)
        session.exportProgress.connect(self._export_progress)
        session.exportFinished.connect(self._export_finished)
        session.editRefused.connect(self._refused)
        self.refresh_documents()
        self.restore_layout()

    # -- menus, generated from the shortcut table -----------------------------

    def _handlers(self) -> dict:
        return {
            "import": self.import_dialog,
            "export": self.export_dialog,
            "open_project": self.open_project_dialog,
            "annotator": self.annotator_dialog,
            "quit": self.close,
            "undo": self.session.undo_stack.undo,
            "redo": self.session.undo_stack.redo,
            "find": self.find_bar.open_bar,
            "find_next": self.find_bar.next,
            "find_previous": self.find_bar.previous,
            "search_all": self.search_all,
            "accept": self.accept_at_cursor,
            "remove": self.remove_at_cursor,
            "cycle": self.cycle_span,
            "grow_end": lambda: self.resize_span("right", +1),
            "shrink_end": lambda: self.resize_span("right", -1),
            "grow_start": lambda: self.resize_span("left", +1),
            "shrink_start": lambda: self.resize_span("left", -1),
            "accept_turn": self.accept_turn,
            "accept_document": self.accept_document,
            "propagate": lambda: self.propagate(),
            "labels": self.edit_labels,
            "rerun": self.rerun_model,
            "split": self.split_turn,
            "merge": self.merge_turn,
            "realternate": self.realternate,
            "rename_speaker": lambda: self.rename_speaker(None),
            "add_speaker": self.add_speaker,
            "next_entity": lambda: self.go_entity(True),
            "previous_entity": lambda: self.go_entity(False),
            "next_suggestion": lambda: self.go_entity(True, suggested_only=True),
            "previous_suggestion": lambda: self.go_entity(False, suggested_only=True),
            "goto_turn": self.goto_turn,
            "next_panel": lambda: self.cycle_focus(True),
            "previous_panel": lambda: self.cycle_focus(False),
            "done_next": self.done_and_next,
            "next_document": lambda: self.step_document(+1),
            "previous_document": lambda: self.step_document(-1),
            "shortcuts": self.show_shortcuts,
        }

    def _build_menus(self) -> None:
        handlers = self._handlers()
        self.menus: dict[str, QMenu] = {name: self.menuBar().addMenu(f"&{name}") for name in MENUS}
        for shortcut in SHORTCUTS:
            menu = self.menus[shortcut.menu]
            if shortcut.family:
                menu.addSeparator()
                if shortcut.action == "tag":
                    self._tag_anchor = menu.addSeparator()
                else:
                    self._speaker_anchor = menu.addSeparator()
                continue
            action = QAction(shortcut.text, self)
            action.setShortcut(QKeySequence(shortcut.keys))
            action.setStatusTip(shortcut.help)
            action.setToolTip(shortcut.help)
            action.triggered.connect(handlers[shortcut.action])
            if shortcut.in_view:
                # Keys such as Return, Delete and the digits belong to the transcript
                # alone: in a text box elsewhere they must keep their usual meaning.
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.view.addAction(action)
            else:
                self.addAction(action)
            menu.addAction(action)
            self.actions_by_id[shortcut.action] = action
        view_menu = self.menuBar().insertMenu(self.menus["Help"].menuAction(), QMenu("&View", self))
        view_menu.menu().addActions([dock.toggleViewAction() for dock in self.docks.values()])
        stack = self.session.undo_stack
        stack.canUndoChanged.connect(self.actions_by_id["undo"].setEnabled)
        stack.canRedoChanged.connect(self.actions_by_id["redo"].setEnabled)
        stack.undoTextChanged.connect(self._undo_text)
        stack.redoTextChanged.connect(self._redo_text)
        self.actions_by_id["undo"].setEnabled(False)
        self.actions_by_id["redo"].setEnabled(False)
        self._build_tag_actions()

    def _undo_text(self, text: str) -> None:
        self.actions_by_id["undo"].setText(f"&Undo {text}" if text else "&Undo")

    def _redo_text(self, text: str) -> None:
        self.actions_by_id["redo"].setText(f"&Redo {text}" if text else "&Redo")

    def _model_ready(self) -> None:
        self.model_state.setText("NER model: ready")

    def _refused(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def _build_tag_actions(self) -> None:
        menu = self.menus["Annotate"]
        for action in self.tag_actions:
            menu.removeAction(action)
            self.view.removeAction(action)
        self.tag_actions = []
        template = by_action("tag").text
        for label in self.labels:
            action = QAction(template.format(label=plaintext.menu_text(label.name)), self)
            if label.hotkey:
                action.setShortcut(QKeySequence(label.hotkey))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setStatusTip(label.description)
            action.triggered.connect(lambda _checked=False, name=label.name: self.tag_selection(name))
            menu.insertAction(self._tag_anchor, action)
            self.view.addAction(action)
            self.tag_actions.append(action)

    def _build_speaker_actions(self) -> None:
        menu = self.menus["Turns"]
        for action in self.speaker_actions:
            menu.removeAction(action)
            self.removeAction(action)
        self.speaker_actions = []
        doc = self.view.doc
        if doc is None:
            return
        template = by_action("speaker").text
        for number, speaker in enumerate(doc.speakers[:9], 1):
            action = QAction(template.format(speaker=plaintext.menu_text(speaker.name)), self)
            action.setShortcut(QKeySequence(f"Alt+{number}"))
            action.triggered.connect(lambda _checked=False, name=speaker.name: self.give_turn(name))
            menu.insertAction(self._speaker_anchor, action)
            self.addAction(action)
            self.speaker_actions.append(action)

    # -- documents ------------------------------------------------------------

    def refresh_documents(self) -> None:
        self.documents.model.set_summaries(self.session.project.summaries())
        current = self.current_doc_id()
        if current is not None and current not in self.documents.ids_in_order():
            self.view.clear_document()
            self._document_loaded(None)
        if current is not None:
            self.documents.select(current)
        elif self.documents.ids_in_order():
            self.show_document(self.documents.ids_in_order()[0])
        self._update_counts()

    def current_doc_id(self) -> str | None:
        return self.view.doc.id if self.view.doc is not None else None

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
        self.view.show_document(doc, self.labels)
        self._document_loaded(doc)
        self.documents.select(doc_id)
        self.view.setFocus()
        settings.put("last_document", doc_id)
        self.documentShown.emit(doc_id)

    def _document_loaded(self, doc: Document | None) -> None:
        self.entities.set_document(doc)
        self.speakers.set_document(doc)
        self._build_speaker_actions()
        if self.find_bar.isVisible():
            self.find_bar.search()
        self._update_counts()
        title = f"{doc.title} — Razmetka" if doc else "Razmetka"
        self.setWindowTitle(f"{title} ({self.session.project.path.name})")

    def _ensure_shown(self, doc_id: str) -> bool:
        """Undo and redo can touch another document: show it, so the change is seen."""
        if self.current_doc_id() != doc_id:
            self.show_document(doc_id)
            return False
        return True

    def _spans_changed(self, doc_id: str, changed: list[Span], removed: list[int]) -> None:
        if self._ensure_shown(doc_id):
            self.view.update_spans(changed, removed)
            self.entities.set_document(self.view.doc)
        self._summary_changed(doc_id)

    def _turns_changed(self, doc_id: str) -> None:
        if self._ensure_shown(doc_id):
            project = self.session.project
            self.view.set_turns(project.turns(doc_id), project.speakers(doc_id))
            self.speakers.set_document(self.view.doc)
            self._build_speaker_actions()
            self.entities.set_document(self.view.doc)
        self._summary_changed(doc_id)

    def _status_changed(self, doc_id: str) -> None:
        if self.view.doc is not None and self.view.doc.id == doc_id:
            self.view.doc.status = self.session.project.status(doc_id)
        self._summary_changed(doc_id)

    def _summary_changed(self, doc_id: str) -> None:
        for summary in self.session.project.summaries(doc_id):
            self.documents.model.update_summary(summary)
        self._update_counts()

    def _labels_changed(self) -> None:
        self.labels = self.session.labels()
        self.legend.set_labels(self.labels)
        self.entities.set_labels(self.labels)
        self._build_tag_actions()
        doc_id = self.current_doc_id()
        self.view.set_labels(self.labels)
        if doc_id is not None:
            self.view.doc = None  # labels may have renamed spans: reload
            self.show_document(doc_id)

    def _update_counts(self) -> None:
        doc: Document | None = self.view.doc
        if doc is None:
            self.counts.setText("No document. File › Import transcripts… (Ctrl+I)")
            return
        visible = self.view.visible_spans()
        suggested = sum(1 for s in visible if s.status == "suggested")
        self.counts.setText(
            f"{doc.status.replace('_', ' ')} · {len(doc.turns)} turns · {len(visible)} spans ({suggested} to review)"
            f" · saved to {self.session.project.path.name}"
        )

    def _cursor_moved(self, offset: int) -> None:
        doc = self.view.doc
        index = self.view.turn_index_at(offset)
        parts = []
        if doc is not None and index is not None:
            parts.append(f"turn {index + 1}/{len(doc.turns)}: {doc.turns[index].speaker}")
        span = self.view.current_span()
        if span is not None:
            stacked = len(self.view.spans_at(offset))
            more = f" (1 of {stacked} here, Ctrl+. for the next)" if stacked > 1 else ""
            normal = f" → {span.normal}" if span.normal and span.normal != span.text else ""
            parts.append(f"{span.label} «{span.text}»{normal} — {span.status}{more}")
        self.span_info.setText("   ".join(parts))

    # -- entity edits -----------------------------------------------------------

    def _doc(self) -> Document | None:
        doc = self.view.doc
        if doc is None:
            self.statusBar().showMessage("Open a document first.", 4000)
        return doc

    def _doc_op(self, operation, spans, *args) -> None:
        doc = self._doc()
        if doc is not None and spans:
            operation(doc.id, spans, *args)

    def tag_selection(self, label: str) -> None:
        doc = self._doc()
        if doc is None:
            return
        cursor = self.view.textCursor()
        if not cursor.hasSelection():
            span = self.view.current_span()
            if span is None:
                self.statusBar().showMessage("Select words to tag, or put the cursor on a span to retag it.", 6000)
                return
            self.session.relabel(doc.id, [span], label)
            return
        start, end = self.view.selection_offsets()
        if self.session.tag(doc, start, end, label):
            cursor.clearSelection()
            cursor.setPosition(self.view.offsets.to_qt(end))
            self.view.setTextCursor(cursor)

    def accept_at_cursor(self) -> None:
        doc, span = self._doc(), self.view.current_span()
        if doc is not None:
            if span is None:
                self.statusBar().showMessage("No suggestion at the cursor.", 4000)
            else:
                self.session.accept(doc.id, [span])  # stays put, like Delete: Tab or F8 move on

    def remove_at_cursor(self) -> None:
        doc, span = self._doc(), self.view.current_span()
        if doc is not None:
            if span is None:
                self.statusBar().showMessage("No span at the cursor.", 4000)
            else:
                self.session.remove(doc.id, span)

    def cycle_span(self) -> None:
        if self.view.cycle_span() is not None:
            self._cursor_moved(self.view.cursor_offset())

    def resize_span(self, side: str, direction: int) -> None:
        doc, span = self._doc(), self.view.current_span()
        if doc is None or span is None:
            self.statusBar().showMessage("Put the cursor on a span to change its boundaries.", 4000)
            return
        if self.session.resize(doc, span, side, direction):
            changed = self.session.project.get_span(span.id)
            self.view.select_span(changed)

    def accept_turn(self) -> None:
        doc = self._doc()
        if doc is None:
            return
        index = self.view.turn_index_at(self.view.cursor_offset())
        if index is None:
            return
        turn = doc.turns[index]
        spans = [s for s in doc.spans if s.status == "suggested" and turn.start <= s.start < turn.end]
        self.session.accept(doc.id, spans, f"Accept {len(spans)} suggestion(s) in turn {index + 1}")

    def accept_document(self) -> None:
        doc = self._doc()
        if doc is not None:
            spans = [s for s in doc.spans if s.status == "suggested"]
            self.session.accept(doc.id, spans, f"Accept all {len(spans)} suggestion(s)")

    def propagate(self, span: Span | None = None) -> None:
        """Preview identical untagged text and tag it like ``span`` (the one at the cursor by default)."""
        doc = self._doc()
        span = span or self.view.current_span()
        if doc is None:
            return
        if span is None:
            self.statusBar().showMessage("Put the cursor on a tagged span to propagate its tag.", 6000)
            return
        hits = untagged_occurrences(doc, span.text, span.label)
        if not hits:
            self.statusBar().showMessage(f"No untagged «{span.text}» left in this document.", 6000)
            return
        dialog = PropagateDialog(doc.text, span.label, span.text, hits, self)
        dialog.setObjectName("propagateDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def apply() -> None:
            spans = [
                Span(s, e, span.label, doc.text[s:e], span.normal, "human", "accepted", self.session.annotator)
                for s, e in dialog.chosen()
            ]
            self.session.propagate(doc.id, spans)

        dialog.accepted.connect(apply)
        self._show_dialog(dialog)

    def rerun_model(self) -> None:
        doc = self._doc()
        if doc is not None and self.session.rerun_model(doc):
            self.statusBar().showMessage("Running the model again…", 4000)

    def _jump_to_span(self, span: Span) -> None:
        self.view.select_span(span)
        self.view.setFocus()

    def go_entity(self, forward: bool, suggested_only: bool = False, quiet: bool = False) -> None:
        span = self.view.neighbour_span(forward, suggested_only)
        if span is None:
            if not quiet:
                what = "unresolved suggestion" if suggested_only else "entity"
                self.statusBar().showMessage(f"No {'next' if forward else 'previous'} {what}.", 4000)
            return
        self.view.select_span(span)

    # -- turns and speakers -------------------------------------------------------

    def _current_turn_index(self) -> int | None:
        return self.view.turn_index_at(self.view.cursor_offset())

    def give_turn(self, speaker: str) -> None:
        doc = self._doc()
        index = self._current_turn_index()
        if doc is not None and index is not None:
            self.session.set_speaker(doc.id, [doc.turns[index]], speaker)

    def split_turn(self) -> None:
        doc = self._doc()
        if doc is not None:
            self.session.split(doc, self.view.cursor_offset())

    def merge_turn(self) -> None:
        doc = self._doc()
        index = self._current_turn_index()
        if doc is not None and index is not None:
            self.session.merge(doc, index)

    def realternate(self) -> None:
        doc = self._doc()
        index = self._current_turn_index()
        if doc is not None and index is not None:
            self.session.realternate(doc, index)

    def rename_speaker(self, speaker=None) -> None:
        doc = self._doc()
        if doc is None:
            return
        if speaker is None:
            index = self._current_turn_index()
            if index is None:
                return
            speaker = doc.speaker(doc.turns[index].speaker)
        dialog = QInputDialog(self)
        dialog.setObjectName("renameSpeakerDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle("Rename speaker")
        dialog.setLabelText(f"New name for {speaker.name} (every turn follows):")
        plaintext.plain_labels(dialog)
        dialog.setTextValue(speaker.name)
        dialog.textValueSelected.connect(lambda name: self.session.update_speaker(doc.id, speaker, name, speaker.role))
        self._show_dialog(dialog)

    def _set_role(self, speaker, role: str) -> None:
        doc = self._doc()
        if doc is not None:
            self.session.update_speaker(doc.id, speaker, speaker.name, role)

    def add_speaker(self) -> None:
        doc = self._doc()
        if doc is None:
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("addSpeakerDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle("Add speaker")
        dialog.setLabelText("Name of the new speaker (role: other; change it in the Speakers panel):")
        dialog.textValueSelected.connect(lambda name: self.session.add_speaker(doc.id, name, ROLES[-1]))
        self._show_dialog(dialog)

    # -- navigation ------------------------------------------------------------------

    def goto_turn(self) -> None:
        doc = self._doc()
        if doc is None or not doc.turns:
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("gotoTurnDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle("Go to turn")
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(1, len(doc.turns))
        dialog.setIntValue((self._current_turn_index() or 0) + 1)
        dialog.setLabelText(f"Turn number (1–{len(doc.turns)}):")

        def go(number: int) -> None:
            turn = doc.turns[number - 1]
            self.view.move_to_offset(turn.content_start)
            self.view.setFocus()

        dialog.intValueSelected.connect(go)
        self._show_dialog(dialog)

    def cycle_focus(self, forward: bool) -> None:
        """F6 / Shift+F6: transcript → documents → speakers → entities → history → transcript."""
        panels = [self.view, self.documents, self.speakers, self.entities, self.history]
        panels = [p for p in panels if p is self.view or p.isVisible()]
        focused = self.focusWidget()
        index = next((i for i, p in enumerate(panels) if focused is p or p.isAncestorOf(focused)), 0)
        target = panels[(index + (1 if forward else -1)) % len(panels)]
        for dock in self.docks.values():
            if dock.widget() is target:
                dock.raise_()
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def step_document(self, step: int) -> None:
        ids = [
            self.documents.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1)
            for r in range(self.documents.proxy.rowCount())
        ]
        if not ids:
            return
        current = self.current_doc_id()
        index = ids.index(current) if current in ids else -step
        self.show_document(ids[(index + step) % len(ids)])

    def done_and_next(self) -> None:
        doc = self._doc()
        if doc is None:
            return
        self.session.set_status(doc.id, "done")
        following = self.session.project.next_document(after=doc.id)
        if following is None:
            self.statusBar().showMessage("Every document is done.", 8000)
            return
        self.show_document(following)
        self.statusBar().showMessage(f"{doc.title} is done. Next: {self.view.doc.title}", 6000)

    # -- dialogs ------------------------------------------------------------------

    def search_all(self) -> None:
        dialog = SearchDialog(self.session.project, self)
        dialog.setObjectName("searchDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen(doc_id: str, start: int, end: int) -> None:
            self.show_document(doc_id)
            self.view.select_offsets(start, end)
            self.view.centerCursor()
            self.view.setFocus()

        dialog.hitChosen.connect(chosen)
        self._show_dialog(dialog)
        self._search_dialog = dialog

    def edit_labels(self) -> None:
        dialog = LabelDialog(self.session, self)
        dialog.setObjectName("labelDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._show_dialog(dialog)
        self._label_dialog = dialog

    def import_dialog(self) -> None:
        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        box = QMessageBox(
            QMessageBox.Icon.Question, "Import", "Import files, or every transcript in a folder?", parent=self
        )
        files_button = box.addButton("Files…", QMessageBox.ButtonRole.AcceptRole)
        folder_button = box.addButton("Folder…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is files_button:
            files, _ = QFileDialog.getOpenFileNames(self, "Import transcripts", "", f"Transcripts ({patterns})")
            if files:
                self.session.import_files(files)
        elif box.clickedButton() is folder_button:
            folder = QFileDialog.getExistingDirectory(self, "Import every transcript in a folder")
            if folder:
                self.session.import_files([folder])

    def export_dialog(self) -> None:
        dialog = ExportDialog(self.labels, self.session.project.path.parent, self)
        dialog.setObjectName("exportDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.session.export(dialog.options()))
        self._show_dialog(dialog)

    def _export_progress(self, done: int, total: int) -> None:
        self.progress.setVisible(done < total)
        self.cancel_button.setVisible(done < total)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.statusBar().showMessage(f"Exporting {done} of {total} documents…")

    def _export_finished(self, report, error: str) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        if error:
            self.statusBar().clearMessage()
            plaintext.message(self, "Export", error)
        else:
            self.statusBar().showMessage(" · ".join(report.lines()), 15000)

    def _cancel_job(self) -> None:
        self.session.cancel_import()
        self.session.cancel_export()

    def annotator_dialog(self) -> None:
        dialog = QInputDialog(self)
        dialog.setObjectName("annotatorDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle("Annotator name")
        dialog.setLabelText("The name recorded on every span you tag, accept or reject:")
        dialog.setTextValue(self.session.annotator)
        dialog.textValueSelected.connect(self.set_annotator)
        self._show_dialog(dialog)

    def set_annotator(self, name: str) -> None:
        name = name.strip()
        if name:
            self.session.annotator = name
            settings.put("annotator", name)
            self.statusBar().showMessage(f"Spans you change are now recorded as {name}'s.", 6000)

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Open or create a project",
            str(self.session.project.path.parent),
            "Razmetka project (*.db *.sqlite)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.open_project(Path(path))

    def open_project(self, path: Path) -> None:
        try:
            self.session.open_project(path)
        except StorageError as exc:
            plaintext.message(self, "Razmetka", str(exc))
            return
        self.view.clear_document()
        self._document_loaded(None)
        settings.put("last_project", str(path))
        self.refresh_documents()

    def show_shortcuts(self) -> None:
        dialog = QDialog(self)
        dialog.setObjectName("shortcutsDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle("Keyboard shortcuts")
        table = QTableWidget(len(rows()), 3, dialog)
        table.setHorizontalHeaderLabels(["Keys", "Menu", "What it does"])
        for r, values in enumerate(rows()):
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(value))
        table.verticalHeader().setVisible(False)
        table.setWordWrap(True)
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        dialog.resize(900, 720)
        self._show_dialog(dialog)

    def _show_dialog(self, dialog: QDialog) -> None:
        """Open a dialog without blocking and give it the keyboard; when it closes, give it back.

        A window manager would do this; with none (Xvfb, kiosks) nothing else does.
        """
        dialog.finished.connect(self._dialog_closed)
        dialog.open()
        dialog.activateWindow()
        dialog.raise_()

    def _dialog_closed(self, _result: int = 0) -> None:
        self.activateWindow()
        self.view.setFocus()

    def _view_menu(self, pos) -> None:
        """The transcript's context menu: tags for the selection, actions for the span under the cursor."""
        menu = QMenu(self)
        tag_menu = menu.addMenu("Tag selection as" if self.view.textCursor().hasSelection() else "Retag span as")
        tag_menu.addActions(self.tag_actions)
        for action_id in ("accept", "remove", "cycle", "propagate", None, "split", "merge", "realternate"):
            if action_id is None:
                menu.addSeparator()
            else:
                menu.addAction(self.actions_by_id[action_id])
        speaker_menu = menu.addMenu("Give turn to")
        speaker_menu.addActions(self.speaker_actions)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # -- import progress ----------------------------------------------------------

    def _import_progress(self, done: int, total: int, current: str) -> None:
        running = bool(current) and done < total
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        if running:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.statusBar().showMessage(f"Importing {Path(current).name} ({done + 1} of {total})…")

    def _import_finished(self, report: ImportReport) -> None:
        """Show the first file's document (imported now or already there) and say what went wrong."""
        self.progress.hide()
        self.cancel_button.hide()
        self.statusBar().clearMessage()
        self.refresh_documents()
        first = next(iter([f.id for f in report.imported] + [s.existing for s in report.skipped if s.existing]), None)
        if first:
            self.show_document(first)
        notes = [f"{Path(f.file).name}: {note}" for f in report.imported for note in f.notes]
        if report.failed:
            messages = [f.message for f in report.failed]
            box = QMessageBox(QMessageBox.Icon.Warning, "Razmetka", "", parent=self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setText("Some files could not be imported.")
            box.setObjectName("importErrors")
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setInformativeText("\n".join(messages[:5]))
            box.setDetailedText("\n".join(messages))
            box.open()
        elif report.cancelled:
            self.statusBar().showMessage(f"Import cancelled; {len(report.imported)} file(s) were imported.", 10000)
        elif notes:
            self.statusBar().showMessage(" · ".join(notes), 10000)

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

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        settings.put("geometry", self.saveGeometry())
        settings.put("state", self.saveState())
        settings.put("last_project", str(self.session.project.path))
        settings.put("document_filter", self.documents.filter_box.currentData())
        self.session.cancel_import()  # what finished stays; the file being read finishes first
        self.session.cancel_export()  # an unfinished export writes nothing
        self.session.runner.wait(30000)
        super().closeEvent(event)
