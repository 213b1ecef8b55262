"""The import chain without storage or Qt: file → text → turns → suggestions.

Both front doors (the CLI and the GUI's workers) call :func:`build_document` and
hand the result to storage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .language import NER_LANGUAGES, guess_language
from .model import Document, Source, check_document
from .ner import Mention, NerModel, mentions_by_turn, suggestions
from .readers import RawText, read
from .transcript import RESPONDENT, Transcript, parse, rename_speaker


@dataclass
class Imported:
    """A document ready to store, the model's raw output, and notes for the person."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def name_respondent(transcript: Transcript, mentions: list[Mention]) -> None:
    """Name the respondent after the last person mentioned in the final lead paragraph.

    The surface text is used, not the normal form, which would lose «ё».
    """
    if not transcript.lead_turns:
        return
    lead = transcript.turns[transcript.lead_turns - 1]
    people = [m for m in mentions if m.label == "PER" and lead.content_start <= m.start and m.end <= lead.end]
    if people:
        name = " ".join(people[-1].text.split())
        rename_speaker(transcript, RESPONDENT, name)


def build_document(
    raw: RawText,
    *,
    ner: bool = True,
    layout: str | None = None,
    model: NerModel | None = None,
    labels: list[str] | None = None,
) -> Imported:
    """Parse ``raw`` into a document with model suggestions (unless ``ner`` is off)."""
    transcript = parse(raw.text, layout)
    language = transcript.metadata.get("lang") or guess_language(transcript.text)
    notes: list[str] = []
    mentions: list[Mention] = []
    if ner and language in NER_LANGUAGES:
        mentions = mentions_by_turn(transcript.text, transcript.turns, model)
        name_respondent(transcript, mentions)
    elif ner:
        notes.append(f"language is {language!r}; natasha pre-annotates Russian only, so no suggestions were made")
    doc = Document(
        text=transcript.text,
        title=transcript.metadata.get("title") or raw.path.stem,
        metadata=dict(transcript.metadata),
        source=Source(raw.path.name, raw.sha256, transcript.layout, transcript.confidence, language),
        speakers=transcript.speakers,
        turns=transcript.turns,
        spans=suggestions(mentions, labels),
    )
    check_document(doc)
    return Imported(doc, mentions, notes)


def import_file(path: str | Path, **options) -> Imported:
    """Read and build in one call; ``encoding`` goes to the reader, the rest to build."""
    encoding = options.pop("encoding", None)
    return build_document(read(path, encoding=encoding), **options)
