"""Another language is one installed model away: a spaCy pipeline as the suggestion source (built here, offline)."""

from __future__ import annotations

import pytest

from storage import Project

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def tiny_pipeline(tmp_path_factory):
    """An English pipeline whose NER is an entity ruler: nothing is downloaded."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PERSON", "pattern": "Tom Baker"},
            {"label": "GPE", "pattern": "London"},
            {"label": "ORG", "pattern": "BBC"},
            {"label": "NORP", "pattern": "British"},  # no counterpart in the project's labels: left out
        ]
    )
    folder = tmp_path_factory.mktemp("spacy") / "tiny_en"
    nlp.to_disk(folder)
    return folder


def test_an_english_transcript_gets_suggestions_from_a_spacy_pipeline(razmetka, tiny_pipeline, tmp_path):
    talk = tmp_path / "talk.txt"
    talk.write_text(
        "- Where did you work before?\n\n- At the BBC in London, with Tom Baker, a British actor.\n", encoding="utf-8"
    )
    db = tmp_path / "p.db"
    razmetka("import", str(talk), "--model", f"spacy:{tiny_pipeline}", "--db", str(db), check=True)
    with Project(db) as project:
        (doc_id,) = project.document_ids()
        doc = project.load_document(doc_id)
        logged = project.model_output(doc_id)
    assert {(s.text, s.label, s.status) for s in doc.spans} == {
        ("BBC", "ORG", "suggested"),
        ("London", "LOC", "suggested"),
        ("Tom Baker", "PER", "suggested"),
    }
    assert all(doc.text[s.start : s.end] == s.text for s in doc.spans) and len(logged) == 3


def test_a_russian_transcript_is_not_given_to_an_english_pipeline(razmetka, tiny_pipeline, sample_copy, tmp_path):
    result = razmetka("import", str(sample_copy), "--model", f"spacy:{tiny_pipeline}", "--db", str(tmp_path / "p.db"))
    assert result.returncode == 0 and "the model is for en" in result.stdout + result.stderr


UNKNOWN = [("spacy:no_such_pipeline", "no such spaCy pipeline"), ("gpt", "unknown model")]


@pytest.mark.parametrize(("source", "message"), UNKNOWN)
def test_an_unknown_source_is_one_line(razmetka, sample_copy, tmp_path, source, message):
    result = razmetka("import", str(sample_copy), "--model", source, "--db", str(tmp_path / "p.db"))
    assert result.returncode == 2 and len(result.problems) == 1 and message in result.problems[0]
