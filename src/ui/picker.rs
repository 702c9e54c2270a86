//! The quick picker: a button that shows the current choice (in any script, through our text
//! engine) and opens a list with a filter field. Type to filter (Persian, Arabic or English, through
//! the match key), Up and Down to move, Enter to choose, Escape to leave. Tab reaches the button
//! and Enter or Space opens it, so every choice can be made from the keyboard.

use eframe::egui::{self, Sense, Vec2};

use super::bidi_label::{bidi_label_ui, paint_one_line};
use super::input::keep_arrow_keys;
use super::text_engine::TextEngine;
use super::text_input::bidi_text_edit_ui;
use crate::layout::TextEditor;
use crate::text::MatchKey;

/// Placeholder (and accessible name) of a picker's filter field.
pub const PICKER_FILTER_HINT: &str = crate::i18n::key("picker-filter-hint");

/// One choice of a picker.
pub struct PickerOption<T> {
    pub value: T,
    /// What the list shows (any script).
    pub shown: String,
    /// Other words it is found by (its names in the other languages, its key).
    pub also: Vec<String>,
}

/// The open picker's filter and highlighted row (one picker is open at a time).
#[derive(Default)]
pub struct PickerState {
    filter: TextEditor,
    highlighted: usize,
    /// The popup the state belongs to.
    open: Option<egui::Id>,
}

/// A picker named `label` (its accessible name and tooltip, in any script) showing `current`;
/// the option chosen, if one was this frame.
pub fn picker_ui<T: Clone>(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    state: &mut PickerState,
    label: &str,
    current: &str,
    options: &[PickerOption<T>],
    width: f32,
) -> Option<T> {
    let height = ui.text_style_height(&egui::TextStyle::Body) * 1.5;
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, label));
    let visuals = ui.style().interact(&response);
    ui.painter().rect(
        rect,
        3.0,
        visuals.bg_fill,
        visuals.bg_stroke,
        egui::StrokeKind::Inside,
    );
    let (text_rect, arrow_rect) = rect
        .shrink2(Vec2::new(6.0, 2.0))
        .split_left_right_at_x(rect.max.x - 18.0);
    // A little room between right-to-left text and the triangle.
    let text_rect = text_rect.with_max_x(text_rect.max.x - 4.0);
    paint_one_line(ui, engine, text_rect, current, 14.0, visuals.text_color());
    // A small triangle pointing down, painted (no font has to hold it).
    let c = arrow_rect.center();
    let triangle = vec![
        egui::pos2(c.x - 4.0, c.y - 2.0),
        egui::pos2(c.x + 4.0, c.y - 2.0),
        egui::pos2(c.x, c.y + 3.0),
    ];
    ui.painter().add(egui::Shape::convex_polygon(
        triangle,
        visuals.text_color(),
        egui::Stroke::NONE,
    ));
    // The tooltip may be Persian or Arabic: through our text engine.
    let response = response.on_hover_ui(|ui| {
        bidi_label_ui(ui, engine, label, 14.0);
    });
    let popup =
        egui::Popup::menu(&response).close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    let popup_id = popup_id(&response);
    let just_opened = state.open != Some(popup_id) && egui::Popup::is_id_open(ui.ctx(), popup_id)
        || response.clicked();
    let mut chosen = None;
    popup.show(|ui| {
        ui.set_min_width(width.max(220.0));
        if just_opened {
            state.open = Some(popup_id);
            state.reset();
        }
        chosen = filtered_list_ui(ui, engine, state, options, just_opened, width.max(220.0));
    });
    if chosen.is_some() {
        egui::Popup::close_id(ui.ctx(), popup_id);
        state.open = None;
        // The keyboard goes back to the picker's button, to go on with Tab.
        response.request_focus();
    }
    chosen
}

/// A filter field over a list of options: type to filter (Persian, Arabic or English, through the
/// match key), Up and Down to move, Enter or a click to choose. `just_opened` gives the field the
/// keyboard. Used by the pickers and the command palette.
pub fn filtered_list_ui<T: Clone>(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    state: &mut PickerState,
    options: &[PickerOption<T>],
    just_opened: bool,
    width: f32,
) -> Option<T> {
    let mut chosen = None;
    let hint = super::words::tr(ui, PICKER_FILTER_HINT);
    let field = bidi_text_edit_ui(ui, engine, &mut state.filter, &hint, width);
    if just_opened {
        field.request_focus();
    }
    keep_arrow_keys(ui, field.id, true);
    let query = MatchKey::new(&state.filter.text())
        .as_str()
        .trim()
        .to_string();
    // Every word typed must occur in one of the option's names ("fill level" finds "Fill from
    // the selection: Level").
    let words: Vec<&str> = query.split_whitespace().collect();
    let shown: Vec<&PickerOption<T>> = options
        .iter()
        .filter(|o| {
            let names: Vec<String> = std::iter::once(&o.shown)
                .chain(&o.also)
                .map(|n| MatchKey::new(n).as_str().to_string())
                .collect();
            names.iter().any(|n| n.contains(&query))
                || words.iter().all(|w| names.iter().any(|n| n.contains(w)))
        })
        .collect();
    if field.has_focus() {
        let (down, up, enter) = ui.input(|i| {
            (
                i.key_pressed(egui::Key::ArrowDown),
                i.key_pressed(egui::Key::ArrowUp),
                i.key_pressed(egui::Key::Enter),
            )
        });
        if down {
            state.highlighted += 1;
        }
        if up {
            state.highlighted = state.highlighted.saturating_sub(1);
        }
        state.highlighted = state.highlighted.min(shown.len().saturating_sub(1));
        if enter && let Some(option) = shown.get(state.highlighted) {
            chosen = Some(option.value.clone());
        }
    }
    egui::ScrollArea::vertical()
        .max_height(280.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (index, option) in shown.iter().enumerate() {
                let highlighted = index == state.highlighted;
                let row = bidi_selectable_ui(ui, engine, highlighted, &option.shown);
                if highlighted
                    && (just_opened
                        || field.changed()
                        || ui.input(|i| {
                            i.key_pressed(egui::Key::ArrowDown) || i.key_pressed(egui::Key::ArrowUp)
                        }))
                {
                    row.scroll_to_me(None);
                }
                if row.clicked() {
                    chosen = Some(option.value.clone());
                }
            }
            if shown.is_empty() {
                let text = super::words::tr(ui, "picker-nothing-matches");
                super::words::weak(ui, &text);
            }
        });
    chosen
}

impl PickerState {
    /// An empty filter and the first row highlighted, as when a list opens.
    pub fn reset(&mut self) {
        self.filter.set_text("");
        self.highlighted = 0;
    }
}

/// The id egui's popup of `response` goes by.
fn popup_id(response: &egui::Response) -> egui::Id {
    egui::Popup::default_response_id(response)
}

/// A selectable row of text in any script, highlighted when `selected` (the highlight is laid
/// under the text).
pub fn bidi_selectable_ui(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    selected: bool,
    text: &str,
) -> egui::Response {
    let background = ui.painter().add(egui::Shape::Noop);
    let response = bidi_label_ui(ui, engine, text, 14.0);
    if selected {
        let fill = ui.visuals().selection.bg_fill;
        let shape = egui::Shape::rect_filled(response.rect.expand(2.0), 2.0, fill);
        ui.painter().set(background, shape);
    }
    response
}
