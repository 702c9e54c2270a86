//! The question put before a command that loses or hands over work ([`Confirmation`]): a modal
//! with what it is about (names through our text engine), Enter to go ahead, Escape to leave it.

use eframe::egui;

use super::bidi_label::bidi_label_ui;
use super::text_engine::TextEngine;
use super::words as wd;
use crate::app::Confirmation;

/// The button that leaves the question unanswered (also what tests click): a catalogue key.
pub const CANCEL: &str = crate::i18n::key("cancel");

/// Shows the question; `Some(true)` once the user goes ahead, `Some(false)` once they leave it.
pub fn confirm_ui(
    ctx: &egui::Context,
    engine: &mut TextEngine,
    confirmation: &Confirmation,
) -> Option<bool> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("confirmation")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        let tr = wd::words(ui.ctx());
        wd::heading(ui, &confirmation.title);
        wd::label(ui, &confirmation.question);
        egui::ScrollArea::vertical()
            .max_height(240.0)
            .show(ui, |ui| {
                for item in &confirmation.items {
                    bidi_label_ui(ui, engine, item, 14.0);
                }
            });
        ui.separator();
        wd::row(ui, |ui| {
            let go = wd::hover(wd::button(ui, &confirmation.go_ahead), "Enter");
            if go.clicked()
                || ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
            {
                answer = Some(true);
            }
            if wd::hover(wd::button(ui, &tr.t(CANCEL)), "Escape").clicked() {
                answer = Some(false);
            }
        });
    });
    if answer.is_none() && modal.should_close() {
        answer = Some(false);
    }
    answer
}
