from __future__ import annotations

import pytest


@pytest.fixture
def open_window(qtbot, ner_model):
    """Open the window on a project, as ``razmetka open`` does; closes it afterwards."""
    from gui.app import create_window

    windows = []

    def open_(db, files=()):
        window = create_window(db, [str(f) for f in files])
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield open_
    for window in windows:
        window.session.runner.wait(30000)
        window.close()
        window.session.project.close()
