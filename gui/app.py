"""Start the application: the window first, then the model and imports in the background."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from annotation.annotator import default_annotator
from storage import Project, StorageError
from storage.paths import ProjectChoice
from storage.paths import choose_project as project_rule

from . import settings
from .main_window import MainWindow
from .session import Session
from .translations import choose_language, install


def choose_project(db_path: str | Path | None, files: list[str] | None = None) -> ProjectChoice:
    """The CLI's rule (``--db``, else ``RAZMETKA_DB``, else the default project), except that
    a window opened with no files to import may reopen the project it showed last."""
    return project_rule(db_path, last=None if files else settings.get("last_project") or None)


def create_window(db_path: str | Path | None, files: list[str], choice: ProjectChoice | None = None) -> MainWindow:
    """Open the project, show the window, then load the model and import ``files`` off the UI thread."""
    path = (choice or choose_project(db_path, files)).path
    session = Session(Project(path, create=True), settings.get("annotator") or default_annotator())
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


def run_app(db_path: str | Path | None, files: list[str], lang: str | None = None) -> int:
    choice = choose_project(db_path, files)
    print(choice.line(), file=sys.stderr, flush=True)  # first, even if no display can be opened
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Razmetka")
    app.setOrganizationName("Razmetka")
    install(choose_language(lang))  # ``--lang``, else the preference, else the system's; before any window
    try:
        window = create_window(db_path, files, choice)
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
