//! The window's panels: toolbar, document list, article, annotations, status bar. They read the
//! app's state and ask for changes through its methods and commands.

use eframe::egui;

use super::app::{DaftarApp, FILTER_HINT};
use super::article_view::{ArticleView, TextSelection};
use super::bidi_label::{bidi_label_colored_ui, bidi_label_ui, paint_one_line};
use super::commands::{Command, info, label_with_shortcut};
use super::text_engine::TextEngine;
use super::text_input::bidi_text_edit_ui;
use crate::corpus::reanchor::ORPHANED_ATTRIBUTE;
use crate::layout::{Direction, TextStyle};
use crate::model::{DiskState, DocStatus, EntityId, LabelLanguage, SpanId, parse_hex_color};

/// The language's name, in English (egui's own fonts have no Arabic script).
fn language_name(language: LabelLanguage) -> &'static str {
    match language {
        LabelLanguage::English => "English",
        LabelLanguage::Persian => "Persian",
        LabelLanguage::Arabic => "Arabic",
    }
}

/// The attribute fields of the selected span.
pub const ATTRIBUTE_KEY_HINT: &str = "Attribute";
pub const ATTRIBUTE_VALUE_HINT: &str = "Value";
pub const ADD_ATTRIBUTE: &str = "Add";
/// Placeholder (and accessible name) of the span note field.
pub const NOTE_HINT: &str = "Note on this span";
/// Buttons of "tag all occurrences".
pub const TAG_ALL_IN_DOCUMENT: &str = "in this document";
pub const TAG_ALL_IN_CORPUS: &str = "in all documents";
pub const ACCEPT_ALL: &str = "Accept all";
/// Placeholder (and accessible name) of the entity search.
pub const ENTITY_SEARCH_HINT: &str = "Find an entity";
/// The button that makes a new entity from the selected span.
pub const NEW_ENTITY_BUTTON: &str = "New entity from this span";
use crate::text::MatchKey;

impl DaftarApp {
    fn command_button(&mut self, ui: &mut egui::Ui, command: Command) {
        let text = info(command).text;
        let tooltip = format!(
            "{} — {}",
            label_with_shortcut(command, ui.ctx()),
            info(command).tooltip
        );
        if ui.button(text).on_hover_text(tooltip).clicked() {
            self.requested.push(command);
        }
    }

    pub(super) fn toolbar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| {
            ui.menu_button("Project", |ui| {
                if ui.button("Open folder of articles…").clicked() {
                    if let Some(folder) = rfd::FileDialog::new().pick_folder() {
                        self.start_opening(folder, ui.ctx());
                    }
                    ui.close();
                }
                if ui.button("Import folder into a project file…").clicked() {
                    let folder = rfd::FileDialog::new()
                        .set_title("Folder of articles")
                        .pick_folder();
                    let project = folder.as_ref().and_then(|folder| {
                        let name = crate::open::project_path_for_folder(folder);
                        rfd::FileDialog::new()
                            .set_title("Project file to create or update")
                            .add_filter("Daftar project", &["ron"])
                            .set_file_name(name.file_name()?.to_string_lossy())
                            .save_file()
                    });
                    if let (Some(folder), Some(project)) = (folder, project) {
                        self.start_import(folder, project, ui.ctx());
                    }
                    ui.close();
                }
                if ui
                    .button("Import a brat collection…")
                    .on_hover_text("A folder of .txt files with .ann files beside them")
                    .clicked()
                {
                    if let Some(folder) = rfd::FileDialog::new().pick_folder() {
                        self.start_opening(folder, ui.ctx());
                    }
                    ui.close();
                }
                if ui
                    .button("Import doccano or Label Studio annotations…")
                    .on_hover_text("A doccano .jsonl or a Label Studio .json export")
                    .clicked()
                {
                    if let Some(file) = rfd::FileDialog::new()
                        .add_filter("doccano JSONL, Label Studio JSON", &["jsonl", "json"])
                        .pick_file()
                    {
                        self.start_opening(file, ui.ctx());
                    }
                    ui.close();
                }
                if ui.button("Open project…").clicked() {
                    if let Some(file) = rfd::FileDialog::new()
                        .add_filter("Daftar project", &["ron"])
                        .pick_file()
                    {
                        self.start_opening(file, ui.ctx());
                    }
                    ui.close();
                }
                ui.separator();
                ui.weak("Recent projects");
                let current = self.project_path();
                let recent: Vec<_> = self
                    .recent_projects()
                    .into_iter()
                    .filter(|p| *p != current)
                    .collect();
                for path in recent {
                    if ui.button(path.display().to_string()).clicked() {
                        self.start_opening(path, ui.ctx());
                        ui.close();
                    }
                }
            });
            ui.separator();
            self.command_button(ui, Command::Save);
            ui.add_enabled_ui(self.history.can_undo(), |ui| {
                self.command_button(ui, Command::Undo)
            });
            ui.add_enabled_ui(self.history.can_redo(), |ui| {
                self.command_button(ui, Command::Redo)
            });
            self.command_button(ui, Command::MarkReadyForReview);
            self.command_button(ui, Command::Export);
            ui.separator();
            ui.label("Annotator:");
            let text_engine = self
                .text_engine
                .get_or_insert_with(|| TextEngine::new(ui.ctx()));
            let field = bidi_text_edit_ui(
                ui,
                text_engine,
                &mut self.annotator_field,
                "Your name",
                110.0,
            );
            self.typing_now |= field.has_focus();
            ui.separator();
            let dark = ui.visuals().dark_mode;
            if ui.selectable_label(!dark, "Light").clicked() {
                ui.ctx().set_theme(egui::Theme::Light);
            }
            if ui.selectable_label(dark, "Dark").clicked() {
                ui.ctx().set_theme(egui::Theme::Dark);
            }
            ui.separator();
            self.command_button(ui, Command::ZoomOut);
            ui.label(format!("{:.0}", self.font_size));
            self.command_button(ui, Command::ZoomIn);
            egui::ComboBox::from_label("Label names")
                .selected_text(language_name(self.label_language))
                .show_ui(ui, |ui| {
                    for language in [
                        LabelLanguage::English,
                        LabelLanguage::Persian,
                        LabelLanguage::Arabic,
                    ] {
                        ui.selectable_value(
                            &mut self.label_language,
                            language,
                            language_name(language),
                        );
                    }
                });
            ui.checkbox(&mut self.snap_to_words, "Snap to words")
                .on_hover_text("Widen a selection to whole words before tagging it");
            ui.separator();
            ui.label("Direction:");
            for (choice, name) in [
                (None, "detect"),
                (Some(Direction::Rtl), "right to left"),
                (Some(Direction::Ltr), "left to right"),
            ] {
                if ui
                    .selectable_label(self.direction_override == choice, name)
                    .clicked()
                {
                    self.direction_override = choice;
                }
            }
        });
    }

    pub(super) fn documents_panel_ui(&mut self, ui: &mut egui::Ui) {
        ui.heading(&self.project.name);
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let width = ui.available_width();
        let filter = bidi_text_edit_ui(ui, text_engine, &mut self.filter, FILTER_HINT, width);
        if std::mem::take(&mut self.focus_filter) {
            filter.request_focus();
        }
        self.typing_now |= filter.has_focus();
        let query = MatchKey::new(&self.filter.text())
            .as_str()
            .trim()
            .to_string();
        let status_name = self.status_filter.map_or("all statuses", |s| s.name());
        egui::ComboBox::from_label("Status")
            .selected_text(status_name)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.status_filter, None, "all statuses");
                for status in DocStatus::ALL {
                    ui.selectable_value(&mut self.status_filter, Some(status), status.name());
                }
            });
        ui.add_space(4.0);
        let shown = self.shown_documents(&query);
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let mut open = None;
        let current = self.article.as_ref().map(|a| a.doc);
        // Rows of one height, drawn only when in view: a list of 10,000 documents costs what
        // the visible rows cost.
        let title_size = 15.0;
        let detail_size = 12.5;
        let margin = egui::vec2(6.0, 4.0);
        let row_height = title_size * 1.45 + detail_size * 1.45 + 2.0 * margin.y;
        egui::ScrollArea::vertical().show_rows(ui, row_height, shown.len(), |ui, rows| {
            for &index in &shown[rows] {
                let document = &self.project.documents[index];
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
                let disk = match &document.disk {
                    DiskState::Unchanged => "",
                    DiskState::Changed { .. } => " · changed on disk",
                    DiskState::Missing => " · missing",
                    DiskState::Unreadable { .. } => " · unreadable",
                };
                let detail = format!(
                    "{} · {} · {} spans{disk}",
                    document.path,
                    document.status.name(),
                    document.spans.len()
                );
                let weak = ui.visuals().weak_text_color();
                paint_one_line(ui, text_engine, detail_rect, &detail, detail_size, weak);
                let response = response.on_hover_text(title);
                if response.clicked() {
                    open = Some(document.id);
                }
            }
        });
        if let Some(doc) = open {
            self.open_document(doc);
        }
    }

    pub(super) fn article_ui(&mut self, ui: &mut egui::Ui) {
        let Some(article) = &self.article else {
            ui.label("No document in this project.");
            return;
        };
        let text = match &article.text {
            Err(message) => {
                ui.colored_label(ui.visuals().error_fg_color, message);
                return;
            }
            Ok(text) => text,
        };
        if let Some(plan) = &article.reanchor {
            let message = format!(
                "This article changed on disk since it was annotated. Of its {} spans, {} keep \
                 their place, {} move and {} are orphaned (their text is gone: place them again).",
                plan.anchors.len(),
                plan.anchors.len() - plan.moved() - plan.orphaned(),
                plan.moved(),
                plan.orphaned()
            );
            let mut apply = false;
            ui.group(|ui| {
                ui.colored_label(ui.visuals().warn_fg_color, message);
                apply = ui.button("Re-anchor the spans").clicked();
            });
            if apply {
                let now = ui.input(|i| i.time);
                self.apply_reanchor(now);
                return;
            }
        }
        let view = ArticleView {
            text,
            style: TextStyle {
                direction: self.direction_override.unwrap_or(article.direction),
                ..TextStyle::article(self.font_size)
            },
            highlights: &article.highlights,
            selected_highlight: self.selected_span.map(|s| s.0),
            scroll_to: self.scroll_to.take(),
        };
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let mut clicked = None;
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                let response = view.ui(ui, text_engine, &mut self.selection);
                if response.selection_changed || response.clicked_highlight.is_some() {
                    clicked = Some(response.clicked_highlight.map(SpanId));
                }
            });
        if let Some(span) = clicked {
            self.selected_span = span;
        }
    }

    pub(super) fn annotation_panel_ui(&mut self, ui: &mut egui::Ui) {
        let now = ui.input(|i| i.time);
        ui.heading("Labels");
        ui.weak("Select text, then press a label's key or click it.");
        let language = self.label_language;
        let labels: Vec<_> = self
            .project
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
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let mut clicked = None;
        let mut label_button = |ui: &mut egui::Ui, key: &str, shortcut: &str, name: &str, color| {
            let response = if language == LabelLanguage::English {
                ui.button(egui::RichText::new(format!("{shortcut}  {name}")).color(color))
            } else {
                // Persian and Arabic names go through our text engine, one per row.
                ui.horizontal(|ui| {
                    ui.colored_label(color, shortcut);
                    bidi_label_colored_ui(ui, text_engine, name, 14.0, Some(color))
                })
                .inner
            };
            if response
                .on_hover_text(format!("{key}: key {shortcut}"))
                .clicked()
            {
                clicked = Some(key.to_string());
            }
        };
        if language == LabelLanguage::English {
            ui.horizontal_wrapped(|ui| {
                for (key, shortcut, name, color) in &labels {
                    label_button(ui, key, shortcut, name, *color);
                }
            });
        } else {
            for (key, shortcut, name, color) in &labels {
                label_button(ui, key, shortcut, name, *color);
            }
        }
        if let Some(key) = clicked {
            self.apply_label(&key, now);
        }
        ui.separator();
        let Some(article) = &self.article else { return };
        let Some(document) = self.project.document(article.doc) else {
            return;
        };
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        if !document.note.is_empty() {
            // The reviewer's note when a document is sent back, and any other note on it.
            ui.strong(format!("Note ({})", document.status.name()));
            bidi_label_ui(ui, text_engine, &document.note, 14.0);
            ui.separator();
        }
        ui.heading("Spans");
        let mut select = None;
        let mut delete = false;
        egui::ScrollArea::vertical()
            .id_salt("spans")
            .show(ui, |ui| {
                for label in &self.project.schema.labels {
                    let spans: Vec<_> = document
                        .spans
                        .iter()
                        .filter(|s| s.label == label.key)
                        .collect();
                    if spans.is_empty() {
                        continue;
                    }
                    let heading =
                        format!("{} ({})", label.names.get(self.label_language), spans.len());
                    bidi_label_ui(ui, text_engine, &heading, 15.0);
                    for span in spans {
                        let selected = self.selected_span == Some(span.id);
                        let response = egui::Frame::new()
                            .inner_margin(egui::Margin::symmetric(6, 2))
                            .fill(if selected {
                                ui.visuals().selection.bg_fill.gamma_multiply(0.5)
                            } else {
                                egui::Color32::TRANSPARENT
                            })
                            .show(ui, |ui| {
                                ui.set_width(ui.available_width());
                                bidi_label_ui(ui, text_engine, &span.quote, 15.0);
                                if span.review.state == crate::model::ReviewState::Rejected {
                                    let warn = ui.visuals().warn_fg_color;
                                    let why = format!(
                                        "rejected by {}: {}",
                                        span.review.reviewer, span.review.comment
                                    );
                                    bidi_label_colored_ui(ui, text_engine, &why, 13.0, Some(warn));
                                }
                                if let Some(from) = span.attributes.get(ORPHANED_ATTRIBUTE) {
                                    let warn = ui.visuals().warn_fg_color;
                                    ui.colored_label(
                                        warn,
                                        format!("orphaned (was at {from}): tag its text again"),
                                    );
                                }
                                if selected && ui.small_button("Delete").clicked() {
                                    delete = true;
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
            self.select_span(span);
            self.selection = TextSelection::default();
        }
        if delete {
            self.requested.push(Command::DeleteSpan);
        }
        ui.separator();
        self.note_ui(ui);
        ui.separator();
        self.suggestions_ui(ui);
        ui.separator();
        self.entity_link_ui(ui);
        ui.separator();
        self.entities_ui(ui);
    }

    /// The selected span's entity: shown, searched for, linked, or made new.
    fn entity_link_ui(&mut self, ui: &mut egui::Ui) {
        let now = ui.input(|i| i.time);
        let Some(article) = &self.article else { return };
        let Some(span) = self
            .selected_span
            .and_then(|s| self.project.document(article.doc)?.span(s))
            .cloned()
        else {
            ui.weak("Select a span to link it to an entity.");
            return;
        };
        let linkable = self
            .project
            .schema
            .label(&span.label)
            .is_some_and(|l| l.linkable);
        if !linkable {
            ui.weak(format!("{} spans are not linked to entities.", span.label));
            return;
        }
        ui.strong("Entity");
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        if let Some(entity) = span.entity.and_then(|e| self.project.entity(e)) {
            bidi_label_ui(ui, text_engine, &entity.name, 15.0);
            if ui.small_button("Unlink").clicked() {
                self.link_selected_span(None, now);
            }
            return;
        }
        let width = ui.available_width();
        let search = bidi_text_edit_ui(
            ui,
            text_engine,
            &mut self.entity_search,
            ENTITY_SEARCH_HINT,
            width,
        );
        self.typing_now |= search.has_focus();
        let typed = self.entity_search.text();
        let query = MatchKey::new(if typed.trim().is_empty() {
            &span.quote
        } else {
            &typed
        })
        .as_str()
        .trim()
        .to_string();
        let matches: Vec<(EntityId, String)> = self.find_entities(&span.label, &query, 8);
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let mut link = None;
        for (id, name) in &matches {
            let response =
                bidi_label_ui(ui, text_engine, name, 15.0).on_hover_text("Link to this entity");
            if response.clicked() {
                link = Some(*id);
            }
        }
        if let Some(id) = link {
            self.link_selected_span(Some(id), now);
            self.entity_search.set_text("");
        }
        if ui.button(NEW_ENTITY_BUTTON).clicked() {
            self.new_entity_from_selected_span(now);
        }
    }

    /// The selected span's note: saved when the field loses the keyboard or on Enter.
    fn note_ui(&mut self, ui: &mut egui::Ui) {
        self.sync_note_editor();
        if self.selected_span.is_none() {
            return;
        }
        ui.label("Note");
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let width = ui.available_width();
        let field = bidi_text_edit_ui(ui, text_engine, &mut self.note_editor, NOTE_HINT, width);
        self.typing_now |= field.has_focus();
        let enter = field.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let now = ui.input(|i| i.time);
        if field.lost_focus() || enter {
            self.save_note(now);
        }
        self.attributes_ui(ui, now);
    }

    /// The selected span's attributes: listed, removed, added.
    fn attributes_ui(&mut self, ui: &mut egui::Ui, now: f64) {
        let Some(span) = self
            .article
            .as_ref()
            .zip(self.selected_span)
            .and_then(|(a, s)| self.project.document(a.doc)?.span(s))
            .cloned()
        else {
            return;
        };
        ui.label("Attributes");
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let mut remove = None;
        for (key, value) in &span.attributes {
            ui.horizontal(|ui| {
                if ui
                    .small_button("Remove")
                    .on_hover_text(format!("Remove {key}"))
                    .clicked()
                {
                    remove = Some(key.clone());
                }
                bidi_label_ui(ui, text_engine, &format!("{key}: {value}"), 14.0);
            });
        }
        // Two fields and the Add button, with room to spare: a row wider than the panel would
        // widen the panel, frame after frame.
        let half = ((ui.available_width() - 80.0) / 2.0).max(40.0);
        let mut add = false;
        ui.horizontal(|ui| {
            let key = bidi_text_edit_ui(
                ui,
                text_engine,
                &mut self.attribute_key,
                ATTRIBUTE_KEY_HINT,
                half,
            );
            let value = bidi_text_edit_ui(
                ui,
                text_engine,
                &mut self.attribute_value,
                ATTRIBUTE_VALUE_HINT,
                half,
            );
            self.typing_now |= key.has_focus() || value.has_focus();
            add = ui.small_button(ADD_ATTRIBUTE).clicked();
        });
        if let Some(key) = remove {
            self.set_attribute(&key, None, now);
        }
        if add {
            let (key, value) = (self.attribute_key.text(), self.attribute_value.text());
            self.set_attribute(&key, Some(value), now);
            self.attribute_key.set_text("");
            self.attribute_value.set_text("");
        }
    }

    /// "Tag all occurrences" and the suggestions it made.
    fn suggestions_ui(&mut self, ui: &mut egui::Ui) {
        let now = ui.input(|i| i.time);
        if self.selected_span.is_some() {
            ui.horizontal_wrapped(|ui| {
                ui.label("Tag all occurrences:");
                if ui.button(TAG_ALL_IN_DOCUMENT).clicked() {
                    self.suggest_occurrences(false);
                }
                if ui.button(TAG_ALL_IN_CORPUS).clicked() {
                    self.suggest_occurrences(true);
                }
            });
        }
        if self.suggestions.is_empty() {
            return;
        }
        ui.strong(format!("{} suggestions", self.suggestions.len()));
        ui.horizontal(|ui| {
            if ui.button(ACCEPT_ALL).clicked() {
                self.accept_suggestions(None, now);
            }
            if ui.button("Reject all").clicked() {
                self.suggestions.clear();
            }
        });
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let mut accept = None;
        let mut reject = None;
        egui::ScrollArea::vertical()
            .id_salt("suggestions")
            .max_height(200.0)
            .show(ui, |ui| {
                for (i, suggestion) in self.suggestions.iter().enumerate() {
                    let path = self
                        .project
                        .document(suggestion.doc)
                        .map_or("", |d| d.path.as_str());
                    ui.horizontal(|ui| {
                        if ui.small_button("Accept").clicked() {
                            accept = Some(i);
                        }
                        if ui.small_button("Reject").clicked() {
                            reject = Some(i);
                        }
                        ui.weak(format!(
                            "{path} {}..{}",
                            suggestion.chars.start, suggestion.chars.end
                        ));
                    });
                    bidi_label_ui(ui, text_engine, &suggestion.quote, 14.0);
                }
            });
        if let Some(i) = accept {
            self.accept_suggestions(Some(&[i]), now);
        } else if let Some(i) = reject {
            self.reject_suggestion(i);
        }
    }

    /// Every entity of the project with its mentions across documents.
    fn entities_ui(&mut self, ui: &mut egui::Ui) {
        let mut go_to = None;
        egui::CollapsingHeader::new(format!("Entities ({})", self.project.entities.len()))
            .id_salt("entities")
            .show(ui, |ui| {
                let text_engine = self
                    .text_engine
                    .get_or_insert_with(|| TextEngine::new(ui.ctx()));
                for entity in &self.project.entities {
                    bidi_label_ui(ui, text_engine, &entity.name, 15.0);
                    if !entity.aliases.is_empty() {
                        let aliases = entity.aliases.join("، ");
                        bidi_label_colored_ui(
                            ui,
                            text_engine,
                            &aliases,
                            13.0,
                            Some(ui.visuals().weak_text_color()),
                        );
                    }
                    ui.horizontal_wrapped(|ui| {
                        ui.weak(entity.kind.as_str());
                        for (document, span) in self.project.mentions_of(entity.id) {
                            let name = document.path.rsplit('/').next().unwrap_or(&document.path);
                            if ui.small_button(name).on_hover_text(&span.quote).clicked() {
                                go_to = Some((document.id, span.id));
                            }
                        }
                    });
                }
            });
        if let Some((doc, span)) = go_to {
            self.go_to_span(doc, span);
        }
    }

    /// The import report of a folder just opened, until the user closes it.
    pub(super) fn import_report_ui(&mut self, ctx: &egui::Context) {
        let Some(report) = &self.report_to_show else {
            return;
        };
        let mut open = true;
        egui::Window::new("Import report")
            .open(&mut open)
            .default_width(560.0)
            .show(ctx, |ui| {
                ui.label("Files that were skipped, re-decoded, changed or missing:");
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .show(ui, |ui| {
                        ui.monospace(report.as_str());
                    });
            });
        if !open {
            self.report_to_show = None;
        }
    }

    pub(super) fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if let Some(opening) = &self.open_job {
                ui.label(format!("Opening {}", opening.path.display()));
                opening.job.progress_ui(ui);
                ui.separator();
            }
            if let Some(search) = &self.suggest_job {
                ui.label("Finding occurrences");
                search.job.progress_ui(ui);
                ui.separator();
            }
            if let Some(article) = &self.article {
                let documents = &self.project.documents;
                let position = documents
                    .iter()
                    .position(|d| d.id == article.doc)
                    .map_or(0, |i| i + 1);
                let status = self
                    .project
                    .document(article.doc)
                    .map_or("", |d| d.status.name());
                ui.label(format!(
                    "Document {position} of {} · {status}",
                    documents.len()
                ));
                ui.separator();
            }
            let counts: Vec<String> = crate::edit::review::status_counts(&self.project)
                .iter()
                .map(|(status, count)| format!("{count} {}", status.name()))
                .collect();
            ui.label(counts.join(" · "))
                .on_hover_text("Documents by status (filter the list by status above it)");
            ui.separator();
            if let Some(error) = &self.save_status.error {
                ui.colored_label(ui.visuals().error_fg_color, format!("Not saved: {error}"));
            } else if self.history.is_dirty() {
                ui.label("Unsaved changes");
            } else if let Some(saved) = self.save_status.last_saved {
                let time = humantime::format_rfc3339_seconds(saved).to_string();
                ui.label(format!("Saved {}", &time[11..19]));
            } else {
                ui.label("Saved");
            }
            if let Some(range) = self.selection_in_chars().filter(|r| !r.is_empty()) {
                ui.separator();
                ui.label(format!(
                    "Selected characters {}..{}",
                    range.start, range.end
                ));
            }
            if let Some(message) = &self.message {
                ui.separator();
                ui.colored_label(ui.visuals().warn_fg_color, message);
            }
        });
    }
}
