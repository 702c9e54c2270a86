//! Daftar's own JSON Lines: one document per line with its text, spans (code point and UTF-16
//! offsets, quote, entity link, attributes, review), the entities they link to, and the meetings
//! and outcomes the document reports.

use serde_json::json;

use super::{ExportFile, ExportOptions, ExportSet, Exporter, records_json};

pub struct Jsonl;

impl Exporter for Jsonl {
    fn files(&self, set: &ExportSet, _: ExportOptions) -> Vec<ExportFile> {
        let project = set.project;
        let mut out = String::new();
        for doc in &set.docs {
            let id = doc.document.id;
            let mut entities: Vec<_> = doc.spans.iter().filter_map(|s| s.entity).collect();
            entities.sort();
            entities.dedup();
            let line = json!({
                "id": id.to_string(),
                "path": doc.document.path,
                "language": doc.document.language,
                "title": doc.document.title,
                "published": doc.document.published,
                "source": doc.document.source,
                "status": doc.document.status.name(),
                "note": doc.document.note,
                "text": doc.text,
                "spans": doc.spans.iter().map(|s| json!({
                    "id": s.id.to_string(),
                    "label": s.label,
                    "start": s.start,
                    "end": s.end,
                    "start_utf16": doc.utf16(s.start),
                    "end_utf16": doc.utf16(s.end),
                    "quote": s.quote,
                    "entity": s.entity.map(|e| e.to_string()),
                    "attributes": s.attributes,
                    "note": s.note,
                    "author": s.author,
                    "created": s.created,
                    "review": records_json::review(&s.review),
                })).collect::<Vec<_>>(),
                "entities": entities.iter().map(|e| records_json::entity(project, *e)).collect::<Vec<_>>(),
                "meetings": set.meetings.iter()
                    .filter(|m| m.evidence_spans().any(|e| e.doc == id))
                    .map(|m| records_json::meeting(project, m)).collect::<Vec<_>>(),
                "outcomes": set.outcomes.iter()
                    .filter(|o| o.evidence_spans().any(|e| e.doc == id))
                    .map(|o| records_json::outcome(project, o)).collect::<Vec<_>>(),
            });
            out.push_str(&line.to_string());
            out.push('\n');
        }
        vec![ExportFile::text("daftar.jsonl", out)]
    }
}
