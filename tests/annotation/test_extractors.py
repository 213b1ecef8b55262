import pytest

from annotation.extractors import date_normal, money_normal, numeric_dates
from annotation.ner import mentions_by_turn, suggestions
from annotation.transcript import parse


def found(model, text):
    return {(m.label, m.text, m.normal) for m in model.extra_mentions(text)}


def test_dates_get_iso_normal_forms(ner_model):
    text = "Встреча 11 октября 2025 года, в октябре 2025. В 2025 году и 1 мая 3 марта 1999 г. было тихо."
    assert found(ner_model, text) == {
        ("DATE", "11 октября 2025 года", "2025-10-11"),
        ("DATE", "октябре 2025", "2025-10"),
        ("DATE", "2025 году", "2025"),
        ("DATE", "1 мая", "--05-01"),
        ("DATE", "3 марта 1999 г.", "1999-03-03"),
    }


def test_numeric_dates_iso_and_dotted_valid_only(ner_model):
    text = "Даты: 2025-10-11 и 11.10.2025, но не 2025-02-30, 31.02.2025 и не 2025-10-11-12."
    assert found(ner_model, text) == {("DATE", "2025-10-11", "2025-10-11"), ("DATE", "11.10.2025", "2025-10-11")}
    assert [m.normal for m in numeric_dates("x 29.02.2024 y", 100)] == ["2024-02-29"]
    assert numeric_dates("x 29.02.2024 y", 100)[0].start == 102


def test_money_gets_digits_and_currency(ner_model):
    text = "Торговля достигла 28 млрд долларов. Весной 2020, 2 млн руб. и 1,5 млн евро, 5 рублей 50 копеек."
    assert found(ner_model, text) == {
        ("MONEY", "28 млрд долларов", "28000000000 USD"),
        ("MONEY", "2 млн руб.", "2000000 RUB"),
        ("MONEY", "1,5 млн евро", "1500000 EUR"),
        ("MONEY", "5 рублей 50 копеек", "5.5 RUB"),
    }


@pytest.mark.parametrize(
    ("parts", "normal"),
    [
        ((2025, 10, 11), "2025-10-11"),
        ((2025, 10, None), "2025-10"),
        ((2025, None, None), "2025"),
        ((None, 5, 1), "--05-01"),
        ((None, 2, 29), "--02-29"),
        ((2025, 2, 29), None),
        ((None, None, 3), None),
    ],
)
def test_date_normal(parts, normal):
    assert date_normal(*parts) == normal


def test_money_normal():
    assert money_normal(28_000_000_000, "USD") == "28000000000 USD"
    assert money_normal(1500000.0, "EUR") == "1500000 EUR"
    assert money_normal(5.5, "RUB") == "5.5 RUB"
    assert money_normal(5, None) is None


def test_the_sample_gets_its_sum_as_a_money_suggestion(sample_import):
    money = [s for s in sample_import.document.spans if s.label == "MONEY"]
    assert [(s.text, s.normal, s.origin, s.status) for s in money] == [
        ("28 млрд долларов", "28000000000 USD", "model", "suggested")
    ]
    assert any(m.label == "MONEY" and m.normal == "28000000000 USD" for m in sample_import.mentions)


def test_dates_and_money_follow_the_turns_and_the_schema(ner_model):
    text = "– Когда это было?\n\n– 11.10.2025 в Москве, за 5 млн рублей."
    transcript = parse(text)
    found = mentions_by_turn(transcript.text, transcript.turns, ner_model)
    assert {(m.label, m.text) for m in found} == {("DATE", "11.10.2025"), ("LOC", "Москве"), ("MONEY", "5 млн рублей")}
    assert all(m.start >= transcript.turns[1].content_start for m in found)
    assert {s.label for s in suggestions(found, labels=["PER", "LOC", "ORG"])} == {"LOC"}
    assert {m.label for m in mentions_by_turn(transcript.text, transcript.turns, ner_model, extras=False)} == {"LOC"}
