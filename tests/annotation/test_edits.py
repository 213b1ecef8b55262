"""The rules of editing, planned without Qt or SQL (annotation.edits)."""

from __future__ import annotations

import json

import pytest

from annotation.changes import (
    AddSpans,
    Batch,
    DeleteSpans,
    MergeTurn,
    SetStatus,
    SetTurnSpeakers,
    SplitTurn,
    UpdateLabel,
    UpdateSpans,
    UpdateSpeaker,
    flatten,
    from_json,
    to_json,
)
from annotation.edits import (
    Refusal,
    plan_accept_document,
    plan_accept_turn,
    plan_merge,
    plan_propagate,
    plan_realternate,
    plan_relabel,
    plan_remove,
    plan_rename,
    plan_resize,
    plan_set_speaker,
    plan_split,
    plan_status,
    plan_suggestions,
    plan_tag,
    select_spans,
)
from annotation.label_edits import plan_labels
from annotation.model import Document, Label, Mention, Span, Speaker, Turn

TEXT = "– Где вы живёте?\n– В Москве. Москва большая, а Казань красивая.\n– А ЕАЭС?\n– ЕАЭС работает."


def make_doc(status: str = "in_progress") -> Document:
    lines = TEXT.split("\n")
    turns, pos = [], 0
    for i, line in enumerate(lines):
        turns.append(Turn(pos, pos + len(line), pos + 2, "Q" if i % 2 == 0 else "A", id=i + 1))
        pos += len(line) + 1
    speakers = [Speaker("Q", "interviewer"), Speaker("A", "respondent")]
    doc = Document(TEXT, "t", id="d1", status=status, speakers=speakers)
    doc.turns = turns

    def span(word: str, label: str, status: str = "suggested", nth: int = 0, sid: int = 0, origin: str = "model"):
        start = -1
        for _ in range(nth + 1):
            start = TEXT.index(word, start + 1)
        return Span(start, start + len(word), label, word, word, origin, status, None, sid)

    doc.spans = sorted(
        [
            span("Москве", "LOC", sid=1),
            span("Казань", "LOC", "accepted", sid=2, origin="human"),
            span("ЕАЭС", "LOC", sid=3),
            span("ЕАЭС", "LOC", sid=4, nth=1),
        ],
        key=lambda s: s.start,
    )
    return doc


def leaves(change):
    return flatten(change)


def test_tagging_a_suggestions_exact_range_resolves_it_instead_of_stacking_a_span():
    doc = make_doc()
    moscow = doc.spans[0]
    accepted = plan_tag(doc, moscow.start, moscow.end, "LOC", "ann")
    assert isinstance(accepted, UpdateSpans)
    assert accepted.after[0].status == "accepted" and accepted.after[0].annotator == "ann"
    retagged = plan_tag(doc, moscow.start, moscow.end, "ORG", "ann")
    assert isinstance(retagged, UpdateSpans)
    assert (retagged.after[0].label, retagged.after[0].status) == ("ORG", "accepted")


def test_tagging_new_words_snaps_to_whole_words_and_refuses_what_cannot_be_a_tag():
    doc = make_doc()
    start = TEXT.index("оскв", TEXT.index("Москва"))  # inside «Москва»
    change = plan_tag(doc, start, start + 2, "LOC", "ann")
    assert isinstance(change, AddSpans)
    (span,) = change.spans
    assert (span.text, span.origin, span.status, span.annotator) == ("Москва", "human", "accepted", "ann")
    kazan = doc.spans[2] if doc.spans[2].text == "Казань" else doc.spans[1]
    assert isinstance(plan_tag(doc, kazan.start, kazan.end, "LOC", "ann"), Refusal)  # already tagged
    dot = TEXT.index(".")
    assert "punctuation" in plan_tag(doc, dot, dot + 1, "LOC", "ann").message
    across = plan_tag(doc, TEXT.index("живёте"), TEXT.index("Москве") + 3, "LOC", "ann")
    assert isinstance(across, Refusal) and "one turn" in across.message


def test_remove_rejects_a_suggestion_but_deletes_a_persons_span():
    doc = make_doc()
    suggestion = next(s for s in doc.spans if s.text == "Москве")
    human = next(s for s in doc.spans if s.text == "Казань")
    rejected = plan_remove(doc, suggestion, "ann")
    assert isinstance(rejected, UpdateSpans) and rejected.after[0].status == "rejected"
    assert rejected.after[0].annotator == "ann"
    deleted = plan_remove(doc, human, "ann")
    assert isinstance(deleted, DeleteSpans) and deleted.spans == (human,)


def test_relabel_and_resize_accept_a_suggestion():
    doc = make_doc()
    eaes = [s for s in doc.spans if s.text == "ЕАЭС"]
    change = plan_relabel(doc, eaes, "ORG", "ann")
    assert [(s.label, s.status, s.annotator) for s in change.after] == [("ORG", "accepted", "ann")] * 2
    moscow = doc.spans[0]
    grown = plan_resize(doc, moscow, "left", +1, "ann")
    assert grown.after[0].text == "В Москве" and grown.after[0].status == "accepted"
    assert grown.after[0].normal is None
    assert "nothing" in plan_resize(doc, moscow, "right", -1, "ann").message
    assert isinstance(plan_relabel(doc, [doc.spans[1]], doc.spans[1].label, "ann"), Refusal)


def test_the_first_edit_of_a_new_document_moves_it_to_in_progress_in_the_same_change():
    doc = make_doc(status="new")
    change = plan_remove(doc, doc.spans[0], "ann")
    assert isinstance(change, Batch)
    assert isinstance(leaves(change)[-1], SetStatus) and leaves(change)[-1].after == "in_progress"
    assert change.text.startswith("Reject")
    assert isinstance(plan_status(doc, "done"), SetStatus)
    assert isinstance(plan_status(doc, "new"), Refusal)


def test_propagate_builds_the_spans_and_skips_tagged_places():
    doc = make_doc()
    kazan = next(s for s in doc.spans if s.text == "Казань")
    assert "No untagged" in plan_propagate(doc, kazan, "ann").message
    eaes = doc.spans[-1]
    first = doc.spans[-2]
    doc.spans.remove(first)  # an untagged «ЕАЭС» is left
    change = plan_propagate(doc, eaes, "ann")
    assert [(s.start, s.origin, s.annotator) for s in change.spans] == [(first.start, "human", "ann")]


def test_accept_a_turn_or_the_document():
    doc = make_doc()
    turn = plan_accept_turn(doc, 1, "ann")
    assert [s.text for s in turn.after] == ["Москве"]
    everything = plan_accept_document(doc, "ann")
    assert len(everything.after) == 3 and everything.text == "Accept all 3 suggestion(s)"
    assert isinstance(plan_accept_turn(doc, 0, "ann"), Refusal)


def test_turn_plans():
    doc = make_doc()
    split = plan_split(doc, TEXT.index("Москва"))
    assert isinstance(split, SplitTurn) and split.turn == 2
    assert "word" in plan_split(doc, TEXT.index("оскв")).message or isinstance(plan_split(doc, 2), Refusal)
    assert isinstance(plan_merge(doc, 1), MergeTurn) and isinstance(plan_merge(doc, 0), Refusal)
    give = plan_set_speaker(doc, [doc.turns[0]], "A")
    assert give.turns == ((1, "Q", "A"),)
    assert isinstance(plan_set_speaker(doc, [doc.turns[1]], "A"), Refusal)
    assert isinstance(plan_set_speaker(doc, [doc.turns[1]], "Nobody"), Refusal)
    doc.turns[1].speaker = "Q"
    realternated = plan_realternate(doc, 1)
    assert isinstance(realternated, SetTurnSpeakers) and realternated.turns[0] == (2, "Q", "A")
    rename = plan_rename(doc, doc.speakers[1], " Ольга ", "respondent")
    assert isinstance(rename, UpdateSpeaker) and rename.after == Speaker("Ольга", "respondent")
    assert "already a speaker" in plan_rename(doc, doc.speakers[1], "Q", "respondent").message
    assert isinstance(plan_rename(doc, doc.speakers[1], "A", "respondent"), Refusal)


def test_a_rerun_suggests_only_what_the_model_never_produced():
    doc = make_doc()
    moscow = doc.spans[0]
    seen = [Mention(moscow.start, moscow.end, "LOC", "Москве", "Москва")]
    deleted = Mention(TEXT.index("Москва"), TEXT.index("Москва") + 6, "LOC", "Москва", "Москва")
    seen.append(deleted)  # suggested once, then deleted by a person: it must not come back
    kazan = next(s for s in doc.spans if s.text == "Казань")
    new = [
        *seen,
        Mention(kazan.start, kazan.end, "LOC", "Казань", None),  # a person tagged it already
        Mention(kazan.start, kazan.end, "WHAT", "Казань", None),  # unknown label: logged only
        Mention(TEXT.index("Где"), TEXT.index("Где") + 3, "ORG", "Где", None),
    ]
    change = plan_suggestions(doc, new, seen, ["LOC", "ORG"], "m")
    assert [s.text for s in change.spans] == ["Где"]
    assert len(change.model_output) == 3  # everything new is logged
    assert isinstance(plan_suggestions(doc, seen, seen, ["LOC"], "m"), Refusal)


def test_label_dialog_ok_is_one_change_and_swapped_hotkeys_do_not_clash():
    per, loc = Label("PER", "#111111", "1"), Label("LOC", "#222222", "2")
    change = plan_labels([per, loc], [(per, Label("PER", "#111111", "2")), (loc, Label("LOC", "#222222", "1"))], [])
    assert isinstance(change, Batch)
    updates = [c for c in leaves(change) if isinstance(c, UpdateLabel)]
    assert updates[-1].after == Label("LOC", "#222222", "1") or updates[-1].after == Label("PER", "#111111", "2")
    assert "share a hotkey" in plan_labels([per], [(per, per), (None, Label("X", "#333333", "1"))], []).message
    assert isinstance(plan_labels([per], [(per, per)], []), Refusal)


def test_select_spans_filters():
    doc = make_doc()
    assert [s.id for s in select_spans(doc, text="ЕАЭС")] == [3, 4]
    assert [s.id for s in select_spans(doc, origins=["human"])] == [2]
    assert [s.id for s in select_spans(doc, labels=["ORG"])] == []
    assert [s.id for s in select_spans(doc, normal="Москве", statuses=["suggested"])] == [1]


def test_changes_survive_json_for_the_edit_log():
    doc = make_doc(status="new")
    change = plan_relabel(doc, doc.spans[-2:], "ORG", "ann")
    data = json.loads(json.dumps(to_json(change), ensure_ascii=False))
    assert from_json(data) == change


@pytest.mark.parametrize("make", [lambda d: plan_tag(d, 0, 1, "LOC", "a"), lambda d: plan_merge(d, 0)])
def test_refusals_name_no_command_line_flag(make):
    message = make(make_doc()).message
    assert "--" not in message and not message[0].islower()


def test_a_rerun_never_brings_back_a_span_a_person_relabelled_resized_or_deleted():
    doc = make_doc()
    moscow, eaes_1, eaes_2 = doc.spans[0], doc.spans[-2], doc.spans[-1]
    model_run = [Mention(s.start, s.end, s.label, s.text, s.normal) for s in (moscow, eaes_1, eaes_2)]
    # A person relabels one ЕАЭС, widens «Москве» and deletes the other ЕАЭС.
    doc.spans.remove(eaes_2)
    doc.spans[doc.spans.index(eaes_1)] = plan_relabel(doc, [eaes_1], "ORG", "ann").after[0]
    grown = plan_resize(doc, moscow, "left", +1, "ann").after[0]
    doc.spans[doc.spans.index(moscow)] = grown
    again = plan_suggestions(doc, model_run, model_run, ["LOC", "ORG"], "m")
    assert isinstance(again, Refusal)  # the same output again: nothing comes back
    assert {s.key for s in doc.spans} == {grown.key, (eaes_1.start, eaes_1.end, "ORG"), doc.spans[1].key}


def test_relayout_keeps_the_text_and_refuses_to_put_a_span_on_a_speaker_mark():
    from annotation.edits import plan_relayout

    text = "ИВАН: Добрый день.\nОЛЬГА: Здравствуйте, Иван.\nИВАН: Как дела?\nОЛЬГА: Хорошо."
    doc = Document(text, id="d", status="in_progress", speakers=[Speaker("Автор", "narrator")],
                   turns=[Turn(0, len(text), 0, "Автор", id=1)])
    change = plan_relayout(doc, "colon")
    (replace,) = [c for c in flatten(change)]
    assert [t.speaker for t in replace.turns][:2] != ["Автор"] and len(replace.turns) == 4
    doc.spans = [Span(0, 4, "PER", "ИВАН", None, "human", "accepted", "a", 1)]
    refused = plan_relayout(doc, "colon")
    assert isinstance(refused, Refusal) and "«ИВАН»" in refused.message
    assert "Unknown layout" in plan_relayout(doc, "nope").message or isinstance(plan_relayout(doc, "nope"), Refusal)
