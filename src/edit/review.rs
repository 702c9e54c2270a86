//! Reviewing a document: every annotation it holds (its spans, and the meetings and outcomes it
//! reports) is accepted or rejected with a comment, then the document is finished as reviewed or
//! sent back with a note. Every decision records the reviewer and the time.

use super::Edit;
use crate::model::{
    DocId, DocStatus, MeetingId, OutcomeId, Project, Review, ReviewState, SpanRef, now_rfc3339,
};

/// One annotation a reviewer decides on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReviewItem {
    Span(SpanRef),
    Meeting(MeetingId),
    Outcome(OutcomeId),
}

/// What a reviewer goes through in `doc`, in order: spans in reading order, then the meetings
/// and outcomes the document gives evidence for.
pub fn review_items(project: &Project, doc: DocId) -> Vec<ReviewItem> {
    let Some(document) = project.document(doc) else {
        return Vec::new();
    };
    let spans = document
        .spans
        .iter()
        .map(|s| ReviewItem::Span(SpanRef { doc, span: s.id }));
    let meetings = project
        .meetings
        .iter()
        .filter(|m| m.evidence_spans().any(|e| e.doc == doc))
        .map(|m| ReviewItem::Meeting(m.id));
    let outcomes = project
        .outcomes
        .iter()
        .filter(|o| o.evidence_spans().any(|e| e.doc == doc))
        .map(|o| ReviewItem::Outcome(o.id));
    spans.chain(meetings).chain(outcomes).collect()
}

/// The review of an item.
pub fn review_of(project: &Project, item: ReviewItem) -> Option<&Review> {
    match item {
        ReviewItem::Span(at) => project.span(at).map(|s| &s.review),
        ReviewItem::Meeting(id) => project.meeting(id).map(|m| &m.review),
        ReviewItem::Outcome(id) => project.outcome(id).map(|o| &o.review),
    }
}

/// The first item still pending after `from` in `doc`'s review order, going round to the start;
/// `from` itself last. `None` when nothing is pending.
pub fn next_pending(project: &Project, doc: DocId, from: ReviewItem) -> Option<ReviewItem> {
    let items = review_items(project, doc);
    let at = items.iter().position(|x| *x == from).map_or(0, |i| i + 1);
    items[at..]
        .iter()
        .chain(&items[..at])
        .find(|item| review_of(project, **item).is_some_and(Review::is_pending))
        .copied()
}

/// The edit that records a decision on `item`.
pub fn decide(
    project: &Project,
    item: ReviewItem,
    state: ReviewState,
    comment: &str,
    reviewer: &str,
) -> Option<Edit> {
    let review = Review {
        state,
        comment: comment.trim().into(),
        reviewer: reviewer.into(),
        at: now_rfc3339().into(),
    };
    Some(match item {
        ReviewItem::Span(at) => {
            let mut span = project.span(at)?.clone();
            span.review = review;
            Edit::ReplaceSpan { doc: at.doc, span }
        }
        ReviewItem::Meeting(id) => {
            let mut meeting = project.meeting(id)?.clone();
            meeting.review = review;
            Edit::ReplaceMeeting(meeting)
        }
        ReviewItem::Outcome(id) => {
            let mut outcome = project.outcome(id)?.clone();
            outcome.review = review;
            Edit::ReplaceOutcome(outcome)
        }
    })
}

/// Accepts every item of `doc` still pending (one undo step).
pub fn accept_remaining(project: &Project, doc: DocId, reviewer: &str) -> Edit {
    Edit::Batch(
        review_items(project, doc)
            .into_iter()
            .filter(|item| review_of(project, *item).is_some_and(Review::is_pending))
            .filter_map(|item| decide(project, item, ReviewState::Accepted, "", reviewer))
            .collect(),
    )
}

/// Finishes the review of `doc`: as reviewed (what is still pending is accepted), or sent back
/// as needing changes with `note` added to the document's note for the annotator. One step.
pub fn finish(
    project: &Project,
    doc: DocId,
    reviewed: bool,
    note: &str,
    reviewer: &str,
) -> Option<Edit> {
    let document = project.document(doc)?;
    let mut edits = Vec::new();
    if reviewed {
        edits.push(accept_remaining(project, doc, reviewer));
    }
    let note = note.trim();
    if !note.is_empty() {
        let mut info = super::DocumentInfo::of(document);
        let line = format!("Review by {reviewer} ({}): {note}", now_rfc3339());
        info.note = if info.note.is_empty() {
            line
        } else {
            format!("{}\n{line}", info.note)
        };
        edits.push(Edit::SetDocumentInfo { doc, info });
    }
    let status = if reviewed {
        DocStatus::Reviewed
    } else {
        DocStatus::NeedsChanges
    };
    edits.push(Edit::SetStatus { doc, status });
    Some(Edit::Batch(edits))
}

/// How many documents are in each status, in workflow order.
pub fn status_counts(project: &Project) -> [(DocStatus, usize); 5] {
    DocStatus::ALL.map(|status| {
        let count = project
            .documents
            .iter()
            .filter(|d| d.status == status)
            .count();
        (status, count)
    })
}

/// Decisions on the items of `doc`: (accepted, rejected, pending).
pub fn decision_counts(project: &Project, doc: DocId) -> (usize, usize, usize) {
    let mut counts = (0, 0, 0);
    for item in review_items(project, doc) {
        match review_of(project, item).map(|r| r.state) {
            Some(ReviewState::Accepted) => counts.0 += 1,
            Some(ReviewState::Rejected) => counts.1 += 1,
            Some(ReviewState::Pending) => counts.2 += 1,
            None => {}
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;

    fn sample() -> (Project, DocId) {
        let project =
            crate::store::from_ron(crate::sample::PROJECT, std::path::Path::new("s")).unwrap();
        let eco = project
            .document_by_path(crate::sample::ARTICLES[0].0)
            .unwrap()
            .id;
        (project, eco)
    }

    #[test]
    fn a_review_decides_each_item_then_finishes_in_one_step_each() {
        let (mut project, doc) = sample();
        let mut history = History::new();
        let items = review_items(&project, doc);
        // The Persian ECO article: its spans, then the ECO meeting and its four outcomes.
        let spans = project.document(doc).unwrap().spans.len();
        assert_eq!(items.len(), spans + 5);
        assert!(matches!(items[spans], ReviewItem::Meeting(_)));
        assert_eq!(decision_counts(&project, doc), (0, 0, items.len()));

        let edit = decide(
            &project,
            items[0],
            ReviewState::Rejected,
            " wrong label ",
            "rev",
        )
        .unwrap();
        history.apply(&mut project, edit).unwrap();
        let review = review_of(&project, items[0]).unwrap();
        assert_eq!(
            (
                review.state,
                review.comment.as_str(),
                review.reviewer.as_str()
            ),
            (ReviewState::Rejected, "wrong label", "rev")
        );
        assert!(!review.at.is_empty());

        let edit = finish(&project, doc, true, "", "rev").unwrap();
        history.apply(&mut project, edit).unwrap();
        assert_eq!(project.document(doc).unwrap().status, DocStatus::Reviewed);
        assert_eq!(
            decision_counts(&project, doc),
            (items.len() - 1, 1, 0),
            "the rest accepted, the rejection kept"
        );
        history.undo(&mut project).unwrap();
        assert_eq!(
            decision_counts(&project, doc),
            (0, 1, items.len() - 1),
            "one undo step"
        );

        let edit = finish(&project, doc, false, "Tag the venue.", "rev").unwrap();
        history.apply(&mut project, edit).unwrap();
        let document = project.document(doc).unwrap();
        assert_eq!(document.status, DocStatus::NeedsChanges);
        assert!(document.note.starts_with("Review by rev ("));
        assert!(document.note.ends_with("): Tag the venue."));
    }

    #[test]
    fn the_next_pending_item_comes_after_the_current_one_and_goes_round() {
        let (mut project, doc) = sample();
        let items = review_items(&project, doc);
        assert_eq!(next_pending(&project, doc, items[0]), Some(items[1]));
        let last = *items.last().unwrap();
        assert_eq!(
            next_pending(&project, doc, last),
            Some(items[0]),
            "round to the start"
        );
        // Decided items are passed over.
        for item in &items[1..3] {
            decide(&project, *item, ReviewState::Accepted, "", "rev")
                .unwrap()
                .apply(&mut project)
                .unwrap();
        }
        assert_eq!(next_pending(&project, doc, items[0]), Some(items[3]));
        accept_remaining(&project, doc, "rev")
            .apply(&mut project)
            .unwrap();
        assert_eq!(next_pending(&project, doc, items[0]), None);
    }

    #[test]
    fn status_counts_follow_the_workflow() {
        let (project, _) = sample();
        let counts = status_counts(&project);
        assert_eq!(counts[0], (DocStatus::New, 2));
        assert_eq!(counts[1], (DocStatus::InProgress, 2));
        assert_eq!(counts[3], (DocStatus::Reviewed, 1));
    }
}
