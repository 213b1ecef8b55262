import pytest

from annotation.importing import build_document
from annotation.language import guess_language
from annotation.readers import read


@pytest.mark.parametrize(
    "text, language",
    [
        ("– Как вы оцениваете значение этого визита? – Я не могу быть уверен.", "ru"),
        ("Interviewer: Where did you grow up? Tom: In Leeds, just off the ring road.", "en"),
        ("Я не знаю, що сказати. Це дуже цікаво, і я хочу їхати додому.", "uk"),
        ("Ich weiß nicht, was ich sagen soll, und das ist mir nicht egal.", "de"),
        ("Le chat est sur la table et il ne veut pas partir avec nous.", "fr"),
        ("这是一个关于养蜂的采访。", "und"),
        ("مرحبا، كيف حالك؟", "und"),
        ("12:30 — 14:00", "und"),
    ],
)
def test_language_guess(text, language):
    assert guess_language(text) == language


def test_a_non_russian_document_gets_no_suggestions_and_says_so(tmp_path, ner_model):
    path = tmp_path / "de.txt"
    path.write_text("Frage: Wo sind Sie geboren?\n\nAntwort: Ich bin in Berlin geboren, und ich lebe dort.", "utf-8")
    imported = build_document(read(path))
    assert imported.document.source.language == "de"
    assert imported.document.spans == [] and imported.mentions == []
    assert any("Russian only" in note for note in imported.notes)
    assert [t.speaker for t in imported.document.turns] == ["Frage", "Antwort"]


def test_a_mixed_document_is_tagged_on_its_russian_turns_only(ner_model, tmp_path):
    from annotation.importing import import_file

    mixed = tmp_path / "mixed.txt"
    mixed.write_text(
        "- What did the minister say about the plans for the next year, and who was there with him?\n\n"
        "- The minister said that the plans are ready and that the budget will be published in March.\n\n"
        "- А что ответил Владимир Путин, когда его спросили о встрече в Москве?\n\n"
        "- Путин сказал, что встреча прошла хорошо.\n",
        encoding="utf-8",
    )
    imported = import_file(mixed)
    doc = imported.document
    assert doc.source.language != "ru"
    russian_turns = {t.start for t in doc.turns[2:]}
    assert doc.spans and all(doc.turn_at(s.start).start in russian_turns for s in doc.spans)
    assert any("turns are Russian" in note for note in imported.notes)
