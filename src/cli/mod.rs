//! The command line's subcommands. Each prints its results to stdout and returns the process's
//! exit status: 0 all well, 1 problems found, 2 could not run (errors are returned to `main`,
//! which prints them once).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::anyhow;

use crate::corpus::{ImportOptions, encoding_for_label, verify};
use crate::model::{DocStatus, Project};
use crate::open::{corpus_root, import_into};
use crate::store;

/// Exit status: all is well.
pub const OK: u8 = 0;
/// Exit status: the command ran and found problems.
pub const PROBLEMS: u8 = 1;

/// `daftar import SOURCE -o PROJECT [--encoding LABEL]`
pub fn import(source: &Path, project: &Path, encoding: Option<&str>) -> anyhow::Result<u8> {
    let encoding = encoding
        .map(|label| encoding_for_label(label).ok_or_else(|| anyhow!("unknown encoding {label:?}")))
        .transpose()?;
    let opened = import_into(project, source, ImportOptions { encoding })?;
    let report = opened.import_report.expect("an import has a report");
    println!("{report}");
    println!("saved {}", opened.file.path().display());
    Ok(OK)
}

/// `daftar check PROJECT`
pub fn check(path: &Path) -> anyhow::Result<u8> {
    let project = store::load(path)?;
    let problems = verify(&project, &corpus_root(path, &project));
    for problem in &problems {
        println!("{problem}");
    }
    let summary = format!(
        "{} documents, {} spans, {} meetings, {} outcomes",
        project.documents.len(),
        project.span_count(),
        project.meetings.len(),
        project.outcomes.len()
    );
    if problems.is_empty() {
        println!("ok: {summary}");
        Ok(OK)
    } else {
        println!("{} problems in {summary}", problems.len());
        Ok(PROBLEMS)
    }
}

/// `daftar stats PROJECT`
pub fn stats(path: &Path) -> anyhow::Result<u8> {
    let project = store::load(path)?;
    print!("{}", stats_text(&project));
    Ok(OK)
}

/// Documents by status, spans by label, meetings, outcomes and entities.
pub fn stats_text(project: &Project) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "project: {}", project.name);
    let _ = writeln!(out, "documents: {}", project.documents.len());
    for status in DocStatus::ALL {
        let count = project
            .documents
            .iter()
            .filter(|d| d.status == status)
            .count();
        let _ = writeln!(out, "  {}: {count}", status.name());
    }
    let mut by_label: BTreeMap<&str, usize> = BTreeMap::new();
    for span in project.documents.iter().flat_map(|d| &d.spans) {
        *by_label.entry(span.label.as_str()).or_default() += 1;
    }
    let _ = writeln!(out, "spans: {}", project.span_count());
    // Labels in schema order, then any the schema does not know.
    for label in &project.schema.labels {
        if let Some(count) = by_label.remove(label.key.as_str()) {
            let _ = writeln!(out, "  {}: {count}", label.key);
        }
    }
    for (label, count) in by_label {
        let _ = writeln!(out, "  {label} (not in the schema): {count}");
    }
    let _ = writeln!(out, "entities: {}", project.entities.len());
    let _ = writeln!(out, "meetings: {}", project.meetings.len());
    let _ = writeln!(out, "outcomes: {}", project.outcomes.len());
    out
}
