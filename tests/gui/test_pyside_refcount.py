"""PySide6 6.12.0 aborts CPython 3.11 after a few thousand calls of methods that
return nothing (DESIGN.md).  This keeps any version we allow proven safe."""

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit


def test_twenty_thousand_calls_of_void_methods_survive(qtbot):
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    document = QTextDocument("x" * 100)
    cursor = QTextCursor(document)
    for i in range(20_000):
        edit.setReadOnly(i % 2 == 0)
        cursor.setPosition(i % 100)
    assert edit.isReadOnly() is False
    assert cursor.position() == 99
