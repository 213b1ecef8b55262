"""For every kind of change, on generated documents: applying it and then its inverse restores every row.

Every table of the file is compared, column by column, except the timestamps
(``created_at``, ``updated_at``), the edit log (which records the undo too) and
FTS5's internal shadow tables (the index's content is compared through
``turn_text`` and ``turn_text_fts``).  Redoing (the inverse's inverse) gives the
changed rows back, ids included.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from annotation.changes import (
    AddLabel,
    AddSpans,
    AddSpeaker,
    Batch,
    DeleteLabel,
    DeleteSpans,
    DeleteSpeaker,
    MergeTurn,
    RecordDecision,
    ReplaceTurns,
    SetLanguage,
    SetStatus,
    SetTurnSpeakers,
    SplitTurn,
    UpdateLabel,
    UpdateSpans,
    UpdateSpeaker,
)
from annotation.edits import Refusal, plan_split
from annotation.model import Document, Label, Span, Speaker, Turn
from storage import Project

WORDS = ["Москва", "и", "Казань", "ЕАЭС", "слово", "word", "😀ёж", "СНГ", "Ёлкин", "a"]
MARKS = ["– ", "А: ", ""]
SPEAKERS = [("А", "interviewer"), ("Б", "respondent"), ("В", "other"), ("Гость", "narrator")]
SKIPPED = {"edit_log", "_sqlite_migrations", "sqlite_sequence", "sqlite_stat1"}
TIMESTAMPS = {"created_at", "updated_at"}
SETTINGS = settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))


@st.composite
def documents(draw) -> Document:
    speakers = [Speaker(n, r) for n, r in SPEAKERS[: draw(st.integers(2, 4))]]
    text, turns, spans, seen = "", [], [], set()
    for _ in range(draw(st.integers(1, 5))):
        text += draw(st.sampled_from(["", "\n", "\n\n"])) if text else ""
        mark = draw(st.sampled_from(MARKS))
        start = len(text)
        text += mark
        for i, word in enumerate(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))):
            text += " " if i else ""
            at = len(text)
            text += word
            if draw(st.integers(0, 2)) == 0:
                label = draw(st.sampled_from(["PER", "LOC", "ORG"]))
                status = draw(st.sampled_from(["suggested", "accepted", "rejected"]))
                origin = "model" if status == "suggested" else draw(st.sampled_from(["human", "model", "imported"]))
                who = None if status == "suggested" else draw(st.sampled_from([None, "ann", "other"]))
                if (who, at, label) not in seen:
                    seen.add((who, at, label))
                    spans.append(
                        Span(at, at + len(word), label, word, draw(st.sampled_from([None, word])), origin, status, who)
                    )
        times = draw(st.sampled_from([(None, None), (1.5, 2.0), (0.0, None)]))
        turns.append(Turn(start, len(text), start + len(mark), draw(st.sampled_from(speakers)).name, *times))
    status = draw(st.sampled_from(["new", "in_progress", "done"]))
    return Document(text, "generated", status=status, speakers=speakers, turns=turns, spans=spans)


def snapshot(project: Project) -> dict:
    db = project.db
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    rows = {}
    for table in tables:
        if table in SKIPPED or (table.startswith("turn_text_fts_")):
            continue
        columns = [c[1] for c in db.execute(f"PRAGMA table_info('{table}')") if c[1] not in TIMESTAMPS]
        selected = ", ".join(f'"{c}"' for c in columns)
        extra = "rowid, " if table == "turn_text_fts" else ""
        rows[table] = sorted(db.execute(f'SELECT {extra}{selected} FROM "{table}"').fetchall(), key=repr)
    return rows


@pytest.fixture(scope="session")
def empty_project(fast_session_tmp) -> Path:
    path = fast_session_tmp / "empty.db"
    Project(path, create=True).close()
    return path


def new_label(data, project: Project) -> Label:
    used = {lab.hotkey for lab in project.labels()}
    hotkey = data.draw(st.sampled_from(["", *[k for k in "6789" if k not in used]]))
    name = data.draw(st.sampled_from(["EVENT", "NORP", "LAW"]))
    color = data.draw(st.sampled_from(["#123456", "#abcdef"]))
    return Label(name, color, hotkey, data.draw(st.sampled_from(["", "Events"])))


def subset(data, items, min_size=1):
    assume(len(items) >= min_size)
    chosen = data.draw(st.sets(st.integers(0, len(items) - 1), min_size=min_size, max_size=len(items)))
    return [items[i] for i in sorted(chosen)]


def plan(kind: str, data, project: Project, doc: Document):
    """A change of ``kind`` for ``doc``, and a change to apply first (to set the stage), if any."""
    d = doc.id
    if kind == "add_spans":
        tagged = {(s.annotator, s.start, s.end, s.label) for s in doc.spans}
        label = data.draw(st.sampled_from(["PER", "ORG", "EVENT"]))
        free = [s for s in doc.spans if ("prop", s.start, s.end, label) not in tagged]
        new = {(s.start, s.end): Span(s.start, s.end, label, s.text, None, "human", "accepted", "prop") for s in free}
        return AddSpans(d, tuple(subset(data, list(new.values())))), None
    if kind == "delete_spans":
        return DeleteSpans(d, tuple(subset(data, doc.spans))), None
    if kind == "update_spans":
        before = subset(data, doc.spans)
        fields = data.draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "status": st.sampled_from(["accepted", "rejected", "suggested"]),
                    "label": st.sampled_from(["LOC", "MONEY", "EVENT"]),
                    "annotator": st.sampled_from([None, "prop"]),
                },
            )
        )
        after = [replace(s, **fields) for s in before]
        keys = [(s.annotator, s.start, s.end, s.label) for s in after]
        others = {(s.annotator, s.start, s.end, s.label) for s in doc.spans if s.id not in {b.id for b in before}}
        assume(len(set(keys)) == len(keys) and not set(keys) & others)
        return UpdateSpans(d, tuple(before), tuple(after)), None
    if kind == "set_turn_speakers":
        turns = subset(data, doc.turns)
        names = [s.name for s in doc.speakers]
        return SetTurnSpeakers(d, tuple((t.id, t.speaker, data.draw(st.sampled_from(names))) for t in turns)), None
    if kind == "split_turn":
        offsets = [i for i, ch in enumerate(doc.text) if ch == " "]
        assume(offsets)
        change = plan_split(doc, data.draw(st.sampled_from(offsets)) + data.draw(st.sampled_from([0, 1])))
        assume(not isinstance(change, Refusal))
        change = next(c for c in getattr(change, "changes", (change,)) if isinstance(c, SplitTurn))
        other = data.draw(st.sampled_from([None, *[s.name for s in doc.speakers]]))
        return replace(change, speaker=other), None
    if kind in ("merge_turn", "restore_turn"):
        assume(len(doc.turns) >= 2)
        turn = data.draw(st.sampled_from(doc.turns[1:]))
        merge = MergeTurn(d, turn.id)
        return (merge, None) if kind == "merge_turn" else (None, merge)
    if kind == "add_speaker":
        names = [n for n in ("Новый", "Гость") if n not in {s.name for s in doc.speakers}]
        return AddSpeaker(d, Speaker(data.draw(st.sampled_from(names)), "other")), None
    if kind == "delete_speaker":
        unused = [s for s in doc.speakers if s.name not in {t.speaker for t in doc.turns}]
        return DeleteSpeaker(d, data.draw(st.sampled_from(unused))) if unused else None, None
    if kind == "update_speaker":
        speaker = data.draw(st.sampled_from(doc.speakers))
        name = data.draw(st.sampled_from([speaker.name, "Новое имя"]))
        return UpdateSpeaker(d, speaker, Speaker(name, data.draw(st.sampled_from(["other", "narrator"])))), None
    if kind == "set_status":
        return SetStatus(d, doc.status, data.draw(st.sampled_from(["new", "in_progress", "done"]))), None
    if kind == "set_language":
        return SetLanguage(d, doc.source.language, data.draw(st.sampled_from(["ru", "en", "kk", ""]))), None
    if kind == "add_label":
        return AddLabel(new_label(data, project), data.draw(st.sampled_from([None, 0, 2, 9]))), None
    if kind == "update_label":
        label = data.draw(st.sampled_from(project.labels()))
        new = new_label(data, project)
        return UpdateLabel(label, replace(new, name=data.draw(st.sampled_from([label.name, new.name])))), None
    if kind in ("delete_label", "restore_label"):
        label = data.draw(st.sampled_from(project.labels()))
        mode = "refuse" if not project.label_usage(label.name) else data.draw(st.sampled_from(["delete", "relabel"]))
        target = data.draw(st.sampled_from([n.name for n in project.labels() if n.name != label.name]))
        delete = DeleteLabel(label, mode, target if mode == "relabel" else None)
        return (delete, None) if kind == "delete_label" else (None, delete)
    if kind == "record_decision":
        start = data.draw(st.integers(0, len(doc.text) - 1))
        settle = RecordDecision(
            d,
            "ann",
            "other",
            data.draw(st.sampled_from(["label", "missing"])),
            start,
            start + 1,
            data.draw(st.sampled_from(["a", "b", "both", "neither"])),
            "rev",
        )
        earlier = data.draw(st.sampled_from([None, "a", "neither"]))  # a first choice, a changed mind, or forgetting
        if earlier is None:
            return settle, None
        project.apply(replace(settle, choice=earlier))
        return replace(settle, choice=data.draw(st.sampled_from([None, settle.choice]))), None
    if kind == "replace_turns":  # a re-detected layout: other turns and speakers, the same text and spans
        speakers = [Speaker(s.name, data.draw(st.sampled_from(["other", "narrator"]))) for s in doc.speakers]
        speakers += [Speaker("Новый", "respondent")] if data.draw(st.booleans()) else []
        if data.draw(st.booleans()):
            first, last = doc.turns[0], doc.turns[-1]
            turns = (Turn(first.start, last.end, first.content_start, speakers[-1].name),)
            speakers = [sp for sp in speakers if sp.name == speakers[-1].name or data.draw(st.booleans())]
        else:
            names = [sp.name for sp in speakers]
            turns = tuple(replace(t, speaker=data.draw(st.sampled_from(names))) for t in doc.turns)
        return ReplaceTurns(d, turns, tuple(speakers), "colon", 0.5, data.draw(st.sampled_from([None, "[]"]))), None
    if kind == "batch":
        status = SetStatus(d, doc.status, "done" if doc.status != "done" else "new")
        spans, _ = plan("update_spans", data, project, doc)
        return Batch((status, spans, AddLabel(Label("NORP", "#123456")))), None
    raise AssertionError(kind)


# Every kind of change there is (annotation.changes.KINDS), so a new kind cannot go untested.
KINDS = [
    "add_spans",
    "delete_spans",
    "update_spans",
    "set_turn_speakers",
    "split_turn",
    "merge_turn",
    "restore_turn",
    "add_speaker",
    "delete_speaker",
    "update_speaker",
    "set_status",
    "set_language",
    "add_label",
    "update_label",
    "delete_label",
    "restore_label",
    "record_decision",
    "replace_turns",
    "batch",
]


def test_every_kind_of_change_is_tried():
    from annotation.changes import KINDS as ALL

    assert set(KINDS) == set(ALL)


@pytest.mark.parametrize("kind", KINDS)
@SETTINGS
@given(doc=documents(), data=st.data())
def test_a_change_then_its_inverse_restores_every_row_and_redo_gives_the_change_back(empty_project, kind, doc, data):
    with tempfile.TemporaryDirectory(dir=empty_project.parent) as folder:
        path = Path(folder) / "p.db"
        shutil.copy(empty_project, path)
        with Project(path) as project:
            doc_id = project.add_document(doc)
            if kind == "delete_speaker":
                project.apply(AddSpeaker(doc_id, Speaker("Лишний", "other")))
            stored = project.load_document(doc_id)
            change, stage = plan(kind, data, project, stored)
            if stage is not None:
                change = project.apply(stage)  # the inverse of the stage is the change under test
            assert type(change).kind == kind
            before = snapshot(project)
            inverse = project.apply(change)
            after = snapshot(project)
            redo = project.apply(inverse)
            assert snapshot(project) == before
            project.apply(redo)
            assert snapshot(project) == after
