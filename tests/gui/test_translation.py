"""The Russian interface: no English left in the menus, the dialogs or the status bar.

Every visible text is collected and checked for Latin words.  What may stay Latin is
listed: label names, key names, file names, dataset format names and the few
technical words the export dialog shows as the command line spells them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTableWidget,
    QWidget,
)

from annotation.layouts import LAYOUTS
from gui import translations

ROOT = Path(__file__).resolve().parents[2]
TS = translations.TRANSLATIONS / "razmetka_ru.ts"

# Latin that stays Latin in the Russian interface.
ALLOWED = {
    # labels of the default schema, names of the program and its model
    "PER", "LOC", "ORG", "DATE", "MONEY", "NER", "natasha", "Razmetka", "OK",
    "English",  # View › Language names each language in its own
    # keys
    "Ctrl", "Shift", "Alt", "Esc", "Tab", "Return", "Enter", "Delete", "PgUp", "PgDown",
    # dataset formats and what the export dialog quotes of them
    "jsonl", "doccano", "labelstudio", "brat", "conll", "spacy", "hf", "JSONL", "JSON", "CoNLL", "IOB2", "razdel",
    "spaCy", "Prodigy", "Paragraphs", "train", "dev", "test", "codepoints", "utf16", "db", "sqlite",
}  # fmt: skip
PHRASES = ("Label Studio", "Hugging Face")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]+")
FILE_NAME = re.compile(r"\S*[._]\S*[A-Za-z]\S*")  # sample.db, label_config.xml, .txt/.ann, *.db
JSON_EXAMPLE = re.compile(r"\{\".*\}")


def english_left(text: str) -> list[str]:
    """The Latin words of ``text`` that are not allowed to stay Latin."""
    text = JSON_EXAMPLE.sub(" ", text.replace("&", ""))
    for phrase in PHRASES:
        text = text.replace(phrase, " ")
    text = FILE_NAME.sub(" ", text)
    allowed = ALLOWED | set(LAYOUTS)  # layout names, as --layout spells them
    return [w for w in LATIN_WORD.findall(text) if w not in allowed and not re.fullmatch(r"F\d+", w)]


def menu_texts(menu: QMenu) -> list[str]:
    texts = [menu.title()]
    for action in menu.actions():
        if action.isSeparator():
            continue
        texts.append(action.text())
        if action.menu() is not None:
            texts += menu_texts(action.menu())
    return texts


def widget_texts(root: QWidget) -> list[str]:
    """Every text a person can read in ``root``: title, labels, buttons, boxes, placeholders, tool tips."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QTableWidget):
            headers = [widget.horizontalHeaderItem(c) for c in range(widget.columnCount())]
            texts += [item.text() for item in headers if item is not None]
        texts.append(re.sub(r"<[^>]+>", "", widget.toolTip()))
    return [t for t in texts if t]


def assert_russian(texts: list[str], where: str) -> None:
    leftovers = {t: english_left(t) for t in texts if english_left(t)}
    assert not leftovers, f"English left in {where}: {leftovers}"


@pytest.fixture
def russian(qapp):
    """The interface in Russian for one test, as ``--lang ru`` installs it before the window is built."""
    translations.install("ru")
    yield
    translations.install("en")


def test_the_checker_sees_english():
    assert english_left("&Accept suggestion") == ["Accept", "suggestion"]
    assert english_left("сохранено в sample.db · PER «Токаев» (Ctrl+.)") == []
    assert english_left("Next hit (F3)") == ["Next", "hit"]


def test_menus_status_bar_and_a_refusal_are_russian(russian, qtbot, sample_window):
    window = sample_window
    assert window.menus["File"].title() == "&Файл"
    texts = [text for top in window.menuBar().actions() for text in menu_texts(top.menu())]
    texts += [action.toolTip() for action in window.actions_by_id.values()]
    assert_russian(texts, "the menus")
    # the status bar, with the caret on a suggestion
    span = next(s for s in window.view.doc.spans if s.status == "suggested")
    window.view.select_span(span)
    bar = window.statusBar()
    assert_russian(widget_texts(bar), "the status bar")
    assert "подсказка" in window.span_info.text()
    # a refusal planned by annotation.edits: merging the first turn
    window.view.move_to_offset(window.view.doc.turns[0].content_start)
    window.merge_turn()
    assert bar.currentMessage() == "У первой реплики нет предыдущей, с которой её можно объединить."
    window.view.move_to_offset(0)  # a message of the window itself
    window.go_entity(False)
    assert_russian([bar.currentMessage()], "the status bar")
    assert bar.currentMessage() == "Предыдущей сущности нет."
    # panels and the document list
    texts = [dock.windowTitle() for dock in window.docks.values()]
    texts += widget_texts(window.documents) + widget_texts(window.speakers)
    model = window.documents.model
    texts += [model.index(r).data() for r in range(model.rowCount())]
    texts += [window.speakers.list.item(r).text() for r in range(window.speakers.list.count())]
    assert_russian(texts, "the panels")
    assert "реплик" in window.speakers.list.item(0).text()


def test_dialogs_are_russian(russian, qtbot, keys, sample_window):
    window = sample_window
    # Help › Keyboard shortcuts: the menu and what each key does, from the shortcut table
    window.show_shortcuts()
    dialog = window.findChild(QDialog, "shortcutsDialog")
    table = dialog.findChild(QTableWidget)
    cells = [table.item(r, c).text() for r in range(table.rowCount()) for c in (1, 2)]
    assert_russian(widget_texts(dialog) + cells, "the shortcuts dialog")
    dialog.close()
    # the label schema, export, search, find and propagate dialogs
    window.edit_labels()
    window.export_dialog()
    window.search_all()
    search = window.findChild(QDialog, "searchDialog")
    keys.type(search.edit, "журавлев")
    search.run()
    assert search.summary.text().startswith("Найден")
    window.open_review()
    window.redetect_layout()
    names = ("labelDialog", "exportDialog", "searchDialog", "reviewWindow", "relayoutDialog")
    opened = {name: window.findChild(QDialog, name) for name in names}
    for name, dialog in opened.items():
        assert dialog.isVisible(), name
        assert_russian(widget_texts(dialog), name)
        dialog.close()
    window.done_and_next()  # suggestions are left: it asks first
    unresolved = window.findChild(QDialog, "unresolvedDialog")
    assert_russian(widget_texts(unresolved), "the question before marking done")
    assert "Нерешённых подсказок" in unresolved.text()
    unresolved.close()
    window.find()
    assert_russian(widget_texts(window.find_bar), "the find bar")
    keys.type(window.find_bar.edit, "партнерству")
    assert window.find_bar.count.text().startswith("найдено")
    text = window.view.doc.text
    first = text.index("партнерству")
    window.view.select_offsets(first, first + len("партнерству"))
    window.tag_selection("ORG")
    window.propagate()
    propagate = window.findChild(QDialog, "propagateDialog")
    assert_russian(widget_texts(propagate), "the propagate dialog")
    assert "неразмеченн" in propagate.findChild(QLabel).text()


def test_english_is_the_source_and_needs_no_translator(qtbot, sample_window):
    window = sample_window
    assert window.menus["File"].title() == "&File"
    window.view.move_to_offset(window.view.doc.turns[0].content_start)
    window.merge_turn()
    assert window.statusBar().currentMessage() == "The first turn has no turn before it to merge with."


def test_refusal_keeps_its_english_message_and_its_template():
    from annotation.edits import Refusal

    refusal = Refusal("«{surface}» is already tagged {label}.", surface="Москва", label="LOC")
    assert refusal.message == "«Москва» is already tagged LOC."
    assert refusal.template == "«{surface}» is already tagged {label}."
    assert Refusal("{not a field}").message == "{not a field}"  # text from below is never formatted twice


def test_refusal_text_translates_then_fills(russian):
    from annotation.edits import Refusal

    refusal = Refusal("«{surface}» is already tagged {label}.", surface="{Москва}", label="LOC")
    assert translations.refusal_text(refusal) == "«{Москва}» уже помечено как LOC."


def test_every_status_role_origin_and_error_kind_has_a_translation(russian):
    from annotation.model import DOCUMENT_STATUSES, ORIGINS, ROLES, STATUSES
    from annotation.quality import ERROR_KINDS

    for value in (*DOCUMENT_STATUSES, *ROLES, *STATUSES, *ORIGINS, *ERROR_KINDS):
        assert value in translations.WORDS, f"add {value!r} to gui/translations.py WORDS"
        assert not english_left(translations.word(value)), value


def test_language_comes_from_the_option_then_the_preference_then_the_system(monkeypatch):
    from gui import settings

    monkeypatch.setattr(translations, "system_language", lambda: "ru")
    assert translations.choose_language(None) == "ru"
    settings.put("language", "en")
    assert translations.choose_language(None) == "en"
    assert translations.choose_language("ru") == "ru"
    settings.put("language", "")
    assert translations.choose_language(None) == "ru"


def test_view_language_menu_sets_the_preference(qtbot, sample_window):
    from gui import settings

    window = sample_window
    menu = window.findChild(QMenu, "languageMenu")
    russian = next(a for a in menu.actions() if a.data() == "ru")
    russian.trigger()
    assert settings.get("language") == "ru" and russian.isChecked()
    assert "next starts" in window.statusBar().currentMessage()


def test_lang_option_of_the_command_line():
    run = [sys.executable, "-m", "cli"]
    shown = subprocess.run([*run, "open", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert shown.returncode == 0 and "--lang {en,ru}" in shown.stdout
    wrong = subprocess.run([*run, "--lang", "de"], capture_output=True, text=True, cwd=ROOT)
    assert wrong.returncode == 2 and "invalid choice: 'de'" in wrong.stderr


def test_the_translation_is_complete_and_in_step_with_the_code(tmp_path):
    """lupdate over the code finds nothing new or gone, and every string has its Russian."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run(translations.lupdate_command(ROOT, [str(copy)]), cwd=ROOT, check=True, capture_output=True)

    def messages(path: Path) -> set[tuple[str, str]]:
        root = ET.parse(path).getroot()
        return {(c.findtext("name") or "", m.findtext("source")) for c in root for m in c.iter("message")}

    assert messages(copy) == messages(TS)
    unfinished = [m.findtext("source") for m in ET.parse(copy).getroot().iter("message")
                  if m.find("translation").get("type") == "unfinished"]  # fmt: skip
    assert not unfinished
    qm = tmp_path / "razmetka_ru.qm"
    subprocess.run([shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease")),
                    str(TS), "-qm", str(qm)], check=True, capture_output=True)  # fmt: skip
    assert qm.read_bytes() == translations.qm_path("ru").read_bytes(), "run python -m gui.translations --update"


def test_undo_texts_are_russian_and_the_edit_log_keeps_english(russian, qtbot, keys, sample_window):
    window = sample_window
    keys.press("Tab")
    keys.press("Return")  # accept a suggestion
    undo = window.actions_by_id["undo"].text()
    assert undo.startswith("&Отменить: Принять") and english_left(undo.split("«")[0]) == []
    (entry,) = window.session.project.edit_log(window.view.doc.id)[-1:]
    assert entry.text.startswith("Accept ")  # the project file stays in one language


def test_a_split_refusal_is_russian(russian, qtbot, keys, sample_window):
    window, view = sample_window, sample_window.view
    word = view.doc.text.index("Финансового")
    view.move_to_offset(word + 3)  # inside a word
    with qtbot.waitSignal(window.session.editRefused) as refused:
        keys.press("Ctrl+Shift+S")
    assert refused.args[0].startswith("Курсор внутри слова")


def test_an_import_note_is_russian(russian, qtbot, open_window, tmp_path):
    english = tmp_path / "talk.txt"
    english.write_text("- Where do you live?\n\n- In London, near the river.\n", encoding="utf-8")
    window = open_window(tmp_path / "p.db")
    messages = []
    window.statusBar().messageChanged.connect(messages.append)
    with qtbot.waitSignal(window.session.importFinished, timeout=120000):
        window.session.import_files([str(english)])
    assert any("natasha размечает только русский текст" in m for m in messages)


def test_an_export_report_is_russian(russian, qtbot, sample_window, tmp_path):
    from annotation.formats.export import ExportOptions

    window = sample_window
    with qtbot.waitSignal(window.session.exportFinished, timeout=60000):
        window.session.export(ExportOptions(format="conll", out=tmp_path / "x.conll"))
    message = window.statusBar().currentMessage()
    assert message.startswith("выгружено документов: 1") and "внимание:" in message


def test_earlier_sessions_in_the_history_are_russian(russian, qtbot, keys, open_window, sample_window):
    from PySide6.QtWidgets import QListWidget

    window = sample_window
    path = window.session.project.path
    keys.press("Tab")
    keys.press("Return")
    window.close()
    window.session.project.close()
    again = open_window(path)
    earlier = again.findChild(QListWidget, "editLog")
    assert earlier.count() == 1 and ": Принять " in earlier.item(0).text()


def test_a_refused_write_is_russian(russian, qtbot, keys, open_window, seeded_db, tmp_path, monkeypatch):
    import os
    import shutil

    copy = tmp_path / "locked.db"
    shutil.copy(seeded_db[0], copy)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if str(p) == str(copy) and mode & os.W_OK
                        else real_access(p, mode, **kw))
    window = open_window(copy)
    with qtbot.waitSignal(window.session.editRefused) as refused:
        keys.press("Tab")
        keys.press("Return")
    assert "только для чтения" in refused.args[0] and english_left(refused.args[0].split(":")[0]) == []
