from hypothesis import given
from hypothesis import strategies as st

from annotation.offsets import OffsetMap


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(st.text(alphabet=st.sampled_from(["a", "я", "😀", "𝄞", "\n", " ", "é"]), max_size=60))
def test_offsets_round_trip_through_qt_positions(text):
    offsets = OffsetMap(text)
    for i in range(len(text) + 1):
        assert offsets.to_utf16(i) == _utf16(text[:i])
        assert offsets.from_utf16(offsets.to_utf16(i)) == i


def test_view_selection_maps_emoji_text_to_code_points(qtbot):
    from annotation.model import Document, Speaker, Turn
    from gui.transcript_view import TranscriptView

    text = "– Привет 😀 из Москвы 🇰🇿!\n– Ответ."
    doc = Document(text, id="d", speakers=[Speaker("A")], turns=[Turn(0, 25, 2, "A"), Turn(26, len(text), 28, "A")])
    view = TranscriptView()
    qtbot.addWidget(view)
    view.current.show(doc)
    start = text.index("Москвы")
    view.select_offsets(start, start + 6)
    assert view.textCursor().selectedText() == "Москвы"
    assert view.selection_offsets() == (start, start + 6)
