"""Shared fixtures.  Qt runs offscreen; natasha loads once per test session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "resources" / "samples" / "interview_kz_ru.txt"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def ner_model():
    """natasha, loaded once for the whole run (it takes a second or two)."""
    from annotation.ner import shared_model

    model = shared_model()
    model.load()
    return model


@pytest.fixture(scope="session")
def sample_import(ner_model):
    """The sample, read, parsed and pre-annotated once.  Treat it as read-only."""
    from annotation.importing import import_file

    return import_file(SAMPLE)


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    target = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, target)
    return target


def write_docx(path: Path, paragraphs: list[tuple[str, str]]) -> Path:
    """A .docx whose paragraphs are ``(bold_part, plain_part)`` pairs, made with python-docx."""
    import docx

    document = docx.Document()
    for bold, plain in paragraphs:
        paragraph = document.add_paragraph()
        if bold:
            paragraph.add_run(bold).bold = True
        if plain:
            paragraph.add_run(plain)
    document.save(str(path))
    return path


INTERVIEW_DOCX = [
    ("", "Интервью записано в Казани в мае 2024 года."),
    ("", ""),
    ("Елена Смирнова:", " Как вы пришли в профессию?"),
    ("Олег Рахимов:", " Случайно. Я хотел стать лётчиком, но зрение подвело."),
    ("", "Потом друг позвал в мастерскую, и я остался."),
    ("Елена Смирнова:", " Не жалеете?"),
    ("Олег Рахимов:", " Ни дня."),
]


@pytest.fixture(scope="session")
def make_docx():
    return write_docx


@pytest.fixture
def interview_docx(tmp_path: Path) -> Path:
    """A Word interview with bold speaker names, a lead paragraph and an empty paragraph."""
    return write_docx(tmp_path / "interview.docx", INTERVIEW_DOCX)


@pytest.fixture(autouse=True)
def _annotator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAZMETKA_ANNOTATOR", "tester")


@pytest.fixture(scope="session")
def corrected_sample(sample_import, tmp_path_factory):
    """The sample as a person left it: suggestions accepted, one rejected, labels fixed, a nested span added.

    Returns the path of the project file and the document as loaded from it.  Treat both as read-only.
    """
    from annotation.model import Span
    from storage import Project

    path = tmp_path_factory.mktemp("corrected") / "corrected.db"
    with Project(path) as project:
        doc_id = project.add_document(sample_import.document, sample_import.mentions)
        text = sample_import.document.text
        for span in project.spans(doc_id):
            if span.label == "PER":
                project.update_span(span.id, status="accepted", annotator="tester")
            elif span.text == "Центральная Азия – Россия":
                project.update_span(span.id, status="rejected", annotator="tester")
            elif span.label == "LOC" and span.text in ("СНГ", "ЕАЭС"):
                project.update_span(span.id, label="ORG", status="accepted", annotator="tester")
        start = text.index("Финансового университета при правительстве РФ")
        outer = "Финансового университета при правительстве РФ"
        project.add_span(doc_id, Span(start, start + len(outer), "ORG", outer, annotator="tester"))
        start = text.index("Центральная Азия")
        project.add_span(doc_id, Span(start, start + 16, "LOC", "Центральная Азия", annotator="tester"))
        project.set_status(doc_id, "done")
        doc = project.load_document(doc_id)
    return path, doc


@pytest.fixture(scope="session")
def review_case(sample_import, tmp_path_factory):
    """Two copies of the sample, corrected differently by anna and boris (issue 11's case).

    Both accept every suggestion and reject «Центральная Азия – Россия» ORG and relabel
    both «ЕАЭС» LOC as ORG.  Only anna relabels «СНГ» LOC as ORG and widens
    «Финансового университета» to «… при правительстве РФ»; only boris adds «Центральная
    Азия» LOC and gives the interviewer's first turn to the respondent.  Returns the folder
    holding anna.db and boris.db; copy them before writing.
    """
    from annotation.model import Span
    from storage import Project

    folder = tmp_path_factory.mktemp("review_case")
    text = sample_import.document.text
    for name in ("anna", "boris"):
        with Project(folder / f"{name}.db") as project:
            doc_id = project.add_document(sample_import.document, sample_import.mentions)
            changes = []
            for span in project.spans(doc_id):
                fields = {"status": "accepted", "annotator": name}
                if span.text == "Центральная Азия – Россия":
                    fields["status"] = "rejected"
                elif span.label == "LOC" and (span.text == "ЕАЭС" or (span.text == "СНГ" and name == "anna")):
                    fields["label"] = "ORG"
                elif span.text == "Финансового университета" and name == "anna":
                    wide = "Финансового университета при правительстве РФ"
                    fields.update(end=span.start + len(wide), text=wide)
                changes.append((span.id, fields))
            project.update_spans(changes)
            if name == "boris":
                start = text.index("Центральная Азия")
                project.add_span(doc_id, Span(start, start + 16, "LOC", "Центральная Азия", annotator=name))
                first_question = next(t for t in project.turns(doc_id) if t.speaker == "Интервьюер")
                project.set_turn_speaker(first_question.id, "Дмитрий Журавлёв")
            project.set_status(doc_id, "done")
    return folder
