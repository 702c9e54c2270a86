//! spaCy and Prodigy JSON Lines: one document per line, `{"text", "tokens", "spans", "meta"}`,
//! what NLP engineers load into a `Doc` without a converter. Offsets count code points (Python
//! string indices, what `Doc.char_span` takes).
//!
//! `tokens` (`text`, `start`, `end`, `id`, `ws`) rebuild the text exactly as spaCy does from
//! `words` and `spaces`: Daftar's tokens (`text::tokenize`, the CoNLL export's), each followed by
//! `ws: true` when one space follows it; any other run between two tokens (a line break, a second
//! space, a direction mark) is a token of its own, as spaCy keeps whitespace. `spans` hold every
//! exported span (overlapping ones too: spaCy keeps those in `doc.spans`) with `token_start` and
//! `token_end` (inclusive, as Prodigy counts) of the tokens they touch.

use serde::Serialize;

use super::{ExportDoc, ExportFile, ExportOptions, ExportSet, Exporter, units};
use crate::text::tokenize;

pub struct Spacy;

#[derive(Serialize)]
struct TokenOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    id: usize,
    ws: bool,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    label: &'a str,
    token_start: usize,
    token_end: usize,
    id: String,
}

#[derive(Serialize)]
struct Meta<'a> {
    id: String,
    path: &'a str,
    language: &'a str,
}

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    tokens: Vec<TokenOut<'a>>,
    spans: Vec<SpanOut<'a>>,
    meta: Meta<'a>,
}

/// The code point ranges of spaCy's tokens for `doc`: words and whitespace tokens that cover the
/// text, each with whether one space follows it.
fn spacy_tokens(doc: &ExportDoc) -> Vec<(usize, usize, bool)> {
    let mut tokens: Vec<(usize, usize, bool)> = Vec::new();
    let mut at = 0;
    let gap = |tokens: &mut Vec<(usize, usize, bool)>, from: usize, to: usize| {
        if from == to {
            return;
        }
        let mut from = from;
        if let Some(last) = tokens.last_mut()
            && doc.slice(from, from + 1) == " "
        {
            last.2 = true;
            from += 1;
        }
        if from < to {
            tokens.push((from, to, false));
        }
    };
    for token in tokenize(&doc.text) {
        gap(&mut tokens, at, token.range.start);
        tokens.push((token.range.start, token.range.end, false));
        at = token.range.end;
    }
    gap(&mut tokens, at, doc.offsets.chars());
    tokens
}

impl Exporter for Spacy {
    fn files(&self, set: &ExportSet, _: ExportOptions) -> Vec<ExportFile> {
        let mut out = Vec::new();
        for doc in &set.docs {
            let ranges = spacy_tokens(doc);
            // The token holding a code point: the last token starting at or before it.
            let token_at = |c: usize| ranges.partition_point(|t| t.0 <= c).saturating_sub(1);
            let spans = doc
                .spans
                .iter()
                .map(|s| SpanOut {
                    start: units::SPACY.of_char(&doc.offsets, s.start),
                    end: units::SPACY.of_char(&doc.offsets, s.end),
                    label: &s.label,
                    token_start: token_at(s.start),
                    token_end: token_at(s.end.saturating_sub(1).max(s.start)),
                    id: s.id.to_string(),
                })
                .collect();
            let line = Line {
                text: &doc.text,
                tokens: ranges
                    .iter()
                    .enumerate()
                    .map(|(id, &(start, end, ws))| TokenOut {
                        text: doc.slice(start, end),
                        start: units::SPACY.of_char(&doc.offsets, start),
                        end: units::SPACY.of_char(&doc.offsets, end),
                        id,
                        ws,
                    })
                    .collect(),
                spans,
                meta: Meta {
                    id: doc.document.id.to_string(),
                    path: &doc.document.path,
                    language: &doc.document.language,
                },
            };
            serde_json::to_writer(&mut out, &line).expect("JSON serializes");
            out.push(b'\n');
        }
        vec![ExportFile {
            name: "spacy.jsonl".into(),
            bytes: out,
        }]
    }
}
