//! Every user action as one [`AppCommand`], what applying one can ask of the window
//! ([`Effect`]), and why one may be refused ([`Refusal`]).

use std::path::PathBuf;

use thiserror::Error;

use super::article::TextSelection;
use crate::edit::review::ReviewItem;
use crate::edit::{EditError, HistoryError};
use crate::i18n::{Arg, Words};
use crate::interchange::{ExportOptions, Format, Scope};
use crate::layout::Direction;
use crate::model::{
    ActorRole, DocId, DocStatus, EntityId, EventCodes, LabelLanguage, MeetingField, MeetingId,
    OutcomeId, Realis, ReviewState, SpanId, SpanRef,
};
use crate::records::RecordError;
pub use crate::text::edges::Edge;

/// Which page the right-hand panel shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Page {
    #[default]
    Spans,
    Meetings,
    Review,
    /// Two or more people's spans on the shown document, side by side, to take from.
    Curation,
    /// Programs' pending suggestions, grouped by entity or name, decided a group at a time.
    Suggestions,
}

/// Which documents a command works on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentScope {
    /// The document shown.
    Shown,
    /// The documents the list shows (as filtered).
    Listed,
    Every,
}

/// Whose codes are set by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodesTarget {
    Meeting(MeetingId),
    Outcome(OutcomeId),
}

/// What the export window asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportRequest {
    /// One format, or several (each into its own subfolder).
    pub formats: Vec<Format>,
    pub scope: Scope,
    pub options: ExportOptions,
    pub folder: PathBuf,
    /// Replace files in a folder that is not empty.
    pub replace: bool,
}

/// One user action. Keys, buttons, menus and the article view all turn into these, and
/// [`super::Session::apply`] is the one place they change anything. Actions that act on "the
/// selection" or "the current meeting" take them from the session.
#[derive(Clone, Debug, PartialEq)]
pub enum AppCommand {
    // The project.
    Save,
    Undo,
    Redo,
    /// Puts back the work kept in the recovery file when the project could not be saved last
    /// time (it is saved over the project file, whose last version stays as its backup).
    RestoreRecovery,
    /// Deletes the recovery file.
    DiscardRecovery,

    // Documents and the document list.
    OpenDocument(DocId),
    /// The next document of the list as shown (its filter and order).
    NextDocument,
    PreviousDocument,
    /// Filters the list by title or file name, through the match key.
    SetDocumentFilter(String),
    SetStatusFilter(Option<DocStatus>),
    /// Lists only the documents given to the current annotator (their queue), or everyone's.
    ShowMyQueue(bool),
    /// Gives the documents listed (as filtered) to the annotators named (a comma-separated
    /// list), by the mode; one undo step.
    Assign {
        annotators: String,
        mode: crate::edit::assign::AssignMode,
    },
    /// Hands the shown document over for review; asks first when a meeting it reports lacks a
    /// required field.
    MarkReadyForReview,
    /// The shown article's publication date as typed (any calendar; blank clears it).
    SetPublished(String),
    /// Moves the spans of an article changed on disk to its new text.
    Reanchor,

    /// A command the user was asked about and said yes to (deleting a span that records rest
    /// on, handing over work with gaps): carried out without asking again.
    Confirmed(Box<AppCommand>),

    // The selection in the article.
    /// A selection made in the article view (byte offsets), and the span clicked, if any.
    Select {
        selection: TextSelection,
        span: Option<SpanId>,
    },
    SelectSpan(SpanId),
    /// Opens a span's document and selects it.
    GoToSpan(SpanRef),
    NextSpan,
    PreviousSpan,

    // Spans.
    /// Tags the selection with the label (its key), or relabels the selected span.
    ApplyLabel(String),
    /// Deletes the selected span; when records rest on it, asks first, then detaches it from
    /// them (their values stay).
    DeleteSpan,
    /// Moves one edge of the selected span a step forward or back in reading order: by a word
    /// when snapping to words is on, else by a letter. One undo step; the review goes back to
    /// pending.
    MoveSpanEdge {
        edge: Edge,
        forward: bool,
    },
    /// Moves the selected span over these bytes of the shown article (a handle dragged).
    ResizeSpan(std::ops::Range<usize>),
    SetSpanNote(String),
    SetSpanAttribute {
        key: String,
        value: Option<String>,
    },
    /// Links the selected span to an entity (`None` unlinks it).
    LinkSpan(Option<EntityId>),
    /// Sets an entity's subtype (a key of its label's subtypes) or clears it.
    SetEntitySubtype(EntityId, Option<String>),
    /// Sets an entity's external identifier as typed (Wikidata QID, ISO 3166 code…); blank
    /// clears it.
    SetEntityExternalId(EntityId, String),
    NewEntityFromSpan,
    /// "Tag all occurrences" of the selected span, in its document or in every document.
    FindOccurrences {
        whole_corpus: bool,
    },
    /// Runs the gazetteers and the entity registry over the shown document, the documents
    /// listed, or every one, on a background thread; what they find comes back as
    /// [`AppCommand::AddSuggestedSpans`].
    PreAnnotate(DocumentScope),
    /// Adds what pre-annotation found as pending spans authored `suggest:gazetteer`: one undo
    /// step.
    AddSuggestedSpans(std::sync::Arc<crate::edit::tagging::CorpusSuggestions>),
    /// The suggestions page lists only suggestions of this label (all with `None`).
    SetSuggestionLabel(Option<String>),
    /// Makes a group of suggestions current and shows its first span.
    SelectSuggestionGroup(crate::edit::suggested::GroupKey),
    StepSuggestionGroup {
        forward: bool,
    },
    /// Accepts or rejects every span of the current group: one undo step.
    DecideSuggestionGroup(ReviewState),
    /// Accepts the suggestions at these indices (all with `None`) as one step.
    AcceptSuggestions(Option<Vec<usize>>),
    RejectSuggestion(usize),
    RejectAllSuggestions,

    // Meetings and outcomes (of the current meeting, from the selection where words are needed).
    NewMeeting,
    NewOutcome,
    SelectMeeting(MeetingId),
    SelectOutcome(Option<OutcomeId>),
    /// This article reports the meeting: the selection becomes its evidence.
    AttachToMeeting(MeetingId),
    /// Puts the selection in place of these trigger words of the current meeting; the old words
    /// go when nothing else rests on them.
    ReplaceMeetingEvidence(SpanRef),
    /// Takes these trigger words off the current meeting (they go when nothing else rests on
    /// them).
    RemoveMeetingEvidence(SpanRef),
    FillMeetingField(MeetingField),
    ClearMeetingField(MeetingField),
    SetMeetingChoice(MeetingField, String),
    SetRealis(Realis),
    /// The articles do not say when the meeting was: recorded as such (its dates cleared), or
    /// not.
    SetDateNotStated(bool),
    SetParticipantRole {
        index: usize,
        role: String,
    },
    RemoveParticipant(usize),
    /// An unnamed group read from the selected words: its number (or every member), who they are
    /// and the role the words propose; the words are its evidence.
    AddParticipantGroupFromSelection,
    /// An unnamed group: `count` of them, or with `None` every member.
    AddParticipantGroup {
        count: Option<u32>,
        description: String,
        role: String,
    },
    /// Codes set by hand; `None` goes back to the derived ones.
    SetCodes {
        target: CodesTarget,
        codes: Option<EventCodes>,
    },
    DeleteMeeting(MeetingId),
    SetOutcomeKind(OutcomeId, String),
    SetOutcomeStatus(OutcomeId, String),
    MoveOutcome(OutcomeId, MeetingId),
    SetOutcomeTitle(OutcomeId),
    ClearOutcomeTitle(OutcomeId),
    AddOutcomeActor(OutcomeId, ActorRole),
    SetActorRole {
        outcome: OutcomeId,
        index: usize,
        role: ActorRole,
    },
    RemoveActor {
        outcome: OutcomeId,
        index: usize,
    },
    SetAttribution(OutcomeId),
    ClearAttribution(OutcomeId),
    AddOutcomeEvidence(OutcomeId),
    RemoveOutcomeEvidence {
        outcome: OutcomeId,
        index: usize,
    },
    DeleteOutcome(OutcomeId),

    // Review.
    /// Opens a document of the review queue.
    OpenForReview(DocId),
    SelectReviewItem(ReviewItem),
    NextReviewItem,
    PreviousReviewItem,
    /// Accepts or rejects the current item with the comment, then goes to the next pending one.
    Decide {
        state: ReviewState,
        comment: String,
    },
    AcceptAllRemaining,
    /// Curation: the cluster at this index of `Session::curation_clusters`.
    SelectCluster(usize),
    NextCluster,
    PreviousCluster,
    /// Takes an annotator's version, all, or none of the current cluster, then goes to the next
    /// cluster not yet decided.
    Curate(crate::edit::curation::Take),
    /// Finishes the shown document as reviewed, or sends it back with the note.
    FinishReview {
        reviewed: bool,
        note: String,
    },

    // Corpus search.
    /// Opens the corpus search window.
    OpenCorpusSearch,
    /// Searches every article on a background thread; its hits replace the last search's.
    SearchCorpus(crate::search::SearchQuery),
    /// Opens the hit's document with its words selected.
    OpenSearchHit(usize),
    /// Moves to the next or previous hit, without opening it.
    StepSearchHit {
        forward: bool,
    },
    /// Checks a hit for tagging, or unchecks it.
    ToggleSearchHit(usize),
    /// Checks every hit, or none.
    CheckAllSearchHits(bool),
    /// Tags the checked hits (the current one when none is checked) with the label, linked to
    /// the entity: one undo step.
    TagSearchHits {
        label: String,
        entity: Option<EntityId>,
    },

    // The records table.
    /// Opens the records window: every meeting and outcome as a table.
    OpenRecords,
    SetRecordFilter(crate::records::RecordFilter),
    /// Sorts by the column; by the same column again, the other way.
    SortRecords(crate::records::RecordColumn),
    SelectRecord(crate::records::RecordRef),
    /// Moves to the next or previous row as shown.
    StepRecord {
        forward: bool,
    },
    /// Opens the record at its evidence, on the meetings page.
    OpenRecord(crate::records::RecordRef),

    // Charts.
    /// Opens the charts window: the meetings on a timeline, outcomes, spans, progress.
    OpenCharts,
    /// Writes the chart as an SVG file where the user chose.
    SaveChart {
        chart: crate::charts::ChartKind,
        path: PathBuf,
    },

    // What the window shows.
    ShowPage(Page),
    /// Shows the page, or the spans when it is already shown.
    TogglePage(Page),
    ZoomIn,
    ZoomOut,
    /// The article's base direction; `None` detects it.
    SetDirection(Option<Direction>),
    SetLabelLanguage(LabelLanguage),
    /// The interface's language; the label names follow it.
    SetInterfaceLanguage(LabelLanguage),
    SetSnapToWords(bool),
    /// Shows only the spans of the annotator working, or everyone's.
    SetOnlyMySpans(bool),
    /// The name recorded on new annotations and decisions.
    SetAnnotator(String),
    FocusDocumentFilter,
    /// Opens the command palette.
    OpenPalette,

    // Work the window does elsewhere.
    /// Measures how far the annotators agree and shows it.
    ShowAgreement,
    /// Saves, then commits, merges the team's work and pushes (a project folder in git).
    Sync,
    /// Reads the project again from disk (after a sync merged others' work into its files).
    /// The undo history starts again: the steps before are in git's history.
    ReloadFromDisk,
    OpenExportDialog,
    Export(ExportRequest),
    /// Opens a folder of articles, a project file or another tool's annotations.
    Open(PathBuf),
    /// Imports a folder of articles into a project file of the user's choosing.
    ImportFolder {
        folder: PathBuf,
        project: PathBuf,
    },
}

/// What applying a command asks of the window, beyond what the session holds.
#[derive(Debug)]
pub enum Effect {
    FocusDocumentFilter,
    OpenPalette,
    OpenExportDialog,
    OpenCorpusSearch,
    OpenRecords,
    OpenCharts,
    /// Runs a corpus search on a background thread; its hits go back through
    /// [`super::Session::take_search_results`].
    SearchCorpus(Box<super::jobs::SearchJob>),
    /// Measures the agreement between annotators on a background thread, for the window to
    /// show when it ends.
    Agreement(Box<super::jobs::AgreementJob>),
    /// Runs a sync through git on a background thread; when it ends, the window reloads.
    Sync(Box<super::jobs::SyncJob>),
    /// Runs a search over every article on a background thread; its result goes back through
    /// [`super::Session::take_suggestions`].
    FindOccurrencesInCorpus(Box<super::jobs::CorpusSearch>),
    /// Pre-annotates on a background thread; the window then applies
    /// [`AppCommand::AddSuggestedSpans`] with what it found.
    PreAnnotate(Box<super::jobs::PreAnnotateJob>),
    /// Writes an export on a background thread.
    Export(Box<super::jobs::ExportJob>),
    /// Asks the user before doing something that loses or hands over work; on yes the window
    /// applies the confirmation's command.
    Confirm(Confirmation),
    /// Opens (or imports) in the background; the window then starts a new session on it.
    Open {
        path: PathBuf,
        /// A project file to import a folder into, when the user chose one.
        into: Option<PathBuf>,
    },
}

/// A question put to the user before a command goes ahead.
#[derive(Clone, Debug, PartialEq)]
pub struct Confirmation {
    pub title: String,
    pub question: String,
    /// What the question is about, one line each (names in the label language).
    pub items: Vec<String>,
    /// The text of the button that goes ahead.
    pub go_ahead: String,
    /// What going ahead applies: [`AppCommand::Confirmed`] around the command that asked.
    pub command: AppCommand,
}

/// What a command did.
#[must_use]
#[derive(Debug, Default)]
pub struct Applied {
    /// The project changed (one undo step was recorded, or one was undone or redone).
    pub changed: bool,
    pub effects: Vec<Effect>,
}

/// Why a command changed nothing.
#[derive(Debug, Error, PartialEq)]
pub enum Refusal {
    #[error("{0}")]
    Record(#[from] RecordError),
    #[error("{0}")]
    Edit(#[from] EditError),
    #[error("{0}")]
    History(#[from] HistoryError),
    #[error("open a document first")]
    NoDocument,
    #[error("this article cannot be read")]
    Unreadable,
    #[error("select a span first")]
    NoSpanSelected,
    #[error("select some text or a span first")]
    NothingSelected,
    #[error("the schema has no label {0}")]
    NoLabel(String),
    #[error(
        "the span's edge cannot go there: a span keeps at least one letter and stays inside the \
         text"
    )]
    EdgeCannotMove,
    #[error("the schema has no subtype {subtype} for {kind}")]
    NoSubtype { kind: String, subtype: String },
    #[error(
        "“{0}” is not an identifier: no spaces inside (a Wikidata QID such as Q794, an ISO 3166 code such as IR)"
    )]
    NotAnIdentifier(String),
    #[error("{0} spans are not linked to entities")]
    NotLinkable(String),
    #[error("choose or create a meeting first")]
    NoMeeting,
    #[error("no outcome {0}")]
    NoOutcome(OutcomeId),
    #[error("{0}")]
    Search(String),
    #[error("check the hits to tag first (Space), or move to one")]
    NoHit,
    #[error("no such meeting or outcome")]
    NoRecord,
    #[error("{} could not be written: {error}", .path.display())]
    NotWritten { path: PathBuf, error: String },
    #[error("no suggestions waiting there: choose a group of suggestions first")]
    NoSuggestionGroup,
    #[error("choose an item to review first")]
    NoReviewItem,
    #[error("{0}")]
    Assign(#[from] crate::edit::assign::AssignError),
    #[error(
        "only a project folder is shared through git: migrate this one-file project first (daftar migrate)"
    )]
    NotAProjectFolder,
    #[error("the project could not be saved first, so it was not synced: {0}")]
    NotSaved(String),
    #[error("the project could not be read again: {0}")]
    NotReloaded(String),
    #[error(
        "choose a place where annotators' spans meet first (only documents two people annotated have them)"
    )]
    NoCluster,
    #[error("no annotator has that number here")]
    NoVersion,
    #[error("say what needs changing in the note first")]
    NoteNeeded,
    #[error("{0}")]
    NotADay(String),
    #[error("the article has not changed on disk: its spans are where they were")]
    NothingToReanchor,
    #[error("choose a folder to export into")]
    NoExportFolder,
    #[error("choose at least one format")]
    NoFormat,
    #[error("{} is not empty: files with the same names would be replaced", .0.display())]
    FolderInUse(PathBuf),
    #[error("no unsaved work was kept for this project")]
    NoRecovery,
    #[error("the kept work cannot be read ({0})")]
    Recovery(String),
}

impl Refusal {
    /// Why, in the interface's language; `field` names a meeting field as the schema does.
    /// What other libraries say (the file system's and the regular expressions' errors) stays
    /// in their words, inside the catalogue's sentence.
    pub fn said(&self, tr: Words, field: &dyn Fn(MeetingField) -> String) -> String {
        use crate::edit::assign::AssignError as A;
        let text = |s: &str| Arg::from(s);
        match self {
            Refusal::Record(error) => {
                use RecordError as R;
                match error {
                    R::NothingSelected => tr.t("refusal-nothing-selected"),
                    R::OutOfRange => tr.t("refusal-out-of-range"),
                    R::NoSpan(span) => {
                        tr.t_with("refusal-no-span", &[("span", span.to_string().into())])
                    }
                    R::NoMeeting(id) => {
                        tr.t_with("refusal-no-meeting-id", &[("id", id.to_string().into())])
                    }
                    R::NoOutcome(id) => {
                        tr.t_with("refusal-no-outcome", &[("id", id.to_string().into())])
                    }
                    R::NoField(f) => tr.t_with("refusal-no-field", &[("field", field(*f).into())]),
                    R::NotADate(words) => {
                        tr.t_with("refusal-not-a-date", &[("words", text(words))])
                    }
                    R::NotAnOrdinal(words) => {
                        tr.t_with("refusal-not-an-ordinal", &[("words", text(words))])
                    }
                    R::NoMatchingChoice { field: f, quote } => tr.t_with(
                        "refusal-no-matching-choice",
                        &[("words", text(quote)), ("field", field(*f).into())],
                    ),
                    R::NotFromText(f) => {
                        tr.t_with("refusal-not-from-text", &[("field", field(*f).into())])
                    }
                    R::AlreadyParticipant(name) => {
                        tr.t_with("refusal-already-participant", &[("name", text(name))])
                    }
                    R::NoGroup(words) => tr.t_with("refusal-no-group", &[("words", text(words))]),
                    R::NotEvidence => tr.t("refusal-not-evidence"),
                    R::SameEvidence => tr.t("refusal-same-evidence"),
                }
            }
            Refusal::Edit(EditError::InUse { what, by }) => {
                tr.t_with("refusal-in-use", &[("what", text(what)), ("by", text(by))])
            }
            Refusal::Edit(error) => {
                tr.t_with("refusal-edit", &[("error", error.to_string().into())])
            }
            Refusal::History(error) => tr.t_with(
                "refusal-history",
                &[
                    ("action", text(error.action)),
                    ("step", text(&error.step)),
                    ("error", error.error.to_string().into()),
                ],
            ),
            Refusal::NoDocument => tr.t("refusal-no-document"),
            Refusal::Unreadable => tr.t("refusal-unreadable"),
            Refusal::NoSpanSelected => tr.t("refusal-no-span-selected"),
            Refusal::NothingSelected => tr.t("refusal-nothing-or-span-selected"),
            Refusal::NoLabel(label) => tr.t_with("refusal-no-label", &[("label", text(label))]),
            Refusal::EdgeCannotMove => tr.t("refusal-edge-cannot-move"),
            Refusal::NoSubtype { kind, subtype } => tr.t_with(
                "refusal-no-subtype",
                &[("kind", text(kind)), ("subtype", text(subtype))],
            ),
            Refusal::NotAnIdentifier(words) => {
                tr.t_with("refusal-not-an-identifier", &[("words", text(words))])
            }
            Refusal::NotLinkable(label) => {
                tr.t_with("refusal-not-linkable", &[("label", text(label))])
            }
            Refusal::NoMeeting => tr.t("refusal-no-meeting"),
            Refusal::NoOutcome(id) => {
                tr.t_with("refusal-no-outcome", &[("id", id.to_string().into())])
            }
            Refusal::Search(error) => tr.t_with("refusal-search", &[("error", text(error))]),
            Refusal::NoHit => tr.t("refusal-no-hit"),
            Refusal::NoRecord => tr.t("refusal-no-record"),
            Refusal::NotWritten { path, error } => tr.t_with(
                "refusal-not-written",
                &[
                    ("path", path.display().to_string().into()),
                    ("error", text(error)),
                ],
            ),
            Refusal::NoSuggestionGroup => tr.t("refusal-no-suggestion-group"),
            Refusal::NoReviewItem => tr.t("refusal-no-review-item"),
            Refusal::Assign(A::NoAnnotators) => tr.t("refusal-no-annotators"),
            Refusal::Assign(A::OneAnnotator) => tr.t("refusal-one-annotator"),
            Refusal::Assign(A::NoDocuments) => tr.t("refusal-no-documents"),
            Refusal::NotAProjectFolder => tr.t("refusal-not-a-project-folder"),
            Refusal::NotSaved(error) => tr.t_with("refusal-not-saved", &[("error", text(error))]),
            Refusal::NotReloaded(error) => {
                tr.t_with("refusal-not-reloaded", &[("error", text(error))])
            }
            Refusal::NoCluster => tr.t("refusal-no-cluster"),
            Refusal::NoVersion => tr.t("refusal-no-version"),
            Refusal::NoteNeeded => tr.t("refusal-note-needed"),
            Refusal::NotADay(words) => tr.t_with("refusal-not-a-day", &[("words", text(words))]),
            Refusal::NothingToReanchor => tr.t("refusal-nothing-to-reanchor"),
            Refusal::NoExportFolder => tr.t("refusal-no-export-folder"),
            Refusal::NoFormat => tr.t("refusal-no-format"),
            Refusal::FolderInUse(path) => tr.t_with(
                "refusal-folder-in-use",
                &[("path", path.display().to_string().into())],
            ),
            Refusal::NoRecovery => tr.t("refusal-no-recovery"),
            Refusal::Recovery(error) => tr.t_with("refusal-recovery", &[("error", text(error))]),
        }
    }
}
