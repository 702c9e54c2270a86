//! The export window: format (or every format), scope (reviewed work by default), destination
//! folder, a byte order mark for Excel; runs in the background with progress and cancel, and
//! asks before writing into a folder that is not empty.

use std::path::PathBuf;

use eframe::egui;

use super::app::DaftarApp;
use super::background::Job;
use crate::export::{ExportError, ExportOptions, ExportSummary, Format, Scope, export_to_folder};

/// Texts of the window's controls (also what tests click).
pub const EXPORT_WINDOW: &str = "Export";
pub const EXPORT_BUTTON: &str = "Export now";
pub const REPLACE_BUTTON: &str = "Replace files";
pub const EVERY_FORMAT: &str = "every format";

/// The export window's state.
#[derive(Default)]
pub struct ExportDialog {
    pub open: bool,
    /// `None`: every format, each into its own subfolder.
    pub format: Option<Format>,
    pub everything: bool,
    pub bom: bool,
    pub folder: String,
    /// Set when the folder is not empty and the user has to say whether to replace files.
    pub confirm_replace: bool,
    pub job: Option<Job<Result<ExportSummary, ExportError>>>,
    /// What the last export did, or why it failed.
    pub outcome: Option<Result<String, String>>,
}

impl DaftarApp {
    pub fn open_export_dialog(&mut self) {
        let project = self.project_path();
        let dialog = &mut self.export;
        dialog.open = true;
        if dialog.folder.is_empty() {
            let stem = project
                .file_name()
                .map_or("project".into(), |n| n.to_string_lossy().into_owned());
            let stem = stem
                .strip_suffix(".daftar.ron")
                .unwrap_or(&stem)
                .to_string();
            dialog.folder = project
                .with_file_name(format!("{stem}-export"))
                .display()
                .to_string();
        }
    }

    /// Starts the export as set in the window (`force`: replace files in a folder in use).
    pub fn start_export(&mut self, force: bool, ctx: &egui::Context) {
        let out = PathBuf::from(self.export.folder.trim());
        if out.as_os_str().is_empty() {
            self.export.outcome = Some(Err("Choose a folder to export into.".into()));
            return;
        }
        let not_empty = std::fs::read_dir(&out).is_ok_and(|mut d| d.next().is_some());
        if not_empty && !force {
            self.export.confirm_replace = true;
            return;
        }
        self.export.confirm_replace = false;
        self.export.outcome = None;
        let formats: Vec<Format> = match self.export.format {
            Some(format) => vec![format],
            None => Format::ALL.to_vec(),
        };
        let scope = if self.export.everything {
            Scope::All
        } else {
            Scope::Reviewed
        };
        let options = ExportOptions {
            bom: self.export.bom,
        };
        // A snapshot: documents are shared, so this copies one pointer per document.
        let project = self.project.clone();
        let corpus_root = self.corpus_root.clone();
        let job = Job::spawn(ctx, move |progress| {
            export_to_folder(
                &project,
                &corpus_root,
                &formats,
                scope,
                options,
                &out,
                force,
                &mut |done, total| progress.report(done, total),
                progress.cancel_flag(),
            )
        });
        self.export.job = Some(job);
    }

    /// Waits for a running export (tests use it).
    pub fn wait_for_export(&mut self) {
        if let Some(job) = self.export.job.take() {
            self.finish_export(job.finish());
        }
    }

    fn finish_export(&mut self, result: Result<ExportSummary, ExportError>) {
        let folder = self.export.folder.clone();
        self.export.outcome = Some(match result {
            Ok(summary) => Ok(format!("Exported {summary} into {folder}.")),
            Err(ExportError::Cancelled) => Err("Export cancelled: nothing was written.".into()),
            Err(error) => Err(format!("Not exported: {error}.")),
        });
    }

    pub(super) fn export_window_ui(&mut self, ctx: &egui::Context) {
        if self.export.job.as_ref().is_some_and(Job::is_finished) {
            self.wait_for_export();
        }
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
                ui.checkbox(&mut dialog.bom, "CSV for Excel (byte order mark)");
                ui.horizontal(|ui| {
                    let label = ui.label("Folder");
                    ui.add(egui::TextEdit::singleline(&mut dialog.folder).desired_width(320.0))
                        .labelled_by(label.id);
                    if ui.button("Choose…").clicked()
                        && let Some(folder) = rfd::FileDialog::new().pick_folder()
                    {
                        dialog.folder = folder.display().to_string();
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
                match &dialog.outcome {
                    Some(Ok(done)) => {
                        ui.label(done);
                    }
                    Some(Err(error)) => {
                        ui.colored_label(ui.visuals().warn_fg_color, error);
                    }
                    None => {}
                }
            });
        if let Some(force) = start {
            self.start_export(force, ctx);
        }
        self.export.open = open;
    }
}
