from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """Preferences and the default project live in the test's own folder."""
    import gui.settings

    ini = tmp_path / "settings.ini"
    monkeypatch.setattr(gui.settings, "_settings", lambda: QSettings(str(ini), QSettings.Format.IniFormat))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture
def open_window(qtbot, ner_model):
    """Open the window on a project, as ``razmetka open`` does; closes it afterwards."""
    from gui.app import create_window

    windows = []

    def open_(db, files=()):
        window = create_window(db, [str(f) for f in files])
        qtbot.addWidget(window)
        windows.append(window)
        qtbot.waitUntil(window.isActiveWindow)
        return window

    yield open_
    for window in windows:
        window.session.runner.wait(30000)
        window.close()
        window.session.project.close()


@pytest.fixture
def sample_window(open_window, seeded_db, tmp_path):
    """A window showing the sample as imported with its NER suggestions (a copy of the seeded project)."""
    import shutil

    path, _doc_id = seeded_db
    copy = tmp_path / "sample.db"
    shutil.copy(path, copy)
    window = open_window(copy)
    assert window.view.doc is not None
    return window


@pytest.fixture(autouse=True)
def _immediate_tasks(request, monkeypatch):
    """Background work runs at once on the UI thread, unless a test is marked ``threaded``."""
    if request.node.get_closest_marker("threaded") is None:
        import gui.session
        from gui.tasks import ImmediateRunner

        monkeypatch.setattr(gui.session, "TaskRunner", ImmediateRunner)


class Keys:
    """Type as a person would.  ``qtbot.keyClicks`` aborts on non-ASCII text (DESIGN.md),
    so Cyrillic goes in as key events that carry the text."""

    @staticmethod
    def type(widget, text: str) -> None:
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))

    @staticmethod
    def press(key: str, widget=None) -> None:
        """Press a key sequence such as ``"Ctrl+Shift+S"`` on ``widget``, or whatever has the focus."""
        from PySide6.QtGui import QKeySequence
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        combo = QKeySequence(key)[0]
        target = widget or QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard focus"
        QTest.keyClick(target, combo.key(), combo.keyboardModifiers())


@pytest.fixture
def keys() -> Keys:
    return Keys()


@pytest.fixture(scope="session")
def seeded_db(sample_project_file):
    """The sample imported once per run (``tests/conftest.py: sample_project_file``); tests copy it."""
    return sample_project_file


@pytest.fixture
def seeded_project(seeded_db, tmp_path):
    """A fresh copy of the seeded project, open; closed afterwards."""
    import shutil

    from storage import Project

    path, doc_id = seeded_db
    copy = tmp_path / "p.db"
    shutil.copy(path, copy)
    project = Project(copy)
    yield project, doc_id
    project.close()


@pytest.fixture
def stored():
    """``stored(window, span_id)``: a span as the project file has it now (None if it is gone)."""

    def read(window, span_id):
        doc = window.session.project.load_document(window.session.current.id)
        return next((s for s in doc.spans if s.id == span_id), None)

    return read
