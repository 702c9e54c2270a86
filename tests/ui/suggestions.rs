//! Gazetteer suggestions in the window as an analyst works them (issue 14): Project › Suggest
//! from gazetteers, then the Suggestions page, `]` to a group, A to accept all of it.

use daftar::app::Page;
use daftar::model::ReviewState;
use daftar::ui::panels::{PRE_ANNOTATE_DOCUMENT, PROJECT_MENU};
use eframe::egui;
use egui_kittest::kittest::Queryable;

use super::{click_label, press, sample_project_harness};

#[test]
fn suggest_from_the_gazetteers_and_accept_a_group_by_keys() {
    let (_dir, _project, mut harness) = sample_project_harness();
    click_label(&mut harness, PROJECT_MENU);
    click_label(&mut harness, PRE_ANNOTATE_DOCUMENT);
    // It runs in the background.
    harness.state_mut().wait_for_pre_annotation();
    harness.run();
    let session = &harness.state().session;
    let groups = session.suggestion_groups();
    assert!(!groups.is_empty(), "{:?}", session.message());
    let shown = session.doc().unwrap();
    assert!(
        groups
            .iter()
            .flat_map(|g| &g.spans)
            .all(|at| at.doc == shown)
    );

    click_label(&mut harness, "Suggestions");
    assert_eq!(harness.state().session.page(), Page::Suggestions);
    press(&mut harness, egui::Modifiers::NONE, egui::Key::CloseBracket);
    let first = groups[0].clone();
    assert_eq!(
        harness.state().session.suggestions_view().current,
        Some(first.key.clone())
    );
    harness.get_by_label(&daftar::ui::suggestions_page::group_row_name(&first));
    press(&mut harness, egui::Modifiers::NONE, egui::Key::A);
    let session = &harness.state().session;
    for at in &first.spans {
        let span = session.project().span(*at).unwrap();
        assert_eq!(span.review.state, ReviewState::Accepted, "{}", span.quote());
    }
    assert_eq!(session.suggestion_groups().len(), groups.len() - 1);
    // One undo step takes the whole group back to pending.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    let session = &harness.state().session;
    assert!(
        first
            .spans
            .iter()
            .all(|at| session.project().span(*at).unwrap().review.state == ReviewState::Pending)
    );
}
