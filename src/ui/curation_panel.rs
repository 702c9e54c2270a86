//! The curation page of the right-hand panel: where two or more people annotated the shown
//! document, their spans side by side, place by place (disagreements first); the reviewer takes
//! one person's version (1–9), all (A) or none (X), and moves with ] and [.

use eframe::egui;

use super::app::DaftarApp;
use super::bidi_label::{bidi_button_ui, bidi_label_colored_ui, bidi_label_ui};
use super::picker::bidi_selectable_ui;
use super::text_engine::TextEngine;
use super::words as wd;
use crate::app::{AppCommand, describe};
use crate::edit::curation::{Take, annotators, is_decided};
use crate::i18n::{Words, key};
use crate::model::ReviewState;

/// Catalogue keys of the page's buttons (also what tests click).
pub const TAKE_ALL: &str = key("curation-take-all");
pub const TAKE_NONE: &str = key("curation-take-none");

/// The colour of a version taken into the curated result.
const TAKEN_COLOR: egui::Color32 = egui::Color32::from_rgb(60, 170, 90);

/// The button that takes the version of the annotator at `index`.
pub fn take_button_text(tr: Words, index: usize, annotator: &str) -> String {
    tr.t_with(
        "curation-take-version",
        &[("key", (index + 1).into()), ("annotator", annotator.into())],
    )
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
        let tr = wd::words(ui.ctx());
        let heading = tr.t_with("curation-queue", &[("count", doubled.len().into())]);
        wd::heading(ui, &heading);
        for (id, path, people) in doubled {
            wd::row(ui, |ui| {
                let text = tr.t_with("curation-people", &[("count", (*people).into())]);
                if wd::selectable(ui, session.doc() == Some(*id), &text).clicked() {
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
            wd::label(ui, &tr.t("curation-nothing"));
            self.push_all(commands);
            return;
        }
        let disagreements = clusters.iter().filter(|c| !c.agreed).count();
        let decided = clusters.iter().filter(|c| is_decided(document, c)).count();
        wd::heading(ui, &tr.t("review-this-document"));
        let counts = tr.t_with(
            "curation-counts",
            &[
                ("places", clusters.len().into()),
                ("disagreements", disagreements.into()),
                ("decided", decided.into()),
            ],
        );
        wd::label(ui, &counts);
        let current = session.curation_index();
        let people = &clusters[0].versions;
        wd::row_wrapped(ui, |ui| {
            for (index, (name, _)) in people.iter().enumerate().take(9) {
                let text = take_button_text(tr, index, name);
                if bidi_button_ui(ui, text_engine, &text).clicked() {
                    commands.push(AppCommand::Curate(Take::Version(index)));
                }
            }
            if wd::button(ui, &tr.t(TAKE_ALL)).clicked() {
                commands.push(AppCommand::Curate(Take::All));
            }
            if wd::button(ui, &tr.t(TAKE_NONE)).clicked() {
                commands.push(AppCommand::Curate(Take::Nothing));
            }
        });
        ui.separator();
        let language = session.view().label_language;
        let weak = ui.visuals().weak_text_color();
        for (index, cluster) in clusters.iter().enumerate() {
            let state = tr.t(if is_decided(document, cluster) {
                "curation-decided"
            } else {
                "curation-to-decide"
            });
            let kind = tr.t(if cluster.agreed {
                "curation-agreed"
            } else {
                "curation-disagreement"
            });
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
                        (false, true, _) => {
                            tr.t_with("curation-taken", &[("spans", spans.join(" · ").into())])
                        }
                        (false, _, true) => {
                            tr.t_with("curation-not-taken", &[("spans", spans.join(" · ").into())])
                        }
                        _ => spans.join(" · "),
                    };
                    wd::row_wrapped(ui, |ui| {
                        wd::label(ui, &format!("{}.", tr.number(number + 1)));
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
