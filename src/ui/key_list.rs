//! A long list of rows of one height that takes the keyboard while it has the focus (the
//! corpus search's hits, the records table): one widget for the focus and its accessible name,
//! only the visible rows drawn, the current row brought into view when a key moved it. Its keys
//! are read where every key is, in `input.rs`.

use eframe::egui;

/// The list as laid out this frame, inside a scroll area.
pub struct KeyList {
    rect: egui::Rect,
    row_height: f32,
    pub focused: bool,
    /// The rows that can be seen.
    pub visible: std::ops::Range<usize>,
}

impl KeyList {
    /// Lays out `rows` rows `row_height` high across `width` as the widget `id` named `name`;
    /// scrolls row `reveal` into view.
    pub fn show(
        ui: &mut egui::Ui,
        id: egui::Id,
        name: &str,
        rows: usize,
        row_height: f32,
        width: f32,
        reveal: Option<usize>,
    ) -> KeyList {
        let (rect, _) = ui.allocate_exact_size(
            egui::vec2(width, row_height * rows as f32),
            egui::Sense::hover(),
        );
        let list = ui.interact(rect, id, egui::Sense::focusable_noninteractive());
        list.widget_info(|| egui::WidgetInfo::labeled(egui::Role::List, true, name));
        let focused = list.has_focus();
        if focused {
            super::input::keep_arrow_keys(ui, id, true);
        }
        let clip = ui.clip_rect();
        let first = ((clip.min.y - rect.min.y) / row_height).floor().max(0.0) as usize;
        let last = (((clip.max.y - rect.min.y) / row_height).ceil().max(0.0) as usize).min(rows);
        let list = KeyList {
            rect,
            row_height,
            focused,
            visible: first.min(last)..last,
        };
        if let Some(row) = reveal {
            ui.scroll_to_rect(list.row_rect(row), None);
        }
        list
    }

    pub fn row_rect(&self, row: usize) -> egui::Rect {
        egui::Rect::from_min_size(
            self.rect.min + egui::vec2(0.0, self.row_height * row as f32),
            egui::vec2(self.rect.width(), self.row_height),
        )
    }

    /// A row's own widget (clicks; its accessible name), under the list's id.
    pub fn row_response(
        &self,
        ui: &egui::Ui,
        id: egui::Id,
        row: usize,
        name: impl Fn() -> String,
    ) -> egui::Response {
        let response = ui.interact(self.row_rect(row), id.with(row), egui::Sense::CLICK);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ListItem, true, name()));
        if response.clicked() || response.double_clicked() {
            ui.memory_mut(|m| m.request_focus(id));
        }
        response
    }

    /// The focus ring, while the list has the keys.
    pub fn paint_focus(&self, ui: &egui::Ui) {
        if self.focused {
            ui.painter().rect_stroke(
                self.rect.intersect(ui.clip_rect()),
                2.0,
                ui.visuals().selection.stroke,
                egui::StrokeKind::Inside,
            );
        }
    }

    /// The fill of a row: the current one (stronger while the list has the keys), or hovered.
    pub fn paint_row_background(
        &self,
        ui: &egui::Ui,
        rect: egui::Rect,
        current: bool,
        hovered: bool,
    ) {
        let visuals = ui.visuals();
        if current {
            let fill = if self.focused {
                visuals.selection.bg_fill.gamma_multiply(0.6)
            } else {
                visuals.faint_bg_color
            };
            ui.painter().rect_filled(rect, 2.0, fill);
        } else if hovered {
            ui.painter()
                .rect_filled(rect, 2.0, visuals.widgets.hovered.weak_bg_fill);
        }
    }
}

/// A large window over the middle of the screen (the corpus's search, records and charts),
/// `width` wide at most and never wider than the screen, that the user may resize.
/// Its title is drawn by [`super::words::title_bar`] at the top of its contents.
pub fn centered_window(
    id: &str,
    ctx: &egui::Context,
    width: f32,
    height: f32,
) -> egui::Window<'static> {
    let screen = ctx.content_rect();
    super::words::window(id)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(screen.center())
        .default_size([width.min(screen.width() - 60.0), height])
        .max_width((screen.width() - 20.0).max(400.0))
        .resizable(true)
}
