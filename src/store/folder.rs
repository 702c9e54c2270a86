//! The project as a folder that git merges: `NAME.daftar/`.
//!
//! ```text
//! NAME.daftar/
//!   project.ron                          name, corpus folder, annotators, schema
//!   entities/e<id>.ron                   one entity per file
//!   records/meetings/m<id>.ron           one meeting per file
//!   records/outcomes/o<id>.ron           one outcome per file
//!   documents/d<id>.ron                  the document: path, fingerprint, status, note…
//!   documents/d<id>.<author>.ron         one author's spans on it, one span per line
//!   .gitignore                           the lock and temporary files (written once)
//!   .gitattributes                       `*.ron merge=daftar`: git merges with `daftar merge-file`
//! ```
//!
//! Why so many files: git merges per file, and two people who add things never touch the same
//! file — a new entity, record or document is a new file, and each annotator's spans on a
//! document are their own file, so double annotation merges cleanly and the disagreement shows
//! in agreement and curation, not as a conflict. Lines conflict only where two people changed
//! the same thing (a reviewer's decision on a span its author changed meanwhile). Every file is
//! deterministic RON; a span is one line.
//!
//! Ids never collide between copies: each session hands out ids from a floor made of the time
//! it opened the project (seconds) and a random part (see [`session_id_floor`]), above every id
//! in use. `project.ron` has no id counter, which would conflict on every merge.
//!
//! Saving writes only the files whose contents changed (a document's files are serialized
//! again only when the document changed: an edit replaces its `Arc`), and removes the files of
//! things deleted. A file changed by another program since it was loaded (a `git pull` while
//! the project is open) is not overwritten.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{BuildHasher as _, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{FileStamp, StoreError, pretty_config, readable, stamp_of};
use crate::model::{
    DocId, Document, Entity, FORMAT_VERSION, Meeting, Outcome, Project, Schema, Span,
};

/// The format number `project.ron` of a folder carries.
pub const FOLDER_FORMAT: u32 = 2;
pub const PROJECT_RON: &str = "project.ron";
const ENTITIES: &str = "entities";
const MEETINGS: &str = "records/meetings";
const OUTCOMES: &str = "records/outcomes";
const DOCUMENTS: &str = "documents";
mod merge;
mod span_lines;
pub use merge::{OTHER_COPY_SUFFIX, Unmerged, merge_file, other_copy_author};

const GITIGNORE: &str = ".gitignore";
/// Git merges the folder's files with `daftar merge-file` (set up by `daftar sync`).
pub const GITATTRIBUTES: &str = ".gitattributes";
pub const GITATTRIBUTES_TEXT: &str =
    "# Daftar merges its files itself: daftar sync sets the driver up\n*.ron merge=daftar\n";
const GITIGNORE_TEXT: &str =
    "# Daftar's lock and the temporary files of a save in progress\n.lock\n.*.tmp-*\n";

/// A project path names a folder project: an existing folder, or a new path ending `.daftar`.
pub fn is_folder_project(path: &Path) -> bool {
    path.is_dir() || (!path.exists() && path.extension().is_some_and(|e| e == "daftar"))
}

/// A folder holding a project (its `project.ron`), as opposed to a folder of articles.
pub fn is_project_folder(path: &Path) -> bool {
    path.join(PROJECT_RON).is_file()
}

/// `project.ron`: everything but the entities, records and documents.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    format: u32,
    name: String,
    /// The corpus folder, relative to the folder holding the project folder.
    corpus: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    annotators: Vec<String>,
    schema: Schema,
}

/// A file name for an author's spans: their name with only letters, digits, `-`, `_` and `.`
/// (others become `_`), and a hash of the exact name, so that names differing in case or in a
/// replaced character never share a file on any file system.
pub fn author_file_name(author: &str) -> String {
    let readable: String = author
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    let digest = crate::corpus::fingerprint(author);
    format!("{readable}-{}.ron", &digest[..8])
}

fn ron_text<T: Serialize>(value: &T, depth: usize) -> String {
    let mut text =
        ron::ser::to_string_pretty(value, pretty_config(depth)).expect("project data serializes");
    text.push('\n');
    text
}

/// The files of one document, relative to the project folder.
fn document_files(document: &Document) -> Vec<(PathBuf, String)> {
    let folder = Path::new(DOCUMENTS);
    let id = document.id.to_string();
    let head = ron_text(&document.without_spans(), 2);
    let mut files = vec![(folder.join(format!("{id}.ron")), head)];
    let mut by_file: BTreeMap<String, Vec<&Span>> = BTreeMap::new();
    for span in &document.spans {
        by_file
            .entry(author_file_name(&span.author))
            .or_default()
            .push(span);
    }
    for (name, spans) in by_file {
        // Depth 1: each span on one line.
        files.push((
            folder.join(format!("{id}.{name}")),
            span_lines::write_spans(&spans),
        ));
    }
    files
}

/// Every file of the project but the documents', relative to the project folder.
fn shell_files(project: &Project) -> Vec<(PathBuf, String)> {
    let header = Header {
        format: FOLDER_FORMAT,
        name: project.name.clone(),
        corpus: project.corpus.clone(),
        annotators: project.annotators.clone(),
        schema: project.schema.clone(),
    };
    let mut files = vec![(PathBuf::from(PROJECT_RON), ron_text(&header, 4))];
    for entity in &project.entities {
        let path = Path::new(ENTITIES).join(format!("{}.ron", entity.id));
        files.push((path, ron_text(entity, 2)));
    }
    for meeting in &project.meetings {
        let path = Path::new(MEETINGS).join(format!("{}.ron", meeting.id));
        files.push((path, ron_text(meeting, 3)));
    }
    for outcome in &project.outcomes {
        let path = Path::new(OUTCOMES).join(format!("{}.ron", outcome.id));
        files.push((path, ron_text(outcome, 3)));
    }
    files
}

/// Every file of the project in the folder format, relative to the project folder (what a
/// first save or a migration writes).
pub fn folder_files(project: &Project) -> Vec<(PathBuf, String)> {
    let mut files = shell_files(project);
    for document in &project.documents {
        files.extend(document_files(document));
    }
    files
}

fn content_hash(text: &str) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// What the folder held as last loaded or saved by this process.
#[derive(Debug, Default)]
pub struct FolderState {
    /// Relative path → hash of its contents and its stamp on disk.
    files: HashMap<PathBuf, (u64, Option<FileStamp>)>,
    /// The files that are not a document's (project.ron, entities, records).
    shell: HashSet<PathBuf>,
    /// The documents as last saved, with the files they were written to: a document whose
    /// `Arc` is the same has the same files.
    documents: HashMap<DocId, (Arc<Document>, Vec<PathBuf>)>,
}

/// A id floor no other copy of the project will reach: the seconds since 2024 (when the
/// session starts) above 21 random bits. Each session counts up from it (above every id in
/// use), so two copies collide only if opened in the same second with random parts closer than
/// the number of ids they hand out, or if one hands out two million ids a second. Ids stay
/// below 2^53, exact in JSON numbers.
pub fn session_id_floor() -> u64 {
    const EPOCH_2024: u64 = 1_704_067_200;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let seconds = now.as_secs().saturating_sub(EPOCH_2024) & 0xFFFF_FFFF;
    // Random bits from the standard library's per-process hasher keys, the time and the pid.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    now.as_nanos().hash(&mut hasher);
    std::process::id().hash(&mut hasher);
    let random = hasher.finish() & 0x1F_FFFF;
    (seconds << 21) | random
}

/// Reads one RON file of the folder.
/// Stands for a hash not taken (a document's files at load: a document is compared by its
/// `Arc`, and its files are written again whenever it changed).
const UNKNOWN_HASH: u64 = u64::MAX;

fn read_ron<T: DeserializeOwned>(path: &Path) -> Result<(T, Option<FileStamp>, u64), StoreError> {
    read_ron_hashed(path, true)
}

fn read_ron_hashed<T: DeserializeOwned>(
    path: &Path,
    hash: bool,
) -> Result<(T, Option<FileStamp>, u64), StoreError> {
    with_file(path, |text, stamp| {
        let value = parse_ron::<T>(text, path)?;
        let hash = if hash {
            content_hash(text)
        } else {
            UNKNOWN_HASH
        };
        Ok((value, stamp, hash))
    })
}

/// Calls `read` with a file's text and its stamp (taken from the open file: one lookup of the
/// path, not two). The bytes go to a buffer each thread keeps: opening a large project reads
/// 20,000 files, and a new buffer for each made the kernel clear 190 MB of fresh pages, an
/// eighth of the open.
fn with_file<R>(
    path: &Path,
    read: impl FnOnce(&str, Option<FileStamp>) -> Result<R, StoreError>,
) -> Result<R, StoreError> {
    use std::cell::RefCell;
    use std::io::Read as _;
    thread_local! {
        static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    let failed = |error| StoreError::Read {
        path: path.to_path_buf(),
        error,
    };
    BUFFER.with_borrow_mut(|buffer| {
        buffer.clear();
        let mut file = std::fs::File::open(path).map_err(failed)?;
        let metadata = file.metadata().map_err(failed)?;
        buffer.reserve(
            usize::try_from(metadata.len())
                .unwrap_or(0)
                .saturating_add(1),
        );
        file.read_to_end(buffer).map_err(failed)?;
        let result = read(utf8_text(buffer, path)?, Some(FileStamp::of(&metadata)));
        // A rare very large file does not keep its memory for the rest of the thread's life.
        if buffer.capacity() > 1 << 24 {
            *buffer = Vec::new();
        }
        result
    })
}

/// A file's bytes as text. simdutf8 checks them several times faster than the standard library
/// on Persian and Arabic text, where hardly a byte is ASCII (opening 190 MB of a large project
/// spent a tenth of its time there).
fn utf8_text<'b>(bytes: &'b [u8], path: &Path) -> Result<&'b str, StoreError> {
    simdutf8::basic::from_utf8(bytes).map_err(|_| StoreError::Read {
        path: path.to_path_buf(),
        error: std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        ),
    })
}

/// Parses a file's text with RON; errors name the file, line and column.
fn parse_ron<T: DeserializeOwned>(text: &str, path: &Path) -> Result<T, StoreError> {
    ron::from_str::<T>(text).map_err(|error| StoreError::Malformed {
        path: path.to_path_buf(),
        line: error.span.start.line,
        column: error.span.start.col,
        message: readable(&error.code),
    })
}

/// The `.ron` files directly in `folder` (none if it does not exist), sorted.
fn ron_files_in(folder: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => {
            return Err(StoreError::Read {
                path: folder.to_path_buf(),
                error,
            });
        }
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "ron")
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    // One folder's files: comparing the whole paths' bytes orders them as comparing paths
    // does, without splitting each into components (20,000 files in a large project).
    files.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    Ok(files)
}

/// One document's files: `d<id>.ron`, and its spans files `d<id>.<author>-<hash>.ron`.
struct DocumentFiles {
    head: PathBuf,
    spans: Vec<PathBuf>,
}

/// The documents' files under `documents/`, grouped by document, sorted. A spans file whose
/// document file is missing (a bad merge) is an error naming it.
fn document_files_in(root: &Path) -> Result<Vec<DocumentFiles>, StoreError> {
    /// `d12` of `d12.ron` (the document's file) and of `d12.<author>-<hash>.ron` (its spans).
    fn document_of(path: &Path) -> (Cow<'_, str>, bool) {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let (document, is_spans) = {
            let stem = name.trim_end_matches(".ron");
            match stem.split_once('.') {
                None => (stem.len(), false),
                Some((document, _)) => (document.len(), true),
            }
        };
        match name {
            Cow::Borrowed(name) => (Cow::Borrowed(&name[..document]), is_spans),
            Cow::Owned(mut name) => {
                name.truncate(document);
                (Cow::Owned(name), is_spans)
            }
        }
    }
    // Sorted, one document's files are side by side: their names share all up to the first dot.
    let paths = ron_files_in(&root.join(DOCUMENTS))?;
    let mut documents: Vec<DocumentFiles> = Vec::with_capacity(paths.len() / 2 + 1);
    let mut group: (Option<PathBuf>, Vec<PathBuf>) = (None, Vec::new());
    let mut paths = paths.into_iter().peekable();
    while let Some(path) = paths.next() {
        let (document, is_spans) = document_of(&path);
        let last_of_document = paths
            .peek()
            .is_none_or(|next| document_of(next).0 != document);
        if is_spans {
            group.1.push(path);
        } else {
            group.0 = Some(path);
        }
        if last_of_document {
            match std::mem::take(&mut group) {
                (Some(head), spans) => documents.push(DocumentFiles { head, spans }),
                (None, spans) => {
                    return Err(StoreError::Malformed {
                        path: spans[0].clone(),
                        line: 1,
                        column: 1,
                        message: "these are the spans of a document whose file is missing".into(),
                    });
                }
            }
        }
    }
    Ok(documents)
}

/// What loading one document gives: the document, its files (relative to the project's
/// folder) with their hashes and stamps, and the highest id it holds.
struct LoadedDocument {
    document: Document,
    files: Vec<(PathBuf, u64, Option<FileStamp>)>,
    highest_id: u64,
}

/// Loads one document on a worker thread, with what the main thread would otherwise do for
/// each of them one after the other (paths made relative, the highest id found).
fn load_document(root: &Path, files: &DocumentFiles) -> Result<LoadedDocument, StoreError> {
    let relative = |path: &Path| path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let (mut document, stamp) = with_file(&files.head, |text, stamp| {
        // The fast reader for what Daftar wrote; RON for anything else (and its errors).
        let document = match span_lines::read_document(text) {
            Some(document) => document,
            None => parse_ron::<Document>(text, &files.head)?,
        };
        Ok((document, stamp))
    })?;
    let mut loaded = vec![(relative(&files.head), UNKNOWN_HASH, stamp)];
    for path in &files.spans {
        let (spans, stamp) = with_file(path, |text, stamp| {
            // The fast reader for what Daftar wrote; RON for anything else (and its errors).
            let spans = match span_lines::read_spans(text) {
                Some(spans) => spans,
                None => parse_ron::<Vec<Span>>(text, path)?,
            };
            Ok((spans, stamp))
        })?;
        if document.spans.is_empty() {
            document.spans = spans;
        } else {
            document.spans.extend(spans);
        }
        loaded.push((relative(path), UNKNOWN_HASH, stamp));
    }
    // Each file is written in order, so one author's spans need no sorting. Ids are unique, so
    // an unstable sort gives the one order and, unlike a stable one, allocates nothing.
    if !document.spans.is_sorted_by_key(Span::sort_key) {
        document.spans.sort_unstable_by_key(Span::sort_key);
    }
    Ok(LoadedDocument {
        highest_id: document.highest_id(),
        document,
        files: loaded,
    })
}

/// Loads a folder project, and what it holds on disk (for saving only what changes).
pub fn load_folder(root: &Path) -> Result<(Project, FolderState), StoreError> {
    let header_path = root.join(PROJECT_RON);
    let (header, stamp, hash): (Header, _, _) = read_ron(&header_path).map_err(|error| {
        match error {
            // A newer Daftar's project: say so rather than "malformed".
            StoreError::Malformed { .. } => newer_format(&header_path).unwrap_or(error),
            error => error,
        }
    })?;
    if header.format > FOLDER_FORMAT {
        return Err(StoreError::TooNew {
            path: header_path,
            found: header.format,
        });
    }
    let mut state = FolderState::default();
    state
        .files
        .insert(PathBuf::from(PROJECT_RON), (hash, stamp));
    state.shell.insert(PathBuf::from(PROJECT_RON));
    let relative = |path: &Path| path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let mut entities = Vec::new();
    for path in ron_files_in(&root.join(ENTITIES))? {
        let (entity, stamp, hash): (Entity, _, _) = read_ron(&path)?;
        state.files.insert(relative(&path), (hash, stamp));
        state.shell.insert(relative(&path));
        entities.push(entity);
    }
    let mut meetings = Vec::new();
    for path in ron_files_in(&root.join(MEETINGS))? {
        let (meeting, stamp, hash): (Meeting, _, _) = read_ron(&path)?;
        state.files.insert(relative(&path), (hash, stamp));
        state.shell.insert(relative(&path));
        meetings.push(meeting);
    }
    let mut outcomes = Vec::new();
    for path in ron_files_in(&root.join(OUTCOMES))? {
        let (outcome, stamp, hash): (Outcome, _, _) = read_ron(&path)?;
        state.files.insert(relative(&path), (hash, stamp));
        state.shell.insert(relative(&path));
        outcomes.push(outcome);
    }
    let loaded: Vec<LoadedDocument> = crate::parallel::map(&document_files_in(root)?, |files| {
        load_document(root, files)
    })
    .into_iter()
    .collect::<Result<_, _>>()?;
    let mut documents = Vec::with_capacity(loaded.len());
    let mut highest_document_id = None;
    state
        .files
        .reserve(loaded.iter().map(|l| l.files.len()).sum());
    for LoadedDocument {
        document,
        files,
        highest_id,
    } in loaded
    {
        highest_document_id = highest_document_id.max(Some(highest_id));
        let document = Arc::new(document);
        let mut paths = Vec::with_capacity(files.len());
        for (path, hash, stamp) in files {
            state.files.insert(path.clone(), (hash, stamp));
            paths.push(path);
        }
        state
            .documents
            .insert(document.id, (Arc::clone(&document), paths));
        documents.push(document);
    }
    entities.sort_by_key(|e: &Entity| e.id);
    meetings.sort_by_key(|m: &Meeting| m.id);
    outcomes.sort_by_key(|o: &Outcome| o.id);
    documents.sort_by_key(|d| d.id);
    let mut project = Project {
        format: FORMAT_VERSION,
        name: header.name,
        corpus: header.corpus,
        next_id: 1,
        annotators: header.annotators,
        schema: header.schema,
        entities,
        meetings,
        outcomes,
        documents,
    };
    // The documents' highest ids were found on the workers, while their spans were at hand.
    project.next_id = highest_document_id
        .max(project.highest_record_id())
        .map_or(1, |id| id.saturating_add(1))
        .max(session_id_floor());
    Ok((project, state))
}

fn newer_format(path: &Path) -> Option<StoreError> {
    #[derive(Deserialize)]
    struct VersionOnly {
        format: u32,
    }
    let text = std::fs::read_to_string(path).ok()?;
    let VersionOnly { format } = ron::from_str(&text).ok()?;
    (format > FOLDER_FORMAT).then(|| StoreError::TooNew {
        path: path.to_path_buf(),
        found: format,
    })
}

/// Saves `project` into the folder at `root`, writing only files whose contents changed and
/// removing those of things no longer there. Refuses, writing nothing, when a file it would
/// write or remove was changed by another program since this process loaded or saved it.
pub fn save_folder(
    root: &Path,
    project: &Project,
    state: &mut FolderState,
) -> Result<Saved, StoreError> {
    if state.files.is_empty() && state.documents.is_empty() && !is_project_folder(root) {
        return save_new_folder(root, project, state);
    }
    // What should be there: every file outside the documents (few, small), and the files of
    // the documents changed since the last save. An unchanged document (the same `Arc`) is
    // not even visited beyond that check: saving after one edit costs one document's files.
    let shell = shell_files(project);
    let shell_paths: HashSet<PathBuf> = shell.iter().map(|(p, _)| p.clone()).collect();
    let mut wanted = shell;
    let mut to_remove: Vec<PathBuf> = state
        .shell
        .iter()
        .filter(|p| !shell_paths.contains(*p))
        .cloned()
        .collect();
    let mut present: HashSet<DocId> = HashSet::with_capacity(project.documents.len());
    let mut changed_documents: Vec<&Arc<Document>> = Vec::new();
    for document in &project.documents {
        present.insert(document.id);
        let saved = state.documents.get(&document.id);
        if !saved.is_some_and(|(arc, _)| Arc::ptr_eq(arc, document)) {
            changed_documents.push(document);
        }
    }
    // Serialized on every core: after an import every document has changed.
    let serialized = crate::parallel::map(&changed_documents, |document| document_files(document));
    let mut changed: Vec<(DocId, Arc<Document>, Vec<PathBuf>)> = Vec::new();
    for (document, files) in changed_documents.into_iter().zip(serialized) {
        let paths: Vec<PathBuf> = files.iter().map(|(p, _)| p.clone()).collect();
        if let Some((_, old)) = state.documents.get(&document.id) {
            to_remove.extend(old.iter().filter(|p| !paths.contains(p)).cloned());
        }
        wanted.extend(files);
        changed.push((document.id, Arc::clone(document), paths));
    }
    let gone: Vec<DocId> = state
        .documents
        .keys()
        .filter(|id| !present.contains(id))
        .copied()
        .collect();
    for id in &gone {
        to_remove.extend(state.documents[id].1.iter().cloned());
    }
    let to_write: Vec<(&PathBuf, &String, u64)> = wanted
        .iter()
        .map(|(path, text)| (path, text, content_hash(text)))
        .filter(|(path, _, hash)| state.files.get(*path).is_none_or(|(h, _)| h != hash))
        .collect();
    // Nothing another program changed is overwritten or removed; nothing it created is replaced.
    for path in to_write.iter().map(|(p, _, _)| *p).chain(to_remove.iter()) {
        let on_disk = stamp_of(&root.join(path));
        let known = state.files.get(path).and_then(|(_, stamp)| *stamp);
        if on_disk != known {
            return Err(StoreError::ChangedOnDisk {
                path: root.join(path),
            });
        }
    }
    let written: Vec<(PathBuf, &str)> = to_write
        .iter()
        .map(|(path, text, _)| (root.join(path), text.as_str()))
        .collect();
    write_files(root, &written).map_err(|(path, error)| StoreError::Write { path, error })?;
    for path in &to_remove {
        let full = root.join(path);
        match std::fs::remove_file(&full) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                return Err(StoreError::Write { path: full, error });
            }
            _ => {}
        }
        state.files.remove(path);
        // A folder left empty (the last entity, meeting or outcome gone) goes too.
        let mut folder = full.parent();
        while let Some(dir) = folder.filter(|d| *d != root) {
            if std::fs::remove_dir(dir).is_err() {
                break;
            }
            folder = dir.parent();
        }
    }
    for (path, _, hash) in to_write {
        state
            .files
            .insert(path.clone(), (hash, stamp_of(&root.join(path))));
    }
    for id in gone {
        state.documents.remove(&id);
    }
    for (id, document, paths) in changed {
        state.documents.insert(id, (document, paths));
    }
    state.shell = shell_paths;
    Ok(Saved {
        written: written.len(),
        removed: to_remove.len(),
    })
}

/// The first save into a folder that is not a project yet (an import, a migration, a new
/// project): every file written straight to its name, `project.ron` last. Until `project.ron`
/// is there the folder is no project, so a save cut short never leaves a project with documents
/// missing, and no temporary and rename per file are needed (they doubled the work of creating
/// 20,000 files). Threads on every core serialize the documents while this one writes them, a
/// few at a time through a bounded channel, so their text is never all in memory. A file
/// already there is not replaced.
fn save_new_folder(
    root: &Path,
    project: &Project,
    state: &mut FolderState,
) -> Result<Saved, StoreError> {
    let failed = |path: &Path| {
        let path = root.join(path);
        move |error| StoreError::Write { path, error }
    };
    let mut shell = shell_files(project);
    // project.ron is written last.
    let header = shell.remove(
        shell
            .iter()
            .position(|(path, _)| path == Path::new(PROJECT_RON))
            .unwrap_or_default(),
    );
    let mut written: Vec<(PathBuf, u64)> = Vec::new();
    let mut folders_made: HashSet<PathBuf> = HashSet::new();
    let mut write = |path: &Path, text: &str| -> Result<(), StoreError> {
        let full = root.join(path);
        let folder = crate::open::folder_of(&full).to_path_buf();
        if !folders_made.contains(&folder) {
            std::fs::create_dir_all(&folder).map_err(failed(path))?;
            folders_made.insert(folder);
        }
        write_new_file(&full, text).map_err(|error| match error.kind() {
            std::io::ErrorKind::AlreadyExists => StoreError::ChangedOnDisk { path: full },
            _ => StoreError::Write { path: full, error },
        })?;
        written.push((path.to_path_buf(), content_hash(text)));
        Ok(())
    };
    for (path, text) in &shell {
        write(path, text)?;
    }
    let mut documents: Vec<(DocId, Arc<Document>, Vec<PathBuf>)> = Vec::new();
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| -> Result<(), StoreError> {
        let (send, receive) = std::sync::mpsc::sync_channel(64);
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        for _ in 0..threads {
            let send = send.clone();
            let next = &next;
            scope.spawn(move || {
                while let Some(document) = project
                    .documents
                    .get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
                {
                    // The writer stopped (an error): nothing more to serialize.
                    if send.send((document, document_files(document))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        for (document, files) in receive {
            let mut paths = Vec::with_capacity(files.len());
            for (path, text) in files {
                write(&path, &text)?;
                paths.push(path);
            }
            documents.push((document.id, Arc::clone(document), paths));
        }
        Ok(())
    })?;
    let files: Vec<PathBuf> = written.iter().map(|(p, _)| root.join(p)).collect();
    super::sync_written(root, &files).map_err(failed(Path::new("")))?;
    let (header_path, header_text) = header;
    write_files(root, &[(root.join(&header_path), header_text.as_str())])
        .map_err(|(path, error)| StoreError::Write { path, error })?;
    written.push((header_path, content_hash(&header_text)));
    let count = written.len();
    for (path, hash) in written {
        let stamp = stamp_of(&root.join(&path));
        state.files.insert(path, (hash, stamp));
    }
    state.shell = std::iter::once(PathBuf::from(PROJECT_RON))
        .chain(shell.into_iter().map(|(path, _)| path))
        .collect();
    for (id, document, paths) in documents {
        state.documents.insert(id, (document, paths));
    }
    Ok(Saved {
        written: count,
        removed: 0,
    })
}

/// Writes a file that must not exist yet.
fn write_new_file(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(text.as_bytes())
}

/// What a save of a folder project did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Saved {
    pub written: usize,
    pub removed: usize,
}

/// Writes files atomically (each to a temporary beside it, then renamed over it), with one
/// durability barrier for a large batch and a flush per file for a few.
fn write_files(root: &Path, files: &[(PathBuf, &str)]) -> Result<(), (PathBuf, std::io::Error)> {
    use std::io::Write as _;
    const FLUSH_EACH_UP_TO: usize = 16;
    let flush_each = files.len() <= FLUSH_EACH_UP_TO;
    let folders: std::collections::BTreeSet<&Path> = files
        .iter()
        .map(|(path, _)| crate::open::folder_of(path))
        .collect();
    for folder in folders {
        std::fs::create_dir_all(folder).map_err(|e| (folder.to_path_buf(), e))?;
    }
    let temporary_of = |path: &Path| {
        let mut name = std::ffi::OsString::from(".");
        name.push(path.file_name().unwrap_or_default());
        name.push(format!(".tmp-{}", std::process::id()));
        path.with_file_name(name)
    };
    // Each file to a temporary beside it, on every core (creating thousands of files is most
    // of a first save).
    let written = crate::parallel::map(files, |(path, text)| {
        let temporary = temporary_of(path);
        let mut file = std::fs::File::create(&temporary).map_err(|e| (path.clone(), e))?;
        file.write_all(text.as_bytes())
            .map_err(|e| (path.clone(), e))?;
        if flush_each {
            file.sync_all().map_err(|e| (path.clone(), e))?;
        }
        Ok(())
    });
    let result = (|| {
        written.into_iter().collect::<Result<(), _>>()?;
        if !flush_each {
            let temporaries: Vec<PathBuf> = files.iter().map(|(p, _)| temporary_of(p)).collect();
            super::sync_written(root, &temporaries).map_err(|e| (root.to_path_buf(), e))?;
        }
        for (path, _) in files {
            std::fs::rename(temporary_of(path), path).map_err(|e| (path.clone(), e))?;
        }
        Ok(())
    })();
    if result.is_err() {
        for (path, _) in files {
            let _ = std::fs::remove_file(temporary_of(path));
        }
    }
    result
}

/// Makes the folder of a new project, with a `.gitignore` for the lock and temporary files and a
/// `.gitattributes` naming Daftar's merge driver.
pub fn create_folder(root: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(root)?;
    for (name, text) in [
        (GITIGNORE, GITIGNORE_TEXT),
        (GITATTRIBUTES, GITATTRIBUTES_TEXT),
    ] {
        let path = root.join(name);
        if !path.exists() {
            std::fs::write(path, text)?;
        }
    }
    Ok(())
}

/// Removes a new project folder that was never saved (an import cancelled or refused): only
/// when it holds nothing but what [`create_folder`] put there.
pub fn remove_unsaved(root: &Path) {
    if is_project_folder(root) {
        return;
    }
    let ours = [GITIGNORE, GITATTRIBUTES, ".lock"];
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    let names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    if names.iter().all(|n| ours.contains(&n.as_str())) {
        for name in names {
            let _ = std::fs::remove_file(root.join(name));
        }
        let _ = std::fs::remove_dir(root);
    }
}

/// Removes temporary files a killed save left in the folder (call holding the lock).
pub fn remove_stale_temporaries(root: &Path) {
    fn walk(folder: &Path, depth: usize) {
        let Ok(entries) = std::fs::read_dir(folder) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                if depth < 4 {
                    walk(&path, depth + 1);
                }
            } else if name.starts_with('.') && name.contains(".tmp-") {
                let _ = std::fs::remove_file(path);
            }
        }
    }
    walk(root, 0);
}

#[cfg(test)]
mod tests;
