//! The charts window (Ctrl+Shift+T): the meetings on a timeline (a row per organization, a bar
//! from first to last day, hollow when planned), outcomes by type and status, spans by label and
//! review, documents by annotator and status, spans made each week. Drawn from the project in
//! memory (again when it changes), names by our text engine; "Save as SVG…" writes the chart
//! shown through a command.

use eframe::egui;

use super::app::DaftarApp;
use super::bidi_label::paint_one_line;
use super::text_engine::TextEngine;
use super::words as wd;
use crate::app::AppCommand;
use crate::charts::{
    BarChart, ChartKind, Timeline, civil_from_days, days_from_civil, series_color,
};
use crate::i18n::{Words, key};

/// Catalogue keys of the window's title and its button (also what tests find).
pub const CHARTS_WINDOW: &str = key("charts-title");
pub const SAVE_SVG: &str = key("charts-save-svg");

/// A chart's name in the interface's language.
fn chart_name(tr: Words, kind: ChartKind) -> String {
    tr.t(match kind {
        ChartKind::Timeline => "charts-timeline",
        ChartKind::Outcomes => "charts-outcomes",
        ChartKind::SpansByLabel => "charts-spans",
        ChartKind::DocumentsByAnnotator => "charts-documents",
        ChartKind::SpansPerWeek => "charts-weeks",
    })
}

const LABEL_WIDTH: f32 = 200.0;
const ROW: f32 = 28.0;

/// The accessible name of a meeting on the timeline ("m7 2021-07-13–2021-07-14").
pub fn mark_name(mark: &crate::charts::Mark) -> String {
    let planned = if mark.planned { " planned" } else { "" };
    format!("{} {}{planned}", mark.meeting, mark.dates)
}

/// The accessible name of a bar ("GPE: 24").
pub fn bar_name(bar: &crate::charts::Bar) -> String {
    format!("{}: {}", bar.label, bar.total())
}

/// Every chart of a project, made at one revision.
struct Made {
    revision: u64,
    language: crate::model::LabelLanguage,
    timeline: Timeline,
    bars: Vec<(ChartKind, BarChart)>,
}

#[derive(Default)]
pub struct ChartsWindow {
    pub open: bool,
    pub shown: ChartKind,
    /// The charts, made again when the project changes.
    made: Option<Made>,
}

fn color32([r, g, b]: [u8; 3]) -> egui::Color32 {
    egui::Color32::from_rgb(r, g, b)
}

impl DaftarApp {
    pub(super) fn charts_window_ui(&mut self, ctx: &egui::Context) {
        if !self.charts_window.open {
            return;
        }
        let revision = self.session.history().revision();
        let language = self.session.view().label_language;
        if self
            .charts_window
            .made
            .as_ref()
            .map(|m| (m.revision, m.language))
            != Some((revision, language))
        {
            let project = self.session.project();
            let bars = ChartKind::ALL
                .iter()
                .filter_map(|k| Some((*k, k.bars(project, language)?)))
                .collect();
            self.charts_window.made = Some(Made {
                revision,
                language,
                timeline: crate::charts::timeline(project),
                bars,
            });
        }
        let mut close = false;
        let mut pushed = None;
        let tr = wd::words(ctx);
        super::key_list::centered_window(CHARTS_WINDOW, ctx, 960.0, 480.0).show(ctx, |ui| {
            close = wd::title_bar(ui, &tr.t(CHARTS_WINDOW));
            wd::page(ui, wd::right_to_left(ui), |ui| {
                wd::row_wrapped(ui, |ui| {
                    for kind in ChartKind::ALL {
                        let shown = self.charts_window.shown == kind;
                        if wd::selectable(ui, shown, &chart_name(tr, kind)).clicked() {
                            self.charts_window.shown = kind;
                        }
                    }
                    ui.separator();
                    if wd::button(ui, &tr.t(SAVE_SVG)).clicked() {
                        let kind = self.charts_window.shown;
                        if let Some(path) = rfd::FileDialog::new()
                            .add_filter(tr.t("charts-svg-picture"), &["svg"])
                            .set_file_name(kind.file_name())
                            .save_file()
                        {
                            pushed = Some(AppCommand::SaveChart { chart: kind, path });
                        }
                    }
                });
                ui.separator();
                let text_engine = self
                    .text_engine
                    .get_or_insert_with(|| TextEngine::new(ui.ctx()));
                let Some(Made { timeline, bars, .. }) = &self.charts_window.made else {
                    return;
                };
                egui::ScrollArea::vertical()
                    .id_salt("chart")
                    .auto_shrink([false, false])
                    .show(ui, |ui| match self.charts_window.shown {
                        ChartKind::Timeline => timeline_ui(ui, text_engine, timeline),
                        kind => {
                            if let Some((_, chart)) = bars.iter().find(|(k, _)| *k == kind) {
                                bars_ui(ui, text_engine, chart);
                            }
                        }
                    });
            });
        });
        if close {
            self.charts_window.open = false;
        }
        if let Some(command) = pushed {
            self.push(command);
        }
    }
}

/// The timeline: organizations down the side, years and months along the top, a bar per meeting.
fn timeline_ui(ui: &mut egui::Ui, engine: &mut TextEngine, timeline: &Timeline) {
    let tr = wd::words(ui.ctx());
    if timeline.rows.is_empty() {
        wd::weak(ui, &tr.t("charts-no-dates"));
        return;
    }
    let width = ui.available_width().max(LABEL_WIDTH + 200.0);
    let height = 30.0 + ROW * timeline.rows.len() as f32;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    let plot = egui::Rect::from_min_max(
        egui::pos2(rect.min.x + LABEL_WIDTH + 10.0, rect.min.y + 24.0),
        egui::pos2(rect.max.x - 16.0, rect.max.y),
    );
    // A few days of margin either side, so a one-day meeting is not on the edge.
    let (first, last) = (timeline.first - 3, timeline.last + 3);
    let days = (last - first).max(1) as f32;
    let x_of = |day: i64| plot.min.x + (day - first) as f32 / days * plot.width();
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(rect);
    // Month lines when the span is short, year lines when long.
    let (y0, _, _) = civil_from_days(first);
    let (y1, _, _) = civil_from_days(last);
    let monthly = last - first < 3 * 366;
    for year in y0..=y1 {
        for month in 1..=12u32 {
            if !monthly && month != 1 {
                continue;
            }
            let day = days_from_civil(year, month, 1);
            if day < first || day > last {
                continue;
            }
            let x = x_of(day);
            painter.line_segment(
                [egui::pos2(x, plot.min.y - 4.0), egui::pos2(x, plot.max.y)],
                egui::Stroke::new(1.0, visuals.weak_text_color().gamma_multiply(0.4)),
            );
            let text = if month == 1 {
                format!("{year}")
            } else {
                format!("{year}-{month:02}")
            };
            let at = egui::Rect::from_min_size(
                egui::pos2(x + 3.0, rect.min.y + 2.0),
                egui::vec2(60.0, 16.0),
            );
            wd::paint_in(ui, at, &tr.number(text), visuals.weak_text_color());
        }
    }
    for (index, row) in timeline.rows.iter().enumerate() {
        let y = plot.min.y + ROW * index as f32;
        let label =
            egui::Rect::from_min_size(egui::pos2(rect.min.x, y), egui::vec2(LABEL_WIDTH, ROW));
        paint_one_line(
            ui,
            engine,
            label,
            &row.organization,
            13.0,
            visuals.text_color(),
        );
        let name_response = ui.interact(
            label,
            ui.scope_id().with(("organization", index)),
            egui::Sense::hover(),
        );
        name_response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &row.organization));
        let color = color32(series_color(index));
        for mark in &row.marks {
            let x = x_of(mark.first);
            let w = (x_of(mark.last + 1) - x).max(6.0);
            let bar = egui::Rect::from_min_size(egui::pos2(x, y + 6.0), egui::vec2(w, ROW - 12.0));
            if mark.planned {
                painter.rect_stroke(
                    bar,
                    2.0,
                    egui::Stroke::new(2.0, color),
                    egui::StrokeKind::Inside,
                );
            } else {
                painter.rect_filled(bar, 2.0, color);
            }
            let response = ui.interact(
                bar,
                ui.scope_id().with(("meeting", mark.meeting.0)),
                egui::Sense::hover(),
            );
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Image, true, mark_name(mark))
            });
            let dates = tr.number(&mark.dates);
            let tip = if mark.planned {
                tr.t_with("charts-planned", &[("dates", dates.into())])
            } else {
                dates
            };
            wd::hover(response, &tip);
        }
    }
    if timeline.undated > 0 {
        let undated = tr.t_with("charts-undated", &[("count", timeline.undated.into())]);
        wd::weak(ui, &format!("{undated} {}", tr.t("charts-legend")));
    } else {
        wd::weak(ui, &tr.t("charts-legend"));
    }
}

/// Stacked horizontal bars, labels at the side, the totals after them, then the legend.
fn bars_ui(ui: &mut egui::Ui, engine: &mut TextEngine, chart: &BarChart) {
    let tr = wd::words(ui.ctx());
    wd::strong(ui, &chart.title);
    if chart.bars.is_empty() {
        wd::weak(ui, &tr.t("charts-nothing"));
        return;
    }
    let width = ui.available_width().max(LABEL_WIDTH + 200.0);
    let bar_room = width - LABEL_WIDTH - 70.0;
    let scale = bar_room / chart.max().max(1) as f32;
    let visuals = ui.visuals().clone();
    for bar in &chart.bars {
        let (rect, response) = ui.allocate_exact_size(egui::vec2(width, ROW), egui::Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, bar_name(bar)));
        let label = egui::Rect::from_min_size(rect.min, egui::vec2(LABEL_WIDTH, ROW));
        paint_one_line(ui, engine, label, &bar.label, 13.0, visuals.text_color());
        let mut x = rect.min.x + LABEL_WIDTH + 10.0;
        let mut hover = Vec::new();
        for (series, count) in bar.counts.iter().enumerate() {
            if *count == 0 {
                continue;
            }
            let w = *count as f32 * scale;
            let segment = egui::Rect::from_min_size(
                egui::pos2(x, rect.min.y + 5.0),
                egui::vec2(w, ROW - 10.0),
            );
            ui.painter()
                .rect_filled(segment, 1.0, color32(series_color(series)));
            hover.push(format!("{}: {}", chart.series[series], tr.number(count)));
            x += w;
        }
        let total = egui::Rect::from_min_size(
            egui::pos2(x + 6.0, rect.min.y),
            egui::vec2(60.0, rect.height()),
        );
        wd::paint_in(ui, total, &tr.number(bar.total()), visuals.text_color());
        // Series names may be annotators' names: the hover shows them through our engine.
        super::bidi_label::bidi_tooltip(response, engine, &hover.join(" · "));
    }
    ui.add_space(8.0);
    wd::row_wrapped(ui, |ui| {
        for (index, series) in chart.series.iter().enumerate() {
            let (swatch, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(swatch, 2.0, color32(series_color(index)));
            super::bidi_label::bidi_label_ui(ui, engine, series, 13.0);
            ui.add_space(8.0);
        }
    });
}
