//! CoNLL-2003 with IOB2 tags: `-DOCSTART- -X- -X- O` before each document, one token per line
//! (`token POS chunk tag`; Daftar writes `_` for the part-of-speech and chunk columns), a blank
//! line after each sentence. Tokens are `text::tokenize`'s (see its rules); a sentence ends at a
//! line break or after `.`, `!`, `?`, `؟`. Tokens are tagged by `records::tag_tokens` (an entity
//! wins over a trigger, EVIDENCE tags nothing), and a span it leaves out is left out of this
//! format, which cannot nest.
//! `conll-left-out.tsv` lists the spans this format could not hold, so nothing is lost silently.

use std::fmt::Write as _;

use super::export::file_stems;
use super::{ExportFile, ExportOptions, ExportSet, Exporter};
use crate::model::SpanId;
use crate::records::tag_tokens;
use crate::text::{TokenKind, tokenize};

pub struct Conll;

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
            let tags = tag_tokens(&tokens, doc.spans.iter().copied());
            for (span, why) in &tags.left_out {
                let _ = writeln!(
                    left_out,
                    "{stem}\t{}\t{}\t{}\t{}\t{}\t{}",
                    span.id,
                    span.label,
                    span.start,
                    span.end,
                    span.quote().replace(['\t', '\n'], " "),
                    why.reason()
                );
            }
            let mut previous: Option<SpanId> = None;
            let mut line_start = 0;
            for (i, token) in tokens.iter().enumerate() {
                let text = doc.slice(token.range.start, token.range.end);
                let crosses_line = doc.slice(line_start, token.range.start).contains('\n');
                if crosses_line && i > 0 && !out.ends_with("\n\n") {
                    out.push('\n');
                }
                out.push_str(text);
                out.push_str(" _ _ ");
                match tags.tag_of[i] {
                    Some(span) => {
                        out.push_str(if previous == Some(span.id) {
                            "I-"
                        } else {
                            "B-"
                        });
                        out.push_str(&span.label);
                    }
                    None => out.push('O'),
                }
                out.push('\n');
                previous = tags.tag_of[i].map(|span| span.id);
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
