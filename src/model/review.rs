//! Workflow states of documents and annotations.

use serde::{Deserialize, Serialize};

use super::{Name, Remark};

/// Where a document is in the annotate → review workflow.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum DocStatus {
    #[default]
    New,
    InProgress,
    ReadyForReview,
    Reviewed,
    NeedsChanges,
}

impl DocStatus {
    pub const ALL: [DocStatus; 5] = [
        DocStatus::New,
        DocStatus::InProgress,
        DocStatus::ReadyForReview,
        DocStatus::Reviewed,
        DocStatus::NeedsChanges,
    ];

    pub fn name(self) -> &'static str {
        match self {
            DocStatus::New => "new",
            DocStatus::InProgress => "in progress",
            DocStatus::ReadyForReview => "ready for review",
            DocStatus::Reviewed => "reviewed",
            DocStatus::NeedsChanges => "needs changes",
        }
    }
}

/// A reviewer's decision on one annotation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReviewState {
    #[default]
    Pending,
    Accepted,
    Rejected,
}

impl ReviewState {
    /// The state as the exports and the command line write it.
    pub fn name(self) -> &'static str {
        match self {
            ReviewState::Pending => "pending",
            ReviewState::Accepted => "accepted",
            ReviewState::Rejected => "rejected",
        }
    }
}

/// The review of one annotation (span, meeting or outcome).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    #[serde(default)]
    pub state: ReviewState,
    /// Why it was rejected (or any remark of the reviewer).
    #[serde(default, skip_serializing_if = "Remark::is_empty")]
    pub comment: Remark,
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub reviewer: Name,
    /// RFC 3339 time of the decision.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub at: Name,
}

impl Review {
    pub fn is_pending(&self) -> bool {
        self.state == ReviewState::Pending
    }
}
