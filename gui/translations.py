"""The interface language: which one, installing its translators, and rebuilding them.

Every user-visible string in ``gui/`` goes through Qt's translation: ``self.tr`` in
QObject subclasses, :func:`translate` with an explicit context in the window's mixins
and module functions, ``QT_TRANSLATE_NOOP`` for tables built at import time.  The
edit refusals of :mod:`annotation.edits` carry an English template that
:func:`refusal_text` translates and then fills.

The language is ``--lang`` if given, else the preference (View › Language), else the
system locale's, else English.  ``python -m gui.translations --update`` extracts the
strings into ``resources/translations/razmetka_ru.ts`` (``pyside6-lupdate``), compiles
the ``.qm`` files (``pyside6-lrelease``) and regenerates the README's shortcut tables.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from annotation.bundled import RESOURCES
from annotation.edits import Refusal
from annotation.phrases import Phrase

from . import settings

TRANSLATIONS = RESOURCES / "translations"
LANGUAGES = {"en": "English", "ru": "Русский"}  # each in its own language, as language menus show them
# The context pyside6-lupdate gives strings marked outside any class: the ``Refusal("…")``
# literals of annotation/edits.py and the ``N_("…")`` texts of the shortcut table.
MARKED = ""
ALIASES = "QT_TR_NOOP+=Refusal,QT_TR_NOOP+=N_,QT_TR_NOOP+=Title,QT_TR_NOOP+=Phrase"

_installed: list[QTranslator] = []


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate``; ``pyside6-lupdate`` reads calls of it by this name too.

    Measured with PySide6 6.11's lupdate: it files ``translate(…, n)`` as a plural entry
    only when ``n`` is a literal, and it skips the whole call when ``n`` is an expression
    (``len(x)``, ``a.b``).  So counts go in as ``{n}`` and ``.format``; Russian plural
    forms (``%n``) are for ``self.tr(text, None, count)`` with a plain name for the count.
    """
    return QCoreApplication.translate(context, text, disambiguation, n)


def title_text(text: str) -> str:
    """Text from below Qt in the interface language: a :class:`annotation.phrases.Phrase` (an undo
    entry's ``Title``, an import note) is translated and refilled; any other text stays as it is."""
    if isinstance(text, Phrase):
        template = translate(MARKED, text.template)
        return template.format(**dict(text.params)) if text.params else template
    return text


def refusal_text(refusal: Refusal) -> str:
    """A refusal from :mod:`annotation.edits` in the interface language: the template translated, then filled."""
    template = translate(MARKED, refusal.template)
    return template.format(**dict(refusal.params)) if refusal.params else template


# -- words of the data model, shown in panels, menus and the status bar ------------------

WORDS = {
    # document statuses
    "new": QT_TRANSLATE_NOOP("Words", "new"),
    "in_progress": QT_TRANSLATE_NOOP("Words", "in progress"),
    "done": QT_TRANSLATE_NOOP("Words", "done"),
    # speaker roles
    "interviewer": QT_TRANSLATE_NOOP("Words", "interviewer"),
    "respondent": QT_TRANSLATE_NOOP("Words", "respondent"),
    "narrator": QT_TRANSLATE_NOOP("Words", "narrator"),
    "other": QT_TRANSLATE_NOOP("Words", "other"),
    # span statuses and origins
    "suggested": QT_TRANSLATE_NOOP("Words", "suggested"),
    "accepted": QT_TRANSLATE_NOOP("Words", "accepted"),
    "rejected": QT_TRANSLATE_NOOP("Words", "rejected"),
    "model": QT_TRANSLATE_NOOP("Words", "model"),
    "human": QT_TRANSLATE_NOOP("Words", "human"),
    "imported": QT_TRANSLATE_NOOP("Words", "imported"),
    "adjudicated": QT_TRANSLATE_NOOP("Words", "adjudicated"),
    # kinds of model error (annotation/quality.py), in the Review window
    "correct": QT_TRANSLATE_NOOP("Words", "correct"),
    "label": QT_TRANSLATE_NOOP("Words", "label"),
    "boundary": QT_TRANSLATE_NOOP("Words", "boundary"),
    "label_and_boundary": QT_TRANSLATE_NOOP("Words", "label and boundary"),
    "missed": QT_TRANSLATE_NOOP("Words", "missed"),
    "spurious": QT_TRANSLATE_NOOP("Words", "spurious"),
}


def word(value: str) -> str:
    """A status, role or origin of the data model, in the interface language (unknown values as they are)."""
    value = str(getattr(value, "value", value))
    return translate("Words", WORDS[value]) if value in WORDS else value.replace("_", " ")


# -- choosing and installing -----------------------------------------------------------


def system_language() -> str:
    """The system locale's language if there is a translation for it, else English."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def choose_language(requested: str | None = None) -> str:
    """``--lang`` if given, else the preference, else the system's."""
    for choice in (requested, settings.get("language")):
        if choice in LANGUAGES:
            return choice
    return system_language()


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"razmetka_{language}.qm"


def translator(language: str) -> QTranslator | None:
    """Razmetka's own translator for ``language`` (None for English, the source language)."""
    if language == "en":
        return None
    found = QTranslator()
    if not found.load(str(qm_path(language))):
        raise FileNotFoundError(f"{qm_path(language)}: no compiled translation for {language!r}")
    return found


def install(language: str) -> str:
    """Make ``language`` the interface language of the running application (before windows are built).

    Installs Razmetka's translator and Qt's own (standard buttons: OK, Cancel, Close).
    Installing English removes what an earlier call installed.
    """
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    while _installed:
        app.removeTranslator(_installed.pop())
    ours = translator(language)
    if ours is not None:
        qt = QTranslator()
        if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt)
        _installed.append(ours)
        for each in _installed:
            app.installTranslator(each)
    return language


def language_menu(parent: QWidget) -> QMenu:
    """View › Language: the preference, applied when Razmetka next starts."""
    menu = QMenu(translate("Language", "&Language"), parent)
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    chosen = settings.get("language")
    options = [("", translate("Language", "As the system"))] + list(LANGUAGES.items())
    for code, name in options:
        action = menu.addAction(name)
        action.setCheckable(True)
        action.setChecked(code == chosen)
        action.setData(code)
        group.addAction(action)

    def choose(action) -> None:
        settings.put("language", action.data())
        main = parent.window()
        main.statusBar().showMessage(translate("Language", "The language changes when Razmetka next starts."), 8000)

    group.triggered.connect(choose)
    return menu


# -- rebuilding the translations -----------------------------------------------------------


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        raise SystemExit(f"{name} not found: install PySide6 (it ships {name})")
    return found


def lupdate_command(root: Path, ts_files: list[str]) -> list[str]:
    """``pyside6-lupdate`` over gui/ and the refusals of annotation/edits.py, run from ``root``.

    Files are named one by one: lupdate reads a folder only for the ``-extensions`` given
    before it, and the order of options is easy to get wrong.
    """
    sources = sorted(p.relative_to(root).as_posix() for p in (root / "gui").rglob("*.py"))
    sources += ["annotation/edits.py", "annotation/label_edits.py", "annotation/turns.py", "annotation/importing.py"]
    sources += ["annotation/formats/export.py", "storage/merge.py", "storage/connection.py", "storage/project.py"]
    sources += ["annotation/formats/atomic.py", "annotation/formats/docbin.py", "annotation/formats/doccano.py"]
    options = ["-no-obsolete", "-locations", "none", "-tr-function-alias", ALIASES]
    return [_tool("pyside6-lupdate"), *sources, *options, "-ts", *ts_files]


def update(root: Path) -> None:
    """Extract every translatable string into the .ts files, compile them, regenerate the README tables."""
    ts_files = [str(TRANSLATIONS / f"razmetka_{code}.ts") for code in LANGUAGES if code != "en"]
    subprocess.run(lupdate_command(root, ts_files), cwd=root, check=True)
    for ts in ts_files:
        subprocess.run([_tool("pyside6-lrelease"), ts], cwd=root, check=True)
    subprocess.run([sys.executable, "-m", "gui.shortcuts", "--readme"], cwd=root, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gui.translations", description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="run lupdate and lrelease, regenerate the README tables")
    args = parser.parse_args(argv)
    if not args.update:
        parser.print_help()
        return 0
    update(Path(__file__).resolve().parent.parent)
    return 0


if __name__ == "__main__":
    sys.exit(main())
