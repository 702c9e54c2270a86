//! The agreement window: how far the annotators agree, as a heat map (pairs by labels, Cohen's
//! κ over tokens) and a table per pair (spans, F1 exact and overlapping, κ), per document on
//! demand, with Fleiss' κ and Krippendorff's α across everyone. Measured on a background thread
//! when opened (Team › Agreement, or the palette) and again on "Measure again"; the window says
//! so meanwhile and stays usable.

use eframe::egui;

use super::app::DaftarApp;
use super::bidi_label::bidi_label_ui;
use super::text_engine::TextEngine;
use super::words as wd;
use crate::agreement::{Agreement, Scores};
use crate::app::AppCommand;
use crate::i18n::{Words, key};

/// Catalogue keys of the window's title and button (also what tests find).
pub const AGREEMENT_WINDOW: &str = key("agreement-title");
pub const MEASURE_AGAIN: &str = key("agreement-measure-again");
/// Shown while the agreement is measured on its background thread.
pub const MEASURING: &str = key("agreement-measuring");

/// A measure for a cell: two decimals, or "–" where it is undefined.
pub fn measure_text(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| format!("{v:.2}"))
}

/// The heat map's colour for a coefficient: red below 0.4, through amber, to green at 0.8 and
/// above (Landis and Koch's "moderate" and "substantial"); grey where undefined.
pub fn heat_color(value: Option<f64>) -> egui::Color32 {
    let Some(value) = value else {
        return egui::Color32::from_gray(110);
    };
    let t = ((value - 0.4) / 0.4).clamp(0.0, 1.0) as f32;
    let (red, green) = (
        egui::Color32::from_rgb(200, 60, 50),
        egui::Color32::from_rgb(50, 160, 80),
    );
    let amber = egui::Color32::from_rgb(220, 160, 40);
    if t < 0.5 {
        red.lerp_to_gamma(amber, t * 2.0)
    } else {
        amber.lerp_to_gamma(green, (t - 0.5) * 2.0)
    }
}

/// The width of the heat map's column of pairs of names.
const PAIR_NAMES_WIDTH: f32 = 180.0;

/// The narrowest a heat map's cell is.
const HEAT_CELL_WIDTH: f32 = 52.0;

/// One coloured cell of the heat map, with its value written in it.
fn heat_cell(ui: &mut egui::Ui, value: Option<f64>) -> egui::Response {
    heat_cell_sized(ui, value, HEAT_CELL_WIDTH)
}

fn heat_cell_sized(ui: &mut egui::Ui, value: Option<f64>, width: f32) -> egui::Response {
    let size = egui::vec2(width, 22.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, heat_color(value));
    let text = wd::number(ui, measure_text(value));
    wd::paint_centered(ui, rect, &text, egui::Color32::WHITE);
    response
}

fn scores_row(ui: &mut egui::Ui, tr: Words, label: &str, scores: &Scores) {
    wd::label(ui, label);
    wd::label(ui, &tr.number(scores.spans[0]));
    wd::label(ui, &tr.number(scores.spans[1]));
    wd::label(ui, &tr.number(measure_text(scores.f1_exact)));
    wd::label(ui, &tr.number(measure_text(scores.f1_overlap)));
    heat_cell(ui, scores.cohen_kappa);
    heat_cell(ui, scores.unitizing_alpha);
    ui.end_row();
}

/// A pair's names, drawn by our text engine (names may be Persian or Arabic).
fn pair_names(ui: &mut egui::Ui, engine: &mut TextEngine, pair: &[String; 2]) {
    wd::row(ui, |ui| {
        wd::label(ui, "A:");
        bidi_label_ui(ui, engine, &pair[0], 14.0);
        wd::label(ui, "B:");
        bidi_label_ui(ui, engine, &pair[1], 14.0);
    });
}

fn heat_map_ui(ui: &mut egui::Ui, engine: &mut TextEngine, agreement: &Agreement) {
    let labels: std::collections::BTreeSet<&str> = agreement
        .pairs
        .iter()
        .flat_map(|p| p.labels.keys().map(String::as_str))
        .collect();
    egui::Grid::new("agreement heat map")
        .spacing([4.0, 4.0])
        .show(ui, |ui| {
            let tr = wd::words(ui.ctx());
            wd::label(ui, &tr.t("agreement-kappa-tokens"));
            // Each column as wide as its heading or its cells, whichever is wider: a label's
            // whole name is read ("MEETING", not "MEETINC").
            let all = tr.t("agreement-all");
            let column_width = |ui: &egui::Ui, text: &str| {
                (wd::painted_width(ui, text) + 6.0).max(HEAT_CELL_WIDTH)
            };
            let widths: Vec<f32> = std::iter::once(all.as_str())
                .chain(labels.iter().copied())
                .map(|text| column_width(ui, text))
                .collect();
            let heading = |ui: &mut egui::Ui, text: &str, width: f32| {
                let (rect, response) =
                    ui.allocate_exact_size(egui::vec2(width, 18.0), egui::Sense::hover());
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
                wd::paint_in(ui, rect, text, ui.visuals().text_color());
            };
            heading(ui, &all, widths[0]);
            for (label, width) in labels.iter().zip(&widths[1..]) {
                heading(ui, label, *width);
            }
            ui.end_row();
            for pair in &agreement.pairs {
                // A then B, as in the tables: each name a label of its own, so that two
                // Persian names do not swap places in a right-to-left line.
                // A cell of its own width: a grid's column is as wide as its cells were, so
                // names wrapped to it would stay stacked a letter per line.
                ui.allocate_ui(egui::vec2(PAIR_NAMES_WIDTH, 22.0), |ui| {
                    wd::row(ui, |ui| {
                        bidi_label_ui(ui, engine, &pair.annotators[0], 13.0);
                        wd::label(ui, "·");
                        bidi_label_ui(ui, engine, &pair.annotators[1], 13.0);
                    });
                });
                heat_cell_sized(ui, pair.overall.cohen_kappa, widths[0]);
                for (label, width) in labels.iter().zip(&widths[1..]) {
                    let kappa = pair.labels.get(*label).and_then(|s| s.cohen_kappa);
                    heat_cell_sized(ui, kappa, *width);
                }
                ui.end_row();
            }
        });
}

impl DaftarApp {
    pub(super) fn agreement_window_ui(&mut self, ctx: &egui::Context) {
        let measuring = self.agreement_job.is_some();
        let Some(agreement) = &self.agreement else {
            if measuring {
                let text = wd::words(ctx).t(MEASURING);
                wd::window(AGREEMENT_WINDOW).show(ctx, |ui| {
                    wd::row(ui, |ui| {
                        ui.spinner();
                        wd::label(ui, &text);
                    });
                });
            }
            return;
        };
        let mut close = false;
        let mut again = false;
        let engine = self.text_engine.get_or_insert_with(|| TextEngine::new(ctx));
        let tr = wd::words(ctx);
        wd::window(AGREEMENT_WINDOW)
            .default_size([620.0, 520.0])
            .vscroll(true)
            .show(ctx, |ui| {
                close = wd::title_bar(ui, &tr.t(AGREEMENT_WINDOW));
                wd::page(ui, wd::right_to_left(ui), |ui| {
                    if measuring {
                        wd::row(ui, |ui| {
                            ui.spinner();
                            wd::label(ui, &tr.t(MEASURING));
                        });
                    } else if wd::button(ui, &tr.t(MEASURE_AGAIN)).clicked() {
                        again = true;
                    }
                    if agreement.pairs.is_empty() {
                        wd::label(ui, &tr.t("agreement-none"));
                    }
                    let documents = tr.t_with(
                        "agreement-documents",
                        &[("count", agreement.documents.into())],
                    );
                    wd::label(ui, &documents);
                    if !agreement.pairs.is_empty() {
                        wd::heading(ui, &tr.t("agreement-heat-map"));
                        heat_map_ui(ui, engine, agreement);
                    }
                    for (name, group) in [
                        ("agreement-fleiss", &agreement.fleiss),
                        ("agreement-krippendorff", &agreement.krippendorff),
                    ] {
                        if let Some(group) = group {
                            wd::row(ui, |ui| {
                                let text = tr.t_with(
                                    name,
                                    &[
                                        ("documents", group.documents.into()),
                                        ("tokens", group.tokens.into()),
                                    ],
                                );
                                wd::label(ui, &text);
                                heat_cell(ui, group.value);
                            });
                        }
                    }
                    for (index, pair) in agreement.pairs.iter().enumerate() {
                        ui.separator();
                        pair_names(ui, engine, &pair.annotators);
                        let counts = tr.t_with(
                            "agreement-pair-counts",
                            &[
                                ("documents", pair.documents.into()),
                                ("tokens", pair.tokens.into()),
                            ],
                        );
                        wd::label(ui, &counts);
                        egui::Grid::new(("agreement pair", index))
                            .striped(true)
                            .show(ui, |ui| {
                                for heading in [
                                    "agreement-column-label",
                                    "agreement-column-spans-a",
                                    "agreement-column-spans-b",
                                    "agreement-column-f1-exact",
                                    "agreement-column-f1-overlap",
                                    "agreement-column-kappa",
                                ] {
                                    wd::strong(ui, &tr.t(heading));
                                }
                                let alpha_u = wd::strong(ui, &tr.t("agreement-column-alpha-u"));
                                wd::hover(alpha_u, &tr.t("agreement-column-alpha-u-tip"));
                                ui.end_row();
                                scores_row(ui, tr, &tr.t("agreement-all"), &pair.overall);
                                for (label, scores) in &pair.labels {
                                    scores_row(ui, tr, label, scores);
                                }
                            });
                        let id = format!("agreement documents {index}");
                        wd::collapsing(ui, &id, &tr.t("agreement-per-document"), |ui| {
                            for document in &pair.per_document {
                                wd::row(ui, |ui| {
                                    heat_cell(ui, document.overall.cohen_kappa);
                                    let f1 = tr.number(measure_text(document.overall.f1_exact));
                                    wd::label(ui, &format!("F1 {f1}"));
                                    let alpha_u = measure_text(document.overall.unitizing_alpha);
                                    let alpha_u = tr.number(alpha_u);
                                    let name = tr.t("agreement-column-alpha-u");
                                    wd::label(ui, &format!("{name} {alpha_u}"));
                                    bidi_label_ui(ui, engine, &document.document, 13.0);
                                });
                            }
                        });
                    }
                    for skipped in &agreement.skipped {
                        wd::row(ui, |ui| {
                            wd::label(ui, &tr.t("agreement-skipped"));
                            bidi_label_ui(ui, engine, &skipped.document, 13.0);
                        });
                        bidi_label_ui(ui, engine, &skipped.reason, 14.0);
                    }
                });
            });
        if close {
            self.agreement = None;
        } else if again {
            self.push(AppCommand::ShowAgreement);
        }
    }
}
