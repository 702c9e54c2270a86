//! doccano's sequence-labelling JSONL: `{"text", "label": [[start, end, "LABEL"], …]}`, offsets
//! in UTF-16 code units (doccano counts as JavaScript does). Extra keys are metadata to doccano.

use serde::Serialize;

use super::{ExportFile, ExportOptions, ExportSet, Exporter};

pub struct Doccano;

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    label: Vec<(usize, usize, &'a str)>,
    daftar_id: String,
    path: &'a str,
}

impl Exporter for Doccano {
    fn files(&self, set: &ExportSet, _: ExportOptions) -> Vec<ExportFile> {
        let mut out = Vec::new();
        for doc in &set.docs {
            let line = Line {
                text: &doc.text,
                label: doc
                    .spans
                    .iter()
                    .map(|s| (doc.utf16(s.start), doc.utf16(s.end), s.label.as_str()))
                    .collect(),
                daftar_id: doc.document.id.to_string(),
                path: &doc.document.path,
            };
            serde_json::to_writer(&mut out, &line).expect("JSON serializes");
            out.push(b'\n');
        }
        vec![ExportFile {
            name: "doccano.jsonl".into(),
            bytes: out,
        }]
    }
}
