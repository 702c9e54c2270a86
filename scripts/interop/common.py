"""What every interop check shares: the daftar binary, a work folder, the two inputs (the bundled
sample and a text with emoji, a flag and mathematical letters before its spans), and the span by
span comparison of two Daftar JSONL exports.

Not run by CI: the checks install the real tools from PyPI (see README.md beside this file).
"""

import hashlib
import json
import os
import pathlib
import subprocess
import sys

REPO = pathlib.Path(__file__).resolve().parents[2]
WORK = pathlib.Path(os.environ.get("DAFTAR_INTEROP_WORK", "/tmp/daftar-interop"))
DAFTAR = REPO / "target" / "release" / "daftar"
SAMPLE = REPO / "assets" / "sample.daftar.ron"

# Characters outside the Basic Multilingual Plane (two UTF-16 units each) and a flag (two code
# points, one grapheme) before and between the spans: where code points, UTF-16 units and
# graphemes differ.
WIDE = (
    "📰 خبر 𝐀𝐁 فوری: 🇮🇷 اسکندر مومنی در تهران 😀 با وزیران دیدار کرد.\n"
    "نشست 𝒳 در اسلام‌آباد 👨‍👩‍👧 برگزار شد."
)
BARE = "نشست بعدی سازمان در ماه آینده برگزار می‌شود."
WIDE_SPANS = [("اسکندر مومنی", "PER"), ("تهران", "GPE"), ("اسلام‌آباد", "GPE"), ("𝐀𝐁", "ORG")]


def daftar(*args, check=True):
    """Runs the daftar CLI; returns its standard output."""
    if not DAFTAR.exists():
        subprocess.run(["cargo", "build", "--release"], cwd=REPO, check=True)
    done = subprocess.run([str(DAFTAR), *map(str, args)], capture_output=True, text=True)
    if check and done.returncode != 0:
        sys.exit(f"daftar {' '.join(map(str, args))} failed:\n{done.stdout}{done.stderr}")
    return done.stdout + done.stderr


def fresh(name):
    """An empty folder under the work folder."""
    path = WORK / name
    if path.exists():
        subprocess.run(["rm", "-rf", str(path)], check=True)
    path.mkdir(parents=True)
    return path


def wide_project():
    """A Daftar project of the WIDE text with its spans and of the BARE text without any (through
    a brat import)."""
    collection = fresh("wide-brat")
    (collection / "wide.txt").write_text(WIDE, encoding="utf-8")
    lines = []
    for number, (words, label) in enumerate(WIDE_SPANS, 1):
        start = WIDE.index(words)  # Python indexes code points
        lines.append(f"T{number}\t{label} {start} {start + len(words)}\t{words}")
    (collection / "wide.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # An article nobody has annotated yet: tools must offer it for labelling.
    (collection / "bare.txt").write_text(BARE, encoding="utf-8")
    (collection / "bare.ann").write_text("", encoding="utf-8")
    project = WORK / "wide.daftar"
    subprocess.run(["rm", "-rf", str(project)], check=True)
    daftar("import", collection, "-o", project)
    return project


def inputs():
    """(name, project) of both inputs."""
    return [("sample", SAMPLE), ("wide", wide_project())]


def export(project, fmt, name):
    """Daftar's export of everything but rejected work in `fmt`; returns its folder."""
    out = fresh(name)
    daftar("export", project, "--format", fmt, "--out", out, "--all", "--force")
    return out


def text_set(jsonl_folder):
    """The hashes of the article texts of a Daftar JSONL export."""
    lines = (pathlib.Path(jsonl_folder) / "daftar.jsonl").read_text(encoding="utf-8").splitlines()
    return {hashlib.sha256(json.loads(line)["text"].encode()).hexdigest()[:12] for line in lines}


def span_set(jsonl_folder):
    """The spans of a Daftar JSONL export as (text hash, start, end, label, quote)."""
    spans = set()
    for line in (pathlib.Path(jsonl_folder) / "daftar.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = record["text"]
        key = hashlib.sha256(text.encode()).hexdigest()[:12]
        for s in record["spans"]:
            assert text[s["start"]:s["end"]] == s["quote"], s
            spans.add((key, s["start"], s["end"], s["label"], s["quote"]))
    return spans


def compare(name, before, after):
    """Prints and returns whether two span sets are equal, naming the differences."""
    lost, gained = sorted(before - after), sorted(after - before)
    verdict = "exact" if not lost and not gained else "DIFFERENT"
    print(f"{name}: {len(before)} spans out, {len(after)} back: {verdict}")
    for s in lost[:10]:
        print(f"  lost   {s}")
    for s in gained[:10]:
        print(f"  gained {s}")
    return verdict == "exact"


def round_trip(name, project, tool_export, kind_note=""):
    """Imports `tool_export` (the tool's own export file) into Daftar and compares its spans
    with the project's."""
    back = WORK / f"{name}-back.daftar"
    subprocess.run(["rm", "-rf", str(back)], check=True)
    print(daftar("import", tool_export, "-o", back).strip())
    before_folder = export(project, "jsonl", f"{name}-jsonl-before")
    after_folder = export(back, "jsonl", f"{name}-jsonl-after")
    texts_before, texts_after = text_set(before_folder), text_set(after_folder)
    same_texts = texts_before == texts_after
    print(f"{name}: {len(texts_before)} articles out, {len(texts_after)} back: "
          f"{'exact' if same_texts else 'DIFFERENT'}")
    same_spans = compare(f"{name}{kind_note}", span_set(before_folder), span_set(after_folder))
    return same_texts and same_spans
