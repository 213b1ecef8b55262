"""What the highlighter draws: suggestions unlike accepted spans, nesting overlined, rejected spans not at all."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat

from annotation.model import Document, Label, Span, Speaker, Turn
from gui.transcript_view import TranscriptView

TEXT = "– Финансовый университет при правительстве РФ и Москва, и Казань."


def span(text: str, label: str, status: str, sid: int) -> Span:
    start = TEXT.index(text)
    return Span(start, start + len(text), label, text, None, "model", status, None, sid)


def formats_of(view: TranscriptView) -> list[tuple[int, int, QTextCharFormat]]:
    block = view.document().firstBlock()
    return [(r.start, r.start + r.length, QTextCharFormat(r.format)) for r in block.layout().formats()]


def format_at(view: TranscriptView, text: str) -> QTextCharFormat | None:
    start = TEXT.index(text)
    for lo, hi, fmt in formats_of(view):
        if lo <= start < hi:
            return fmt
    return None


def show(qtbot, spans: list[Span]) -> TranscriptView:
    doc = Document(TEXT, id="d", speakers=[Speaker("A")], turns=[Turn(0, len(TEXT), 2, "A")], spans=spans)
    view = TranscriptView()
    qtbot.addWidget(view)
    view.set_labels([Label("ORG", "#5fb760"), Label("LOC", "#4f9dde")])
    view.current.show(doc)
    return view


def test_a_suggestion_looks_unlike_an_accepted_span(qtbot):
    view = show(qtbot, [span("Москва", "LOC", "suggested", 1), span("Казань", "LOC", "accepted", 2)])
    suggested, accepted = format_at(view, "Москва"), format_at(view, "Казань")
    assert suggested is not None and accepted is not None
    assert suggested.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    assert accepted.underlineStyle() != QTextCharFormat.UnderlineStyle.DotLine
    assert suggested.background().color().alpha() < accepted.background().color().alpha()
    assert suggested.background().color().rgb() == accepted.background().color().rgb()  # same label colour


def test_a_nested_span_has_an_overline_and_its_outer_span_none(qtbot):
    outer = span("Финансовый университет при правительстве РФ", "ORG", "accepted", 1)
    inner = span("РФ", "LOC", "accepted", 2)
    view = show(qtbot, [outer, inner])
    assert format_at(view, "РФ").fontOverline()
    assert format_at(view, "РФ").background().color().rgb() != format_at(view, "Финансовый").background().color().rgb()
    assert not format_at(view, "Финансовый").fontOverline()


def test_a_rejected_span_is_not_drawn_and_an_edit_redraws_only_what_changed(qtbot):
    rejected = span("Москва", "LOC", "rejected", 1)
    view = show(qtbot, [rejected, span("Казань", "LOC", "suggested", 2)])
    assert format_at(view, "Москва") is None
    assert format_at(view, "Казань") is not None
    accepted = Span(rejected.start, rejected.end, "LOC", "Москва", None, "model", "accepted", "a", 1)
    view.current.doc.spans[0] = accepted  # as CurrentDocument does after storage applied a change
    view.current.spansChanged.emit([accepted], [2])
    assert format_at(view, "Москва") is not None
    assert format_at(view, "Казань") is None


def test_the_speaker_mark_is_drawn_muted_and_the_text_is_unchanged(qtbot):
    view = show(qtbot, [span("Москва", "LOC", "accepted", 1)])
    mark = formats_of(view)[0]
    assert mark[:2] == (0, 1)  # «–», the dash that opens the turn
    assert mark[2].foreground().color().name() == "#a0a0a0"
    assert view.toPlainText() == TEXT
