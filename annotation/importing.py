"""The import chain without storage or Qt: file → text → turns → suggestions.

Both front doors (the CLI and the GUI's workers) call these functions and hand
the result to storage:

- :func:`build_document` turns one :class:`RawText` into a document;
- :func:`import_files` runs a whole batch (files and folders) with a progress
  callback and a cancel check, storing each document through a callable, and
  returns an :class:`ImportReport`.  ``storage.import_into`` binds it to a
  project.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .errors import InputError, RazmetkaError
from .language import NER_LANGUAGES
from .layouts.base import GENERIC_EN, GENERIC_RU
from .model import Document, Mention, Source, check_document
from .ner import NerModel, mentions_by_turn, suggestions
from .readers import DEFAULT_MAX_SIZE, SUPPORTED_SUFFIXES, RawText, is_supported, read
from .transcript import Transcript, parse, rename_speaker


@dataclass
class Imported:
    """A document ready to store, the model's raw output, and notes for the person."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def name_respondent(transcript: Transcript, mentions: list[Mention]) -> None:
    """Name a generic respondent after the last person mentioned in the final lead paragraph.

    The surface text is used, not the normal form, which would lose «ё».
    """
    if not transcript.lead_turns:
        return
    generic = [s.name for s in transcript.speakers if s.role == "respondent"]
    generic = [name for name in generic if name in (GENERIC_RU.respondent, GENERIC_EN.respondent)]
    if len(generic) != 1:
        return
    lead = transcript.turns[transcript.lead_turns - 1]
    people = [m for m in mentions if m.label == "PER" and lead.content_start <= m.start and m.end <= lead.end]
    if people:
        name = " ".join(people[-1].text.split())
        rename_speaker(transcript, generic[0], name)


def build_document(
    raw: RawText,
    *,
    ner: bool = True,
    layout: str | None = None,
    model: NerModel | None = None,
    labels: list[str] | None = None,
) -> Imported:
    """Parse ``raw`` into a document with model suggestions (unless ``ner`` is off)."""
    transcript = parse(raw.text, layout, blocks=raw.blocks, kind=raw.kind)
    language = transcript.language
    notes: list[str] = []
    mentions: list[Mention] = []
    if ner and language in NER_LANGUAGES:
        mentions = mentions_by_turn(transcript.text, transcript.turns, model)
        name_respondent(transcript, mentions)
    elif ner:
        notes.append(f"language is {language!r}; natasha pre-annotates Russian only, so no suggestions were made")
    if transcript.confidence < 0.5:
        guess = f"the {transcript.layout} layout is a guess (confidence {transcript.confidence:.2f})"
        notes.append(f"{guess}; check the speakers")
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
    """Read and build in one call; ``encoding`` and ``max_size`` go to the reader, the rest to build."""
    encoding = options.pop("encoding", None)
    max_size = options.pop("max_size", DEFAULT_MAX_SIZE)
    return build_document(read(path, encoding=encoding, max_size=max_size), **options)


# -- batches -------------------------------------------------------------------


@dataclass
class ImportOptions:
    """How a batch imports: the CLI's flags, and the GUI's dialog."""

    ner: bool = True
    layout: str | None = None  # one of annotation.transcript.LAYOUTS, or None to detect
    encoding: str | None = None  # None: detect
    max_size: int = DEFAULT_MAX_SIZE
    force: bool = False  # import a file again even if the project has its sha256
    labels: list[str] | None = None  # the project's label names; others are dropped
    model: NerModel | None = None


@dataclass
class ImportedFile:
    file: str
    id: str
    turns: int
    spans: int
    layout: str
    confidence: float
    language: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass
class SkippedFile:
    file: str
    reason: str
    existing: str | None = None  # the id of the document the project already has


@dataclass
class FailedFile:
    file: str
    error: str

    @property
    def message(self) -> str:
        """One line for a person: the file and what is wrong with it."""
        return f"{self.file}: {self.error}"


@dataclass
class ImportReport:
    imported: list[ImportedFile] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    failed: list[FailedFile] = field(default_factory=list)
    cancelled: bool = False

    def to_json(self) -> dict:
        """The shape ``razmetka import --json`` prints."""
        keep = {"imported": ("file", "id", "turns", "spans", "layout", "confidence"), "skipped": ("file", "reason")}
        return {
            "imported": [{k: asdict(x)[k] for k in keep["imported"]} for x in self.imported],
            "skipped": [{k: asdict(x)[k] for k in keep["skipped"]} for x in self.skipped],
            "failed": [{"file": x.file, "error": x.error} for x in self.failed],
        }


def _hidden(name: str) -> bool:
    return name.startswith((".", "~$"))


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files a batch imports, in order.

    A folder gives its supported files, recursively and sorted, leaving out
    hidden files and folders (and Word's ``~$`` lock files); a folder with none
    is kept as itself, so that it gets an error.  A path given by name is kept
    whatever it is, so that a missing or unsupported one gets its error.  The
    same file is listed once.
    """
    result: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        found = [path]
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not _hidden(d)]
                found.extend(Path(root) / f for f in files if not _hidden(f) and is_supported(f))
            found = sorted(found, key=lambda f: f.relative_to(path).parts) or [path]
        for file in found:
            key = file.resolve() if file.exists() else file
            if key not in seen:
                seen.add(key)
                result.append(file)
    return result


Progress = Callable[[int, int, str | None], None]


def prepare_file(
    path: str | Path, options: ImportOptions, find_existing: Callable[[str], str | None]
) -> Imported | SkippedFile:
    """Read and build one file, or say why it is skipped.  Raises InputError for bad input."""
    if Path(path).is_dir():
        raise InputError(path, f"is a directory with no transcript files ({', '.join(SUPPORTED_SUFFIXES)}) in it")
    raw = read(path, encoding=options.encoding, max_size=options.max_size)
    existing = find_existing(raw.sha256)
    if existing and not options.force:
        return SkippedFile(str(path), f"already in the project as {existing} (use --force to import again)", existing)
    return build_document(raw, ner=options.ner, layout=options.layout, model=options.model, labels=options.labels)


def import_files(
    paths: Iterable[str | Path],
    *,
    store: Callable[[Imported], str],
    find_existing: Callable[[str], str | None],
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import files and folders one by one; a bad file is reported and the rest go on.

    ``store`` writes one document and returns its id; ``find_existing`` gives the
    id of a document with this sha256, or None.  ``progress(done, total, file)``
    is called before each file and once at the end (``file`` None).
    ``cancelled()`` is checked before each file: what finished stays, and the
    report says ``cancelled``.  Never raises for a file's sake.
    """
    options = options or ImportOptions()
    files = collect_files(paths)
    report = ImportReport()
    for done, path in enumerate(files):
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        if progress is not None:
            progress(done, len(files), str(path))
        try:
            outcome = prepare_file(path, options, find_existing)
            if isinstance(outcome, SkippedFile):
                report.skipped.append(outcome)
                continue
            doc_id = store(outcome)
        except InputError as exc:
            report.failed.append(FailedFile(str(path), exc.problem))
        except RazmetkaError as exc:
            report.failed.append(FailedFile(str(path), str(exc)))
        except Exception as exc:  # a bug must not cost the rest of the batch, nor show a traceback
            report.failed.append(FailedFile(str(path), f"could not be imported ({exc.__class__.__name__}: {exc})"))
        else:
            doc = outcome.document
            report.imported.append(
                ImportedFile(
                    str(path),
                    doc_id,
                    len(doc.turns),
                    len(doc.spans),
                    doc.source.layout,
                    doc.source.confidence,
                    doc.source.language,
                    outcome.notes,
                )
            )
    if progress is not None:
        done_count = len(report.imported) + len(report.skipped) + len(report.failed)
        progress(done_count, len(files), None)
    return report
