"""The banner above the text: what the reviewer asked for, or why a document shows no suggestions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from annotation.language import NER_LANGUAGES
from annotation.model import Document

from .theme import BANNER_BACKGROUND


class Banner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noSuggestionsBanner")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet(f"background: {BANNER_BACKGROUND}; padding: 6px 10px;")
        self.hide()

    def explain(self, doc: Document | None, review, model_ran: bool) -> None:
        """Show the reviewer's comment on a returned document, else why ``doc`` has no suggestions; else hide."""
        if review is not None and review.state == "returned":
            who = review.reviewer or "?"
            self._say(self.tr("Returned by {reviewer}: {comment}").format(reviewer=who, comment=review.comment))
            return
        if doc is None or doc.spans:
            self.hide()
            return
        language = doc.source.language
        if language and language not in NER_LANGUAGES:
            why = self.tr(
                "No suggestions: this document's language is {language}, and the model pre-annotates Russian "
                "only. Tag entities by hand: select words and press a label's digit."
            ).format(language=language)
        elif not model_ran:
            why = self.tr(
                "No suggestions yet: the model has not run on this document. Annotate › Re-run the model (Ctrl+R)."
            )
        else:
            why = self.tr("The model found no entities here. Tag them by hand: select words and press a label's digit.")
        self._say(why)

    def _say(self, text: str) -> None:
        self.setText(text)
        self.show()
