"""Every dataset format in one table: its module, file extension and offset unit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from ..errors import InputError
from . import brat, conll, doccano, hf, jsonl, labelstudio, spacy
from .atomic import recover
from .inputs import size_limit
from .offsets import UNITS
from .records import ReadResult


@dataclass(frozen=True)
class Format:
    name: str
    module: ModuleType
    description: str
    char_offsets: bool  # spans are character offsets (so --offsets applies)

    @property
    def extension(self) -> str:
        return self.module.EXTENSION

    @property
    def default_offsets(self) -> str:
        return self.module.DEFAULT_OFFSETS

    @property
    def nested(self) -> bool:
        """Whether the format can hold nested and overlapping spans."""
        return self.module.NESTED

    @property
    def writer(self) -> Callable:
        return getattr(self.module, "write_units", None) or self.module.write

    @property
    def reader(self) -> Callable[..., ReadResult]:
        return getattr(self.module, "read_records", None) or self.module.read

    @property
    def write_shared(self) -> Callable | None:
        """Writes a file shared by every split into the output folder (label names, labeling config)."""
        return getattr(self.module, "write_shared", None)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "jsonl", jsonl, "native: lossless, versioned; speakers, turns, spans with origin/status/annotator", False
        ),
        Format("doccano", doccano, 'doccano sequence labeling JSONL {"text", "label": [[start, end, label]]}', True),
        Format("labelstudio", labelstudio, "Label Studio JSON tasks (+ label_config.xml)", True),
        Format("brat", brat, "brat standoff .txt/.ann pairs in a folder or .zip", True),
        Format("conll", conll, "CoNLL-2003 IOB2 'token tag' over razdel tokens", False),
        Format("spacy", spacy, 'spaCy/Prodigy JSONL {"text", "spans": [{"start", "end", "label"}]}', True),
        Format("hf", hf, "Hugging Face token classification JSONL (+ label_names.json)", False),
    )
}


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise InputError(name, f"unknown format; known: {', '.join(FORMATS)}") from None


def read_dataset(name: str, path: str | Path, *, offsets: str | None = None, max_size: int | None = None) -> ReadResult:
    """Read a labeled dataset file (or brat folder/zip) of format ``name``; InputError if it is malformed.

    ``max_size`` bounds what is read (a file, or a folder's or zip's contents in all).
    An export that was killed in the file's folder is completed first (see atomic.py).
    """
    fmt = get_format(name)
    if offsets is not None and offsets not in UNITS:
        raise InputError(path, f"unknown offset unit {offsets!r}; use {' or '.join(UNITS)}")
    path = Path(path)
    repaired = recover(path.parent)
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir() and name != "brat":
        raise InputError(path, f"is a folder; {name} reads a file")
    with size_limit(max_size):
        result = fmt.reader(path, offsets=offsets)
    result.notes[:0] = repaired
    return result
