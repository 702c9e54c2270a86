#!/usr/bin/env python3
"""Reference values of Krippendorff's unitizing alpha for tests/agreement.rs, from DKPro Agreement.

Reads tests/data/agreement/spans.tsv (each annotator's spans, as Daftar measures them) and the
fixture's texts (their lengths in characters), builds for every pair of annotators the study
Daftar measures (the documents both annotated laid end to end; each annotator's overlapping
spans of one label joined), and for every document of the pair one study of its own; has
DKPro Agreement's KrippendorffAlphaUnitizingAgreement measure them (through
scripts/unitizing_reference/UnitizingReference.java) and writes
tests/data/agreement/unitizing_reference.json.

DKPro Agreement (Apache 2.0, https://github.com/dkpro/dkpro-statistics) is not part of Daftar:
compile its agreement module's classes where you like, with slf4j-api on the class path
(Debian: libslf4j-java), and run once when the fixture changes (not by CI):

    git clone https://github.com/dkpro/dkpro-statistics /tmp/dkpro
    cd /tmp/dkpro/dkpro-statistics-agreement/src/main/java
    javac -cp /usr/share/java/slf4j-api.jar -d /tmp/dkpro-classes -sourcepath . \
        org/dkpro/statistics/agreement/unitizing/KrippendorffAlphaUnitizingAgreement.java
    cd - && python3 scripts/unitizing_reference.py /tmp/dkpro-classes /tmp/dkpro
"""

import csv
import itertools
import json
import math
import pathlib
import subprocess
import sys
import tempfile
from collections import defaultdict

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "agreement"
DRIVER = ROOT / "scripts" / "unitizing_reference" / "UnitizingReference.java"


def joined(units):
    """One rater's units of one category, overlapping ones joined; touching ones kept apart."""
    out = []
    for begin, end in sorted(units):
        if out and begin < out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([begin, end])
    return out


def study(name, documents, a, b):
    """The study line of annotators a and b over `documents`, laid end to end."""
    units = defaultdict(list)  # (rater, label) -> [(begin, end)]
    at = 0
    for document in documents:
        for rater, annotator in enumerate((a, b)):
            for start, end, label in spans[document][annotator]:
                units[(rater, label)].append((at + start, at + end))
        at += lengths[document]
    cells = []
    for (rater, label), found in sorted(units.items()):
        for begin, end in joined(found):
            cells.append(f"{rater},{begin},{end - begin},{label}")
    return f"{name}\t2\t{at}\t{';'.join(cells)}"


def number(text):
    value = float(text)
    return None if math.isnan(value) else value


fixture = json.loads((DATA / "fixture.json").read_text(encoding="utf-8"))
order = [d["path"] for d in fixture["documents"]]
lengths = {d["path"]: len(d["text"]) for d in fixture["documents"]}
spans = defaultdict(lambda: defaultdict(list))
with open(DATA / "spans.tsv", encoding="utf-8", newline="") as f:
    for row in csv.DictReader(f, delimiter="\t"):
        spans[row["document"]][row["annotator"]].append(
            (int(row["start"]), int(row["end"]), row["label"])
        )

# Documents two or more annotated, in the project's order, as Daftar measures.
rated = [d for d in order if len(spans[d]) >= 2]
annotators = sorted({a for d in rated for a in spans[d]})
lines = []
for a, b in itertools.combinations(annotators, 2):
    shared = [d for d in rated if a in spans[d] and b in spans[d]]
    if not shared:
        continue
    lines.append(study(f"{a}|{b}", shared, a, b))
    for document in shared:
        lines.append(study(f"{a}|{b}|{document}", [document], a, b))

classes = sys.argv[1]
with tempfile.TemporaryDirectory() as build:
    subprocess.run(
        ["javac", "-cp", classes, "-d", build, str(DRIVER)], check=True
    )
    path = f"{build}:{classes}:/usr/share/java/slf4j-api.jar"
    measured = subprocess.run(
        ["java", "-cp", path, "UnitizingReference"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        check=True,
    ).stdout

pairs = {}
for line in measured.splitlines():
    name, overall, per_category = line.split("\t")
    parts = name.split("|")
    pair = pairs.setdefault("|".join(parts[:2]), {"labels": {}, "documents": {}})
    if len(parts) == 3:
        pair["documents"][parts[2]] = number(overall)
    else:
        pair["unitizing_alpha"] = number(overall)
        for cell in filter(None, per_category.split(";")):
            label, value = cell.split("=")
            pair["labels"][label] = number(value)

reference = {
    "generated_by": "scripts/unitizing_reference.py",
    "measured_by": "DKPro Agreement KrippendorffAlphaUnitizingAgreement "
    + subprocess.run(
        ["git", "--git-dir", f"{sys.argv[2]}/.git", "rev-parse", "HEAD"]
        if pathlib.Path(sys.argv[2], ".git").exists()
        else ["git", "--git-dir", sys.argv[2], "rev-parse", "HEAD"],
        capture_output=True,
        text=True,
    ).stdout.strip(),
    "pairs": pairs,
}
with open(DATA / "unitizing_reference.json", "w", encoding="utf-8") as f:
    json.dump(reference, f, ensure_ascii=False, indent=1, sort_keys=True)
    f.write("\n")
print(f"wrote {DATA / 'unitizing_reference.json'}: {len(pairs)} pairs")
