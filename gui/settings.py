"""Each preference declared once, with its default, over QSettings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    kind: type


OPTIONS = {
    "geometry": Option("window/geometry", QByteArray(), QByteArray),
    "state": Option("window/state", QByteArray(), QByteArray),
    "last_project": Option("session/last_project", "", str),
    "last_document": Option("session/last_document", "", str),
    "document_filter": Option("session/document_filter", "all", str),
    "annotator": Option("annotation/annotator", "", str),  # empty: the OS user name
    "language": Option("interface/language", "", str),  # en or ru; empty: the system's (gui/translations.py)
    "last_folder": Option("session/last_folder", "", str),  # where the file dialogs open
    "model": Option("annotation/model", "natasha", str),  # the suggestion source: natasha or spacy:NAME
}


def _settings() -> QSettings:
    return QSettings("Razmetka", "Razmetka")


def get(name: str) -> Any:
    option = OPTIONS[name]
    value = _settings().value(option.key, option.default)
    if value is None:
        return option.default
    if option.kind is QByteArray:
        return value if isinstance(value, QByteArray) else QByteArray(value)
    return option.kind(value)


def put(name: str, value: Any) -> None:
    settings = _settings()
    settings.setValue(OPTIONS[name].key, value)
    settings.sync()
