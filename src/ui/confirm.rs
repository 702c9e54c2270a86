//! The question put before a command that loses or hands over work ([`Confirmation`]): a modal
//! with what it is about (names through our text engine), Enter to go ahead, Escape to leave it.

use eframe::egui;

use super::bidi_label::bidi_label_ui;
use super::text_engine::TextEngine;
use crate::app::Confirmation;

/// The button that leaves the question unanswered (also what tests click).
pub const CANCEL: &str = "Cancel";

/// Shows the question; `Some(true)` once the user goes ahead, `Some(false)` once they leave it.
pub fn confirm_ui(
    ctx: &egui::Context,
    engine: &mut TextEngine,
    confirmation: &Confirmation,
) -> Option<bool> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("confirmation")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(&confirmation.title);
        ui.label(&confirmation.question);
        egui::ScrollArea::vertical()
            .max_height(240.0)
            .show(ui, |ui| {
                for item in &confirmation.items {
                    bidi_label_ui(ui, engine, item, 14.0);
                }
            });
        ui.separator();
        ui.horizontal(|ui| {
            let go = ui.button(&confirmation.go_ahead).on_hover_text("Enter");
            if go.clicked()
                || ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
            {
                answer = Some(true);
            }
            if ui.button(CANCEL).on_hover_text("Escape").clicked() {
                answer = Some(false);
            }
        });
    });
    if answer.is_none() && modal.should_close() {
        answer = Some(false);
    }
    answer
}
