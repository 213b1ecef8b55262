"""``razmetka import --json`` explains the layout chosen for each section of each document."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def test_json_lists_each_documents_sections_with_layout_confidence_and_range(razmetka, tmp_path):
    mixed, plain = DATA / "turns" / "f11_mixed_ru.md", DATA / "name_line_ru.txt"
    db = str(tmp_path / "p.db")
    result = razmetka("import", str(mixed), str(plain), "--db", db, "--no-ner", "--json", check=True)
    first, second = json.loads(result.stdout)["imported"]
    assert (first["layout"], first["confidence"]) == ("colon+dash", 0.6)
    assert [(s["layout"], s["confidence"]) for s in first["sections"]] == [("colon", 0.6), ("dash", 1.0)]
    text = mixed.read_text(encoding="utf-8")
    assert text[first["sections"][1]["start"] :].startswith("---\n\nПосле выступления")
    assert first["sections"][0]["start"] == 0 and first["sections"][0]["end"] < first["sections"][1]["start"]
    assert second["sections"] == [
        {"layout": "name_line", "confidence": second["confidence"], "start": 0, "end": second["sections"][0]["end"]}
    ]
    listed = razmetka("list", "--db", db, check=True).stdout
    assert "colon+dash" in listed
