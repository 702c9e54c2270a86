//! The interface's own words (menus, buttons, labels, tooltips, messages) in the language the
//! user chose, drawn by our text engine: egui's text cannot shape Persian or Arabic nor order
//! right-to-left text. The widgets here keep egui's behaviour (focus, keys, hover, accessible
//! names) and draw only their words themselves. When the interface reads right to left, rows run
//! from the right edge and words start there: [`row`], [`page`] and the widgets follow
//! [`Words::right_to_left`].
//!
//! The words' engine lives in the egui context (one per window), so that any widget can reach it
//! without threading it through every panel; the article and the project's own texts keep theirs.

use std::sync::{Arc, Mutex};

use eframe::egui::{self, Align, Color32, Layout, Pos2, Rect, Response, Sense, Ui, Vec2};

use super::text_engine::TextEngine;
use crate::i18n::{Arg, Words};
use crate::layout::{Direction, TextStyle};

/// The interface's text size, in points.
pub const BODY_SIZE: f32 = 14.0;
pub const SMALL_SIZE: f32 = 12.0;
pub const HEADING_SIZE: f32 = 18.0;

type SharedEngine = Arc<Mutex<TextEngine>>;

fn words_id() -> egui::Id {
    egui::Id::unique("daftar-interface-words")
}

fn engine_id() -> egui::Id {
    egui::Id::unique("daftar-interface-text-engine")
}

/// Sets the interface's language for this window (each frame, before drawing).
pub fn set_words(ctx: &egui::Context, words: Words) {
    ctx.data_mut(|d| d.insert_temp(words_id(), words));
}

/// The interface's language (English until one is set).
pub fn words(ctx: &egui::Context) -> Words {
    ctx.data(|d| d.get_temp(words_id()))
        .unwrap_or(Words::ENGLISH)
}

/// The message `key` in the interface's language.
pub fn tr(ui: &Ui, key: &str) -> String {
    words(ui.ctx()).t(key)
}

/// The message `key` with arguments, in the interface's language.
pub fn tr_with(ui: &Ui, key: &str, args: &[(&str, Arg)]) -> String {
    words(ui.ctx()).t_with(key, args)
}

/// `n` in the interface's digits.
pub fn number(ui: &Ui, n: impl std::fmt::Display) -> String {
    words(ui.ctx()).number(n)
}

/// Whether the window is mirrored (Persian or Arabic).
pub fn right_to_left(ui: &Ui) -> bool {
    words(ui.ctx()).right_to_left()
}

/// Calls `f` with the engine that draws the interface's words in this window.
pub fn with_engine<R>(ctx: &egui::Context, f: impl FnOnce(&mut TextEngine) -> R) -> R {
    let shared: SharedEngine = match ctx.data(|d| d.get_temp::<SharedEngine>(engine_id())) {
        Some(shared) => shared,
        None => {
            // Made outside `data_mut`: the atlas registers its texture with the context.
            let shared = Arc::new(Mutex::new(TextEngine::new(ctx)));
            ctx.data_mut(|d| d.insert_temp(engine_id(), shared.clone()));
            shared
        }
    };
    let mut engine = shared
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    f(&mut engine)
}

/// Ends the frame of the interface's engine (its layout cache forgets unused words).
pub fn end_frame(ctx: &egui::Context) {
    if ctx
        .data(|d| d.get_temp::<SharedEngine>(engine_id()))
        .is_some()
    {
        with_engine(ctx, TextEngine::end_frame);
    }
}

/// What the interface's engine could not draw: texts with a missing letter, empty boxes drawn.
pub fn missing_glyphs(ctx: &egui::Context) -> (Vec<String>, usize) {
    with_engine(ctx, |engine| {
        let texts = engine
            .cache
            .texts_missing_glyphs()
            .map(String::from)
            .collect();
        (texts, engine.atlas.missing_glyphs_drawn())
    })
}

fn style(ui: &Ui, size: f32, bold: bool) -> TextStyle {
    TextStyle {
        direction: if right_to_left(ui) {
            Direction::Rtl
        } else {
            Direction::Ltr
        },
        bold,
        ..TextStyle::label(size)
    }
}

/// Words laid out for the interface: their size, and how to paint them.
struct Laid {
    size: Vec2,
    text: String,
    style: TextStyle,
    wrap: Option<f32>,
}

fn lay(ui: &Ui, text: &str, size: f32, bold: bool, wrap: Option<f32>) -> Laid {
    let style = style(ui, size, bold);
    let ppp = ui.pixels_per_point();
    let (wrap, size) = with_engine(ui.ctx(), |engine| {
        let natural = engine.layout(text, &style, None, ppp).content_width();
        let wrap = wrap.filter(|w| natural > *w).map(|w| w.max(10.0));
        let layout = engine.layout(text, &style, wrap, ppp);
        let width = wrap.unwrap_or_else(|| layout.content_width());
        (wrap, Vec2::new(width, layout.height()))
    });
    Laid {
        size,
        text: text.to_string(),
        style,
        wrap,
    }
}

impl Laid {
    /// Paints the words in `rect`, from its start edge (the right one when right to left),
    /// centred vertically.
    fn paint(&self, ui: &Ui, rect: Rect, color: Color32) {
        self.paint_on(ui, ui.painter(), rect, color);
    }

    fn paint_on(&self, ui: &Ui, painter: &egui::Painter, rect: Rect, color: Color32) {
        if !ui.is_rect_visible(rect) {
            return;
        }
        let x = if self.style.direction == Direction::Rtl {
            rect.max.x - self.size.x
        } else {
            rect.min.x
        };
        let top = Pos2::new(x, rect.center().y - self.size.y / 2.0);
        let mesh = with_engine(ui.ctx(), |engine| {
            let TextEngine {
                engine: layout_engine,
                cache,
                atlas,
            } = engine;
            let layout = cache.get(
                layout_engine,
                &self.text,
                &self.style,
                self.wrap,
                ui.pixels_per_point(),
            );
            atlas.mesh_for(layout, top, 0.0, layout.height(), color)
        });
        painter.add(egui::Shape::mesh(mesh));
    }
}

/// The width words are wrapped at: a row's whole width in a wrapping row, the space left in a
/// column, and none in a row that does not wrap (its widgets stand side by side).
fn wrap_width(ui: &Ui) -> Option<f32> {
    let layout = ui.layout();
    if layout.main_wrap() {
        Some(ui.max_rect().width())
    } else if layout.is_horizontal() {
        None
    } else {
        Some(ui.available_width())
    }
}

/// A label in the text colour, wrapped to the space left.
pub fn label(ui: &mut Ui, text: &str) -> Response {
    let color = ui.visuals().text_color();
    text_ui(ui, text, BODY_SIZE, false, color)
}

/// A label in a colour of its own.
pub fn colored(ui: &mut Ui, color: Color32, text: &str) -> Response {
    text_ui(ui, text, BODY_SIZE, false, color)
}

/// A label in the weak colour (hints, details).
pub fn weak(ui: &mut Ui, text: &str) -> Response {
    let color = ui.visuals().weak_text_color();
    text_ui(ui, text, BODY_SIZE, false, color)
}

/// Small weak words (counts, notes under a field).
pub fn small(ui: &mut Ui, text: &str) -> Response {
    let color = ui.visuals().weak_text_color();
    text_ui(ui, text, SMALL_SIZE, false, color)
}

/// A label in bold.
pub fn strong(ui: &mut Ui, text: &str) -> Response {
    let color = ui.visuals().strong_text_color();
    text_ui(ui, text, BODY_SIZE, true, color)
}

/// A section's title.
pub fn heading(ui: &mut Ui, text: &str) -> Response {
    let color = ui.visuals().strong_text_color();
    text_ui(ui, text, HEADING_SIZE, true, color)
}

fn text_ui(ui: &mut Ui, text: &str, size: f32, bold: bool, color: Color32) -> Response {
    let laid = lay(ui, text, size, bold, wrap_width(ui));
    let (rect, response) = ui.allocate_exact_size(laid.size, Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    laid.paint(ui, rect, color);
    response
}

/// A button; its accessible name is its words.
pub fn button(ui: &mut Ui, text: &str) -> Response {
    framed(ui, text, None, None, |size| {
        egui::Button::new("").min_size(size)
    })
}

/// A button whose words are in a colour of their own (a label's, say).
pub fn tinted_button(ui: &mut Ui, text: &str, color: Color32) -> Response {
    framed(ui, text, None, Some(color), |size| {
        egui::Button::new("").min_size(size)
    })
}

/// A button shown pressed when `selected` (a choice among a few).
pub fn selectable(ui: &mut Ui, selected: bool, text: &str) -> Response {
    framed(ui, text, Some(selected), None, |size| {
        egui::Button::selectable(selected, "").min_size(size)
    })
}

fn framed(
    ui: &mut Ui,
    text: &str,
    selected: Option<bool>,
    tint: Option<Color32>,
    make: impl FnOnce(Vec2) -> egui::Button<'static>,
) -> Response {
    let laid = lay(ui, text, BODY_SIZE, false, None);
    let padding = ui.spacing().button_padding;
    let response = ui.add(make(laid.size + 2.0 * padding));
    let enabled = ui.is_enabled();
    response.widget_info(|| match selected {
        Some(selected) => egui::WidgetInfo::selected(egui::Role::Button, enabled, selected, text),
        None => egui::WidgetInfo::labeled(egui::Role::Button, enabled, text),
    });
    let color = if selected == Some(true) {
        ui.visuals().selection.stroke.color
    } else {
        tint.unwrap_or_else(|| ui.style().interact(&response).text_color())
    };
    let color = if enabled {
        color
    } else {
        ui.visuals().weak_text_color()
    };
    laid.paint(ui, response.rect.shrink2(padding), color);
    response
}

/// A check box with its words after it (to its left when right to left).
pub fn checkbox(ui: &mut Ui, checked: &mut bool, text: &str) -> Response {
    let mut response = marked(ui, *checked, text, Mark::Check);
    if response.clicked() {
        *checked = !*checked;
        response.mark_changed();
    }
    response
}

/// A radio button for `value`, chosen when `current` is it; clicking chooses it.
pub fn radio<T: PartialEq>(ui: &mut Ui, current: &mut T, value: T, text: &str) -> Response {
    let mut response = marked(ui, *current == value, text, Mark::Radio);
    if response.clicked() && *current != value {
        *current = value;
        response.mark_changed();
    }
    response
}

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Check,
    Radio,
}

/// A box or circle, ticked or filled when `on`, with its words beside it.
fn marked(ui: &mut Ui, on: bool, text: &str, mark: Mark) -> Response {
    let laid = lay(ui, text, BODY_SIZE, false, None);
    let icon = ui.spacing().icon_width;
    let gap = ui.spacing().icon_spacing;
    let size = Vec2::new(icon + gap + laid.size.x, laid.size.y.max(icon));
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let enabled = ui.is_enabled();
    let role = match mark {
        Mark::Check => egui::Role::CheckBox,
        Mark::Radio => egui::Role::RadioButton,
    };
    response.widget_info(|| egui::WidgetInfo::selected(role, enabled, on, text));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let rtl = right_to_left(ui);
    let box_x = if rtl { rect.max.x - icon } else { rect.min.x };
    let box_rect = Rect::from_min_size(
        Pos2::new(box_x, rect.center().y - icon / 2.0),
        Vec2::splat(icon),
    );
    let visuals = ui.style().interact(&response);
    let painter = ui.painter();
    match mark {
        Mark::Check => {
            painter.rect(
                box_rect.shrink(1.0),
                visuals.corner_radius,
                visuals.bg_fill,
                visuals.bg_stroke,
                egui::StrokeKind::Inside,
            );
            if on {
                let r = box_rect.shrink(4.0);
                painter.add(egui::Shape::line(
                    vec![
                        Pos2::new(r.left(), r.center().y),
                        Pos2::new(r.center().x - 1.0, r.bottom()),
                        Pos2::new(r.right(), r.top()),
                    ],
                    visuals.fg_stroke,
                ));
            }
        }
        Mark::Radio => {
            let radius = icon / 2.0 - 1.0;
            painter.circle(
                box_rect.center(),
                radius,
                visuals.bg_fill,
                visuals.bg_stroke,
            );
            if on {
                painter.circle_filled(box_rect.center(), radius / 2.5, visuals.fg_stroke.color);
            }
        }
    }
    let text_rect = if rtl {
        Rect::from_min_max(rect.min, Pos2::new(box_rect.min.x - gap, rect.max.y))
    } else {
        Rect::from_min_max(Pos2::new(box_rect.max.x + gap, rect.min.y), rect.max)
    };
    let color = if enabled {
        visuals.text_color()
    } else {
        ui.visuals().weak_text_color()
    };
    laid.paint(ui, text_rect, color);
    response
}

/// A menu of the menu bar: its button, and its entries top to bottom from the reading edge.
pub fn menu<R>(ui: &mut Ui, text: &str, add_contents: impl FnOnce(&mut Ui) -> R) -> Response {
    let laid = lay(ui, text, BODY_SIZE, false, None);
    let padding = ui.spacing().button_padding;
    let button = egui::Button::new("").min_size(laid.size + 2.0 * padding);
    let rtl = right_to_left(ui);
    let (response, _) = egui::containers::menu::MenuButton::from_button(button)
        .ui(ui, |ui| page(ui, rtl, add_contents));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, text));
    let color = ui.style().interact(&response).text_color();
    laid.paint(ui, response.rect.shrink2(padding), color);
    response
}

/// A drop-down list: `selected` shown on its button, the options added by `add_contents`. Its
/// accessible name is `name` (shown before it when `show_name`).
pub fn combo<R>(
    ui: &mut Ui,
    name: &str,
    show_name: bool,
    selected: &str,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> Response {
    let rtl = right_to_left(ui);
    let laid = lay(ui, selected, BODY_SIZE, false, None);
    let contents = |ui: &mut Ui| {
        if show_name {
            label(ui, name);
        }
        let icon = ui.spacing().icon_width + ui.spacing().icon_spacing;
        let width = laid.size.x + icon + ui.spacing().button_padding.x;
        let response = egui::ComboBox::from_id_salt(name)
            .selected_text("")
            .width(width.max(ui.spacing().interact_size.x))
            .show_ui(ui, |ui| page(ui, rtl, add_contents))
            .response;
        let padding = ui.spacing().button_padding;
        let mut text_rect = response.rect.shrink2(padding);
        // Away from the arrow at the button's right end.
        text_rect.max.x -= icon;
        let color = ui.style().interact(&response).text_color();
        laid.paint(ui, text_rect, color);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, name));
        response
    };
    // In a row already (the toolbar), its name and button join it, so that the row can wrap
    // between them; in a column, they make a row of their own.
    if ui.layout().is_horizontal() {
        contents(ui)
    } else {
        row(ui, contents).inner
    }
}

/// `response` with `text` as its tooltip.
pub fn hover(response: Response, text: &str) -> Response {
    response.on_hover_ui(|ui| {
        ui.set_max_width(360.0);
        label(ui, text);
    })
}

/// `response` with `text` as its tooltip when it is disabled.
pub fn hover_disabled(response: Response, text: &str) -> Response {
    response.on_disabled_hover_ui(|ui| {
        ui.set_max_width(360.0);
        label(ui, text);
    })
}

/// Widgets side by side in reading order: from the left, or from the right when right to left.
/// As tall as they are (like `ui.horizontal`), not as the space left.
pub fn row<R>(ui: &mut Ui, add_contents: impl FnOnce(&mut Ui) -> R) -> egui::InnerResponse<R> {
    row_with(ui, false, add_contents)
}

/// [`row`], wrapping onto more rows when the widgets do not fit.
pub fn row_wrapped<R>(
    ui: &mut Ui,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> egui::InnerResponse<R> {
    row_with(ui, true, add_contents)
}

fn row_with<R>(
    ui: &mut Ui,
    wrap: bool,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> egui::InnerResponse<R> {
    let layout = if right_to_left(ui) {
        Layout::right_to_left(Align::Center)
    } else {
        Layout::left_to_right(Align::Center)
    }
    .with_main_wrap(wrap);
    let size = Vec2::new(
        ui.available_size_before_wrap().x,
        ui.spacing().interact_size.y,
    );
    ui.allocate_ui_with_layout(size, layout, add_contents)
}

/// Widgets top to bottom, each against the reading edge (the right one when `rtl`).
pub fn page<R>(ui: &mut Ui, rtl: bool, add_contents: impl FnOnce(&mut Ui) -> R) -> R {
    if rtl {
        ui.with_layout(Layout::top_down(Align::Max), add_contents)
            .inner
    } else {
        add_contents(ui)
    }
}

/// A window whose title our engine draws (egui's title bar cannot shape it): its contents start
/// with [`title_bar`]. It moves by a drag on its background.
pub fn window(id: &str) -> egui::Window<'static> {
    egui::Window::new("")
        .id(egui::Id::unique(id))
        .title_bar(false)
}

/// A window's title at the reading edge and a close button at the far one; whether the button
/// was clicked.
pub fn title_bar(ui: &mut Ui, title: &str) -> bool {
    let rtl = right_to_left(ui);
    let close = row(ui, |ui| {
        heading(ui, title);
        let far = if rtl {
            Layout::left_to_right(Align::Center)
        } else {
            Layout::right_to_left(Align::Center)
        };
        ui.with_layout(far, |ui| {
            let name = tr(ui, "window-close");
            let response = ui.add(egui::Button::new("×").frame(false));
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            hover(response, &name).clicked()
        })
        .inner
    })
    .inner;
    ui.separator();
    close
}

/// A section that opens and closes by a click on its title.
pub fn collapsing<R>(
    ui: &mut Ui,
    id: &str,
    title: &str,
    add_body: impl FnOnce(&mut Ui) -> R,
) -> Option<R> {
    let id = ui.make_persistent_id(id);
    let mut state =
        egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), id, false);
    let marker = match (state.is_open(), right_to_left(ui)) {
        (true, _) => "▾",
        (false, false) => "▸",
        (false, true) => "◂",
    };
    let response = label(ui, &format!("{marker} {title}")).interact(Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, title));
    if response.clicked() {
        state.toggle(ui);
    }
    let body = state.show_body_indented(&response, ui, add_body);
    body.map(|inner| inner.inner)
}

/// The width [`paint_in`] gives `text` on one line.
pub fn painted_width(ui: &Ui, text: &str) -> f32 {
    lay(ui, text, SMALL_SIZE + 1.0, false, None).size.x
}

/// Paints `text` on one line in `rect` (small words, clipped to it), from its reading edge.
pub fn paint_in(ui: &Ui, rect: Rect, text: &str, color: Color32) {
    let laid = lay(ui, text, SMALL_SIZE + 1.0, false, None);
    laid.paint_on(ui, &ui.painter_at(rect), rect, color);
}

/// [`paint_in`], the words centred in `rect` (a number in a cell).
pub fn paint_centered(ui: &Ui, rect: Rect, text: &str, color: Color32) {
    let laid = lay(ui, text, SMALL_SIZE + 1.0, false, None);
    let width = laid.size.x.min(rect.width());
    let at = Rect::from_center_size(rect.center(), egui::vec2(width, rect.height()));
    laid.paint_on(ui, &ui.painter_at(rect), at, color);
}
