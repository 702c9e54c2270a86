//! The meetings page of the right-hand panel: this article's meetings, meetings recorded from
//! other articles that it may report, and the current meeting and outcome with every field,
//! its evidence, derived codes and problems.

use eframe::egui;

use super::app::DaftarApp;
use super::bidi_label::{bidi_label_colored_ui, bidi_label_ui};
use super::commands::{Command, info, label_with_shortcut};
use super::records::PanelTab;
use super::text_engine::TextEngine;
use super::text_input::bidi_text_edit_ui;
use crate::model::codes::{CodesSource, meeting_codes, outcome_codes};
use crate::model::validate::{meeting_problems, outcome_problems};
use crate::model::{
    ActorRole, Choice, EventCodes, FieldDef, FieldKind, LabelLanguage, Meeting, MeetingId, Outcome,
    OutcomeId, Project, Realis, SpanRef,
};
use crate::records::{self, ArticleRef};

/// Button texts (also what tests click).
pub const USE_SELECTION: &str = "Use selection";
pub const ADD_FROM_SELECTION: &str = "Add from selection";
pub const THIS_ARTICLE_REPORTS_IT: &str = "This article reports it";
pub const ADD_GROUP: &str = "Add group";
pub const EDIT_CODES: &str = "Edit codes";
pub const APPLY_CODES: &str = "Apply codes";
pub const DERIVED_CODES: &str = "Use derived codes";
pub const PUBLISHED_HINT: &str = "YYYY-MM-DD or ۲۲ تیر ۱۴۰۲";

const REALIS: [(Realis, &str); 4] = [
    (Realis::Held, "held"),
    (Realis::Planned, "planned"),
    (Realis::Hypothetical, "hypothetical"),
    (Realis::Cancelled, "cancelled"),
];

const ACTOR_ROLES: [(ActorRole, &str); 4] = [
    (ActorRole::Adopter, "adopter / signatory"),
    (ActorRole::Proposer, "proposer"),
    (ActorRole::Beneficiary, "beneficiary / target"),
    (ActorRole::ApprovingBody, "approving body"),
];

/// What a click in the panel asks for; done after drawing (the panel borrows the project).
enum Action {
    Select(MeetingId),
    SelectOutcome(Option<OutcomeId>),
    Attach(MeetingId),
    Fill(String),
    Clear(String),
    SetChoice(String, String),
    SetRealis(Realis),
    SetRole(usize, String),
    RemoveParticipant(usize),
    AddGroup,
    GoTo(SpanRef),
    EditCodes(CodesTarget, EventCodes),
    ApplyCodes,
    DerivedCodes(CodesTarget),
    DeleteMeeting(MeetingId),
    OutcomeKind(OutcomeId, String),
    OutcomeStatus(OutcomeId, String),
    Title(OutcomeId),
    ClearTitle(OutcomeId),
    AddActor(OutcomeId, ActorRole),
    ActorRole(OutcomeId, usize, ActorRole),
    RemoveActor(OutcomeId, usize),
    Attribution(OutcomeId),
    ClearAttribution(OutcomeId),
    AddEvidence(OutcomeId),
    RemoveEvidence(OutcomeId, usize),
    DeleteOutcome(OutcomeId),
    OutcomeMeeting(OutcomeId, MeetingId),
    SetPublished,
}

/// Whose codes are being edited by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodesTarget {
    Meeting(MeetingId),
    Outcome(OutcomeId),
}

fn entity_name(project: &Project, entity: crate::model::EntityId) -> String {
    project
        .entity(entity)
        .map_or_else(|| format!("{entity} (missing)"), |e| e.name.clone())
}

/// What tells meetings apart, in two lines: id, dates and level (Latin), then the names of its
/// organization, body and venue (any script, shown through our text engine).
pub fn meeting_summary(project: &Project, meeting: &Meeting) -> (String, String) {
    let mut facts = vec![meeting.id.to_string()];
    match (&meeting.start, &meeting.end) {
        (Some(start), Some(end)) if end.value.iso != start.value.iso => {
            facts.push(format!("{} to {}", start.value.iso, end.value.iso))
        }
        (Some(start), _) => facts.push(start.value.iso.clone()),
        _ => facts.push("no date".into()),
    }
    if let Some(level) = &meeting.level {
        facts.push(level.value.replace('_', " "));
    }
    if meeting.realis != Realis::Held {
        facts.push(format!("{:?}", meeting.realis).to_lowercase());
    }
    let mut names = Vec::new();
    if let Some(organization) = &meeting.organization {
        names.push(entity_name(project, organization.value));
    }
    if let Some(body) = &meeting.body {
        names.push(body.value.clone());
    }
    if let Some(venue) = &meeting.venue {
        names.push(entity_name(project, venue.value));
    }
    (facts.join(" · "), names.join(" · "))
}

fn choice_name(choices: &[Choice], key: &str) -> String {
    choices
        .iter()
        .find(|c| c.key == key)
        .map_or_else(|| format!("{key} (unknown)"), |c| c.names.en.clone())
}

fn codes_text(codes: &EventCodes) -> String {
    let mut parts = Vec::new();
    if let Some(cameo) = &codes.cameo {
        parts.push(format!("CAMEO {cameo}"));
    }
    if let Some(event) = &codes.plover_event {
        parts.push(format!("PLOVER {event}"));
    }
    if let Some(mode) = &codes.plover_mode {
        parts.push(format!("mode {mode}"));
    }
    if !codes.plover_contexts.is_empty() {
        parts.push(format!("context {}", codes.plover_contexts.join(", ")));
    }
    if parts.is_empty() {
        "no codes".into()
    } else {
        parts.join(" · ")
    }
}

/// A field's name in the label language (Persian and Arabic through our text engine).
fn field_name_ui(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    field: &FieldDef,
    language: LabelLanguage,
) {
    let name = field.names.get(language);
    let key = field
        .shortcut
        .as_deref()
        .map_or(String::new(), |s| format!("[{s}] "));
    if language == LabelLanguage::English {
        ui.strong(format!("{key}{name}"));
    } else {
        ui.strong(key);
        bidi_label_ui(ui, engine, name, 14.0);
    }
}

/// A button that jumps to the evidence span, with its quote as tooltip.
fn evidence_button(ui: &mut egui::Ui, project: &Project, at: SpanRef, actions: &mut Vec<Action>) {
    let quote = project
        .span(at)
        .map_or("(missing span)", |s| s.quote.as_str());
    if ui
        .small_button("Show")
        .on_hover_text(format!("Show the evidence: {quote}"))
        .clicked()
    {
        actions.push(Action::GoTo(at));
    }
}

/// A reviewer's rejection and comment, for the annotator to see.
fn review_note_ui(ui: &mut egui::Ui, engine: &mut TextEngine, review: &crate::model::Review) {
    if review.state == crate::model::ReviewState::Rejected {
        let why = format!("rejected by {}: {}", review.reviewer, review.comment);
        bidi_label_colored_ui(ui, engine, &why, 13.0, Some(ui.visuals().warn_fg_color));
    }
}

fn codes_ui(
    ui: &mut egui::Ui,
    (codes, source): (EventCodes, CodesSource),
    target: CodesTarget,
    editing: bool,
    texts: &mut [String; 4],
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(codes_text(&codes));
        ui.weak(match source {
            CodesSource::Derived => "(derived from the schema)",
            CodesSource::SetByHand => "(set by hand)",
        });
    });
    if editing {
        for (text, hint) in texts.iter_mut().zip([
            "CAMEO code",
            "PLOVER event",
            "PLOVER mode",
            "PLOVER contexts, comma separated",
        ]) {
            ui.add(egui::TextEdit::singleline(text).hint_text(hint));
        }
        if ui.button(APPLY_CODES).clicked() {
            actions.push(Action::ApplyCodes);
        }
    }
    ui.horizontal(|ui| {
        if !editing && ui.small_button(EDIT_CODES).clicked() {
            actions.push(Action::EditCodes(target, codes.clone()));
        }
        if source == CodesSource::SetByHand && ui.small_button(DERIVED_CODES).clicked() {
            actions.push(Action::DerivedCodes(target));
        }
    });
}

impl DaftarApp {
    pub(super) fn panel_tabs_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.panel_tab, PanelTab::Spans, "Spans");
            let meetings = label_with_shortcut(Command::ShowMeetings, ui.ctx());
            ui.selectable_value(&mut self.panel_tab, PanelTab::Meetings, meetings);
            let review = label_with_shortcut(Command::ShowReview, ui.ctx());
            ui.selectable_value(&mut self.panel_tab, PanelTab::Review, review);
        });
        ui.separator();
    }

    pub(super) fn meetings_panel_ui(&mut self, ui: &mut egui::Ui) {
        let now = ui.input(|i| i.time);
        ui.horizontal_wrapped(|ui| {
            for command in [Command::NewMeeting, Command::NewOutcome] {
                let text = label_with_shortcut(command, ui.ctx());
                if ui
                    .button(text)
                    .on_hover_text(info(command).tooltip)
                    .clicked()
                {
                    self.requested.push(command);
                }
            }
        });
        let mut actions = Vec::new();
        self.article_meetings_ui(ui, &mut actions);
        ui.separator();
        self.current_meeting_ui(ui, &mut actions);
        for action in actions {
            self.do_action(action, now);
        }
    }

    /// This article's meetings, and other articles' meetings it may report.
    fn article_meetings_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let Some(article) = &self.article else {
            ui.weak("Open an article to record its meetings.");
            return;
        };
        let doc = article.doc;
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        ui.horizontal(|ui| {
            ui.label("Published");
            let field = bidi_text_edit_ui(
                ui,
                text_engine,
                &mut self.records.published,
                PUBLISHED_HINT,
                200.0,
            )
            .on_hover_text("Dates without a year in this article take it from here");
            self.typing_now |= field.has_focus();
            let enter = field.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if enter {
                // Done typing: the keys are the shortcuts' again.
                field.surrender_focus();
            }
            if ui.small_button("Set").clicked() || enter {
                actions.push(Action::SetPublished);
            }
        });
        ui.heading("Meetings in this article");
        let here = records::meetings_in(&self.project, doc);
        if here.is_empty() {
            ui.weak("None yet. Select the words that report a meeting and press Alt+M.");
        }
        for id in here {
            let Some(meeting) = self.project.meeting(id) else {
                continue;
            };
            let selected = self.records.meeting == Some(id);
            let (facts, names) = meeting_summary(&self.project, meeting);
            if ui.selectable_label(selected, facts).clicked() {
                actions.push(Action::Select(id));
            }
            ui.indent(("names", id), |ui| {
                bidi_label_ui(ui, text_engine, &names, 14.0)
            });
        }
        // Candidates change only with the project or the article: computed once per revision.
        let revision = self.history.revision();
        let stale =
            self.records.candidates.as_ref().map(|(d, r, _)| (*d, *r)) != Some((doc, revision));
        if stale && let Ok(text) = &article.text {
            let found = records::meeting_candidates(&self.project, ArticleRef { doc, text });
            self.records.candidates = Some((doc, revision, found));
        }
        let candidates = self
            .records
            .candidates
            .as_ref()
            .map(|(_, _, c)| c.clone())
            .unwrap_or_default();
        if candidates.is_empty() {
            return;
        }
        ui.heading("Recorded from other articles");
        ui.weak("This article may report one of these: select its words and attach them.");
        for candidate in candidates {
            let Some(meeting) = self.project.meeting(candidate.meeting) else {
                continue;
            };
            let (facts, names) = meeting_summary(&self.project, meeting);
            ui.group(|ui| {
                ui.label(facts);
                bidi_label_ui(ui, text_engine, &names, 14.0);
                for reason in &candidate.reasons {
                    bidi_label_colored_ui(
                        ui,
                        text_engine,
                        reason,
                        13.0,
                        Some(ui.visuals().weak_text_color()),
                    );
                }
                ui.horizontal(|ui| {
                    if ui
                        .button(THIS_ARTICLE_REPORTS_IT)
                        .on_hover_text("Attach the selected words as evidence of this meeting")
                        .clicked()
                    {
                        actions.push(Action::Attach(candidate.meeting));
                    }
                    if ui.small_button("Edit").clicked() {
                        actions.push(Action::Select(candidate.meeting));
                    }
                });
            });
        }
    }

    /// Every field of the current meeting, its participants, codes, problems and outcomes.
    fn current_meeting_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let Some(meeting) = self.records.meeting.and_then(|id| self.project.meeting(id)) else {
            ui.weak("No meeting chosen.");
            return;
        };
        let project = &self.project;
        let language = self.label_language;
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        ui.horizontal(|ui| {
            ui.heading(format!("Meeting {}", meeting.id));
            if ui
                .small_button("Delete meeting")
                .on_hover_text("Delete this record (its outcomes must be deleted first)")
                .clicked()
            {
                actions.push(Action::DeleteMeeting(meeting.id));
            }
        });
        review_note_ui(ui, text_engine, &meeting.review);
        for problem in meeting_problems(project, meeting) {
            ui.colored_label(ui.visuals().warn_fg_color, problem);
        }
        for evidence in &meeting.evidence {
            ui.horizontal(|ui| {
                evidence_button(ui, project, *evidence, actions);
                let path = project
                    .document(evidence.doc)
                    .map_or("", |d| d.path.as_str());
                let weak = Some(ui.visuals().weak_text_color());
                bidi_label_colored_ui(ui, text_engine, path, 13.0, weak);
            });
            // The quote on a line of its own: beside the buttons it would wrap to a column.
            let quote = project.span(*evidence).map_or("", |s| s.quote.as_str());
            ui.indent(("evidence", *evidence), |ui| {
                bidi_label_ui(ui, text_engine, quote, 14.0)
            });
        }
        ui.weak("Select words in the article, then press a field's number or “Use selection”.");
        for field in &project.schema.meeting_fields {
            if field.kind == FieldKind::Participants {
                continue;
            }
            ui.horizontal_wrapped(|ui| {
                let has_combo = matches!(field.kind, FieldKind::Choice(_) | FieldKind::Realis);
                if !has_combo || language != LabelLanguage::English {
                    field_name_ui(ui, text_engine, field, language);
                }
                match &field.kind {
                    FieldKind::Choice(choices) => {
                        let current = meeting.choice_field(&field.key);
                        let shown = current.map_or("—".to_string(), |c| choice_name(choices, c));
                        egui::ComboBox::new(("choice", &field.key), &field.names.en)
                            .selected_text(shown)
                            .show_ui(ui, |ui| {
                                for choice in choices {
                                    let chosen = current == Some(choice.key.as_str());
                                    if ui.selectable_label(chosen, &choice.names.en).clicked() {
                                        actions.push(Action::SetChoice(
                                            field.key.clone(),
                                            choice.key.clone(),
                                        ));
                                    }
                                }
                            });
                    }
                    FieldKind::Realis => {
                        let shown = REALIS
                            .iter()
                            .find(|(r, _)| *r == meeting.realis)
                            .map_or("", |(_, name)| name);
                        egui::ComboBox::new("realis", &field.names.en)
                            .selected_text(shown)
                            .show_ui(ui, |ui| {
                                for (realis, name) in REALIS {
                                    if ui
                                        .selectable_label(meeting.realis == realis, name)
                                        .clicked()
                                    {
                                        actions.push(Action::SetRealis(realis));
                                    }
                                }
                            });
                    }
                    _ => {}
                }
                if field.kind != FieldKind::Realis
                    && ui
                        .small_button(USE_SELECTION)
                        .on_hover_text(format!("Fill {} from the selected words", field.names.en))
                        .clicked()
                {
                    actions.push(Action::Fill(field.key.clone()));
                }
                if let Some(at) = meeting.field_evidence(&field.key) {
                    evidence_button(ui, project, at, actions);
                }
                if field.kind != FieldKind::Realis
                    && meeting.has_field(&field.key)
                    && ui.small_button("Remove").on_hover_text("Clear").clicked()
                {
                    actions.push(Action::Clear(field.key.clone()));
                }
            });
            if let Some((facts, words)) = field_value_text(project, meeting, &field.key) {
                ui.indent(("value", &field.key), |ui| {
                    if !facts.is_empty() {
                        ui.label(facts);
                    }
                    if !words.is_empty() {
                        bidi_label_ui(ui, text_engine, &words, 15.0);
                    }
                });
            }
        }
        self.participants_ui(ui, actions);
        let Some(meeting) = self.records.meeting.and_then(|id| self.project.meeting(id)) else {
            return;
        };
        ui.strong("Codes");
        let target = CodesTarget::Meeting(meeting.id);
        codes_ui(
            ui,
            meeting_codes(&self.project.schema, meeting),
            target,
            self.records.codes_editing == Some(target),
            &mut self.records.codes_text,
            actions,
        );
        ui.separator();
        self.outcomes_ui(ui, actions);
    }

    fn participants_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let Some(meeting) = self.records.meeting.and_then(|id| self.project.meeting(id)) else {
            return;
        };
        let project = &self.project;
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let field = project.schema.meeting_field("participants");
        ui.horizontal(|ui| {
            if let Some(field) = field {
                field_name_ui(ui, text_engine, field, self.label_language);
            }
            if ui
                .small_button(ADD_FROM_SELECTION)
                .on_hover_text("Add the entity the selected words name as a participant")
                .clicked()
            {
                actions.push(Action::Fill("participants".into()));
            }
        });
        let roles = &project.schema.participant_roles;
        for (index, participant) in meeting.participants.iter().enumerate() {
            ui.horizontal_wrapped(|ui| {
                egui::ComboBox::new(("role", index), "role")
                    .selected_text(choice_name(roles, &participant.role))
                    .show_ui(ui, |ui| {
                        for role in roles {
                            if ui
                                .selectable_label(participant.role == role.key, &role.names.en)
                                .clicked()
                            {
                                actions.push(Action::SetRole(index, role.key.clone()));
                            }
                        }
                    });
                if let Some(at) = participant.evidence {
                    evidence_button(ui, project, at, actions);
                }
                if ui.small_button("Remove").on_hover_text("Remove").clicked() {
                    actions.push(Action::RemoveParticipant(index));
                }
                let who = match (participant.entity, participant.count) {
                    (Some(entity), _) => entity_name(project, entity),
                    (None, Some(count)) => format!("{count} {}", participant.description),
                    (None, None) => participant.description.clone(),
                };
                bidi_label_ui(ui, text_engine, &who, 14.0);
            });
        }
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Unnamed:");
            ui.add(egui::DragValue::new(&mut self.records.group_count).range(1..=999))
                .labelled_by(label.id);
            let field = bidi_text_edit_ui(
                ui,
                text_engine,
                &mut self.records.group_description,
                "who (e.g. countries)",
                120.0,
            );
            self.typing_now |= field.has_focus();
            egui::ComboBox::new("group role", "role ")
                .selected_text(choice_name(roles, &self.records.group_role))
                .show_ui(ui, |ui| {
                    for role in roles {
                        ui.selectable_value(
                            &mut self.records.group_role,
                            role.key.clone(),
                            &role.names.en,
                        );
                    }
                });
            if ui.small_button(ADD_GROUP).clicked() {
                actions.push(Action::AddGroup);
            }
        });
    }

    /// The current meeting's outcomes, and the current outcome's fields.
    fn outcomes_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let Some(meeting) = self.records.meeting.and_then(|id| self.project.meeting(id)) else {
            return;
        };
        let project = &self.project;
        let schema = &project.schema;
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let outcomes: Vec<&Outcome> = project.outcomes_of(meeting.id).collect();
        ui.heading(format!("Outcomes ({})", outcomes.len()));
        if outcomes.is_empty() {
            ui.weak("Select the words that report what it decided and press Alt+O.");
        }
        for outcome in &outcomes {
            let selected = self.records.outcome == Some(outcome.id);
            ui.horizontal_wrapped(|ui| {
                let text = format!(
                    "{} · {} · {}",
                    outcome.id,
                    choice_name(&schema.outcome_types, &outcome.kind),
                    choice_name(&schema.outcome_statuses, &outcome.status)
                );
                if ui.selectable_label(selected, text).clicked() {
                    actions.push(Action::SelectOutcome((!selected).then_some(outcome.id)));
                }
            });
            if let Some(title) = &outcome.title {
                ui.indent(("title", outcome.id), |ui| {
                    bidi_label_ui(ui, text_engine, &title.value, 14.0);
                });
            }
        }
        let Some(outcome) = self
            .records
            .outcome
            .and_then(|id| outcomes.iter().find(|o| o.id == id))
        else {
            return;
        };
        let id = outcome.id;
        ui.group(|ui| {
            ui.horizontal(|ui| {
                ui.strong(format!("Outcome {id}"));
                if ui.small_button("Delete outcome").clicked() {
                    actions.push(Action::DeleteOutcome(id));
                }
            });
            review_note_ui(ui, text_engine, &outcome.review);
            for problem in outcome_problems(project, outcome) {
                ui.colored_label(ui.visuals().warn_fg_color, problem);
            }
            ui.horizontal_wrapped(|ui| {
                egui::ComboBox::new("outcome type", "Type")
                    .selected_text(choice_name(&schema.outcome_types, &outcome.kind))
                    .show_ui(ui, |ui| {
                        for kind in &schema.outcome_types {
                            if ui
                                .selectable_label(outcome.kind == kind.key, &kind.names.en)
                                .clicked()
                            {
                                actions.push(Action::OutcomeKind(id, kind.key.clone()));
                            }
                        }
                    });
                egui::ComboBox::new("outcome status", "Status")
                    .selected_text(choice_name(&schema.outcome_statuses, &outcome.status))
                    .show_ui(ui, |ui| {
                        for status in &schema.outcome_statuses {
                            if ui
                                .selectable_label(outcome.status == status.key, &status.names.en)
                                .clicked()
                            {
                                actions.push(Action::OutcomeStatus(id, status.key.clone()));
                            }
                        }
                    });
            });
            let (current, _) = meeting_summary(project, meeting);
            egui::ComboBox::new("outcome meeting", "Meeting")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for other in &project.meetings {
                        let (facts, _) = meeting_summary(project, other);
                        if ui.selectable_label(other.id == meeting.id, facts).clicked() {
                            actions.push(Action::OutcomeMeeting(id, other.id));
                        }
                    }
                });
            ui.horizontal_wrapped(|ui| {
                ui.strong("Title");
                if ui
                    .small_button(USE_SELECTION)
                    .on_hover_text("The document's title")
                    .clicked()
                {
                    actions.push(Action::Title(id));
                }
                if let Some(at) = outcome.title.as_ref().and_then(|t| t.evidence) {
                    evidence_button(ui, project, at, actions);
                }
                if outcome.title.is_some() && ui.small_button("Remove").clicked() {
                    actions.push(Action::ClearTitle(id));
                }
            });
            ui.strong("Actors");
            for (index, actor) in outcome.actors.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    let role_name = ACTOR_ROLES
                        .iter()
                        .find(|(r, _)| *r == actor.role)
                        .map_or("", |(_, n)| n);
                    egui::ComboBox::new(("actor", index), "role")
                        .selected_text(role_name)
                        .show_ui(ui, |ui| {
                            for (role, name) in ACTOR_ROLES {
                                if ui.selectable_label(actor.role == role, name).clicked() {
                                    actions.push(Action::ActorRole(id, index, role));
                                }
                            }
                        });
                    if let Some(at) = actor.evidence {
                        evidence_button(ui, project, at, actions);
                    }
                    if ui.small_button("Remove").clicked() {
                        actions.push(Action::RemoveActor(id, index));
                    }
                    bidi_label_ui(ui, text_engine, &entity_name(project, actor.entity), 14.0);
                });
            }
            ui.horizontal_wrapped(|ui| {
                ui.label("Add from selection:");
                for (role, name) in ACTOR_ROLES {
                    if ui.small_button(name).clicked() {
                        actions.push(Action::AddActor(id, role));
                    }
                }
            });
            ui.horizontal_wrapped(|ui| {
                ui.strong("Said by");
                if ui
                    .small_button(USE_SELECTION)
                    .on_hover_text("Who is reported as saying it")
                    .clicked()
                {
                    actions.push(Action::Attribution(id));
                }
                if let Some(entity) = outcome.attributed_to {
                    if ui.small_button("Remove").clicked() {
                        actions.push(Action::ClearAttribution(id));
                    }
                    bidi_label_ui(ui, text_engine, &entity_name(project, entity), 14.0);
                }
            });
            ui.horizontal(|ui| {
                ui.strong("Evidence");
                if ui.small_button(ADD_FROM_SELECTION).clicked() {
                    actions.push(Action::AddEvidence(id));
                }
            });
            for (index, at) in outcome.evidence.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    evidence_button(ui, project, *at, actions);
                    if ui.small_button("Remove").clicked() {
                        actions.push(Action::RemoveEvidence(id, index));
                    }
                    let quote = project.span(*at).map_or("", |s| s.quote.as_str());
                    bidi_label_ui(ui, text_engine, quote, 14.0);
                });
            }
            ui.strong("Codes");
            let target = CodesTarget::Outcome(id);
            codes_ui(
                ui,
                outcome_codes(schema, outcome, Some(meeting)),
                target,
                self.records.codes_editing == Some(target),
                &mut self.records.codes_text,
                actions,
            );
        });
    }

    fn do_action(&mut self, action: Action, now: f64) {
        let meeting = self.records.meeting;
        match action {
            Action::Select(id) => {
                self.records.meeting = Some(id);
                self.records.outcome = None;
                self.records.codes_editing = None;
            }
            Action::SelectOutcome(id) => {
                self.records.outcome = id;
                self.records.codes_editing = None;
            }
            Action::Attach(id) => self.attach_to_meeting(id, now),
            Action::Fill(field) => self.fill_meeting_field(&field, now),
            Action::GoTo(at) => self.go_to_span(at.doc, at.span),
            Action::AddGroup => self.add_participant_group(now),
            Action::EditCodes(target, codes) => {
                self.records.codes_text = [
                    codes.cameo.unwrap_or_default(),
                    codes.plover_event.unwrap_or_default(),
                    codes.plover_mode.unwrap_or_default(),
                    codes.plover_contexts.join(", "),
                ];
                self.records.codes_editing = Some(target);
            }
            Action::ApplyCodes => {
                let [cameo, event, mode, contexts] = self.records.codes_text.clone();
                let some = |s: String| (!s.trim().is_empty()).then(|| s.trim().to_string());
                let codes = EventCodes {
                    cameo: some(cameo),
                    plover_event: some(event),
                    plover_mode: some(mode),
                    plover_contexts: contexts
                        .split(',')
                        .map(|c| c.trim().to_string())
                        .filter(|c| !c.is_empty())
                        .collect(),
                };
                match self.records.codes_editing.take() {
                    Some(CodesTarget::Meeting(id)) => {
                        self.change_meeting(id, now, |m| m.codes = Some(codes))
                    }
                    Some(CodesTarget::Outcome(id)) => {
                        self.change_outcome(id, now, |o| o.codes = Some(codes))
                    }
                    None => {}
                }
            }
            Action::DerivedCodes(CodesTarget::Meeting(id)) => {
                self.change_meeting(id, now, |m| m.codes = None)
            }
            Action::DerivedCodes(CodesTarget::Outcome(id)) => {
                self.change_outcome(id, now, |o| o.codes = None)
            }
            Action::DeleteMeeting(id) => self.delete_meeting(id, now),
            Action::OutcomeKind(id, kind) => self.change_outcome(id, now, |o| o.kind = kind),
            Action::OutcomeStatus(id, status) => {
                self.change_outcome(id, now, |o| o.status = status)
            }
            Action::Title(id) => self.set_outcome_title(id, now),
            Action::ClearTitle(id) => self.change_outcome(id, now, |o| o.title = None),
            Action::AddActor(id, role) => self.add_outcome_actor(id, role, now),
            Action::ActorRole(id, index, role) => self.change_outcome(id, now, |o| {
                if let Some(actor) = o.actors.get_mut(index) {
                    actor.role = role;
                }
            }),
            Action::RemoveActor(id, index) => self.change_outcome(id, now, |o| {
                if index < o.actors.len() {
                    o.actors.remove(index);
                }
            }),
            Action::Attribution(id) => self.set_outcome_attribution(id, now),
            Action::ClearAttribution(id) => {
                self.change_outcome(id, now, |o| o.attributed_to = None)
            }
            Action::AddEvidence(id) => self.add_outcome_evidence(id, now),
            Action::RemoveEvidence(id, index) => self.change_outcome(id, now, |o| {
                if index < o.evidence.len() {
                    o.evidence.remove(index);
                }
            }),
            Action::DeleteOutcome(id) => self.delete_outcome(id, now),
            Action::OutcomeMeeting(id, meeting) => {
                self.change_outcome(id, now, |o| o.meeting = Some(meeting));
                self.records.meeting = Some(meeting);
            }
            Action::SetPublished => self.set_published(now),
            Action::Clear(field) => {
                if let Some(id) = meeting {
                    self.change_meeting(id, now, |m| m.clear_field(&field));
                }
            }
            Action::SetChoice(field, value) => {
                if let Some(id) = meeting {
                    self.change_meeting(id, now, |m| m.set_choice_field(&field, &value));
                }
            }
            Action::SetRealis(realis) => {
                if let Some(id) = meeting {
                    self.change_meeting(id, now, |m| m.realis = realis);
                }
            }
            Action::SetRole(index, role) => {
                if let Some(id) = meeting {
                    self.change_meeting(id, now, |m| {
                        if let Some(p) = m.participants.get_mut(index) {
                            p.role = role;
                        }
                    });
                }
            }
            Action::RemoveParticipant(index) => {
                if let Some(id) = meeting {
                    self.change_meeting(id, now, |m| {
                        if index < m.participants.len() {
                            m.participants.remove(index);
                        }
                    });
                }
            }
        }
    }
}

/// A field's value to show under its name, as a line of Latin facts and a line in the
/// article's script (`None` when empty or shown by a combo box).
fn field_value_text(project: &Project, meeting: &Meeting, key: &str) -> Option<(String, String)> {
    let entity = |field: &Option<crate::model::Sourced<crate::model::EntityId>>| {
        field
            .as_ref()
            .map(|f| (String::new(), entity_name(project, f.value)))
    };
    let date = |field: &Option<crate::model::Sourced<crate::model::DateValue>>| {
        field.as_ref().map(|f| {
            let facts = format!(
                "{} · {:?} · {:?}",
                f.value.iso, f.value.calendar, f.value.precision
            );
            (facts, f.value.original.clone())
        })
    };
    match key {
        "organization" => entity(&meeting.organization),
        "venue" => entity(&meeting.venue),
        "host" => entity(&meeting.host),
        "chair" => entity(&meeting.chair),
        "body" => meeting
            .body
            .as_ref()
            .map(|b| (String::new(), b.value.clone())),
        "ordinal" => meeting
            .ordinal
            .as_ref()
            .map(|o| (o.value.to_string(), String::new())),
        "start" => date(&meeting.start),
        "end" => date(&meeting.end),
        _ => None,
    }
}
