//! The glyph walk (issue 12): with the annotated sample open and the label names in Persian, then
//! in Arabic, every page, dialog and picker of the window is shown and every widget hovered (so
//! its tooltip shows too). egui draws with fonts that have no Persian or Arabic letters and the
//! harness fails on any letter egui cannot draw; our text engine reports any letter the bundled
//! fonts lack. Either way a string that reached the wrong engine, or a letter no font has, fails
//! here.

use daftar::ui::DaftarApp;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::{click_label, press, sample_project_harness};
use crate::editing::click_span;

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
    }
    harness.remove_cursor();
    harness.run();
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

/// What our text engine could not draw: texts laid out with a missing letter, and empty boxes
/// drawn.
fn missing_in_our_engine(harness: &Harness<'_, DaftarApp>) -> (Vec<String>, usize) {
    let engine = harness
        .state()
        .text_engine()
        .expect("the engine drew the window");
    let texts = engine
        .cache
        .texts_missing_glyphs()
        .map(String::from)
        .collect();
    (texts, engine.atlas.missing_glyphs_drawn())
}

fn walk(language: &str) {
    let (_dir, _project, mut harness) = sample_project_harness();
    // Tooltips at once, so hovering shows them within a frame.
    harness
        .ctx
        .all_styles_mut(|style| style.interaction.tooltip_delay = 0.0);
    // The label names in Persian or Arabic, chosen as a person does.
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Label names")
        .click();
    harness.run();
    click_label(&mut harness, language);

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

    // The export window.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::E);
    hover_everything(&mut harness);
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Escape);

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

    let (texts, boxes) = missing_in_our_engine(&harness);
    assert!(
        texts.is_empty(),
        "letters the bundled fonts lack: {texts:?}"
    );
    assert_eq!(boxes, 0, "empty boxes drawn");
}

#[test]
fn every_widget_draws_every_letter_with_labels_in_persian() {
    walk("Persian");
}

#[test]
fn every_widget_draws_every_letter_with_labels_in_arabic() {
    walk("Arabic");
}
