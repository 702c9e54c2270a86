//! The records window as an analyst uses it (issue 14): Ctrl+Shift+M, words typed into its
//! filter in another spelling, a column sorted by a click on its title, a row chosen by a click
//! and opened at its evidence with Enter.

use daftar::app::Page;
use daftar::records::{RecordColumn, RecordRef};
use daftar::ui::input::text_field_has_keyboard;
use daftar::ui::records_window::{RECORDS_LIST, record_row_name, records_list_id};
use eframe::egui;
use egui_kittest::kittest::Queryable;

use super::{click_label, press, sample_project_harness};

#[test]
fn filter_the_records_sort_them_and_open_one_at_its_evidence_by_keys() {
    let (_dir, _project, mut harness) = sample_project_harness();
    press(
        &mut harness,
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::M,
    );
    assert!(
        text_field_has_keyboard(&harness.ctx),
        "the words filter has the keyboard as the window opens"
    );
    let everything = harness.state().session.record_table().len();
    // The SCO, typed with an Arabic yeh: its meetings and their outcomes.
    harness.event(egui::Event::Text("شانگهاي".into()));
    harness.run();
    let rows = harness.state().session.record_table();
    assert!(!rows.is_empty() && rows.len() < everything, "{rows:?}");
    assert!(
        rows.iter().all(|r| r.organization.contains("شانگهای")
            || r.documents.iter().any(|d| d.contains("شانگهای")))
    );
    harness.get_by_label(&daftar::i18n::english(RECORDS_LIST));

    // A click on a column's title sorts by it; a second click the other way.
    click_label(&mut harness, RecordColumn::Documents.title());
    let view = harness.state().session.records_view().clone();
    assert_eq!(
        (view.sort, view.descending),
        (RecordColumn::Documents, false)
    );
    click_label(&mut harness, RecordColumn::Documents.title());
    assert!(harness.state().session.records_view().descending);
    let rows = harness.state().session.record_table();
    assert!(
        rows.windows(2)
            .all(|w| w[0].documents.len() >= w[1].documents.len())
    );

    // A click chooses a row and gives the table the keys; Down moves, Enter opens.
    harness.get_by_label(&record_row_name(&rows[0])).click();
    harness.run();
    assert!(harness.ctx.memory(|m| m.has_focus(records_list_id())));
    assert_eq!(
        harness.state().session.records_view().current,
        rows[0].record
    );
    press(&mut harness, egui::Modifiers::NONE, egui::Key::ArrowDown);
    let chosen = rows[1].record.unwrap();
    assert_eq!(harness.state().session.records_view().current, Some(chosen));
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Enter);
    let session = &harness.state().session;
    assert_eq!(session.page(), Page::Meetings);
    let evidence = match chosen {
        RecordRef::Meeting(id) => {
            assert_eq!(session.cursor().meeting, Some(id));
            let meeting = session.project().meeting(id).unwrap();
            meeting
                .evidence
                .first()
                .copied()
                .or_else(|| meeting.evidence_spans().next())
        }
        RecordRef::Outcome(id) => {
            assert_eq!(session.cursor().outcome, Some(id));
            let outcome = session.project().outcome(id).unwrap();
            outcome
                .evidence
                .first()
                .copied()
                .or_else(|| outcome.evidence_spans().next())
        }
    }
    .expect("the record rests on words");
    assert_eq!(session.doc(), Some(evidence.doc));
    assert_eq!(
        session.cursor().span,
        Some(evidence.span),
        "its words selected"
    );
}
