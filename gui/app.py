"""Start the application: the window first, then the model and imports in the background."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from annotation.annotator import default_annotator
from storage import Project, StorageError, default_project_path

from . import settings
from .main_window import MainWindow
from .session import Session
from .translations import choose_language, install


def choose_project(db_path: Path | None) -> Path:
    """``--db`` if given, else the project open last time (if it still exists), else the default."""
    if db_path is not None:
        return db_path
    last = settings.get("last_project")
    if last and Path(last).exists():
        return Path(last)
    return default_project_path()


def create_window(db_path: Path | None, files: list[str]) -> MainWindow:
    """Open the project, show the window, then load the model and import ``files`` off the UI thread."""
    path = choose_project(db_path)
    session = Session(Project(path), settings.get("annotator") or default_annotator())
    settings.put("last_project", str(path))
    window = MainWindow(session)
    window.show()
    window.activateWindow()  # with no window manager (Xvfb, kiosks) nothing else gives it the keyboard
    session.load_model()
    if files:
        session.import_files(files)
    else:
        window.restore_last_document()
    return window


def run_app(db_path: Path | None, files: list[str], lang: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Razmetka")
    app.setOrganizationName("Razmetka")
    install(choose_language(lang))  # ``--lang``, else the preference, else the system's; before any window
    try:
        window = create_window(db_path, files)
    except StorageError as exc:
        box = QMessageBox(QMessageBox.Icon.Critical, "Razmetka", "")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(str(exc))
        box.exec()
        print(f"razmetka: {exc}", file=sys.stderr)
        return 2
    code = app.exec()
    window.session.project.close()
    return code
