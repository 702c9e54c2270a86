//! The session: an open project and everything the window shows of it, changed only by
//! [`Session::apply`], which records each change as one undo step together with where the
//! analyst was (the selection, the current meeting…), so that undo puts them back too.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::article::{Article, TextSelection};
use super::command::{AppCommand, Applied, Effect, Page, Refusal};
use super::lists::{DocumentList, EntityIndex, neighbour};
use crate::edit::review::ReviewItem;
use crate::edit::tagging::Suggestion;
use crate::edit::{Edit, History};
use crate::layout::Direction;
use crate::model::{DocId, EntityId, LabelLanguage, MeetingId, OutcomeId, Project, SpanId};
use crate::open::OpenedProject;
use crate::store::{BackgroundSaver, ProjectFile};

/// How long after the last change the project saves itself, in seconds.
pub const AUTOSAVE_DELAY: f64 = 2.0;
pub const MIN_FONT_SIZE: f32 = 10.0;
pub const MAX_FONT_SIZE: f32 = 48.0;
/// The article text size a session starts with.
pub const DEFAULT_FONT_SIZE: f32 = crate::cli::ARTICLE_FONT_SIZE;

/// Where the analyst is: what undo and redo put back with the project.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    /// The document shown.
    pub doc: Option<DocId>,
    /// The selection in its article (bytes).
    pub selection: TextSelection,
    pub span: Option<SpanId>,
    /// The meeting and outcome the meetings panel edits.
    pub meeting: Option<MeetingId>,
    pub outcome: Option<OutcomeId>,
    /// The item the review page decides on.
    pub review_item: Option<ReviewItem>,
    /// The cluster the curation page takes from (an index into the shown document's clusters).
    pub cluster: Option<usize>,
}

/// How the window shows things (kept as preferences, never in the project).
#[derive(Clone, Debug, PartialEq)]
pub struct ViewOptions {
    pub font_size: f32,
    /// The article's base direction; `None` uses the detected one.
    pub direction: Option<Direction>,
    /// The language label and field names are shown in.
    pub label_language: LabelLanguage,
    /// The language of the interface's words (Persian and Arabic mirror the window).
    pub interface_language: LabelLanguage,
    /// Widen selections to whole words before tagging.
    pub snap_to_words: bool,
    /// Show only the spans of the annotator working (blind double annotation: another
    /// person's spans on the same article do not sway one's own).
    pub only_my_spans: bool,
}

impl Default for ViewOptions {
    fn default() -> Self {
        ViewOptions {
            font_size: DEFAULT_FONT_SIZE,
            direction: None,
            label_language: LabelLanguage::default(),
            interface_language: LabelLanguage::default(),
            snap_to_words: true,
            only_my_spans: false,
        }
    }
}

/// Where saving stands, for the status bar.
#[derive(Clone, Debug, Default)]
pub struct SaveStatus {
    pub last_saved: Option<SystemTime>,
    pub error: Option<String>,
}

/// Proposed spans from "tag all occurrences", waiting for the analyst's decision, and the
/// article texts they point into.
#[derive(Debug, Default)]
pub(super) struct Suggestions {
    pub items: Vec<Suggestion>,
    pub texts: std::collections::HashMap<DocId, String>,
}

pub struct Session {
    pub(super) project: Project,
    pub(super) corpus_root: PathBuf,
    pub(super) history: History<Cursor>,
    saver: BackgroundSaver,
    /// A save was asked for while another ran: it starts when that one ends.
    save_again: bool,
    save_status: SaveStatus,
    /// Revision and time of the last change autosave has seen.
    last_change: Option<(u64, f64)>,
    pub(super) article: Option<Article>,
    pub(super) cursor: Cursor,
    /// The cursor when the command being applied started (the "before" of its undo step).
    command_start: Cursor,
    pub(super) page: Page,
    pub(super) view: ViewOptions,
    pub(super) annotator: String,
    pub(super) documents: DocumentList,
    pub(super) entities: EntityIndex,
    pub(super) suggestions: Suggestions,
    pub(super) search: super::search::SearchState,
    pub(super) records_view: super::records_view::RecordsView,
    pub(super) suggestions_view: super::suggestions_page::SuggestionsView,
    pub(super) message: Option<String>,
    /// A byte offset of the article to bring into view.
    pub(super) reveal: Option<usize>,
}

impl Session {
    /// A session on an opened project, showing its first document.
    pub fn new(file: ProjectFile, project: Project, corpus_root: PathBuf) -> Self {
        let mut session = Session {
            project,
            corpus_root,
            history: History::default(),
            saver: BackgroundSaver::new(file),
            save_again: false,
            save_status: SaveStatus::default(),
            last_change: None,
            article: None,
            cursor: Cursor::default(),
            command_start: Cursor::default(),
            page: Page::default(),
            view: ViewOptions::default(),
            annotator: "annotator".into(),
            documents: DocumentList::default(),
            entities: EntityIndex::default(),
            suggestions: Suggestions::default(),
            search: Default::default(),
            records_view: Default::default(),
            suggestions_view: Default::default(),
            message: None,
            reveal: None,
        };
        session.refresh_lists();
        if let Some(first) = session.project.documents.first().map(|d| d.id) {
            session.show_document(first);
        }
        session
    }

    /// A session on an opened project (its reports are the caller's to show).
    pub fn from_opened(opened: OpenedProject) -> Self {
        Session::new(opened.file, opened.project, opened.corpus_root)
    }

    // ---- What the window reads. ----

    pub fn project(&self) -> &Project {
        &self.project
    }
    pub fn corpus_root(&self) -> &Path {
        &self.corpus_root
    }
    pub fn project_path(&self) -> PathBuf {
        self.saver.path()
    }
    pub fn history(&self) -> &History<Cursor> {
        &self.history
    }
    pub fn article(&self) -> Option<&Article> {
        self.article.as_ref()
    }
    /// The shown document.
    pub fn doc(&self) -> Option<DocId> {
        self.cursor.doc
    }
    pub fn cursor(&self) -> &Cursor {
        &self.cursor
    }
    pub fn page(&self) -> Page {
        self.page
    }
    pub fn view(&self) -> &ViewOptions {
        &self.view
    }
    pub fn annotator(&self) -> &str {
        &self.annotator
    }
    pub fn documents(&self) -> &DocumentList {
        &self.documents
    }
    pub fn suggestions(&self) -> &[Suggestion] {
        &self.suggestions.items
    }
    /// What the last command said (why it was refused, what it found).
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
    pub fn save_status(&self) -> &SaveStatus {
        &self.save_status
    }
    pub fn is_saving(&self) -> bool {
        self.saver.is_saving()
    }

    /// Up to `limit` entities of `kind` one of whose names contains `query` (through the match key).
    pub fn find_entities(&self, kind: &str, query: &str, limit: usize) -> Vec<(EntityId, String)> {
        self.entities.find(&self.project, kind, query, limit)
    }

    /// The selection in code points (the model's unit).
    pub fn selection_in_chars(&self) -> Option<std::ops::Range<usize>> {
        self.article
            .as_ref()?
            .chars_of(self.cursor.selection.range())
    }

    /// Says something in the status bar (the outcome of work done in the background).
    /// The interface's words, in the language the view is shown in.
    pub fn words(&self) -> crate::i18n::Words {
        crate::i18n::Words::new(self.view.interface_language)
    }

    pub fn note(&mut self, message: String) {
        self.message = Some(message);
    }

    /// Takes on how another session showed things, and its annotator (a project opened from
    /// the window goes on as the last one was shown).
    pub fn take_view(&mut self, view: ViewOptions, annotator: &str) {
        self.view = view;
        self.set_font_size(self.view.font_size);
        if !annotator.trim().is_empty() {
            self.annotator = annotator.trim().to_string();
        }
    }

    /// The article text size, within its bounds (from the preferences).
    pub fn set_font_size(&mut self, size: f32) {
        self.view.font_size = if size.is_finite() {
            size.clamp(MIN_FONT_SIZE, MAX_FONT_SIZE)
        } else {
            DEFAULT_FONT_SIZE
        };
    }

    /// The byte offset the article view should bring into view, once.
    pub fn take_reveal(&mut self) -> Option<usize> {
        self.reveal.take()
    }

    // ---- Changing it. ----

    /// Applies one user action: the one place where the session and its project change. A
    /// change to the project is one undo step, recorded with where the analyst was before and
    /// after it. A refusal changes nothing and is kept as the message.
    pub fn apply(&mut self, command: AppCommand) -> Result<Applied, Refusal> {
        self.message = None;
        self.command_start = self.cursor.clone();
        let revision = self.history.revision();
        let result = self.dispatch(command);
        let changed = self.history.revision() != revision;
        if changed {
            self.history.mark_after(self.cursor.clone());
            self.after_change();
        }
        match result {
            Ok(mut applied) => {
                applied.changed |= changed;
                Ok(applied)
            }
            Err(refusal) => {
                let tr = self.words();
                let schema = &self.project.schema;
                let language = self.view.label_language;
                let field = |f: crate::model::MeetingField| {
                    schema
                        .meeting_field(f)
                        .map_or_else(|| f.to_string(), |d| d.names.get(language).to_lowercase())
                };
                let reason = refusal.said(tr, &field);
                self.message =
                    Some(tr.t_with("not-done", &[("reason", crate::i18n::Arg::Said(reason))]));
                Err(refusal)
            }
        }
    }

    fn dispatch(&mut self, command: AppCommand) -> Result<Applied, Refusal> {
        use AppCommand as C;
        let done = Ok(Applied::default());
        let effect = |effect| {
            Ok(Applied {
                changed: false,
                effects: vec![effect],
            })
        };
        match command {
            C::Save => {
                self.start_save();
                done
            }
            C::Undo => self.undo(),
            C::Redo => self.redo(),
            C::RestoreRecovery => self.restore_recovery(),
            C::DiscardRecovery => {
                let recovery = crate::store::recovery_path(&self.project_path());
                std::fs::remove_file(&recovery).map_err(|_| Refusal::NoRecovery)?;
                done
            }
            C::OpenDocument(doc) => {
                self.project.document(doc).ok_or(Refusal::NoDocument)?;
                self.show_document(doc);
                done
            }
            C::NextDocument | C::PreviousDocument => {
                let forward = command == C::NextDocument;
                if let Some(doc) = self.documents.neighbour(&self.project, self.doc(), forward) {
                    self.show_document(doc);
                }
                done
            }
            C::SetDocumentFilter(filter) => {
                let revision = self.history.revision();
                self.documents.set_filter(&self.project, revision, &filter);
                done
            }
            C::SetStatusFilter(status) => {
                let revision = self.history.revision();
                self.documents.set_status(&self.project, revision, status);
                done
            }
            C::ShowMyQueue(mine) => {
                let revision = self.history.revision();
                let annotator = mine.then(|| self.annotator.clone());
                self.documents
                    .set_assigned_to(&self.project, revision, annotator);
                done
            }
            C::Assign { annotators, mode } => {
                let names = crate::edit::assign::parse_annotators(&annotators);
                let docs: Vec<DocId> = self
                    .documents
                    .shown()
                    .iter()
                    .filter_map(|&i| self.project.documents.get(i).map(|d| d.id))
                    .collect();
                let edit = crate::edit::assign::assign(&self.project, &docs, &names, mode)?;
                self.commit(edit)?;
                done
            }
            C::MarkReadyForReview => self.mark_ready_for_review(false),
            C::Confirmed(command) => match *command {
                C::MarkReadyForReview => self.mark_ready_for_review(true),
                C::DeleteSpan => self.delete_span(true),
                C::FinishReview { reviewed, note } => self.finish_review(reviewed, &note, true),
                other => self.dispatch(other),
            },
            C::SetPublished(typed) => self.set_published(&typed),
            C::Reanchor => self.reanchor(),
            C::Select { selection, span } => {
                let article = self.article.as_ref().ok_or(Refusal::NoDocument)?;
                self.cursor.selection = article.clamp(selection);
                self.cursor.span = span.filter(|s| self.span_exists(*s));
                done
            }
            C::SelectSpan(span) => {
                if !self.span_exists(span) {
                    return Err(Refusal::NoSpanSelected);
                }
                self.select_span(span);
                self.cursor.selection = TextSelection::default();
                done
            }
            C::GoToSpan(at) => {
                self.project.span(at).ok_or(Refusal::NoSpanSelected)?;
                self.go_to_span(at.doc, at.span);
                done
            }
            C::NextSpan | C::PreviousSpan => {
                let forward = command == C::NextSpan;
                let document = self
                    .doc()
                    .and_then(|d| self.project.document(d))
                    .ok_or(Refusal::NoDocument)?;
                let ids: Vec<SpanId> = document
                    .spans
                    .iter()
                    .filter(|s| self.shows_span(s))
                    .map(|s| s.id)
                    .collect();
                if let Some(span) = neighbour(&ids, self.cursor.span.as_ref(), forward) {
                    self.select_span(span);
                }
                done
            }
            C::ApplyLabel(label) => self.apply_label(&label),
            C::DeleteSpan => self.delete_span(false),
            C::MoveSpanEdge { edge, forward } => self.move_span_edge(edge, forward),
            C::ResizeSpan(bytes) => self.resize_span_bytes(bytes),
            C::SetSpanNote(note) => self.set_span_note(&note),
            C::SetSpanAttribute { key, value } => self.set_span_attribute(&key, value.as_deref()),
            C::LinkSpan(entity) => self.link_span(entity),
            C::SetEntitySubtype(id, subtype) => self.set_entity_subtype(id, subtype),
            C::SetEntityExternalId(id, typed) => self.set_entity_external_id(id, &typed),
            C::NewEntityFromSpan => self.new_entity_from_span(),
            C::FindOccurrences { whole_corpus } => self.find_occurrences(whole_corpus),
            C::PreAnnotate(scope) => self.pre_annotate(scope),
            C::AddSuggestedSpans(found) => self.add_suggested_spans(&found),
            C::SetSuggestionLabel(label) => self.set_suggestion_label(label),
            C::SelectSuggestionGroup(key) => self.select_suggestion_group(key),
            C::StepSuggestionGroup { forward } => self.step_suggestion_group(forward),
            C::DecideSuggestionGroup(state) => self.decide_suggestion_group(state),
            C::AcceptSuggestions(indices) => self.accept_suggestions(indices.as_deref()),
            C::RejectSuggestion(index) => {
                if index < self.suggestions.items.len() {
                    self.suggestions.items.remove(index);
                }
                done
            }
            C::RejectAllSuggestions => {
                self.suggestions = Suggestions::default();
                done
            }
            C::OpenCorpusSearch => effect(Effect::OpenCorpusSearch),
            C::SearchCorpus(query) => self.start_search(query),
            C::OpenSearchHit(index) => self.open_search_hit(index),
            C::StepSearchHit { forward } => {
                self.step_search_hit(forward);
                done
            }
            C::ToggleSearchHit(index) => self.toggle_search_hit(index),
            C::CheckAllSearchHits(all) => {
                self.check_all_search_hits(all);
                done
            }
            C::TagSearchHits { label, entity } => self.tag_search_hits(&label, entity),
            C::OpenRecords => effect(Effect::OpenRecords),
            C::OpenCharts => effect(Effect::OpenCharts),
            C::SaveChart { chart, path } => {
                let svg = chart.svg(&self.project, self.view.label_language);
                std::fs::write(&path, svg).map_err(|e| Refusal::NotWritten {
                    path: path.clone(),
                    error: e.to_string(),
                })?;
                let path = path.display().to_string();
                self.message = Some(self.words().t_with("saved-file", &[("path", path.into())]));
                done
            }
            C::SetRecordFilter(filter) => {
                self.set_record_filter(filter);
                done
            }
            C::SortRecords(column) => {
                self.sort_records(column);
                done
            }
            C::SelectRecord(record) => self.select_record(record),
            C::StepRecord { forward } => {
                self.step_record(forward);
                done
            }
            C::OpenRecord(record) => self.open_record(record),
            C::NewMeeting => self.new_meeting(),
            C::NewOutcome => self.new_outcome(),
            C::SelectMeeting(id) => {
                self.project.meeting(id).ok_or(Refusal::NoMeeting)?;
                self.cursor.meeting = Some(id);
                self.cursor.outcome = None;
                done
            }
            C::SelectOutcome(id) => {
                if let Some(id) = id {
                    let outcome = self.project.outcome(id).ok_or(Refusal::NoOutcome(id))?;
                    self.cursor.meeting = outcome.meeting.or(self.cursor.meeting);
                }
                self.cursor.outcome = id;
                done
            }
            C::ReplaceMeetingEvidence(old) => self.replace_meeting_evidence(old),
            C::RemoveMeetingEvidence(old) => self.remove_meeting_evidence(old),
            C::AttachToMeeting(id) => self.attach_to_meeting(id),
            C::FillMeetingField(field) => self.fill_meeting_field(field),
            C::ClearMeetingField(field) => {
                let meeting = self
                    .cursor
                    .meeting
                    .filter(|m| self.project.meeting(*m).is_some())
                    .ok_or(Refusal::NoMeeting)?;
                if let Some(edit) =
                    crate::records::clear_meeting_field(&self.project, meeting, field)?
                {
                    self.commit(edit)?;
                }
                done
            }
            C::SetMeetingChoice(field, value) => {
                self.change_meeting(|m| m.set_choice(field, &value))
            }
            C::SetRealis(realis) => self.change_meeting(|m| m.realis = realis),
            C::SetDateNotStated(not_stated) => self.change_meeting(|m| {
                m.date_not_stated = not_stated;
                if not_stated {
                    m.start = None;
                    m.end = None;
                }
            }),
            C::SetParticipantRole { index, role } => self.change_meeting(|m| {
                if let Some(p) = m.participants.get_mut(index) {
                    p.role = role;
                }
            }),
            C::RemoveParticipant(index) => self.change_meeting(|m| {
                if index < m.participants.len() {
                    m.participants.remove(index);
                }
            }),
            C::AddParticipantGroup {
                count,
                description,
                role,
            } => self.add_participant_group(count, &description, &role),
            C::AddParticipantGroupFromSelection => self.add_participant_group_from_selection(),
            C::SetCodes { target, codes } => self.set_codes(target, codes),
            C::DeleteMeeting(id) => self.delete_meeting(id),
            C::SetOutcomeKind(id, kind) => self.change_outcome(id, |o| o.kind = kind),
            C::SetOutcomeStatus(id, status) => self.change_outcome(id, |o| o.status = status),
            C::MoveOutcome(id, meeting) => self.move_outcome(id, meeting),
            C::SetOutcomeTitle(id) => self.set_outcome_title(id),
            C::ClearOutcomeTitle(id) => self.change_outcome(id, |o| o.title = None),
            C::AddOutcomeActor(id, role) => self.add_outcome_actor(id, role),
            C::SetActorRole {
                outcome,
                index,
                role,
            } => self.change_outcome(outcome, |o| {
                if let Some(actor) = o.actors.get_mut(index) {
                    actor.role = role;
                }
            }),
            C::RemoveActor { outcome, index } => self.change_outcome(outcome, |o| {
                if index < o.actors.len() {
                    o.actors.remove(index);
                }
            }),
            C::SetAttribution(id) => self.set_outcome_attribution(id),
            C::ClearAttribution(id) => self.change_outcome(id, |o| o.attributed_to = None),
            C::AddOutcomeEvidence(id) => self.add_outcome_evidence(id),
            C::RemoveOutcomeEvidence { outcome, index } => {
                self.project
                    .outcome(outcome)
                    .ok_or(Refusal::NoOutcome(outcome))?;
                let edit = crate::records::remove_outcome_evidence(&self.project, outcome, index)?;
                self.commit(edit)?;
                done
            }
            C::DeleteOutcome(id) => self.delete_outcome(id),
            C::OpenForReview(doc) => {
                self.project.document(doc).ok_or(Refusal::NoDocument)?;
                self.show_document(doc);
                self.cursor.review_item = None;
                done
            }
            C::SelectReviewItem(item) => self.select_review_item(item),
            C::NextReviewItem | C::PreviousReviewItem => {
                self.step_review_item(command == C::NextReviewItem)
            }
            C::Decide { state, comment } => self.decide(state, &comment),
            C::AcceptAllRemaining => self.accept_all_remaining(),
            C::SelectCluster(index) => self.select_cluster(index),
            C::NextCluster | C::PreviousCluster => self.step_cluster(command == C::NextCluster),
            C::Curate(what) => self.curate(what),
            C::FinishReview { reviewed, note } => self.finish_review(reviewed, &note, false),
            C::ShowPage(page) => {
                self.page = page;
                done
            }
            C::TogglePage(page) => {
                self.page = if self.page == page { Page::Spans } else { page };
                done
            }
            C::ZoomIn => {
                self.view.font_size = (self.view.font_size + 2.0).min(MAX_FONT_SIZE);
                done
            }
            C::ZoomOut => {
                self.view.font_size = (self.view.font_size - 2.0).max(MIN_FONT_SIZE);
                done
            }
            C::SetDirection(direction) => {
                self.view.direction = direction;
                done
            }
            C::SetLabelLanguage(language) => {
                self.view.label_language = language;
                done
            }
            C::SetInterfaceLanguage(language) => {
                // The label names follow the interface; they can be set apart afterwards.
                self.view.interface_language = language;
                self.view.label_language = language;
                done
            }
            C::SetSnapToWords(snap) => {
                self.view.snap_to_words = snap;
                done
            }
            C::SetOnlyMySpans(only) => {
                self.view.only_my_spans = only;
                self.let_go_of_hidden_span();
                done
            }
            C::SetAnnotator(name) => {
                // A blank name is no name: the last one stays.
                if !name.trim().is_empty() {
                    self.annotator = name.trim().to_string();
                    self.let_go_of_hidden_span();
                    // The queue shown follows the name.
                    if self.documents.assigned_to().is_some() {
                        let revision = self.history.revision();
                        let me = Some(self.annotator.clone());
                        self.documents.set_assigned_to(&self.project, revision, me);
                    }
                }
                done
            }
            C::FocusDocumentFilter => effect(Effect::FocusDocumentFilter),
            C::OpenPalette => effect(Effect::OpenPalette),
            C::ShowAgreement => effect(Effect::Agreement(Box::new(self.agreement_job()))),
            C::Sync => self.start_sync(),
            C::ReloadFromDisk => self.reload_from_disk(),
            C::OpenExportDialog => effect(Effect::OpenExportDialog),
            C::Export(request) => self.export(request),
            C::Open(path) => effect(Effect::Open { path, into: None }),
            C::ImportFolder { folder, project } => effect(Effect::Open {
                path: folder,
                into: Some(project),
            }),
        }
    }

    /// Applies an edit to the project as one undo step (with where the analyst was when the
    /// command started).
    pub(super) fn commit(&mut self, edit: Edit) -> Result<(), Refusal> {
        let before = self.command_start.clone();
        self.history.apply_marked(&mut self.project, edit, before)?;
        Ok(())
    }

    fn undo(&mut self) -> Result<Applied, Refusal> {
        if let Some((_, cursor)) = self.history.undo(&mut self.project)? {
            self.restore(cursor);
        }
        Ok(Applied::default())
    }

    fn redo(&mut self) -> Result<Applied, Refusal> {
        if let Some((_, cursor)) = self.history.redo(&mut self.project)? {
            self.restore(cursor);
        }
        Ok(Applied::default())
    }

    /// Whether the article view and the span lists show `span` (all spans, or only the
    /// annotator's own when the view says so).
    pub fn shows_span(&self, span: &crate::model::Span) -> bool {
        !self.view.only_my_spans || span.author == self.annotator
    }

    /// Unselects the selected span when the view no longer shows it.
    fn let_go_of_hidden_span(&mut self) {
        let hidden = self.doc().zip(self.cursor.span).and_then(|(doc, span)| {
            let span = self.project.span(crate::model::SpanRef { doc, span })?;
            Some(!self.shows_span(span))
        });
        if hidden == Some(true) {
            self.cursor.span = None;
        }
    }

    /// Saves, and hands the window a sync of the project folder to run.
    fn start_sync(&mut self) -> Result<Applied, Refusal> {
        if !self.saver.is_folder() {
            return Err(Refusal::NotAProjectFolder);
        }
        self.save_before_exit().map_err(Refusal::NotSaved)?;
        let job = super::jobs::SyncJob {
            folder: self.project_path(),
            author: self.annotator.clone(),
            project: self.project.clone(),
        };
        Ok(Applied {
            changed: false,
            effects: vec![Effect::Sync(Box::new(job))],
        })
    }

    /// Reads the project again from its files, staying on the shown document where it still is.
    fn reload_from_disk(&mut self) -> Result<Applied, Refusal> {
        self.save_before_exit().map_err(Refusal::NotSaved)?;
        let project = self
            .saver
            .reload()
            .map_err(|e| Refusal::NotReloaded(e.to_string()))?;
        let shown = self.doc();
        self.project = project;
        // A new revision, never used before: the lists, highlights and caches built for the
        // old one are built again.
        self.history.restart_saved();
        self.cursor = Cursor::default();
        self.refresh_lists();
        let doc = shown
            .filter(|d| self.project.document(*d).is_some())
            .or_else(|| self.project.documents.first().map(|d| d.id));
        self.article = None;
        if let Some(doc) = doc {
            self.show_document(doc);
        }
        Ok(Applied {
            changed: true,
            effects: Vec::new(),
        })
    }

    /// What measuring how far the annotators agree needs (their articles read from the
    /// corpus; the shown one from memory), to run away from the window's thread.
    pub fn agreement_job(&self) -> super::jobs::AgreementJob {
        super::jobs::AgreementJob {
            project: self.project.clone(),
            corpus_root: self.corpus_root.clone(),
            shown: self
                .article
                .as_ref()
                .and_then(|a| Some((a.doc, a.text()?.to_string()))),
        }
    }

    /// Puts the analyst back where an undo step says (what still exists of it).
    fn restore(&mut self, cursor: Cursor) {
        if let Some(doc) = cursor.doc
            && self.doc() != Some(doc)
            && self.project.document(doc).is_some()
        {
            self.show_document(doc);
        }
        let selection = self.article.as_ref().map(|a| a.clamp(cursor.selection));
        self.cursor.selection = selection.unwrap_or_default();
        self.cursor.span = cursor.span.filter(|s| self.span_exists(*s));
        self.cursor.meeting = cursor
            .meeting
            .filter(|m| self.project.meeting(*m).is_some());
        self.cursor.outcome = cursor
            .outcome
            .filter(|o| self.project.outcome(*o).is_some());
        self.cursor.review_item = cursor.review_item;
        let clusters = self.curation_clusters().len();
        self.cursor.cluster = cursor.cluster.filter(|&i| i < clusters);
        if let Some(span) = self.cursor.span {
            self.reveal_span(span);
        }
    }

    /// After any change to the project: lists and the cursor follow it.
    fn after_change(&mut self) {
        self.refresh_lists();
        if let Some(article) = &mut self.article
            && let Some(document) = self.project.document(article.doc)
        {
            article.follow(document);
        }
        if let Some(span) = self.cursor.span
            && !self.span_exists(span)
        {
            self.cursor.span = None;
        }
        if self
            .cursor
            .meeting
            .is_some_and(|m| self.project.meeting(m).is_none())
        {
            self.cursor.meeting = None;
        }
        if self
            .cursor
            .outcome
            .is_some_and(|o| self.project.outcome(o).is_none())
        {
            self.cursor.outcome = None;
        }
    }

    fn refresh_lists(&mut self) {
        let revision = self.history.revision();
        self.documents.refresh(&self.project, revision);
        self.entities.refresh(&self.project, revision);
    }

    /// Shows a document: reads its article (an unreadable one shows its error instead). The
    /// meetings panel follows: the article's first meeting, unless the current one is reported
    /// here too.
    pub(super) fn show_document(&mut self, doc: DocId) {
        let Some(document) = self.project.document(doc) else {
            return;
        };
        self.article = Some(Article::read(&self.corpus_root, document));
        if self.cursor.doc != Some(doc) {
            self.cursor.cluster = None;
        }
        self.cursor.doc = Some(doc);
        self.cursor.selection = TextSelection::default();
        self.cursor.span = None;
        let here = crate::records::meetings_in(&self.project, doc);
        if !self.cursor.meeting.is_some_and(|m| here.contains(&m)) {
            self.cursor.meeting = here.first().copied();
            self.cursor.outcome = None;
        }
    }

    pub(super) fn span_exists(&self, span: SpanId) -> bool {
        self.doc()
            .and_then(|d| self.project.document(d))
            .is_some_and(|d| d.span(span).is_some())
    }

    /// Selects a span of the shown document and brings it into view.
    pub(super) fn select_span(&mut self, span: SpanId) {
        self.cursor.span = Some(span);
        self.reveal_span(span);
    }

    fn reveal_span(&mut self, span: SpanId) {
        let Some(article) = &self.article else { return };
        self.reveal = self
            .project
            .document(article.doc)
            .and_then(|d| d.span(span))
            .and_then(|s| article.offsets.byte_of_char(s.start));
    }

    /// Opens a span's document (if it is not shown) and selects the span.
    pub(super) fn go_to_span(&mut self, doc: DocId, span: SpanId) {
        if self.doc() != Some(doc) {
            self.show_document(doc);
        }
        self.select_span(span);
    }

    // ---- Saving. ----

    /// Starts saving in the background (the project as it is now).
    /// Saves in the background; asked while a save runs, saves again once it ends (the running
    /// one holds an older snapshot).
    pub fn start_save(&mut self) {
        if self.saver.is_saving() {
            self.save_again = true;
            return;
        }
        let revision = self.history.revision();
        self.saver.start(self.project.clone(), revision);
    }

    /// Starts the save asked for while the last one ran, if there is still something to save.
    fn save_what_was_asked(&mut self) -> bool {
        let asked = std::mem::take(&mut self.save_again) && self.history.is_dirty();
        if asked {
            self.start_save();
        }
        asked
    }

    /// Has `notice` called (from another thread) when a background save ends: the window asks
    /// for a frame then, instead of polling while a save runs.
    pub fn notify_when_saved(&mut self, notice: crate::store::SavedNotice) {
        self.saver.notify_when_saved(notice);
    }

    /// Finishes saves, and starts one [`AUTOSAVE_DELAY`] seconds after the last change; `now` is
    /// the window's clock in seconds. Returns when to call again (`None`: nothing pending, or a
    /// save is running and its end will be noticed).
    pub fn autosave(&mut self, now: f64) -> Option<f64> {
        self.poll_save();
        let revision = self.history.revision();
        if self.last_change.is_none_or(|(seen, _)| seen != revision) {
            self.last_change = Some((revision, now));
        }
        if self.saver.is_saving() || !self.history.is_dirty() || self.save_status.error.is_some() {
            return None;
        }
        let since = now - self.last_change.map_or(now, |(_, at)| at);
        if since >= AUTOSAVE_DELAY {
            self.start_save();
            None
        } else {
            Some(AUTOSAVE_DELAY - since)
        }
    }

    fn poll_save(&mut self) {
        if let Some((revision, result)) = self.saver.poll() {
            self.take_save_result(revision, result.map_err(|e| e.to_string()));
            self.save_what_was_asked();
        }
    }

    fn take_save_result(&mut self, revision: u64, result: Result<(), String>) {
        match result {
            Ok(()) => {
                self.history.mark_saved(revision);
                self.save_status.last_saved = Some(SystemTime::now());
                self.save_status.error = None;
            }
            Err(error) => self.save_status.error = Some(error),
        }
    }

    /// Waits for any save in progress.
    pub fn wait_for_save(&mut self) {
        loop {
            if let Some((revision, result)) = self.saver.wait() {
                self.take_save_result(revision, result.map_err(|e| e.to_string()));
            }
            if !self.save_what_was_asked() {
                break;
            }
        }
    }

    /// Waits for a running save and saves what is left (on close, or before opening another
    /// project). When the project cannot be saved (another program changed its file, say), the
    /// work is kept in a recovery file beside it, which the next opening offers back; the error
    /// says where.
    pub fn save_before_exit(&mut self) -> Result<(), String> {
        self.wait_for_save();
        if self.history.is_dirty() {
            let revision = self.history.revision();
            let (revision, result) = self.saver.save_now(&self.project, revision);
            self.take_save_result(revision, result.map_err(|e| e.to_string()));
        }
        let error = match &self.save_status.error {
            Some(error) if self.history.is_dirty() => error.clone(),
            _ => return Ok(()),
        };
        match crate::store::write_recovery(&self.project_path(), &self.project) {
            Ok(kept) => Err(format!(
                "{error}; your unsaved work is kept in {}, and opening the project offers it back",
                kept.display()
            )),
            Err(io) => Err(format!(
                "{error}; and it could not be kept aside either ({io})"
            )),
        }
    }

    /// Whether work that could not be saved last time is kept beside the project.
    pub fn recovery_available(&self) -> bool {
        crate::store::recovery_path(&self.project_path()).exists()
    }

    fn restore_recovery(&mut self) -> Result<Applied, Refusal> {
        let recovery = crate::store::recovery_path(&self.project_path());
        if !recovery.exists() {
            return Err(Refusal::NoRecovery);
        }
        let kept = crate::store::load(&recovery).map_err(|e| Refusal::Recovery(e.to_string()))?;
        let breaches = crate::model::integrity::breaches(&kept);
        if let Some(breach) = breaches.iter().find(|b| b.is_unsafe()) {
            return Err(Refusal::Recovery(breach.message.clone()));
        }
        self.project = kept;
        self.history.restart_unsaved();
        self.after_change();
        if let Some(doc) = self.doc().filter(|d| self.project.document(*d).is_some()) {
            self.show_document(doc);
        } else if let Some(first) = self.project.documents.first().map(|d| d.id) {
            self.show_document(first);
        }
        // Saved now: the project file takes the kept work (its last version stays as .bak).
        let revision = self.history.revision();
        let (revision, result) = self.saver.save_now(&self.project, revision);
        let saved = result.map_err(|e| e.to_string());
        let failed = saved.as_ref().err().cloned();
        self.take_save_result(revision, saved);
        if let Some(error) = failed {
            return Err(Refusal::Recovery(error));
        }
        let _ = std::fs::remove_file(&recovery);
        Ok(Applied {
            changed: true,
            effects: Vec::new(),
        })
    }
}
