//! The article view: right-to-left text laid out by our engine, with mouse and keyboard
//! selection, copy, and annotation highlights. It reports selections and clicks as byte offsets
//! into the text; the caller converts them to code points for the model.

use std::ops::Range;

use eframe::egui::{self, Color32, Sense, Stroke, Vec2};

use super::text_engine::TextEngine;
use crate::app::Edge;
use crate::layout::{CaretMotion, Rect, TextLayout, TextStyle};

/// A span to draw over the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Highlight {
    /// Byte range in the text.
    pub range: Range<usize>,
    pub color: Color32,
    /// Shown when the pointer rests on it.
    pub label: String,
    /// The caller's id for it (e.g. a span id).
    pub id: u64,
}

pub use crate::app::TextSelection;

/// What happened in the article view this frame.
#[derive(Default)]
pub struct ArticleResponse {
    /// The selection changed (by mouse or keyboard).
    pub selection_changed: bool,
    /// A highlight was clicked (without dragging).
    pub clicked_highlight: Option<u64>,
    /// The text was copied to the clipboard.
    pub copied: bool,
    /// The keyboard moved an edge of the selected highlight: which, and forward in reading order
    /// or back.
    pub move_edge: Option<(Edge, bool)>,
    /// A handle of the selected highlight was dragged: the bytes it now covers.
    pub resized: Option<Range<usize>>,
}

/// The span-edge keys: the arrow says which way on screen; with Shift the edge on that side moves
/// out (the span grows), without it the edge on the other side follows (the span shrinks).
/// (A catalogue key.)
pub const EDGE_KEYS_HELP: &str = crate::i18n::key("edge-keys-help");

/// [`EDGE_KEYS_HELP`] in a few words, under the selected span.
pub const EDGE_KEYS_SHORT: &str = crate::i18n::key("edge-keys-short");

/// How far from an edge (points) a press grabs its handle.
const HANDLE_REACH: f32 = 6.0;

/// Accessible name of the article view (tests find the widget by it).
pub const ARTICLE_VIEW_LABEL: &str = crate::i18n::key("article-view");

pub struct ArticleView<'a> {
    pub text: &'a str,
    pub style: TextStyle,
    pub highlights: &'a [Highlight],
    pub selected_highlight: Option<u64>,
    /// Scroll so that this byte offset is in view.
    pub scroll_to: Option<usize>,
}

/// Space around the text inside the view, in points.
pub const MARGIN: f32 = 12.0;
const UNDERLINE: f32 = 2.0;
const UNDERLINE_GAP: f32 = 1.5;

impl ArticleView<'_> {
    pub fn ui(
        &self,
        ui: &mut egui::Ui,
        engine: &mut TextEngine,
        selection: &mut TextSelection,
    ) -> ArticleResponse {
        let mut result = ArticleResponse::default();
        let width = (ui.available_width() - 2.0 * MARGIN).max(50.0);
        let pixels_per_point = ui.pixels_per_point();
        let TextEngine {
            engine: layout_engine,
            cache,
            atlas,
        } = engine;
        let layout = cache.get(
            layout_engine,
            self.text,
            &self.style,
            Some(width),
            pixels_per_point,
        );

        let desired = Vec2::new(ui.available_width(), layout.height() + 2.0 * MARGIN);
        let (rect, response) = ui.allocate_exact_size(desired, Sense::click_and_drag());
        let name = super::words::tr(ui, ARTICLE_VIEW_LABEL);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Document, true, &name));
        let origin = rect.min + Vec2::splat(MARGIN);
        let to_layout = |pos: egui::Pos2| (pos.x - origin.x, pos.y - origin.y);

        // Where the last click put the caret: at a direction change or a soft wrap one offset
        // has two places, and the click says which (kept until the keys move the caret).
        let hint_id = response.id.with("caret hint");
        let mut caret_hint: Option<(usize, Rect)> = ui.data(|d| d.get_temp(hint_id)).flatten();

        // Mouse: a handle of the selected span, or the selection.
        let selected = self.selected_range();
        let handles = selected
            .as_ref()
            .map(|range| handle_rects(layout, range.clone()))
            .unwrap_or_default();
        // A press on a handle grabs it until the button is released (remembered for the frame
        // of the release, when egui no longer knows where the press began).
        let grab_id = response.id.with("edge handle");
        let mut grabbed: Option<Edge> = ui.data(|d| d.get_temp(grab_id)).flatten();
        if response.is_pointer_button_down_on() && grabbed.is_none() {
            grabbed = ui
                .input(|i| i.pointer.press_origin())
                .and_then(|pressed_at| {
                    let (x, y) = to_layout(pressed_at);
                    handle_at(layout, &handles, selected.as_ref()?, x, y)
                });
            ui.data_mut(|d| d.insert_temp(grab_id, grabbed));
        }
        let mut resizing = None;
        if let (Some(edge), Some(range)) = (grabbed, &selected) {
            if let Some(pos) = ui.input(|i| i.pointer.latest_pos()) {
                let (x, y) = to_layout(pos);
                let at = layout.hit_test(x, y);
                let (start, end) = match edge {
                    Edge::Start => (at, range.end),
                    Edge::End => (range.start, at),
                };
                resizing = Some(start.min(end)..start.max(end));
            }
            if !response.is_pointer_button_down_on() {
                if response.drag_stopped() {
                    result.resized = resizing.clone().filter(|r| !r.is_empty());
                }
                ui.data_mut(|d| d.remove::<Option<Edge>>(grab_id));
            }
        } else if let Some(pos) = response.interact_pointer_pos() {
            let (x, y) = to_layout(pos);
            let shift = ui.input(|i| i.modifiers.shift);
            let mut put_caret = |x: f32, y: f32| {
                let (offset, caret) = layout.hit_test_caret(x, y);
                caret_hint = Some((offset, caret));
                offset
            };
            if response.double_clicked() {
                let word = layout.word_at(x, y);
                *selection = TextSelection {
                    anchor: word.start,
                    focus: word.end,
                };
                result.selection_changed = true;
            } else if response.drag_started() || (response.clicked() && !shift) {
                // A drag is recognised only once the pointer has moved: start where it was pressed.
                let pressed_at = ui.input(|i| i.pointer.press_origin()).unwrap_or(pos);
                let (x, y) = to_layout(pressed_at);
                let offset = put_caret(x, y);
                if !(response.clicked() && shift) {
                    *selection = TextSelection {
                        anchor: offset,
                        focus: offset,
                    };
                }
                result.selection_changed = true;
                response.request_focus();
            } else if response.dragged() || (response.clicked() && shift) {
                selection.focus = put_caret(x, y);
                result.selection_changed = true;
            }
            if response.clicked() && !shift && !response.double_clicked() {
                result.clicked_highlight = self.highlight_at(layout, x, y);
            }
        }
        if let Some(pos) = response.hover_pos() {
            let (x, y) = to_layout(pos);
            if grabbed.is_some()
                || selected
                    .as_ref()
                    .and_then(|range| handle_at(layout, &handles, range, x, y))
                    .is_some()
            {
                ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
            }
        }

        // Keyboard: the selected span's edges whenever the keys are not typing; the caret when
        // the article has the focus.
        if let Some(range) = &selected
            && !super::input::text_field_has_keyboard(ui.ctx())
        {
            result.move_edge = edge_keys(ui, layout, range.clone());
        }
        if response.has_focus() {
            super::input::keep_arrow_keys(ui, response.id, true);
            let events = ui.input(|i| i.events.clone());
            for event in events {
                match event {
                    egui::Event::Copy if !selection.is_empty() => {
                        ui.ctx().copy_text(self.text[selection.range()].to_string());
                        result.copied = true;
                    }
                    egui::Event::Key {
                        key,
                        pressed: true,
                        modifiers,
                        ..
                    } if !modifiers.alt => {
                        let Some(motion) = caret_motion(key, modifiers) else {
                            continue;
                        };
                        caret_hint = None;
                        let focus = layout.move_caret(selection.focus, motion);
                        selection.focus = focus;
                        if !modifiers.shift {
                            selection.anchor = focus;
                        }
                        result.selection_changed = true;
                    }
                    _ => {}
                }
            }
        }

        // Painting: only what is visible.
        let clip = ui.clip_rect().intersect(rect);
        let (top, bottom) = (clip.min.y - origin.y, clip.max.y - origin.y);
        let painter = ui.painter_at(rect);
        let to_screen = |r: &Rect| {
            egui::Rect::from_min_max(
                egui::pos2(origin.x + r.min_x, origin.y + r.min_y),
                egui::pos2(origin.x + r.max_x, origin.y + r.max_y),
            )
        };
        let visuals = ui.visuals();
        for (highlight, depth) in self.highlights_with_depth() {
            for r in layout.selection_rects(highlight.range.clone()) {
                let screen = to_screen(&r);
                painter.rect_filled(screen, 2.0, highlight.color.gamma_multiply(0.18));
                // Stacked underlines keep nested and overlapping spans apart.
                let y = screen.max.y - 2.0 - depth as f32 * (UNDERLINE + UNDERLINE_GAP);
                painter.line_segment(
                    [egui::pos2(screen.min.x, y), egui::pos2(screen.max.x, y)],
                    Stroke::new(UNDERLINE, highlight.color),
                );
                if self.selected_highlight == Some(highlight.id) {
                    painter.rect_stroke(
                        screen,
                        2.0,
                        Stroke::new(1.5, visuals.strong_text_color()),
                        egui::StrokeKind::Outside,
                    );
                }
            }
        }
        for r in layout.selection_rects(selection.range()) {
            painter.rect_filled(
                to_screen(&r),
                0.0,
                visuals.selection.bg_fill.gamma_multiply(0.6),
            );
        }
        if let Some(range) = resizing {
            for r in layout.selection_rects(range) {
                painter.rect_stroke(
                    to_screen(&r),
                    2.0,
                    Stroke::new(1.5, visuals.selection.stroke.color),
                    egui::StrokeKind::Outside,
                );
            }
        }
        for (_, handle) in &handles {
            let bar = to_screen(handle);
            let color = visuals.strong_text_color();
            painter.rect_filled(bar, 0.0, color);
            painter.circle_filled(egui::pos2(bar.center().x, bar.min.y), 3.0, color);
        }
        // A character no bundled font can draw is an outlined cell, not an empty gap.
        for line in layout.lines_between(top, bottom) {
            for cluster in line.clusters.iter().filter(|c| c.missing) {
                let cell = Rect {
                    min_x: cluster.x,
                    min_y: line.top,
                    max_x: cluster.x + cluster.width.max(4.0),
                    max_y: line.bottom,
                };
                painter.rect_stroke(
                    to_screen(&cell).shrink(1.0),
                    1.0,
                    Stroke::new(1.0, visuals.warn_fg_color),
                    egui::StrokeKind::Inside,
                );
            }
        }
        let text_color = visuals.text_color();
        let mesh = atlas.mesh_for(layout, origin, top, bottom, text_color);
        painter.add(egui::Shape::mesh(mesh));
        if let Some(offset) = self.scroll_to {
            ui.scroll_to_rect(
                to_screen(&layout.caret(offset)).expand(40.0),
                Some(egui::Align::Center),
            );
        }
        ui.data_mut(|d| d.insert_temp(hint_id, caret_hint));
        if response.has_focus() {
            let caret = match caret_hint {
                Some((offset, caret)) if offset == selection.focus => caret,
                _ => layout.caret(selection.focus),
            };
            let caret = to_screen(&caret);
            painter.rect_filled(caret, 0.0, text_color);
        }

        // Hover: the label of the innermost span under the pointer.
        if let Some(pos) = response.hover_pos() {
            let (x, y) = to_layout(pos);
            if let Some(id) = self.highlight_at(layout, x, y)
                && let Some(h) = self.highlights.iter().find(|h| h.id == id)
            {
                let label = h.label.clone();
                // A label's name and a reviewer's comment may be Persian or Arabic.
                response.on_hover_ui_at_pointer(|ui| {
                    super::words::label(ui, &label);
                });
            }
        }
        result
    }

    /// The bytes of the selected highlight.
    fn selected_range(&self) -> Option<Range<usize>> {
        let id = self.selected_highlight?;
        let highlight = self.highlights.iter().find(|h| h.id == id)?;
        Some(highlight.range.clone()).filter(|r| !r.is_empty())
    }

    /// Highlights with their nesting depth (how many other highlights contain each).
    fn highlights_with_depth(&self) -> Vec<(&Highlight, usize)> {
        let mut sorted: Vec<&Highlight> = self.highlights.iter().collect();
        sorted.sort_by_key(|h| (h.range.start, std::cmp::Reverse(h.range.end)));
        let mut result = Vec::with_capacity(sorted.len());
        for (i, h) in sorted.iter().enumerate() {
            let depth = sorted[..i]
                .iter()
                .filter(|o| o.range.start <= h.range.start && h.range.end <= o.range.end)
                .count();
            result.push((*h, depth));
        }
        result
    }

    /// The innermost (shortest) highlight under a layout point.
    fn highlight_at(&self, layout: &TextLayout, x: f32, y: f32) -> Option<u64> {
        self.highlights
            .iter()
            .filter(|h| {
                layout
                    .selection_rects(h.range.clone())
                    .iter()
                    .any(|r| r.contains(x, y))
            })
            .min_by_key(|h| h.range.len())
            .map(|h| h.id)
    }
}

/// The caret motion a key asks for (Ctrl moves by word), if it is one.
fn caret_motion(key: egui::Key, modifiers: egui::Modifiers) -> Option<CaretMotion> {
    use egui::Key;
    Some(match key {
        Key::ArrowLeft | Key::ArrowRight if modifiers.command => CaretMotion::Word {
            right: key == Key::ArrowRight,
        },
        Key::ArrowLeft | Key::ArrowRight => CaretMotion::Letter {
            right: key == Key::ArrowRight,
        },
        Key::ArrowUp | Key::ArrowDown => CaretMotion::Line {
            down: key == Key::ArrowDown,
        },
        Key::Home | Key::End => CaretMotion::LineEdge {
            end: key == Key::End,
        },
        _ => return None,
    })
}

/// The span-edge keys pressed this frame ([`EDGE_KEYS_HELP`]): the logical edge they move and
/// whether forward in reading order.
fn edge_keys(ui: &egui::Ui, layout: &TextLayout, range: Range<usize>) -> Option<(Edge, bool)> {
    use egui::{Key, Modifiers};
    // With Shift first: egui matches Alt+← on Alt+Shift+← too.
    let keys = [
        (true, Key::ArrowLeft),
        (true, Key::ArrowRight),
        (false, Key::ArrowLeft),
        (false, Key::ArrowRight),
    ];
    let mut moved = None;
    ui.input_mut(|input| {
        for (grow, key) in keys {
            let modifiers = if grow {
                Modifiers::ALT | Modifiers::SHIFT
            } else {
                Modifiers::ALT
            };
            while input.consume_key(modifiers, key) {
                let right = key == Key::ArrowRight;
                // Growing moves the edge on the arrow's side, shrinking the one opposite; both
                // go the arrow's way.
                let side = if grow { right } else { !right };
                let edge = layout.screen_edge(range.clone(), side);
                moved = Some((edge.edge, right == edge.forward_is_right));
            }
        }
    });
    moved
}

/// The handle a press at `(x, y)` grabs: one within reach, on the span's side of the gap. The
/// reach is wider than a space, and a drag begun on the next word, or on the half of the space
/// nearer to it, is meant to select that word, not to stretch the span over it.
fn handle_at(
    layout: &TextLayout,
    handles: &[(Edge, Rect)],
    range: &Range<usize>,
    x: f32,
    y: f32,
) -> Option<Edge> {
    let (edge, _) = handles
        .iter()
        .find(|(_, r)| r.expand(HANDLE_REACH).contains(x, y))?;
    let word = layout.word_at(x, y);
    if word.end > range.start && word.start < range.end {
        return Some(*edge);
    }
    let another_word = layout
        .text()
        .get(word)
        .is_some_and(|w| w.chars().any(char::is_alphanumeric));
    let edge_offset = match edge {
        Edge::Start => range.start,
        Edge::End => range.end,
    };
    (!another_word && layout.hit_test(x, y) == edge_offset).then_some(*edge)
}

/// Where the selected span's edges show, as thin bars a pointer can grab: the start on its first
/// line, the end on its last.
fn handle_rects(layout: &TextLayout, range: Range<usize>) -> Vec<(Edge, Rect)> {
    let rects = layout.selection_rects(range.clone());
    let (Some(first), Some(last)) = (rects.first(), rects.last()) else {
        return Vec::new();
    };
    let right_edge = layout.screen_edge(range, true).edge;
    [(Edge::Start, first.min_y), (Edge::End, last.min_y)]
        .into_iter()
        .map(|(edge, top)| {
            let line = rects.iter().filter(|r| (r.min_y - top).abs() < 0.5);
            let x = if edge == right_edge {
                line.map(|r| r.max_x).fold(f32::MIN, f32::max)
            } else {
                line.map(|r| r.min_x).fold(f32::MAX, f32::min)
            };
            let bottom = rects
                .iter()
                .find(|r| (r.min_y - top).abs() < 0.5)
                .map_or(top, |r| r.max_y);
            let bar = Rect {
                min_x: x - 1.0,
                min_y: top,
                max_x: x + 1.0,
                max_y: bottom,
            };
            (edge, bar)
        })
        .collect()
}
