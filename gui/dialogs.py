"""Small dialogs: search all documents, propagate a tag, go to a turn, speaker names."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from storage import Project

HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchDialog(QDialog):
    """Ctrl+Shift+F: full-text search over every document of the project."""

    hitChosen = Signal(str, int, int)  # doc id, start, end

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Search all documents"))
        self.project = project
        self.edit = QLineEdit()
        self.edit.setObjectName("searchAllEdit")
        self.edit.setPlaceholderText(self.tr("Words to find — inflected forms and ё/е variants match too"))
        self.edit.returnPressed.connect(self.run)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.itemActivated.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self.resize(720, 480)

    def run(self) -> None:
        self.results.clear()
        query = self.edit.text().strip()
        if not query:
            return
        hits = self.project.search(query)
        self.summary.setText(self.tr("%n turn(s) found", None, len(hits)) if hits else self.tr("Nothing found."))
        for hit in hits:
            item = QListWidgetItem(
                self.tr("{title} · turn {number}\n{snippet}").format(
                    title=hit.title, number=hit.turn_index + 1, snippet=hit.snippet
                )
            )
            item.setData(HIT_ROLE, (hit.doc_id, hit.start, hit.end))
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
            self.results.setFocus()

    def _chosen(self, item: QListWidgetItem) -> None:
        doc_id, start, end = item.data(HIT_ROLE)
        self.hitChosen.emit(doc_id, start, end)
        self.accept()


class PropagateDialog(QDialog):
    """A preview of the untagged matches a tag would be copied to, each with its context."""

    def __init__(self, text: str, label: str, surface: str, hits: list[tuple[int, int]], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tag «{surface}» as {label}").format(surface=surface, label=label))
        self.hits = hits
        info = QLabel(
            self.tr(
                "Tag %n untagged occurrence(s) of «{surface}» as {label}? Untick any to leave alone.", None, len(hits)
            ).format(surface=surface, label=label)
        )
        info.setTextFormat(Qt.TextFormat.PlainText)
        info.setWordWrap(True)
        self.table = QTableWidget(len(hits), 1, self)
        self.table.setObjectName("propagateTable")
        self.table.horizontalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, (start, end) in enumerate(hits):
            left = text[max(0, start - 40) : start].replace("\n", " ")
            right = text[end : end + 40].replace("\n", " ")
            item = QTableWidgetItem(f"…{left}[{text[start:end]}]{right}…")
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(row, 0, item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Tag {n}").format(n=len(hits)))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def chosen(self) -> list[tuple[int, int]]:
        return [
            hit for row, hit in enumerate(self.hits) if self.table.item(row, 0).checkState() == Qt.CheckState.Checked
        ]
