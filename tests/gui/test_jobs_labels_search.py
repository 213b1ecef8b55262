"""Export, re-running the model, the label schema and search across documents, through the window."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from annotation.changes import DeleteLabel, UpdateLabel
from annotation.formats.export import ExportError
from annotation.model import Label
from gui.dialogs import SearchDialog
from gui.export_dialog import ExportDialog
from gui.label_dialog import LabelDialog
from storage import Project


def test_export_dialog_writes_conll_in_the_background(qtbot, keys, sample_window, tmp_path):
    window = sample_window
    keys.press("Ctrl+E")
    dialog = window.findChild(ExportDialog, "exportDialog")
    qtbot.waitUntil(dialog.isVisible)
    dialog.format.setCurrentIndex(dialog.format.findData("conll"))
    out = tmp_path / "out" / "sample.conll"
    dialog.out.setText(str(out))
    with qtbot.waitSignal(window.session.exportFinished, timeout=60000) as finished:
        dialog.accept()
    report, error = finished.args
    assert error == "" and report.documents == 1
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "-DOCSTART- -X- O O"
    assert "Душанбе B-LOC" in lines
    assert "exported 1 document" in window.statusBar().currentMessage()


def test_export_options_are_checked_before_anything_runs(qtbot, sample_window, tmp_path):
    dialog = ExportDialog(sample_window.labels, tmp_path, sample_window)
    qtbot.addWidget(dialog)
    dialog.split.setText("eighty/twenty")
    with pytest.raises(ExportError, match="not a split"):
        dialog.options()
    dialog.split.setText("")
    dialog.out.setText("")
    with pytest.raises(ExportError, match="no output path"):
        dialog.options()
    dialog.out.setText(str(tmp_path / "x.conll"))
    dialog.split.setText("80/oops")
    dialog.accept()  # refused: the message names the dialog's field, not a command-line flag
    box = next(w for w in dialog.findChildren(QMessageBox) if w.isVisible())
    assert box.text().startswith("Split: ") and "--split" not in box.text()
    assert dialog.split.hasFocus() or dialog.focusWidget() is dialog.split


@pytest.mark.threaded
def test_a_cancelled_export_writes_nothing(qtbot, sample_window, tmp_path):
    window = sample_window
    dialog = ExportDialog(window.labels, tmp_path, window)
    qtbot.addWidget(dialog)
    out = tmp_path / "x.jsonl"
    dialog.out.setText(str(out))
    options = dialog.options()
    # Hold the worker threads so the export is still waiting when Cancel is pressed.
    gate = threading.Event()
    for _ in range(2):
        window.session.runner.submit(gate.wait, lambda _result: None)
    window.session.export(options)
    window.cancel_button.click()
    with qtbot.waitSignal(window.session.exportFinished, timeout=60000) as finished:
        gate.set()
    report, error = finished.args
    assert report is None and "cancelled" in error
    assert not out.exists() and list(Path(tmp_path).glob("*.part")) == []


def test_rerun_brings_back_nothing_a_person_resolved(stored, qtbot, keys, sample_window):
    window, view = sample_window, sample_window.view
    keys.press("Tab")
    rejected = view.current_span()
    keys.press("Delete")  # reject Душанбе
    keys.press("Tab")
    accepted = view.current_span()
    keys.press("Return")  # accept the next one
    before = {(s.start, s.end, s.label, s.status) for s in window.session.project.load_document(view.doc.id).spans}
    with qtbot.waitSignal(window.session.editRefused, timeout=60000) as said:
        keys.press("Ctrl+R")
    assert "nothing it had not suggested before" in said.args[0]
    after = {(s.start, s.end, s.label, s.status) for s in window.session.project.load_document(view.doc.id).spans}
    assert after == before
    assert stored(window, rejected.id).status == "rejected"
    assert stored(window, accepted.id).status == "accepted"


def test_rerun_suggests_on_a_document_imported_without_the_model(qtbot, open_window, sample_copy, tmp_path):
    window = open_window(tmp_path / "p.db")
    with qtbot.waitSignal(window.session.importFinished, timeout=120000):
        window.session.import_files([str(sample_copy)], ner=False)
    assert window.view.doc.spans == []
    with qtbot.waitSignal(window.session.current.spansChanged, timeout=60000):
        window.actions_by_id["rerun"].trigger()
    assert len(window.view.visible_spans()) >= 50
    window.session.undo_stack.undo()
    assert window.view.visible_spans() == []


def test_label_schema_edits_are_undoable_and_follow_the_spans(qtbot, sample_window):
    window = sample_window
    session = window.session
    per = next(lab for lab in session.labels() if lab.name == "PER")
    assert session.push(UpdateLabel(per, Label("PERSON", "#ff8800", "1", per.description)))
    assert {s.label for s in window.view.doc.spans} >= {"PERSON"}
    assert "PERSON" in [lab.name for lab in window.labels]
    assert any(a.text() == "Tag as PERSON" for a in window.tag_actions)
    session.undo_stack.undo()
    assert "PER" in {s.label for s in window.view.doc.spans}

    money = next(lab for lab in session.labels() if lab.name == "MONEY")
    used = session.project.label_usage("MONEY")
    assert used >= 1
    assert not session.push(DeleteLabel(money))  # refused: spans use it
    assert session.push(DeleteLabel(money, "relabel", "ORG"))
    assert "MONEY" not in [lab.name for lab in session.labels()]
    session.undo_stack.undo()
    assert "MONEY" in [lab.name for lab in session.labels()]
    assert session.project.label_usage("MONEY") == used


def test_label_dialog_adds_a_label_and_checks_hotkeys(qtbot, sample_window):
    window = sample_window
    dialog = LabelDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.add_label()
    row = dialog.table.rowCount() - 1
    dialog.table.item(row, 0).setText("EVENT")
    assert dialog.row_label(row).hotkey == "6"
    dialog.table.item(row, 2).setText("1")
    assert "Two labels share a hotkey." in dialog.problems()
    dialog.table.item(row, 2).setText("6")
    assert dialog.problems() == []
    dialog.accept()
    assert "EVENT" in [lab.name for lab in window.session.labels()]
    assert any(a.shortcut().toString() == "6" for a in window.tag_actions)
    with Project(window.session.project.path) as project:
        assert project.labels()[-1].name == "EVENT"


def test_search_all_documents_finds_inflected_forms_and_opens_the_hit(qtbot, keys, sample_window):
    window = sample_window
    keys.press("Ctrl+Shift+F")
    dialog = window.findChild(SearchDialog, "searchDialog")
    qtbot.waitUntil(dialog.edit.hasFocus)
    keys.type(dialog.edit, "журавлев")
    keys.press("Return")
    assert dialog.results.count() >= 1
    keys.press("Return", dialog.results)
    start, end = window.view.selection_offsets()
    assert window.view.doc.text[start:end].lower().startswith("журавл")


def test_the_annotator_name_is_a_preference_recorded_on_edits(stored, qtbot, keys, sample_window, open_window):
    window = sample_window
    window.set_annotator("Анна К.")
    keys.press("Tab")
    keys.press("Return")
    span = window.view.current_span()
    assert stored(window, span.id).annotator == "Анна К."
    window.close()
    again = open_window(None)
    assert again.session.annotator == "Анна К."  # remembered across restarts
