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
