//! W3C Web Annotation (JSON-LD): one `AnnotationCollection` whose page (with its own `id`, as
//! the model requires) holds an `Annotation` per span, one annotation per line. The target is the
//! article (its path under the corpus, as `urn:daftar:doc:` + path) with a `TextQuoteSelector`
//! (exact, prefix, suffix: at least 32 code points of context, more until the three together
//! occur once in the article) and a `TextPositionSelector` whose `start`/`end` count code points,
//! as the model requires. The creator is an Agent (a `Person`, or `Software` for a tool's
//! suggestions and imports) with a `name`: a bare string would be read as an IRI. The body tags
//! the label, identifies the linked entity (its Wikidata IRI when it has a QID), and carries the
//! span's note as a comment.

use serde::Serialize;

use super::{ExportDoc, ExportFile, ExportOptions, ExportSet, Exporter, units};

pub struct W3c;

/// How much context the quote selector carries at least on each side, in code points.
const CONTEXT: usize = 32;

/// Who made an annotation, as the model's Agent.
#[derive(Serialize)]
struct Agent<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'a str,
}

impl<'a> Agent<'a> {
    /// A person, or software for the authors Daftar gives to imports and suggestions
    /// (`import:brat`, `suggest:gazetteer`).
    fn of(author: &'a str) -> Option<Agent<'a>> {
        if author.is_empty() {
            return None;
        }
        let software = author.starts_with("import:") || author.starts_with("suggest:");
        Some(Agent {
            kind: if software { "Software" } else { "Person" },
            name: author,
        })
    }
}

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
    #[serde(skip_serializing_if = "Option::is_none")]
    creator: Option<Agent<'a>>,
    #[serde(skip_serializing_if = "str::is_empty")]
    created: &'a str,
    body: Vec<Body<'a>>,
    target: Target<'a>,
}

/// `urn:daftar:` + `kind` + `:` + `name`, with the characters an IRI cannot hold escaped.
fn daftar_iri(kind: &str, name: &str) -> String {
    let mut iri = format!("urn:daftar:{kind}:");
    for c in name.chars() {
        match c {
            ' ' => iri.push_str("%20"),
            '#' => iri.push_str("%23"),
            '?' => iri.push_str("%3F"),
            '%' => iri.push_str("%25"),
            '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`' => {
                iri.push_str(&format!("%{:02X}", c as u32))
            }
            c if c.is_control() => {
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    iri.push_str(&format!("%{byte:02X}"));
                }
            }
            c => iri.push(c),
        }
    }
    iri
}

impl Exporter for W3c {
    fn files(&self, set: &ExportSet, _: ExportOptions) -> Vec<ExportFile> {
        let project = set.project;
        let total: usize = set.docs.iter().map(|d| d.spans.len()).sum();
        let collection = daftar_iri("project", &project.name);
        let header = serde_json::json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": collection,
            "type": "AnnotationCollection",
            "label": project.name,
            "total": total,
        })
        .to_string();
        let mut out = Vec::with_capacity(total * 600);
        out.extend_from_slice(&header.as_bytes()[..header.len() - 1]);
        let page = serde_json::json!({
            "id": format!("{collection}:page:1"),
            "type": "AnnotationPage",
            "partOf": collection,
            "startIndex": 0,
        })
        .to_string();
        out.extend_from_slice(br#","first":"#);
        out.extend_from_slice(&page.as_bytes()[..page.len() - 1]);
        out.extend_from_slice(br#","items":["#);
        let mut first = true;
        for doc in &set.docs {
            let source = daftar_iri("doc", &doc.document.path);
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
                let (prefix, suffix) = unique_context(doc, span.start, span.end);
                let annotation = Annotation {
                    id: format!("urn:daftar:{}:{}", doc.document.id, span.id),
                    kind: "Annotation",
                    motivation: "tagging",
                    creator: Agent::of(&span.author),
                    created: &span.created,
                    body,
                    target: Target {
                        source: &source,
                        selector: (
                            QuoteSelector {
                                kind: "TextQuoteSelector",
                                exact: doc.slice(span.start, span.end),
                                prefix,
                                suffix,
                            },
                            PositionSelector {
                                kind: "TextPositionSelector",
                                start: units::W3C.of_char(&doc.offsets, span.start),
                                end: units::W3C.of_char(&doc.offsets, span.end),
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

/// The prefix and suffix of a quote selector for `start..end`: [`CONTEXT`] code points each
/// side, doubled until prefix, quote and suffix together occur once in the article (a headline
/// repeated as the first sentence needs more), at most the whole text each side.
fn unique_context<'a>(doc: &'a ExportDoc, start: usize, end: usize) -> (&'a str, &'a str) {
    let chars = doc.offsets.chars();
    let mut context = CONTEXT;
    loop {
        let from = start.saturating_sub(context);
        let to = (end + context).min(chars);
        let prefix = doc.slice(from, start);
        let suffix = doc.slice(end, to);
        if (from == 0 && to == chars) || occurs_once(&doc.text, doc.slice(from, to)) {
            return (prefix, suffix);
        }
        context *= 2;
    }
}

/// Whether `needle` occurs exactly once in `text`, counting overlapping occurrences.
fn occurs_once(text: &str, needle: &str) -> bool {
    let Some(first) = text.find(needle) else {
        return false;
    };
    let next = first + text[first..].chars().next().map_or(1, char::len_utf8);
    !text[next..].contains(needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_occurrences_count() {
        assert!(occurs_once("abc", "b"));
        assert!(!occurs_once("aaa", "aa"), "two overlapping occurrences");
        assert!(!occurs_once("ابا ابا", "ابا"));
        assert!(occurs_once("ابا ابا", "ابا ابا"));
    }

    #[test]
    fn iris_escape_what_an_iri_cannot_hold_and_keep_letters() {
        assert_eq!(
            daftar_iri("doc", "اخبار/خبر 1#?.txt"),
            "urn:daftar:doc:اخبار/خبر%201%23%3F.txt"
        );
        assert_eq!(
            daftar_iri("project", "a<b>\n"),
            "urn:daftar:project:a%3Cb%3E%0A"
        );
    }
}
