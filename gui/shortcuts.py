"""Every keyboard shortcut, in one table.

The menus, Help › Keyboard shortcuts and the README section are generated from
:data:`SHORTCUTS` (``python -m gui.shortcuts --readme`` rewrites the README part).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


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
    Shortcut(Action.IMPORT, "Ctrl+I", "File", "&Import transcripts…", "Import transcript files or a folder"),
    Shortcut(Action.EXPORT, "Ctrl+E", "File", "&Export dataset…", "Export the project's annotations as a dataset"),
    Shortcut(Action.OPEN_PROJECT, "Ctrl+O", "File", "&Open project…", "Open or create another project file"),
    Shortcut(
        Action.ANNOTATOR,
        "",
        "File",
        "Annotator &name…",
        "Set the name recorded on every span you tag, accept or reject (default: your user name)",
    ),
    Shortcut(Action.QUIT, "Ctrl+Q", "File", "&Quit", "Close the window; everything is already saved"),
    # Edit
    Shortcut(Action.UNDO, "Ctrl+Z", "Edit", "&Undo", "Undo the last edit, in any document"),
    Shortcut(Action.REDO, "Ctrl+Shift+Z", "Edit", "&Redo", "Redo the edit last undone"),
    Shortcut(Action.FIND, "Ctrl+F", "Edit", "&Find in document…", "Search this document; hits are highlighted"),
    Shortcut(Action.FIND_NEXT, "F3", "Edit", "Find &next", "Next hit of the search"),
    Shortcut(Action.FIND_PREVIOUS, "Shift+F3", "Edit", "Find &previous", "Previous hit of the search"),
    Shortcut(
        Action.CLOSE_FIND, "Escape", "Edit", "&Close find bar", "Close the find bar and clear its hits", in_view=True
    ),
    Shortcut(
        Action.SEARCH_ALL,
        "Ctrl+Shift+F",
        "Edit",
        "&Search all documents…",
        "Full-text search over every document, finding inflected forms and ё/е variants",
    ),
    # Annotate
    Shortcut(
        Action.TAG,
        "1–9",
        "Annotate",
        "Tag as {label}",
        "Tag the selected words with the label of that hotkey; with no selection, retag the span at the cursor",
        family=True,
        in_view=True,
    ),
    Shortcut(
        Action.ACCEPT, "Return", "Annotate", "&Accept suggestion", "Accept the suggestion at the cursor", in_view=True
    ),
    Shortcut(
        Action.REMOVE,
        "Delete",
        "Annotate",
        "&Reject or delete span",
        "Reject the suggestion at the cursor (it stays hidden) or delete a person's span",
        in_view=True,
    ),
    Shortcut(
        Action.CYCLE,
        "Ctrl+.",
        "Annotate",
        "&Cycle overlapping spans",
        "Make the next of several nested or overlapping spans at the cursor the current one",
        in_view=True,
    ),
    Shortcut(
        Action.GROW_END,
        "Alt+Right",
        "Annotate",
        "Extend end by a word",
        "Move the span's end one word right",
        in_view=True,
    ),
    Shortcut(
        Action.SHRINK_END,
        "Alt+Left",
        "Annotate",
        "Shrink end by a word",
        "Move the span's end one word left",
        in_view=True,
    ),
    Shortcut(
        Action.GROW_START,
        "Alt+Shift+Left",
        "Annotate",
        "Extend start by a word",
        "Move the span's start one word left",
        in_view=True,
    ),
    Shortcut(
        Action.SHRINK_START,
        "Alt+Shift+Right",
        "Annotate",
        "Shrink start by a word",
        "Move the span's start one word right",
        in_view=True,
    ),
    Shortcut(
        Action.ACCEPT_TURN,
        "Shift+Return",
        "Annotate",
        "Accept all in &turn",
        "Accept every suggestion in the current turn",
    ),
    Shortcut(
        Action.ACCEPT_DOCUMENT,
        "Ctrl+Shift+Return",
        "Annotate",
        "Accept all in &document",
        "Accept every suggestion in the document",
    ),
    Shortcut(
        Action.PROPAGATE,
        "Ctrl+P",
        "Annotate",
        "&Propagate tag…",
        "Tag identical untagged text in the document like the span at the cursor, after a preview",
    ),
    Shortcut(
        Action.RERUN,
        "Ctrl+R",
        "Annotate",
        "Re-run the &model",
        "Run natasha again on this document; nothing a person accepted, changed or rejected comes back",
    ),
    Shortcut(
        Action.LABELS, "Ctrl+Shift+L", "Annotate", "&Label schema…", "Edit labels: name, colour, hotkey, description"
    ),
    # Turns
    Shortcut(
        Action.SPEAKER,
        "Alt+1–9",
        "Turns",
        "Give turn to {speaker}",
        "Set the speaker of the current turn (speakers in the Speakers panel's order)",
        family=True,
    ),
    Shortcut(Action.SPLIT, "Ctrl+Shift+S", "Turns", "&Split turn at cursor", "Split the turn at the cursor into two"),
    Shortcut(
        Action.MERGE, "Ctrl+Shift+M", "Turns", "&Merge with previous", "Merge the current turn into the one before"
    ),
    Shortcut(
        Action.REALTERNATE,
        "Ctrl+Shift+R",
        "Turns",
        "&Re-alternate from here",
        "Swap interviewer and respondent from the current turn to the end of the run",
    ),
    Shortcut(Action.RENAME_SPEAKER, "F2", "Turns", "Re&name speaker…", "Rename the current turn's speaker everywhere"),
    Shortcut(Action.ADD_SPEAKER, "Ctrl+Shift+N", "Turns", "&Add speaker…", "Add a speaker to this document"),
    Shortcut(
        Action.REDETECT,
        "Ctrl+Shift+D",
        "Turns",
        "Re-detect &layout…",
        "Find this document's turns again with a layout you choose: preview first, then one undoable edit",
    ),
    # Go
    Shortcut(Action.NEXT_ENTITY, "Tab", "Go", "&Next entity", "Go to the next entity", in_view=True),
    Shortcut(Action.PREVIOUS_ENTITY, "Shift+Tab", "Go", "&Previous entity", "Go to the previous entity", in_view=True),
    Shortcut(Action.NEXT_SUGGESTION, "F8", "Go", "Next &suggestion", "Go to the next unresolved suggestion"),
    Shortcut(
        Action.PREVIOUS_SUGGESTION, "Shift+F8", "Go", "Previous s&uggestion", "Go to the previous unresolved suggestion"
    ),
    Shortcut(Action.GOTO_TURN, "Ctrl+G", "Go", "&Go to turn…", "Go to a turn by its number"),
    Shortcut(Action.NEXT_PANEL, "F6", "Go", "Next &panel", "Move the focus to the next panel"),
    Shortcut(Action.PREVIOUS_PANEL, "Shift+F6", "Go", "Previous p&anel", "Move the focus to the previous panel"),
    Shortcut(
        Action.DONE_NEXT,
        "Ctrl+Return",
        "Go",
        "Mark &done, open next",
        "Mark the document done and open the next one that is not done",
    ),
    Shortcut(Action.NEXT_DOCUMENT, "Ctrl+PgDown", "Go", "Next &document", "Open the next document in the list"),
    Shortcut(
        Action.PREVIOUS_DOCUMENT, "Ctrl+PgUp", "Go", "Previous d&ocument", "Open the previous document in the list"
    ),
    # Review
    Shortcut(
        Action.REVIEW,
        "Ctrl+Shift+V",
        "Review",
        "&Review…",
        "Agreement between annotators, their disagreements side by side, and the model against the people",
    ),
    Shortcut(
        Action.MERGE_PROJECTS,
        "",
        "Review",
        "&Merge projects…",
        "Bring other annotators' project files or native JSONL exports into this project, one layer each",
    ),
    Shortcut(Action.NEXT_DISAGREEMENT, "F8", "Review", "Next disagreement", "Next disagreement", window="review"),
    Shortcut(
        Action.PREVIOUS_DISAGREEMENT, "Shift+F8", "Review", "Previous disagreement", "Previous one", window="review"
    ),
    Shortcut(Action.CHOOSE_A, "A", "Review", "Choose &A", "Settle it as annotator A has it", window="review"),
    Shortcut(Action.CHOOSE_B, "B", "Review", "Choose &B", "Settle it as annotator B has it", window="review"),
    Shortcut(Action.CHOOSE_BOTH, "T", "Review", "Take bo&th", "Keep both annotators' spans", window="review"),
    Shortcut(Action.CHOOSE_NEITHER, "N", "Review", "&Neither", "Keep neither", window="review"),
    # Help
    Shortcut(Action.SHORTCUTS, "F1", "Help", "&Keyboard shortcuts", "Show this list"),
)

MENUS = ("File", "Edit", "Annotate", "Turns", "Go", "Review", "Help")


def by_action(action: str) -> Shortcut:
    for shortcut in SHORTCUTS:
        if shortcut.action == action:
            return shortcut
    raise KeyError(action)


def rows() -> list[tuple[str, str, str]]:
    """(keys, menu, what it does) for the help dialog and the README."""
    return [(s.keys or "—", s.menu if s.window == "main" else "Review window", s.help) for s in SHORTCUTS]


def markdown_table() -> str:
    lines = ["| keys | menu | what it does |", "|---|---|---|"]
    lines += [f"| {keys} | {menu} | {text} |" for keys, menu, text in rows()]
    return "\n".join(lines)


README_START = "<!-- shortcuts:start (generated by python -m gui.shortcuts --readme) -->"
README_END = "<!-- shortcuts:end -->"


def readme_section() -> str:
    return f"{README_START}\n{markdown_table()}\n{README_END}"


def update_readme(path: str = "README.md") -> None:
    """Rewrite the shortcuts section of the README from :data:`SHORTCUTS`."""
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    head, _, rest = text.partition(README_START)
    _, _, tail = rest.partition(README_END)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(head + readme_section() + tail)


if __name__ == "__main__":
    import sys

    if "--readme" in sys.argv:
        update_readme()
    else:
        print(markdown_table())
