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
use super::ui_command::{UiCommand, info, label_with_shortcut};
use crate::app::{AppCommand, DocumentScope, Page, describe};
use crate::corpus::reanchor::ORPHANED_ATTRIBUTE;
use crate::layout::{Direction, TextEditor, TextStyle};
use crate::model::{
    DiskState, DocId, DocStatus, Entity, EntityId, LabelLanguage, SpanId, SpanRef, parse_hex_color,
};

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
/// Placeholder (and accessible name) of the annotator's name in the toolbar.
pub const ANNOTATOR_HINT: &str = "Your name";
pub const TEAM_MENU: &str = "Team";
pub const AGREEMENT_ITEM: &str = "Agreement…";
pub const SYNC_ITEM: &str = "Sync with the team";
pub const ASSIGN_ITEM: &str = "Assign documents…";
pub const MY_QUEUE: &str = "My queue";
pub const ONLY_MY_SPANS: &str = "Only my spans";
pub const PROJECT_MENU: &str = "Project";
/// Search, the records table and the charts: the whole corpus at once.
pub const CORPUS_MENU: &str = "Corpus";
pub const PRE_ANNOTATE_DOCUMENT: &str = "Suggest from gazetteers: this document";
pub const PRE_ANNOTATE_LISTED: &str = "Suggest from gazetteers: the documents listed";
pub const PRE_ANNOTATE_CORPUS: &str = "Suggest from gazetteers: every document";
pub const CURATION_ITEM: &str = "Curate double annotation";
/// The button that moves the spans of an article changed on disk.
pub const REANCHOR_BUTTON: &str = "Re-anchor the spans";
/// Placeholder (and accessible name) of the span note field.
pub const NOTE_HINT: &str = "Note on this span";
/// Buttons of "tag all occurrences".
pub const TAG_ALL_IN_DOCUMENT: &str = "in this document";
pub const TAG_ALL_IN_CORPUS: &str = "in all documents";
pub const ACCEPT_ALL: &str = "Accept all";
/// Placeholder (and accessible name) of the entity search.
/// The accessible name of the entity's subtype picker, and the placeholder of its external id.
pub const SUBTYPE_LABEL: &str = "Subtype";
pub const EXTERNAL_ID_HINT: &str = "Wikidata QID or ISO 3166 code";
pub const ENTITY_SEARCH_HINT: &str = "Find an entity";
/// The button that makes a new entity from the selected span.
pub const NEW_ENTITY_BUTTON: &str = "New entity from this span";

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
        let text = info(command).text;
        let tooltip = format!(
            "{} — {}",
            label_with_shortcut(command, ui.ctx()),
            info(command).tooltip
        );
        if ui.button(text).on_hover_text(tooltip).clicked()
            && let Some(command) = self.command_for(command)
        {
            self.push(command);
        }
    }

    pub(super) fn toolbar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| {
            ui.menu_button(PROJECT_MENU, |ui| {
                if ui.button("Open folder of articles…").clicked() {
                    if let Some(folder) = rfd::FileDialog::new().pick_folder() {
                        self.push(AppCommand::Open(folder));
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
                        self.push(AppCommand::ImportFolder { folder, project });
                    }
                    ui.close();
                }
                if ui
                    .button("Import a brat collection…")
                    .on_hover_text("A folder of .txt files with .ann files beside them")
                    .clicked()
                {
                    if let Some(folder) = rfd::FileDialog::new().pick_folder() {
                        self.push(AppCommand::Open(folder));
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
                        self.push(AppCommand::Open(file));
                    }
                    ui.close();
                }
                if ui
                    .button("Open project folder…")
                    .on_hover_text("A NAME.daftar folder, as a team shares it through git")
                    .clicked()
                {
                    if let Some(folder) = rfd::FileDialog::new().pick_folder() {
                        self.push(AppCommand::Open(folder));
                    }
                    ui.close();
                }
                if ui.button("Open project…").clicked() {
                    if let Some(file) = rfd::FileDialog::new()
                        .add_filter("Daftar project", &["ron"])
                        .pick_file()
                    {
                        self.push(AppCommand::Open(file));
                    }
                    ui.close();
                }
                ui.separator();
                if ui
                    .button(PRE_ANNOTATE_DOCUMENT)
                    .on_hover_text(
                        "Countries, capitals, organizations, titles and the project's entities, in \
                         any spelling: pending spans for you to accept or reject",
                    )
                    .clicked()
                {
                    self.push(AppCommand::PreAnnotate(DocumentScope::Shown));
                    ui.close();
                }
                if ui
                    .button(PRE_ANNOTATE_LISTED)
                    .on_hover_text("The documents the list shows: narrow it with its filters first")
                    .clicked()
                {
                    self.push(AppCommand::PreAnnotate(DocumentScope::Listed));
                    ui.close();
                }
                if ui.button(PRE_ANNOTATE_CORPUS).clicked() {
                    self.push(AppCommand::PreAnnotate(DocumentScope::Every));
                    ui.close();
                }
                ui.separator();
                ui.weak("Recent projects");
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
                    if ui
                        .scope(|ui| bidi_label_ui(ui, text_engine, &name, 14.0))
                        .inner
                        .on_hover_text("Open this project")
                        .clicked()
                    {
                        chosen = Some(path);
                    }
                }
                if let Some(path) = chosen {
                    self.push(AppCommand::Open(path));
                    ui.close();
                }
            });
            ui.menu_button(CORPUS_MENU, |ui| {
                for command in [
                    UiCommand::SearchCorpus,
                    UiCommand::Records,
                    UiCommand::Charts,
                ] {
                    let text = label_with_shortcut(command, ui.ctx());
                    if ui
                        .button(text)
                        .on_hover_text(info(command).tooltip)
                        .clicked()
                    {
                        if let Some(command) = self.command_for(command) {
                            self.push(command);
                        }
                        ui.close();
                    }
                }
            });
            ui.menu_button(TEAM_MENU, |ui| {
                if ui
                    .button(ASSIGN_ITEM)
                    .on_hover_text("Give the documents listed to annotators")
                    .clicked()
                {
                    self.assign.open = true;
                    ui.close();
                }
                if ui
                    .button(SYNC_ITEM)
                    .on_hover_text(
                        "Save, commit your work, merge the team's and push (a project folder in a \
                         git repository)",
                    )
                    .clicked()
                {
                    self.push(AppCommand::Sync);
                    ui.close();
                }
                if ui
                    .button(AGREEMENT_ITEM)
                    .on_hover_text(
                        "How far the annotators agree, where two or more annotated a document",
                    )
                    .clicked()
                {
                    self.push(AppCommand::ShowAgreement);
                    ui.close();
                }
                if ui
                    .button(CURATION_ITEM)
                    .on_hover_text(
                        "Take from two or more people's annotations of the shown document",
                    )
                    .clicked()
                {
                    self.push(AppCommand::ShowPage(crate::app::Page::Curation));
                    ui.close();
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
            ui.label("Annotator:");
            let text_engine = self
                .text_engine
                .get_or_insert_with(|| TextEngine::new(ui.ctx()));
            let field = bidi_text_edit_ui(
                ui,
                text_engine,
                &mut self.annotator_field,
                ANNOTATOR_HINT,
                110.0,
            );
            if field.changed() {
                self.push(AppCommand::SetAnnotator(self.annotator_field.text()));
            }
            ui.separator();
            let dark = ui.visuals().dark_mode;
            if ui.selectable_label(!dark, "Light").clicked() {
                ui.ctx().set_theme(egui::Theme::Light);
            }
            if ui.selectable_label(dark, "Dark").clicked() {
                ui.ctx().set_theme(egui::Theme::Dark);
            }
            ui.separator();
            self.command_button(ui, UiCommand::ZoomOut);
            let view = self.session.view().clone();
            ui.label(format!("{:.0}", view.font_size));
            self.command_button(ui, UiCommand::ZoomIn);
            egui::ComboBox::from_label("Label names")
                .selected_text(language_name(view.label_language))
                .show_ui(ui, |ui| {
                    for language in [
                        LabelLanguage::English,
                        LabelLanguage::Persian,
                        LabelLanguage::Arabic,
                    ] {
                        let chosen = view.label_language == language;
                        if ui
                            .selectable_label(chosen, language_name(language))
                            .clicked()
                        {
                            self.push(AppCommand::SetLabelLanguage(language));
                        }
                    }
                });
            let mut snap = view.snap_to_words;
            if ui
                .checkbox(&mut snap, "Snap to words")
                .on_hover_text("Widen a selection to whole words before tagging it")
                .changed()
            {
                self.push(AppCommand::SetSnapToWords(snap));
            }
            let mut only_mine = view.only_my_spans;
            if ui
                .checkbox(&mut only_mine, ONLY_MY_SPANS)
                .on_hover_text(
                    "Hide the spans other annotators made on this article (blind double \
                     annotation); the Curation page still shows everyone's",
                )
                .changed()
            {
                self.push(AppCommand::SetOnlyMySpans(only_mine));
            }
            ui.separator();
            ui.label("Direction:");
            for (choice, name) in [
                (None, "detect"),
                (Some(Direction::Rtl), "right to left"),
                (Some(Direction::Ltr), "left to right"),
            ] {
                if ui
                    .selectable_label(view.direction == choice, name)
                    .clicked()
                {
                    self.push(AppCommand::SetDirection(choice));
                }
            }
        });
    }

    pub(super) fn documents_panel_ui(&mut self, ui: &mut egui::Ui) {
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        // The project's name may be Persian or Arabic.
        bidi_label_ui(ui, text_engine, &self.session.project().name, 18.0);
        let width = ui.available_width();
        let filter = bidi_text_edit_ui(ui, text_engine, &mut self.filter, FILTER_HINT, width);
        if std::mem::take(&mut self.focus_filter) {
            filter.request_focus();
        }
        if filter.changed() {
            self.push(AppCommand::SetDocumentFilter(self.filter.text()));
        }
        let status = self.session.documents().status();
        let status_name = status.map_or("all statuses", |s| s.name());
        egui::ComboBox::from_label("Status")
            .selected_text(status_name)
            .show_ui(ui, |ui| {
                for choice in std::iter::once(None).chain(DocStatus::ALL.map(Some)) {
                    let name = choice.map_or("all statuses", |s| s.name());
                    if ui.selectable_label(status == choice, name).clicked() {
                        self.push(AppCommand::SetStatusFilter(choice));
                    }
                }
            });
        let mut mine = self.session.documents().assigned_to().is_some();
        if ui
            .checkbox(&mut mine, MY_QUEUE)
            .on_hover_text("Only the documents given to you (your name in the toolbar)")
            .changed()
        {
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
                let disk = match &document.disk {
                    DiskState::Unchanged => "",
                    DiskState::Changed { .. } => " · changed on disk",
                    DiskState::Missing => " · missing",
                    DiskState::Unreadable { .. } => " · unreadable",
                };
                // Who it is given to. The names may be Persian or Arabic: joined by a word of
                // the interface, so that two of them keep their order in this line (isolates
                // alone did not hold them in the engine).
                let given = if document.assigned.is_empty() {
                    String::new()
                } else {
                    // LRM: the path's digits that follow do not join the last name's run.
                    format!(" · for {}\u{200E}", document.assigned.join(" and "))
                };
                // What a narrow list must show first: the state, then the file's path.
                let detail = format!(
                    "{} · {} spans{given}{disk} · {}",
                    document.status.name(),
                    document.spans.len(),
                    document.path,
                );
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
        let Some(article) = session.article() else {
            ui.label("No document in this project.");
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
                apply = ui.button(REANCHOR_BUTTON).clicked();
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
        ui.heading("Labels");
        ui.weak("Select text, then press a label's key or click it.");
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
                for label in &session.project().schema.labels {
                    let spans: Vec<_> = document
                        .spans
                        .iter()
                        .filter(|s| s.label == label.key && session.shows_span(s))
                        .collect();
                    if spans.is_empty() {
                        continue;
                    }
                    let heading = format!("{} ({})", label.names.get(language), spans.len());
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
                                if selected {
                                    ui.weak(EDGE_KEYS_SHORT).on_hover_text(EDGE_KEYS_HELP);
                                    if ui.small_button("Delete").clicked() {
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
        let Some(span) = session
            .cursor()
            .span
            .zip(session.doc())
            .and_then(|(s, d)| session.project().document(d)?.span(s))
            .cloned()
        else {
            ui.weak("Select a span to link it to an entity.");
            return;
        };
        let linkable = session
            .project()
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
        if let Some(entity) = span.entity.and_then(|e| session.project().entity(e)) {
            let entity = entity.clone();
            bidi_label_ui(ui, text_engine, &entity.name, 15.0).on_hover_text(entity.id.to_string());
            if ui.small_button("Unlink").clicked() {
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
            ENTITY_SEARCH_HINT,
            width,
        );
        let typed = self.spans_panel.entity_search.text();
        let query = if typed.trim().is_empty() {
            span.quote.as_str()
        } else {
            typed.as_str()
        };
        let matches = session.find_entities(&span.label, query, 8);
        let mut link = None;
        for (id, name) in &matches {
            let response =
                bidi_label_ui(ui, text_engine, name, 15.0).on_hover_text("Link to this entity");
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
        if ui.button(NEW_ENTITY_BUTTON).clicked() {
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
        if !subtypes.is_empty() {
            ui.horizontal(|ui| {
                ui.label(SUBTYPE_LABEL);
                let current = entity.subtype.as_deref().map_or("—".to_string(), |key| {
                    describe::choice_name(&subtypes, key, language)
                });
                let mut options: Vec<PickerOption<Option<String>>> = vec![PickerOption {
                    value: None,
                    shown: "—".into(),
                    also: vec!["none".into()],
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
                    SUBTYPE_LABEL,
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
        ui.label("External id");
        let width = ui.available_width();
        let field = bidi_text_edit_ui(
            ui,
            text_engine,
            &mut self.spans_panel.external_id,
            EXTERNAL_ID_HINT,
            width,
        )
        .on_hover_text("A Wikidata QID (Q794) or an ISO 3166 code (IR); Enter stores it");
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
        ui.label("Note");
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let width = ui.available_width();
        let field = bidi_text_edit_ui(
            ui,
            text_engine,
            &mut self.spans_panel.note,
            NOTE_HINT,
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
        let panel = &mut self.spans_panel;
        let mut add = false;
        ui.horizontal(|ui| {
            let key = bidi_text_edit_ui(
                ui,
                text_engine,
                &mut panel.attribute_key,
                ATTRIBUTE_KEY_HINT,
                half,
            );
            let value = bidi_text_edit_ui(
                ui,
                text_engine,
                &mut panel.attribute_value,
                ATTRIBUTE_VALUE_HINT,
                half,
            );
            // Enter in either field adds the attribute, as the button does.
            let enter = (key.has_focus() || value.has_focus())
                && ui.input(|i| i.key_pressed(egui::Key::Enter));
            add = ui.small_button(ADD_ATTRIBUTE).clicked() || enter;
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
        if self.session.cursor().span.is_some() {
            ui.horizontal_wrapped(|ui| {
                ui.label("Tag all occurrences:");
                if ui.button(TAG_ALL_IN_DOCUMENT).clicked() {
                    self.push(AppCommand::FindOccurrences {
                        whole_corpus: false,
                    });
                }
                if ui.button(TAG_ALL_IN_CORPUS).clicked() {
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
        ui.strong(format!("{} suggestions", suggestions.len()));
        ui.horizontal(|ui| {
            if ui.button(ACCEPT_ALL).clicked() {
                commands.push(AppCommand::AcceptSuggestions(None));
            }
            if ui.button("Reject all").clicked() {
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
                    ui.horizontal(|ui| {
                        if ui.small_button("Accept").clicked() {
                            commands.push(AppCommand::AcceptSuggestions(Some(vec![i])));
                        }
                        if ui.small_button("Reject").clicked() {
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
        egui::CollapsingHeader::new(format!("Entities ({})", project.entities.len()))
            .id_salt("entities")
            .show(ui, |ui| {
                for entity in &project.entities {
                    bidi_label_ui(ui, text_engine, &entity.name, 15.0);
                    if !entity.aliases.is_empty() {
                        let aliases = entity.aliases.join("، ");
                        let weak = Some(ui.visuals().weak_text_color());
                        bidi_label_colored_ui(ui, text_engine, &aliases, 13.0, weak);
                    }
                    ui.horizontal_wrapped(|ui| {
                        ui.weak(entity.kind.as_str());
                        for (document, span) in project.mentions_of(entity.id) {
                            let name = document.path.rsplit('/').next().unwrap_or(&document.path);
                            // File names may be Persian or Arabic: through our text engine.
                            let response = ui
                                .scope(|ui| bidi_label_ui(ui, text_engine, name, 13.0))
                                .inner
                                .on_hover_text("Show this mention");
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
        let Some(report) = &self.report_to_show else {
            return;
        };
        let text_engine = self.text_engine.get_or_insert_with(|| TextEngine::new(ctx));
        let mut open = true;
        egui::Window::new("Import report")
            .open(&mut open)
            .default_width(560.0)
            .show(ctx, |ui| {
                ui.label("Files that were skipped, re-decoded, changed or missing:");
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .show(ui, |ui| {
                        // One line a file: file names may be Persian or Arabic.
                        for line in report.lines() {
                            bidi_label_ui(ui, text_engine, line, 13.0);
                        }
                    });
            });
        if !open {
            self.report_to_show = None;
        }
    }

    pub(super) fn status_ui(&mut self, ui: &mut egui::Ui) {
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let session = &self.session;
        ui.horizontal(|ui| {
            if let Some(opening) = &self.open_job {
                let what = format!("Opening {}", opening.path.display());
                bidi_label_ui(ui, text_engine, &what, 14.0);
                opening.job.progress_ui(ui);
                ui.separator();
            }
            if let Some(search) = &self.suggest_job {
                ui.label("Finding occurrences");
                search.job.progress_ui(ui);
                ui.separator();
            }
            if let Some(job) = &self.pre_annotate_job {
                ui.label("Suggesting from the gazetteers");
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
                    .map_or("", |d| d.status.name());
                ui.label(format!(
                    "Document {position} of {} · {status}",
                    documents.len()
                ));
                ui.separator();
            }
            let counts: Vec<String> = crate::edit::review::status_counts(session.project())
                .iter()
                .map(|(status, count)| format!("{count} {}", status.name()))
                .collect();
            ui.label(counts.join(" · "))
                .on_hover_text("Documents by status (filter the list by status above it)");
            ui.separator();
            let save = session.save_status();
            if let Some(error) = &save.error {
                let error = format!("Not saved: {error}");
                let color = Some(ui.visuals().error_fg_color);
                bidi_label_colored_ui(ui, text_engine, &error, 14.0, color);
            } else if session.history().is_dirty() {
                ui.label("Unsaved changes");
            } else if let Some(saved) = save.last_saved {
                let time = humantime::format_rfc3339_seconds(saved).to_string();
                ui.label(format!("Saved {}", &time[11..19]));
            } else {
                ui.label("Saved");
            }
            if let Some(range) = session.selection_in_chars().filter(|r| !r.is_empty()) {
                ui.separator();
                ui.label(format!(
                    "Selected characters {}..{}",
                    range.start, range.end
                ));
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
        ui.horizontal_wrapped(|ui| {
            let tabs = [
                (Page::Spans, "Spans".to_string()),
                (
                    Page::Meetings,
                    label_with_shortcut(UiCommand::ShowMeetings, ui.ctx()),
                ),
                (
                    Page::Review,
                    label_with_shortcut(UiCommand::ShowReview, ui.ctx()),
                ),
                (Page::Curation, "Curation".to_string()),
                (Page::Suggestions, "Suggestions".to_string()),
            ];
            for (tab, name) in tabs {
                if ui.selectable_label(page == tab, name).clicked() {
                    self.push(AppCommand::ShowPage(tab));
                }
            }
        });
        ui.separator();
    }
}
