//! The meetings page of the right-hand panel: this article's meetings, meetings recorded from
//! other articles that it may report, and the current meeting and outcome with every field,
//! its evidence, derived codes and problems.

use eframe::egui;

use super::app::{AfterSuccess, DaftarApp};
use super::bidi_label::{bidi_label_colored_ui, bidi_label_ui};
use super::picker::{PickerOption, PickerState, bidi_selectable_ui, picker_ui};
use super::text_engine::TextEngine;
use super::text_input::bidi_text_edit_ui;
use super::ui_command::{UiCommand, info, label_with_shortcut};
use crate::app::{AppCommand, CodesTarget, describe};
use crate::layout::TextEditor;
use crate::model::codes::{
    CodesSource, codes_as_typed, codes_from_typed, meeting_codes, outcome_codes,
};
use crate::model::validate::{meeting_problems, outcome_problems};
use crate::model::{
    ActorRole, Choice, DocId, EventCodes, FieldDef, FieldKind, FieldValue, LabelLanguage, Meeting,
    MeetingField, Outcome, OutcomeField, Project, Realis, SpanRef,
};
use crate::records::{self, ArticleRef};

/// The width of the column of field names on the meetings page (points).
const FIELD_NAME_WIDTH: f32 = 96.0;

/// Button texts (also what tests click).
pub const USE_SELECTION: &str = "Use selection";
pub const ADD_FROM_SELECTION: &str = "Add from selection";
pub const THIS_ARTICLE_REPORTS_IT: &str = "This article reports it";
pub const REPLACE_EVIDENCE: &str = "Replace with selection";
pub const REMOVE_EVIDENCE: &str = "Remove";
pub const ADD_GROUP: &str = "Add group";
pub const GROUP_FROM_SELECTION: &str = "Group from selection";
pub const EDIT_CODES: &str = "Edit codes";
pub const APPLY_CODES: &str = "Apply codes";
pub const DERIVED_CODES: &str = "Use derived codes";
pub const PUBLISHED_HINT: &str = "YYYY-MM-DD or ۲۲ تیر ۱۴۰۲";
pub const DATE_NOT_STATED: &str = "not stated";
/// Placeholders (and accessible names) of the unnamed group's fields.
pub const GROUP_COUNT_LABEL: &str = "How many";
pub const ALL_MEMBERS_LABEL: &str = "all members";
/// "All members", as a participant list shows it.
const ALL_MEMBERS: [&str; 3] = ["all", "همه", "جميع"];
pub const GROUP_DESCRIPTION_HINT: &str = "who (e.g. countries)";
/// Placeholders (and accessible names) of the codes fields.
pub const CODES_HINTS: [&str; 4] = [
    "CAMEO code",
    "PLOVER event",
    "PLOVER mode",
    "PLOVER contexts, comma separated",
];

/// Whether a meeting took place, named in English, Persian and Arabic.
const REALIS: [(Realis, [&str; 3]); 4] = [
    (Realis::Held, ["held", "برگزار شد", "عُقد"]),
    (Realis::Planned, ["planned", "برنامه‌ریزی شده", "مقرر"]),
    (Realis::Hypothetical, ["hypothetical", "فرضی", "افتراضي"]),
    (Realis::Cancelled, ["cancelled", "لغو شد", "أُلغي"]),
];

/// The parts actors play in an outcome, named in English, Persian and Arabic.
const ACTOR_ROLES: [(ActorRole, [&str; 3]); 4] = [
    (
        ActorRole::Adopter,
        [
            "adopter / signatory",
            "تصویب‌کننده / امضاکننده",
            "المعتمِد / الموقِّع",
        ],
    ),
    (ActorRole::Proposer, ["proposer", "پیشنهاددهنده", "المقترِح"]),
    (
        ActorRole::Beneficiary,
        ["beneficiary / target", "ذی‌نفع / هدف", "المستفيد / المستهدَف"],
    ),
    (
        ActorRole::ApprovingBody,
        ["approving body", "مرجع تصویب", "جهة الاعتماد"],
    ),
];

/// A name of three languages in `language`.
fn named(names: [&'static str; 3], language: LabelLanguage) -> &'static str {
    let [en, fa, ar] = names;
    match language {
        LabelLanguage::English => en,
        LabelLanguage::Persian => fa,
        LabelLanguage::Arabic => ar,
    }
}

/// Picker options for fixed choices named in three languages.
fn fixed_options<T: Copy>(
    choices: &[(T, [&'static str; 3])],
    language: LabelLanguage,
) -> Vec<PickerOption<T>> {
    choices
        .iter()
        .map(|(value, names)| PickerOption {
            value: *value,
            shown: named(*names, language).to_string(),
            also: names.iter().map(|n| n.to_string()).collect(),
        })
        .collect()
}

/// Picker options for a schema list, shown in `language` and found by every name and the key.
pub(super) fn choice_options(
    choices: &[Choice],
    language: LabelLanguage,
) -> Vec<PickerOption<String>> {
    choices
        .iter()
        .map(|c| PickerOption {
            value: c.key.clone(),
            shown: c.names.get(language).to_string(),
            also: vec![
                c.names.en.clone(),
                c.names.fa.clone(),
                c.names.ar.clone(),
                c.key.clone(),
            ],
        })
        .collect()
}

/// A command the page asks for, and what to do in the window once it is done.
type Queued = (AppCommand, Option<AfterSuccess>);

/// The text fields and lists of the meetings page.
pub struct MeetingsPanel {
    /// The shown article's publication date as being typed, and which document and project
    /// revision it was last filled from.
    pub published: TextEditor,
    published_for: Option<(DocId, u64)>,
    /// An unnamed group of participants being added: how many, who, in what role.
    pub group_count: u32,
    /// The group is every member: no count.
    pub group_all: bool,
    pub group_description: TextEditor,
    pub group_role: String,
    /// Codes being typed by hand (CAMEO, PLOVER event, mode, contexts), and whose.
    pub codes_text: [TextEditor; 4],
    pub codes_editing: Option<CodesTarget>,
    /// Meetings the shown article may report: (article, project revision, candidates).
    candidates: Option<(DocId, u64, Vec<records::Candidate>)>,
    /// The open choice picker.
    pub picker: PickerState,
}

impl Default for MeetingsPanel {
    fn default() -> Self {
        MeetingsPanel {
            published: TextEditor::default(),
            published_for: None,
            group_count: 2,
            group_all: false,
            group_description: TextEditor::default(),
            group_role: "special_guest".into(),
            codes_text: Default::default(),
            codes_editing: None,
            candidates: None,
            picker: PickerState::default(),
        }
    }
}

fn entity_name(project: &Project, entity: crate::model::EntityId) -> String {
    project
        .entity(entity)
        .map_or_else(|| format!("{entity} (missing)"), |e| e.name.clone())
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

/// A "Use selection" button with what it fills as tooltip; whether it was clicked.
fn use_selection_clicked(ui: &mut egui::Ui, fills: &str) -> bool {
    ui.small_button(USE_SELECTION)
        .on_hover_text(fills)
        .clicked()
}

/// An outcome field's name in the label language (Persian and Arabic through our text engine).
fn outcome_heading_ui(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    field: OutcomeField,
    language: LabelLanguage,
) {
    let name = field.name(language);
    if language == LabelLanguage::English {
        ui.strong(name);
    } else {
        bidi_label_ui(ui, engine, name, 14.0);
    }
}

/// A button that jumps to the evidence span, with its quote as tooltip.
fn evidence_button(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    project: &Project,
    at: SpanRef,
    commands: &mut Vec<Queued>,
) {
    let quote = project
        .span(at)
        .map_or("(missing span)", |s| s.quote.as_str())
        .to_string();
    // The quote is Persian or Arabic: its tooltip goes through our text engine.
    let response = ui.small_button("Show").on_hover_ui(|ui| {
        ui.label("Show the evidence:");
        bidi_label_ui(ui, engine, &quote, 14.0);
    });
    if response.clicked() {
        commands.push((AppCommand::GoToSpan(at), None));
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
    engine: &mut TextEngine,
    (codes, source): (EventCodes, CodesSource),
    target: CodesTarget,
    panel: &mut MeetingsPanel,
    commands: &mut Vec<Queued>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(codes_text(&codes));
        ui.weak(match source {
            CodesSource::Derived => "(derived from the schema)",
            CodesSource::SetByHand => "(set by hand)",
        });
    });
    let editing = panel.codes_editing == Some(target);
    if editing {
        let width = ui.available_width();
        for (field, hint) in panel.codes_text.iter_mut().zip(CODES_HINTS) {
            bidi_text_edit_ui(ui, engine, field, hint, width);
        }
        if ui.button(APPLY_CODES).clicked() {
            let [cameo, event, mode, contexts] = panel.codes_text.each_ref().map(|t| t.text());
            let codes = codes_from_typed(&cameo, &event, &mode, &contexts);
            let command = AppCommand::SetCodes {
                target,
                codes: Some(codes),
            };
            commands.push((command, Some(AfterSuccess::StopEditingCodes)));
        }
    }
    ui.horizontal(|ui| {
        if !editing && ui.small_button(EDIT_CODES).clicked() {
            for (field, typed) in panel.codes_text.iter_mut().zip(codes_as_typed(&codes)) {
                field.set_text(&typed);
            }
            panel.codes_editing = Some(target);
        }
        if source == CodesSource::SetByHand && ui.small_button(DERIVED_CODES).clicked() {
            let command = AppCommand::SetCodes {
                target,
                codes: None,
            };
            commands.push((command, Some(AfterSuccess::StopEditingCodes)));
        }
    });
}

impl DaftarApp {
    pub(super) fn meetings_page_ui(&mut self, ui: &mut egui::Ui) {
        let mut commands: Vec<Queued> = Vec::new();
        ui.horizontal_wrapped(|ui| {
            for command in [UiCommand::NewMeeting, UiCommand::NewOutcome] {
                let text = label_with_shortcut(command, ui.ctx());
                if ui
                    .button(text)
                    .on_hover_text(info(command).tooltip)
                    .clicked()
                    && let Some(command) = self.command_for(command)
                {
                    commands.push((command, None));
                }
            }
        });
        self.article_meetings_ui(ui, &mut commands);
        ui.separator();
        self.current_meeting_ui(ui, &mut commands);
        for (command, after) in commands {
            match after {
                Some(after) => self.push_then(command, after),
                None => self.push(command),
            }
        }
    }

    /// The publication date, this article's meetings, and other articles' meetings it may report.
    fn article_meetings_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Queued>) {
        let session = &self.session;
        let Some(article) = session.article() else {
            ui.weak("Open an article to record its meetings.");
            return;
        };
        let doc = article.doc;
        let project = session.project();
        let language = session.view().label_language;
        let revision = session.history().revision();
        let panel = &mut self.meetings_panel;
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        ui.horizontal(|ui| {
            ui.label("Published");
            let field =
                bidi_text_edit_ui(ui, text_engine, &mut panel.published, PUBLISHED_HINT, 200.0)
                    .on_hover_text("Dates without a year in this article take it from here");
            // Shows what is stored, unless the analyst is typing in it.
            if panel.published_for != Some((doc, revision)) && !field.has_focus() {
                let stored = project.document(doc).and_then(|d| d.published.clone());
                panel.published.set_text(&stored.unwrap_or_default());
                panel.published_for = Some((doc, revision));
            }
            let enter = field.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if enter {
                // Done typing: the keys are the shortcuts' again.
                field.surrender_focus();
            }
            if ui.small_button("Set").clicked() || enter {
                panel.published_for = None;
                commands.push((AppCommand::SetPublished(panel.published.text()), None));
            }
        });
        ui.heading("Meetings in this article");
        let here = records::meetings_in(project, doc);
        if here.is_empty() {
            ui.weak("None yet. Select the words that report a meeting and press Alt+M.");
        }
        let current = session.cursor().meeting;
        for id in here {
            let Some(meeting) = project.meeting(id) else {
                continue;
            };
            let title = describe::meeting_title(project, meeting, language);
            let row = bidi_selectable_ui(ui, text_engine, current == Some(id), &title);
            if row.on_hover_text(id.to_string()).clicked() {
                commands.push((AppCommand::SelectMeeting(id), None));
            }
        }
        // Candidates change only with the project or the article: computed once per revision.
        let stale = panel.candidates.as_ref().map(|(d, r, _)| (*d, *r)) != Some((doc, revision));
        if stale && let Some(text) = article.text() {
            let found = records::meeting_candidates(project, ArticleRef { doc, text });
            panel.candidates = Some((doc, revision, found));
        }
        let candidates = panel
            .candidates
            .as_ref()
            .map(|(_, _, c)| c.as_slice())
            .unwrap_or_default();
        if candidates.is_empty() {
            return;
        }
        ui.heading("Recorded from other articles");
        ui.weak("This article may report one of these: select its words and attach them.");
        for candidate in candidates {
            let Some(meeting) = project.meeting(candidate.meeting) else {
                continue;
            };
            let title = describe::meeting_title(project, meeting, language);
            ui.group(|ui| {
                bidi_label_ui(ui, text_engine, &title, 14.0);
                for reason in &candidate.reasons {
                    let weak = Some(ui.visuals().weak_text_color());
                    bidi_label_colored_ui(ui, text_engine, reason, 13.0, weak);
                }
                ui.horizontal(|ui| {
                    if ui
                        .button(THIS_ARTICLE_REPORTS_IT)
                        .on_hover_text("Attach the selected words as evidence of this meeting")
                        .clicked()
                    {
                        commands.push((AppCommand::AttachToMeeting(candidate.meeting), None));
                    }
                    if ui.small_button("Edit").clicked() {
                        commands.push((AppCommand::SelectMeeting(candidate.meeting), None));
                    }
                });
            });
        }
    }

    /// Every field of the current meeting, its participants, codes, problems and outcomes.
    fn current_meeting_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Queued>) {
        let session = &self.session;
        let project = session.project();
        let Some(meeting) = session.cursor().meeting.and_then(|id| project.meeting(id)) else {
            ui.weak("No meeting chosen.");
            return;
        };
        let language = session.view().label_language;
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let panel = &mut self.meetings_panel;
        ui.horizontal(|ui| {
            ui.heading("Meeting").on_hover_text(meeting.id.to_string());
            if ui
                .small_button("Delete meeting")
                .on_hover_text("Delete this record (its outcomes must be deleted first)")
                .clicked()
            {
                commands.push((AppCommand::DeleteMeeting(meeting.id), None));
            }
        });
        let title = describe::meeting_title(project, meeting, language);
        bidi_label_ui(ui, text_engine, &title, 15.0).on_hover_text(meeting.id.to_string());
        review_note_ui(ui, text_engine, &meeting.review);
        for problem in meeting_problems(project, meeting) {
            ui.colored_label(ui.visuals().warn_fg_color, problem);
        }
        for evidence in &meeting.evidence {
            ui.horizontal_wrapped(|ui| {
                evidence_button(ui, text_engine, project, *evidence, commands);
                if ui
                    .small_button(REPLACE_EVIDENCE)
                    .on_hover_text("Put the words selected in the article in place of these")
                    .clicked()
                {
                    commands.push((AppCommand::ReplaceMeetingEvidence(*evidence), None));
                }
                if ui
                    .small_button(REMOVE_EVIDENCE)
                    .on_hover_text("Take these words off the meeting")
                    .clicked()
                {
                    commands.push((AppCommand::RemoveMeetingEvidence(*evidence), None));
                }
            });
            let path = project
                .document(evidence.doc)
                .map_or("", |d| d.path.as_str());
            let weak = Some(ui.visuals().weak_text_color());
            ui.indent(("evidence path", *evidence), |ui| {
                bidi_label_colored_ui(ui, text_engine, path, 12.5, weak)
            });
            // The quote on a line of its own: beside the buttons it would wrap to a column.
            let quote = project.span(*evidence).map_or("", |s| s.quote.as_str());
            ui.indent(("evidence", *evidence), |ui| {
                bidi_label_ui(ui, text_engine, quote, 14.0)
            });
        }
        ui.weak("Select words in the article, then press a field's number or “Use selection”.");
        // One row per field, its name on one side, its value and buttons on the other; every
        // row has the same buttons whatever it holds (unusable ones greyed), so nothing moves
        // under the pointer when a value changes.
        for field in &project.schema.meeting_fields {
            if field.kind == FieldKind::Participants {
                continue;
            }
            ui.horizontal_top(|ui| {
                ui.allocate_ui_with_layout(
                    egui::vec2(FIELD_NAME_WIDTH, 0.0),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_width(FIELD_NAME_WIDTH);
                        field_name_ui(ui, text_engine, field, language);
                    },
                );
                ui.vertical(|ui| {
                    meeting_field_row_ui(
                        ui,
                        text_engine,
                        panel,
                        commands,
                        project,
                        meeting,
                        field,
                        language,
                    );
                });
            });
            ui.separator();
        }
        let mut parts = PageParts {
            project,
            engine: text_engine,
            panel,
            language,
            commands,
        };
        participants_ui(ui, &mut parts, meeting);
        ui.strong("Codes");
        codes_ui(
            ui,
            parts.engine,
            meeting_codes(&project.schema, meeting),
            CodesTarget::Meeting(meeting.id),
            parts.panel,
            parts.commands,
        );
        ui.separator();
        outcomes_ui(ui, &mut parts, meeting, session.cursor().outcome);
    }
}

/// One meeting field's value: its picker (for a closed list), its buttons, then what it holds
/// (the value read and the words it was read from).
#[allow(clippy::too_many_arguments)]
fn meeting_field_row_ui(
    ui: &mut egui::Ui,
    text_engine: &mut TextEngine,
    panel: &mut MeetingsPanel,
    commands: &mut Vec<Queued>,
    project: &Project,
    meeting: &Meeting,
    field: &FieldDef,
    language: LabelLanguage,
) {
    let key = field.key;
    ui.horizontal_wrapped(|ui| {
        match &field.kind {
            FieldKind::Choice(choices) => {
                let current = meeting.choice(key).map_or("—".to_string(), |c| {
                    describe::choice_name(choices, c, language)
                });
                let options = choice_options(choices, language);
                let name = field.names.get(language);
                let picker = &mut panel.picker;
                let picked = picker_ui(ui, text_engine, picker, name, &current, &options, 150.0);
                if let Some(choice) = picked {
                    commands.push((AppCommand::SetMeetingChoice(key, choice), None));
                }
            }
            FieldKind::Realis => {
                let current = REALIS
                    .iter()
                    .find(|(r, _)| *r == meeting.realis)
                    .map_or("", |(_, names)| named(*names, language));
                let options = fixed_options(&REALIS, language);
                let name = field.names.get(language);
                let picker = &mut panel.picker;
                let picked = picker_ui(ui, text_engine, picker, name, current, &options, 150.0);
                if let Some(realis) = picked {
                    commands.push((AppCommand::SetRealis(realis), None));
                }
            }
            _ => {}
        }
        if field.kind != FieldKind::Realis {
            let fills = format!("Fill {} from the selected words", field.names.en);
            if use_selection_clicked(ui, &fills) {
                commands.push((AppCommand::FillMeetingField(key), None));
            }
            match meeting.evidence_of(key) {
                Some(at) => evidence_button(ui, text_engine, project, at, commands),
                None => {
                    ui.add_enabled(false, egui::Button::new("Show").small());
                }
            }
            let clear = ui
                .add_enabled(meeting.has(key), egui::Button::new("Remove").small())
                .on_hover_text("Clear");
            if clear.clicked() {
                commands.push((AppCommand::ClearMeetingField(key), None));
            }
        }
    });
    if key == MeetingField::Start {
        let mut not_stated = meeting.date_not_stated;
        if ui
            .checkbox(&mut not_stated, DATE_NOT_STATED)
            .on_hover_text("The articles do not say when it met")
            .changed()
        {
            commands.push((AppCommand::SetDateNotStated(not_stated), None));
        }
    }
    if let Some((facts, words)) = field_value_text(project, meeting, key) {
        if !facts.is_empty() {
            ui.label(facts);
        }
        if !words.is_empty() {
            bidi_label_ui(ui, text_engine, &words, 15.0);
        }
    }
}

/// What the parts of the meetings page draw with, and where they push commands.
struct PageParts<'a> {
    project: &'a Project,
    engine: &'a mut TextEngine,
    panel: &'a mut MeetingsPanel,
    language: LabelLanguage,
    commands: &'a mut Vec<Queued>,
}

/// The meeting's participants: named ones with their roles, and unnamed groups.
fn participants_ui(ui: &mut egui::Ui, parts: &mut PageParts, meeting: &Meeting) {
    let PageParts {
        project,
        engine: text_engine,
        panel,
        language,
        commands,
    } = parts;
    let project: &Project = project;
    let field = project.schema.meeting_field(MeetingField::Participants);
    ui.horizontal(|ui| {
        if let Some(field) = field {
            field_name_ui(ui, text_engine, field, *language);
        }
        if ui
            .small_button(ADD_FROM_SELECTION)
            .on_hover_text("Add the entity the selected words name as a participant")
            .clicked()
        {
            commands.push((
                AppCommand::FillMeetingField(MeetingField::Participants),
                None,
            ));
        }
    });
    let roles = &project.schema.participant_roles;
    for (index, participant) in meeting.participants.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let current = describe::choice_name(roles, &participant.role, *language);
            let options = choice_options(roles, *language);
            let picker = &mut panel.picker;
            if let Some(role) =
                picker_ui(ui, text_engine, picker, "role", &current, &options, 130.0)
            {
                commands.push((AppCommand::SetParticipantRole { index, role }, None));
            }
            if let Some(at) = participant.evidence {
                evidence_button(ui, text_engine, project, at, commands);
            }
            if ui.small_button("Remove").on_hover_text("Remove").clicked() {
                commands.push((AppCommand::RemoveParticipant(index), None));
            }
            let who = match (participant.entity, participant.count) {
                (Some(entity), _) => entity_name(project, entity),
                (None, Some(count)) => format!("{count} {}", participant.description),
                (None, None) if participant.all_members => format!(
                    "{} {}",
                    named(ALL_MEMBERS, *language),
                    participant.description
                ),
                (None, None) => participant.description.clone(),
            };
            bidi_label_ui(ui, text_engine, &who, 14.0);
        });
    }
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Unnamed:");
        ui.checkbox(&mut panel.group_all, ALL_MEMBERS_LABEL)
            .on_hover_text("Every member (no count is given or invented)");
        ui.add_enabled(
            !panel.group_all,
            egui::DragValue::new(&mut panel.group_count).range(1..=999),
        )
        .labelled_by(label.id)
        .on_hover_text(GROUP_COUNT_LABEL);
        bidi_text_edit_ui(
            ui,
            text_engine,
            &mut panel.group_description,
            GROUP_DESCRIPTION_HINT,
            120.0,
        );
        let current = describe::choice_name(roles, &panel.group_role, *language);
        let options = choice_options(roles, *language);
        let picked = picker_ui(
            ui,
            text_engine,
            &mut panel.picker,
            "group role",
            &current,
            &options,
            130.0,
        );
        if let Some(role) = picked {
            panel.group_role = role;
        }
        let read = ui.small_button(GROUP_FROM_SELECTION);
        let hint = "Read the group from the selected words: «دو کشور به عنوان مهمان ویژه»";
        if super::bidi_label::bidi_tooltip(read, text_engine, hint).clicked() {
            commands.push((AppCommand::AddParticipantGroupFromSelection, None));
        }
        if ui.small_button(ADD_GROUP).clicked() {
            let command = AppCommand::AddParticipantGroup {
                count: (!panel.group_all).then_some(panel.group_count),
                description: panel.group_description.text(),
                role: panel.group_role.clone(),
            };
            commands.push((command, Some(AfterSuccess::ClearGroupDescription)));
        }
    });
}

/// The meeting's outcomes, and the current outcome's fields.
fn outcomes_ui(
    ui: &mut egui::Ui,
    parts: &mut PageParts,
    meeting: &Meeting,
    current: Option<crate::model::OutcomeId>,
) {
    let PageParts {
        project,
        engine: text_engine,
        panel,
        commands,
        language,
    } = parts;
    let language = *language;
    let project: &Project = project;
    let schema = &project.schema;
    let outcomes: Vec<&Outcome> = project.outcomes_of(meeting.id).collect();
    ui.heading(format!("Outcomes ({})", outcomes.len()));
    if outcomes.is_empty() {
        ui.weak("Select the words that report what it decided and press Alt+O.");
    }
    for outcome in &outcomes {
        let selected = current == Some(outcome.id);
        // By its type, status and title, in the label language; the id for those who need it.
        let text = describe::outcome_title(project, outcome, language);
        let row = bidi_selectable_ui(ui, text_engine, selected, &text);
        if row.on_hover_text(outcome.id.to_string()).clicked() {
            let chosen = (!selected).then_some(outcome.id);
            commands.push((AppCommand::SelectOutcome(chosen), None));
        }
    }
    let Some(outcome) = current.and_then(|id| outcomes.iter().find(|o| o.id == id)) else {
        return;
    };
    let id = outcome.id;
    ui.group(|ui| {
        ui.horizontal(|ui| {
            ui.strong(format!("Outcome {id}"));
            if ui.small_button("Delete outcome").clicked() {
                commands.push((AppCommand::DeleteOutcome(id), None));
            }
        });
        review_note_ui(ui, text_engine, &outcome.review);
        for problem in outcome_problems(project, outcome) {
            ui.colored_label(ui.visuals().warn_fg_color, problem);
        }
        ui.horizontal_wrapped(|ui| {
            let types = &schema.outcome_types;
            let current = describe::choice_name(types, &outcome.kind, language);
            let options = choice_options(types, language);
            let name = OutcomeField::Type.name(language);
            if let Some(kind) = picker_ui(
                ui,
                text_engine,
                &mut panel.picker,
                name,
                &current,
                &options,
                170.0,
            ) {
                commands.push((AppCommand::SetOutcomeKind(id, kind), None));
            }
            let statuses = &schema.outcome_statuses;
            let current = describe::choice_name(statuses, &outcome.status, language);
            let options = choice_options(statuses, language);
            let name = match language {
                LabelLanguage::English => "Outcome status",
                _ => OutcomeField::Status.name(language),
            };
            if let Some(status) = picker_ui(
                ui,
                text_engine,
                &mut panel.picker,
                name,
                &current,
                &options,
                120.0,
            ) {
                commands.push((AppCommand::SetOutcomeStatus(id, status), None));
            }
        });
        // The meeting it belongs to, by its names (every meeting of the project).
        let meetings: Vec<PickerOption<crate::model::MeetingId>> = project
            .meetings
            .iter()
            .map(|m| PickerOption {
                value: m.id,
                shown: describe::meeting_title(project, m, language),
                also: vec![m.id.to_string()],
            })
            .collect();
        let current = describe::meeting_title(project, meeting, language);
        let name = OutcomeField::Meeting.name(language);
        let width = ui.available_width();
        if let Some(other) = picker_ui(
            ui,
            text_engine,
            &mut panel.picker,
            name,
            &current,
            &meetings,
            width,
        ) {
            commands.push((AppCommand::MoveOutcome(id, other), None));
        }
        ui.horizontal_wrapped(|ui| {
            outcome_heading_ui(ui, text_engine, OutcomeField::Title, language);
            if use_selection_clicked(ui, "The document's title") {
                commands.push((AppCommand::SetOutcomeTitle(id), None));
            }
            if let Some(at) = outcome.title.as_ref().and_then(|t| t.evidence) {
                evidence_button(ui, text_engine, project, at, commands);
            }
            if outcome.title.is_some() && ui.small_button("Remove").clicked() {
                commands.push((AppCommand::ClearOutcomeTitle(id), None));
            }
        });
        outcome_heading_ui(ui, text_engine, OutcomeField::Actors, language);
        for (index, actor) in outcome.actors.iter().enumerate() {
            ui.horizontal_wrapped(|ui| {
                let current = ACTOR_ROLES
                    .iter()
                    .find(|(r, _)| *r == actor.role)
                    .map_or("", |(_, names)| named(*names, language));
                let options = fixed_options(&ACTOR_ROLES, language);
                if let Some(role) = picker_ui(
                    ui,
                    text_engine,
                    &mut panel.picker,
                    "actor role",
                    current,
                    &options,
                    150.0,
                ) {
                    let command = AppCommand::SetActorRole {
                        outcome: id,
                        index,
                        role,
                    };
                    commands.push((command, None));
                }
                if let Some(at) = actor.evidence {
                    evidence_button(ui, text_engine, project, at, commands);
                }
                if ui.small_button("Remove").clicked() {
                    let command = AppCommand::RemoveActor { outcome: id, index };
                    commands.push((command, None));
                }
                bidi_label_ui(ui, text_engine, &entity_name(project, actor.entity), 14.0);
            });
        }
        ui.horizontal_wrapped(|ui| {
            ui.label("Add from selection:");
            // The roles in the label language, through our text engine.
            for (role, names) in ACTOR_ROLES {
                let name = named(names, language);
                if super::bidi_label::bidi_button_ui(ui, text_engine, name).clicked() {
                    commands.push((AppCommand::AddOutcomeActor(id, role), None));
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            outcome_heading_ui(ui, text_engine, OutcomeField::AttributedTo, language);
            if use_selection_clicked(ui, "Who is reported as saying it") {
                commands.push((AppCommand::SetAttribution(id), None));
            }
            if let Some(entity) = outcome.attributed_to {
                if ui.small_button("Remove").clicked() {
                    commands.push((AppCommand::ClearAttribution(id), None));
                }
                bidi_label_ui(ui, text_engine, &entity_name(project, entity), 14.0);
            }
        });
        ui.horizontal(|ui| {
            outcome_heading_ui(ui, text_engine, OutcomeField::Evidence, language);
            if ui.small_button(ADD_FROM_SELECTION).clicked() {
                commands.push((AppCommand::AddOutcomeEvidence(id), None));
            }
        });
        for (index, at) in outcome.evidence.iter().enumerate() {
            ui.horizontal_wrapped(|ui| {
                evidence_button(ui, text_engine, project, *at, commands);
                if ui.small_button("Remove").clicked() {
                    let command = AppCommand::RemoveOutcomeEvidence { outcome: id, index };
                    commands.push((command, None));
                }
                let quote = project.span(*at).map_or("", |s| s.quote.as_str());
                bidi_label_ui(ui, text_engine, quote, 14.0);
            });
        }
        ui.strong("Codes");
        codes_ui(
            ui,
            text_engine,
            outcome_codes(schema, outcome, Some(meeting)),
            CodesTarget::Outcome(id),
            panel,
            commands,
        );
    });
}

/// A field's value to show under its name, as a line of Latin facts and a line in the
/// article's script (`None` when empty, and for fields shown by a combo box).
fn field_value_text(
    project: &Project,
    meeting: &Meeting,
    field: MeetingField,
) -> Option<(String, String)> {
    if field.value_kind() == crate::model::FieldValueKind::Choice {
        return None;
    }
    if field == MeetingField::Start && meeting.date_not_stated {
        let facts = match project.latest_date_of(meeting) {
            Some(latest) => format!("date not stated · no later than {latest}"),
            None => "date not stated".to_string(),
        };
        return Some((facts, String::new()));
    }
    Some(match meeting.value(field)? {
        FieldValue::Entity(f) => (String::new(), entity_name(project, f.value)),
        FieldValue::Text(f) => (String::new(), f.value.clone()),
        FieldValue::Ordinal(f) => (f.value.to_string(), String::new()),
        FieldValue::Date(f) => {
            let facts = format!(
                "{} · {:?} · {:?}",
                f.value.iso, f.value.calendar, f.value.precision
            );
            (facts, f.value.original.clone())
        }
    })
}
