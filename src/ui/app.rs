//! The main window: documents on one side, the article in the middle.

use eframe::egui;

use super::article_view::{ArticleView, Highlight, TextSelection};
use super::bidi_label::bidi_label_ui;
use super::text_engine::TextEngine;
use super::text_input::bidi_text_edit_ui;
use crate::corpus::read_document;
use crate::layout::TextStyle;
use crate::layout::{Direction, TextEditor};
use crate::model::{DiskState, DocId, parse_hex_color};
use crate::open::OpenedProject;
use crate::text::MatchKey;
use crate::text::OffsetIndex;

/// Placeholder (and accessible name) of the document filter.
pub const FILTER_HINT: &str = "Filter documents";
const MIN_FONT_SIZE: f32 = 10.0;
const MAX_FONT_SIZE: f32 = 48.0;

/// The article being shown.
pub struct LoadedArticle {
    pub doc: DocId,
    /// The decoded text, or why it could not be read.
    pub text: Result<String, String>,
    pub offsets: OffsetIndex,
    pub highlights: Vec<Highlight>,
}

/// An article's base direction from most of its letters (right to left when it has none).
pub fn detected_direction(text: &str) -> Direction {
    match crate::text::script::mostly_rtl(text) {
        Some(false) => Direction::Ltr,
        _ => Direction::Rtl,
    }
}

pub struct DaftarApp {
    pub opened: OpenedProject,
    /// Made on the first frame (its glyph atlas needs the egui context).
    text_engine: Option<TextEngine>,
    pub article: Option<LoadedArticle>,
    pub selection: TextSelection,
    pub selected_highlight: Option<u64>,
    pub font_size: f32,
    /// The article's base direction; `None` detects it from the text's letters.
    pub direction_override: Option<Direction>,
    /// Filters the document list by title or file name (through the match key).
    pub filter: TextEditor,
}

impl DaftarApp {
    pub fn new(opened: OpenedProject) -> Self {
        let mut app = DaftarApp {
            opened,
            text_engine: None,
            article: None,
            selection: TextSelection::default(),
            selected_highlight: None,
            font_size: crate::cli::ARTICLE_FONT_SIZE,
            direction_override: None,
            filter: TextEditor::new("", 15.0),
        };
        if let Some(first) = app.opened.project.documents.first() {
            app.open_document(first.id);
        }
        app
    }

    /// Shows a document: reads its article (an unreadable one shows its error instead).
    pub fn open_document(&mut self, doc: DocId) {
        let Some(document) = self.opened.project.document(doc) else {
            return;
        };
        let text = read_document(&self.opened.corpus_root, document)
            .map(|decoded| decoded.text)
            .map_err(|reason| format!("This article cannot be shown: {reason}."));
        let offsets = OffsetIndex::new(text.as_deref().unwrap_or(""));
        let schema = &self.opened.project.schema;
        let highlights = document
            .spans
            .iter()
            .filter_map(|span| {
                let range = offsets.byte_of_char(span.start)?..offsets.byte_of_char(span.end)?;
                let label = schema.label(&span.label);
                let [r, g, b] = label
                    .and_then(|l| parse_hex_color(&l.color))
                    .unwrap_or([128, 128, 128]);
                let name = label.map_or(span.label.as_str(), |l| l.names.en.as_str());
                Some(Highlight {
                    range,
                    color: egui::Color32::from_rgb(r, g, b),
                    label: format!("{} — {name}", span.label),
                    id: span.id.0,
                })
            })
            .collect();
        self.article = Some(LoadedArticle {
            doc,
            text,
            offsets,
            highlights,
        });
        self.selection = TextSelection::default();
        self.selected_highlight = None;
    }

    /// The selection in code points (the model's unit).
    pub fn selection_in_chars(&self) -> Option<std::ops::Range<usize>> {
        let article = self.article.as_ref()?;
        let range = self.selection.range();
        Some(article.offsets.char_of_byte(range.start)?..article.offsets.char_of_byte(range.end)?)
    }

    fn document_list_ui(&mut self, ui: &mut egui::Ui) {
        let text_engine = self
            .text_engine
            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
        let mut open = None;
        let current = self.article.as_ref().map(|a| a.doc);
        let width = ui.available_width();
        bidi_text_edit_ui(ui, text_engine, &mut self.filter, FILTER_HINT, width);
        let query = MatchKey::new(&self.filter.text())
            .as_str()
            .trim()
            .to_string();
        ui.add_space(4.0);
        egui::ScrollArea::vertical().show(ui, |ui| {
            let shown = self.opened.project.documents.iter().filter(|d| {
                query.is_empty()
                    || MatchKey::new(d.display_name()).as_str().contains(&query)
                    || d.path.to_lowercase().contains(&query)
            });
            for document in shown {
                let selected = current == Some(document.id);
                let frame = egui::Frame::new()
                    .inner_margin(egui::Margin::symmetric(6, 4))
                    .fill(if selected {
                        ui.visuals().selection.bg_fill.gamma_multiply(0.5)
                    } else {
                        egui::Color32::TRANSPARENT
                    });
                let response = frame
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        bidi_label_ui(ui, text_engine, document.display_name(), 15.0);
                        let disk = match &document.disk {
                            DiskState::Unchanged => "",
                            DiskState::Changed { .. } => " · changed on disk",
                            DiskState::Missing => " · missing",
                            DiskState::Unreadable { .. } => " · unreadable",
                        };
                        ui.weak(format!(
                            "{} · {} · {} spans{disk}",
                            document.path,
                            document.status.name(),
                            document.spans.len()
                        ));
                    })
                    .response
                    .interact(egui::Sense::click());
                if response.clicked() {
                    open = Some(document.id);
                }
            }
        });
        if let Some(doc) = open {
            self.open_document(doc);
        }
    }

    fn article_ui(&mut self, ui: &mut egui::Ui) {
        let Some(article) = &self.article else {
            ui.label("No document in this project.");
            return;
        };
        match &article.text {
            Err(message) => {
                ui.colored_label(ui.visuals().error_fg_color, message);
            }
            Ok(text) => {
                let view = ArticleView {
                    text,
                    style: TextStyle {
                        direction: self
                            .direction_override
                            .unwrap_or_else(|| detected_direction(text)),
                        ..TextStyle::article(self.font_size)
                    },
                    highlights: &article.highlights,
                    selected_highlight: self.selected_highlight,
                };
                egui::ScrollArea::vertical()
                    .auto_shrink(false)
                    .show(ui, |ui| {
                        let text_engine = self
                            .text_engine
                            .get_or_insert_with(|| TextEngine::new(ui.ctx()));
                        let response = view.ui(ui, text_engine, &mut self.selection);
                        if response.clicked_highlight.is_some() || response.selection_changed {
                            self.selected_highlight = response.clicked_highlight;
                        }
                    });
            }
        }
    }

    fn status_ui(&self, ui: &mut egui::Ui) {
        let project = &self.opened.project;
        ui.horizontal(|ui| {
            ui.label(format!(
                "{} documents, {} spans",
                project.documents.len(),
                project.span_count()
            ));
            if let Some(range) = self.selection_in_chars().filter(|r| !r.is_empty()) {
                ui.separator();
                ui.label(format!(
                    "selected characters {}..{}",
                    range.start, range.end
                ));
            }
            ui.separator();
            ui.weak(self.opened.file.path().display().to_string());
        });
    }

    fn toolbar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let dark = ui.visuals().dark_mode;
            if ui.selectable_label(!dark, "Light").clicked() {
                ui.ctx().set_theme(egui::Theme::Light);
            }
            if ui.selectable_label(dark, "Dark").clicked() {
                ui.ctx().set_theme(egui::Theme::Dark);
            }
            ui.separator();
            if ui
                .button("A−")
                .on_hover_text("Smaller article text")
                .clicked()
            {
                self.font_size = (self.font_size - 2.0).max(MIN_FONT_SIZE);
            }
            ui.label(format!("{:.0}", self.font_size));
            if ui
                .button("A+")
                .on_hover_text("Larger article text")
                .clicked()
            {
                self.font_size = (self.font_size + 2.0).min(MAX_FONT_SIZE);
            }
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

    /// The whole window's contents (also what headless tests drive).
    pub fn window_ui(&mut self, ui: &mut egui::Ui) {
        egui::Panel::top("toolbar").show(ui, |ui| self.toolbar_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        egui::Panel::left("documents")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| {
                ui.heading(&self.opened.project.name);
                ui.separator();
                self.document_list_ui(ui);
            });
        egui::CentralPanel::default().show(ui, |ui| self.article_ui(ui));
        if let Some(text_engine) = &mut self.text_engine {
            text_engine.end_frame();
        }
    }
}

impl eframe::App for DaftarApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.window_ui(ui);
    }
}
