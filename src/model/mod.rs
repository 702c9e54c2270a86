//! The data model: everything the project file holds. No I/O and no UI here.

pub mod codes;
mod document;
mod entity;
mod ids;
pub mod integrity;
mod meeting;
mod name;
mod project;
mod review;
mod schema;
mod sparse;
pub mod validate;

pub use document::{
    Credit, DiskState, Document, ORPHANED_ATTRIBUTE, Quoted, SPAN_CONTEXT_CHARS, Span, now_rfc3339,
};
pub use entity::Entity;
pub use ids::{DocId, EntityId, MeetingId, OutcomeId, SpanId, SpanRef};
pub use meeting::{
    Actor, ActorRole, Calendar, DateValue, EventCodes, FieldValue, FieldValueKind, MEETING_FIELDS,
    Meeting, MeetingField, MeetingFieldInfo, OUTCOME_FIELDS, Outcome, OutcomeField,
    OutcomeFieldInfo, Participant, Precision, Realis, Sourced,
};
pub use name::{Interner, Name};
pub(crate) use project::sorted_insertion_index;
pub use project::{FORMAT_VERSION, Project};
pub use review::{DocStatus, Review, ReviewState};
pub use schema::{
    Choice, DEFAULT_SCHEMA_RON, FieldDef, FieldKind, LabelDef, LabelLanguage, Names, Schema,
    parse_hex_color,
};
pub use sparse::{Attributes, Remark};
