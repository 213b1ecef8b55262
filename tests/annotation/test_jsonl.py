import json

import pytest

from annotation.errors import InputError
from annotation.formats import jsonl


def test_native_jsonl_round_trip_is_the_identity(sample_import, tmp_path):
    doc = sample_import.document
    doc.id = "abc"
    out = tmp_path / "out.jsonl"
    assert jsonl.write([doc], out) == 1
    (back,) = list(jsonl.read(out))
    assert jsonl.to_record(back) == jsonl.to_record(doc)
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["format"] == "razmetka" and record["version"] == 1
    assert all(record["text"][s["start"] : s["end"]] == s["text"] for s in record["spans"])


def test_a_bad_line_names_the_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    good = {
        "format": "razmetka",
        "version": 1,
        "text": "x",
        "speakers": [{"name": "A", "role": "other"}],
        "turns": [{"start": 0, "end": 1, "content_start": 0, "speaker": "A"}],
        "spans": [],
    }
    path.write_text(json.dumps(good) + "\n{oops\n")
    with pytest.raises(InputError, match=r"bad.jsonl: line 2: not JSON"):
        list(jsonl.read(path))


def test_a_failed_write_leaves_no_file(tmp_path, sample_import):
    out = tmp_path / "out.jsonl"

    def docs():
        yield sample_import.document
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        jsonl.write(docs(), out)
    assert list(tmp_path.iterdir()) == []
