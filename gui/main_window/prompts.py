"""Dialogs the window opens: the boilerplate written once, and the small prompts built on it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from storage import StorageError

from .. import plaintext, settings
from ..shortcuts import Action, rows
from ..translations import translate
from .actions import handles


class PromptsMixin:
    """Needs ``self.session`` and ``self.view``; part of :class:`MainWindow`."""

    def show_dialog(self, dialog: QDialog, name: str) -> QDialog:
        """Open a dialog without blocking, deleted when closed, with the keyboard; when it closes, give it back.

        A window manager would hand the focus around; with none (Xvfb, kiosks) nothing else does.
        """
        dialog.setObjectName(name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()
        dialog.activateWindow()
        dialog.raise_()
        return dialog

    def _dialog_closed(self, _result: int = 0) -> None:
        self.activateWindow()
        self.view.setFocus()

    def ask_text(self, name: str, title: str, prompt: str, value: str, done: Callable[[str], None]) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setLabelText(prompt)
        plaintext.plain_labels(dialog)
        dialog.setTextValue(value)
        dialog.textValueSelected.connect(done)
        return self.show_dialog(dialog, name)

    def ask_number(self, name: str, title: str, prompt: str, value: int, top: int, done: Callable[[int], None]) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(1, top)
        dialog.setIntValue(value)
        dialog.setLabelText(prompt)
        dialog.intValueSelected.connect(done)
        self.show_dialog(dialog, name)

    def say(self, message: str, msecs: int = 6000) -> None:
        self.statusBar().showMessage(message, msecs)

    # -- File --------------------------------------------------------------------

    @handles(Action.ANNOTATOR)
    def annotator_dialog(self) -> None:
        self.ask_text(
            "annotatorDialog",
            translate("Prompts", "Annotator name"),
            translate("Prompts", "The name recorded on every span you tag, accept or reject:"),
            self.session.annotator,
            self.set_annotator,
        )

    def set_annotator(self, name: str) -> None:
        name = name.strip()
        if name:
            self.session.annotator = name
            settings.put("annotator", name)
            self.say(translate("Prompts", "Spans you change are now recorded as {name}'s.").format(name=name))

    @handles(Action.OPEN_PROJECT)
    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("Prompts", "Open or create a project"),
            str(self.session.project.path.parent),
            translate("Prompts", "Razmetka project (*.db *.sqlite)"),
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
        settings.put("last_project", str(path))
        self.refresh_documents()
        self.watch_project()

    @handles(Action.QUIT)
    def quit_window(self) -> None:
        self.close()

    # -- Help --------------------------------------------------------------------

    @handles(Action.SHORTCUTS)
    def show_shortcuts(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(translate("Prompts", "Keyboard shortcuts"))
        table = QTableWidget(len(rows()), 3, dialog)
        table.setHorizontalHeaderLabels(
            [translate("Prompts", "Keys"), translate("Prompts", "Menu"), translate("Prompts", "What it does")]
        )
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
        self.show_dialog(dialog, "shortcutsDialog")
