"""Writes the turn-detection corpus: each fixture's text and its gold turns.

The fixtures were written for this corpus (no published text is copied).  In the
sources below, ``{{Speaker}}`` marks where a gold turn's speech begins and who
says it (``{{-}}`` is narration); the tags are taken out of the written file and
the three words after each become the gold's first words.  Run it from the
repository root after editing a fixture: ``python tests/data/turns/make_corpus.py``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
TAG = re.compile(r"\{\{([^{}]+)\}\}")


def split(source: str) -> tuple[str, list[list[str]]]:
    text, gold, pos = [], [], 0
    for match in TAG.finditer(source):
        text.append(source[pos : match.start()])
        pos = match.end()
        speaker = "narration" if match.group(1) == "-" else match.group(1)
        after = TAG.search(source, pos)
        following = source[pos : after.start() if after else len(source)]
        if after and "\n" in following:
            following = following[: following.rindex("\n")]  # the next turn's mark is not this turn's speech
        gold.append([speaker, " ".join(re.findall(r"\w+", following)[:3])])
    text.append(source[pos:])
    return "".join(text), gold


def write(name: str, source: str) -> None:
    text, gold = split(source.lstrip("\n"))
    (HERE / name).write_text(text, encoding="utf-8")
    (HERE / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


def write_docx(name: str, paragraphs: list[tuple[str, str]]) -> None:
    """``paragraphs``: (style, text) with style "i" (italic), "b" (bold) or "" (plain)."""
    import docx

    document = docx.Document()
    gold_source = []
    for style, source in paragraphs:
        text, _ = split(source)
        run = document.add_paragraph().add_run(text)
        run.italic = style == "i"
        run.bold = style == "b"
        gold_source.append(source)
    document.save(str(HERE / name))
    _, gold = split("\n\n".join(gold_source))
    (HERE / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    from corpus_sources import DOCX, SOURCES  # noqa: PLC0415 (beside this file)

    for name, source in SOURCES.items():
        write(name, source)
    for name, paragraphs in DOCX.items():
        write_docx(name, paragraphs)
    print(f"{len(SOURCES) + len(DOCX)} fixtures written to {HERE}")
