//! The meetings page of the right-hand panel: this article's meetings, meetings recorded from
//! other articles that it may report, and the current meeting and outcome with every field,
//! its evidence, derived codes and problems.

use eframe::egui;

use super::app::{AfterSuccess, DaftarApp};
use super::bidi_label::{bidi_label_colored_ui, bidi_label_ui};
use super::picker::{PickerOption, PickerState, bidi_selectable_ui, picker_ui};
use super::text_engine::TextEngine;
use super::text_input::bidi_text_edit_ui;
use super::ui_command::{UiCommand, label_with_shortcut};
use super::words as wd;
use crate::app::{AppCommand, CodesTarget, describe};
use crate::i18n::{Words, key};
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

/// Catalogue keys of the buttons and fields (also what tests click, by their English words).
pub const USE_SELECTION: &str = key("meeting-use-selection");
pub const ADD_FROM_SELECTION: &str = key("meeting-add-from-selection");
pub const THIS_ARTICLE_REPORTS_IT: &str = key("meeting-article-reports-it");
pub const REPLACE_EVIDENCE: &str = key("meeting-replace-evidence");
pub const REMOVE_EVIDENCE: &str = key("meeting-remove");
pub const ADD_GROUP: &str = key("meeting-add-group");
pub const GROUP_FROM_SELECTION: &str = key("meeting-group-from-selection");
pub const EDIT_CODES: &str = key("codes-edit");
pub const APPLY_CODES: &str = key("codes-apply");
pub const DERIVED_CODES: &str = key("codes-use-derived");
pub const PUBLISHED_HINT: &str = key("meeting-published-hint");
pub const DATE_NOT_STATED: &str = key("meeting-date-not-stated");
/// Placeholders (and accessible names) of the unnamed group's fields.
pub const GROUP_COUNT_LABEL: &str = key("meeting-group-count");
pub const ALL_MEMBERS_LABEL: &str = key("meeting-all-members");
/// "All members", as a participant list shows it.
const ALL_MEMBERS: [&str; 3] = ["all", "همه", "جميع"];
pub const GROUP_DESCRIPTION_HINT: &str = key("meeting-group-description-hint");
/// Placeholders (and accessible names) of the codes fields.
pub const CODES_HINTS: [&str; 4] = [
    key("codes-cameo-hint"),
    key("codes-plover-event-hint"),
    key("codes-plover-mode-hint"),
    key("codes-plover-contexts-hint"),
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

fn calendar_key(calendar: crate::model::Calendar) -> &'static str {
    match calendar {
        crate::model::Calendar::Gregorian => "calendar-gregorian",
        crate::model::Calendar::SolarHijri => "calendar-solar-hijri",
        crate::model::Calendar::Hijri => "calendar-hijri",
    }
}

fn precision_key(precision: crate::model::Precision) -> &'static str {
    match precision {
        crate::model::Precision::Day => "precision-day",
        crate::model::Precision::Month => "precision-month",
        crate::model::Precision::Year => "precision-year",
    }
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

fn entity_name(tr: Words, project: &Project, entity: crate::model::EntityId) -> String {
    project.entity(entity).map_or_else(
        || {
            tr.t_with(
                "meeting-entity-missing",
                &[("id", entity.to_string().into())],
            )
        },
        |e| e.name.clone(),
    )
}

fn codes_text(tr: Words, codes: &EventCodes) -> String {
    let mut parts = Vec::new();
    if let Some(cameo) = &codes.cameo {
        parts.push(format!("CAMEO {cameo}"));
    }
    if let Some(event) = &codes.plover_event {
        parts.push(format!("PLOVER {event}"));
    }
    if let Some(mode) = &codes.plover_mode {
        parts.push(tr.t_with("codes-mode", &[("mode", mode.into())]));
    }
    if !codes.plover_contexts.is_empty() {
        let contexts = codes.plover_contexts.join(", ");
        parts.push(tr.t_with("codes-context", &[("contexts", contexts.into())]));
    }
    if parts.is_empty() {
        tr.t("codes-none")
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
    wd::row_wrapped(ui, |ui| {
        wd::strong(ui, &key);
        bidi_label_ui(ui, engine, name, 14.0);
    });
}

/// A "Use selection" button with what it fills as tooltip; whether it was clicked.
fn use_selection_clicked(ui: &mut egui::Ui, fills: &str) -> bool {
    let text = wd::tr(ui, USE_SELECTION);
    wd::hover(wd::button(ui, &text), fills).clicked()
}

/// An outcome field's name in the label language (Persian and Arabic through our text engine).
fn outcome_heading_ui(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    field: OutcomeField,
    language: LabelLanguage,
) {
    let name = field.name(language);
    bidi_label_ui(ui, engine, name, 14.0);
}

/// A button that jumps to the evidence span, with its quote as tooltip.
fn evidence_button(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    project: &Project,
    at: SpanRef,
    commands: &mut Vec<Queued>,
) {
    let tr = wd::words(ui.ctx());
    let quote = project
        .span(at)
        .map_or_else(|| tr.t("meeting-missing-span"), |s| s.quote().to_string());
    // The quote is Persian or Arabic: its tooltip goes through our text engine.
    let response = wd::button(ui, &tr.t("meeting-show")).on_hover_ui(|ui| {
        wd::label(ui, &tr.t("meeting-show-evidence"));
        bidi_label_ui(ui, engine, &quote, 14.0);
    });
    if response.clicked() {
        commands.push((AppCommand::GoToSpan(at), None));
    }
}

/// A reviewer's rejection and comment, for the annotator to see.
fn review_note_ui(ui: &mut egui::Ui, engine: &mut TextEngine, review: &crate::model::Review) {
    if review.state == crate::model::ReviewState::Rejected {
        let why = wd::tr_with(
            ui,
            "spans-rejected-by",
            &[
                ("reviewer", review.reviewer.as_str().into()),
                ("comment", review.comment.as_str().into()),
            ],
        );
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
    let tr = wd::words(ui.ctx());
    wd::row_wrapped(ui, |ui| {
        wd::label(ui, &codes_text(tr, &codes));
        wd::weak(
            ui,
            &tr.t(match source {
                CodesSource::Derived => "codes-derived",
                CodesSource::SetByHand => "codes-by-hand",
            }),
        );
    });
    let editing = panel.codes_editing == Some(target);
    if editing {
        let width = ui.available_width();
        for (field, hint) in panel.codes_text.iter_mut().zip(CODES_HINTS) {
            bidi_text_edit_ui(ui, engine, field, &tr.t(hint), width);
        }
        if wd::button(ui, &tr.t(APPLY_CODES)).clicked() {
            let [cameo, event, mode, contexts] = panel.codes_text.each_ref().map(|t| t.text());
            let codes = codes_from_typed(&cameo, &event, &mode, &contexts);
            let command = AppCommand::SetCodes {
                target,
                codes: Some(codes),
            };
            commands.push((command, Some(AfterSuccess::StopEditingCodes)));
        }
    }
    wd::row(ui, |ui| {
        if !editing && wd::button(ui, &tr.t(EDIT_CODES)).clicked() {
            for (field, typed) in panel.codes_text.iter_mut().zip(codes_as_typed(&codes)) {
                field.set_text(&typed);
            }
            panel.codes_editing = Some(target);
        }
        if source == CodesSource::SetByHand && wd::button(ui, &tr.t(DERIVED_CODES)).clicked() {
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
        wd::row_wrapped(ui, |ui| {
            for command in [UiCommand::NewMeeting, UiCommand::NewOutcome] {
                let text = label_with_shortcut(command, ui.ctx());
                let tooltip = super::ui_command::tooltip(command, ui.ctx());
                if wd::hover(wd::button(ui, &text), &tooltip).clicked()
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
        let tr = wd::words(ui.ctx());
        let Some(article) = session.article() else {
            wd::weak(ui, &tr.t("meeting-open-article"));
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
        wd::row(ui, |ui| {
            wd::label(ui, &tr.t("meeting-published"));
            let hint = tr.t(PUBLISHED_HINT);
            let field = bidi_text_edit_ui(ui, text_engine, &mut panel.published, &hint, 200.0);
            let field = wd::hover(field, &tr.t("meeting-published-tip"));
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
            if wd::button(ui, &tr.t("meeting-published-set")).clicked() || enter {
                panel.published_for = None;
                commands.push((AppCommand::SetPublished(panel.published.text()), None));
            }
        });
        wd::heading(ui, &tr.t("meeting-in-article"));
        let here = records::meetings_in(project, doc);
        if here.is_empty() {
            wd::weak(ui, &tr.t("meeting-none-yet"));
        }
        let current = session.cursor().meeting;
        for id in here {
            let Some(meeting) = project.meeting(id) else {
                continue;
            };
            let title = describe::meeting_title(project, meeting, language);
            let row = bidi_selectable_ui(ui, text_engine, current == Some(id), &title);
            if wd::hover(row, &id.to_string()).clicked() {
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
        wd::heading(ui, &tr.t("meeting-from-other-articles"));
        wd::weak(ui, &tr.t("meeting-from-other-articles-help"));
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
                wd::row(ui, |ui| {
                    let response = wd::button(ui, &tr.t(THIS_ARTICLE_REPORTS_IT));
                    if wd::hover(response, &tr.t("meeting-article-reports-it-tip")).clicked() {
                        commands.push((AppCommand::AttachToMeeting(candidate.meeting), None));
                    }
                    if wd::button(ui, &tr.t("meeting-edit")).clicked() {
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
        let tr = wd::words(ui.ctx());
        let Some(meeting) = session.cursor().meeting.and_then(|id| project.meeting(id)) else {
            wd::weak(ui, &tr.t("meeting-none-chosen"));
            return;
        };
        let language = session.view().label_language;
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let panel = &mut self.meetings_panel;
        wd::row(ui, |ui| {
            let heading = wd::heading(ui, &tr.t("meeting-heading"));
            wd::hover(heading, &meeting.id.to_string());
            let response = wd::button(ui, &tr.t("meeting-delete"));
            if wd::hover(response, &tr.t("meeting-delete-tip")).clicked() {
                commands.push((AppCommand::DeleteMeeting(meeting.id), None));
            }
        });
        let title = describe::meeting_title(project, meeting, language);
        let response = bidi_label_ui(ui, text_engine, &title, 15.0);
        wd::hover(response, &meeting.id.to_string());
        review_note_ui(ui, text_engine, &meeting.review);
        for problem in meeting_problems(project, meeting) {
            wd::colored(ui, ui.visuals().warn_fg_color, &tr.problem(&problem));
        }
        for evidence in &meeting.evidence {
            wd::row_wrapped(ui, |ui| {
                evidence_button(ui, text_engine, project, *evidence, commands);
                let response = wd::button(ui, &tr.t(REPLACE_EVIDENCE));
                if wd::hover(response, &tr.t("meeting-replace-evidence-tip")).clicked() {
                    commands.push((AppCommand::ReplaceMeetingEvidence(*evidence), None));
                }
                let response = wd::button(ui, &tr.t(REMOVE_EVIDENCE));
                if wd::hover(response, &tr.t("meeting-remove-evidence-tip")).clicked() {
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
            let quote = project.span(*evidence).map_or("", |s| s.quote());
            ui.indent(("evidence", *evidence), |ui| {
                bidi_label_ui(ui, text_engine, quote, 14.0)
            });
        }
        wd::weak(ui, &tr.t("meeting-fields-help"));
        // One row per field, its name on one side, its value and buttons on the other; every
        // row has the same buttons whatever it holds (unusable ones greyed), so nothing moves
        // under the pointer when a value changes.
        for field in &project.schema.meeting_fields {
            if field.kind == FieldKind::Participants {
                continue;
            }
            let rtl = tr.right_to_left();
            let row_layout = if rtl {
                egui::Layout::right_to_left(egui::Align::Min)
            } else {
                egui::Layout::left_to_right(egui::Align::Min)
            };
            let column = if rtl {
                egui::Layout::top_down(egui::Align::Max)
            } else {
                egui::Layout::top_down(egui::Align::Min)
            };
            ui.with_layout(row_layout, |ui| {
                ui.allocate_ui_with_layout(egui::vec2(FIELD_NAME_WIDTH, 0.0), column, |ui| {
                    ui.set_width(FIELD_NAME_WIDTH);
                    field_name_ui(ui, text_engine, field, language);
                });
                ui.with_layout(column, |ui| {
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
        wd::strong(ui, &tr.t("codes-heading"));
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
    let tr = wd::words(ui.ctx());
    wd::row_wrapped(ui, |ui| {
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
            let fills = tr.t_with(
                "meeting-fill-tip",
                &[("field", field.names.get(language).into())],
            );
            if use_selection_clicked(ui, &fills) {
                commands.push((AppCommand::FillMeetingField(key), None));
            }
            match meeting.evidence_of(key) {
                Some(at) => evidence_button(ui, text_engine, project, at, commands),
                None => {
                    ui.add_enabled_ui(false, |ui| wd::button(ui, &tr.t("meeting-show")));
                }
            }
            let clear = ui
                .add_enabled_ui(meeting.has(key), |ui| {
                    wd::button(ui, &tr.t(REMOVE_EVIDENCE))
                })
                .inner;
            if wd::hover(clear, &tr.t("meeting-clear")).clicked() {
                commands.push((AppCommand::ClearMeetingField(key), None));
            }
        }
    });
    if key == MeetingField::Start {
        let mut not_stated = meeting.date_not_stated;
        let response = wd::checkbox(ui, &mut not_stated, &tr.t(DATE_NOT_STATED));
        if wd::hover(response, &tr.t("palette-date-not-stated")).changed() {
            commands.push((AppCommand::SetDateNotStated(not_stated), None));
        }
    }
    if let Some((facts, words)) = field_value_text(tr, project, meeting, key) {
        if !facts.is_empty() {
            wd::label(ui, &facts);
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
    let tr = wd::words(ui.ctx());
    let field = project.schema.meeting_field(MeetingField::Participants);
    wd::row(ui, |ui| {
        if let Some(field) = field {
            field_name_ui(ui, text_engine, field, *language);
        }
        let response = wd::button(ui, &tr.t(ADD_FROM_SELECTION));
        if wd::hover(response, &tr.t("meeting-add-participant-tip")).clicked() {
            commands.push((
                AppCommand::FillMeetingField(MeetingField::Participants),
                None,
            ));
        }
    });
    let roles = &project.schema.participant_roles;
    for (index, participant) in meeting.participants.iter().enumerate() {
        wd::row_wrapped(ui, |ui| {
            let current = describe::choice_name(roles, &participant.role, *language);
            let options = choice_options(roles, *language);
            let picker = &mut panel.picker;
            if let Some(role) = picker_ui(
                ui,
                text_engine,
                picker,
                &tr.t("meeting-role"),
                &current,
                &options,
                130.0,
            ) {
                commands.push((AppCommand::SetParticipantRole { index, role }, None));
            }
            if let Some(at) = participant.evidence {
                evidence_button(ui, text_engine, project, at, commands);
            }
            if wd::button(ui, &tr.t(REMOVE_EVIDENCE)).clicked() {
                commands.push((AppCommand::RemoveParticipant(index), None));
            }
            let who = match (participant.entity, participant.count) {
                (Some(entity), _) => entity_name(tr, project, entity),
                (None, Some(count)) => format!("{} {}", tr.number(count), participant.description),
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
    wd::row_wrapped(ui, |ui| {
        let label = wd::label(ui, &tr.t("meeting-unnamed"));
        let response = wd::checkbox(ui, &mut panel.group_all, &tr.t(ALL_MEMBERS_LABEL));
        wd::hover(response, &tr.t("meeting-all-members-tip"));
        let count = ui
            .add_enabled(
                !panel.group_all,
                // egui draws its digits: Latin ones, which its fonts have.
                egui::DragValue::new(&mut panel.group_count).range(1..=999),
            )
            .labelled_by(label.id);
        wd::hover(count, &tr.t(GROUP_COUNT_LABEL));
        bidi_text_edit_ui(
            ui,
            text_engine,
            &mut panel.group_description,
            &tr.t(GROUP_DESCRIPTION_HINT),
            120.0,
        );
        let current = describe::choice_name(roles, &panel.group_role, *language);
        let options = choice_options(roles, *language);
        let picked = picker_ui(
            ui,
            text_engine,
            &mut panel.picker,
            &tr.t("meeting-group-role"),
            &current,
            &options,
            130.0,
        );
        if let Some(role) = picked {
            panel.group_role = role;
        }
        let read = wd::button(ui, &tr.t(GROUP_FROM_SELECTION));
        if wd::hover(read, &tr.t("meeting-group-from-selection-tip")).clicked() {
            commands.push((AppCommand::AddParticipantGroupFromSelection, None));
        }
        if wd::button(ui, &tr.t(ADD_GROUP)).clicked() {
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
    let tr = wd::words(ui.ctx());
    let heading = tr.t_with("outcomes-heading", &[("count", outcomes.len().into())]);
    wd::heading(ui, &heading);
    if outcomes.is_empty() {
        wd::weak(ui, &tr.t("outcomes-none-yet"));
    }
    for outcome in &outcomes {
        let selected = current == Some(outcome.id);
        // By its type, status and title, in the label language; the id for those who need it.
        let text = describe::outcome_title(project, outcome, language);
        let row = bidi_selectable_ui(ui, text_engine, selected, &text);
        if wd::hover(row, &outcome.id.to_string()).clicked() {
            let chosen = (!selected).then_some(outcome.id);
            commands.push((AppCommand::SelectOutcome(chosen), None));
        }
    }
    let Some(outcome) = current.and_then(|id| outcomes.iter().find(|o| o.id == id)) else {
        return;
    };
    let id = outcome.id;
    ui.group(|ui| {
        wd::row(ui, |ui| {
            wd::strong(
                ui,
                &tr.t_with("outcome-heading", &[("id", id.to_string().into())]),
            );
            if wd::button(ui, &tr.t("outcome-delete")).clicked() {
                commands.push((AppCommand::DeleteOutcome(id), None));
            }
        });
        review_note_ui(ui, text_engine, &outcome.review);
        for problem in outcome_problems(project, outcome) {
            wd::colored(ui, ui.visuals().warn_fg_color, &tr.problem(&problem));
        }
        wd::row_wrapped(ui, |ui| {
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
                LabelLanguage::English => tr.t("outcome-status"),
                _ => OutcomeField::Status.name(language).to_string(),
            };
            if let Some(status) = picker_ui(
                ui,
                text_engine,
                &mut panel.picker,
                &name,
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
        wd::row_wrapped(ui, |ui| {
            outcome_heading_ui(ui, text_engine, OutcomeField::Title, language);
            if use_selection_clicked(ui, &tr.t("outcome-title-tip")) {
                commands.push((AppCommand::SetOutcomeTitle(id), None));
            }
            if let Some(at) = outcome.title.as_ref().and_then(|t| t.evidence) {
                evidence_button(ui, text_engine, project, at, commands);
            }
            if outcome.title.is_some() && wd::button(ui, &tr.t(REMOVE_EVIDENCE)).clicked() {
                commands.push((AppCommand::ClearOutcomeTitle(id), None));
            }
        });
        outcome_heading_ui(ui, text_engine, OutcomeField::Actors, language);
        for (index, actor) in outcome.actors.iter().enumerate() {
            wd::row_wrapped(ui, |ui| {
                let current = ACTOR_ROLES
                    .iter()
                    .find(|(r, _)| *r == actor.role)
                    .map_or("", |(_, names)| named(*names, language));
                let options = fixed_options(&ACTOR_ROLES, language);
                if let Some(role) = picker_ui(
                    ui,
                    text_engine,
                    &mut panel.picker,
                    &tr.t("outcome-actor-role"),
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
                if wd::button(ui, &tr.t(REMOVE_EVIDENCE)).clicked() {
                    let command = AppCommand::RemoveActor { outcome: id, index };
                    commands.push((command, None));
                }
                let name = entity_name(tr, project, actor.entity);
                bidi_label_ui(ui, text_engine, &name, 14.0);
            });
        }
        wd::row_wrapped(ui, |ui| {
            wd::label(ui, &tr.t("outcome-add-from-selection"));
            // The roles in the label language, through our text engine.
            for (role, names) in ACTOR_ROLES {
                let name = named(names, language);
                if super::bidi_label::bidi_button_ui(ui, text_engine, name).clicked() {
                    commands.push((AppCommand::AddOutcomeActor(id, role), None));
                }
            }
        });
        wd::row_wrapped(ui, |ui| {
            outcome_heading_ui(ui, text_engine, OutcomeField::AttributedTo, language);
            if use_selection_clicked(ui, &tr.t("outcome-attribution-tip")) {
                commands.push((AppCommand::SetAttribution(id), None));
            }
            if let Some(entity) = outcome.attributed_to {
                if wd::button(ui, &tr.t(REMOVE_EVIDENCE)).clicked() {
                    commands.push((AppCommand::ClearAttribution(id), None));
                }
                let name = entity_name(tr, project, entity);
                bidi_label_ui(ui, text_engine, &name, 14.0);
            }
        });
        wd::row(ui, |ui| {
            outcome_heading_ui(ui, text_engine, OutcomeField::Evidence, language);
            if wd::button(ui, &tr.t(ADD_FROM_SELECTION)).clicked() {
                commands.push((AppCommand::AddOutcomeEvidence(id), None));
            }
        });
        for (index, at) in outcome.evidence.iter().enumerate() {
            wd::row_wrapped(ui, |ui| {
                evidence_button(ui, text_engine, project, *at, commands);
                if wd::button(ui, &tr.t(REMOVE_EVIDENCE)).clicked() {
                    let command = AppCommand::RemoveOutcomeEvidence { outcome: id, index };
                    commands.push((command, None));
                }
                let quote = project.span(*at).map_or("", |s| s.quote());
                bidi_label_ui(ui, text_engine, quote, 14.0);
            });
        }
        wd::strong(ui, &tr.t("codes-heading"));
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
    tr: Words,
    project: &Project,
    meeting: &Meeting,
    field: MeetingField,
) -> Option<(String, String)> {
    if field.value_kind() == crate::model::FieldValueKind::Choice {
        return None;
    }
    if field == MeetingField::Start && meeting.date_not_stated {
        let facts = match project.latest_date_of(meeting) {
            Some(latest) => tr.t_with(
                "meeting-date-not-stated-latest",
                &[("latest", tr.number(latest).into())],
            ),
            None => tr.t("meeting-date-not-stated-long"),
        };
        return Some((facts, String::new()));
    }
    Some(match meeting.value(field)? {
        FieldValue::Entity(f) => (String::new(), entity_name(tr, project, f.value)),
        FieldValue::Text(f) => (String::new(), f.value.clone()),
        FieldValue::Ordinal(f) => (tr.number(f.value), String::new()),
        FieldValue::Date(f) => {
            let facts = format!(
                "{} · {} · {}",
                tr.number(&f.value.iso),
                tr.t(calendar_key(f.value.calendar)),
                tr.t(precision_key(f.value.precision)),
            );
            (facts, f.value.original.clone())
        }
    })
}
