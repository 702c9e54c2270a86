//! Work on a background thread that reports progress and can be cancelled: opening a project or
//! importing a folder, "tag all occurrences" over the corpus, exporting. The window polls the job
//! each frame and shows a progress bar with Cancel.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;

use eframe::egui;

use crate::corpus::ImportOptions;
use crate::open::{OpenedProject, import_into_with_progress, open_path_with_progress};

/// What the work on the thread reports through.
pub struct Progress {
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    ctx: egui::Context,
}

impl Progress {
    /// `done` of `total` steps are done; the window repaints to show it.
    pub fn report(&self, done: usize, total: usize) {
        self.done.store(done, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.ctx.request_repaint();
    }

    /// Set when the user pressed Cancel.
    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.cancel
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// A job running on its own thread, producing a `T`.
pub struct Job<T> {
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    handle: JoinHandle<T>,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a new thread; the window repaints when it reports and when it ends.
    pub fn spawn(ctx: &egui::Context, work: impl FnOnce(&Progress) -> T + Send + 'static) -> Self {
        let progress = Progress {
            done: Arc::new(AtomicUsize::new(0)),
            total: Arc::new(AtomicUsize::new(0)),
            cancel: Arc::new(AtomicBool::new(false)),
            ctx: ctx.clone(),
        };
        let (done, total, cancel) = (
            progress.done.clone(),
            progress.total.clone(),
            progress.cancel.clone(),
        );
        let handle = std::thread::spawn(move || {
            let result = work(&progress);
            progress.ctx.request_repaint();
            result
        });
        Job {
            done,
            total,
            cancel,
            handle,
        }
    }

    /// Steps done, and how many there are (0 while not yet known).
    pub fn progress(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_finished(&self) -> bool {
        self.handle.is_finished()
    }

    /// Waits for the result. A job that panicked is a bug: its panic goes on here.
    pub fn finish(self) -> T {
        match self.handle.join() {
            Ok(result) => result,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }

    /// A progress bar and a Cancel button.
    pub fn progress_ui(&self, ui: &mut egui::Ui) {
        let (done, total) = self.progress();
        let fraction = if total == 0 {
            0.0
        } else {
            done as f32 / total as f32
        };
        ui.add(egui::ProgressBar::new(fraction).desired_width(160.0));
        // The percentage in the interface's digits (egui's bar would write Latin ones).
        let percent = super::words::number(ui, format!("{:.0}%", fraction * 100.0));
        super::words::label(ui, &percent);
        let cancel = super::words::tr(ui, "cancel");
        if super::words::button(ui, &cancel).clicked() {
            self.cancel();
        }
    }
}

/// Opening a project, or importing a folder, in the background.
pub struct OpenJob {
    pub path: PathBuf,
    pub job: Job<anyhow::Result<Option<OpenedProject>>>,
}

impl OpenJob {
    /// Starts opening `path`, or importing the folder `path` into the project file `project`
    /// (new or existing) when one is given.
    pub fn start(path: PathBuf, project: Option<PathBuf>, ctx: &egui::Context) -> Self {
        let source = path.clone();
        let job = Job::spawn(ctx, move |progress| {
            let mut report = |done, total| {
                progress.report(done, total);
                !progress.is_cancelled()
            };
            match &project {
                Some(project) => {
                    let options = ImportOptions::default();
                    import_into_with_progress(project, &source, options, &mut report)
                }
                None => open_path_with_progress(&source, &mut report),
            }
        });
        OpenJob { path, job }
    }

    pub fn is_finished(&self) -> bool {
        self.job.is_finished()
    }

    /// The result, once finished: `Ok(None)` when cancelled.
    pub fn finish(self) -> anyhow::Result<Option<OpenedProject>> {
        self.job.finish()
    }
}
