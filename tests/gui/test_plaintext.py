"""Names from transcripts are never read as HTML anywhere in the window (DESIGN.md)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel

from annotation.edits import plan_add_speaker
from gui.plaintext import tooltip


def test_a_speaker_named_like_markup_is_shown_literally(qtbot, keys, sample_window):
    window = sample_window
    markup = "<b>Гость</b> & Co"
    assert window.session.push(plan_add_speaker(window.view.doc, markup, "other"))
    window.view.move_to_offset(window.view.doc.turns[0].content_start)
    window.give_turn(markup)
    names = [s.name for s in window.view.doc.speakers]
    assert markup in window.speakers.list.item(names.index(markup)).text()
    keys.press("F2")
    dialog = window.findChild(QInputDialog, "renameSpeakerDialog")
    labels = [label for label in dialog.findChildren(QLabel) if "<b>" in label.text()]
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert any(a.text() == "Give turn to <b>Гость</b> && Co" for a in window.speaker_actions)


def test_tooltips_escape_markup():
    assert tooltip("<b>x</b> & y") == "<p style='white-space:pre-wrap'>&lt;b&gt;x&lt;/b&gt; &amp; y</p>"
