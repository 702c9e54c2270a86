//! A single-line text input for Persian, Arabic or mixed text, on our editor (parley's
//! `PlainEditor`). egui's events are translated into [`EditorAction`]s here, at the boundary.

use eframe::egui::{self, Event, Key, Sense, Vec2};

use super::text_engine::TextEngine;
use crate::layout::{EditorAction, TextEditor};

const PADDING: Vec2 = Vec2::new(6.0, 3.0);

/// Shows `editor` as an input box `width` points wide. `changed()` on the response tells that the
/// text was edited this frame.
pub fn bidi_text_edit_ui(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    editor: &mut TextEditor,
    hint: &str,
    width: f32,
) -> egui::Response {
    editor.set_scale(ui.pixels_per_point());
    let (text_width, text_height) = editor.size(&mut engine.engine);
    let line_height = ui.text_style_height(&egui::TextStyle::Body) * 1.4;
    let height = text_height.max(line_height) + 2.0 * PADDING.y;
    let (rect, mut response) =
        ui.allocate_exact_size(Vec2::new(width, height), Sense::click_and_drag());
    super::input::mark_text_field(ui.ctx(), response.id);
    let value = editor.text();
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::text_edit(true, value.clone(), value.clone(), hint);
        info.label = Some(hint.to_string());
        info
    });

    let is_rtl = editor.glyphs(&mut engine.engine).is_rtl();
    // Right-to-left text sits against the right edge, like the article.
    let origin = if is_rtl {
        egui::pos2(rect.max.x - PADDING.x - text_width, rect.min.y + PADDING.y)
    } else {
        rect.min + PADDING
    };
    let to_text = |pos: egui::Pos2| (pos.x - origin.x, pos.y - origin.y);
    let before = editor.text();

    if let Some(pos) = response.interact_pointer_pos() {
        let (x, y) = to_text(pos);
        let shift = ui.input(|i| i.modifiers.shift);
        if response.double_clicked() {
            editor.apply(&mut engine.engine, EditorAction::SelectWordAt { x, y });
        } else if response.drag_started() || response.clicked() {
            let pressed = ui.input(|i| i.pointer.press_origin()).unwrap_or(pos);
            let (x, y) = to_text(pressed);
            editor.apply(
                &mut engine.engine,
                EditorAction::PressAt {
                    x,
                    y,
                    extend: shift,
                },
            );
            response.request_focus();
        } else if response.dragged() {
            editor.apply(&mut engine.engine, EditorAction::DragTo { x, y });
        }
    }

    if response.has_focus() {
        super::input::keep_arrow_keys(ui, response.id, false);
        for event in ui.input(|i| i.events.clone()) {
            if let Some(action) = action_for(&event, editor, ui) {
                editor.apply(&mut engine.engine, action);
            }
        }
    }
    if editor.text() != before {
        response.mark_changed();
    }

    // Painting.
    let visuals = ui.visuals();
    let stroke = if response.has_focus() {
        visuals.selection.stroke
    } else {
        visuals.widgets.inactive.bg_stroke
    };
    let painter = ui.painter_at(rect);
    painter.rect(
        rect,
        3.0,
        visuals.extreme_bg_color,
        stroke,
        egui::StrokeKind::Inside,
    );
    if editor.text().is_empty() && !response.has_focus() {
        // The hint may be Persian or Arabic too: through our engine, against the edge its
        // direction starts from.
        let TextEngine {
            engine: layout_engine,
            cache,
            atlas,
        } = &mut *engine;
        let style = crate::layout::TextStyle::label(14.0);
        let layout = cache.get(layout_engine, hint, &style, None, ui.pixels_per_point());
        let x = if crate::text::script::first_strong_is_rtl(hint) == Some(true) {
            rect.max.x - PADDING.x - layout.content_width()
        } else {
            rect.min.x + PADDING.x
        };
        let top = egui::pos2(x, rect.center().y - layout.height() / 2.0);
        let mesh = atlas.mesh_for(layout, top, 0.0, layout.height(), visuals.weak_text_color());
        painter.add(egui::Shape::mesh(mesh));
    }
    let to_screen = |r: crate::layout::Rect| {
        egui::Rect::from_min_max(
            egui::pos2(origin.x + r.min_x, origin.y + r.min_y),
            egui::pos2(origin.x + r.max_x, origin.y + r.max_y),
        )
    };
    for r in editor.selection_rects(&mut engine.engine) {
        painter.rect_filled(to_screen(r), 0.0, visuals.selection.bg_fill);
    }
    let color = visuals.text_color();
    let scale = ui.pixels_per_point();
    let TextEngine {
        engine: layout_engine,
        atlas,
        ..
    } = engine;
    let glyphs = editor.glyphs(layout_engine);
    let mesh = atlas.mesh_for_runs(scale, origin, color, &|f| glyphs.for_each(f));
    painter.add(egui::Shape::mesh(mesh));
    if response.has_focus()
        && let Some(caret) = editor.caret(layout_engine)
    {
        painter.rect_filled(to_screen(caret), 0.0, color);
    }
    response
}

/// The editor action an egui event stands for, if any.
fn action_for(event: &Event, editor: &TextEditor, ui: &egui::Ui) -> Option<EditorAction> {
    match event {
        Event::Text(text) | Event::Paste(text) => Some(EditorAction::Insert(text.clone())),
        Event::Copy => {
            if let Some(selected) = editor.selected_text() {
                ui.ctx().copy_text(selected.to_string());
            }
            None
        }
        Event::Cut => {
            let selected = editor.selected_text()?;
            ui.ctx().copy_text(selected.to_string());
            Some(EditorAction::Backspace)
        }
        Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } => {
            let select = modifiers.shift;
            let word = modifiers.command || modifiers.alt;
            match key {
                Key::Backspace if word => Some(EditorAction::BackspaceWord),
                Key::Backspace => Some(EditorAction::Backspace),
                Key::Delete => Some(EditorAction::Delete),
                Key::ArrowLeft if word => Some(EditorAction::WordLeft { select }),
                Key::ArrowLeft => Some(EditorAction::Left { select }),
                Key::ArrowRight if word => Some(EditorAction::WordRight { select }),
                Key::ArrowRight => Some(EditorAction::Right { select }),
                Key::Home => Some(EditorAction::Home { select }),
                Key::End => Some(EditorAction::End { select }),
                Key::A if modifiers.command => Some(EditorAction::SelectAll),
                _ => None,
            }
        }
        _ => None,
    }
}
