//! Spans a program proposed (authored `suggest:…`, the gazetteers' among them), pending review,
//! grouped to be decided in bulk: every pending suggestion of one entity (or, unlinked, of one
//! name in any spelling) and label is one group, accepted or rejected in one step.

use std::collections::BTreeMap;

use super::Edit;
use super::review::decide;
use crate::model::{EntityId, Project, ReviewState, Span, SpanRef};
use crate::text::fold::fold_str;

/// What marks a span as proposed by a program rather than a person.
pub const SUGGESTED_BY: &str = "suggest:";

pub fn is_suggestion(span: &Span) -> bool {
    span.author.starts_with(SUGGESTED_BY)
}

/// What the spans of a group share.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GroupKey {
    pub label: String,
    pub entity: Option<EntityId>,
    /// The words folded (spellings alike), when no entity is linked.
    pub name: String,
}

/// The pending suggestions of one entity or name, with one label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuggestionGroup {
    pub key: GroupKey,
    /// The entity's name, or the words as first found.
    pub shown: String,
    pub spans: Vec<SpanRef>,
    /// In how many documents.
    pub documents: usize,
}

/// Every group of pending suggestions (of `label` only, when given), the largest first.
pub fn pending_groups(project: &Project, label: Option<&str>) -> Vec<SuggestionGroup> {
    let mut groups: BTreeMap<GroupKey, SuggestionGroup> = BTreeMap::new();
    for document in &project.documents {
        for span in &document.spans {
            if !is_suggestion(span)
                || span.review.state != ReviewState::Pending
                || label.is_some_and(|l| l != span.label)
            {
                continue;
            }
            let key = GroupKey {
                label: span.label.to_string(),
                entity: span.entity,
                name: if span.entity.is_some() {
                    String::new()
                } else {
                    fold_str(span.quote()).trim().to_string()
                },
            };
            let group = groups
                .entry(key.clone())
                .or_insert_with(|| SuggestionGroup {
                    shown: span
                        .entity
                        .and_then(|e| project.entity(e))
                        .map_or_else(|| span.quote().to_string(), |e| e.name.clone()),
                    key,
                    spans: Vec::new(),
                    documents: 0,
                });
            if group
                .spans
                .last()
                .is_none_or(|last| last.doc != document.id)
            {
                group.documents += 1;
            }
            group.spans.push(SpanRef {
                doc: document.id,
                span: span.id,
            });
        }
    }
    let mut groups: Vec<SuggestionGroup> = groups.into_values().collect();
    groups.sort_by(|a, b| b.spans.len().cmp(&a.spans.len()).then(a.key.cmp(&b.key)));
    groups
}

/// The edit deciding every span of the group (one undo step).
pub fn decide_group(
    project: &Project,
    group: &SuggestionGroup,
    state: ReviewState,
    reviewer: &str,
) -> Edit {
    Edit::Batch(
        group
            .spans
            .iter()
            .filter_map(|at| {
                decide(
                    project,
                    super::review::ReviewItem::Span(*at),
                    state,
                    "",
                    reviewer,
                )
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocId, SpanId};

    fn span(id: u64, text: &str, start: usize, end: usize, label: &str, author: &str) -> Span {
        Span::quoting(SpanId(id), text, start, end, label, author).unwrap()
    }

    #[test]
    fn suggestions_group_by_entity_or_folded_name_and_label_largest_first() {
        let text = "ایران و ايران و ترکیه";
        let mut project = crate::sample::fresh_project();
        project.documents.truncate(2);
        let docs: Vec<DocId> = project.documents.iter().map(|d| d.id).collect();
        for (i, doc) in docs.iter().enumerate() {
            let document = std::sync::Arc::make_mut(&mut project.documents[i]);
            document.spans = vec![
                span(100 + i as u64 * 10, text, 0, 5, "GPE", "suggest:gazetteer"),
                span(101 + i as u64 * 10, text, 8, 13, "GPE", "suggest:gazetteer"),
                span(
                    102 + i as u64 * 10,
                    text,
                    16,
                    21,
                    "GPE",
                    "suggest:gazetteer",
                ),
                // A person's span is not a suggestion.
                span(103 + i as u64 * 10, text, 16, 21, "LOC", "me"),
            ];
            assert_eq!(document.id, *doc);
        }
        let groups = pending_groups(&project, None);
        // ایران and ايران are one name; ترکیه another.
        assert_eq!(groups.len(), 2, "{groups:?}");
        assert_eq!(groups[0].spans.len(), 4);
        assert_eq!(groups[0].documents, 2);
        assert_eq!(groups[1].shown, "ترکیه");
        assert!(pending_groups(&project, Some("ORG")).is_empty());
        // Decided: one step, and no longer pending.
        let edit = decide_group(&project, &groups[0], ReviewState::Rejected, "reviewer");
        let mut history = crate::edit::History::new();
        history.apply(&mut project, edit).unwrap();
        let left = pending_groups(&project, None);
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].key, groups[1].key);
        history.undo(&mut project).unwrap();
        assert_eq!(pending_groups(&project, None), groups);
    }
}
