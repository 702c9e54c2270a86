//! Daftar's own JSON Lines: one document per line with its text, spans (code point and UTF-16
//! offsets, quote, entity link, attributes, review), the entities they link to, and the meetings
//! and outcomes the document reports.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::{ExportDoc, ExportFile, ExportOptions, ExportSet, Exporter, records_json};
use crate::model::Review;

pub struct Jsonl;

#[derive(Serialize)]
pub(super) struct ReviewOut<'a> {
    state: &'static str,
    comment: &'a str,
    reviewer: &'a str,
    at: &'a str,
}

impl<'a> ReviewOut<'a> {
    pub fn of(review: &'a Review) -> Self {
        ReviewOut {
            state: records_json::state_name(review.state),
            comment: &review.comment,
            reviewer: &review.reviewer,
            at: &review.at,
        }
    }
}

#[derive(Serialize)]
struct SpanOut<'a> {
    id: String,
    label: &'a str,
    start: usize,
    end: usize,
    start_utf16: usize,
    end_utf16: usize,
    quote: &'a str,
    entity: Option<String>,
    attributes: &'a BTreeMap<String, String>,
    note: &'a str,
    author: &'a str,
    created: &'a str,
    review: ReviewOut<'a>,
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    id: String,
    path: &'a str,
    language: &'a str,
    title: Option<&'a str>,
    published: Option<&'a str>,
    source: Option<&'a str>,
    status: &'static str,
    note: &'a str,
    text: &'a str,
    spans: Vec<SpanOut<'a>>,
    entities: Vec<Value>,
    meetings: Vec<Value>,
    outcomes: Vec<Value>,
}

fn document_line<'a>(set: &ExportSet<'a>, doc: &'a ExportDoc<'a>) -> DocumentOut<'a> {
    let project = set.project;
    let document = doc.document;
    let mut entities: Vec<_> = doc.spans.iter().filter_map(|s| s.entity).collect();
    entities.sort();
    entities.dedup();
    DocumentOut {
        id: document.id.to_string(),
        path: &document.path,
        language: &document.language,
        title: document.title.as_deref(),
        published: document.published.as_deref(),
        source: document.source.as_deref(),
        status: document.status.name(),
        note: &document.note,
        text: &doc.text,
        spans: doc
            .spans
            .iter()
            .map(|s| SpanOut {
                id: s.id.to_string(),
                label: &s.label,
                start: s.start,
                end: s.end,
                start_utf16: doc.utf16(s.start),
                end_utf16: doc.utf16(s.end),
                quote: s.quote(),
                entity: s.entity.map(|e| e.to_string()),
                attributes: &s.attributes,
                note: &s.note,
                author: &s.author,
                created: &s.created,
                review: ReviewOut::of(&s.review),
            })
            .collect(),
        entities: entities
            .iter()
            .map(|e| records_json::entity(project, *e))
            .collect(),
        meetings: set
            .meetings_of(document.id)
            .map(|m| records_json::meeting(project, m))
            .collect(),
        outcomes: set
            .outcomes_of(document.id)
            .map(|o| records_json::outcome(project, o))
            .collect(),
    }
}

impl Exporter for Jsonl {
    fn files(&self, set: &ExportSet, _: ExportOptions) -> Vec<ExportFile> {
        let mut out = Vec::new();
        for doc in &set.docs {
            serde_json::to_writer(&mut out, &document_line(set, doc)).expect("JSON serializes");
            out.push(b'\n');
        }
        vec![ExportFile {
            name: "daftar.jsonl".into(),
            bytes: out,
        }]
    }
}
