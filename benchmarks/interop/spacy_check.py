"""spaCy: ``spacy convert -c ner`` on the CoNLL export, and a 20-step ``spacy train`` on the DocBin.

    python benchmarks/interop/spacy_check.py

Needs spaCy (the ``interop`` extra).  The CoNLL file of several documents must
convert to as many spaCy documents (the ``-DOCSTART- -X- O O`` line) with every
outermost span as an entity; the ``--split`` spaCy export's ``train.spacy`` and
``dev.spacy`` must train as they are, with a config from ``spacy init config``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from common import TRANSCRIPT, dropped_lines, razmetka, row, spans_of, tool_version

from annotation.formats import jsonl
from annotation.formats.tokens import outermost


def project_of_copies(folder: Path, copies: int) -> Path:
    """The transcript under several ids (the text a little different each time, so each is its own document)."""
    (doc,) = jsonl.read(TRANSCRIPT)
    rows = []
    for n in range(copies):
        record = jsonl.to_record(doc)
        record["id"] = f"copy{n}"
        record["text"] = doc.text + " " * n  # trailing spaces: same spans, another text
        rows.append(record)
    path = folder / "copies.jsonl"
    path.write_text("".join(jsonl.json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    db = folder / "copies.db"
    razmetka("import", "--format", "jsonl", path, "--db", db)
    return db


def spacy(*args: str | Path) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "spacy", *map(str, args)], capture_output=True, text=True)
    tail = (result.stdout + result.stderr).strip().splitlines()[-6:]
    for line in tail:
        print(f"    > {line}")
    return result


def main() -> int:
    import spacy as spacy_module
    from spacy.tokens import DocBin

    version = f"spaCy {tool_version(sys.executable, 'spacy')}"
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = project_of_copies(tmp, 6)
        # CoNLL -> spacy convert
        conll = tmp / "all.conll"
        exported = razmetka("export", "--format", "conll", "--out", conll, "--db", db)
        converted = tmp / "converted"
        converted.mkdir()
        result = spacy("convert", "-c", "ner", "-l", "ru", conll, converted)
        docs = list(DocBin().from_disk(converted / "all.spacy").get_docs(spacy_module.blank("ru").vocab))
        expected = {(s, e, label) for s, e, label, _ in spans_of(db)}
        kept, _ = outermost([type("S", (), {"start": s, "end": e, "label": label})() for s, e, label in expected])
        ents = {(e.start_char, e.end_char, e.label_) for d in docs[:1] for e in d.ents}
        # spacy convert joins tokens by spaces, so offsets are compared by entity text and label instead.
        texts = sorted((e.text, e.label_) for e in docs[0].ents) if docs else []
        (doc,) = jsonl.read(TRANSCRIPT)
        want = sorted((" ".join(doc.text[s.start : s.end].split()), s.label) for s in kept)
        loads = result.returncode == 0 and len(docs) == 6
        exact = texts == want
        print(f"    spacy convert: {len(docs)} documents (want 6); entities of the first: {len(ents)}")
        row("conll", f"{version} convert -c ner", loads, exact, dropped_lines(exported.stdout))
        ok &= loads and exact
        # DocBin -> spacy train
        split = tmp / "split"
        exported = razmetka("export", "--format", "spacy", "--split", "60/20/20", "--out", split, "--db", db)
        train = list(DocBin().from_disk(split / "train.spacy").get_docs(spacy_module.blank("ru").vocab))
        got = {(e.start_char, e.end_char, e.label_) for e in train[0].spans["sc"]}
        exact = got == expected
        config = tmp / "config.cfg"
        spacy("init", "config", "-l", "ru", "-p", "ner", "-F", config)
        result = spacy(
            "train", config, "--paths.train", split / "train.spacy", "--paths.dev", split / "dev.spacy",
            "--training.max_steps", "20", "--training.eval_frequency", "10", "--output", tmp / "model",
        )  # fmt: skip
        loads = result.returncode == 0 and (tmp / "model" / "model-last").is_dir()
        row("spacy (DocBin)", f"{version} train, 20 steps", loads, exact, dropped_lines(exported.stdout))
        ok &= loads and exact
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
