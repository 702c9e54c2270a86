//! The window driven headless with egui_kittest: no display, no GPU.

mod common;

#[path = "ui/typing.rs"]
mod typing;

#[path = "ui/editing.rs"]
mod editing;

#[path = "ui/glyph_walk.rs"]
mod glyph_walk;

#[path = "ui/team.rs"]
mod team;

#[path = "ui/reference.rs"]
mod reference;

#[path = "ui/search.rs"]
mod search;

#[path = "ui/records.rs"]
mod records;

#[path = "ui/suggestions.rs"]
mod suggestions;

#[path = "ui/charts.rs"]
mod charts;

use daftar::app::AppCommand;
use daftar::layout::{LayoutEngine, TextStyle};
use daftar::ui::DaftarApp;
use daftar::ui::article_view::{ARTICLE_VIEW_LABEL, ArticleView, Highlight, MARGIN, TextSelection};
use daftar::ui::text_engine::TextEngine;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const TEXT: &str = include_str!("../assets/sample/000_cc14a8d638cfba9c.txt");

struct ViewState {
    engine: Option<TextEngine>,
    selection: TextSelection,
    highlights: Vec<Highlight>,
    clicked: Option<u64>,
}

fn view_harness(highlights: Vec<Highlight>) -> Harness<'static, ViewState> {
    let state = ViewState {
        engine: None,
        selection: TextSelection::default(),
        highlights,
        clicked: None,
    };
    Harness::builder()
        .with_size(egui::vec2(900.0, 700.0))
        .build_ui_state(
            |ui, state: &mut ViewState| {
                let engine = state
                    .engine
                    .get_or_insert_with(|| TextEngine::new(ui.ctx()));
                egui::ScrollArea::vertical().show(ui, |ui| {
                    let view = ArticleView {
                        text: TEXT,
                        style: TextStyle::article(18.0),
                        highlights: &state.highlights,
                        selected_highlight: None,
                        scroll_to: None,
                    };
                    let response = view.ui(ui, engine, &mut state.selection);
                    if response.clicked_highlight.is_some() {
                        state.clicked = response.clicked_highlight;
                    }
                });
            },
            state,
        )
}

fn drag<S>(harness: &mut Harness<'_, S>, from: egui::Pos2, to: egui::Pos2) {
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    harness.hover_at(egui::pos2((from.x + to.x) / 2.0, (from.y + to.y) / 2.0));
    harness.run();
    harness.hover_at(to);
    harness.run();
    harness.drop_at(to);
    harness.run();
}

#[test]
fn dragging_over_the_article_selects_the_text_under_the_pointer() {
    let mut harness = view_harness(Vec::new());
    harness.run();
    let rect = harness
        .get_by_label(&daftar::i18n::english(ARTICLE_VIEW_LABEL))
        .rect();
    // The same layout the view made, to know what lies under the pointer.
    let width = rect.width() - 2.0 * MARGIN;
    let layout = LayoutEngine::new().layout(TEXT, &TextStyle::article(18.0), Some(width), 1.0);
    let lines = layout.lines();
    let origin = rect.min + egui::vec2(MARGIN, MARGIN);
    // From the middle of the first line to the middle of the third: across line breaks.
    let (first, third) = (&lines[0], &lines[2]);
    let from = origin + egui::vec2(width * 0.6, (first.top + first.bottom) / 2.0);
    let to = origin + egui::vec2(width * 0.3, (third.top + third.bottom) / 2.0);
    drag(&mut harness, from, to);

    let expected_start = layout.hit_test(width * 0.6, (first.top + first.bottom) / 2.0);
    let expected_end = layout.hit_test(width * 0.3, (third.top + third.bottom) / 2.0);
    let selection = harness.state().selection;
    assert_eq!(selection.range(), expected_start..expected_end);
    assert!(expected_start < first.range.end && expected_end > third.range.start);
    // In right-to-left text, dragging leftwards moves forward in the text.
    assert!(selection.anchor < selection.focus);

    // Copy puts the logical text (not the screen order) on the clipboard.
    harness.event(egui::Event::Copy);
    harness.step();
    let copied: Vec<&String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text),
            _ => None,
        })
        .collect();
    assert_eq!(copied, [&TEXT[expected_start..expected_end].to_string()]);

    // Shift+Left extends the selection one grapheme further on screen (forward, in RTL).
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowLeft);
    harness.run();
    let extended = harness.state().selection;
    assert_eq!(extended.anchor, expected_start);
    assert!(extended.focus > expected_end && extended.focus <= expected_end + 8);
}

#[test]
fn a_highlight_is_painted_over_its_own_text() {
    let name = "اسکندر مومنی";
    let start = TEXT.find(name).unwrap();
    let highlight = Highlight {
        range: start..start + name.len(),
        color: egui::Color32::from_rgb(230, 25, 75),
        label: "PER — Person".into(),
        id: 42,
    };
    let fill = highlight.color.gamma_multiply(0.18);
    let mut harness = view_harness(vec![highlight]);
    harness.run();
    // Find the highlight's fill among the painted shapes.
    let painted: Vec<egui::Rect> = harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Rect(r) if r.fill == fill => Some(r.rect),
            _ => None,
        })
        .collect();
    assert_eq!(painted.len(), 1, "one line, one rectangle");
    // A point inside the first word (the rightmost part of the span, in right-to-left text).
    let center = egui::pos2(
        painted[0].max.x - painted[0].width() * 0.2,
        painted[0].center().y,
    );
    // Clicking there puts the caret inside the span's text and reports the span.
    harness
        .get_by_label(&daftar::i18n::english(ARTICLE_VIEW_LABEL))
        .rect(); // the view exists
    harness.hover_at(center);
    harness.run();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: center,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.step();
    }
    harness.run();
    let caret = harness.state().selection.focus;
    assert!(
        (start..start + name.len()).contains(&caret),
        "caret at {caret}, span at {start}..{}",
        start + name.len()
    );
    assert_eq!(
        harness.state().clicked,
        Some(42),
        "the click landed on the highlight"
    );
}

#[test]
fn the_window_opens_the_sample_and_selects_in_code_points() {
    let dir = tempfile::tempdir().unwrap();
    let (_, project) = common::annotated_sample(dir.path());
    let app = DaftarApp::new(daftar::open::open_path(&project).unwrap());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .build_ui_state(|ui, app: &mut DaftarApp| app.window_ui(ui), app);
    harness.run();
    // The titles of the sample articles are listed through the bidi label.
    harness.get_by_label("ضرورت توسعه همکاریها برای رشد و پیشرفت در کشورهای عضو اکو");
    let rect = harness
        .get_by_label(&harness.state().words().t(ARTICLE_VIEW_LABEL))
        .rect();
    let y = rect.min.y + MARGIN + 20.0;
    drag(
        &mut harness,
        egui::pos2(rect.max.x - MARGIN - 2.0, y),
        egui::pos2(rect.max.x - 200.0, y),
    );
    let range = harness
        .state()
        .session
        .selection_in_chars()
        .expect("a selection");
    let text: String = TEXT.chars().skip(range.start).take(range.len()).collect();
    assert_eq!(range.start, 0, "from the first character (the right edge)");
    assert!(
        TEXT.starts_with(&text) && text.chars().count() > 5,
        "{text:?}"
    );
}

#[test]
fn typing_persian_in_the_filter_narrows_the_document_list() {
    let (_dir, corpus, project) = sample_copy();
    let mut harness = app_harness(&project, &corpus, egui::vec2(1200.0, 800.0));
    let shanghai = "جلسه شورای وزیران خارجه کشورهای عضو سازمان همکاری شانگهای در دوشنبه برگزار شد";
    let eco = "ضرورت توسعه همکاریها برای رشد و پیشرفت در کشورهای عضو اکو";
    harness.get_by_label(shanghai);
    harness.get_by_label(eco);

    harness
        .get_by_label(&daftar::i18n::english(daftar::ui::FILTER_HINT))
        .click();
    harness.run();
    // Typed with an Arabic yeh: the match key finds the Persian spelling.
    harness.event(egui::Event::Text("شانگهاي".into()));
    harness.run();
    assert_eq!(harness.state().filter.text(), "شانگهاي");
    harness.get_by_label(shanghai);
    assert!(
        harness.query_by_label(eco).is_none(),
        "the ECO article is filtered out"
    );

    // Backspace deletes one letter at a time.
    harness.key_press(egui::Key::Backspace);
    harness.run();
    assert_eq!(harness.state().filter.text(), "شانگها");
    // Alt+Down goes to the next document of the list as shown: the filter holds one.
    press(&mut harness, egui::Modifiers::ALT, egui::Key::ArrowDown);
    let shown = harness.state().session.doc().unwrap();
    let path = &harness
        .state()
        .session
        .project()
        .document(shown)
        .unwrap()
        .path;
    assert_eq!(path, common::SCO_ARTICLE);
}

/// A copy of the sample corpus in a temporary folder: (folder, corpus, project path).
pub fn sample_copy() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = common::copy_sample(dir.path());
    let project = dir.path().join("sample.daftar.ron");
    (dir, corpus, project)
}

/// The window on a fresh import of `corpus`, after its first frames.
pub fn app_harness(
    project: &std::path::Path,
    corpus: &std::path::Path,
    size: egui::Vec2,
) -> Harness<'static, DaftarApp> {
    let opened = daftar::open::import_into(project, corpus, Default::default()).unwrap();
    window_harness(DaftarApp::new(opened), size)
}

/// The window on `app`, after its first frames. Scrolling animates over a few frames, and a
/// save ending on its thread asks for one more: room for them in `run`.
pub fn window_harness(app: DaftarApp, size: egui::Vec2) -> Harness<'static, DaftarApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut DaftarApp| app.window_ui(ui), app);
    harness.run();
    harness
}

/// The shown article's text, laid out as the window shows it, and where its top left is.
pub fn article_on_screen(
    harness: &Harness<'_, DaftarApp>,
) -> (String, daftar::layout::TextLayout, egui::Pos2) {
    let session = &harness.state().session;
    let article = session.article().expect("an article is shown");
    let text = article.text().expect("the article reads").to_string();
    let rect = harness
        .get_by_label(&harness.state().words().t(ARTICLE_VIEW_LABEL))
        .rect();
    let view = session.view();
    let style = TextStyle {
        direction: view.direction.unwrap_or(article.direction),
        ..TextStyle::article(view.font_size)
    };
    let width = (rect.width() - 2.0 * MARGIN).max(50.0);
    let layout = LayoutEngine::new().layout(&text, &style, Some(width), 1.0);
    (text, layout, rect.min + egui::vec2(MARGIN, MARGIN))
}

/// Scrolls the article until the bytes `range` show clear of the toolbar and status bar, and
/// gives the screen points at the middle of its first and last letters.
pub fn scroll_into_view(
    harness: &mut Harness<'_, DaftarApp>,
    range: std::ops::Range<usize>,
) -> (egui::Pos2, egui::Pos2) {
    let window = harness.ctx.content_rect();
    for _ in 0..60 {
        let (text, layout, origin) = article_on_screen(harness);
        let first =
            range.start..range.start + text[range.start..].chars().next().unwrap().len_utf8();
        let last = range.end - text[..range.end].chars().next_back().unwrap().len_utf8()..range.end;
        let center = |range: std::ops::Range<usize>| {
            let r = layout.selection_rects(range)[0];
            origin + egui::vec2((r.min_x + r.max_x) / 2.0, (r.min_y + r.max_y) / 2.0)
        };
        let (from, to) = (center(first), center(last));
        let visible = window.min.y + 90.0..window.max.y - 36.0;
        if visible.contains(&from.y) && visible.contains(&to.y) {
            return (from, to);
        }
        let rect = harness
            .get_by_label(&harness.state().words().t(ARTICLE_VIEW_LABEL))
            .rect();
        let middle = (visible.start + visible.end) / 2.0;
        harness.hover_at(egui::pos2(rect.center().x, middle));
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, (middle - from.y).clamp(-300.0, 300.0)),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run();
    }
    let (_, _, origin) = article_on_screen(harness);
    panic!("could not scroll {range:?} into view (article at {origin:?}, window {window:?})");
}

/// The bytes of the first occurrence of `words` in the shown article.
pub fn find_words(harness: &Harness<'_, DaftarApp>, words: &str) -> std::ops::Range<usize> {
    let (text, _, _) = article_on_screen(harness);
    let start = text
        .find(words)
        .unwrap_or_else(|| panic!("{words} not in the article"));
    start..start + words.len()
}

/// Selects the first occurrence of `words` in the shown article as a person does: scrolls the
/// article until they are in view, then drags from inside their first letter to inside their
/// last ("snap to words", on by default, makes whole words of it).
pub fn select_words(harness: &mut Harness<'_, DaftarApp>, words: &str) {
    let range = find_words(harness, words);
    let (from, to) = scroll_into_view(harness, range);
    drag(harness, from, to);
}

/// Selects the minister's name in the first article and tags it PER with its key.
pub fn tag_minister(harness: &mut Harness<'_, DaftarApp>) {
    select_words(harness, "اسکندر مومنی");
    press(harness, egui::Modifiers::NONE, egui::Key::P);
}

/// The window on a fresh import of the sample, the minister tagged and made an entity.
fn minister_entity() -> (tempfile::TempDir, Harness<'static, DaftarApp>) {
    let (dir, corpus, project) = sample_copy();
    let mut harness = app_harness(&project, &corpus, egui::vec2(1400.0, 900.0));
    tag_minister(&mut harness);
    click_label(&mut harness, daftar::ui::panels::NEW_ENTITY_BUTTON);
    (dir, harness)
}

/// Clicks the widget named `label`, scrolling it into view first.
pub fn click_label(harness: &mut Harness<'_, DaftarApp>, label: &str) {
    // A catalogue key names the widget by its English words.
    let label = &daftar::i18n::english(label);
    // Let the layout settle first (a row added last frame moves what follows it).
    harness.run();
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// Clicks into the text field named `label` and types `text` into it, replacing what it held.
pub fn type_into(harness: &mut Harness<'_, DaftarApp>, label: &str, text: &str) {
    click_label(harness, label);
    press(harness, egui::Modifiers::COMMAND, egui::Key::A);
    harness.event(egui::Event::Text(text.into()));
    harness.run();
}

pub fn press(harness: &mut Harness<'_, DaftarApp>, modifiers: egui::Modifiers, key: egui::Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// The spans of the shown document.
pub fn spans(harness: &Harness<'_, DaftarApp>) -> Vec<daftar::model::Span> {
    let session = &harness.state().session;
    let doc = session.doc().unwrap();
    session.project().document(doc).unwrap().spans.clone()
}

#[test]
fn tag_with_a_shortcut_undo_redo_save_and_reload() {
    let (_dir, corpus, project) = sample_copy();
    let mut harness = app_harness(&project, &corpus, egui::vec2(1400.0, 800.0));

    // Select the opening words of the first article: from its right edge leftwards.
    let rect = harness
        .get_by_label(&harness.state().words().t(ARTICLE_VIEW_LABEL))
        .rect();
    let y = rect.min.y + MARGIN + 20.0;
    drag(
        &mut harness,
        egui::pos2(rect.max.x - MARGIN - 1.0, y),
        egui::pos2(rect.max.x - 150.0, y),
    );
    let range = harness.state().session.selection_in_chars().unwrap();
    // Tagging widens the selection to whole words ("snap to words" is on by default).
    let range = daftar::text::snap_to_words(TEXT, range);
    let quote: String = TEXT.chars().skip(range.start).take(range.len()).collect();
    assert!(!quote.trim().is_empty());

    // P tags it as a person.
    press(&mut harness, egui::Modifiers::NONE, egui::Key::P);
    let doc = harness.state().session.doc().unwrap();
    assert_eq!(spans(&harness).len(), 1);
    assert_eq!(spans(&harness)[0].label, "PER");
    assert_eq!(spans(&harness)[0].quote(), quote);
    assert_eq!(
        harness
            .state()
            .session
            .project()
            .document(doc)
            .unwrap()
            .status,
        daftar::model::DocStatus::InProgress
    );
    // The span is listed in the annotation panel (through the bidi label).
    harness.get_by_label(quote.as_str());

    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert!(spans(&harness).is_empty(), "undone");
    // Undo put the selection back: the same words are selected again.
    assert_eq!(
        harness
            .state()
            .session
            .selection_in_chars()
            .map(|r| snap(&r)),
        Some(range.clone()),
        "the selection comes back with the undo"
    );
    press(
        &mut harness,
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    assert_eq!(spans(&harness).len(), 1, "redone");
    assert_eq!(
        harness.state().session.cursor().span,
        Some(spans(&harness)[0].id),
        "redo selects the span again"
    );
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Y);
    assert_eq!(spans(&harness).len(), 1, "redone with Ctrl+Y");

    // Typing in the filter does not tag: label keys are quiet while a text field has the keyboard.
    harness
        .get_by_label(&daftar::i18n::english(daftar::ui::FILTER_HINT))
        .click();
    harness.run();
    press(&mut harness, egui::Modifiers::NONE, egui::Key::O);
    assert_eq!(spans(&harness).len(), 1);

    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::S);
    harness.state_mut().session.wait_for_save();
    assert!(!harness.state().session.history().is_dirty());
    let expected = harness.state().session.project().clone();
    drop(harness);

    let (_, reloaded) = daftar::store::ProjectFile::open(&project).unwrap();
    assert_eq!(reloaded, expected);
    let span = &reloaded.document(doc).unwrap().spans[0];
    assert_eq!((span.label.as_str(), span.quote()), ("PER", quote.as_str()));
}

fn snap(range: &std::ops::Range<usize>) -> std::ops::Range<usize> {
    daftar::text::snap_to_words(TEXT, range.clone())
}

#[test]
fn changes_save_themselves_a_moment_later() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = common::copy_sample(dir.path());
    let project = dir.path().join("sample.daftar.ron");
    let opened = daftar::open::import_into(&project, &corpus, Default::default()).unwrap();
    let before = std::fs::read_to_string(&project).unwrap();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 800.0))
        .with_step_dt(0.5)
        .build_ui_state(
            |ui, app: &mut DaftarApp| app.window_ui(ui),
            DaftarApp::new(opened),
        );
    harness.run();
    // One frame: the change is made, and nothing is saved yet.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Enter);
    harness.step();
    assert!(harness.state().session.history().is_dirty());
    assert_eq!(
        std::fs::read_to_string(&project).unwrap(),
        before,
        "not saved at once"
    );
    // A few steps of half a second: past the autosave delay.
    harness.run_steps(8);
    harness.state_mut().session.wait_for_save();
    assert!(!harness.state().session.history().is_dirty());
    assert!(
        std::fs::read_to_string(&project)
            .unwrap()
            .contains("status: ReadyForReview")
    );
}

#[test]
fn an_article_changed_on_disk_is_flagged_and_its_spans_re_anchored_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, project) = common::annotated_sample(dir.path());
    // The article gets a new first line after it was annotated.
    let article = corpus.join(common::PERSIAN_ECO);
    std::fs::write(&article, format!("تیتر تازه\n{TEXT}")).unwrap();
    let opened = daftar::open::open_path(&project).unwrap();
    let mut harness = window_harness(DaftarApp::new(opened), egui::vec2(1400.0, 800.0));
    let flagged =
        |h: &Harness<'_, DaftarApp>| h.state().session.article().unwrap().reanchor.is_some();
    let before = spans(&harness);
    assert!(flagged(&harness));
    assert!(
        harness.state().highlights().is_empty(),
        "nothing drawn at stale offsets"
    );
    harness
        .get_by_label(&daftar::i18n::english(daftar::ui::panels::REANCHOR_BUTTON))
        .click();
    harness.run();
    let after = spans(&harness);
    let shift = "تیتر تازه\n".chars().count();
    for (old, new) in before.iter().zip(&after) {
        assert_eq!((new.start, new.end), (old.start + shift, old.end + shift));
        assert_eq!(new.quote(), old.quote());
    }
    assert_eq!(harness.state().highlights().len(), after.len());
    // Undone, the article is flagged again and nothing is drawn.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert!(flagged(&harness));
    assert!(harness.state().highlights().is_empty());
    harness.get_by_label(&daftar::i18n::english(daftar::ui::panels::REANCHOR_BUTTON));
}

#[test]
fn link_a_span_to_a_new_entity_then_the_arabic_mention_to_the_same_one() {
    // The Persian article: tag the minister and make him an entity.
    let (dir, mut harness) = minister_entity();
    let project = dir.path().join("sample.daftar.ron");
    let entity = harness.state().session.project().entities[0].clone();
    assert_eq!(
        (entity.name.as_str(), entity.kind.as_str()),
        ("اسکندر مومنی", "PER")
    );

    // The Arabic article spells him إسكندر مؤمني: the match key proposes the same entity.
    press(&mut harness, egui::Modifiers::ALT, egui::Key::ArrowDown);
    select_words(&mut harness, "إسكندر مؤمني");
    press(&mut harness, egui::Modifiers::NONE, egui::Key::P);
    click_label(&mut harness, "اسکندر مومنی");
    let mentions: Vec<_> = harness
        .state()
        .session
        .project()
        .mentions_of(entity.id)
        .map(|(d, s)| (d.path.clone(), s.quote().to_string()))
        .collect();
    assert_eq!(
        mentions,
        [
            (common::PERSIAN_ECO.to_string(), "اسکندر مومنی".to_string()),
            (common::ARABIC_ECO.to_string(), "إسكندر مؤمني".to_string())
        ]
    );

    // The Arabic spelling is now one of the entity's names.
    let linked = harness.state().session.project().entities[0].clone();
    assert_eq!(linked.aliases, ["إسكندر مؤمني"]);

    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::S);
    harness.state_mut().session.wait_for_save();
    drop(harness);
    let reloaded = daftar::store::load(&project).unwrap();
    assert_eq!(reloaded.entities, vec![linked]);
    assert_eq!(reloaded.mentions_of(entity.id).count(), 2);
}

#[test]
fn a_project_that_fails_to_load_shows_why_and_stays_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = common::copy_sample(dir.path());
    let project = dir.path().join("sample.daftar.ron");
    drop(daftar::open::import_into(&project, &corpus, Default::default()).unwrap());
    let broken = std::fs::read_to_string(&project).unwrap().replacen(
        "corpus: \"sample\",",
        "corpus: \"sample\"",
        1,
    );
    std::fs::write(&project, &broken).unwrap();

    let error = daftar::open::open_path(&project).unwrap_err();
    let app = daftar::ui::OpenErrorApp {
        message: format!("{error:#}"),
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(900.0, 400.0))
        .build_ui_state(
            |ui, app: &mut daftar::ui::OpenErrorApp| app.window_ui(ui),
            app,
        );
    harness.run();
    let shown = harness.get_by_label_contains("malformed at line 5, column 3");
    assert!(shown.rect().width() > 0.0);
    assert_eq!(std::fs::read_to_string(&project).unwrap(), broken);
}

#[test]
fn preferences_set_the_annotator_and_text_size() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = common::copy_sample(dir.path());
    let project = dir.path().join("sample.daftar.ron");
    let opened = daftar::open::import_into(&project, &corpus, Default::default()).unwrap();
    let preferences = daftar::ui::preferences::Preferences {
        annotator: "مریم".into(),
        font_size: 24.0,
        only_my_spans: true,
        // Not the system's language: the test machine's locale may be anything.
        interface_language: Some(daftar::model::LabelLanguage::English),
        ..Default::default()
    };
    let ctx = egui::Context::default();
    let mut app = DaftarApp::new(opened);
    app.apply_preferences(&preferences, &ctx);
    let mut harness = window_harness(app, egui::vec2(1400.0, 800.0));
    assert_eq!(harness.state().session.view().font_size, 24.0);
    assert!(harness.state().session.view().only_my_spans);
    tag_minister(&mut harness);
    let span = spans(&harness)[0].clone();
    assert_eq!(span.author, "مریم");
    // The name typed in the toolbar is the one recorded from then on.
    type_into(&mut harness, daftar::ui::panels::ANNOTATOR_HINT, "سارا");
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Escape);
    assert_eq!(harness.state().session.annotator(), "سارا");
    let saved = harness.state().current_preferences(&harness.ctx);
    assert_eq!(saved.recent_projects, vec![project.clone()]);
    assert_eq!(saved.annotator, "سارا");
    assert!(saved.only_my_spans, "kept for the next start");
}

/// Opens the toolbar's Interface list (named in English) and clicks Persian in it.
pub fn choose_persian_interface(harness: &mut Harness<'_, DaftarApp>) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Interface")
        .click();
    harness.run();
    click_label(harness, "Persian — فارسی");
}

#[test]
fn the_interface_language_chosen_in_the_toolbar_is_kept_and_the_labels_follow_it() {
    use daftar::model::LabelLanguage;
    let (_dir, _project, mut harness) = sample_project_harness();
    // Chosen as a person does: the Interface list, Persian named in English and in itself.
    choose_persian_interface(&mut harness);
    let view = harness.state().session.view().clone();
    assert_eq!(view.interface_language, LabelLanguage::Persian);
    assert_eq!(
        view.label_language,
        LabelLanguage::Persian,
        "the labels follow"
    );
    // The window speaks Persian now: its buttons are found by their Persian words.
    harness.get_by_label("ذخیره");
    assert!(harness.query_by_label("Save").is_none());
    // The label names set apart, in English.
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "نام برچسب‌ها")
        .click();
    harness.run();
    click_label(&mut harness, "انگلیسی");
    assert_eq!(
        harness.state().session.view().label_language,
        LabelLanguage::English
    );
    // Kept for the next start, which opens in Persian with the labels in English.
    let saved = harness.state().current_preferences(&harness.ctx);
    assert_eq!(saved.interface_language, Some(LabelLanguage::Persian));
    assert!(saved.label_language_apart);
    // The window closes (its lock on the project goes with it) and opens again.
    let project_path = harness.state().session.project_path();
    drop(harness);
    let opened = daftar::open::open_path(&project_path).unwrap();
    let mut app = DaftarApp::new(opened);
    app.apply_preferences(&saved, &egui::Context::default());
    let view = app.session.view();
    assert_eq!(view.interface_language, LabelLanguage::Persian);
    assert_eq!(view.label_language, LabelLanguage::English);
}

#[test]
fn the_next_span_key_follows_the_reading_direction_of_the_interface() {
    use daftar::model::LabelLanguage;
    let (_dir, _project, mut harness) = sample_project_harness();
    let ids: Vec<_> = spans(&harness).iter().map(|s| s.id).collect();
    let selected = |harness: &Harness<'_, DaftarApp>| harness.state().session.cursor().span;
    // Left to right: ] (the right key of the pair) goes forward.
    press(&mut harness, egui::Modifiers::NONE, egui::Key::CloseBracket);
    press(&mut harness, egui::Modifiers::NONE, egui::Key::CloseBracket);
    assert_eq!(selected(&harness), Some(ids[1]));
    // In Persian the window reads right to left: [ (the left key) goes forward, ] back.
    choose_persian_interface(&mut harness);
    assert_eq!(
        harness.state().session.view().interface_language,
        LabelLanguage::Persian
    );
    press(&mut harness, egui::Modifiers::NONE, egui::Key::OpenBracket);
    assert_eq!(selected(&harness), Some(ids[2]));
    press(&mut harness, egui::Modifiers::NONE, egui::Key::CloseBracket);
    press(&mut harness, egui::Modifiers::NONE, egui::Key::CloseBracket);
    assert_eq!(selected(&harness), Some(ids[0]));
}

#[test]
fn opening_a_folder_imports_it_in_the_background_and_shows_the_report() {
    let (dir, corpus, project) = sample_copy();
    let mut harness = app_harness(&project, &corpus, egui::vec2(1400.0, 800.0));

    // Another folder: one Persian article in UTF-8, one in windows-1256, one empty file.
    let other = dir.path().join("old-news");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(
        other.join("a.txt"),
        "نشست سران سازمان همکاری شانگهای در دوشنبه برگزار شد.",
    )
    .unwrap();
    let legacy = encoding_rs::WINDOWS_1256
        .encode("نشست وزيران خارجه در تهران برگزار شد و بيانيه پاياني تصويب شد.")
        .0;
    std::fs::write(other.join("b.txt"), legacy).unwrap();
    std::fs::write(other.join("c.txt"), "").unwrap();
    // Into a project file of the user's choosing, elsewhere (what the menu asks for once the
    // file dialogs have answered).
    let chosen = dir.path().join("projects").join("news-2021.daftar.ron");
    std::fs::create_dir_all(chosen.parent().unwrap()).unwrap();
    harness.state_mut().apply(AppCommand::ImportFolder {
        folder: other.clone(),
        project: chosen.clone(),
    });
    // The import runs on its own thread and asks for repaints: step until it has landed.
    wait_for_project(&mut harness, "old-news");
    let project = harness.state().session.project();
    assert_eq!(project.name, "old-news");
    assert_eq!(project.documents.len(), 2);
    assert!(chosen.exists(), "saved where the user chose");
    assert_eq!(project.corpus, "../old-news");
    // The report names the re-decoded and the skipped file.
    harness.get_by_label("Import report");
    harness.get_by_label_contains("b.txt: warning: decoded from windows-1256");
    harness.get_by_label_contains("c.txt: skipped: empty file");
    // In Persian, the report is in Persian (it was English whatever the interface's language).
    choose_persian_interface(&mut harness);
    let shown = shown_words(&harness);
    let line = |file: &str, words: &str| {
        shown
            .iter()
            .any(|text| text.contains(file) && text.contains(words))
    };
    assert!(line("b.txt", "هشدار: از"), "{shown:?}");
    assert!(line("windows-1256", "رمزگشایی شد"), "{shown:?}");
    assert!(line("c.txt", "کنار گذاشته شد: پرونده"), "{shown:?}");
    assert!(
        !shown
            .iter()
            .any(|text| text.contains("warning") || text.contains("skipped")),
        "no English left: {shown:?}"
    );
}

/// Opening another tool's file imports it into a project beside it and says what it did: in
/// the interface's language (the account was English whatever the language).
#[test]
fn opening_a_doccano_file_reports_the_import_in_the_interfaces_language() {
    let (dir, corpus, project) = sample_copy();
    let mut harness = app_harness(&project, &corpus, egui::vec2(1400.0, 800.0));
    choose_persian_interface(&mut harness);
    let source = dir.path().join("batch.jsonl");
    let good = serde_json::json!({"text": "اسکندر مومنی در تهران", "label": [[0, 12, "PER"]]});
    std::fs::write(&source, format!("{good}\nnot json\n")).unwrap();
    // What Project › Open does once the file dialog has answered.
    harness.state_mut().apply(AppCommand::Open(source.clone()));
    wait_for_project(&mut harness, "batch");
    assert_eq!(harness.state().session.project().span_count(), 1);
    let shown = shown_words(&harness);
    let has = |words: &str| shown.iter().any(|text| text.contains(words));
    assert!(has("۱ سند با ۱ بازه"), "{shown:?}");
    assert!(has("درون‌بری نشد:") && has("batch.jsonl"), "{shown:?}");
    assert!(has("درون‌بری از"), "{shown:?}");
    assert!(
        !has("pre-annotated") && !has("Imported from") && !has("not imported"),
        "no English left: {shown:?}"
    );
}

/// Steps the window until the project opened in the background is `name`'s (an opening or
/// import runs on its own thread and asks for repaints), then lets it settle.
fn wait_for_project(harness: &mut Harness<'_, DaftarApp>, name: &str) {
    for _ in 0..500 {
        harness.step();
        if harness.state().session.project().name == name {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
}

/// Every text the window shows to assistive technology (a label's words are its value).
pub fn shown_words(harness: &Harness<'_, DaftarApp>) -> Vec<String> {
    use egui_kittest::kittest::NodeT;
    harness
        .query_all_by(|_| true)
        .flat_map(|node| {
            let node = node.accesskit_node();
            [node.label(), node.value()]
        })
        .flatten()
        .collect()
}

#[test]
fn tag_all_occurrences_across_the_corpus_with_the_same_entity() {
    let (_dir, mut harness) = minister_entity();
    let entity = harness.state().session.project().entities[0].id;

    let tag_all = &daftar::i18n::english(daftar::ui::panels::TAG_ALL_IN_CORPUS);
    harness.run();
    harness.get_by_label(tag_all).scroll_to_me();
    harness.run();
    harness.get_by_label(tag_all).click();
    harness.step();
    // The corpus is searched in the background (the status bar shows its progress meanwhile).
    harness.state_mut().wait_for_suggestions();
    harness.run();
    let suggestions = harness.state().session.suggestions().to_vec();
    let docs: std::collections::BTreeSet<_> = suggestions.iter().map(|s| s.doc).collect();
    assert!(
        docs.len() >= 2,
        "found in more than one article: {suggestions:?}"
    );
    assert!(
        suggestions.iter().any(|s| s.quote == "إسكندر مؤمني"),
        "the Arabic spelling too"
    );

    click_label(&mut harness, daftar::ui::panels::ACCEPT_ALL);
    let session = &harness.state().session;
    assert!(session.suggestions().is_empty());
    assert_eq!(
        session.project().mentions_of(entity).count(),
        1 + suggestions.len()
    );
    // One undo step takes them all back.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    let mentions = harness
        .state()
        .session
        .project()
        .mentions_of(entity)
        .count();
    assert_eq!(mentions, 1);
}

#[test]
fn a_note_typed_on_a_span_is_kept_and_undoable() {
    let (_dir, corpus, project) = sample_copy();
    let mut harness = app_harness(&project, &corpus, egui::vec2(1400.0, 900.0));
    tag_minister(&mut harness);
    type_into(&mut harness, daftar::ui::panels::NOTE_HINT, "وزیر کشور");
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Enter);
    assert_eq!(spans(&harness)[0].note, "وزیر کشور");
    // Typing did not tag or trigger anything; Enter gave the keyboard back, and one undo
    // takes the note back.
    assert_eq!(spans(&harness).len(), 1);
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(spans(&harness)[0].note, "");
}

#[test]
fn attributes_are_added_and_removed_on_the_selected_span() {
    let (_dir, corpus, project) = sample_copy();
    let mut harness = app_harness(&project, &corpus, egui::vec2(1400.0, 900.0));
    tag_minister(&mut harness);
    type_into(&mut harness, daftar::ui::panels::ATTRIBUTE_KEY_HINT, "role");
    type_into(
        &mut harness,
        daftar::ui::panels::ATTRIBUTE_VALUE_HINT,
        "وزیر کشور",
    );
    click_label(&mut harness, daftar::ui::panels::ADD_ATTRIBUTE);
    let attributes = |h: &Harness<'_, DaftarApp>| spans(h)[0].attributes.clone();
    assert_eq!(
        attributes(&harness).get("role").map(String::as_str),
        Some("وزیر کشور")
    );
    harness.get_by_label("role: وزیر کشور");
    assert_eq!(
        harness.state().spans_panel.attribute_key.text(),
        "",
        "fields cleared"
    );
    click_label(&mut harness, "Remove");
    assert!(attributes(&harness).is_empty());
    // A blank key is no attribute; Enter in the value field adds like the button.
    type_into(&mut harness, daftar::ui::panels::ATTRIBUTE_KEY_HINT, "  ");
    type_into(
        &mut harness,
        daftar::ui::panels::ATTRIBUTE_VALUE_HINT,
        "ignored",
    );
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Enter);
    assert!(
        attributes(&harness).is_empty(),
        "a blank key is not an attribute"
    );
    type_into(
        &mut harness,
        daftar::ui::panels::ATTRIBUTE_KEY_HINT,
        "source",
    );
    type_into(
        &mut harness,
        daftar::ui::panels::ATTRIBUTE_VALUE_HINT,
        "ایرنا",
    );
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Enter);
    assert_eq!(
        attributes(&harness).get("source").map(String::as_str),
        Some("ایرنا")
    );
}

#[test]
fn a_meeting_with_a_dated_field_and_two_outcomes_is_recorded_from_the_sco_article_and_reloaded() {
    let (_dir, corpus, project) = sample_copy();
    let mut harness = app_harness(&project, &corpus, egui::vec2(1500.0, 1000.0));
    let shanghai = "جلسه شورای وزیران خارجه کشورهای عضو سازمان همکاری شانگهای در دوشنبه برگزار شد";
    click_label(&mut harness, shanghai);
    let doc = harness.state().session.doc().unwrap();
    assert_eq!(
        harness
            .state()
            .session
            .project()
            .document(doc)
            .unwrap()
            .path,
        common::SCO_ARTICLE
    );

    // Alt+M: a meeting from its trigger words; the meetings panel opens on it.
    select_words(&mut harness, "جلسه شورای وزیران خارجه");
    press(&mut harness, egui::Modifiers::ALT, egui::Key::M);
    let meeting_id = harness
        .state()
        .session
        .cursor()
        .meeting
        .expect("a current meeting");
    // The panel names it by its words until its fields are filled (no id): in the list of the
    // article's meetings and above its fields.
    let untitled = "«جلسه شورای وزیران خارجه» · no date yet";
    assert_eq!(harness.get_all_by_label(untitled).count(), 2);
    // The empty record's problems are shown in the panel until its fields are filled.
    let missing_start = format!("meeting {meeting_id} has no start date (required)");
    harness.get_by_label(&missing_start);
    // Field keys: 5 is the start date, 1 the organization.
    select_words(&mut harness, "13 الی 14 ژوئیه");
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Num5);
    select_words(&mut harness, "سازمان همکاری شانگهای");
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Num1);
    // The level from the words with the button.
    select_words(&mut harness, "وزیران امور خارجه");
    // Fields in schema order: organization, body, level…
    let use_selection = &daftar::i18n::english(daftar::ui::meetings_panel::USE_SELECTION);
    harness
        .get_all_by_label(use_selection)
        .nth(2)
        .unwrap()
        .scroll_to_me();
    harness.run();
    harness
        .get_all_by_label(use_selection)
        .nth(2)
        .unwrap()
        .click();
    harness.run();
    {
        let session = &harness.state().session;
        assert_eq!(session.message(), None);
        let meeting = session.project().meeting(meeting_id).unwrap();
        let start = meeting.start.as_ref().unwrap();
        assert_eq!(start.value.iso, "2021-07-13");
        assert_eq!(meeting.end.as_ref().unwrap().value.iso, "2021-07-14");
        assert_eq!(meeting.level.as_ref().unwrap().value, "ministerial");
        let org = session
            .project()
            .entity(meeting.organization.as_ref().unwrap().value)
            .unwrap();
        assert_eq!(org.name, "سازمان همکاری شانگهای");
    }
    assert!(
        harness.query_by_label(&missing_start).is_none(),
        "filled: no longer a problem"
    );
    // Derived codes are shown, and can be set by hand.
    harness.get_by_label("CAMEO 040 · PLOVER CONSULT · mode multilateral");
    click_label(&mut harness, daftar::ui::meetings_panel::EDIT_CODES);
    type_into(
        &mut harness,
        daftar::ui::meetings_panel::CODES_HINTS[0],
        "046",
    );
    click_label(&mut harness, daftar::ui::meetings_panel::APPLY_CODES);
    let codes = harness
        .state()
        .session
        .project()
        .meeting(meeting_id)
        .unwrap()
        .codes
        .clone();
    assert_eq!(codes.and_then(|c| c.cameo).as_deref(), Some("046"));
    harness.get_by_label("(set by hand)");
    // The normalised date and its original text are shown.
    harness.get_by_label("2021-07-13 · Gregorian · Day");
    assert_eq!(
        harness.get_all_by_label("13 الی 14 ژوئیه").count(),
        2,
        "under start and end"
    );

    // Alt+O twice: two outcomes from their words.
    select_words(&mut harness, "برنامه عملیاتی مشترکی را تصویب کردند");
    press(&mut harness, egui::Modifiers::ALT, egui::Key::O);
    let first = harness
        .state()
        .session
        .cursor()
        .outcome
        .expect("a current outcome");
    // Its type, from the combo box.
    let combo = egui::accesskit::Role::ComboBox;
    harness.get_by_role_and_label(combo, "Type").scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(combo, "Type").click();
    harness.run();
    click_label(&mut harness, "Action plan or programme adopted");
    select_words(
        &mut harness,
        "تصمیمات شورای وزیران امور خارجه سازمان برای دادن این مقام به عربستان سعودی و مصر امضا شده",
    );
    press(&mut harness, egui::Modifiers::ALT, egui::Key::O);
    let second = harness.state().session.cursor().outcome.unwrap();
    assert_ne!(first, second);
    select_words(&mut harness, "عربستان سعودی");
    click_label(&mut harness, "beneficiary / target");
    assert_eq!(harness.state().session.message(), None);

    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::S);
    harness.state_mut().session.wait_for_save();
    let expected = harness.state().session.project().clone();
    drop(harness);

    let (_, reloaded) = daftar::store::ProjectFile::open(&project).unwrap();
    assert!(reloaded == expected, "the project reloads exactly");
    let meeting = reloaded.meeting(meeting_id).unwrap();
    let date_span = reloaded
        .span(meeting.start.as_ref().unwrap().evidence.unwrap())
        .unwrap();
    assert_eq!(
        (date_span.label.as_str(), date_span.quote()),
        ("DATE", "13 الی 14 ژوئیه")
    );
    let trigger = reloaded.span(meeting.evidence[0]).unwrap();
    assert_eq!(trigger.quote(), "جلسه شورای وزیران خارجه");
    let outcomes: Vec<_> = reloaded.outcomes_of(meeting_id).collect();
    assert_eq!(outcomes.len(), 2);
    assert_eq!(outcomes[0].kind, "action_plan_adopted");
    let evidence = reloaded.span(outcomes[0].evidence[0]).unwrap();
    assert_eq!(evidence.quote(), "برنامه عملیاتی مشترکی را تصویب کردند");
    let beneficiary = &outcomes[1].actors[0];
    assert_eq!(beneficiary.role, daftar::model::ActorRole::Beneficiary);
    assert_eq!(
        reloaded.entity(beneficiary.entity).unwrap().name,
        "عربستان سعودی"
    );
}

/// The window on a copy of the bundled sample project (004 reviewed, the ECO meeting in
/// progress): (folder, project path, harness).
pub fn sample_project_harness() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    Harness<'static, DaftarApp>,
) {
    let dir = tempfile::tempdir().unwrap();
    common::copy_sample(dir.path());
    let project_path = dir.path().join("sample.daftar.ron");
    std::fs::copy(common::repo_path("assets/sample.daftar.ron"), &project_path).unwrap();
    let opened = daftar::open::open_path(&project_path).unwrap();
    let harness = window_harness(DaftarApp::new(opened), egui::vec2(1500.0, 1000.0));
    (dir, project_path, harness)
}

#[test]
fn a_reviewer_accepts_rejects_with_a_comment_finishes_and_exports() {
    let (dir, _project, mut harness) = sample_project_harness();
    let doc = harness.state().session.doc().unwrap();
    // The annotator hands the Persian ECO article over; the reviewer opens the review page.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Enter);
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::R);
    harness.get_by_label("Ready for review (1)");
    let span_ids: Vec<_> = spans(&harness).iter().map(|s| s.id).collect();

    // ] goes to the first item, A accepts it and moves on to the next pending one.
    press(&mut harness, egui::Modifiers::NONE, egui::Key::CloseBracket);
    press(&mut harness, egui::Modifiers::NONE, egui::Key::A);
    // A comment, then Enter rejects with it (the X key stays quiet while typing).
    type_into(
        &mut harness,
        daftar::ui::review_panel::COMMENT_HINT,
        "نام کامل نیست",
    );
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Enter);
    // The keyboard is the shortcuts' again: X rejects the third item with no comment.
    press(&mut harness, egui::Modifiers::NONE, egui::Key::X);
    click_label(&mut harness, daftar::ui::review_panel::FINISH_REVIEWED);
    {
        let project = harness.state().session.project();
        let document = project.document(doc).unwrap();
        assert_eq!(document.status, daftar::model::DocStatus::Reviewed);
        let first = document.span(span_ids[0]).unwrap();
        assert_eq!(first.review.state, daftar::model::ReviewState::Accepted);
        assert_eq!(first.review.reviewer, "annotator");
        assert!(!first.review.at.is_empty());
        let second = document.span(span_ids[1]).unwrap();
        assert_eq!(second.review.state, daftar::model::ReviewState::Rejected);
        assert_eq!(second.review.comment, "نام کامل نیست");
        let third = document.span(span_ids[2]).unwrap();
        assert_eq!(third.review.state, daftar::model::ReviewState::Rejected);
        assert_eq!(third.review.comment, "");
        assert!(
            document.spans[3..]
                .iter()
                .all(|s| s.review.state == daftar::model::ReviewState::Accepted)
        );
    }
    // The status bar counts documents by status.
    harness
        .get_by_label("2 new · 1 in progress · 0 ready for review · 2 reviewed · 0 needs changes");

    // Export everything reviewed, in every format, from the window.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::E);
    let out = dir.path().join("export");
    type_into(
        &mut harness,
        daftar::ui::export_dialog::FOLDER_HINT,
        &out.display().to_string(),
    );
    harness
        .get_by_label(&daftar::i18n::english(
            daftar::ui::export_dialog::EXPORT_BUTTON,
        ))
        .click();
    // One frame: the export starts on its thread (which asks for repaints until it ends).
    harness.step();
    harness.state_mut().export.wait_for_export();
    harness.run();
    let outcome = harness.state().export.outcome.clone().unwrap();
    assert!(
        outcome
            .as_ref()
            .is_ok_and(|m| m.starts_with("Exported 2 documents")),
        "{outcome:?}"
    );
    let jsonl = std::fs::read_to_string(out.join("jsonl/daftar.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count(), 2, "the two reviewed articles");
    let eco_line = jsonl.lines().next().unwrap();
    let eco: serde_json::Value = serde_json::from_str(eco_line).unwrap();
    for rejected in &span_ids[1..3] {
        assert!(
            eco["spans"]
                .as_array()
                .unwrap()
                .iter()
                .all(|s| s["id"] != rejected.to_string().as_str()),
            "{rejected} left out"
        );
    }
    // doccano would drop the overlapping spans of the SCO article: the window says so.
    assert!(
        harness
            .query_by_label_contains("turn on \"Allow overlapping spans\"")
            .is_some(),
        "the doccano warning is shown"
    );
    for format in [
        "csv/meetings.csv",
        "brat/annotation.conf",
        "conll/daftar.conll",
        "w3c/annotations.jsonld",
        "doccano/doccano.jsonl",
        "doccano/doccano-README.txt",
        "label-studio/label-studio.json",
        "spacy/spacy.jsonl",
        "csv/datapackage.json",
    ] {
        assert!(out.join(format).exists(), "{format}");
    }
    // Again into the same folder: the window asks first.
    click_label(&mut harness, daftar::ui::export_dialog::EXPORT_BUTTON);
    assert!(harness.state().export.confirm_replace);
    harness
        .get_by_label(&daftar::i18n::english(
            daftar::ui::export_dialog::REPLACE_BUTTON,
        ))
        .click();
    harness.step();
    harness.state_mut().export.wait_for_export();
    assert!(harness.state().export.outcome.as_ref().unwrap().is_ok());
}

#[test]
fn the_publication_date_is_typed_in_any_calendar_and_stored_as_iso() {
    let (_dir, corpus, project) = sample_copy();
    let mut harness = app_harness(&project, &corpus, egui::vec2(1400.0, 900.0));
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::M);
    let doc = harness.state().session.doc().unwrap();
    let published = |h: &Harness<'_, DaftarApp>| {
        h.state()
            .session
            .project()
            .document(doc)
            .unwrap()
            .published
            .clone()
    };
    assert_eq!(published(&harness), None);
    type_into(
        &mut harness,
        daftar::ui::meetings_panel::PUBLISHED_HINT,
        "۲۲ تیر ۱۴۰۲",
    );
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Enter);
    assert_eq!(published(&harness).as_deref(), Some("2023-07-13"));
    assert_eq!(
        harness.state().meetings_panel.published.text(),
        "2023-07-13",
        "the field shows what was stored"
    );
    // One undo step; the field follows.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(published(&harness), None);
    assert_eq!(harness.state().meetings_panel.published.text(), "");
}

#[test]
fn work_kept_aside_when_a_save_failed_is_offered_back_on_opening() {
    let (_dir, project_path, harness) = sample_project_harness();
    // Work the last session could not save, kept beside the project.
    let mut kept = harness.state().session.project().clone();
    drop(harness);
    kept.name = "kept work".into();
    daftar::store::write_recovery(&project_path, &kept).unwrap();
    let opened = daftar::open::open_path(&project_path).unwrap();
    let mut harness = window_harness(DaftarApp::new(opened), egui::vec2(1500.0, 1000.0));
    harness.get_by_label("Unsaved work was kept");
    click_label(&mut harness, daftar::ui::RESTORE_RECOVERY);
    assert_eq!(harness.state().session.project().name, "kept work");
    assert!(harness.query_by_label("Unsaved work was kept").is_none());
    assert_eq!(
        daftar::store::load(&project_path).unwrap().name,
        "kept work",
        "saved into the project"
    );
}

#[test]
fn the_picker_chooses_an_outcome_type_by_typing_its_persian_name() {
    let (_dir, corpus, project) = sample_copy();
    let mut harness = app_harness(&project, &corpus, egui::vec2(1500.0, 1000.0));
    let shanghai = "جلسه شورای وزیران خارجه کشورهای عضو سازمان همکاری شانگهای در دوشنبه برگزار شد";
    click_label(&mut harness, shanghai);
    select_words(&mut harness, "جلسه شورای وزیران خارجه");
    press(&mut harness, egui::Modifiers::ALT, egui::Key::M);
    select_words(&mut harness, "برنامه عملیاتی مشترکی را تصویب کردند");
    press(&mut harness, egui::Modifiers::ALT, egui::Key::O);
    let outcome = harness.state().session.cursor().outcome.unwrap();
    // Open the type picker, type part of the Persian name, Enter: no list clicked.
    let combo = egui::accesskit::Role::ComboBox;
    harness.get_by_role_and_label(combo, "Type").scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(combo, "Type").click();
    harness.run();
    assert!(daftar::ui::input::text_field_has_keyboard(&harness.ctx));
    harness.event(egui::Event::Text("تصويب برنامه".into())); // an Arabic yeh: folded
    harness.run();
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Enter);
    let kind = |h: &Harness<'_, DaftarApp>| {
        h.state()
            .session
            .project()
            .outcome(outcome)
            .unwrap()
            .kind
            .clone()
    };
    assert_eq!(kind(&harness), "action_plan_adopted");
    // The arrows move through what the filter leaves, Enter takes it.
    harness
        .get_by_role_and_label(combo, "Outcome status")
        .click();
    harness.run();
    harness.event(egui::Event::Text("ad".into()));
    harness.run();
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Enter);
    let status = harness
        .state()
        .session
        .project()
        .outcome(outcome)
        .unwrap()
        .status
        .clone();
    assert_eq!(status, "adopted");
    // Escape leaves a picker without choosing.
    harness.get_by_role_and_label(combo, "Type").click();
    harness.run();
    harness.event(egui::Event::Text("محکومیت".into()));
    harness.run();
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Escape);
    assert_eq!(kind(&harness), "action_plan_adopted");
}
