//! Two people annotate one article in the window, each under their own name, and a reviewer
//! curates what they did with the keyboard (issue 13).

use daftar::model::{ReviewState, Span};
use daftar::ui::DaftarApp;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::{
    app_harness, choose_persian_interface, click_label, press, sample_copy, select_words,
    shown_words, spans, tag_minister, type_into,
};

/// Sets the name work is recorded under, as a person does: typed into the toolbar field.
fn sign_in(harness: &mut Harness<'_, DaftarApp>, name: &str) {
    type_into(harness, daftar::ui::panels::ANNOTATOR_HINT, name);
    press(harness, egui::Modifiers::NONE, egui::Key::Escape);
    assert_eq!(harness.state().session.annotator(), name);
}

fn span_by<'s>(spans: &'s [Span], author: &str, quote: &str) -> &'s Span {
    spans
        .iter()
        .find(|s| s.author == author && s.quote() == quote)
        .unwrap_or_else(|| panic!("no span of {author} on {quote}: {spans:#?}"))
}

/// A project folder (the format a team shares through git) of the sample, in the window, where
/// مریم and رضا tagged the first article: the same minister, and the ECO at different lengths.
fn annotated_by_two() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    Harness<'static, DaftarApp>,
) {
    let (dir, corpus, _) = sample_copy();
    let project = dir.path().join("team.daftar");
    let mut harness = app_harness(&project, &corpus, egui::vec2(1500.0, 1000.0));
    sign_in(&mut harness, "مریم");
    tag_minister(&mut harness);
    select_words(&mut harness, "سازمان همکاری اقتصادی اکو");
    press(&mut harness, egui::Modifiers::NONE, egui::Key::O);
    sign_in(&mut harness, "رضا");
    // The same name again is reza's own span, kept apart from maryam's.
    tag_minister(&mut harness);
    select_words(&mut harness, "اکو");
    press(&mut harness, egui::Modifiers::NONE, egui::Key::O);
    let tagged = spans(&harness);
    assert_eq!(tagged.len(), 4, "{tagged:#?}");
    span_by(&tagged, "مریم", "اسکندر مومنی");
    span_by(&tagged, "رضا", "اسکندر مومنی");
    // Blind double annotation: رضا sees only his own spans in the article when he asks to.
    assert_eq!(harness.state().highlights().len(), 4);
    click_label(&mut harness, daftar::ui::panels::ONLY_MY_SPANS);
    assert_eq!(harness.state().highlights().len(), 2);
    click_label(&mut harness, daftar::ui::panels::ONLY_MY_SPANS);
    assert_eq!(harness.state().highlights().len(), 4);
    (dir, project, harness)
}

#[test]
fn two_annotators_tag_one_article_and_a_reviewer_curates_by_keys() {
    let (_dir, project, mut harness) = annotated_by_two();
    sign_in(&mut harness, "سارا");
    click_label(&mut harness, "Curation");
    let clusters = harness.state().session.curation_clusters();
    assert_eq!(clusters.len(), 2);
    assert!(!clusters[0].agreed, "the disagreement first");
    // Versions in name order: رضا is 1, مریم is 2.
    assert_eq!(clusters[0].versions[0].0, "رضا");
    press(&mut harness, egui::Modifiers::NONE, egui::Key::CloseBracket);
    assert_eq!(harness.state().session.curation_index(), Some(0));
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Num2);
    let curated = spans(&harness);
    let long = span_by(&curated, "مریم", "سازمان همکاری اقتصادی اکو");
    let short = span_by(&curated, "رضا", "اکو");
    assert_eq!(long.review.state, ReviewState::Accepted);
    assert_eq!(long.review.reviewer, "سارا");
    assert_eq!(short.review.state, ReviewState::Rejected);
    assert_eq!(short.review.comment, "curation: took مریم's");
    assert_eq!(
        harness.state().session.curation_index(),
        Some(1),
        "on to the next place to decide"
    );
    // The names both tagged: A takes them once.
    press(&mut harness, egui::Modifiers::NONE, egui::Key::A);
    let curated = spans(&harness);
    let states: Vec<ReviewState> = ["رضا", "مریم"]
        .iter()
        .map(|who| span_by(&curated, who, "اسکندر مومنی").review.state)
        .collect();
    assert_eq!(states, [ReviewState::Accepted, ReviewState::Rejected]);
    // Undo takes the last decision back, in one step.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    let undone = spans(&harness);
    assert!(
        ["رضا", "مریم"]
            .iter()
            .all(|who| span_by(&undone, who, "اسکندر مومنی").review.is_pending())
    );
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Y);
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::S);
    harness.state_mut().session.wait_for_save();
    // What the reviewer took is in the folder, each person's spans in their own file.
    let saved = daftar::store::load(&project).unwrap();
    let document = &saved.documents[0];
    assert_eq!(document.spans.len(), 4);
    let accepted = document
        .spans
        .iter()
        .filter(|s| s.review.state == ReviewState::Accepted)
        .count();
    assert_eq!(accepted, 2);
    let prefix = format!("{}.", document.id);
    let files = std::fs::read_dir(project.join("documents"))
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            let name = name.to_string_lossy();
            name.starts_with(&prefix) && name.matches('.').count() == 2
        })
        .count();
    assert_eq!(files, 2, "one spans file per annotator");
}

#[test]
fn the_agreement_window_shows_the_pair_per_label() {
    let (_dir, _project, mut harness) = annotated_by_two();
    click_label(&mut harness, daftar::ui::panels::TEAM_MENU);
    click_label(&mut harness, daftar::ui::panels::AGREEMENT_ITEM);
    // Measured on a background thread (the window goes on drawing meanwhile).
    assert!(harness.state().measuring_agreement() || harness.state().agreement.is_some());
    harness.state_mut().wait_for_agreement();
    harness.run();
    let agreement = harness
        .state()
        .agreement
        .clone()
        .expect("measured and shown");
    assert_eq!(agreement.pairs.len(), 1);
    let pair = &agreement.pairs[0];
    assert_eq!(pair.annotators, ["رضا".to_string(), "مریم".to_string()]);
    assert_eq!(pair.labels["PER"].f1_exact, Some(1.0));
    assert_eq!(pair.labels["ORG"].f1_exact, Some(0.0));
    assert_eq!(pair.labels["ORG"].f1_overlap, Some(1.0));
    // The window: its heat map and table, κ of PER written in its cell.
    harness.get_by_label(&daftar::i18n::english(
        daftar::ui::agreement_window::AGREEMENT_WINDOW,
    ));
    harness.get_by_label("Heat map");
    assert!(harness.query_all_by_label("1.00").count() >= 2);
    assert!(
        harness.query_all_by_label("ORG").count() >= 2,
        "a column and a row"
    );
    // Measured again after more work; closed with its ×.
    click_label(&mut harness, daftar::ui::agreement_window::MEASURE_AGAIN);
    harness.state_mut().wait_for_agreement();
    harness.run();
    assert!(harness.state().agreement.is_some());
    assert!(!harness.state().measuring_agreement());
}

/// The heat map's columns were as wide as a number: a longer label's heading was cut
/// ("MEETINC"). A column is now as wide as its heading.
#[test]
fn a_long_label_in_the_heat_map_gets_a_column_as_wide_as_its_name() {
    let (_dir, _project, mut harness) = annotated_by_two();
    // رضا, signed in last, tags a meeting too: a third label, longer than PER and ORG.
    select_words(&mut harness, "چهارمین نشست وزیران");
    press(&mut harness, egui::Modifiers::NONE, egui::Key::E);
    assert!(spans(&harness).iter().any(|s| s.label == "MEETING"));
    click_label(&mut harness, daftar::ui::panels::TEAM_MENU);
    click_label(&mut harness, daftar::ui::panels::AGREEMENT_ITEM);
    harness.state_mut().wait_for_agreement();
    harness.run();
    // Each label is a heading of the heat map and a row of the table below it; the heading is
    // the first.
    let heading_width = |label: &str| {
        harness
            .query_all_by_label(label)
            .next()
            .unwrap_or_else(|| panic!("no heading {label}"))
            .rect()
            .width()
    };
    let (meeting, org) = (heading_width("MEETING"), heading_width("ORG"));
    assert!(
        meeting > org + 5.0,
        "MEETING's column ({meeting}) is wider than ORG's ({org})"
    );
}

/// The heat map's column of pairs was as wide as its heading: a longer Persian name was
/// wrapped to it and stacked over several lines. Each name stays on one line.
#[test]
fn the_heat_maps_long_annotator_name_stays_on_one_line() {
    let (_dir, _project, mut harness) = annotated_by_two();
    let long_name = "سیده فاطمه موسوی‌نژاد";
    sign_in(&mut harness, long_name);
    tag_minister(&mut harness);
    click_label(&mut harness, daftar::ui::panels::TEAM_MENU);
    click_label(&mut harness, daftar::ui::panels::AGREEMENT_ITEM);
    harness.state_mut().wait_for_agreement();
    harness.run();
    assert_eq!(harness.state().agreement.as_ref().unwrap().pairs.len(), 3);
    for name in [long_name, "مریم", "رضا"] {
        let shown: Vec<egui::Rect> = harness
            .query_all_by_label(name)
            .map(|node| node.rect())
            .collect();
        assert!(shown.len() >= 2, "{name} in the heat map and the table");
        for rect in shown {
            assert!(
                rect.height() < 30.0,
                "{name} drawn in {rect:?}: more than one line"
            );
        }
    }
}

/// The sync window's account was English whatever the interface's language: here, why a
/// project outside a git repository was not synced.
#[test]
fn a_failed_sync_is_explained_in_the_interfaces_language() {
    use daftar::i18n::Words;
    use daftar::model::LabelLanguage;
    let (dir, corpus, _) = sample_copy();
    let project = dir.path().join("team.daftar");
    let mut harness = app_harness(&project, &corpus, egui::vec2(1400.0, 900.0));
    // The interface in Persian, chosen from the toolbar as a person does.
    choose_persian_interface(&mut harness);
    assert_eq!(
        harness.state().session.view().interface_language,
        LabelLanguage::Persian
    );
    let persian = Words::new(LabelLanguage::Persian);
    for key in [daftar::ui::panels::TEAM_MENU, daftar::ui::panels::SYNC_ITEM] {
        harness.get_by_label(&persian.t(key)).click();
        harness.run();
    }
    harness.state_mut().wait_for_sync();
    harness.run();
    let shown = shown_words(&harness);
    let said: Vec<&String> = shown
        .iter()
        .filter(|text| text.contains("مخزن git نیست"))
        .collect();
    assert_eq!(said.len(), 1, "the reason, in Persian: {shown:?}");
    assert!(said[0].contains("team.daftar"), "{said:?}");
    assert!(
        !shown.iter().any(|text| text.contains("git repository")),
        "no English left: {shown:?}"
    );
    // Read from the right edge, as the rest of the window: the window's words started at
    // its left edge.
    let right_edge = |words: &str| harness.get_by_label(words).rect().right();
    let failed = right_edge(&persian.t("sync-failed"));
    let close = right_edge(&persian.t(daftar::ui::sync_window::CLOSE));
    assert!((failed - close).abs() < 1.0, "{failed} against {close}");
    let reason = harness
        .query_all_by(|_| true)
        .find(|node| node.value().is_some_and(|v| v.contains("مخزن git نیست")))
        .expect("the reason")
        .rect();
    assert!(
        (reason.right() - close).abs() < 1.0,
        "{reason:?} against {close}"
    );
}

/// Runs git in `dir` as a test user; fails the test if git fails.
fn git(dir: &std::path::Path, args: &[&str]) -> String {
    let output = std::process::Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=test", "-c", "user.email=test@localhost"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(output.status.success(), "git {args:?}: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn sync_in_the_window_brings_the_teams_work_and_pushes_ones_own() {
    let (dir, corpus, _) = sample_copy();
    let root = dir.path();
    // The team's repository: the articles and their project folder, cloned by two people.
    git(
        root,
        &["init", "--quiet", "--bare", "-b", "main", "origin.git"],
    );
    let setup = root.join("setup");
    std::fs::create_dir_all(&setup).unwrap();
    std::fs::rename(&corpus, setup.join("articles")).unwrap();
    drop(
        daftar::open::import_into(
            &setup.join("team.daftar"),
            &setup.join("articles"),
            Default::default(),
        )
        .unwrap(),
    );
    git(&setup, &["init", "--quiet", "-b", "main"]);
    git(&setup, &["add", "--all"]);
    git(&setup, &["commit", "--quiet", "-m", "start"]);
    git(&setup, &["remote", "add", "origin", "../origin.git"]);
    git(&setup, &["push", "--quiet", "-u", "origin", "main"]);
    git(root, &["clone", "--quiet", "origin.git", "maryam"]);
    git(root, &["clone", "--quiet", "origin.git", "reza"]);
    // Reza tags the news agency and syncs first.
    let reza = root.join("reza").join("team.daftar");
    {
        let (mut file, mut project) = daftar::store::ProjectFile::open(&reza).unwrap();
        let doc = project.documents[0].id;
        let text =
            std::fs::read_to_string(root.join("reza/articles").join(&project.documents[0].path))
                .unwrap();
        let start = text[..text.find("ایلنا").unwrap()].chars().count();
        let id = daftar::model::SpanId(project.allocate_id());
        let span = Span::quoting(id, &text, start, start + 5, "ORG", "رضا").unwrap();
        let document = project.document_mut(doc).unwrap();
        let at = document.insertion_index(&span);
        document.spans.insert(at, span);
        file.save(&project).unwrap();
    }
    let report = daftar::sync::sync(&reza, "رضا", None, &mut |_| true).unwrap();
    assert!(report.pushed, "{report}");

    // Maryam works in the window and syncs from the Team menu.
    let maryam = root.join("maryam").join("team.daftar");
    let opened = daftar::open::open_path(&maryam).unwrap();
    let mut harness = super::window_harness(DaftarApp::new(opened), egui::vec2(1500.0, 1000.0));
    sign_in(&mut harness, "مریم");
    tag_minister(&mut harness);
    // The agency too, but with the word before it: she and reza disagree on its extent.
    select_words(&mut harness, "خبرنگار ایلنا");
    press(&mut harness, egui::Modifiers::NONE, egui::Key::O);
    click_label(&mut harness, daftar::ui::panels::TEAM_MENU);
    click_label(&mut harness, daftar::ui::panels::SYNC_ITEM);
    harness.state_mut().wait_for_sync();
    harness.run();
    let shown = spans(&harness);
    span_by(&shown, "رضا", "ایلنا");
    span_by(&shown, "مریم", "اسکندر مومنی");
    let account = harness
        .state()
        .sync
        .account
        .as_ref()
        .unwrap()
        .as_ref()
        .unwrap();
    assert!(account.merged && account.pushed, "{account}");
    harness.get_by_label(&daftar::i18n::english(daftar::ui::sync_window::SYNC_WINDOW));
    click_label(&mut harness, daftar::ui::sync_window::CLOSE);
    assert!(harness.state().sync.account.is_none());
    // Her commit is in the team's repository, after reza's.
    let log = git(&root.join("origin.git"), &["log", "--format=%s", "main"]);
    assert!(
        log.starts_with("Merge") || log.starts_with("Daftar: مریم changed 1 document"),
        "{log}"
    );
    assert!(log.contains("Daftar: مریم changed 1 document"), "{log}");
    assert!(log.contains("Daftar: رضا changed 1 document"), "{log}");
    // The disagreement the merge brought in waits in the curation view, first; a reviewer
    // takes reza's version with its number key.
    sign_in(&mut harness, "سارا");
    click_label(&mut harness, "Curation");
    let clusters = harness.state().session.curation_clusters();
    assert!(!clusters[0].agreed, "the disagreement first");
    let versions: Vec<&str> = clusters[0].versions.iter().map(|v| v.0.as_str()).collect();
    assert_eq!(versions, ["رضا", "مریم"]);
    press(&mut harness, egui::Modifiers::NONE, egui::Key::CloseBracket);
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Num1);
    let curated = spans(&harness);
    assert_eq!(
        span_by(&curated, "رضا", "ایلنا").review.state,
        ReviewState::Accepted
    );
    assert_eq!(
        span_by(&curated, "مریم", "خبرنگار ایلنا").review.state,
        ReviewState::Rejected
    );
}

#[test]
fn documents_are_assigned_in_the_window_and_each_annotator_sees_their_queue() {
    let (_dir, corpus, _) = sample_copy();
    let project = corpus.parent().unwrap().join("team.daftar");
    let mut harness = app_harness(&project, &corpus, egui::vec2(1500.0, 1000.0));
    let count = harness.state().session.project().documents.len();
    click_label(&mut harness, daftar::ui::panels::TEAM_MENU);
    click_label(&mut harness, daftar::ui::panels::ASSIGN_ITEM);
    type_into(
        &mut harness,
        daftar::ui::assign_window::ANNOTATORS_HINT,
        "مریم، رضا، سارا",
    );
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Escape);
    click_label(
        &mut harness,
        daftar::edit::assign::AssignMode::RoundRobin.name(),
    );
    click_label(&mut harness, daftar::ui::assign_window::ASSIGN_BUTTON);
    let given: Vec<Vec<String>> = harness
        .state()
        .session
        .project()
        .documents
        .iter()
        .map(|d| d.assigned.clone())
        .collect();
    assert_eq!(given[0], ["مریم"]);
    assert_eq!(given[1], ["رضا"]);
    assert_eq!(given[2], ["سارا"]);
    sign_in(&mut harness, "رضا");
    click_label(&mut harness, daftar::ui::panels::MY_QUEUE);
    assert_eq!(
        harness.state().session.documents().assigned_to(),
        Some("رضا")
    );
    let queue = harness.state().session.documents().shown().len();
    assert_eq!(
        queue,
        given
            .iter()
            .filter(|g| g.contains(&"رضا".to_string()))
            .count()
    );
    assert!(queue < count);
    // Double annotation: every document to two of them, so every pair shares some.
    click_label(
        &mut harness,
        daftar::edit::assign::AssignMode::Double.name(),
    );
    click_label(&mut harness, daftar::ui::assign_window::ASSIGN_BUTTON);
    assert!(
        harness
            .state()
            .session
            .project()
            .documents
            .iter()
            .filter(|d| d.assigned.contains(&"رضا".to_string()))
            .all(|d| d.assigned.len() == 2)
    );
}
