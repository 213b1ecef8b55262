from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def _command() -> list[str]:
    script = Path(sys.executable).with_name("razmetka")
    if script.exists():
        return [str(script)]
    found = shutil.which("razmetka")
    return [found] if found else [sys.executable, "-m", "cli"]


def split_stderr(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    """Set ``result.project`` (the ``project: …`` line a writing command prints first, or None)
    and ``result.problems`` (the other stderr lines)."""
    lines = result.stderr.strip().splitlines()
    result.project = lines.pop(0) if lines and lines[0].startswith("project: ") else None
    result.problems = lines
    return result


@pytest.fixture
def razmetka(tmp_path):
    """Run the installed ``razmetka`` command; returns a CompletedProcess with text output,
    and ``project`` and ``problems`` as :func:`split_stderr` sets them."""

    def run(
        *args: str, check: bool = False, cwd: Path | None = None, env_extra: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess:
        env = dict(os.environ)
        env["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")  # never touch the real default project
        env.pop("DISPLAY", None)
        env.pop("RAZMETKA_DB", None)
        env.update(env_extra or {})
        result = subprocess.run(
            [*_command(), *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=cwd or tmp_path,
            timeout=240,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}")
        return split_stderr(result)

    return run


@pytest.fixture
def razmetka_command(tmp_path) -> tuple[list[str], dict[str, str]]:
    """The command line and environment ``razmetka`` runs with, for tests that need their own process."""
    env = dict(os.environ)
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")
    env.pop("DISPLAY", None)
    env.pop("RAZMETKA_DB", None)
    return _command(), env


@pytest.fixture
def on_a_terminal(razmetka_command, tmp_path):
    """``on_a_terminal(*args)``: run ``razmetka`` with a pseudo-terminal as its output; returns what it showed."""
    import pty

    def run(*args: str) -> str:
        argv, env = razmetka_command
        controller, terminal = pty.openpty()
        with subprocess.Popen(
            [*argv, *args], stdin=subprocess.DEVNULL, stdout=terminal, stderr=terminal, env=env, cwd=tmp_path
        ) as process:
            os.close(terminal)
            seen = b""
            while True:
                try:
                    chunk = os.read(controller, 4096)
                except OSError:  # the terminal closes when the process ends
                    break
                if not chunk:
                    break
                seen += chunk
            assert process.wait(timeout=120) == 0
        os.close(controller)
        return seen.decode("utf-8", "replace")

    return run
