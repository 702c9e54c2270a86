//! Corpus search in the window as an analyst uses it (issue 14): Ctrl+Shift+F, the words typed,
//! Enter; a hit opened by a click; hits checked with Space and tagged together with a label's
//! key, one undo step that Ctrl+Z takes back.

use daftar::model::Project;
use daftar::ui::DaftarApp;
use daftar::ui::input::text_field_has_keyboard;
use daftar::ui::search_window::{RESULTS_LIST, hit_row_name, results_id};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::{press, sample_project_harness};

fn span_count(project: &Project) -> usize {
    project.documents.iter().map(|d| d.spans.len()).sum()
}

/// Opens the search window with its shortcut and searches for `words`, typed into its field.
fn search_for(harness: &mut Harness<'_, DaftarApp>, words: &str) {
    press(
        harness,
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::F,
    );
    assert!(
        text_field_has_keyboard(&harness.ctx),
        "the search field has the keyboard as the window opens"
    );
    harness.event(egui::Event::Text(words.into()));
    harness.run();
    press(harness, egui::Modifiers::NONE, egui::Key::Enter);
    // The search runs on its own thread.
    harness.state_mut().wait_for_search();
    harness.run();
}

#[test]
fn search_open_a_hit_by_a_click_and_tag_three_hits_at_once_by_keys() {
    let (_dir, _project, mut harness) = sample_project_harness();
    // The Arabic spelling of the word: the Persian ایران is found through the match key.
    search_for(&mut harness, "ايران");
    let hits = harness.state().session.search().hits().to_vec();
    assert!(hits.len() >= 6, "{hits:?}");
    assert!(hits.iter().any(|h| h.quote() == "ایران"));
    assert!(hits.iter().any(|h| h.quote() == "إيران"));
    harness.get_by_label(&daftar::i18n::english(RESULTS_LIST));

    // A click on a hit of a document not shown opens it at the hit's words.
    let shown = harness.state().session.doc();
    let (index, hit) = hits
        .iter()
        .enumerate()
        .find(|(_, h)| Some(h.doc) != shown)
        .expect("a hit in another document");
    harness
        .get_by_label(&hit_row_name(daftar::i18n::Words::ENGLISH, index, hit))
        .click();
    harness.run();
    let session = &harness.state().session;
    assert_eq!(session.doc(), Some(hit.doc));
    assert_eq!(session.selection_in_chars(), Some(hit.start..hit.end));
    assert!(
        harness.ctx.memory(|m| m.has_focus(results_id())),
        "the list has the keys after a click"
    );

    // Space checks, ↓ moves: three hits checked from the keyboard.
    for step in 0..3 {
        if step > 0 {
            press(&mut harness, egui::Modifiers::NONE, egui::Key::ArrowDown);
        }
        press(&mut harness, egui::Modifiers::NONE, egui::Key::Space);
    }
    let checked: Vec<usize> = harness
        .state()
        .session
        .search()
        .checked
        .iter()
        .copied()
        .collect();
    assert_eq!(checked, [index, index + 1, index + 2]);
    let session = &harness.state().session;
    let new = checked
        .iter()
        .filter(|&&i| !session.hit_is_tagged(&hits[i], "GPE"))
        .count();
    assert!(new > 0, "some of them are not tagged yet");
    let before = session.project().clone();
    // G is GPE's key: in the list, it tags the checked hits (not the article's selection).
    press(&mut harness, egui::Modifiers::NONE, egui::Key::G);
    let session = &harness.state().session;
    assert_eq!(span_count(session.project()), span_count(&before) + new);
    for &i in &checked {
        assert!(session.hit_is_tagged(&hits[i], "GPE"), "{:?}", hits[i]);
    }
    // One undo step: Ctrl+Z in the list takes all of them back.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    let after = harness.state().session.project();
    // (Ids are never handed out twice, so the id counter stays where it went.)
    for (then, now) in before.documents.iter().zip(&after.documents) {
        assert!(
            then.spans == now.spans && then.status == now.status,
            "{}",
            then.path
        );
    }
}
