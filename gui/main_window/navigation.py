"""Moving around: entities, turns, panels, documents, and search in one or all documents."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotation.edits import plan_status
from annotation.model import Document, DocumentStatus

from ..dialogs import SearchDialog
from ..shortcuts import Action
from ..translations import translate
from .actions import handles, with_document


class NavigationMixin:
    """Needs ``self.session``, ``self.view``, the panels and the prompts; part of :class:`MainWindow`."""

    @handles(Action.NEXT_ENTITY, True)
    @handles(Action.PREVIOUS_ENTITY, False)
    def go_entity(self, forward: bool, suggested_only: bool = False, quiet: bool = False) -> None:
        span = self.view.neighbour_span(forward, suggested_only)
        if span is None:
            if not quiet:
                texts = {
                    (False, True): translate("Navigation", "No next entity."),
                    (False, False): translate("Navigation", "No previous entity."),
                    (True, True): translate("Navigation", "No next unresolved suggestion."),
                    (True, False): translate("Navigation", "No previous unresolved suggestion."),
                }
                self.say(texts[suggested_only, forward], 4000)
            return
        self.view.select_span(span)

    @handles(Action.NEXT_SUGGESTION, True)
    @handles(Action.PREVIOUS_SUGGESTION, False)
    def go_suggestion(self, forward: bool) -> None:
        self.go_entity(forward, suggested_only=True)

    def jump_to_span(self, span) -> None:
        self.view.select_span(span)
        self.view.setFocus()

    @handles(Action.GOTO_TURN)
    @with_document
    def goto_turn(self, doc: Document) -> None:
        if not doc.turns:
            return

        def go(number: int) -> None:
            self.view.move_to_offset(doc.turns[number - 1].content_start)
            self.view.setFocus()

        current = (self.view.turn_index_at(self.view.cursor_offset()) or 0) + 1
        prompt = translate("Navigation", "Turn number (1–{count}):").format(count=len(doc.turns))
        self.ask_number("gotoTurnDialog", translate("Navigation", "Go to turn"), prompt, current, len(doc.turns), go)

    @handles(Action.NEXT_PANEL, True)
    @handles(Action.PREVIOUS_PANEL, False)
    def cycle_focus(self, forward: bool) -> None:
        """F6 / Shift+F6: transcript → documents → speakers → entities → history → transcript."""
        panels = [self.view, self.documents, self.speakers, self.entities, self.history]
        panels = [p for p in panels if p is self.view or p.isVisible()]
        focused = self.focusWidget()
        index = next((i for i, p in enumerate(panels) if focused is p or p.isAncestorOf(focused)), 0)
        target = panels[(index + (1 if forward else -1)) % len(panels)]
        for dock in self.docks.values():
            if dock.widget() is target:
                dock.raise_()
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @handles(Action.NEXT_DOCUMENT, +1)
    @handles(Action.PREVIOUS_DOCUMENT, -1)
    def step_document(self, step: int) -> None:
        ids = self.documents.visible_ids()
        if not ids:
            return
        current = self.session.current.id
        index = ids.index(current) if current in ids else -step
        self.show_document(ids[(index + step) % len(ids)])

    @handles(Action.DONE_NEXT)
    @with_document
    def done_and_next(self, doc: Document) -> None:
        """Mark the document done and open the next one not done; with suggestions left, ask first."""
        left = self.session.current.suggested
        if left and doc.status != DocumentStatus.DONE:
            box = QMessageBox(QMessageBox.Icon.Question, translate("Navigation", "Mark done"), "", parent=self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setText(
                translate(
                    "Navigation", "{n} suggestion(s) in this document are not resolved yet. Mark it done anyway?"
                ).format(n=left)
            )
            done = box.addButton(translate("Navigation", "Mark done"), QMessageBox.ButtonRole.YesRole)
            box.addButton(translate("Navigation", "Keep working"), QMessageBox.ButtonRole.NoRole)
            box.setDefaultButton(done)
            box.buttonClicked.connect(lambda button: button is done and self._mark_done_and_next(doc))
            self.show_dialog(box, "unresolvedDialog")
            return
        self._mark_done_and_next(doc)

    def _mark_done_and_next(self, doc: Document) -> None:
        if doc.status != DocumentStatus.DONE:
            self.session.push(plan_status(doc, DocumentStatus.DONE.value))
        following = self.session.project.next_document(after=doc.id)
        if following is None:
            self.say(translate("Navigation", "Every document is done."), 8000)
            return
        self.show_document(following)
        self.say(
            translate("Navigation", "{done} is done. Next: {next}").format(
                done=doc.title, next=self.session.current.doc.title
            )
        )

    # -- search ------------------------------------------------------------------

    @handles(Action.FIND)
    def find(self) -> None:
        self.find_bar.open_bar()

    @handles(Action.FIND_NEXT)
    def find_next(self) -> None:
        self.find_bar.next()

    @handles(Action.FIND_PREVIOUS)
    def find_previous(self) -> None:
        self.find_bar.previous()

    @handles(Action.CLOSE_FIND)
    def close_find(self) -> None:
        if self.find_bar.isVisible():
            self.find_bar.close_bar()

    @handles(Action.SEARCH_ALL)
    def search_all(self) -> None:
        dialog = SearchDialog(self.session.project, self)

        def chosen(doc_id: str, start: int, end: int) -> None:
            self.show_document(doc_id)
            self.view.select_offsets(start, end)
            self.view.centerCursor()
            self.view.setFocus()

        dialog.hitChosen.connect(chosen)
        self._search_dialog = self.show_dialog(dialog, "searchDialog")
