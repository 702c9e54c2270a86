//! The Sync window: a sync with the team running through git (commit, pull, push) with its step
//! and Cancel, then what it did: merged, pushed, or the files both sides changed, named as what
//! they hold. When it ends the project is read again, so the others' work shows.

use eframe::egui;

use super::app::DaftarApp;
use super::background::Job;
use super::bidi_label::bidi_label_ui;
use super::text_engine::TextEngine;
use super::words as wd;
use crate::app::{AppCommand, SyncJob};
use crate::i18n::key;
use crate::sync::{Step, SyncError, SyncReport};

/// Catalogue keys of the window's title and button (also what tests find).
pub const SYNC_WINDOW: &str = key("team-sync");
pub const CLOSE: &str = key("window-close");

/// A sync running, or the account of the last one.
#[derive(Default)]
pub struct SyncState {
    job: Option<Job<Result<SyncReport, SyncError>>>,
    /// The last sync's account, shown until closed.
    pub account: Option<Result<SyncReport, SyncError>>,
}

impl SyncState {
    pub fn start(&mut self, job: SyncJob, ctx: &egui::Context) {
        if self.job.is_some() {
            return;
        }
        self.account = None;
        self.job = Some(Job::spawn(ctx, move |progress| {
            job.run(&mut |step| {
                let done = match step {
                    Step::Commit => 0,
                    Step::Pull => 1,
                    Step::Push => 2,
                };
                progress.report(done, 3);
                !progress.is_cancelled()
            })
        }));
    }

    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }
}

impl DaftarApp {
    /// Takes a finished sync's result and reads the project again.
    pub(super) fn finish_sync(&mut self) {
        if self.sync.job.as_ref().is_some_and(Job::is_finished) {
            self.wait_for_sync();
        }
    }

    /// Waits for a running sync, then reads the project again (tests use it).
    pub fn wait_for_sync(&mut self) {
        let Some(job) = self.sync.job.take() else {
            return;
        };
        let result = job.finish();
        if result.is_ok() {
            self.push(AppCommand::ReloadFromDisk);
        }
        self.sync.account = Some(result);
    }

    pub(super) fn sync_window_ui(&mut self, ctx: &egui::Context) {
        if !self.sync.is_running() && self.sync.account.is_none() {
            return;
        }
        let mut close = false;
        let engine = self.text_engine.get_or_insert_with(|| TextEngine::new(ctx));
        let tr = wd::words(ctx);
        wd::window(SYNC_WINDOW)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                // From the reading edge: the right one in Persian and Arabic.
                wd::page(ui, wd::right_to_left(ui), |ui| {
                    wd::heading(ui, &tr.t(SYNC_WINDOW));
                    ui.separator();
                    if let Some(job) = &self.sync.job {
                        wd::label(ui, &tr.t("sync-running"));
                        job.progress_ui(ui);
                        return;
                    }
                    match &self.sync.account {
                        Some(Ok(report)) => {
                            // Names, paths and the commit message may be Persian or Arabic.
                            for line in report.lines(tr) {
                                bidi_label_ui(ui, engine, &line, 14.0);
                            }
                            if !report.conflicts.is_empty() {
                                wd::label(ui, &tr.t("sync-conflicts-help"));
                            }
                        }
                        Some(Err(error)) => {
                            wd::colored(ui, ui.visuals().warn_fg_color, &tr.t("sync-failed"));
                            bidi_label_ui(ui, engine, &error.describe(tr), 14.0);
                        }
                        None => {}
                    }
                    if wd::button(ui, &tr.t(CLOSE)).clicked() {
                        close = true;
                    }
                });
            });
        if close {
            self.sync.account = None;
        }
    }
}
