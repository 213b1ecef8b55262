"""Every keyboard shortcut, in one table.

The menus, Help › Keyboard shortcuts and the README sections (English and Russian)
are generated from :data:`SHORTCUTS` (``python -m gui.shortcuts --readme`` rewrites
the README parts).  Texts are marked with :func:`N_` and translated where shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QTranslator

from .translations import MARKED, translate, translator


def N_(text: str) -> str:
    """Mark ``text`` for translation (``pyside6-lupdate`` reads ``N_`` as ``QT_TR_NOOP``)."""
    return text


def tr(text: str, into: QTranslator | None = None) -> str:
    """A text of the table in the interface language, or in ``into``'s."""
    if into is None:
        return translate(MARKED, text)
    return into.translate(MARKED, text) or text


class Action(str, Enum):
    """Every action of the window; each handler is registered where it is written (``actions.handles``)."""

    IMPORT = "import"
    EXPORT = "export"
    OPEN_PROJECT = "open_project"
    ANNOTATOR = "annotator"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    FIND = "find"
    FIND_NEXT = "find_next"
    FIND_PREVIOUS = "find_previous"
    CLOSE_FIND = "close_find"
    SEARCH_ALL = "search_all"
    TAG = "tag"
    ACCEPT = "accept"
    REMOVE = "remove"
    CYCLE = "cycle"
    GROW_END = "grow_end"
    SHRINK_END = "shrink_end"
    GROW_START = "grow_start"
    SHRINK_START = "shrink_start"
    ACCEPT_TURN = "accept_turn"
    ACCEPT_DOCUMENT = "accept_document"
    PROPAGATE = "propagate"
    RERUN = "rerun"
    LABELS = "labels"
    SPEAKER = "speaker"
    SPLIT = "split"
    MERGE = "merge"
    REALTERNATE = "realternate"
    RENAME_SPEAKER = "rename_speaker"
    ADD_SPEAKER = "add_speaker"
    NEXT_ENTITY = "next_entity"
    PREVIOUS_ENTITY = "previous_entity"
    NEXT_SUGGESTION = "next_suggestion"
    PREVIOUS_SUGGESTION = "previous_suggestion"
    GOTO_TURN = "goto_turn"
    NEXT_PANEL = "next_panel"
    PREVIOUS_PANEL = "previous_panel"
    DONE_NEXT = "done_next"
    NEXT_DOCUMENT = "next_document"
    PREVIOUS_DOCUMENT = "previous_document"
    SHORTCUTS = "shortcuts"
    REDETECT = "redetect"
    LANGUAGE = "document_language"
    SOURCE = "suggestion_source"
    SWAP_ROLES = "swap_roles"
    REVIEW = "review"
    MERGE_PROJECTS = "merge_projects"
    NEXT_DISAGREEMENT = "next_disagreement"
    PREVIOUS_DISAGREEMENT = "previous_disagreement"
    CHOOSE_A = "choose_a"
    CHOOSE_B = "choose_b"
    CHOOSE_BOTH = "choose_both"
    CHOOSE_NEITHER = "choose_neither"


@dataclass(frozen=True)
class Shortcut:
    action: Action
    keys: str  # a QKeySequence string; for families ("1–9") see ``family``
    menu: str
    text: str
    help: str
    family: bool = False  # one entry standing for several keys, bound from the labels or speakers
    in_view: bool = False  # active only while the transcript has the focus
    window: str = "main"  # "review": a key of the Review window, bound there


SHORTCUTS: tuple[Shortcut, ...] = (
    # File
    Shortcut(Action.IMPORT, "Ctrl+I", "File", N_("&Import transcripts…"), N_("Import transcript files or a folder")),
    Shortcut(
        Action.EXPORT, "Ctrl+E", "File", N_("&Export dataset…"), N_("Export the project's annotations as a dataset")
    ),
    Shortcut(Action.OPEN_PROJECT, "Ctrl+O", "File", N_("&Open project…"), N_("Open or create another project file")),
    Shortcut(
        Action.ANNOTATOR,
        "",
        "File",
        N_("Annotator &name…"),
        N_("Set the name recorded on every span you tag, accept or reject (default: your user name)"),
    ),
    Shortcut(Action.QUIT, "Ctrl+Q", "File", N_("&Quit"), N_("Close the window; everything is already saved")),
    # Edit
    Shortcut(Action.UNDO, "Ctrl+Z", "Edit", N_("&Undo"), N_("Undo the last edit, in any document")),
    Shortcut(Action.REDO, "Ctrl+Shift+Z", "Edit", N_("&Redo"), N_("Redo the edit last undone")),
    Shortcut(Action.FIND, "Ctrl+F", "Edit", N_("&Find in document…"), N_("Search this document; hits are highlighted")),
    Shortcut(Action.FIND_NEXT, "F3", "Edit", N_("Find &next"), N_("Next hit of the search")),
    Shortcut(Action.FIND_PREVIOUS, "Shift+F3", "Edit", N_("Find &previous"), N_("Previous hit of the search")),
    Shortcut(
        Action.CLOSE_FIND,
        "Escape",
        "Edit",
        N_("&Close find bar"),
        N_("Close the find bar and clear its hits"),
        in_view=True,
    ),
    Shortcut(
        Action.SEARCH_ALL,
        "Ctrl+Shift+F",
        "Edit",
        N_("&Search all documents…"),
        N_("Full-text search over every document, finding inflected forms and ё/е variants"),
    ),
    # Annotate
    Shortcut(
        Action.TAG,
        "1–9",
        "Annotate",
        N_("Tag as {label}"),
        N_("Tag the selected words with the label of that hotkey; with no selection, retag the span at the cursor"),
        family=True,
        in_view=True,
    ),
    Shortcut(
        Action.ACCEPT,
        "Return",
        "Annotate",
        N_("&Accept suggestion"),
        N_("Accept the suggestion at the cursor"),
        in_view=True,
    ),
    Shortcut(
        Action.REMOVE,
        "Delete",
        "Annotate",
        N_("&Reject or delete span"),
        N_("Reject the suggestion at the cursor (it stays hidden) or delete a person's span"),
        in_view=True,
    ),
    Shortcut(
        Action.CYCLE,
        "Ctrl+.",
        "Annotate",
        N_("&Cycle overlapping spans"),
        N_("Make the next of several nested or overlapping spans at the cursor the current one"),
        in_view=True,
    ),
    Shortcut(
        Action.GROW_END,
        "Alt+Right",
        "Annotate",
        N_("Extend end by a word"),
        N_("Move the span's end one word right"),
        in_view=True,
    ),
    Shortcut(
        Action.SHRINK_END,
        "Alt+Left",
        "Annotate",
        N_("Shrink end by a word"),
        N_("Move the span's end one word left"),
        in_view=True,
    ),
    Shortcut(
        Action.GROW_START,
        "Alt+Shift+Left",
        "Annotate",
        N_("Extend start by a word"),
        N_("Move the span's start one word left"),
        in_view=True,
    ),
    Shortcut(
        Action.SHRINK_START,
        "Alt+Shift+Right",
        "Annotate",
        N_("Shrink start by a word"),
        N_("Move the span's start one word right"),
        in_view=True,
    ),
    Shortcut(
        Action.ACCEPT_TURN,
        "Shift+Return",
        "Annotate",
        N_("Accept all in &turn"),
        N_("Accept every suggestion in the current turn"),
    ),
    Shortcut(
        Action.ACCEPT_DOCUMENT,
        "Ctrl+Shift+Return",
        "Annotate",
        N_("Accept all in &document"),
        N_("Accept every suggestion in the document"),
    ),
    Shortcut(
        Action.PROPAGATE,
        "Ctrl+P",
        "Annotate",
        N_("&Propagate tag…"),
        N_("Tag identical untagged text in the document like the span at the cursor, after a preview"),
    ),
    Shortcut(
        Action.RERUN,
        "Ctrl+R",
        "Annotate",
        N_("Re-run the &model"),
        N_("Run natasha again on this document; nothing a person accepted, changed or rejected comes back"),
    ),
    Shortcut(
        Action.LANGUAGE,
        "",
        N_("Annotate"),
        N_("Document &language…"),
        N_("Set the language of this document's text; a re-run of the model then uses it"),
    ),
    Shortcut(
        Action.SOURCE,
        "",
        N_("Annotate"),
        N_("Suggestion &source…"),
        N_("Choose where suggestions come from: natasha (Russian) or any installed spaCy pipeline, spacy:NAME"),
    ),
    Shortcut(
        Action.LABELS,
        "Ctrl+Shift+L",
        "Annotate",
        N_("&Label schema…"),
        N_("Edit labels: name, colour, hotkey, description"),
    ),
    # Turns
    Shortcut(
        Action.SPEAKER,
        "Alt+1–9",
        "Turns",
        N_("Give turn to {speaker}"),
        N_("Set the speaker of the current turn (speakers in the Speakers panel's order)"),
        family=True,
    ),
    Shortcut(
        Action.SPLIT, "Ctrl+Shift+S", "Turns", N_("&Split turn at cursor"), N_("Split the turn at the cursor into two")
    ),
    Shortcut(
        Action.MERGE,
        "Ctrl+Shift+M",
        "Turns",
        N_("&Merge with previous"),
        N_("Merge the current turn into the one before"),
    ),
    Shortcut(
        Action.REALTERNATE,
        "Ctrl+Shift+R",
        "Turns",
        N_("&Re-alternate from here"),
        N_("Swap interviewer and respondent from the current turn to the end of the run"),
    ),
    Shortcut(
        Action.RENAME_SPEAKER, "F2", "Turns", N_("Re&name speaker…"), N_("Rename the current turn's speaker everywhere")
    ),
    Shortcut(Action.ADD_SPEAKER, "Ctrl+Shift+N", "Turns", N_("&Add speaker…"), N_("Add a speaker to this document")),
    Shortcut(
        Action.SWAP_ROLES,
        "",
        N_("Turns"),
        N_("S&wap interviewer and respondent"),
        N_("Swap the two roles for the whole document, when the guess was the wrong way round"),
    ),
    Shortcut(
        Action.REDETECT,
        "Ctrl+Shift+D",
        "Turns",
        N_("Re-detect &layout…"),
        N_("Find this document's turns again with a layout you choose: preview first, then one undoable edit"),
    ),
    # Go
    Shortcut(Action.NEXT_ENTITY, "Tab", "Go", N_("&Next entity"), N_("Go to the next entity"), in_view=True),
    Shortcut(
        Action.PREVIOUS_ENTITY, "Shift+Tab", "Go", N_("&Previous entity"), N_("Go to the previous entity"), in_view=True
    ),
    Shortcut(Action.NEXT_SUGGESTION, "F8", "Go", N_("Next &suggestion"), N_("Go to the next unresolved suggestion")),
    Shortcut(
        Action.PREVIOUS_SUGGESTION,
        "Shift+F8",
        "Go",
        N_("Previous s&uggestion"),
        N_("Go to the previous unresolved suggestion"),
    ),
    Shortcut(Action.GOTO_TURN, "Ctrl+G", "Go", N_("&Go to turn…"), N_("Go to a turn by its number")),
    Shortcut(Action.NEXT_PANEL, "F6", "Go", N_("Next &panel"), N_("Move the focus to the next panel")),
    Shortcut(
        Action.PREVIOUS_PANEL, "Shift+F6", "Go", N_("Previous p&anel"), N_("Move the focus to the previous panel")
    ),
    Shortcut(
        Action.DONE_NEXT,
        "Ctrl+Return",
        "Go",
        N_("Mark &done, open next"),
        N_("Mark the document done and open the next one that is not done"),
    ),
    Shortcut(Action.NEXT_DOCUMENT, "Ctrl+PgDown", "Go", N_("Next &document"), N_("Open the next document in the list")),
    Shortcut(
        Action.PREVIOUS_DOCUMENT,
        "Ctrl+PgUp",
        "Go",
        N_("Previous d&ocument"),
        N_("Open the previous document in the list"),
    ),
    # Review
    Shortcut(
        Action.REVIEW,
        "Ctrl+Shift+V",
        "Review",
        N_("&Review…"),
        N_("Agreement between annotators, their disagreements side by side, and the model against the people"),
    ),
    Shortcut(
        Action.MERGE_PROJECTS,
        "",
        "Review",
        N_("&Merge projects…"),
        N_("Bring other annotators' project files or native JSONL exports into this project, one layer each"),
    ),
    Shortcut(
        Action.NEXT_DISAGREEMENT, "F8", "Review", N_("Next disagreement"), N_("Next disagreement"), window="review"
    ),
    Shortcut(
        Action.PREVIOUS_DISAGREEMENT,
        "Shift+F8",
        "Review",
        N_("Previous disagreement"),
        N_("Previous one"),
        window="review",
    ),
    Shortcut(Action.CHOOSE_A, "A", "Review", N_("Choose &A"), N_("Settle it as annotator A has it"), window="review"),
    Shortcut(Action.CHOOSE_B, "B", "Review", N_("Choose &B"), N_("Settle it as annotator B has it"), window="review"),
    Shortcut(Action.CHOOSE_BOTH, "T", "Review", N_("Take bo&th"), N_("Keep both annotators' spans"), window="review"),
    Shortcut(Action.CHOOSE_NEITHER, "N", "Review", N_("&Neither"), N_("Keep neither"), window="review"),
    # Help
    Shortcut(Action.SHORTCUTS, "F1", "Help", N_("&Keyboard shortcuts"), N_("Show this list")),
)

MENUS = (N_("File"), N_("Edit"), N_("Annotate"), N_("Turns"), N_("Go"), N_("Review"), N_("Help"))
HEADER = (N_("keys"), N_("menu"), N_("what it does"))


def by_action(action: str) -> Shortcut:
    for shortcut in SHORTCUTS:
        if shortcut.action == action:
            return shortcut
    raise KeyError(action)


def rows(into: QTranslator | None = None) -> list[tuple[str, str, str]]:
    """(keys, menu, what it does) for the help dialog and the README, translated (see :func:`tr`)."""
    return [
        (s.keys or "—", tr(s.menu if s.window == "main" else N_("Review window"), into), tr(s.help, into))
        for s in SHORTCUTS
    ]


def markdown_table(language: str = "en") -> str:
    into = translator(language)
    header = [tr(h, into) for h in HEADER] if into else list(HEADER)
    lines = ["| " + " | ".join(header) + " |", "|---|---|---|"]
    lines += [f"| {keys} | {menu} | {text} |" for keys, menu, text in rows(into or QTranslator())]
    return "\n".join(lines)


def _markers(language: str) -> tuple[str, str]:
    tag = "shortcuts" if language == "en" else f"shortcuts-{language}"
    return f"<!-- {tag}:start (generated by python -m gui.shortcuts --readme) -->", f"<!-- {tag}:end -->"


README_START, README_END = _markers("en")
README_LANGUAGES = ("en", "ru")


def readme_section(language: str = "en") -> str:
    start, end = _markers(language)
    return f"{start}\n{markdown_table(language)}\n{end}"


def update_readme(path: str = "README.md") -> None:
    """Rewrite the shortcuts sections of the README (one per language) from :data:`SHORTCUTS`."""
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    for language in README_LANGUAGES:
        start, end = _markers(language)
        head, found, rest = text.partition(start)
        if not found:
            raise SystemExit(f"{path}: no {start} marker")
        _, _, tail = rest.partition(end)
        text = head + readme_section(language) + tail
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


if __name__ == "__main__":
    import sys

    if "--readme" in sys.argv:
        update_readme()
    else:
        print(markdown_table(sys.argv[1] if len(sys.argv) > 1 else "en"))
