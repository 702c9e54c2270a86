//! The project: everything that is saved in the project file.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::Span;
use super::document::Document;
use super::entity::Entity;
use super::ids::{DocId, EntityId, MeetingId, OutcomeId, SpanId, SpanRef};
use super::meeting::{Meeting, Outcome};
use super::schema::Schema;

/// The project file format this build writes. Every version ever shipped has a fixture under
/// `tests/fixtures/` that must keep loading.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Format version of the file this was read from (always `FORMAT_VERSION` once loaded).
    pub format: u32,
    pub name: String,
    /// The corpus folder, relative to the project file (with `/` separators).
    pub corpus: String,
    /// The next id to hand out; ids of every kind come from this one counter.
    pub next_id: u64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotators: Vec<String>,
    pub schema: Schema,
    /// Sorted by id.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Sorted by id.
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// Sorted by id.
    #[serde(default)]
    pub outcomes: Vec<Outcome>,
    /// Sorted by id (which is import order: by path within one import). Shared, so that a
    /// snapshot for a background save copies one pointer per document; edits copy the one
    /// document they change (`Arc::make_mut`).
    #[serde(default)]
    pub documents: Vec<Arc<Document>>,
}

impl Project {
    /// The latest day a meeting held on a date the articles do not state can have been: the
    /// earliest publication date of the articles reporting it.
    pub fn latest_date_of(&self, meeting: &super::Meeting) -> Option<String> {
        meeting.latest_date(|doc| self.document(doc)?.published.as_deref())
    }

    pub fn new(name: impl Into<String>, corpus: impl Into<String>) -> Self {
        Project {
            format: FORMAT_VERSION,
            name: name.into(),
            corpus: corpus.into(),
            next_id: 1,
            annotators: Vec::new(),
            schema: Schema::default(),
            entities: Vec::new(),
            meetings: Vec::new(),
            outcomes: Vec::new(),
            documents: Vec::new(),
        }
    }

    /// A copy of everything but the documents (the bulk of a large project).
    pub fn clone_without_documents(&self) -> Project {
        Project {
            format: self.format,
            name: self.name.clone(),
            corpus: self.corpus.clone(),
            next_id: self.next_id,
            annotators: self.annotators.clone(),
            schema: self.schema.clone(),
            entities: self.entities.clone(),
            meetings: self.meetings.clone(),
            outcomes: self.outcomes.clone(),
            documents: Vec::new(),
        }
    }

    /// Hands out a fresh id number, never used before in this project.
    pub fn allocate_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    pub fn new_span_id(&mut self) -> SpanId {
        SpanId(self.allocate_id())
    }
    pub fn new_entity_id(&mut self) -> EntityId {
        EntityId(self.allocate_id())
    }
    pub fn new_meeting_id(&mut self) -> MeetingId {
        MeetingId(self.allocate_id())
    }
    pub fn new_outcome_id(&mut self) -> OutcomeId {
        OutcomeId(self.allocate_id())
    }
    pub fn new_doc_id(&mut self) -> DocId {
        DocId(self.allocate_id())
    }

    pub fn document(&self, id: DocId) -> Option<&Document> {
        find_by_id(&self.documents, id, |d| d.id).map(|d| &**d)
    }
    pub fn document_mut(&mut self, id: DocId) -> Option<&mut Document> {
        let index = self.documents.binary_search_by_key(&id, |d| d.id).ok()?;
        Some(Arc::make_mut(&mut self.documents[index]))
    }
    pub fn document_by_path(&self, path: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.path == path).map(|d| &**d)
    }
    pub fn entity(&self, id: EntityId) -> Option<&Entity> {
        find_by_id(&self.entities, id, |e| e.id)
    }
    pub fn meeting(&self, id: MeetingId) -> Option<&Meeting> {
        find_by_id(&self.meetings, id, |m| m.id)
    }
    pub fn outcome(&self, id: OutcomeId) -> Option<&Outcome> {
        find_by_id(&self.outcomes, id, |o| o.id)
    }
    pub fn span(&self, at: SpanRef) -> Option<&Span> {
        self.document(at.doc)?.span(at.span)
    }

    /// Outcomes recorded for a meeting, in id order.
    pub fn outcomes_of(&self, meeting: MeetingId) -> impl Iterator<Item = &Outcome> {
        self.outcomes
            .iter()
            .filter(move |o| o.meeting == Some(meeting))
    }

    /// Every span linked to an entity, across documents.
    pub fn mentions_of(&self, entity: EntityId) -> impl Iterator<Item = (&Document, &Span)> {
        self.documents.iter().flat_map(move |d| {
            d.spans
                .iter()
                .filter(move |s| s.entity == Some(entity))
                .map(move |s| (&**d, s))
        })
    }

    /// The highest id in use, of any kind.
    pub fn highest_id(&self) -> Option<u64> {
        self.documents
            .iter()
            .map(|d| d.highest_id())
            .chain(self.highest_record_id())
            .max()
    }

    /// The highest id of the entities, meetings and outcomes (the documents and spans aside).
    pub fn highest_record_id(&self) -> Option<u64> {
        self.entities
            .iter()
            .map(|e| e.id.0)
            .chain(self.meetings.iter().map(|m| m.id.0))
            .chain(self.outcomes.iter().map(|o| o.id.0))
            .max()
    }

    pub fn span_count(&self) -> usize {
        self.documents.iter().map(|d| d.spans.len()).sum()
    }
}

/// Binary search in a list kept sorted by id.
fn find_by_id<T, I: Ord>(items: &[T], id: I, key: impl Fn(&T) -> I) -> Option<&T> {
    items
        .binary_search_by(|item| key(item).cmp(&id))
        .ok()
        .map(|i| &items[i])
}

/// Index at which an item with `id` belongs in a list sorted by id.
pub(crate) fn sorted_insertion_index<T, I: Ord + Copy>(
    items: &[T],
    id: I,
    key: impl Fn(&T) -> I,
) -> usize {
    items.partition_point(|item| key(item) < id)
}
