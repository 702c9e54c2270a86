//! The review page of the right-hand panel: the queue of documents ready for review, and for the
//! shown document every annotation to accept (A) or reject with a comment (X), then the document
//! finished as reviewed or sent back with a note.

use eframe::egui;

use super::app::{AfterSuccess, DaftarApp};
use super::bidi_label::{bidi_label_colored_ui, bidi_label_ui};
use super::picker::bidi_selectable_ui;
use super::text_engine::TextEngine;
use super::text_input::bidi_text_edit_ui;
use super::ui_command::{UiCommand, label_with_shortcut};
use super::words as wd;
use crate::app::{AppCommand, describe};
use crate::edit::review::{ReviewItem, decision_counts, review_items, review_of};
use crate::i18n::key;
use crate::layout::TextEditor;
use crate::model::{DocId, DocStatus, LabelLanguage, Project, ReviewState};

/// Catalogue keys of the panel's buttons and fields (also what tests click).
pub const ACCEPT_ALL_REMAINING: &str = key("review-accept-all-remaining");
pub const FINISH_REVIEWED: &str = key("review-finish");
pub const SEND_BACK: &str = key("review-send-back");
pub const COMMENT_HINT: &str = key("review-comment-hint");
pub const NOTE_HINT_REVIEW: &str = key("review-note-hint");

/// The review page's text fields.
#[derive(Default)]
pub struct ReviewPanel {
    /// The comment on the current item, as being typed, and which item it was filled from.
    pub comment: TextEditor,
    comment_for: Option<ReviewItem>,
    /// The note for the annotator, as being typed.
    pub note: TextEditor,
    /// The item last scrolled into view.
    scrolled_to: Option<ReviewItem>,
}

/// What an item is, by its names in `language` (never its id, which is its tooltip).
fn describe(project: &Project, item: ReviewItem, language: LabelLanguage) -> (String, String) {
    let (title, id) = match item {
        ReviewItem::Span(at) => (
            project
                .span(at)
                .map(|s| describe::span_title(project, s, language)),
            at.span.to_string(),
        ),
        ReviewItem::Meeting(id) => (
            project
                .meeting(id)
                .map(|m| describe::meeting_title(project, m, language)),
            id.to_string(),
        ),
        ReviewItem::Outcome(id) => (
            project
                .outcome(id)
                .map(|o| describe::outcome_title(project, o, language)),
            id.to_string(),
        ),
    };
    (title.unwrap_or_default(), id)
}

fn state_color(ui: &egui::Ui, state: ReviewState) -> egui::Color32 {
    match state {
        ReviewState::Pending => ui.visuals().weak_text_color(),
        ReviewState::Accepted => egui::Color32::from_rgb(60, 170, 90),
        ReviewState::Rejected => ui.visuals().warn_fg_color,
    }
}

impl DaftarApp {
    pub(super) fn review_page_ui(&mut self, ui: &mut egui::Ui) {
        self.review_queue_ui(ui);
        ui.separator();
        let session = &self.session;
        let Some(doc) = session.doc() else { return };
        let project = session.project();
        let current = session.cursor().review_item;
        // The comment field shows the current item's comment when the item changes.
        if self.review_panel.comment_for != current {
            self.review_panel.comment_for = current;
            let comment = current
                .and_then(|item| review_of(project, item))
                .map_or(String::new(), |r| r.comment.to_string());
            self.review_panel.comment.set_text(&comment);
        }
        let (accepted, rejected, pending) = decision_counts(project, doc);
        let tr = wd::words(ui.ctx());
        wd::heading(ui, &tr.t("review-this-document"));
        let counts = tr.t_with(
            "review-counts",
            &[
                ("accepted", accepted.into()),
                ("rejected", rejected.into()),
                ("pending", pending.into()),
            ],
        );
        wd::label(ui, &counts);
        let mut commands = Vec::new();
        wd::row_wrapped(ui, |ui| {
            for command in [UiCommand::ReviewAccept, UiCommand::ReviewReject] {
                if wd::button(ui, &label_with_shortcut(command, ui.ctx())).clicked()
                    && let Some(command) = self.command_for(command)
                {
                    commands.push((command, None));
                }
            }
            if wd::button(ui, &tr.t(ACCEPT_ALL_REMAINING)).clicked() {
                commands.push((AppCommand::AcceptAllRemaining, None));
            }
        });
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let panel = &mut self.review_panel;
        let width = ui.available_width();
        let hint = tr.t(COMMENT_HINT);
        let comment = bidi_text_edit_ui(ui, text_engine, &mut panel.comment, &hint, width);
        // Typing why and pressing Enter rejects: the comment is the reason. The keyboard goes
        // back to the shortcuts, for the next item.
        if comment.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            comment.surrender_focus();
            let command = AppCommand::Decide {
                state: ReviewState::Rejected,
                comment: panel.comment.text(),
            };
            commands.push((command, None));
        }
        let hint = tr.t(NOTE_HINT_REVIEW);
        bidi_text_edit_ui(ui, text_engine, &mut panel.note, &hint, width);
        wd::row_wrapped(ui, |ui| {
            for (reviewed, text, tooltip) in [
                (true, FINISH_REVIEWED, "review-finish-tip"),
                (false, SEND_BACK, "review-send-back-tip"),
            ] {
                if wd::hover(wd::button(ui, &tr.t(text)), &tr.t(tooltip)).clicked() {
                    let note = panel.note.text();
                    let command = AppCommand::FinishReview { reviewed, note };
                    commands.push((command, Some(AfterSuccess::ClearReviewNote)));
                }
            }
        });
        ui.separator();
        let language = self.session.view().label_language;
        for item in review_items(project, doc) {
            let (what, id) = describe(project, item, language);
            let review = review_of(project, item).cloned().unwrap_or_default();
            let selected = current == Some(item);
            wd::colored(
                ui,
                state_color(ui, review.state),
                &tr.review_state(review.state),
            );
            let row = bidi_selectable_ui(ui, text_engine, selected, &what);
            if selected && self.review_panel.scrolled_to != current {
                // The current item is always in view (after ] and [, and after a decision).
                row.scroll_to_me(Some(egui::Align::Center));
                self.review_panel.scrolled_to = current;
            }
            if wd::hover(row, &id).clicked() {
                commands.push((AppCommand::SelectReviewItem(item), None));
            }
            if !review.comment.is_empty() {
                ui.indent(("review comment", format!("{item:?}")), |ui| {
                    let color = Some(state_color(ui, review.state));
                    let said = format!("{}: {}", review.reviewer, review.comment);
                    bidi_label_colored_ui(ui, text_engine, &said, 13.0, color)
                });
            }
        }
        for (command, after) in commands {
            match after {
                Some(after) => self.push_then(command, after),
                None => self.push(command),
            }
        }
    }

    /// Documents waiting for review, and those sent back.
    fn review_queue_ui(&mut self, ui: &mut egui::Ui) {
        let session = &self.session;
        let shown_doc = session.doc();
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let mut open = None;
        let tr = wd::words(ui.ctx());
        for (status, heading) in [
            (DocStatus::ReadyForReview, "review-queue-ready"),
            (DocStatus::NeedsChanges, "review-queue-sent-back"),
        ] {
            let waiting: Vec<(DocId, &str)> = session
                .project()
                .documents
                .iter()
                .filter(|d| d.status == status)
                .map(|d| (d.id, d.path.as_str()))
                .collect();
            let heading = tr.t_with(heading, &[("count", waiting.len().into())]);
            wd::heading(ui, &heading);
            for (id, path) in waiting {
                // File names may be Persian or Arabic: through our text engine.
                wd::row(ui, |ui| {
                    if wd::selectable(ui, shown_doc == Some(id), &tr.t("review-open")).clicked() {
                        open = Some(id);
                    }
                    if bidi_label_ui(ui, text_engine, path, 14.0).clicked() {
                        open = Some(id);
                    }
                });
            }
        }
        if let Some(doc) = open {
            self.push(AppCommand::OpenForReview(doc));
        }
    }
}
