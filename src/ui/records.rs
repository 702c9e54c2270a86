//! What the meetings panel does to the project: meetings and outcomes made from the selection,
//! fields filled from it, records changed by hand. Each action is one undo step; what cannot be
//! read from the selection is said in the status bar and changes nothing.

use eframe::egui;

use super::app::{DaftarApp, snap_to_tokens};
use super::article_view::TextSelection;
use crate::edit::Edit;
use crate::layout::TextEditor;
use crate::model::{ActorRole, DocId, Meeting, MeetingId, Outcome, OutcomeId, Project};
use crate::records::{self, ArticleRef, RecordError, Selection};

/// Which page the right-hand panel shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PanelTab {
    #[default]
    Spans,
    Meetings,
    Review,
}

/// The meetings panel's own state.
pub struct RecordsState {
    /// The meeting being edited.
    pub meeting: Option<MeetingId>,
    /// The outcome being edited (of that meeting).
    pub outcome: Option<OutcomeId>,
    /// An unnamed group of participants being added: how many, who, in what role.
    pub group_count: u32,
    pub group_description: TextEditor,
    pub group_role: String,
    /// Hand-set codes being typed (CAMEO, PLOVER event, mode, contexts), and whose.
    pub codes_text: [String; 4],
    pub codes_editing: Option<super::meetings_panel::CodesTarget>,
    /// The shown article's publication date, as being typed.
    pub published: TextEditor,
    /// Meetings the shown article may report: (article, project revision, candidates).
    pub candidates: Option<(DocId, u64, Vec<records::Candidate>)>,
}

impl Default for RecordsState {
    fn default() -> Self {
        RecordsState {
            meeting: None,
            outcome: None,
            group_count: 2,
            group_description: TextEditor::new("", 14.0),
            group_role: "special_guest".into(),
            codes_text: Default::default(),
            codes_editing: None,
            published: TextEditor::new("", 14.0),
            candidates: None,
        }
    }
}

impl DaftarApp {
    /// The shown article and what is selected in it: the selected text (widened to words when
    /// "snap to words" is on), else the selected span.
    fn record_selection(&self) -> Option<(DocId, String, Selection)> {
        let article = self.article.as_ref()?;
        let text = article.text.as_ref().ok()?.clone();
        let selection = match self.selection_in_chars() {
            Some(chars) if !chars.is_empty() => Selection::Range(if self.snap_to_words {
                snap_to_tokens(&text, chars)
            } else {
                chars
            }),
            _ => Selection::Span(self.selected_span?),
        };
        Some((article.doc, text, selection))
    }

    /// Applies what a records function built, or says why it could not.
    fn apply_record(&mut self, built: Result<Edit, RecordError>, now: f64) -> bool {
        match built {
            Ok(edit) => {
                self.apply_edit(edit, now);
                if self.message.is_none() {
                    self.selection = TextSelection::default();
                }
                self.message.is_none()
            }
            Err(error) => {
                self.message = Some(format!("Not done: {error}."));
                false
            }
        }
    }

    /// Runs `build` on the selection; says so when nothing is selected.
    fn with_selection(
        &mut self,
        now: f64,
        build: impl FnOnce(&mut Project, ArticleRef, &Selection, &str) -> Result<Edit, RecordError>,
    ) -> bool {
        let Some((doc, text, selection)) = self.record_selection() else {
            self.message = Some(format!("Not done: {}.", RecordError::NothingSelected));
            return false;
        };
        let annotator = self.annotator.clone();
        let built = build(
            &mut self.project,
            ArticleRef { doc, text: &text },
            &selection,
            &annotator,
        );
        self.apply_record(built, now)
    }

    /// Runs `build` on the selection if there is one (records that can also be made from
    /// scratch).
    fn with_optional_selection<T>(
        &mut self,
        build: impl FnOnce(
            &mut Project,
            Option<(ArticleRef, Selection)>,
            &str,
        ) -> Result<T, RecordError>,
    ) -> Result<T, RecordError> {
        let selected = self.record_selection();
        let article = selected
            .as_ref()
            .map(|(doc, text, selection)| (ArticleRef { doc: *doc, text }, selection.clone()));
        let annotator = self.annotator.clone();
        build(&mut self.project, article, &annotator)
    }

    /// A new meeting from the selected words (or empty, with nothing selected), made current.
    pub fn new_meeting_from_selection(&mut self, now: f64) {
        let built = self.with_optional_selection(|project, article, author| {
            records::new_meeting(project, article, author)
        });
        match built {
            Ok((edit, id)) => {
                if self.apply_record(Ok(edit), now) {
                    self.records.meeting = Some(id);
                    self.records.outcome = None;
                    self.panel_tab = PanelTab::Meetings;
                }
            }
            Err(error) => self.message = Some(format!("Not done: {error}.")),
        }
    }

    /// A new outcome of the current meeting from the selected words, made current.
    pub fn new_outcome_from_selection(&mut self, now: f64) {
        let Some(meeting) = self.records.meeting else {
            self.message = Some("Not done: choose or create a meeting first.".into());
            return;
        };
        let built = self.with_optional_selection(|project, article, author| {
            records::new_outcome(project, Some(meeting), article, author)
        });
        match built {
            Ok((edit, id)) => {
                if self.apply_record(Ok(edit), now) {
                    self.records.outcome = Some(id);
                    self.panel_tab = PanelTab::Meetings;
                }
            }
            Err(error) => self.message = Some(format!("Not done: {error}.")),
        }
    }

    /// Fills a field (schema key) of the current meeting from the selection.
    pub fn fill_meeting_field(&mut self, field: &str, now: f64) {
        let Some(meeting) = self.records.meeting else {
            self.message = Some("Not done: choose or create a meeting first.".into());
            return;
        };
        self.with_selection(now, |project, article, selection, author| {
            records::fill_field(project, meeting, field, article, selection, author)
        });
    }

    /// Records that this article reports `meeting`, with the selection as evidence.
    pub fn attach_to_meeting(&mut self, meeting: MeetingId, now: f64) {
        if self.with_selection(now, |project, article, selection, author| {
            records::attach_meeting_evidence(project, meeting, article, selection, author)
        }) {
            self.records.meeting = Some(meeting);
        }
    }

    /// Adds an unnamed group of participants, with the selection as evidence if there is one.
    pub fn add_participant_group(&mut self, now: f64) {
        let Some(meeting) = self.records.meeting else {
            return;
        };
        let (count, description, role) = (
            self.records.group_count,
            self.records.group_description.text(),
            self.records.group_role.clone(),
        );
        let built = self.with_optional_selection(|project, article, author| {
            records::add_unnamed_participant(
                project,
                meeting,
                count,
                &description,
                &role,
                article,
                author,
            )
        });
        if self.apply_record(built, now) {
            self.records.group_description.set_text("");
        }
    }

    pub fn set_outcome_title(&mut self, outcome: OutcomeId, now: f64) {
        self.with_selection(now, |project, article, selection, author| {
            records::set_outcome_title(project, outcome, article, selection, author)
        });
    }

    pub fn add_outcome_actor(&mut self, outcome: OutcomeId, role: ActorRole, now: f64) {
        self.with_selection(now, |project, article, selection, author| {
            records::add_actor(project, outcome, role, article, selection, author)
        });
    }

    pub fn set_outcome_attribution(&mut self, outcome: OutcomeId, now: f64) {
        self.with_selection(now, |project, article, selection, author| {
            records::set_attributed_to(project, outcome, article, selection, author)
        });
    }

    pub fn add_outcome_evidence(&mut self, outcome: OutcomeId, now: f64) {
        self.with_selection(now, |project, article, selection, author| {
            records::add_outcome_evidence(project, outcome, article, selection, author)
        });
    }

    /// Changes the meeting by hand (a choice, the realis, a role, a field cleared).
    pub fn change_meeting(&mut self, id: MeetingId, now: f64, change: impl FnOnce(&mut Meeting)) {
        let Some(mut meeting) = self.project.meeting(id).cloned() else {
            return;
        };
        change(&mut meeting);
        if Some(&meeting) != self.project.meeting(id) {
            self.apply_edit(Edit::ReplaceMeeting(meeting), now);
        }
    }

    /// Changes the outcome by hand (type, status, an actor's role, an actor removed).
    pub fn change_outcome(&mut self, id: OutcomeId, now: f64, change: impl FnOnce(&mut Outcome)) {
        let Some(mut outcome) = self.project.outcome(id).cloned() else {
            return;
        };
        change(&mut outcome);
        if Some(&outcome) != self.project.outcome(id) {
            self.apply_edit(Edit::ReplaceOutcome(outcome), now);
        }
    }

    /// Deletes the current meeting (refused while outcomes belong to it).
    pub fn delete_meeting(&mut self, id: MeetingId, now: f64) {
        self.apply_edit(Edit::RemoveMeeting(id), now);
        if self.project.meeting(id).is_none() {
            self.records.meeting = None;
            self.records.outcome = None;
        }
    }

    pub fn delete_outcome(&mut self, id: OutcomeId, now: f64) {
        self.apply_edit(Edit::RemoveOutcome(id), now);
        if self.project.outcome(id).is_none() {
            self.records.outcome = None;
        }
    }

    /// Sets the shown article's publication date from what was typed: an ISO date or any date
    /// Daftar reads (`۲۲ تیر ۱۴۰۲`), to the day; empty clears it.
    pub fn set_published(&mut self, now: f64) {
        let Some(doc) = self.article.as_ref().map(|a| a.doc) else {
            return;
        };
        let Some(document) = self.project.document(doc) else {
            return;
        };
        let typed = self.records.published.text().trim().to_string();
        let published = if typed.is_empty() {
            None
        } else {
            match crate::text::dates::parse_date(&typed, &document.language, None) {
                Some(parsed) if parsed.start.precision == crate::model::Precision::Day => {
                    Some(parsed.start.iso)
                }
                _ => {
                    self.message =
                        Some(format!("Not done: “{typed}” is not a day Daftar can read."));
                    return;
                }
            }
        };
        let mut info = crate::edit::DocumentInfo::of(document);
        if info.published == published {
            return;
        }
        info.published = published.clone();
        self.apply_edit(Edit::SetDocumentInfo { doc, info }, now);
        self.records
            .published
            .set_text(&published.unwrap_or_default());
    }

    /// The field a number key fills while the meetings panel is open.
    pub(super) fn field_for_key(&self, key: egui::Key) -> Option<String> {
        self.project
            .schema
            .meeting_fields
            .iter()
            .find(|f| f.shortcut.as_deref().and_then(super::commands::label_key) == Some(key))
            .map(|f| f.key.clone())
    }
}
