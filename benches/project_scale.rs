//! Data core at the scale of DESIGN.md's targets: import a folder of 10,000 articles (~50 MB,
//! built from the sample texts), and save and load a project of 10,000 documents with 500,000
//! spans. Run with `cargo bench --bench project_scale`; numbers go in docs/PERFORMANCE.md.

mod common;

use common::{DOCUMENTS, corpus, large_project};
use daftar::corpus::{ImportOptions, import_folder};
use daftar::model::Project;
use daftar::store;

fn main() {
    divan::main();
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
