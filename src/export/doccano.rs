//! doccano's sequence-labelling JSONL: `{"text", "label": [[start, end, "LABEL"], …]}`, offsets
//! in UTF-16 code units (doccano counts as JavaScript does). Extra keys are metadata to doccano.

use serde_json::json;

use super::{ExportFile, ExportOptions, ExportSet, Exporter};

pub struct Doccano;

impl Exporter for Doccano {
    fn files(&self, set: &ExportSet, _: ExportOptions) -> Vec<ExportFile> {
        let mut out = String::new();
        for doc in &set.docs {
            let line = json!({
                "text": doc.text,
                "label": doc.spans.iter()
                    .map(|s| json!([doc.utf16(s.start), doc.utf16(s.end), s.label]))
                    .collect::<Vec<_>>(),
                "daftar_id": doc.document.id.to_string(),
                "path": doc.document.path,
            });
            out.push_str(&line.to_string());
            out.push('\n');
        }
        vec![ExportFile::text("doccano.jsonl", out)]
    }
}
