"""Files shipped in the top-level ``resources/`` folder (installed as package data)."""

from __future__ import annotations

import json
from pathlib import Path

from .model import Label

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)


def sample_path() -> Path:
    """The bundled interview: the real input the app is built around."""
    return resource_path("samples", "interview_kz_ru.txt")


def default_labels() -> list[Label]:
    """The default label schema: natasha's PER, LOC, ORG plus DATE and MONEY."""
    with resource_path("labels.json").open(encoding="utf-8") as fh:
        return [Label(**entry) for entry in json.load(fh)]
