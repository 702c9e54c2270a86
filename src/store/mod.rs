//! The project file: versioned RON, written deterministically and atomically, guarded by a lock.
//!
//! A project file is only ever written through a [`ProjectFile`], which exists only for a file
//! that loaded cleanly (or did not exist): a malformed file is reported and never overwritten.

mod atomic;
mod lock;
mod saver;

pub use atomic::{backup_path, write_atomically};
pub use lock::{LockError, ProjectLock, lock_path};
pub use saver::{BackgroundSaver, SaveResult};

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::Deserialize;
use thiserror::Error;

use crate::model::{FORMAT_VERSION, Project};

/// What can go wrong with a project file. Messages end with the file's path; underlying I/O
/// errors are part of the message (not a `source`), so they are printed once.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("cannot read the project file ({error}): {}", path.display())]
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("the project file is malformed at line {line}, column {column}: {message}: {}", path.display())]
    Malformed {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "the project file has format {found}, newer than this Daftar reads ({FORMAT_VERSION}): update Daftar to open it: {}",
        path.display()
    )]
    TooNew { path: PathBuf, found: u32 },
    #[error(transparent)]
    Locked(#[from] LockError),
    #[error("a file is already there, and Daftar will not replace a file it did not load: {}", path.display())]
    WouldReplace { path: PathBuf },
    #[error(
        "the project file was changed by another program since it was opened; not saving over it: {}",
        path.display()
    )]
    ChangedOnDisk { path: PathBuf },
    #[error("cannot save the project ({error}): {}", path.display())]
    Write {
        path: PathBuf,
        error: std::io::Error,
    },
}

/// The project as the file holds it: deterministic RON, one span per line.
pub fn to_ron(project: &Project) -> String {
    // Depth 4 is a span inside a document's span list: deeper values stay on one line.
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(4)
        .indentor("  ")
        .separate_tuple_members(false)
        .struct_names(false);
    let mut text = ron::ser::to_string_pretty(project, config).expect("a project serializes");
    text.push('\n');
    text
}

/// Reads a project from RON text; `path` is only used in error messages.
pub fn from_ron(text: &str, path: &Path) -> Result<Project, StoreError> {
    match ron::from_str::<Project>(text) {
        Ok(mut project) => {
            if project.format > FORMAT_VERSION {
                return Err(StoreError::TooNew {
                    path: path.to_path_buf(),
                    found: project.format,
                });
            }
            // Format 1 is the only one so far: older formats would be migrated here.
            project.format = FORMAT_VERSION;
            Ok(project)
        }
        Err(error) => {
            // A newer format may fail to parse as this one: say so rather than "malformed".
            #[derive(Deserialize)]
            struct VersionOnly {
                format: u32,
            }
            if let Ok(VersionOnly { format }) = ron::from_str::<VersionOnly>(text)
                && format > FORMAT_VERSION
            {
                return Err(StoreError::TooNew {
                    path: path.to_path_buf(),
                    found: format,
                });
            }
            Err(StoreError::Malformed {
                path: path.to_path_buf(),
                line: error.span.start.line,
                column: error.span.start.col,
                message: error.code.to_string(),
            })
        }
    }
}

/// Loads a project file without locking it (for reading only: `check`, `stats`).
pub fn load(path: &Path) -> Result<Project, StoreError> {
    let text = std::fs::read_to_string(path).map_err(|error| StoreError::Read {
        path: path.to_path_buf(),
        error,
    })?;
    from_ron(&text, path)
}

/// Length and modification time: enough to notice another program writing the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct FileStamp {
    len: u64,
    modified: Option<SystemTime>,
}

fn stamp_of(path: &Path) -> Option<FileStamp> {
    let metadata = std::fs::metadata(path).ok()?;
    Some(FileStamp {
        len: metadata.len(),
        modified: metadata.modified().ok(),
    })
}

/// A project file this process may write: locked, and either loaded cleanly or new.
#[derive(Debug)]
pub struct ProjectFile {
    path: PathBuf,
    _lock: ProjectLock,
    /// The file as last loaded or saved; `None` while it does not exist yet.
    stamp: Option<FileStamp>,
}

impl ProjectFile {
    /// Locks and loads an existing project file.
    pub fn open(path: &Path) -> Result<(ProjectFile, Project), StoreError> {
        let lock = ProjectLock::acquire(path)?;
        let stamp = stamp_of(path);
        let project = load(path)?;
        Ok((
            ProjectFile {
                path: path.to_path_buf(),
                _lock: lock,
                stamp,
            },
            project,
        ))
    }

    /// Locks a path for a new project. Refuses if a file is already there.
    pub fn create(path: &Path) -> Result<ProjectFile, StoreError> {
        let lock = ProjectLock::acquire(path)?;
        if path.exists() {
            return Err(StoreError::WouldReplace {
                path: path.to_path_buf(),
            });
        }
        Ok(ProjectFile {
            path: path.to_path_buf(),
            _lock: lock,
            stamp: None,
        })
    }

    /// Opens the project at `path` if there is one, or starts `new()` there.
    pub fn open_or_create(
        path: &Path,
        new: impl FnOnce() -> Project,
    ) -> Result<(ProjectFile, Project), StoreError> {
        if path.exists() {
            Self::open(path)
        } else {
            Ok((Self::create(path)?, new()))
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves atomically, keeping the previous file as a backup.
    pub fn save(&mut self, project: &Project) -> Result<(), StoreError> {
        self.save_text(&to_ron(project))
    }

    /// Saves text already serialized by [`to_ron`] (serialization can then run elsewhere).
    pub fn save_text(&mut self, text: &str) -> Result<(), StoreError> {
        if stamp_of(&self.path) != self.stamp {
            return Err(if self.stamp.is_none() {
                StoreError::WouldReplace {
                    path: self.path.clone(),
                }
            } else {
                StoreError::ChangedOnDisk {
                    path: self.path.clone(),
                }
            });
        }
        write_atomically(&self.path, text.as_bytes()).map_err(|error| StoreError::Write {
            path: self.path.clone(),
            error,
        })?;
        self.stamp = stamp_of(&self.path);
        Ok(())
    }
}
