//! The command palette (Ctrl+K): every command of the window with its shortcut, the labels and,
//! on the meetings page, the meeting fields; type to filter (in English, or a label's or field's
//! Persian or Arabic name), Up and Down, Enter to run one, Escape to leave.

use eframe::egui;

use super::picker::{PickerOption, PickerState, filtered_list_ui};
use super::text_engine::TextEngine;
use super::ui_command::UiCommand;
use crate::app::AppCommand;

/// What choosing an entry does.
#[derive(Clone, Debug, PartialEq)]
pub enum PaletteAction {
    /// A command of the keyboard table, as its shortcut would run it on the page shown.
    Ui(UiCommand),
    App(AppCommand),
}

/// Heading of the palette (also what tests look for): a catalogue key.
pub const PALETTE_TITLE: &str = crate::i18n::key("palette-title");

#[derive(Default)]
pub struct Palette {
    pub open: bool,
    just_opened: bool,
    list: PickerState,
}

impl Palette {
    pub fn show(&mut self) {
        self.open = true;
        self.just_opened = true;
        self.list.reset();
    }

    /// The palette while open; the entry chosen, if one was this frame.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        engine: &mut TextEngine,
        entries: &[PickerOption<PaletteAction>],
    ) -> Option<PaletteAction> {
        if !self.open {
            return None;
        }
        let just_opened = std::mem::take(&mut self.just_opened);
        let area = egui::Modal::default_area(egui::Id::unique("command palette"))
            .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 80.0));
        let modal = egui::Modal::new(egui::Id::unique("command palette"))
            .area(area)
            .show(ctx, |ui| {
                ui.set_width(460.0);
                let title = super::words::tr(ui, PALETTE_TITLE);
                super::words::heading(ui, &title);
                filtered_list_ui(ui, engine, &mut self.list, entries, just_opened, 440.0)
            });
        let escape = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        let chosen = modal.inner;
        if chosen.is_some() || escape || modal.backdrop_response.clicked() {
            self.open = false;
        }
        chosen
    }
}

impl super::app::DaftarApp {
    /// What the palette lists now: the keyboard table's commands, the labels, the meeting fields
    /// on the meetings page, the span-edge moves and the view's switches. Names in the label
    /// language (and found by their names in every language), each with its shortcut.
    pub(super) fn palette_entries(&self, ctx: &egui::Context) -> Vec<PickerOption<PaletteAction>> {
        use crate::app::{Edge, Page};
        let session = &self.session;
        let language = session.view().label_language;
        let tr = super::words::words(ctx);
        let english = crate::i18n::Words::ENGLISH;
        let with_key = |name: &str, key: &str| {
            if key.is_empty() {
                name.to_string()
            } else {
                format!("{name} ({key})")
            }
        };
        let mut entries: Vec<PickerOption<PaletteAction>> = super::ui_command::COMMANDS
            .iter()
            .filter(|c| c.command != UiCommand::Palette)
            .map(|c| PickerOption {
                value: PaletteAction::Ui(c.command),
                shown: with_key(
                    &tr.t(c.text),
                    &super::ui_command::shortcuts(c.command, tr.right_to_left())
                        .first()
                        .map(|s| ctx.format_shortcut(s))
                        .unwrap_or_default(),
                ),
                // Found by its English name and words too, in any interface language.
                also: vec![tr.t(c.tooltip), english.t(c.text), english.t(c.tooltip)],
            })
            .collect();
        for label in &session.project().schema.labels {
            entries.push(PickerOption {
                value: PaletteAction::App(AppCommand::ApplyLabel(label.key.clone())),
                shown: with_key(
                    &tr.t_with(
                        "palette-tag-as",
                        &[("label", label.names.get(language).into())],
                    ),
                    &label.shortcut,
                ),
                also: vec![
                    label.names.en.clone(),
                    label.names.fa.clone(),
                    label.names.ar.clone(),
                    label.key.clone(),
                    "tag label".into(),
                ],
            });
        }
        if session.page() == Page::Meetings {
            for field in &session.project().schema.meeting_fields {
                entries.push(PickerOption {
                    value: PaletteAction::App(AppCommand::FillMeetingField(field.key)),
                    shown: with_key(
                        &tr.t_with(
                            "palette-fill-field",
                            &[("field", field.names.get(language).into())],
                        ),
                        field.shortcut.as_deref().unwrap_or(""),
                    ),
                    also: vec![
                        field.names.en.clone(),
                        field.names.fa.clone(),
                        field.names.ar.clone(),
                        "fill field meeting".into(),
                    ],
                });
            }
        }
        // The selected span's entity.
        let selected = session
            .doc()
            .zip(session.cursor().span)
            .and_then(|(d, s)| session.project().document(d)?.span(s));
        if let Some(span) = selected {
            let schema = &session.project().schema;
            let label = schema.label(&span.label);
            match span.entity.and_then(|e| session.project().entity(e)) {
                Some(entity) => {
                    let subtypes = label.map(|l| l.subtypes.as_slice()).unwrap_or_default();
                    for subtype in subtypes {
                        entries.push(PickerOption {
                            value: PaletteAction::App(AppCommand::SetEntitySubtype(
                                entity.id,
                                Some(subtype.key.clone()),
                            )),
                            shown: tr.t_with(
                                "palette-subtype",
                                &[("subtype", subtype.names.get(language).into())],
                            ),
                            also: vec![
                                subtype.names.en.clone(),
                                subtype.names.fa.clone(),
                                subtype.names.ar.clone(),
                                subtype.key.clone(),
                                "subtype entity".into(),
                            ],
                        });
                    }
                }
                None if label.is_some_and(|l| l.linkable) => entries.push(PickerOption {
                    value: PaletteAction::App(AppCommand::NewEntityFromSpan),
                    shown: tr.t("palette-new-entity"),
                    also: vec!["entity new link".into()],
                }),
                None => {}
            }
        }
        if session.page() == Page::Meetings && session.cursor().meeting.is_some() {
            entries.push(PickerOption {
                value: PaletteAction::App(AppCommand::AddParticipantGroupFromSelection),
                shown: tr.t("palette-participant-group"),
                also: vec!["participants group unnamed guests members".into()],
            });
            let not_stated = session
                .cursor()
                .meeting
                .and_then(|m| session.project().meeting(m))
                .is_some_and(|m| m.date_not_stated);
            entries.push(PickerOption {
                value: PaletteAction::App(AppCommand::SetDateNotStated(!not_stated)),
                shown: if not_stated {
                    tr.t("palette-date-stated")
                } else {
                    tr.t("palette-date-not-stated")
                },
                also: vec!["date not stated".into()],
            });
        }
        if let Some(outcome) = session
            .cursor()
            .outcome
            .filter(|_| session.page() == Page::Meetings)
        {
            let from_selection = [
                (
                    tr.t("palette-outcome-title"),
                    AppCommand::SetOutcomeTitle(outcome),
                ),
                (
                    tr.t("palette-attribution"),
                    AppCommand::SetAttribution(outcome),
                ),
                (
                    tr.t("palette-outcome-evidence"),
                    AppCommand::AddOutcomeEvidence(outcome),
                ),
            ];
            for (name, command) in from_selection {
                entries.push(PickerOption {
                    value: PaletteAction::App(command),
                    shown: name,
                    also: vec!["outcome".into()],
                });
            }
            for (role, name) in [
                (crate::model::ActorRole::Adopter, "palette-actor-adopter"),
                (crate::model::ActorRole::Proposer, "palette-actor-proposer"),
                (
                    crate::model::ActorRole::Beneficiary,
                    "palette-actor-beneficiary",
                ),
                (
                    crate::model::ActorRole::ApprovingBody,
                    "palette-actor-approving-body",
                ),
            ] {
                entries.push(PickerOption {
                    value: PaletteAction::App(AppCommand::AddOutcomeActor(outcome, role)),
                    shown: tr.t(name),
                    also: vec!["actor outcome".into()],
                });
            }
        }
        let edges = [
            ("palette-grow-start", Edge::Start, false),
            ("palette-shrink-start", Edge::Start, true),
            ("palette-grow-end", Edge::End, true),
            ("palette-shrink-end", Edge::End, false),
        ];
        for (name, edge, forward) in edges {
            entries.push(PickerOption {
                value: PaletteAction::App(AppCommand::MoveSpanEdge { edge, forward }),
                shown: with_key(&tr.t(name), &tr.t("palette-edge-keys")),
                also: vec!["edge boundary".into()],
            });
        }
        for (name, page) in [
            ("palette-show-spans", Page::Spans),
            ("palette-show-meetings", Page::Meetings),
            ("palette-show-review", Page::Review),
            ("palette-show-curation", Page::Curation),
        ] {
            entries.push(PickerOption {
                value: PaletteAction::App(AppCommand::ShowPage(page)),
                shown: tr.t(name),
                also: vec!["page".into()],
            });
        }
        entries.push(PickerOption {
            value: PaletteAction::App(AppCommand::Sync),
            shown: tr.t("palette-sync"),
            also: vec!["commit pull push merge".into()],
        });
        entries.push(PickerOption {
            value: PaletteAction::App(AppCommand::ShowAgreement),
            shown: tr.t("palette-agreement"),
            also: vec!["agreement kappa team".into()],
        });
        let snap = session.view().snap_to_words;
        entries.push(PickerOption {
            value: PaletteAction::App(AppCommand::SetSnapToWords(!snap)),
            shown: if snap {
                tr.t("palette-stop-snapping")
            } else {
                tr.t("palette-snap")
            },
            also: vec!["snap words".into()],
        });
        entries
    }
}
