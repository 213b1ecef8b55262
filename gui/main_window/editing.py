"""Editing from the keyboard: entity tags, turns and speakers, the label schema.

Each handler reads the caret and the open document, asks :mod:`annotation.edits`
for a plan, and pushes it; the rules themselves live there, not here.
"""

from __future__ import annotations

from annotation import edits
from annotation.model import Document, Span, Speaker

from .. import settings
from ..dialogs import PropagateDialog
from ..label_dialog import LabelDialog
from ..relayout_dialog import RelayoutDialog
from ..shortcuts import Action
from ..translations import refusal_text, translate
from .actions import handles, with_document


class EditingMixin:
    """Needs ``self.session``, ``self.view`` and the prompts; part of :class:`MainWindow`."""

    @property
    def _annotator(self) -> str:
        return self.session.annotator

    def _push(self, plan: edits.Plan) -> bool:
        return self.session.push(plan)

    def _span_or_say(self, message: str) -> Span | None:
        span = self.view.current_span()
        if span is None:
            self.say(message, 4000)
        return span

    # -- entity tags ------------------------------------------------------------

    @with_document
    def tag_selection(self, doc: Document, label: str) -> None:
        cursor = self.view.textCursor()
        if not cursor.hasSelection():
            span = self._span_or_say(
                translate("Editing", "Select words to tag, or put the cursor on a span to retag it.")
            )
            if span is not None:
                self._push(edits.plan_relabel(doc, [span], label, self._annotator))
            return
        start, end = self.view.selection_offsets()
        plan = edits.plan_tag(doc, start, end, label, self._annotator, self.session.normal_form)
        if self._push(plan):
            self.view.move_to_offset(max(s.end for s in _spans_of(plan)), center=False)

    @handles(Action.ACCEPT)
    @with_document
    def accept_at_cursor(self, doc: Document) -> None:
        span = self._span_or_say(translate("Editing", "No suggestion at the cursor."))
        if span is not None:  # the caret stays put, as with Delete: Tab or F8 move on
            self._push(edits.plan_accept(doc, [span], self._annotator))

    @handles(Action.REMOVE)
    @with_document
    def remove_at_cursor(self, doc: Document) -> None:
        span = self._span_or_say(translate("Editing", "No span at the cursor."))
        if span is not None:
            self._push(edits.plan_remove(doc, span, self._annotator))

    @handles(Action.CYCLE)
    def cycle_span(self) -> None:
        if self.view.cycle_span() is not None:
            self._cursor_moved(self.view.cursor_offset())

    @handles(Action.GROW_END, "right", +1)
    @handles(Action.SHRINK_END, "right", -1)
    @handles(Action.GROW_START, "left", +1)
    @handles(Action.SHRINK_START, "left", -1)
    @with_document
    def resize_span(self, doc: Document, side: str, direction: int) -> None:
        span = self._span_or_say(translate("Editing", "Put the cursor on a span to change its boundaries."))
        if span is not None and self._push(edits.plan_resize(doc, span, side, direction, self._annotator)):
            self.view.select_span(next(s for s in doc.spans if s.id == span.id))

    @handles(Action.ACCEPT_TURN)
    @with_document
    def accept_turn(self, doc: Document) -> None:
        index = self.view.turn_index_at(self.view.cursor_offset())
        if index is not None:
            self._push(edits.plan_accept_turn(doc, index, self._annotator))

    @handles(Action.ACCEPT_DOCUMENT)
    @with_document
    def accept_document(self, doc: Document) -> None:
        self._push(edits.plan_accept_document(doc, self._annotator))

    @handles(Action.PROPAGATE)
    @with_document
    def propagate(self, doc: Document, span: Span | None = None) -> None:
        """Preview identical untagged text and tag it like ``span`` (the one at the cursor by default)."""
        span = span or self._span_or_say(translate("Editing", "Put the cursor on a tagged span to propagate its tag."))
        if span is None:
            return
        plan = edits.plan_propagate(doc, span, self._annotator)
        if isinstance(plan, edits.Refusal):
            self.say(refusal_text(plan))
            return
        places = [(s.start, s.end) for s in _spans_of(plan)]
        dialog = PropagateDialog(doc.text, span.label, span.text, places, self)
        dialog.accepted.connect(
            lambda: self._push(edits.plan_propagate(doc, span, self._annotator, chosen=dialog.chosen()))
        )
        self.show_dialog(dialog, "propagateDialog")

    def group_action(self, what: str, spans: list[Span], label: str | None = None) -> None:
        """A request from the entity panel for a whole group: retag, accept or reject."""
        doc = self.session.current.doc
        if doc is None or not spans:
            return
        if what == "retag":
            self._push(edits.plan_relabel(doc, spans, label, self._annotator))
        elif what == "accept":
            self._push(edits.plan_accept(doc, spans, self._annotator))
        else:
            self._push(edits.plan_reject(doc, spans, self._annotator, f"Reject {len(spans)} suggestion(s)"))

    @handles(Action.RERUN)
    @with_document
    def rerun_model(self, doc: Document) -> None:
        if self.session.rerun_model(doc):
            self.say(translate("Editing", "Running the model again…"), 4000)

    @handles(Action.LABELS)
    def edit_labels(self) -> None:
        self._label_dialog = self.show_dialog(LabelDialog(self.session, self), "labelDialog")

    # -- turns and speakers -------------------------------------------------------

    def _turn_index(self) -> int | None:
        return self.view.turn_index_at(self.view.cursor_offset())

    @with_document
    def give_turn(self, doc: Document, speaker: str) -> None:
        index = self._turn_index()
        if index is not None:
            self._push(edits.plan_set_speaker(doc, [doc.turns[index]], speaker))

    @handles(Action.LANGUAGE)
    @with_document
    def set_language(self, doc: Document) -> None:
        self.ask_text(
            "languageDialog",
            translate("Editing", "Document language"),
            translate("Editing", "The language of this document's text, as a code (ru, en, kk…):"),
            doc.source.language,
            lambda code: self._push(edits.plan_language(doc, code)),
        )

    @handles(Action.SOURCE)
    def choose_source(self) -> None:
        def chosen(spec: str) -> None:
            if self.session.set_source(spec):
                self.say(
                    translate("Editing", "Suggestions now come from {source}; Ctrl+R re-runs it on a document.").format(
                        source=spec.strip() or "natasha"
                    )
                )

        self.ask_text(
            "sourceDialog",
            translate("Editing", "Suggestion source"),
            translate("Editing", "natasha, or spacy:NAME for an installed spaCy pipeline (a package or a folder):"),
            settings.get("model") or "natasha",
            chosen,
        )

    @handles(Action.SWAP_ROLES)
    @with_document
    def swap_roles(self, doc: Document) -> None:
        self._push(edits.plan_swap_roles(doc))

    @handles(Action.REDETECT)
    @with_document
    def redetect_layout(self, doc: Document) -> None:
        dialog = RelayoutDialog(doc, self)
        dialog.accepted.connect(lambda: self._push(dialog.plan))
        self.show_dialog(dialog, "relayoutDialog")

    @handles(Action.SPLIT)
    @with_document
    def split_turn(self, doc: Document) -> None:
        offset = self.view.cursor_offset()
        if self._push(edits.plan_split(doc, offset)):
            # The caret goes to the start of the new turn, so Alt+digit gives that turn its speaker.
            new = next(t for t in doc.turns if t.start >= offset)
            self.view.move_to_offset(new.content_start, center=False)

    @handles(Action.MERGE)
    @with_document
    def merge_turn(self, doc: Document) -> None:
        index = self._turn_index()
        if index is not None:
            self._push(edits.plan_merge(doc, index))

    @handles(Action.REALTERNATE)
    @with_document
    def realternate(self, doc: Document) -> None:
        index = self._turn_index()
        if index is not None:
            self._push(edits.plan_realternate(doc, index))

    @handles(Action.RENAME_SPEAKER)
    @with_document
    def rename_speaker(self, doc: Document, speaker: Speaker | None = None) -> None:
        if speaker is None:
            index = self._turn_index()
            if index is None:
                return
            speaker = doc.speaker(doc.turns[index].speaker)
        self.ask_text(
            "renameSpeakerDialog",
            translate("Editing", "Rename speaker"),
            translate("Editing", "New name for {name} (every turn follows):").format(name=speaker.name),
            speaker.name,
            lambda name: self._push(edits.plan_rename(doc, speaker, name, speaker.role)),
        )

    @with_document
    def set_role(self, doc: Document, speaker: Speaker, role: str) -> None:
        self._push(edits.plan_rename(doc, speaker, speaker.name, role))

    @handles(Action.ADD_SPEAKER)
    @with_document
    def add_speaker(self, doc: Document) -> None:
        self.ask_text(
            "addSpeakerDialog",
            translate("Editing", "Add speaker"),
            translate("Editing", "Name of the new speaker (role: other; change it in the Speakers panel):"),
            "",
            lambda name: self._push(edits.plan_add_speaker(doc, name, "other")),
        )


def _spans_of(plan: edits.Plan) -> list[Span]:
    """The spans a tag or propagation plan adds or changes."""
    from annotation.changes import AddSpans, UpdateSpans, flatten

    found: list[Span] = []
    for part in flatten(plan):
        if isinstance(part, AddSpans):
            found.extend(part.spans)
        elif isinstance(part, UpdateSpans):
            found.extend(part.after)
    return found
