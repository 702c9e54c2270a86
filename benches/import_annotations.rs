//! Importing 100,000 doccano tasks (short articles of the sample, about 40 MB, three spans
//! each) into a new project: reading and checking the records, writing the texts as articles
//! (one durability barrier for the batch), importing the folder, adding the spans, saving.
//! Target: under 20 s on the 2-core machine. Run with `cargo bench --bench import_annotations`;
//! numbers go in docs/PERFORMANCE.md.

mod common;

use std::path::PathBuf;
use std::sync::OnceLock;

use daftar::interchange::import::SourceKind;
use daftar::sample::ARTICLES;

const TASKS: usize = 100_000;

fn main() {
    divan::main();
    common::remove_run_folders();
}

/// The doccano file, written once per run: each task an article's opening lines with a line of
/// its own, and three spans (the first three words).
fn doccano_file() -> &'static PathBuf {
    static FILE: OnceLock<PathBuf> = OnceLock::new();
    FILE.get_or_init(|| {
        let path = common::run_folder().join("tasks.jsonl");
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
        path
    })
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

/// A brat collection of 10,000 articles (the sample texts made distinct) with 50 spans each,
/// written once per run: the scale of issue 13.
fn brat_collection() -> &'static PathBuf {
    static FOLDER: OnceLock<PathBuf> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let folder = common::run_folder().join("collection");
        std::fs::create_dir_all(&folder).unwrap();
        let labels = ["PER", "ORG", "GPE", "DATE", "TITLE"];
        for i in 0..10_000 {
            let (_, article) = ARTICLES[i % ARTICLES.len()];
            let text = format!("{article}\nشماره {i}\n");
            let chars: Vec<char> = text.chars().collect();
            let mut ann = String::new();
            let mut taken = std::collections::HashSet::new();
            for k in 0..50 {
                // A word from a place spread over the text: its start and end at spaces.
                let mut start = (k * 37) % (chars.len() - 40);
                while start > 0 && !chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                let mut end = start + 1;
                while end < chars.len() && !chars[end].is_whitespace() {
                    end += 1;
                }
                if chars[start].is_whitespace() || !taken.insert((start, end)) {
                    continue;
                }
                let words: String = chars[start..end].iter().collect();
                ann.push_str(&format!(
                    "T{}\t{} {start} {end}\t{words}\n",
                    k + 1,
                    labels[k % 5]
                ));
            }
            std::fs::write(folder.join(format!("{i:05}.txt")), &text).unwrap();
            std::fs::write(folder.join(format!("{i:05}.ann")), ann).unwrap();
        }
        folder
    })
}

/// Issue 13's scale: pre-annotations of 10,000 articles imported into a new project folder
/// (read and check every .ann, import the articles, add the spans, write the folder).
#[divan::bench(sample_count = 3, sample_size = 1)]
fn import_brat_10000_articles_into_a_folder(bencher: divan::Bencher) {
    let source = brat_collection();
    // Each sample's project (20,000 files) is kept until every sample has run: deleting one
    // between samples had ext4 searching past the just-freed inodes during the next import
    // (a quarter of its time in `recently_deleted`), which no analyst's import meets.
    let kept = std::sync::Mutex::new(Vec::new());
    bencher
        .with_inputs(|| tempfile::tempdir().unwrap())
        .bench_values(|dir| {
            let project = dir.path().join("collection.daftar");
            let (opened, report) =
                daftar::open::import_annotations(source, SourceKind::Brat, &project, Some("bench"))
                    .unwrap();
            assert_eq!(opened.project.documents.len(), 10_000, "{report}");
            assert!(report.rejected.is_empty(), "{report}");
            kept.lock().unwrap().push(dir);
            opened
        });
}
