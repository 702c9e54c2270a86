//! Data core at the scale of DESIGN.md's targets: import a folder of 10,000 articles (~50 MB,
//! built from the sample texts), and save and load a project of 10,000 documents with 500,000
//! spans. Run with `cargo bench --bench project_scale`; numbers go in docs/PERFORMANCE.md.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use daftar::corpus::{ImportOptions, import_folder};
use daftar::model::{Project, Span, SpanId};
use daftar::sample::ARTICLES;
use daftar::store;

const DOCUMENTS: usize = 10_000;
const SPANS_PER_DOCUMENT: usize = 50;

fn main() {
    divan::main();
}

/// A folder of 10,000 distinct articles made from the sample texts, made once per run.
fn corpus() -> &'static Path {
    static CORPUS: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &CORPUS
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let root = dir.path().join("corpus");
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
            (dir, root)
        })
        .1
}

#[divan::bench(sample_count = 5)]
fn read_10k_articles_raw(bencher: divan::Bencher) {
    let root = corpus();
    bencher.bench(|| {
        let mut bytes = 0;
        for file in daftar::corpus::scan::scan_folder(root).unwrap() {
            bytes += std::fs::read(&file.path).unwrap().len();
        }
        bytes
    });
}

#[divan::bench(sample_count = 5)]
fn import_10k_articles(bencher: divan::Bencher) {
    let root = corpus();
    bencher.bench(|| {
        let mut project = Project::new("bench", "corpus");
        let report = import_folder(&mut project, root, ImportOptions::default()).unwrap();
        assert_eq!(report.added(), DOCUMENTS);
        project
    });
}

/// 10,000 documents with 50 spans each, quoting real text.
fn large_project() -> &'static Project {
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
                    let start = (k * 37) % (chars - 20);
                    let mut span =
                        Span::quoting(id, text, start, start + 12, labels[k % 5], "bench").unwrap();
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

#[divan::bench(sample_count = 5)]
fn serialize_500k_spans(bencher: divan::Bencher) {
    let project = large_project();
    bencher.bench(|| store::to_ron(project).len());
}

#[divan::bench(sample_count = 5)]
fn save_500k_spans(bencher: divan::Bencher) {
    let project = large_project();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.daftar.ron");
    bencher.bench(|| store::write_atomically(&path, store::to_ron(project).as_bytes()).unwrap());
}

#[divan::bench(sample_count = 5)]
fn load_500k_spans(bencher: divan::Bencher) {
    let project = large_project();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.daftar.ron");
    let text = store::to_ron(project);
    std::fs::write(&path, &text).unwrap();
    eprintln!("project file: {} MB", text.len() / 1_000_000);
    bencher.bench(|| store::load(&path).unwrap().documents.len());
}

/// The window's autosave takes a snapshot of the project on the UI thread before writing it in
/// the background: this is that pause.
#[divan::bench(sample_count = 5)]
fn snapshot_500k_spans(bencher: divan::Bencher) {
    let project = large_project();
    bencher.bench(|| project.clone().documents.len());
}
