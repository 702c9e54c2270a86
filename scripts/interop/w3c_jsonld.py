"""W3C Web Annotation: Daftar's `w3c` export expanded by a JSON-LD processor (PyLD) with the Web
Annotation context, and the expanded graph checked: every node id an absolute IRI, the page an
identified node, each creator an Agent with a foaf:name (not an IRI made of a bare name), each
target's quote selector found once in the article and its position selector slicing to the same
words. The spans read from the expanded graph are compared with Daftar's own JSONL export.

The context is fetched from www.w3.org; on a machine without the network, point ANNO_CONTEXT at a
copy of http://www.w3.org/ns/anno.jsonld (the w3c/web-annotation repository has it).

    python3 -m venv /tmp/daftar-interop/venv-w3c
    /tmp/daftar-interop/venv-w3c/bin/pip install pyld==3.3.0 requests
    /tmp/daftar-interop/venv-w3c/bin/python scripts/interop/w3c_jsonld.py
"""

import hashlib
import json
import os
import pathlib
import sys
from urllib.parse import urlparse

from pyld import jsonld

from common import compare, export, inputs, span_set

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
OA = "http://www.w3.org/ns/oa#"
AS = "http://www.w3.org/ns/activitystreams#"
RDF_VALUE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"


def loader():
    local = os.environ.get("ANNO_CONTEXT")
    if not local:
        return jsonld.requests_document_loader()
    document = json.loads(pathlib.Path(local).read_text(encoding="utf-8"))

    def load(url, options=None):
        if url.rstrip("/") not in (CONTEXT, CONTEXT.replace("http:", "https:")):
            raise jsonld.JsonLdError(f"offline: {url}", "loading document failed")
        return {"contextUrl": None, "documentUrl": url, "document": document}

    return load


def absolute(iri):
    return bool(urlparse(iri).scheme)


def one(node, key):
    values = node.get(key, [])
    assert len(values) == 1, (key, node)
    return values[0]


def check(name, project):
    folder = export(project, "w3c", f"{name}-w3c")
    texts = {}
    jsonl = export(project, "jsonl", f"{name}-w3c-jsonl")
    for line in (jsonl / "daftar.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        texts["urn:daftar:doc:" + record["path"].replace(" ", "%20")] = record["text"]
    document = json.loads((folder / "annotations.jsonld").read_text(encoding="utf-8"))
    expanded = jsonld.expand(document, {"documentLoader": loader()})
    problems = []
    ids = []

    def walk(node):
        if isinstance(node, dict):
            if "@id" in node:
                ids.append(node["@id"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(expanded)
    problems += [f"relative IRI {i!r}" for i in ids if not absolute(i)]
    collection = expanded[0]
    page = one(collection, AS + "first")
    if "@id" not in page:
        problems.append("the AnnotationPage has no id")
    items = one(page, AS + "items")["@list"]
    spans = set()
    for item in items:
        creators = item.get("http://purl.org/dc/terms/creator", [])
        if not creators:
            # A bare name is a relative IRI, which expansion drops: the creator is lost.
            problems.append(f"{item['@id']}: no creator after expansion")
        for creator in creators:
            if "http://xmlns.com/foaf/0.1/name" not in creator:
                problems.append(f"{item['@id']}: creator {creator} has no name")
        target = one(item, OA + "hasTarget")
        source = one(target, OA + "hasSource")["@id"]
        text = texts[source]
        quote, position = None, None
        for selector in target[OA + "hasSelector"]:
            kind = selector["@type"][0]
            if kind == OA + "TextQuoteSelector":
                quote = selector
            elif kind == OA + "TextPositionSelector":
                position = selector
        exact = one(quote, OA + "exact")["@value"]
        prefix = one(quote, OA + "prefix")["@value"]
        suffix = one(quote, OA + "suffix")["@value"]
        whole = prefix + exact + suffix
        if text.count(whole) != 1 or text.find(whole, text.find(whole) + 1) != -1:
            problems.append(f"{item['@id']}: the quote selector matches {text.count(whole)} times")
        start = int(one(position, OA + "start")["@value"])
        end = int(one(position, OA + "end")["@value"])
        if text[start:end] != exact:
            problems.append(f"{item['@id']}: {start}..{end} is not {exact!r}")
        label = next(
            one(b, RDF_VALUE)["@value"]
            for b in item[OA + "hasBody"]
            if one(b, OA + "hasPurpose")["@id"] == OA + "tagging"
        )
        spans.add((text, start, end, label, exact))
    for p in problems[:20]:
        print("  " + p)
    print(f"{name}: {len(ids)} node ids, {len(problems)} problems")
    keyed = {(hashlib.sha256(t.encode()).hexdigest()[:12], s, e, l, q) for t, s, e, l, q in spans}
    return compare(f"w3c JSON-LD expansion ({name})", span_set(jsonl), keyed) and not problems


def main():
    results = [check(name, project) for name, project in inputs()]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
