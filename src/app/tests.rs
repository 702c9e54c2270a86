//! Every [`AppCommand`] applied to a session on the bundled sample, without a window: what it
//! changes, what undo puts back, and what it refuses (changing nothing).

use super::*;
use crate::edit::review::{ReviewItem, review_items, review_of};
use crate::interchange::{ExportOptions, Format, Scope};
use crate::layout::Direction;
use crate::model::{
    ActorRole, DocId, DocStatus, EventCodes, LabelLanguage, MeetingField, MeetingId, Realis,
    ReviewState, SpanId, SpanRef,
};

const PERSIAN_ECO: &str = "000_cc14a8d638cfba9c.txt";
const ARABIC_ECO: &str = "001_fbc263693fc4a0ea.txt";
const SCO: &str = "004_ead77181adac0951.txt";

/// A session on a copy of the bundled sample (the Persian ECO article shown first).
fn session() -> (tempfile::TempDir, Session) {
    let dir = tempfile::tempdir().unwrap();
    let path = crate::sample::install(dir.path()).unwrap();
    let opened = crate::open::open_path(&path).unwrap();
    (dir, Session::from_opened(opened))
}

/// Applies a command that must be carried out, and what it asks of the window.
fn applied(session: &mut Session, command: AppCommand) -> Applied {
    let described = format!("{command:?}");
    session
        .apply(command)
        .unwrap_or_else(|refusal| panic!("{described} refused: {refusal}"))
}

/// Applies a command that must be carried out with nothing for the window to do.
fn ok(session: &mut Session, command: AppCommand) {
    let described = format!("{command:?}");
    let done = applied(session, command);
    assert!(
        done.effects.is_empty(),
        "{described} asked the window for more"
    );
}

/// Applies a command that must be refused, and checks that it changed nothing.
fn refused(session: &mut Session, command: AppCommand) -> Refusal {
    let before = (session.project().clone(), session.cursor().clone());
    let revision = session.history().revision();
    let described = format!("{command:?}");
    let Err(refusal) = session.apply(command) else {
        panic!("{described} was not refused");
    };
    assert!(
        session.project() == &before.0,
        "{described} changed the project"
    );
    assert_eq!(session.cursor(), &before.1, "{described} moved the cursor");
    assert_eq!(session.history().revision(), revision);
    // Words of the other direction are isolated in the message (U+2068…U+2069).
    let message = session
        .message()
        .map(|m| m.replace(['\u{2068}', '\u{2069}'], ""));
    assert_eq!(message, Some(format!("Not done: {refusal}.")));
    refusal
}

fn doc_id(session: &Session, path: &str) -> DocId {
    session.project().document_by_path(path).unwrap().id
}

fn show(session: &mut Session, path: &str) {
    let doc = doc_id(session, path);
    ok(session, AppCommand::OpenDocument(doc));
}

/// Selects the first occurrence of `words` in the shown article, as the article view does.
fn select(session: &mut Session, words: &str) {
    select_part(session, words, 0..words.len());
}

/// Selects the bytes `part` of the first occurrence of `words`.
fn select_part(session: &mut Session, words: &str, part: std::ops::Range<usize>) {
    let text = session.article().unwrap().text().unwrap();
    let start = text
        .find(words)
        .unwrap_or_else(|| panic!("{words} not shown"));
    let selection = TextSelection {
        anchor: start + part.start,
        focus: start + part.end,
    };
    ok(
        session,
        AppCommand::Select {
            selection,
            span: None,
        },
    );
}

/// Selects nothing.
fn select_nothing(session: &mut Session) {
    let selection = TextSelection::default();
    ok(
        session,
        AppCommand::Select {
            selection,
            span: None,
        },
    );
}

/// A span of the shown document.
fn span_of(session: &Session, id: SpanId) -> crate::model::Span {
    spans_of(session).into_iter().find(|s| s.id == id).unwrap()
}

fn spans_of(session: &Session) -> Vec<crate::model::Span> {
    let doc = session.doc().unwrap();
    session.project().document(doc).unwrap().spans.clone()
}

fn span_quoting(session: &Session, quote: &str) -> SpanId {
    spans_of(session)
        .iter()
        .find(|s| s.quote() == quote)
        .unwrap_or_else(|| panic!("no span {quote}"))
        .id
}

/// A new meeting from the SCO article's words that report it, made current.
fn new_sco_meeting(session: &mut Session) -> MeetingId {
    show(session, SCO);
    select(session, "جلسه شورای وزیران خارجه");
    ok(session, AppCommand::NewMeeting);
    session.cursor().meeting.unwrap()
}

/// Tags `words` with `label`; the new span is selected.
fn tag(session: &mut Session, words: &str, label: &str) -> SpanId {
    select(session, words);
    ok(session, AppCommand::ApplyLabel(label.into()));
    session.cursor().span.unwrap()
}

fn eco_meeting(session: &Session) -> MeetingId {
    let doc = doc_id(session, PERSIAN_ECO);
    crate::records::meetings_in(session.project(), doc)[0]
}

fn meeting(session: &Session, id: MeetingId) -> crate::model::Meeting {
    session.project().meeting(id).unwrap().clone()
}

fn undo(session: &mut Session) {
    ok(session, AppCommand::Undo);
}

#[test]
fn save_writes_the_project_and_it_is_no_longer_dirty() {
    let (dir, mut session) = session();
    ok(&mut session, AppCommand::MarkReadyForReview);
    assert!(session.history().is_dirty());
    ok(&mut session, AppCommand::Save);
    session.wait_for_save();
    assert!(!session.history().is_dirty());
    let saved = crate::store::load(&dir.path().join(crate::sample::PROJECT_FILE)).unwrap();
    assert!(saved == *session.project());
}

#[test]
fn a_save_asked_for_while_a_save_runs_is_not_dropped() {
    // Ctrl+S while the autosave ran was ignored: the file kept the autosave's older snapshot
    // (seen as a flaky "reloads exactly" in a window test).
    let (dir, mut session) = session();
    ok(&mut session, AppCommand::MarkReadyForReview);
    session.start_save();
    tag(&mut session, "خبرنگار", "ORG");
    ok(&mut session, AppCommand::Save);
    session.wait_for_save();
    assert!(!session.history().is_dirty());
    let saved = crate::store::load(&dir.path().join(crate::sample::PROJECT_FILE)).unwrap();
    assert!(saved == *session.project(), "the file has the latest work");
}

#[test]
fn work_that_cannot_be_saved_is_kept_aside_and_offered_back() {
    // Closing the window when the project could not be saved (another program changed its
    // file) discarded the unsaved edits with one line on stderr.
    let (_dir, mut session) = session();
    let path = session.project_path();
    tag(&mut session, "خبرنگار", "ORG");
    let unsaved = session.project().clone();
    let elsewhere = format!(
        "{}// changed by another program\n",
        std::fs::read_to_string(&path).unwrap()
    );
    std::fs::write(&path, &elsewhere).unwrap();
    let error = session.save_before_exit().unwrap_err();
    assert!(error.contains("kept in"), "{error}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        elsewhere,
        "not saved over"
    );
    drop(session);
    // The next opening offers it back; restored, it is saved into the project file.
    let mut next = Session::from_opened(crate::open::open_path(&path).unwrap());
    assert!(next.recovery_available());
    ok(&mut next, AppCommand::RestoreRecovery);
    assert!(*next.project() == unsaved);
    assert!(!next.recovery_available());
    assert!(!next.history().is_dirty());
    assert!(crate::store::load(&path).unwrap() == unsaved);
    assert_eq!(
        std::fs::read_to_string(crate::store::backup_path(&path)).unwrap(),
        elsewhere,
        "the other program's version stays as the backup"
    );
    refused(&mut next, AppCommand::RestoreRecovery);
    // Or it is discarded.
    crate::store::write_recovery(&path, &unsaved).unwrap();
    ok(&mut next, AppCommand::DiscardRecovery);
    assert!(!next.recovery_available());
    refused(&mut next, AppCommand::DiscardRecovery);
}

#[test]
fn undo_and_redo_bring_back_the_project_and_where_the_analyst_was() {
    let (_dir, mut session) = session();
    select(&mut session, "خبرنگار");
    let selected = session.cursor().clone();
    ok(&mut session, AppCommand::ApplyLabel("ORG".into()));
    let span = session.cursor().span.unwrap();
    let tagged = session.project().clone();
    undo(&mut session);
    assert!(spans_of(&session).iter().all(|s| s.id != span));
    assert_eq!(session.cursor(), &selected, "the selection comes back");
    // Undo from another document goes back to the document of the step.
    show(&mut session, SCO);
    ok(&mut session, AppCommand::Redo);
    assert!(*session.project() == tagged);
    assert_eq!(session.doc(), Some(doc_id(&session, PERSIAN_ECO)));
    assert_eq!(session.cursor().span, Some(span), "redo selects the span");
    assert!(session.cursor().selection.is_empty());
    // Nothing left to redo: nothing happens.
    let revision = session.history().revision();
    ok(&mut session, AppCommand::Redo);
    assert_eq!(session.history().revision(), revision);
}

#[test]
fn open_document_shows_it_and_an_unknown_one_is_refused() {
    let (_dir, mut session) = session();
    show(&mut session, SCO);
    let article = session.article().unwrap();
    assert_eq!(article.doc, doc_id(&session, SCO));
    assert!(article.text().unwrap().contains("شانگهای"));
    // The meetings panel follows: the SCO article's first meeting is current.
    let here = crate::records::meetings_in(session.project(), article.doc);
    assert_eq!(session.cursor().meeting, here.first().copied());
    refused(&mut session, AppCommand::OpenDocument(DocId(9999)));
}

#[test]
fn next_and_previous_document_follow_the_list_as_filtered() {
    let (_dir, mut session) = session();
    ok(&mut session, AppCommand::NextDocument);
    assert_eq!(session.doc(), Some(doc_id(&session, ARABIC_ECO)));
    ok(&mut session, AppCommand::PreviousDocument);
    assert_eq!(session.doc(), Some(doc_id(&session, PERSIAN_ECO)));
    // At the start of the list: stays.
    ok(&mut session, AppCommand::PreviousDocument);
    assert_eq!(session.doc(), Some(doc_id(&session, PERSIAN_ECO)));
    // Only new documents listed: next skips those the list does not show.
    ok(
        &mut session,
        AppCommand::SetStatusFilter(Some(DocStatus::New)),
    );
    ok(&mut session, AppCommand::NextDocument);
    assert_eq!(
        session.doc(),
        Some(doc_id(&session, "002_2da234dc36597399.txt"))
    );
    ok(&mut session, AppCommand::NextDocument);
    assert_eq!(
        session.doc(),
        Some(doc_id(&session, "003_02ac5757cc1509ab.txt"))
    );
    ok(&mut session, AppCommand::NextDocument);
    assert_eq!(
        session.doc(),
        Some(doc_id(&session, "003_02ac5757cc1509ab.txt")),
        "the last one shown"
    );
}

#[test]
fn the_document_filter_folds_spelling() {
    let (_dir, mut session) = session();
    assert_eq!(session.documents().shown().len(), 5);
    // Arabic yeh and kaf find the Persian title.
    ok(
        &mut session,
        AppCommand::SetDocumentFilter("شانگهاي".into()),
    );
    let shown: Vec<&str> = session
        .documents()
        .shown()
        .iter()
        .map(|&i| session.project().documents[i].path.as_str())
        .collect();
    assert_eq!(shown, [SCO]);
    assert_eq!(session.documents().filter(), "شانگهاي");
    ok(&mut session, AppCommand::SetDocumentFilter(String::new()));
    assert_eq!(session.documents().shown().len(), 5);
}

#[test]
fn the_status_filter_lists_documents_of_one_status_and_follows_changes() {
    let (_dir, mut session) = session();
    let ready = Some(DocStatus::ReadyForReview);
    ok(&mut session, AppCommand::SetStatusFilter(ready));
    assert!(session.documents().shown().is_empty());
    ok(&mut session, AppCommand::MarkReadyForReview);
    assert_eq!(
        session.documents().shown(),
        [0],
        "the list follows the change"
    );
    assert_eq!(session.documents().status(), ready);
}

#[test]
fn mark_ready_for_review_is_one_undo_step() {
    let (_dir, mut session) = session();
    let doc = session.doc().unwrap();
    ok(&mut session, AppCommand::MarkReadyForReview);
    let status = |s: &Session| s.project().document(doc).unwrap().status;
    assert_eq!(status(&session), DocStatus::ReadyForReview);
    undo(&mut session);
    assert_eq!(status(&session), DocStatus::InProgress);
}

#[test]
fn set_published_reads_any_calendar_and_refuses_what_is_not_a_day() {
    let (_dir, mut session) = session();
    let doc = session.doc().unwrap();
    let published = |s: &Session| s.project().document(doc).unwrap().published.clone();
    ok(&mut session, AppCommand::SetPublished("۲۲ تیر ۱۴۰۲".into()));
    assert_eq!(published(&session).as_deref(), Some("2023-07-13"));
    let refusal = refused(&mut session, AppCommand::SetPublished("تیر".into()));
    assert!(matches!(refusal, Refusal::NotADay(_)));
    ok(&mut session, AppCommand::SetPublished(" ".into()));
    assert_eq!(published(&session), None, "blank clears it");
}

#[test]
fn reanchor_moves_the_spans_of_a_changed_article_and_undo_flags_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = crate::sample::install(dir.path()).unwrap();
    let article = dir.path().join("sample").join(PERSIAN_ECO);
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(&article, format!("تیتر تازه\n{text}")).unwrap();
    let mut session = Session::from_opened(crate::open::open_path(&path).unwrap());
    assert!(session.article().unwrap().reanchor.is_some());
    let before = spans_of(&session);
    ok(&mut session, AppCommand::Reanchor);
    assert!(session.article().unwrap().reanchor.is_none());
    let shift = "تیتر تازه\n".chars().count();
    for (old, new) in before.iter().zip(spans_of(&session)) {
        assert_eq!(new.start, old.start + shift);
    }
    undo(&mut session);
    assert!(session.article().unwrap().reanchor.is_some());
    // An unchanged article has nothing to re-anchor.
    show(&mut session, SCO);
    refused(&mut session, AppCommand::Reanchor);
}

#[test]
fn select_keeps_a_selection_inside_the_text() {
    let (_dir, mut session) = session();
    select(&mut session, "اسکندر مومنی");
    assert_eq!(session.selection_in_chars(), Some(23..35));
    let len = session.article().unwrap().text().unwrap().len();
    let beyond = TextSelection {
        anchor: len + 10,
        focus: 1,
    };
    ok(
        &mut session,
        AppCommand::Select {
            selection: beyond,
            span: Some(SpanId(9999)),
        },
    );
    // Past the end comes back to it; inside a letter goes to the start; no such span.
    assert_eq!(session.cursor().selection.anchor, len);
    assert_eq!(session.cursor().selection.focus, 0);
    assert_eq!(session.cursor().span, None);
}

#[test]
fn select_span_selects_it_and_brings_it_into_view() {
    let (_dir, mut session) = session();
    let span = span_quoting(&session, "پاکستان");
    ok(&mut session, AppCommand::SelectSpan(span));
    assert_eq!(session.cursor().span, Some(span));
    let text = session.article().unwrap().text().unwrap().to_string();
    let at = session.take_reveal().unwrap();
    assert!(text[at..].starts_with("پاکستان"));
    assert_eq!(session.take_reveal(), None, "once");
    refused(&mut session, AppCommand::SelectSpan(SpanId(9999)));
}

#[test]
fn go_to_span_opens_its_document() {
    let (_dir, mut session) = session();
    let arabic = doc_id(&session, ARABIC_ECO);
    let span = session
        .project()
        .document(arabic)
        .unwrap()
        .spans
        .iter()
        .find(|s| s.quote() == "طهران")
        .unwrap()
        .id;
    let at = crate::model::SpanRef { doc: arabic, span };
    ok(&mut session, AppCommand::GoToSpan(at));
    assert_eq!(session.doc(), Some(arabic));
    assert_eq!(session.cursor().span, Some(span));
    let missing = crate::model::SpanRef {
        doc: arabic,
        span: SpanId(9999),
    };
    refused(&mut session, AppCommand::GoToSpan(missing));
}

#[test]
fn next_and_previous_span_go_in_reading_order() {
    let (_dir, mut session) = session();
    let ids: Vec<SpanId> = spans_of(&session).iter().map(|s| s.id).collect();
    ok(&mut session, AppCommand::NextSpan);
    assert_eq!(session.cursor().span, Some(ids[0]));
    ok(&mut session, AppCommand::NextSpan);
    assert_eq!(session.cursor().span, Some(ids[1]));
    ok(&mut session, AppCommand::PreviousSpan);
    assert_eq!(session.cursor().span, Some(ids[0]));
    ok(&mut session, AppCommand::PreviousSpan);
    assert_eq!(session.cursor().span, Some(ids[0]), "stays on the first");
}

#[test]
fn apply_label_tags_the_selection_widened_to_words_or_relabels_the_span() {
    let (_dir, mut session) = session();
    // From inside «ایلنا» to its end: snapped to the word.
    select_part(&mut session, "ایلنا", "ای".len().."ایلنا".len());
    ok(&mut session, AppCommand::ApplyLabel("ORG".into()));
    let span = session.cursor().span.unwrap();
    let tagged = span_of(&session, span);
    assert_eq!((tagged.quote(), tagged.label.as_str()), ("ایلنا", "ORG"));
    assert_eq!(tagged.author, "annotator");
    assert!(session.cursor().selection.is_empty());
    // The same words and label again: that span is selected, no second one is made.
    let count = spans_of(&session).len();
    select_part(&mut session, "ایلنا", 0.."ایلنا".len());
    ok(&mut session, AppCommand::ApplyLabel("ORG".into()));
    assert_eq!(spans_of(&session).len(), count);
    assert_eq!(session.cursor().span, Some(span));
    // With no text selected, the key relabels the selected span.
    ok(&mut session, AppCommand::ApplyLabel("GPE".into()));
    let relabelled = span_of(&session, span);
    assert_eq!(relabelled.label, "GPE");
    refused(&mut session, AppCommand::ApplyLabel("NOPE".into()));
    select_nothing(&mut session);
    refused(&mut session, AppCommand::ApplyLabel("PER".into()));
}

/// The question a command put instead of going ahead.
fn asked(session: &mut Session, command: AppCommand) -> crate::app::Confirmation {
    let revision = session.history().revision();
    let done = applied(session, command);
    assert_eq!(
        session.history().revision(),
        revision,
        "asking changed nothing"
    );
    match done.effects.as_slice() {
        [Effect::Confirm(confirmation)] => confirmation.clone(),
        other => panic!("no question but {other:?}"),
    }
}

#[test]
fn delete_span_asks_before_detaching_a_span_records_rest_on() {
    let (_dir, mut session) = session();
    let span = tag(&mut session, "خبرنگار", "ORG");
    ok(&mut session, AppCommand::DeleteSpan);
    assert!(spans_of(&session).iter().all(|s| s.id != span));
    assert_eq!(session.cursor().span, None);
    refused(&mut session, AppCommand::DeleteSpan);
    // The ECO meeting's trigger words are its evidence: the window asks, naming the meeting.
    let eco = eco_meeting(&session);
    let trigger = span_quoting(&session, "نشست وزیران کشور");
    ok(&mut session, AppCommand::SelectSpan(trigger));
    let question = asked(&mut session, AppCommand::DeleteSpan);
    assert_eq!(question.items.len(), 1);
    assert!(
        question.items[0].starts_with("سازمان همکاری اقتصادی اکو"),
        "{:?}",
        question.items
    );
    assert!(!question.items[0].contains("m61"));
    // Going ahead detaches and deletes in one step; the meeting keeps its values.
    let before = meeting(&session, eco);
    ok(&mut session, question.command.clone());
    assert!(spans_of(&session).iter().all(|s| s.id != trigger));
    let after = meeting(&session, eco);
    assert!(after.evidence_spans().all(|at| at.span != trigger));
    assert_eq!(
        (
            after.organization.map(|o| o.value),
            after.ordinal.map(|o| o.value)
        ),
        (
            before.organization.as_ref().map(|o| o.value),
            before.ordinal.as_ref().map(|o| o.value)
        )
    );
    undo(&mut session);
    assert_eq!(meeting(&session, eco), before);
    assert!(spans_of(&session).iter().any(|s| s.id == trigger));
}

#[test]
fn replace_and_remove_meeting_evidence_swap_the_trigger_words() {
    let (_dir, mut session) = session();
    let eco = eco_meeting(&session);
    ok(&mut session, AppCommand::SelectMeeting(eco));
    let doc = session.doc().unwrap();
    let old = SpanRef {
        doc,
        span: span_quoting(&session, "نشست وزیران کشور"),
    };
    assert!(meeting(&session, eco).evidence.contains(&old));
    // Nothing selected: nothing to put in its place.
    select_nothing(&mut session);
    refused(&mut session, AppCommand::ReplaceMeetingEvidence(old));
    select(
        &mut session,
        "چهارمین نشست وزیران کشور عضو سازمان همکاری اقتصادی اکو",
    );
    ok(&mut session, AppCommand::ReplaceMeetingEvidence(old));
    let replaced = meeting(&session, eco);
    let new = replaced.evidence[0];
    assert_eq!(
        session.project().span(new).unwrap().quote(),
        "چهارمین نشست وزیران کشور عضو سازمان همکاری اقتصادی اکو"
    );
    assert!(!replaced.evidence.contains(&old));
    // The old words also give the meeting's body: they stay on the article.
    assert_eq!(replaced.evidence_of(MeetingField::Body), Some(old));
    assert!(session.project().span(old).is_some());
    // The new words are trigger words only: taken off the list, they go too.
    ok(&mut session, AppCommand::RemoveMeetingEvidence(new));
    assert!(!meeting(&session, eco).evidence.contains(&new));
    assert!(session.project().span(new).is_none());
    refused(&mut session, AppCommand::RemoveMeetingEvidence(new));
    undo(&mut session);
    assert_eq!(meeting(&session, eco).evidence[0], new);
    assert!(session.project().span(new).is_some());
    undo(&mut session);
    assert!(meeting(&session, eco).evidence.contains(&old));
}

#[test]
fn handing_over_with_required_fields_empty_asks_first() {
    let (_dir, mut session) = session();
    // The SCO article's new meeting has no organization yet (a required field).
    new_sco_meeting(&mut session);
    ok(
        &mut session,
        AppCommand::SetLabelLanguage(LabelLanguage::Persian),
    );
    let question = asked(&mut session, AppCommand::MarkReadyForReview);
    assert!(
        question.items.iter().any(|i| i.contains("خالی: سازمان")),
        "{:?}",
        question.items
    );
    let doc = session.doc().unwrap();
    assert_ne!(
        session.project().document(doc).unwrap().status,
        DocStatus::ReadyForReview
    );
    ok(&mut session, question.command);
    assert_eq!(
        session.project().document(doc).unwrap().status,
        DocStatus::ReadyForReview
    );
    // Finishing the review asks too; sending it back does not.
    let finish = AppCommand::FinishReview {
        reviewed: true,
        note: String::new(),
    };
    let question = asked(&mut session, finish);
    ok(&mut session, question.command);
    assert_eq!(
        session.project().document(doc).unwrap().status,
        DocStatus::Reviewed
    );
    // A confirmed command with nothing to ask about is just the command.
    let nothing_to_ask = AppCommand::Confirmed(Box::new(AppCommand::NextSpan));
    ok(&mut session, nothing_to_ask);
}

#[test]
fn move_span_edge_by_word_or_letter_and_resize_span_are_one_undo_step_each() {
    let (_dir, mut session) = session();
    let span = span_quoting(&session, "اسکندر مومنی");
    ok(&mut session, AppCommand::SelectSpan(span));
    let quote = |s: &Session| span_of(s, span).quote().to_string();
    let linked_to = span_of(&session, span).entity;
    assert!(linked_to.is_some());
    let edge = |edge, forward| AppCommand::MoveSpanEdge { edge, forward };
    // Snapping to words is on: the start goes back over the previous word.
    ok(&mut session, edge(Edge::Start, false));
    assert_eq!(quote(&session), "ایلنا اسکندر مومنی");
    let moved = span_of(&session, span);
    assert_eq!(moved.prefix(), "به گزارش خبرنگار ");
    assert_eq!((moved.entity, moved.label.as_str()), (linked_to, "PER"));
    undo(&mut session);
    assert_eq!(quote(&session), "اسکندر مومنی");
    // A one-word span cannot lose its last word.
    ok(&mut session, edge(Edge::End, false));
    assert_eq!(quote(&session), "اسکندر");
    refused(&mut session, edge(Edge::End, false));
    refused(&mut session, edge(Edge::Start, true));
    // Without snapping, a letter at a time.
    ok(&mut session, AppCommand::SetSnapToWords(false));
    ok(&mut session, edge(Edge::End, true));
    assert_eq!(quote(&session), "اسکندر ");
    ok(&mut session, edge(Edge::End, true));
    assert_eq!(quote(&session), "اسکندر م");
    // A dragged handle gives the bytes the span now covers.
    let text = session.article().unwrap().text().unwrap();
    let start = text.find("مومنی").unwrap();
    ok(
        &mut session,
        AppCommand::ResizeSpan(start..start + "مومنی".len()),
    );
    assert_eq!(quote(&session), "مومنی");
    // Not inside a letter, not empty.
    refused(&mut session, AppCommand::ResizeSpan(start + 1..start + 4));
    refused(&mut session, AppCommand::ResizeSpan(start..start));
    undo(&mut session);
    assert_eq!(quote(&session), "اسکندر م");
    // Snapping to words, a handle let go inside a word takes the whole word.
    ok(&mut session, AppCommand::SetSnapToWords(true));
    let text = session.article().unwrap().text().unwrap();
    let start = text.find("مومنی").unwrap();
    let inside = start + "مو".len()..start + "مومنی".len();
    ok(&mut session, AppCommand::ResizeSpan(inside));
    assert_eq!(quote(&session), "مومنی");
}

#[test]
fn an_entitys_subtype_and_external_id_are_set_checked_and_searchable() {
    let (_dir, mut session) = session();
    let entity_of = |s: &Session, quote: &str| {
        let span = span_of(s, span_quoting(s, quote));
        span.entity.unwrap()
    };
    let eco = entity_of(&session, "سازمان همکاری اقتصادی اکو");
    let pakistan = entity_of(&session, "پاکستان");
    ok(
        &mut session,
        AppCommand::SetEntitySubtype(eco, Some("IGO".into())),
    );
    let stored = |s: &Session, id| s.project().entity(id).unwrap().clone();
    assert_eq!(stored(&session, eco).subtype.as_deref(), Some("IGO"));
    // Only a subtype of the entity's own label.
    refused(
        &mut session,
        AppCommand::SetEntitySubtype(eco, Some("XYZ".into())),
    );
    refused(
        &mut session,
        AppCommand::SetEntitySubtype(pakistan, Some("IGO".into())),
    );
    ok(&mut session, AppCommand::SetEntitySubtype(eco, None));
    assert_eq!(stored(&session, eco).subtype, None);
    undo(&mut session);
    assert_eq!(stored(&session, eco).subtype.as_deref(), Some("IGO"));
    // The QID as typed, stored in capitals; the entity is found by it.
    ok(
        &mut session,
        AppCommand::SetEntityExternalId(pakistan, " q843 ".into()),
    );
    assert_eq!(
        stored(&session, pakistan).external_id.as_deref(),
        Some("Q843")
    );
    let found = session.find_entities("GPE", "Q843", 5);
    assert_eq!(found.first().map(|(id, _)| *id), Some(pakistan));
    refused(
        &mut session,
        AppCommand::SetEntityExternalId(pakistan, "Q 843".into()),
    );
    ok(
        &mut session,
        AppCommand::SetEntityExternalId(pakistan, String::new()),
    );
    assert_eq!(stored(&session, pakistan).external_id, None);
}

#[test]
fn set_span_note_and_attributes() {
    let (_dir, mut session) = session();
    let span = tag(&mut session, "خبرنگار", "ORG");
    let stored = |s: &Session| span_of(s, span);
    ok(&mut session, AppCommand::SetSpanNote("خبرگزاری".into()));
    assert_eq!(stored(&session).note, "خبرگزاری");
    let set = |key: &str, value: Option<&str>| AppCommand::SetSpanAttribute {
        key: key.into(),
        value: value.map(String::from),
    };
    ok(&mut session, set("kind", Some("news agency")));
    assert_eq!(
        stored(&session).attributes.get("kind").map(String::as_str),
        Some("news agency")
    );
    let revision = session.history().revision();
    ok(&mut session, set(" ", Some("x")));
    assert_eq!(
        session.history().revision(),
        revision,
        "a blank key: no step"
    );
    ok(&mut session, set("kind", None));
    assert!(stored(&session).attributes.is_empty());
    select_nothing(&mut session);
    refused(&mut session, AppCommand::SetSpanNote("x".into()));
    refused(&mut session, set("kind", Some("x")));
}

#[test]
fn link_span_adds_the_new_spelling_as_an_alias_and_unlinks() {
    let (_dir, mut session) = session();
    show(&mut session, ARABIC_ECO);
    let minister = span_quoting(&session, "إسكندر مؤمني");
    let persian = session
        .project()
        .entities
        .iter()
        .find(|e| e.name == "اسکندر مومنی")
        .unwrap()
        .id;
    ok(&mut session, AppCommand::SelectSpan(minister));
    ok(&mut session, AppCommand::LinkSpan(None));
    assert_eq!(
        spans_of(&session)
            .iter()
            .find(|s| s.id == minister)
            .unwrap()
            .entity,
        None
    );
    // Found by the match key through its other spelling.
    let found = session.find_entities("PER", "إسكندر مؤمني", 8);
    assert_eq!(found.first().map(|(id, _)| *id), Some(persian));
    ok(&mut session, AppCommand::LinkSpan(Some(persian)));
    let entity = session.project().entity(persian).unwrap();
    assert!(entity.aliases.iter().any(|a| a == "إسكندر مؤمني"));
    refused(
        &mut session,
        AppCommand::LinkSpan(Some(crate::model::EntityId(9999))),
    );
    // A trigger span is not linked to entities.
    let trigger = span_quoting(&session, "اجتماع وزراء الدول الأعضاء");
    ok(&mut session, AppCommand::SelectSpan(trigger));
    let refusal = refused(&mut session, AppCommand::LinkSpan(Some(persian)));
    assert!(matches!(refusal, Refusal::NotLinkable(_)));
}

#[test]
fn new_entity_from_span_names_it_after_the_span() {
    let (_dir, mut session) = session();
    let span = tag(&mut session, "خبرنگار", "ORG");
    let before = session.project().entities.len();
    ok(&mut session, AppCommand::NewEntityFromSpan);
    assert_eq!(session.project().entities.len(), before + 1);
    let linked = span_of(&session, span);
    let entity = session.project().entity(linked.entity.unwrap()).unwrap();
    assert_eq!(
        (entity.name.as_str(), entity.kind.as_str()),
        ("خبرنگار", "ORG")
    );
    undo(&mut session);
    assert_eq!(session.project().entities.len(), before, "one step");
}

#[test]
fn find_occurrences_in_the_document_at_once_and_in_the_corpus_on_a_thread() {
    let (_dir, mut session) = session();
    tag(&mut session, "ایران", "GPE");
    ok(
        &mut session,
        AppCommand::FindOccurrences {
            whole_corpus: false,
        },
    );
    let here = session.suggestions().to_vec();
    // Five in the article, one just tagged, one tagged already as the ECO meeting's host.
    assert_eq!(here.len(), 3, "{here:?}");
    assert!(here.iter().all(|s| s.quote == "ایران"));
    let done = applied(
        &mut session,
        AppCommand::FindOccurrences { whole_corpus: true },
    );
    let [Effect::FindOccurrencesInCorpus(search)] = done.effects.as_slice() else {
        panic!("a search for the window to run: {:?}", done.effects);
    };
    let found = search.run(&mut |_, _| {}, &std::sync::atomic::AtomicBool::new(false));
    session.take_suggestions(found, &search.quote);
    let docs: std::collections::BTreeSet<_> = session.suggestions().iter().map(|s| s.doc).collect();
    // Three Persian articles name ایران, the Arabic one إيران: one name through the match key.
    assert_eq!(docs.len(), 4);
    assert!(session.suggestions().iter().any(|s| s.quote == "إيران"));
    ok(&mut session, AppCommand::RejectAllSuggestions);
    assert!(session.suggestions().is_empty());
    // Nothing selected: nothing to look for.
    select_nothing(&mut session);
    refused(
        &mut session,
        AppCommand::FindOccurrences { whole_corpus: true },
    );
}

#[test]
fn suggestions_are_accepted_in_one_step_or_rejected() {
    let (_dir, mut session) = session();
    tag(&mut session, "ایران", "GPE");
    let find = AppCommand::FindOccurrences {
        whole_corpus: false,
    };
    ok(&mut session, find.clone());
    let count = session.suggestions().len();
    assert_eq!(count, 3);
    ok(&mut session, AppCommand::RejectSuggestion(0));
    assert_eq!(session.suggestions().len(), count - 1);
    let spans = spans_of(&session).len();
    ok(&mut session, AppCommand::AcceptSuggestions(Some(vec![0])));
    assert_eq!(spans_of(&session).len(), spans + 1);
    assert_eq!(session.suggestions().len(), count - 2);
    ok(&mut session, AppCommand::AcceptSuggestions(None));
    assert_eq!(spans_of(&session).len(), spans + count - 1);
    assert!(session.suggestions().is_empty());
    undo(&mut session);
    assert_eq!(
        spans_of(&session).len(),
        spans + 1,
        "all of them in one step"
    );
    ok(&mut session, find);
    ok(&mut session, AppCommand::RejectAllSuggestions);
    assert!(session.suggestions().is_empty());
}

#[test]
fn new_meeting_and_outcome_from_the_selection_become_current() {
    let (_dir, mut session) = session();
    let id = new_sco_meeting(&mut session);
    assert_eq!(session.page(), Page::Meetings);
    let trigger = meeting(&session, id).evidence[0];
    assert_eq!(
        session.project().span(trigger).unwrap().quote(),
        "جلسه شورای وزیران خارجه"
    );
    select(&mut session, "برنامه عملیاتی مشترکی را تصویب کردند");
    ok(&mut session, AppCommand::NewOutcome);
    let outcome = session.cursor().outcome.unwrap();
    assert_eq!(
        session.project().outcome(outcome).unwrap().meeting,
        Some(id)
    );
    // Undo both: the records go, and the cursor with them.
    undo(&mut session);
    assert_eq!(session.cursor().outcome, None);
    undo(&mut session);
    assert!(session.project().meeting(id).is_none());
    assert_ne!(session.cursor().meeting, Some(id));
    // Without a meeting, no outcome.
    show(&mut session, "003_02ac5757cc1509ab.txt");
    assert_eq!(session.cursor().meeting, None);
    refused(&mut session, AppCommand::NewOutcome);
}

#[test]
fn select_meeting_and_outcome() {
    let (_dir, mut session) = session();
    let eco = eco_meeting(&session);
    let sco = MeetingId(7);
    ok(&mut session, AppCommand::SelectMeeting(sco));
    assert_eq!(session.cursor().meeting, Some(sco));
    let outcome = session.project().outcomes_of(eco).next().unwrap().id;
    ok(&mut session, AppCommand::SelectOutcome(Some(outcome)));
    assert_eq!(session.cursor().outcome, Some(outcome));
    assert_eq!(session.cursor().meeting, Some(eco), "its meeting with it");
    ok(&mut session, AppCommand::SelectOutcome(None));
    assert_eq!(session.cursor().outcome, None);
    refused(&mut session, AppCommand::SelectMeeting(MeetingId(9999)));
    refused(
        &mut session,
        AppCommand::SelectOutcome(Some(crate::model::OutcomeId(9999))),
    );
}

#[test]
fn attach_to_meeting_adds_this_articles_words_as_evidence() {
    let (_dir, mut session) = session();
    let eco = eco_meeting(&session);
    show(&mut session, "002_2da234dc36597399.txt");
    let text = session.article().unwrap().text().unwrap().to_string();
    let words = text
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    refused(&mut session, AppCommand::AttachToMeeting(eco));
    select(&mut session, &words);
    let before = meeting(&session, eco).evidence.len();
    ok(&mut session, AppCommand::AttachToMeeting(eco));
    assert_eq!(meeting(&session, eco).evidence.len(), before + 1);
    assert_eq!(session.cursor().meeting, Some(eco));
}

#[test]
fn fill_meeting_field_reads_the_value_and_keeps_its_evidence() {
    let (_dir, mut session) = session();
    let id = new_sco_meeting(&mut session);
    refused(
        &mut session,
        AppCommand::FillMeetingField(MeetingField::Venue),
    );
    select(&mut session, "13 الی 14 ژوئیه");
    ok(
        &mut session,
        AppCommand::FillMeetingField(MeetingField::Start),
    );
    let filled = meeting(&session, id);
    assert_eq!(filled.start.unwrap().value.iso, "2021-07-13");
    assert_eq!(filled.end.unwrap().value.iso, "2021-07-14");
    select(&mut session, "دوشنبه");
    let refusal = refused(
        &mut session,
        AppCommand::FillMeetingField(MeetingField::Start),
    );
    assert!(matches!(refusal, Refusal::Record(_)), "not a date");
    ok(
        &mut session,
        AppCommand::FillMeetingField(MeetingField::Venue),
    );
    assert!(meeting(&session, id).venue.is_some());
}

#[test]
fn clear_meeting_field_choice_and_realis_change_the_current_meeting() {
    let (_dir, mut session) = session();
    let eco = eco_meeting(&session);
    assert_eq!(session.cursor().meeting, Some(eco));
    ok(
        &mut session,
        AppCommand::ClearMeetingField(MeetingField::Ordinal),
    );
    assert!(meeting(&session, eco).ordinal.is_none());
    // Clearing an empty field is no step.
    let revision = session.history().revision();
    ok(
        &mut session,
        AppCommand::ClearMeetingField(MeetingField::Ordinal),
    );
    assert_eq!(session.history().revision(), revision);
    // Cleared, the ordinal's words (an ORDINAL span) stay on the article; the level's words
    // here are the meeting's trigger words, which stay too.
    assert!(spans_of(&session).iter().any(|s| s.quote() == "چهارمین"));
    let level_words = meeting(&session, eco)
        .evidence_of(MeetingField::Level)
        .unwrap();
    ok(
        &mut session,
        AppCommand::ClearMeetingField(MeetingField::Level),
    );
    assert!(session.project().span(level_words).is_some());
    undo(&mut session);
    // On the SCO article the level's words are only its evidence: cleared, they go too.
    show(&mut session, SCO);
    let sco_doc = doc_id(&session, SCO);
    let sco = crate::records::meetings_in(session.project(), sco_doc)[0];
    ok(&mut session, AppCommand::SelectMeeting(sco));
    let level_words = meeting(&session, sco)
        .evidence_of(MeetingField::Level)
        .unwrap();
    assert_eq!(
        session.project().span(level_words).unwrap().label,
        "EVIDENCE"
    );
    ok(
        &mut session,
        AppCommand::ClearMeetingField(MeetingField::Level),
    );
    assert!(session.project().span(level_words).is_none());
    undo(&mut session);
    assert!(session.project().span(level_words).is_some());
    show(&mut session, PERSIAN_ECO);
    ok(&mut session, AppCommand::SelectMeeting(eco));
    ok(
        &mut session,
        AppCommand::SetMeetingChoice(MeetingField::Level, "summit".into()),
    );
    assert_eq!(
        meeting(&session, eco).choice(MeetingField::Level),
        Some("summit")
    );
    ok(&mut session, AppCommand::SetRealis(Realis::Planned));
    assert_eq!(meeting(&session, eco).realis, Realis::Planned);
    // The same value again is no step.
    let revision = session.history().revision();
    ok(&mut session, AppCommand::SetRealis(Realis::Planned));
    assert_eq!(session.history().revision(), revision);
    show(&mut session, "003_02ac5757cc1509ab.txt");
    refused(&mut session, AppCommand::SetRealis(Realis::Held));
}

#[test]
fn a_date_the_articles_do_not_state_is_recorded_as_such() {
    let (_dir, mut session) = session();
    let eco = eco_meeting(&session);
    let problems = |s: &Session| {
        crate::model::validate::meeting_problems(s.project(), s.project().meeting(eco).unwrap())
    };
    // The sample records it as not stated; taken back, the date is missing.
    assert!(meeting(&session, eco).date_not_stated);
    assert_eq!(problems(&session), Vec::new());
    ok(&mut session, AppCommand::SetDateNotStated(false));
    let missing = problems(&session);
    assert!(
        missing
            .iter()
            .any(|p| p.to_string().contains("no start date")),
        "{missing:?}"
    );
    ok(&mut session, AppCommand::SetDateNotStated(true));
    assert_eq!(problems(&session), Vec::new(), "recorded, not missing");
    // With a publication date, that is the latest the meeting can have been.
    assert_eq!(
        session.project().latest_date_of(&meeting(&session, eco)),
        None
    );
    ok(&mut session, AppCommand::SetPublished("2023-07-13".into()));
    let latest = session.project().latest_date_of(&meeting(&session, eco));
    assert_eq!(latest.as_deref(), Some("2023-07-13"));
    // A date read from the text is a stated date.
    show(&mut session, SCO);
    ok(&mut session, AppCommand::SelectMeeting(eco));
    select(&mut session, "13 الی 14 ژوئیه");
    ok(
        &mut session,
        AppCommand::FillMeetingField(MeetingField::Start),
    );
    let dated = meeting(&session, eco);
    assert!(!dated.date_not_stated);
    assert_eq!(dated.start.unwrap().value.iso, "2021-07-13");
}

#[test]
fn participants_change_role_go_and_come_as_groups() {
    let (_dir, mut session) = session();
    let eco = eco_meeting(&session);
    ok(
        &mut session,
        AppCommand::SetParticipantRole {
            index: 0,
            role: "chair".into(),
        },
    );
    assert_eq!(meeting(&session, eco).participants[0].role, "chair");
    select(&mut session, "دو کشور");
    ok(
        &mut session,
        AppCommand::AddParticipantGroup {
            count: Some(2),
            description: "کشور".into(),
            role: "special_guest".into(),
        },
    );
    let group = meeting(&session, eco).participants.last().cloned().unwrap();
    assert_eq!((group.count, group.entity), (Some(2), None));
    assert!(!group.all_members);
    assert_eq!(
        session
            .project()
            .span(group.evidence.unwrap())
            .unwrap()
            .quote(),
        "دو کشور"
    );
    let before = meeting(&session, eco).participants.len();
    ok(&mut session, AppCommand::RemoveParticipant(0));
    assert_eq!(meeting(&session, eco).participants.len(), before - 1);
    // "All member states": a group with no count, and not a problem for lacking one.
    select(&mut session, "کشورهای عضو");
    ok(
        &mut session,
        AppCommand::AddParticipantGroup {
            count: None,
            description: "کشورهای عضو".into(),
            role: "member".into(),
        },
    );
    let all = meeting(&session, eco).participants.last().cloned().unwrap();
    assert_eq!((all.count, all.all_members), (None, true));
    // From the words alone: the number, who, and the role they propose.
    select(&mut session, "دو کشور به عنوان مهمان ویژه");
    ok(&mut session, AppCommand::AddParticipantGroupFromSelection);
    let guests = meeting(&session, eco).participants.last().cloned().unwrap();
    assert_eq!(
        (
            guests.count,
            guests.description.as_str(),
            guests.role.as_str()
        ),
        (Some(2), "کشور", "special_guest")
    );
    select(&mut session, "کشورهای عضو اکو");
    ok(&mut session, AppCommand::AddParticipantGroupFromSelection);
    let members = meeting(&session, eco).participants.last().cloned().unwrap();
    assert_eq!(
        (members.count, members.all_members, members.role.as_str()),
        (None, true, "member")
    );
    // Words that give neither a number nor every member: refused, nothing changed.
    select(&mut session, "سیاست قطعی");
    refused(&mut session, AppCommand::AddParticipantGroupFromSelection);
    let problems =
        crate::model::validate::meeting_problems(session.project(), &meeting(&session, eco));
    assert!(
        problems.iter().all(|p| !p.to_string().contains("neither")),
        "{problems:?}"
    );
}

#[test]
fn set_codes_by_hand_and_back_to_the_derived_ones() {
    let (_dir, mut session) = session();
    let eco = eco_meeting(&session);
    let codes = EventCodes {
        cameo: Some("046".into()),
        ..Default::default()
    };
    let target = CodesTarget::Meeting(eco);
    ok(
        &mut session,
        AppCommand::SetCodes {
            target,
            codes: Some(codes.clone()),
        },
    );
    assert_eq!(meeting(&session, eco).codes, Some(codes.clone()));
    ok(
        &mut session,
        AppCommand::SetCodes {
            target,
            codes: None,
        },
    );
    assert_eq!(meeting(&session, eco).codes, None);
    let outcome = session.project().outcomes_of(eco).next().unwrap().id;
    let target = CodesTarget::Outcome(outcome);
    let codes = Some(codes);
    ok(&mut session, AppCommand::SetCodes { target, codes });
    assert!(session.project().outcome(outcome).unwrap().codes.is_some());
}

#[test]
fn delete_meeting_is_refused_while_outcomes_belong_to_it() {
    let (_dir, mut session) = session();
    let eco = eco_meeting(&session);
    refused(&mut session, AppCommand::DeleteMeeting(eco));
    let outcomes: Vec<_> = session.project().outcomes_of(eco).map(|o| o.id).collect();
    for outcome in outcomes {
        ok(&mut session, AppCommand::DeleteOutcome(outcome));
    }
    ok(&mut session, AppCommand::DeleteMeeting(eco));
    assert!(session.project().meeting(eco).is_none());
    assert_eq!(session.cursor().meeting, None);
    undo(&mut session);
    assert_eq!(session.cursor().meeting, Some(eco), "back with the undo");
}

#[test]
fn an_outcome_is_changed_field_by_field() {
    let (_dir, mut session) = session();
    let eco = eco_meeting(&session);
    let id = session.project().outcomes_of(eco).next().unwrap().id;
    let outcome = |s: &Session| s.project().outcome(id).unwrap().clone();
    ok(
        &mut session,
        AppCommand::SetOutcomeKind(id, "commitment".into()),
    );
    ok(
        &mut session,
        AppCommand::SetOutcomeStatus(id, "agreed".into()),
    );
    assert_eq!(
        (
            outcome(&session).kind.as_str(),
            outcome(&session).status.as_str()
        ),
        ("commitment", "agreed")
    );
    select(&mut session, "بیانیه پایانی");
    ok(&mut session, AppCommand::SetOutcomeTitle(id));
    assert_eq!(outcome(&session).title.unwrap().value, "بیانیه پایانی");
    ok(&mut session, AppCommand::ClearOutcomeTitle(id));
    assert!(outcome(&session).title.is_none());
    select(&mut session, "اسکندر مومنی");
    ok(
        &mut session,
        AppCommand::AddOutcomeActor(id, ActorRole::Proposer),
    );
    let actors = outcome(&session).actors.len();
    ok(
        &mut session,
        AppCommand::SetActorRole {
            outcome: id,
            index: actors - 1,
            role: ActorRole::Adopter,
        },
    );
    assert_eq!(
        outcome(&session).actors[actors - 1].role,
        ActorRole::Adopter
    );
    ok(
        &mut session,
        AppCommand::RemoveActor {
            outcome: id,
            index: actors - 1,
        },
    );
    assert_eq!(outcome(&session).actors.len(), actors - 1);
    select(&mut session, "اسکندر مومنی");
    ok(&mut session, AppCommand::SetAttribution(id));
    assert!(outcome(&session).attributed_to.is_some());
    ok(&mut session, AppCommand::ClearAttribution(id));
    assert!(outcome(&session).attributed_to.is_none());
    let evidence = outcome(&session).evidence.len();
    select(&mut session, "مورد تصویب قرار گرفت");
    ok(&mut session, AppCommand::AddOutcomeEvidence(id));
    assert_eq!(outcome(&session).evidence.len(), evidence + 1);
    let added = outcome(&session).evidence[evidence];
    let remove = AppCommand::RemoveOutcomeEvidence {
        outcome: id,
        index: evidence,
    };
    ok(&mut session, remove.clone());
    assert_eq!(outcome(&session).evidence.len(), evidence);
    // Its trigger words rested on nothing else: they went in the same step.
    assert!(session.project().span(added).is_none());
    refused(&mut session, remove);
    // Without words selected, what needs words is refused.
    refused(&mut session, AppCommand::SetOutcomeTitle(id));
    let missing = crate::model::OutcomeId(9999);
    refused(
        &mut session,
        AppCommand::SetOutcomeKind(missing, "x".into()),
    );
    refused(&mut session, AppCommand::AddOutcomeEvidence(missing));
}

#[test]
fn move_outcome_to_another_meeting_makes_that_meeting_current() {
    let (_dir, mut session) = session();
    let eco = eco_meeting(&session);
    let id = session.project().outcomes_of(eco).next().unwrap().id;
    ok(&mut session, AppCommand::MoveOutcome(id, MeetingId(7)));
    assert_eq!(
        session.project().outcome(id).unwrap().meeting,
        Some(MeetingId(7))
    );
    assert_eq!(session.cursor().meeting, Some(MeetingId(7)));
    assert_eq!(session.cursor().outcome, Some(id));
    refused(&mut session, AppCommand::MoveOutcome(id, MeetingId(9999)));
}

#[test]
fn delete_outcome_removes_it_and_its_cursor() {
    let (_dir, mut session) = session();
    let eco = eco_meeting(&session);
    let id = session.project().outcomes_of(eco).next().unwrap().id;
    ok(&mut session, AppCommand::SelectOutcome(Some(id)));
    ok(&mut session, AppCommand::DeleteOutcome(id));
    assert!(session.project().outcome(id).is_none());
    assert_eq!(session.cursor().outcome, None);
    refused(&mut session, AppCommand::DeleteOutcome(id));
}

/// The review items of the shown document.
fn items(session: &Session) -> Vec<ReviewItem> {
    review_items(session.project(), session.doc().unwrap())
}

fn state_of(session: &Session, item: ReviewItem) -> ReviewState {
    review_of(session.project(), item).unwrap().state
}

#[test]
fn open_for_review_and_step_through_the_items() {
    let (_dir, mut session) = session();
    ok(&mut session, AppCommand::NextReviewItem);
    let items_here = items(&session);
    assert_eq!(session.cursor().review_item, Some(items_here[0]));
    ok(&mut session, AppCommand::NextReviewItem);
    assert_eq!(session.cursor().review_item, Some(items_here[1]));
    ok(&mut session, AppCommand::PreviousReviewItem);
    assert_eq!(session.cursor().review_item, Some(items_here[0]));
    // A span item selects its span in the article.
    let ReviewItem::Span(at) = items_here[0] else {
        panic!("spans come first")
    };
    assert_eq!(session.cursor().span, Some(at.span));
    // A meeting item shows its evidence here.
    let meeting = items_here
        .iter()
        .copied()
        .find(|i| matches!(i, ReviewItem::Meeting(_)))
        .unwrap();
    ok(&mut session, AppCommand::SelectReviewItem(meeting));
    assert!(session.cursor().span.is_some());
    let sco = doc_id(&session, SCO);
    ok(&mut session, AppCommand::OpenForReview(sco));
    assert_eq!(session.doc(), Some(sco));
    assert_eq!(session.cursor().review_item, None);
    // An item of another document is not this document's to decide.
    refused(&mut session, AppCommand::SelectReviewItem(items_here[0]));
    refused(&mut session, AppCommand::OpenForReview(DocId(9999)));
}

#[test]
fn decide_records_the_reviewer_and_moves_to_the_next_pending_item() {
    let (_dir, mut session) = session();
    refused(
        &mut session,
        AppCommand::Decide {
            state: ReviewState::Accepted,
            comment: String::new(),
        },
    );
    ok(&mut session, AppCommand::SetAnnotator("رضا".into()));
    ok(&mut session, AppCommand::NextReviewItem);
    let all = items(&session);
    ok(
        &mut session,
        AppCommand::Decide {
            state: ReviewState::Rejected,
            comment: " نام کامل نیست ".into(),
        },
    );
    let review = review_of(session.project(), all[0]).unwrap();
    assert_eq!(review.state, ReviewState::Rejected);
    assert_eq!(
        (review.comment.as_str(), review.reviewer.as_str()),
        ("نام کامل نیست", "رضا")
    );
    assert_eq!(session.cursor().review_item, Some(all[1]));
    // Undo takes the decision back and the reviewer back to the item.
    undo(&mut session);
    assert_eq!(state_of(&session, all[0]), ReviewState::Pending);
    assert_eq!(session.cursor().review_item, Some(all[0]));
}

#[test]
fn accept_all_remaining_and_finish_the_review() {
    let (_dir, mut session) = session();
    ok(&mut session, AppCommand::AcceptAllRemaining);
    assert!(
        items(&session)
            .iter()
            .all(|i| state_of(&session, *i) == ReviewState::Accepted)
    );
    let send_back = |note: &str| AppCommand::FinishReview {
        reviewed: false,
        note: note.into(),
    };
    let refusal = refused(&mut session, send_back("  "));
    assert_eq!(refusal, Refusal::NoteNeeded);
    ok(&mut session, send_back("محل نشست را برچسب بزنید"));
    let doc = session.doc().unwrap();
    let document = session.project().document(doc).unwrap();
    assert_eq!(document.status, DocStatus::NeedsChanges);
    assert!(document.note.ends_with("محل نشست را برچسب بزنید"));
    ok(
        &mut session,
        AppCommand::FinishReview {
            reviewed: true,
            note: String::new(),
        },
    );
    assert_eq!(
        session.project().document(doc).unwrap().status,
        DocStatus::Reviewed
    );
}

#[test]
fn the_interface_language_is_the_views_and_labels_follow_it() {
    let (_dir, mut session) = session();
    let before = session.project().clone();
    ok(
        &mut session,
        AppCommand::SetInterfaceLanguage(LabelLanguage::Persian),
    );
    assert_eq!(session.view().interface_language, LabelLanguage::Persian);
    assert_eq!(session.view().label_language, LabelLanguage::Persian);
    // Set apart afterwards, the label names keep their own language.
    ok(
        &mut session,
        AppCommand::SetLabelLanguage(LabelLanguage::English),
    );
    assert_eq!(session.view().interface_language, LabelLanguage::Persian);
    assert_eq!(session.view().label_language, LabelLanguage::English);
    assert!(!session.history().can_undo(), "a view, not an edit");
    assert_eq!(session.project(), &before);
}

#[test]
fn pages_zoom_direction_language_and_snapping_are_the_views() {
    let (_dir, mut session) = session();
    ok(&mut session, AppCommand::ShowPage(Page::Review));
    assert_eq!(session.page(), Page::Review);
    ok(&mut session, AppCommand::TogglePage(Page::Review));
    assert_eq!(session.page(), Page::Spans);
    ok(&mut session, AppCommand::TogglePage(Page::Meetings));
    assert_eq!(session.page(), Page::Meetings);
    let size = session.view().font_size;
    ok(&mut session, AppCommand::ZoomIn);
    assert_eq!(session.view().font_size, size + 2.0);
    for _ in 0..40 {
        ok(&mut session, AppCommand::ZoomOut);
    }
    assert_eq!(session.view().font_size, MIN_FONT_SIZE);
    for _ in 0..40 {
        ok(&mut session, AppCommand::ZoomIn);
    }
    assert_eq!(session.view().font_size, MAX_FONT_SIZE);
    ok(&mut session, AppCommand::SetDirection(Some(Direction::Ltr)));
    assert_eq!(session.view().direction, Some(Direction::Ltr));
    ok(
        &mut session,
        AppCommand::SetLabelLanguage(LabelLanguage::Arabic),
    );
    assert_eq!(session.view().label_language, LabelLanguage::Arabic);
    // Without snapping, the selection is tagged as it is.
    ok(&mut session, AppCommand::SetSnapToWords(false));
    select_part(&mut session, "خبرنگار", 0.."خبر".len());
    ok(&mut session, AppCommand::ApplyLabel("ORG".into()));
    let span = session.cursor().span.unwrap();
    assert_eq!(span_of(&session, span).quote(), "خبر");
    // None of these is an undo step.
    undo(&mut session);
    assert_eq!(session.view().font_size, MAX_FONT_SIZE);
}

#[test]
fn only_my_spans_hides_the_others_spans_from_navigation() {
    let (_dir, mut session) = session();
    show(&mut session, "000_cc14a8d638cfba9c.txt");
    ok(&mut session, AppCommand::SetAnnotator("reza".into()));
    select(&mut session, "خبرنگار");
    ok(&mut session, AppCommand::ApplyLabel("TITLE".into()));
    let mine = session.cursor().span.unwrap();
    ok(&mut session, AppCommand::SetOnlyMySpans(true));
    assert_eq!(
        session.cursor().span,
        Some(mine),
        "one's own span stays selected"
    );
    // Going through the spans meets only reza's own.
    for _ in 0..3 {
        ok(&mut session, AppCommand::NextSpan);
        assert_eq!(session.cursor().span, Some(mine));
    }
    ok(&mut session, AppCommand::SetAnnotator("annotator".into()));
    assert_eq!(
        session.cursor().span,
        None,
        "reza's span is hidden from annotator"
    );
    ok(&mut session, AppCommand::NextSpan);
    let next = session.cursor().span.unwrap();
    let doc = session.doc().unwrap();
    let author = &session
        .project()
        .span(SpanRef { doc, span: next })
        .unwrap()
        .author;
    assert_eq!(author, "annotator");
}

#[test]
fn set_annotator_names_new_work_and_a_blank_name_is_no_name() {
    let (_dir, mut session) = session();
    ok(&mut session, AppCommand::SetAnnotator("  مریم ".into()));
    assert_eq!(session.annotator(), "مریم");
    ok(&mut session, AppCommand::SetAnnotator("   ".into()));
    assert_eq!(session.annotator(), "مریم");
    let span = tag(&mut session, "خبرنگار", "ORG");
    let author = span_of(&session, span).author;
    assert_eq!(author, "مریم");
}

#[test]
fn window_work_is_handed_back_as_effects() {
    let (_dir, mut session) = session();
    let one = |applied: Applied| {
        assert!(!applied.changed);
        assert_eq!(applied.effects.len(), 1);
        applied.effects.into_iter().next().unwrap()
    };
    let focus = applied(&mut session, AppCommand::FocusDocumentFilter);
    assert!(matches!(one(focus), Effect::FocusDocumentFilter));
    let palette = applied(&mut session, AppCommand::OpenPalette);
    assert!(matches!(one(palette), Effect::OpenPalette));
    let dialog = applied(&mut session, AppCommand::OpenExportDialog);
    assert!(matches!(one(dialog), Effect::OpenExportDialog));
    let search = applied(&mut session, AppCommand::OpenCorpusSearch);
    assert!(matches!(one(search), Effect::OpenCorpusSearch));
    let records = applied(&mut session, AppCommand::OpenRecords);
    assert!(matches!(one(records), Effect::OpenRecords));
    let charts = applied(&mut session, AppCommand::OpenCharts);
    assert!(matches!(one(charts), Effect::OpenCharts));
    let path = std::path::PathBuf::from("/tmp/somewhere");
    let open = applied(&mut session, AppCommand::Open(path.clone()));
    assert!(matches!(one(open), Effect::Open { path: p, into: None } if p == path));
    let import = applied(
        &mut session,
        AppCommand::ImportFolder {
            folder: path.clone(),
            project: path.join("p.daftar.ron"),
        },
    );
    assert!(matches!(one(import), Effect::Open { into: Some(_), .. }));
}

#[test]
fn export_refuses_a_folder_in_use_until_told_to_replace_and_writes_what_was_asked() {
    let (dir, mut session) = session();
    let out = dir.path().join("export");
    let request = |replace: bool, folder: &std::path::Path| ExportRequest {
        formats: vec![Format::Jsonl],
        scope: Scope::Reviewed,
        options: ExportOptions::default(),
        folder: folder.to_path_buf(),
        replace,
    };
    let refusal = refused(
        &mut session,
        AppCommand::Export(request(false, "".as_ref())),
    );
    assert_eq!(refusal, Refusal::NoExportFolder);
    let mut none = request(false, &out);
    none.formats.clear();
    assert_eq!(
        refused(&mut session, AppCommand::Export(none)),
        Refusal::NoFormat
    );
    let done = applied(&mut session, AppCommand::Export(request(false, &out)));
    let [Effect::Export(job)] = done.effects.as_slice() else {
        panic!("an export for the window to run");
    };
    let summary = job
        .run(&mut |_, _| {}, &std::sync::atomic::AtomicBool::new(false))
        .unwrap();
    assert!(summary.to_string().starts_with("1 document"), "{summary}");
    assert!(out.join("daftar.jsonl").exists());
    let refusal = refused(&mut session, AppCommand::Export(request(false, &out)));
    assert!(matches!(refusal, Refusal::FolderInUse(_)));
    let again = applied(&mut session, AppCommand::Export(request(true, &out)));
    assert!(matches!(again.effects.as_slice(), [Effect::Export(_)]));
}

#[test]
fn curation_takes_a_version_and_moves_to_the_next_place() {
    use crate::edit::curation::Take;
    let (_dir, mut session) = session();
    show(&mut session, "000_cc14a8d638cfba9c.txt");
    assert!(
        session.curation_clusters().is_empty(),
        "one annotator so far"
    );
    assert_eq!(
        refused(&mut session, AppCommand::NextCluster),
        Refusal::NoCluster
    );
    // A second person tags the minister too: their span is their own.
    ok(&mut session, AppCommand::SetAnnotator("reza".into()));
    select(&mut session, "اسکندر مومنی");
    ok(&mut session, AppCommand::ApplyLabel("PER".into()));
    ok(&mut session, AppCommand::ShowPage(Page::Curation));
    let clusters = session.curation_clusters();
    let agreed = clusters.iter().position(|c| c.agreed).unwrap();
    assert!(
        clusters[..agreed].iter().all(|c| !c.agreed),
        "disagreements first"
    );
    assert_eq!(
        refused(&mut session, AppCommand::Curate(Take::All)),
        Refusal::NoCluster
    );
    ok(&mut session, AppCommand::NextCluster);
    assert_eq!(session.curation_index(), Some(0));
    ok(&mut session, AppCommand::PreviousCluster);
    assert_eq!(session.curation_index(), Some(0), "stays at the first");
    ok(&mut session, AppCommand::SelectCluster(agreed));
    assert_eq!(
        refused(&mut session, AppCommand::Curate(Take::Version(5))),
        Refusal::NoVersion
    );
    ok(&mut session, AppCommand::SetAnnotator("sara".into()));
    ok(&mut session, AppCommand::Curate(Take::Version(1)));
    let doc = session.doc().unwrap();
    let versions = &clusters[agreed].versions;
    assert_eq!(versions[1].0, "reza");
    let state_of = |session: &Session, id| {
        let span = session.project().span(SpanRef { doc, span: id }).unwrap();
        (span.review.state, span.review.reviewer.clone())
    };
    let (annotator, reza) = (versions[0].1[0], versions[1].1[0]);
    assert_eq!(
        state_of(&session, reza),
        (ReviewState::Accepted, "sara".into())
    );
    assert_eq!(state_of(&session, annotator).0, ReviewState::Rejected);
    assert_ne!(
        session.curation_index(),
        Some(agreed),
        "on to a place to decide"
    );
    ok(&mut session, AppCommand::Undo);
    assert_eq!(state_of(&session, reza).0, ReviewState::Pending);
    assert_eq!(
        session.curation_index(),
        Some(agreed),
        "undo brings the place back"
    );
    assert!(refused(&mut session, AppCommand::SelectCluster(999)) == Refusal::NoCluster);
}

#[test]
fn show_agreement_measures_the_documents_two_people_annotated() {
    let (_dir, mut session) = session();
    let measured = |session: &mut Session| {
        let done = applied(session, AppCommand::ShowAgreement);
        let [Effect::Agreement(job)] = done.effects.as_slice() else {
            panic!("the agreement for the window to measure and show");
        };
        job.run()
    };
    assert!(measured(&mut session).pairs.is_empty(), "one annotator");
    show(&mut session, "000_cc14a8d638cfba9c.txt");
    ok(&mut session, AppCommand::SetAnnotator("reza".into()));
    select(&mut session, "اسکندر مومنی");
    ok(&mut session, AppCommand::ApplyLabel("PER".into()));
    let agreement = measured(&mut session);
    assert_eq!(agreement.pairs.len(), 1);
    let pair = &agreement.pairs[0];
    assert_eq!(
        pair.annotators,
        ["annotator".to_string(), "reza".to_string()]
    );
    assert_eq!(pair.documents, 1);
    assert_eq!(pair.labels["PER"].exact_matches, 1);
}

#[test]
fn sync_saves_and_hands_over_a_git_sync_and_reload_reads_the_folder_again() {
    let (dir, mut one_file) = session();
    assert_eq!(
        refused(&mut one_file, AppCommand::Sync),
        Refusal::NotAProjectFolder
    );
    drop(one_file);
    // The sample as a project folder in a git repository of its own.
    let folder = dir.path().join("sample.daftar");
    crate::store::migrate(&dir.path().join(crate::sample::PROJECT_FILE), &folder).unwrap();
    let git = |args: &[&str]| {
        let status = std::process::Command::new("git")
            .current_dir(dir.path())
            .args(["-c", "user.name=t", "-c", "user.email=t@localhost"])
            .args(args)
            .output()
            .unwrap();
        assert!(status.status.success(), "{status:?}");
    };
    git(&["init", "--quiet", "-b", "main"]);
    git(&["add", "--all"]);
    git(&["commit", "--quiet", "-m", "start"]);
    let mut session = Session::from_opened(crate::open::open_path(&folder).unwrap());
    show(&mut session, "000_cc14a8d638cfba9c.txt");
    select(&mut session, "خبرنگار");
    ok(&mut session, AppCommand::ApplyLabel("TITLE".into()));
    assert!(session.history().is_dirty());
    let done = applied(&mut session, AppCommand::Sync);
    assert!(!session.history().is_dirty(), "saved before syncing");
    let [Effect::Sync(job)] = done.effects.as_slice() else {
        panic!("a sync for the window to run");
    };
    let report = job.run(&mut |_| true).unwrap();
    assert_eq!(
        report.committed.as_deref(),
        Some("Daftar: annotator changed 1 document in sample")
    );
    assert!(report.no_upstream, "no remote: committed here only");
    // Another program (a git merge) changes a file: reading the folder again shows it.
    let doc = doc_id(&session, "000_cc14a8d638cfba9c.txt");
    let file = folder.join("documents").join(format!("{doc}.ron"));
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("  status:", "  note: \"از تیم\",\n  status:"),
    )
    .unwrap();
    let revision = session.history().revision();
    ok(&mut session, AppCommand::ReloadFromDisk);
    assert_eq!(session.project().document(doc).unwrap().note, "از تیم");
    // Reading again is a revision of its own (so everything built for the old one is built
    // again, as after an edit), and it is what is saved.
    assert_ne!(session.history().revision(), revision);
    assert!(!session.history().is_dirty());
    assert_eq!(session.doc(), Some(doc), "still on the document shown");
    assert!(
        !session.history().can_undo(),
        "undo starts again after a merge"
    );
}

#[test]
fn assign_shares_the_listed_documents_out_and_an_annotator_sees_their_queue() {
    use crate::edit::assign::{AssignError, AssignMode};
    let (_dir, mut session) = session();
    let count = session.project().documents.len();
    assert_eq!(
        refused(
            &mut session,
            AppCommand::Assign {
                annotators: " ، ".into(),
                mode: AssignMode::RoundRobin
            }
        ),
        Refusal::Assign(AssignError::NoAnnotators)
    );
    ok(
        &mut session,
        AppCommand::Assign {
            annotators: "مریم، رضا".into(),
            mode: AssignMode::Double,
        },
    );
    assert!(
        session
            .project()
            .documents
            .iter()
            .all(|d| d.assigned == ["رضا", "مریم"])
    );
    // Only the documents listed: the filter narrows what is assigned.
    ok(
        &mut session,
        AppCommand::SetDocumentFilter("شانگهای".into()),
    );
    let listed = session.documents().shown().len();
    assert!(listed > 0 && listed < count);
    ok(
        &mut session,
        AppCommand::Assign {
            annotators: "سارا".into(),
            mode: AssignMode::Everyone,
        },
    );
    ok(&mut session, AppCommand::SetDocumentFilter(String::new()));
    ok(&mut session, AppCommand::SetAnnotator("سارا".into()));
    ok(&mut session, AppCommand::ShowMyQueue(true));
    assert_eq!(session.documents().shown().len(), listed, "sara's queue");
    ok(&mut session, AppCommand::SetAnnotator("رضا".into()));
    assert_eq!(
        session.documents().shown().len(),
        count - listed,
        "the queue follows the name"
    );
    ok(&mut session, AppCommand::ShowMyQueue(false));
    assert_eq!(session.documents().shown().len(), count);
    // One undo step takes an assignment back.
    ok(&mut session, AppCommand::Undo);
    assert!(
        session
            .project()
            .documents
            .iter()
            .all(|d| d.assigned == ["رضا", "مریم"])
    );
}

/// Runs a corpus search as the window does: the job on its own, then its hits to the session.
fn search_corpus(session: &mut Session, query: crate::search::SearchQuery) {
    let done = applied(session, AppCommand::SearchCorpus(query));
    let [Effect::SearchCorpus(job)] = done.effects.as_slice() else {
        panic!("a search for the window to run: {:?}", done.effects);
    };
    assert!(session.search().running);
    let results = job.run().unwrap();
    session.take_search_results(job.query.clone(), results);
}

fn words(text: &str) -> crate::search::SearchQuery {
    crate::search::SearchQuery {
        text: text.into(),
        ..Default::default()
    }
}

#[test]
fn corpus_search_runs_on_a_thread_and_opens_a_hit_at_its_words() {
    let (_dir, mut session) = session();
    search_corpus(&mut session, words("ايران"));
    let search = session.search();
    assert!(!search.running);
    // The Arabic spelling finds the Persian ایران and the Arabic إيران: four articles.
    assert_eq!(search.document_count(), 4, "{:?}", search.hits());
    assert_eq!(search.current, Some(0));
    let arabic = search
        .hits()
        .iter()
        .position(|h| h.quote() == "إيران")
        .expect("the Arabic article's إيران");
    let hit = search.hits()[arabic].clone();
    assert_ne!(session.doc(), Some(hit.doc));
    ok(&mut session, AppCommand::OpenSearchHit(arabic));
    assert_eq!(session.doc(), Some(hit.doc), "the hit's document is shown");
    assert_eq!(session.selection_in_chars(), Some(hit.start..hit.end));
    let article = session.article().unwrap();
    let bytes = article.bytes_of(hit.start..hit.end).unwrap();
    assert_eq!(&article.text().unwrap()[bytes.clone()], "إيران");
    assert_eq!(
        session.take_reveal(),
        Some(bytes.start),
        "brought into view"
    );
    assert_eq!(session.search().current, Some(arabic));
    // Stepping moves the current hit within the list, and stops at its ends.
    ok(&mut session, AppCommand::StepSearchHit { forward: true });
    assert_eq!(session.search().current, Some(arabic + 1));
    let count = session.search().hits().len();
    for _ in 0..count + 2 {
        ok(&mut session, AppCommand::StepSearchHit { forward: true });
    }
    assert_eq!(session.search().current, Some(count - 1));
    // A query that cannot run is refused before any thread starts; the hits stay.
    let bad = crate::search::SearchQuery {
        text: "(".into(),
        regex: true,
        ..Default::default()
    };
    refused(&mut session, AppCommand::SearchCorpus(bad));
    refused(&mut session, AppCommand::SearchCorpus(words("  ")));
    refused(&mut session, AppCommand::OpenSearchHit(count));
    assert_eq!(session.search().hits().len(), count);
    // A regular expression over the folded text: نشست and the word after it.
    search_corpus(
        &mut session,
        crate::search::SearchQuery {
            text: r"نشست \w+".into(),
            regex: true,
            ..Default::default()
        },
    );
    let hits = session.search().hits();
    assert!(!hits.is_empty());
    assert!(
        hits.iter().all(|h| h.quote().starts_with("نشست ")),
        "{hits:?}"
    );
    assert!(session.message().unwrap().contains("hit"));
}

#[test]
fn checked_hits_are_tagged_in_one_undo_step_and_tagged_ones_are_left_alone() {
    let (_dir, mut session) = session();
    // Nothing searched yet: nothing to tag.
    refused(
        &mut session,
        AppCommand::TagSearchHits {
            label: "GPE".into(),
            entity: None,
        },
    );
    search_corpus(&mut session, words("ایران"));
    let hits = session.search().hits().to_vec();
    // One hit in each of three documents.
    let mut chosen = Vec::new();
    for (index, hit) in hits.iter().enumerate() {
        if !chosen.iter().any(|&i: &usize| hits[i].doc == hit.doc) && chosen.len() < 3 {
            chosen.push(index);
        }
    }
    for &index in &chosen {
        ok(&mut session, AppCommand::ToggleSearchHit(index));
    }
    assert_eq!(session.search().chosen(), chosen);
    // Checked twice is unchecked.
    ok(&mut session, AppCommand::ToggleSearchHit(chosen[0]));
    ok(&mut session, AppCommand::ToggleSearchHit(chosen[0]));
    // Unknown labels are refused, and so is an entity for a label without entities.
    refused(
        &mut session,
        AppCommand::TagSearchHits {
            label: "NOPE".into(),
            entity: None,
        },
    );
    let count = |session: &Session| -> usize {
        session
            .project()
            .documents
            .iter()
            .map(|d| d.spans.len())
            .sum()
    };
    let before = count(&session);
    let revision = session.history().revision();
    ok(
        &mut session,
        AppCommand::TagSearchHits {
            label: "GPE".into(),
            entity: None,
        },
    );
    assert_eq!(count(&session), before + 3);
    assert_eq!(session.history().revision(), revision + 1, "one step");
    for &index in &chosen {
        let hit = &hits[index];
        assert!(session.hit_is_tagged(hit, "GPE"), "{hit:?}");
        let document = session.project().document(hit.doc).unwrap();
        let span = document
            .spans
            .iter()
            .find(|s| s.start == hit.start && s.end == hit.end && s.label == "GPE")
            .unwrap();
        assert_eq!(span.quote(), hit.quote());
        assert_eq!(span.author, session.annotator());
        assert_ne!(document.status, DocStatus::New);
    }
    assert!(
        session.search().checked.is_empty(),
        "the checks are cleared"
    );
    // Tagging them again adds nothing: they are tagged already.
    for &index in &chosen {
        ok(&mut session, AppCommand::ToggleSearchHit(index));
    }
    ok(
        &mut session,
        AppCommand::TagSearchHits {
            label: "GPE".into(),
            entity: None,
        },
    );
    assert_eq!(count(&session), before + 3);
    assert!(session.message().unwrap().contains("3 already were"));
    // One undo takes all three back.
    undo(&mut session);
    assert_eq!(count(&session), before);
    // Linked to an entity: every hit checked, the spans made with its link.
    let gpe = tag(&mut session, "ایران", "GPE");
    ok(&mut session, AppCommand::NewEntityFromSpan);
    let entity = span_of(&session, gpe).entity.unwrap();
    ok(&mut session, AppCommand::CheckAllSearchHits(true));
    assert_eq!(session.search().checked.len(), hits.len());
    let tagged_before: Vec<bool> = hits
        .iter()
        .map(|h| session.hit_is_tagged(h, "GPE"))
        .collect();
    refused(
        &mut session,
        AppCommand::TagSearchHits {
            label: "DATE".into(),
            entity: Some(entity),
        },
    );
    ok(
        &mut session,
        AppCommand::TagSearchHits {
            label: "GPE".into(),
            entity: Some(entity),
        },
    );
    for (hit, tagged_before) in hits.iter().zip(tagged_before) {
        let document = session.project().document(hit.doc).unwrap();
        let span = document
            .spans
            .iter()
            .find(|s| s.start == hit.start && s.end == hit.end && s.label == "GPE")
            .unwrap_or_else(|| panic!("{hit:?} tagged"));
        // Spans there before keep their own link (the ECO meeting's host is one).
        if !tagged_before {
            assert_eq!(span.entity, Some(entity), "{hit:?}");
        }
    }
    ok(&mut session, AppCommand::CheckAllSearchHits(false));
    assert!(session.search().checked.is_empty());
}

#[test]
fn the_records_table_filters_sorts_steps_and_opens_a_record_at_its_evidence() {
    use crate::records::{RecordColumn, RecordFilter, RecordKind, RecordRef};
    let (_dir, mut session) = session();
    let project = session.project();
    assert_eq!(
        session.record_table().len(),
        project.meetings.len() + project.outcomes.len()
    );
    // The SCO's meetings, its name typed with an Arabic yeh.
    let sco = RecordFilter {
        kind: Some(RecordKind::Meeting),
        text: Some("شانگهاي".into()),
        ..RecordFilter::default()
    };
    ok(&mut session, AppCommand::SetRecordFilter(sco));
    let rows = session.record_table();
    assert_eq!(rows.len(), 2, "{rows:?}");
    // Sorted by date first; by the same column again, the latest first.
    assert_eq!(session.records_view().sort, RecordColumn::Start);
    ok(&mut session, AppCommand::SortRecords(RecordColumn::Start));
    assert!(session.records_view().descending);
    let rows = session.record_table();
    assert!(rows[0].start >= rows[1].start, "{rows:?}");
    ok(
        &mut session,
        AppCommand::SortRecords(RecordColumn::Organization),
    );
    assert!(!session.records_view().descending);
    ok(&mut session, AppCommand::SortRecords(RecordColumn::Start));
    ok(&mut session, AppCommand::SortRecords(RecordColumn::Start));
    // Down from nothing is the first row, then the second, and no further.
    for _ in 0..3 {
        ok(&mut session, AppCommand::StepRecord { forward: true });
    }
    assert_eq!(session.records_view().current, rows[1].record);
    ok(&mut session, AppCommand::StepRecord { forward: false });
    let first = rows[0].record.unwrap();
    assert_eq!(session.records_view().current, Some(first));
    // Opened at its evidence: the article shown, the trigger words selected, the meeting current.
    let RecordRef::Meeting(id) = first else {
        panic!("a meeting")
    };
    ok(&mut session, AppCommand::OpenRecord(first));
    let meeting = session.project().meeting(id).unwrap().clone();
    let trigger = meeting.evidence[0];
    assert_eq!(session.doc(), Some(trigger.doc));
    assert_eq!(session.cursor().span, Some(trigger.span));
    assert_eq!(session.cursor().meeting, Some(id));
    assert_eq!(session.page(), Page::Meetings);
    // An outcome: its meeting and itself current.
    ok(
        &mut session,
        AppCommand::SetRecordFilter(RecordFilter {
            kind: Some(RecordKind::Outcome),
            ..RecordFilter::default()
        }),
    );
    let outcome_row = session.record_table()[0].clone();
    let Some(RecordRef::Outcome(outcome_id)) = outcome_row.record else {
        panic!("an outcome")
    };
    ok(
        &mut session,
        AppCommand::SelectRecord(RecordRef::Outcome(outcome_id)),
    );
    ok(
        &mut session,
        AppCommand::OpenRecord(RecordRef::Outcome(outcome_id)),
    );
    let outcome = session.project().outcome(outcome_id).unwrap().clone();
    assert_eq!(session.cursor().outcome, Some(outcome_id));
    assert_eq!(session.cursor().meeting, outcome.meeting);
    assert_eq!(
        session.doc(),
        outcome.evidence_spans().next().map(|at| at.doc)
    );
    refused(
        &mut session,
        AppCommand::OpenRecord(RecordRef::Meeting(MeetingId(999_999))),
    );
    refused(
        &mut session,
        AppCommand::SelectRecord(RecordRef::Meeting(MeetingId(999_999))),
    );
}

/// Runs a pre-annotation as the window does: the job, then its spans added.
fn pre_annotate(session: &mut Session, scope: DocumentScope) {
    let done = applied(session, AppCommand::PreAnnotate(scope));
    let [Effect::PreAnnotate(job)] = done.effects.as_slice() else {
        panic!("a job for the window to run: {:?}", done.effects);
    };
    let found = job.run(&|_, _| {}, &std::sync::atomic::AtomicBool::new(false));
    ok(
        session,
        AppCommand::AddSuggestedSpans(std::sync::Arc::new(found)),
    );
}

#[test]
fn pre_annotation_adds_pending_gazetteer_spans_in_one_step_and_not_twice() {
    let (_dir, mut session) = session();
    show(&mut session, SCO);
    let suggested = |session: &Session| -> Vec<(DocId, crate::model::Span)> {
        session
            .project()
            .documents
            .iter()
            .flat_map(|d| d.spans.iter().map(move |s| (d.id, s.clone())))
            .filter(|(_, s)| s.author == crate::gazetteer::AUTHOR)
            .collect()
    };
    let statuses: Vec<DocStatus> = session
        .project()
        .documents
        .iter()
        .map(|d| d.status)
        .collect();
    let revision = session.history().revision();
    pre_annotate(&mut session, DocumentScope::Shown);
    let here = suggested(&session);
    assert!(!here.is_empty());
    assert_eq!(session.history().revision(), revision + 1, "one step");
    let sco = doc_id(&session, SCO);
    assert!(here.iter().all(|(doc, s)| *doc == sco
        && s.review.state == ReviewState::Pending
        && ["GPE", "ORG", "TITLE"].contains(&s.label.as_str())));
    // Linked where the project knows the entity (the SCO itself is one).
    assert!(here.iter().any(|(_, s)| s.entity.is_some()));
    // No span goes over one that was there.
    let document = session.project().document(sco).unwrap();
    for (_, new) in &here {
        assert!(
            !document.spans.iter().any(|s| s.id != new.id
                && s.author != crate::gazetteer::AUTHOR
                && s.start < new.end
                && new.start < s.end),
            "{new:?}"
        );
    }
    // Again: nothing more in that document. The documents listed (filtered to the Arabic
    // article): only it. The whole corpus: the others too.
    pre_annotate(&mut session, DocumentScope::Shown);
    assert_eq!(suggested(&session).len(), here.len());
    ok(&mut session, AppCommand::SetDocumentFilter("001_".into()));
    pre_annotate(&mut session, DocumentScope::Listed);
    let listed = suggested(&session);
    let arabic = doc_id(&session, ARABIC_ECO);
    assert!(listed.len() > here.len());
    assert!(listed.iter().all(|(doc, _)| *doc == sco || *doc == arabic));
    ok(
        &mut session,
        AppCommand::SetDocumentFilter("nothing like it".into()),
    );
    refused(&mut session, AppCommand::PreAnnotate(DocumentScope::Listed));
    ok(&mut session, AppCommand::SetDocumentFilter(String::new()));
    pre_annotate(&mut session, DocumentScope::Every);
    let everywhere = suggested(&session);
    let docs: std::collections::BTreeSet<DocId> = everywhere.iter().map(|(d, _)| *d).collect();
    assert!(docs.len() >= 4, "{docs:?}");
    // Nobody worked on the documents: their statuses stay.
    let after: Vec<DocStatus> = session
        .project()
        .documents
        .iter()
        .map(|d| d.status)
        .collect();
    assert_eq!(after, statuses);
    undo(&mut session);
    assert_eq!(
        suggested(&session).len(),
        listed.len(),
        "one undo step per run"
    );
}

#[test]
fn suggestions_are_decided_a_group_at_a_time_by_entity_or_name() {
    let (_dir, mut session) = session();
    // Nothing suggested yet: nothing to decide.
    refused(
        &mut session,
        AppCommand::DecideSuggestionGroup(ReviewState::Accepted),
    );
    pre_annotate(&mut session, DocumentScope::Every);
    ok(&mut session, AppCommand::ShowPage(Page::Suggestions));
    let groups = session.suggestion_groups();
    assert!(groups.len() >= 3, "{groups:?}");
    assert!(
        groups
            .windows(2)
            .all(|w| w[0].spans.len() >= w[1].spans.len()),
        "the largest first"
    );
    // By label: only GPE groups; an unknown label is refused.
    ok(
        &mut session,
        AppCommand::SetSuggestionLabel(Some("GPE".into())),
    );
    assert!(
        session
            .suggestion_groups()
            .iter()
            .all(|g| g.key.label == "GPE")
    );
    refused(
        &mut session,
        AppCommand::SetSuggestionLabel(Some("NOPE".into())),
    );
    ok(&mut session, AppCommand::SetSuggestionLabel(None));
    // Stepping makes a group current and shows its first span.
    ok(
        &mut session,
        AppCommand::StepSuggestionGroup { forward: true },
    );
    ok(
        &mut session,
        AppCommand::StepSuggestionGroup { forward: true },
    );
    let second = groups[1].clone();
    assert_eq!(session.suggestions_view().current, Some(second.key.clone()));
    assert_eq!(session.doc(), Some(second.spans[0].doc));
    assert_eq!(session.cursor().span, Some(second.spans[0].span));
    let revision = session.history().revision();
    ok(
        &mut session,
        AppCommand::DecideSuggestionGroup(ReviewState::Rejected),
    );
    assert_eq!(session.history().revision(), revision + 1, "one step");
    for at in &second.spans {
        let span = session.project().span(*at).unwrap();
        assert_eq!(span.review.state, ReviewState::Rejected);
        assert_eq!(span.review.reviewer, session.annotator());
    }
    // The next group took its place and is current.
    let left = session.suggestion_groups();
    assert_eq!(left.len(), groups.len() - 1);
    assert_eq!(
        session.suggestions_view().current,
        Some(left[1].key.clone())
    );
    ok(
        &mut session,
        AppCommand::SelectSuggestionGroup(left[0].key.clone()),
    );
    ok(
        &mut session,
        AppCommand::DecideSuggestionGroup(ReviewState::Accepted),
    );
    for at in &left[0].spans {
        assert_eq!(
            session.project().span(*at).unwrap().review.state,
            ReviewState::Accepted
        );
    }
    refused(
        &mut session,
        AppCommand::SelectSuggestionGroup(second.key.clone()),
    );
}

#[test]
fn a_chart_is_saved_as_svg_where_asked_and_a_bad_place_refused() {
    use crate::charts::ChartKind;
    let (dir, mut session) = session();
    for chart in ChartKind::ALL {
        let path = dir.path().join(chart.file_name());
        ok(
            &mut session,
            AppCommand::SaveChart {
                chart,
                path: path.clone(),
            },
        );
        let svg = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            svg,
            chart.svg(session.project(), session.view().label_language)
        );
        assert!(svg.starts_with("<svg"), "{chart:?}");
    }
    refused(
        &mut session,
        AppCommand::SaveChart {
            chart: ChartKind::Timeline,
            path: dir.path().join("no such folder").join("t.svg"),
        },
    );
}

/// The test that covers each command: a new command cannot be added without naming one here,
/// and the name must be a test of this file.
#[test]
fn every_command_has_a_test() {
    fn test_of(command: &AppCommand) -> &'static str {
        use AppCommand as C;
        match command {
            C::Save => "save_writes_the_project_and_it_is_no_longer_dirty",
            C::Undo | C::Redo => "undo_and_redo_bring_back_the_project_and_where_the_analyst_was",
            C::RestoreRecovery | C::DiscardRecovery => {
                "work_that_cannot_be_saved_is_kept_aside_and_offered_back"
            }
            C::OpenDocument(_) => "open_document_shows_it_and_an_unknown_one_is_refused",
            C::NextDocument | C::PreviousDocument => {
                "next_and_previous_document_follow_the_list_as_filtered"
            }
            C::SetDocumentFilter(_) => "the_document_filter_folds_spelling",
            C::SetStatusFilter(_) => {
                "the_status_filter_lists_documents_of_one_status_and_follows_changes"
            }
            C::MarkReadyForReview => "mark_ready_for_review_is_one_undo_step",
            C::SetPublished(_) => "set_published_reads_any_calendar_and_refuses_what_is_not_a_day",
            C::Reanchor => "reanchor_moves_the_spans_of_a_changed_article_and_undo_flags_it_again",
            C::Select { .. } => "select_keeps_a_selection_inside_the_text",
            C::SelectSpan(_) => "select_span_selects_it_and_brings_it_into_view",
            C::GoToSpan(_) => "go_to_span_opens_its_document",
            C::NextSpan | C::PreviousSpan => "next_and_previous_span_go_in_reading_order",
            C::ApplyLabel(_) => {
                "apply_label_tags_the_selection_widened_to_words_or_relabels_the_span"
            }
            C::DeleteSpan => "delete_span_asks_before_detaching_a_span_records_rest_on",
            C::Confirmed(_) => "handing_over_with_required_fields_empty_asks_first",
            C::ReplaceMeetingEvidence(_) | C::RemoveMeetingEvidence(_) => {
                "replace_and_remove_meeting_evidence_swap_the_trigger_words"
            }
            C::MoveSpanEdge { .. } | C::ResizeSpan(_) => {
                "move_span_edge_by_word_or_letter_and_resize_span_are_one_undo_step_each"
            }
            C::SetSpanNote(_) | C::SetSpanAttribute { .. } => "set_span_note_and_attributes",
            C::LinkSpan(_) => "link_span_adds_the_new_spelling_as_an_alias_and_unlinks",
            C::SetEntitySubtype(..) | C::SetEntityExternalId(..) => {
                "an_entitys_subtype_and_external_id_are_set_checked_and_searchable"
            }
            C::NewEntityFromSpan => "new_entity_from_span_names_it_after_the_span",
            C::FindOccurrences { .. } => {
                "find_occurrences_in_the_document_at_once_and_in_the_corpus_on_a_thread"
            }
            C::SetSuggestionLabel(_)
            | C::SelectSuggestionGroup(_)
            | C::StepSuggestionGroup { .. }
            | C::DecideSuggestionGroup(_) => {
                "suggestions_are_decided_a_group_at_a_time_by_entity_or_name"
            }
            C::PreAnnotate(_) | C::AddSuggestedSpans(_) => {
                "pre_annotation_adds_pending_gazetteer_spans_in_one_step_and_not_twice"
            }
            C::AcceptSuggestions(_) | C::RejectSuggestion(_) | C::RejectAllSuggestions => {
                "suggestions_are_accepted_in_one_step_or_rejected"
            }
            C::NewMeeting | C::NewOutcome => {
                "new_meeting_and_outcome_from_the_selection_become_current"
            }
            C::SelectMeeting(_) | C::SelectOutcome(_) => "select_meeting_and_outcome",
            C::AttachToMeeting(_) => "attach_to_meeting_adds_this_articles_words_as_evidence",
            C::FillMeetingField(_) => "fill_meeting_field_reads_the_value_and_keeps_its_evidence",
            C::ClearMeetingField(_) | C::SetMeetingChoice(..) | C::SetRealis(_) => {
                "clear_meeting_field_choice_and_realis_change_the_current_meeting"
            }
            C::SetDateNotStated(_) => "a_date_the_articles_do_not_state_is_recorded_as_such",
            C::SetParticipantRole { .. }
            | C::RemoveParticipant(_)
            | C::AddParticipantGroup { .. }
            | C::AddParticipantGroupFromSelection => {
                "participants_change_role_go_and_come_as_groups"
            }
            C::SetCodes { .. } => "set_codes_by_hand_and_back_to_the_derived_ones",
            C::DeleteMeeting(_) => "delete_meeting_is_refused_while_outcomes_belong_to_it",
            C::SetOutcomeKind(..)
            | C::SetOutcomeStatus(..)
            | C::SetOutcomeTitle(_)
            | C::ClearOutcomeTitle(_)
            | C::AddOutcomeActor(..)
            | C::SetActorRole { .. }
            | C::RemoveActor { .. }
            | C::SetAttribution(_)
            | C::ClearAttribution(_)
            | C::AddOutcomeEvidence(_)
            | C::RemoveOutcomeEvidence { .. } => "an_outcome_is_changed_field_by_field",
            C::MoveOutcome(..) => "move_outcome_to_another_meeting_makes_that_meeting_current",
            C::DeleteOutcome(_) => "delete_outcome_removes_it_and_its_cursor",
            C::OpenForReview(_)
            | C::SelectReviewItem(_)
            | C::NextReviewItem
            | C::PreviousReviewItem => "open_for_review_and_step_through_the_items",
            C::Decide { .. } => "decide_records_the_reviewer_and_moves_to_the_next_pending_item",
            C::AcceptAllRemaining | C::FinishReview { .. } => {
                "accept_all_remaining_and_finish_the_review"
            }
            C::SelectCluster(_) | C::NextCluster | C::PreviousCluster | C::Curate(_) => {
                "curation_takes_a_version_and_moves_to_the_next_place"
            }
            C::ShowAgreement => "show_agreement_measures_the_documents_two_people_annotated",
            C::Assign { .. } | C::ShowMyQueue(_) => {
                "assign_shares_the_listed_documents_out_and_an_annotator_sees_their_queue"
            }
            C::Sync | C::ReloadFromDisk => {
                "sync_saves_and_hands_over_a_git_sync_and_reload_reads_the_folder_again"
            }
            C::ShowPage(_)
            | C::TogglePage(_)
            | C::ZoomIn
            | C::ZoomOut
            | C::SetDirection(_)
            | C::SetLabelLanguage(_)
            | C::SetSnapToWords(_) => "pages_zoom_direction_language_and_snapping_are_the_views",
            C::SetInterfaceLanguage(_) => {
                "the_interface_language_is_the_views_and_labels_follow_it"
            }
            C::SetOnlyMySpans(_) => "only_my_spans_hides_the_others_spans_from_navigation",
            C::SetAnnotator(_) => "set_annotator_names_new_work_and_a_blank_name_is_no_name",
            C::SearchCorpus(_) | C::OpenSearchHit(_) | C::StepSearchHit { .. } => {
                "corpus_search_runs_on_a_thread_and_opens_a_hit_at_its_words"
            }
            C::ToggleSearchHit(_) | C::CheckAllSearchHits(_) | C::TagSearchHits { .. } => {
                "checked_hits_are_tagged_in_one_undo_step_and_tagged_ones_are_left_alone"
            }
            C::SetRecordFilter(_)
            | C::SortRecords(_)
            | C::SelectRecord(_)
            | C::StepRecord { .. }
            | C::OpenRecord(_) => {
                "the_records_table_filters_sorts_steps_and_opens_a_record_at_its_evidence"
            }
            C::SaveChart { .. } => "a_chart_is_saved_as_svg_where_asked_and_a_bad_place_refused",
            C::FocusDocumentFilter
            | C::OpenPalette
            | C::OpenCharts
            | C::OpenRecords
            | C::OpenCorpusSearch
            | C::OpenExportDialog
            | C::Open(_)
            | C::ImportFolder { .. } => "window_work_is_handed_back_as_effects",
            C::Export(_) => {
                "export_refuses_a_folder_in_use_until_told_to_replace_and_writes_what_was_asked"
            }
        }
    }
    // The match is exhaustive: a new command does not compile without a test named for it.
    let _ = test_of;
    // And every name it gives is a test of this file.
    let source = include_str!("tests.rs");
    let body = &source[source.find("fn test_of").unwrap()..source.find("let _ = test_of").unwrap()];
    let names: Vec<&str> = body.split('"').skip(1).step_by(2).collect();
    assert!(names.len() > 30);
    for name in names {
        assert!(
            source.contains(&format!("fn {name}() {{")),
            "{name} is not a test"
        );
    }
}
