"""Each correction through the window, with undo and redo, and persistence after reopening."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox

from gui.dialogs import PropagateDialog
from storage import Project


def _reopened(window):
    """The document as another connection sees it: what survives closing the window."""
    with Project(window.session.project.path) as project:
        return project.load_document(window.view.doc.id)


def _undo_redo(window, check_after, check_before):
    stack = window.session.undo_stack
    check_after()
    stack.undo()
    check_before()
    stack.redo()
    check_after()


def _span(doc, text, label=None):
    return next(s for s in doc.visible_spans() if s.text == text and (label is None or s.label == label))


def test_tag_snaps_to_words_and_undo_removes_it(qtbot, keys, sample_window):
    window, view = sample_window, sample_window.view
    start = view.doc.text.index("саммита глав")
    view.select_offsets(start + 2, start + 9)  # "ммита г": part of two words
    keys.press("2")
    assert any(s.text == "саммита глав" and s.label == "LOC" for s in view.doc.spans)

    def after():
        assert any(s.text == "саммита глав" and s.label == "LOC" for s in _reopened(window).spans)

    def before():
        assert not any(s.text == "саммита глав" for s in _reopened(window).spans)
        assert not any(s.text == "саммита глав" for s in view.doc.spans)

    _undo_redo(window, after, before)


def test_accept_with_enter_then_tab_walks_to_the_next_entity(qtbot, keys, sample_window):
    window, view = sample_window, sample_window.view
    keys.press("Tab")
    first = view.current_span()
    assert first is not None and first.text == "Душанбе"
    keys.press("Return")
    assert _span(_reopened(window), "Душанбе").status == "accepted"
    assert view.current_span().text == "Душанбе"  # stays put, like Delete
    keys.press("Tab")
    assert view.current_span().text == "Касым-Жомарта Токаева"  # no entity skipped
    keys.press("Shift+Tab")
    assert view.current_span().text == "Душанбе"
    window.session.undo_stack.undo()
    assert _span(_reopened(window), "Душанбе").status == "suggested"


def test_f8_skips_resolved_spans(qtbot, keys, sample_window):
    view = sample_window.view
    keys.press("Tab")
    keys.press("Return")  # accept Душанбе
    view.move_to_offset(0)
    keys.press("F8")
    assert view.current_span().text == "Касым-Жомарта Токаева"


def test_retag_with_a_digit_and_reject_with_delete(stored, qtbot, keys, sample_window):
    window, view = sample_window, sample_window.view
    span = _span(view.doc, "Института региональных проблем")
    view.select_span(span)
    keys.press("2")  # no selection: retag the span at the cursor
    changed = stored(window, span.id)
    assert (changed.label, changed.status, changed.annotator) == ("LOC", "accepted", "tester")
    keys.press("Delete")  # a person's span now: deleted
    assert all(s.id != span.id for s in _reopened(window).spans)
    window.session.undo_stack.undo()
    assert stored(window, span.id).label == "LOC"


def test_boundaries_move_by_one_word(stored, qtbot, keys, sample_window):
    window, view = sample_window, sample_window.view
    span = _span(view.doc, "Финансового университета")
    view.select_span(span)
    keys.press("Alt+Right")
    assert stored(window, span.id).text == "Финансового университета при"
    keys.press("Alt+Left")
    keys.press("Alt+Shift+Right")
    assert stored(window, span.id).text == "университета"
    keys.press("Alt+Shift+Left")
    assert stored(window, span.id).text == "Финансового университета"
    window.session.undo_stack.undo()
    assert stored(window, span.id).text == "университета"


def test_nested_spans_are_cycled_and_edited_one_by_one(stored, qtbot, keys, sample_window):
    window, view = sample_window, sample_window.view
    outer = _span(view.doc, "Финансового университета")
    view.select_offsets(outer.start, outer.start + len("Финансового"))
    keys.press("3")  # ORG inside the ORG
    assert len(view.spans_at(outer.start)) == 2
    view.move_to_offset(outer.start + 1)
    assert view.current_span().text == "Финансового"  # innermost first
    keys.press("Ctrl+.")
    assert view.current_span().id == outer.id
    keys.press("Delete")
    assert stored(window, outer.id).status == "rejected"
    assert [s.text for s in view.spans_at(outer.start)] == ["Финансового"]


def test_accept_all_in_turn_and_document(qtbot, keys, sample_window):
    window, view = sample_window, sample_window.view
    view.move_to_offset(view.doc.turns[1].content_start)
    keys.press("Shift+Return")
    turn = view.doc.turns[1]
    in_turn = [s for s in _reopened(window).spans if turn.start <= s.start < turn.end]
    assert in_turn and all(s.status == "accepted" for s in in_turn)
    assert any(s.status == "suggested" for s in _reopened(window).spans)
    keys.press("Ctrl+Shift+Return")
    assert all(s.status == "accepted" for s in _reopened(window).spans)
    window.session.undo_stack.undo()
    assert any(s.status == "suggested" for s in _reopened(window).spans)


def test_group_retag_from_the_entity_panel(qtbot, sample_window):
    window = sample_window
    panel = window.entities
    window.docks["entities"].show()
    panel.refresh()
    spans = [s for s in window.view.doc.visible_spans() if s.text == "ЕАЭС"]
    panel.retagRequested.emit(spans, "ORG")
    assert {(s.label, s.status) for s in _reopened(window).spans if s.text == "ЕАЭС"} == {("ORG", "accepted")}
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        pass
    groups = [panel.topLevelItem(i).text(0) for i in range(panel.topLevelItemCount())]
    assert any(g.startswith("ORG  ЕАЭС ×4") for g in groups)
    assert not any(g.startswith("LOC  ЕАЭС") for g in groups)


def test_clicking_a_mention_jumps_to_it(qtbot, sample_window):
    window = sample_window
    panel = window.entities
    window.docks["entities"].show()
    panel.refresh()
    group = next(
        panel.topLevelItem(i)
        for i in range(panel.topLevelItemCount())
        if "Касым-Жомарт Токаев" in panel.topLevelItem(i).text(0)
    )
    group.setExpanded(True)
    assert group.childCount() == 3  # «Касым-Жомарта Токаева» ×2 and «Касым-Жомарт Токаев»
    mention = group.child(1)
    panel.itemClicked.emit(mention, 0)
    span = window.view.current_span()
    assert span.normal == "Касым-Жомарт Токаев" and span.start > 100


def test_propagate_after_preview(qtbot, keys, sample_window):
    window, view = sample_window, sample_window.view
    text = view.doc.text
    first = text.index("партнерству")
    view.select_offsets(first, first + len("партнерству"))
    keys.press("3")
    keys.press("Ctrl+P")
    dialog = window.findChild(PropagateDialog, "propagateDialog")
    assert dialog.isVisible() and len(dialog.hits) == text.count("партнерству") - 1
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    tagged = [s for s in _reopened(window).spans if s.text == "партнерству"]
    assert len(tagged) == text.count("партнерству") and {s.label for s in tagged} == {"ORG"}
    window.session.undo_stack.undo()
    assert len([s for s in _reopened(window).spans if s.text == "партнерству"]) == 1


def test_speaker_of_a_turn_with_alt_digit_and_realternate(qtbot, keys, sample_window):
    window, view = sample_window, sample_window.view
    speakers = [s.name for s in view.doc.speakers]
    assert speakers == ["Автор", "Интервьюер", "Дмитрий Журавлёв"]
    view.move_to_offset(view.doc.turns[4].content_start)
    keys.press("Alt+3")
    assert view.doc.turns[4].speaker == "Дмитрий Журавлёв"
    window.session.undo_stack.undo()
    assert view.doc.turns[4].speaker == "Интервьюер"
    keys.press("Ctrl+Shift+R")
    assert [t.speaker for t in _reopened(window).turns][4:8] == [
        "Дмитрий Журавлёв",
        "Интервьюер",
        "Дмитрий Журавлёв",
        "Интервьюер",
    ]
    assert [t.speaker for t in view.doc.turns][2:4] == ["Интервьюер", "Дмитрий Журавлёв"]
    window.session.undo_stack.undo()
    assert [t.speaker for t in _reopened(window).turns][4] == "Интервьюер"


def test_split_through_a_span_is_refused(qtbot, keys, sample_window):
    window, view = sample_window, sample_window.view
    span = _span(view.doc, "Финансового университета")
    view.move_to_offset(span.start + len("Финансового "))
    with qtbot.waitSignal(window.session.editRefused) as refused:
        keys.press("Ctrl+Shift+S")
    assert "span" in refused.args[0]
    assert len(_reopened(window).turns) == 20


def test_add_speaker_and_set_role(qtbot, keys, sample_window):
    window, view = sample_window, sample_window.view
    keys.press("Ctrl+Shift+N")
    dialog = window.findChild(QInputDialog, "addSpeakerDialog")
    dialog.setTextValue("Оператор")
    dialog.accept()
    assert "Оператор" in [s.name for s in _reopened(window).speakers]
    speaker = view.doc.speaker("Оператор")
    window.speakers.roleRequested.emit(speaker, "interviewer")
    assert _reopened(window).speaker("Оператор").role == "interviewer"
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    assert "Оператор" not in [s.name for s in _reopened(window).speakers]


def test_find_highlights_hits_ignoring_case_and_yo(qtbot, keys, sample_window):
    window, view = sample_window, sample_window.view
    keys.press("Ctrl+F")
    keys.type(window.find_bar.edit, "журавлев")
    assert len(window.find_bar.hits) == 1
    assert "1 found" in window.find_bar.count.text()
    keys.press("Return")
    start, end = view.selection_offsets()
    assert view.doc.text[start:end] == "Журавлёв"
    assert view.hasFocus()  # so the next key tags the hit
    keys.press("1")
    assert window.find_bar.edit.text() == "журавлев"
    assert any(s.text == "Журавлёв" and s.label == "PER" and s.status == "accepted" for s in view.doc.spans)


def test_goto_turn(qtbot, keys, sample_window):
    window, view = sample_window, sample_window.view
    keys.press("Ctrl+G")
    dialog = window.findChild(QInputDialog, "gotoTurnDialog")
    dialog.setIntValue(7)
    dialog.accept()
    assert view.turn_index_at(view.cursor_offset()) == 6


def test_f6_moves_focus_between_panels(qtbot, keys, sample_window):
    window = sample_window
    window.view.setFocus()
    keys.press("F6")
    assert window.documents.isAncestorOf(window.focusWidget()) or window.focusWidget() is window.documents.view
    keys.press("Shift+F6")
    assert window.view.hasFocus()


def test_digits_type_normally_in_the_find_box(qtbot, keys, sample_window):
    window = sample_window
    keys.press("Ctrl+F")
    before = len(window.view.doc.spans)
    keys.press("1")
    assert window.find_bar.edit.text() == "1"
    assert len(window.view.doc.spans) == before


def test_undo_survives_switching_documents(qtbot, keys, open_window, sample_copy, tmp_path):
    other = tmp_path / "second.txt"
    other.write_text("– Где вы живёте?\n\n– В Алматы, рядом с Медеу.\n", encoding="utf-8")
    window = open_window(tmp_path / "p.db")
    with qtbot.waitSignal(window.session.importFinished, timeout=120000):
        window.session.import_files([str(sample_copy), str(other)])
    first = window.view.doc.id
    keys.press("Tab")
    keys.press("Return")
    keys.press("Ctrl+PgDown")
    assert window.view.doc.id != first
    window.actions_by_id["undo"].trigger()
    assert window.view.doc.id == first  # undo shows the document it changes
    assert _span(window.view.doc, "Душанбе").status == "suggested"


def test_done_opens_the_next_document_not_done(qtbot, keys, open_window, sample_copy, tmp_path):
    other = tmp_path / "second.txt"
    other.write_text("– Где вы живёте?\n\n– В Алматы.\n", encoding="utf-8")
    window = open_window(tmp_path / "p.db")
    with qtbot.waitSignal(window.session.importFinished, timeout=120000):
        window.session.import_files([str(sample_copy), str(other)])
    first = window.view.doc.id
    keys.press("Ctrl+Return")
    box = window.findChild(QMessageBox, "unresolvedDialog")  # the sample still has suggestions: asked first
    assert box is not None and "not resolved yet" in box.text()
    assert window.view.doc.id == first
    qtbot.waitUntil(box.isActiveWindow)  # the box has the keyboard, so Return is its own
    keys.press("Return")  # «Mark done» is the default button
    assert window.view.doc.id != first
    statuses = {s.id: s.status for s in window.session.project.summaries()}
    assert statuses[first] == "done"
    window.documents.set_filter("not_done")
    assert window.documents.proxy.rowCount() == 1
    window.documents.set_filter("done")
    assert window.documents.proxy.rowCount() == 1


def test_first_edit_marks_the_document_in_progress(qtbot, keys, sample_window):
    window = sample_window
    keys.press("Tab")
    keys.press("Return")
    assert window.session.project.status(window.view.doc.id) == "in_progress"
    assert "in progress" in window.documents.model.index(0).data(Qt.ItemDataRole.DisplayRole)


def test_layout_project_and_document_are_restored(qtbot, open_window, sample_copy, tmp_path):
    db = tmp_path / "p.db"
    window = open_window(db)
    with qtbot.waitSignal(window.session.importFinished, timeout=120000):
        window.session.import_files([str(sample_copy)])
    doc_id = window.view.doc.id
    window.docks["history"].hide()
    window.close()
    again = open_window(None)  # `razmetka` alone: the last project, the last document
    assert again.session.project.path == db
    assert again.view.doc is not None and again.view.doc.id == doc_id
    assert not again.docks["history"].isVisible()


def test_after_a_split_the_caret_is_in_the_new_turn_so_alt_digit_gives_it_away(qtbot, keys, sample_window):
    view = sample_window.view
    answer = view.doc.text.index("Но думаю")
    view.move_to_offset(answer - 1)  # in the gap before «Но думаю»
    keys.press("Ctrl+Shift+S")
    new = next(t for t in view.doc.turns if t.start >= answer - 1)
    assert view.cursor_offset() == new.content_start == answer
    keys.press("Alt+1")
    assert view.doc.turn_at(answer).speaker == view.doc.speakers[0].name
    assert view.doc.turn_at(answer - 5).speaker != view.doc.speakers[0].name  # the first half kept its speaker


def test_escape_in_the_text_closes_the_find_bar(qtbot, keys, sample_window):
    window, view = sample_window, sample_window.view
    keys.press("Ctrl+F")
    keys.type(window.find_bar.edit, "Казахстан")
    keys.press("Return")
    assert window.find_bar.isVisible() and view.hasFocus()
    keys.press("Escape", view)
    assert not window.find_bar.isVisible()


def test_a_document_without_suggestions_says_why_in_the_view(qtbot, open_window, tmp_path):
    english = tmp_path / "talk.txt"
    english.write_text("- Where do you live?\n\n- In London, near the river.\n", encoding="utf-8")
    window = open_window(tmp_path / "p.db")
    with qtbot.waitSignal(window.session.importFinished, timeout=120000):
        window.session.import_files([str(english)])
    assert window.view.doc.spans == []
    assert window.banner.isVisible() and "language is en" in window.banner.text()
    doc = window.view.doc
    window.view.select_offsets(doc.text.index("London"), doc.text.index("London") + 6)
    window.tag_selection("LOC")  # tagged by hand: the banner has done its job
    assert not window.banner.isVisible()


def test_redetect_layout_previews_then_applies_one_undoable_edit(qtbot, keys, sample_window):
    from gui.relayout_dialog import RelayoutDialog

    window, view = sample_window, sample_window.view
    before = [(t.id, t.start, t.end, t.speaker) for t in view.doc.turns]
    spans = [(s.id, s.start, s.end, s.label) for s in view.doc.spans]
    keys.press("Ctrl+Shift+D")
    dialog = window.findChild(RelayoutDialog, "relayoutDialog")
    assert dialog.preview.count() == 20  # detected again: the sample's 20 turns
    dialog.choice.setCurrentIndex(dialog.choice.findData("narration"))
    assert dialog.preview.count() == 1 and "narration layout" in dialog.summary.text()
    dialog.accept()
    assert len(view.doc.turns) == 1 and view.doc.source.layout == "narration"
    assert [(s.id, s.start, s.end, s.label) for s in view.doc.spans] == spans  # every span kept
    assert len(window.session.project.load_document(view.doc.id).turns) == 1
    window.session.undo_stack.undo()
    assert [(t.id, t.start, t.end, t.speaker) for t in view.doc.turns] == before
    assert view.doc.source.layout == "dash"


def test_swap_interviewer_and_respondent_for_the_whole_document_in_one_edit(qtbot, sample_window):
    window, view = sample_window, sample_window.view
    roles = {s.name: s.role for s in view.doc.speakers}
    window.actions_by_id["swap_roles"].trigger()
    swapped = {s.name: s.role for s in view.doc.speakers}
    assert swapped["Интервьюер"] == "respondent" and swapped["Дмитрий Журавлёв"] == "interviewer"
    window.session.undo_stack.undo()
    assert {s.name: s.role for s in view.doc.speakers} == roles


def test_a_persons_money_span_gets_the_normal_form_a_model_span_would(qtbot, keys, sample_window):
    view = sample_window.view
    money = next(s for s in view.doc.spans if s.label == "MONEY")
    view.select_span(money)
    keys.press("Delete")  # rejected: the model's suggestion stays hidden
    view.select_offsets(money.start, money.end)
    keys.press("5")  # tagged again: the person changed their mind, so the suggestion is accepted after all
    assert next(s for s in view.doc.spans if s.id == money.id).status == "accepted"
    # A new tag of a person's own is normalised as the model would have done it.
    session = sample_window.session
    assert session.normal_form("MONEY", money.text) == money.normal == "28000000000 USD"
    assert session.normal_form("DATE", "11.10.2025") == "2025-10-11"
    assert session.normal_form("PER", money.text) is None
    from annotation.changes import AddSpans, flatten
    from annotation.edits import plan_tag

    start = view.doc.text.index("саммита")
    plan = plan_tag(view.doc, start, start + 7, "MONEY", "tester", lambda label, text: f"{label}:{text}")
    (added,) = [part for part in flatten(plan) if isinstance(part, AddSpans)]
    assert [s.normal for s in added.spans] == ["MONEY:саммита"]


def test_the_language_of_a_document_can_be_set_and_a_rerun_then_uses_it(qtbot, keys, open_window, tmp_path):
    from PySide6.QtWidgets import QInputDialog

    mixed = tmp_path / "mixed.txt"  # mostly English words, so it is detected as English
    mixed.write_text(  # English turns, with a Russian name in one: detected English, so untagged
        "- What about the trip, and the meeting in the capital?\n\n"
        "- We met Владимир Путин there in May, and the talks went well, they said to all of us.\n",
        encoding="utf-8",
    )
    window = open_window(tmp_path / "p.db")
    with qtbot.waitSignal(window.session.importFinished, timeout=120000):
        window.session.import_files([str(mixed)])
    doc = window.view.doc
    before = doc.source.language
    assert before != "ru" and doc.spans == [] and f"language is {before}" in window.banner.text()
    window.actions_by_id["document_language"].trigger()
    dialog = window.findChild(QInputDialog, "languageDialog")
    dialog.textValueSelected.emit("ru")
    assert doc.source.language == "ru"
    assert "has not run" in window.banner.text()  # the banner follows: now the model can run
    window.actions_by_id["rerun"].trigger()
    assert {s.text for s in doc.spans} >= {"Владимир Путин"}
    window.session.undo_stack.undo()  # the re-run
    window.session.undo_stack.undo()  # the language
    assert doc.source.language == before


def test_a_spacy_pipeline_can_be_the_suggestion_source_of_the_window(qtbot, open_window, tmp_path):
    spacy = pytest.importorskip("spacy")
    from PySide6.QtWidgets import QInputDialog

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "GPE", "pattern": "London"}])
    nlp.to_disk(tmp_path / "tiny_en")
    talk = tmp_path / "talk.txt"
    talk.write_text("- Where do you live now?\n\n- In London, near the river.\n", encoding="utf-8")
    window = open_window(tmp_path / "p.db")
    window.actions_by_id["suggestion_source"].trigger()
    window.findChild(QInputDialog, "sourceDialog").textValueSelected.emit("spacy:nowhere")
    assert "no such spaCy pipeline" in window.statusBar().currentMessage()  # refused, the preference unchanged
    window.findChild(QInputDialog, "sourceDialog").textValueSelected.emit(f"spacy:{tmp_path / 'tiny_en'}")
    with qtbot.waitSignal(window.session.importFinished, timeout=120000):
        window.session.import_files([str(talk)])
    assert [(s.text, s.label) for s in window.view.doc.spans] == [("London", "LOC")]
