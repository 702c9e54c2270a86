//! Edits for what annotators do to spans, built from the current state: tagging a selection
//! (which also moves a new document to "in progress"), relabelling, deleting, linking to an
//! entity, notes and attributes, and "tag all occurrences". Each returns one [`Edit`], one undo
//! step.

use std::ops::Range;

use super::Edit;
use crate::model::{DocId, DocStatus, Entity, EntityId, Project, Span, SpanId};

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
    changed.label = label.into();
    Some(Edit::ReplaceSpan { doc, span: changed })
}

/// Moves a span over `chars` of `text` (its article): new words, quote and context; its label,
/// link, attributes and note stay. A decision on the old words does not stand for the new ones:
/// the review goes back to pending. `None` when the range is the span's own, is empty, does not
/// fit the text or splits a letter from its marks.
pub fn resize_span(
    project: &Project,
    doc: DocId,
    text: &str,
    span: SpanId,
    chars: Range<usize>,
) -> Option<Edit> {
    let old = project.document(doc)?.span(span)?;
    if old.start == chars.start && old.end == chars.end {
        return None;
    }
    let quoted = Span::quoting(span, text, chars.start, chars.end, "", "")?;
    let mut changed = old.clone();
    changed.start = quoted.start;
    changed.end = quoted.end;
    changed.quoted = quoted.quoted;
    changed.review = Default::default();
    // An orphan placed again is no longer one.
    changed.attributes.remove(crate::model::ORPHANED_ATTRIBUTE);
    Some(Edit::ReplaceSpan { doc, span: changed })
}

/// Removes a span.
pub fn delete_span(doc: DocId, span: SpanId) -> Edit {
    Edit::RemoveSpan { doc, span }
}

/// Links the span to `entity` (`None` unlinks it). A spelling the entity does not know yet
/// becomes one of its aliases, in the same step, so the match key finds it next time.
pub fn link_span(
    project: &Project,
    doc: DocId,
    span: SpanId,
    entity: Option<EntityId>,
) -> Option<Edit> {
    let mut changed = project.document(doc)?.span(span)?.clone();
    changed.entity = entity;
    let quote = changed.quote().trim().to_string();
    let mut edits = vec![Edit::ReplaceSpan { doc, span: changed }];
    if let Some(entity) = entity {
        let known = project.entity(entity)?;
        if !quote.is_empty() && !known.names().any(|n| n == quote) {
            let mut with_alias = known.clone();
            with_alias.aliases.push(quote);
            edits.push(Edit::ReplaceEntity(with_alias));
        }
    }
    Some(Edit::Batch(edits))
}

/// A new entity named after the span (its kind the span's label), linked to it: one step.
pub fn new_entity_from_span(
    project: &mut Project,
    doc: DocId,
    span: SpanId,
) -> Option<(Edit, EntityId)> {
    let mut changed = project.document(doc)?.span(span)?.clone();
    let entity = Entity {
        id: project.new_entity_id(),
        name: changed.quote().trim().to_string(),
        aliases: Vec::new(),
        kind: changed.label.to_string(),
        subtype: None,
        external_id: None,
        note: String::new(),
    };
    let id = entity.id;
    changed.entity = Some(id);
    let edit = Edit::Batch(vec![
        Edit::InsertEntity(entity),
        Edit::ReplaceSpan { doc, span: changed },
    ]);
    Some((edit, id))
}

/// Sets the span's note; `None` when the span is missing or the note is the same.
pub fn set_note(project: &Project, doc: DocId, span: SpanId, note: &str) -> Option<Edit> {
    let mut changed = project.document(doc)?.span(span)?.clone();
    if changed.note == note {
        return None;
    }
    changed.note = note.into();
    Some(Edit::ReplaceSpan { doc, span: changed })
}

/// Sets (`Some`) or removes (`None`) an attribute of the span. The key is trimmed; a blank key
/// is no attribute, and a change that changes nothing is no edit.
pub fn set_attribute(
    project: &Project,
    doc: DocId,
    span: SpanId,
    key: &str,
    value: Option<&str>,
) -> Option<Edit> {
    let key = key.trim();
    if key.is_empty() {
        return None;
    }
    let mut changed = project.document(doc)?.span(span)?.clone();
    let before = changed.attributes.clone();
    match value {
        Some(value) => changed
            .attributes
            .insert(key.to_string(), value.to_string()),
        None => changed.attributes.remove(key),
    };
    (changed.attributes != before).then_some(Edit::ReplaceSpan { doc, span: changed })
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
        assert_eq!(document.span(id).unwrap().quote(), "اسکندر مومنی");
        assert_eq!(document.status, DocStatus::InProgress);
        history.undo(&mut project).unwrap();
        let document = project.document(doc).unwrap();
        assert!(document.spans.is_empty());
        assert_eq!(document.status, DocStatus::New, "one undo step for both");
        // A second tag on a document in progress does not touch the status.
        history.redo(&mut project).unwrap();
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
    fn linking_a_new_spelling_adds_it_as_an_alias_in_the_same_step() {
        let (mut project, doc, text) = sample_project();
        let (edit, span) = tag_selection(&mut project, doc, text, 23..35, "PER", "me").unwrap();
        edit.apply(&mut project).unwrap();
        let (edit, entity) = new_entity_from_span(&mut project, doc, span).unwrap();
        edit.apply(&mut project).unwrap();
        assert_eq!(project.entity(entity).unwrap().name, "اسکندر مومنی");
        // Its own name: no alias.
        let edit = link_span(&project, doc, span, Some(entity)).unwrap();
        assert!(matches!(&edit, Edit::Batch(edits) if edits.len() == 1));
        // Another spelling becomes an alias.
        let mut renamed = project.entity(entity).unwrap().clone();
        renamed.name = "Eskandar Momeni".into();
        Edit::ReplaceEntity(renamed).apply(&mut project).unwrap();
        link_span(&project, doc, span, Some(entity))
            .unwrap()
            .apply(&mut project)
            .unwrap();
        assert_eq!(project.entity(entity).unwrap().aliases, ["اسکندر مومنی"]);
        // Unlinking touches the span only.
        link_span(&project, doc, span, None)
            .unwrap()
            .apply(&mut project)
            .unwrap();
        assert_eq!(
            project.document(doc).unwrap().span(span).unwrap().entity,
            None
        );
        assert!(link_span(&project, doc, SpanId(999_999), None).is_none());
    }

    #[test]
    fn notes_and_attributes_change_only_when_they_change() {
        let (mut project, doc, text) = sample_project();
        let (edit, span) = tag_selection(&mut project, doc, text, 23..35, "PER", "me").unwrap();
        edit.apply(&mut project).unwrap();
        assert!(set_note(&project, doc, span, "").is_none(), "same note");
        set_note(&project, doc, span, "وزیر")
            .unwrap()
            .apply(&mut project)
            .unwrap();
        assert!(set_attribute(&project, doc, span, "  ", Some("x")).is_none());
        set_attribute(&project, doc, span, " role ", Some("وزیر کشور"))
            .unwrap()
            .apply(&mut project)
            .unwrap();
        let stored = project.document(doc).unwrap().span(span).unwrap().clone();
        assert_eq!(stored.note, "وزیر");
        assert_eq!(
            stored.attributes.get("role").map(String::as_str),
            Some("وزیر کشور")
        );
        assert!(set_attribute(&project, doc, span, "other", None).is_none());
        set_attribute(&project, doc, span, "role", None)
            .unwrap()
            .apply(&mut project)
            .unwrap();
        assert!(
            project
                .document(doc)
                .unwrap()
                .span(span)
                .unwrap()
                .attributes
                .is_empty()
        );
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

/// What "tag all occurrences" found in several documents: the suggestions, and the texts of
/// the documents they are in (needed to accept them).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CorpusSuggestions {
    pub suggestions: Vec<Suggestion>,
    pub texts: std::collections::HashMap<DocId, String>,
}

/// [`suggest_in`] over the documents `docs`, reading each text with `read` (`None`: not
/// readable, or changed on disk since it was annotated: left alone). `progress(done, total)` after
/// each document; `cancel` stops early (with what was found so far).
#[allow(clippy::too_many_arguments)]
pub fn suggest_in_documents(
    project: &Project,
    docs: &[DocId],
    read: impl Fn(&crate::model::Document) -> Option<String>,
    quote: &str,
    label: &str,
    entity: Option<crate::model::EntityId>,
    progress: &mut dyn FnMut(usize, usize),
    cancel: &std::sync::atomic::AtomicBool,
) -> CorpusSuggestions {
    let mut found = CorpusSuggestions::default();
    for (index, &doc) in docs.iter().enumerate() {
        if cancel.load(std::sync::atomic::Ordering::Relaxed) {
            break;
        }
        if let Some(text) = project.document(doc).and_then(&read) {
            let here = suggest_in(project, doc, &text, quote, label, entity);
            if !here.is_empty() {
                found.suggestions.extend(here);
                found.texts.insert(doc, text);
            }
        }
        progress(index + 1, docs.len());
    }
    found
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
    fn corpus_search_keeps_only_the_texts_it_found_something_in_and_stops_when_cancelled() {
        let project = crate::sample::fresh_project();
        let docs: Vec<DocId> = project.documents.iter().map(|d| d.id).collect();
        let read = |d: &crate::model::Document| {
            crate::sample::ARTICLES
                .iter()
                .find(|(name, _)| *name == d.path)
                .map(|(_, text)| text.to_string())
        };
        let mut seen = Vec::new();
        let cancel = std::sync::atomic::AtomicBool::new(false);
        let found = suggest_in_documents(
            &project,
            &docs,
            read,
            "سازمان همکاری شانگهای",
            "ORG",
            None,
            &mut |done, total| seen.push((done, total)),
            &cancel,
        );
        assert_eq!(found.texts.len(), 1, "only the SCO article names it");
        assert!(found.suggestions.len() > 5);
        assert_eq!(seen.last(), Some(&(5, 5)));
        cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        let stopped = suggest_in_documents(
            &project,
            &docs,
            read,
            "اکو",
            "ORG",
            None,
            &mut |_, _| {},
            &cancel,
        );
        assert!(stopped.suggestions.is_empty());
    }

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
        history.undo(&mut project).unwrap();
        assert_eq!(
            project.document(doc).unwrap().spans.len(),
            before,
            "one undo step"
        );
    }
}
