"""Which project a command uses: ``--db``, else ``RAZMETKA_DB``, else the default project, the
same in the CLI and the window; and every command that writes or exports says which, first,
on stderr.  Only the window opened with no files may reopen the project it showed last."""

from __future__ import annotations

import json
import select
import shutil
import subprocess
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
FILE = DATA / "colon_qa_ru.md"


def _default(tmp_path: Path) -> Path:
    return tmp_path / "xdg-data" / "razmetka" / "project.db"


def _titles(razmetka, db: Path) -> str:
    return razmetka("list", "--db", str(db), check=True).stdout


def test_razmetka_db_is_used_when_there_is_no_db_option(razmetka, tmp_path):
    env_db = tmp_path / "from-env.db"
    result = razmetka("import", str(FILE), "--no-ner", env_extra={"RAZMETKA_DB": str(env_db)}, check=True)
    assert result.project == f"project: {env_db} (from RAZMETKA_DB)"
    assert "colon_qa_ru" in _titles(razmetka, env_db)
    assert not _default(tmp_path).exists()
    # list reads the same project by the same rule, and prints no project line (it writes nothing)
    listed = razmetka("list", env_extra={"RAZMETKA_DB": str(env_db)}, check=True)
    assert "colon_qa_ru" in listed.stdout and listed.stderr == ""


def test_db_option_beats_razmetka_db_and_a_relative_path_is_shown_absolute(razmetka, tmp_path):
    env_db = tmp_path / "from-env.db"
    result = razmetka(
        "import", str(FILE), "--no-ner", "--db", "here.db", env_extra={"RAZMETKA_DB": str(env_db)}, check=True
    )
    assert result.project == f"project: {tmp_path / 'here.db'} (from --db)"
    assert (tmp_path / "here.db").exists() and not env_db.exists()


def test_without_either_the_default_project_is_used_and_named(razmetka, tmp_path):
    result = razmetka("import", str(FILE), "--no-ner", "--json", env_extra={"RAZMETKA_DB": ""}, check=True)
    assert result.project == f"project: {_default(tmp_path)} (the default project)"
    assert json.loads(result.stdout)["imported"]  # --json keeps stdout one JSON object
    assert result.problems == []


def test_export_and_dataset_import_name_the_project_first(razmetka, tmp_path):
    db = tmp_path / "p.db"
    razmetka("import", str(FILE), "--no-ner", "--db", str(db), check=True)
    env = {"RAZMETKA_DB": str(db)}
    out = tmp_path / "out.jsonl"
    exported = razmetka("export", "--format", "jsonl", "--out", str(out), env_extra=env, check=True)
    assert exported.project == f"project: {db} (from RAZMETKA_DB)" and out.exists()
    other = tmp_path / "other.db"
    imported = razmetka("import", "--format", "jsonl", str(out), "--db", str(other), check=True)
    assert imported.project == f"project: {other} (from --db)"
    missing = razmetka("export", "--format", "jsonl", "--out", str(out), env_extra={"RAZMETKA_DB": "nope.db"})
    assert missing.returncode == 2
    assert missing.project == f"project: {tmp_path / 'nope.db'} (from RAZMETKA_DB)"
    (line,) = missing.problems
    assert "nope.db: no project file here" in line and not (tmp_path / "nope.db").exists()


# -- the window ----------------------------------------------------------------------------


@pytest.fixture
def window_env(razmetka_command, tmp_path):
    """The window's environment, with a QSettings file that says another project was open last."""
    argv, env = razmetka_command
    env = dict(env, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    last = tmp_path / "someone-else.db"
    shutil.copy(_built_project(tmp_path), last)
    conf = tmp_path / "config" / "Razmetka" / "Razmetka.conf"
    conf.parent.mkdir(parents=True)
    conf.write_text(f"[session]\nlast_project={last}\n", "utf-8")
    return argv, env, last


def _built_project(tmp_path: Path) -> Path:
    from annotation.importing import ImportOptions
    from storage import Project, import_into

    db = tmp_path / "built" / "p.db"
    db.parent.mkdir()
    with Project(db, create=True) as project:
        import_into(project, [DATA / "name_line_en.txt"], ImportOptions(ner=False))
    return db


def _first_stderr_line(command: list[str], env: dict[str, str], cwd: Path) -> str:
    """Start the window, read the first line it writes to stderr, then end that process."""
    process = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd
    )
    try:
        ready, _, _ = select.select([process.stderr], [], [], 120)
        assert ready, "the window printed nothing in 120 s"
        return process.stderr.readline().decode("utf-8").rstrip("\n")
    finally:
        process.kill()
        process.wait(timeout=30)
        process.stderr.close()


def test_open_with_a_file_never_imports_into_the_project_the_window_used_last(window_env, tmp_path):
    argv, env, last = window_env
    before = last.read_bytes()
    line = _first_stderr_line([*argv, "open", str(FILE)], env, tmp_path)
    assert line == f"project: {_default(tmp_path)} (the default project)"
    assert last.read_bytes() == before
    env_db = tmp_path / "env.db"
    line = _first_stderr_line([*argv, "open", str(FILE)], dict(env, RAZMETKA_DB=str(env_db)), tmp_path)
    assert line == f"project: {env_db} (from RAZMETKA_DB)"
    assert last.read_bytes() == before


def test_bare_razmetka_may_reopen_the_last_project_but_the_rule_comes_first(window_env, tmp_path):
    argv, env, last = window_env
    assert _first_stderr_line(argv, env, tmp_path) == f"project: {last} (the project open last time)"
    env_db = tmp_path / "env.db"
    line = _first_stderr_line(argv, dict(env, RAZMETKA_DB=str(env_db)), tmp_path)
    assert line == f"project: {env_db} (from RAZMETKA_DB)"
    line = _first_stderr_line([*argv, "--db", str(tmp_path / "given.db")], env, tmp_path)
    assert line == f"project: {tmp_path / 'given.db'} (from --db)"
