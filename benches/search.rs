//! Corpus search over the 10,000-article (~50 MB) corpus beside `grep -F -c` over the same
//! files: a word in every article, a phrase, a rare word, and a regular expression.
//! Run with `cargo bench --bench search`; numbers go in docs/PERFORMANCE.md.

mod common;

use std::process::Command;

use common::{corpus, large_project};
use daftar::search::{SearchQuery, search};

fn main() {
    divan::main();
    common::remove_run_folders();
}

fn query(text: &str, regex: bool) -> SearchQuery {
    SearchQuery {
        text: text.into(),
        regex,
        ..SearchQuery::default()
    }
}

fn run(q: &SearchQuery) -> usize {
    let project = large_project();
    search(
        project,
        corpus().parent().unwrap().join("corpus").as_path(),
        q,
    )
    .unwrap()
    .hits
    .len()
}

#[divan::bench(args = ["ایران", "سازمان همکاری", "شماره 9999", r"نشست \d+"])]
fn daftar_search(bencher: divan::Bencher, text: &str) {
    let q = query(text, text.contains('\\'));
    run(&q); // the corpus and project made, the files in the page cache
    bencher.bench(|| run(&q));
}

/// The reference: GNU grep counting lines with the plain bytes (no folding), every file.
#[divan::bench(args = ["ایران", "سازمان همکاری", "شماره 9999"])]
fn grep_fixed_count(bencher: divan::Bencher, text: &str) {
    let root = corpus();
    let _ = large_project();
    let grep = || {
        Command::new("grep")
            .args(["-r", "-F", "-c", text])
            .arg(root)
            .output()
            .unwrap()
    };
    grep();
    bencher.bench(grep);
}

/// Pre-annotation from the gazetteers over the same corpus: ~2,000 names (every country and
/// capital in three languages, organizations, titles) found in one pass over each folded
/// article, on every core, as `daftar suggest` and the window's Suggest do.
#[divan::bench(sample_count = 10)]
fn gazetteer_suggest(bencher: divan::Bencher) {
    let project = large_project();
    let root = corpus().parent().unwrap().join("corpus");
    let docs: Vec<daftar::model::DocId> = project.documents.iter().map(|d| d.id).collect();
    let entries = daftar::gazetteer::bundled();
    let suggest = || {
        let gazetteer = daftar::gazetteer::Gazetteer::new(&entries, project);
        daftar::gazetteer::suggest_in_documents(
            &gazetteer,
            project,
            &docs,
            |d| daftar::corpus::read_text(&root, d).ok(),
            &|_, _| {},
            &std::sync::atomic::AtomicBool::new(false),
        )
        .suggestions
        .len()
    };
    suggest();
    bencher.bench(suggest);
}
