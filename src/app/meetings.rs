//! What the session does to meetings and outcomes: records made from the selection, fields
//! filled from it, changes made by hand. What cannot be read from the selection is refused and
//! changes nothing.

use super::article::TextSelection;
use super::command::{Applied, CodesTarget, Refusal};
use super::describe;
use super::session::Session;
use crate::edit::Edit;
use crate::i18n::Arg;
use crate::model::SpanRef;
use crate::model::{
    ActorRole, DocId, EventCodes, Meeting, MeetingField, MeetingId, Outcome, OutcomeId, Project,
};
use crate::records::{self, ArticleRef, RecordError, Selection};

impl Session {
    /// The shown article and what is selected in it: the selected text (widened to words when
    /// "snap to words" is on), else the selected span.
    fn record_selection(&self) -> Option<(DocId, String, Selection)> {
        let article = self.article.as_ref()?;
        let text = article.text()?.to_string();
        let selection = match self.selected_chars() {
            Some(chars) => Selection::Range(chars),
            None => Selection::Span(self.cursor.span?),
        };
        Some((article.doc, text, selection))
    }

    /// Commits what a records function built from the selection; the words used are no longer
    /// selected.
    fn commit_record(&mut self, built: Result<Edit, RecordError>) -> Result<(), Refusal> {
        self.commit(built?)?;
        self.cursor.selection = TextSelection::default();
        Ok(())
    }

    /// Runs `build` on the selection; refused when nothing is selected.
    fn with_selection(
        &mut self,
        build: impl FnOnce(&mut Project, ArticleRef, &Selection, &str) -> Result<Edit, RecordError>,
    ) -> Result<Applied, Refusal> {
        let (doc, text, selection) = self
            .record_selection()
            .ok_or(RecordError::NothingSelected)?;
        let annotator = self.annotator.clone();
        let built = build(
            &mut self.project,
            ArticleRef { doc, text: &text },
            &selection,
            &annotator,
        );
        self.commit_record(built)?;
        Ok(Applied::default())
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

    fn current_meeting(&self) -> Result<MeetingId, Refusal> {
        self.cursor
            .meeting
            .filter(|m| self.project.meeting(*m).is_some())
            .ok_or(Refusal::NoMeeting)
    }

    /// A new meeting from the selected words (or empty, with nothing selected), made current.
    pub(super) fn new_meeting(&mut self) -> Result<Applied, Refusal> {
        let (edit, id) = self.with_optional_selection(records::new_meeting)?;
        self.commit_record(Ok(edit))?;
        self.cursor.meeting = Some(id);
        self.cursor.outcome = None;
        self.page = super::Page::Meetings;
        Ok(Applied::default())
    }

    /// A new outcome of the current meeting from the selected words, made current.
    pub(super) fn new_outcome(&mut self) -> Result<Applied, Refusal> {
        let meeting = self.current_meeting()?;
        let (edit, id) = self.with_optional_selection(|project, article, author| {
            records::new_outcome(project, Some(meeting), article, author)
        })?;
        self.commit_record(Ok(edit))?;
        self.cursor.outcome = Some(id);
        self.page = super::Page::Meetings;
        self.message = Some(self.proposal_message(id));
        Ok(Applied::default())
    }

    /// What the new outcome's words proposed, said in the status bar so that a proposal is seen
    /// and checked, and what is left to choose.
    fn proposal_message(&self, id: OutcomeId) -> String {
        let project = &self.project;
        let language = self.view.label_language;
        let quote = project
            .outcome(id)
            .and_then(|o| o.evidence.first())
            .and_then(|at| project.span(*at))
            .map_or("", |s| s.quote());
        let proposal = records::propose_outcome(&project.schema, quote);
        let schema = &project.schema;
        let tr = self.words();
        let said = |what: &str, choices, proposed: Option<(String, String)>| {
            let what = tr.t(what);
            match proposed {
                Some((key, words)) => tr.t_with(
                    "outcome-proposed",
                    &[
                        ("what", what.into()),
                        (
                            "choice",
                            describe::choice_name(choices, &key, language).into(),
                        ),
                        ("words", words.into()),
                    ],
                ),
                None => tr.t_with("outcome-choose-one", &[("what", what.into())]),
            }
        };
        tr.t_with(
            "outcome-new",
            &[
                (
                    "type",
                    Arg::Said(said(
                        "outcome-type-word",
                        &schema.outcome_types,
                        proposal.kind,
                    )),
                ),
                (
                    "status",
                    Arg::Said(said(
                        "outcome-status-word",
                        &schema.outcome_statuses,
                        proposal.status,
                    )),
                ),
            ],
        )
    }

    pub(super) fn fill_meeting_field(&mut self, field: MeetingField) -> Result<Applied, Refusal> {
        let meeting = self.current_meeting()?;
        self.with_selection(|project, article, selection, author| {
            records::fill_field(project, meeting, field, article, selection, author)
        })
    }

    pub(super) fn replace_meeting_evidence(&mut self, old: SpanRef) -> Result<Applied, Refusal> {
        let meeting = self.current_meeting()?;
        self.with_selection(|project, article, selection, author| {
            records::replace_meeting_evidence(project, meeting, old, article, selection, author)
        })
    }

    pub(super) fn remove_meeting_evidence(&mut self, old: SpanRef) -> Result<Applied, Refusal> {
        let meeting = self.current_meeting()?;
        let edit = records::remove_meeting_evidence(&self.project, meeting, old)?;
        self.commit(edit)?;
        if self.cursor.span == Some(old.span) && self.project.span(old).is_none() {
            self.cursor.span = None;
        }
        Ok(Applied::default())
    }

    pub(super) fn attach_to_meeting(&mut self, meeting: MeetingId) -> Result<Applied, Refusal> {
        self.project.meeting(meeting).ok_or(Refusal::NoMeeting)?;
        let applied = self.with_selection(|project, article, selection, author| {
            records::attach_meeting_evidence(project, meeting, article, selection, author)
        })?;
        self.cursor.meeting = Some(meeting);
        self.cursor.outcome = None;
        Ok(applied)
    }

    pub(super) fn add_participant_group(
        &mut self,
        count: Option<u32>,
        description: &str,
        role: &str,
    ) -> Result<Applied, Refusal> {
        let meeting = self.current_meeting()?;
        let built = self.with_optional_selection(|project, article, author| {
            records::add_unnamed_participant(
                project,
                meeting,
                count,
                description,
                role,
                article,
                author,
            )
        });
        self.commit_record(built)?;
        Ok(Applied::default())
    }

    pub(super) fn add_participant_group_from_selection(&mut self) -> Result<Applied, Refusal> {
        let meeting = self.current_meeting()?;
        self.with_selection(|project, article, selection, author| {
            let chars = match selection {
                Selection::Range(chars) => chars.clone(),
                Selection::Span(id) => {
                    let span = project
                        .document(article.doc)
                        .and_then(|d| d.span(*id))
                        .ok_or(RecordError::NoSpan(*id))?;
                    span.start..span.end
                }
            };
            let quote: String = article
                .text
                .chars()
                .skip(chars.start)
                .take(chars.len())
                .collect();
            let group = records::propose_group(&project.schema, &quote)
                .ok_or_else(|| RecordError::NoGroup(quote.trim().to_string()))?;
            records::add_unnamed_participant(
                project,
                meeting,
                group.count,
                &group.description,
                &group.role,
                Some((article, selection.clone())),
                author,
            )
        })
    }

    /// Changes the current meeting by hand (a choice, the realis, a role, a field cleared); a
    /// change that changes nothing is no step.
    pub(super) fn change_meeting(
        &mut self,
        change: impl FnOnce(&mut Meeting),
    ) -> Result<Applied, Refusal> {
        let id = self.current_meeting()?;
        self.change_meeting_by_id(id, change)
    }

    fn change_meeting_by_id(
        &mut self,
        id: MeetingId,
        change: impl FnOnce(&mut Meeting),
    ) -> Result<Applied, Refusal> {
        let missing = Refusal::NoMeeting;
        self.change_record(|p| p.meeting(id), change, Edit::ReplaceMeeting, missing)
    }

    /// Changes an outcome by hand (type, status, an actor's role, an actor removed…).
    pub(super) fn change_outcome(
        &mut self,
        id: OutcomeId,
        change: impl FnOnce(&mut Outcome),
    ) -> Result<Applied, Refusal> {
        let missing = Refusal::NoOutcome(id);
        self.change_record(|p| p.outcome(id), change, Edit::ReplaceOutcome, missing)
    }

    /// Changes a copy of a record and puts it back as one step, if the change changed it.
    fn change_record<R: Clone + PartialEq>(
        &mut self,
        record: impl for<'p> Fn(&'p Project) -> Option<&'p R>,
        change: impl FnOnce(&mut R),
        replace: fn(R) -> Edit,
        missing: Refusal,
    ) -> Result<Applied, Refusal> {
        let mut changed = record(&self.project).cloned().ok_or(missing)?;
        change(&mut changed);
        if Some(&changed) != record(&self.project) {
            self.commit(replace(changed))?;
        }
        Ok(Applied::default())
    }

    pub(super) fn set_codes(
        &mut self,
        target: CodesTarget,
        codes: Option<EventCodes>,
    ) -> Result<Applied, Refusal> {
        match target {
            CodesTarget::Meeting(id) => self.change_meeting_by_id(id, |m| m.codes = codes),
            CodesTarget::Outcome(id) => self.change_outcome(id, |o| o.codes = codes),
        }
    }

    /// Deletes a meeting (refused while outcomes belong to it).
    pub(super) fn delete_meeting(&mut self, id: MeetingId) -> Result<Applied, Refusal> {
        self.commit(Edit::RemoveMeeting(id))?;
        Ok(Applied::default())
    }

    pub(super) fn delete_outcome(&mut self, id: OutcomeId) -> Result<Applied, Refusal> {
        self.commit(Edit::RemoveOutcome(id))?;
        Ok(Applied::default())
    }

    /// Moves an outcome to another meeting, which becomes current.
    pub(super) fn move_outcome(
        &mut self,
        id: OutcomeId,
        meeting: MeetingId,
    ) -> Result<Applied, Refusal> {
        self.project.meeting(meeting).ok_or(Refusal::NoMeeting)?;
        let applied = self.change_outcome(id, |o| o.meeting = Some(meeting))?;
        self.cursor.meeting = Some(meeting);
        self.cursor.outcome = Some(id);
        Ok(applied)
    }

    fn outcome_exists(&self, id: OutcomeId) -> Result<(), Refusal> {
        self.project
            .outcome(id)
            .map(|_| ())
            .ok_or(Refusal::NoOutcome(id))
    }

    pub(super) fn set_outcome_title(&mut self, outcome: OutcomeId) -> Result<Applied, Refusal> {
        self.outcome_exists(outcome)?;
        self.with_selection(|project, article, selection, author| {
            records::set_outcome_title(project, outcome, article, selection, author)
        })
    }

    pub(super) fn add_outcome_actor(
        &mut self,
        outcome: OutcomeId,
        role: ActorRole,
    ) -> Result<Applied, Refusal> {
        self.outcome_exists(outcome)?;
        self.with_selection(|project, article, selection, author| {
            records::add_actor(project, outcome, role, article, selection, author)
        })
    }

    pub(super) fn set_outcome_attribution(
        &mut self,
        outcome: OutcomeId,
    ) -> Result<Applied, Refusal> {
        self.outcome_exists(outcome)?;
        self.with_selection(|project, article, selection, author| {
            records::set_attributed_to(project, outcome, article, selection, author)
        })
    }

    pub(super) fn add_outcome_evidence(&mut self, outcome: OutcomeId) -> Result<Applied, Refusal> {
        self.outcome_exists(outcome)?;
        self.with_selection(|project, article, selection, author| {
            records::add_outcome_evidence(project, outcome, article, selection, author)
        })
    }

    /// The meeting field a key fills while the meetings page is shown (the schema's shortcut).
    pub fn field_for_shortcut(&self, key: &str) -> Option<MeetingField> {
        self.project
            .schema
            .meeting_fields
            .iter()
            .find(|f| {
                f.shortcut
                    .as_deref()
                    .is_some_and(|s| s.eq_ignore_ascii_case(key))
            })
            .map(|f| f.key)
    }
}
