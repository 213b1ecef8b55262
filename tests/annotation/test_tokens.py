import pytest

from annotation.tokens import grow, next_token_end, prev_token_start, snap_to_words, tokens

TEXT = "Касым-Жомарт Токаев, «Газпром» и 😀Казахстана😀 ok"


def piece(text, bounds):
    return None if bounds is None else text[bounds[0] : bounds[1]]


def at(sub, text=TEXT):
    start = text.index(sub)
    return start, start + len(sub)


def test_a_selection_inside_a_word_snaps_to_the_whole_word():
    text = "О том, почему отношения Казахстана и России"
    start = text.index("ахстан")
    assert piece(text, snap_to_words(text, start, start + 6)) == "Казахстана"


def test_a_selection_is_trimmed_of_whitespace_and_edge_punctuation():
    start, end = at("«Газпром» ")
    assert piece(TEXT, snap_to_words(TEXT, start, end)) == "Газпром"
    start, end = at("Жомарт Ток")
    assert piece(TEXT, snap_to_words(TEXT, start, end)) == "Касым-Жомарт Токаев"
    # Punctuation alone stays punctuation; whitespace alone is nothing.
    assert piece(TEXT, snap_to_words(TEXT, *at(", «"))) == ", «"
    assert snap_to_words(TEXT, *at(" и ")[:1], at(" и ")[0] + 1) is None


def test_a_caret_snaps_to_the_word_it_is_in_and_reversed_ranges_are_fine():
    start, end = at("Токаев")
    assert piece(TEXT, snap_to_words(TEXT, start + 2, start + 2)) == "Токаев"
    assert piece(TEXT, snap_to_words(TEXT, end, start + 1)) == "Токаев"


def test_emoji_are_tokens_of_their_own_beside_cyrillic():
    start, end = at("ахстан")
    assert piece(TEXT, snap_to_words(TEXT, start, end)) == "Казахстана"
    emoji = TEXT.index("😀")
    assert piece(TEXT, snap_to_words(TEXT, emoji, emoji + 1)) == "😀"
    assert [TEXT[s:e] for s, e in tokens(TEXT)][-4:] == ["😀", "Казахстана", "😀", "ok"]


def test_token_steps():
    end = at("Токаев")[1]
    assert next_token_end(TEXT, end) == end + 1  # the comma
    assert next_token_end(TEXT, at("Токаев")[0] + 1) == end
    assert prev_token_start(TEXT, at("Токаев")[0]) == 0
    assert next_token_end(TEXT, len(TEXT)) == len(TEXT)
    assert prev_token_start(TEXT, 0) == 0
    spaced = "раз" + " " * 500 + "два"
    assert next_token_end(spaced, 3) == len(spaced)
    assert prev_token_start(spaced, len(spaced) - 3) == 0


def test_grow_and_shrink_by_one_token():
    span = at("Касым-Жомарт")
    assert piece(TEXT, grow(TEXT, *span, "right", 1)) == "Касым-Жомарт Токаев"
    both = at("Касым-Жомарт Токаев")
    assert piece(TEXT, grow(TEXT, *both, "right", -1)) == "Касым-Жомарт"
    assert piece(TEXT, grow(TEXT, *both, "left", -1)) == "Токаев"
    assert piece(TEXT, grow(TEXT, *at("Токаев"), "left", 1)) == "Касым-Жомарт Токаев"
    # Never empty, and no further than the text or the given bounds.
    assert grow(TEXT, *span, "right", -1) is None
    assert grow(TEXT, *span, "left", -1) is None
    assert grow(TEXT, *span, "left", 1) == span
    assert grow(TEXT, *at("ok"), "right", 1) == at("ok")
    assert grow(TEXT, *span, "right", 1, hi=span[1] + 3) == span
    assert grow(TEXT, *at("Токаев"), "left", 1, lo=at("Токаев")[0]) == at("Токаев")


def test_grow_checks_its_arguments():
    with pytest.raises(ValueError):
        grow(TEXT, 0, 5, "up", 1)
