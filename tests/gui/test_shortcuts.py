from pathlib import Path

from PySide6.QtGui import QKeySequence

from gui.shortcuts import README_LANGUAGES, SHORTCUTS, readme_section

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_shortcut_sections_are_generated_from_the_table():
    readme = README.read_text(encoding="utf-8")
    for language in README_LANGUAGES:
        assert readme_section(language) in readme, f"run python -m gui.shortcuts --readme ({language})"
    russian = readme_section("ru")
    assert "| Ctrl+Shift+S | Реплики | Разделить реплику под курсором на две |" in russian
    assert "| keys | menu | what it does |" in readme_section("en")


def test_every_shortcut_is_in_the_menus(qtbot, tmp_path):
    from annotation.annotator import default_annotator
    from gui.main_window import MainWindow
    from gui.session import Session
    from storage import Project

    window = MainWindow(Session(Project(tmp_path / "p.db", create=True), default_annotator()))
    qtbot.addWidget(window)
    in_menus = {action.shortcut().toString() for top in window.menuBar().actions() for action in top.menu().actions()}
    for shortcut in SHORTCUTS:
        if shortcut.keys and shortcut.window == "main":  # the Review window binds its own
            assert QKeySequence(shortcut.keys).toString() in in_menus
    for hotkey in ("1", "2", "3"):
        assert hotkey in in_menus
    window.session.project.close()
