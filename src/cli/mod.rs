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

/// Writes to stdout; a reader that went away (`daftar … | head`) is not an error.
fn emit(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// `daftar import SOURCE -o PROJECT [--encoding LABEL] [--annotator NAME]`: a folder of
/// articles, or another tool's annotations (brat folder, doccano JSONL, Label Studio JSON) as
/// pre-annotations, credited to the annotator named.
pub fn import(
    source: &Path,
    project: &Path,
    encoding: Option<&str>,
    annotator: Option<&str>,
) -> anyhow::Result<u8> {
    if let Some(kind) = crate::interchange::import::SourceKind::of(source) {
        let (opened, report) = crate::open::import_annotations(source, kind, project, annotator)?;
        emit(&format!("{report}saved {}\n", opened.file.path().display()));
        return Ok(if report.rejected.is_empty() {
            OK
        } else {
            PROBLEMS
        });
    }
    if annotator.is_some() {
        return Err(anyhow!(
            "--annotator credits imported annotations, and {} holds none (a folder of articles \
             has no annotations to credit)",
            source.display()
        ));
    }
    let encoding = encoding
        .map(|label| encoding_for_label(label).ok_or_else(|| anyhow!("unknown encoding {label:?}")))
        .transpose()?;
    let opened = import_into(project, source, ImportOptions { encoding })?;
    let report = opened.import_report.expect("an import has a report");
    emit(&format!(
        "{report}\nsaved {}\n",
        opened.file.path().display()
    ));
    Ok(OK)
}

/// `daftar check PROJECT`
pub fn check(path: &Path) -> anyhow::Result<u8> {
    let project = store::load(path)?;
    let problems = verify(&project, &corpus_root(path, &project));
    let mut out = String::new();
    for problem in &problems {
        let _ = writeln!(out, "{problem}");
    }
    let summary = format!(
        "{} documents, {} spans, {} meetings, {} outcomes",
        project.documents.len(),
        project.span_count(),
        project.meetings.len(),
        project.outcomes.len()
    );
    let code = if problems.is_empty() {
        let _ = writeln!(out, "ok: {summary}");
        OK
    } else {
        let count = match problems.len() {
            1 => "1 problem".to_string(),
            n => format!("{n} problems"),
        };
        let _ = writeln!(out, "{count} in {summary}");
        PROBLEMS
    };
    emit(&out);
    Ok(code)
}

/// `daftar export PROJECT --format FORMAT --out DIR [--all] [--force] [--excel]`
pub fn export(
    path: &Path,
    format: &str,
    out: &Path,
    all: bool,
    force: bool,
    for_excel: bool,
) -> anyhow::Result<u8> {
    use crate::interchange::{ExportOptions, Format, Scope, export_to_folder};
    let format = Format::from_name(format).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        anyhow!("unknown format {format:?}: one of {}", names.join(", "))
    })?;
    let project = store::load(path)?;
    let scope = if all { Scope::All } else { Scope::Reviewed };
    let summary = export_to_folder(
        &project,
        &corpus_root(path, &project),
        &[format],
        scope,
        ExportOptions { for_excel },
        out,
        force,
        &mut |_, _| {},
        &std::sync::atomic::AtomicBool::new(false),
    )?;
    let what = if all {
        "everything but rejected work"
    } else {
        "reviewed work"
    };
    emit(&format!("{summary} ({what}) in {}\n", out.display()));
    for warning in &summary.warnings {
        eprintln!("warning: {warning}");
    }
    Ok(OK)
}

/// The article view's default font size, in points.
pub const ARTICLE_FONT_SIZE: f32 = 18.0;

/// `daftar layout FILE --width PX [--font-size PX] [--json]`
pub fn layout(file: &Path, width: f32, font_size: f32, json: bool) -> anyhow::Result<u8> {
    let bytes = std::fs::read(file)
        .map_err(|error| anyhow!("cannot read the article ({error}): {}", file.display()))?;
    let decoded = crate::corpus::decode(&bytes, None)
        .map_err(|reason| anyhow!("cannot lay out the article ({reason}): {}", file.display()))?;
    let style = crate::layout::TextStyle::article(font_size);
    let layout = crate::layout::LayoutEngine::new().layout(&decoded.text, &style, Some(width), 1.0);
    if json {
        emit(&crate::layout::json::layout_json(&layout));
    } else {
        let mut out = String::new();
        for line in layout.lines() {
            let text = &decoded.text[line.range.clone()];
            let _ = writeln!(out, "{:>6}..{:<6} {text}", line.range.start, line.range.end);
        }
        emit(&out);
    }
    Ok(OK)
}

/// `daftar stats PROJECT`
pub fn stats(path: &Path) -> anyhow::Result<u8> {
    let project = store::load(path)?;
    emit(&stats_text(&project));
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
    let people = work_by_person(project);
    if !people.is_empty() {
        let _ = writeln!(out, "by annotator:");
        for (name, work) in people {
            let _ = writeln!(
                out,
                "  {name}: assigned {}, documents {}, spans {}, meetings {}, outcomes {}, review decisions {}",
                work.assigned,
                work.documents.len(),
                work.spans,
                work.meetings,
                work.outcomes,
                work.decisions
            );
        }
    }
    out
}

/// What one person did in a project.
#[derive(Default)]
struct Work {
    /// Documents given to them.
    assigned: usize,
    /// Documents they annotated (a span of theirs is there).
    documents: std::collections::BTreeSet<crate::model::DocId>,
    spans: usize,
    meetings: usize,
    outcomes: usize,
    /// Spans, meetings and outcomes they accepted or rejected.
    decisions: usize,
}

/// Work per author and reviewer, by name.
fn work_by_person(project: &Project) -> BTreeMap<&str, Work> {
    let mut people: BTreeMap<&str, Work> = BTreeMap::new();
    for document in &project.documents {
        for span in &document.spans {
            let work = people.entry(span.author.as_str()).or_default();
            work.spans += 1;
            work.documents.insert(document.id);
        }
    }
    for name in project.documents.iter().flat_map(|d| &d.assigned) {
        people.entry(name.as_str()).or_default().assigned += 1;
    }
    for meeting in &project.meetings {
        people.entry(meeting.author.as_str()).or_default().meetings += 1;
    }
    for outcome in &project.outcomes {
        people.entry(outcome.author.as_str()).or_default().outcomes += 1;
    }
    let reviews = project
        .documents
        .iter()
        .flat_map(|d| d.spans.iter().map(|s| &s.review))
        .chain(project.meetings.iter().map(|m| &m.review))
        .chain(project.outcomes.iter().map(|o| &o.review));
    for review in reviews.filter(|r| !r.is_pending() && !r.reviewer.is_empty()) {
        people
            .entry(review.reviewer.as_str())
            .or_default()
            .decisions += 1;
    }
    people.remove("");
    people
}

/// `daftar migrate PROJECT [-o FOLDER]`
pub fn migrate(project: &Path, output: Option<&Path>) -> anyhow::Result<u8> {
    if project.is_dir() {
        return Err(anyhow!(
            "this is already a project folder: {}",
            project.display()
        ));
    }
    let target = match output {
        Some(target) => target.to_path_buf(),
        None => {
            let name = project
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let stem = name
                .strip_suffix(".daftar.ron")
                .or_else(|| name.strip_suffix(".ron"))
                .unwrap_or(&name);
            project.with_file_name(format!("{stem}.daftar"))
        }
    };
    if target.extension().is_none_or(|e| e != "daftar") {
        return Err(anyhow!(
            "a project folder's name ends with .daftar: {}",
            target.display()
        ));
    }
    let migrated = store::migrate(project, &target)?;
    emit(&format!(
        "{} documents, {} spans, {} entities, {} meetings, {} outcomes\nsaved {}\n",
        migrated.documents.len(),
        migrated.span_count(),
        migrated.entities.len(),
        migrated.meetings.len(),
        migrated.outcomes.len(),
        target.display()
    ));
    Ok(OK)
}

/// `daftar assign PROJECT --annotators NAMES [--mode everyone|round-robin|double] [--unassigned]`
pub fn assign(path: &Path, annotators: &str, mode: &str, unassigned: bool) -> anyhow::Result<u8> {
    use crate::edit::assign::{AssignMode, assign, parse_annotators};
    let mode = match mode {
        "everyone" => AssignMode::Everyone,
        "round-robin" => AssignMode::RoundRobin,
        "double" => AssignMode::Double,
        other => {
            return Err(anyhow!(
                "unknown mode {other:?}: one of everyone, round-robin, double"
            ));
        }
    };
    let (mut file, mut project) = store::ProjectFile::open(path)?;
    let docs: Vec<crate::model::DocId> = project
        .documents
        .iter()
        .filter(|d| !unassigned || d.assigned.is_empty())
        .map(|d| d.id)
        .collect();
    let names = parse_annotators(annotators);
    assign(&project, &docs, &names, mode)?
        .apply(&mut project)
        .map_err(|e| anyhow!("{e}"))?;
    file.save(&project)?;
    let mut out = String::new();
    for name in &names {
        let count = project
            .documents
            .iter()
            .filter(|d| d.assigned.contains(name))
            .count();
        let _ = writeln!(out, "{name}: {count} documents");
    }
    emit(&out);
    Ok(OK)
}

/// `daftar suggest PROJECT [--document PATH]...`: pending spans from the gazetteers and the
/// project's entities, saved into the project; counts by label printed.
pub fn suggest(path: &Path, documents: &[String]) -> anyhow::Result<u8> {
    let (mut file, mut project) = store::ProjectFile::open(path)?;
    let mut docs = Vec::new();
    for wanted in documents {
        let document = project
            .document_by_path(wanted)
            .ok_or_else(|| anyhow!("the project has no document {wanted}"))?;
        docs.push(document.id);
    }
    if documents.is_empty() {
        docs = project.documents.iter().map(|d| d.id).collect();
    }
    let root = corpus_root(path, &project);
    let gazetteer = crate::gazetteer::Gazetteer::new(&crate::gazetteer::bundled(), &project);
    let unreadable = std::sync::atomic::AtomicUsize::new(0);
    let found = crate::gazetteer::suggest_in_documents(
        &gazetteer,
        &project,
        &docs,
        |document| {
            let text = crate::corpus::read_unchanged(&root, document);
            if text.is_none() {
                unreadable.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            text
        },
        &|_, _| {},
        &std::sync::atomic::AtomicBool::new(false),
    );
    let unreadable = unreadable.into_inner();
    let edit = crate::gazetteer::add_suggestions(&mut project, &found);
    edit.apply(&mut project).map_err(|e| anyhow!("{e}"))?;
    file.save(&project)?;
    let mut by_label: BTreeMap<&str, usize> = BTreeMap::new();
    for suggestion in &found.suggestions {
        *by_label.entry(suggestion.label.as_str()).or_default() += 1;
    }
    let mut out = format!(
        "{} spans suggested in {} of {} documents, pending review (by {}):\n",
        found.suggestions.len(),
        found.texts.len(),
        docs.len(),
        crate::gazetteer::AUTHOR
    );
    for (label, count) in by_label {
        let _ = writeln!(out, "  {label}: {count}");
    }
    if unreadable > 0 {
        let _ = writeln!(
            out,
            "{unreadable} documents left alone: their article cannot be read or changed on disk"
        );
    }
    emit(&out);
    Ok(OK)
}

/// `daftar sync PROJECT [--annotator NAME]`: exit status 1 when files conflicted.
pub fn sync(path: &Path, annotator: Option<&str>) -> anyhow::Result<u8> {
    // One writer: a window with the project open would save over the merge.
    let _lock = store::ProjectLock::acquire(path)?;
    let project = store::load(path)?;
    let author = annotator
        .map(str::to_string)
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "annotator".to_string());
    let report = crate::sync::sync(path, &author, Some(&project), &mut |step| {
        eprintln!("{step}…");
        true
    })?;
    let mut out = report.to_string();
    let merged = store::load(path)?;
    let breaches = crate::model::integrity::breaches(&merged);
    for breach in &breaches {
        let _ = writeln!(out, "after the merge: {}", breach.message);
    }
    emit(&out);
    Ok(if report.conflicts.is_empty() && breaches.is_empty() {
        OK
    } else {
        PROBLEMS
    })
}

/// `daftar merge-file BASE OURS THEIRS PATH`: git's merge driver; the result goes into OURS.
pub fn merge_file(base: &Path, ours: &Path, theirs: &Path, path: &str) -> anyhow::Result<u8> {
    let read = |file: &Path| {
        std::fs::read_to_string(file).map_err(|e| anyhow!("cannot read {} ({e})", file.display()))
    };
    let (base_text, ours_text, theirs_text) = (read(base)?, read(ours)?, read(theirs)?);
    match store::folder::merge_file(path, &base_text, &ours_text, &theirs_text) {
        Ok(merged) => {
            store::write_atomically(ours, merged.as_bytes())
                .map_err(|e| anyhow!("cannot write {} ({e})", ours.display()))?;
            Ok(OK)
        }
        Err(unmerged) => {
            eprintln!("daftar: {path}: not merged: {unmerged:?}");
            Ok(PROBLEMS)
        }
    }
}

/// `daftar agreement PROJECT [--json]`
pub fn agreement(path: &Path, json: bool) -> anyhow::Result<u8> {
    let project = store::load(path)?;
    let root = corpus_root(path, &project);
    let measured = crate::agreement::agreement(&project, |document| {
        crate::corpus::read_unchanged(&root, document)
    });
    if json {
        let mut text = serde_json::to_string_pretty(&measured)?;
        text.push('\n');
        emit(&text);
    } else {
        emit(&agreement_text(&measured));
    }
    Ok(OK)
}

/// A number for the table: three decimals, or "–" where the measure is undefined.
fn measure(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| format!("{v:.3}"))
}

/// The agreement as tables a person reads: one per pair, then the coefficients across all.
/// `daftar records PROJECT [filters] [--json]`
pub fn records(
    path: &Path,
    filter: &crate::records::RecordFilter,
    json: bool,
) -> anyhow::Result<u8> {
    for date in [&filter.from, &filter.to].into_iter().flatten() {
        let valid = matches!(date.len(), 4 | 7 | 10)
            && date.chars().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if !valid {
            anyhow::bail!("{date:?} is not a date: YYYY, YYYY-MM or YYYY-MM-DD");
        }
    }
    let project = store::load(path)?;
    let rows: Vec<crate::records::RecordRow> = crate::records::record_rows(&project)
        .into_iter()
        .filter(|r| filter.matches(r))
        .collect();
    let mut out = String::new();
    if json {
        for row in &rows {
            let _ = writeln!(out, "{}", serde_json::to_string(row)?);
        }
    } else {
        for row in &rows {
            let dates = match (row.start.as_str(), row.end.as_str()) {
                ("", _) => "no date".to_string(),
                (start, end) if end.is_empty() || end == start => start.to_string(),
                (start, end) => format!("{start}..{end}"),
            };
            let what = match row.kind {
                crate::records::RecordKind::Meeting => {
                    format!("{} {} {}", row.level, row.realis, row.venue)
                }
                crate::records::RecordKind::Outcome => {
                    format!(
                        "{} {} (of {})",
                        row.outcome_type, row.outcome_status, row.meeting
                    )
                }
            };
            let _ = writeln!(
                out,
                "{:<5} {:<22} {} · {} · {} · {} · {}",
                row.id,
                dates,
                row.organization,
                row.body,
                what.trim(),
                row.review,
                row.documents.join(", ")
            );
        }
        let _ = writeln!(out, "{} records", rows.len());
    }
    emit(&out);
    Ok(OK)
}

/// `daftar search PROJECT QUERY [--regex] [--label L] [--status S] [--json]`
pub fn search(
    path: &Path,
    query: &str,
    regex: bool,
    label: Option<String>,
    status: Option<&str>,
    json: bool,
) -> anyhow::Result<u8> {
    let status = match status {
        None => None,
        Some(name) => {
            let wanted = name.replace(['-', '_'], " ").to_lowercase();
            let names: Vec<&str> = crate::model::DocStatus::ALL
                .iter()
                .map(|s| s.name())
                .collect();
            Some(
                crate::model::DocStatus::ALL
                    .into_iter()
                    .find(|s| s.name() == wanted)
                    .ok_or_else(|| {
                        anyhow!("unknown status {name:?}: one of {}", names.join(", "))
                    })?,
            )
        }
    };
    let project = store::load(path)?;
    let query = crate::search::SearchQuery {
        text: query.to_string(),
        regex,
        label,
        status,
    };
    let results = crate::search::search(&project, &corpus_root(path, &project), &query)?;
    let mut out = String::new();
    if json {
        for hit in &results.hits {
            let line = serde_json::json!({
                "document": hit.path,
                "start": hit.start,
                "end": hit.end,
                "quote": hit.quote(),
                "left": hit.left(),
                "right": hit.right(),
            });
            let _ = writeln!(out, "{line}");
        }
    } else {
        let mut previous: Option<&str> = None;
        for hit in &results.hits {
            if previous != Some(&*hit.path) {
                let _ = writeln!(out, "{}", hit.path);
                previous = Some(&hit.path);
            }
            let flat = |s: &str| s.replace(['\n', '\r', '\t'], " ");
            let _ = writeln!(
                out,
                "  {}..{}  …{}[{}]{}…",
                hit.start,
                hit.end,
                flat(hit.left()),
                flat(hit.quote()),
                flat(hit.right())
            );
        }
        let documents: std::collections::BTreeSet<&str> =
            results.hits.iter().map(|h| &*h.path).collect();
        let _ = writeln!(
            out,
            "{} hits in {} of {} documents",
            results.hits.len(),
            documents.len(),
            results.documents_searched
        );
    }
    emit(&out);
    for (path, why) in &results.skipped {
        eprintln!("skipped {path}: {why}");
    }
    Ok(if results.hits.is_empty() {
        PROBLEMS
    } else {
        OK
    })
}

pub fn agreement_text(measured: &crate::agreement::Agreement) -> String {
    let mut out = String::new();
    if measured.pairs.is_empty() {
        let _ = writeln!(
            out,
            "no document has spans of two annotators: nothing to compare"
        );
    }
    for pair in &measured.pairs {
        let [a, b] = &pair.annotators;
        let _ = writeln!(
            out,
            "{a} (A) and {b} (B): {} documents, {} tokens",
            pair.documents, pair.tokens
        );
        let _ = writeln!(
            out,
            "  {:<12} {:>7} {:>7} {:>9} {:>10} {:>7} {:>7}",
            "label", "spans A", "spans B", "F1 exact", "F1 overlap", "kappa", "alpha_u"
        );
        let rows = std::iter::once(("all", &pair.overall))
            .chain(pair.labels.iter().map(|(label, s)| (label.as_str(), s)));
        for (label, scores) in rows {
            let _ = writeln!(
                out,
                "  {label:<12} {:>7} {:>7} {:>9} {:>10} {:>7} {:>7}",
                scores.spans[0],
                scores.spans[1],
                measure(scores.f1_exact),
                measure(scores.f1_overlap),
                measure(scores.cohen_kappa),
                measure(scores.unitizing_alpha)
            );
        }
    }
    for (name, group) in [
        ("Fleiss' kappa", &measured.fleiss),
        ("Krippendorff's alpha", &measured.krippendorff),
    ] {
        if let Some(group) = group {
            let _ = writeln!(
                out,
                "{name} ({}; {} documents, {} tokens): {}",
                group.annotators.join(", "),
                group.documents,
                group.tokens,
                measure(group.value)
            );
            for (label, value) in &group.labels {
                let _ = writeln!(out, "  {label:<12} {}", measure(*value));
            }
        }
    }
    for skipped in &measured.skipped {
        let _ = writeln!(out, "skipped {}: {}", skipped.document, skipped.reason);
    }
    out
}
