"""Small transient highlight layers drawn as extra selections, each with a priority.

The many entity spans are drawn by the highlighter; only a few selections live
here (the current span, search hits), because thousands of extra selections are
slow to lay out.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QTextEdit


class SelectionLayers:
    def __init__(self, view: QPlainTextEdit) -> None:
        self._view = view
        self._layers: dict[str, tuple[int, list[QTextEdit.ExtraSelection]]] = {}

    def set(self, name: str, priority: int, selections: list[QTextEdit.ExtraSelection]) -> None:
        self._layers[name] = (priority, selections)
        self._apply()

    def clear(self, name: str) -> None:
        if self._layers.pop(name, None) is not None:
            self._apply()

    def _apply(self) -> None:
        merged: list[QTextEdit.ExtraSelection] = []
        for _, selections in sorted(self._layers.values(), key=lambda item: item[0]):
            merged.extend(selections)
        self._view.setExtraSelections(merged)
