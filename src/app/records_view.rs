//! The records table in the session: its filter, its order and the record the keys are on; a
//! record opened at its evidence (its article shown, its words selected, the meetings page on
//! it).

use super::command::{Applied, Page, Refusal};
use super::lists::neighbour;
use super::session::Session;
use crate::model::SpanRef;
use crate::records::{RecordColumn, RecordFilter, RecordRef, RecordRow, record_rows, sort_rows};

/// How the records table is filtered and ordered, and its current row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RecordsView {
    pub filter: RecordFilter,
    pub sort: RecordColumn,
    pub descending: bool,
    pub current: Option<RecordRef>,
}

impl Session {
    pub fn records_view(&self) -> &RecordsView {
        &self.records_view
    }

    /// The rows the records table shows: filtered, then sorted.
    pub fn record_table(&self) -> Vec<RecordRow> {
        let view = &self.records_view;
        let mut rows: Vec<RecordRow> = record_rows(&self.project)
            .into_iter()
            .filter(|r| view.filter.matches(r))
            .collect();
        sort_rows(&mut rows, view.sort, view.descending);
        rows
    }

    pub(super) fn set_record_filter(&mut self, filter: RecordFilter) {
        self.records_view.filter = filter;
    }

    /// Sorts by the column; by the same column again, the other way.
    pub(super) fn sort_records(&mut self, column: RecordColumn) {
        let view = &mut self.records_view;
        view.descending = view.sort == column && !view.descending;
        view.sort = column;
    }

    fn record_exists(&self, record: RecordRef) -> bool {
        match record {
            RecordRef::Meeting(id) => self.project.meeting(id).is_some(),
            RecordRef::Outcome(id) => self.project.outcome(id).is_some(),
        }
    }

    pub(super) fn select_record(&mut self, record: RecordRef) -> Result<Applied, Refusal> {
        if !self.record_exists(record) {
            return Err(Refusal::NoRecord);
        }
        self.records_view.current = Some(record);
        Ok(Applied::default())
    }

    /// Moves to the next or previous row of the table as shown (from none: the first or the
    /// last); at either end it stays.
    pub(super) fn step_record(&mut self, forward: bool) {
        let records: Vec<RecordRef> = self
            .record_table()
            .iter()
            .filter_map(|r| r.record)
            .collect();
        let current = self.records_view.current.filter(|c| records.contains(c));
        if let Some(next) = neighbour(&records, current.as_ref(), forward) {
            self.records_view.current = Some(next);
        }
    }

    /// Shows the record's evidence: its trigger words (or else the first words any field rests
    /// on) selected in their article, and the record current on the meetings page.
    pub(super) fn open_record(&mut self, record: RecordRef) -> Result<Applied, Refusal> {
        let (meeting, outcome, evidence): (_, _, Option<SpanRef>) = match record {
            RecordRef::Meeting(id) => {
                let meeting = self.project.meeting(id).ok_or(Refusal::NoRecord)?;
                let evidence = meeting
                    .evidence
                    .first()
                    .copied()
                    .or_else(|| meeting.evidence_spans().next());
                (Some(id), None, evidence)
            }
            RecordRef::Outcome(id) => {
                let outcome = self.project.outcome(id).ok_or(Refusal::NoRecord)?;
                let evidence = outcome
                    .evidence
                    .first()
                    .copied()
                    .or_else(|| outcome.evidence_spans().next());
                (outcome.meeting, Some(id), evidence)
            }
        };
        self.records_view.current = Some(record);
        if let Some(at) = evidence.filter(|at| self.project.span(*at).is_some()) {
            self.go_to_span(at.doc, at.span);
        }
        // After the document: showing one makes its own first meeting current.
        self.cursor.meeting = meeting.or(self.cursor.meeting);
        self.cursor.outcome = outcome;
        self.page = Page::Meetings;
        if evidence.is_none() {
            self.message = Some(self.words().t("records-no-evidence"));
        }
        Ok(Applied::default())
    }
}
