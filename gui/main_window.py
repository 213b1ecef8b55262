"""The main window: document list, transcript view, legend and status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from annotation.model import Document, Label
from annotation.readers import SUPPORTED_SUFFIXES
from storage import DocumentSummary, StorageError

from .session import ImportReport, Session
from .shortcuts import SHORTCUTS, by_action, rows
from .transcript_view import TranscriptView

DOC_ID_ROLE = Qt.ItemDataRole.UserRole


def _item_text(summary: DocumentSummary) -> str:
    flag = "  ⚠ low confidence" if summary.low_confidence else ""
    status = summary.status.replace("_", " ")
    return f"{summary.title}\n{status} · {summary.turns} turns · {summary.spans} spans{flag}"


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
            chip.setToolTip(label.description)
            chip.setStyleSheet(f"background: {label.color}; color: black; padding: 2px 6px; border-radius: 3px;")
            self._layout.addWidget(chip)
        hint = QLabel("solid = accepted · pale, dotted = model suggestion")
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
        self.resize(1200, 800)
        self.labels: list[Label] = session.labels()

        self.doc_list = QListWidget()
        self.doc_list.setObjectName("documentList")
        self.doc_list.currentItemChanged.connect(self._doc_selected)
        self.view = TranscriptView()
        self.view.setObjectName("transcriptView")
        self.view.cursorOffsetChanged.connect(self._cursor_moved)
        splitter = QSplitter()
        splitter.addWidget(self.doc_list)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 960])
        self.setCentralWidget(splitter)

        self.legend = Legend()
        legend_bar = QToolBar("Legend")
        legend_bar.setObjectName("legendBar")
        legend_bar.setMovable(False)
        legend_bar.addWidget(self.legend)
        self.addToolBar(legend_bar)
        self.legend.set_labels(self.labels)

        self.counts = QLabel()
        self.span_info = QLabel()
        self.model_state = QLabel("NER model: loading…")
        for widget in (self.counts, self.span_info, self.model_state):
            widget.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.counts)
        self.statusBar().addWidget(self.span_info, 1)
        self.statusBar().addPermanentWidget(self.model_state)

        self.actions_by_id: dict[str, QAction] = {}
        self.tag_actions: list[QAction] = []
        self._build_menus()

        session.documentsChanged.connect(self.refresh_documents)
        session.documentChanged.connect(self._document_changed)
        session.modelReady.connect(lambda: self.model_state.setText("NER model: ready"))
        session.importFinished.connect(self._import_finished)
        session.importProgress.connect(self._import_progress)
        session.editRefused.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        self.refresh_documents()

    # -- menus, generated from the shortcut table -----------------------------

    def _build_menus(self) -> None:
        handlers = {
            "import": self.import_dialog,
            "open_project": self.open_project_dialog,
            "quit": self.close,
            "undo": self.session.undo_stack.undo,
            "redo": self.session.undo_stack.redo,
            "remove": self.remove_at_cursor,
            "shortcuts": self.show_shortcuts,
        }
        menus: dict[str, object] = {}
        for shortcut in SHORTCUTS:
            menu = menus.get(shortcut.menu) or menus.setdefault(shortcut.menu, self.menuBar().addMenu(shortcut.menu))
            if shortcut.action == "tag":
                self._tag_menu = menu
                continue
            action = QAction(shortcut.text, self)
            action.setShortcut(QKeySequence(shortcut.keys))
            action.setStatusTip(shortcut.help)
            action.triggered.connect(handlers[shortcut.action])
            menu.addAction(action)  # type: ignore[attr-defined]
            self.addAction(action)
            self.actions_by_id[shortcut.action] = action
        self.session.undo_stack.canUndoChanged.connect(self.actions_by_id["undo"].setEnabled)
        self.session.undo_stack.canRedoChanged.connect(self.actions_by_id["redo"].setEnabled)
        self.actions_by_id["undo"].setEnabled(False)
        self.actions_by_id["redo"].setEnabled(False)
        self._build_tag_actions()

    def _build_tag_actions(self) -> None:
        for action in self.tag_actions:
            self._tag_menu.removeAction(action)  # type: ignore[attr-defined]
            self.removeAction(action)
        self.tag_actions = []
        template = by_action("tag").text
        for label in self.labels:
            action = QAction(template.format(label=label.name), self)
            if label.hotkey:
                action.setShortcut(QKeySequence(label.hotkey))
            action.setStatusTip(label.description)
            action.triggered.connect(lambda _checked=False, name=label.name: self.tag_selection(name))
            self._tag_menu.addAction(action)  # type: ignore[attr-defined]
            self.addAction(action)
            self.tag_actions.append(action)

    # -- documents ------------------------------------------------------------

    def refresh_documents(self) -> None:
        current = self.current_doc_id()
        self.doc_list.blockSignals(True)
        self.doc_list.clear()
        for summary in self.session.project.summaries():
            item = QListWidgetItem(_item_text(summary))
            item.setData(DOC_ID_ROLE, summary.id)
            if summary.low_confidence:
                item.setToolTip(f"Turns were found with low confidence ({summary.layout} layout); check the speakers.")
            self.doc_list.addItem(item)
            if summary.id == current:
                self.doc_list.setCurrentItem(item)
        self.doc_list.blockSignals(False)
        if self.current_doc_id() is None and self.doc_list.count():
            self.doc_list.setCurrentRow(0)
        elif self.doc_list.count() == 0:
            self.view.clear_document()
            self._update_counts()

    def current_doc_id(self) -> str | None:
        item = self.doc_list.currentItem()
        return item.data(DOC_ID_ROLE) if item else None

    def show_document(self, doc_id: str) -> None:
        for row in range(self.doc_list.count()):
            if self.doc_list.item(row).data(DOC_ID_ROLE) == doc_id:
                if self.doc_list.currentRow() == row and self.view.doc and self.view.doc.id == doc_id:
                    return
                self.doc_list.setCurrentRow(row)
                return

    def _doc_selected(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        doc_id = item.data(DOC_ID_ROLE)
        try:
            doc = self.session.project.load_document(doc_id)
        except StorageError as exc:
            QMessageBox.warning(self, "Razmetka", str(exc))
            return
        self.view.show_document(doc, self.labels)
        self.view.setFocus()
        self._update_counts()
        self.documentShown.emit(doc_id)

    def _document_changed(self, doc_id: str) -> None:
        if self.view.doc is None or self.view.doc.id != doc_id:
            self.show_document(doc_id)  # undo in another document shows that document
        if self.view.doc is not None and self.view.doc.id == doc_id:
            self.view.set_spans(self.session.project.spans(doc_id))
        self._update_counts()
        self._refresh_list_item(doc_id)

    def _refresh_list_item(self, doc_id: str) -> None:
        for summary in self.session.project.summaries():
            if summary.id != doc_id:
                continue
            for row in range(self.doc_list.count()):
                item = self.doc_list.item(row)
                if item.data(DOC_ID_ROLE) == doc_id:
                    item.setText(_item_text(summary))

    def _update_counts(self) -> None:
        doc: Document | None = self.view.doc
        if doc is None:
            self.counts.setText("No document. File › Import transcripts… (Ctrl+I)")
            return
        visible = doc.visible_spans()
        suggested = sum(1 for s in visible if s.status == "suggested")
        self.counts.setText(
            f"{len(doc.turns)} turns · {len(visible)} spans ({suggested} suggested)"
            f" · saved to {self.session.project.path.name}"
        )

    def _cursor_moved(self, offset: int) -> None:
        spans = self.view.spans_at(offset)
        doc = self.view.doc
        turn = doc.turn_at(offset) if doc else None
        parts = []
        if turn is not None:
            parts.append(f"turn {doc.turns.index(turn) + 1}: {turn.speaker}")  # type: ignore[union-attr]
        if spans:
            span = spans[0]
            parts.append(f"{span.label} «{span.text}» — {span.status}, {span.origin}")
        self.span_info.setText("   ".join(parts))

    # -- edits ----------------------------------------------------------------

    def tag_selection(self, label: str) -> None:
        doc = self.view.doc
        if doc is None or doc.id is None:
            return
        start, end = self.view.selection_offsets()
        self.session.tag(doc.id, doc.text, start, end, label)

    def remove_at_cursor(self) -> None:
        doc = self.view.doc
        if doc is None or doc.id is None:
            return
        spans = self.view.spans_at(self.view.cursor_offset())
        if not spans:
            self.statusBar().showMessage("No span at the cursor.", 4000)
            return
        self.session.remove(doc.id, spans[0])

    # -- dialogs --------------------------------------------------------------

    def import_dialog(self) -> None:
        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        files, _ = QFileDialog.getOpenFileNames(self, "Import transcripts", "", f"Transcripts ({patterns})")
        if files:
            self.session.import_files(files)

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Open or create a project",
            str(self.session.project.path.parent),
            "Razmetka project (*.db *.sqlite)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not path:
            return
        try:
            self.session.open_project(Path(path))
        except StorageError as exc:
            QMessageBox.warning(self, "Razmetka", str(exc))
            return
        self.labels = self.session.labels()
        self.legend.set_labels(self.labels)
        self._build_tag_actions()
        self.view.clear_document()
        self.refresh_documents()

    def show_shortcuts(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle("Keyboard shortcuts")
        table = QTableWidget(len(rows()), 3, dialog)
        table.setHorizontalHeaderLabels(["Keys", "Menu", "What it does"])
        for r, values in enumerate(rows()):
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(value))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        dialog.resize(640, 360)
        dialog.open()

    def _import_progress(self, done: int, total: int) -> None:
        if done < total:
            self.statusBar().showMessage(f"Importing {done + 1} of {total}…")

    def _import_finished(self, report: ImportReport) -> None:
        self.statusBar().clearMessage()
        self.refresh_documents()
        if report.first:
            self.show_document(report.first)
        if report.failed:
            box = QMessageBox(QMessageBox.Icon.Warning, "Razmetka", "Some files could not be imported.", parent=self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setDetailedText("\n".join(report.failed))
            box.setInformativeText("\n".join(report.failed[:5]))
            box.open()
        elif report.notes:
            self.statusBar().showMessage(" ".join(report.notes), 10000)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.session.runner.wait(10000)
        super().closeEvent(event)
