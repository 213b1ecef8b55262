import time

from annotation.search import find_all, fold, lemma, lemmas


def test_fold_keeps_length_and_folds_case_and_yo():
    text = "ЁЛКА Журавлёв 😀 İstanbul"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded.startswith("елка журавлев 😀 ")


def test_find_all_ignores_case_and_yo_and_keeps_offsets_with_emoji():
    text = "😀 Дмитрий Журавлёв. ЖУРАВЛЕВ сказал: журавлев!"
    hits = find_all(text, "Журавлев")
    assert [text[s:e] for s, e in hits] == ["Журавлёв", "ЖУРАВЛЕВ", "журавлев"]
    assert find_all(text, "") == []
    assert find_all("аааа", "аа") == [(0, 2), (2, 4)]


def test_lemmas_find_inflected_forms(ner_model):
    assert lemma("Казахстана") == lemma("Казахстан") == "казахстан"
    assert lemma("Журавлёв") == lemma("Журавлев") == "журавлев"
    assert lemmas("Президент Казахстана, 2025 год 😀!") == "президент казахстан 2025 год"


def test_lemmas_of_a_million_characters_take_seconds(ner_model, sample_path):
    text = sample_path.read_text(encoding="utf-8")
    big = text * (1_000_000 // len(text) + 1)
    started = time.perf_counter()
    result = lemmas(big)
    assert time.perf_counter() - started < 30  # measured: about 1 s
    assert result.count("казахстан") > 500
