//! The keyboard boundary: egui's key events become [`AppCommand`]s here, and only here. Whether a
//! key is typing or a shortcut is decided from egui's own focus, never from flags set by the
//! panels: while a text field has the keyboard it owns plain letters, digits, brackets,
//! Backspace and Delete, and only shortcuts with Ctrl or Alt that are safe while typing fire.
//! Escape leaves a text field (egui drops the focus) and gives the keys back to the article.

use eframe::egui;

use super::app::DaftarApp;
use super::ui_command::{COMMANDS, UiCommand, label_key};
use crate::app::{AppCommand, Page};
use crate::edit::curation::Take;
use crate::model::ReviewState;

/// Left in egui's memory under a text field's id by the field itself, so that the focus tells
/// whether the keyboard belongs to a text field ([`text_field_has_keyboard`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct TextFieldMark;

/// Marks the widget `id` as a text field (done by every text input of the window).
pub fn mark_text_field(ctx: &egui::Context, id: egui::Id) {
    ctx.data_mut(|d| d.insert_temp(id, TextFieldMark));
}

/// Whether the widget with the keyboard focus takes typed text: one of our bidi text inputs or
/// an egui `TextEdit` (a `DragValue` being typed into is one too).
pub fn text_field_has_keyboard(ctx: &egui::Context) -> bool {
    let Some(focused) = ctx.memory(|m| m.focused()) else {
        return false;
    };
    ctx.text_edit_focused() || ctx.data(|d| d.get_temp::<TextFieldMark>(focused).is_some())
}

/// Keeps the arrow keys with the focused widget `id` (egui would move the focus with them):
/// left and right for a text field, up and down too for the article.
pub fn keep_arrow_keys(ui: &egui::Ui, id: egui::Id, vertical: bool) {
    let filter = egui::EventFilter {
        horizontal_arrows: true,
        vertical_arrows: vertical,
        ..Default::default()
    };
    ui.memory_mut(|m| m.set_focus_lock_filter(id, filter));
}

/// The keys pressed this frame (by physical key, so a Persian or Arabic layout gives the same
/// ones), with their modifiers; a key held down repeats only `with_repeats`.
pub fn pressed_keys(ctx: &egui::Context, with_repeats: bool) -> Vec<(egui::Key, egui::Modifiers)> {
    ctx.input(|input| {
        input
            .events
            .iter()
            .filter_map(|event| match event {
                egui::Event::Key {
                    key,
                    physical_key,
                    pressed: true,
                    repeat,
                    modifiers,
                } if with_repeats || !repeat => Some((physical_key.unwrap_or(*key), *modifiers)),
                _ => None,
            })
            .collect()
    })
}

fn modifier_count(m: egui::Modifiers) -> usize {
    [m.alt, m.ctrl || m.command || m.mac_cmd, m.shift]
        .iter()
        .filter(|&&b| b)
        .count()
}

impl DaftarApp {
    /// The command a table entry stands for on the page shown (`None`: nothing to do there).
    pub(super) fn command_for(&self, command: UiCommand) -> Option<AppCommand> {
        let review = self.session.page() == Page::Review;
        let curation = self.session.page() == Page::Curation;
        let suggestions = self.session.page() == Page::Suggestions;
        Some(match command {
            UiCommand::Save => AppCommand::Save,
            UiCommand::Undo => AppCommand::Undo,
            UiCommand::Redo => AppCommand::Redo,
            UiCommand::NextDocument => AppCommand::NextDocument,
            UiCommand::PreviousDocument => AppCommand::PreviousDocument,
            UiCommand::NextItem if suggestions => AppCommand::StepSuggestionGroup { forward: true },
            UiCommand::PreviousItem if suggestions => {
                AppCommand::StepSuggestionGroup { forward: false }
            }
            UiCommand::ReviewAccept if suggestions => {
                AppCommand::DecideSuggestionGroup(ReviewState::Accepted)
            }
            UiCommand::ReviewReject if suggestions => {
                AppCommand::DecideSuggestionGroup(ReviewState::Rejected)
            }
            UiCommand::NextItem if curation => AppCommand::NextCluster,
            UiCommand::PreviousItem if curation => AppCommand::PreviousCluster,
            UiCommand::ReviewAccept if curation => AppCommand::Curate(Take::All),
            UiCommand::ReviewReject if curation => AppCommand::Curate(Take::Nothing),
            UiCommand::NextItem if review => AppCommand::NextReviewItem,
            UiCommand::PreviousItem if review => AppCommand::PreviousReviewItem,
            UiCommand::NextItem => AppCommand::NextSpan,
            UiCommand::PreviousItem => AppCommand::PreviousSpan,
            UiCommand::DeleteSpan => AppCommand::DeleteSpan,
            UiCommand::MarkReadyForReview => AppCommand::MarkReadyForReview,
            UiCommand::FocusFilter => AppCommand::FocusDocumentFilter,
            UiCommand::ZoomIn => AppCommand::ZoomIn,
            UiCommand::ZoomOut => AppCommand::ZoomOut,
            UiCommand::NewMeeting => AppCommand::NewMeeting,
            UiCommand::NewOutcome => AppCommand::NewOutcome,
            UiCommand::ShowMeetings => AppCommand::TogglePage(Page::Meetings),
            UiCommand::ShowReview => AppCommand::TogglePage(Page::Review),
            UiCommand::ReviewAccept | UiCommand::ReviewReject if review => AppCommand::Decide {
                state: if command == UiCommand::ReviewAccept {
                    ReviewState::Accepted
                } else {
                    ReviewState::Rejected
                },
                comment: self.review_panel.comment.text(),
            },
            UiCommand::ReviewAccept | UiCommand::ReviewReject => return None,
            UiCommand::Export => AppCommand::OpenExportDialog,
            UiCommand::SearchCorpus => AppCommand::OpenCorpusSearch,
            UiCommand::Records => AppCommand::OpenRecords,
            UiCommand::Charts => AppCommand::OpenCharts,
            UiCommand::Palette => AppCommand::OpenPalette,
        })
    }

    /// This frame's keys as commands: the table's shortcuts, then, unless a text field has the
    /// keyboard, label keys (by physical key, so they work with a Persian or Arabic layout too)
    /// and, on the meetings page, the field keys 1–9.
    pub(super) fn keyboard_commands(&mut self, ctx: &egui::Context) -> Vec<AppCommand> {
        // The corpus search's list of hits has keys of its own (↑ ↓ Enter Space, label keys).
        // So has the records table. Their plain keys are their own; shortcuts with Ctrl or Alt
        // (undo) still work there.
        let in_hits = ctx.memory(|m| m.has_focus(super::search_window::results_id()));
        let in_records = ctx.memory(|m| m.has_focus(super::records_window::records_list_id()));
        let typing = text_field_has_keyboard(ctx);
        // egui matches shortcuts ignoring an extra Shift: try those with more modifiers first,
        // or Ctrl+Z would swallow Ctrl+Shift+Z.
        let right_to_left = super::words::words(ctx).right_to_left();
        let mut shortcuts: Vec<_> = COMMANDS
            .iter()
            .filter(|c| c.while_typing || !typing)
            .flat_map(|c| {
                super::ui_command::shortcuts(c.command, right_to_left)
                    .iter()
                    .map(move |s| (s, c.command))
            })
            .filter(|(s, _)| !(in_hits || in_records) || s.modifiers.alt || s.modifiers.command)
            .collect();
        shortcuts.sort_by_key(|(s, _)| std::cmp::Reverse(modifier_count(s.modifiers)));
        let mut pressed = Vec::new();
        ctx.input_mut(|input| {
            for (shortcut, command) in shortcuts {
                if input.consume_shortcut(shortcut) {
                    pressed.push(command);
                }
            }
        });
        let mut commands: Vec<AppCommand> = pressed
            .into_iter()
            .filter_map(|c| self.command_for(c))
            .collect();
        if in_hits {
            commands.extend(self.search_list_commands(ctx));
            return commands;
        }
        if in_records {
            commands.extend(self.records_list_commands(ctx));
            return commands;
        }
        if typing {
            return commands;
        }
        let keys: Vec<egui::Key> = pressed_keys(ctx, false)
            .into_iter()
            .filter(|(_, m)| m.is_none() || *m == egui::Modifiers::SHIFT)
            .map(|(key, _)| key)
            .collect();
        let session = &self.session;
        let schema = &session.project().schema;
        for key in keys {
            // On the curation page, 1–9 take that annotator's version.
            if session.page() == Page::Curation
                && let Some(index) = digit(key)
            {
                commands.push(AppCommand::Curate(Take::Version(index)));
                continue;
            }
            let field = (session.page() == Page::Meetings)
                .then(|| session.field_for_shortcut(key.name()))
                .flatten();
            if let Some(field) = field {
                commands.push(AppCommand::FillMeetingField(field));
            } else if let Some(label) = schema
                .labels
                .iter()
                .find(|l| label_key(&l.shortcut) == Some(key))
            {
                commands.push(AppCommand::ApplyLabel(label.key.clone()));
            }
        }
        commands
    }
}

/// 0 for the key 1, … 8 for the key 9.
fn digit(key: egui::Key) -> Option<usize> {
    use egui::Key as K;
    [
        K::Num1,
        K::Num2,
        K::Num3,
        K::Num4,
        K::Num5,
        K::Num6,
        K::Num7,
        K::Num8,
        K::Num9,
    ]
    .iter()
    .position(|k| *k == key)
}
