//! W3C Web Annotation (JSON-LD): one `AnnotationCollection` whose page holds an `Annotation` per
//! span, one annotation per line. The target is the article (its path under the corpus, as
//! `urn:daftar:doc:` + path) with a `TextQuoteSelector` (exact, prefix, suffix) and a
//! `TextPositionSelector` whose `start`/`end` count code points, as the model requires. The body
//! tags the label, identifies the linked entity (its Wikidata IRI when it has a QID), and carries
//! the span's note as a comment.

use serde::Serialize;

use super::{ExportFile, ExportOptions, ExportSet, Exporter};

pub struct W3c;

/// How much context the quote selector carries on each side, in code points.
const CONTEXT: usize = 32;

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
}

#[derive(Serialize)]
struct QuoteSelector<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    exact: &'a str,
    prefix: &'a str,
    suffix: &'a str,
}

#[derive(Serialize)]
struct PositionSelector {
    #[serde(rename = "type")]
    kind: &'static str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct Target<'a> {
    source: &'a str,
    selector: (QuoteSelector<'a>, PositionSelector),
}

#[derive(Serialize)]
struct Annotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    creator: &'a str,
    created: &'a str,
    body: Vec<Body<'a>>,
    target: Target<'a>,
}

fn doc_iri(path: &str) -> String {
    let mut iri = String::from("urn:daftar:doc:");
    for c in path.chars() {
        match c {
            ' ' => iri.push_str("%20"),
            '#' => iri.push_str("%23"),
            '?' => iri.push_str("%3F"),
            '%' => iri.push_str("%25"),
            c => iri.push(c),
        }
    }
    iri
}

impl Exporter for W3c {
    fn files(&self, set: &ExportSet, _: ExportOptions) -> Vec<ExportFile> {
        let project = set.project;
        let total: usize = set.docs.iter().map(|d| d.spans.len()).sum();
        let header = serde_json::json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": format!("urn:daftar:project:{}", project.name),
            "type": "AnnotationCollection",
            "label": project.name,
            "total": total,
        })
        .to_string();
        let mut out = Vec::with_capacity(total * 600);
        out.extend_from_slice(&header.as_bytes()[..header.len() - 1]);
        out.extend_from_slice(br#","first":{"type":"AnnotationPage","startIndex":0,"items":["#);
        let mut first = true;
        for doc in &set.docs {
            let source = doc_iri(&doc.document.path);
            let chars = doc.offsets.chars();
            for span in &doc.spans {
                let mut body = vec![Body {
                    kind: "TextualBody",
                    purpose: "tagging",
                    value: Some(&span.label),
                    source: None,
                    label: None,
                }];
                if let Some(entity) = span.entity.and_then(|e| project.entity(e)) {
                    let iri = match &entity.external_id {
                        Some(q) if q.starts_with('Q') => {
                            format!("http://www.wikidata.org/entity/{q}")
                        }
                        _ => format!("urn:daftar:entity:{}", entity.id),
                    };
                    body.push(Body {
                        kind: "SpecificResource",
                        purpose: "identifying",
                        value: None,
                        source: Some(iri),
                        label: Some(&entity.name),
                    });
                }
                if !span.note.is_empty() {
                    body.push(Body {
                        kind: "TextualBody",
                        purpose: "commenting",
                        value: Some(&span.note),
                        source: None,
                        label: None,
                    });
                }
                let annotation = Annotation {
                    id: format!("urn:daftar:{}:{}", doc.document.id, span.id),
                    kind: "Annotation",
                    motivation: "tagging",
                    creator: &span.author,
                    created: &span.created,
                    body,
                    target: Target {
                        source: &source,
                        selector: (
                            QuoteSelector {
                                kind: "TextQuoteSelector",
                                exact: doc.slice(span.start, span.end),
                                prefix: doc.slice(span.start.saturating_sub(CONTEXT), span.start),
                                suffix: doc.slice(span.end, (span.end + CONTEXT).min(chars)),
                            },
                            PositionSelector {
                                kind: "TextPositionSelector",
                                start: span.start,
                                end: span.end,
                            },
                        ),
                    },
                };
                out.extend_from_slice(if first { b"\n" } else { b",\n" });
                first = false;
                serde_json::to_writer(&mut out, &annotation).expect("JSON serializes");
            }
        }
        out.extend_from_slice(b"\n]}}\n");
        vec![ExportFile {
            name: "annotations.jsonld".into(),
            bytes: out,
        }]
    }
}
