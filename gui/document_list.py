"""The document list: status, progress and a warning for low-confidence turns, with a filter."""

from __future__ import annotations

import json

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QListView, QVBoxLayout, QWidget

from storage import DocumentSummary

from .plaintext import tooltip
from .theme import LOW_CONFIDENCE
from .translations import translate, word

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
LOW_CONFIDENCE_ROLE = Qt.ItemDataRole.UserRole + 3
REVIEW_ROLE = Qt.ItemDataRole.UserRole + 4

FILTERS = {
    "all": QT_TRANSLATE_NOOP("DocumentList", "All documents"),
    "not_done": QT_TRANSLATE_NOOP("DocumentList", "Not done"),
    "new": QT_TRANSLATE_NOOP("DocumentList", "New"),
    "in_progress": QT_TRANSLATE_NOOP("DocumentList", "In progress"),
    "done": QT_TRANSLATE_NOOP("DocumentList", "Done"),
    "low_confidence": QT_TRANSLATE_NOOP("DocumentList", "Low-confidence turns"),
    "reviewed": QT_TRANSLATE_NOOP("DocumentList", "Reviewed"),
    "returned": QT_TRANSLATE_NOOP("DocumentList", "Returned by the reviewer"),
}
STATUS_MARKS = {"new": "○", "in_progress": "◐", "done": "●"}

_Index = QModelIndex | QPersistentModelIndex


def progress(summary: DocumentSummary) -> int | None:
    """Percentage of the model's suggestions a person has resolved (accepted, changed or rejected); None if none.

    Not characters and not spans: a long document with one span of a person's own is not "100 % reviewed".
    """
    if summary.model_spans == 0:
        return None
    return round(100 * (summary.model_spans - summary.suggested) / summary.model_spans)


def item_text(summary: DocumentSummary) -> str:
    # The warning leads the first line: a long title is elided at its end, never the ⚠.
    warn = "⚠ " if summary.low_confidence else ""
    flag = translate("DocumentList", " · low confidence") if summary.low_confidence else ""
    status = word(summary.status)
    done = progress(summary)
    reviewed = (
        translate("DocumentList", "no suggestions")
        if done is None
        else translate("DocumentList", "{progress}% of suggestions resolved").format(progress=done)
    )
    return f"{STATUS_MARKS.get(summary.status, '')} {warn}{summary.title}\n" + translate(
        "DocumentList", "{status} · {reviewed} · {turns} turns · {spans} spans{flag}"
    ).format(status=status, reviewed=reviewed, turns=summary.turns, spans=summary.spans, flag=flag)


def _sections(summary: DocumentSummary) -> list[dict]:
    """The layout chosen per section, for a document of several (else none)."""
    try:
        found = json.loads(summary.sections) if summary.sections else []
    except ValueError:
        return []
    return [s for s in found if isinstance(s, dict) and {"start", "end", "layout", "confidence"} <= s.keys()]


def review_text(review) -> str:
    """The review state on the document's line: reviewed, or returned with the start of the comment."""
    if review is None or review.state is None:
        return ""
    if review.state == "reviewed":
        return translate("DocumentList", " · ✓ reviewed")
    comment = review.comment if len(review.comment) <= 40 else review.comment[:39] + "…"
    return translate("DocumentList", " · ↩ returned: {comment}").format(comment=comment)


class DocumentListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentSummary] = []
        self._reviews: dict = {}  # document id -> storage.review.ReviewState, for those that have one

    def set_reviews(self, reviews: dict) -> None:
        """Each document's review state (reviewed, or returned with a comment)."""
        self.beginResetModel()
        self._reviews = dict(reviews)
        self.endResetModel()

    def review(self, doc_id: str):
        return self._reviews.get(doc_id)

    def set_summaries(self, summaries: list[DocumentSummary]) -> None:
        self.beginResetModel()
        self._rows = list(summaries)
        self.endResetModel()

    def update_summary(self, summary: DocumentSummary) -> None:
        for row, old in enumerate(self._rows):
            if old.id == summary.id:
                self._rows[row] = summary
                index = self.index(row)
                self.dataChanged.emit(index, index)
                return

    def summaries(self) -> list[DocumentSummary]:
        return list(self._rows)

    def summary(self, doc_id: str) -> DocumentSummary | None:
        return next((row for row in self._rows if row.id == doc_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        summary = self._rows[index.row()]
        review = self._reviews.get(summary.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return item_text(summary) + review_text(review)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = translate(
                "DocumentList",
                "{file} · {layout} layout (confidence {confidence}) · language {language}\n"
                "Turns › Re-detect layout… finds the turns again.",
            ).format(
                file=summary.source_file,
                layout=summary.layout,
                confidence=f"{summary.confidence:.2f}",
                language=summary.language or "?",
            )
            for section in _sections(summary):
                tip += "\n" + translate("DocumentList", "  {start}–{end}: {layout} (confidence {confidence})").format(
                    start=section["start"], end=section["end"], layout=section["layout"],
                    confidence=f"{float(section['confidence']):.2f}",
                )
            if summary.low_confidence:
                tip += "\n" + translate("DocumentList", "Turns were found with low confidence: check the speakers.")
            if review is not None and review.comment:
                tip += "\n" + translate("DocumentList", "Reviewer's comment: {comment}").format(comment=review.comment)
            return tooltip(tip)
        if role == Qt.ItemDataRole.ForegroundRole and summary.low_confidence:
            return QColor(LOW_CONFIDENCE)
        if role == DOC_ID_ROLE:
            return summary.id
        if role == STATUS_ROLE:
            return summary.status
        if role == LOW_CONFIDENCE_ROLE:
            return summary.low_confidence
        if role == REVIEW_ROLE:
            return review.state if review is not None else None
        return None


class DocumentFilter(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._mode = "all"

    def set_mode(self, mode: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self._mode = mode if mode in FILTERS else "all"
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._mode = mode if mode in FILTERS else "all"
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:  # noqa: N802 (Qt override)
        index = self.sourceModel().index(row, 0, parent)
        status = index.data(STATUS_ROLE)
        if self._mode == "all":
            return True
        if self._mode == "not_done":
            return status != "done"
        if self._mode == "low_confidence":
            return bool(index.data(LOW_CONFIDENCE_ROLE))
        if self._mode in ("reviewed", "returned"):
            return index.data(REVIEW_ROLE) == self._mode
        return status == self._mode


class DocumentPanel(QWidget):
    """The filter box above the list.  Emits ``documentActivated`` with a document id."""

    documentActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentListModel(self)
        self.proxy = DocumentFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box = QComboBox()
        self.filter_box.setObjectName("documentFilter")
        for key, text in FILTERS.items():
            self.filter_box.addItem(translate("DocumentList", text), key)
        self.filter_box.currentIndexChanged.connect(lambda _i: self.proxy.set_mode(self.filter_box.currentData()))
        self.view = QListView()
        self.view.setObjectName("documentList")
        self.view.setModel(self.proxy)
        self.view.setUniformItemSizes(True)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.view)
        self.setFocusProxy(self.view)

    def set_filter(self, mode: str) -> None:
        index = self.filter_box.findData(mode)
        self.filter_box.setCurrentIndex(max(index, 0))

    def _activated(self, index: QModelIndex) -> None:
        doc_id = index.data(DOC_ID_ROLE)
        if doc_id:
            self.documentActivated.emit(doc_id)

    def select(self, doc_id: str) -> None:
        """Highlight ``doc_id`` in the list without activating it."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(DOC_ID_ROLE) == doc_id:
                self.view.setCurrentIndex(index)
                return

    def visible_ids(self) -> list[str]:
        """The ids the list shows now (its filter applied), top to bottom."""
        return [self.proxy.index(r, 0).data(DOC_ID_ROLE) for r in range(self.proxy.rowCount())]

    def ids_in_order(self) -> list[str]:
        return [s.id for s in self.model.summaries()]
