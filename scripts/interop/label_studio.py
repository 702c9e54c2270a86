"""Label Studio: a real Label Studio server on 127.0.0.1 is given Daftar's `label-studio` export
(the labelling config and the tasks), its own JSON export is imported back into Daftar, and the
spans compared one by one. Also checked: a task Daftar exported without spans is not counted as
labelled, so Label Studio's next-task still offers it.

    python3 -m venv /tmp/daftar-interop/venv-ls
    /tmp/daftar-interop/venv-ls/bin/pip install label-studio==1.23.2 requests
    /tmp/daftar-interop/venv-ls/bin/python scripts/interop/label_studio.py
"""

import json
import os
import subprocess
import sys
import time

import requests

from common import WORK, export, fresh, inputs, round_trip

PORT = 8091
URL = f"http://127.0.0.1:{PORT}"
TOKEN = "daftar0interop0token0000000000000000000000"
EMAIL, PASSWORD = "interop@daftar.local", "interop-password"
# Label Studio 1.23 turns legacy tokens off for new organizations: a browser's session instead.
SESSION = requests.Session()


def start_server():
    data = fresh("ls-data")
    env = dict(
        os.environ,
        LABEL_STUDIO_BASE_DATA_DIR=str(data),
        LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK="true",
    )
    log = open(WORK / "label-studio.log", "w")
    server = subprocess.Popen(
        [os.path.join(os.path.dirname(sys.executable), "label-studio"), "start",
         "--no-browser", "--host", "127.0.0.1", "--port", str(PORT),
         "--username", EMAIL, "--password", PASSWORD,
         "--user-token", TOKEN],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    for _ in range(240):
        try:
            if requests.get(f"{URL}/health", timeout=2).ok:
                log_in()
                return server
        except requests.ConnectionError:
            pass
        if server.poll() is not None:
            sys.exit(f"Label Studio stopped: see {WORK / 'label-studio.log'}")
        time.sleep(1)
    server.kill()
    sys.exit("Label Studio did not start in 4 minutes")


def log_in():
    SESSION.get(f"{URL}/user/login/", timeout=30)
    csrf = SESSION.cookies.get("csrftoken")
    SESSION.post(
        f"{URL}/user/login/",
        data={"email": EMAIL, "password": PASSWORD, "csrfmiddlewaretoken": csrf},
        headers={"Referer": f"{URL}/user/login/"},
        timeout=30,
    )


def api(method, path, **kwargs):
    headers = {"X-CSRFToken": SESSION.cookies.get("csrftoken", ""), "Referer": URL + "/"}
    response = SESSION.request(method, URL + path, headers=headers, timeout=120, **kwargs)
    if not response.ok:
        sys.exit(f"{method} {path}: {response.status_code} {response.text[:500]}")
    return response


def check(name, project):
    folder = export(project, "label-studio", f"{name}-label-studio")
    config = (folder / "label-studio-config.xml").read_text(encoding="utf-8")
    tasks = json.loads((folder / "label-studio.json").read_text(encoding="utf-8"))
    created = api("POST", "/api/projects", json={"title": f"daftar {name}", "label_config": config}).json()
    pid = created["id"]
    api("POST", f"/api/projects/{pid}/import", json=tasks)
    listed = api("GET", "/api/tasks", params={"project": pid, "page_size": 1000}).json()
    listed = listed["tasks"] if isinstance(listed, dict) else listed
    unlabelled = sum(1 for t in tasks if not t["annotations"])
    labelled_in_ls = sum(1 for t in listed if t.get("is_labeled"))
    print(f"{name}: {len(listed)} tasks in Label Studio, {labelled_in_ls} of them labelled, "
          f"{unlabelled} exported without spans")
    ok = labelled_in_ls == len(tasks) - unlabelled
    if unlabelled:
        following = api("GET", f"/api/projects/{pid}/next")
        offered = following.status_code == 200 and "data" in following.json()
        print(f"  next task offered: {offered}")
        ok = ok and offered
    # Label Studio leaves unlabelled tasks out of its export unless asked.
    exported = api(
        "GET", f"/api/projects/{pid}/export", params={"exportType": "JSON", "download_all_tasks": "true"}
    )
    back = WORK / f"{name}-label-studio-export.json"
    back.write_bytes(exported.content)
    return round_trip(f"label studio ({name})", project, back) and ok


def main():
    server = start_server()
    try:
        from importlib.metadata import version

        print(f"Label Studio {version('label-studio')}")
        results = [check(name, project) for name, project in inputs()]
    finally:
        server.terminate()
        server.wait(timeout=30)
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
