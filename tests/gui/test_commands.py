"""The undo commands on a bare QUndoStack, with no window."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from annotation.model import Span
from gui.commands import AddSpans, SetStatus, UpdateSpans
from gui.session import Session
from storage import Project


def test_commands_apply_undo_and_redo_against_storage(qtbot, tmp_path, sample_import):
    project = Project(tmp_path / "p.db")
    doc_id = project.add_document(sample_import.document, sample_import.mentions)
    session = Session(project, "tester")
    stack: QUndoStack = session.undo_stack
    seen = []
    session.spansChanged.connect(lambda d, changed, removed: seen.append((d, len(changed), len(removed))))

    text = sample_import.document.text
    start = text.index("саммита")
    span = Span(start, start + 7, "ORG", "саммита", None, "human", "accepted", "tester")
    assert session.push(AddSpans(session, doc_id, [span], "tag"))
    (added,) = [s for s in project.spans(doc_id) if s.text == "саммита"]
    assert seen[-1] == (doc_id, 1, 0)

    assert session.push(UpdateSpans(session, doc_id, [(added.id, {"label": "LOC"})], "retag"))
    assert project.get_span(added.id).label == "LOC"
    stack.undo()
    assert project.get_span(added.id).label == "ORG"
    stack.undo()
    assert not [s for s in project.spans(doc_id) if s.text == "саммита"]
    stack.redo()
    stack.redo()
    assert project.get_span(added.id).label == "LOC"
    project.close()


def test_a_refused_edit_never_reaches_the_stack(qtbot, tmp_path, sample_import):
    project = Project(tmp_path / "p.db")
    doc_id = project.add_document(sample_import.document)
    session = Session(project, "tester")
    bad = Span(0, 3, "ORG", "xyz", None, "human", "accepted", "tester")
    with qtbot.waitSignal(session.editRefused):
        assert not session.push(AddSpans(session, doc_id, [bad], "bad"))
    assert session.undo_stack.count() == 0
    project.close()


def test_status_command(qtbot, tmp_path, sample_import):
    project = Project(tmp_path / "p.db")
    doc_id = project.add_document(sample_import.document)
    session = Session(project, "tester")
    assert session.push(SetStatus(session, doc_id, "new", "done"))
    assert project.status(doc_id) == "done"
    session.undo_stack.undo()
    assert project.status(doc_id) == "new"
    project.close()


def test_document_list_model_is_a_valid_qt_model(qtmodeltester, tmp_path, sample_import):
    from gui.document_list import DocumentListModel

    project = Project(tmp_path / "p.db")
    project.add_document(sample_import.document)
    model = DocumentListModel()
    model.set_summaries(project.summaries())
    qtmodeltester.check(model)
    project.close()
