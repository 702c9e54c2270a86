//! Regression tests for keys typed into text fields that changed the project (issue 10): with a
//! span and a meeting selected, typing a folder such as `~/exports/july` into the export window
//! relabelled the span with every label letter, `A`/`X` decided review items, digits filled
//! meeting fields, Backspace and Delete deleted the span. Every text field of the window is typed
//! into here through the harness, key by key as a keyboard sends them, and the project must not
//! change while the field has the keyboard.

use daftar::app::Page;
use daftar::model::Project;
use daftar::ui::DaftarApp;
use daftar::ui::input::text_field_has_keyboard;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::{click_label, press, sample_project_harness, select_words, spans};

/// Every label key, every field digit, the review keys, brackets and a path's characters.
const TYPED: &str = "~/exports/july-2021.v2 PODGLFTHUNYCKERMBS 0123456789 ax[]AX";

/// The key a character is typed with, and whether Shift is held for it.
fn key_of(c: char) -> (egui::Key, bool) {
    match c {
        '~' => (egui::Key::Backtick, true),
        c => {
            let name = c.to_ascii_uppercase().to_string();
            let key = egui::Key::from_name(&name).unwrap_or_else(|| panic!("no key for {c:?}"));
            (key, c.is_ascii_uppercase())
        }
    }
}

/// Types `text` as a keyboard does: for each character the key goes down (with its physical
/// key), the character arrives as text, the key comes up; a frame each.
fn type_like_a_keyboard(harness: &mut Harness<'_, DaftarApp>, text: &str) {
    for c in text.chars() {
        let (key, shift) = key_of(c);
        let modifiers = if shift {
            egui::Modifiers::SHIFT
        } else {
            egui::Modifiers::NONE
        };
        for pressed in [true, false] {
            harness.event(egui::Event::Key {
                key,
                physical_key: Some(key),
                pressed,
                repeat: false,
                modifiers,
            });
            if pressed {
                harness.event(egui::Event::Text(c.to_string()));
            }
        }
        harness.step();
    }
    // And the keys that delete: the last character, then nothing (the caret is at the end).
    press(harness, egui::Modifiers::NONE, egui::Key::Backspace);
    press(harness, egui::Modifiers::NONE, egui::Key::Delete);
}

/// Where the analyst is, which no key typed into a field may move.
fn where_we_are(harness: &Harness<'_, DaftarApp>) -> (Project, daftar::app::Cursor) {
    let session = &harness.state().session;
    (session.project().clone(), session.cursor().clone())
}

/// Clicks into the field, types [`TYPED`] into it and checks that nothing but the field
/// changed; Escape then leaves the field.
fn type_into_field(harness: &mut Harness<'_, DaftarApp>, field: &str) {
    click_label(harness, field);
    assert!(
        text_field_has_keyboard(&harness.ctx),
        "{field} has the keyboard"
    );
    let before = where_we_are(harness);
    // What the field held goes: Ctrl+A selects it, and typing replaces it.
    press(harness, egui::Modifiers::COMMAND, egui::Key::A);
    type_like_a_keyboard(harness, TYPED);
    let after = where_we_are(harness);
    assert!(
        before.0 == after.0,
        "typing into {field} changed the project"
    );
    assert_eq!(before.1, after.1, "typing into {field} moved the cursor");
    let typed = harness
        .get_by_label(&daftar::i18n::english(field))
        .value()
        .unwrap_or_else(|| panic!("{field} has a value"));
    assert_eq!(
        typed,
        TYPED[..TYPED.len() - 1],
        "{field} holds what was typed"
    );
    press(harness, egui::Modifiers::NONE, egui::Key::Escape);
    assert!(
        !text_field_has_keyboard(&harness.ctx),
        "Escape left {field}"
    );
}

/// The bundled sample on the Persian ECO article, a fresh ORG span selected (linkable, not yet
/// linked) and the ECO meeting current.
fn span_and_meeting_selected() -> (tempfile::TempDir, Harness<'static, DaftarApp>) {
    let (dir, _project, mut harness) = sample_project_harness();
    select_words(&mut harness, "دبیرخانه اکو");
    press(&mut harness, egui::Modifiers::NONE, egui::Key::O);
    let cursor = harness.state().session.cursor().clone();
    assert!(cursor.span.is_some(), "a span is selected");
    assert!(cursor.meeting.is_some(), "the ECO meeting is current");
    (dir, harness)
}

#[test]
fn typing_into_the_fields_of_the_spans_page_changes_no_span() {
    let (_dir, mut harness) = span_and_meeting_selected();
    for field in [
        daftar::ui::FILTER_HINT,
        daftar::ui::panels::ANNOTATOR_HINT,
        daftar::ui::panels::ENTITY_SEARCH_HINT,
        daftar::ui::panels::ATTRIBUTE_KEY_HINT,
        daftar::ui::panels::ATTRIBUTE_VALUE_HINT,
    ] {
        type_into_field(&mut harness, field);
    }
    // The note is the field that is saved when it loses the keyboard: its own value, nothing else.
    let (project, _) = where_we_are(&harness);
    type_into_field(&mut harness, daftar::ui::panels::NOTE_HINT);
    let span = harness.state().session.cursor().span.unwrap();
    let note_of = |p: &Project| {
        p.documents
            .iter()
            .find_map(|d| d.span(span))
            .map(|s| s.note.to_string())
    };
    assert_eq!(
        note_of(harness.state().session.project()).as_deref(),
        Some(&TYPED[..TYPED.len() - 1])
    );
    let mut expected = project;
    let doc = harness.state().session.doc().unwrap();
    let document = expected.document_mut(doc).unwrap();
    let noted = document.spans.iter_mut().find(|s| s.id == span).unwrap();
    noted.note = TYPED[..TYPED.len() - 1].into();
    assert!(
        expected == *harness.state().session.project(),
        "the note changed, nothing else"
    );
}

#[test]
fn typing_into_the_fields_of_the_meetings_page_fills_no_meeting_field() {
    let (_dir, mut harness) = span_and_meeting_selected();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::M);
    assert_eq!(harness.state().session.page(), Page::Meetings);
    type_into_field(&mut harness, daftar::ui::meetings_panel::PUBLISHED_HINT);
    type_into_field(
        &mut harness,
        daftar::ui::meetings_panel::GROUP_DESCRIPTION_HINT,
    );
    click_label(&mut harness, daftar::ui::meetings_panel::EDIT_CODES);
    for field in daftar::ui::meetings_panel::CODES_HINTS {
        type_into_field(&mut harness, field);
    }
}

#[test]
fn typing_a_number_into_the_unnamed_count_fills_no_meeting_field() {
    let (_dir, mut harness) = span_and_meeting_selected();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::M);
    let spin = egui::accesskit::Role::SpinButton;
    harness
        .get_by_role_and_label(spin, "Unnamed:")
        .scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(spin, "Unnamed:").click();
    harness.run();
    assert!(
        text_field_has_keyboard(&harness.ctx),
        "typing into the count"
    );
    let before = where_we_are(&harness);
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::A);
    type_like_a_keyboard(&mut harness, "10");
    assert!(
        before.0 == where_we_are(&harness).0,
        "the project is unchanged"
    );
    assert_eq!(before.1, where_we_are(&harness).1);
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Enter);
    assert_eq!(
        harness.state().meetings_panel.group_count,
        1,
        "10, then Backspace"
    );
}

#[test]
fn typing_into_the_review_fields_decides_nothing() {
    let (_dir, mut harness) = span_and_meeting_selected();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::R);
    // An item is current: A and X would decide it, were they shortcuts here.
    press(&mut harness, egui::Modifiers::NONE, egui::Key::CloseBracket);
    assert!(harness.state().session.cursor().review_item.is_some());
    type_into_field(&mut harness, daftar::ui::review_panel::COMMENT_HINT);
    type_into_field(&mut harness, daftar::ui::review_panel::NOTE_HINT_REVIEW);
}

#[test]
fn typing_a_folder_into_the_export_window_relabels_no_span() {
    let (_dir, mut harness) = span_and_meeting_selected();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::E);
    assert!(harness.state().export.open);
    type_into_field(&mut harness, daftar::ui::export_dialog::FOLDER_HINT);
    assert_eq!(
        spans(&harness)
            .iter()
            .filter(|s| s.label == "DURATION")
            .count(),
        0
    );
}

#[test]
fn escape_gives_the_keys_back_to_the_article() {
    let (_dir, mut harness) = span_and_meeting_selected();
    let span = harness.state().session.cursor().span.unwrap();
    click_label(&mut harness, daftar::ui::FILTER_HINT);
    press(&mut harness, egui::Modifiers::NONE, egui::Key::G);
    let label =
        |h: &Harness<'_, DaftarApp>| spans(h).into_iter().find(|s| s.id == span).unwrap().label;
    assert_eq!(label(&harness), "ORG", "G typed into the filter");
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Escape);
    press(&mut harness, egui::Modifiers::NONE, egui::Key::G);
    assert_eq!(label(&harness), "GPE", "G relabels once the filter let go");
    // Ctrl+Z, the keys back with the article, undoes the relabelling.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(label(&harness), "ORG");
}
