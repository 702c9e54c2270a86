//! Typed ids. Every id in a project comes from one counter (`Project::next_id`), so an id is
//! never reused, even after an undo, and evidence that names a span can never point at another.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! typed_id {
    ($(#[$meta:meta])* $name:ident, $prefix:literal) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

typed_id!(
    /// A document (one article file).
    DocId,
    "d"
);
typed_id!(
    /// A span of text in one document.
    SpanId,
    "s"
);
typed_id!(
    /// An entity in the project's registry.
    EntityId,
    "e"
);
typed_id!(
    /// A meeting record (project level).
    MeetingId,
    "m"
);
typed_id!(
    /// An outcome of a meeting.
    OutcomeId,
    "o"
);

/// Where a piece of evidence is: a span in a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpanRef {
    pub doc: DocId,
    pub span: SpanId,
}
