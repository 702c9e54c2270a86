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
use crate::app::{AppCommand, ExportJob, ExportRequest};
use crate::interchange::{ExportError, ExportOptions, ExportSummary, Format, Scope};
use crate::layout::TextEditor;

/// Texts of the window's controls (also what tests click).
pub const EXPORT_WINDOW: &str = "Export";
pub const EXPORT_BUTTON: &str = "Export now";
pub const REPLACE_BUTTON: &str = "Replace files";
pub const EVERY_FORMAT: &str = "every format";
/// Placeholder (and accessible name) of the folder field.
pub const FOLDER_HINT: &str = "Folder to export into";

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
        let folder = self.writing_into.display();
        self.outcome = Some(match job.finish() {
            Ok(summary) => {
                self.warnings = summary.warnings.clone();
                Ok(format!("Exported {summary} into {folder}."))
            }
            Err(ExportError::Cancelled) => Err("Export cancelled: nothing was written.".into()),
            Err(error) => Err(format!("Not exported: {error}.")),
        });
    }
}

impl DaftarApp {
    pub(super) fn export_window_ui(&mut self, ctx: &egui::Context) {
        if !self.export.open {
            return;
        }
        let mut open = true;
        let mut start = None;
        egui::Window::new(EXPORT_WINDOW)
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                let text_engine = self
                    .text_engine
                    .get_or_insert_with(|| TextEngine::new(ui.ctx()));
                let dialog = &mut self.export;
                let format_name = dialog.format.map_or(EVERY_FORMAT, |f| f.name());
                egui::ComboBox::new("export format", "Format")
                    .selected_text(format_name)
                    .show_ui(ui, |ui| {
                        for format in Format::ALL {
                            ui.selectable_value(&mut dialog.format, Some(format), format.name());
                        }
                        ui.selectable_value(&mut dialog.format, None, EVERY_FORMAT);
                    });
                ui.radio_value(&mut dialog.everything, false, "Reviewed work only");
                ui.radio_value(&mut dialog.everything, true, "Everything but rejected work");
                ui.checkbox(&mut dialog.for_excel, "CSV for Excel")
                    .on_hover_text(
                        "A byte order mark, and cells beginning with = + - @ shown as text, \
                         never run as formulas",
                    );
                ui.horizontal(|ui| {
                    ui.label("Folder");
                    bidi_text_edit_ui(ui, text_engine, &mut dialog.folder, FOLDER_HINT, 320.0);
                    if ui.button("Choose…").clicked()
                        && let Some(folder) = rfd::FileDialog::new().pick_folder()
                    {
                        dialog.folder.set_text(&folder.display().to_string());
                        dialog.confirm_replace = false;
                    }
                });
                if let Some(job) = &dialog.job {
                    ui.horizontal(|ui| job.progress_ui(ui));
                } else if dialog.confirm_replace {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        "This folder is not empty: files with the same names will be replaced.",
                    );
                    ui.horizontal(|ui| {
                        if ui.button(REPLACE_BUTTON).clicked() {
                            start = Some(true);
                        }
                        if ui.button("Choose another folder").clicked() {
                            dialog.confirm_replace = false;
                        }
                    });
                } else if ui.button(EXPORT_BUTTON).clicked() {
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
        if let Some(replace) = start {
            let request = self.export.request(replace);
            self.push(AppCommand::Export(request));
        }
        self.export.open = open;
    }
}
