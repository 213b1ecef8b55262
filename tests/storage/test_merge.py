"""Merging annotators' projects into a review project (issue 11), and the done-when case by hand."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from sqlite_utils import Database

from annotation.agreement import agreement, token_categories
from annotation.changes import AddSpans, UpdateSpans
from annotation.formats import jsonl
from annotation.model import Document, Span, Speaker, Turn
from annotation.quality import report
from annotation.review import BOUNDARY, LABEL, MISSING, SPEAKER, agreed_spans, disagreements, resolve
from annotation.tokens import tokens
from storage import Project, StorageError
from storage.merge import merge_into
from storage.migrations import migrations
from storage.review import all_layers, document_layers, layer_sources, turn_layers


@pytest.fixture
def case(review_case, tmp_path) -> Path:
    for name in ("anna.db", "boris.db"):
        shutil.copy(review_case / name, tmp_path / name)
    return tmp_path


def _dump(project: Project) -> dict:
    tables = ("documents", "spans", "turns", "speakers", "model_output", "layer_turns", "layers")
    skip = {"merged_at", "updated_at", "created_at"}
    return {t: [{k: v for k, v in r.items() if k not in skip} for r in project.db[t].rows] for t in tables}


def test_two_copies_merge_into_one_document_with_a_layer_each(case):
    with Project(case / "review.db", create=True) as review:
        report_ = merge_into(review, [case / "anna.db", case / "boris.db"])
        assert report_.created == ["interview_kz_ru"] and report_.partial == []
        assert report_.layers_written == 2
        (doc_id,) = review.document_ids()
        layers = document_layers(review, doc_id)
        assert layers.annotators == ["anna", "boris"]
        assert len(layers.spans["anna"]) == 59 and len(layers.spans["boris"]) == 60
        assert {a: len(t) for a, t in layers.turns.items()} == {"anna": 20, "boris": 20}
        assert layer_sources(review)[doc_id] == {"anna": "anna.db", "boris": "boris.db"}
        assert len(review.model_output(doc_id)) == 60  # the model's original output came along
        # the rejected suggestion stays as a row of both layers
        rejected = [s for s in review.load_document(doc_id).spans if s.status == "rejected"]
        assert sorted(s.annotator for s in rejected) == ["anna", "boris"]


def test_merging_twice_changes_nothing_and_a_new_merge_updates_a_layer(case):
    with Project(case / "review.db", create=True) as review:
        merge_into(review, [case / "anna.db", case / "boris.db"])
        before = _dump(review)
        again = merge_into(review, [case / "anna.db", case / "boris.db"])
        assert (again.layers_written, again.layers_unchanged, again.created) == (0, 2, [])
        assert _dump(review) == before
    with Project(case / "anna.db", create=True) as anna:
        (doc_id,) = anna.document_ids()
        was_loc = next(m for m in anna.model_output(doc_id) if m.text == "СНГ" and m.label == "LOC")
        sng = next(s for s in anna.load_document(doc_id).spans if (s.start, s.label) == (was_loc.start, "ORG"))
        # anna changes her mind: now she agrees with boris
        anna.apply(UpdateSpans(doc_id, (sng,), (replace(sng, label="LOC"),)))
    with Project(case / "review.db", create=True) as review:
        third = merge_into(review, [case / "anna.db", case / "boris.db"])
        assert (third.layers_written, third.layers_unchanged) == (1, 1)
        (doc_id,) = review.document_ids()
        found = disagreements(document_layers(review, doc_id), "anna", "boris")
        assert [d.kind for d in found].count(LABEL) == 0


def test_documents_in_only_some_projects_are_reported_and_kept(case):
    text = "– Где вы живёте?\n– В Казани."
    other = Document(
        text,
        title="short",
        speakers=[Speaker("В", "interviewer"), Speaker("О", "respondent")],
        turns=[Turn(0, 16, 2, "В"), Turn(17, len(text), 19, "О")],
        spans=[Span(21, 27, "LOC", "Казани", annotator="carla")],
    )
    with Project(case / "carla.db", create=True) as carla:
        carla.add_document(other)
    with Project(case / "review.db", create=True) as review:
        result = merge_into(review, [case / "anna.db", case / "carla.db", case / "boris.db"])
        assert sorted(result.created) == ["interview_kz_ru", "short"]
        lines = "\n".join(result.lines())
        assert "only in anna.db, boris.db (not in carla.db): interview_kz_ru" in lines
        assert "only in carla.db (not in anna.db, boris.db): short" in lines
        short = next(i for i in review.document_ids() if review.load_document(i).title == "short")
        assert document_layers(review, short).annotators == ["carla"]


def test_the_same_annotator_name_in_two_sources_gets_two_layers(case, tmp_path):
    shutil.copy(case / "anna.db", tmp_path / "anna2.db")
    with Project(case / "review.db", create=True) as review:
        result = merge_into(review, [case / "anna.db", tmp_path / "anna2.db"])
        (doc_id,) = review.document_ids()
        assert document_layers(review, doc_id).annotators == ["anna", "anna@anna2.db"]
        assert any("stored as 'anna@anna2.db'" in note for note in result.notes)


def test_a_native_jsonl_export_merges_like_its_project(case):
    with Project(case / "anna.db", create=True) as anna:
        jsonl.write([anna.load_document(i) for i in anna.document_ids()], case / "anna.jsonl")
    with Project(case / "from_db.db", create=True) as a, Project(case / "from_jsonl.db", create=True) as b:
        merge_into(a, [case / "anna.db", case / "boris.db"])
        merge_into(b, [case / "anna.jsonl", case / "boris.db"])
        from_db, from_jsonl = agreement(all_layers(a)), agreement(all_layers(b))
        for key in ("pairs", "alpha", "turns"):
            assert from_db[key] == from_jsonl[key]
        (doc_a,), (doc_b,) = a.document_ids(), b.document_ids()
        assert turn_layers(a, doc_a) == turn_layers(b, doc_b)


def test_bad_sources_store_nothing(case):
    (case / "notes.txt").write_text("not a project", encoding="utf-8")
    with Project(case / "review.db", create=True) as review:
        with pytest.raises(StorageError, match="missing.db: no such file"):
            merge_into(review, [case / "anna.db", case / "missing.db"])
        with pytest.raises(StorageError, match="notes.txt: not a Razmetka project"):
            merge_into(review, [case / "anna.db", case / "notes.txt"])
        with pytest.raises(StorageError, match="into itself"):
            merge_into(review, [case / "review.db"])
        assert review.document_ids() == []


def test_an_older_project_file_is_migrated_and_takes_adjudicated_spans(tmp_path):
    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before="m006_review")
    db["documents"].insert({"id": "d1", "title": "old", "text": "– Анна."})
    speaker = db["speakers"].insert({"document_id": "d1", "name": "А"}).last_pk
    db["turns"].insert({"document_id": "d1", "start": 0, "end": 7, "content_start": 2, "speaker_id": speaker})
    db["spans"].insert(
        {
            "document_id": "d1",
            "start": 2,
            "end": 6,
            "label": "PER",
            "text": "Анна",
            "origin": "human",
            "status": "accepted",
            "annotator": "anna",
        }
    )
    db.close()
    with Project(path, create=True) as project:
        assert [s.text for s in project.load_document("d1").spans] == ["Анна"]
        gold = Span(2, 6, "PER", "Анна", origin="adjudicated", annotator="rita")
        project.apply(AddSpans("d1", (gold,)))
        with pytest.raises(StorageError):  # the layer's unique index survived the rebuild
            project.apply(AddSpans("d1", (gold,)))
        assert {s.origin for s in project.load_document("d1").spans} == {"human", "adjudicated"}


# -- the done-when case, worked out by hand ----------------------------------------


def test_the_case_disagreements_agreement_and_model_quality_match_a_hand_calculation(case):
    with Project(case / "review.db", create=True) as review:
        merge_into(review, [case / "anna.db", case / "boris.db"])
        (doc_id,) = review.document_ids()
        layers = document_layers(review, doc_id)
        found = disagreements(layers, "anna", "boris")
        text = layers.text
        # In text order: the widened university, the first question given to the respondent,
        # «Центральная Азия» only boris tagged, «СНГ» as ORG or LOC.
        question = next(t for t in layers.turns["boris"] if t.speaker == "Дмитрий Журавлёв")
        sng = next(m for m in review.model_output(doc_id) if (m.text, m.label) == ("СНГ", "LOC"))
        assert [(d.kind, d.start, d.end) for d in found] == [
            (BOUNDARY, text.index("Финансового"), text.index("Финансового") + 45),
            (SPEAKER, question.start, question.end),
            (MISSING, text.index("Центральная Азия"), text.index("Центральная Азия") + 16),
            (LABEL, sng.start, sng.end),
        ]
        assert [s.label for s in found[3].a + found[3].b] == ["ORG", "LOC"]
        assert [t.speaker for t in found[1].a_turns] == ["Интервьюер"]

        figures = agreement([layers])
        (pair,) = figures["pairs"]
        # anna: 38 LOC, 11 ORG, 9 PER, 1 MONEY; boris: 40 LOC, 10 ORG, 9 PER, 1 MONEY; 57 in common.
        assert pair["labels"]["LOC"] == pytest.approx({"precision": 38 / 40, "recall": 1.0, "f1": 76 / 78})
        assert pair["labels"]["ORG"] == pytest.approx({"precision": 9 / 10, "recall": 9 / 11, "f1": 18 / 21})
        assert pair["labels"]["PER"]["f1"] == pair["labels"]["MONEY"]["f1"] == 1.0
        assert pair["overall_f1"] == pytest.approx(2 * 57 / (59 + 60))
        # Tokens: 6 differ (СНГ; при, правительстве, РФ; Центральная, Азия) out of N.
        bounds = tokens(text)
        a_cats = token_categories(text, layers.spans["anna"], bounds)
        b_cats = token_categories(text, layers.spans["boris"], bounds)
        assert sum(x != y for x, y in zip(a_cats, b_cats, strict=True)) == 6
        sklearn = pytest.importorskip("sklearn.metrics")
        assert pair["kappa"] == pytest.approx(sklearn.cohen_kappa_score(a_cats, b_cats))
        # Turns: the same 20 boundaries; the first question's characters have another speaker.
        (turns,) = figures["turns"]["pairs"]
        assert turns["boundary"]["f1"] == 1.0
        moved = sum(not ch.isspace() for ch in text[question.start : question.end])
        total = sum(not ch.isspace() for ch in text)
        assert turns["same_speaker"] == pytest.approx(1 - moved / total)

        # The model against each person: anna relabelled 3, widened 1, rejected 1; boris relabelled 2
        # and turned the rejected «Центральная Азия – Россия» ORG into «Центральная Азия» LOC.
        mentions = review.model_output(doc_id)
        data = report([(review.load_document(doc_id), mentions)])
        assert data["errors"] == {
            "correct": 55 + 57,
            "label": 3 + 2,
            "boundary": 1,
            "label_and_boundary": 1,
            "missed": 0,
            "spurious": 1,
        }
        assert data["corrections"][0]["description"] == "ЕАЭС LOC→ORG ×4"
        assert data["schemes"]["strict"]["precision"] == pytest.approx(112 / 120)
        assert data["schemes"]["strict"]["recall"] == pytest.approx(112 / 119)

        # Settling: СНГ as anna, the boundary as anna, the speaker as anna, Центральная Азия as boris.
        choice = {LABEL: "a", BOUNDARY: "a", SPEAKER: "a", MISSING: "b"}
        gold = agreed_spans(layers, "anna", "boris", "rita")
        assert len(gold) == 57
        for d in found:
            gold += resolve(d, choice[d.kind], "rita", gold).spans
        review.apply(AddSpans(doc_id, tuple(gold)))
        data = report([(review.load_document(doc_id), mentions)])
        assert data["reference"] == {"gold": 1}
        assert data["errors"] == {
            "correct": 55,
            "label": 3,
            "boundary": 1,
            "label_and_boundary": 1,
            "missed": 0,
            "spurious": 0,
        }


def test_review_state_and_decisions_return_what_undo_needs(case):
    from storage.review import (
        ReviewState,
        decisions,
        forget_decision,
        mark_reviewed,
        record_decision,
        return_document,
        review_state,
        review_states,
        set_review,
    )

    with Project(case / "review.db", create=True) as review:
        merge_into(review, [case / "anna.db", case / "boris.db"])
        (doc_id,) = review.document_ids()
        assert review_state(review, doc_id) == ReviewState(None) and review_states(review) == {}
        before = return_document(review, doc_id, "rita", "  look at СНГ ")
        assert before == ReviewState(None)
        assert review_states(review)[doc_id] == ReviewState("returned", "look at СНГ", "rita")
        previous = mark_reviewed(review, doc_id, "rita")
        set_review(review, doc_id, previous)  # undo
        assert review_state(review, doc_id).state == "returned"
        with pytest.raises(StorageError, match="unknown review state"):
            set_review(review, doc_id, ReviewState("done"))

        first = disagreements(document_layers(review, doc_id), "anna", "boris")[0]
        assert record_decision(review, doc_id, "anna", "boris", first, "a", "rita") is None
        earlier = record_decision(review, doc_id, "anna", "boris", first, "both", "rita")
        assert earlier is not None and earlier.choice == "a"
        assert [d.choice for d in decisions(review, doc_id)] == ["both"]
        forget_decision(review, doc_id, earlier)
        assert decisions(review, doc_id) == []
