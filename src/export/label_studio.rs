//! Label Studio's JSON export: an array of tasks, `data.text` the article, one annotation per task
//! whose results are `labels` regions with `value.start`/`value.end` in UTF-16 code units (as the
//! browser counts) and `value.text` the quoted text, which Label Studio checks them against.

use serde_json::json;

use super::{ExportFile, ExportOptions, ExportSet, Exporter};

pub struct LabelStudio;

/// The names of the `<Labels>` and `<Text>` tags in the labelling config.
pub const FROM_NAME: &str = "label";
pub const TO_NAME: &str = "text";

impl Exporter for LabelStudio {
    fn files(&self, set: &ExportSet, _: ExportOptions) -> Vec<ExportFile> {
        let tasks: Vec<_> = set
            .docs
            .iter()
            .map(|doc| {
                let result: Vec<_> = doc
                    .spans
                    .iter()
                    .map(|s| {
                        json!({
                            "id": s.id.to_string(),
                            "from_name": FROM_NAME,
                            "to_name": TO_NAME,
                            "type": "labels",
                            "origin": "manual",
                            "value": {
                                "start": doc.utf16(s.start),
                                "end": doc.utf16(s.end),
                                "text": doc.slice(s.start, s.end),
                                "labels": [s.label],
                            },
                        })
                    })
                    .collect();
                json!({
                    "id": doc.document.id.0,
                    "data": { "text": doc.text, "path": doc.document.path },
                    "annotations": [{ "result": result }],
                })
            })
            .collect();
        let labels: String = set
            .project
            .schema
            .labels
            .iter()
            .map(|l| {
                format!(
                    "    <Label value=\"{}\" background=\"{}\"/>\n",
                    l.key, l.color
                )
            })
            .collect();
        let config = format!(
            "<View>\n  <Labels name=\"{FROM_NAME}\" toName=\"{TO_NAME}\">\n{labels}  </Labels>\n  <Text name=\"{TO_NAME}\" value=\"$text\"/>\n</View>\n"
        );
        let mut json = serde_json::to_string_pretty(&tasks).expect("JSON values serialize");
        json.push('\n');
        vec![
            ExportFile::text("label-studio.json", json),
            ExportFile::text("label-studio-config.xml", config),
        ]
    }
}
