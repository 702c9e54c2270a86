//! Importing 100,000 doccano tasks (short articles of the sample, about 40 MB, three spans
//! each) into a new project: reading and checking the records, writing the texts as articles
//! (one durability barrier for the batch), importing the folder, adding the spans, saving.
//! Target: under 20 s on the 2-core machine. Run with `cargo bench --bench import_annotations`;
//! numbers go in docs/PERFORMANCE.md.

use std::path::PathBuf;
use std::sync::OnceLock;

use daftar::interchange::import::SourceKind;
use daftar::sample::ARTICLES;

const TASKS: usize = 100_000;

fn main() {
    divan::main();
}

/// The doccano file, written once per run: each task an article's opening lines with a line of
/// its own, and three spans (the first three words).
fn doccano_file() -> &'static PathBuf {
    static FILE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &FILE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("tasks.jsonl");
            let mut out = String::new();
            for i in 0..TASKS {
                let (_, article) = ARTICLES[i % ARTICLES.len()];
                let opening: String = article.chars().take(300).collect();
                let text = format!("{opening}\nشماره {i}");
                let mut labels = Vec::new();
                let mut at = 0;
                for (k, word) in text.split(' ').take(3).enumerate() {
                    let units = word.encode_utf16().count();
                    let label = ["PER", "ORG", "GPE"][k];
                    labels.push(serde_json::json!([at, at + units, label]));
                    at += units + 1;
                }
                let line =
                    serde_json::json!({"text": text, "label": labels, "path": format!("{i:06}")});
                out.push_str(&line.to_string());
                out.push('\n');
            }
            std::fs::write(&path, out).unwrap();
            (dir, path)
        })
        .1
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn import_100000_doccano_tasks(bencher: divan::Bencher) {
    let source = doccano_file();
    bencher
        .with_inputs(|| tempfile::tempdir().unwrap())
        .bench_values(|dir| {
            let project = dir.path().join("tasks.daftar.ron");
            let (opened, report) =
                daftar::open::import_annotations(source, SourceKind::Doccano, &project, None)
                    .unwrap();
            assert_eq!(opened.project.documents.len(), TASKS, "{report}");
            assert!(report.rejected.is_empty(), "{report}");
            // The folder goes with the input, outside the timing.
            (opened, dir)
        });
}
