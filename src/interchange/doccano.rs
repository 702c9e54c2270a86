//! doccano's sequence-labelling JSONL: `{"text", "label": [[start, end, "LABEL"], …]}`, offsets
//! in UTF-16 code units (doccano counts as JavaScript does). Extra keys are metadata to doccano.
//! doccano's project settings decide what it keeps, silently: with "Allow overlapping spans" off
//! (its default) it drops spans that overlap another, and with "Count grapheme clusters as one
//! character" on its editor shifts every span after an emoji (import and export keep the numbers). `doccano-README.txt` says which settings
//! the export needs, and the export warns when it holds overlapping spans.

use serde::Serialize;

use super::{ExportFile, ExportOptions, ExportSet, Exporter, units};

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
                    .map(|s| {
                        let at = |c| units::DOCCANO.of_char(&doc.offsets, c);
                        (at(s.start), at(s.end), s.label.as_str())
                    })
                    .collect(),
                daftar_id: doc.document.id.to_string(),
                path: &doc.document.path,
            };
            serde_json::to_writer(&mut out, &line).expect("JSON serializes");
            out.push(b'\n');
        }
        let overlapping = overlapping_spans(set);
        vec![
            ExportFile {
                name: "doccano.jsonl".into(),
                bytes: out,
            },
            ExportFile::text(README, readme(overlapping)),
        ]
    }

    fn warnings(&self, set: &ExportSet) -> Vec<String> {
        match overlapping_spans(set) {
            0 => Vec::new(),
            n => vec![format!(
                "doccano.jsonl holds {n} spans that overlap another: turn on \"Allow overlapping spans\" in the doccano project before importing, or doccano drops them without a word (see {README})"
            )],
        }
    }
}

const README: &str = "doccano-README.txt";

/// How many exported spans overlap another span of their document.
fn overlapping_spans(set: &ExportSet) -> usize {
    set.docs
        .iter()
        .map(|doc| {
            // Spans are sorted by start: one overlaps an earlier one when it starts before the
            // furthest end so far.
            let mut overlapping = vec![false; doc.spans.len()];
            let mut furthest: Option<(usize, usize)> = None; // (end, index)
            for (i, span) in doc.spans.iter().enumerate() {
                if let Some((end, j)) = furthest
                    && span.start < end
                {
                    overlapping[i] = true;
                    overlapping[j] = true;
                }
                if furthest.is_none_or(|(end, _)| span.end > end) {
                    furthest = Some((span.end, i));
                }
            }
            overlapping.into_iter().filter(|&o| o).count()
        })
        .sum()
}

fn readme(overlapping: usize) -> String {
    let overlap = if overlapping == 0 {
        "off or on (no span of this export overlaps another)".to_string()
    } else {
        format!(
            "ON: {overlapping} spans of this export overlap another, and doccano drops them without a word when it is off (its default)"
        )
    };
    format!(
        "doccano.jsonl: Daftar's export for doccano (sequence labelling).\r\n\r\n\
         Import it into a doccano project with these settings:\r\n\
         - Project type: Sequence Labeling\r\n\
         - Allow overlapping spans: {overlap}\r\n\
         - Count grapheme clusters as one character: OFF (offsets count UTF-16 code units, as \
         doccano does by default; with it on, its editor counts an emoji or a flag as one \
         character and shows and draws every span after one shifted)\r\n\
         - Use relation labeling: off\r\n\
         - Import dataset: file format JSONL, column data \"text\", column label \"label\"\r\n\r\n\
         Each line also carries daftar_id and path, which doccano keeps as metadata.\r\n"
    )
}
