from annotation.importing import build_document
from annotation.ner import mentions_by_turn, suggestions
from annotation.readers import read
from annotation.transcript import parse


def test_sample_gets_at_least_fifty_suggestions_that_match_the_text(sample_import):
    doc = sample_import.document
    assert len(doc.spans) >= 50
    for span in doc.spans:
        assert doc.text[span.start : span.end] == span.text
        assert span.origin == "model" and span.status == "suggested" and span.annotator is None
    assert {s.label for s in doc.spans} == {"PER", "LOC", "ORG", "MONEY"}


def test_normal_forms_come_from_natasha(sample_import):
    normals = {(s.text, s.normal) for s in sample_import.document.spans}
    assert ("Касым-Жомарта Токаева", "Касым-Жомарт Токаев") in normals
    assert ("Казахстана", "Казахстан") in normals


def test_respondent_is_named_with_the_surface_text_keeping_yo(sample_import):
    doc = sample_import.document
    assert doc.speaker("Дмитрий Журавлёв").role == "respondent"
    assert [t.speaker for t in doc.turns[2:4]] == ["Интервьюер", "Дмитрий Журавлёв"]


def test_raw_model_output_is_kept_beside_the_suggestions(sample_import):
    assert len(sample_import.mentions) == len(sample_import.document.spans)


def test_ner_offsets_are_document_offsets_per_turn(ner_model):
    text = "– Где вы были?\n\n– Я был в Москве с Иваном Петровым."
    transcript = parse(text)
    found = mentions_by_turn(transcript.text, transcript.turns, ner_model)
    assert {(m.label, transcript.text[m.start : m.end]) for m in found} == {
        ("LOC", "Москве"),
        ("PER", "Иваном Петровым"),
    }
    assert all(m.start >= transcript.turns[1].content_start for m in found)


def test_labels_outside_the_schema_are_dropped(ner_model):
    text = "Я был в Москве с Иваном Петровым."
    spans = suggestions(ner_model.mentions(text), labels=["PER"])
    assert [s.label for s in spans] == ["PER"]


def test_without_ner_the_respondent_keeps_the_generic_name(sample_path):
    imported = build_document(read(sample_path), ner=False)
    assert imported.document.spans == []
    assert "Респондент" in [s.name for s in imported.document.speakers]


def test_english_text_gets_no_russian_suggestions(tmp_path, ner_model):
    path = tmp_path / "en.txt"
    path.write_text("- Where were you born?\n\n- I was born in London, and I met John Smith there.\n", encoding="utf-8")
    imported = build_document(read(path))
    assert imported.document.source.language == "en"
    assert imported.document.spans == []
    assert imported.notes and "Russian only" in imported.notes[0]
