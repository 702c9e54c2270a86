//! One writer per project: a lock file beside the project, held with an OS file lock. The OS
//! releases the lock when the process dies, so a lock file left by a crash is recognised as stale
//! and taken over.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum LockError {
    #[error("the project is open in another Daftar (process {pid}); close it there first: {}", path.display())]
    Held { path: PathBuf, pid: String },
    #[error("cannot lock the project ({error}): {}", path.display())]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

/// `project.daftar.ron` → `project.daftar.ron.lock`; a project folder's lock is inside it
/// (`NAME.daftar/.lock`, which its `.gitignore` leaves out of git).
pub fn lock_path(project: &Path) -> PathBuf {
    if project.is_dir() {
        return project.join(".lock");
    }
    let mut name = project.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    project.with_file_name(name)
}

/// Held while a project is open for writing; released (and the lock file removed) on drop.
#[derive(Debug)]
pub struct ProjectLock {
    path: PathBuf,
    file: File,
}

impl ProjectLock {
    /// Takes the project's lock. The lock file is removed when the lock is released; a process
    /// that locked the old file just then finds that its file is no longer the one at the path,
    /// and tries again on the new one, so two processes never both hold it.
    pub fn acquire(project: &Path) -> Result<ProjectLock, LockError> {
        for _ in 0..100 {
            if let Some(lock) = Self::try_acquire(project)? {
                return Ok(lock);
            }
        }
        Err(LockError::Io {
            path: lock_path(project),
            error: std::io::Error::other("the lock file keeps being replaced"),
        })
    }

    /// `None` when the file locked was removed from the path meanwhile (try again).
    fn try_acquire(project: &Path) -> Result<Option<ProjectLock>, LockError> {
        let path = lock_path(project);
        let io_error = |error| LockError::Io {
            path: path.clone(),
            error,
        };
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io_error)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut pid = String::new();
                let _ = file.read_to_string(&mut pid);
                return Err(LockError::Held {
                    path: project.to_path_buf(),
                    pid: pid.trim().to_string(),
                });
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io_error(e)),
        }
        if !same_file(&file, &path) {
            return Ok(None);
        }
        // Ours now, stale or new: record who holds it.
        file.set_len(0).map_err(io_error)?;
        file.rewind().map_err(io_error)?;
        write!(file, "{}", std::process::id()).map_err(io_error)?;
        Ok(Some(ProjectLock { path, file }))
    }
}

/// Whether `file` is still the file at `path` (it may have been removed, and another made).
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(held), Ok(there)) => held.dev() == there.dev() && held.ino() == there.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

impl Drop for ProjectLock {
    /// The file goes first, then the lock: a process that takes the lock on the removed file
    /// sees that it is no longer the file at the path ([`ProjectLock::acquire`]).
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.daftar.ron");
        let first = ProjectLock::acquire(&project).unwrap();
        let second = ProjectLock::acquire(&project);
        match second {
            Err(LockError::Held { pid, .. }) => assert_eq!(pid, std::process::id().to_string()),
            other => panic!("expected Held, got {other:?}"),
        }
        drop(first);
        assert!(!lock_path(&project).exists());
        ProjectLock::acquire(&project).unwrap();
    }

    #[test]
    fn a_lock_taken_on_a_file_removed_meanwhile_is_not_held() {
        // The lock file is removed before it is unlocked: a process that locked it in that
        // instant held a lock on a file no longer there while another locked the new one.
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.daftar.ron");
        let path = lock_path(&project);
        let old = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .unwrap();
        std::fs::remove_file(&path).unwrap();
        assert!(!same_file(&old, &path));
        let lock = ProjectLock::acquire(&project).unwrap();
        assert!(
            same_file(&lock.file, &path),
            "the lock is on the file at the path"
        );
        // Holding the old, removed file locked does not stop the real lock, nor fake it.
        old.try_lock().unwrap();
        assert!(matches!(
            ProjectLock::acquire(&project),
            Err(LockError::Held { .. })
        ));
    }

    #[test]
    fn a_stale_lock_file_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.daftar.ron");
        // A lock file left behind by a process that died: present, but nobody holds the OS lock.
        std::fs::write(lock_path(&project), "999999").unwrap();
        let lock = ProjectLock::acquire(&project).unwrap();
        assert_eq!(
            std::fs::read_to_string(lock_path(&project)).unwrap(),
            std::process::id().to_string()
        );
        drop(lock);
    }
}
