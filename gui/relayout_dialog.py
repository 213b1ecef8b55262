"""Turns › Re-detect layout…: choose a layout, preview the turns it finds, apply them as one undoable edit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from annotation.changes import ReplaceTurns, flatten
from annotation.edits import Plan, Refusal, plan_relayout
from annotation.layouts import LAYOUTS
from annotation.model import Document

from .translations import refusal_text, word

PREVIEW_TURNS = 200


class RelayoutDialog(QDialog):
    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Re-detect layout"))
        self.resize(640, 520)
        self.doc = doc
        self.plan: Plan = Refusal("Choose a layout.")
        self.choice = QComboBox()
        self.choice.setObjectName("layoutChoice")
        self.choice.addItem(self.tr("Detect again"), None)
        for name in LAYOUTS:
            self.choice.addItem(name, name)
        self.summary = QLabel()
        self.summary.setObjectName("layoutSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.preview = QListWidget()
        self.preview.setObjectName("turnPreview")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        current = QLabel(
            self.tr(
                "Now: {layout} layout, confidence {confidence}, {turns} turns. "
                "The text and every span stay as they are."
            ).format(layout=doc.source.layout or "?", confidence=f"{doc.source.confidence:.2f}", turns=len(doc.turns))
        )
        current.setTextFormat(Qt.TextFormat.PlainText)
        current.setWordWrap(True)
        for widget in (current, self.choice, self.summary, self.preview, self.buttons):
            layout.addWidget(widget)
        self.choice.currentIndexChanged.connect(self.update_preview)
        self.update_preview()

    def update_preview(self) -> None:
        self.plan = plan_relayout(self.doc, self.choice.currentData())
        self.preview.clear()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if isinstance(self.plan, Refusal):
            self.summary.setText(refusal_text(self.plan))
            ok.setEnabled(False)
            return
        found = next(part for part in flatten(self.plan) if isinstance(part, ReplaceTurns))
        speakers = {s.name: s.role for s in found.speakers}
        self.summary.setText(
            self.tr("{layout} layout, confidence {confidence}: {turns} turns, {count} speakers ({speakers}).").format(
                layout=found.layout,
                confidence=f"{found.confidence:.2f}",
                turns=len(found.turns),
                count=len(found.speakers),
                speakers=", ".join(f"{n} — {word(r)}" for n, r in speakers.items()),
            )
        )
        for turn in found.turns[:PREVIEW_TURNS]:
            words = " ".join(self.doc.text[turn.content_start : turn.end].split()[:12])
            self.preview.addItem(f"{turn.speaker}: {words}…")
        ok.setEnabled(True)
