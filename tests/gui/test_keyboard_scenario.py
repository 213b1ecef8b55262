"""One document corrected by keyboard alone, then checked in the project file."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from storage import Project


def _fix_all(keys, window, word: str) -> None:
    """Ctrl+F the word, then for every hit: F3 to it and 3 to make it ORG."""
    keys.press("Ctrl+F")
    assert window.find_bar.edit.hasFocus()
    keys.type(window.find_bar.edit, word)
    hits = len(window.find_bar.hits)
    assert hits >= 4
    keys.press("Escape")
    assert window.view.hasFocus()
    window.view.move_to_offset(0)
    for _ in range(hits):
        keys.press("F3")
        keys.press("3")


def test_correct_the_sample_by_keyboard_alone(qtbot, keys, sample_window):
    window = sample_window
    view = window.view
    doc_id = view.doc.id
    assert view.hasFocus() and view.cursor_offset() == 0

    # «ЕАЭС» and «СНГ» made ORG everywhere (natasha called some of them LOC).
    _fix_all(keys, window, "ЕАЭС")
    _fix_all(keys, window, "СНГ")
    for word in ("ЕАЭС", "СНГ"):
        mentions = [s for s in view.doc.visible_spans() if s.text == word]
        assert len(mentions) == view.doc.text.count(word)
        assert {(s.label, s.status) for s in mentions} == {("ORG", "accepted")}

    # One turn split at the cursor and merged back.
    turns_before = [(t.start, t.end, t.speaker) for t in view.doc.turns]
    answer = view.doc.turns[3]
    sentence = view.doc.text.index("Но думаю", answer.start)
    view.move_to_offset(sentence)
    keys.press("Ctrl+Shift+S")
    assert len(view.doc.turns) == 21
    assert view.doc.turns[4].start == sentence
    view.move_to_offset(sentence + 3)
    keys.press("Ctrl+Shift+M")
    assert [(t.start, t.end, t.speaker) for t in view.doc.turns] == turns_before

    # The respondent renamed, from a respondent turn, with F2.
    view.move_to_offset(view.doc.turns[3].content_start)
    keys.press("F2")
    dialog = window.findChild(QInputDialog, "renameSpeakerDialog")
    assert dialog is not None and dialog.isVisible()
    line = dialog.findChild(QLineEdit)
    qtbot.waitUntil(line.hasFocus)
    assert line.text() == "Дмитрий Журавлёв"
    line.selectAll()
    keys.type(line, "Д. Журавлёв")
    keys.press("Return")
    assert view.doc.turns[3].speaker == "Д. Журавлёв"

    # Marked done with Ctrl+Return, once the window has the keyboard back from the dialog.
    qtbot.waitUntil(view.hasFocus)
    keys.press("Ctrl+Return")
    box = window.findChild(QMessageBox, "unresolvedDialog")  # suggestions are left: it asks, naming how many
    assert box is not None and box.text().split()[0].isdigit()
    qtbot.waitUntil(box.isActiveWindow)  # the box has the keyboard, so Return is its own
    keys.press("Return")

    with Project(window.session.project.path) as project:
        doc = project.load_document(doc_id)
    assert doc.status == "done"
    assert [t.speaker for t in doc.turns].count("Д. Журавлёв") == 9
    assert len(doc.turns) == 20
    for word in ("ЕАЭС", "СНГ"):
        assert {(s.label, s.status) for s in doc.visible_spans() if s.text == word} == {("ORG", "accepted")}

    # And all of it can be undone, step by step, back to the imported state.
    stack = window.session.undo_stack
    while stack.canUndo():
        stack.undo()
    doc = window.session.project.load_document(doc_id)
    assert doc.status == "new"  # undoing every edit returns the document to new
    assert "Дмитрий Журавлёв" in [t.speaker for t in doc.turns]
    assert any(s.text == "ЕАЭС" and s.label == "LOC" and s.status == "suggested" for s in doc.spans)
