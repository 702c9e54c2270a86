//! The review page of the right-hand panel: the queue of documents ready for review, and for the
//! shown document every annotation to accept (A) or reject with a comment (X), then the document
//! finished as reviewed or sent back with a note.

use eframe::egui;

use super::app::DaftarApp;
use super::bidi_label::bidi_label_ui;
use super::commands::{Command, label_with_shortcut};
use super::text_engine::TextEngine;
use super::text_input::bidi_text_edit_ui;
use crate::edit::review::{
    ReviewItem, accept_remaining, decide, decision_counts, finish, review_items, review_of,
};
use crate::layout::TextEditor;
use crate::model::{DocId, DocStatus, Project, ReviewState};

/// Texts of the panel's buttons and fields (also what tests click).
pub const ACCEPT_ALL_REMAINING: &str = "Accept all remaining";
pub const FINISH_REVIEWED: &str = "Finish: reviewed";
pub const SEND_BACK: &str = "Send back: needs changes";
pub const COMMENT_HINT: &str = "Comment on this item (Enter rejects with it)";
pub const NOTE_HINT_REVIEW: &str = "Note for the annotator";

/// The review page's own state.
pub struct ReviewPanel {
    /// The item being decided on.
    pub item: Option<ReviewItem>,
    pub comment: TextEditor,
    pub note: TextEditor,
}

impl Default for ReviewPanel {
    fn default() -> Self {
        ReviewPanel {
            item: None,
            comment: TextEditor::new("", 14.0),
            note: TextEditor::new("", 14.0),
        }
    }
}

/// What an item is, in a few words, and its text.
fn describe(project: &Project, item: ReviewItem) -> (String, String) {
    match item {
        ReviewItem::Span(at) => project
            .span(at)
            .map(|s| (format!("{} {}", s.id, s.label), s.quote.clone()))
            .unwrap_or_default(),
        ReviewItem::Meeting(id) => project
            .meeting(id)
            .map(|m| {
                let (facts, names) = super::meetings_panel::meeting_summary(project, m);
                (format!("meeting {facts}"), names)
            })
            .unwrap_or_default(),
        ReviewItem::Outcome(id) => project
            .outcome(id)
            .map(|o| {
                let title = o
                    .title
                    .as_ref()
                    .map(|t| t.value.clone())
                    .unwrap_or_default();
                (format!("outcome {} {} ({})", o.id, o.kind, o.status), title)
            })
            .unwrap_or_default(),
    }
}

fn state_text(state: ReviewState) -> &'static str {
    match state {
        ReviewState::Pending => "pending",
        ReviewState::Accepted => "accepted",
        ReviewState::Rejected => "rejected",
    }
}

fn state_color(ui: &egui::Ui, state: ReviewState) -> egui::Color32 {
    match state {
        ReviewState::Pending => ui.visuals().weak_text_color(),
        ReviewState::Accepted => egui::Color32::from_rgb(60, 170, 90),
        ReviewState::Rejected => ui.visuals().warn_fg_color,
    }
}

impl DaftarApp {
    fn shown_doc(&self) -> Option<DocId> {
        self.article.as_ref().map(|a| a.doc)
    }

    /// Makes `item` current: a span is also selected in the article.
    pub fn select_review_item(&mut self, item: ReviewItem) {
        self.review.item = Some(item);
        let comment = review_of(&self.project, item).map_or(String::new(), |r| r.comment.clone());
        self.review.comment.set_text(&comment);
        // Show what is being decided on: the span, or a record's first evidence here.
        let doc = self.shown_doc();
        let evidence = match item {
            ReviewItem::Span(at) => Some(at),
            ReviewItem::Meeting(id) => self
                .project
                .meeting(id)
                .and_then(|m| m.evidence_spans().find(|e| Some(e.doc) == doc)),
            ReviewItem::Outcome(id) => self
                .project
                .outcome(id)
                .and_then(|o| o.evidence_spans().find(|e| Some(e.doc) == doc)),
        };
        if let Some(at) = evidence {
            self.go_to_span(at.doc, at.span);
        }
    }

    /// Moves to the next (or previous) item of the shown document.
    pub fn step_review_item(&mut self, forward: bool) {
        let Some(doc) = self.shown_doc() else { return };
        let items = review_items(&self.project, doc);
        let current = self
            .review
            .item
            .and_then(|i| items.iter().position(|x| *x == i));
        let next = match (current, forward) {
            (Some(i), true) => items.get(i + 1),
            (Some(i), false) if i > 0 => items.get(i - 1),
            (None, true) => items.first(),
            (None, false) => items.last(),
            _ => None,
        };
        if let Some(&item) = next {
            self.select_review_item(item);
        }
    }

    /// Accepts or rejects the current item with the comment typed, then moves to the next
    /// pending one.
    pub fn decide_current(&mut self, state: ReviewState, now: f64) {
        let Some(item) = self.review.item else {
            self.message = Some("Not done: choose an item to review first.".into());
            return;
        };
        let comment = self.review.comment.text();
        if let Some(edit) = decide(&self.project, item, state, &comment, &self.annotator) {
            self.apply_edit(edit, now);
        }
        let Some(doc) = self.shown_doc() else { return };
        let items = review_items(&self.project, doc);
        let at = items.iter().position(|x| *x == item).unwrap_or(0);
        let next_pending = items[at..]
            .iter()
            .chain(&items[..at])
            .find(|i| review_of(&self.project, **i).is_some_and(|r| r.is_pending()))
            .copied();
        match next_pending {
            Some(next) => self.select_review_item(next),
            None => self.review.comment.set_text(&comment),
        }
    }

    pub fn accept_all_remaining(&mut self, now: f64) {
        if let Some(doc) = self.shown_doc() {
            let edit = accept_remaining(&self.project, doc, &self.annotator);
            self.apply_edit(edit, now);
        }
    }

    /// Finishes the shown document's review (reviewed, or sent back with the note).
    pub fn finish_review(&mut self, reviewed: bool, now: f64) {
        let Some(doc) = self.shown_doc() else { return };
        let note = self.review.note.text();
        if !reviewed && note.trim().is_empty() {
            self.message = Some("Not done: say what needs changing in the note first.".into());
            return;
        }
        if let Some(edit) = finish(&self.project, doc, reviewed, &note, &self.annotator) {
            self.apply_edit(edit, now);
            self.review.note.set_text("");
        }
    }

    pub(super) fn review_panel_ui(&mut self, ui: &mut egui::Ui) {
        let now = ui.input(|i| i.time);
        self.review_queue_ui(ui);
        ui.separator();
        let Some(doc) = self.shown_doc() else { return };
        let (accepted, rejected, pending) = decision_counts(&self.project, doc);
        ui.heading("This document");
        ui.label(format!(
            "{accepted} accepted · {rejected} rejected · {pending} pending"
        ));
        ui.horizontal_wrapped(|ui| {
            for (command, state) in [
                (Command::ReviewAccept, ReviewState::Accepted),
                (Command::ReviewReject, ReviewState::Rejected),
            ] {
                if ui.button(label_with_shortcut(command, ui.ctx())).clicked() {
                    self.decide_current(state, now);
                }
            }
            if ui.button(ACCEPT_ALL_REMAINING).clicked() {
                self.accept_all_remaining(now);
            }
        });
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let width = ui.available_width();
        let comment = bidi_text_edit_ui(
            ui,
            text_engine,
            &mut self.review.comment,
            COMMENT_HINT,
            width,
        );
        self.typing_now |= comment.has_focus();
        // Typing why and pressing Enter rejects: the comment is the reason.
        let reject_now = comment.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let note = bidi_text_edit_ui(
            ui,
            text_engine,
            &mut self.review.note,
            NOTE_HINT_REVIEW,
            width,
        );
        self.typing_now |= note.has_focus();
        if reject_now {
            self.decide_current(ReviewState::Rejected, now);
        }
        let mut finished = None;
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(FINISH_REVIEWED)
                .on_hover_text("Accept what is still pending and mark the document reviewed")
                .clicked()
            {
                finished = Some(true);
            }
            if ui
                .button(SEND_BACK)
                .on_hover_text("Send the document back to its annotator with the note")
                .clicked()
            {
                finished = Some(false);
            }
        });
        if let Some(reviewed) = finished {
            self.finish_review(reviewed, now);
        }
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        ui.separator();
        let items = review_items(&self.project, doc);
        let mut chosen = None;
        for item in items {
            let (what, words) = describe(&self.project, item);
            let review = review_of(&self.project, item).cloned().unwrap_or_default();
            let selected = self.review.item == Some(item);
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(state_color(ui, review.state), state_text(review.state));
                if ui.selectable_label(selected, what).clicked() {
                    chosen = Some(item);
                }
            });
            if !words.is_empty() {
                ui.indent(("review words", format!("{item:?}")), |ui| {
                    bidi_label_ui(ui, text_engine, &words, 14.0)
                });
            }
            if !review.comment.is_empty() {
                ui.indent(("review comment", format!("{item:?}")), |ui| {
                    let color = Some(state_color(ui, review.state));
                    super::bidi_label::bidi_label_colored_ui(
                        ui,
                        text_engine,
                        &format!("{}: {}", review.reviewer, review.comment),
                        13.0,
                        color,
                    )
                });
            }
        }
        if let Some(item) = chosen {
            self.select_review_item(item);
        }
    }

    /// Documents waiting for review, and those sent back.
    fn review_queue_ui(&mut self, ui: &mut egui::Ui) {
        let mut open = None;
        for (status, heading) in [
            (DocStatus::ReadyForReview, "Ready for review"),
            (DocStatus::NeedsChanges, "Sent back"),
        ] {
            let waiting: Vec<(DocId, String)> = self
                .project
                .documents
                .iter()
                .filter(|d| d.status == status)
                .map(|d| (d.id, d.path.clone()))
                .collect();
            ui.heading(format!("{heading} ({})", waiting.len()));
            let shown_doc = self.shown_doc();
            let text_engine = self
                .text_engine
                .get_or_insert_with(|| TextEngine::new(ui.ctx()));
            for (id, path) in waiting {
                // File names may be Persian or Arabic: through our text engine.
                ui.horizontal(|ui| {
                    if ui.selectable_label(shown_doc == Some(id), "Open").clicked() {
                        open = Some(id);
                    }
                    if bidi_label_ui(ui, text_engine, &path, 14.0).clicked() {
                        open = Some(id);
                    }
                });
            }
        }
        if let Some(doc) = open {
            self.open_document(doc);
            self.review.item = None;
        }
    }
}
