from annotation.header import split_header


def test_sample_header_is_split_before_the_text():
    meta, body = split_header(" date 2025-10-11 В Душанбе состоялась встреча")
    assert meta == {"date": "2025-10-11"}
    assert " date 2025-10-11 В Душанбе состоялась встреча"[body:].startswith("В Душанбе")


def test_several_pairs_end_at_the_first_unknown_key():
    text = "date 2025-10-11 lang ru author Ivanov Первая строка"
    meta, body = split_header(text)
    assert meta == {"date": "2025-10-11", "lang": "ru", "author": "Ivanov"}
    assert text[body:] == "Первая строка"


def test_english_prose_is_never_a_header():
    for text in ("so I think we should start", "source of the trouble was the date", "title Dr Smith said"):
        assert split_header(text) == ({}, 0)


def test_header_only_somewhere_else_in_the_text_is_ignored():
    assert split_header("Текст.\ndate 2025-10-11 ещё текст") == ({}, 0)


def test_a_date_key_without_a_digit_is_prose():
    assert split_header("date night was fun") == ({}, 0)


def test_a_file_that_is_only_a_header_keeps_its_text():
    assert split_header("date 2025-10-11") == ({}, 0)
