//! Label Studio's JSON export: an array of tasks (one per line), `data.text` the article, one
//! annotation per task that has spans (none for one without, which Label Studio then offers
//! for labelling), whose results are `labels` regions with `value.start`/`value.end` in code
//! points (Label Studio's editor has stored code points since 2022, and its converters slice
//! Python strings) and `value.text` the quoted text. Label Studio does not check `value.text`
//! against the offsets: Daftar's import does. `label-studio-config.xml` is a labelling config
//! with the project's labels.

use serde::Serialize;

use super::{ExportFile, ExportOptions, ExportSet, Exporter, units};

pub struct LabelStudio;

/// The names of the `<Labels>` and `<Text>` tags in the labelling config.
pub const FROM_NAME: &str = "label";
pub const TO_NAME: &str = "text";

#[derive(Serialize)]
struct Value<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    labels: [&'a str; 1],
}

#[derive(Serialize)]
struct Region<'a> {
    id: String,
    from_name: &'static str,
    to_name: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    origin: &'static str,
    value: Value<'a>,
}

#[derive(Serialize)]
struct Annotation<'a> {
    result: Vec<Region<'a>>,
}

#[derive(Serialize)]
struct Data<'a> {
    text: &'a str,
    path: &'a str,
}

#[derive(Serialize)]
struct Task<'a> {
    id: u64,
    data: Data<'a>,
    /// Empty for an article without spans: Label Studio counts a task with an annotation, even
    /// an empty one, as labelled, and its "next task" would skip every unannotated article.
    annotations: Vec<Annotation<'a>>,
}

impl Exporter for LabelStudio {
    fn files(&self, set: &ExportSet, _: ExportOptions) -> Vec<ExportFile> {
        let mut out = Vec::new();
        out.push(b'[');
        for (index, doc) in set.docs.iter().enumerate() {
            let result: Vec<Region> = doc
                .spans
                .iter()
                .map(|s| Region {
                    id: s.id.to_string(),
                    from_name: FROM_NAME,
                    to_name: TO_NAME,
                    kind: "labels",
                    origin: "manual",
                    value: Value {
                        start: units::LABEL_STUDIO.of_char(&doc.offsets, s.start),
                        end: units::LABEL_STUDIO.of_char(&doc.offsets, s.end),
                        text: doc.slice(s.start, s.end),
                        labels: [&s.label],
                    },
                })
                .collect();
            let task = Task {
                id: doc.document.id.0,
                data: Data {
                    text: &doc.text,
                    path: &doc.document.path,
                },
                annotations: if result.is_empty() {
                    Vec::new()
                } else {
                    vec![Annotation { result }]
                },
            };
            out.extend_from_slice(if index == 0 { b"\n" } else { b",\n" });
            serde_json::to_writer(&mut out, &task).expect("JSON serializes");
        }
        out.extend_from_slice(b"\n]\n");
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
        vec![
            ExportFile {
                name: "label-studio.json".into(),
                bytes: out,
            },
            ExportFile::text("label-studio-config.xml", config),
        ]
    }
}
