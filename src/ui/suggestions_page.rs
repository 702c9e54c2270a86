//! The Suggestions page: what programs proposed (the gazetteers' pending spans), one row per
//! entity or name and label, the largest groups first; `]` and `[` step through them (the
//! group's first span shown in its article), A accepts a whole group, X rejects it.

use eframe::egui;

use super::app::DaftarApp;
use super::bidi_label::{bidi_button_ui, bidi_label_ui};
use super::text_engine::TextEngine;
use super::words as wd;
use crate::app::AppCommand;
use crate::edit::suggested::SuggestionGroup;
use crate::i18n::key;
use crate::model::ReviewState;

/// Catalogue keys of the page's buttons (also what tests click).
pub const ACCEPT_GROUP: &str = key("suggestions-accept-group");
pub const REJECT_GROUP: &str = key("suggestions-reject-group");
pub const ALL_LABELS: &str = key("suggestions-all-labels");

/// The accessible name of a group's row ("GPE ایران").
pub fn group_row_name(group: &SuggestionGroup) -> String {
    format!("{} {}", group.key.label, group.shown)
}

impl DaftarApp {
    pub(super) fn suggestions_page_ui(&mut self, ui: &mut egui::Ui) {
        // Walking every span of the project: once per change, not per frame.
        let key = (
            self.session.history().revision(),
            self.session.suggestions_view().label.clone(),
        );
        if self.suggestion_groups.0.as_ref() != Some(&key) {
            self.suggestion_groups = (Some(key), self.session.suggestion_groups());
        }
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let session = &self.session;
        let view = session.suggestions_view();
        let groups = &self.suggestion_groups.1;
        let mut commands = Vec::new();
        let count: usize = groups.iter().map(|g| g.spans.len()).sum();
        let tr = wd::words(ui.ctx());
        wd::heading(
            ui,
            &tr.t_with("suggestions-heading", &[("count", count.into())]),
        );
        wd::weak(ui, &tr.t("suggestions-help"));
        wd::row_wrapped(ui, |ui| {
            if wd::selectable(ui, view.label.is_none(), &tr.t(ALL_LABELS)).clicked() {
                commands.push(AppCommand::SetSuggestionLabel(None));
            }
            for label in ["GPE", "ORG", "TITLE", "PER", "LOC", "FAC"] {
                if session.project().schema.label(label).is_some()
                    && wd::selectable(ui, view.label.as_deref() == Some(label), label).clicked()
                {
                    commands.push(AppCommand::SetSuggestionLabel(Some(label.to_string())));
                }
            }
        });
        wd::row(ui, |ui| {
            let current = view.current.is_some();
            let accept = ui.add_enabled_ui(current, |ui| wd::button(ui, &tr.t(ACCEPT_GROUP)));
            if accept.inner.clicked() {
                commands.push(AppCommand::DecideSuggestionGroup(ReviewState::Accepted));
            }
            let reject = ui.add_enabled_ui(current, |ui| wd::button(ui, &tr.t(REJECT_GROUP)));
            if reject.inner.clicked() {
                commands.push(AppCommand::DecideSuggestionGroup(ReviewState::Rejected));
            }
        });
        wd::weak(ui, &tr.t("suggestions-keys-help"));
        ui.separator();
        if groups.is_empty() {
            wd::weak(ui, &tr.t("suggestions-nothing"));
        }
        for group in groups {
            let current = view.current.as_ref() == Some(&group.key);
            wd::row(ui, |ui| {
                let text = format!("{} ×{}", group.key.label, tr.number(group.spans.len()));
                let response = wd::selectable(ui, current, &text);
                let documents = tr.t_with(
                    "suggestions-in-documents",
                    &[("count", group.documents.into())],
                );
                let response = wd::hover(response, &documents);
                response.widget_info(|| {
                    egui::WidgetInfo::selected(
                        egui::Role::Button,
                        true,
                        current,
                        group_row_name(group),
                    )
                });
                if response.clicked() || bidi_button_ui(ui, text_engine, &group.shown).clicked() {
                    commands.push(AppCommand::SelectSuggestionGroup(group.key.clone()));
                }
                if group.key.entity.is_some() {
                    wd::weak(ui, &tr.t("suggestions-entity"));
                }
            });
            if current {
                // The places of the current group: where each is, and its words.
                for at in group.spans.iter().take(8) {
                    if let Some(span) = session.project().span(*at) {
                        let path = session
                            .project()
                            .document(at.doc)
                            .map_or("", |d| d.path.as_str());
                        // The words in their context (its own direction), under the file.
                        let context =
                            format!("{}«{}»{}", span.prefix(), span.quote(), span.suffix())
                                .replace(['\n', '\r', '\t'], " ");
                        ui.add_space(2.0);
                        let file = bidi_label_ui(ui, text_engine, path, 11.0);
                        let words = bidi_label_ui(ui, text_engine, &context, 13.0);
                        if file.clicked() || words.clicked() {
                            commands.push(AppCommand::GoToSpan(*at));
                        }
                    }
                }
                if group.spans.len() > 8 {
                    let more = tr.t_with(
                        "suggestions-more",
                        &[("count", (group.spans.len() - 8).into())],
                    );
                    wd::weak(ui, &more);
                }
            }
        }
        for command in commands {
            self.push(command);
        }
    }
}
