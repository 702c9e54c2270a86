//! Every kind of edit undoes and redoes exactly; the dirty flag follows revisions.

use super::*;
use crate::model::{
    Actor, ActorRole, Calendar, DateValue, Participant, Precision, Realis, Review, ReviewState,
    Sourced,
};

const TEXT: &str = "چهارمین نشست وزیران کشور عضو سازمان همکاری اقتصادی اکو در تهران برگزار شد.";

fn project_with_document() -> (Project, DocId) {
    let mut project = Project::new("test", "corpus");
    let doc = project.new_doc_id();
    let document = crate::corpus::document_for_text(doc, "a.txt".into(), TEXT, "UTF-8");
    project.documents.push(document.into());
    (project, doc)
}

fn span(project: &mut Project, start: usize, end: usize, label: &str) -> Span {
    let id = project.new_span_id();
    Span::quoting(id, TEXT, start, end, label, "tester").unwrap()
}

fn entity(project: &mut Project, name: &str, kind: &str) -> Entity {
    Entity {
        id: project.new_entity_id(),
        name: name.into(),
        aliases: vec![],
        kind: kind.into(),
        subtype: None,
        external_id: None,
        note: String::new(),
    }
}

fn meeting(project: &mut Project) -> Meeting {
    let mut meeting = Meeting::new(project.new_meeting_id(), "tester");
    meeting.created = String::new();
    meeting.body = Some(Sourced::new("Council of Interior Ministers".into()));
    meeting.level = Some(Sourced::new("ministerial".into()));
    meeting.ordinal = Some(Sourced::new(4));
    meeting.start = Some(Sourced::new(DateValue {
        iso: "2023-07-13".into(),
        original: "۲۲ تیر ۱۴۰۲".into(),
        calendar: Calendar::SolarHijri,
        precision: Precision::Day,
    }));
    meeting
}

fn outcome(project: &mut Project, meeting: Option<MeetingId>) -> Outcome {
    let id = project.new_outcome_id();
    let mut outcome = Outcome::new(id, meeting, "next_host_designated", "agreed", "tester");
    outcome.created = String::new();
    outcome
}

/// Applies `edit` through a history, then checks that undo restores the project exactly and
/// redo restores the edited project exactly.
fn assert_undo_redo(project: &mut Project, edit: Edit) {
    let before = project.clone();
    let mut history = History::new();
    history.apply(project, edit).expect("edit applies");
    let after = project.clone();
    assert_ne!(before, after, "the edit changed nothing");
    assert!(history.is_dirty());
    history.undo(project).unwrap();
    assert_eq!(*project, before, "undo restores");
    assert!(!history.is_dirty());
    history.redo(project).unwrap();
    assert_eq!(*project, after, "redo restores");
}

#[test]
fn span_insert_replace_remove() {
    let (mut project, doc) = project_with_document();
    let first = span(&mut project, 13, 19, "TITLE");
    assert_undo_redo(
        &mut project,
        Edit::InsertSpan {
            doc,
            span: first.clone(),
        },
    );
    let mut relabelled = first.clone();
    relabelled.label = "ORG".into();
    relabelled.note = "ministers, not a title".into();
    relabelled.review = Review {
        state: ReviewState::Rejected,
        comment: "wrong label".into(),
        reviewer: "reviewer".into(),
        at: "2026-11-22T10:00:00Z".into(),
    };
    assert_undo_redo(
        &mut project,
        Edit::ReplaceSpan {
            doc,
            span: relabelled,
        },
    );
    assert_undo_redo(
        &mut project,
        Edit::RemoveSpan {
            doc,
            span: first.id,
        },
    );
}

#[test]
fn spans_stay_in_reading_order_when_moved() {
    let (mut project, doc) = project_with_document();
    let late = span(&mut project, 50, 54, "ORG");
    let early = span(&mut project, 0, 7, "ORDINAL");
    Edit::InsertSpan {
        doc,
        span: late.clone(),
    }
    .apply(&mut project)
    .unwrap();
    Edit::InsertSpan {
        doc,
        span: early.clone(),
    }
    .apply(&mut project)
    .unwrap();
    let starts = |p: &Project| {
        p.document(doc)
            .unwrap()
            .spans
            .iter()
            .map(|s| s.start)
            .collect::<Vec<_>>()
    };
    assert_eq!(starts(&project), [0, 50]);
    let mut moved = early.clone();
    moved.start = 60;
    moved.end = 65;
    assert_undo_redo(&mut project, Edit::ReplaceSpan { doc, span: moved });
    assert_eq!(starts(&project), [50, 60]);
}

#[test]
fn entity_insert_replace_remove_and_linking() {
    let (mut project, doc) = project_with_document();
    let tehran = entity(&mut project, "تهران", "GPE");
    assert_undo_redo(&mut project, Edit::InsertEntity(tehran.clone()));
    let mut renamed = tehran.clone();
    renamed.aliases.push("طهران".into());
    renamed.external_id = Some("Q3616".into());
    assert_undo_redo(&mut project, Edit::ReplaceEntity(renamed));
    let mut mention = span(&mut project, 58, 63, "GPE");
    mention.entity = Some(tehran.id);
    assert_undo_redo(
        &mut project,
        Edit::InsertSpan {
            doc,
            span: mention.clone(),
        },
    );
    assert!(matches!(
        Edit::RemoveEntity(tehran.id).apply(&mut project),
        Err(EditError::InUse { .. })
    ));
    // Unlink and remove in one step.
    let mut unlinked = mention.clone();
    unlinked.entity = None;
    assert_undo_redo(
        &mut project,
        Edit::Batch(vec![
            Edit::ReplaceSpan {
                doc,
                span: unlinked,
            },
            Edit::RemoveEntity(tehran.id),
        ]),
    );
}

#[test]
fn meeting_and_outcome_insert_replace_remove() {
    let (mut project, doc) = project_with_document();
    let trigger = span(&mut project, 8, 12, "MEETING");
    Edit::InsertSpan {
        doc,
        span: trigger.clone(),
    }
    .apply(&mut project)
    .unwrap();
    let pakistan = entity(&mut project, "پاکستان", "GPE");
    Edit::InsertEntity(pakistan.clone())
        .apply(&mut project)
        .unwrap();

    let mut record = meeting(&mut project);
    record.evidence.push(SpanRef {
        doc,
        span: trigger.id,
    });
    assert_undo_redo(&mut project, Edit::InsertMeeting(record.clone()));
    let mut edited = record.clone();
    edited.participants.push(Participant {
        entity: None,
        count: Some(2),
        all_members: false,
        description: "countries".into(),
        role: "special_guest".into(),
        evidence: None,
    });
    edited.realis = Realis::Held;
    assert_undo_redo(&mut project, Edit::ReplaceMeeting(edited));

    let mut result = outcome(&mut project, Some(record.id));
    result.actors.push(Actor {
        entity: pakistan.id,
        role: ActorRole::Beneficiary,
        evidence: None,
    });
    assert_undo_redo(&mut project, Edit::InsertOutcome(result.clone()));
    let mut adopted = result.clone();
    adopted.status = "adopted".into();
    assert_undo_redo(&mut project, Edit::ReplaceOutcome(adopted));

    // What is referred to cannot go first.
    assert!(matches!(
        Edit::RemoveMeeting(record.id).apply(&mut project),
        Err(EditError::InUse { .. })
    ));
    assert!(matches!(
        Edit::RemoveSpan {
            doc,
            span: trigger.id
        }
        .apply(&mut project),
        Err(EditError::InUse { .. })
    ));
    assert_undo_redo(&mut project, Edit::RemoveOutcome(result.id));
    assert_undo_redo(&mut project, Edit::RemoveMeeting(record.id));
}

#[test]
fn document_status_and_info() {
    let (mut project, doc) = project_with_document();
    assert_undo_redo(
        &mut project,
        Edit::SetStatus {
            doc,
            status: DocStatus::ReadyForReview,
        },
    );
    let info = DocumentInfo {
        title: Some("نشست وزیران کشور اکو".into()),
        published: Some("2023-07-13".into()),
        source: Some("ILNA".into()),
        labels: vec!["security".into()],
        note: "the fourth meeting".into(),
    };
    assert_undo_redo(&mut project, Edit::SetDocumentInfo { doc, info });
}

#[test]
fn a_failing_batch_changes_nothing() {
    let (mut project, doc) = project_with_document();
    let good = span(&mut project, 0, 7, "ORDINAL");
    let before = project.clone();
    let bad = Edit::RemoveSpan {
        doc,
        span: SpanId(999),
    };
    let result = Edit::Batch(vec![Edit::InsertSpan { doc, span: good }, bad]).apply(&mut project);
    assert_eq!(
        result,
        Err(EditError::NoSpan {
            doc,
            span: SpanId(999)
        })
    );
    assert_eq!(project, before);
}

#[test]
fn invalid_edits_are_refused() {
    let (mut project, doc) = project_with_document();
    let mut too_long = span(&mut project, 0, 7, "ORDINAL");
    too_long.end = 10_000;
    assert!(matches!(
        Edit::InsertSpan {
            doc,
            span: too_long
        }
        .apply(&mut project),
        Err(EditError::SpanOutOfRange { .. })
    ));
    let mut dangling = span(&mut project, 0, 7, "ORDINAL");
    dangling.entity = Some(EntityId(424242));
    assert_eq!(
        Edit::InsertSpan {
            doc,
            span: dangling
        }
        .apply(&mut project),
        Err(EditError::NoEntity(EntityId(424242)))
    );
    let orphan = outcome(&mut project, Some(MeetingId(77)));
    assert_eq!(
        Edit::InsertOutcome(orphan).apply(&mut project),
        Err(EditError::NoMeeting(MeetingId(77)))
    );
    let twice = span(&mut project, 0, 7, "ORDINAL");
    Edit::InsertSpan {
        doc,
        span: twice.clone(),
    }
    .apply(&mut project)
    .unwrap();
    assert!(matches!(
        Edit::InsertSpan { doc, span: twice }.apply(&mut project),
        Err(EditError::DuplicateSpan { .. })
    ));
}

#[test]
fn dirty_flag_follows_revisions_across_save_undo_and_redo() {
    let (mut project, doc) = project_with_document();
    let mut history = History::new();
    assert!(!history.is_dirty());
    let a = span(&mut project, 0, 7, "ORDINAL");
    let b = span(&mut project, 8, 12, "MEETING");
    history
        .apply(&mut project, Edit::InsertSpan { doc, span: a })
        .unwrap();
    history
        .apply(&mut project, Edit::InsertSpan { doc, span: b })
        .unwrap();
    history.mark_saved(history.revision());
    assert!(!history.is_dirty());
    history.undo(&mut project).unwrap();
    assert!(history.is_dirty(), "undone past the save");
    history.redo(&mut project).unwrap();
    assert!(!history.is_dirty(), "back at the saved revision");
    history.undo(&mut project).unwrap();
    let c = span(&mut project, 13, 19, "TITLE");
    history
        .apply(&mut project, Edit::InsertSpan { doc, span: c })
        .unwrap();
    assert!(
        history.is_dirty(),
        "a new branch is never the saved revision"
    );
    assert!(!history.can_redo(), "a new edit clears redo");
    assert_eq!(
        history.undo_description().as_deref(),
        Some("add TITLE span")
    );
}

#[test]
fn each_action_is_its_own_undo_step() {
    let (mut project, doc) = project_with_document();
    let mut history = History::new();
    for (start, end) in [(0, 7), (8, 12), (13, 19)] {
        let s = span(&mut project, start, end, "ORG");
        history
            .apply(&mut project, Edit::InsertSpan { doc, span: s })
            .unwrap();
    }
    history.undo(&mut project).unwrap();
    assert_eq!(
        project.document(doc).unwrap().spans.len(),
        2,
        "one undo, one span"
    );
}

#[test]
fn an_undo_that_no_longer_fits_the_project_is_refused_and_nothing_panics() {
    let (mut project, doc) = project_with_document();
    let mut history = History::new();
    let added = span(&mut project, 0, 7, "ORDINAL");
    let id = added.id;
    history
        .apply(&mut project, Edit::InsertSpan { doc, span: added })
        .unwrap();
    // Something outside the history removed the span (a broken invariant, not a user action).
    let document = project.document_mut(doc).unwrap();
    document.spans.retain(|s| s.id != id);
    let before = project.clone();
    let error = history.undo(&mut project).unwrap_err();
    assert_eq!(error.action, "undo");
    assert_eq!(error.error, EditError::NoSpan { doc, span: id });
    assert_eq!(project, before, "the project is kept as it is");
    assert!(history.can_undo(), "the step stays");
    assert!(!history.can_redo());
    // Redo of a step that cannot apply again is refused the same way.
    let mut history = History::new();
    let (mut project, doc) = project_with_document();
    let added = span(&mut project, 0, 7, "ORDINAL");
    history
        .apply(
            &mut project,
            Edit::InsertSpan {
                doc,
                span: added.clone(),
            },
        )
        .unwrap();
    history.undo(&mut project).unwrap();
    Edit::InsertSpan { doc, span: added }
        .apply(&mut project)
        .unwrap();
    let error = history.redo(&mut project).unwrap_err();
    assert_eq!(error.action, "redo");
    assert!(history.can_redo());
}

#[test]
fn a_resized_span_quotes_its_new_words_and_waits_for_a_new_review() {
    let (mut project, doc) = project_with_document();
    let mut tagged = span(&mut project, 0, 7, "ORDINAL");
    tagged.review = Review {
        state: ReviewState::Accepted,
        reviewer: "r".into(),
        ..Review::default()
    };
    tagged.note = "kept".into();
    let id = tagged.id;
    Edit::InsertSpan { doc, span: tagged }
        .apply(&mut project)
        .unwrap();
    let edit = tagging::resize_span(&project, doc, TEXT, id, 0..12).unwrap();
    assert_undo_redo(&mut project, edit.clone());
    edit.apply(&mut project).unwrap();
    let resized = project.document(doc).unwrap().span(id).unwrap();
    assert_eq!(resized.quote(), "چهارمین نشست");
    assert_eq!(resized.suffix().chars().next(), Some(' '));
    assert_eq!(
        (resized.note.as_str(), resized.label.as_str()),
        ("kept", "ORDINAL")
    );
    assert!(resized.review.is_pending());
    // The same range, an empty one, or one past the text: nothing to do.
    assert_eq!(tagging::resize_span(&project, doc, TEXT, id, 0..12), None);
    assert_eq!(tagging::resize_span(&project, doc, TEXT, id, 3..3), None);
    assert_eq!(tagging::resize_span(&project, doc, TEXT, id, 0..999), None);
}

#[test]
fn many_spans_go_in_as_one_edit_and_out_again_all_or_nothing() {
    let (mut project, doc) = project_with_document();
    let spans = vec![
        span(&mut project, 0, 7, "ORDINAL"),
        span(&mut project, 8, 13, "MEETING"),
    ];
    assert_undo_redo(
        &mut project,
        Edit::InsertSpans {
            doc,
            spans: spans.clone(),
        },
    );
    // One bad span: none of them goes in.
    let mut bad = span(&mut project, 0, 7, "ORDINAL");
    bad.end = 10_000;
    let good = span(&mut project, 0, 3, "ORDINAL");
    let before = project.clone();
    let result = Edit::InsertSpans {
        doc,
        spans: vec![good, bad],
    }
    .apply(&mut project);
    assert!(matches!(result, Err(EditError::SpanOutOfRange { .. })));
    assert_eq!(project, before);
    // Removing spans one of which is not there changes nothing (the two are in, after the
    // undo and redo above).
    assert!(project.document(doc).unwrap().span(spans[0].id).is_some());
    let ids = vec![spans[0].id, SpanId(999)];
    let with_spans = project.clone();
    assert!(
        Edit::RemoveSpans { doc, spans: ids }
            .apply(&mut project)
            .is_err()
    );
    assert_eq!(project, with_spans);
}

#[test]
fn reading_the_project_again_is_a_new_saved_revision_without_steps() {
    let (mut project, doc) = project_with_document();
    let mut history = History::<()>::new();
    let before = history.revision();
    let added = span(&mut project, 0, 7, "ORDINAL");
    history
        .apply(&mut project, Edit::InsertSpan { doc, span: added })
        .unwrap();
    let edited = history.revision();
    history.restart_saved();
    assert!(![before, edited].contains(&history.revision()));
    assert!(!history.is_dirty());
    assert!(!history.can_undo() && !history.can_redo());
}
