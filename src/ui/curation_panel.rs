//! The curation page of the right-hand panel: where two or more people annotated the shown
//! document, their spans side by side, place by place (disagreements first); the reviewer takes
//! one person's version (1–9), all (A) or none (X), and moves with ] and [.

use eframe::egui;

use super::app::DaftarApp;
use super::bidi_label::{bidi_button_ui, bidi_label_colored_ui, bidi_label_ui};
use super::picker::bidi_selectable_ui;
use super::text_engine::TextEngine;
use crate::app::{AppCommand, describe};
use crate::edit::curation::{Take, annotators, is_decided};
use crate::model::ReviewState;

/// Texts of the page's buttons (also what tests click).
pub const TAKE_ALL: &str = "A: take all";
pub const TAKE_NONE: &str = "X: take none";

/// The colour of a version taken into the curated result.
const TAKEN_COLOR: egui::Color32 = egui::Color32::from_rgb(60, 170, 90);

/// The button that takes the version of the annotator at `index`.
pub fn take_button_text(index: usize, annotator: &str) -> String {
    format!("{}: take {annotator}'s", index + 1)
}

impl DaftarApp {
    pub(super) fn curation_page_ui(&mut self, ui: &mut egui::Ui) {
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let session = &self.session;
        let project = session.project();
        let mut commands = Vec::new();
        // The queue: documents two or more people annotated, found again only when the project
        // changed (it walks every span of the project).
        let revision = session.history().revision();
        if self.curation_queue.0 != Some(revision) {
            let doubled = project
                .documents
                .iter()
                .map(|d| (d.id, d.path.clone(), annotators(d).len()))
                .filter(|(_, _, people)| *people >= 2)
                .collect();
            self.curation_queue = (Some(revision), doubled);
        }
        let doubled = &self.curation_queue.1;
        ui.heading(format!("Annotated by two or more ({})", doubled.len()));
        for (id, path, people) in doubled {
            ui.horizontal(|ui| {
                if ui
                    .selectable_label(session.doc() == Some(*id), format!("{people} people"))
                    .clicked()
                {
                    commands.push(AppCommand::OpenDocument(*id));
                }
                if bidi_label_ui(ui, text_engine, path, 14.0).clicked() {
                    commands.push(AppCommand::OpenDocument(*id));
                }
            });
        }
        ui.separator();
        let Some(document) = session.doc().and_then(|d| project.document(d)) else {
            return;
        };
        let clusters = session.curation_clusters();
        if clusters.is_empty() {
            ui.label("Fewer than two people annotated this document: nothing to curate here.");
            self.push_all(commands);
            return;
        }
        let disagreements = clusters.iter().filter(|c| !c.agreed).count();
        let decided = clusters.iter().filter(|c| is_decided(document, c)).count();
        ui.heading("This document");
        ui.label(format!(
            "{} places · {disagreements} disagreements · {decided} decided",
            clusters.len()
        ));
        let current = session.curation_index();
        let people = &clusters[0].versions;
        ui.horizontal_wrapped(|ui| {
            for (index, (name, _)) in people.iter().enumerate().take(9) {
                let text = take_button_text(index, name);
                if bidi_button_ui(ui, text_engine, &text).clicked() {
                    commands.push(AppCommand::Curate(Take::Version(index)));
                }
            }
            if ui.button(TAKE_ALL).clicked() {
                commands.push(AppCommand::Curate(Take::All));
            }
            if ui.button(TAKE_NONE).clicked() {
                commands.push(AppCommand::Curate(Take::Nothing));
            }
        });
        ui.separator();
        let language = session.view().label_language;
        let weak = ui.visuals().weak_text_color();
        for (index, cluster) in clusters.iter().enumerate() {
            let state = if is_decided(document, cluster) {
                "decided"
            } else {
                "to decide"
            };
            let kind = if cluster.agreed {
                "agreed"
            } else {
                "disagreement"
            };
            let row = bidi_selectable_ui(
                ui,
                text_engine,
                current == Some(index),
                &format!("{kind} · {state}"),
            );
            if row.clicked() {
                commands.push(AppCommand::SelectCluster(index));
            }
            ui.indent(("cluster", index), |ui| {
                for (number, (name, ids)) in cluster.versions.iter().enumerate() {
                    let spans: Vec<String> = ids
                        .iter()
                        .filter_map(|id| document.span(*id))
                        .map(|span| describe::span_title(project, span, language))
                        .collect();
                    // Whether this version was taken (every span of it accepted) or not.
                    let states: Vec<ReviewState> = ids
                        .iter()
                        .filter_map(|id| document.span(*id))
                        .map(|s| s.review.state)
                        .collect();
                    let taken =
                        !states.is_empty() && states.iter().all(|s| *s == ReviewState::Accepted);
                    let passed =
                        !states.is_empty() && states.iter().all(|s| *s == ReviewState::Rejected);
                    let color = if spans.is_empty() || passed {
                        Some(weak)
                    } else if taken {
                        Some(TAKEN_COLOR)
                    } else {
                        None
                    };
                    let what = match (spans.is_empty(), taken, passed) {
                        (true, _, _) => "—".to_string(),
                        (false, true, _) => format!("taken: {}", spans.join(" · ")),
                        (false, _, true) => format!("not taken: {}", spans.join(" · ")),
                        _ => spans.join(" · "),
                    };
                    ui.horizontal_wrapped(|ui| {
                        ui.label(format!("{}.", number + 1));
                        bidi_label_colored_ui(ui, text_engine, name, 14.0, color);
                        bidi_label_colored_ui(ui, text_engine, &what, 14.0, color);
                    });
                }
            });
        }
        self.push_all(commands);
    }

    fn push_all(&mut self, commands: Vec<AppCommand>) {
        for command in commands {
            self.push(command);
        }
    }
}
