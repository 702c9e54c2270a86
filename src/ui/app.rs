//! The main window's state and what happens to it: opening documents, applying edits through
//! the undo history, commands from the keyboard and buttons, saving in the background.
//! The panels that draw it live in their own modules.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::SystemTime;

use eframe::egui;

use super::article_view::{Highlight, TextSelection};
use super::background::OpenJob;
use super::commands::{COMMANDS, Command, label_key};
use super::preferences::{Preferences, STORAGE_KEY};
use super::records::{PanelTab, RecordsState};
use super::suggest_job::SuggestJob;
use super::text_engine::TextEngine;
use crate::corpus::reanchor::{ReanchorPlan, plan_reanchor, reanchor_edit};
use crate::corpus::{ImportReport, fingerprint, read_document};
use crate::edit::actions::Suggestion;
use crate::edit::{Edit, History, actions};
use crate::layout::{Direction, TextEditor};
use crate::model::{
    DocId, DocStatus, Entity, EntityId, LabelLanguage, Project, SpanId, parse_hex_color,
};
use crate::open::OpenedProject;
use crate::store::BackgroundSaver;
use crate::text::OffsetIndex;

/// Placeholder (and accessible name) of the document filter.
pub const FILTER_HINT: &str = "Filter documents";
const MIN_FONT_SIZE: f32 = 10.0;
const MAX_FONT_SIZE: f32 = 48.0;
/// How long after the last change the project saves itself, in seconds.
pub const AUTOSAVE_DELAY: f64 = 2.0;

/// The article being shown.
pub struct LoadedArticle {
    pub doc: DocId,
    /// The decoded text, or why it could not be read.
    pub text: Result<String, String>,
    pub offsets: OffsetIndex,
    pub highlights: Vec<Highlight>,
    /// Detected from the text's letters.
    pub direction: Direction,
    /// Set when the article changed on disk since it was annotated: where its spans would go.
    pub reanchor: Option<ReanchorPlan>,
}

/// An article's base direction from most of its letters (right to left when it has none).
pub fn detected_direction(text: &str) -> Direction {
    match crate::text::script::mostly_rtl(text) {
        Some(false) => Direction::Ltr,
        _ => Direction::Rtl,
    }
}

/// Widens a code point range to the tokens it touches (whitespace at its ends is dropped).
pub fn snap_to_tokens(text: &str, chars: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let tokens = crate::text::tokenize(text);
    let touched: Vec<_> = tokens
        .iter()
        .filter(|t| t.range.start < chars.end && chars.start < t.range.end)
        .collect();
    match (touched.first(), touched.last()) {
        (Some(first), Some(last)) => first.range.start..last.range.end,
        _ => chars,
    }
}

fn modifier_count(m: egui::Modifiers) -> usize {
    [m.alt, m.ctrl || m.command || m.mac_cmd, m.shift]
        .iter()
        .filter(|&&b| b)
        .count()
}

/// Where saving stands, for the status bar.
#[derive(Default)]
pub struct SaveStatus {
    pub last_saved: Option<SystemTime>,
    pub error: Option<String>,
}

pub struct DaftarApp {
    pub project: Project,
    pub corpus_root: PathBuf,
    saver: BackgroundSaver,
    pub history: History,
    pub import_report: Option<ImportReport>,
    /// What an import of another tool's annotations did (shown once, like the import report).
    pub annotation_report: Option<String>,
    pub save_status: SaveStatus,
    /// egui time of the last change not yet saved.
    last_edit_time: Option<f64>,
    /// Made on the first frame (its glyph atlas needs the egui context).
    pub(super) text_engine: Option<TextEngine>,
    pub article: Option<LoadedArticle>,
    pub selection: TextSelection,
    pub selected_span: Option<SpanId>,
    pub font_size: f32,
    /// The article's base direction; `None` uses the detected one.
    pub direction_override: Option<Direction>,
    /// Filters the document list by title or file name (through the match key).
    pub filter: TextEditor,
    /// The language label names are shown in.
    pub label_language: LabelLanguage,
    /// Show only documents with this status.
    pub status_filter: Option<DocStatus>,
    /// Widen selections to whole words before tagging.
    pub snap_to_words: bool,
    /// Name recorded on new annotations.
    pub annotator: String,
    /// A message for the status bar (an edit that was refused…).
    pub message: Option<String>,
    /// Set while a text field has the keyboard: bare-key shortcuts stay quiet.
    pub(super) typing: bool,
    /// Whether a text field had the keyboard during this frame (becomes `typing`).
    pub(super) typing_now: bool,
    /// The entity search of the annotation panel.
    pub entity_search: TextEditor,
    /// The annotator's name, as typed in the toolbar.
    pub annotator_field: TextEditor,
    pub(super) focus_filter: bool,
    pub(super) scroll_to: Option<usize>,
    /// Commands asked for by buttons this frame.
    pub(super) requested: Vec<Command>,
    window_title: String,
    preferences: Preferences,
    ctx: Option<egui::Context>,
    /// A project being opened (or a folder imported) in the background.
    pub(super) open_job: Option<OpenJob>,
    /// The note of the selected span, as being edited; and which span it belongs to.
    pub note_editor: TextEditor,
    note_of: Option<SpanId>,
    /// A new attribute of the selected span, as being typed.
    pub attribute_key: TextEditor,
    pub attribute_value: TextEditor,
    /// Proposed spans from "tag all occurrences", waiting for the user's decision.
    pub suggestions: Vec<Suggestion>,
    /// The article texts the suggestions point into.
    suggestion_texts: HashMap<DocId, String>,
    /// "Tag all occurrences" over the corpus, running in the background.
    pub(super) suggest_job: Option<SuggestJob>,
    /// The import report of the last folder opened, while the user reads it.
    pub(super) report_to_show: Option<String>,
    /// What the right-hand panel shows.
    pub panel_tab: PanelTab,
    /// The meetings panel's state.
    pub records: RecordsState,
    /// The review page's state.
    pub review: super::review_panel::ReviewPanel,
    /// The export window's state.
    pub export: super::export_dialog::ExportDialog,
    /// What the document list shows, kept between frames.
    pub(super) document_list: super::list_cache::DocumentListCache,
    /// The entities' folded names, kept between frames.
    pub(super) entity_names: super::list_cache::EntityNamesCache,
}

impl DaftarApp {
    pub fn new(opened: OpenedProject) -> Self {
        let OpenedProject {
            file,
            project,
            corpus_root,
            import_report,
            annotation_report,
        } = opened;
        let mut app = DaftarApp {
            project,
            corpus_root,
            saver: BackgroundSaver::new(file),
            history: History::new(),
            import_report,
            annotation_report,
            save_status: SaveStatus::default(),
            last_edit_time: None,
            text_engine: None,
            article: None,
            selection: TextSelection::default(),
            selected_span: None,
            font_size: crate::cli::ARTICLE_FONT_SIZE,
            direction_override: None,
            filter: TextEditor::new("", 15.0),
            label_language: LabelLanguage::English,
            status_filter: None,
            snap_to_words: true,
            annotator: "annotator".to_string(),
            message: None,
            typing: false,
            typing_now: false,
            entity_search: TextEditor::new("", 14.0),
            annotator_field: TextEditor::new("annotator", 14.0),
            focus_filter: false,
            scroll_to: None,
            requested: Vec::new(),
            window_title: String::new(),
            preferences: Preferences::default(),
            ctx: None,
            open_job: None,
            note_editor: TextEditor::new("", 14.0),
            note_of: None,
            attribute_key: TextEditor::new("", 14.0),
            attribute_value: TextEditor::new("", 14.0),
            suggestions: Vec::new(),
            suggestion_texts: HashMap::new(),
            suggest_job: None,
            report_to_show: None,
            panel_tab: PanelTab::Spans,
            records: RecordsState::default(),
            review: Default::default(),
            export: Default::default(),
            document_list: Default::default(),
            entity_names: Default::default(),
        };
        app.report_to_show = app.import_report_worth_showing();
        if let Some(first) = app.project.documents.first() {
            app.open_document(first.id);
        }
        app
    }

    pub fn project_path(&self) -> PathBuf {
        self.saver.path()
    }

    /// Shows a document: reads its article (an unreadable one shows its error instead).
    pub fn open_document(&mut self, doc: DocId) {
        let Some(document) = self.project.document(doc) else {
            return;
        };
        let text = read_document(&self.corpus_root, document)
            .map(|decoded| decoded.text)
            .map_err(|reason| format!("This article cannot be shown: {reason}."));
        let offsets = OffsetIndex::new(text.as_deref().unwrap_or(""));
        let direction = detected_direction(text.as_deref().unwrap_or(""));
        let reanchor = text
            .as_ref()
            .ok()
            .filter(|t| fingerprint(t) != document.fingerprint)
            .map(|t| plan_reanchor(document, t));
        self.article = Some(LoadedArticle {
            doc,
            text,
            offsets,
            highlights: Vec::new(),
            direction,
            reanchor,
        });
        self.selection = TextSelection::default();
        self.selected_span = None;
        self.refresh_highlights();
        let published = self.project.document(doc).and_then(|d| d.published.clone());
        self.records
            .published
            .set_text(&published.unwrap_or_default());
        // The meetings panel follows the article: its first meeting, unless the one being
        // edited is reported here too.
        let here = crate::records::meetings_in(&self.project, doc);
        if !self.records.meeting.is_some_and(|m| here.contains(&m)) {
            self.records.meeting = here.first().copied();
            self.records.outcome = None;
            self.records.codes_editing = None;
        }
    }

    /// Rebuilds the article's highlights from its spans (after any edit).
    fn refresh_highlights(&mut self) {
        let Some(article) = &mut self.article else {
            return;
        };
        let Some(document) = self.project.document(article.doc) else {
            return;
        };
        if article.reanchor.is_some() {
            // The offsets are for another text: nothing is drawn until the spans are re-anchored.
            article.highlights.clear();
            return;
        }
        let schema = &self.project.schema;
        article.highlights = document
            .spans
            .iter()
            .filter_map(|span| {
                let offsets = &article.offsets;
                let range = offsets.byte_of_char(span.start)?..offsets.byte_of_char(span.end)?;
                let label = schema.label(&span.label);
                let [r, g, b] = label
                    .and_then(|l| parse_hex_color(&l.color))
                    .unwrap_or([128, 128, 128]);
                let name = label.map_or(span.label.as_str(), |l| l.names.en.as_str());
                let rejected = match span.review.state {
                    crate::model::ReviewState::Rejected => {
                        format!(" (rejected: {})", span.review.comment)
                    }
                    _ => String::new(),
                };
                Some(Highlight {
                    range,
                    color: egui::Color32::from_rgb(r, g, b),
                    label: format!("{} — {name}{rejected}", span.label),
                    id: span.id.0,
                })
            })
            .collect();
        if let Some(selected) = self.selected_span
            && document.span(selected).is_none()
        {
            self.selected_span = None;
        }
    }

    /// The selection in code points (the model's unit).
    pub fn selection_in_chars(&self) -> Option<std::ops::Range<usize>> {
        let article = self.article.as_ref()?;
        let range = self.selection.range();
        Some(article.offsets.char_of_byte(range.start)?..article.offsets.char_of_byte(range.end)?)
    }

    /// The import report, when it has something to say (skipped, changed or re-decoded files).
    fn import_report_worth_showing(&self) -> Option<String> {
        if let Some(report) = &self.annotation_report {
            return Some(report.clone());
        }
        let report = self.import_report.as_ref()?;
        let worth = report.skipped() + report.changed() + report.missing() + report.warned() > 0;
        worth.then(|| report.to_string())
    }

    /// Opens a folder or project file in the background (the current one is saved first).
    pub fn start_opening(&mut self, path: PathBuf, ctx: &egui::Context) {
        if self.open_job.is_none() {
            self.open_job = Some(OpenJob::start(path, ctx));
        }
    }

    /// Imports a folder into a project file the user chose, in the background.
    pub fn start_import(&mut self, folder: PathBuf, project: PathBuf, ctx: &egui::Context) {
        if self.open_job.is_none() {
            self.open_job = Some(OpenJob::start_import(folder, project, ctx));
        }
    }

    /// Switches to a project opened in the background.
    fn finish_opening(&mut self) {
        if !self.open_job.as_ref().is_some_and(OpenJob::is_finished) {
            return;
        }
        let job = self.open_job.take().expect("checked above");
        let path = job.path.clone();
        match job.finish() {
            Ok(Some(opened)) => {
                self.save_before_exit();
                let mut next = DaftarApp::new(opened);
                next.text_engine = self.text_engine.take();
                next.preferences = self.preferences.clone();
                next.preferences.remember_project(next.project_path());
                next.annotator = self.annotator.clone();
                next.annotator_field = TextEditor::new(&self.annotator, 14.0);
                next.font_size = self.font_size;
                next.snap_to_words = self.snap_to_words;
                next.label_language = self.label_language;
                next.ctx = self.ctx.clone();
                *self = next;
            }
            Ok(None) => self.message = Some(format!("Opening {} was cancelled.", path.display())),
            Err(error) => self.message = Some(format!("{error:#}")),
        }
    }

    /// Recent projects from the preferences.
    pub fn recent_projects(&self) -> Vec<PathBuf> {
        self.preferences.recent_projects.clone()
    }

    /// Takes on the user's preferences (at start).
    pub fn apply_preferences(&mut self, preferences: &Preferences, ctx: &egui::Context) {
        if !preferences.annotator.trim().is_empty() {
            self.annotator = preferences.annotator.clone();
            self.annotator_field.set_text(&preferences.annotator);
        }
        self.font_size = preferences.font_size.clamp(MIN_FONT_SIZE, MAX_FONT_SIZE);
        self.snap_to_words = preferences.snap_to_words;
        self.label_language = preferences.label_language;
        match preferences.dark_mode {
            Some(true) => ctx.set_theme(egui::Theme::Dark),
            Some(false) => ctx.set_theme(egui::Theme::Light),
            None => {}
        }
        self.preferences = preferences.clone();
    }

    /// The preferences as they are now (saved by eframe on exit and now and then).
    pub fn current_preferences(&self, ctx: &egui::Context) -> Preferences {
        let mut preferences = self.preferences.clone();
        preferences.annotator = self.annotator.clone();
        preferences.font_size = self.font_size;
        preferences.snap_to_words = self.snap_to_words;
        preferences.label_language = self.label_language;
        preferences.dark_mode = Some(ctx.theme() == egui::Theme::Dark);
        preferences.remember_project(self.project_path());
        preferences
    }

    /// Shows `tab`, or the spans again when it is already shown.
    fn toggle_tab(&mut self, tab: PanelTab) {
        self.panel_tab = if self.panel_tab == tab {
            PanelTab::Spans
        } else {
            tab
        };
    }

    /// Applies an edit as one undo step.
    pub fn apply_edit(&mut self, edit: Edit, now: f64) {
        match self.history.apply(&mut self.project, edit) {
            Ok(()) => {
                self.last_edit_time = Some(now);
                self.message = None;
                self.refresh_highlights();
            }
            Err(error) => self.message = Some(format!("Not done: {error}.")),
        }
    }

    /// Tags the selection with the label `key`, or relabels the selected span.
    pub fn apply_label(&mut self, key: &str, now: f64) {
        let Some(article) = &self.article else { return };
        let doc = article.doc;
        let chars = self.selection_in_chars().unwrap_or(0..0);
        if let (Ok(text), false) = (&article.text, chars.is_empty()) {
            let text = text.clone();
            let chars = if self.snap_to_words {
                snap_to_tokens(&text, chars)
            } else {
                chars
            };
            if let Some((edit, id)) =
                actions::tag_selection(&mut self.project, doc, &text, chars, key, &self.annotator)
            {
                self.apply_edit(edit, now);
                self.selected_span = Some(id);
                self.selection = TextSelection::default();
            }
        } else if let Some(span) = self.selected_span
            && let Some(edit) = actions::relabel(&self.project, doc, span, key)
        {
            self.apply_edit(edit, now);
        }
    }

    /// Links the selected span to `entity` (`None` unlinks it). A spelling the entity does not
    /// know yet becomes one of its aliases, in the same undo step.
    pub fn link_selected_span(&mut self, entity: Option<EntityId>, now: f64) {
        let Some((doc, mut changed)) = self.selected_span_copy() else {
            return;
        };
        changed.entity = entity;
        let quote = changed.quote.trim().to_string();
        let mut edits = vec![Edit::ReplaceSpan { doc, span: changed }];
        if let Some(known) = entity.and_then(|e| self.project.entity(e))
            && !known.names().any(|n| n == quote)
        {
            let mut with_alias = known.clone();
            with_alias.aliases.push(quote);
            edits.push(Edit::ReplaceEntity(with_alias));
        }
        self.apply_edit(Edit::Batch(edits), now);
    }

    /// The selected span's document and a copy of the span, to change and put back.
    fn selected_span_copy(&self) -> Option<(DocId, crate::model::Span)> {
        let doc = self.article.as_ref()?.doc;
        let span = self
            .project
            .document(doc)?
            .span(self.selected_span?)?
            .clone();
        Some((doc, span))
    }

    /// Makes a new entity named after the selected span and links the span to it (one step).
    pub fn new_entity_from_selected_span(&mut self, now: f64) {
        let Some((doc, mut changed)) = self.selected_span_copy() else {
            return;
        };
        let entity = Entity {
            id: self.project.new_entity_id(),
            name: changed.quote.trim().to_string(),
            aliases: Vec::new(),
            kind: changed.label.clone(),
            subtype: None,
            external_id: None,
            note: String::new(),
        };
        changed.entity = Some(entity.id);
        let edit = Edit::Batch(vec![
            Edit::InsertEntity(entity),
            Edit::ReplaceSpan { doc, span: changed },
        ]);
        self.apply_edit(edit, now);
    }

    /// Proposes the selected span's label and entity for its other occurrences, in this
    /// document or in the whole corpus.
    pub fn suggest_occurrences(&mut self, whole_corpus: bool) {
        let (Some(article), Some(span)) = (&self.article, self.selected_span) else {
            return;
        };
        let Some(span) = self
            .project
            .document(article.doc)
            .and_then(|d| d.span(span))
            .cloned()
        else {
            return;
        };
        if whole_corpus {
            // Reading every article takes a while on a large corpus: in the background.
            if self.suggest_job.is_none()
                && let Some(ctx) = &self.ctx
            {
                let snapshot = self.project.clone();
                let job = SuggestJob::start(snapshot, self.corpus_root.clone(), &span, ctx);
                self.suggest_job = Some(job);
            }
            return;
        }
        let doc = article.doc;
        let found = actions::suggest_in_documents(
            &self.project,
            &[doc],
            |document| crate::corpus::read_unchanged(&self.corpus_root, document),
            &span.quote,
            &span.label,
            span.entity,
            &mut |_, _| {},
            &std::sync::atomic::AtomicBool::new(false),
        );
        self.take_suggestions(found, &span.quote);
    }

    /// Shows what "tag all occurrences" found.
    fn take_suggestions(&mut self, found: actions::CorpusSuggestions, quote: &str) {
        self.suggestions = found.suggestions;
        self.suggestion_texts = found.texts;
        if self.suggestions.is_empty() {
            self.message = Some(format!("No other occurrence of «{quote}»."));
        }
    }

    /// Takes the result of a finished search over the corpus.
    pub(super) fn finish_suggesting(&mut self) {
        if self
            .suggest_job
            .as_ref()
            .is_some_and(|s| s.job.is_finished())
        {
            self.wait_for_suggestions();
        }
    }

    /// Waits for a search over the corpus (tests use it).
    pub fn wait_for_suggestions(&mut self) {
        if let Some(search) = self.suggest_job.take() {
            self.take_suggestions(search.job.finish(), &search.quote);
        }
    }

    /// Accepts the suggestions at `indices` (all of them with `None`), as one undo step.
    pub fn accept_suggestions(&mut self, indices: Option<&[usize]>, now: f64) {
        let chosen: Vec<Suggestion> = match indices {
            Some(indices) => indices
                .iter()
                .filter_map(|&i| self.suggestions.get(i).cloned())
                .collect(),
            None => self.suggestions.clone(),
        };
        let texts = &self.suggestion_texts;
        let edit = actions::accept_suggestions(
            &mut self.project,
            &chosen,
            |doc| texts.get(&doc).map(String::as_str),
            &self.annotator,
        );
        self.suggestions.retain(|s| !chosen.contains(s));
        self.apply_edit(edit, now);
    }

    /// Drops a suggestion.
    pub fn reject_suggestion(&mut self, index: usize) {
        if index < self.suggestions.len() {
            self.suggestions.remove(index);
        }
    }

    /// Keeps the note editor on the selected span's note.
    pub(super) fn sync_note_editor(&mut self) {
        if self.note_of == self.selected_span {
            return;
        }
        self.note_of = self.selected_span;
        let note = self
            .article
            .as_ref()
            .zip(self.selected_span)
            .and_then(|(a, s)| self.project.document(a.doc)?.span(s))
            .map(|s| s.note.clone())
            .unwrap_or_default();
        self.note_editor.set_text(&note);
    }

    /// Stores the note editor's text on the selected span (one undo step, if it changed).
    pub fn save_note(&mut self, now: f64) {
        let Some((doc, mut changed)) = self.selected_span_copy() else {
            return;
        };
        let note = self.note_editor.text();
        if changed.note != note {
            changed.note = note;
            self.apply_edit(Edit::ReplaceSpan { doc, span: changed }, now);
        }
    }

    /// Sets (`Some`) or removes (`None`) an attribute of the selected span (one undo step).
    pub fn set_attribute(&mut self, key: &str, value: Option<String>, now: f64) {
        let key = key.trim();
        if key.is_empty() {
            return;
        }
        let Some((doc, mut changed)) = self.selected_span_copy() else {
            return;
        };
        match value {
            Some(value) => changed.attributes.insert(key.to_string(), value),
            None => changed.attributes.remove(key),
        };
        self.apply_edit(Edit::ReplaceSpan { doc, span: changed }, now);
    }

    /// Opens the document of a mention and selects it.
    pub fn go_to_span(&mut self, doc: DocId, span: SpanId) {
        if self.article.as_ref().map(|a| a.doc) != Some(doc) {
            self.open_document(doc);
        }
        self.select_span(span);
    }

    /// Applies the re-anchoring plan of the shown article (one undo step).
    pub fn apply_reanchor(&mut self, now: f64) {
        let Some(article) = &mut self.article else {
            return;
        };
        let (Some(plan), Ok(text)) = (article.reanchor.take(), &article.text) else {
            return;
        };
        let Some(document) = self.project.document(article.doc) else {
            return;
        };
        let edit = reanchor_edit(document, text, &plan);
        self.apply_edit(edit, now);
    }

    /// Selects a span and brings it into view.
    pub fn select_span(&mut self, span: SpanId) {
        self.selected_span = Some(span);
        let Some(article) = &self.article else { return };
        let Some(start) = self
            .project
            .document(article.doc)
            .and_then(|d| d.span(span))
            .and_then(|s| article.offsets.byte_of_char(s.start))
        else {
            return;
        };
        self.scroll_to = Some(start);
    }

    pub fn run_command(&mut self, command: Command, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let doc = self.article.as_ref().map(|a| a.doc);
        match command {
            Command::Save => self.start_save(),
            Command::Undo => {
                if self.history.undo(&mut self.project).is_some() {
                    self.last_edit_time = Some(now);
                    self.refresh_highlights();
                }
            }
            Command::Redo => {
                if self.history.redo(&mut self.project).is_some() {
                    self.last_edit_time = Some(now);
                    self.refresh_highlights();
                }
            }
            Command::NextDocument | Command::PreviousDocument => {
                let documents = &self.project.documents;
                let index = doc.and_then(|d| documents.iter().position(|x| x.id == d));
                let target = match (command, index) {
                    (Command::NextDocument, Some(i)) => documents.get(i + 1),
                    (Command::PreviousDocument, Some(i)) if i > 0 => documents.get(i - 1),
                    (_, None) => documents.first(),
                    _ => None,
                };
                if let Some(target) = target.map(|d| d.id) {
                    self.open_document(target);
                }
            }
            Command::NextSpan | Command::PreviousSpan if self.panel_tab == PanelTab::Review => {
                self.step_review_item(command == Command::NextSpan);
            }
            Command::NextSpan | Command::PreviousSpan => {
                let Some(document) = doc.and_then(|d| self.project.document(d)) else {
                    return;
                };
                let current = self
                    .selected_span
                    .and_then(|s| document.spans.iter().position(|x| x.id == s));
                let next = match (command, current) {
                    (Command::NextSpan, Some(i)) => document.spans.get(i + 1),
                    (Command::PreviousSpan, Some(i)) if i > 0 => document.spans.get(i - 1),
                    (Command::NextSpan, None) => document.spans.first(),
                    (Command::PreviousSpan, None) => document.spans.last(),
                    _ => None,
                };
                if let Some(span) = next.map(|s| s.id) {
                    self.select_span(span);
                }
            }
            Command::DeleteSpan => {
                if let (Some(doc), Some(span)) = (doc, self.selected_span) {
                    self.apply_edit(actions::delete_span(doc, span), now);
                }
            }
            Command::MarkReadyForReview => {
                if let Some(doc) = doc {
                    let status = DocStatus::ReadyForReview;
                    self.apply_edit(Edit::SetStatus { doc, status }, now);
                }
            }
            Command::FocusFilter => self.focus_filter = true,
            Command::ZoomIn => self.font_size = (self.font_size + 2.0).min(MAX_FONT_SIZE),
            Command::ZoomOut => self.font_size = (self.font_size - 2.0).max(MIN_FONT_SIZE),
            Command::NewMeeting => self.new_meeting_from_selection(now),
            Command::NewOutcome => self.new_outcome_from_selection(now),
            Command::ShowMeetings => self.toggle_tab(PanelTab::Meetings),
            Command::ShowReview => self.toggle_tab(PanelTab::Review),
            Command::ReviewAccept | Command::ReviewReject if self.panel_tab == PanelTab::Review => {
                let state = if command == Command::ReviewAccept {
                    crate::model::ReviewState::Accepted
                } else {
                    crate::model::ReviewState::Rejected
                };
                self.decide_current(state, now);
            }
            Command::ReviewAccept | Command::ReviewReject => {}
            Command::Export => self.open_export_dialog(),
        }
    }

    /// Shortcuts of the command table, then label keys (by physical key, so they work with a
    /// Persian or Arabic keyboard layout too).
    fn keyboard(&mut self, ctx: &egui::Context) {
        let typing = self.typing;
        let mut commands = Vec::new();
        // egui matches shortcuts ignoring an extra Shift: try those with more modifiers first,
        // or Ctrl+Z would swallow Ctrl+Shift+Z.
        let mut shortcuts: Vec<_> = COMMANDS
            .iter()
            .filter(|c| c.while_typing || !typing)
            .flat_map(|c| c.shortcuts.iter().map(move |s| (s, c.command)))
            .collect();
        shortcuts.sort_by_key(|(s, _)| std::cmp::Reverse(modifier_count(s.modifiers)));
        ctx.input_mut(|input| {
            for (shortcut, command) in shortcuts {
                if input.consume_shortcut(shortcut) {
                    commands.push(command);
                }
            }
        });
        for command in commands
            .into_iter()
            .chain(std::mem::take(&mut self.requested))
        {
            self.run_command(command, ctx);
        }
        if typing {
            return;
        }
        let pressed: Vec<egui::Key> = ctx.input(|input| {
            input
                .events
                .iter()
                .filter_map(|event| match event {
                    egui::Event::Key {
                        key,
                        physical_key,
                        pressed: true,
                        repeat: false,
                        modifiers,
                    } if modifiers.is_none() || *modifiers == egui::Modifiers::SHIFT => {
                        Some(physical_key.unwrap_or(*key))
                    }
                    _ => None,
                })
                .collect()
        });
        let now = ctx.input(|i| i.time);
        for key in pressed {
            // Number keys fill the current meeting's fields while the meetings panel is open.
            if self.panel_tab == PanelTab::Meetings
                && let Some(field) = self.field_for_key(key)
            {
                self.fill_meeting_field(&field, now);
                continue;
            }
            let label = self
                .project
                .schema
                .labels
                .iter()
                .find(|l| label_key(&l.shortcut) == Some(key))
                .map(|l| l.key.clone());
            if let Some(label) = label {
                self.apply_label(&label, now);
            }
        }
    }

    fn start_save(&mut self) {
        let revision = self.history.revision();
        if self.saver.start(self.project.clone(), revision) {
            self.last_edit_time = None;
        }
    }

    /// Finishes saves, and saves a moment after the last change.
    fn autosave(&mut self, ctx: &egui::Context) {
        if let Some((revision, result)) = self.saver.poll() {
            match result {
                Ok(()) => {
                    self.history.mark_saved(revision);
                    self.save_status.last_saved = Some(SystemTime::now());
                    self.save_status.error = None;
                }
                Err(error) => self.save_status.error = Some(error.to_string()),
            }
        }
        if self.saver.is_saving() {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
            return;
        }
        if !self.history.is_dirty() || self.save_status.error.is_some() {
            return;
        }
        let now = ctx.input(|i| i.time);
        let since = now - self.last_edit_time.unwrap_or(now - AUTOSAVE_DELAY);
        if since >= AUTOSAVE_DELAY {
            self.start_save();
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        } else {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(AUTOSAVE_DELAY - since));
        }
    }

    /// Waits for a running save and saves what is left (on close).
    pub fn save_before_exit(&mut self) {
        if let Some((revision, Ok(()))) = self.saver.wait() {
            self.history.mark_saved(revision);
        }
        if self.history.is_dirty() {
            let (revision, result) = self.saver.save_now(&self.project, self.history.revision());
            match result {
                Ok(()) => self.history.mark_saved(revision),
                Err(error) => eprintln!("daftar: {error}"),
            }
        }
    }

    /// Waits for any save in progress (tests use it to see the file on disk).
    pub fn wait_for_save(&mut self) {
        if let Some((revision, result)) = self.saver.wait() {
            if result.is_ok() {
                self.history.mark_saved(revision);
            }
            self.save_status.error = result.err().map(|e| e.to_string());
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let dirty = if self.history.is_dirty() { " •" } else { "" };
        let title = format!("Daftar — {}{dirty}", self.project.name);
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    /// The whole window's contents (also what headless tests drive).
    pub fn window_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.ctx.get_or_insert_with(|| ctx.clone());
        self.finish_opening();
        self.finish_suggesting();
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.start_opening(path, &ctx);
        }
        self.keyboard(&ctx);
        egui::Panel::top("toolbar").show(ui, |ui| self.toolbar_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        egui::Panel::left("documents")
            .resizable(true)
            .default_size(300.0)
            .size_range(180.0..=520.0)
            .show(ui, |ui| self.documents_panel_ui(ui));
        egui::Panel::right("annotations")
            .resizable(true)
            .default_size(300.0)
            .size_range(220.0..=520.0)
            .show(ui, |ui| {
                self.panel_tabs_ui(ui);
                egui::ScrollArea::vertical()
                    .id_salt("annotation panel")
                    .show(ui, |ui| match self.panel_tab {
                        PanelTab::Spans => self.annotation_panel_ui(ui),
                        PanelTab::Meetings => self.meetings_panel_ui(ui),
                        PanelTab::Review => self.review_panel_ui(ui),
                    });
            });
        egui::CentralPanel::default().show(ui, |ui| self.article_ui(ui));
        self.import_report_ui(&ctx);
        self.export_window_ui(&ctx);
        if let Some(text_engine) = &mut self.text_engine {
            text_engine.end_frame();
        }
        self.typing = std::mem::take(&mut self.typing_now);
        let name = self.annotator_field.text();
        if !name.trim().is_empty() {
            self.annotator = name.trim().to_string();
        }
        self.autosave(&ctx);
        self.update_title(&ctx);
    }
}

impl eframe::App for DaftarApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.window_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Some(ctx) = &self.ctx {
            eframe::set_value(storage, STORAGE_KEY, &self.current_preferences(ctx));
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_before_exit();
    }
}
