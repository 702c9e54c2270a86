//! The Assign window (Team › Assign documents…): the documents listed (as filtered) given to
//! the annotators named, each to everyone named, round robin, or to two people each for double
//! annotation. Annotators then tick "My queue" to see theirs.

use eframe::egui;

use super::app::DaftarApp;
use super::text_engine::TextEngine;
use super::text_input::bidi_text_edit_ui;
use crate::app::AppCommand;
use crate::edit::assign::AssignMode;
use crate::layout::TextEditor;

pub const ASSIGN_WINDOW: &str = "Assign documents";
pub const ANNOTATORS_HINT: &str = "Annotators, separated by commas";
pub const ASSIGN_BUTTON: &str = "Assign";

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
        let mut open = true;
        let mut assign = None;
        let engine = self.text_engine.get_or_insert_with(|| TextEngine::new(ctx));
        let dialog = &mut self.assign;
        // In the middle, clear of the document list it works on.
        let middle = ctx.content_rect().center();
        egui::Window::new(ASSIGN_WINDOW)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(middle)
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label(format!(
                    "The {listed} documents listed (narrow the list with its filter first)"
                ));
                bidi_text_edit_ui(ui, engine, &mut dialog.names, ANNOTATORS_HINT, 320.0);
                for mode in AssignMode::ALL {
                    ui.radio_value(&mut dialog.mode, mode, mode.name());
                }
                if ui.button(ASSIGN_BUTTON).clicked() {
                    assign = Some(AppCommand::Assign {
                        annotators: dialog.names.text(),
                        mode: dialog.mode,
                    });
                }
            });
        if let Some(command) = assign {
            self.push(command);
        }
        if !open {
            self.assign.open = false;
        }
    }
}
