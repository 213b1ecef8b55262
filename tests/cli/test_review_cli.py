"""``razmetka merge``, ``agreement``, ``report``, ``review`` and ``list`` review states, by subprocess."""

from __future__ import annotations

import csv
import json
import shutil

import pytest

from annotation.changes import AddSpans
from storage import Project
from storage.review import document_layers


@pytest.fixture
def merged(review_case, tmp_path, razmetka):
    for name in ("anna.db", "boris.db"):
        shutil.copy(review_case / name, tmp_path / name)
    result = razmetka("merge", "anna.db", "boris.db", "--into", "review.db", check=True)
    assert "1 new document(s)" in result.stdout and "2 layer(s) written" in result.stdout
    return tmp_path / "review.db"


def test_agreement_and_report_print_tables_json_and_csv(merged, razmetka):
    table = razmetka("agreement", str(merged), check=True).stdout
    assert "anna  boris  ORG    0.900      0.818   0.857" in table
    assert f"{2 * 57 / 119:.3f}" in table and "Krippendorff's alpha" in table and "SAME SPEAKER" in table
    data = json.loads(razmetka("agreement", "--db", str(merged), "--json", check=True).stdout)
    assert set(data) == {"pairs", "alpha", "turns", "documents"}
    assert data["pairs"][0]["overall_f1"] == pytest.approx(2 * 57 / 119)

    out = merged.parent / "scores.csv"
    text = razmetka("report", str(merged), "--csv", str(out), check=True).stdout
    assert "ЕАЭС LOC→ORG ×4" in text and "label swaps 5" in text
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    strict = next(r for r in rows if (r["scope"], r["scheme"]) == ("overall", "strict"))
    assert float(strict["precision"]) == pytest.approx(112 / 120, abs=1e-4)
    report = json.loads(razmetka("report", "--db", str(merged), "--json", check=True).stdout)
    assert report["errors"]["label"] == 5 and report["corrections"][0]["count"] == 4


def test_review_states_show_in_the_list_and_filter_it(merged, razmetka):
    with Project(merged, create=True) as project:
        (doc_id,) = project.document_ids()
    listing = razmetka("review", str(merged), "--doc", doc_id, check=True).stdout
    assert "4 disagreement(s) between A = anna and B = boris" in listing and "label at" in listing
    razmetka("review", str(merged), "--doc", doc_id, "--returned", "СНГ is an organisation", check=True)
    shown = razmetka("list", "--db", str(merged), check=True).stdout
    assert "REVIEW" in shown and "returned: СНГ is an organisation" in shown
    assert (
        "no documents in review state reviewed" in razmetka("list", "--db", str(merged), "--review", "reviewed").stdout
    )
    razmetka("review", "--db", str(merged), "--doc", doc_id, "--reviewed", check=True)
    assert doc_id in razmetka("list", "--db", str(merged), "--review", "reviewed", check=True).stdout
    bad = razmetka("review", str(merged), "--doc", "nope", "--reviewed")
    assert bad.returncode == 2 and len(bad.problems) == 1 and "no document with id 'nope'" in bad.stderr
    empty = razmetka("review", str(merged), "--doc", doc_id, "--returned", "  ")
    assert empty.returncode == 2 and "needs a comment" in empty.stderr


def test_export_takes_the_gold_layer(merged, razmetka):
    from annotation.review import agreed_spans, disagreements, resolve

    with Project(merged, create=True) as project:
        (doc_id,) = project.document_ids()
        layers = document_layers(project, doc_id)
        gold = agreed_spans(layers, "anna", "boris", "rita")
        for d in disagreements(layers, "anna", "boris"):
            gold += resolve(d, "b", "rita", gold).spans
        project.apply(AddSpans(doc_id, tuple(gold)))
    out = merged.parent / "gold.jsonl"
    razmetka("export", "--db", str(merged), "--format", "jsonl", "--layer", "gold", "--out", str(out), check=True)
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(record["spans"]) == 60 and {s["origin"] for s in record["spans"]} == {"adjudicated"}
    boris = merged.parent / "boris.jsonl"
    razmetka("export", "--db", str(merged), "--format", "jsonl", "--layer", "boris", "--out", str(boris), check=True)
    (record,) = [json.loads(line) for line in boris.read_text(encoding="utf-8").splitlines()]
    assert {s["annotator"] for s in record["spans"]} == {"boris"}


def test_bad_input_is_one_line_and_exit_2(review_case, tmp_path, razmetka):
    shutil.copy(review_case / "anna.db", tmp_path / "anna.db")
    missing = razmetka("merge", "anna.db", "nothere.db", "--into", "review.db")
    assert missing.returncode == 2 and missing.stderr.strip() == "razmetka: nothere.db: no such file"
    assert not (tmp_path / "review.db").exists()  # nothing half-written
    alone = razmetka("agreement", "anna.db")
    assert alone.returncode == 2 and "no document has two annotators' layers" in alone.stderr
    assert razmetka("agreement", "nope.db").returncode == 2
    unwritable = razmetka("report", "anna.db", "--csv", str(tmp_path / "anna.db" / "x.csv"))  # a file as folder
    assert unwritable.returncode == 2 and len(unwritable.problems) == 1
