//! A label for short text that may be Persian, Arabic or mixed (document titles, entity names,
//! label names): laid out by our engine with automatic direction, drawn with the glyph atlas.

use eframe::egui::{self, Sense, Vec2};

use super::text_engine::TextEngine;
use crate::layout::TextStyle;

/// Shows `text` on one line (wrapped if wider than the space left), in the text colour.
pub fn bidi_label_ui(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    text: &str,
    font_size: f32,
) -> egui::Response {
    bidi_label_colored_ui(ui, engine, text, font_size, None)
}

/// [`bidi_label_ui`] in a colour of its own.
pub fn bidi_label_colored_ui(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    text: &str,
    font_size: f32,
    color: Option<egui::Color32>,
) -> egui::Response {
    let style = TextStyle::label(font_size);
    let pixels_per_point = ui.pixels_per_point();
    // In a wrapping row, ask for the natural width: egui moves the label to the next row
    // when it does not fit (wrapping it to the row's leftover would stack its letters).
    let max_width = if ui.layout().main_wrap() {
        ui.max_rect().width()
    } else {
        ui.available_width()
    }
    .max(10.0);
    let TextEngine {
        engine: layout_engine,
        cache,
        atlas,
    } = engine;
    let natural = cache
        .get(layout_engine, text, &style, None, pixels_per_point)
        .content_width();
    let wrap = (natural > max_width).then_some(max_width);
    let layout = cache.get(layout_engine, text, &style, wrap, pixels_per_point);
    // A wrapped layout places its lines within the wrap width (right-aligned when right to
    // left): take all of it, or the lines would be drawn past the rectangle.
    let width = match wrap {
        Some(wrap) => wrap,
        None => layout.content_width().min(max_width),
    };
    let size = Vec2::new(width, layout.height());
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    if ui.is_rect_visible(rect) {
        let color = color.unwrap_or_else(|| ui.visuals().text_color());
        let mesh = atlas.mesh_for(layout, rect.min, 0.0, layout.height(), color);
        ui.painter().add(egui::Shape::mesh(mesh));
    }
    response
}

/// Paints `text` on one line inside `rect`, never wrapped: clipped at the far edge, against the
/// edge its direction starts from (right for Persian and Arabic). For list rows of one height.
pub fn paint_one_line(
    ui: &egui::Ui,
    engine: &mut TextEngine,
    rect: egui::Rect,
    text: &str,
    font_size: f32,
    color: egui::Color32,
) {
    if !ui.is_rect_visible(rect) {
        return;
    }
    let style = TextStyle::label(font_size);
    let TextEngine {
        engine: layout_engine,
        cache,
        atlas,
    } = engine;
    let layout = cache.get(layout_engine, text, &style, None, ui.pixels_per_point());
    let x = if crate::text::script::first_strong_is_rtl(text) == Some(true) {
        rect.max.x - layout.content_width()
    } else {
        rect.min.x
    };
    let top = egui::pos2(x, rect.center().y - layout.height() / 2.0);
    let mesh = atlas.mesh_for(layout, top, 0.0, layout.height(), color);
    ui.painter_at(rect).add(egui::Shape::mesh(mesh));
}

/// `response` with `text` (any script) as its tooltip, drawn by our text engine: egui's own
/// tooltip text cannot show Persian or Arabic.
pub fn bidi_tooltip(
    response: egui::Response,
    engine: &mut TextEngine,
    text: &str,
) -> egui::Response {
    response.on_hover_ui(|ui| {
        bidi_label_ui(ui, engine, text, 14.0);
    })
}

/// A small button whose text may be Persian or Arabic, drawn by our text engine; its accessible
/// name is the text.
pub fn bidi_button_ui(ui: &mut egui::Ui, engine: &mut TextEngine, text: &str) -> egui::Response {
    let style = TextStyle::label(13.0);
    let padding = Vec2::new(6.0, 2.0);
    let TextEngine {
        engine: layout_engine,
        cache,
        atlas,
    } = engine;
    let layout = cache.get(layout_engine, text, &style, None, ui.pixels_per_point());
    let size = Vec2::new(layout.content_width(), layout.height()) + 2.0 * padding;
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, text));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact(&response);
        ui.painter().rect(
            rect,
            3.0,
            visuals.weak_bg_fill,
            visuals.bg_stroke,
            egui::StrokeKind::Inside,
        );
        let mesh = atlas.mesh_for(
            layout,
            rect.min + padding,
            0.0,
            layout.height(),
            visuals.text_color(),
        );
        ui.painter().add(egui::Shape::mesh(mesh));
    }
    response
}
