//! The agreement window: how far the annotators agree, as a heat map (pairs by labels, Cohen's
//! κ over tokens) and a table per pair (spans, F1 exact and overlapping, κ), per document on
//! demand, with Fleiss' κ and Krippendorff's α across everyone. Measured on a background thread
//! when opened (Team › Agreement, or the palette) and again on "Measure again"; the window says
//! so meanwhile and stays usable.

use eframe::egui;

use super::app::DaftarApp;
use super::bidi_label::bidi_label_ui;
use super::text_engine::TextEngine;
use crate::agreement::{Agreement, Scores};
use crate::app::AppCommand;

pub const AGREEMENT_WINDOW: &str = "Agreement";
pub const MEASURE_AGAIN: &str = "Measure again";
/// Shown while the agreement is measured on its background thread.
pub const MEASURING: &str = "Measuring agreement…";

/// A measure for a cell: three decimals, or "–" where it is undefined.
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

/// One coloured cell of the heat map, with its value written in it.
fn heat_cell(ui: &mut egui::Ui, value: Option<f64>) -> egui::Response {
    let size = egui::vec2(52.0, 22.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, heat_color(value));
    ui.painter().text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        measure_text(value),
        egui::FontId::proportional(12.0),
        egui::Color32::WHITE,
    );
    response
}

fn scores_row(ui: &mut egui::Ui, label: &str, scores: &Scores) {
    ui.label(label);
    ui.label(scores.spans[0].to_string());
    ui.label(scores.spans[1].to_string());
    ui.label(measure_text(scores.f1_exact));
    ui.label(measure_text(scores.f1_overlap));
    heat_cell(ui, scores.cohen_kappa);
    ui.end_row();
}

/// A pair's names, drawn by our text engine (names may be Persian or Arabic).
fn pair_names(ui: &mut egui::Ui, engine: &mut TextEngine, pair: &[String; 2]) {
    ui.horizontal(|ui| {
        ui.label("A:");
        bidi_label_ui(ui, engine, &pair[0], 14.0);
        ui.label("B:");
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
            ui.label("κ over tokens");
            // Headings as wide as the cells below them.
            let heading = |ui: &mut egui::Ui, text: &str| {
                ui.add_sized(egui::vec2(52.0, 18.0), egui::Label::new(text).truncate());
            };
            heading(ui, "all");
            for label in &labels {
                heading(ui, label);
            }
            ui.end_row();
            for pair in &agreement.pairs {
                // A then B, as in the tables: each name a label of its own, so that two
                // Persian names do not swap places in a right-to-left line.
                ui.horizontal(|ui| {
                    bidi_label_ui(ui, engine, &pair.annotators[0], 13.0);
                    ui.label("·");
                    bidi_label_ui(ui, engine, &pair.annotators[1], 13.0);
                });
                heat_cell(ui, pair.overall.cohen_kappa);
                for label in &labels {
                    heat_cell(ui, pair.labels.get(*label).and_then(|s| s.cohen_kappa));
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
                egui::Window::new(AGREEMENT_WINDOW).show(ctx, |ui| {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(MEASURING);
                    });
                });
            }
            return;
        };
        let mut open = true;
        let mut again = false;
        let engine = self.text_engine.get_or_insert_with(|| TextEngine::new(ctx));
        egui::Window::new(AGREEMENT_WINDOW)
            .open(&mut open)
            .default_size([620.0, 520.0])
            .vscroll(true)
            .show(ctx, |ui| {
                if measuring {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(MEASURING);
                    });
                } else if ui.button(MEASURE_AGAIN).clicked() {
                    again = true;
                }
                if agreement.pairs.is_empty() {
                    ui.label(
                        "No document has spans of two annotators yet: agreement is measured where \
                         two or more people annotated the same document.",
                    );
                }
                ui.label(format!(
                    "{} documents annotated by two or more people",
                    agreement.documents
                ));
                if !agreement.pairs.is_empty() {
                    ui.heading("Heat map");
                    heat_map_ui(ui, engine, agreement);
                }
                for (name, group) in [
                    ("Fleiss' κ", &agreement.fleiss),
                    ("Krippendorff's α", &agreement.krippendorff),
                ] {
                    if let Some(group) = group {
                        ui.horizontal(|ui| {
                            ui.label(format!(
                                "{name} over {} documents, {} tokens:",
                                group.documents, group.tokens
                            ));
                            heat_cell(ui, group.value);
                        });
                    }
                }
                for (index, pair) in agreement.pairs.iter().enumerate() {
                    ui.separator();
                    pair_names(ui, engine, &pair.annotators);
                    ui.label(format!(
                        "{} documents, {} tokens",
                        pair.documents, pair.tokens
                    ));
                    egui::Grid::new(("agreement pair", index))
                        .striped(true)
                        .show(ui, |ui| {
                            for heading in
                                ["label", "spans A", "spans B", "F1 exact", "F1 overlap", "κ"]
                            {
                                ui.strong(heading);
                            }
                            ui.end_row();
                            scores_row(ui, "all", &pair.overall);
                            for (label, scores) in &pair.labels {
                                scores_row(ui, label, scores);
                            }
                        });
                    egui::CollapsingHeader::new("Per document")
                        .id_salt(("agreement documents", index))
                        .show(ui, |ui| {
                            for document in &pair.per_document {
                                ui.horizontal(|ui| {
                                    heat_cell(ui, document.overall.cohen_kappa);
                                    ui.label(format!(
                                        "F1 {}",
                                        measure_text(document.overall.f1_exact)
                                    ));
                                    bidi_label_ui(ui, engine, &document.document, 13.0);
                                });
                            }
                        });
                }
                for skipped in &agreement.skipped {
                    ui.horizontal(|ui| {
                        ui.label("Skipped:");
                        bidi_label_ui(ui, engine, &skipped.document, 13.0);
                    });
                    ui.label(&skipped.reason);
                }
            });
        if !open {
            self.agreement = None;
        } else if again {
            self.push(AppCommand::ShowAgreement);
        }
    }
}
