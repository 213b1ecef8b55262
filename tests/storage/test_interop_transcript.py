"""The transcript of the interop checks (emoji, non-breaking and double spaces, a span across a
line break, nested spans, two annotators, a suggestion) through every format and into a new project.

Every span a format can hold comes back at the same place; what it cannot hold is named in a
report; the layered formats keep each span's annotator.
"""

from pathlib import Path

import pytest

from annotation.formats.catalog import FORMATS, read_dataset
from annotation.formats.export import ExportOptions
from annotation.formats.tokens import outermost
from storage import Project
from storage.dataset_import import import_records
from storage.export import export_from

DATA = Path(__file__).resolve().parents[1] / "data" / "interop_transcript.jsonl"


@pytest.fixture(scope="module")
def original(tmp_path_factory):
    db = tmp_path_factory.mktemp("interop") / "original.db"
    with Project(db, create=True) as project:
        import_records(project, read_dataset("jsonl", DATA), path=DATA, fmt="jsonl")
        (doc_id,) = project.document_ids()
        return db, project.load_document(doc_id)


@pytest.mark.parametrize(
    "fmt, options, out",
    [(name, {}, f"x.{name}") for name in FORMATS] + [("labelstudio", {"labelstudio_dialogue": True}, "d.json")],
)
def test_the_transcript_survives_every_format(original, tmp_path, fmt, options, out):
    db, doc = original
    with Project(db) as project:
        report = export_from(project, ExportOptions(format=fmt, out=tmp_path / out, **options))
    lines = report.lines()
    with Project(tmp_path / "new.db", create=True) as project:
        back_report = import_records(project, read_dataset(fmt, tmp_path / out), path=tmp_path / out, fmt=fmt)
        (doc_id,) = project.document_ids()
        back = project.load_document(doc_id)
    notes = "\n".join(lines + back_report.lines())
    visible = [s for s in doc.spans if s.visible]
    if options:  # the dialogue: a new document of the turns' speech, spans at the same place in each turn

        def where(d, s):
            turn = d.turn_at(s.start)
            speaking = [t for t in d.turns if t.content_start < t.end]
            return (speaking.index(turn), s.start - turn.content_start, s.end - turn.content_start)

        assert {(*where(back, s), s.label, s.annotator, s.status) for s in back.spans} == {
            (*where(doc, s), s.label, s.annotator, s.status) for s in visible
        }
        return
    assert back.text == doc.text
    if fmt in ("jsonl", "labelstudio"):  # layers and suggestions kept
        assert {(s.start, s.end, s.label, s.annotator, s.status) for s in back.spans} == {
            (s.start, s.end, s.label, s.annotator, s.status) for s in visible
        }
        return
    keys = {s.key for s in visible}
    if not FORMATS[fmt].nested:
        kept, _ = outermost(visible)
        assert "dropped 1 span(s) nested inside a longer span" in notes
        keys = {s.key for s in kept}
    assert {s.key for s in back.spans} == keys
    assert "model suggestions nobody has resolved" in notes
