"""brat standoff: a ``.txt`` and ``.ann`` pair per unit, in a folder or a ``.zip``.

Each span is a text-bound annotation ``T1<TAB>LABEL start end<TAB>text``; a span
that runs over a line break is written as fragments (``0 6;7 13``) as brat wants.
Offsets count code points, as brat's (Python) server does.  brat's server refuses
a T line whose text is not exactly the document's text of its fragments, joined by
one space (:func:`brat_text`): the text is written as it is, non-breaking and double
spaces included, and only line breaks cut fragments.  Files are named after each
unit's title, made safe for any file system.  ``annotation.conf``
declares the labels and allows overlapping spans; ``meta.jsonl`` carries each
unit's speakers, turns and details.
"""

from __future__ import annotations

import json
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from .atomic import Staging
from .doccano import unique_spans
from .inputs import folder_files, loads, read_text, zip_texts
from .offsets import CODEPOINTS, OffsetMap
from .records import RawSpan, ReadResult, SpanResolver, make_record, meta_of
from .units import META_KEY, Unit, WriteContext, unit_meta, unit_title

NAME = "brat"
EXTENSION = ""
DEFAULT_OFFSETS = CODEPOINTS
NESTED = True
META_FILE = "meta.jsonl"
CONF_FILE = "annotation.conf"

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")


# Where a line ends for brat and for Python's line readers (str.splitlines).
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_UNSAFE = re.compile(r"[^\w.-]+")
_RESERVED = re.compile(r"(con|prn|aux|nul|com\d|lpt\d)(\..*)?", re.I)  # names Windows will not create
NAME_MAX = 80


def safe_name(title: str, fallback: str, used: set[str]) -> str:
    """A file name stem for a unit: its title with anything unsafe replaced by ``_``, unique in ``used``."""
    base = _UNSAFE.sub("_", unicodedata.normalize("NFC", title)).strip("._-")[:NAME_MAX].rstrip("._-")
    if not base:
        base = _UNSAFE.sub("_", fallback).strip("._-")[:NAME_MAX] or "doc"
    if _RESERVED.fullmatch(base):
        base += "_"
    name, n = base, 2
    while name.lower() in used:  # unique even on file systems that ignore case
        name, n = f"{base}_{n}", n + 1
    used.add(name.lower())
    return name


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of [start, end) between line breaks, each without outer whitespace."""
    pieces, position = [], start
    for line in _LINE_BREAK.split(text[start:end]):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            pieces.append((position + lead, position + len(line.rstrip())))
        position += len(line) + 1
    return pieces


def brat_text(text: str, frags: list[tuple[int, int]]) -> str:
    """What brat's server requires after the second tab of a T line: each fragment's text, joined by a space."""
    return " ".join(text[s:e] for s, e in frags)


def annotation_file(unit: Unit, offsets: str) -> str:
    om = OffsetMap(unit.text)
    lines = []
    for n, span in enumerate(unique_spans(unit), 1):
        pieces = fragments(unit.text, span.start, span.end)
        frags = ";".join(f"{om.to_unit(s, offsets)} {om.to_unit(e, offsets)}" for s, e in pieces)
        label = re.sub(r"\s+", "_", span.label)
        lines.append(f"T{n}\t{label} {frags}\t{brat_text(unit.text, pieces)}\n")
    return "".join(lines)


def annotation_conf(labels: list[str]) -> str:
    entities = "\n".join(re.sub(r"\s+", "_", name) for name in labels)
    return (
        f"[entities]\n{entities}\n\n[relations]\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n"
        "[events]\n\n[attributes]\n"
    )


def _files(units: Iterable[Unit], ctx: WriteContext) -> Iterator[tuple[str, str]]:
    used: set[str] = set()
    meta_lines = []
    for unit in units:
        name = safe_name(unit_title(unit), unit.id, used)
        yield f"{name}.txt", unit.text
        yield f"{name}.ann", annotation_file(unit, ctx.offsets)
        meta_lines.append(json.dumps({"file": name, META_KEY: unit_meta(unit)}, ensure_ascii=False) + "\n")
    yield CONF_FILE, annotation_conf(ctx.labels)
    yield META_FILE, "".join(meta_lines)


def write(units: Iterable[Unit], path: Path, staging: Staging, ctx: WriteContext) -> None:
    if path.suffix.lower() == ".zip":
        with staging.binary(path) as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, content in _files(units, ctx):
                zf.writestr(name, content.encode("utf-8"))
        return
    folder = staging.folder(path, earlier_export)
    for name, content in _files(units, ctx):
        (folder / name).write_text(content, encoding="utf-8", newline="\n")


def earlier_export(folder: Path) -> bool:
    """True if ``folder`` holds a brat export and nothing else, so a new export may replace it."""
    names = [p for p in folder.iterdir()]
    return any(p.name in (CONF_FILE, META_FILE) for p in names) and all(
        p.is_file() and p.suffix in (".txt", ".ann", ".conf", ".jsonl") for p in names
    )


# -- reading ----------------------------------------------------------------


def _entries(path: Path) -> tuple[dict[str, str], int]:
    """Relative name -> text of every .txt, .ann and meta file in a folder or zip, and the links not followed."""
    wanted = (".txt", ".ann", ".jsonl")
    try:
        if path.is_dir():
            files, skipped = folder_files(path, wanted)
            return {name: read_text(file) for name, file in files}, skipped
        if zipfile.is_zipfile(path):
            return zip_texts(path, wanted), 0
    except (OSError, zipfile.BadZipFile) as exc:
        raise InputError(path, f"cannot be read ({exc})") from None
    if path.exists():
        raise InputError(path, "is neither a folder nor a zip of brat .txt/.ann files")
    raise InputError(path, "no such file or folder")


def parse_ann(path: Path, name: str, content: str) -> tuple[list[RawSpan], int]:
    """Text-bound annotations of one .ann file, and how many other lines were skipped."""
    raws, skipped = [], 0
    for number, line in enumerate(re.split(r"\r?\n", content), 1):
        if not line.strip():
            continue
        if not line.startswith("T"):
            skipped += 1  # relations, events, attributes, notes
            continue
        match = _T_LINE.match(line)
        if match is None:
            raise InputError(path, f"{name} line {number}: not a brat text-bound annotation")
        frags = [tuple(int(x) for x in f.split()) for f in match.group(3).split(";")]
        raws.append(RawSpan(min(f[0] for f in frags), max(f[1] for f in frags), match.group(2), match.group(4)))
    return raws, skipped


def read(path: Path, *, offsets: str | None = None) -> ReadResult:
    entries, links = _entries(path)
    metas: dict[str, dict] = {}
    for name, content in entries.items():
        if Path(name).name == META_FILE:
            folder = str(Path(name).parent)
            for line in content.splitlines():
                item = loads(path, line, f"{name}: ") if line.strip() else None
                if isinstance(item, dict) and "file" in item:
                    metas[str(Path(folder) / str(item["file"]))] = meta_of(item)
    texts = sorted(n for n in entries if n.endswith(".txt"))
    if not texts:
        raise InputError(path, "holds no brat .txt files")
    resolver = SpanResolver(offsets or DEFAULT_OFFSETS)
    records, skipped = [], 0
    for name in texts:
        stem = name[: -len(".txt")]
        raws, other = parse_ann(path, f"{stem}.ann", entries.get(f"{stem}.ann", ""))
        skipped += other
        records.append(make_record(entries[name], raws, name, metas.get(str(Path(stem)), {}), resolver))
    notes = resolver.notes(path)
    if skipped:
        notes.append(f"{path}: {skipped} annotation line(s) other than text-bound spans were ignored")
    if links:
        notes.append(f"{path}: {links} link(s) leading out of the folder (or to no regular file) were not followed")
    return ReadResult(records, notes)
