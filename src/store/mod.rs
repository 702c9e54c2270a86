//! The project file: versioned RON, written deterministically and atomically, guarded by a lock.
//!
//! A project file is only ever written through a [`ProjectFile`], which exists only for a file
//! that loaded cleanly (or did not exist): a malformed file is reported and never overwritten.

mod atomic;
pub mod folder;
mod lock;
mod saver;

pub use atomic::{backup_path, sync_written, write_atomically};
pub use lock::{LockError, ProjectLock, lock_path};
pub use saver::{BackgroundSaver, SaveResult, SavedNotice};

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
    #[error(
        "the project file breaks rules Daftar relies on, so it is not opened for work (nothing was written): {}; `daftar check` lists every problem: {}",
        problems.join("; "),
        path.display()
    )]
    Unsafe {
        path: PathBuf,
        problems: Vec<String>,
    },
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

fn pretty_config(depth_limit: usize) -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .depth_limit(depth_limit)
        .indentor("  ")
        .separate_tuple_members(false)
        .struct_names(false)
}

/// Depth of a span inside a document's span list in the project: deeper values stay on one line.
const SPAN_DEPTH: usize = 4;
/// The same span, in a document serialized on its own.
const SPAN_DEPTH_IN_DOCUMENT: usize = SPAN_DEPTH - 2;
/// Indentation of a document's lines in the project.
const DOCUMENT_INDENT: &str = "    ";

/// The project as the file holds it: deterministic RON, one span per line.
///
/// Documents (nearly all of a large project) are serialized on all cores and spliced into the
/// rest; the bytes are exactly those of serializing the whole project at once, which a test
/// checks.
pub fn to_ron(project: &Project) -> String {
    let shell = project.clone_without_documents();
    let mut text = ron::ser::to_string_pretty(&shell, pretty_config(SPAN_DEPTH))
        .expect("a project serializes");
    let documents = documents_ron(&project.documents);
    const EMPTY: &str = "documents: [],";
    if !project.documents.is_empty() {
        let at = text
            .rfind(EMPTY)
            .expect("the documents field is serialized");
        text.replace_range(
            at..at + EMPTY.len(),
            &format!("documents: [\n{documents}  ],"),
        );
    }
    text.push('\n');
    text
}

/// The documents' part of the project file, each document indented and followed by a comma.
fn documents_ron(documents: &[std::sync::Arc<crate::model::Document>]) -> String {
    crate::parallel::map(documents, |d| document_ron(d)).concat()
}

fn document_ron(document: &crate::model::Document) -> String {
    let alone = ron::ser::to_string_pretty(document, pretty_config(SPAN_DEPTH_IN_DOCUMENT))
        .expect("a document serializes");
    let mut out = String::with_capacity(alone.len() + alone.len() / 8);
    // RON escapes line breaks inside strings, so every line break here is structural.
    for line in alone.lines() {
        out.push_str(DOCUMENT_INDENT);
        out.push_str(line);
        out.push('\n');
    }
    out.insert(out.len() - 1, ',');
    out
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
                message: readable(&error.code),
            })
        }
    }
}

/// RON's message for a parse error, in words for the person who opened the file (a message
/// meant for developers, such as the recursion limit's, is put in its own words).
fn readable(code: &ron::error::Error) -> String {
    match code {
        ron::error::Error::ExceededRecursionLimit => {
            "it nests deeper than any Daftar project does (is it a Daftar project?)".into()
        }
        code => code.to_string(),
    }
}

/// Where work that could not be saved into a project is kept: `NAME.recovery` beside it.
pub fn recovery_path(project: &Path) -> PathBuf {
    let mut name = project.file_name().unwrap_or_default().to_os_string();
    name.push(".recovery");
    project.with_file_name(name)
}

/// Keeps `project` beside the project file at `path` when it could not be saved there (the
/// file was changed by another program, say), for the next opening to offer back. The project
/// file itself is not touched.
pub fn write_recovery(path: &Path, project: &Project) -> std::io::Result<PathBuf> {
    let recovery = recovery_path(path);
    write_atomically(&recovery, to_ron(project).as_bytes())?;
    Ok(recovery)
}

/// Loads a project (a file, or a folder project) without locking it (for reading only:
/// `check`, `stats`).
pub fn load(path: &Path) -> Result<Project, StoreError> {
    if path.is_dir() {
        return folder::load_folder(path).map(|(project, _)| project);
    }
    let text = std::fs::read_to_string(path).map_err(|error| StoreError::Read {
        path: path.to_path_buf(),
        error,
    })?;
    from_ron(&text, path)
}

/// Copies the one-file project at `from` into a new project folder at `to` (which must not
/// exist), keeping its corpus folder; the old file is left as it was. Refused, writing nothing,
/// for a project `ProjectFile::open` would refuse (ids in use twice…): `daftar check` says why.
pub fn migrate(from: &Path, to: &Path) -> Result<Project, StoreError> {
    let (_old, mut project) = ProjectFile::open(from)?;
    let corpus = crate::open::corpus_root(from, &project);
    let base = crate::open::folder_of(to);
    project.corpus = crate::corpus::scan::relative_path(base, &corpus);
    let mut new = ProjectFile::create(to)?;
    if let Err(error) = new.save(&project) {
        drop(new);
        let _ = std::fs::remove_dir_all(to);
        return Err(error);
    }
    Ok(project)
}

/// Length and modification time: enough to notice another program writing the file.
#[cfg(test)]
mod tests {
    use super::*;

    /// What serializing the whole project in one go gives: the reference for `to_ron`.
    fn to_ron_at_once(project: &Project) -> String {
        let mut text = ron::ser::to_string_pretty(project, pretty_config(SPAN_DEPTH)).unwrap();
        text.push('\n');
        text
    }

    #[test]
    fn a_file_nested_too_deeply_is_described_for_its_reader() {
        // RON's own message told users to change `ron::Options::recursion_limit`.
        let error = readable(&ron::error::Error::ExceededRecursionLimit);
        assert!(!error.contains("recursion_limit"), "{error}");
        assert!(
            error.contains("nests deeper than any Daftar project"),
            "{error}"
        );
    }

    #[test]
    fn spliced_documents_give_the_same_bytes_as_serializing_at_once() {
        let fixture = include_str!("../../tests/fixtures/format1.daftar.ron");
        let mut project = from_ron(fixture, Path::new("fixture")).unwrap();
        assert_eq!(to_ron(&project), to_ron_at_once(&project));
        // Many documents (several chunks), one with a note that has a line break and quotes.
        let template = (*project.documents[0]).clone();
        for i in 0..37 {
            let mut document = template.clone();
            document.id = crate::model::DocId(1000 + i);
            document.note = format!("line one\nline \"two\" {i}");
            if i % 3 == 0 {
                document.spans.clear();
            }
            project.documents.push(document.into());
        }
        assert_eq!(to_ron(&project), to_ron_at_once(&project));
        project.documents.clear();
        assert_eq!(to_ron(&project), to_ron_at_once(&project));
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct FileStamp {
    len: u64,
    modified: Option<SystemTime>,
}

fn stamp_of(path: &Path) -> Option<FileStamp> {
    Some(FileStamp::of(&std::fs::metadata(path).ok()?))
}

impl FileStamp {
    fn of(metadata: &std::fs::Metadata) -> FileStamp {
        FileStamp {
            len: metadata.len(),
            modified: metadata.modified().ok(),
        }
    }
}

/// A project this process may write (one file, or a folder project): locked, and either loaded
/// cleanly or new.
#[derive(Debug)]
pub struct ProjectFile {
    path: PathBuf,
    _lock: ProjectLock,
    storage: Storage,
}

#[derive(Debug)]
enum Storage {
    /// One RON file, as last loaded or saved; `None` while it does not exist yet.
    File(Option<FileStamp>),
    /// A folder project: what its files held as last loaded or saved.
    Folder(folder::FolderState),
}

impl ProjectFile {
    /// Locks and loads an existing project file.
    pub fn open(path: &Path) -> Result<(ProjectFile, Project), StoreError> {
        let lock = ProjectLock::acquire(path)?;
        let (storage, project) = if path.is_dir() {
            folder::remove_stale_temporaries(path);
            let (project, state) = folder::load_folder(path)?;
            (Storage::Folder(state), project)
        } else {
            atomic::remove_stale_temporaries(path);
            let stamp = stamp_of(path);
            (Storage::File(stamp), load(path)?)
        };
        refuse_if_unsafe(path, &project)?;
        Ok((
            ProjectFile {
                path: path.to_path_buf(),
                _lock: lock,
                storage,
            },
            project,
        ))
    }

    /// Locks a path for a new project: a folder project when the path ends `.daftar`, else one
    /// file. Refuses if something is already there.
    pub fn create(path: &Path) -> Result<ProjectFile, StoreError> {
        if folder::is_folder_project(path) {
            if path.exists() {
                return Err(StoreError::WouldReplace {
                    path: path.to_path_buf(),
                });
            }
            folder::create_folder(path).map_err(|error| StoreError::Write {
                path: path.to_path_buf(),
                error,
            })?;
            return Ok(ProjectFile {
                path: path.to_path_buf(),
                _lock: ProjectLock::acquire(path)?,
                storage: Storage::Folder(folder::FolderState::default()),
            });
        }
        let lock = ProjectLock::acquire(path)?;
        if path.exists() {
            return Err(StoreError::WouldReplace {
                path: path.to_path_buf(),
            });
        }
        Ok(ProjectFile {
            path: path.to_path_buf(),
            _lock: lock,
            storage: Storage::File(None),
        })
    }

    /// Whether this is a folder project (else one file).
    pub fn is_folder(&self) -> bool {
        matches!(self.storage, Storage::Folder(_))
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

    /// Reads the project again from disk, under the lock this file already holds (after a git
    /// merge changed its files, say). Refused like [`Self::open`] for a project unsafe to edit.
    pub fn reload(&mut self) -> Result<Project, StoreError> {
        let project = match &mut self.storage {
            Storage::Folder(state) => {
                let (project, fresh) = folder::load_folder(&self.path)?;
                *state = fresh;
                project
            }
            Storage::File(stamp) => {
                let project = load(&self.path)?;
                *stamp = stamp_of(&self.path);
                project
            }
        };
        refuse_if_unsafe(&self.path, &project)?;
        Ok(project)
    }

    /// Saves: one file atomically, keeping the previous file as a backup; a folder project by
    /// writing the files that changed.
    pub fn save(&mut self, project: &Project) -> Result<(), StoreError> {
        match &mut self.storage {
            Storage::File(stamp) => save_file(&self.path, stamp, &to_ron(project)),
            Storage::Folder(state) => folder::save_folder(&self.path, project, state).map(|_| ()),
        }
    }
}

/// Ids in use twice, or a counter that would hand them out again: editing would damage the
/// project, so it is not opened for work (the first three problems are named).
fn refuse_if_unsafe(path: &Path, project: &Project) -> Result<(), StoreError> {
    let problems: Vec<String> = crate::model::integrity::breaches(project)
        .into_iter()
        .filter(|b| b.is_unsafe())
        .map(|b| b.message)
        .take(3)
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Unsafe {
            path: path.to_path_buf(),
            problems,
        })
    }
}

/// Writes a one-file project's text, unless the file changed since `stamp` (as last loaded or
/// saved; `None`: it did not exist).
fn save_file(path: &Path, stamp: &mut Option<FileStamp>, text: &str) -> Result<(), StoreError> {
    if stamp_of(path) != *stamp {
        return Err(if stamp.is_none() {
            StoreError::WouldReplace {
                path: path.to_path_buf(),
            }
        } else {
            StoreError::ChangedOnDisk {
                path: path.to_path_buf(),
            }
        });
    }
    write_atomically(path, text.as_bytes()).map_err(|error| StoreError::Write {
        path: path.to_path_buf(),
        error,
    })?;
    *stamp = stamp_of(path);
    Ok(())
}
