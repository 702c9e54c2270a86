//! The records window (Ctrl+Shift+M): every meeting and outcome of the project as one table
//! (organization, body, level, dates, venue, host, outcome type and status, review, articles),
//! filtered by words in any spelling, kind, dates and review; sorted by a click on a column's
//! title; a row opened at its evidence by Enter or a double click. Cells are drawn by our engine
//! (names are Persian or Arabic). The filter, order and current row are the session's.

use eframe::egui;

use super::app::DaftarApp;
use super::bidi_label::paint_one_line;
use super::key_list::KeyList;
use super::text_engine::TextEngine;
use super::text_input::bidi_text_edit_ui;
use super::words as wd;
use crate::app::AppCommand;
use crate::i18n::{Words, key};
use crate::layout::TextEditor;
use crate::model::ReviewState;
use crate::records::{RecordColumn, RecordKind, RecordRow};

/// Catalogue keys of the window's title and fields (also what tests find).
pub const RECORDS_WINDOW: &str = key("records-title");
/// Placeholder (and accessible name) of the words filter.
pub const RECORDS_FILTER_HINT: &str = key("records-filter-hint");
pub const FROM_HINT: &str = key("records-from-hint");
pub const TO_HINT: &str = key("records-to-hint");
/// Accessible name of the table's rows (it takes the keys while it has the focus).
pub const RECORDS_LIST: &str = key("records-list");

/// A column's title in the interface's language.
fn column_title(tr: Words, column: RecordColumn) -> String {
    tr.t(match column {
        RecordColumn::Kind => "records-column-record",
        RecordColumn::Organization => "records-column-organization",
        RecordColumn::Body => "records-column-body",
        RecordColumn::Level => "records-column-level",
        RecordColumn::Start => "records-column-from",
        RecordColumn::End => "records-column-to",
        RecordColumn::Venue => "records-column-venue",
        RecordColumn::Host => "records-column-host",
        RecordColumn::Realis => "records-column-held",
        RecordColumn::OutcomeType => "records-column-outcome",
        RecordColumn::OutcomeStatus => "records-column-status",
        RecordColumn::Review => "records-column-review",
        RecordColumn::Documents => "records-column-articles",
    })
}

const ROW_HEIGHT: f32 = 24.0;
const CELL_FONT: f32 = 13.0;

/// The table's widget id: the keys go to it while it has the focus.
pub fn records_list_id() -> egui::Id {
    egui::Id::unique("records table")
}

/// A column's width in points.
fn column_width(column: RecordColumn) -> f32 {
    match column {
        RecordColumn::Kind => 56.0,
        RecordColumn::Organization => 170.0,
        RecordColumn::Body | RecordColumn::Venue | RecordColumn::Host => 110.0,
        RecordColumn::Level => 80.0,
        RecordColumn::Start | RecordColumn::End => 84.0,
        RecordColumn::Realis | RecordColumn::Review => 72.0,
        RecordColumn::OutcomeType | RecordColumn::OutcomeStatus => 96.0,
        RecordColumn::Documents => 60.0,
    }
}

/// The accessible name of a row: its id and organization ("m3 سازمان همکاری شانگهای").
pub fn record_row_name(row: &RecordRow) -> String {
    format!("{} {}", row.id, row.organization)
}

#[derive(Default)]
pub struct RecordsWindow {
    pub open: bool,
    pub words: TextEditor,
    pub from: TextEditor,
    pub to: TextEditor,
    focus_words: bool,
    /// The rows shown, for (revision, view) they were built for.
    rows: Option<((u64, crate::app::RecordsView), Vec<RecordRow>)>,
    /// Bring the current row into view (moved by a key).
    pub(super) reveal_current: bool,
}

impl RecordsWindow {
    pub fn show(&mut self) {
        self.open = true;
        self.focus_words = true;
    }
}

impl DaftarApp {
    /// The table's keys while it has the focus: Up and Down move, Enter opens.
    pub(super) fn records_list_commands(&mut self, ctx: &egui::Context) -> Vec<AppCommand> {
        let current = self.session.records_view().current;
        let keys: Vec<egui::Key> = super::input::pressed_keys(ctx, true)
            .into_iter()
            .filter(|(_, modifiers)| modifiers.is_none())
            .map(|(key, _)| key)
            .collect();
        let mut commands = Vec::new();
        for key in keys {
            match key {
                egui::Key::ArrowDown | egui::Key::ArrowUp => {
                    commands.push(AppCommand::StepRecord {
                        forward: key == egui::Key::ArrowDown,
                    });
                    self.records_window.reveal_current = true;
                }
                egui::Key::Enter => commands.extend(current.map(AppCommand::OpenRecord)),
                _ => {}
            }
        }
        commands
    }

    pub(super) fn records_window_ui(&mut self, ctx: &egui::Context) {
        if !self.records_window.open {
            return;
        }
        let mut close = false;
        let title = wd::words(ctx).t(RECORDS_WINDOW);
        super::key_list::centered_window(RECORDS_WINDOW, ctx, 1100.0, 520.0).show(ctx, |ui| {
            close = wd::title_bar(ui, &title);
            wd::page(ui, wd::right_to_left(ui), |ui| {
                self.records_filter_ui(ui);
                ui.separator();
                self.records_table_ui(ui);
            });
        });
        if close {
            self.records_window.open = false;
        }
    }

    fn records_filter_ui(&mut self, ui: &mut egui::Ui) {
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let window = &mut self.records_window;
        let mut filter = self.session.records_view().filter.clone();
        let tr = wd::words(ui.ctx());
        wd::row_wrapped(ui, |ui| {
            let words = bidi_text_edit_ui(
                ui,
                text_engine,
                &mut window.words,
                &tr.t(RECORDS_FILTER_HINT),
                240.0,
            );
            if std::mem::take(&mut window.focus_words) {
                words.request_focus();
            }
            let typed = window.words.text();
            filter.text = (!typed.trim().is_empty()).then_some(typed);
            let kinds = [
                (None, "records-kind-all"),
                (Some(RecordKind::Meeting), "records-kind-meetings"),
                (Some(RecordKind::Outcome), "records-kind-outcomes"),
            ];
            let shown = kinds
                .iter()
                .find(|(kind, _)| *kind == filter.kind)
                .map_or(String::new(), |(_, name)| tr.t(name));
            wd::combo(ui, &tr.t("records-kind"), false, &shown, |ui| {
                for (kind, name) in kinds {
                    if wd::selectable(ui, filter.kind == kind, &tr.t(name)).clicked() {
                        filter.kind = kind;
                    }
                }
            });
            for (editor, hint, value) in [
                (&mut window.from, FROM_HINT, &mut filter.from),
                (&mut window.to, TO_HINT, &mut filter.to),
            ] {
                bidi_text_edit_ui(ui, text_engine, editor, &tr.t(hint), 110.0);
                let typed = editor.text();
                *value = (!typed.trim().is_empty()).then(|| typed.trim().to_string());
            }
            let any = tr.t("records-any-review");
            let shown = filter.review.map_or(any.clone(), |s| tr.review_state(s));
            wd::combo(ui, &tr.t("records-review"), false, &shown, |ui| {
                if wd::selectable(ui, filter.review.is_none(), &any).clicked() {
                    filter.review = None;
                }
                for state in [
                    ReviewState::Pending,
                    ReviewState::Accepted,
                    ReviewState::Rejected,
                ] {
                    let chosen = filter.review == Some(state);
                    if wd::selectable(ui, chosen, &tr.review_state(state)).clicked() {
                        filter.review = Some(state);
                    }
                }
            });
        });
        if filter != self.session.records_view().filter {
            self.push(AppCommand::SetRecordFilter(filter));
        }
    }

    fn records_table_ui(&mut self, ui: &mut egui::Ui) {
        let view = self.session.records_view().clone();
        let key = (self.session.history().revision(), view.clone());
        if self.records_window.rows.as_ref().map(|(k, _)| k) != Some(&key) {
            self.records_window.rows = Some((key, self.session.record_table()));
        }
        let reveal = std::mem::take(&mut self.records_window.reveal_current);
        let mut pushed = Vec::new();
        let count = self
            .records_window
            .rows
            .as_ref()
            .map_or(0, |(_, r)| r.len());
        let tr = wd::words(ui.ctx());
        wd::label(ui, &tr.t_with("records-count", &[("count", count.into())]));
        let table_width: f32 = RecordColumn::ALL.iter().map(|c| column_width(*c)).sum();
        egui::ScrollArea::horizontal()
            .id_salt("records horizontal")
            .show(ui, |ui| {
                // The titles: a click sorts by the column, again the other way. The first
                // column stands at the reading edge.
                let layout = if tr.right_to_left() {
                    egui::Layout::right_to_left(egui::Align::Center)
                } else {
                    egui::Layout::left_to_right(egui::Align::Center)
                };
                ui.allocate_ui_with_layout(egui::vec2(table_width, 22.0), layout, |ui| {
                    ui.set_width(table_width);
                    ui.spacing_mut().item_spacing.x = 0.0;
                    for column in RecordColumn::ALL {
                        let width = column_width(column);
                        let (rect, button) =
                            ui.allocate_exact_size(egui::vec2(width, 22.0), egui::Sense::click());
                        let title = column_title(tr, column);
                        button.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, true, &title)
                        });
                        let color = ui.style().interact(&button).text_color();
                        wd::paint_in(ui, rect.shrink2(egui::vec2(4.0, 0.0)), &title, color);
                        if column == view.sort {
                            paint_sort_arrow(ui, button.rect, view.descending);
                        }
                        if wd::hover(button, &tr.t("records-sort-tip")).clicked() {
                            pushed.push(AppCommand::SortRecords(column));
                        }
                    }
                });
                ui.separator();
                egui::ScrollArea::vertical()
                    .id_salt("records rows")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        let rows = self
                            .records_window
                            .rows
                            .as_ref()
                            .map_or(&[][..], |(_, r)| r);
                        let width: f32 = RecordColumn::ALL.iter().map(|c| column_width(*c)).sum();
                        let reveal = reveal
                            .then(|| rows.iter().position(|r| r.record == view.current))
                            .flatten();
                        let list = KeyList::show(
                            ui,
                            records_list_id(),
                            &tr.t(RECORDS_LIST),
                            rows.len(),
                            ROW_HEIGHT,
                            width,
                            reveal,
                        );
                        let text_engine = self
                            .text_engine
                            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
                        for index in list.visible.clone() {
                            let row = &rows[index];
                            let Some(record) = row.record else { continue };
                            let response = list.row_response(ui, records_list_id(), index, || {
                                record_row_name(row)
                            });
                            if response.double_clicked() {
                                pushed.push(AppCommand::OpenRecord(record));
                            } else if response.clicked() {
                                pushed.push(AppCommand::SelectRecord(record));
                            }
                            let rect = list.row_rect(index);
                            let current = view.current == Some(record);
                            list.paint_row_background(ui, rect, current, response.hovered());
                            paint_record_cells(
                                ui,
                                text_engine,
                                rect,
                                row,
                                &self.session.project().schema,
                                self.session.view().label_language,
                            );
                            // The articles reporting it, by name (they may be Persian).
                            if response.hovered() && !row.documents.is_empty() {
                                let articles = format!(
                                    "{}\n{}",
                                    tr.t("records-reported-by"),
                                    row.documents.join("\n")
                                );
                                super::bidi_label::bidi_tooltip(response, text_engine, &articles);
                            }
                        }
                        list.paint_focus(ui);
                    });
            });
        for command in pushed {
            self.push(command);
        }
    }
}

/// A small triangle at the right of a sorted column's title: up ascending, down descending.
fn paint_sort_arrow(ui: &egui::Ui, rect: egui::Rect, descending: bool) {
    let center = egui::pos2(rect.max.x - 8.0, rect.center().y);
    let (tip, base) = if descending { (4.0, -3.0) } else { (-4.0, 3.0) };
    let points = vec![
        center + egui::vec2(0.0, tip),
        center + egui::vec2(-4.0, base),
        center + egui::vec2(4.0, base),
    ];
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        ui.visuals().strong_text_color(),
        egui::Stroke::NONE,
    ));
}

/// A cell as shown: a closed list's key (level, held or planned, outcome type and status) by its
/// name in the label language, the review in the interface's, the rest as it is.
fn shown_value(
    column: RecordColumn,
    row: &RecordRow,
    schema: &crate::model::Schema,
    language: crate::model::LabelLanguage,
) -> String {
    use crate::model::MeetingField;
    let value = column.value(row);
    if column == RecordColumn::Review {
        let state = [
            ReviewState::Pending,
            ReviewState::Accepted,
            ReviewState::Rejected,
        ]
        .into_iter()
        .find(|s| s.name() == value);
        if let Some(state) = state {
            return Words::new(language).review_state(state);
        }
    }
    let choice = match column {
        RecordColumn::Level => schema.field_choice(MeetingField::Level, &value),
        RecordColumn::Realis => schema.field_choice(MeetingField::Realis, &value),
        RecordColumn::OutcomeType => schema.outcome_type(&value),
        RecordColumn::OutcomeStatus => schema.outcome_status(&value),
        _ => None,
    };
    choice.map_or(value, |c| c.names.get(language).to_string())
}

/// The cells of one row: each on one line, clipped to its column, drawn by our engine.
fn paint_record_cells(
    ui: &egui::Ui,
    engine: &mut TextEngine,
    rect: egui::Rect,
    row: &RecordRow,
    schema: &crate::model::Schema,
    language: crate::model::LabelLanguage,
) {
    let visuals = ui.visuals();
    let color = match row.review {
        "rejected" => visuals.weak_text_color(),
        _ => visuals.text_color(),
    };
    // The first column at the reading edge: the right one when the window is mirrored.
    let rtl = wd::right_to_left(ui);
    let mut x = if rtl { rect.max.x } else { rect.min.x };
    for column in RecordColumn::ALL {
        let width = column_width(column);
        let left = if rtl { x - width } else { x };
        let cell = egui::Rect::from_min_size(
            egui::pos2(left, rect.min.y),
            egui::vec2(width, rect.height()),
        )
        .shrink2(egui::vec2(4.0, 0.0));
        let value = shown_value(column, row, schema, language);
        paint_one_line(ui, engine, cell, &value, CELL_FONT, color);
        x = if rtl { x - width } else { x + width };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LabelLanguage, Schema};

    #[test]
    fn closed_list_keys_are_shown_by_their_names_in_the_label_language() {
        let schema = Schema::default();
        let decision = schema.outcome_types[0].clone();
        let row = RecordRow {
            outcome_type: decision.key.clone(),
            body: "شورای وزیران".into(),
            ..RecordRow::default()
        };
        let shown = |column, language| shown_value(column, &row, &schema, language);
        assert_eq!(
            shown(RecordColumn::OutcomeType, LabelLanguage::Persian),
            decision.names.fa
        );
        assert_eq!(
            shown(RecordColumn::OutcomeType, LabelLanguage::English),
            decision.names.en
        );
        // Words from the article are shown as they are.
        assert_eq!(
            shown(RecordColumn::Body, LabelLanguage::English),
            "شورای وزیران"
        );
    }
}
