"""The label schema dialog: name, colour, hotkey and description of each label.

Each change becomes an undoable edit when the dialog is accepted.  Renaming or
deleting a label that spans use asks what should happen to those spans.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotation.edits import Refusal
from annotation.label_edits import plan_labels
from annotation.model import Label, ModelError

from .plaintext import message
from .session import Session
from .theme import LABEL_FALLBACK, PALETTE

COLUMNS = (
    QT_TRANSLATE_NOOP("LabelDialog", "Name"),
    QT_TRANSLATE_NOOP("LabelDialog", "Colour"),
    QT_TRANSLATE_NOOP("LabelDialog", "Hotkey"),
    QT_TRANSLATE_NOOP("LabelDialog", "Description"),
)
ORIGINAL_ROLE = Qt.ItemDataRole.UserRole + 1


class LabelDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Label schema"))
        self.session = session
        self.deleted: list[Label] = []
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("labelTable")
        self.table.setHorizontalHeaderLabels([self.tr(column) for column in COLUMNS])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(self._double_clicked)
        for label in session.labels():
            self._add_row(label, original=label)
        add = QPushButton(self.tr("&Add label"))
        add.clicked.connect(self.add_label)
        remove = QPushButton(self.tr("&Delete label"))
        remove.clicked.connect(self.delete_current)
        colour = QPushButton(self.tr("&Colour…"))
        colour.clicked.connect(lambda: self.choose_colour(self.table.currentRow()))
        row_buttons = QHBoxLayout()
        for button in (add, remove, colour):
            row_buttons.addWidget(button)
        row_buttons.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(buttons)
        self.resize(720, 360)

    # -- rows -----------------------------------------------------------------

    def _add_row(self, label: Label, original: Label | None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(label.name)
        name.setData(ORIGINAL_ROLE, original)
        self.table.setItem(row, 0, name)
        colour = QTableWidgetItem(label.color)
        colour.setBackground(QColor(label.color))
        self.table.setItem(row, 1, colour)
        self.table.setItem(row, 2, QTableWidgetItem(label.hotkey))
        self.table.setItem(row, 3, QTableWidgetItem(label.description))
        return row

    def row_fields(self, row: int) -> tuple[str, str, str, str]:
        """The row as typed: name, colour, hotkey, description (not yet checked)."""

        def text(column: int) -> str:
            item = self.table.item(row, column)
            return item.text().strip() if item else ""

        return text(0), text(1) or LABEL_FALLBACK, text(2), text(3)

    def row_label(self, row: int) -> Label:
        return Label(*self.row_fields(row))

    def add_label(self) -> None:
        used = {self.row_fields(r)[2] for r in range(self.table.rowCount())}
        hotkey = next((k for k in "123456789" if k not in used), "")
        row = self._add_row(Label("NEW", PALETTE[self.table.rowCount() % len(PALETTE)], hotkey, ""), None)
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def delete_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        original = self.table.item(row, 0).data(ORIGINAL_ROLE)
        if original is not None:
            self.deleted.append(original)
        self.table.removeRow(row)

    def choose_colour(self, row: int) -> None:
        if row < 0:
            return
        colour = QColorDialog.getColor(QColor(self.row_fields(row)[1]), self, self.tr("Label colour"))
        if colour.isValid():
            item = self.table.item(row, 1)
            item.setText(colour.name())
            item.setBackground(colour)

    def _double_clicked(self, row: int, column: int) -> None:
        if column == 1:
            self.choose_colour(row)

    # -- applying -------------------------------------------------------------

    def problems(self) -> list[str]:
        rows = [self.row_fields(r) for r in range(self.table.rowCount())]
        names = [name for name, *_ in rows]
        hotkeys = [hotkey for _, _, hotkey, _ in rows if hotkey]
        found = []
        if len(set(names)) != len(names):
            found.append(self.tr("Label names must be different."))
        if len(set(hotkeys)) != len(hotkeys):
            found.append(self.tr("Two labels share a hotkey."))
        for fields in rows:
            try:  # the model's own rule for a label (annotation.model.Label)
                Label(*fields)
            except ModelError as exc:
                found.append(str(exc)[:1].upper() + str(exc)[1:] + ".")
        return found

    def accept(self) -> None:
        """The whole dialog is one edit (one undo entry): deletions, then changes, then new labels."""
        problems = self.problems()
        if problems:
            message(self, self.tr("Label schema"), "\n".join(problems))
            return
        project = self.session.project
        deleted = []
        for label in self.deleted:
            used = project.label_usage(label.name)
            if not used:
                deleted.append((label, "refuse", None))
                continue
            choice = self.ask_spans(label, used)
            if choice is not None:
                deleted.append((label, *choice))
        rows = []
        for row in range(self.table.rowCount()):
            original = self.table.item(row, 0).data(ORIGINAL_ROLE)
            label = self.row_label(row)
            if original is not None and label.name != original.name and project.label_usage(original.name):
                used = project.label_usage(original.name)
                question = self.tr(
                    "%n span(s) are tagged {old}. Rename the label and retag them all as {new}?", None, used
                ).format(old=original.name, new=label.name)
                if not self._yes(self.tr("Rename label"), question):
                    label = original
            rows.append((original, label))
        plan = plan_labels(self.session.labels(), rows, deleted)
        if not isinstance(plan, Refusal) or plan.message != "The labels are as they were.":
            if not self.session.push(plan):
                return  # the status bar says why; the dialog stays open to fix it
        super().accept()

    def _yes(self, title: str, question: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # names come from files (DESIGN.md)
        box.setText(question)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def ask_spans(self, label: Label, used: int) -> tuple[str, str | None] | None:
        """Ask what to do with the spans of a label being deleted: delete, relabel, or keep the label."""
        others = [lab.name for lab in self.session.labels() if lab.name != label.name]
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Delete label"), "", parent=self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("%n span(s) are tagged {label}.", None, used).format(label=label.name))
        box.setInformativeText(self.tr("Delete those spans too, or move them to another label?"))
        delete = box.addButton(self.tr("Delete the spans"), QMessageBox.ButtonRole.DestructiveRole)
        move = box.addButton(self.tr("Move to another label…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep the label"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is delete:
            return ("delete", None)
        if box.clickedButton() is move and others:
            target, ok = QInputDialog.getItem(
                self,
                self.tr("Move spans"),
                self.tr("Retag the {label} spans as:").format(label=label.name),
                others,
                0,
                False,
            )
            if ok:
                return ("relabel", target)
        return None
