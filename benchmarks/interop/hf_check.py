"""Hugging Face datasets: the ``hf`` export loaded with ``load_dataset``, its tags read back to spans.

    python benchmarks/interop/hf_check.py

Needs ``datasets`` (the ``interop`` extra).  Every sentence row loads with the
ClassLabel names from ``label_names.json``; the tags, mapped back to characters
through the ``.meta.jsonl`` side file, must give every outermost span.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from common import dropped_lines, original_project, razmetka, row, spans_of, tool_version

from annotation.formats.tokens import outermost, spans_from_tags
from annotation.model import Span


def main() -> int:
    from datasets import ClassLabel, Features, Sequence, Value, load_dataset

    version = f"datasets {tool_version(sys.executable, 'datasets')}"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = original_project(tmp)
        out = tmp / "hf" / "all.jsonl"
        exported = razmetka("export", "--format", "hf", "--out", out, "--db", db)
        names = json.loads((out.parent / "label_names.json").read_text(encoding="utf-8"))
        features = Features(
            {"id": Value("string"), "tokens": Sequence(Value("string")), "ner_tags": Sequence(ClassLabel(names=names))}
        )
        loaded = load_dataset("json", data_files=str(out), features=features, cache_dir=str(tmp / "cache"))["train"]
        side = [
            json.loads(line)
            for line in out.with_name("all.jsonl.meta.jsonl").read_text(encoding="utf-8").split("\n")
            if line
        ]
        offsets = [tuple(t) for t in side[0]["tokens"]]
        found, position = set(), 0
        for item in loaded:
            tokens = offsets[position : position + len(item["tokens"])]
            tags = [names[t] for t in item["ner_tags"]]
            found.update(spans_from_tags(tokens, tags))
            position += len(tokens)
        back = tmp / "back.db"
        imported = razmetka("import", "--format", "hf", out, "--db", back, "--annotator", "hf")
        back_spans = {(s, e, label) for s, e, label, _ in spans_of(back)}
        original = [Span(s, e, label, "x" * (e - s)) for s, e, label in {x[:3] for x in spans_of(db)}]
        kept = {x.key for x in outermost(original)[0]}
        exact = found == kept == back_spans and position == len(offsets)
        print(f"    {len(loaded)} rows; {len(found)} spans from the tags, {len(kept)} outermost in the original")
        row("hf", version, len(loaded) > 0, exact, dropped_lines(exported.stdout + imported.stdout))
        return 0 if exact else 1


if __name__ == "__main__":
    sys.exit(main())
