//! Spans that records rest on: which records do, deleting such a span after detaching it from
//! them, and swapping or removing a meeting's trigger words. Trigger words (MEETING and OUTCOME
//! spans) exist for their records: when the last record lets go of them they go too, in the same
//! step. Entity spans and the like stay: they are annotations in their own right.

use super::RecordError;
use super::evidence::{ArticleRef, Selection, evidence};
use super::meetings::{EVIDENCE_LABEL, MEETING_LABEL};
use super::outcomes::OUTCOME_LABEL;
use crate::edit::Edit;
use crate::model::{Meeting, MeetingId, OutcomeId, Project, SpanRef};

/// A record that points at a span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Referrer {
    Meeting(MeetingId),
    Outcome(OutcomeId),
}

/// The records that point at `at`, meetings first.
pub fn referrers(project: &Project, at: SpanRef) -> Vec<Referrer> {
    let meetings = project
        .meetings
        .iter()
        .filter(|m| m.evidence_spans().any(|e| e == at))
        .map(|m| Referrer::Meeting(m.id));
    let outcomes = project
        .outcomes
        .iter()
        .filter(|o| o.evidence_spans().any(|e| e == at))
        .map(|o| Referrer::Outcome(o.id));
    meetings.chain(outcomes).collect()
}

/// Deletes the span at `at` after detaching it from every record that points at it: fields keep
/// their values without this evidence, participants and actors stay. One undo step.
pub fn delete_span_detaching(project: &Project, at: SpanRef) -> Result<Edit, RecordError> {
    project.span(at).ok_or(RecordError::NoSpan(at.span))?;
    let mut edits = Vec::new();
    for referrer in referrers(project, at) {
        match referrer {
            Referrer::Meeting(id) => {
                let mut meeting = meeting_copy(project, id)?;
                meeting.detach(at);
                edits.push(Edit::ReplaceMeeting(meeting));
            }
            Referrer::Outcome(id) => {
                let mut outcome = project
                    .outcome(id)
                    .cloned()
                    .ok_or(RecordError::NoOutcome(id))?;
                outcome.detach(at);
                edits.push(Edit::ReplaceOutcome(outcome));
            }
        }
    }
    edits.push(Edit::RemoveSpan {
        doc: at.doc,
        span: at.span,
    });
    Ok(Edit::Batch(edits))
}

/// Puts the selection in place of the trigger words `old` of `meeting` (same place in its list).
/// The old words go when nothing else rests on them. One undo step.
pub fn replace_meeting_evidence(
    project: &mut Project,
    meeting: MeetingId,
    old: SpanRef,
    article: ArticleRef,
    selection: &Selection,
    author: &str,
) -> Result<Edit, RecordError> {
    let mut changed = meeting_copy(project, meeting)?;
    let index = changed
        .evidence
        .iter()
        .position(|e| *e == old)
        .ok_or(RecordError::NotEvidence)?;
    let found = evidence(project, article, selection, MEETING_LABEL, author)?;
    let new = found.at();
    if new == old {
        return Err(RecordError::SameEvidence);
    }
    if changed.evidence.contains(&new) {
        changed.evidence.remove(index);
    } else {
        changed.evidence[index] = new;
    }
    let mut edits = found.into_edits(project);
    edits.extend(let_go_of(project, old, &changed));
    Ok(Edit::Batch(edits))
}

/// Takes the trigger words `old` off `meeting`'s list; they go when nothing else rests on them.
/// One undo step.
pub fn remove_meeting_evidence(
    project: &Project,
    meeting: MeetingId,
    old: SpanRef,
) -> Result<Edit, RecordError> {
    let mut changed = meeting_copy(project, meeting)?;
    let before = changed.evidence.len();
    changed.evidence.retain(|e| *e != old);
    if changed.evidence.len() == before {
        return Err(RecordError::NotEvidence);
    }
    Ok(Edit::Batch(let_go_of(project, old, &changed)))
}

/// Takes the `index`th evidence off `outcome`; trigger words nothing else rests on go too. One
/// undo step.
pub fn remove_outcome_evidence(
    project: &Project,
    outcome: OutcomeId,
    index: usize,
) -> Result<Edit, RecordError> {
    let mut changed = project
        .outcome(outcome)
        .cloned()
        .ok_or(RecordError::NoOutcome(outcome))?;
    if index >= changed.evidence.len() {
        return Err(RecordError::NotEvidence);
    }
    let old = changed.evidence.remove(index);
    let still_used = changed.evidence_spans().any(|e| e == old)
        || referrers(project, old)
            .into_iter()
            .any(|r| r != Referrer::Outcome(outcome));
    let mut edits = vec![Edit::ReplaceOutcome(changed)];
    edits.extend(trigger_removal(project, old, still_used));
    Ok(Edit::Batch(edits))
}

/// The meeting changed, and the trigger span `old` removed when no record points at it any more.
fn let_go_of(project: &Project, old: SpanRef, changed: &Meeting) -> Vec<Edit> {
    let still_used = changed.evidence_spans().any(|e| e == old)
        || referrers(project, old)
            .into_iter()
            .any(|r| r != Referrer::Meeting(changed.id));
    let mut edits = vec![Edit::ReplaceMeeting(changed.clone())];
    edits.extend(trigger_removal(project, old, still_used));
    edits
}

/// Removing the span at `old` when it exists only for records (trigger words, a field's
/// EVIDENCE) and nothing rests on it any more.
fn trigger_removal(project: &Project, old: SpanRef, still_used: bool) -> Option<Edit> {
    let for_records_only = project.span(old).is_some_and(|s| {
        s.label == MEETING_LABEL || s.label == OUTCOME_LABEL || s.label == EVIDENCE_LABEL
    });
    (for_records_only && !still_used).then_some(Edit::RemoveSpan {
        doc: old.doc,
        span: old.span,
    })
}

/// After `changed` (a new version of a meeting) no longer points at the spans it pointed at
/// before, the edits that remove those that existed only for it. Entity and date spans stay.
pub(super) fn let_go_of_unused(project: &Project, changed: &Meeting) -> Vec<Edit> {
    let Some(before) = project.meeting(changed.id) else {
        return Vec::new();
    };
    let dropped: Vec<SpanRef> = before
        .evidence_spans()
        .filter(|old| !changed.evidence_spans().any(|e| e == *old))
        .collect();
    dropped
        .into_iter()
        .filter_map(|old| {
            let still_used = referrers(project, old)
                .into_iter()
                .any(|r| r != Referrer::Meeting(changed.id));
            trigger_removal(project, old, still_used)
        })
        .collect()
}

/// `meeting` with `field` emptied; words that existed only as its evidence go too. One step;
/// `None` when the field is empty already.
pub fn clear_meeting_field(
    project: &Project,
    meeting: MeetingId,
    field: crate::model::MeetingField,
) -> Result<Option<Edit>, RecordError> {
    let mut changed = meeting_copy(project, meeting)?;
    changed.clear(field);
    if project.meeting(meeting) == Some(&changed) {
        return Ok(None);
    }
    let mut edits = let_go_of_unused(project, &changed);
    edits.insert(0, Edit::ReplaceMeeting(changed));
    Ok(Some(Edit::Batch(edits)))
}

fn meeting_copy(project: &Project, id: MeetingId) -> Result<Meeting, RecordError> {
    project
        .meeting(id)
        .cloned()
        .ok_or(RecordError::NoMeeting(id))
}
