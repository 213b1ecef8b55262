"""How the transcript window copes with a big transcript.

    python benchmarks/bench_view.py [FILE ...]

For each file (by default a generated transcript of about 1,000,000 characters,
with natasha's suggestions, ~9,000 spans) it imports the file into a temporary
project, opens it in a real main window (offscreen unless DISPLAY is set) and
prints the open-to-first-screen seconds, the time to apply a tag (stored and
shown) in milliseconds, and the slowest page of a scroll through the whole text,
each beside its target (benchmarks/figures.py).  A benchmark, not a
test: it never fails on time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure, report  # noqa: E402

TARGET_OPEN_S = 0.5
TARGET_TAG_MS = 30.0
TARGET_SCROLL_MS = 50.0


def annotated_import(path: Path, db: Path) -> str:
    """Import ``path`` with natasha's suggestions.  Repeated paragraphs are annotated once."""
    from annotation.importing import Imported, build_document
    from annotation.model import Mention, check_document
    from annotation.ner import shared_model, suggestions
    from annotation.readers import read
    from storage import Project

    raw = read(path)
    imported: Imported = build_document(raw, ner=False)
    doc = imported.document
    model = shared_model()
    cache: dict[str, list[Mention]] = {}
    mentions: list[Mention] = []
    for turn in doc.turns:
        speech = doc.text[turn.content_start : turn.end]
        if speech not in cache:
            cache[speech] = model.mentions(speech)
        mentions.extend(
            Mention(m.start + turn.content_start, m.end + turn.content_start, m.label, m.text, m.normal)
            for m in cache[speech]
        )
    doc.spans = suggestions(mentions)
    check_document(doc)
    with Project(db, create=True) as project:
        return project.add_document(doc, mentions)


def measure(path: Path, workdir: Path) -> tuple[int, int, int, float, float, float]:
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow
    from gui.session import Session
    from storage import Project

    db = workdir / f"{path.stem}.db"
    doc_id = annotated_import(path, db)
    app = QApplication.instance() or QApplication([])
    session = Session(Project(db), "bench")
    window = MainWindow(session)
    window.resize(1280, 820)
    window.show()
    app.processEvents()
    session.current.show(None)

    started = time.perf_counter()
    window.show_document(doc_id)
    window.view.viewport().repaint()  # the first screen, painted with its highlights
    open_s = time.perf_counter() - started
    doc = window.view.doc

    # Tag a word in 20 turns spread through the text; each is stored and shown.
    tag_ms = []
    step = max(1, len(doc.turns) // 20)
    for turn in doc.turns[1::step][:20]:
        words = doc.text[turn.content_start : turn.end].split()
        offset = turn.content_start + doc.text[turn.content_start : turn.end].index(words[-1])
        window.view.select_offsets(offset, offset + len(words[-1]))
        began = time.perf_counter()
        window.tag_selection("ORG")
        window.view.viewport().repaint()
        tag_ms.append((time.perf_counter() - began) * 1000)

    # Scroll page by page through the whole text; the slowest page counts.
    bar = window.view.verticalScrollBar()
    slowest = 0.0
    value = 0
    while value <= bar.maximum():
        began = time.perf_counter()
        bar.setValue(value)
        window.view.viewport().repaint()
        slowest = max(slowest, (time.perf_counter() - began) * 1000)
        value += max(1, bar.pageStep())
    window.close()
    session.project.close()
    spans = len(doc.visible_spans())
    return len(doc.text), len(doc.turns), spans, open_s, statistics.median(tag_ms), slowest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench_import import build_big_transcript

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        files = args.files or [build_big_transcript(workdir)]
        figures = []
        for path in files:
            chars, turns, spans, open_s, tag_ms, scroll_ms = measure(path, workdir)
            note = f"{path.name}: {chars:,} chars, {turns} turns, {spans} spans"
            figures += [
                Figure("open to first screen", open_s, "s", TARGET_OPEN_S, note=note),
                Figure("tag (stored and shown), median", tag_ms, "ms", TARGET_TAG_MS, note=note),
                Figure("slowest page of a full scroll", scroll_ms, "ms", TARGET_SCROLL_MS, note=note),
            ]
        report("bench_view", figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
