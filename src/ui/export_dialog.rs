//! The export window: format (or every format), scope (reviewed work by default), destination
//! folder, a byte order mark for Excel. "Export now" pushes an export command; the session
//! refuses a folder in use until the user says to replace its files, and the export itself runs
//! in the background with progress and cancel.

use std::path::{Path, PathBuf};

use eframe::egui;

use super::app::DaftarApp;
use super::background::Job;
use super::bidi_label::{bidi_label_colored_ui, bidi_label_ui};
use super::text_engine::TextEngine;
use super::text_input::bidi_text_edit_ui;
use super::words as wd;
use crate::app::{AppCommand, ExportJob, ExportRequest};
use crate::i18n::{Words, key};
use crate::interchange::{ExportError, ExportOptions, ExportSummary, Format, Scope};
use crate::layout::TextEditor;

/// Catalogue keys of the window's controls (also what tests click).
pub const EXPORT_WINDOW: &str = key("export-title");
pub const EXPORT_BUTTON: &str = key("export-now");
pub const REPLACE_BUTTON: &str = key("export-replace");
pub const EVERY_FORMAT: &str = key("export-every-format");
/// Placeholder (and accessible name) of the folder field.
pub const FOLDER_HINT: &str = key("export-folder-hint");

/// The export window's state.
#[derive(Default)]
pub struct ExportDialog {
    pub open: bool,
    /// `None`: every format, each into its own subfolder.
    pub format: Option<Format>,
    pub everything: bool,
    /// CSV for Excel (see [`ExportOptions::for_excel`]).
    pub for_excel: bool,
    /// The folder, as typed (a Persian or Arabic path too).
    pub folder: TextEditor,
    /// Set when the folder is not empty and the user has to say whether to replace files.
    pub confirm_replace: bool,
    pub job: Option<Job<Result<ExportSummary, ExportError>>>,
    /// The folder the running export writes into.
    writing_into: PathBuf,
    /// What the last export did, or why it failed.
    pub outcome: Option<Result<String, String>>,
    /// What the last export's tools would drop unless set up for it (doccano's settings).
    pub warnings: Vec<String>,
    /// The interface's language when the window was last drawn (its messages are in it).
    pub words: Option<Words>,
}

impl ExportDialog {
    /// Opens the window; the folder starts as `<project>-export` beside the project.
    pub fn show(&mut self, project: &Path) {
        self.open = true;
        if self.folder.text().trim().is_empty() {
            let name = project
                .file_name()
                .map_or("project".into(), |n| n.to_string_lossy().into_owned());
            let stem = name
                .strip_suffix(".daftar.ron")
                .or_else(|| name.strip_suffix(".daftar"))
                .unwrap_or(&name);
            let folder = project.with_file_name(format!("{stem}-export"));
            self.folder.set_text(&folder.display().to_string());
        }
    }

    /// The export the window is set up for (`replace`: files in a folder in use may go).
    pub fn request(&self, replace: bool) -> ExportRequest {
        ExportRequest {
            formats: match self.format {
                Some(format) => vec![format],
                None => Format::ALL.to_vec(),
            },
            scope: if self.everything {
                Scope::All
            } else {
                Scope::Reviewed
            },
            options: ExportOptions {
                for_excel: self.for_excel,
            },
            folder: PathBuf::from(self.folder.text().trim()),
            replace,
        }
    }

    /// Runs the export the session prepared, in the background.
    pub fn start(&mut self, job: ExportJob, ctx: &egui::Context) {
        self.confirm_replace = false;
        self.outcome = None;
        self.warnings.clear();
        self.writing_into = job.request.folder.clone();
        self.job = Some(Job::spawn(ctx, move |progress| {
            job.run(
                &mut |done, total| progress.report(done, total),
                progress.cancel_flag(),
            )
        }));
    }

    /// Takes the result of a finished export.
    pub fn poll(&mut self) {
        if self.job.as_ref().is_some_and(Job::is_finished) {
            self.wait_for_export();
        }
    }

    /// Waits for a running export (tests use it).
    pub fn wait_for_export(&mut self) {
        let Some(job) = self.job.take() else { return };
        let folder = self.writing_into.display().to_string();
        let tr = self.words.unwrap_or(Words::ENGLISH);
        self.outcome = Some(match job.finish() {
            Ok(summary) => {
                self.warnings = summary.warnings.clone();
                Ok(tr.t_with(
                    "export-done",
                    &[
                        ("documents", summary.documents.into()),
                        ("spans", summary.spans.into()),
                        ("meetings", summary.meetings.into()),
                        ("outcomes", summary.outcomes.into()),
                        ("files", summary.files.into()),
                        ("folder", folder.into()),
                    ],
                ))
            }
            Err(ExportError::Cancelled) => Err(tr.t("export-cancelled")),
            Err(error) => Err(tr.t_with("export-failed", &[("error", error.to_string().into())])),
        });
    }
}

impl DaftarApp {
    pub(super) fn export_window_ui(&mut self, ctx: &egui::Context) {
        if !self.export.open {
            return;
        }
        let mut close = false;
        let mut start = None;
        let tr = wd::words(ctx);
        self.export.words = Some(tr);
        wd::window("export window")
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                close = wd::title_bar(ui, &tr.t(EXPORT_WINDOW));
                wd::page(ui, wd::right_to_left(ui), |ui| {
                    let text_engine = self
                        .text_engine
                        .get_or_insert_with(|| TextEngine::new(ui.ctx()));
                    let dialog = &mut self.export;
                    let every = tr.t(EVERY_FORMAT);
                    let format_name = dialog.format.map_or(every.as_str(), |f| f.name());
                    wd::combo(ui, &tr.t("export-format"), true, format_name, |ui| {
                        for format in Format::ALL {
                            let chosen = dialog.format == Some(format);
                            if wd::selectable(ui, chosen, format.name()).clicked() {
                                dialog.format = Some(format);
                            }
                        }
                        if wd::selectable(ui, dialog.format.is_none(), &every).clicked() {
                            dialog.format = None;
                        }
                    });
                    wd::radio(
                        ui,
                        &mut dialog.everything,
                        false,
                        &tr.t("export-reviewed-only"),
                    );
                    wd::radio(ui, &mut dialog.everything, true, &tr.t("export-everything"));
                    let excel = wd::checkbox(ui, &mut dialog.for_excel, &tr.t("export-excel"));
                    wd::hover(excel, &tr.t("export-excel-tip"));
                    wd::row(ui, |ui| {
                        wd::label(ui, &tr.t("export-folder"));
                        let hint = tr.t(FOLDER_HINT);
                        bidi_text_edit_ui(ui, text_engine, &mut dialog.folder, &hint, 320.0);
                        if wd::button(ui, &tr.t("export-choose")).clicked()
                            && let Some(folder) = rfd::FileDialog::new().pick_folder()
                        {
                            dialog.folder.set_text(&folder.display().to_string());
                            dialog.confirm_replace = false;
                        }
                    });
                    if let Some(job) = &dialog.job {
                        wd::row(ui, |ui| job.progress_ui(ui));
                    } else if dialog.confirm_replace {
                        wd::colored(ui, ui.visuals().warn_fg_color, &tr.t("export-not-empty"));
                        wd::row(ui, |ui| {
                            if wd::button(ui, &tr.t(REPLACE_BUTTON)).clicked() {
                                start = Some(true);
                            }
                            if wd::button(ui, &tr.t("export-choose-another")).clicked() {
                                dialog.confirm_replace = false;
                            }
                        });
                    } else if wd::button(ui, &tr.t(EXPORT_BUTTON)).clicked() {
                        start = Some(false);
                    }
                    // Messages name the folder, which may be Persian or Arabic: our text engine.
                    match &dialog.outcome {
                        Some(Ok(done)) => {
                            bidi_label_ui(ui, text_engine, done, 14.0);
                        }
                        Some(Err(error)) => {
                            let warn = Some(ui.visuals().warn_fg_color);
                            bidi_label_colored_ui(ui, text_engine, error, 14.0, warn);
                        }
                        None => {}
                    }
                    for warning in &dialog.warnings {
                        let warn = Some(ui.visuals().warn_fg_color);
                        bidi_label_colored_ui(ui, text_engine, warning, 14.0, warn);
                    }
                });
            });
        if let Some(replace) = start {
            let request = self.export.request(replace);
            self.push(AppCommand::Export(request));
        }
        if close {
            self.export.open = false;
        }
    }
}
