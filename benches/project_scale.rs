//! Data core at the scale of DESIGN.md's targets: import a folder of 10,000 articles (~50 MB,
//! built from the sample texts), and save and load a project of 10,000 documents with 500,000
//! spans. Run with `cargo bench --bench project_scale`; numbers go in docs/PERFORMANCE.md.

mod common;

use common::{DOCUMENTS, corpus, large_folder, large_project};
use daftar::corpus::{ImportOptions, import_folder};
use daftar::model::Project;
use daftar::store;

fn main() {
    divan::main();
    common::remove_run_folders();
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

/// Every file of the project folder read without parsing: the floor for opening it.
#[divan::bench(sample_count = 15)]
fn read_folder_500k_spans_raw(bencher: divan::Bencher) {
    let root = large_folder();
    bencher.bench(|| common::read_folder_raw(root));
}

/// Opening the project folder: every file read and parsed, documents on every core. The
/// project is returned, so divan drops it after the timing: freeing it is not opening it.
#[divan::bench(sample_count = 15)]
fn load_folder_500k_spans(bencher: divan::Bencher) {
    let root = large_folder();
    bencher.bench(|| store::load(root).unwrap());
}

/// What `daftar check` does after opening: every article read, decoded and fingerprinted,
/// every span's quote compared with the article's text at its offsets.
#[divan::bench(sample_count = 5)]
fn verify_500k_spans(bencher: divan::Bencher) {
    let (project, corpus) = (large_project(), corpus());
    bencher.bench(|| {
        let problems = daftar::corpus::verify(project, corpus);
        assert!(
            problems.is_empty(),
            "{:?}",
            &problems[..problems.len().min(3)]
        );
    });
}

/// Saving after an edit to one document: only its spans file is written.
#[divan::bench(sample_count = 10)]
fn save_folder_after_one_edit(bencher: divan::Bencher) {
    let root = large_folder();
    let (mut file, mut project) = store::ProjectFile::open(root).unwrap();
    let doc = project.documents[1234].id;
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        let state = if flip {
            daftar::model::ReviewState::Accepted
        } else {
            daftar::model::ReviewState::Pending
        };
        project.document_mut(doc).unwrap().spans[7].review.state = state;
        file.save(&project).unwrap();
    });
}
