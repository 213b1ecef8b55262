"""A few trials of each kind from benchmarks/bench_reliability.py: kill -9 loses nothing; two writers wait."""

import importlib.util
import random
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_reliability.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_reliability", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("kind", ["kill_import_trials", "kill_edit_trials", "kill_export_trials"])
def test_a_kill_loses_nothing_acknowledged_and_leaves_nothing_half_written(bench, tmp_path, kind):
    outcome = getattr(bench, kind)(tmp_path, 2, False, random.Random(1))
    assert (outcome.trials, outcome.failures, outcome.lost) == (2, 0, 0), outcome.notes


def test_two_imports_into_one_new_project_both_succeed(bench, tmp_path):
    outcome = bench.two_writer_trials(tmp_path, 1, False)
    assert (outcome.trials, outcome.failures, outcome.lost) == (1, 0, 0), outcome.notes
