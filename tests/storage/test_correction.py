"""The storage side of the correction workflow: each edit one transaction, each one undoable."""

import sqlite3
from dataclasses import replace

import pytest

from annotation.model import Label, ModelError, Span, Speaker, check_document
from annotation.propagate import untagged_occurrences
from annotation.turns import MergedTurn
from storage import Project, StorageError


@pytest.fixture
def project(tmp_path):
    with Project(tmp_path / "p.db") as p:
        yield p


@pytest.fixture
def doc_id(project, sample_import):
    return project.add_document(sample_import.document, sample_import.mentions)


def turns_of(project, doc_id):
    return [
        (t.id, t.start, t.end, t.content_start, t.speaker, t.time_start, t.time_end)
        for t in project.load_document(doc_id).turns
    ]


def answer(project, doc_id, words="Но думаю"):
    doc = project.load_document(doc_id)
    offset = doc.text.index(words)
    return doc, doc.turn_at(offset), offset


# -- turns ---------------------------------------------------------------------


def test_split_then_merge_gives_back_the_identical_turns(tmp_path, project, doc_id):
    before = turns_of(project, doc_id)
    doc, turn, offset = answer(project, doc_id)
    new = project.split_turn(turn.id, offset - 1)  # on the space: trimmed on both sides
    assert (new.start, new.content_start, new.end, new.speaker) == (offset, offset, turn.end, turn.speaker)
    first = project.get_turn(turn.id)
    assert first.end == offset - 1 and doc.text[first.end - 1] == "."
    after = project.load_document(doc_id)
    check_document(after)
    assert len(after.turns) == len(doc.turns) + 1
    # Saved at once: another connection sees the new turn.
    other = sqlite3.connect(tmp_path / "p.db")
    assert other.execute("SELECT count(*) FROM turns WHERE id = ?", [new.id]).fetchone() == (1,)
    other.close()
    removed = project.merge_turn(new.id)
    assert (removed.start, removed.end, removed.id) == (new.start, new.end, new.id)
    assert turns_of(project, doc_id) == before


def test_merge_then_restore_split_gives_back_the_identical_turns(project, doc_id):
    before = turns_of(project, doc_id)
    doc = project.load_document(doc_id)
    third, fourth = doc.turns[2], doc.turns[3]
    removed = project.merge_turn(fourth.id)
    assert isinstance(removed, MergedTurn)
    assert (removed.speaker, removed.start, removed.content_start) == (
        fourth.speaker,
        fourth.start,
        fourth.content_start,
    )
    assert project.get_turn(third.id).end == fourth.end
    assert len(project.load_document(doc_id).turns) == len(doc.turns) - 1
    restored = project.restore_split(third.id, removed)
    assert restored.id == fourth.id
    assert turns_of(project, doc_id) == before


def test_split_with_another_speaker_and_times_round_trip(project, doc_id):
    doc, turn, offset = answer(project, doc_id)
    project.db.execute("UPDATE turns SET time_start = 1.5, time_end = 9.0 WHERE id = ?", [turn.id])
    project.db.conn.commit()
    before = turns_of(project, doc_id)
    new = project.split_turn(turn.id, offset, speaker="Интервьюер")
    assert new.speaker == "Интервьюер" and new.time_end == 9.0 and project.get_turn(turn.id).time_end is None
    project.merge_turn(new.id)
    assert turns_of(project, doc_id) == before
    prev = project.previous_turn_id(turn.id)
    removed = project.merge_turn(turn.id)
    assert project.get_turn(prev).time_end == 9.0
    project.restore_split(prev, removed)
    assert turns_of(project, doc_id) == before
    # A plain Turn (no record of the former end) is restored too.
    removed = project.merge_turn(turn.id)
    project.restore_split(
        prev,
        replace(
            project.get_turn(prev),
            start=removed.start,
            content_start=removed.content_start,
            speaker=removed.speaker,
            time_start=removed.time_start,
            time_end=removed.time_end,
            id=removed.id,
        ),
    )
    assert [t[:5] for t in turns_of(project, doc_id)] == [t[:5] for t in before]


def test_splits_that_are_refused_change_nothing(project, doc_id):
    before = turns_of(project, doc_id)
    doc = project.load_document(doc_id)
    span = next(
        s for s in doc.spans if s.text == "Касым-Жомарта Токаева" and doc.turn_at(s.start).content_start < s.start
    )
    turn = doc.turn_at(span.start)
    inside = span.start + len("Касым-Жомарта ")
    with pytest.raises(StorageError, match="cut the PER span «Касым-Жомарта Токаева»"):
        project.split_turn(turn.id, inside)
    with pytest.raises(StorageError, match="before the split"):
        project.split_turn(turn.id, turn.content_start)
    with pytest.raises(StorageError, match="after the split"):
        project.split_turn(turn.id, turn.end)
    with pytest.raises(StorageError, match="inside a word"):
        project.split_turn(turn.id, turn.content_start + 3)
    with pytest.raises(StorageError, match="no speaker"):
        project.split_turn(turn.id, span.start, speaker="Никто")
    with pytest.raises(StorageError, match="no turn"):
        project.split_turn(99999, 10)
    assert turns_of(project, doc_id) == before


def test_a_rejected_suggestion_does_not_block_a_split(project, doc_id):
    doc = project.load_document(doc_id)
    span = next(
        s for s in doc.spans if s.text == "Касым-Жомарта Токаева" and doc.turn_at(s.start).content_start < s.start
    )
    project.update_span(span.id, status="rejected", annotator="tester")
    new = project.split_turn(doc.turn_at(span.start).id, span.start + len("Касым-Жомарта "))
    assert new.start == span.start + len("Касым-Жомарта ")
    check_document(project.load_document(doc_id))


def test_merging_the_first_turn_is_refused(project, doc_id):
    first = project.load_document(doc_id).turns[0]
    with pytest.raises(StorageError, match="first turn"):
        project.merge_turn(first.id)
    assert project.previous_turn_id(first.id) is None


def test_restore_split_refuses_what_does_not_fit(project, doc_id):
    doc = project.load_document(doc_id)
    removed = project.merge_turn(doc.turns[3].id)
    with pytest.raises(StorageError, match="not the end of the turn before"):
        project.restore_split(doc.turns[4].id, removed)
    # A span tagged across the old boundary must go first.
    text = doc.text
    start = doc.turns[2].end - len("характер?")
    end = doc.turns[3].content_start + len("Я")
    project.add_span(doc_id, Span(start, end, "ORG", text[start:end]))
    with pytest.raises(StorageError, match="crosses the place of the split"):
        project.restore_split(doc.turns[2].id, removed)


def test_set_turn_speakers_is_all_or_nothing_and_undoable(project, doc_id):
    doc = project.load_document(doc_id)
    ids = [t.id for t in doc.turns[2:6]]
    before = [t.speaker for t in doc.turns[2:6]]
    swapped = ["Дмитрий Журавлёв", "Интервьюер", "Дмитрий Журавлёв", "Интервьюер"]
    previous = project.set_turn_speakers(list(zip(ids, swapped, strict=True)))
    assert previous == list(zip(ids, before, strict=True))
    assert [t.speaker for t in project.load_document(doc_id).turns[2:6]] == swapped
    with pytest.raises(StorageError, match="no speaker"):
        project.set_turn_speakers([(ids[0], "Интервьюер"), (ids[1], "Никто")])
    assert [t.speaker for t in project.load_document(doc_id).turns[2:6]] == swapped
    project.set_turn_speakers(previous)
    assert [t.speaker for t in project.load_document(doc_id).turns[2:6]] == before


# -- spans in bulk -----------------------------------------------------------------


def test_accept_all_and_undo(project, doc_id):
    spans = project.spans(doc_id)
    previous = project.update_spans(
        [(s.id, {"status": "accepted", "annotator": "tester"}) for s in spans] + [(spans[0].id, {})]
    )
    assert {s.status for s in project.spans(doc_id)} == {"accepted"}
    assert project.progress(doc_id) == (len(spans), len(spans))
    project.update_spans(previous)
    assert project.spans(doc_id) == spans
    assert project.progress(doc_id) == (0, len(spans))


def test_bulk_updates_are_all_or_nothing(project, doc_id):
    spans = project.spans(doc_id)
    with pytest.raises(StorageError, match="unknown span status"):
        project.update_spans([(spans[0].id, {"status": "accepted"}), (spans[1].id, {"status": "maybe"})])
    with pytest.raises(StorageError, match="cannot change"):
        project.update_spans([(spans[0].id, {"colour": "red"})])
    with pytest.raises(StorageError, match="no span"):
        project.update_spans([(spans[0].id, {"status": "accepted"}), (99999, {"status": "accepted"})])
    assert project.spans(doc_id) == spans


def test_bulk_range_changes_are_checked_against_the_text(project, doc_id):
    doc = project.load_document(doc_id)
    # The mention in a question, whose turn opens with a dash mark.
    span = next(
        s for s in doc.spans if s.text == "Касым-Жомарта Токаева" and doc.text[doc.turn_at(s.start).start] == "–"
    )
    short = {"end": span.start + len("Касым-Жомарта"), "text": "Касым-Жомарта"}
    previous = project.update_spans([(span.id, short)])
    assert project.get_span(span.id).text == "Касым-Жомарта"
    assert previous == [(span.id, {"end": span.end, "text": span.text})]
    with pytest.raises(StorageError, match="does not match"):
        project.update_spans([(span.id, {"end": span.end, "text": "Касым-Жомарта Токаев!"[: span.end - span.start]})])
    turn = doc.turn_at(span.start)
    with pytest.raises(StorageError, match="inside one turn"):
        project.update_spans([(span.id, {"start": turn.start, "text": doc.text[turn.start : span.start + 13]})])
    project.update_spans(previous)
    assert project.get_span(span.id) == span


def test_group_retag_that_would_duplicate_a_span_is_refused(project, doc_id):
    spans = project.spans(doc_id)
    first = spans[0]
    project.add_span(doc_id, Span(first.start, first.end, "ORG" if first.label != "ORG" else "LOC", first.text))
    clash = "ORG" if first.label != "ORG" else "LOC"
    with pytest.raises(StorageError, match="twice in one layer"):
        project.update_spans([(spans[1].id, {"label": "ORG"}), (first.id, {"label": clash})])
    assert project.get_span(spans[1].id).label == spans[1].label


def test_add_and_delete_spans_in_bulk_round_trip(project, doc_id):
    doc = project.load_document(doc_id)
    places = untagged_occurrences(doc, "визит", "ORG")
    assert len(places) >= 2
    new = [Span(s, e, "ORG", doc.text[s:e], annotator="tester") for s, e in places]
    added = project.add_spans(doc_id, new)
    assert all(s.id for s in added)
    assert untagged_occurrences(project.load_document(doc_id), "визит", "ORG") == []
    removed = project.delete_spans([s.id for s in added])
    assert removed == added
    assert untagged_occurrences(project.load_document(doc_id), "визит", "ORG") == places
    assert project.add_spans(doc_id, removed) == added  # undo of the delete keeps the ids
    with pytest.raises(StorageError, match="already in this layer"):
        project.add_spans(doc_id, [replace(added[0], id=None)])
    with pytest.raises(StorageError, match="does not match"):
        project.add_spans(doc_id, [Span(0, 3, "ORG", "abc")])


# -- labels ---------------------------------------------------------------------------


def test_add_update_and_rename_a_label(project, doc_id):
    project.add_label(Label("EVENT", "#123456", "6", "Events"))
    project.add_label(Label("NORP", "#654321"))
    project.add_label(Label("LAW", "#654321", ""))  # no hotkey is never a clash
    assert project.reorder_labels(["PER", "LOC", "ORG", "DATE", "MONEY", "EVENT"])[-2:] == ["NORP", "LAW"]
    project.delete_label("NORP")
    project.delete_label("LAW")
    assert project.labels()[-1] == Label("EVENT", "#123456", "6", "Events")
    with pytest.raises(StorageError, match="already a label"):
        project.add_label(Label("EVENT", "#123456"))
    with pytest.raises(StorageError, match="hotkey 1 already belongs to PER"):
        project.add_label(Label("NEW", "#123456", "1"))
    # A label's own rules hold before storage sees it (annotation.model.Label).
    with pytest.raises(ModelError, match="#rrggbb"):
        Label("NEW", "red")
    with pytest.raises(ModelError, match="has a space"):
        Label(" ", "#123456")
    with pytest.raises(ModelError, match="which label names cannot hold"):
        Label("<b>X</b>", "#123456")
    used = project.label_usage("LOC")
    assert used > 0
    old = project.update_label("LOC", Label("PLACE", "#000000", "7", "Places"))
    assert old.name == "LOC" and old.hotkey == "2"
    assert project.label_usage("PLACE") == used
    assert {s.label for s in project.spans(doc_id)} >= {"PLACE"}
    assert "LOC" not in {s.label for s in project.spans(doc_id)}
    project.update_label("PLACE", old)  # undo
    assert project.label_usage("LOC") == used
    with pytest.raises(StorageError, match="no label"):
        project.update_label("NOPE", Label("NOPE", "#000000"))
    with pytest.raises(StorageError, match="already a label"):
        project.update_label("LOC", Label("PER", "#000000"))
    with pytest.raises(StorageError, match="hotkey 1 already belongs to PER"):
        project.update_label("LOC", Label("LOC", "#000000", "1"))
    project.update_label("LOC", Label("LOC", "#000000", "2"))  # keeping its own hotkey is fine
    with pytest.raises(StorageError, match="no label"):
        project.label_usage("NOPE")


def test_delete_an_unused_label_and_restore_it(project):
    position = project.label_position("DATE")
    order = [lab.name for lab in project.labels()]
    removed = project.delete_label("DATE")
    assert removed == [] and "DATE" not in [lab.name for lab in project.labels()]
    project.restore_label(removed.label, removed.position, removed)
    assert [lab.name for lab in project.labels()] == order and project.label_position("DATE") == position


def test_delete_a_label_in_use_asks_what_to_do_with_its_spans(project, doc_id):
    spans = project.spans(doc_id)
    used = project.label_usage("LOC")
    with pytest.raises(StorageError, match=f"{used} span"):
        project.delete_label("LOC")
    with pytest.raises(StorageError, match="another label"):
        project.delete_label("LOC", "relabel")
    with pytest.raises(StorageError, match="no label"):
        project.delete_label("LOC", "relabel", "NOPE")
    with pytest.raises(StorageError, match="unknown choice"):
        project.delete_label("LOC", "ignore")
    with pytest.raises(StorageError, match="no label"):
        project.delete_label("NOPE", "delete")

    removed = project.delete_label("LOC", "delete")
    assert len(removed) == used and project.db["spans"].count == len(spans) - used
    project.restore_label(removed.label, removed.position, removed)
    assert project.spans(doc_id) == spans

    removed = project.delete_label("LOC", "delete")
    with pytest.raises(StorageError, match="which document"):
        project.restore_label(removed.label, removed.position, list(removed))  # a plain list has no documents
    assert "LOC" not in [lab.name for lab in project.labels()]  # nothing was half restored
    project.restore_label(removed.label, removed.position, removed)

    removed = project.delete_label("LOC", "relabel", "ORG")
    assert {s.label for s in project.spans(doc_id)} == {s.label for s in spans} - {"LOC"}
    project.restore_label(removed.label, removed.position, removed)
    assert project.spans(doc_id) == spans


def test_relabel_onto_a_span_that_already_has_the_target_deletes_the_duplicate(project, doc_id):
    loc = next(s for s in project.spans(doc_id) if s.label == "LOC")
    twin = project.add_span(doc_id, replace(loc, id=None, label="ORG"))
    spans = project.spans(doc_id)
    removed = project.delete_label("LOC", "relabel", "ORG")
    assert project.db["spans"].count_where("id = ?", [loc.id]) == 0
    assert project.get_span(twin.id).label == "ORG"
    project.restore_label(removed.label, removed.position, removed)
    assert project.spans(doc_id) == spans


def test_reorder_labels(project):
    before = project.reorder_labels(["MONEY", "PER"])
    assert [lab.name for lab in project.labels()] == ["MONEY", "PER", "LOC", "ORG", "DATE"]
    project.reorder_labels(before)
    assert [lab.name for lab in project.labels()] == before
    with pytest.raises(StorageError, match="no label"):
        project.reorder_labels(["NOPE"])


# -- document status ------------------------------------------------------------------


def test_status_and_progress(project, doc_id, sample_import):
    assert project.status(doc_id) == "new"
    assert project.mark_in_progress_if_new(doc_id) is True
    assert project.status(doc_id) == "in_progress"
    assert project.mark_in_progress_if_new(doc_id) is False
    project.set_status(doc_id, "done")
    assert project.mark_in_progress_if_new(doc_id) is False and project.status(doc_id) == "done"
    spans = project.spans(doc_id)
    project.update_span(spans[0].id, status="accepted", annotator="tester")
    project.update_span(spans[1].id, status="rejected", annotator="tester")
    assert project.progress(doc_id) == (1, len(spans) - 1)
    (summary,) = project.summaries()
    assert (summary.accepted, summary.spans) == (1, len(spans) - 1)
    with pytest.raises(StorageError, match="no document"):
        project.progress("nope")


def test_next_document_skips_done_ones_and_wraps(project, sample_import):
    ids = [project.add_document(replace(sample_import.document, id=None, title=f"d{i}")) for i in range(3)]
    project.set_status(ids[1], "done")
    assert project.next_document(ids[0]) == ids[2]
    assert project.next_document(ids[2]) == ids[0]
    assert project.next_document() == ids[0]
    for i in ids:
        project.set_status(i, "done")
    assert project.next_document(ids[0]) is None


def test_speakers_added_in_one_document_can_take_turns(project, doc_id):
    project.add_speaker(doc_id, Speaker("Гость", "other"))
    turn = project.load_document(doc_id).turns[5]
    assert project.set_turn_speakers([(turn.id, "Гость")]) == [(turn.id, turn.speaker)]
