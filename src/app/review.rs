//! What the session does on the review page: the item being decided on, decisions with their
//! comment, and the document finished as reviewed or sent back.

use super::command::{AppCommand, Applied, Confirmation, Effect, Refusal};
use super::describe;
use super::lists::neighbour;
use super::session::Session;
use crate::edit::Edit;
use crate::edit::review::{
    ReviewItem, accept_remaining, decide, finish, next_pending, review_items,
};
use crate::model::{DocId, DocStatus, ReviewState};

impl Session {
    /// Makes `item` current and shows what is decided on: the span, or a record's first
    /// evidence in the shown document.
    pub(super) fn select_review_item(&mut self, item: ReviewItem) -> Result<Applied, Refusal> {
        self.show_review_item(item)?;
        Ok(Applied::default())
    }

    fn show_review_item(&mut self, item: ReviewItem) -> Result<(), Refusal> {
        let doc = self.doc().ok_or(Refusal::NoDocument)?;
        if !review_items(&self.project, doc).contains(&item) {
            return Err(Refusal::NoReviewItem);
        }
        self.cursor.review_item = Some(item);
        let evidence = match item {
            ReviewItem::Span(at) => Some(at),
            ReviewItem::Meeting(id) => self
                .project
                .meeting(id)
                .and_then(|m| m.evidence_spans().find(|e| e.doc == doc)),
            ReviewItem::Outcome(id) => self
                .project
                .outcome(id)
                .and_then(|o| o.evidence_spans().find(|e| e.doc == doc)),
        };
        if let Some(at) = evidence {
            self.go_to_span(at.doc, at.span);
        }
        Ok(())
    }

    pub(super) fn step_review_item(&mut self, forward: bool) -> Result<Applied, Refusal> {
        let doc = self.doc().ok_or(Refusal::NoDocument)?;
        let items = review_items(&self.project, doc);
        match neighbour(&items, self.cursor.review_item.as_ref(), forward) {
            Some(item) => self.select_review_item(item),
            None => Ok(Applied::default()),
        }
    }

    /// Accepts or rejects the current item with `comment`, then moves to the next pending one.
    pub(super) fn decide(&mut self, state: ReviewState, comment: &str) -> Result<Applied, Refusal> {
        let doc = self.doc().ok_or(Refusal::NoDocument)?;
        let item = self.cursor.review_item.ok_or(Refusal::NoReviewItem)?;
        let edit = decide(&self.project, item, state, comment, &self.annotator)
            .ok_or(Refusal::NoReviewItem)?;
        self.commit(edit)?;
        if let Some(next) = next_pending(&self.project, doc, item) {
            self.show_review_item(next)?;
        }
        Ok(Applied::default())
    }

    pub(super) fn accept_all_remaining(&mut self) -> Result<Applied, Refusal> {
        let doc = self.doc().ok_or(Refusal::NoDocument)?;
        self.commit(accept_remaining(&self.project, doc, &self.annotator))?;
        Ok(Applied::default())
    }

    /// Hands the shown document over for review. When a meeting it reports lacks a required
    /// field, asks first (unless the user already said yes).
    pub(super) fn mark_ready_for_review(&mut self, confirmed: bool) -> Result<Applied, Refusal> {
        let doc = self.doc().ok_or(Refusal::NoDocument)?;
        if !confirmed && let Some(ask) = self.ask_about_gaps(doc, AppCommand::MarkReadyForReview) {
            return Ok(ask);
        }
        self.commit(Edit::SetStatus {
            doc,
            status: DocStatus::ReadyForReview,
        })?;
        Ok(Applied::default())
    }

    /// The question put before handing over a document whose meetings lack required fields.
    fn ask_about_gaps(&self, doc: DocId, command: AppCommand) -> Option<Applied> {
        let gaps = describe::gaps(&self.project, doc, self.view.label_language);
        if gaps.is_empty() {
            return None;
        }
        let tr = self.words();
        let confirmation = Confirmation {
            title: tr.t("confirm-required-title"),
            question: tr.t("confirm-required-question"),
            items: gaps,
            go_ahead: tr.t("confirm-required-go"),
            command: AppCommand::Confirmed(Box::new(command)),
        };
        Some(Applied {
            changed: false,
            effects: vec![Effect::Confirm(confirmation)],
        })
    }

    /// Finishes the shown document's review: reviewed (asking first when required fields are
    /// empty), or sent back with a note (required).
    pub(super) fn finish_review(
        &mut self,
        reviewed: bool,
        note: &str,
        confirmed: bool,
    ) -> Result<Applied, Refusal> {
        let doc = self.doc().ok_or(Refusal::NoDocument)?;
        if !reviewed && note.trim().is_empty() {
            return Err(Refusal::NoteNeeded);
        }
        let command = AppCommand::FinishReview {
            reviewed,
            note: note.to_string(),
        };
        if reviewed
            && !confirmed
            && let Some(ask) = self.ask_about_gaps(doc, command)
        {
            return Ok(ask);
        }
        let edit = finish(&self.project, doc, reviewed, note, &self.annotator)
            .ok_or(Refusal::NoDocument)?;
        self.commit(edit)?;
        Ok(Applied::default())
    }
}
