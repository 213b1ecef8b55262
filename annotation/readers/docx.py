"""Word documents (.docx) through python-docx.

The text is the body's non-empty paragraphs, in order, joined by blank lines.
Each paragraph becomes a :class:`Block` that records how much of its start is
bold: a bold name at the start of a paragraph is a strong hint of a speaker.

A .docx is a zip of XML, and a few hundred kilobytes of it can unpack to
gigabytes, or to millions of paragraphs that python-docx would build in memory
one object each.  So before python-docx sees the package, the sizes the zip
declares for its entries are added up against the size limit (Python's zip
reader never unpacks more than an entry declares), and every XML part is run
through expat once, counting elements, paragraphs and characters and stopping
at the first limit passed; a document type declaration (entities) is refused.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

from ..errors import InputError
from .base import DEFAULT_MAX_SIZE, Block, RawText, check_text, normalise_newlines, sha256, too_big

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PARAGRAPH = f"{_W} p"
_TEXT = f"{_W} t"
_CHUNK = 1 << 20
# A Word package has tens of zip entries, a few thousand with many images.  Python's zip
# reader builds an object for every entry before anything can be checked (400,000 empty
# entries: 17 s, 400 MB), so the central directory's headers are counted in the bytes
# first: an upper bound, as the signature could also occur inside stored data.
MAX_ENTRIES = 10_000
_CENTRAL_HEADER = b"PK\x01\x02"


@dataclass(frozen=True)
class DocxLimits:
    """How much of a .docx is read, derived from the size limit (``--max-size``)."""

    unpacked: int  # bytes of all zip entries together
    paragraphs: int
    characters: int
    elements: int  # XML elements of all parts: what python-docx builds objects for

    @classmethod
    def for_size(cls, max_size: int) -> DocxLimits:
        # python-docx takes about 70 µs and 1 KB per paragraph, and lxml some 200 bytes per
        # element: at the default 50 MB that is 102,400 paragraphs (7 s) and 2.6 M elements
        # (about 500 MB).  Word writes 30-60 bytes of XML per element, so real documents
        # under the size limit stay under these.
        return cls(max_size, max(10_000, max_size // 512), max_size, max(100_000, max_size // 20))


class _Stop(Exception):
    """Raised inside expat's handlers to stop at the first limit passed."""


def _scan_part(path: Path, name: str, stream, limits: DocxLimits, counts: list[int]) -> None:
    """Count elements, paragraphs and characters of one XML part; InputError past a limit."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    in_text = [False]

    def start(tag, _attrs):
        counts[0] += 1
        if counts[0] > limits.elements:
            raise _Stop(f"has over {limits.elements:,} XML elements")
        if tag == _PARAGRAPH:
            counts[1] += 1
            if counts[1] > limits.paragraphs:
                raise _Stop(f"has over {limits.paragraphs:,} paragraphs")
        in_text[0] = tag == _TEXT

    def end(_tag):
        in_text[0] = False

    def text(data):
        if in_text[0]:
            counts[2] += len(data)
            if counts[2] > limits.characters:
                raise _Stop(f"has over {limits.characters:,} characters of text")

    def doctype(*_args):
        raise _Stop(f"declares a document type in {name} (a .docx never does)")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = doctype
    try:
        while chunk := stream.read(_CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Stop as stop:
        raise InputError(path, f"{stop}, more than the size limit allows (raise --max-size to read it)") from None
    except expat.ExpatError as exc:
        raise InputError(path, f"is not a valid .docx file ({name}: {exc})") from None


def check_package(path: Path, data: bytes, max_size: int = DEFAULT_MAX_SIZE) -> None:
    """Refuse a .docx whose zip unpacks past the size limit, or whose XML holds too much."""
    limits = DocxLimits.for_size(max_size)
    if data.count(_CENTRAL_HEADER) > MAX_ENTRIES:
        raise InputError(path, f"is a zip of over {MAX_ENTRIES:,} entries, not a Word document")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            unpacked = sum(entry.file_size for entry in entries)
            if unpacked > limits.unpacked:
                raise InputError(path, too_big(unpacked, max_size, "unpacks to"))
            counts = [0, 0, 0]
            for entry in entries:
                if entry.filename.endswith((".xml", ".rels")):
                    with archive.open(entry) as stream:
                        _scan_part(path, entry.filename, stream, limits, counts)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, RuntimeError) as exc:
        raise InputError(path, f"is not a valid .docx file ({exc})") from None


def _style_bold(paragraph, cache: dict[str | None, bool]) -> bool:
    """Whether the paragraph's style is bold, looked up once per style.

    ``paragraph.style`` searches the styles part on every call, which made it 80 % of the
    reading time; the style id (``_p.style``, python-docx's element) is the cache key.
    """
    key = paragraph._p.style
    if key not in cache:
        style = paragraph.style
        cache[key] = bool(style is not None and style.font.bold)
    return cache[key]


def _bold_prefix(paragraph, text: str, styles: dict[str | None, bool]) -> int:
    """Length of the bold run ``text`` opens with (whitespace-only runs do not break it)."""
    length = 0
    for run in paragraph.runs:
        bold = run.bold if run.bold is not None else _style_bold(paragraph, styles)
        if not bold and run.text.strip():
            break
        length += len(run.text)
    prefix = text[:length]
    if not text.startswith(prefix) or not prefix.strip():
        return 0
    return len(prefix.rstrip())


def _all_italic(paragraph) -> bool:
    """Every run with text is in italics (a question, in interviews that set questions so)."""
    runs = [run for run in paragraph.runs if run.text.strip()]
    if not runs:
        return False
    if all(run.italic is not None for run in runs):  # the style is looked up only when a run defers to it
        return all(run.italic for run in runs)
    style_italic = bool(paragraph.style is not None and paragraph.style.font.italic)
    return all(run.italic if run.italic is not None else style_italic for run in runs)


def read_docx(path: Path, data: bytes, *, encoding: str | None = None, max_size: int = DEFAULT_MAX_SIZE) -> RawText:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(path, "is not a valid .docx file (not a zip archive)")
    check_package(path, data, max_size)
    styles: dict[str | None, bool] = {}
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        try:
            document = docx.Document(io.BytesIO(data))
        except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
            raise InputError(path, f"is not a valid .docx file ({exc})") from None
        parts: list[str] = []
        blocks: list[Block] = []
        pos = 0
        for paragraph in document.paragraphs:
            raw = normalise_newlines(paragraph.text).replace("\x0b", "\n")
            text = raw.strip()
            if not text:
                continue
            lead = len(raw) - len(raw.lstrip())
            bold = max(0, _bold_prefix(paragraph, raw, styles) - lead)
            if parts:
                pos += 2
            italic = _all_italic(paragraph)
            blocks.append(Block(pos, pos + len(text), bold=min(bold, len(text)), italic=italic))
            parts.append(text)
            pos += len(text)
    except InputError:
        raise
    except Exception as exc:  # a damaged package can fail deep inside lxml or python-docx
        raise InputError(path, f"is not a readable .docx file ({exc.__class__.__name__}: {exc})") from None
    return RawText(path, check_text(path, "\n\n".join(parts)), sha256(data), "docx", "docx", blocks)
