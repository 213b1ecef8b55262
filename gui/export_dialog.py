"""File › Export…: the options of ``razmetka export``, as a form.

The dialog only builds an :class:`ExportOptions`; the session runs the export in
the background, exactly as the CLI does.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from annotation.formats.catalog import FORMATS
from annotation.formats.export import ExportError, ExportOptions, parse_split
from annotation.formats.offsets import UNITS
from annotation.model import DOCUMENT_STATUSES, ORIGINS, ROLES, Label

from .plaintext import message
from .translations import word

# The catalog's descriptions, marked for pyside6-lupdate; the dialog translates the catalog's own text.
_DESCRIPTIONS = (
    QT_TRANSLATE_NOOP(
        "ExportDialog", "native: lossless, versioned; speakers, turns, spans with origin/status/annotator"
    ),
    QT_TRANSLATE_NOOP("ExportDialog", 'doccano sequence labeling JSONL {"text", "label": [[start, end, label]]}'),
    QT_TRANSLATE_NOOP("ExportDialog", "Label Studio JSON tasks (+ label_config.xml)"),
    QT_TRANSLATE_NOOP("ExportDialog", "brat standoff .txt/.ann pairs in a folder or .zip"),
    QT_TRANSLATE_NOOP("ExportDialog", "CoNLL-2003 IOB2 'token tag' over razdel tokens"),
    QT_TRANSLATE_NOOP("ExportDialog", 'spaCy/Prodigy JSONL {"text", "spans": [{"start", "end", "label"}]}'),
    QT_TRANSLATE_NOOP("ExportDialog", "Hugging Face token classification JSONL (+ label_names.json)"),
)


class ExportDialog(QDialog):
    def __init__(self, labels: list[Label], start_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export dataset"))
        self.labels = labels
        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        for name, spec in FORMATS.items():
            self.format.addItem(f"{name} — {self.tr(spec.description)}", name)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.out = QLineEdit(str(start_dir / "export.jsonl"))
        self.out.setObjectName("exportOut")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(browse)
        self.unit = QComboBox()
        self.unit.addItem(self.tr("one per document"), "doc")
        self.unit.addItem(self.tr("one per turn"), "turn")
        self.role = QComboBox()
        self.role.addItem(self.tr("every speaker"), None)
        for role in ROLES:
            self.role.addItem(self.tr("{role} turns only").format(role=word(role)), role)
        self.status = QComboBox()
        self.status.addItem(self.tr("all documents"), "all")
        for status in DOCUMENT_STATUSES:
            self.status.addItem(self.tr("{status} only").format(status=word(status)), status)
        self.label_boxes = {lab.name: QCheckBox(lab.name) for lab in labels}
        label_row = QHBoxLayout()
        for box in self.label_boxes.values():
            box.setChecked(True)
            label_row.addWidget(box)
        label_row.addStretch(1)
        self.origin_boxes = {origin: QCheckBox(word(origin)) for origin in ORIGINS}
        origin_row = QHBoxLayout()
        for box in self.origin_boxes.values():
            box.setChecked(True)
            origin_row.addWidget(box)
        origin_row.addStretch(1)
        self.no_suggestions = QCheckBox(self.tr("leave out model suggestions nobody has resolved"))
        self.split = QLineEdit()
        self.split.setPlaceholderText(self.tr("e.g. 80/10/10 — train/dev/test files by document, into a folder"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.offsets = QComboBox()
        self.offsets.addItem(self.tr("the format's default"), None)
        for unit in UNITS:
            self.offsets.addItem(unit, unit)
        self.dialogue = QCheckBox(self.tr("Label Studio dialogue (Paragraphs): one paragraph per turn"))
        self.hint = QLabel()
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")

        form = QFormLayout(self)
        form.addRow(self.tr("Format"), self.format)
        form.addRow("", self.hint)
        form.addRow(self.tr("Write to"), out_row)
        form.addRow(self.tr("Units"), self.unit)
        form.addRow(self.tr("Speakers"), self.role)
        form.addRow(self.tr("Documents"), self.status)
        form.addRow(self.tr("Labels"), label_row)
        form.addRow(self.tr("Origins"), origin_row)
        form.addRow("", self.no_suggestions)
        form.addRow(self.tr("Split"), self.split)
        form.addRow(self.tr("Split seed"), self.seed)
        form.addRow(self.tr("Offsets"), self.offsets)
        form.addRow("", self.dialogue)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._format_changed()
        self.resize(640, 0)

    def _format_changed(self) -> None:
        name = self.format.currentData()
        spec = FORMATS[name]
        self.dialogue.setEnabled(name == "labelstudio")
        if spec.nested:
            hint = self.tr("Keeps nested spans; offsets in {unit} by default.")
        else:
            hint = self.tr("Keeps only the outermost of nested spans; offsets in {unit} by default.")
        self.hint.setText(hint.format(unit=spec.default_offsets))
        out = Path(self.out.text() or "export")
        if out.suffix and spec.extension:
            self.out.setText(str(out.with_suffix(spec.extension)))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.out.text())
        if path:
            self.out.setText(path)

    def options(self) -> ExportOptions:
        """The chosen options; raises ExportError for something that cannot be used."""
        if not self.out.text().strip():
            raise ExportError(self.tr("no output path given: choose where to write the dataset"), "out")
        split = parse_split(self.split.text())  # the one reading of 80/10/10, shared with the CLI
        labels = [name for name, box in self.label_boxes.items() if box.isChecked()]
        origins = [name for name, box in self.origin_boxes.items() if box.isChecked()]
        options = ExportOptions(
            format=self.format.currentData(),
            out=Path(self.out.text().strip()).expanduser(),
            unit=self.unit.currentData(),
            role=self.role.currentData(),
            status=self.status.currentData(),
            labels=None if len(labels) == len(self.label_boxes) else labels,
            origins=None if len(origins) == len(self.origin_boxes) else origins,
            no_suggestions=self.no_suggestions.isChecked(),
            split=split,
            seed=self.seed.value(),
            offsets=self.offsets.currentData(),
            labelstudio_dialogue=self.dialogue.isChecked() and self.dialogue.isEnabled(),
            label_schema=self.labels,
        )
        options.validate()
        return options

    def accept(self) -> None:
        try:
            self.options()
        except ExportError as exc:
            # The domain names the option; the dialog words it as its own field, and puts the caret there.
            fields = {
                "out": (self.tr("Write to"), self.out),
                "split": (self.tr("Split"), self.split),
                "format": (self.tr("Format"), self.format),
                "offsets": (self.tr("Offsets"), self.offsets),
                "labels": (self.tr("Labels"), None),
                "origins": (self.tr("Origins"), None),
            }
            name, widget = fields.get(exc.option or "", ("", None))
            message(self, self.tr("Export"), f"{name}: {exc}" if name else str(exc))
            if widget is not None:
                widget.setFocus()
            return
        super().accept()
