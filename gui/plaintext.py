"""Text from transcripts and files is shown as plain text, never as HTML (DESIGN.md).

Qt guesses: a QLabel, a message box or a tool tip whose text looks like markup is
rendered as rich text.  Everything that can carry a name from a file goes
through these helpers.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def tooltip(text: str) -> str:
    """A tool tip that shows ``text`` literally (tool tips have no plain-text switch)."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def plain_labels(widget: QWidget) -> None:
    """Make every label inside ``widget`` (a QInputDialog, say) show plain text."""
    for label in widget.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)


def message(parent: QWidget | None, title: str, text: str, icon=QMessageBox.Icon.Warning) -> QMessageBox:
    """A non-blocking message box with plain text."""
    box = QMessageBox(icon, title, "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.open()
    return box


def menu_text(text: str) -> str:
    """A name in a menu: ``&`` would otherwise mark a mnemonic."""
    return text.replace("&", "&&")
