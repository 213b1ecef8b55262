"""The storage side of the correction workflow: each change one transaction, each one undone by its inverse."""

import sqlite3
from dataclasses import replace

import pytest

from annotation.changes import (
    AddLabel,
    AddSpans,
    AddSpeaker,
    Batch,
    DeleteLabel,
    DeleteSpans,
    MergeTurn,
    RestoreLabel,
    RestoreTurn,
    SetTurnSpeakers,
    SplitTurn,
    UpdateLabel,
    UpdateSpans,
)
from annotation.edits import plan_tag
from annotation.model import Label, ModelError, Span, Speaker, check_document
from annotation.propagate import untagged_occurrences
from storage import StorageError


@pytest.fixture
def project(sample_project):
    return sample_project


@pytest.fixture
def doc_id(sample_project):
    return sample_project.doc_id


def turns_of(project, doc_id):
    return [
        (t.id, t.start, t.end, t.content_start, t.speaker, t.time_start, t.time_end)
        for t in project.load_document(doc_id).turns
    ]


def spans_of(project, doc_id):
    return project.load_document(doc_id).spans


def answer(project, doc_id, words="Но думаю"):
    doc = project.load_document(doc_id)
    offset = doc.text.index(words)
    return doc, doc.turn_at(offset), offset


def turn(project, doc_id, turn_id):
    return next(t for t in project.load_document(doc_id).turns if t.id == turn_id)


def label_names(project):
    return [lab.name for lab in project.labels()]


# -- turns ---------------------------------------------------------------------


def test_split_then_merge_gives_back_the_identical_turns(project, doc_id):
    before = turns_of(project, doc_id)
    doc, first, offset = answer(project, doc_id)
    undo = project.apply(SplitTurn(doc_id, first.id, offset - 1))  # on the space: trimmed on both sides
    assert isinstance(undo, MergeTurn)
    new = turn(project, doc_id, undo.turn)
    assert (new.start, new.content_start, new.end, new.speaker) == (offset, offset, first.end, first.speaker)
    assert turn(project, doc_id, first.id).end == offset - 1 and doc.text[offset - 2] == "."
    after = project.load_document(doc_id)
    check_document(after)
    assert len(after.turns) == len(doc.turns) + 1
    # Saved at once: another connection sees the new turn.
    other = sqlite3.connect(project.path)
    assert other.execute("SELECT count(*) FROM turns WHERE id = ?", [new.id]).fetchone() == (1,)
    other.close()
    redo = project.apply(undo)
    assert isinstance(redo, RestoreTurn)
    assert (redo.turn.start, redo.turn.end, redo.turn.id) == (new.start, new.end, new.id)
    assert turns_of(project, doc_id) == before


def test_merge_then_restore_gives_back_the_identical_turns(project, doc_id):
    before = turns_of(project, doc_id)
    doc = project.load_document(doc_id)
    third, fourth = doc.turns[2], doc.turns[3]
    undo = project.apply(MergeTurn(doc_id, fourth.id))
    assert isinstance(undo, RestoreTurn) and undo.previous == third.id
    assert (undo.turn.speaker, undo.turn.start, undo.turn.content_start) == (
        fourth.speaker,
        fourth.start,
        fourth.content_start,
    )
    assert turn(project, doc_id, third.id).end == fourth.end
    assert len(project.load_document(doc_id).turns) == len(doc.turns) - 1
    assert project.apply(undo) == MergeTurn(doc_id, fourth.id)
    assert turns_of(project, doc_id) == before


def test_split_with_another_speaker_and_times_round_trip(project, doc_id):
    doc, first, offset = answer(project, doc_id)
    project.db.execute("UPDATE turns SET time_start = 1.5, time_end = 9.0 WHERE id = ?", [first.id])
    before = turns_of(project, doc_id)
    undo = project.apply(SplitTurn(doc_id, first.id, offset, "Интервьюер"))
    new = turn(project, doc_id, undo.turn)
    assert new.speaker == "Интервьюер" and new.time_end == 9.0 and turn(project, doc_id, first.id).time_end is None
    project.apply(undo)
    assert turns_of(project, doc_id) == before
    undo = project.apply(MergeTurn(doc_id, first.id))
    assert turn(project, doc_id, undo.previous).time_end == 9.0
    project.apply(undo)
    assert turns_of(project, doc_id) == before


def test_splits_that_are_refused_change_nothing(project, doc_id):
    before = turns_of(project, doc_id)
    doc = project.load_document(doc_id)
    span = next(
        s for s in doc.spans if s.text == "Касым-Жомарта Токаева" and doc.turn_at(s.start).content_start < s.start
    )
    t = doc.turn_at(span.start)
    inside = span.start + len("Касым-Жомарта ")
    refused = [
        (SplitTurn(doc_id, t.id, inside), "cut the PER span «Касым-Жомарта Токаева»"),
        (SplitTurn(doc_id, t.id, t.content_start), "before the split"),
        (SplitTurn(doc_id, t.id, t.end), "after the split"),
        (SplitTurn(doc_id, t.id, t.content_start + 3), "inside a word"),
        (SplitTurn(doc_id, t.id, span.start, "Никто"), "no speaker"),
        (SplitTurn(doc_id, 99999, 10), "no turn"),
        (SplitTurn("nope", t.id, span.start), "no turn"),
    ]
    for change, message in refused:
        with pytest.raises(StorageError, match=message):
            project.apply(change)
    assert turns_of(project, doc_id) == before
    assert project.edit_log() == []  # nothing refused is logged


def test_a_split_deletes_the_rejected_suggestion_it_cuts_and_its_undo_brings_it_back(project, doc_id):
    doc = project.load_document(doc_id)
    span = next(
        s for s in doc.spans if s.text == "Касым-Жомарта Токаева" and doc.turn_at(s.start).content_start < s.start
    )
    project.apply(UpdateSpans(doc_id, (span,), (replace(span, status="rejected", annotator="tester"),)))
    spans = spans_of(project, doc_id)
    undo = project.apply(SplitTurn(doc_id, doc.turn_at(span.start).id, span.start + len("Касым-Жомарта ")))
    after = project.load_document(doc_id)
    check_document(after)
    assert span.id not in {s.id for s in after.spans}
    project.apply(undo)
    assert spans_of(project, doc_id) == spans


def test_merging_the_first_turn_is_refused(project, doc_id):
    first = project.load_document(doc_id).turns[0]
    with pytest.raises(StorageError, match="first turn"):
        project.apply(MergeTurn(doc_id, first.id))


def test_restoring_a_turn_refuses_what_does_not_fit(project, doc_id):
    doc = project.load_document(doc_id)
    undo = project.apply(MergeTurn(doc_id, doc.turns[3].id))
    with pytest.raises(StorageError, match="not the end of the turn before"):
        project.apply(replace(undo, previous=doc.turns[4].id))
    with pytest.raises(StorageError, match="cannot end where it ended"):
        project.apply(replace(undo, previous_end=doc.turns[3].content_start + 1))
    # A span tagged across the old boundary must go first.
    text = doc.text
    start = doc.turns[2].end - len("характер?")
    end = doc.turns[3].content_start + len("Я")
    project.apply(AddSpans(doc_id, (Span(start, end, "ORG", text[start:end]),)))
    with pytest.raises(StorageError, match="crosses the place of the split"):
        project.apply(undo)


def test_set_turn_speakers_is_all_or_nothing_and_undoable(project, doc_id):
    doc = project.load_document(doc_id)
    ids = [t.id for t in doc.turns[2:6]]
    before = [t.speaker for t in doc.turns[2:6]]
    swapped = ["Дмитрий Журавлёв", "Интервьюер", "Дмитрий Журавлёв", "Интервьюер"]
    undo = project.apply(SetTurnSpeakers(doc_id, tuple(zip(ids, before, swapped, strict=True))))
    assert undo == SetTurnSpeakers(doc_id, tuple(zip(ids, swapped, before, strict=True)))
    assert [t.speaker for t in project.load_document(doc_id).turns[2:6]] == swapped
    with pytest.raises(StorageError, match="no speaker"):
        project.apply(SetTurnSpeakers(doc_id, ((ids[0], "", "Интервьюер"), (ids[1], "", "Никто"))))
    assert [t.speaker for t in project.load_document(doc_id).turns[2:6]] == swapped
    project.apply(undo)
    assert [t.speaker for t in project.load_document(doc_id).turns[2:6]] == before


def test_speakers_added_in_one_document_can_take_turns_and_names_stay_unique(project, doc_id):
    undo = project.apply(AddSpeaker(doc_id, Speaker("Гость", "other")))
    with pytest.raises(StorageError, match="already a speaker"):
        project.apply(AddSpeaker(doc_id, Speaker("Гость", "other")))
    t = project.load_document(doc_id).turns[5]
    project.apply(SetTurnSpeakers(doc_id, ((t.id, t.speaker, "Гость"),)))
    assert project.load_document(doc_id).turns[5].speaker == "Гость"
    with pytest.raises(StorageError, match="still has turns"):
        project.apply(undo)


# -- spans in bulk -----------------------------------------------------------------


def test_accept_all_and_undo(project, doc_id):
    spans = spans_of(project, doc_id)
    accepted = tuple(replace(s, status="accepted", annotator="tester") for s in spans)
    undo = project.apply(UpdateSpans(doc_id, tuple(spans), accepted))
    assert {s.status for s in spans_of(project, doc_id)} == {"accepted"}
    assert project.progress(doc_id) == (len(spans), len(spans))
    project.apply(undo)
    assert spans_of(project, doc_id) == spans
    assert project.progress(doc_id) == (0, len(spans))


def test_bulk_updates_are_all_or_nothing(project, doc_id):
    spans = spans_of(project, doc_id)
    with pytest.raises(ModelError, match="unknown span status"):
        replace(spans[1], status="maybe")  # a span's own rules hold before storage sees it
    missing = replace(spans[1], id=99999, status="accepted")
    with pytest.raises(StorageError, match="no span"):
        project.apply(UpdateSpans(doc_id, (spans[0], missing), (replace(spans[0], status="accepted"), missing)))
    assert spans_of(project, doc_id) == spans


def test_bulk_range_changes_are_checked_against_the_text(project, doc_id):
    doc = project.load_document(doc_id)
    # The mention in a question, whose turn opens with a dash mark.
    span = next(
        s for s in doc.spans if s.text == "Касым-Жомарта Токаева" and doc.text[doc.turn_at(s.start).start] == "–"
    )
    short = replace(span, end=span.start + len("Касым-Жомарта"), text="Касым-Жомарта")
    undo = project.apply(UpdateSpans(doc_id, (span,), (short,)))
    assert next(s for s in spans_of(project, doc_id) if s.id == span.id).text == "Касым-Жомарта"
    assert undo == UpdateSpans(doc_id, (short,), (span,))
    wrong = replace(span, text="Касым-Жомарта Токаев!"[: span.end - span.start])
    with pytest.raises(StorageError, match="does not match"):
        project.apply(UpdateSpans(doc_id, (short,), (wrong,)))
    t = doc.turn_at(span.start)
    outside = replace(span, start=t.start, text=doc.text[t.start : span.end])
    with pytest.raises(StorageError, match="inside one turn"):
        project.apply(UpdateSpans(doc_id, (short,), (outside,)))
    project.apply(undo)
    assert next(s for s in spans_of(project, doc_id) if s.id == span.id) == span


def test_group_retag_that_would_duplicate_a_span_is_refused(project, doc_id):
    spans = spans_of(project, doc_id)
    first = spans[0]
    clash = "ORG" if first.label != "ORG" else "LOC"
    project.apply(AddSpans(doc_id, (Span(first.start, first.end, clash, first.text),)))
    retag = (replace(spans[1], label="ORG"), replace(first, label=clash))
    with pytest.raises(StorageError, match="twice in one layer"):
        project.apply(UpdateSpans(doc_id, (spans[1], first), retag))
    assert next(s for s in spans_of(project, doc_id) if s.id == spans[1].id).label == spans[1].label


def test_add_and_delete_spans_in_bulk_round_trip(project, doc_id):
    doc = project.load_document(doc_id)
    places = untagged_occurrences(doc, "визит", "ORG")
    assert len(places) >= 2
    new = tuple(Span(s, e, "ORG", doc.text[s:e], annotator="tester") for s, e in places)
    undo = project.apply(AddSpans(doc_id, new))
    added = undo.spans
    assert isinstance(undo, DeleteSpans) and all(s.id for s in added)
    assert untagged_occurrences(project.load_document(doc_id), "визит", "ORG") == []
    redo = project.apply(undo)
    assert redo == AddSpans(doc_id, added)
    assert untagged_occurrences(project.load_document(doc_id), "визит", "ORG") == places
    assert project.apply(redo).spans == added  # re-adding keeps the ids
    with pytest.raises(StorageError, match="already in this layer"):
        project.apply(AddSpans(doc_id, (replace(added[0], id=None),)))
    with pytest.raises(StorageError, match="does not match"):
        project.apply(AddSpans(doc_id, (Span(0, 3, "ORG", "abc"),)))
    with pytest.raises(StorageError, match="no span"):
        project.apply(DeleteSpans(doc_id, (replace(added[0], id=99999),)))


def test_a_span_with_a_label_the_schema_lacks_adds_the_label_and_its_undo_removes_it(project, doc_id):
    text = project.load_document(doc_id).text
    start = text.index("саммита")
    undo = project.apply(AddSpans(doc_id, (Span(start, start + 7, "EVENT", "саммита"),)))
    assert project.labels()[-1] == Label("EVENT", "#9e9e9e")
    project.apply(undo)
    assert "EVENT" not in label_names(project)
    with pytest.raises(StorageError, match="has a space"):
        project.apply(AddSpans(doc_id, (Span(start, start + 7, "two words", "саммита"),)))


# -- labels ---------------------------------------------------------------------------


def test_add_update_and_rename_a_label(project, doc_id):
    project.apply(AddLabel(Label("EVENT", "#123456", "6", "Events")))
    undo_norp = project.apply(AddLabel(Label("NORP", "#654321")))
    project.apply(AddLabel(Label("LAW", "#654321", "")))  # no hotkey is never a clash
    assert label_names(project)[-3:] == ["EVENT", "NORP", "LAW"]
    project.apply(undo_norp)
    project.apply(DeleteLabel(Label("LAW", "#654321")))
    assert project.labels()[-1] == Label("EVENT", "#123456", "6", "Events")
    with pytest.raises(StorageError, match="already a label"):
        project.apply(AddLabel(Label("EVENT", "#123456")))
    with pytest.raises(StorageError, match="hotkey 1 already belongs to PER"):
        project.apply(AddLabel(Label("NEW", "#123456", "1")))
    # A label's own rules hold before storage sees it (annotation.model.Label).
    with pytest.raises(ModelError, match="#rrggbb"):
        Label("NEW", "red")
    with pytest.raises(ModelError, match="has a space"):
        Label(" ", "#123456")
    with pytest.raises(ModelError, match="which label names cannot hold"):
        Label("<b>X</b>", "#123456")
    used = project.label_usage("LOC")
    assert used > 0
    loc = next(lab for lab in project.labels() if lab.name == "LOC")
    undo = project.apply(UpdateLabel(loc, Label("PLACE", "#000000", "7", "Places")))
    assert undo.after == loc and loc.hotkey == "2"
    assert project.label_usage("PLACE") == used
    assert "LOC" not in {s.label for s in spans_of(project, doc_id)}
    project.apply(undo)
    assert project.label_usage("LOC") == used
    with pytest.raises(StorageError, match="no label"):
        project.apply(UpdateLabel(Label("NOPE", "#000000"), Label("NOPE", "#000000")))
    with pytest.raises(StorageError, match="already a label"):
        project.apply(UpdateLabel(loc, Label("PER", "#000000")))
    with pytest.raises(StorageError, match="hotkey 1 already belongs to PER"):
        project.apply(UpdateLabel(loc, Label("LOC", "#000000", "1")))
    project.apply(UpdateLabel(loc, Label("LOC", "#000000", "2")))  # keeping its own hotkey is fine
    with pytest.raises(StorageError, match="no label"):
        project.label_usage("NOPE")


def test_delete_an_unused_label_and_restore_it_in_its_place(project):
    order = label_names(project)
    date = next(lab for lab in project.labels() if lab.name == "DATE")
    undo = project.apply(DeleteLabel(date))
    assert undo == RestoreLabel(date, order.index("DATE"))
    assert "DATE" not in label_names(project)
    project.apply(undo)
    assert label_names(project) == order


def test_delete_a_label_in_use_asks_what_to_do_with_its_spans(project, doc_id):
    spans = spans_of(project, doc_id)
    loc = next(lab for lab in project.labels() if lab.name == "LOC")
    used = project.label_usage("LOC")
    for change, message in [
        (DeleteLabel(loc), f"{used} span"),
        (DeleteLabel(loc, "relabel"), "another label"),
        (DeleteLabel(loc, "relabel", "NOPE"), "no label"),
        (DeleteLabel(loc, "ignore"), "unknown choice"),
        (DeleteLabel(Label("NOPE", "#000000"), "delete"), "no label"),
    ]:
        with pytest.raises(StorageError, match=message):
            project.apply(change)

    undo = project.apply(DeleteLabel(loc, "delete"))
    assert len(undo.spans) == used and len(spans_of(project, doc_id)) == len(spans) - used
    assert {doc for doc, _ in undo.spans} == {doc_id}
    project.apply(undo)
    assert spans_of(project, doc_id) == spans

    undo = project.apply(DeleteLabel(loc, "relabel", "ORG"))
    assert {s.label for s in spans_of(project, doc_id)} == {s.label for s in spans} - {"LOC"}
    project.apply(undo)
    assert spans_of(project, doc_id) == spans


def test_relabel_onto_a_span_that_already_has_the_target_deletes_the_duplicate(project, doc_id):
    loc = next(s for s in spans_of(project, doc_id) if s.label == "LOC")
    (twin,) = project.apply(AddSpans(doc_id, (replace(loc, id=None, label="ORG"),))).spans
    spans = spans_of(project, doc_id)
    label = next(lab for lab in project.labels() if lab.name == "LOC")
    undo = project.apply(DeleteLabel(label, "relabel", "ORG"))
    after = {s.id: s for s in spans_of(project, doc_id)}
    assert loc.id not in after and after[twin.id].label == "ORG"
    project.apply(undo)
    assert spans_of(project, doc_id) == spans


def test_the_label_dialogs_ok_is_one_change(project):
    per, loc = project.labels()[:2]
    swap = Batch((UpdateLabel(per, Label("PER", per.color, "9")), UpdateLabel(loc, Label("LOC", loc.color, "1"))))
    undo = project.apply(swap)
    assert [lab.hotkey for lab in project.labels()[:2]] == ["9", "1"]
    project.apply(undo)
    assert project.labels()[:2] == [per, loc]


# -- document status ------------------------------------------------------------------


def test_the_first_edit_moves_a_new_document_to_in_progress_and_its_undo_back(project, doc_id):
    doc = project.load_document(doc_id)
    assert project.status(doc_id) == "new"
    start = doc.text.index("транспортных")
    undo = project.apply(plan_tag(doc, start, start + 3, "ORG", "tester"))
    assert project.status(doc_id) == "in_progress"
    project.apply(undo)
    assert project.status(doc_id) == "new"
    spans = doc.spans
    edits = (replace(spans[0], status="accepted", annotator="tester"), replace(spans[1], status="rejected"))
    project.apply(UpdateSpans(doc_id, tuple(spans[:2]), edits))
    assert project.progress(doc_id) == (1, len(spans) - 1)
    (summary,) = project.summaries()
    assert (summary.accepted, summary.spans) == (1, len(spans) - 1)
    with pytest.raises(StorageError, match="no document"):
        project.progress("nope")
    with pytest.raises(StorageError, match="no document"):
        project.status("nope")
