//! Opening a project or importing a folder on a background thread, with progress and cancel.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;

use eframe::egui;

use crate::corpus::ImportOptions;
use crate::open::{OpenedProject, import_into_with_progress, open_path_with_progress};

pub struct OpenJob {
    pub path: PathBuf,
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    handle: JoinHandle<anyhow::Result<Option<OpenedProject>>>,
}

impl OpenJob {
    /// Starts opening `path`; asks egui to repaint as it goes.
    pub fn start(path: PathBuf, ctx: &egui::Context) -> Self {
        Self::start_with(path, None, ctx)
    }

    /// Starts importing the folder `source` into the project file `project` (new or existing).
    pub fn start_import(source: PathBuf, project: PathBuf, ctx: &egui::Context) -> Self {
        Self::start_with(source, Some(project), ctx)
    }

    fn start_with(path: PathBuf, project: Option<PathBuf>, ctx: &egui::Context) -> Self {
        let done = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let handle = {
            let (done, total, cancel) = (done.clone(), total.clone(), cancel.clone());
            let (path, ctx) = (path.clone(), ctx.clone());
            std::thread::spawn(move || {
                let mut progress = |d, t| {
                    done.store(d, Ordering::Relaxed);
                    total.store(t, Ordering::Relaxed);
                    ctx.request_repaint();
                    !cancel.load(Ordering::Relaxed)
                };
                let result = match &project {
                    Some(project) => {
                        let options = ImportOptions::default();
                        import_into_with_progress(project, &path, options, &mut progress)
                    }
                    None => open_path_with_progress(&path, &mut progress),
                };
                ctx.request_repaint();
                result
            })
        };
        OpenJob {
            path,
            done,
            total,
            cancel,
            handle,
        }
    }

    /// Files read so far, and how many there are (0 while scanning).
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

    /// The result, once finished: `Ok(None)` when cancelled.
    pub fn finish(self) -> anyhow::Result<Option<OpenedProject>> {
        self.handle.join().expect("the open thread does not panic")
    }
}
