//! Export of 10,000 reviewed documents (500,000 spans, a meeting with two outcomes per
//! document) to every format: the formats alone (texts in memory), and the whole export as the
//! window and the CLI run it (reading and checking the articles, writing the files).
//! Run with `cargo bench --bench export`; numbers go in docs/PERFORMANCE.md.

mod common;

use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::atomic::AtomicBool;

use common::{DOCUMENTS, corpus, large_project};
use daftar::interchange::{ExportOptions, ExportSet, Format, Scope, export_to_folder};
use daftar::model::{DocStatus, Meeting, Outcome, Project, Sourced, SpanRef};

fn main() {
    divan::main();
    common::remove_run_folders();
}

/// The large project, every document reviewed, with a meeting and two outcomes each.
fn reviewed_project() -> &'static Project {
    static PROJECT: OnceLock<Project> = OnceLock::new();
    PROJECT.get_or_init(|| {
        let mut project = large_project().clone();
        for index in 0..project.documents.len() {
            let document = std::sync::Arc::make_mut(&mut project.documents[index]);
            document.status = DocStatus::Reviewed;
            let (doc, spans) = (
                document.id,
                document.spans.iter().map(|s| s.id).collect::<Vec<_>>(),
            );
            let at = |k: usize| SpanRef {
                doc,
                span: spans[k],
            };
            let mut meeting = Meeting::new(project.new_meeting_id(), "bench");
            meeting.evidence.push(at(0));
            meeting.level = Some(Sourced::with_evidence("ministerial".into(), at(1)));
            let meeting_id = meeting.id;
            project.meetings.push(meeting);
            for k in [2, 3] {
                let mut outcome = Outcome::new(
                    project.new_outcome_id(),
                    Some(meeting_id),
                    "decision",
                    "adopted",
                    "bench",
                );
                outcome.evidence.push(at(k));
                project.outcomes.push(outcome);
            }
        }
        project
    })
}

/// The article texts, read once.
fn texts() -> &'static HashMap<String, String> {
    static TEXTS: OnceLock<HashMap<String, String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        reviewed_project()
            .documents
            .iter()
            .map(|d| {
                let text = daftar::corpus::read_document(corpus(), d).unwrap().text;
                (d.path.clone(), text)
            })
            .collect()
    })
}

fn in_memory_set() -> ExportSet<'static> {
    let read = |d: &daftar::model::Document| Ok(texts()[&d.path].clone());
    ExportSet::new(
        reviewed_project(),
        Scope::Reviewed,
        read,
        &mut |_, _| {},
        &AtomicBool::new(false),
    )
    .unwrap()
}

#[divan::bench(sample_count = 3, args = ["jsonl", "csv", "doccano", "label-studio", "brat", "conll", "w3c"])]
fn format_10k_documents(bencher: divan::Bencher, format: &str) {
    let format = Format::from_name(format).unwrap();
    let set = in_memory_set();
    assert_eq!(set.docs.len(), DOCUMENTS);
    bencher.bench(|| format.files(&set, ExportOptions::default()).len());
}

/// Everything the export window does for "every format": read and check 10,000 articles, build
/// every format, write the files (about 20,000 for brat alone) into a new folder.
#[divan::bench(sample_count = 3)]
fn export_10k_documents_to_every_format(bencher: divan::Bencher) {
    let project = reviewed_project();
    bencher
        .with_inputs(|| tempfile::tempdir().unwrap())
        .bench_values(|out| {
            let summary = export_to_folder(
                project,
                corpus(),
                &Format::ALL,
                Scope::Reviewed,
                ExportOptions::default(),
                out.path(),
                false,
                &mut |_, _| {},
                &AtomicBool::new(false),
            )
            .unwrap();
            // Returned, so the folder is deleted after the timing.
            (summary.files, out)
        });
}

/// The same into a folder that holds the previous export (every file replaced).
#[divan::bench(sample_count = 3)]
fn export_10k_documents_to_every_format_replacing(bencher: divan::Bencher) {
    let project = reviewed_project();
    let out = tempfile::tempdir().unwrap();
    let run = |force| {
        export_to_folder(
            project,
            corpus(),
            &Format::ALL,
            Scope::Reviewed,
            ExportOptions::default(),
            out.path(),
            force,
            &mut |_, _| {},
            &AtomicBool::new(false),
        )
        .unwrap()
        .files
    };
    run(false);
    bencher.bench(|| run(true));
}

/// The tokenizer CoNLL uses, over the 50 MB corpus.
#[divan::bench(sample_count = 3)]
fn tokenize_10k_documents(bencher: divan::Bencher) {
    let set = in_memory_set();
    bencher.bench(|| {
        set.docs
            .iter()
            .map(|d| daftar::text::tokenize(&d.text).len())
            .sum::<usize>()
    });
}
