//! The window's panels: toolbar, document list, article, the spans page, status bar. They read
//! the session and push commands; nothing here changes the project.

use eframe::egui;

use super::app::{AfterSuccess, DaftarApp, FILTER_HINT};
use super::article_view::{ArticleView, EDGE_KEYS_HELP, EDGE_KEYS_SHORT};
use super::bidi_label::{bidi_label_colored_ui, bidi_label_ui, bidi_tooltip, paint_one_line};
use super::meetings_panel::choice_options;
use super::picker::{PickerOption, PickerState, picker_ui};
use super::text_engine::TextEngine;
use super::text_input::bidi_text_edit_ui;
use super::ui_command::{UiCommand, label_with_shortcut};
use super::words as wd;
use crate::app::{AppCommand, DocumentScope, Page, describe};
use crate::corpus::reanchor::ORPHANED_ATTRIBUTE;
use crate::i18n::{Words, key};
use crate::layout::{Direction, TextEditor, TextStyle};
use crate::model::{
    DiskState, DocId, DocStatus, Entity, EntityId, LabelLanguage, SpanId, SpanRef, parse_hex_color,
};

/// The language's name, in the interface's language.
fn language_name(tr: Words, language: LabelLanguage) -> String {
    tr.t(match language {
        LabelLanguage::English => "language-english",
        LabelLanguage::Persian => "language-persian",
        LabelLanguage::Arabic => "language-arabic",
    })
}

// Catalogue keys of the widgets tests find by their (English) names.
/// The attribute fields of the selected span.
pub const ATTRIBUTE_KEY_HINT: &str = key("attribute-key-hint");
pub const ATTRIBUTE_VALUE_HINT: &str = key("attribute-value-hint");
pub const ADD_ATTRIBUTE: &str = key("attribute-add");
/// Placeholder (and accessible name) of the annotator's name in the toolbar.
pub const ANNOTATOR_HINT: &str = key("annotator-hint");
pub const TEAM_MENU: &str = key("menu-team");
pub const AGREEMENT_ITEM: &str = key("team-agreement");
pub const SYNC_ITEM: &str = key("team-sync");
pub const ASSIGN_ITEM: &str = key("team-assign");
pub const MY_QUEUE: &str = key("documents-my-queue");
pub const ONLY_MY_SPANS: &str = key("toolbar-only-my-spans");
pub const PROJECT_MENU: &str = key("menu-project");
/// Search, the records table and the charts: the whole corpus at once.
pub const CORPUS_MENU: &str = key("menu-corpus");
pub const PRE_ANNOTATE_DOCUMENT: &str = key("project-suggest-document");
pub const PRE_ANNOTATE_LISTED: &str = key("project-suggest-listed");
pub const PRE_ANNOTATE_CORPUS: &str = key("project-suggest-every");
pub const CURATION_ITEM: &str = key("team-curation");
/// The button that moves the spans of an article changed on disk.
pub const REANCHOR_BUTTON: &str = key("article-reanchor");
/// Placeholder (and accessible name) of the span note field.
pub const NOTE_HINT: &str = key("span-note-hint");
/// Buttons of "tag all occurrences".
pub const TAG_ALL_IN_DOCUMENT: &str = key("tag-all-in-document");
pub const TAG_ALL_IN_CORPUS: &str = key("tag-all-in-corpus");
pub const ACCEPT_ALL: &str = key("suggestions-accept-all");
/// The accessible name of the entity's subtype picker, and the placeholder of its external id.
pub const SUBTYPE_LABEL: &str = key("entity-subtype");
pub const EXTERNAL_ID_HINT: &str = key("entity-external-id-hint");
/// Placeholder (and accessible name) of the entity search.
pub const ENTITY_SEARCH_HINT: &str = key("entity-search-hint");
/// The button that makes a new entity from the selected span.
pub const NEW_ENTITY_BUTTON: &str = key("entity-new");
/// The interface's language in the toolbar.
pub const INTERFACE_LANGUAGE: &str = key("toolbar-interface-language");
/// The label names' language in the toolbar.
pub const LABEL_LANGUAGE: &str = key("toolbar-label-names");

/// The text fields of the spans page.
#[derive(Default)]
pub struct SpansPanel {
    /// The selected span's note as being edited, and whose it is.
    pub note: TextEditor,
    note_of: Option<(DocId, SpanId)>,
    /// A new attribute of the selected span, as being typed.
    pub attribute_key: TextEditor,
    pub attribute_value: TextEditor,
    pub entity_search: TextEditor,
    /// The linked entity's external identifier as being typed, and whose it is.
    pub external_id: TextEditor,
    external_id_of: Option<EntityId>,
    pub picker: PickerState,
}

impl DaftarApp {
    /// A toolbar button for a command of the table, with its shortcut in the tooltip.
    pub(super) fn command_button(&mut self, ui: &mut egui::Ui, command: UiCommand) {
        let text = super::ui_command::name(command, ui.ctx());
        let tooltip = format!(
            "{} — {}",
            label_with_shortcut(command, ui.ctx()),
            super::ui_command::tooltip(command, ui.ctx())
        );
        if wd::hover(wd::button(ui, &text), &tooltip).clicked()
            && let Some(command) = self.command_for(command)
        {
            self.push(command);
        }
    }

    /// A menu entry: its words and tooltip by their keys; whether it was chosen.
    fn menu_item(ui: &mut egui::Ui, text: &str, tooltip: Option<&str>) -> bool {
        let tr = wd::words(ui.ctx());
        let response = wd::button(ui, &tr.t(text));
        let response = match tooltip {
            Some(tooltip) => wd::hover(response, &tr.t(tooltip)),
            None => response,
        };
        let clicked = response.clicked();
        if clicked {
            ui.close();
        }
        clicked
    }

    pub(super) fn toolbar_ui(&mut self, ui: &mut egui::Ui) {
        let tr = wd::words(ui.ctx());
        wd::row_wrapped(ui, |ui| {
            wd::menu(ui, &tr.t(PROJECT_MENU), |ui| self.project_menu_ui(ui));
            wd::menu(ui, &tr.t(CORPUS_MENU), |ui| {
                for command in [
                    UiCommand::SearchCorpus,
                    UiCommand::Records,
                    UiCommand::Charts,
                ] {
                    let text = label_with_shortcut(command, ui.ctx());
                    let tooltip = super::ui_command::tooltip(command, ui.ctx());
                    if wd::hover(wd::button(ui, &text), &tooltip).clicked() {
                        if let Some(command) = self.command_for(command) {
                            self.push(command);
                        }
                        ui.close();
                    }
                }
            });
            wd::menu(ui, &tr.t(TEAM_MENU), |ui| {
                if Self::menu_item(ui, ASSIGN_ITEM, Some("team-assign-tip")) {
                    self.assign.open = true;
                }
                if Self::menu_item(ui, SYNC_ITEM, Some("team-sync-tip")) {
                    self.push(AppCommand::Sync);
                }
                if Self::menu_item(ui, AGREEMENT_ITEM, Some("team-agreement-tip")) {
                    self.push(AppCommand::ShowAgreement);
                }
                if Self::menu_item(ui, CURATION_ITEM, Some("team-curation-tip")) {
                    self.push(AppCommand::ShowPage(crate::app::Page::Curation));
                }
            });
            ui.separator();
            self.command_button(ui, UiCommand::Save);
            let (can_undo, can_redo) = {
                let history = self.session.history();
                (history.can_undo(), history.can_redo())
            };
            ui.add_enabled_ui(can_undo, |ui| self.command_button(ui, UiCommand::Undo));
            ui.add_enabled_ui(can_redo, |ui| self.command_button(ui, UiCommand::Redo));
            self.command_button(ui, UiCommand::MarkReadyForReview);
            self.command_button(ui, UiCommand::Export);
            ui.separator();
            wd::label(ui, &tr.t("toolbar-annotator"));
            let text_engine = self
                .text_engine
                .get_or_insert_with(|| TextEngine::new(ui.ctx()));
            let field = bidi_text_edit_ui(
                ui,
                text_engine,
                &mut self.annotator_field,
                &tr.t(ANNOTATOR_HINT),
                110.0,
            );
            if field.changed() {
                self.push(AppCommand::SetAnnotator(self.annotator_field.text()));
            }
            ui.separator();
            let dark = ui.visuals().dark_mode;
            if wd::selectable(ui, !dark, &tr.t("toolbar-light")).clicked() {
                ui.ctx().set_theme(egui::Theme::Light);
            }
            if wd::selectable(ui, dark, &tr.t("toolbar-dark")).clicked() {
                ui.ctx().set_theme(egui::Theme::Dark);
            }
            ui.separator();
            self.command_button(ui, UiCommand::ZoomOut);
            let view = self.session.view().clone();
            wd::label(ui, &tr.number(format!("{:.0}", view.font_size)));
            self.command_button(ui, UiCommand::ZoomIn);
            let languages = [
                LabelLanguage::English,
                LabelLanguage::Persian,
                LabelLanguage::Arabic,
            ];
            // Each language named in itself too, so that one who cannot read the interface's
            // finds their own.
            let own_name = |language| {
                let own = language_name(Words::new(language), language);
                let here = language_name(tr, language);
                if own == here {
                    own
                } else {
                    format!("{here} — {own}")
                }
            };
            wd::combo(
                ui,
                &tr.t(INTERFACE_LANGUAGE),
                true,
                &language_name(tr, view.interface_language),
                |ui| {
                    for language in languages {
                        let chosen = view.interface_language == language;
                        if wd::selectable(ui, chosen, &own_name(language)).clicked() {
                            self.push(AppCommand::SetInterfaceLanguage(language));
                        }
                    }
                },
            );
            wd::combo(
                ui,
                &tr.t(LABEL_LANGUAGE),
                true,
                &language_name(tr, view.label_language),
                |ui| {
                    for language in languages {
                        let chosen = view.label_language == language;
                        if wd::selectable(ui, chosen, &language_name(tr, language)).clicked() {
                            self.push(AppCommand::SetLabelLanguage(language));
                        }
                    }
                },
            );
            let mut snap = view.snap_to_words;
            let response = wd::checkbox(ui, &mut snap, &tr.t("toolbar-snap"));
            if wd::hover(response, &tr.t("toolbar-snap-tip")).changed() {
                self.push(AppCommand::SetSnapToWords(snap));
            }
            let mut only_mine = view.only_my_spans;
            let response = wd::checkbox(ui, &mut only_mine, &tr.t(ONLY_MY_SPANS));
            if wd::hover(response, &tr.t("toolbar-only-my-spans-tip")).changed() {
                self.push(AppCommand::SetOnlyMySpans(only_mine));
            }
            ui.separator();
            wd::label(ui, &tr.t("toolbar-direction"));
            for (choice, name) in [
                (None, "toolbar-direction-detect"),
                (Some(Direction::Rtl), "toolbar-direction-rtl"),
                (Some(Direction::Ltr), "toolbar-direction-ltr"),
            ] {
                if wd::selectable(ui, view.direction == choice, &tr.t(name)).clicked() {
                    self.push(AppCommand::SetDirection(choice));
                }
            }
        });
    }

    /// The Project menu: opening and importing, suggestions from the gazetteers, recent projects.
    fn project_menu_ui(&mut self, ui: &mut egui::Ui) {
        let tr = wd::words(ui.ctx());
        if Self::menu_item(ui, "project-open-folder", None)
            && let Some(folder) = rfd::FileDialog::new().pick_folder()
        {
            self.push(AppCommand::Open(folder));
        }
        if Self::menu_item(ui, "project-import-folder", None) {
            let folder = rfd::FileDialog::new()
                .set_title(tr.t("dialog-folder-of-articles"))
                .pick_folder();
            let project = folder.as_ref().and_then(|folder| {
                let name = crate::open::project_path_for_folder(folder);
                rfd::FileDialog::new()
                    .set_title(tr.t("dialog-project-file"))
                    .add_filter(tr.t("dialog-daftar-project"), &["ron"])
                    .set_file_name(name.file_name()?.to_string_lossy())
                    .save_file()
            });
            if let (Some(folder), Some(project)) = (folder, project) {
                self.push(AppCommand::ImportFolder { folder, project });
            }
        }
        if Self::menu_item(ui, "project-import-brat", Some("project-import-brat-tip"))
            && let Some(folder) = rfd::FileDialog::new().pick_folder()
        {
            self.push(AppCommand::Open(folder));
        }
        if Self::menu_item(
            ui,
            "project-import-annotations",
            Some("project-import-annotations-tip"),
        ) && let Some(file) = rfd::FileDialog::new()
            .add_filter(tr.t("dialog-annotation-files"), &["jsonl", "json"])
            .pick_file()
        {
            self.push(AppCommand::Open(file));
        }
        if Self::menu_item(
            ui,
            "project-open-project-folder",
            Some("project-open-project-folder-tip"),
        ) && let Some(folder) = rfd::FileDialog::new().pick_folder()
        {
            self.push(AppCommand::Open(folder));
        }
        if Self::menu_item(ui, "project-open-project", None)
            && let Some(file) = rfd::FileDialog::new()
                .add_filter(tr.t("dialog-daftar-project"), &["ron"])
                .pick_file()
        {
            self.push(AppCommand::Open(file));
        }
        ui.separator();
        if Self::menu_item(ui, PRE_ANNOTATE_DOCUMENT, Some("project-suggest-tip")) {
            self.push(AppCommand::PreAnnotate(DocumentScope::Shown));
        }
        if Self::menu_item(ui, PRE_ANNOTATE_LISTED, Some("project-suggest-listed-tip")) {
            self.push(AppCommand::PreAnnotate(DocumentScope::Listed));
        }
        if Self::menu_item(ui, PRE_ANNOTATE_CORPUS, None) {
            self.push(AppCommand::PreAnnotate(DocumentScope::Every));
        }
        ui.separator();
        wd::weak(ui, &tr.t("project-recent"));
        let current = self.session.project_path();
        let recent: Vec<_> = self
            .recent_projects()
            .into_iter()
            .filter(|p| *p != current)
            .collect();
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let mut chosen = None;
        for path in recent {
            // Paths may be Persian or Arabic: through our text engine.
            let name = path.display().to_string();
            let response = ui
                .scope(|ui| bidi_label_ui(ui, text_engine, &name, 14.0))
                .inner;
            if wd::hover(response, &tr.t("project-open-recent-tip")).clicked() {
                chosen = Some(path);
            }
        }
        if let Some(path) = chosen {
            self.push(AppCommand::Open(path));
            ui.close();
        }
    }

    pub(super) fn documents_panel_ui(&mut self, ui: &mut egui::Ui) {
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        // The project's name may be Persian or Arabic.
        bidi_label_ui(ui, text_engine, &self.session.project().name, 18.0);
        let tr = wd::words(ui.ctx());
        let width = ui.available_width();
        let hint = tr.t(FILTER_HINT);
        let filter = bidi_text_edit_ui(ui, text_engine, &mut self.filter, &hint, width);
        if std::mem::take(&mut self.focus_filter) {
            filter.request_focus();
        }
        if filter.changed() {
            self.push(AppCommand::SetDocumentFilter(self.filter.text()));
        }
        let status = self.session.documents().status();
        let status_name =
            |status: Option<DocStatus>| status.map_or(tr.t("status-all"), |s| tr.doc_status(s));
        wd::combo(
            ui,
            &tr.t("documents-status"),
            true,
            &status_name(status),
            |ui| {
                for choice in std::iter::once(None).chain(DocStatus::ALL.map(Some)) {
                    if wd::selectable(ui, status == choice, &status_name(choice)).clicked() {
                        self.push(AppCommand::SetStatusFilter(choice));
                    }
                }
            },
        );
        let mut mine = self.session.documents().assigned_to().is_some();
        let response = wd::checkbox(ui, &mut mine, &tr.t(MY_QUEUE));
        if wd::hover(response, &tr.t("documents-my-queue-tip")).changed() {
            self.push(AppCommand::ShowMyQueue(mine));
        }
        ui.add_space(4.0);
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let session = &self.session;
        let shown = session.documents().shown();
        let mut open = None;
        let current = session.doc();
        // Rows of one height, drawn only when in view: a list of 10,000 documents costs what
        // the visible rows cost.
        let title_size = 15.0;
        let detail_size = 12.5;
        let margin = egui::vec2(6.0, 4.0);
        let row_height = title_size * 1.45 + detail_size * 1.45 + 2.0 * margin.y;
        egui::ScrollArea::vertical().show_rows(ui, row_height, shown.len(), |ui, rows| {
            for &index in &shown[rows] {
                let document = &session.project().documents[index];
                let width = ui.available_width();
                let (rect, response) =
                    ui.allocate_exact_size(egui::vec2(width, row_height), egui::Sense::click());
                let selected = current == Some(document.id);
                if selected {
                    let fill = ui.visuals().selection.bg_fill.gamma_multiply(0.5);
                    ui.painter().rect_filled(rect, 2.0, fill);
                } else if response.hovered() {
                    ui.painter()
                        .rect_filled(rect, 2.0, ui.visuals().faint_bg_color);
                }
                let inner = rect.shrink2(margin);
                let (title_rect, detail_rect) =
                    inner.split_top_bottom_at_y(inner.min.y + title_size * 1.45);
                let title = document.display_name();
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, title));
                let color = ui.visuals().text_color();
                paint_one_line(ui, text_engine, title_rect, title, title_size, color);
                // What a narrow list must show first: the state, then the file's path.
                let mut parts = vec![
                    tr.doc_status(document.status),
                    tr.t_with("spans-count", &[("count", document.spans.len().into())]),
                ];
                if !document.assigned.is_empty() {
                    // Who it is given to. The names may be Persian or Arabic: joined by a
                    // word of the interface, so that two of them keep their order in this
                    // line (isolates alone did not hold them in the engine). LRM: the path's
                    // digits that follow do not join the last name's run.
                    let and = format!(" {} ", tr.t("documents-and"));
                    let names = document.assigned.join(&and);
                    let given = tr.t_with("documents-assigned", &[("names", names.into())]);
                    parts.push(format!("{given}\u{200E}"));
                }
                match &document.disk {
                    DiskState::Unchanged => {}
                    DiskState::Changed { .. } => parts.push(tr.t("documents-changed-on-disk")),
                    DiskState::Missing => parts.push(tr.t("documents-missing")),
                    DiskState::Unreadable { .. } => parts.push(tr.t("documents-unreadable")),
                }
                // Isolated: a Latin file name keeps its order in a right-to-left line
                // (000_a.txt, not a.txt_000).
                parts.push(format!("\u{2068}{}\u{2069}", document.path));
                let detail = parts.join(" · ");
                let weak = ui.visuals().weak_text_color();
                paint_one_line(ui, text_engine, detail_rect, &detail, detail_size, weak);
                let response = bidi_tooltip(response, text_engine, title);
                if response.clicked() {
                    open = Some(document.id);
                }
            }
        });
        if let Some(doc) = open {
            self.push(AppCommand::OpenDocument(doc));
        }
    }

    pub(super) fn article_ui(&mut self, ui: &mut egui::Ui) {
        let reveal = self.session.take_reveal();
        let session = &self.session;
        let tr = wd::words(ui.ctx());
        let Some(article) = session.article() else {
            wd::label(ui, &tr.t("article-no-document"));
            return;
        };
        let text = match &article.text {
            Err(message) => {
                let text_engine = self
                    .text_engine
                    .get_or_insert_with(|| TextEngine::new(ui.ctx()));
                let error = Some(ui.visuals().error_fg_color);
                bidi_label_colored_ui(ui, text_engine, message, 14.0, error);
                return;
            }
            Ok(text) => text,
        };
        if let Some(plan) = &article.reanchor {
            let message = tr.t_with(
                "article-changed-on-disk",
                &[
                    ("spans", plan.anchors.len().into()),
                    (
                        "kept",
                        (plan.anchors.len() - plan.moved() - plan.orphaned()).into(),
                    ),
                    ("moved", plan.moved().into()),
                    ("orphaned", plan.orphaned().into()),
                ],
            );
            let mut apply = false;
            ui.group(|ui| {
                wd::colored(ui, ui.visuals().warn_fg_color, &message);
                apply = wd::button(ui, &tr.t(REANCHOR_BUTTON)).clicked();
            });
            if apply {
                self.push(AppCommand::Reanchor);
                return;
            }
        }
        let view_options = session.view();
        let view = ArticleView {
            text,
            style: TextStyle {
                direction: view_options.direction.unwrap_or(article.direction),
                ..TextStyle::article(view_options.font_size)
            },
            highlights: &self.highlights.items,
            selected_highlight: session.cursor().span.map(|s| s.0),
            scroll_to: reveal,
        };
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let mut selection = session.cursor().selection;
        let mut changed = None;
        let mut commands = Vec::new();
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                let response = view.ui(ui, text_engine, &mut selection);
                if response.selection_changed || response.clicked_highlight.is_some() {
                    changed = Some(response.clicked_highlight.map(SpanId));
                }
                if let Some((edge, forward)) = response.move_edge {
                    commands.push(AppCommand::MoveSpanEdge { edge, forward });
                }
                commands.extend(response.resized.map(AppCommand::ResizeSpan));
            });
        if let Some(span) = changed {
            self.push(AppCommand::Select { selection, span });
        }
        for command in commands {
            self.push(command);
        }
    }

    /// The spans page: the label palette, this document's spans, the selected span's note,
    /// attributes, "tag all occurrences" and entity, and the project's entities.
    pub(super) fn spans_page_ui(&mut self, ui: &mut egui::Ui) {
        let tr = wd::words(ui.ctx());
        wd::heading(ui, &tr.t("spans-labels"));
        wd::weak(ui, &tr.t("spans-labels-help"));
        let language = self.session.view().label_language;
        let labels: Vec<_> = self
            .session
            .project()
            .schema
            .labels
            .iter()
            .map(|l| {
                let [r, g, b] = parse_hex_color(&l.color).unwrap_or([128, 128, 128]);
                let color = egui::Color32::from_rgb(r, g, b);
                (
                    l.key.clone(),
                    l.shortcut.clone(),
                    l.names.get(language).to_string(),
                    color,
                )
            })
            .collect();
        let mut clicked = None;
        let mut label_button = |ui: &mut egui::Ui, key: &str, shortcut: &str, name: &str, color| {
            // The key, then the name, in reading order.
            let response = wd::tinted_button(ui, &format!("{shortcut}  {name}"), color);
            let tip = tr.t_with(
                "spans-label-tip",
                &[("label", key.into()), ("key", shortcut.into())],
            );
            if wd::hover(response, &tip).clicked() {
                clicked = Some(key.to_string());
            }
        };
        wd::row_wrapped(ui, |ui| {
            for (key, shortcut, name, color) in &labels {
                label_button(ui, key, shortcut, name, *color);
            }
        });
        if let Some(key) = clicked {
            self.push(AppCommand::ApplyLabel(key));
        }
        ui.separator();
        self.spans_list_ui(ui);
        ui.separator();
        self.note_ui(ui);
        ui.separator();
        self.suggestions_ui(ui);
        ui.separator();
        self.entity_link_ui(ui);
        ui.separator();
        self.entities_ui(ui);
    }

    /// The shown document's note and spans, by label.
    fn spans_list_ui(&mut self, ui: &mut egui::Ui) {
        let session = &self.session;
        let Some(document) = session.doc().and_then(|d| session.project().document(d)) else {
            return;
        };
        let language = session.view().label_language;
        let selected_span = session.cursor().span;
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let tr = wd::words(ui.ctx());
        if !document.note.is_empty() {
            // The reviewer's note when a document is sent back, and any other note on it.
            let status = tr.doc_status(document.status);
            wd::strong(
                ui,
                &tr.t_with("spans-document-note", &[("status", status.into())]),
            );
            bidi_label_ui(ui, text_engine, &document.note, 14.0);
            ui.separator();
        }
        wd::heading(ui, &tr.t("spans-heading"));
        let mut select = None;
        let mut delete = false;
        egui::ScrollArea::vertical()
            .id_salt("spans")
            .show(ui, |ui| {
                for label in &session.project().schema.labels {
                    let spans: Vec<_> = document
                        .spans
                        .iter()
                        .filter(|s| s.label == label.key && session.shows_span(s))
                        .collect();
                    if spans.is_empty() {
                        continue;
                    }
                    let heading =
                        format!("{} ({})", label.names.get(language), tr.number(spans.len()));
                    bidi_label_ui(ui, text_engine, &heading, 15.0);
                    for span in spans {
                        let selected = selected_span == Some(span.id);
                        let response = egui::Frame::new()
                            .inner_margin(egui::Margin::symmetric(6, 2))
                            .fill(if selected {
                                ui.visuals().selection.bg_fill.gamma_multiply(0.5)
                            } else {
                                egui::Color32::TRANSPARENT
                            })
                            .show(ui, |ui| {
                                ui.set_width(ui.available_width());
                                bidi_label_ui(ui, text_engine, span.quote(), 15.0);
                                if span.review.state == crate::model::ReviewState::Rejected {
                                    let warn = ui.visuals().warn_fg_color;
                                    let why = tr.t_with(
                                        "spans-rejected-by",
                                        &[
                                            ("reviewer", span.review.reviewer.as_str().into()),
                                            ("comment", span.review.comment.as_str().into()),
                                        ],
                                    );
                                    bidi_label_colored_ui(ui, text_engine, &why, 13.0, Some(warn));
                                }
                                if let Some(from) = span.attributes.get(ORPHANED_ATTRIBUTE) {
                                    let warn = ui.visuals().warn_fg_color;
                                    let text =
                                        tr.t_with("spans-orphaned", &[("from", from.into())]);
                                    wd::colored(ui, warn, &text);
                                }
                                if selected {
                                    let response = wd::weak(ui, &tr.t(EDGE_KEYS_SHORT));
                                    wd::hover(response, &tr.t(EDGE_KEYS_HELP));
                                    if wd::button(ui, &tr.t("spans-delete")).clicked() {
                                        delete = true;
                                    }
                                }
                            })
                            .response
                            .interact(egui::Sense::click());
                        if response.clicked() {
                            select = Some(span.id);
                        }
                    }
                }
            });
        if let Some(span) = select {
            self.push(AppCommand::SelectSpan(span));
        }
        if delete {
            self.push(AppCommand::DeleteSpan);
        }
    }

    /// The selected span's entity: shown, searched for, linked, or made new.
    fn entity_link_ui(&mut self, ui: &mut egui::Ui) {
        let session = &self.session;
        let tr = wd::words(ui.ctx());
        let Some(span) = session
            .cursor()
            .span
            .zip(session.doc())
            .and_then(|(s, d)| session.project().document(d)?.span(s))
            .cloned()
        else {
            wd::weak(ui, &tr.t("entity-select-span"));
            return;
        };
        let linkable = session
            .project()
            .schema
            .label(&span.label)
            .is_some_and(|l| l.linkable);
        if !linkable {
            let text = tr.t_with(
                "entity-not-linkable",
                &[("label", span.label.as_str().into())],
            );
            wd::weak(ui, &text);
            return;
        }
        wd::strong(ui, &tr.t("entity-heading"));
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        if let Some(entity) = span.entity.and_then(|e| session.project().entity(e)) {
            let entity = entity.clone();
            let response = bidi_label_ui(ui, text_engine, &entity.name, 15.0);
            wd::hover(response, &entity.id.to_string());
            if wd::button(ui, &tr.t("entity-unlink")).clicked() {
                self.push(AppCommand::LinkSpan(None));
            }
            self.entity_details_ui(ui, &entity);
            return;
        }
        let width = ui.available_width();
        bidi_text_edit_ui(
            ui,
            text_engine,
            &mut self.spans_panel.entity_search,
            &tr.t(ENTITY_SEARCH_HINT),
            width,
        );
        let typed = self.spans_panel.entity_search.text();
        let query = if typed.trim().is_empty() {
            span.quote()
        } else {
            typed.as_str()
        };
        let matches = session.find_entities(&span.label, query, 8);
        let mut link = None;
        for (id, name) in &matches {
            let response = bidi_label_ui(ui, text_engine, name, 15.0);
            let response = wd::hover(response, &tr.t("entity-link-tip"));
            if response.clicked() {
                link = Some(*id);
            }
        }
        if let Some(id) = link {
            self.push_then(
                AppCommand::LinkSpan(Some(id)),
                AfterSuccess::ClearEntitySearch,
            );
        }
        if wd::button(ui, &tr.t(NEW_ENTITY_BUTTON)).clicked() {
            self.push(AppCommand::NewEntityFromSpan);
        }
    }

    /// The linked entity's subtype (a picker of its label's subtypes) and external identifier
    /// (stored on Enter or when the field loses the keyboard).
    fn entity_details_ui(&mut self, ui: &mut egui::Ui, entity: &Entity) {
        let language = self.session.view().label_language;
        let schema = &self.session.project().schema;
        let subtypes = schema
            .label(&entity.kind)
            .map(|l| l.subtypes.clone())
            .unwrap_or_default();
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let mut commands = Vec::new();
        let tr = wd::words(ui.ctx());
        if !subtypes.is_empty() {
            wd::row(ui, |ui| {
                wd::label(ui, &tr.t(SUBTYPE_LABEL));
                let current = entity.subtype.as_deref().map_or("—".to_string(), |key| {
                    describe::choice_name(&subtypes, key, language)
                });
                let mut options: Vec<PickerOption<Option<String>>> = vec![PickerOption {
                    value: None,
                    shown: "—".into(),
                    also: vec!["none".into(), tr.t("entity-subtype-none")],
                }];
                options.extend(choice_options(&subtypes, language).into_iter().map(|o| {
                    PickerOption {
                        value: Some(o.value),
                        shown: o.shown,
                        also: o.also,
                    }
                }));
                let picker = &mut self.spans_panel.picker;
                let width = ui.available_width().min(220.0);
                let picked = picker_ui(
                    ui,
                    text_engine,
                    picker,
                    &tr.t(SUBTYPE_LABEL),
                    &current,
                    &options,
                    width,
                );
                if let Some(subtype) = picked {
                    commands.push(AppCommand::SetEntitySubtype(entity.id, subtype));
                }
            });
        }
        if self.spans_panel.external_id_of != Some(entity.id) {
            self.spans_panel.external_id_of = Some(entity.id);
            let stored = entity.external_id.clone().unwrap_or_default();
            self.spans_panel.external_id.set_text(&stored);
        }
        wd::label(ui, &tr.t("entity-external-id"));
        let width = ui.available_width();
        let field = bidi_text_edit_ui(
            ui,
            text_engine,
            &mut self.spans_panel.external_id,
            &tr.t(EXTERNAL_ID_HINT),
            width,
        );
        let field = wd::hover(field, &tr.t("entity-external-id-tip"));
        let enter = field.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if enter {
            field.surrender_focus();
        }
        let typed = self.spans_panel.external_id.text();
        if (field.lost_focus() || enter) && Some(typed.trim()) != entity.external_id.as_deref() {
            commands.push(AppCommand::SetEntityExternalId(entity.id, typed));
            // Shown again as stored (Q794 for q794).
            self.spans_panel.external_id_of = None;
        }
        for command in commands {
            self.push(command);
        }
    }

    /// The selected span's note: stored when the field loses the keyboard or on Enter.
    fn note_ui(&mut self, ui: &mut egui::Ui) {
        let session = &self.session;
        let selected = session.doc().zip(session.cursor().span);
        let Some(span) = selected
            .and_then(|(d, s)| session.project().document(d)?.span(s))
            .cloned()
        else {
            return;
        };
        if self.spans_panel.note_of != selected {
            self.spans_panel.note_of = selected;
            self.spans_panel.note.set_text(&span.note);
        }
        let tr = wd::words(ui.ctx());
        wd::label(ui, &tr.t("span-note"));
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let width = ui.available_width();
        let field = bidi_text_edit_ui(
            ui,
            text_engine,
            &mut self.spans_panel.note,
            &tr.t(NOTE_HINT),
            width,
        );
        let enter = field.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if enter {
            // Done typing: the keys are the shortcuts' again.
            field.surrender_focus();
        }
        if field.lost_focus() || enter {
            self.push(AppCommand::SetSpanNote(self.spans_panel.note.text()));
        }
        self.attributes_ui(ui, &span);
    }

    /// The selected span's attributes: listed, removed, added.
    fn attributes_ui(&mut self, ui: &mut egui::Ui, span: &crate::model::Span) {
        let tr = wd::words(ui.ctx());
        wd::label(ui, &tr.t("span-attributes"));
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let mut remove = None;
        for (key, value) in &span.attributes {
            wd::row(ui, |ui| {
                let response = wd::button(ui, &tr.t("span-attribute-remove"));
                let tip = tr.t_with("span-attribute-remove-tip", &[("key", key.into())]);
                if wd::hover(response, &tip).clicked() {
                    remove = Some(key.clone());
                }
                bidi_label_ui(ui, text_engine, &format!("{key}: {value}"), 14.0);
            });
        }
        // Two fields and the Add button, with room to spare: a row wider than the panel would
        // widen the panel, frame after frame.
        let half = ((ui.available_width() - 80.0) / 2.0).max(40.0);
        let panel = &mut self.spans_panel;
        let mut add = false;
        wd::row(ui, |ui| {
            let key = bidi_text_edit_ui(
                ui,
                text_engine,
                &mut panel.attribute_key,
                &tr.t(ATTRIBUTE_KEY_HINT),
                half,
            );
            let value = bidi_text_edit_ui(
                ui,
                text_engine,
                &mut panel.attribute_value,
                &tr.t(ATTRIBUTE_VALUE_HINT),
                half,
            );
            // Enter in either field adds the attribute, as the button does.
            let enter = (key.has_focus() || value.has_focus())
                && ui.input(|i| i.key_pressed(egui::Key::Enter));
            add = wd::button(ui, &tr.t(ADD_ATTRIBUTE)).clicked() || enter;
        });
        if let Some(key) = remove {
            self.push(AppCommand::SetSpanAttribute { key, value: None });
        }
        if add {
            let key = self.spans_panel.attribute_key.text();
            let value = Some(self.spans_panel.attribute_value.text());
            let command = AppCommand::SetSpanAttribute { key, value };
            self.push_then(command, AfterSuccess::ClearAttributeFields);
        }
    }

    /// "Tag all occurrences" and the suggestions it made.
    fn suggestions_ui(&mut self, ui: &mut egui::Ui) {
        let tr = wd::words(ui.ctx());
        if self.session.cursor().span.is_some() {
            wd::row_wrapped(ui, |ui| {
                wd::label(ui, &tr.t("tag-all"));
                if wd::button(ui, &tr.t(TAG_ALL_IN_DOCUMENT)).clicked() {
                    self.push(AppCommand::FindOccurrences {
                        whole_corpus: false,
                    });
                }
                if wd::button(ui, &tr.t(TAG_ALL_IN_CORPUS)).clicked() {
                    self.push(AppCommand::FindOccurrences { whole_corpus: true });
                }
            });
        }
        let session = &self.session;
        let suggestions = session.suggestions();
        if suggestions.is_empty() {
            return;
        }
        let mut commands = Vec::new();
        let count = tr.t_with("suggestions-count", &[("count", suggestions.len().into())]);
        wd::strong(ui, &count);
        wd::row(ui, |ui| {
            if wd::button(ui, &tr.t(ACCEPT_ALL)).clicked() {
                commands.push(AppCommand::AcceptSuggestions(None));
            }
            if wd::button(ui, &tr.t("suggestions-reject-all")).clicked() {
                commands.push(AppCommand::RejectAllSuggestions);
            }
        });
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        egui::ScrollArea::vertical()
            .id_salt("suggestions")
            .max_height(200.0)
            .show(ui, |ui| {
                for (i, suggestion) in suggestions.iter().enumerate() {
                    let path = session
                        .project()
                        .document(suggestion.doc)
                        .map_or("", |d| d.path.as_str());
                    wd::row(ui, |ui| {
                        if wd::button(ui, &tr.t("suggestion-accept")).clicked() {
                            commands.push(AppCommand::AcceptSuggestions(Some(vec![i])));
                        }
                        if wd::button(ui, &tr.t("suggestion-reject")).clicked() {
                            commands.push(AppCommand::RejectSuggestion(i));
                        }
                        let place = format!(
                            "{path} {}..{}",
                            suggestion.chars.start, suggestion.chars.end
                        );
                        let weak = Some(ui.visuals().weak_text_color());
                        bidi_label_colored_ui(ui, text_engine, &place, 13.0, weak);
                    });
                    bidi_label_ui(ui, text_engine, &suggestion.quote, 14.0);
                }
            });
        // One decision per frame: indices shift once one is taken.
        if let Some(command) = commands.into_iter().next() {
            self.push(command);
        }
    }

    /// Every entity of the project with its mentions across documents.
    fn entities_ui(&mut self, ui: &mut egui::Ui) {
        let session = &self.session;
        let project = session.project();
        let mut go_to = None;
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let tr = wd::words(ui.ctx());
        let heading = tr.t_with(
            "entities-heading",
            &[("count", project.entities.len().into())],
        );
        wd::collapsing(ui, "entities", &heading, |ui| {
            for entity in &project.entities {
                bidi_label_ui(ui, text_engine, &entity.name, 15.0);
                if !entity.aliases.is_empty() {
                    let aliases = entity.aliases.join("، ");
                    let weak = Some(ui.visuals().weak_text_color());
                    bidi_label_colored_ui(ui, text_engine, &aliases, 13.0, weak);
                }
                wd::row_wrapped(ui, |ui| {
                    wd::weak(ui, entity.kind.as_str());
                    for (document, span) in project.mentions_of(entity.id) {
                        let name = document.path.rsplit('/').next().unwrap_or(&document.path);
                        // File names may be Persian or Arabic: through our text engine.
                        let response = ui
                            .scope(|ui| bidi_label_ui(ui, text_engine, name, 13.0))
                            .inner;
                        let response = wd::hover(response, &tr.t("entities-show-mention"));
                        if response.clicked() {
                            go_to = Some(SpanRef {
                                doc: document.id,
                                span: span.id,
                            });
                        }
                    }
                });
            }
        });
        if let Some(at) = go_to {
            self.push(AppCommand::GoToSpan(at));
        }
    }

    /// The import report of a folder just opened, until the user closes it.
    pub(super) fn import_report_ui(&mut self, ctx: &egui::Context) {
        let Some(report) = &mut self.report_to_show else {
            return;
        };
        let text_engine = self.text_engine.get_or_insert_with(|| TextEngine::new(ctx));
        let mut close = false;
        let tr = wd::words(ctx);
        wd::window("import report")
            .default_width(560.0)
            .show(ctx, |ui| {
                close = wd::title_bar(ui, &tr.t("import-report-title"));
                wd::page(ui, wd::right_to_left(ui), |ui| {
                    wd::label(ui, &tr.t("import-report-files"));
                    egui::ScrollArea::vertical()
                        .max_height(320.0)
                        .show(ui, |ui| {
                            // One line a file: file names may be Persian or Arabic.
                            for line in report.lines(tr) {
                                bidi_label_ui(ui, text_engine, line, 13.0);
                            }
                        });
                });
            });
        if close {
            self.report_to_show = None;
        }
    }

    pub(super) fn status_ui(&mut self, ui: &mut egui::Ui) {
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let session = &self.session;
        let tr = wd::words(ui.ctx());
        wd::row(ui, |ui| {
            if let Some(opening) = &self.open_job {
                let path = opening.path.display().to_string();
                let what = tr.t_with("status-opening", &[("path", path.into())]);
                bidi_label_ui(ui, text_engine, &what, 14.0);
                opening.job.progress_ui(ui);
                ui.separator();
            }
            if let Some(search) = &self.suggest_job {
                wd::label(ui, &tr.t("status-finding-occurrences"));
                search.job.progress_ui(ui);
                ui.separator();
            }
            if let Some(job) = &self.pre_annotate_job {
                wd::label(ui, &tr.t("status-suggesting"));
                job.progress_ui(ui);
                ui.separator();
            }
            if let Some(doc) = session.doc() {
                let documents = &session.project().documents;
                let position = documents
                    .iter()
                    .position(|d| d.id == doc)
                    .map_or(0, |i| i + 1);
                let status = session
                    .project()
                    .document(doc)
                    .map_or(String::new(), |d| tr.doc_status(d.status));
                let text = tr.t_with(
                    "status-document-of",
                    &[
                        ("position", position.into()),
                        ("count", documents.len().into()),
                        ("status", status.into()),
                    ],
                );
                wd::label(ui, &text);
                ui.separator();
            }
            let counts: Vec<String> = crate::edit::review::status_counts(session.project())
                .iter()
                .map(|(status, count)| format!("{} {}", tr.number(count), tr.doc_status(*status)))
                .collect();
            let response = wd::label(ui, &counts.join(" · "));
            wd::hover(response, &tr.t("status-counts-tip"));
            ui.separator();
            let save = session.save_status();
            if let Some(error) = &save.error {
                let error = tr.t_with("status-not-saved", &[("error", error.as_str().into())]);
                let color = Some(ui.visuals().error_fg_color);
                bidi_label_colored_ui(ui, text_engine, &error, 14.0, color);
            } else if session.history().is_dirty() {
                wd::label(ui, &tr.t("status-unsaved"));
            } else if let Some(saved) = save.last_saved {
                let time = humantime::format_rfc3339_seconds(saved).to_string();
                let time = tr.number(&time[11..19]);
                wd::label(ui, &tr.t_with("status-saved-at", &[("time", time.into())]));
            } else {
                wd::label(ui, &tr.t("status-saved"));
            }
            if let Some(range) = session.selection_in_chars().filter(|r| !r.is_empty()) {
                ui.separator();
                let text = tr.t_with(
                    "status-selected-characters",
                    &[("start", range.start.into()), ("end", range.end.into())],
                );
                wd::label(ui, &text);
            }
            if let Some(message) = session.message() {
                ui.separator();
                // Messages quote the article's words and name files: our text engine.
                let warn = Some(ui.visuals().warn_fg_color);
                bidi_label_colored_ui(ui, text_engine, message, 14.0, warn);
            }
        });
    }

    /// The tabs of the right-hand panel.
    pub(super) fn page_tabs_ui(&mut self, ui: &mut egui::Ui) {
        let page = self.session.page();
        let tr = wd::words(ui.ctx());
        wd::row_wrapped(ui, |ui| {
            let tabs = [
                (Page::Spans, tr.t("page-spans")),
                (
                    Page::Meetings,
                    label_with_shortcut(UiCommand::ShowMeetings, ui.ctx()),
                ),
                (
                    Page::Review,
                    label_with_shortcut(UiCommand::ShowReview, ui.ctx()),
                ),
                (Page::Curation, tr.t("page-curation")),
                (Page::Suggestions, tr.t("page-suggestions")),
            ];
            for (tab, name) in tabs {
                if wd::selectable(ui, page == tab, &name).clicked() {
                    self.push(AppCommand::ShowPage(tab));
                }
            }
        });
        ui.separator();
    }
}
