//! The Assign window (Team › Assign documents…): the documents listed (as filtered) given to
//! the annotators named, each to everyone named, round robin, or to two people each for double
//! annotation. Annotators then tick "My queue" to see theirs.

use eframe::egui;

use super::app::DaftarApp;
use super::text_engine::TextEngine;
use super::text_input::bidi_text_edit_ui;
use super::words as wd;
use crate::app::AppCommand;
use crate::edit::assign::AssignMode;
use crate::i18n::key;
use crate::layout::TextEditor;

/// Catalogue keys of the window's title, field and button (also what tests find).
pub const ASSIGN_WINDOW: &str = key("assign-title");
pub const ANNOTATORS_HINT: &str = key("assign-annotators-hint");
pub const ASSIGN_BUTTON: &str = key("assign-button");

/// An assignment's way, in the interface's language.
fn mode_key(mode: AssignMode) -> &'static str {
    match mode {
        AssignMode::Everyone => "assign-mode-everyone",
        AssignMode::RoundRobin => "assign-mode-round-robin",
        AssignMode::Double => "assign-mode-double",
    }
}

/// The window's state while open.
pub struct AssignDialog {
    pub open: bool,
    pub names: TextEditor,
    pub mode: AssignMode,
}

impl Default for AssignDialog {
    fn default() -> Self {
        AssignDialog {
            open: false,
            names: TextEditor::default(),
            mode: AssignMode::Double,
        }
    }
}

impl DaftarApp {
    pub(super) fn assign_window_ui(&mut self, ctx: &egui::Context) {
        if !self.assign.open {
            return;
        }
        let listed = self.session.documents().shown().len();
        let mut close = false;
        let tr = wd::words(ctx);
        let mut assign = None;
        let engine = self.text_engine.get_or_insert_with(|| TextEngine::new(ctx));
        let dialog = &mut self.assign;
        // In the middle, clear of the document list it works on.
        let middle = ctx.content_rect().center();
        wd::window(ASSIGN_WINDOW)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(middle)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                close = wd::title_bar(ui, &tr.t(ASSIGN_WINDOW));
                wd::page(ui, wd::right_to_left(ui), |ui| {
                    wd::label(ui, &tr.t_with("assign-listed", &[("count", listed.into())]));
                    let hint = tr.t(ANNOTATORS_HINT);
                    bidi_text_edit_ui(ui, engine, &mut dialog.names, &hint, 320.0);
                    for mode in AssignMode::ALL {
                        wd::radio(ui, &mut dialog.mode, mode, &tr.t(mode_key(mode)));
                    }
                    if wd::button(ui, &tr.t(ASSIGN_BUTTON)).clicked() {
                        assign = Some(AppCommand::Assign {
                            annotators: dialog.names.text(),
                            mode: dialog.mode,
                        });
                    }
                });
            });
        if let Some(command) = assign {
            self.push(command);
        }
        if close {
            self.assign.open = false;
        }
    }
}
