"""The Review window: merge two annotators, step through their disagreements and settle them by keyboard."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QListWidget

from gui.review_window import ReviewWindow
from storage import review as stored


@pytest.fixture
def review_window(qtbot, open_window, review_case, tmp_path):
    for name in ("anna", "boris"):
        shutil.copy(review_case / f"{name}.db", tmp_path / f"{name}.db")
    window = open_window(tmp_path / "review.db")
    window.merge_projects([str(tmp_path / "anna.db"), str(tmp_path / "boris.db")])  # at once in tests
    assert window.view.doc is not None and "2 layer(s) written" in window.statusBar().currentMessage()
    window.session.annotator = "rev"
    return window


def test_disagreements_are_settled_by_keyboard_and_undone(qtbot, keys, review_window):
    window = review_window
    keys.press("Ctrl+Shift+V")
    review = window.findChild(ReviewWindow, "reviewWindow")
    qtbot.waitUntil(review.isActiveWindow)
    assert review.annotators() == ("anna", "boris")
    listing = review.findChild(QListWidget, "disagreementList")
    assert listing.count() == 4 and "0 of 4" in review.progress.text()
    doc_id = window.session.current.id

    keys.press("A")  # the boundary: anna's wider organisation
    assert [(d.kind, d.choice) for d in stored.decisions(window.session.project, doc_id)] == [("boundary", "a")]
    assert review.index == 1 and "1 of 4" in review.progress.text()
    gold = [s for s in window.view.doc.spans if s.origin == "adjudicated"]
    assert [(s.text, s.annotator) for s in gold] == [("Финансового университета при правительстве РФ", "rev")]
    keys.press("F8")  # skip the speaker one
    keys.press("T")  # the missing span: both (boris has it)
    keys.press("N")  # the label: neither
    assert "3 of 4" in review.progress.text()
    assert listing.item(0).text().startswith("✓ A")

    window.session.undo_stack.undo()  # the last choice, undone from the main window's history
    assert "2 of 4" in review.progress.text()
    assert len(stored.decisions(window.session.project, doc_id)) == 2


def test_agreement_and_model_figures_are_shown_with_a_chart(qtbot, keys, review_window):
    window = review_window
    keys.press("Ctrl+Shift+V")
    review = window.findChild(ReviewWindow, "reviewWindow")
    table = review.agreement_table
    cells = {(table.item(r, 2).text(), table.item(r, 5).text()) for r in range(table.rowCount())}
    assert ("all", f"{114 / 119:.3f}") in cells  # the hand-worked figure of the review case
    assert set(review.chart_values) == {"LOC", "MONEY", "ORG", "PER"}
    assert review.chart_values["PER"] == pytest.approx(1.0)
    assert "alpha" in review.agreement_summary.text()
    assert review.model_table.rowCount() >= 4
    assert "label" in review.model_summary.text() and "ЕАЭС" in review.model_summary.text()


def test_a_returned_document_shows_its_comment_in_the_list_and_the_view_and_filters(qtbot, keys, review_window):
    from PySide6.QtWidgets import QInputDialog

    window = review_window
    keys.press("Ctrl+Shift+V")
    review = window.findChild(ReviewWindow, "reviewWindow")
    review.ask_return()
    dialog = review.findChild(QInputDialog, "returnComment")
    dialog.textValueSelected.emit("СНГ — это организация")
    line = window.documents.proxy.index(0, 0).data()
    assert "returned: СНГ — это организация" in line
    assert window.banner.isVisible() and "СНГ — это организация" in window.banner.text()
    window.documents.set_filter("returned")
    assert window.documents.proxy.rowCount() == 1
    window.documents.set_filter("reviewed")
    assert window.documents.proxy.rowCount() == 0
    review.set_review("reviewed")
    assert window.documents.proxy.rowCount() == 1 and not window.banner.isVisible()
