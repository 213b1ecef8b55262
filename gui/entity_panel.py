"""The document's spans grouped by label and normal form, e.g. «PER Касым-Жомарт Токаев ×3»."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QMenu, QTreeWidget, QTreeWidgetItem, QWidget

from annotation.model import Document, Label, Span

from .plaintext import tooltip
from .theme import MUTED_TEXT
from .translations import word

SPAN_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2


def group_key(span: Span) -> tuple[str, str]:
    """Mentions of one entity: same label and normal form (or text, lower-cased, without one)."""
    return (span.label, span.normal or span.text)


class EntityPanel(QTreeWidget):
    """Emits ``spanActivated`` when a mention is chosen, and group actions as requests."""

    spanActivated = Signal(object)  # Span
    retagRequested = Signal(list, str)  # spans, label
    acceptRequested = Signal(list)
    rejectRequested = Signal(list)
    propagateRequested = Signal(object)  # a Span whose tag goes to identical untagged text
    refreshed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entityPanel")
        self.setHeaderHidden(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)
        self._labels: list[Label] = []
        self._doc: Document | None = None
        self._grouped: dict[tuple[str, str], list[Span]] = {}
        self._stale = False
        self.itemExpanded.connect(self._fill)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh)

    def set_labels(self, labels: list[Label]) -> None:
        self._labels = labels

    def set_document(self, doc: Document | None) -> None:
        """Show ``doc``'s groups.  Rebuilt shortly after the last change, and only while visible."""
        self._doc = doc
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def groups(self) -> dict[tuple[str, str], list[Span]]:
        grouped: dict[tuple[str, str], list[Span]] = defaultdict(list)
        if self._doc is not None:
            for span in self._doc.spans:
                if span.visible:
                    grouped[group_key(span)].append(span)
        return dict(grouped)

    def refresh(self) -> None:
        """Rebuild the groups; mentions are listed when a group is expanded, so this stays cheap."""
        self._timer.stop()
        self._stale = False
        expanded = {
            self.topLevelItem(i).data(0, GROUP_ROLE)
            for i in range(self.topLevelItemCount())
            if self.topLevelItem(i).isExpanded()
        }
        current = self.currentItem().data(0, GROUP_ROLE) if self.currentItem() else None
        colors = {lab.name: lab.color for lab in self._labels}
        order = {lab.name: i for i, lab in enumerate(self._labels)}
        self._grouped = self.groups()
        self.setUpdatesEnabled(False)
        self.clear()
        for key in sorted(self._grouped, key=lambda k: (order.get(k[0], 99), -len(self._grouped[k]), k[1])):
            spans = self._grouped[key]
            suggested = sum(1 for s in spans if s.status == "suggested")
            pending = self.tr("  ({n} to review)").format(n=suggested) if suggested else ""
            group = QTreeWidgetItem([f"{key[0]}  {key[1]} ×{len(spans)}{pending}"])
            group.setData(0, GROUP_ROLE, key)
            group.setForeground(0, QBrush(QColor(colors.get(key[0], MUTED_TEXT)).darker(160)))
            group.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            self.addTopLevelItem(group)
            if key in expanded:
                group.setExpanded(True)
            if key == current:
                self.setCurrentItem(group)
        self.setUpdatesEnabled(True)
        self.refreshed.emit()

    def _fill(self, group: QTreeWidgetItem) -> None:
        """List a group's mentions (on first expansion)."""
        if group.childCount() or group.data(0, GROUP_ROLE) is None:
            return
        doc = self._doc
        starts = [t.start for t in doc.turns] if doc else []
        for span in self._grouped.get(group.data(0, GROUP_ROLE), []):
            mark = "✓" if span.status == "accepted" else "?"
            child = QTreeWidgetItem(
                [
                    self.tr("{mark} turn {number}: «{text}»").format(
                        mark=mark, number=bisect_right(starts, span.start), text=span.text
                    )
                ]
            )
            child.setData(0, SPAN_ROLE, span)
            who = f", {span.annotator}" if span.annotator else ""
            child.setToolTip(0, tooltip(f"{word(span.status)}, {word(span.origin)}{who}"))
            group.addChild(child)

    def _spans_of(self, item: QTreeWidgetItem) -> list[Span]:
        span = item.data(0, SPAN_ROLE)
        if span is not None:
            return [span]
        return list(self._grouped.get(item.data(0, GROUP_ROLE), []))

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        span = item.data(0, SPAN_ROLE)
        if span is not None:
            self.spanActivated.emit(span)

    def _menu(self, pos) -> None:
        item = self.itemAt(pos) or self.currentItem()
        if item is None:
            return
        spans = self._spans_of(item)
        menu = QMenu(self)
        retag = menu.addMenu(self.tr("Retag all as"))
        for label in self._labels:
            retag.addAction(label.name, lambda name=label.name: self.retagRequested.emit(spans, name))
        menu.addAction(self.tr("Accept all"), lambda: self.acceptRequested.emit(spans))
        menu.addAction(self.tr("Reject all suggestions"), lambda: self.rejectRequested.emit(spans))
        if spans:
            menu.addAction(self.tr("Tag untagged matches too…"), lambda: self.propagateRequested.emit(spans[0]))
        menu.popup(self.viewport().mapToGlobal(pos))

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Menu or (
            event.key() == Qt.Key.Key_F10 and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            item = self.currentItem()
            if item is not None:
                self._menu(self.visualItemRect(item).center())
                return
        super().keyPressEvent(event)
