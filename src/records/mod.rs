//! Building meeting and outcome records from the article text: a selection (or a span) becomes a
//! field's value and its evidence in one undo step, and meetings recorded from other articles are
//! proposed when they look like the one this article reports. No UI here.

mod candidates;
mod detach;
mod evidence;
mod meetings;
mod outcomes;
mod table;
mod token_tags;

pub use candidates::{Candidate, meeting_candidates, meetings_in};
pub use detach::{
    Referrer, clear_meeting_field, delete_span_detaching, referrers, remove_meeting_evidence,
    remove_outcome_evidence, replace_meeting_evidence,
};
pub use evidence::{ArticleRef, Selection};
pub use meetings::{
    EVIDENCE_LABEL, EVIDENCE_ROLE, GroupProposal, add_unnamed_participant, attach_meeting_evidence,
    fill_field, new_meeting, propose_group,
};
pub use outcomes::{
    OutcomeProposal, add_actor, add_outcome_evidence, new_outcome, propose_outcome,
    set_attributed_to, set_outcome_title,
};

pub use table::{
    RecordColumn, RecordFilter, RecordKind, RecordRef, RecordRow, record_rows, sort_rows,
};
pub use token_tags::{LeftOut, TokenTags, tag_tokens};

use thiserror::Error;

use crate::model::{MeetingField, MeetingId, OutcomeId, SpanId};

/// Why a record could not be built from the selection.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum RecordError {
    #[error("select some text in the article (or a span) first")]
    NothingSelected,
    #[error("the selection does not fit the article")]
    OutOfRange,
    #[error("no span {0} in this article")]
    NoSpan(SpanId),
    #[error("no meeting {0}")]
    NoMeeting(MeetingId),
    #[error("no outcome {0}")]
    NoOutcome(OutcomeId),
    #[error("the schema has no meeting field {0}")]
    NoField(MeetingField),
    #[error("“{0}” is not a date Daftar can read")]
    NotADate(String),
    #[error("“{0}” is not an ordinal number Daftar can read")]
    NotAnOrdinal(String),
    #[error("“{quote}” names no {field} of the schema: choose one first")]
    NoMatchingChoice { field: MeetingField, quote: String },
    #[error("{0} is not filled from the text: choose it in the panel")]
    NotFromText(MeetingField),
    #[error("{0} already takes part in this meeting")]
    AlreadyParticipant(String),
    #[error("“{0}” gives no number and does not say every member: set the group in the panel")]
    NoGroup(String),
    #[error("those words are not evidence of this meeting")]
    NotEvidence,
    #[error("select other words: these are the evidence already")]
    SameEvidence,
}

#[cfg(test)]
mod tests;
