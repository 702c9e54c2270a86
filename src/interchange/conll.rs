//! CoNLL-2003 with IOB2 tags: `-DOCSTART- -X- -X- O` before each document, one token per line
//! (`token POS chunk tag`; Daftar writes `_` for the part-of-speech and chunk columns), a blank
//! line after each sentence. Tokens are `text::tokenize`'s (see its rules); a sentence ends at a
//! line break or after `.`, `!`, `?`, `؟`. A token is tagged with the span that covers it; where
//! spans overlap, an entity wins over a MEETING or OUTCOME trigger, then the one starting first
//! (the longer on a tie), and the other is left out of this format, which cannot nest. A token only partly inside a span counts as inside.
//! EVIDENCE spans (words that are evidence of a record's field, not names) are left out too.
//! `conll-left-out.tsv` lists the spans this format could not hold, so nothing is lost silently.

use std::fmt::Write as _;

use super::export::file_stems;
use super::{ExportFile, ExportOptions, ExportSet, Exporter};
use crate::text::{TokenKind, tokenize};

pub struct Conll;

/// Words that are evidence of a record's field (a level, a group of participants): not names,
/// so not tagged here (listed as left out).
const EVIDENCE_LABEL: &str = crate::records::EVIDENCE_LABEL;

/// Labels of words that report a meeting or outcome: they give way to entities inside them.
const TRIGGER_LABELS: [&str; 2] = ["MEETING", "OUTCOME"];

fn ends_sentence(token: &str) -> bool {
    matches!(token, "." | "!" | "?" | "؟" | "…")
}

impl Exporter for Conll {
    fn files(&self, set: &ExportSet, _: ExportOptions) -> Vec<ExportFile> {
        let mut out = String::new();
        let mut left_out = String::from("document\tspan_id\tlabel\tstart\tend\tquote\twhy\n");
        for (doc, stem) in set.docs.iter().zip(file_stems(set)) {
            let _ = writeln!(out, "-DOCSTART- -X- -X- O\n");
            let tokens = tokenize(&doc.text);
            // The span each token belongs to: entity spans before meeting and outcome triggers
            // (which often contain them), then earliest start, then the longer.
            let mut spans = doc.spans.clone();
            spans.sort_by_key(|s| {
                let trigger = TRIGGER_LABELS.contains(&s.label.as_str());
                (trigger, s.start, std::cmp::Reverse(s.end), s.id)
            });
            let mut tag_of: Vec<Option<(usize, &str)>> = vec![None; tokens.len()];
            for (index, span) in spans.iter().enumerate() {
                // Tokens are in text order: the first that ends after the span starts, then on.
                let first = tokens.partition_point(|t| t.range.end <= span.start);
                let covered: Vec<usize> = (first..tokens.len())
                    .take_while(|&i| tokens[i].range.start < span.end)
                    .collect();
                let why = if span.label == EVIDENCE_LABEL {
                    Some("evidence of a record's field, not a name")
                } else if covered.is_empty() {
                    Some("covers no token")
                } else if covered.iter().any(|&i| tag_of[i].is_some()) {
                    Some("overlaps an earlier span")
                } else {
                    None
                };
                if let Some(why) = why {
                    let _ = writeln!(
                        left_out,
                        "{stem}\t{}\t{}\t{}\t{}\t{}\t{why}",
                        span.id,
                        span.label,
                        span.start,
                        span.end,
                        span.quote.replace(['\t', '\n'], " ")
                    );
                    continue;
                }
                for i in covered {
                    tag_of[i] = Some((index, span.label.as_str()));
                }
            }
            let mut previous: Option<usize> = None;
            let mut line_start = 0;
            for (i, token) in tokens.iter().enumerate() {
                let text = doc.slice(token.range.start, token.range.end);
                let crosses_line = doc.slice(line_start, token.range.start).contains('\n');
                if crosses_line && i > 0 && !out.ends_with("\n\n") {
                    out.push('\n');
                }
                out.push_str(text);
                out.push_str(" _ _ ");
                match tag_of[i] {
                    Some((span, label)) => {
                        out.push_str(if previous == Some(span) { "I-" } else { "B-" });
                        out.push_str(label);
                    }
                    None => out.push('O'),
                }
                out.push('\n');
                previous = tag_of[i].map(|(span, _)| span);
                if token.kind == TokenKind::Punct && ends_sentence(text) {
                    out.push('\n');
                    previous = None;
                }
                line_start = token.range.end;
            }
            if !out.ends_with("\n\n") {
                out.push('\n');
            }
        }
        vec![
            ExportFile::text("daftar.conll", out),
            ExportFile::text("conll-left-out.tsv", left_out),
        ]
    }
}
