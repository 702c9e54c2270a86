//! The corpus and project the benchmarks share: 10,000 articles (~50 MB) made from the sample
//! texts, and a project of them with 50 spans each (500,000 spans).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use daftar::corpus::{ImportOptions, import_folder};
use daftar::model::{Project, Span, SpanId};
use daftar::sample::ARTICLES;

pub const DOCUMENTS: usize = 10_000;
pub const SPANS_PER_DOCUMENT: usize = 50;

/// The folders a run's shared inputs are made in. The inputs live in statics, which are never
/// dropped, so their folders are removed when the run ends ([`remove_run_folders`]): each run
/// used to leave some 200 MB behind in the temporary folder.
static RUN_FOLDERS: Mutex<Vec<tempfile::TempDir>> = Mutex::new(Vec::new());

/// A new temporary folder that lasts until [`remove_run_folders`].
pub fn run_folder() -> PathBuf {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_path_buf();
    RUN_FOLDERS.lock().unwrap().push(dir);
    path
}

/// Removes the folders [`run_folder`] made; `main` calls it after the benchmarks.
pub fn remove_run_folders() {
    RUN_FOLDERS.lock().unwrap().clear();
}

/// A folder of 10,000 distinct articles made from the sample texts, made once per run.
pub fn corpus() -> &'static Path {
    static CORPUS: OnceLock<PathBuf> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let root = run_folder().join("corpus");
        for i in 0..DOCUMENTS {
            let folder = root.join(format!("{:03}", i / 100));
            std::fs::create_dir_all(&folder).unwrap();
            let (_, text) = ARTICLES[i % ARTICLES.len()];
            // A line of its own keeps every article (and fingerprint) distinct.
            std::fs::write(
                folder.join(format!("{i:05}.txt")),
                format!("{text}\nشماره {i}\n"),
            )
            .unwrap();
        }
        root
    })
}

/// 10,000 documents with 50 spans each, quoting real text.
pub fn large_project() -> &'static Project {
    static PROJECT: OnceLock<Project> = OnceLock::new();
    PROJECT.get_or_init(|| {
        let mut project = Project::new("bench", "corpus");
        import_folder(&mut project, corpus(), ImportOptions::default()).unwrap();
        let labels = ["PER", "ORG", "GPE", "DATE", "TITLE"];
        for index in 0..project.documents.len() {
            let (_, text) = ARTICLES[index % ARTICLES.len()];
            let chars = text.chars().count();
            let spans: Vec<Span> = (0..SPANS_PER_DOCUMENT)
                .map(|k| {
                    let id = SpanId(project.allocate_id());
                    // Twelve characters from a place that does not cut a letter from its marks.
                    let mut span = ((k * 37) % (chars - 40)..)
                        .find_map(|start| {
                            (12..16).find_map(|len| {
                                Span::quoting(id, text, start, start + len, labels[k % 5], "bench")
                            })
                        })
                        .unwrap();
                    span.created = "2026-11-22T10:00:00Z".into();
                    span
                })
                .collect();
            let document = std::sync::Arc::make_mut(&mut project.documents[index]);
            document.spans = spans;
            document.spans.sort_by_key(Span::sort_key);
        }
        assert_eq!(project.span_count(), DOCUMENTS * SPANS_PER_DOCUMENT);
        project
    })
}

/// The 500,000-span project saved as a project folder (issue 13), once per run.
pub fn large_folder() -> &'static Path {
    static FOLDER: OnceLock<PathBuf> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let root = run_folder().join("large.daftar");
        let mut file = daftar::store::ProjectFile::create(&root).unwrap();
        file.save(large_project()).unwrap();
        root
    })
}

/// Every file under `folder` read without parsing, one after another: the floor for opening a
/// project folder. Returns the bytes read.
pub fn read_folder_raw(folder: &Path) -> usize {
    let mut bytes = 0;
    for entry in std::fs::read_dir(folder).unwrap().flatten() {
        let path = entry.path();
        bytes += if path.is_dir() {
            read_folder_raw(&path)
        } else {
            std::fs::read(&path).unwrap().len()
        };
    }
    bytes
}
