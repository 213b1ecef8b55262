"""Every keyboard shortcut, in one table.

The menus, Help › Keyboard shortcuts and the README section are generated from
:data:`SHORTCUTS` (``python -m gui.shortcuts`` prints the README table).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Shortcut:
    action: str  # the id the main window binds to a handler
    keys: str  # a QKeySequence string; "" for label hotkeys, which come from the label schema
    menu: str
    text: str
    help: str


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("import", "Ctrl+I", "File", "&Import transcripts…", "Import transcript files into the project"),
    Shortcut("open_project", "Ctrl+O", "File", "&Open project…", "Open or create another project file"),
    Shortcut("quit", "Ctrl+Q", "File", "&Quit", "Close the window; everything is already saved"),
    Shortcut("undo", "Ctrl+Z", "Edit", "&Undo", "Undo the last edit, in any document"),
    Shortcut("redo", "Ctrl+Shift+Z", "Edit", "&Redo", "Redo the edit last undone"),
    Shortcut(
        "tag",
        "",
        "Annotate",
        "Tag selection as {label}",
        "1–9: tag the selected text with the label that has this hotkey",
    ),
    Shortcut(
        "remove",
        "Delete",
        "Annotate",
        "&Remove span at cursor",
        "Remove the span at the cursor; a model suggestion is rejected and stays hidden",
    ),
    Shortcut("shortcuts", "F1", "Help", "&Keyboard shortcuts", "Show this list"),
)


def by_action(action: str) -> Shortcut:
    for shortcut in SHORTCUTS:
        if shortcut.action == action:
            return shortcut
    raise KeyError(action)


def rows() -> list[tuple[str, str, str]]:
    """(keys, menu, what it does) for the help dialog and the README."""
    return [(s.keys or "1–9", s.menu, s.help) for s in SHORTCUTS]


def markdown_table() -> str:
    lines = ["| keys | menu | what it does |", "|---|---|---|"]
    lines += [f"| {keys} | {menu} | {text} |" for keys, menu, text in rows()]
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())
