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
        let mut project =
            crate::store::from_ron(crate::sample::PROJECT, std::path::Path::new("sample")).unwrap();
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
