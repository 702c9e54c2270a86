//! Verifying a project against its articles on disk and against itself: every span's quote must
//! still be the text at its offsets, every link must point at something that exists.

use std::fmt;
use std::path::Path;

use super::{fingerprint, read_document};
use crate::model::{Document, ORPHANED_ATTRIBUTE, Project};
use crate::text::OffsetIndex;
use crate::text::offsets::span_range_problem;

/// One thing wrong with a project. `path` names the article it concerns, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: Option<String>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(path) => write!(f, "{}: {path}", self.message),
            None => write!(f, "{}", self.message),
        }
    }
}

fn problem(path: Option<&str>, message: String) -> Problem {
    Problem {
        path: path.map(str::to_string),
        message,
    }
}

/// Checks `project` against the articles under `corpus_root`. Empty when all is well.
pub fn verify(project: &Project, corpus_root: &Path) -> Vec<Problem> {
    let mut problems: Vec<Problem> = project
        .schema
        .problems()
        .into_iter()
        .map(|p| problem(None, format!("schema: {p}")))
        .collect();
    // Each document's article is read, decoded and fingerprinted apart from the others: on
    // every core.
    let per_document = crate::parallel::map(&project.documents, |document| {
        document_problems(project, corpus_root, document)
    });
    problems.extend(per_document.into_iter().flatten());
    problems.extend(
        crate::model::integrity::breaches(project)
            .into_iter()
            .map(|b| problem(None, b.message)),
    );
    problems.extend(
        crate::model::validate::record_problems(project)
            .into_iter()
            .map(|p| problem(None, p)),
    );
    problems
}

/// What is wrong with one document: labels the schema lacks, its article missing, unreadable or
/// changed, spans whose quote is not the article's text at their offsets.
fn document_problems(project: &Project, corpus_root: &Path, document: &Document) -> Vec<Problem> {
    let mut problems = Vec::new();
    let path = Some(document.path.as_str());
    for span in &document.spans {
        if project.schema.label(&span.label).is_none() {
            problems.push(problem(
                path,
                format!(
                    "span {} has label {}, which the schema does not define",
                    span.id, span.label
                ),
            ));
        }
    }
    let decoded = match read_document(corpus_root, document) {
        Ok(decoded) => decoded,
        Err(reason) => {
            let what = if super::document_path(corpus_root, document).exists() {
                format!("article cannot be read: {reason}")
            } else {
                "article is missing".to_string()
            };
            problems.push(problem(path, what));
            return problems;
        }
    };
    if fingerprint(&decoded.text) != document.fingerprint {
        problems.push(problem(
            path,
            format!(
                "article changed on disk since it was annotated ({} spans to re-anchor)",
                document.spans.len()
            ),
        ));
        return problems;
    }
    let index = OffsetIndex::new(&decoded.text);
    // Orphaned, empty and reversed spans are the integrity check's to report.
    for span in document
        .spans
        .iter()
        .filter(|s| !s.is_empty() && !s.attributes.contains_key(ORPHANED_ATTRIBUTE))
    {
        let actual = index
            .byte_of_char(span.start)
            .zip(index.byte_of_char(span.end))
            .and_then(|(start, end)| decoded.text.get(start..end));
        match actual {
            Some(actual) if actual == span.quote() => {
                let cut = span_range_problem(&index, &decoded.text, span.start, span.end);
                if let Some(cut) = cut {
                    problems.push(problem(path, format!("span {} at {cut}", span.id)));
                }
            }
            Some(actual) => problems.push(problem(
                path,
                format!(
                    "span {} at {}..{} quotes {:?} but the article has {:?} there",
                    span.id,
                    span.start,
                    span.end,
                    span.quote(),
                    actual
                ),
            )),
            None => problems.push(problem(
                path,
                format!(
                    "span {} at {}..{} lies outside the article ({} characters)",
                    span.id,
                    span.start,
                    span.end,
                    index.chars()
                ),
            )),
        }
    }
    problems
}
