"""Speaker turns against gold: how many turns of real-shaped transcripts come out right.

    python benchmarks/bench_turns.py DIR [--verbose]

Every transcript under DIR (recursively) that has a gold file beside it is imported
(read and parsed, no NER).  The gold file is ``NAME.gold.json`` (``NAME`` the file's
whole name, e.g. ``talk_en.md.gold.json``, or its stem, ``talk_en.gold.json``): the
ordered list of ``[speaker, first words]`` of the turns, narration included.

How a turn is judged:

- Consecutive turns of one speaker are one turn, on both sides (a speaker's run).
- A gold turn is *found* when a detected turn's speech opens with its first words
  (compared word by word, ignoring case, ё/е, punctuation and emphasis), in order,
  and the detected turn ends where the next gold turn starts (no stray split).
- Speakers must be *consistent*: gold speakers are mapped one to one onto detected
  speakers (the mapping that agrees with most found turns); a found turn counts
  only if its detected speaker is its gold speaker's image.

It prints per file and in total the share of gold turns right, the speakers found
against the gold, and the files flagged low-confidence (confidence under 0.5),
beside the target.  A script that prints figures, not a test; the tests call
:func:`score_corpus` on tests/data.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotation.importing import build_document  # noqa: E402
from annotation.readers import SUPPORTED_SUFFIXES, read  # noqa: E402

TARGET = 0.95
LOW = 0.5
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return [w.lower().replace("ё", "е") for w in _WORD.findall(text.replace("_", " "))]


@dataclass
class FileScore:
    file: str
    gold_turns: int
    right: int
    gold_speakers: int
    found_speakers: int
    found_turns: int
    confidence: float
    layout: str
    sections: list = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.right / self.gold_turns if self.gold_turns else 1.0

    @property
    def flagged(self) -> bool:
        return self.confidence < LOW


def gold_file(path: Path) -> Path | None:
    for candidate in (path.with_name(path.name + ".gold.json"), path.with_suffix(".gold.json")):
        if candidate.exists():
            return candidate
    return None


def _runs(items: list[tuple[str, list[str]]]) -> list[tuple[str, list[str], int]]:
    """Merge consecutive items of one speaker; keep the index of the first of each run."""
    runs: list[tuple[str, list[str], int]] = []
    for index, (speaker, first) in enumerate(items):
        if runs and runs[-1][0] == speaker:
            continue
        runs.append((speaker, first, index))
    return runs


def _assignment(pairs: Counter) -> dict[str, str]:
    """A one-to-one mapping gold speaker → found speaker with the most agreeing turns (exact, small)."""
    gold = sorted({g for g, _ in pairs})
    found = sorted({f for _, f in pairs})
    best: dict[str, str] = {}
    best_score = -1

    def search(i: int, used: set[str], current: dict[str, str], score: int) -> None:
        nonlocal best, best_score
        if i == len(gold):
            if score > best_score:
                best, best_score = dict(current), score
            return
        remaining = sum(max((pairs[(g, f)] for f in found), default=0) for g in gold[i:])
        if score + remaining <= best_score:
            return
        options = sorted(found, key=lambda f: -pairs[(gold[i], f)])
        for f in options:
            if f in used or not pairs[(gold[i], f)]:
                continue
            current[gold[i]] = f
            search(i + 1, used | {f}, current, score + pairs[(gold[i], f)])
            del current[gold[i]]
        search(i + 1, used, current, score)

    search(0, set(), {}, 0)
    return best


def score_document(doc, gold: list[list[str]], name: str = "") -> FileScore:
    found_items = [(t.speaker, words(doc.text[t.content_start : t.end])) for t in doc.turns]
    found = _runs(found_items)
    # A run's speech: the words from its first turn to the end of its last.
    run_words: list[list[str]] = []
    for k, (_speaker, _first, index) in enumerate(found):
        last = (found[k + 1][2] if k + 1 < len(found) else len(doc.turns)) - 1
        run_words.append(words(doc.text[doc.turns[index].content_start : doc.turns[last].end]))
    gold_runs = _runs([(speaker, words(first)) for speaker, first in gold])
    # Align in order: each gold run to the next found run opening with its first words.
    aligned: list[int | None] = []
    pointer = 0
    for _speaker, first, _index in gold_runs:
        match = next((j for j in range(pointer, len(found)) if run_words[j][: len(first)] == first), None)
        aligned.append(match)
        if match is not None:
            pointer = match + 1
    pairs: Counter = Counter()
    for (speaker, _first, _index), j in zip(gold_runs, aligned, strict=True):
        if j is not None:
            pairs[(speaker, found[j][0])] += 1
    mapping = _assignment(pairs)
    right = 0
    misses = []
    for i, ((speaker, first, _index), j) in enumerate(zip(gold_runs, aligned, strict=True)):
        ok = j is not None and mapping.get(speaker) == found[j][0]
        if ok:
            following = aligned[i + 1] if i + 1 < len(gold_runs) else len(found)
            ok = following == j + 1  # the found run ends where the next gold run starts
        if ok:
            right += 1
        else:
            got = found[j][0] if j is not None else "not found"
            misses.append(f"{speaker}: {' '.join(first)[:40]!r} → {got}")
    return FileScore(
        name,
        len(gold_runs),
        right,
        len({s for s, _ in gold}),
        len({t.speaker for t in doc.turns}),
        len(found),
        doc.source.confidence,
        doc.source.layout,
        misses=misses,
    )


def score_file(path: Path) -> FileScore:
    gold = json.loads(gold_file(path).read_text(encoding="utf-8"))
    doc = build_document(read(path), ner=False).document
    return score_document(doc, gold, str(path))


def transcripts(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES and p.is_file() and gold_file(p))


def score_corpus(root: Path) -> list[FileScore]:
    return [score_file(path) for path in transcripts(root)]


def total(scores: list[FileScore]) -> float:
    gold = sum(s.gold_turns for s in scores)
    return sum(s.right for s in scores) / gold if gold else 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--verbose", "-v", action="store_true", help="list the gold turns missed")
    args = parser.parse_args(argv)
    scores = score_corpus(args.dir)
    if not scores:
        print(f"no transcripts with gold files under {args.dir}", file=sys.stderr)
        return 2
    width = max(len(Path(s.file).name) for s in scores)
    print(f"{'file':{width}}  right/gold   share  speakers found/gold  confidence  layout")
    for s in scores:
        flag = "  LOW" if s.flagged else ""
        print(
            f"{Path(s.file).name:{width}}  {s.right:>4}/{s.gold_turns:<4}  {s.share:6.1%}  "
            f"{s.found_speakers:>10}/{s.gold_speakers:<8}  {s.confidence:10.2f}  {s.layout}{flag}"
        )
        if args.verbose:
            for miss in s.misses:
                print(f"    missed {miss}")
    gold = sum(s.gold_turns for s in scores)
    right = sum(s.right for s in scores)
    flagged = [Path(s.file).name for s in scores if s.flagged]
    exact = sum(s.found_speakers == s.gold_speakers for s in scores)
    print()
    print(f"files: {len(scores)}, gold turns: {gold}")
    print(f"turns right: {right}/{gold} = {total(scores):.1%} (target ≥ {TARGET:.0%})")
    print(f"files with as many speakers as the gold: {exact}/{len(scores)}")
    print(f"flagged low-confidence: {len(flagged)}" + (f" ({', '.join(flagged)})" if flagged else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
