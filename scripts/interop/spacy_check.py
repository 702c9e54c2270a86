"""spaCy: Daftar's `spacy` export loaded into Docs (words and spaces), every span placed with
`Doc.char_span` and compared with the export's, saved as a DocBin and read back; and the CoNLL
export, its DOCSTART marker rewritten as FORMATS.md says, through `spacy convert`, which must
give one Doc per document and the entities the file tags.

    python3 -m venv /tmp/daftar-interop/venv-spacy
    /tmp/daftar-interop/venv-spacy/bin/pip install spacy==3.8.18
    /tmp/daftar-interop/venv-spacy/bin/python scripts/interop/spacy_check.py
"""

import json
import re
import subprocess
import sys

import spacy
from spacy.tokens import Doc, DocBin

from common import WORK, compare, export, fresh, inputs


def check_jsonl(name, project):
    folder = export(project, "spacy", f"{name}-spacy")
    nlp = spacy.blank("xx")
    db = DocBin()
    out, problems = set(), []
    for number, line in enumerate((folder / "spacy.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        record = json.loads(line)
        tokens = record["tokens"]
        doc = Doc(nlp.vocab, words=[t["text"] for t in tokens], spaces=[t["ws"] for t in tokens])
        if doc.text != record["text"]:
            problems.append(f"line {number}: the tokens do not rebuild the text")
        spans = []
        for s in record["spans"]:
            out.add((number, s["start"], s["end"], s["label"]))
            span = doc.char_span(s["start"], s["end"], label=s["label"])
            if span is None:
                problems.append(f"line {number}: {s} does not fall on token boundaries")
                continue
            if (span.start, span.end - 1) != (s["token_start"], s["token_end"]):
                problems.append(f"line {number}: {s} is tokens {span.start}..{span.end - 1}")
            spans.append(span)
        doc.spans["sc"] = spans
        db.add(doc)
    path = WORK / f"{name}.spacy"
    db.to_disk(path)
    back = set()
    for number, doc in enumerate(DocBin().from_disk(path).get_docs(nlp.vocab), 1):
        for span in doc.spans["sc"]:
            back.add((number, span.start_char, span.end_char, span.label_))
    for p in problems:
        print("  " + p)
    return compare(f"spacy jsonl → DocBin ({name})", out, back) and not problems


def check_conll(name, project):
    folder = export(project, "conll", f"{name}-conll")
    conll = (folder / "daftar.conll").read_text(encoding="utf-8")
    documents = conll.count("-DOCSTART- -X- -X- O")
    entities = sum(1 for line in conll.splitlines() if line.split(" ")[-1].startswith("B-"))
    fixed = folder / "spacy.conll"
    fixed.write_text(re.sub(r"(?m)^-DOCSTART- -X- -X- O$", "-DOCSTART- -X- O O", conll), encoding="utf-8")
    converted = fresh(f"{name}-conll-converted")
    subprocess.run(
        [sys.executable, "-m", "spacy", "convert", str(fixed), str(converted),
         "--converter", "ner", "--n-sents", "10"],
        check=True, capture_output=True,
    )
    nlp = spacy.blank("xx")
    docs = list(DocBin().from_disk(converted / "spacy.spacy").get_docs(nlp.vocab))
    # spacy convert groups --n-sents sentences per Doc within a document: count DOCSTARTs by
    # the documents it kept apart, entities across all.
    got_entities = sum(len(d.ents) for d in docs)
    lone = sum(1 for d in docs for t in d if t.text == "-DOCSTART-")
    # A flag is two regional indicators: one token, never half of one.
    halves = sum(1 for d in docs for t in d if len(t.text) == 1 and 0x1F1E6 <= ord(t.text) <= 0x1F1FF)
    ok = got_entities == entities and lone == 0 and halves == 0
    print(f"spacy convert of the CoNLL export ({name}): {documents} documents, "
          f"{entities} entities tagged, {got_entities} read, {lone} lone -DOCSTART- tokens, "
          f"{halves} half flags: {'exact' if ok else 'DIFFERENT'}")
    return ok


def main():
    print(f"spaCy {spacy.__version__}")
    results = []
    for name, project in inputs():
        results.append(check_jsonl(name, project))
        results.append(check_conll(name, project))
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
