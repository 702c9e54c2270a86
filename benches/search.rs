//! Corpus search over the 10,000-article (~50 MB) corpus beside `grep -F -c` over the same
//! files: a word in every article, a phrase, a rare word, and a regular expression.
//! Run with `cargo bench --bench search`; numbers go in docs/PERFORMANCE.md.

mod common;

use std::process::Command;

use common::{corpus, large_project};
use daftar::search::{SearchQuery, search};

fn main() {
    divan::main();
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
