"""CSV: Daftar's `csv` export (plain and for Excel) validated by Frictionless against its own
`datapackage.json` (types, enums, primary and foreign keys), then read by pandas with the
declared types: CAMEO codes keep their zeros, integer columns stay integers with missing values,
and outcomes join meetings without suffixed columns.

    python3 -m venv /tmp/daftar-interop/venv-csv
    /tmp/daftar-interop/venv-csv/bin/pip install frictionless==5.21.0 pandas
    /tmp/daftar-interop/venv-csv/bin/python scripts/interop/frictionless_check.py
"""

import json
import sys

import pandas as pd
from frictionless import Package, validate

from common import WORK, daftar, fresh, inputs

PANDAS_TYPES = {"string": "string", "integer": "Int64", "boolean": "boolean"}


def typed_tables(folder):
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    tables = {}
    for resource in package["resources"]:
        fields = resource["schema"]["fields"]
        dtype = {f["name"]: PANDAS_TYPES[f["type"]] for f in fields if f["type"] != "boolean"}
        frame = pd.read_csv(
            folder / resource["path"],
            dtype=dtype,
            keep_default_na=False,
            na_values=[""],
            encoding=resource["encoding"].replace("utf-8-sig", "utf_8_sig"),
            true_values=["true"],
            false_values=["false"],
        )
        tables[resource["name"]] = frame
    return tables


def check(name, project, excel):
    flavour = "excel" if excel else "plain"
    out = fresh(f"{name}-csv-{flavour}")
    args = ["export", project, "--format", "csv", "--out", out, "--all", "--force"]
    daftar(*args, *(["--excel"] if excel else []))
    report = validate(str(out / "datapackage.json"))
    problems = []
    for task in report.tasks:
        for error in task.errors:
            problems.append(f"{task.name}: {error.message}")
    tables = typed_tables(out)
    meetings, outcomes = tables["meetings"], tables["outcomes"]
    if "meeting_cameo" in meetings and len(meetings):
        codes = set(meetings["meeting_cameo"].dropna())
        if any(not c.isdigit() for c in codes):
            problems.append(f"CAMEO codes read as {codes}")
    joined = outcomes.merge(meetings, on="meeting_id", how="left")
    suffixed = [c for c in joined.columns if c.endswith(("_x", "_y"))]
    if suffixed:
        problems.append(f"joining outcomes to meetings suffixed {suffixed}")
    rows = sum(len(t) for t in tables.values())
    for p in problems[:20]:
        print("  " + p)
    verdict = "valid" if report.valid and not problems else "INVALID"
    print(f"csv ({name}, {flavour}): {len(tables)} tables, {rows} rows, "
          f"frictionless {'valid' if report.valid else 'invalid'}, "
          f"CAMEO {sorted(set(meetings['meeting_cameo'].dropna()) | set(outcomes['outcome_cameo'].dropna()))}, "
          f"join columns {len(joined.columns)}: {verdict}")
    return verdict == "valid"


def main():
    results = [check(name, project, excel) for name, project in inputs() for excel in (False, True)]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
