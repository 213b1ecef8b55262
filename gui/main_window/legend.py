"""The legend bar: one chip per label (hotkey, name, colour) and how suggestions look."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from annotation.model import Label

from .. import plaintext
from ..theme import MUTED_TEXT


class Legend(QWidget):
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
        hint = QLabel(self.tr("solid = accepted · pale, dotted = suggestion · overline = nested"))
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setStyleSheet(f"color: {MUTED_TEXT}; padding-left: 10px;")
        self._layout.addWidget(hint)
        self._layout.addStretch(1)
