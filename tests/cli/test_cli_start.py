"""The command starts fast (issue 14): help imports no subcommand, no command loads pandas,
and a single file's import shows a bar over its turns in a terminal."""

from __future__ import annotations

import subprocess
import sys

from cli.main import COMMANDS, build_parser

# Runs the real entry point, then says which heavy modules the process had loaded.
PROBE = """
import sys
from cli.main import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
heavy = sorted(m for m in ("pandas", "numpy", "sqlite_utils", "natasha", "PySide6") if m in sys.modules)
print("LOADED:" + ",".join(heavy), file=sys.stderr)
sys.exit(code)
"""


def _loaded(razmetka_command, *args: str) -> tuple[int, str, set[str]]:
    _, env = razmetka_command
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, timeout=120)
    line = [x for x in result.stderr.splitlines() if x.startswith("LOADED:")][-1]
    return result.returncode, result.stdout, set(filter(None, line.removeprefix("LOADED:").split(",")))


def test_help_imports_no_subcommand_and_no_storage(razmetka_command):
    code, out, loaded = _loaded(razmetka_command, "--help")
    assert code == 0 and all(name in out for name in COMMANDS)
    assert loaded == set()


def test_list_opens_the_project_without_pandas_or_numpy(razmetka_command, tmp_path):
    code, out, loaded = _loaded(razmetka_command, "list", "--db", str(tmp_path / "new.db"))
    assert code == 2  # no such project: the error path runs the same imports
    assert loaded == {"sqlite_utils"}


def test_each_command_s_line_in_the_help_is_the_one_its_module_registers():
    assert build_parser("").format_help() == build_parser(None).format_help()


def test_one_file_on_a_terminal_gets_a_bar_over_its_turns(on_a_terminal, sample_copy, tmp_path):
    shown = on_a_terminal("import", str(sample_copy), "--db", str(tmp_path / "tty.db"))
    assert "20/20" in shown and "turn" in shown and "imported " in shown
