"""Label Studio: both variants through a real server's REST API, then its JSON and JSON_MIN exports back.

    python benchmarks/interop/labelstudio_check.py --label-studio /path/to/ls-venv/bin/label-studio

It starts Label Studio on a free loopback port with a fresh data directory and a
user token (or uses ``--url`` and ``--token`` of a running one), and for the text
and the dialogue variant: creates a project from the exported config, imports the
tasks, reads every task back through the API and compares each region with what
was sent, then exports ``JSON`` and ``JSON_MIN`` and imports both into new
razmetka projects, comparing (start, end, label, annotator) with the original.
What cannot come back is expected to be named in razmetka's report: predictions
that Label Studio's JSON export lists only by id, and in JSON_MIN (which drops
region ids) the layers, which come back as Label Studio's user.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from common import compare, dropped_lines, original_project, razmetka, relative_spans, row, spans_of, tool_version

TOKEN = "0123456789abcdef0123456789abcdef01234567"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Api:
    def __init__(self, url: str, token: str) -> None:
        self.url, self.token = url.rstrip("/"), token

    def call(self, method: str, path: str, body: object = None) -> object:
        data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Authorization", f"Token {self.token}")
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=300) as response:
            raw = response.read()
        return json.loads(raw) if raw else None

    def wait(self, seconds: int) -> bool:
        end = time.time() + seconds
        while time.time() < end:
            try:
                urllib.request.urlopen(self.url + "/health", timeout=5)
                return True
            except (urllib.error.URLError, OSError):
                time.sleep(2)
        return False


def start(label_studio: str, data: Path) -> tuple[subprocess.Popen, Api]:
    port = free_port()
    env = dict(os.environ, LABEL_STUDIO_BASE_DATA_DIR=str(data), LABEL_STUDIO_LOCAL_FILES_SERVING_ENABLED="false")
    command = [
        label_studio, "start", "--no-browser", "--host", "127.0.0.1", "--port", str(port), "--data-dir", str(data),
        "--username", "interop@example.org", "--password", "interop-check-1", "--user-token", TOKEN,
    ]  # fmt: skip
    log = open(data / "server.log", "w")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    return process, Api(f"http://127.0.0.1:{port}", TOKEN)


ENABLE_TOKENS = """
import django
django.setup()
from jwt_auth.models import JWTSettings
from organizations.models import Organization
for org in Organization.objects.all():
    settings, _ = JWTSettings.objects.get_or_create(organization=org)
    settings.legacy_api_tokens_enabled = True
    settings.save()
"""


def allow_token(label_studio: str, data: Path) -> None:
    """Label Studio 1.23 turns the legacy user token off for a new organization; this script's user needs it."""
    python = Path(label_studio).with_name("python")
    package = subprocess.run(
        [python, "-c", "import label_studio, os; print(os.path.dirname(label_studio.__file__))"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    env = dict(
        os.environ,
        LABEL_STUDIO_BASE_DATA_DIR=str(data),
        DJANGO_SETTINGS_MODULE="core.settings.label_studio",
        PYTHONPATH=package,
    )
    subprocess.run([python, "-c", ENABLE_TOKENS], env=env, capture_output=True, timeout=600, check=True)


def regions_sent(tasks: list[dict]) -> list[tuple]:
    found = []
    for task in tasks:
        for key in ("annotations", "predictions"):
            for item in task.get(key) or []:
                for r in item["result"]:
                    found.append((r["id"], json.dumps(r["value"], sort_keys=True, ensure_ascii=False)))
    return sorted(found)


def run_variant(api: Api, tmp: Path, db: Path, name: str, dialogue: bool, version: str) -> bool:
    out = tmp / f"{name}.json"
    extra = ["--labelstudio-dialogue"] if dialogue else []
    exported = razmetka("export", "--format", "labelstudio", *extra, "--out", out, "--db", db)
    config = (tmp / ("label_config_dialogue.xml" if dialogue else "label_config.xml")).read_text(encoding="utf-8")
    tasks = json.loads(out.read_text(encoding="utf-8"))
    project = api.call("POST", "/api/projects", {"title": f"razmetka {name}", "label_config": config})
    api.call("POST", f"/api/projects/{project['id']}/import", tasks)
    snapshot = api.call("GET", f"/api/projects/{project['id']}/export?exportType=JSON&download_all_tasks=true")
    full = []
    for task in snapshot:
        full.append(
            {
                "annotations": api.call("GET", f"/api/tasks/{task['id']}/annotations/"),
                "predictions": [api.call("GET", f"/api/predictions/{p}/") for p in task.get("predictions", [])],
            }
        )
    stored_same = regions_sent(full) == regions_sent(tasks)
    print(f"    {name}: {len(snapshot)} task(s); every region stored as sent: {stored_same}")
    ok = stored_same
    measure = relative_spans if dialogue else spans_of  # a dialogue comes back as a document of its turns
    people = measure(db, people_only=True)
    for kind in ("JSON", "JSON_MIN"):
        data = api.call("GET", f"/api/projects/{project['id']}/export?exportType={kind}&download_all_tasks=true")
        path = tmp / f"{name}-{kind}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        new = tmp / f"{name}-{kind}.db"
        imported = razmetka("import", "--format", "labelstudio", path, "--db", new, check=False)
        got = measure(new)
        if kind == "JSON_MIN":  # no region ids: layers come back as the Label Studio user
            exact, lines = compare({s[:-1] for s in people}, {s[:-1] for s in got})
        else:
            exact, lines = compare(people, got)
        for line in lines:
            print(f"    {line}")
        said = dropped_lines(exported.stdout + imported.stdout)
        label = f"labelstudio{' --labelstudio-dialogue' if dialogue else ''} via {kind}"
        row(label, version, imported.returncode == 0 and stored_same, exact, said)
        ok &= exact
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label-studio", help="the label-studio command of the venv where it is installed")
    parser.add_argument("--url", help="a running Label Studio instead")
    parser.add_argument("--token", default=TOKEN)
    parser.add_argument("--wait", type=int, default=600, help="seconds to wait for the server to start")
    args = parser.parse_args()
    python = str(Path(args.label_studio).with_name("python")) if args.label_studio else sys.executable
    version = f"Label Studio {tool_version(python, 'label-studio')}"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        process = None
        if args.url:
            api = Api(args.url, args.token)
        else:
            (tmp / "ls-data").mkdir()
            process, api = start(args.label_studio, tmp / "ls-data")
        try:
            if not api.wait(args.wait):
                print(f"    Label Studio did not answer within {args.wait} s")
                row("labelstudio", version, False, False, "-")
                return 1
            if process is not None:
                allow_token(args.label_studio, tmp / "ls-data")
            db = original_project(tmp)
            ok = run_variant(api, tmp, db, "text", False, version)
            ok &= run_variant(api, tmp, db, "dialogue", True, version)
        finally:
            if process is not None:
                process.terminate()
                process.wait(timeout=60)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
