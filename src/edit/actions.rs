//! Edits for what annotators do, built from the current state: tagging a selection, deleting a
//! span. Each returns one [`Edit`] (one undo step) that also moves a new document to
//! "in progress" on its first annotation.

use std::ops::Range;

use super::Edit;
use crate::model::{DocId, DocStatus, Project, Span, SpanId};

/// Tags `chars` (code points of `text`, the document's article) with `label`.
/// `None` when the range is empty or does not fit the text, or the document does not exist.
pub fn tag_selection(
    project: &mut Project,
    doc: DocId,
    text: &str,
    chars: Range<usize>,
    label: &str,
    author: &str,
) -> Option<(Edit, SpanId)> {
    if chars.is_empty() {
        return None;
    }
    let status = project.document(doc)?.status;
    let id = project.new_span_id();
    let span = Span::quoting(id, text, chars.start, chars.end, label, author)?;
    let mut edits = vec![Edit::InsertSpan { doc, span }];
    if status == DocStatus::New {
        edits.push(Edit::SetStatus {
            doc,
            status: DocStatus::InProgress,
        });
    }
    Some((Edit::Batch(edits), id))
}

/// Changes a span's label.
pub fn relabel(project: &Project, doc: DocId, span: SpanId, label: &str) -> Option<Edit> {
    let mut changed = project.document(doc)?.span(span)?.clone();
    changed.label = label.to_string();
    Some(Edit::ReplaceSpan { doc, span: changed })
}

/// Removes a span.
pub fn delete_span(doc: DocId, span: SpanId) -> Edit {
    Edit::RemoveSpan { doc, span }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;

    fn sample_project() -> (Project, DocId, &'static str) {
        let (name, text) = crate::sample::ARTICLES[0];
        let mut project = crate::sample::fresh_project();
        let doc = project.document_by_path(name).unwrap().id;
        project.document_mut(doc).unwrap().status = DocStatus::New;
        (project, doc, text)
    }

    #[test]
    fn first_tag_starts_the_document_and_undo_restores_both() {
        let (mut project, doc, text) = sample_project();
        let mut history = History::new();
        let (edit, id) = tag_selection(&mut project, doc, text, 23..35, "PER", "me").unwrap();
        history.apply(&mut project, edit).unwrap();
        let document = project.document(doc).unwrap();
        assert_eq!(document.span(id).unwrap().quote, "اسکندر مومنی");
        assert_eq!(document.status, DocStatus::InProgress);
        history.undo(&mut project);
        let document = project.document(doc).unwrap();
        assert!(document.spans.is_empty());
        assert_eq!(document.status, DocStatus::New, "one undo step for both");
        // A second tag on a document in progress does not touch the status.
        history.redo(&mut project);
        let (edit, _) = tag_selection(&mut project, doc, text, 39..46, "ORDINAL", "me").unwrap();
        assert!(matches!(&edit, Edit::Batch(edits) if edits.len() == 1));
    }

    #[test]
    fn empty_or_out_of_range_selections_tag_nothing() {
        let (mut project, doc, text) = sample_project();
        assert!(tag_selection(&mut project, doc, text, 5..5, "PER", "me").is_none());
        assert!(tag_selection(&mut project, doc, text, 5..100_000, "PER", "me").is_none());
    }

    #[test]
    fn relabel_and_delete() {
        let (mut project, doc, text) = sample_project();
        let (edit, id) = tag_selection(&mut project, doc, text, 23..35, "ORG", "me").unwrap();
        edit.apply(&mut project).unwrap();
        relabel(&project, doc, id, "PER")
            .unwrap()
            .apply(&mut project)
            .unwrap();
        assert_eq!(
            project.document(doc).unwrap().span(id).unwrap().label,
            "PER"
        );
        delete_span(doc, id).apply(&mut project).unwrap();
        assert!(project.document(doc).unwrap().spans.is_empty());
    }
}

/// A place where a span's text occurs again, proposed for the same label and entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub doc: DocId,
    /// Code points.
    pub chars: Range<usize>,
    pub quote: String,
    pub label: String,
    pub entity: Option<crate::model::EntityId>,
}

/// Every other occurrence of `quote` in `text` (through the match key, on word boundaries) that
/// no span with this label already covers.
pub fn suggest_in(
    project: &Project,
    doc: DocId,
    text: &str,
    quote: &str,
    label: &str,
    entity: Option<crate::model::EntityId>,
) -> Vec<Suggestion> {
    let Some(document) = project.document(doc) else {
        return Vec::new();
    };
    crate::text::MatchKey::new(text)
        .find_all(quote)
        .into_iter()
        .filter(|range| {
            !document
                .spans
                .iter()
                .any(|s| s.label == label && s.start == range.start && s.end == range.end)
        })
        .map(|range| Suggestion {
            doc,
            quote: text.chars().skip(range.start).take(range.len()).collect(),
            chars: range,
            label: label.to_string(),
            entity,
        })
        .collect()
}

/// The edit that accepts suggestions: a span for each, linked to its entity (one undo step).
/// `text_of` gives each document's article text.
pub fn accept_suggestions<'t>(
    project: &mut Project,
    suggestions: &[Suggestion],
    text_of: impl Fn(DocId) -> Option<&'t str>,
    author: &str,
) -> Edit {
    let mut edits = Vec::new();
    for suggestion in suggestions {
        let Some(text) = text_of(suggestion.doc) else {
            continue;
        };
        let chars = suggestion.chars.clone();
        if let Some((Edit::Batch(mut batch), id)) = tag_selection(
            project,
            suggestion.doc,
            text,
            chars,
            &suggestion.label,
            author,
        ) {
            if let Some(Edit::InsertSpan { span, .. }) = batch.first_mut() {
                debug_assert_eq!(span.id, id);
                span.entity = suggestion.entity;
            }
            // Only the first span of a document moves it to "in progress".
            batch.retain(|e| {
                !matches!(e, Edit::SetStatus { doc, .. }
                    if edits.iter().any(|x| matches!(x, Edit::SetStatus { doc: d, .. } if d == doc)))
            });
            edits.extend(batch);
        }
    }
    Edit::Batch(edits)
}

#[cfg(test)]
mod suggestion_tests {
    use super::*;

    #[test]
    fn every_other_occurrence_is_suggested_and_accepted_in_one_step() {
        let (name, text) = crate::sample::ARTICLES[0];
        let mut project = crate::sample::fresh_project();
        let doc = project.document_by_path(name).unwrap().id;
        let (edit, _) = tag_selection(&mut project, doc, text, 23..35, "PER", "me").unwrap();
        edit.apply(&mut project).unwrap();
        // The minister is named again further down the article.
        let suggestions = suggest_in(&project, doc, text, "اسکندر مومنی", "PER", None);
        assert!(!suggestions.is_empty());
        assert!(
            suggestions
                .iter()
                .all(|s| s.chars.start > 35 && s.quote == "اسکندر مومنی")
        );
        let before = project.document(doc).unwrap().spans.len();
        let mut history = crate::edit::History::new();
        let edit = accept_suggestions(&mut project, &suggestions, |_| Some(text), "me");
        history.apply(&mut project, edit).unwrap();
        assert_eq!(
            project.document(doc).unwrap().spans.len(),
            before + suggestions.len()
        );
        assert!(suggest_in(&project, doc, text, "اسکندر مومنی", "PER", None).is_empty());
        history.undo(&mut project);
        assert_eq!(
            project.document(doc).unwrap().spans.len(),
            before,
            "one undo step"
        );
    }
}
