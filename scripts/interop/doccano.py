"""doccano: a real doccano server (web server and task queue) is given Daftar's `doccano` export
in a sequence-labelling project with the settings `doccano-README.txt` asks for, doccano's own
JSONL export is imported back into Daftar, and the spans compared one by one. The same file in a
project left at doccano's defaults shows what the README warns of (overlapping spans dropped
without a word); one with grapheme counting on shows that import and export keep the offsets
(that setting shifts spans in doccano's editor, which this script does not drive). Those two are
reported, not required.

    python3 -m venv /tmp/daftar-interop/venv-doccano
    /tmp/daftar-interop/venv-doccano/bin/pip install doccano==1.8.4 "marshmallow<4" "numpy<2" requests

(doccano 1.8.4 pins environs 9 and pandas 1.5, which break with marshmallow 4 and numpy 2.)
    /tmp/daftar-interop/venv-doccano/bin/python scripts/interop/doccano.py
"""

import io
import os
import subprocess
import sys
import time
import zipfile

import requests

from common import WORK, compare, daftar, export, fresh, inputs, round_trip, span_set

PORT = 8092
URL = f"http://127.0.0.1:{PORT}"
SESSION = requests.Session()


def doccano_command(*args, env, log=None):
    command = [os.path.join(os.path.dirname(sys.executable), "doccano"), *args]
    if log is None:
        subprocess.run(command, env=env, check=True, capture_output=True)
        return None
    return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)


def start():
    data = fresh("doccano-data")
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{data / 'db.sqlite3'}", MEDIA_ROOT=str(data / "media"))
    doccano_command("init", env=env)
    doccano_command("createuser", "--username", "admin", "--password", "interop-password", env=env)
    log = open(WORK / "doccano.log", "w")
    servers = [
        doccano_command("webserver", "--port", str(PORT), "--workers", "1", env=env, log=log),
        doccano_command("task", "--concurrency", "1", env=env, log=log),
    ]
    for _ in range(120):
        try:
            if requests.get(f"{URL}/v1/health/", timeout=2).status_code < 500:
                break
        except requests.ConnectionError:
            pass
        time.sleep(1)
    key = SESSION.post(f"{URL}/v1/auth/login/", json={"username": "admin", "password": "interop-password"}).json()["key"]
    # The token alone: with the login's session cookie, doccano asks for a CSRF token too.
    SESSION.cookies.clear()
    SESSION.headers["Authorization"] = f"Token {key}"
    return servers


def api(method, path, **kwargs):
    response = SESSION.request(method, URL + path, timeout=120, **kwargs)
    if not response.ok:
        sys.exit(f"{method} {path}: {response.status_code} {response.text[:500]}")
    return response


def wait(task_id):
    for _ in range(300):
        status = api("GET", f"/v1/tasks/status/{task_id}").json()
        if status.get("ready"):
            return status.get("result") or {}
        time.sleep(1)
    sys.exit(f"doccano task {task_id} did not finish")


def through_doccano(name, source, allow_overlapping, grapheme_mode):
    """Imports `source` into a new project with these settings; returns doccano's export."""
    project = api("POST", "/v1/projects", json={
        "name": name, "description": "Daftar interop check", "guideline": "",
        "project_type": "SequenceLabeling", "resourcetype": "SequenceLabelingProject",
        "allow_overlapping": allow_overlapping, "grapheme_mode": grapheme_mode,
        "use_relation": False, "random_order": False, "collaborative_annotation": False,
    }).json()
    pid = project["id"]
    with open(source, "rb") as f:
        upload = api("POST", "/v1/fp/process/", files={"filepond": ("doccano.jsonl", f, "application/octet-stream")}).text
    task = api("POST", f"/v1/projects/{pid}/upload", json={
        "format": "JSONL", "task": "SequenceLabeling", "uploadIds": [upload],
        "column_data": "text", "column_label": "label", "encoding": "utf_8", "delimiter": ",",
    }).json()["task_id"]
    errors = wait(task).get("error", [])
    if errors:
        print(f"  doccano's import reported {len(errors)} errors: {errors[:3]}")
    task = api("POST", f"/v1/projects/{pid}/download", json={"format": "JSONL", "exportApproved": False}).json()["task_id"]
    wait(task)
    archive = api("GET", f"/v1/projects/{pid}/download", params={"taskId": task}).content
    lines = []
    with zipfile.ZipFile(io.BytesIO(archive)) as z:
        for member in z.namelist():
            if member.endswith(".jsonl"):
                lines += z.read(member).decode("utf-8").splitlines()
    out = WORK / f"{name}-doccano-export.jsonl"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def check(name, project):
    folder = export(project, "doccano", f"{name}-doccano")
    readme = (folder / "doccano-README.txt").read_text(encoding="utf-8")
    overlapping = "Allow overlapping spans: ON" in readme
    print(f"{name}: the export asks for overlapping spans {'on' if overlapping else 'on or off'}")
    recommended = through_doccano(f"{name}-recommended", folder / "doccano.jsonl", True, False)
    ok = round_trip(f"doccano ({name}, the README's settings)", project, recommended)
    for label, overlap, grapheme in [("doccano's defaults", False, False), ("grapheme counting on", True, True)]:
        tag = label.split("'")[0].split(" ")[0]
        other = through_doccano(f"{name}-{tag}", folder / "doccano.jsonl", overlap, grapheme)
        back = WORK / f"{name}-{tag}-back.daftar"
        subprocess.run(["rm", "-rf", str(back)], check=True)
        daftar("import", other, "-o", back, check=False)
        if back.exists():
            compare(f"  (reported only) doccano ({name}, {label})",
                    span_set(export(project, "jsonl", f"{name}-{tag}-before")),
                    span_set(export(back, "jsonl", f"{name}-{tag}-after")))
    return ok


def main():
    from importlib.metadata import version

    print(f"doccano {version('doccano')}")
    servers = start()
    try:
        results = [check(name, project) for name, project in inputs()]
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
