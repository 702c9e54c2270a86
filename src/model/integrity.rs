//! The invariants the model relies on, checked without the articles: ids unique, the id counter
//! above every id in use and far from wrapping, collections in id order, spans in reading order
//! and never empty or reversed (unless orphaned), the same span not twice, every reference
//! resolving. Loading a project for work refuses one that breaks [`Breach::is_unsafe`] ones
//! (editing it would hand out ids already in use or look records up in the wrong place);
//! `daftar check` reports them all.

use std::collections::{HashMap, HashSet};

use super::{DocId, EntityId, ORPHANED_ATTRIBUTE, Project, SpanRef};

/// One broken invariant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Breach {
    pub message: String,
    /// Working on the project as it is would damage it.
    pub unsafe_to_edit: bool,
}

impl Breach {
    pub fn is_unsafe(&self) -> bool {
        self.unsafe_to_edit
    }
}

impl std::fmt::Display for Breach {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Every broken invariant of `project`.
pub fn breaches(project: &Project) -> Vec<Breach> {
    let mut found = Vec::new();
    let mut unsafe_breach = |message: String| {
        found.push(Breach {
            message,
            unsafe_to_edit: true,
        })
    };
    // Ids: one counter for every kind, so one id names one thing.
    let mut owners: HashMap<u64, String> = HashMap::new();
    let mut claim = |id: u64, what: String, breach: &mut dyn FnMut(String)| {
        if let Some(first) = owners.insert(id, what.clone()) {
            breach(format!("{what} has the id of {first}"));
        }
    };
    for document in &project.documents {
        claim(
            document.id.0,
            format!("document {}", document.path),
            &mut unsafe_breach,
        );
        for span in &document.spans {
            let what = format!("span {} of {}", span.id, document.path);
            claim(span.id.0, what, &mut unsafe_breach);
        }
    }
    for entity in &project.entities {
        claim(
            entity.id.0,
            format!("entity {}", entity.id),
            &mut unsafe_breach,
        );
    }
    for meeting in &project.meetings {
        claim(
            meeting.id.0,
            format!("meeting {}", meeting.id),
            &mut unsafe_breach,
        );
    }
    for outcome in &project.outcomes {
        claim(
            outcome.id.0,
            format!("outcome {}", outcome.id),
            &mut unsafe_breach,
        );
    }
    if let Some(&highest) = owners.keys().max()
        && project.next_id <= highest
    {
        unsafe_breach(format!(
            "the next id ({}) is not above the ids in use (up to {highest}): new work would reuse them",
            project.next_id
        ));
    }
    if project.next_id > u64::MAX / 2 {
        unsafe_breach(format!(
            "the next id ({}) is so large that ids would run out",
            project.next_id
        ));
    }
    let in_order = |ids: Vec<u64>| ids.windows(2).all(|w| w[0] < w[1]);
    for (what, sorted) in [
        (
            "documents",
            in_order(project.documents.iter().map(|d| d.id.0).collect()),
        ),
        (
            "entities",
            in_order(project.entities.iter().map(|e| e.id.0).collect()),
        ),
        (
            "meetings",
            in_order(project.meetings.iter().map(|m| m.id.0).collect()),
        ),
        (
            "outcomes",
            in_order(project.outcomes.iter().map(|o| o.id.0).collect()),
        ),
    ] {
        if !sorted {
            unsafe_breach(format!("the {what} are not in id order"));
        }
    }
    for document in &project.documents {
        let keys: Vec<_> = document.spans.iter().map(|s| s.sort_key()).collect();
        if keys.windows(2).any(|w| w[0] > w[1]) {
            unsafe_breach(format!(
                "the spans of {} are not in reading order",
                document.path
            ));
        }
    }
    // Two copies that each imported the same new article, merged: two documents of one file.
    let mut by_path: HashMap<&str, DocId> = HashMap::new();
    for document in &project.documents {
        if let Some(first) = by_path.insert(document.path.as_str(), document.id) {
            found.push(Breach {
                message: format!(
                    "documents {first} and {} are both the article {}: keep the spans of one",
                    document.id, document.path
                ),
                unsafe_to_edit: false,
            });
        }
    }
    found.extend(span_breaches(project));
    found.extend(reference_breaches(project));
    found
}

/// Spans that are empty or reversed (orphaned ones wait at 0..0 and are reported as such), past
/// their document, or the same span twice.
fn span_breaches(project: &Project) -> Vec<Breach> {
    let mut found = Vec::new();
    let mut report = |message: String| {
        found.push(Breach {
            message,
            unsafe_to_edit: false,
        })
    };
    for document in &project.documents {
        let mut seen = HashMap::new();
        for span in &document.spans {
            let place = format!("span {} of {}", span.id, document.path);
            if let Some(from) = span.attributes.get(ORPHANED_ATTRIBUTE) {
                report(format!(
                    "{place} is orphaned (its text, at {from}, changed): place it again"
                ));
            } else if span.start >= span.end {
                report(format!(
                    "{place} at {}..{} is empty or reversed",
                    span.start, span.end
                ));
            } else if span.end > document.chars {
                report(format!(
                    "{place} ends at {}, past the article's {} characters",
                    span.end, document.chars
                ));
            }
            // Two people's equal spans are double annotation, not a repeat.
            let key = (
                span.start,
                span.end,
                span.label.as_str(),
                span.author.as_str(),
            );
            if let Some(first) = seen.insert(key, span.id) {
                report(format!(
                    "{place} repeats span {first} (the same words, the same label, the same author)"
                ));
            }
        }
    }
    found
}

/// References to spans, entities and meetings that do not exist.
fn reference_breaches(project: &Project) -> Vec<Breach> {
    let mut found = Vec::new();
    let spans: HashSet<SpanRef> = project
        .documents
        .iter()
        .flat_map(|d| {
            d.spans.iter().map(|s| SpanRef {
                doc: d.id,
                span: s.id,
            })
        })
        .collect();
    let entities: HashSet<EntityId> = project.entities.iter().map(|e| e.id).collect();
    let mut missing = |what: String| {
        found.push(Breach {
            message: what,
            unsafe_to_edit: false,
        })
    };
    let doc_name = |doc: DocId| {
        project
            .document(doc)
            .map_or_else(|| format!("document {doc}"), |d| d.path.clone())
    };
    let span_ref = |owner: &str, at: SpanRef, missing: &mut dyn FnMut(String)| {
        if !spans.contains(&at) {
            missing(format!(
                "{owner} cites span {} of {}, which does not exist",
                at.span,
                doc_name(at.doc)
            ));
        }
    };
    let entity_ref = |owner: &str, entity: EntityId, missing: &mut dyn FnMut(String)| {
        if !entities.contains(&entity) {
            missing(format!(
                "{owner} names entity {entity}, which does not exist"
            ));
        }
    };
    for document in &project.documents {
        for span in &document.spans {
            if let Some(entity) = span.entity {
                entity_ref(&format!("span {}", span.id), entity, &mut missing);
            }
        }
    }
    for meeting in &project.meetings {
        let owner = format!("meeting {}", meeting.id);
        for at in meeting.evidence_spans() {
            span_ref(&owner, at, &mut missing);
        }
        let fields = [
            &meeting.organization,
            &meeting.venue,
            &meeting.host,
            &meeting.chair,
        ];
        for field in fields.into_iter().flatten() {
            entity_ref(&owner, field.value, &mut missing);
        }
        for participant in &meeting.participants {
            if let Some(entity) = participant.entity {
                entity_ref(&owner, entity, &mut missing);
            }
        }
    }
    for outcome in &project.outcomes {
        let owner = format!("outcome {}", outcome.id);
        if let Some(meeting) = outcome.meeting.filter(|m| project.meeting(*m).is_none()) {
            missing(format!(
                "{owner} belongs to meeting {meeting}, which does not exist"
            ));
        }
        for at in outcome.evidence_spans() {
            span_ref(&owner, at, &mut missing);
        }
        let named = outcome.actors.iter().map(|a| a.entity);
        for entity in named.chain(outcome.attributed_to) {
            entity_ref(&owner, entity, &mut missing);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Participant, SpanId};

    fn sample() -> Project {
        crate::store::from_ron(crate::sample::PROJECT, std::path::Path::new("s")).unwrap()
    }

    fn messages(project: &Project) -> Vec<String> {
        breaches(project).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn the_sample_keeps_every_invariant() {
        assert_eq!(messages(&sample()), Vec::<String>::new());
    }

    #[test]
    fn two_peoples_equal_spans_are_double_annotation_but_one_persons_are_a_repeat() {
        let mut project = sample();
        let doc = project.documents[0].id;
        let mut copy = project.documents[0].spans[0].clone();
        copy.id = SpanId(project.allocate_id());
        copy.author = "reza".into();
        let document = project.document_mut(doc).unwrap();
        let at = document.insertion_index(&copy);
        document.spans.insert(at, copy.clone());
        assert_eq!(messages(&project), Vec::<String>::new());
        let mut again = copy;
        again.id = SpanId(project.allocate_id());
        let document = project.document_mut(doc).unwrap();
        let at = document.insertion_index(&again);
        document.spans.insert(at, again);
        assert!(messages(&project)[0].contains("the same author"));
    }

    #[test]
    fn two_documents_of_one_article_are_reported() {
        let mut project = sample();
        let mut twin = (*project.documents[0]).clone();
        twin.id = crate::model::DocId(project.allocate_id());
        twin.spans.clear();
        project.documents.push(twin.into());
        let found = breaches(&project);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("are both the article"));
        assert!(!found[0].is_unsafe());
    }

    #[test]
    fn ids_in_use_twice_or_at_the_counter_are_unsafe() {
        let mut project = sample();
        project.next_id = 5;
        let found = breaches(&project);
        assert!(found[0].message.starts_with("the next id (5) is not above"));
        assert!(found[0].is_unsafe());
        let mut project = sample();
        project.next_id = u64::MAX;
        assert!(messages(&project)[0].contains("ids would run out"));
        let mut project = sample();
        let copy = project.entities[0].clone();
        project.entities.push(copy);
        let found = messages(&project);
        assert!(
            found.iter().any(|m| m.contains("has the id of")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|m| m == "the entities are not in id order")
        );
    }

    #[test]
    fn spans_twice_empty_or_past_the_text_and_dangling_references_are_reported() {
        let mut project = sample();
        let doc = project.documents[0].id;
        let document = project.document_mut(doc).unwrap();
        let mut twin = document.spans[0].clone();
        twin.id = SpanId(900);
        document.spans.insert(1, twin);
        let last = document.spans.last_mut().unwrap();
        last.start = last.end;
        let mut meeting = project.meetings[0].clone();
        meeting.participants.push(Participant {
            entity: Some(EntityId(901)),
            count: None,
            all_members: false,
            description: String::new(),
            role: "member".into(),
            evidence: Some(SpanRef {
                doc,
                span: SpanId(902),
            }),
        });
        project.meetings[0] = meeting;
        project.next_id = 1000;
        let found = messages(&project);
        for expected in [
            "repeats span",
            "is empty or reversed",
            "names entity e901",
            "cites span s902",
        ] {
            assert!(found.iter().any(|m| m.contains(expected)), "{found:?}");
        }
        assert!(
            breaches(&project).iter().all(|b| !b.is_unsafe()),
            "{found:?}"
        );
    }
}
