"""``razmetka agreement``: how far the annotators of a merged project agree."""

from __future__ import annotations

import argparse
import json

from annotation.agreement import agreement
from storage import StorageError
from storage.review import all_layers

from .review_cmd import add_project_argument, figure, open_review_project, print_table


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "agreement",
        parents=[common],
        help="agreement between annotators: span F1, token kappa and alpha, speaker turns",
    )
    add_project_argument(p)
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_review_project(args) as project:
        layers = all_layers(project)
        path = project.path
    if not any(len(doc.annotators) >= 2 for doc in layers):
        raise StorageError(f"{path}: no document has two annotators' layers; `razmetka merge A.db B.db --into {path}`")
    data = agreement(layers)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print("Spans, exact match (A is the reference):")
    rows = []
    for pair in data["pairs"]:
        for label, s in pair["labels"].items():
            rows.append((pair["a"], pair["b"], label, figure(s["precision"]), figure(s["recall"]), figure(s["f1"]), ""))
        rows.append((pair["a"], pair["b"], "all", "", "", figure(pair["overall_f1"]), figure(pair["kappa"])))
    print_table(("A", "B", "LABEL", "PRECISION", "RECALL", "F1", "TOKEN KAPPA"), rows)
    print(f"Krippendorff's alpha over tokens (nominal): {figure(data['alpha'])}")
    print("Speaker turns:")
    print_table(
        ("A", "B", "BOUNDARY P", "BOUNDARY R", "BOUNDARY F1", "SAME SPEAKER", "CHARACTERS"),
        [_turn_row(t) for t in data["turns"]["pairs"]],
    )
    print("Per document:")
    rows = []
    for doc_id, doc in data["documents"].items():
        turns = {(t["a"], t["b"]): t for t in doc["turns"]["pairs"]}
        for pair in doc["pairs"]:
            t = turns.get((pair["a"], pair["b"]))
            rows.append(
                (
                    doc_id,
                    pair["a"],
                    pair["b"],
                    figure(pair["overall_f1"]),
                    figure(pair["kappa"]),
                    figure(doc["alpha"]),
                    figure(t["same_speaker"]) if t else "",
                    doc["title"],
                )
            )
    print_table(("DOCUMENT", "A", "B", "SPAN F1", "KAPPA", "ALPHA", "SAME SPEAKER", "TITLE"), rows)
    return 0


def _turn_row(t: dict) -> tuple[str, ...]:
    b = t["boundary"] or {}
    return (
        t["a"],
        t["b"],
        figure(b.get("precision")),
        figure(b.get("recall")),
        figure(b.get("f1")),
        figure(t["same_speaker"]),
        str(t["characters"]),
    )
