"""One ChangeCommand for every edit, on a bare QUndoStack with no window."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from annotation.changes import AddSpans
from annotation.edits import plan_relabel, plan_status, plan_tag
from annotation.model import Span
from gui.session import Session


def spans_named(project, doc_id, text):
    return [s for s in project.load_document(doc_id).spans if s.text == text]


def test_a_change_is_applied_once_then_undone_and_redone_against_storage(qtbot, seeded_project):
    project, doc_id = seeded_project
    session = Session(project, "tester")
    stack: QUndoStack = session.undo_stack
    seen = []
    session.changeApplied.connect(lambda change, inverse: seen.append(type(change).__name__))

    doc = project.load_document(doc_id)
    start = doc.text.index("саммита")
    assert session.push(plan_tag(doc, start, start + 7, "ORG", "tester"))
    assert stack.count() == 1 and seen == ["Batch"]  # the tag and the first-edit status flip, as one entry
    (added,) = spans_named(project, doc_id, "саммита")
    assert project.status(doc_id) == "in_progress"

    doc = project.load_document(doc_id)
    assert session.push(plan_relabel(doc, [added], "LOC", "tester"))
    assert spans_named(project, doc_id, "саммита")[0].label == "LOC"
    stack.undo()
    assert spans_named(project, doc_id, "саммита")[0].label == "ORG"
    stack.undo()
    assert not spans_named(project, doc_id, "саммита")
    assert project.status(doc_id) == "new"  # undoing every edit returns the document to new
    stack.redo()
    stack.redo()
    (again,) = spans_named(project, doc_id, "саммита")
    assert again.label == "LOC" and again.id == added.id  # redo restores the same row


def test_a_refused_edit_never_reaches_the_stack(qtbot, seeded_project):
    project, doc_id = seeded_project
    session = Session(project, "tester")
    bad = AddSpans(doc_id, (Span(0, 3, "ORG", "xyz", None, "human", "accepted", "tester"),))
    with qtbot.waitSignal(session.editRefused) as refused:
        assert not session.push(bad)
    assert "Not saved" in refused.args[0]
    assert session.undo_stack.count() == 0
    doc = project.load_document(doc_id)
    with qtbot.waitSignal(session.editRefused):
        assert not session.push(plan_status(doc, doc.status))  # a plan's own refusal
    assert session.undo_stack.count() == 0


def test_the_open_document_follows_the_stack(qtbot, seeded_project):
    project, doc_id = seeded_project
    session = Session(project, "tester")
    session.current.show(project.load_document(doc_id))
    doc = session.current.doc
    before = len(doc.spans)
    with qtbot.waitSignal(session.current.spansChanged):
        start = doc.text.index("саммита")
        session.push(plan_tag(doc, start, start + 7, "ORG", "tester"))
    assert len(doc.spans) == before + 1 and doc.status == "in_progress"
    assert doc.spans == sorted(doc.spans, key=lambda s: (s.start, -s.end, s.label, s.id))
    with qtbot.waitSignal(session.current.spansChanged):
        session.undo_stack.undo()
    assert len(doc.spans) == before and doc.status == "new"
    assert doc.spans == project.load_document(doc_id).spans


def test_document_list_model_is_a_valid_qt_model(qtmodeltester, seeded_project):
    from gui.document_list import DocumentListModel

    project, _doc_id = seeded_project
    model = DocumentListModel()
    model.set_summaries(project.summaries())
    qtmodeltester.check(model)
