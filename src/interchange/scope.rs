//! What an export carries, as one rule every format follows: a record is exported when its own
//! review state and the evidence it rests on pass the scope, and a value is exported with the
//! record only when its evidence passes too.
//!
//! - **Reviewed work** (the default): documents marked reviewed; in them, spans the reviewer did
//!   not reject; meetings and outcomes the reviewer accepted. A field, participant, actor or title
//!   read from a span of a document still in progress, or from a rejected span, is left out.
//! - **Everything** (`--all`): every document, and everything but rejected work.
//!
//! Records are exported as filtered copies, so that every span and document they refer to is
//! in the export; an outcome goes only with its meeting.

use std::collections::HashSet;

use super::export::Scope;
use crate::model::{
    DocId, DocStatus, Document, Meeting, MeetingField, MeetingId, Outcome, Project, Review,
    ReviewState, Span, SpanRef,
};

/// The scope of one export over one project.
pub struct ScopeRule<'p> {
    project: &'p Project,
    scope: Scope,
    /// The documents in scope.
    docs: HashSet<DocId>,
}

impl<'p> ScopeRule<'p> {
    pub fn new(project: &'p Project, scope: Scope) -> Self {
        let docs = project
            .documents
            .iter()
            .filter(|d| document_in_scope(scope, d))
            .map(|d| d.id)
            .collect();
        ScopeRule {
            project,
            scope,
            docs,
        }
    }

    pub fn document(&self, document: &Document) -> bool {
        self.docs.contains(&document.id)
    }

    /// A span of `doc` is exported: its document is, the reviewer did not reject it, and it has
    /// a place in the text (an orphaned span waits to be placed again; one past the end of its
    /// article, in a damaged project file, has none).
    pub fn span(&self, doc: DocId, span: &Span) -> bool {
        self.docs.contains(&doc)
            && span.review.state != ReviewState::Rejected
            && !span.is_empty()
            && self
                .project
                .document(doc)
                .is_some_and(|d| span.end <= d.chars)
    }

    /// The span a value rests on is exported.
    pub fn evidence(&self, at: SpanRef) -> bool {
        self.project
            .span(at)
            .is_some_and(|span| self.span(at.doc, span))
    }

    /// A value with `evidence` goes with its record: read from an exported span, or set by hand.
    fn value(&self, evidence: Option<SpanRef>) -> bool {
        evidence.is_none_or(|at| self.evidence(at))
    }

    /// A record's own review state passes: accepted for reviewed work, not rejected for all.
    pub fn record_state(&self, review: &Review) -> bool {
        match self.scope {
            Scope::Reviewed => review.state == ReviewState::Accepted,
            Scope::All => review.state != ReviewState::Rejected,
        }
    }

    /// The meeting as exported, or `None` when it is not: its state fails, or no span that
    /// reports it is exported. Values whose evidence is not exported are left out.
    pub fn meeting(&self, meeting: &Meeting) -> Option<Meeting> {
        if !self.record_state(&meeting.review) {
            return None;
        }
        let mut exported = meeting.clone();
        for field in MeetingField::single_valued() {
            if !self.value(meeting.evidence_of(field)) {
                exported.clear(field);
            }
        }
        exported.participants.retain(|p| self.value(p.evidence));
        exported.evidence.retain(|at| self.evidence(*at));
        let reported = exported.evidence_spans().any(|at| self.evidence(at));
        reported.then_some(exported)
    }

    /// The outcome as exported, or `None`: its state fails, its meeting is not exported, or no
    /// span that reports it is exported. Values whose evidence is not exported are left out.
    pub fn outcome(&self, outcome: &Outcome, meetings: &HashSet<MeetingId>) -> Option<Outcome> {
        if !self.record_state(&outcome.review) {
            return None;
        }
        if outcome.meeting.is_some_and(|m| !meetings.contains(&m)) {
            return None;
        }
        let mut exported = outcome.clone();
        if exported
            .title
            .as_ref()
            .is_some_and(|t| !self.value(t.evidence))
        {
            exported.title = None;
        }
        exported.actors.retain(|a| self.value(a.evidence));
        exported.evidence.retain(|at| self.evidence(*at));
        let reported = exported.evidence_spans().any(|at| self.evidence(at));
        reported.then_some(exported)
    }
}

fn document_in_scope(scope: Scope, document: &Document) -> bool {
    scope == Scope::All || document.status == DocStatus::Reviewed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Participant;

    /// The bundled sample: 004 reviewed with the SCO meeting; 000 and 001 in progress with the
    /// ECO meeting.
    fn sample() -> Project {
        crate::store::from_ron(crate::sample::PROJECT, std::path::Path::new("s")).unwrap()
    }

    fn sco(project: &Project) -> Meeting {
        project.meeting(MeetingId(7)).unwrap().clone()
    }

    #[test]
    fn reviewed_work_leaves_out_values_read_from_articles_in_progress() {
        let mut project = sample();
        // The SCO meeting's venue taken from the ECO article (in progress), a participant group
        // whose only evidence is a rejected span of 004.
        let eco_doc = project
            .document_by_path("000_cc14a8d638cfba9c.txt")
            .unwrap()
            .id;
        let eco_span = project.document(eco_doc).unwrap().spans[0].id;
        let sco_doc = project
            .document_by_path("004_ead77181adac0951.txt")
            .unwrap()
            .id;
        let document = project.document_mut(sco_doc).unwrap();
        document.spans[0].review.state = ReviewState::Rejected;
        let rejected = document.spans[0].id;
        let mut meeting = sco(&project);
        meeting.venue.as_mut().unwrap().evidence = Some(SpanRef {
            doc: eco_doc,
            span: eco_span,
        });
        meeting.participants.push(Participant {
            entity: None,
            count: Some(2),
            all_members: false,
            description: "countries".into(),
            role: "special_guest".into(),
            evidence: Some(SpanRef {
                doc: sco_doc,
                span: rejected,
            }),
        });
        let participants = meeting.participants.len();
        let rule = ScopeRule::new(&project, Scope::Reviewed);
        let exported = rule.meeting(&meeting).unwrap();
        assert_eq!(exported.venue, None, "read from an article in progress");
        assert_eq!(exported.participants.len(), participants - 1);
        assert!(exported.evidence_spans().all(|at| rule.evidence(at)));
        // Everything but rejected work: the venue goes, the rejected group does not.
        let all = ScopeRule::new(&project, Scope::All)
            .meeting(&meeting)
            .unwrap();
        assert!(all.venue.is_some());
        assert_eq!(all.participants.len(), participants - 1);
    }

    #[test]
    fn a_record_goes_only_when_its_state_and_its_evidence_pass() {
        let project = sample();
        let reviewed = ScopeRule::new(&project, Scope::Reviewed);
        let exported: HashSet<MeetingId> = project
            .meetings
            .iter()
            .filter_map(|m| reviewed.meeting(m))
            .map(|m| m.id)
            .collect();
        // The SCO meeting and the planned summit (004, reviewed); not the ECO meeting.
        assert_eq!(exported, HashSet::from([MeetingId(7), MeetingId(56)]));
        let mut pending = sco(&project);
        pending.review.state = ReviewState::Pending;
        assert!(reviewed.meeting(&pending).is_none(), "not accepted");
        let all = ScopeRule::new(&project, Scope::All);
        assert!(all.meeting(&pending).is_some());
        let mut rejected = sco(&project);
        rejected.review.state = ReviewState::Rejected;
        assert!(all.meeting(&rejected).is_none());
        // An outcome goes with its meeting only.
        let outcome = project.outcomes_of(MeetingId(7)).next().unwrap();
        assert!(reviewed.outcome(outcome, &exported).is_some());
        assert!(reviewed.outcome(outcome, &HashSet::new()).is_none());
    }
}
