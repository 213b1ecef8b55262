"""Start the application: the window first, then the model and imports in the background."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from annotation.annotator import default_annotator
from storage import Project, StorageError

from .main_window import MainWindow
from .session import Session


def create_window(db_path: Path, files: list[str]) -> MainWindow:
    """Open the project, show the window, then load the model and import ``files`` off the UI thread."""
    session = Session(Project(db_path), default_annotator())
    window = MainWindow(session)
    window.show()
    session.load_model()
    if files:
        session.import_files(files)
    return window


def run_app(db_path: Path, files: list[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Razmetka")
    app.setOrganizationName("Razmetka")
    try:
        window = create_window(db_path, files)
    except StorageError as exc:
        QMessageBox.critical(None, "Razmetka", str(exc))
        print(f"razmetka: {exc}", file=sys.stderr)
        return 2
    code = app.exec()
    window.session.project.close()
    return code
