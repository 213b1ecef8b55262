"""Shared fixtures.  Qt runs offscreen; natasha loads once per test session."""

from __future__ import annotations

import os
import shutil
import tempfile
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


SHM = Path("/dev/shm")


def _memory_folder(fallback: Path) -> tuple[Path, bool]:
    """A new folder in RAM (tmpfs) where there is one, else ``fallback``; and whether it must be removed."""
    if SHM.is_dir() and os.access(SHM, os.W_OK):
        return Path(tempfile.mkdtemp(dir=SHM, prefix="razmetka-test-")), True
    return fallback, False


@pytest.fixture
def fast_tmp(tmp_path):
    """A folder for project files that commit without waiting for the disk (tmpfs where there is one).

    Every commit of a project fsyncs; on a busy disk that is 10 ms or more, and the
    storage tests make thousands.  Durability itself is proven by the reliability
    benchmark, on a real disk.
    """
    folder, made = _memory_folder(tmp_path)
    yield folder
    if made:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def fast_session_tmp(tmp_path_factory):
    folder, made = _memory_folder(tmp_path_factory.mktemp("fast"))
    yield folder
    if made:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def sample_project_file(sample_import, fast_session_tmp) -> tuple[Path, str]:
    """A project file holding the sample, imported once per session, and the sample's id.  Copy it; never open it."""
    from storage import Project

    path = fast_session_tmp / "sample.db"
    with Project(path, create=True) as project:
        doc_id = project.add_document(sample_import.document, sample_import.mentions)
    return path, doc_id


@pytest.fixture
def sample_project(sample_project_file, fast_tmp):
    """A fresh copy of the seeded project, open; ``doc_id`` is the sample's id."""
    from storage import Project

    source, doc_id = sample_project_file
    target = fast_tmp / "p.db"
    shutil.copy(source, target)
    with Project(target) as project:
        project.doc_id = doc_id
        yield project


@pytest.fixture(scope="session")
def corrected_sample(sample_project_file, tmp_path_factory):
    """The sample as a person left it: suggestions accepted, one rejected, labels fixed, a nested span added.

    Returns the path of the project file and the document as loaded from it.  Treat both as read-only.
    """
    from dataclasses import replace

    from annotation.changes import AddSpans, SetStatus, UpdateSpans
    from annotation.model import Span
    from storage import Project

    path = tmp_path_factory.mktemp("corrected") / "corrected.db"
    shutil.copy(sample_project_file[0], path)
    doc_id = sample_project_file[1]
    with Project(path) as project:
        doc = project.load_document(doc_id)
        text = doc.text
        before, after = [], []
        for span in doc.spans:
            if span.label == "PER":
                new = replace(span, status="accepted", annotator="tester")
            elif span.text == "Центральная Азия – Россия":
                new = replace(span, status="rejected", annotator="tester")
            elif span.label == "LOC" and span.text in ("СНГ", "ЕАЭС"):
                new = replace(span, label="ORG", status="accepted", annotator="tester")
            else:
                continue
            before.append(span)
            after.append(new)
        project.apply(UpdateSpans(doc_id, tuple(before), tuple(after)))
        outer = "Финансового университета при правительстве РФ"
        start = text.index(outer)
        inner = text.index("Центральная Азия")
        added = (
            Span(start, start + len(outer), "ORG", outer, annotator="tester"),
            Span(inner, inner + 16, "LOC", "Центральная Азия", annotator="tester"),
        )
        project.apply(AddSpans(doc_id, added))
        project.apply(SetStatus(doc_id, "new", "done"))
        doc = project.load_document(doc_id)
    return path, doc


@pytest.fixture(scope="session")
def review_case(sample_import, sample_project_file, tmp_path_factory):
    """Two copies of the sample, corrected differently by anna and boris (issue 11's case).

    Both accept every suggestion and reject «Центральная Азия – Россия» ORG and relabel
    both «ЕАЭС» LOC as ORG.  Only anna relabels «СНГ» LOC as ORG and widens
    «Финансового университета» to «… при правительстве РФ»; only boris adds «Центральная
    Азия» LOC and gives the interviewer's first turn to the respondent.  Returns the folder
    holding anna.db and boris.db; copy them before writing.
    """
    from dataclasses import replace

    from annotation.changes import AddSpans, SetStatus, SetTurnSpeakers, UpdateSpans
    from annotation.model import Span
    from storage import Project

    folder = tmp_path_factory.mktemp("review_case")
    text = sample_import.document.text
    for name in ("anna", "boris"):
        shutil.copy(sample_project_file[0], folder / f"{name}.db")
        with Project(folder / f"{name}.db") as project:
            doc_id = sample_project_file[1]
            before = project.load_document(doc_id).spans
            after = []
            for span in before:
                fields = {"status": "accepted", "annotator": name}
                if span.text == "Центральная Азия – Россия":
                    fields["status"] = "rejected"
                elif span.label == "LOC" and (span.text == "ЕАЭС" or (span.text == "СНГ" and name == "anna")):
                    fields["label"] = "ORG"
                elif span.text == "Финансового университета" and name == "anna":
                    wide = "Финансового университета при правительстве РФ"
                    fields.update(end=span.start + len(wide), text=wide)
                after.append(replace(span, **fields))
            project.apply(UpdateSpans(doc_id, tuple(before), tuple(after)))
            if name == "boris":
                start = text.index("Центральная Азия")
                project.apply(AddSpans(doc_id, (Span(start, start + 16, "LOC", "Центральная Азия", annotator=name),)))
                first_question = next(t for t in project.turns(doc_id) if t.speaker == "Интервьюер")
                change = (first_question.id, first_question.speaker, "Дмитрий Журавлёв")
                project.apply(SetTurnSpeakers(doc_id, (change,)))
            project.apply(SetStatus(doc_id, "new", "done"))
    return folder
