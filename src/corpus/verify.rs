//! Verifying a project against its articles on disk and against itself: every span's quote must
//! still be the text at its offsets, every link must point at something that exists.

use std::fmt;
use std::path::Path;

use super::{fingerprint, read_document};
use crate::model::{Project, SpanRef};
use crate::text::OffsetIndex;

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
    for document in &project.documents {
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
            if let Some(entity) = span.entity.filter(|&e| project.entity(e).is_none()) {
                problems.push(problem(
                    path,
                    format!(
                        "span {} links to entity {entity}, which does not exist",
                        span.id
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
                continue;
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
            continue;
        }
        let index = OffsetIndex::new(&decoded.text);
        for span in &document.spans {
            let actual = index
                .byte_of_char(span.start)
                .zip(index.byte_of_char(span.end))
                .and_then(|(start, end)| decoded.text.get(start..end));
            match actual {
                Some(actual) if actual == span.quote => {}
                Some(actual) => problems.push(problem(
                    path,
                    format!(
                        "span {} at {}..{} quotes {:?} but the article has {:?} there",
                        span.id, span.start, span.end, span.quote, actual
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
    }
    check_references(project, &mut problems);
    problems.extend(
        crate::model::validate::record_problems(project)
            .into_iter()
            .map(|p| problem(None, p)),
    );
    problems
}

fn check_references(project: &Project, problems: &mut Vec<Problem>) {
    let missing_span = |at: &SpanRef| project.span(*at).is_none();
    for meeting in &project.meetings {
        let mut evidence: Vec<SpanRef> = meeting.evidence.clone();
        evidence.extend(meeting.participants.iter().filter_map(|p| p.evidence));
        for at in evidence.iter().filter(|at| missing_span(at)) {
            problems.push(problem(
                None,
                format!(
                    "meeting {} cites span {} of document {}, which does not exist",
                    meeting.id, at.span, at.doc
                ),
            ));
        }
    }
    for outcome in &project.outcomes {
        if let Some(meeting) = outcome.meeting.filter(|&m| project.meeting(m).is_none()) {
            problems.push(problem(
                None,
                format!(
                    "outcome {} belongs to meeting {meeting}, which does not exist",
                    outcome.id
                ),
            ));
        }
        for at in outcome.evidence.iter().filter(|at| missing_span(at)) {
            problems.push(problem(
                None,
                format!(
                    "outcome {} cites span {} of document {}, which does not exist",
                    outcome.id, at.span, at.doc
                ),
            ));
        }
    }
}
