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
import sys
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .errors import InputError, RazmetkaError
from .language import NER_LANGUAGES, turns_in
from .layouts.base import GENERIC_EN, GENERIC_RU
from .model import Document, Mention, Source, check_document
from .ner import NerCancelled, NerModel, TurnsDone, mentions_by_turn, suggestions
from .phrases import Phrase
from .pool import POOL_MIN_BYTES, Estimate, NerPool, PendingMentions, pool_wanted, worker_count
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


@dataclass
class Parsed:
    """A file read and cut into turns, before NER: what the NER step and :func:`finish_document` need."""

    raw: RawText
    transcript: Transcript
    tag: bool  # whether NER runs on it (asked for, and the language is one it knows)
    notes: list[str] = field(default_factory=list)
    ner_turns: list = field(default_factory=list)  # the turns NER runs on: all, or a mixed document's Russian ones


def parse_document(
    raw: RawText, *, ner: bool = True, layout: str | None = None, languages: tuple[str, ...] = NER_LANGUAGES
) -> Parsed:
    """Parse ``raw`` into turns and say whether NER (for ``languages``) should run on it."""
    transcript = parse(raw.text, layout, blocks=raw.blocks, kind=raw.kind)
    language = transcript.language
    notes: list[str] = []
    tag = ner and language in languages
    ner_turns = list(transcript.turns) if tag else []
    if ner and not tag and languages == NER_LANGUAGES:
        ner_turns = turns_in(transcript.text, transcript.turns)  # a mixed document: its Russian turns
        tag = bool(ner_turns)
        if tag:
            notes.append(Phrase(
                "language is '{language}', but {count} of {total} turns are Russian; natasha tagged those",
                language=language, count=len(ner_turns), total=len(transcript.turns)))
        else:
            notes.append(Phrase(
                "language is '{language}'; natasha pre-annotates Russian only, so no suggestions were made",
                language=language))
    elif ner and not tag:
        notes.append(Phrase(
            "language is '{language}'; the model is for {languages}, so no suggestions were made",
            language=language, languages=", ".join(languages)))
    if transcript.confidence < 0.5:
        notes.append(Phrase(
            "the {layout} layout is a guess (confidence {confidence}); check the speakers",
            layout=transcript.layout, confidence=f"{transcript.confidence:.2f}"))
    return Parsed(raw, transcript, tag, notes, ner_turns)


def finish_document(parsed: Parsed, mentions: list[Mention], labels: list[str] | None = None) -> Imported:
    """The document of ``parsed`` with ``mentions`` (the model's, in document order) as suggestions."""
    transcript, raw = parsed.transcript, parsed.raw
    if parsed.tag:
        name_respondent(transcript, mentions)
    doc = Document(
        text=transcript.text,
        title=transcript.metadata.get("title") or raw.path.stem,
        metadata=dict(transcript.metadata),
        source=Source(raw.path.name, raw.sha256, transcript.layout, transcript.confidence, transcript.language),
        speakers=transcript.speakers,
        turns=transcript.turns,
        spans=suggestions(mentions, labels),
    )
    check_document(doc)
    return Imported(doc, mentions, parsed.notes)


def build_document(
    raw: RawText,
    *,
    ner: bool = True,
    layout: str | None = None,
    model: NerModel | None = None,
    labels: list[str] | None = None,
    done: TurnsDone | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Imported:
    """Parse ``raw`` into a document with model suggestions (unless ``ner`` is off), in this process.

    ``done`` and ``cancelled`` go to :func:`annotation.ner.mentions_by_turn`
    (progress through the turns; :class:`~annotation.ner.NerCancelled`).
    """
    parsed = parse_document(raw, ner=ner, layout=layout, languages=getattr(model, "languages", NER_LANGUAGES))
    mentions: list[Mention] = []
    if parsed.tag:
        transcript = parsed.transcript
        mentions = mentions_by_turn(transcript.text, parsed.ner_turns, model, done=done, cancelled=cancelled)
    return finish_document(parsed, mentions, labels)


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
    model: NerModel | None = None  # a model of one's own runs in this process, never in the pool
    workers: int | None = None  # NER processes; None: $RAZMETKA_WORKERS, else one per core; 1: this process only
    pool_min_bytes: int = POOL_MIN_BYTES  # a smaller batch runs in this process (starting workers costs more)


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


@dataclass(frozen=True)
class FileProgress:
    """How far NER has got inside one file, for a bar within the file and the time it will take."""

    file: str
    turns_done: int
    turns_total: int
    seconds_left: float | None  # estimated from the characters tagged so far; None until it can be

    @property
    def fraction(self) -> float:
        return self.turns_done / self.turns_total if self.turns_total else 1.0


FileProgressCallback = Callable[[FileProgress], None]


def read_for_import(
    path: str | Path, options: ImportOptions, find_existing: Callable[[str], str | None]
) -> RawText | SkippedFile:
    """Read one file, or say why it is skipped.  Raises InputError for bad input."""
    if Path(path).is_dir():
        raise InputError(path, f"is a directory with no transcript files ({', '.join(SUPPORTED_SUFFIXES)}) in it")
    raw = read(path, encoding=options.encoding, max_size=options.max_size)
    existing = find_existing(raw.sha256)
    if existing and not options.force:
        return SkippedFile(str(path), f"already in the project as {existing} (use --force to import again)", existing)
    return raw


def prepare_file(
    path: str | Path, options: ImportOptions, find_existing: Callable[[str], str | None]
) -> Imported | SkippedFile:
    """Read and build one file, or say why it is skipped.  Raises InputError for bad input."""
    raw = read_for_import(path, options, find_existing)
    if isinstance(raw, SkippedFile):
        return raw
    return build_document(raw, ner=options.ner, layout=options.layout, model=options.model, labels=options.labels)


def _failure(path: Path, exc: Exception) -> FailedFile:
    if isinstance(exc, InputError):
        return FailedFile(str(path), exc.problem)
    if isinstance(exc, RazmetkaError):
        return FailedFile(str(path), str(exc))
    # a bug must not cost the rest of the batch, nor show a traceback
    return FailedFile(str(path), f"could not be imported ({exc.__class__.__name__}: {exc})")


def _start_pool(files: list[Path], options: ImportOptions) -> NerPool | None:
    """A pool of NER workers if the batch is big enough to pay for one (see annotation.pool)."""
    if not options.ner or options.model is not None:
        return None
    workers = worker_count(options.workers)
    size = sum(f.stat().st_size for f in files if f.is_file())
    return NerPool(workers) if pool_wanted(workers, size, options.pool_min_bytes) else None


class _Batch:
    """One batch: files are read and parsed ahead and their NER handed to the pool, then finished in order."""

    def __init__(self, files, store, find_existing, options, progress, cancelled, file_progress) -> None:
        self.files, self.store, self.find_existing, self.options = files, store, find_existing, options
        self.progress, self.cancelled, self.file_progress = progress, cancelled, file_progress
        self.report = ImportReport()
        self.pool: NerPool | None = None

    def run(self) -> ImportReport:
        self.pool = _start_pool(self.files, self.options)
        # With a pool, a few files are read and queued ahead so that no worker waits for the next file.
        ahead_limit = 2 * self.pool.workers if self.pool else 0
        ahead: deque = deque()
        try:
            for path in self.files:
                ahead.append((path, self._start(path)))
                while len(ahead) > ahead_limit:
                    self._finish(*ahead.popleft())
            while ahead:
                self._finish(*ahead.popleft())
        except NerCancelled:
            self.report.cancelled = True
        finally:
            if self.pool is not None:
                # after a cancel (or a bug) do not wait for the chunks in hand: they end within a second
                self.pool.close(cancel=self.report.cancelled or sys.exc_info()[0] is not None)
        if self.progress is not None:
            report = self.report
            self.progress(len(report.imported) + len(report.skipped) + len(report.failed), len(self.files), None)
        return self.report

    def _start(self, path: Path):
        """Read and parse ``path`` and, with a pool, queue its NER: a Parsed with its pending mentions."""
        try:
            raw = read_for_import(path, self.options, self.find_existing)
            if isinstance(raw, SkippedFile):
                return raw
            languages = getattr(self.options.model, "languages", NER_LANGUAGES)
            parsed = parse_document(raw, ner=self.options.ner, layout=self.options.layout, languages=languages)
        except Exception as exc:
            return _failure(path, exc)
        pending = None
        if parsed.tag and self.pool is not None:
            pending = self.pool.submit(parsed.transcript.text, parsed.ner_turns)
        return parsed, pending

    def _finish(self, path: Path, started) -> None:
        """Tag (or wait for the pool's tags), build and store one file; raises NerCancelled."""
        if self.cancelled is not None and self.cancelled():
            raise NerCancelled
        if self.progress is not None:
            self.progress(
                len(self.report.imported) + len(self.report.skipped) + len(self.report.failed),
                len(self.files),
                str(path),
            )
        if isinstance(started, SkippedFile):
            self.report.skipped.append(started)
            return
        if isinstance(started, FailedFile):
            self.report.failed.append(started)
            return
        parsed, pending = started
        try:
            mentions = self._mentions(path, parsed, pending) if parsed.tag else []
            outcome = finish_document(parsed, mentions, self.options.labels)
            doc_id = self.store(outcome)
        except NerCancelled:
            raise
        except Exception as exc:
            self.report.failed.append(_failure(path, exc))
            return
        doc = outcome.document
        self.report.imported.append(
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

    def _mentions(self, path: Path, parsed: Parsed, pending: PendingMentions | None) -> list[Mention]:
        turns = parsed.ner_turns
        chars = sum(t.end - t.content_start for t in turns)
        estimate = Estimate(chars)
        report = self.file_progress

        def done(turns_done: int, chars_done: int) -> None:
            if report is not None:
                report(FileProgress(str(path), turns_done, len(turns), estimate.seconds_left(chars_done)))

        done(0, 0)
        if pending is not None:
            return pending.result(done, self.cancelled)
        text = parsed.transcript.text
        return mentions_by_turn(text, turns, self.options.model, done=done, cancelled=self.cancelled)


def import_files(
    paths: Iterable[str | Path],
    *,
    store: Callable[[Imported], str],
    find_existing: Callable[[str], str | None],
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    file_progress: FileProgressCallback | None = None,
) -> ImportReport:
    """Import files and folders in order; a bad file is reported and the rest go on.

    ``store`` writes one document and returns its id; ``find_existing`` gives the
    id of a document with this sha256, or None.  ``progress(done, total, file)``
    is called before each file and once at the end (``file`` None);
    ``file_progress(FileProgress)`` as NER goes through a file's turns.
    ``cancelled()`` is checked before each file and, during NER, at least every
    second: what finished stays, nothing of the file in hand is stored, and the
    report says ``cancelled``.  Never raises for a file's sake.

    NER runs in this process, or, for a big batch or file, in a pool of worker
    processes (:mod:`annotation.pool`, ``options.workers``).
    """
    options = options or ImportOptions()
    files = collect_files(paths)
    return _Batch(files, store, find_existing, options, progress, cancelled, file_progress).run()
