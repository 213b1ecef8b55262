"""The rules of editing: pure planning functions that turn an intent into a ``Change``.

Each ``plan_*`` function looks at a :class:`~annotation.model.Document` (never at
Qt or SQL) and returns either a change from :mod:`annotation.changes`, ready for
``storage.Project.apply``, or a :class:`Refusal` whose message a person can act
on (it names no command-line flag or key).  The window, the command line and
review all call these, so a rule lives here once:

- tagging exactly a suggestion's range resolves the suggestion (accepted as is, or
  retagged) rather than stacking a second span on it;
- a relabelled or resized suggestion counts as accepted by whoever changed it;
- removing a suggestion rejects it (the row stays, hidden, so a re-run of the model
  never brings it back); removing a person's span deletes it;
- a re-run of the model only suggests what the model never produced before;
- the first edit of a new document moves it to "in progress" in the same change,
  so undoing every edit returns it to "new".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from .changes import (
    AddSpans,
    AddSpeaker,
    Batch,
    Change,
    DeleteSpans,
    MergeTurn,
    ReplaceTurns,
    SetLanguage,
    SetStatus,
    SetTurnSpeakers,
    SplitTurn,
    UpdateSpans,
    UpdateSpeaker,
)
from .model import (
    DOCUMENT_STATUSES,
    ROLES,
    Document,
    DocumentStatus,
    Mention,
    ModelError,
    Origin,
    Span,
    Speaker,
    Status,
    Turn,
)
from .phrases import Phrase
from .propagate import untagged_occurrences
from .tokens import grow, snap_to_words
from .turns import realternate, split_point_ok


@dataclass(frozen=True, init=False)
class Refusal:
    """Why an edit cannot be made; nothing was planned.

    ``template`` is the English text, with ``{name}`` fields that ``params`` fill, and
    ``message`` the two together.  A front door may translate ``template`` before it
    fills it: each ``Refusal("…")`` literal here is extracted for translation
    (``pyside6-lupdate`` reads ``Refusal`` as a no-op marker; see gui/translations.py).
    """

    template: str
    params: tuple[tuple[str, object], ...]

    def __init__(self, template: str, **params: object) -> None:
        object.__setattr__(self, "template", template)
        object.__setattr__(self, "params", tuple(params.items()))

    @property
    def message(self) -> str:
        return self.template.format(**dict(self.params)) if self.params else self.template


Plan = Change | Refusal


def _touch(doc: Document, change: Change) -> Change:
    """The change, plus "new → in progress" when it is the document's first edit (one transaction)."""
    if doc.status != DocumentStatus.NEW or doc.id is None:
        return change
    flip = SetStatus(doc.id, DocumentStatus.NEW.value, DocumentStatus.IN_PROGRESS.value)
    return Batch((change, flip), text=getattr(change, "text", ""))


class Title(Phrase):
    """What an undo list shows for a change (a :class:`~annotation.phrases.Phrase`); stored, it is plain English."""


def _update(doc: Document, spans: Sequence[Span], title: str, **fields: object) -> Change:
    after = tuple(replace(s, **fields) for s in spans)
    return _touch(doc, UpdateSpans(doc.id, tuple(spans), after, title))


# -- entity tags --------------------------------------------------------------------


def spans_at(doc: Document, start: int, end: int) -> list[Span]:
    """Visible spans with exactly the range ``[start, end)``."""
    return [s for s in doc.spans if s.start == start and s.end == end and s.visible]


def plan_tag(
    doc: Document,
    start: int,
    end: int,
    label: str,
    annotator: str | None,
    normalize: Callable[[str, str], str | None] | None = None,
) -> Plan:
    """Tag the words a selection touches (snapped to whole tokens) with ``label``."""
    snapped = snap_to_words(doc.text, start, end)
    if snapped is None:
        return Refusal("Select some words first, then give them a label.")
    start, end = snapped
    surface = doc.text[start:end]
    if not any(ch.isalnum() for ch in surface):
        return Refusal("«{surface}» is only punctuation; select a word to tag.", surface=surface)
    turn = doc.turn_at(start)
    if turn is None or start < turn.content_start or end > turn.end:
        return Refusal("A tag must lie inside one turn's speech; select within a single turn.")
    same_range = spans_at(doc, start, end)
    if any(s.label == label and s.status == Status.ACCEPTED for s in same_range):
        return Refusal("«{surface}» is already tagged {label}.", surface=surface, label=label)
    rejected = next((s for s in doc.spans if (s.start, s.end, s.label) == (start, end, label) and not s.visible), None)
    if rejected is not None:  # tagging what was rejected changes one's mind: it is accepted after all
        title = Title("Tag «{text}» as {label}", text=surface, label=label)
        return _update(doc, [rejected], title, status=Status.ACCEPTED.value, annotator=annotator)
    suggestion = next((s for s in same_range if s.status == Status.SUGGESTED), None)
    if suggestion is not None:
        if suggestion.label == label:
            return plan_accept(doc, [suggestion], annotator)
        return plan_relabel(doc, [suggestion], label, annotator)
    # A person's DATE or MONEY gets the normal form a model span would (``normalize(label, text)``).
    normal = normalize(label, surface) if normalize is not None else None
    span = Span(start, end, label, surface, normal, Origin.HUMAN.value, Status.ACCEPTED.value, annotator)
    return _touch(doc, AddSpans(doc.id, (span,), Title("Tag «{text}» as {label}", text=surface, label=label)))


def plan_remove(doc: Document, span: Span, annotator: str | None) -> Plan:
    """Reject a model suggestion (it stays as a hidden row) or delete any other span."""
    if span.status == Status.SUGGESTED:
        return plan_reject(doc, [span], annotator)
    return _touch(doc, DeleteSpans(doc.id, (span,), Title("Delete {label} «{text}»", label=span.label, text=span.text)))


def _resolve(doc: Document, spans: Iterable[Span], status: Status, annotator: str | None, titles) -> Plan:
    """Accept or reject suggestions; the person who resolves them becomes their annotator."""
    todo = [s for s in spans if s.status == Status.SUGGESTED]
    if not todo:
        return Refusal("No unresolved suggestion here.")
    one, many = titles(todo[0], len(todo))
    return _update(doc, todo, one if len(todo) == 1 else many, status=status.value, annotator=annotator)


def plan_accept(doc: Document, spans: Iterable[Span], annotator: str | None, text: str = "") -> Plan:
    """Accept suggestions; the person accepting becomes their annotator."""

    def titles(one: Span, count: int) -> tuple[str, str]:
        if text:
            return text, text
        return (Title("Accept {label} «{text}»", label=one.label, text=one.text),
                Title("Accept {count} suggestions", count=count))

    return _resolve(doc, spans, Status.ACCEPTED, annotator, titles)


def plan_reject(doc: Document, spans: Iterable[Span], annotator: str | None, text: str = "") -> Plan:
    def titles(one: Span, count: int) -> tuple[str, str]:
        if text:
            return text, text
        return (Title("Reject {label} «{text}»", label=one.label, text=one.text),
                Title("Reject {count} suggestions", count=count))

    return _resolve(doc, spans, Status.REJECTED, annotator, titles)


def plan_relabel(doc: Document, spans: Iterable[Span], label: str, annotator: str | None) -> Plan:
    """Give spans another label; a relabelled suggestion counts as accepted."""
    todo = [s for s in spans if s.visible and (s.label != label or s.status == Status.SUGGESTED)]
    if not todo:
        return Refusal("Already {label}.", label=label)
    layer = {(s.annotator, s.start, s.end, s.label) for s in doc.spans}
    if any((annotator, s.start, s.end, label) in layer and s.label != label for s in todo):
        return Refusal("That text is already tagged {label}; delete one of the two spans instead.", label=label)
    title = (
        Title("Retag «{text}» as {label}", text=todo[0].text, label=label)
        if len(todo) == 1
        else Title("Retag {count} spans as {label}", count=len(todo), label=label)
    )
    return _update(doc, todo, title, label=label, status=Status.ACCEPTED.value, annotator=annotator)


def plan_resize(doc: Document, span: Span, side: str, direction: int, annotator: str | None) -> Plan:
    """Move the ``left`` or ``right`` edge of ``span`` by one word: +1 grows it, -1 shrinks it."""
    turn = doc.turn_at(span.start)
    if turn is None:
        return Refusal("This span lies outside every turn.")
    moved = grow(doc.text, span.start, span.end, side, direction, lo=turn.content_start, hi=turn.end)
    if moved is None:
        return Refusal("A span cannot shrink to nothing; delete it instead.")
    if moved == (span.start, span.end):
        return Refusal("The span already reaches the edge of its turn.")
    start, end = moved
    fields: dict[str, object] = {"start": start, "end": end, "text": doc.text[start:end], "normal": None}
    if span.status == Status.SUGGESTED:
        fields.update(status=Status.ACCEPTED.value, annotator=annotator)
    return _update(doc, [span], Title("Resize «{text}»", text=span.text), **fields)


def plan_propagate(
    doc: Document, span: Span, annotator: str | None, chosen: Iterable[tuple[int, int]] | None = None
) -> Plan:
    """Tag every untagged whole-word occurrence of ``span``'s text like it (or only the ``chosen`` ones)."""
    places = untagged_occurrences(doc, span.text, span.label) if chosen is None else list(chosen)
    if not places:
        return Refusal("No untagged «{text}» left in this document.", text=span.text)
    spans = tuple(
        Span(s, e, span.label, doc.text[s:e], span.normal, Origin.HUMAN.value, Status.ACCEPTED.value, annotator)
        for s, e in places
    )
    title = Title("Propagate {label} «{text}» ×{count}", label=span.label, text=span.text, count=len(spans))
    return _touch(doc, AddSpans(doc.id, spans, title))


def plan_accept_turn(doc: Document, turn_index: int, annotator: str | None) -> Plan:
    turn = doc.turns[turn_index]
    spans = [s for s in doc.spans if s.status == Status.SUGGESTED and turn.start <= s.start < turn.end]
    title = Title("Accept {count} suggestion(s) in turn {number}", count=len(spans), number=turn_index + 1)
    return plan_accept(doc, spans, annotator, title)


def plan_accept_document(doc: Document, annotator: str | None) -> Plan:
    spans = [s for s in doc.spans if s.status == Status.SUGGESTED]
    return plan_accept(doc, spans, annotator, Title("Accept all {count} suggestion(s)", count=len(spans)))


def plan_suggestions(
    doc: Document, mentions: Iterable[Mention], seen: Iterable[Mention], labels: Iterable[str], model: str
) -> Plan:
    """Store a re-run of the model: only what it never produced before becomes a suggestion.

    ``seen`` is the model's earlier raw output for the document.  A mention already
    there was suggested once, so whatever a person did with it (accepted, changed,
    rejected or deleted) stands; a mention a person already tagged the same way is
    logged but not suggested; so is one whose label the schema lacks.
    """
    before = {(m.start, m.end, m.label) for m in seen}
    tagged = {s.key for s in doc.spans}
    known = set(labels)
    fresh = tuple(m for m in mentions if (m.start, m.end, m.label) not in before)
    spans = tuple(
        Span(m.start, m.end, m.label, m.text, m.normal, Origin.MODEL.value, Status.SUGGESTED.value)
        for m in fresh
        if (m.start, m.end, m.label) not in tagged and m.label in known and m.text == m.text.strip()
    )
    if not fresh:
        return Refusal("The model found nothing it had not suggested before.")
    return AddSpans(doc.id, spans, Title("Re-run the model: {count} new suggestion(s)", count=len(spans)), fresh, model)


# -- turns and speakers -------------------------------------------------------------


def plan_set_speaker(doc: Document, turns: Iterable[Turn], speaker: str) -> Plan:
    if speaker not in {s.name for s in doc.speakers}:
        return Refusal("There is no speaker {speaker} in this document.", speaker=speaker)
    changes = tuple((t.id, t.speaker, speaker) for t in turns if t.speaker != speaker)
    if not changes:
        return Refusal("Already {speaker}'s turn.", speaker=speaker)
    return _touch(doc, SetTurnSpeakers(doc.id, changes, Title("Give turn to {speaker}", speaker=speaker)))


def plan_realternate(doc: Document, turn_index: int) -> Plan:
    changes = realternate(doc, turn_index)
    if not changes:
        return Refusal("This turn is not in a run of interviewer and respondent turns.")
    turns = tuple((doc.turns[i].id, doc.turns[i].speaker, name) for i, name in changes)
    return _touch(doc, SetTurnSpeakers(doc.id, turns, Title("Re-alternate {count} turns", count=len(changes))))


def plan_split(doc: Document, offset: int) -> Plan:
    turn = doc.turn_at(offset)
    if turn is None:
        return Refusal("Put the cursor inside a turn to split it.")
    problem = split_point_ok(doc, turn, offset)
    if problem:
        return Refusal(problem.template, **dict(problem.params))
    return _touch(doc, SplitTurn(doc.id, turn.id, offset, None, Title("Split {speaker}'s turn", speaker=turn.speaker)))


def plan_merge(doc: Document, turn_index: int) -> Plan:
    if turn_index <= 0:
        return Refusal("The first turn has no turn before it to merge with.")
    turn = doc.turns[turn_index]
    title = Title("Merge {speaker}'s turn into the one before", speaker=turn.speaker)
    return _touch(doc, MergeTurn(doc.id, turn.id, title))


def plan_swap_roles(doc: Document) -> Plan:
    """Swap the interviewer's and the respondent's roles for the whole document (a guess made the wrong way)."""
    asking = [s for s in doc.speakers if s.role == "interviewer"]
    answering = [s for s in doc.speakers if s.role == "respondent"]
    if len(asking) != 1 or len(answering) != 1:
        return Refusal("Swapping roles needs one interviewer and one respondent; set the roles in the Speakers panel.")
    a, b = asking[0], answering[0]
    text = Title("Swap the roles of {a} and {b}", a=a.name, b=b.name)
    swap = (UpdateSpeaker(doc.id, a, Speaker(a.name, b.role)), UpdateSpeaker(doc.id, b, Speaker(b.name, a.role)))
    return _touch(doc, Batch(swap, text))


def plan_rename(doc: Document, speaker: Speaker, name: str, role: str) -> Plan:
    """Rename a speaker everywhere in the document and/or change its role."""
    name = name.strip()
    if not name:
        return Refusal("A speaker needs a name.")
    if role not in ROLES:
        return Refusal("Unknown role {role}.", role=role)
    if name == speaker.name and role == speaker.role:
        return Refusal("Nothing to change.")
    if name != speaker.name and name in {s.name for s in doc.speakers}:
        return Refusal("There is already a speaker named {name}.", name=name)
    renamed = Title("Rename {old} to {new}", old=speaker.name, new=name)
    text = renamed if name != speaker.name else Title("Make {name} {role}", name=name, role=role)
    return _touch(doc, UpdateSpeaker(doc.id, Speaker(speaker.name, speaker.role), Speaker(name, role), text))


def plan_add_speaker(doc: Document, name: str, role: str = "other") -> Plan:
    name = name.strip()
    if not name:
        return Refusal("A speaker needs a name.")
    if name in {s.name for s in doc.speakers}:
        return Refusal("There is already a speaker named {name}.", name=name)
    try:
        speaker = Speaker(name, role)
    except ModelError as exc:
        return Refusal(str(exc))
    return _touch(doc, AddSpeaker(doc.id, speaker, Title("Add speaker {name}", name=name)))


def plan_relayout(doc: Document, layout: str | None) -> Plan:
    """Find the document's turns again with ``layout`` (None: detect), keeping its text and every span."""
    from .transcript import SECTIONS_KEY, misplaced_spans, relayout

    try:
        found = relayout(doc.text, layout, language=doc.source.language or None)
    except ValueError as exc:
        return Refusal(str(exc)[:1].upper() + str(exc)[1:] + ".")
    misplaced = misplaced_spans(found.turns, doc.spans)
    hidden = tuple(s for s in misplaced if not s.visible)  # rejected suggestions there go, as with a split
    misplaced = [s for s in misplaced if s.visible]
    if misplaced:
        first = misplaced[0]
        return Refusal(
            "{count} span(s) would fall on a speaker mark or across a turn, the first «{text}»; "
            "delete or move them first, or choose another layout.",
            count=len(misplaced),
            text=first.text,
        )
    sections = found.metadata.get(SECTIONS_KEY)
    text = Title("Re-detect turns: {layout} ({count} turns)", layout=found.layout, count=len(found.turns))
    change: Change = ReplaceTurns(
        doc.id, tuple(found.turns), tuple(found.speakers), found.layout, found.confidence, sections, text
    )
    if hidden:
        change = Batch((DeleteSpans(doc.id, hidden), change), text)
    return _touch(doc, change)


# -- documents and labels ---------------------------------------------------------------


def plan_language(doc: Document, language: str) -> Plan:
    """Set the language of the document's text; a re-run of the model then uses it."""
    language = language.strip().lower()
    if not language.isalpha() or not 2 <= len(language) <= 3:
        return Refusal("A language is a two- or three-letter code such as ru or en, not {language}.", language=language)
    if language == doc.source.language:
        return Refusal("The document's language is {language} already.", language=language)
    title = Title("Set the language to {language}", language=language)
    return SetLanguage(doc.id, doc.source.language, language, title)


def plan_status(doc: Document, status: str) -> Plan:
    if status not in DOCUMENT_STATUSES:
        return Refusal("Unknown document status {status}.", status=status)
    if doc.status == status:
        return Refusal("The document is already {status}.", status=status.replace("_", " "))
    return SetStatus(doc.id, doc.status, status, Title("Mark document {status}", status=status.replace("_", " ")))


# -- selecting spans for batch edits -----------------------------------------------------


def select_spans(
    doc: Document,
    *,
    labels: Iterable[str] = (),
    text: str | None = None,
    normal: str | None = None,
    origins: Iterable[str] = (),
    statuses: Iterable[str] = (),
) -> list[Span]:
    """The visible spans of ``doc`` that pass every filter given (an empty filter passes all)."""
    labels, origins, statuses = set(labels), set(origins), set(statuses)
    return [
        s
        for s in doc.spans
        if s.visible
        and (not labels or s.label in labels)
        and (text is None or s.text == text)
        and (normal is None or (s.normal or s.text) == normal)
        and (not origins or s.origin in origins)
        and (not statuses or s.status in statuses)
    ]
