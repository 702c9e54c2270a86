//! Correcting what was recorded, as an analyst does it in the window (issue 12): a span's edges
//! moved with the keyboard in screen order or by dragging a handle, the caret moved by word and
//! line to select with the keyboard.

use daftar::ui::DaftarApp;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::{
    app_harness, article_on_screen, drag, find_words, press, sample_copy, sample_project_harness,
    scroll_into_view, select_words, spans,
};

/// The words of the selected span.
fn selected_quote(harness: &Harness<'_, DaftarApp>) -> String {
    let session = &harness.state().session;
    let span = session.cursor().span.expect("a span is selected");
    let doc = session.doc().unwrap();
    let document = session.project().document(doc).unwrap();
    document.span(span).unwrap().quote().to_string()
}

/// The words selected in the article.
fn selected_text(harness: &Harness<'_, DaftarApp>) -> String {
    let session = &harness.state().session;
    let text = session.article().unwrap().text().unwrap();
    text[session.cursor().selection.range()].to_string()
}

/// Clicks the span over `words` in the article, as a person selects it: the button goes down
/// and up on its first letter (a frame apart: held longer, egui would not call it a click).
pub fn click_span(harness: &mut Harness<'_, DaftarApp>, words: &str) {
    let range = find_words(harness, words);
    let (first, _) = scroll_into_view(harness, range);
    harness.hover_at(first);
    harness.run();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: first,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
}

const ALT_SHIFT: egui::Modifiers = egui::Modifiers::ALT.plus(egui::Modifiers::SHIFT);

#[test]
fn alt_arrows_grow_and_shrink_a_persian_span_on_the_side_they_point_to() {
    let (_dir, _project, mut harness) = sample_project_harness();
    click_span(&mut harness, "اسکندر مومنی");
    assert_eq!(selected_quote(&harness), "اسکندر مومنی");
    // Right to left: the word on the span's left is the one read after it.
    press(&mut harness, ALT_SHIFT, egui::Key::ArrowLeft);
    assert_eq!(selected_quote(&harness), "اسکندر مومنی در");
    press(&mut harness, ALT_SHIFT, egui::Key::ArrowRight);
    assert_eq!(selected_quote(&harness), "ایلنا اسکندر مومنی در");
    // Without Shift the opposite edge follows the arrow: the span shrinks.
    press(&mut harness, egui::Modifiers::ALT, egui::Key::ArrowRight);
    assert_eq!(selected_quote(&harness), "ایلنا اسکندر مومنی");
    press(&mut harness, egui::Modifiers::ALT, egui::Key::ArrowLeft);
    assert_eq!(selected_quote(&harness), "اسکندر مومنی");
    // Each move is one undo step.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(selected_quote(&harness), "ایلنا اسکندر مومنی");
    // The article kept its selection; no text was selected by the keys.
    assert!(harness.state().session.cursor().selection.is_empty());
}

#[test]
fn dragging_a_spans_left_handle_over_the_next_word_takes_it_in() {
    let (_dir, _project, mut harness) = sample_project_harness();
    click_span(&mut harness, "اسکندر مومنی");
    let span = find_words(&harness, "اسکندر مومنی");
    let next = find_words(&harness, "مومنی در چهارمین");
    let next = next.start + "مومنی ".len()..next.start + "مومنی در".len();
    let (_, layout, origin) = article_on_screen(&harness);
    let rects = layout.selection_rects(span);
    let left = rects.iter().map(|r| r.min_x).fold(f32::MAX, f32::min);
    let middle_y = (rects[0].min_y + rects[0].max_y) / 2.0;
    let word = layout.selection_rects(next)[0];
    let handle = origin + egui::vec2(left, middle_y);
    // Onto the far (left) side of «در».
    let target = origin + egui::vec2(word.min_x + 1.0, middle_y);
    drag(&mut harness, handle, target);
    assert_eq!(selected_quote(&harness), "اسکندر مومنی در");
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(selected_quote(&harness), "اسکندر مومنی");
}

#[test]
fn ctrl_arrows_home_and_end_move_the_caret_in_screen_order_and_shift_selects() {
    let (_dir, _project, mut harness) = sample_project_harness();
    select_words(&mut harness, "ایلنا");
    // Home: to the start of the line, which is on the right in Persian.
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Home);
    let selection = harness.state().session.cursor().selection;
    assert_eq!((selection.anchor, selection.focus), (0, 0));
    // Leftward is onward in Persian: Ctrl+Shift+← takes in a word at a time.
    let ctrl_shift = egui::Modifiers::COMMAND | egui::Modifiers::SHIFT;
    press(&mut harness, ctrl_shift, egui::Key::ArrowLeft);
    assert_eq!(selected_text(&harness), "به");
    press(&mut harness, ctrl_shift, egui::Key::ArrowLeft);
    assert_eq!(selected_text(&harness), "به گزارش");
    press(&mut harness, egui::Modifiers::SHIFT, egui::Key::ArrowLeft);
    assert_eq!(selected_text(&harness), "به گزارش ");
    press(&mut harness, ctrl_shift, egui::Key::ArrowRight);
    assert_eq!(selected_text(&harness), "به ");
    // Shift+End: to the end of the line, the anchor stays.
    press(&mut harness, egui::Modifiers::SHIFT, egui::Key::End);
    let line = selected_text(&harness);
    assert!(
        line.starts_with("به گزارش خبرنگار ایلنا") && line.len() > 40,
        "{line}"
    );
    // Down a line and back up lands where it started.
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Home);
    press(&mut harness, egui::Modifiers::NONE, egui::Key::ArrowDown);
    let down = harness.state().session.cursor().selection;
    assert!(down.is_empty() && down.focus > 0);
    press(&mut harness, egui::Modifiers::NONE, egui::Key::ArrowUp);
    assert_eq!(harness.state().session.cursor().selection.focus, 0);
    // A word tagged from keyboard selection: Ctrl+Shift+← over «به گزارش», then a label key.
    press(&mut harness, ctrl_shift, egui::Key::ArrowLeft);
    press(&mut harness, egui::Modifiers::NONE, egui::Key::P);
    assert_eq!(selected_quote(&harness), "به");
}

/// The ECO meeting of the Persian article, as the project holds it.
fn eco_meeting(harness: &Harness<'_, DaftarApp>) -> daftar::model::Meeting {
    let session = &harness.state().session;
    let doc = session.doc().unwrap();
    let id = daftar::records::meetings_in(session.project(), doc)[0];
    session.project().meeting(id).unwrap().clone()
}

fn quote_of(harness: &Harness<'_, DaftarApp>, at: daftar::model::SpanRef) -> Option<String> {
    let project = harness.state().session.project();
    project.span(at).map(|s| s.quote().to_string())
}

#[test]
fn a_meetings_trigger_words_are_replaced_from_the_selection() {
    let (_dir, _project, mut harness) = sample_project_harness();
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::M);
    let old = eco_meeting(&harness).evidence[0];
    assert_eq!(quote_of(&harness, old).as_deref(), Some("نشست وزیران کشور"));
    let wider = "چهارمین نشست وزیران کشور عضو سازمان همکاری اقتصادی اکو";
    select_words(&mut harness, wider);
    let replace = &daftar::i18n::english(daftar::ui::meetings_panel::REPLACE_EVIDENCE);
    harness.get_all_by_label(replace).next().unwrap().click();
    harness.run();
    let new = eco_meeting(&harness).evidence[0];
    assert_ne!(new, old);
    assert_eq!(quote_of(&harness, new).as_deref(), Some(wider));
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(eco_meeting(&harness).evidence[0], old);
}

#[test]
fn deleting_a_span_a_meeting_rests_on_asks_first_and_escape_keeps_it() {
    let (_dir, _project, mut harness) = sample_project_harness();
    let trigger = eco_meeting(&harness).evidence[0];
    click_span(&mut harness, "نشست وزیران کشور");
    assert_eq!(selected_quote(&harness), "نشست وزیران کشور");
    let go_ahead = "Delete and detach";
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Delete);
    // The question names the meeting by its name, through the text engine.
    harness.get_by_label(go_ahead);
    harness.get_by_label_contains("سازمان همکاری اقتصادی اکو · نشست وزیران کشور");
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Escape);
    assert!(
        harness.query_by_label(go_ahead).is_none(),
        "Escape closed it"
    );
    assert!(quote_of(&harness, trigger).is_some(), "nothing deleted");
    // Again, and Enter goes ahead: the span goes, the meeting keeps its values.
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Delete);
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Enter);
    assert!(quote_of(&harness, trigger).is_none());
    let meeting = eco_meeting(&harness);
    assert!(meeting.evidence_spans().all(|at| at != trigger));
    assert!(meeting.organization.is_some() && meeting.body.is_some());
}

#[test]
fn an_entitys_qid_is_typed_and_its_subtype_picked_from_the_keyboard() {
    let (_dir, _project, mut harness) = sample_project_harness();
    let entity_of = |h: &Harness<'_, DaftarApp>| {
        let session = &h.state().session;
        let doc = session.doc().unwrap();
        let span = session.cursor().span.unwrap();
        let id = session
            .project()
            .document(doc)
            .unwrap()
            .span(span)
            .unwrap()
            .entity
            .unwrap();
        session.project().entity(id).unwrap().clone()
    };
    click_span(&mut harness, "پاکستان");
    assert_eq!(entity_of(&harness).kind, "GPE");
    let field = &daftar::i18n::english(daftar::ui::panels::EXTERNAL_ID_HINT);
    // It holds the ISO code; the QID replaces it.
    assert_eq!(entity_of(&harness).external_id.as_deref(), Some("PK"));
    super::type_into(&mut harness, field, "q843");
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Enter);
    assert_eq!(entity_of(&harness).external_id.as_deref(), Some("Q843"));
    // Shown as stored.
    assert_eq!(harness.get_by_label(field).value().as_deref(), Some("Q843"));
    // An organization's subtype: the picker, filtered by typing its Persian name.
    click_span(&mut harness, "سازمان همکاری اقتصادی اکو");
    assert_eq!(entity_of(&harness).kind, "ORG");
    let combo = egui::accesskit::Role::ComboBox;
    let subtype = &daftar::i18n::english(daftar::ui::panels::SUBTYPE_LABEL);
    harness.get_by_role_and_label(combo, subtype).click();
    harness.run();
    harness.event(egui::Event::Text("بین‌الدولی".into()));
    harness.run();
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Enter);
    assert_eq!(entity_of(&harness).subtype.as_deref(), Some("IGO"));
}

#[test]
fn the_palette_finds_a_command_by_its_persian_name_and_runs_it_with_enter() {
    let (_dir, _project, mut harness) = sample_project_harness();
    let title = &daftar::i18n::english(daftar::ui::palette::PALETTE_TITLE);
    select_words(&mut harness, "خبرنگار");
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::K);
    harness.get_by_label(title);
    // Keys go to the palette's filter, not to the shortcuts: "O" would tag ORG.
    harness.event(egui::Event::Text("سازمان".into()));
    harness.run();
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Enter);
    assert!(harness.query_by_label(title).is_none(), "closed once run");
    let span = spans(&harness)
        .into_iter()
        .find(|s| s.quote() == "خبرنگار")
        .expect("tagged from the palette");
    assert_eq!(span.label, "ORG");
    // Down moves through what the filter leaves; Escape leaves without running anything.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::K);
    harness.event(egui::Event::Text("undo".into()));
    harness.run();
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Escape);
    assert!(harness.query_by_label(title).is_none());
    assert!(spans(&harness).iter().any(|s| s.quote() == "خبرنگار"));
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::K);
    harness.event(egui::Event::Text("undo".into()));
    harness.run();
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Enter);
    assert!(
        spans(&harness).iter().all(|s| s.quote() != "خبرنگار"),
        "undone"
    );
}

/// The article view's width, and the widgets that reach past the window's right edge.
fn widths(harness: &Harness<'_, DaftarApp>) -> (f32, Vec<String>) {
    let article = harness
        .get_by_label(
            &harness
                .state()
                .words()
                .t(daftar::ui::article_view::ARTICLE_VIEW_LABEL),
        )
        .rect()
        .width();
    let right = harness.ctx.content_rect().max.x + 0.5;
    let outside = harness
        .query_all_by(|node| node.bounding_box().is_some())
        .filter(|node| node.rect().max.x > right && node.rect().width() < 1000.0)
        .map(|node| format!("{node:?}"))
        .collect();
    (article, outside)
}

#[test]
fn the_article_keeps_its_width_whatever_the_panel_shows() {
    // Suggestions, a meeting's fields and an outcome used to widen the panel and re-wrap the
    // article; now the panel is as wide as the user made it and everything fits inside.
    let (_dir, _project, mut harness) = sample_project_harness();
    let (article, outside) = widths(&harness);
    assert!(outside.is_empty(), "{outside:?}");
    click_span(&mut harness, "اسکندر مومنی");
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::M);
    select_words(&mut harness, "میزبان نشست سال");
    press(&mut harness, egui::Modifiers::ALT, egui::Key::O);
    assert!(harness.state().session.cursor().outcome.is_some());
    let (now, outside) = widths(&harness);
    assert_eq!(now, article, "the article was re-wrapped");
    assert!(outside.is_empty(), "past the window's edge: {outside:?}");
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::R);
    let (now, outside) = widths(&harness);
    assert_eq!(now, article);
    assert!(outside.is_empty(), "{outside:?}");
}

/// The reporter tagged TITLE and the news agency after him DOC, two spans.
fn assert_reporter_and_agency_tagged_apart(harness: &Harness<'_, DaftarApp>) {
    let tagged: Vec<(String, String)> = spans(harness)
        .iter()
        .map(|s| (s.label.to_string(), s.quote().to_string()))
        .collect();
    assert_eq!(
        tagged,
        [
            ("TITLE".to_string(), "خبرنگار".to_string()),
            ("DOC".to_string(), "ایلنا".to_string())
        ],
    );
}

/// A drag begun on the word right after the selected span grabbed the span's edge (its reach was
/// wider than the space between them): tagging the next word resized and relabelled the span
/// just tagged instead. A press on another word selects from there.
#[test]
fn dragging_over_the_word_after_a_tagged_span_tags_that_word_and_leaves_the_span() {
    let (_dir, corpus, project) = sample_copy();
    let mut harness = app_harness(&project, &corpus, egui::vec2(1400.0, 900.0));
    // "به گزارش خبرنگار ایلنا": the reporter, then the news agency right after it.
    select_words(&mut harness, "خبرنگار");
    press(&mut harness, egui::Modifiers::NONE, egui::Key::T);
    select_words(&mut harness, "ایلنا");
    press(&mut harness, egui::Modifiers::NONE, egui::Key::K);
    assert_reporter_and_agency_tagged_apart(&harness);
}

/// The same with the press in the space between them, on the half nearer the next word (the
/// real window at 18 points): only the half next to the span is its handle's.
#[test]
fn a_drag_begun_in_the_space_nearer_the_next_word_tags_that_word() {
    let (_dir, corpus, project) = sample_copy();
    let mut harness = app_harness(&project, &corpus, egui::vec2(1400.0, 900.0));
    select_words(&mut harness, "خبرنگار");
    press(&mut harness, egui::Modifiers::NONE, egui::Key::T);
    let range = find_words(&harness, "خبرنگار ایلنا");
    let (from, to) = scroll_into_view(&mut harness, range.clone());
    let (_, layout, origin) = article_on_screen(&harness);
    let space_at = range.start + "خبرنگار".len();
    let space = layout.selection_rects(space_at..space_at + 1)[0];
    // Right to left: the next word is on the space's left; press a quarter of the way in.
    let press_at = origin
        + egui::vec2(
            space.min_x + (space.max_x - space.min_x) / 4.0,
            (space.min_y + space.max_y) / 2.0,
        );
    assert!(
        press_at.x < from.x && press_at.x > to.x,
        "{press_at:?} {from:?} {to:?}"
    );
    drag(&mut harness, press_at, to);
    press(&mut harness, egui::Modifiers::NONE, egui::Key::K);
    assert_reporter_and_agency_tagged_apart(&harness);
}
