#!/usr/bin/env python3
"""Reference agreement values for tests/agreement.rs, from independent implementations.

Reads tests/data/agreement/tokens.tsv (each annotator's label per token) and spans.tsv (each
annotator's spans), both written by `DAFTAR_WRITE_AGREEMENT=1 cargo test --test agreement`, and
writes tests/data/agreement/reference.json:

- Cohen's kappa per pair, overall and per label ("label or not"): scikit-learn cohen_kappa_score;
- Fleiss' kappa over documents three or more annotated: statsmodels fleiss_kappa;
- Krippendorff's alpha (nominal) over documents two or more annotated, a missing annotator as
  NaN: the krippendorff package;
- span F1, exact and overlapping (same label), computed here from the spans.

Run once when the fixture changes (not by CI):

    python3 -m venv /tmp/venv-agree
    /tmp/venv-agree/bin/pip install scikit-learn statsmodels krippendorff
    /tmp/venv-agree/bin/python scripts/agreement_reference.py
"""

import csv
import itertools
import json
import math
import pathlib
import warnings
from collections import defaultdict

import krippendorff
import numpy as np
import sklearn
import statsmodels
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

DATA = pathlib.Path(__file__).resolve().parent.parent / "tests" / "data" / "agreement"


def read_tsv(name):
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def number(value):
    """NaN (undefined) as null, as Daftar reports it."""
    return None if value is None or math.isnan(value) else float(value)


def kappa(a, b):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return number(cohen_kappa_score(a, b))


# tokens[doc][annotator] = [label of token 0, 1, ...]
tokens = defaultdict(lambda: defaultdict(list))
for row in read_tsv("tokens.tsv"):
    labels = tokens[row["document"]][row["annotator"]]
    assert int(row["token"]) == len(labels)
    labels.append(row["label"])

# spans[doc][annotator] = [(start, end, label)]
spans = defaultdict(lambda: defaultdict(list))
for row in read_tsv("spans.tsv"):
    spans[row["document"]][row["annotator"]].append(
        (int(row["start"]), int(row["end"]), row["label"])
    )


def exact_matches(a, b):
    """Spans of a with an equal span in b, each span of b matched once."""
    remaining = list(b)
    matched = 0
    for span in a:
        if span in remaining:
            remaining.remove(span)
            matched += 1
    return matched


def overlaps(x, y):
    return x[2] == y[2] and x[0] < y[1] and y[0] < x[1]


annotators = sorted({a for doc in tokens.values() for a in doc})
pairs = {}
for a, b in itertools.combinations(annotators, 2):
    docs = [d for d in tokens if a in tokens[d] and b in tokens[d]]
    if not docs:
        continue
    ta = [t for d in docs for t in tokens[d][a]]
    tb = [t for d in docs for t in tokens[d][b]]
    sa = [(d, *s) for d in docs for s in spans[d][a]]
    sb = [(d, *s) for d in docs for s in spans[d][b]]
    # Spans as (start, end, label) per document: match within a document only.
    def within(d, s):
        return [x[1:] for x in s if x[0] == d]

    def pooled(measure_counts, label=None):
        keep = (lambda s: s) if label is None else (lambda s: [x for x in s if x[3] == label])
        a_spans, b_spans = keep(sa), keep(sb)
        return measure_counts(a_spans, b_spans)

    def exact(a_spans, b_spans):
        if not a_spans and not b_spans:
            return None
        matched = sum(exact_matches(within(d, a_spans), within(d, b_spans)) for d in docs)
        return 2 * matched / (len(a_spans) + len(b_spans))

    def overlap(a_spans, b_spans):
        if not a_spans and not b_spans:
            return None
        hit_a = sum(
            any(overlaps(x[1:], y[1:]) for y in b_spans if y[0] == x[0]) for x in a_spans
        )
        hit_b = sum(
            any(overlaps(y[1:], x[1:]) for x in a_spans if x[0] == y[0]) for y in b_spans
        )
        recall = hit_a / len(a_spans) if a_spans else 0.0
        precision = hit_b / len(b_spans) if b_spans else 0.0
        return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)

    labels = sorted({s[3] for s in sa + sb})
    pairs[f"{a}|{b}"] = {
        "documents": len(docs),
        "tokens": len(ta),
        "overall": {
            "f1_exact": pooled(exact),
            "f1_overlap": pooled(overlap),
            "cohen_kappa": kappa(ta, tb),
        },
        "labels": {
            label: {
                "f1_exact": pooled(exact, label),
                "f1_overlap": pooled(overlap, label),
                "cohen_kappa": kappa([t == label for t in ta], [t == label for t in tb]),
            }
            for label in labels
        },
    }


def group(min_annotators, coefficient):
    docs = [d for d in tokens if len(tokens[d]) >= min_annotators]
    coders = sorted({a for d in docs for a in tokens[d]})
    # units: one per token, with each coder's label or None where the coder did not annotate.
    units = []
    for d in docs:
        length = len(next(iter(tokens[d].values())))
        for i in range(length):
            units.append([tokens[d][c][i] if c in tokens[d] else None for c in coders])
    labels = sorted({v for u in units for v in u if v not in (None, "O")})
    return {
        "annotators": coders,
        "documents": len(docs),
        "tokens": len(units),
        "value": coefficient(units, lambda v: v),
        "labels": {label: coefficient(units, lambda v, l=label: v == l) for label in labels},
    }


def fleiss(units, category):
    rows = [[category(v) for v in u if v is not None] for u in units]
    assert len({len(r) for r in rows}) == 1, "statsmodels' Fleiss needs as many raters per item"
    values = sorted({v for r in rows for v in r}, key=str)
    table, _ = aggregate_raters(np.array([[values.index(v) for v in r] for r in rows]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return number(fleiss_kappa(table, method="fleiss"))


def alpha(units, category):
    values = sorted({category(v) for u in units for v in u if v is not None}, key=str)
    if len(values) < 2:
        return None
    data = np.array(
        [[np.nan if v is None else values.index(category(v)) for v in u] for u in units],
        dtype=float,
    ).T
    return number(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


reference = {
    "generated_by": "scripts/agreement_reference.py",
    "versions": {
        "scikit-learn": sklearn.__version__,
        "statsmodels": statsmodels.__version__,
        "krippendorff": getattr(krippendorff, "__version__", "0.9.0"),
        "numpy": np.__version__,
    },
    "pairs": pairs,
    "fleiss": group(3, fleiss),
    "krippendorff": group(2, alpha),
}
with open(DATA / "reference.json", "w", encoding="utf-8") as f:
    json.dump(reference, f, ensure_ascii=False, indent=1, sort_keys=True)
    f.write("\n")
print(f"wrote {DATA / 'reference.json'}: {len(pairs)} pairs")
