"""Subtitles: .srt through pysubs2, .vtt through webvtt-py.

Both libraries skip a cue whose timing line is broken without a word (pysubs2
even glues it onto the cue before), so every line with ``-->`` is checked here
first and a broken one is an error naming its line.  The text is the cue texts
joined by blank lines; cue numbers and times are not part of it but travel as
:class:`Block` times, and a WebVTT ``<v Name>`` voice tag as the block's voice.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..errors import InputError
from .base import Block, RawText, check_text, normalise_newlines, sha256
from .encoding import decode_file

_SRT_TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}"
_VTT_TIME = r"(?:\d{1,}:)?\d{2}:\d{2}\.\d{3}"
_SRT_TIMING = re.compile(rf"\s*({_SRT_TIME})\s*-->\s*({_SRT_TIME})(?:\s+.*)?")
_VTT_TIMING = re.compile(rf"\s*({_VTT_TIME})[ \t]+-->[ \t]+({_VTT_TIME})(?:[ \t]+.*)?")
# A line that starts like a timing line but whose arrow is mangled ("->", "–>", "= >").
_ALMOST_TIMING = re.compile(r"\s*\d{1,2}:\d{2}\S*\s*(?:[-=–—]+\s*>|>)")
# No recording lasts 100 hours.  WebVTT allows any number of hour digits, and
# webvtt-py silently drops a cue past ten of them, which left only "file is empty".
MAX_CUE_HOURS = 100


def seconds(stamp: str) -> float:
    parts = stamp.replace(",", ".").split(":")
    total = 0.0
    for part in parts:
        total = total * 60 + float(part)
    return total


def _shown(line: str) -> str:
    """A line for a message: stripped, and cut at 80 characters (a hostile line can be megabytes)."""
    line = line.strip()
    return repr(line if len(line) <= 80 else line[:77] + "...")


def _decode(path: Path, data: bytes, encoding: str | None) -> str:
    return decode_file(path, data, encoding, "a subtitle file")[0]


def check_timings(path: Path, text: str, timing: re.Pattern[str]) -> int:
    """Raise InputError at the first broken timing line; return how many cues there are."""
    cues = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if "-->" in line:
            match = timing.fullmatch(line)
            if not match:
                raise InputError(path, f"broken timestamp on line {number}: {_shown(line)}")
            late = max(seconds(match.group(1)), seconds(match.group(2)))
            if late >= MAX_CUE_HOURS * 3600:
                raise InputError(path, f"absurd cue time on line {number}, over {MAX_CUE_HOURS} hours: {_shown(line)}")
            if seconds(match.group(2)) < seconds(match.group(1)):
                raise InputError(path, f"cue on line {number} ends before it starts: {_shown(line)}")
            cues += 1
        elif _ALMOST_TIMING.match(line):
            raise InputError(path, f"broken timestamp on line {number}: {_shown(line)}")
    if not cues:
        raise InputError(path, "has no subtitle cues (no line with a '-->' timing)")
    return cues


def _join(path: Path, data: bytes, cues: list[tuple[str, float, float, str | None]]) -> RawText:
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for text, start, end, voice in cues:
        text = "\n".join(line.strip() for line in normalise_newlines(text).split("\n") if line.strip())
        if not text:
            continue
        if parts:
            pos += 2
        blocks.append(Block(pos, pos + len(text), start, end, voice))
        parts.append(text)
        pos += len(text)
    if not parts:
        raise InputError(
            path, f"has subtitle cues ({len(cues)}) but no text in any of them" if cues else "has no subtitle cues"
        )
    return RawText(path, check_text(path, "\n\n".join(parts)), sha256(data), "utf-8", "subtitles", blocks)


def read_srt(path: Path, data: bytes, *, encoding: str | None = None, **_limits) -> RawText:
    import pysubs2

    text = _decode(path, data, encoding)
    check_timings(path, text, _SRT_TIMING)
    try:
        subs = pysubs2.SSAFile.from_string(text, format_="srt")
    except Exception as exc:  # pysubs2 raises several of its own types and ValueError
        raise InputError(path, f"is not a readable .srt file ({exc})") from None
    return _join(path, data, [(e.plaintext, e.start / 1000, e.end / 1000, None) for e in subs])


def read_vtt(path: Path, data: bytes, *, encoding: str | None = None, **_limits) -> RawText:
    import webvtt
    from webvtt.errors import MalformedCaptionError, MalformedFileError

    text = _decode(path, data, encoding)
    if not text.lstrip("\ufeff").startswith("WEBVTT"):
        raise InputError(path, "is not a WebVTT file (it must start with 'WEBVTT')")
    check_timings(path, text, _VTT_TIMING)
    try:
        vtt = webvtt.WebVTT.from_string(text)
    except (MalformedFileError, MalformedCaptionError) as exc:
        raise InputError(path, f"is not a readable .vtt file ({exc})") from None
    cues = [
        (
            html.unescape(c.text),
            c.start_time.in_milliseconds() / 1000,
            c.end_time.in_milliseconds() / 1000,
            " ".join(c.voice.split()) if c.voice else None,
        )
        for c in vtt
    ]
    return _join(path, data, cues)
