"""The Review window: two annotators side by side, their disagreements settled by keyboard, and the figures.

The disagreements tab shows layer A and layer B of the open document next to each
other, each with its own spans highlighted, and the disagreement in hand outlined
in both.  F8 walks them; A, B, T (both) and N (neither) settle one as an undoable
edit (``annotation.adjudication.plan_adjudicate`` through the session's stack).
The agreement tab is ``razmetka agreement`` as a table and a bar chart; the model
tab is ``razmetka report``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotation.adjudication import plan_adjudicate
from annotation.agreement import agreement
from annotation.offsets import OffsetMap
from annotation.quality import SCHEMES, report
from annotation.review import Disagreement, disagreements

from .highlighter import SpanHighlighter
from .plaintext import tooltip
from .session import Session
from .shortcuts import SHORTCUTS, Action, tr
from .theme import DISAGREEMENT
from .translations import word

CHOICE_KEYS = {Action.CHOOSE_A: "a", Action.CHOOSE_B: "b", Action.CHOOSE_BOTH: "both", Action.CHOOSE_NEITHER: "neither"}


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


class LayerPane(QPlainTextEdit):
    """One annotator's layer of the document: the text, their spans, and the disagreement outlined."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.highlighter = SpanHighlighter(self.document())
        self.offsets = OffsetMap("")

    def show_layer(self, text: str, spans: list, labels: list) -> None:
        self.offsets = OffsetMap(text)
        self.highlighter.set_labels(labels)
        self.highlighter.reset(spans, self.offsets, text, rehighlight=False)
        if self.toPlainText() != text:
            self.setPlainText(text)
        else:
            self.highlighter.rehighlight()

    def outline(self, start: int, end: int) -> None:
        selection = QTextEdit.ExtraSelection()
        selection.format.setBackground(QColor(DISAGREEMENT))
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_utf16(start))
        cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        self.setExtraSelections([selection])
        moved = QTextCursor(self.document())
        moved.setPosition(self.offsets.to_utf16(start))
        self.setTextCursor(moved)
        self.centerCursor()


class ReviewWindow(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review"))
        self.resize(1200, 760)
        self.session = session
        self.found: list[Disagreement] = []
        self.index = 0
        tabs = QTabWidget()
        tabs.addTab(self._disagreements_tab(), self.tr("Disagreements"))
        tabs.addTab(self._agreement_tab(), self.tr("Agreement"))
        tabs.addTab(self._model_tab(), self.tr("Model against people"))
        self.tabs = tabs
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        for shortcut in SHORTCUTS:
            if shortcut.window == "review":
                action = QAction(tr(shortcut.text), self)
                action.setShortcut(QKeySequence(shortcut.keys))
                action.triggered.connect(lambda _c=False, a=shortcut.action: self.act(a))
                self.addAction(action)
        session.changeApplied.connect(self._changed)
        self.refresh()

    # -- building ---------------------------------------------------------------

    def _disagreements_tab(self) -> QWidget:
        page = QWidget()
        self.pick_a, self.pick_b = QComboBox(), QComboBox()
        self.pick_a.setObjectName("annotatorA")
        self.pick_b.setObjectName("annotatorB")
        for box in (self.pick_a, self.pick_b):
            box.currentIndexChanged.connect(lambda _i: self.load_disagreements())
        self.progress = QLabel()
        self.progress.setObjectName("reviewProgress")
        self.progress.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        for widget in (QLabel("A:"), self.pick_a, QLabel("B:"), self.pick_b, self.progress):
            top.addWidget(widget)
        top.addStretch(1)
        self.listing = QListWidget()
        self.listing.setObjectName("disagreementList")
        self.listing.currentRowChanged.connect(self.go)
        self.pane_a, self.pane_b = LayerPane(), LayerPane()
        panes = QSplitter()
        panes.addWidget(self.pane_a)
        panes.addWidget(self.pane_b)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(panes)
        split.addWidget(self.listing)
        split.setSizes([520, 160])
        buttons = QHBoxLayout()
        for action, text in ((Action.CHOOSE_A, "A"), (Action.CHOOSE_B, "B"), (Action.CHOOSE_BOTH, self.tr("Both (T)")),
                             (Action.CHOOSE_NEITHER, self.tr("Neither (N)")),
                             (Action.NEXT_DISAGREEMENT, self.tr("Next (F8)"))):
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, a=action: self.act(a))
            buttons.addWidget(button)
        buttons.addStretch(1)
        reviewed = QPushButton(self.tr("Mark reviewed"))
        reviewed.setObjectName("markReviewed")
        reviewed.clicked.connect(lambda: self.set_review("reviewed"))
        returned = QPushButton(self.tr("Return with a comment…"))
        returned.setObjectName("returnDocument")
        returned.clicked.connect(self.ask_return)
        buttons.addWidget(reviewed)
        buttons.addWidget(returned)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        return page

    def _agreement_tab(self) -> QWidget:
        import pyqtgraph as pg  # only the Review window needs it

        page = QWidget()
        self.agreement_table = QTableWidget(0, 7)
        self.agreement_table.setObjectName("agreementTable")
        self.agreement_table.setHorizontalHeaderLabels(
            ["A", "B", self.tr("Label"), self.tr("Precision"), self.tr("Recall"), "F1", self.tr("Kappa")]
        )
        self.agreement_summary = QLabel()
        self.agreement_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.chart = pg.PlotWidget(background="w")
        self.chart.setObjectName("agreementChart")
        self.chart.setYRange(0, 1)
        self.chart.setLabel("left", "F1")
        layout = QVBoxLayout(page)
        layout.addWidget(self.agreement_summary)
        layout.addWidget(self.agreement_table, 1)
        layout.addWidget(self.chart, 1)
        return page

    def _model_tab(self) -> QWidget:
        page = QWidget()
        self.model_table = QTableWidget(0, 5)
        self.model_table.setObjectName("modelTable")
        self.model_table.setHorizontalHeaderLabels(
            [self.tr("Scope"), self.tr("Scheme"), self.tr("Precision"), self.tr("Recall"), "F1"]
        )
        self.model_summary = QLabel()
        self.model_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.model_summary.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.model_summary)
        layout.addWidget(self.model_table, 1)
        return page

    # -- figures --------------------------------------------------------------------

    def refresh(self) -> None:
        """Everything again from the project: annotators, disagreements and figures."""
        from storage import review as stored

        doc = self.session.current.doc
        self.layers = stored.document_layers(self.session.project, doc.id) if doc is not None else None
        names = self.layers.annotators if self.layers is not None else []
        for box, default in ((self.pick_a, 0), (self.pick_b, 1)):
            box.blockSignals(True)
            box.clear()
            box.addItems(names)
            box.setCurrentIndex(min(default, len(names) - 1))
            box.blockSignals(False)
        self.load_disagreements()
        self._fill_agreement([stored.document_layers(self.session.project, i)
                              for i in self.session.project.document_ids()])
        project = self.session.project
        self._fill_model(report([(project.load_document(i), project.model_output(i)) for i in project.document_ids()]))

    def _rows(self, table: QTableWidget, rows: list[tuple]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(str(value))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()

    def _fill_agreement(self, docs: list) -> None:
        import pyqtgraph as pg

        data = agreement([d for d in docs if len(d.annotators) >= 2])
        rows = []
        for pair in data["pairs"]:
            for label, s in pair["labels"].items():
                rows.append((pair["a"], pair["b"], label, _figure(s["precision"]), _figure(s["recall"]),
                             _figure(s["f1"]), ""))
            rows.append((pair["a"], pair["b"], self.tr("all"), "", "", _figure(pair["overall_f1"]),
                         _figure(pair["kappa"])))
        self._rows(self.agreement_table, rows)
        turns = data["turns"]["pairs"]
        same = ", ".join(f"{t['a']}/{t['b']} {_figure(t.get('same_speaker'))}" for t in turns)
        self.agreement_summary.setText(
            self.tr("Krippendorff's alpha over tokens: {alpha}").format(alpha=_figure(data["alpha"]))
            + (self.tr(" · same speaker: {pairs}").format(pairs=same) if same else "")
        )
        self.chart.clear()
        if data["pairs"]:
            labels = list(data["pairs"][0]["labels"])
            heights = [data["pairs"][0]["labels"][k]["f1"] or 0.0 for k in labels]
            self.chart.addItem(pg.BarGraphItem(x=list(range(len(labels))), height=heights, width=0.6, brush="#4f9dde"))
            self.chart.getAxis("bottom").setTicks([list(enumerate(labels))])
            self.chart_values = dict(zip(labels, heights, strict=True))
        else:
            self.chart_values = {}

    def _fill_model(self, data: dict) -> None:
        rows = [(self.tr("all"), s, *(_figure(data["schemes"][s][k]) for k in ("precision", "recall", "f1")))
                for s in SCHEMES if s in data["schemes"]]
        rows += [(label, "strict", *(_figure(schemes["strict"][k]) for k in ("precision", "recall", "f1")))
                 for label, schemes in data["labels"].items()]
        self._rows(self.model_table, rows)
        errors = ", ".join(f"{word(kind)} {n}" for kind, n in data["errors"].items())
        top = "; ".join(c["description"] for c in data["corrections"][:5])
        self.model_summary.setText(
            self.tr("Kinds of error: {errors}.").format(errors=errors)
            + (self.tr(" Most frequent corrections: {top}").format(top=top) if top else "")
        )

    # -- disagreements ------------------------------------------------------------------

    def annotators(self) -> tuple[str, str]:
        return self.pick_a.currentText(), self.pick_b.currentText()

    def load_disagreements(self) -> None:
        from storage import review as stored

        a, b = self.annotators()
        doc = self.session.current.doc
        if self.layers is None or doc is None or not a or not b or a == b:
            self.found = []
        else:
            self.found = disagreements(self.layers, a, b)
        settled = {(d.kind, d.start, d.end): d.choice for d in stored.decisions(self.session.project, doc.id)
                   if (d.a, d.b) == (a, b)} if doc is not None else {}
        self.listing.blockSignals(True)
        self.listing.clear()
        for d in self.found:
            choice = settled.get((d.kind, d.start, d.end))
            self.listing.addItem(("✓ " + choice.upper() + "  " if choice else "•  ") + d.describe())
        self.listing.blockSignals(False)
        self.progress.setText(self.tr("{settled} of {count} disagreement(s) settled").format(
            settled=len(settled), count=len(self.found)) if self.found
                              else self.tr("No disagreements between these two layers."))
        if self.layers is not None:
            labels = self.session.labels()
            self.pane_a.show_layer(self.layers.text, self.layers.spans.get(a, []), labels)
            self.pane_b.show_layer(self.layers.text, self.layers.spans.get(b, []), labels)
            self.pane_a.setToolTip(tooltip(f"A: {a}"))
            self.pane_b.setToolTip(tooltip(f"B: {b}"))
        if self.found:
            self.go(min(self.index, len(self.found) - 1))

    def go(self, index: int) -> None:
        if not self.found or index < 0:
            return
        self.index = index % len(self.found)
        d = self.found[self.index]
        self.listing.blockSignals(True)
        self.listing.setCurrentRow(self.index)
        self.listing.blockSignals(False)
        self.pane_a.outline(d.start, d.end)
        self.pane_b.outline(d.start, d.end)

    def act(self, action: Action) -> None:
        if action == Action.NEXT_DISAGREEMENT:
            self.go(self.index + 1)
        elif action == Action.PREVIOUS_DISAGREEMENT:
            self.go(self.index - 1)
        elif action in CHOICE_KEYS and self.found:
            a, b = self.annotators()
            d = self.found[self.index]
            plan = plan_adjudicate(self.session.current.doc, a, b, d, CHOICE_KEYS[action], self.session.annotator)
            if self.session.push(plan):
                self.go(self.index + 1)

    def ask_return(self) -> None:
        dialog = QInputDialog(self)
        dialog.setObjectName("returnComment")
        dialog.setWindowTitle(self.tr("Return to the annotator"))
        dialog.setLabelText(self.tr("What should the annotator look at again?"))
        dialog.textValueSelected.connect(lambda comment: self.set_review("returned", comment))
        dialog.open()

    def set_review(self, state: str, comment: str = "") -> None:
        """Mark the open document reviewed, or return it with a comment the annotator sees in the list and the view."""
        from storage import StorageError
        from storage import review as stored

        doc = self.session.current.doc
        if doc is None:
            return
        try:
            if state == "reviewed":
                stored.mark_reviewed(self.session.project, doc.id, self.session.annotator, comment)
            else:
                stored.return_document(self.session.project, doc.id, self.session.annotator, comment)
        except StorageError as exc:
            self.session.refuse(str(exc))
            return
        self.session.documentsChanged.emit()
        self.progress.setText(self.tr("Marked reviewed.") if state == "reviewed" else self.tr("Returned."))

    def _changed(self, change, _inverse) -> None:
        """An edit (a choice here, or its undo in the main window): read the layers and decisions again."""
        if self.isVisible() and change.doc_id == self.session.current.id:
            self.load_disagreements()  # the layers are as they were; the decisions changed
