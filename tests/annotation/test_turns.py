from dataclasses import replace

from annotation.model import Document, Span, Speaker, Turn
from annotation.turns import qa_run, realternate, split_bounds, split_point_ok

TEXT = "Вступление автора.\n\n– Вопрос один?\n\n– Ответ один.\n\n– Вопрос два?\n\n– Ответ два.\n\nПослесловие."


def make_doc(speakers_of_turns):
    starts = [0] + [i + 2 for i in range(len(TEXT)) if TEXT.startswith("\n\n", i)]
    turns = []
    for start, speaker in zip(starts, speakers_of_turns, strict=True):
        end = TEXT.find("\n\n", start)
        end = len(TEXT) if end == -1 else end
        content = start + 2 if TEXT[start] == "–" else start
        turns.append(Turn(start, end, content, speaker))
    return Document(
        TEXT,
        speakers=[Speaker("Автор", "narrator"), Speaker("Инт", "interviewer"), Speaker("Рес", "respondent")],
        turns=turns,
    )


def test_realternate_swaps_from_the_turn_to_the_end_of_the_run():
    # Off by one from the third turn: the answer was given to the interviewer and so on.
    doc = make_doc(["Автор", "Инт", "Инт", "Рес", "Инт", "Автор"])
    assert list(qa_run(doc, 2)) == [1, 2, 3, 4]
    assert realternate(doc, 2) == [(2, "Рес"), (3, "Инт"), (4, "Рес")]
    assert realternate(doc, 4) == [(4, "Рес")]


def test_realternate_outside_a_run_or_without_a_counterpart_changes_nothing():
    doc = make_doc(["Автор", "Инт", "Инт", "Рес", "Инт", "Автор"])
    assert realternate(doc, 0) == [] and realternate(doc, 5) == [] and realternate(doc, 99) == []
    lonely = make_doc(["Автор", "Инт", "Инт", "Инт", "Инт", "Автор"])
    lonely.speakers = lonely.speakers[:2]
    assert realternate(lonely, 2) == []


def test_realternate_picks_the_respondent_from_the_document_when_the_run_has_none():
    doc = make_doc(["Автор", "Инт", "Инт", "Инт", "Инт", "Автор"])
    assert realternate(doc, 2) == [(2, "Рес"), (3, "Рес"), (4, "Рес")]


def test_split_points_refused_with_a_reason():
    doc = make_doc(["Автор", "Инт", "Рес", "Инт", "Рес", "Автор"])
    turn = doc.turns[2]  # «– Ответ один.»
    ok = TEXT.index("один.", turn.start)
    assert split_point_ok(doc, turn, ok) is None
    assert split_point_ok(doc, turn, ok - 1) is None  # on the space: trimmed on both sides
    assert "before the split" in split_point_ok(doc, turn, turn.content_start)
    assert "after the split" in split_point_ok(doc, turn, turn.end)
    assert "inside a word" in split_point_ok(doc, turn, ok + 2)
    assert "inside the turn's speech" in split_point_ok(doc, turn, turn.start)
    start = TEXT.index("Ответ один")
    doc.spans.append(Span(start, start + len("Ответ один"), "ORG", "Ответ один"))
    assert "cut the ORG span «Ответ один»" in split_point_ok(doc, turn, ok)
    doc.spans[0] = replace(doc.spans[0], status="rejected")
    assert split_point_ok(doc, turn, ok) is None


def test_split_bounds_trim_whitespace_on_both_sides():
    doc = make_doc(["Автор", "Инт", "Рес", "Инт", "Рес", "Автор"])
    turn = doc.turns[2]
    space = TEXT.index(" один.", turn.start)
    assert split_bounds(TEXT, turn, space) == (space, space + 1)
    assert split_bounds(TEXT, turn, space + 1) == (space, space + 1)
