//! W3C Web Annotation (JSON-LD): one `AnnotationCollection` whose page holds an `Annotation` per
//! span. The target is the article (its path under the corpus, as `urn:daftar:doc:` + path) with a
//! `TextQuoteSelector` (exact, prefix, suffix) and a `TextPositionSelector` whose `start`/`end`
//! count code points, as the model requires. The body tags the label, and identifies the linked
//! entity (its Wikidata IRI when it has a QID).

use serde_json::{Value, json};

use super::{ExportFile, ExportOptions, ExportSet, Exporter};

pub struct W3c;

/// How much context the quote selector carries on each side, in code points.
const CONTEXT: usize = 32;

fn doc_iri(path: &str) -> String {
    let encoded: String = path
        .chars()
        .map(|c| match c {
            ' ' => "%20".to_string(),
            '#' => "%23".to_string(),
            '?' => "%3F".to_string(),
            '%' => "%25".to_string(),
            c => c.to_string(),
        })
        .collect();
    format!("urn:daftar:doc:{encoded}")
}

impl Exporter for W3c {
    fn files(&self, set: &ExportSet, _: ExportOptions) -> Vec<ExportFile> {
        let project = set.project;
        let mut items: Vec<Value> = Vec::new();
        for doc in &set.docs {
            let chars = doc.offsets.chars();
            for span in &doc.spans {
                let mut body = vec![json!({
                    "type": "TextualBody",
                    "purpose": "tagging",
                    "value": span.label,
                })];
                if let Some(entity) = span.entity.and_then(|e| project.entity(e)) {
                    let source = match &entity.external_id {
                        Some(q) if q.starts_with('Q') => {
                            format!("http://www.wikidata.org/entity/{q}")
                        }
                        _ => format!("urn:daftar:entity:{}", entity.id),
                    };
                    body.push(json!({
                        "type": "SpecificResource",
                        "purpose": "identifying",
                        "source": source,
                        "label": entity.name,
                    }));
                }
                if !span.note.is_empty() {
                    body.push(json!({
                        "type": "TextualBody",
                        "purpose": "commenting",
                        "value": span.note,
                    }));
                }
                let prefix_start = span.start.saturating_sub(CONTEXT);
                let suffix_end = (span.end + CONTEXT).min(chars);
                items.push(json!({
                    "id": format!("urn:daftar:{}:{}", doc.document.id, span.id),
                    "type": "Annotation",
                    "motivation": "tagging",
                    "creator": span.author,
                    "created": span.created,
                    "body": body,
                    "target": {
                        "source": doc_iri(&doc.document.path),
                        "selector": [
                            {
                                "type": "TextQuoteSelector",
                                "exact": doc.slice(span.start, span.end),
                                "prefix": doc.slice(prefix_start, span.start),
                                "suffix": doc.slice(span.end, suffix_end),
                            },
                            {
                                "type": "TextPositionSelector",
                                "start": span.start,
                                "end": span.end,
                            },
                        ],
                    },
                }));
            }
        }
        let collection = json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": format!("urn:daftar:project:{}", project.name),
            "type": "AnnotationCollection",
            "label": project.name,
            "total": items.len(),
            "first": {
                "type": "AnnotationPage",
                "startIndex": 0,
                "items": items,
            },
        });
        let mut json = serde_json::to_string_pretty(&collection).expect("JSON values serialize");
        json.push('\n');
        vec![ExportFile::text("annotations.jsonld", json)]
    }
}
