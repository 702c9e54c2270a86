//! Saving off the UI thread: a snapshot of the project is serialized and written atomically by a
//! background thread while the user keeps working.

use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use super::{ProjectFile, StoreError};
use crate::model::Project;

/// A finished save: the revision it wrote, or why it failed.
pub type SaveResult = (u64, Result<(), StoreError>);

/// Called from the save thread when a save ends (the window asks for a frame, to show it).
pub type SavedNotice = Arc<dyn Fn() + Send + Sync>;

pub struct BackgroundSaver {
    file: Arc<Mutex<ProjectFile>>,
    running: Option<(u64, JoinHandle<Result<(), StoreError>>)>,
    notice: Option<SavedNotice>,
}

impl BackgroundSaver {
    pub fn new(file: ProjectFile) -> Self {
        BackgroundSaver {
            file: Arc::new(Mutex::new(file)),
            running: None,
            notice: None,
        }
    }

    /// Has `notice` called whenever a background save ends.
    pub fn notify_when_saved(&mut self, notice: SavedNotice) {
        self.notice = Some(notice);
    }

    pub fn path(&self) -> std::path::PathBuf {
        self.file
            .lock()
            .expect("no save panicked")
            .path()
            .to_path_buf()
    }

    pub fn is_saving(&self) -> bool {
        self.running.is_some()
    }

    /// Starts saving `snapshot` (the project as of `revision`). Returns `false`, and does
    /// nothing, while an earlier save is still running: call again after [`Self::poll`].
    pub fn start(&mut self, snapshot: Project, revision: u64) -> bool {
        if self.running.is_some() {
            return false;
        }
        let file = Arc::clone(&self.file);
        let notice = self.notice.clone();
        let handle = std::thread::spawn(move || {
            let result = file.lock().expect("no save panicked").save(&snapshot);
            if let Some(notice) = notice {
                notice();
            }
            result
        });
        self.running = Some((revision, handle));
        true
    }

    /// The result of the save that finished since the last call, if any.
    pub fn poll(&mut self) -> Option<SaveResult> {
        if !self.running.as_ref()?.1.is_finished() {
            return None;
        }
        self.wait()
    }

    /// Waits for the running save, if any, and returns its result.
    pub fn wait(&mut self) -> Option<SaveResult> {
        let (revision, handle) = self.running.take()?;
        let result = handle.join().expect("the save thread does not panic");
        Some((revision, result))
    }

    /// Whether the project is a folder project (else one file).
    pub fn is_folder(&self) -> bool {
        self.file.lock().expect("no save panicked").is_folder()
    }

    /// Reads the project again from disk, after any running save.
    pub fn reload(&mut self) -> Result<Project, StoreError> {
        self.wait();
        self.file.lock().expect("no save panicked").reload()
    }

    /// Saves right now on this thread (on exit), after any running save.
    pub fn save_now(&mut self, project: &Project, revision: u64) -> SaveResult {
        self.wait();
        let result = self.file.lock().expect("no save panicked").save(project);
        (revision, result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_in_the_background_and_reports_the_revision() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.daftar.ron");
        let file = ProjectFile::create(&path).unwrap();
        let mut saver = BackgroundSaver::new(file);
        let project = Project::new("p", "corpus");
        assert!(saver.start(project.clone(), 7));
        assert!(!saver.start(project.clone(), 8), "one save at a time");
        let (revision, result) = saver.wait().unwrap();
        assert_eq!(revision, 7);
        result.unwrap();
        assert_eq!(crate::store::load(&path).unwrap(), project);
        assert!(saver.poll().is_none());
    }
}
