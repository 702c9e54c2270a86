//! The application without a window: a [`Session`] holds the open project, its undo history,
//! the document shown and the selection in it, the current meeting and outcome, the review
//! cursor, the list filters and the view options; every user action is an [`AppCommand`] that
//! [`Session::apply`] carries out in one place, recording undo. The window (`ui/`) draws the
//! session and turns keys, clicks and typing into commands; tests drive it without a window.
//! Nothing here knows egui.

mod article;
mod command;
mod curation;
pub mod describe;
mod entities;
mod jobs;
mod lists;
mod meetings;
mod records_view;
mod review;
mod search;
mod session;
mod spans;
mod suggestions_page;

pub use article::{Article, TextSelection};
pub use command::{
    AppCommand, Applied, CodesTarget, Confirmation, DocumentScope, Edge, Effect, ExportRequest,
    Page, Refusal,
};
pub use jobs::{CorpusSearch, ExportJob, PreAnnotateJob, SearchJob, SyncJob};
pub use lists::{DocumentList, EntityIndex, neighbour};
pub use records_view::RecordsView;
pub use search::SearchState;
pub use session::{
    AUTOSAVE_DELAY, Cursor, DEFAULT_FONT_SIZE, MAX_FONT_SIZE, MIN_FONT_SIZE, SaveStatus, Session,
    ViewOptions,
};
pub use suggestions_page::SuggestionsView;

#[cfg(test)]
mod tests;
