//! The main window: the session it draws, the state of its text fields and dialogs, and the
//! frame: keys become commands first (`input.rs`), the panels draw the session and push
//! commands, and the commands are applied once, after drawing; what a command asks of the window
//! (a background job, a dialog) is done here.

use std::path::PathBuf;

use eframe::egui;

use super::article_view::Highlight;
use super::background::{Job, OpenJob};
use super::export_dialog::ExportDialog;
use super::meetings_panel::MeetingsPanel;
use super::palette::{Palette, PaletteAction};
use super::panels::SpansPanel;
use super::preferences::{Preferences, STORAGE_KEY};
use super::review_panel::ReviewPanel;
use super::text_engine::TextEngine;
use crate::app::{AppCommand, Confirmation, CorpusSearch, Effect, Page, Refusal, Session};
use crate::edit::tagging::CorpusSuggestions;
use crate::layout::TextEditor;
use crate::model::{DocId, parse_hex_color};
use crate::open::OpenedProject;

/// Placeholder (and accessible name) of the document filter.
pub const FILTER_HINT: &str = crate::i18n::key("filter-documents");

/// What the window does once a command it pushed has been carried out (clearing the field the
/// value was typed in, say). Refused commands leave the fields as they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AfterSuccess {
    ClearAttributeFields,
    ClearEntitySearch,
    ClearGroupDescription,
    ClearReviewNote,
    StopEditingCodes,
}

/// "Tag all occurrences in all documents" running in the background.
pub struct SuggestJob {
    pub quote: String,
    pub job: Job<CorpusSuggestions>,
}

/// The article's highlights, rebuilt when the document or the project changes.
#[derive(Default)]
pub(super) struct Highlights {
    /// Document, revision, re-anchoring, and whose spans only (when only one's own are shown).
    built_for: Option<(DocId, u64, bool, Option<String>)>,
    pub items: Vec<Highlight>,
}

pub struct DaftarApp {
    pub session: Session,
    /// Commands pushed by the panels this frame, applied after drawing.
    queue: Vec<(AppCommand, Option<AfterSuccess>)>,
    /// Made on the first frame (its glyph atlas needs the egui context).
    pub(super) text_engine: Option<TextEngine>,
    pub(super) highlights: Highlights,
    /// The import report of what was just opened, while the user reads it.
    pub(super) report_to_show: Option<ReportToShow>,
    preferences: Preferences,
    ctx: Option<egui::Context>,
    window_title: String,
    /// A project being opened (or a folder imported) in the background.
    pub(super) open_job: Option<OpenJob>,
    pub(super) suggest_job: Option<SuggestJob>,
    /// Pre-annotation from the gazetteers running in the background.
    pub(super) pre_annotate_job: Option<Job<CorpusSuggestions>>,
    /// Give the document filter the keyboard next frame.
    pub(super) focus_filter: bool,
    /// Work kept aside when the project could not be saved last time waits to be offered back.
    pub(super) offer_recovery: bool,
    /// A question waiting for the user's answer before a command goes ahead.
    pub(super) confirmation: Option<Confirmation>,
    /// The agreement measured last, while its window is open.
    pub agreement: Option<crate::agreement::Agreement>,
    /// The agreement being measured on a background thread.
    pub(super) agreement_job: Option<Job<crate::agreement::Agreement>>,
    /// A sync with the team running, or the account of the last one.
    pub sync: super::sync_window::SyncState,
    pub(super) assign: super::assign_window::AssignDialog,
    /// The curation page's queue (document, path, annotators) and the revision it is of.
    pub(super) curation_queue: (Option<u64>, Vec<(DocId, String, usize)>),
    /// The suggestions page's groups and the (revision, label) they are of.
    pub(super) suggestion_groups: (
        Option<(u64, Option<String>)>,
        Vec<crate::edit::suggested::SuggestionGroup>,
    ),
    pub(super) palette: Palette,
    /// The document filter, and the annotator's name, as typed.
    pub filter: TextEditor,
    pub annotator_field: TextEditor,
    /// The fields of each page of the right-hand panel.
    pub spans_panel: SpansPanel,
    pub meetings_panel: MeetingsPanel,
    pub review_panel: ReviewPanel,
    pub export: ExportDialog,
    pub search_window: super::search_window::SearchWindow,
    pub records_window: super::records_window::RecordsWindow,
    pub charts_window: super::charts_window::ChartsWindow,
}

impl DaftarApp {
    pub fn new(opened: OpenedProject) -> Self {
        let report_to_show = import_report_worth_showing(&opened);
        let session = Session::from_opened(opened);
        let annotator = session.annotator().to_string();
        let offer_recovery = session.recovery_available();
        DaftarApp {
            session,
            queue: Vec::new(),
            text_engine: None,
            highlights: Highlights::default(),
            report_to_show,
            preferences: Preferences::default(),
            ctx: None,
            window_title: String::new(),
            open_job: None,
            suggest_job: None,
            pre_annotate_job: None,
            focus_filter: false,
            offer_recovery,
            confirmation: None,
            agreement: None,
            agreement_job: None,
            sync: Default::default(),
            assign: Default::default(),
            curation_queue: (None, Vec::new()),
            suggestion_groups: (None, Vec::new()),
            palette: Palette::default(),
            filter: TextEditor::default(),
            annotator_field: TextEditor::new(&annotator, 14.0),
            spans_panel: SpansPanel::default(),
            meetings_panel: MeetingsPanel::default(),
            review_panel: ReviewPanel::default(),
            export: ExportDialog::default(),
            search_window: Default::default(),
            records_window: Default::default(),
            charts_window: Default::default(),
        }
    }

    /// The interface's words, in the language the user chose.
    pub fn words(&self) -> crate::i18n::Words {
        crate::i18n::Words::new(self.session.view().interface_language)
    }

    /// The text engine, once the window was drawn (tests read what it could not draw).
    pub fn text_engine(&self) -> Option<&TextEngine> {
        self.text_engine.as_ref()
    }

    /// The article's highlights as drawn (one per span at its place in the text).
    pub fn highlights(&self) -> &[Highlight] {
        &self.highlights.items
    }

    /// Asks for `command` to be applied once this frame is drawn.
    pub(super) fn push(&mut self, command: AppCommand) {
        self.queue.push((command, None));
    }

    /// Asks for `command`, and for `after` once it is done.
    pub(super) fn push_then(&mut self, command: AppCommand, after: AfterSuccess) {
        self.queue.push((command, Some(after)));
    }

    /// Applies `command` now (keys at the start of a frame, and tests).
    pub fn apply(&mut self, command: AppCommand) {
        self.apply_one(command, None);
    }

    fn apply_queue(&mut self) {
        for (command, after) in std::mem::take(&mut self.queue) {
            self.apply_one(command, after);
        }
    }

    fn apply_one(&mut self, command: AppCommand, after: Option<AfterSuccess>) {
        let is_export = matches!(command, AppCommand::Export(_));
        match self.session.apply(command) {
            Ok(applied) => {
                if let Some(after) = after {
                    self.after_success(after);
                }
                for effect in applied.effects {
                    self.perform(effect);
                }
            }
            Err(Refusal::FolderInUse(_)) if is_export => self.export.confirm_replace = true,
            Err(refusal) if is_export => {
                let tr = self.words();
                let reason = refusal.said(tr, &|f| f.to_string());
                let error = tr.t_with(
                    "export-failed",
                    &[("error", crate::i18n::Arg::Said(reason))],
                );
                self.export.outcome = Some(Err(error));
            }
            // The session keeps the refusal as its message, for the status bar.
            Err(_) => {}
        }
    }

    fn after_success(&mut self, after: AfterSuccess) {
        match after {
            AfterSuccess::ClearAttributeFields => {
                self.spans_panel.attribute_key.set_text("");
                self.spans_panel.attribute_value.set_text("");
            }
            AfterSuccess::ClearEntitySearch => self.spans_panel.entity_search.set_text(""),
            AfterSuccess::ClearGroupDescription => {
                self.meetings_panel.group_description.set_text("")
            }
            AfterSuccess::ClearReviewNote => self.review_panel.note.set_text(""),
            AfterSuccess::StopEditingCodes => self.meetings_panel.codes_editing = None,
        }
    }

    /// Does what a command asked of the window.
    fn perform(&mut self, effect: Effect) {
        let Some(ctx) = self.ctx.clone() else { return };
        match effect {
            Effect::FocusDocumentFilter => self.focus_filter = true,
            Effect::OpenPalette => self.palette.show(),
            Effect::Confirm(confirmation) => self.confirmation = Some(confirmation),
            Effect::OpenExportDialog => self.export.show(&self.session.project_path()),
            Effect::OpenCorpusSearch => self.search_window.show(),
            Effect::OpenRecords => self.records_window.show(),
            Effect::OpenCharts => self.charts_window.open = true,
            Effect::SearchCorpus(job) => self.search_window.start(*job, &ctx),
            Effect::Agreement(job) => {
                if self.agreement_job.is_none() {
                    self.agreement_job = Some(Job::spawn(&ctx, move |_| job.run()));
                }
            }
            Effect::Sync(job) => self.sync.start(*job, &ctx),
            Effect::FindOccurrencesInCorpus(search) => self.start_corpus_search(*search, &ctx),
            Effect::PreAnnotate(job) => {
                if self.pre_annotate_job.is_none() {
                    self.pre_annotate_job = Some(Job::spawn(&ctx, move |progress| {
                        job.run(
                            &|done, total| progress.report(done, total),
                            progress.cancel_flag(),
                        )
                    }));
                }
            }
            Effect::Export(job) => self.export.start(*job, &ctx),
            Effect::Open { path, into } => {
                if self.open_job.is_none() {
                    self.open_job = Some(OpenJob::start(path, into, &ctx));
                }
            }
        }
    }

    fn start_corpus_search(&mut self, search: CorpusSearch, ctx: &egui::Context) {
        if self.suggest_job.is_some() {
            return;
        }
        let quote = search.quote.clone();
        let job = Job::spawn(ctx, move |progress| {
            search.run(
                &mut |done, total| progress.report(done, total),
                progress.cancel_flag(),
            )
        });
        self.suggest_job = Some(SuggestJob { quote, job });
    }

    /// Takes the result of a finished search over the corpus.
    fn finish_suggesting(&mut self) {
        if self
            .suggest_job
            .as_ref()
            .is_some_and(|s| s.job.is_finished())
        {
            self.wait_for_suggestions();
        }
    }

    /// Adds what a finished pre-annotation found.
    fn finish_pre_annotating(&mut self) {
        if self.pre_annotate_job.as_ref().is_some_and(Job::is_finished) {
            self.wait_for_pre_annotation();
        }
    }

    /// Waits for the pre-annotation running and adds what it found (tests use it).
    pub fn wait_for_pre_annotation(&mut self) {
        if let Some(job) = self.pre_annotate_job.take() {
            let found = job.finish();
            self.apply(AppCommand::AddSuggestedSpans(std::sync::Arc::new(found)));
        }
    }

    /// Takes the agreement measured in the background when it is done.
    fn finish_measuring(&mut self) {
        if self.agreement_job.as_ref().is_some_and(Job::is_finished) {
            self.wait_for_agreement();
        }
    }

    /// Waits for the agreement being measured (tests use it).
    pub fn wait_for_agreement(&mut self) {
        if let Some(job) = self.agreement_job.take() {
            self.agreement = Some(job.finish());
        }
    }

    /// Whether the agreement is being measured.
    pub fn measuring_agreement(&self) -> bool {
        self.agreement_job.is_some()
    }

    /// Waits for a search over the corpus (tests use it).
    pub fn wait_for_suggestions(&mut self) {
        if let Some(search) = self.suggest_job.take() {
            let found = search.job.finish();
            self.session.take_suggestions(found, &search.quote);
        }
    }

    /// Switches to a project opened in the background; the session's view and annotator go on.
    fn finish_opening(&mut self) {
        if !self.open_job.as_ref().is_some_and(OpenJob::is_finished) {
            return;
        }
        let Some(job) = self.open_job.take() else {
            return;
        };
        let path = job.path.clone();
        match job.finish() {
            Ok(Some(opened)) => {
                if let Err(error) = self.session.save_before_exit() {
                    // The project being left could not be saved: stay on it, with its edits.
                    let message = self
                        .words()
                        .t_with("not-opened-unsaved", &[("error", error.to_string().into())]);
                    self.session.note(message);
                    return;
                }
                let view = self.session.view().clone();
                let annotator = self.session.annotator().to_string();
                let report = import_report_worth_showing(&opened);
                let mut session = Session::from_opened(opened);
                session.take_view(view, &annotator);
                self.session = session;
                self.offer_recovery = self.session.recovery_available();
                if let Some(ctx) = self.ctx.clone() {
                    self.repaint_when_saved(&ctx);
                }
                self.report_to_show = report;
                self.highlights = Highlights::default();
                self.spans_panel = SpansPanel::default();
                self.meetings_panel = MeetingsPanel::default();
                self.review_panel = ReviewPanel::default();
                self.filter.set_text("");
                self.preferences
                    .remember_project(self.session.project_path());
            }
            Ok(None) => self.session.note(self.words().t_with(
                "opening-cancelled",
                &[("path", path.display().to_string().into())],
            )),
            Err(error) => self.session.note(format!("{error:#}")),
        }
    }

    /// Recent projects from the preferences.
    pub fn recent_projects(&self) -> Vec<PathBuf> {
        self.preferences.recent_projects.clone()
    }

    /// Takes on the user's preferences (at start).
    pub fn apply_preferences(&mut self, preferences: &Preferences, ctx: &egui::Context) {
        let interface = preferences
            .interface_language
            .unwrap_or_else(crate::i18n::system_language);
        let labels = if preferences.label_language_apart {
            preferences.label_language
        } else {
            interface
        };
        let commands = [
            AppCommand::SetAnnotator(preferences.annotator.clone()),
            AppCommand::SetSnapToWords(preferences.snap_to_words),
            AppCommand::SetOnlyMySpans(preferences.only_my_spans),
            AppCommand::SetInterfaceLanguage(interface),
            AppCommand::SetLabelLanguage(labels),
        ];
        for command in commands {
            self.apply(command);
        }
        self.session.set_font_size(preferences.font_size);
        self.annotator_field.set_text(self.session.annotator());
        match preferences.dark_mode {
            Some(true) => ctx.set_theme(egui::Theme::Dark),
            Some(false) => ctx.set_theme(egui::Theme::Light),
            None => {}
        }
        self.preferences = preferences.clone();
    }

    /// The preferences as they are now (saved by eframe on exit and now and then).
    pub fn current_preferences(&self, ctx: &egui::Context) -> Preferences {
        let view = self.session.view();
        let mut preferences = self.preferences.clone();
        preferences.annotator = self.session.annotator().to_string();
        preferences.font_size = view.font_size;
        preferences.snap_to_words = view.snap_to_words;
        preferences.only_my_spans = view.only_my_spans;
        preferences.label_language = view.label_language;
        preferences.label_language_apart = view.label_language != view.interface_language;
        if preferences.interface_language.is_some()
            || view.interface_language != crate::i18n::system_language()
        {
            preferences.interface_language = Some(view.interface_language);
        }
        preferences.dark_mode = Some(ctx.theme() == egui::Theme::Dark);
        preferences.remember_project(self.session.project_path());
        preferences
    }

    /// Rebuilds the article's highlights when the document or the project changed.
    pub(super) fn refresh_highlights(&mut self) {
        let session = &self.session;
        let Some(article) = session.article() else {
            self.highlights = Highlights::default();
            return;
        };
        let key = (
            article.doc,
            session.history().revision(),
            article.reanchor.is_some(),
            session
                .view()
                .only_my_spans
                .then(|| session.annotator().to_string()),
        );
        if self.highlights.built_for.as_ref() == Some(&key) {
            return;
        }
        self.highlights.built_for = Some(key);
        let Some(document) = session.project().document(article.doc) else {
            self.highlights.items.clear();
            return;
        };
        if article.reanchor.is_some() {
            // The offsets are for another text: nothing is drawn until the spans are re-anchored.
            self.highlights.items.clear();
            return;
        }
        let schema = &session.project().schema;
        let view = session.view();
        let tr = crate::i18n::Words::new(view.interface_language);
        self.highlights.items = document
            .spans
            .iter()
            .filter(|span| session.shows_span(span))
            .filter_map(|span| {
                let range = article.bytes_of(span.start..span.end)?;
                let label = schema.label(&span.label);
                let [r, g, b] = label
                    .and_then(|l| parse_hex_color(&l.color))
                    .unwrap_or([128, 128, 128]);
                let name = label.map_or(span.label.as_str(), |l| l.names.get(view.label_language));
                let rejected = match span.review.state {
                    crate::model::ReviewState::Rejected => {
                        let comment = span.review.comment.as_str();
                        format!(
                            " {}",
                            tr.t_with("highlight-rejected", &[("comment", comment.into())])
                        )
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
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let dirty = if self.session.history().is_dirty() {
            " •"
        } else {
            ""
        };
        let title = format!("Daftar — {}{dirty}", self.session.project().name);
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    /// The window asks for a frame when a background save of the session ends.
    fn repaint_when_saved(&mut self, ctx: &egui::Context) {
        let ctx = ctx.clone();
        let notice: crate::store::SavedNotice = std::sync::Arc::new(move || ctx.request_repaint());
        self.session.notify_when_saved(notice);
    }

    /// The whole window's contents (also what headless tests drive).
    pub fn window_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
            self.repaint_when_saved(&ctx);
        }
        self.finish_opening();
        self.finish_suggesting();
        self.finish_measuring();
        self.finish_searching();
        self.finish_pre_annotating();
        self.finish_sync();
        self.export.poll();
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.apply(AppCommand::Open(path));
        }
        // While a question waits for its answer, or the palette is open, the keys are theirs.
        if self.confirmation.is_none() && !self.palette.open {
            for command in self.keyboard_commands(&ctx) {
                self.apply(command);
            }
        }
        self.refresh_highlights();
        let words = crate::i18n::Words::new(self.session.view().interface_language);
        super::words::set_words(&ctx, words);
        // Mirrored when the interface reads right to left: the documents on the right, the
        // annotation panel on the left.
        let rtl = words.right_to_left();
        let side = |start: bool, id: &'static str| {
            if start != rtl {
                egui::Panel::left(id)
            } else {
                egui::Panel::right(id)
            }
        };
        egui::Panel::top("toolbar").show(ui, |ui| self.toolbar_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        side(true, "documents")
            .resizable(true)
            .default_size(250.0)
            .size_range(180.0..=520.0)
            .show(ui, |ui| {
                super::words::page(ui, rtl, |ui| self.documents_panel_ui(ui))
            });
        // The panel is as wide as the user made it: what it shows wraps or is clipped, it never
        // widens the panel (and so never re-wraps the article).
        let panel = side(false, "annotations")
            .resizable(true)
            .default_size(self.preferences.annotation_panel_width)
            .size_range(260.0..=640.0)
            .show(ui, |ui| {
                fixed_width_ui(ui, rtl, |ui| {
                    self.page_tabs_ui(ui);
                    egui::ScrollArea::vertical()
                        .id_salt("annotation panel")
                        .auto_shrink(false)
                        .show(ui, |ui| {
                            // Clear of the scroll bar, which floats over the right edge.
                            ui.set_max_width((ui.available_width() - SCROLL_BAR_ROOM).max(120.0));
                            match self.session.page() {
                                Page::Spans => self.spans_page_ui(ui),
                                Page::Meetings => self.meetings_page_ui(ui),
                                Page::Review => self.review_page_ui(ui),
                                Page::Curation => self.curation_page_ui(ui),
                                Page::Suggestions => self.suggestions_page_ui(ui),
                            }
                        });
                });
            });
        self.preferences.annotation_panel_width = panel.response.rect.width();
        egui::CentralPanel::default().show(ui, |ui| self.article_ui(ui));
        self.import_report_ui(&ctx);
        self.recovery_ui(&ctx);
        self.export_window_ui(&ctx);
        self.search_window_ui(&ctx);
        self.records_window_ui(&ctx);
        self.charts_window_ui(&ctx);
        self.agreement_window_ui(&ctx);
        self.sync_window_ui(&ctx);
        self.assign_window_ui(&ctx);
        self.confirmation_ui(&ctx);
        self.palette_ui(&ctx);
        self.apply_queue();
        if let Some(text_engine) = &mut self.text_engine {
            text_engine.end_frame();
        }
        super::words::end_frame(&ctx);
        let now = ctx.input(|i| i.time);
        if let Some(seconds) = self.session.autosave(now) {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(seconds));
        }
        self.update_title(&ctx);
    }
}

/// Room kept free at the right of a scrolled panel for its scroll bar (points).
const SCROLL_BAR_ROOM: f32 = 14.0;

/// Lays `contents` out in exactly the space `ui` has left: wider contents are clipped, never
/// allowed to grow the panel around them.
/// When `rtl`, each widget stands against the right edge.
fn fixed_width_ui(ui: &mut egui::Ui, rtl: bool, contents: impl FnOnce(&mut egui::Ui)) {
    let rect = ui.available_rect_before_wrap();
    let align = if rtl {
        egui::Align::Max
    } else {
        egui::Align::Min
    };
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::top_down(align)),
    );
    child.shrink_clip_rect(rect);
    contents(&mut child);
    ui.allocate_rect(rect, egui::Sense::hover());
}

/// Catalogue keys of the recovery window's buttons (also what tests click).
pub const RESTORE_RECOVERY: &str = crate::i18n::key("recovery-restore");
pub const DISCARD_RECOVERY: &str = crate::i18n::key("recovery-discard");

impl DaftarApp {
    /// The command palette while open; runs what is chosen.
    fn palette_ui(&mut self, ctx: &egui::Context) {
        if !self.palette.open {
            return;
        }
        let entries = self.palette_entries(ctx);
        let text_engine = self.text_engine.get_or_insert_with(|| TextEngine::new(ctx));
        match self.palette.ui(ctx, text_engine, &entries) {
            Some(PaletteAction::Ui(command)) => {
                if let Some(command) = self.command_for(command) {
                    self.push(command);
                }
            }
            Some(PaletteAction::App(command)) => self.push(command),
            None => {}
        }
    }

    /// The question a command asked, until it is answered.
    fn confirmation_ui(&mut self, ctx: &egui::Context) {
        let Some(confirmation) = &self.confirmation else {
            return;
        };
        let text_engine = self.text_engine.get_or_insert_with(|| TextEngine::new(ctx));
        match super::confirm::confirm_ui(ctx, text_engine, confirmation) {
            Some(true) => {
                let command = confirmation.command.clone();
                self.confirmation = None;
                self.push(command);
            }
            Some(false) => self.confirmation = None,
            None => {}
        }
    }

    /// Offers back the work kept aside when the project could not be saved last time.
    fn recovery_ui(&mut self, ctx: &egui::Context) {
        if !self.offer_recovery {
            return;
        }
        let kept = crate::store::recovery_path(&self.session.project_path());
        let mut choice = None;
        let mut close = false;
        let tr = self.words();
        super::words::window("recovery")
            .collapsible(false)
            .show(ctx, |ui| {
                close = super::words::title_bar(ui, &tr.t("recovery-title"));
                super::words::page(ui, super::words::right_to_left(ui), |ui| {
                    super::words::label(ui, &tr.t("recovery-kept"));
                    let text_engine = self
                        .text_engine
                        .get_or_insert_with(|| TextEngine::new(ui.ctx()));
                    let kept = kept.display().to_string();
                    super::bidi_label::bidi_label_ui(ui, text_engine, &kept, 13.0);
                    super::words::label(ui, &tr.t("recovery-restoring"));
                    super::words::row(ui, |ui| {
                        if super::words::button(ui, &tr.t(RESTORE_RECOVERY)).clicked() {
                            choice = Some(AppCommand::RestoreRecovery);
                        }
                        if super::words::button(ui, &tr.t(DISCARD_RECOVERY)).clicked() {
                            choice = Some(AppCommand::DiscardRecovery);
                        }
                    });
                });
            });
        if let Some(command) = choice {
            self.push(command);
            self.offer_recovery = false;
            self.highlights = Highlights::default();
        }
        if close {
            self.offer_recovery = false;
        }
    }
}

/// What an opening has to tell the user, put in words when shown, in the interface's language
/// then (kept until the language changes: a report may name thousands of files).
pub(super) struct ReportToShow {
    report: OpeningReport,
    lines: Option<(crate::model::LabelLanguage, Vec<String>)>,
}

enum OpeningReport {
    /// A folder's skipped, changed, missing or re-decoded files.
    Folder(crate::corpus::ImportReport),
    /// What an import of another tool's annotations did.
    Annotations(crate::open::OpenedAnnotations),
}

impl ReportToShow {
    /// Its lines, in words of `tr`'s language.
    pub(super) fn lines(&mut self, tr: crate::i18n::Words) -> &[String] {
        if self
            .lines
            .as_ref()
            .is_none_or(|(language, _)| *language != tr.language)
        {
            let lines = match &self.report {
                OpeningReport::Folder(report) => report.lines(tr),
                OpeningReport::Annotations(opened) => opened.lines(tr),
            };
            self.lines = Some((tr.language, lines));
        }
        self.lines.as_ref().map_or(&[], |(_, lines)| lines)
    }
}

/// What an opening has to tell the user: another tool's import, or a folder's skipped, changed
/// or re-decoded files.
fn import_report_worth_showing(opened: &OpenedProject) -> Option<ReportToShow> {
    let report = if let Some(annotations) = &opened.annotation_report {
        OpeningReport::Annotations(annotations.clone())
    } else {
        let report = opened.import_report.as_ref()?;
        let worth = report.skipped() + report.changed() + report.missing() + report.warned() > 0;
        if !worth {
            return None;
        }
        OpeningReport::Folder(report.clone())
    };
    Some(ReportToShow {
        report,
        lines: None,
    })
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
        if let Err(error) = self.session.save_before_exit() {
            eprintln!("daftar: {error}");
        }
    }
}
