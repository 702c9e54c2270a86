//! The glyph walk (issues 12 and 15): with the annotated sample open and the label names in
//! Persian, then in Arabic — and then the whole interface in Persian, and in Arabic — every page,
//! dialog, window, menu and picker of the window is shown and every widget hovered (so its
//! tooltip shows too). egui draws with fonts that have no Persian or Arabic letters and the
//! harness fails on any letter egui cannot draw; our text engines report any letter the bundled
//! fonts lack. With the interface in Persian or Arabic, the walk also fails on a message key the
//! language's catalogue lacks, on any words egui drew itself (every word of the interface goes
//! through our engine, so egui's own text may only be digits and signs), and on a window that is
//! not mirrored.

use std::collections::BTreeSet;

use daftar::i18n::{Words, missing_keys};
use daftar::model::LabelLanguage;
use daftar::ui::DaftarApp;
use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use super::{click_label, press, sample_project_harness};
use crate::editing::click_span;

/// Words egui drew itself in the last frame (text shapes with a letter in them).
fn words_egui_drew(harness: &Harness<'_, DaftarApp>) -> Vec<String> {
    fn collect(shape: &egui::Shape, found: &mut Vec<String>) {
        match shape {
            egui::Shape::Text(text) => {
                let words = text.galley.text();
                if words.chars().any(char::is_alphabetic) {
                    found.push(words.to_string());
                }
            }
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect(s, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    for clipped in &harness.output().shapes {
        collect(&clipped.shape, &mut found);
    }
    found
}

/// The Latin words in `text` (two letters or more).
fn latin_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2)
}

/// Latin words a Persian or Arabic interface may show: those its catalogues keep (Alt, SVG,
/// CAMEO…), key names and the export formats' names, and the project's own words (its files'
/// names, the articles, the project file: names, quotes, keys, annotators). Any other is
/// English that did not go through the catalogue.
fn allowed_latin_words(harness: &Harness<'_, DaftarApp>) -> BTreeSet<String> {
    let mut sources: Vec<String> = daftar::i18n::CATALOGUES[1..]
        .iter()
        .map(|(_, source)| source.to_string())
        .collect();
    sources.extend(egui::Key::ALL.iter().map(|k| k.name().to_string()));
    sources.push("Ctrl Shift Alt Cmd".into());
    // The language pickers name each language in itself too.
    sources.push(Words::ENGLISH.t("language-english"));
    sources.extend(
        daftar::interchange::Format::ALL
            .iter()
            .map(|f| f.name().to_string()),
    );
    let project = harness.state().session.project_path();
    let mut files = vec![project.parent().unwrap().to_path_buf()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else {
            sources.push(path.display().to_string());
            sources.push(std::fs::read_to_string(&path).unwrap_or_default());
        }
    }
    sources
        .iter()
        .flat_map(|s| latin_words(s).map(String::from).collect::<Vec<_>>())
        .collect()
}

/// With the interface in Persian or Arabic: fails when egui drew words itself this frame, or a
/// widget shows a Latin word neither the catalogue nor the project has.
fn check_frame(harness: &Harness<'_, DaftarApp>) {
    if !harness.state().words().right_to_left() {
        return;
    }
    let words = words_egui_drew(harness);
    assert!(words.is_empty(), "egui drew these words itself: {words:?}");
    thread_local! {
        // Once per walk (each test runs on a thread of its own).
        static ALLOWED: std::cell::OnceCell<BTreeSet<String>> = const { std::cell::OnceCell::new() };
    }
    ALLOWED.with(|allowed| {
        let allowed = allowed.get_or_init(|| allowed_latin_words(harness));
        for node in harness.query_all_by(|_| true) {
            let node = node.accesskit_node();
            // egui names its own handles ("Resize panel"): never drawn, and not ours to name.
            if matches!(node.role(), Role::Splitter | Role::ScrollBar) {
                continue;
            }
            for text in [node.label(), node.value()].into_iter().flatten() {
                let stray: Vec<&str> = latin_words(&text)
                    .filter(|w| !allowed.contains(*w))
                    .collect();
                assert!(
                    stray.is_empty(),
                    "{stray:?} not from the catalogue, in {text:?}"
                );
            }
        }
    });
}

/// Hovers every widget the window shows now, one frame each.
fn hover_everything(harness: &mut Harness<'_, DaftarApp>) {
    let window = harness.ctx.content_rect();
    let spots: Vec<egui::Pos2> = harness
        .query_all_by(|node| node.bounding_box().is_some())
        .filter_map(|node| {
            let rect = node.rect();
            (rect.width() > 0.0 && rect.height() > 0.0 && window.contains(rect.center()))
                .then(|| rect.center())
        })
        .collect();
    for spot in spots {
        harness.hover_at(spot);
        harness.step();
        harness.step();
        check_frame(harness);
    }
    harness.remove_cursor();
    harness.run();
    check_frame(harness);
}

/// Hovers everything, then scrolls the right-hand panel down a screen at a time and hovers what
/// came into view, to the panel's end.
fn walk_page(harness: &mut Harness<'_, DaftarApp>) {
    hover_everything(harness);
    let window = harness.ctx.content_rect();
    let panel = egui::pos2(window.max.x - 120.0, window.center().y);
    for _ in 0..4 {
        harness.hover_at(panel);
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -window.height() * 0.7),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run();
        hover_everything(harness);
    }
}

/// Opens every picker and combo box shown now (all of its options drawn), then closes it.
fn open_every_picker(harness: &mut Harness<'_, DaftarApp>) {
    let combo = egui::accesskit::Role::ComboBox;
    let count = harness.query_all_by_role(combo).count();
    for index in 0..count {
        let Some(node) = harness.query_all_by_role(combo).nth(index) else {
            break;
        };
        node.scroll_to_me();
        harness.run();
        harness.query_all_by_role(combo).nth(index).unwrap().click();
        harness.run();
        hover_everything(harness);
        press(harness, egui::Modifiers::NONE, egui::Key::Escape);
    }
}

/// What our text engines could not draw (the article's and the interface's): texts laid out
/// with a missing letter, and empty boxes drawn.
fn missing_in_our_engine(harness: &Harness<'_, DaftarApp>) -> (Vec<String>, usize) {
    let engine = harness
        .state()
        .text_engine()
        .expect("the engine drew the window");
    let mut texts: Vec<String> = engine
        .cache
        .texts_missing_glyphs()
        .map(String::from)
        .collect();
    let (interface_texts, interface_boxes) = daftar::ui::words::missing_glyphs(&harness.ctx);
    texts.extend(interface_texts);
    (texts, engine.atlas.missing_glyphs_drawn() + interface_boxes)
}

/// Clicks the button named by `key` in the interface's language.
fn click_key(harness: &mut Harness<'_, DaftarApp>, key: &str) {
    let words = harness.state().words().t(key);
    let button = egui::accesskit::Role::Button;
    harness.run();
    harness.get_by_role_and_label(button, &words).scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(button, &words).click();
    harness.run();
}

/// Opens a menu of the menu bar, hovers its entries, and closes it.
fn walk_menu(harness: &mut Harness<'_, DaftarApp>, menu: &str) {
    click_key(harness, menu);
    hover_everything(harness);
    press(harness, egui::Modifiers::NONE, egui::Key::Escape);
}

/// How the walk chooses the languages: the label names only, or the whole interface.
#[derive(Clone, Copy, PartialEq)]
enum Choose {
    LabelNames,
    Interface,
}

fn walk(language: LabelLanguage, choose: Choose) {
    let (_dir, _project, mut harness) = sample_project_harness();
    // Tooltips at once, so hovering shows them within a frame.
    harness
        .ctx
        .all_styles_mut(|style| style.interaction.tooltip_delay = 0.0);
    // Chosen as a person does, from the toolbar, in English: the interface's language (named in
    // English and in itself) or the label names'.
    let english = Words::ENGLISH;
    let name = |l: LabelLanguage| {
        english.t(match l {
            LabelLanguage::English => "language-english",
            LabelLanguage::Persian => "language-persian",
            LabelLanguage::Arabic => "language-arabic",
        })
    };
    let (combo, entry) = match choose {
        Choose::LabelNames => (english.t("toolbar-label-names"), name(language)),
        Choose::Interface => {
            let own = Words::new(language).t(match language {
                LabelLanguage::Persian => "language-persian",
                _ => "language-arabic",
            });
            (
                english.t("toolbar-interface-language"),
                format!("{} — {own}", name(language)),
            )
        }
    };
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, &combo)
        .click();
    harness.run();
    click_label(&mut harness, &entry);
    assert_eq!(harness.state().session.view().label_language, language);
    if choose == Choose::Interface {
        assert_eq!(harness.state().session.view().interface_language, language);
        assert_mirrored(&harness);
        // The menus of the menu bar, each entry hovered.
        for menu in ["menu-project", "menu-corpus", "menu-team"] {
            walk_menu(&mut harness, menu);
        }
    }

    // The spans page with a linked organization selected: entity, subtype, note, attributes.
    click_span(&mut harness, "سازمان همکاری اقتصادی اکو");
    walk_page(&mut harness);
    open_every_picker(&mut harness);

    // The meetings page: the ECO meeting, its fields, participants and outcomes.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::M);
    let outcome_title = {
        let session = &harness.state().session;
        let project = session.project();
        let meeting = session
            .cursor()
            .meeting
            .expect("the ECO meeting is current");
        let outcome = project
            .outcomes_of(meeting)
            .next()
            .expect("it has outcomes");
        let language = session.view().label_language;
        daftar::app::describe::outcome_title(project, outcome, language)
    };
    click_label(&mut harness, &outcome_title);
    assert!(harness.state().session.cursor().outcome.is_some());
    walk_page(&mut harness);
    open_every_picker(&mut harness);

    // The review page, stepping to an item.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::R);
    press(&mut harness, egui::Modifiers::NONE, egui::Key::CloseBracket);
    walk_page(&mut harness);

    // The question before deleting a span a meeting rests on.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::R);
    click_span(&mut harness, "نشست وزیران کشور");
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Delete);
    hover_everything(&mut harness);
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Escape);

    // The command palette, every entry listed.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::K);
    hover_everything(&mut harness);
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Escape);

    // The export window, every format listed.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::E);
    hover_everything(&mut harness);
    open_every_picker(&mut harness);
    click_key(&mut harness, "window-close");

    // The Arabic article and the Shanghai one, on the spans page.
    for document in ["001_fbc263693fc4a0ea.txt", "004_ead77181adac0951.txt"] {
        let session = &harness.state().session;
        let name = session
            .project()
            .document_by_path(document)
            .unwrap()
            .display_name()
            .to_string();
        click_label(&mut harness, &name);
        hover_everything(&mut harness);
    }

    if choose == Choose::Interface {
        walk_the_rest(&mut harness);
        let missing = missing_keys(language);
        assert!(
            missing.is_empty(),
            "not in the {language:?} catalogue: {missing:?}"
        );
    }

    let (texts, boxes) = missing_in_our_engine(&harness);
    assert!(
        texts.is_empty(),
        "letters the bundled fonts lack: {texts:?}"
    );
    assert_eq!(boxes, 0, "empty boxes drawn");
}

/// The documents on the right of the article, the annotation panel on its left.
fn assert_mirrored(harness: &Harness<'_, DaftarApp>) {
    let words = harness.state().words();
    let article = harness
        .get_by_label(&words.t(daftar::ui::article_view::ARTICLE_VIEW_LABEL))
        .rect();
    let filter = harness
        .get_by_label(&words.t(daftar::ui::FILTER_HINT))
        .rect();
    let tab = harness
        .get_by_role_and_label(egui::accesskit::Role::Button, &words.t("page-spans"))
        .rect();
    assert!(
        filter.min.x >= article.max.x,
        "the document list is right of the article: {filter:?} {article:?}"
    );
    assert!(
        tab.max.x <= article.min.x,
        "the annotation panel is left of the article: {tab:?} {article:?}"
    );
}

/// What only a whole-interface walk reaches: the curation and suggestions pages, the corpus
/// windows (search, records, charts) and the team's windows (assign, agreement).
fn walk_the_rest(harness: &mut Harness<'_, DaftarApp>) {
    for page in ["page-curation", "page-suggestions", "page-spans"] {
        click_key(harness, page);
        hover_everything(harness);
    }
    let ctrl_shift = egui::Modifiers::COMMAND | egui::Modifiers::SHIFT;
    // Search: a word typed and found, its hits listed.
    press(harness, ctrl_shift, egui::Key::F);
    harness.event(egui::Event::Text("اکو".into()));
    press(harness, egui::Modifiers::NONE, egui::Key::Enter);
    harness.state_mut().wait_for_search();
    harness.run();
    hover_everything(harness);
    open_every_picker(harness);
    click_key(harness, "window-close");
    // The records table and the charts, each chart shown.
    press(harness, ctrl_shift, egui::Key::M);
    hover_everything(harness);
    open_every_picker(harness);
    click_key(harness, "window-close");
    press(harness, ctrl_shift, egui::Key::T);
    for chart in [
        "charts-timeline",
        "charts-outcomes",
        "charts-spans",
        "charts-documents",
        "charts-weeks",
    ] {
        click_key(harness, chart);
        hover_everything(harness);
    }
    click_key(harness, "window-close");
    // The team's windows.
    click_key(harness, "menu-team");
    click_key(harness, "team-assign");
    hover_everything(harness);
    click_key(harness, "window-close");
    click_key(harness, "menu-team");
    click_key(harness, "team-agreement");
    harness.state_mut().wait_for_agreement();
    harness.run();
    hover_everything(harness);
}

#[test]
fn every_widget_draws_every_letter_with_labels_in_persian() {
    walk(LabelLanguage::Persian, Choose::LabelNames);
}

#[test]
fn every_widget_draws_every_letter_with_labels_in_arabic() {
    walk(LabelLanguage::Arabic, Choose::LabelNames);
}

#[test]
fn every_page_of_the_interface_in_persian_is_catalogued_mirrored_and_drawn() {
    walk(LabelLanguage::Persian, Choose::Interface);
}

#[test]
fn every_page_of_the_interface_in_arabic_is_catalogued_mirrored_and_drawn() {
    walk(LabelLanguage::Arabic, Choose::Interface);
}
