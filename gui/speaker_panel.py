"""The document's speakers: who has how many turns, their roles, rename and add."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QMenu, QPushButton, QVBoxLayout, QWidget

from annotation.model import ROLES, Document, Speaker

from .translations import word

SPEAKER_ROLE = Qt.ItemDataRole.UserRole + 1


class SpeakerPanel(QWidget):
    """Requests go out as signals; the window turns them into undoable edits."""

    assignRequested = Signal(str)  # give the current turn to this speaker
    renameRequested = Signal(object)  # Speaker
    roleRequested = Signal(object, str)  # Speaker, role
    addRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("speakerList")
        self.list.itemActivated.connect(lambda item: self.assignRequested.emit(item.data(SPEAKER_ROLE).name))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        give = QPushButton(self.tr("Give turn"))
        give.setToolTip(self.tr("Give the current turn to the selected speaker (Enter, or Alt+number)"))
        give.clicked.connect(self._give)
        rename = QPushButton(self.tr("Rename…"))
        rename.clicked.connect(lambda: self._selected() and self.renameRequested.emit(self._selected()))
        role = QPushButton(self.tr("Role ▾"))
        role.clicked.connect(
            lambda: (
                self._menu(self.list.visualItemRect(self.list.currentItem()).center())
                if self.list.currentItem()
                else None
            )
        )
        add = QPushButton(self.tr("Add…"))
        add.clicked.connect(self.addRequested.emit)
        buttons = QHBoxLayout()
        for button in (give, rename, role, add):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.setFocusProxy(self.list)

    def set_document(self, doc: Document | None) -> None:
        current = self._selected()
        self.list.clear()
        if doc is None:
            return
        counts: dict[str, int] = {}
        for turn in doc.turns:
            counts[turn.speaker] = counts.get(turn.speaker, 0) + 1
        for number, speaker in enumerate(doc.speakers, 1):
            key = f"Alt+{number}  " if number <= 9 else ""
            count = counts.get(speaker.name, 0)
            turns = self.tr("{n} turn").format(n=count) if count == 1 else self.tr("%n turns", None, count)
            item = QListWidgetItem(f"{key}{speaker.name} — {word(speaker.role)} · {turns}")
            item.setData(SPEAKER_ROLE, speaker)
            self.list.addItem(item)
            if current is not None and current.name == speaker.name:
                self.list.setCurrentItem(item)

    def _selected(self) -> Speaker | None:
        item = self.list.currentItem()
        return item.data(SPEAKER_ROLE) if item else None

    def _give(self) -> None:
        speaker = self._selected()
        if speaker is not None:
            self.assignRequested.emit(speaker.name)

    def _menu(self, pos) -> None:
        speaker = self._selected()
        if speaker is None:
            return
        menu = QMenu(self)
        for role in ROLES:
            action = menu.addAction(word(role), lambda r=role: self.roleRequested.emit(speaker, r))
            action.setCheckable(True)
            action.setChecked(role == speaker.role)
        menu.addSeparator()
        menu.addAction(self.tr("Rename…"), lambda: self.renameRequested.emit(speaker))
        menu.popup(self.list.viewport().mapToGlobal(pos))

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Menu and self.list.currentItem():
            self._menu(self.list.visualItemRect(self.list.currentItem()).center())
            return
        super().keyPressEvent(event)
