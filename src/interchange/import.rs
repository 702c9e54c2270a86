//! Pre-annotations from other tools: a brat collection (a folder whose `.txt` files have `.ann`
//! files beside them), a doccano JSONL file, a Label Studio JSON export. Spans arrive pending
//! review, authored `import:<format>`. Texts that arrive inside a JSON file are written into a
//! corpus folder beside the project (`<project>-corpus/`). A malformed record is named (file and
//! line or task) and nothing of it is imported; the others are.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow};
use serde_json::Value;

use super::brat::{AnnSpan, parse_ann};
use super::sanitize_file_name;
use super::units;
use crate::edit::Edit;
use crate::i18n::Words;
use crate::model::{Credit, DocId, Document, Interner, LabelDef, Names, Project, Span, SpanId};
use crate::text::OffsetIndex;

/// A span read from another tool's file, in code points of its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedSpan {
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub attributes: BTreeMap<String, String>,
    pub note: String,
}

/// A document read from another tool's file: its name in the corpus, its text (for JSON sources)
/// and its spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedDocument {
    /// Where it was read: `data.jsonl line 3`, `export.json task 2`, `a.ann`.
    pub place: String,
    pub name: String,
    pub text: String,
    pub spans: Vec<ImportedSpan>,
}

/// The kinds of source `daftar import` reads besides a plain folder of articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    Brat,
    Doccano,
    LabelStudio,
}

impl SourceKind {
    pub fn name(self) -> &'static str {
        match self {
            SourceKind::Brat => "brat",
            SourceKind::Doccano => "doccano",
            SourceKind::LabelStudio => "label-studio",
        }
    }

    /// What `source` is: a folder with `.ann` files, a `.jsonl` file, a `.json` file; `None` for
    /// a plain folder of articles.
    pub fn of(source: &Path) -> Option<SourceKind> {
        if source.is_dir() {
            let has_ann = std::fs::read_dir(source).ok()?.flatten().any(|e| {
                e.path()
                    .extension()
                    .is_some_and(|x| x.eq_ignore_ascii_case("ann"))
            });
            return has_ann.then_some(SourceKind::Brat);
        }
        match source.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "jsonl" => Some(SourceKind::Doccano),
            "json" => Some(SourceKind::LabelStudio),
            _ => None,
        }
    }
}

/// A record that was not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// File and line or record: `data.jsonl line 3`, `export.json task 2`.
    pub place: String,
    pub reason: String,
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.reason)
    }
}

/// What an import of annotations did.
#[derive(Clone, Debug, Default)]
pub struct AnnotationReport {
    pub documents: usize,
    pub spans: usize,
    /// Spans the project already had (the same range and label): imported once only.
    pub already: usize,
    pub rejected: Vec<Rejected>,
}

impl AnnotationReport {
    /// What the import did, a line each, in words of the interface's language. A record left
    /// out is named by its place and reason as the reader gave them.
    pub fn lines(&self, tr: Words) -> Vec<String> {
        let mut lines = vec![tr.t_with(
            "annotations-imported",
            &[
                ("documents", self.documents.into()),
                ("spans", self.spans.into()),
            ],
        )];
        if self.already > 0 {
            lines.push(tr.t_with("annotations-already", &[("spans", self.already.into())]));
        }
        for rejected in &self.rejected {
            lines.push(tr.t_with(
                "annotations-rejected",
                &[
                    ("place", (&rejected.place).into()),
                    ("reason", (&rejected.reason).into()),
                ],
            ));
        }
        lines
    }
}

/// The command line's report: the window's lines in English, each ending its line.
impl fmt::Display for AnnotationReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in self.lines(Words::ENGLISH) {
            writeln!(f, "{line}")?;
        }
        Ok(())
    }
}

/// A record as a reader found it: its name in the corpus, its text, its spans.
type Record = (String, String, Vec<ImportedSpan>);

/// What a reader gathers: the documents, and the records it left out with the reason.
#[derive(Default)]
struct Gathered {
    documents: Vec<ImportedDocument>,
    rejected: Vec<Rejected>,
}

/// The record read at `place` through [`settle`], or why it is left out.
fn settle_record(place: &str, record: Result<Record, String>) -> Result<ImportedDocument, String> {
    record.and_then(|(name, text, spans)| {
        settle(ImportedDocument {
            place: place.to_string(),
            name,
            text,
            spans,
        })
    })
}

impl Gathered {
    /// Takes the record read at `place` (through [`settle`]), or says why it is left out.
    fn take(&mut self, place: String, record: Result<Record, String>) {
        let settled = settle_record(&place, record);
        self.take_settled(place, settled);
    }

    /// Takes a record already settled, or says why it is left out.
    fn take_settled(&mut self, place: String, settled: Result<ImportedDocument, String>) {
        match settled {
            Ok(document) => self.documents.push(document),
            Err(reason) => self.rejected.push(Rejected { place, reason }),
        }
    }

    fn done(self) -> (Vec<ImportedDocument>, Vec<Rejected>) {
        (self.documents, self.rejected)
    }
}

fn label_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Array(a) => a.first().and_then(|v| v.as_str()).map(str::to_string),
        _ => None,
    }
}

/// A source file's text and name (for naming its records).
fn read_source(file: &Path) -> anyhow::Result<(String, String)> {
    let content =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let name = file
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    Ok((content, name))
}

/// Reads a doccano JSONL file: `{"text", "label"|"labels": [[start, end, "LABEL"], …]}` per line,
/// offsets in UTF-16 code units. Names: the record's `path`, else `record-NNNNN.txt`.
pub fn read_doccano(file: &Path) -> anyhow::Result<(Vec<ImportedDocument>, Vec<Rejected>)> {
    let (content, file_name) = read_source(file)?;
    let mut gathered = Gathered::default();
    for (index, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let place = format!("{file_name} line {}", index + 1);
        let record = (|| -> Result<Record, String> {
            let value: Value = serde_json::from_str(line).map_err(|e| format!("not JSON ({e})"))?;
            let text = value["text"].as_str().ok_or("no \"text\"")?.to_string();
            let offsets = OffsetIndex::new(&text);
            let labels = value
                .get("label")
                .or_else(|| value.get("labels"))
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            let mut spans = Vec::new();
            for label in labels {
                let parts = label
                    .as_array()
                    .ok_or("a label is not [start, end, label]")?;
                let (Some(start), Some(end), Some(name)) = (
                    parts.first().and_then(Value::as_u64),
                    parts.get(1).and_then(Value::as_u64),
                    parts.get(2).and_then(label_of),
                ) else {
                    return Err("a label is not [start, end, label]".into());
                };
                let (start, end) = units::DOCCANO.to_chars(&offsets, start, end)?;
                spans.push(ImportedSpan {
                    start,
                    end,
                    label: name,
                    attributes: BTreeMap::new(),
                    note: String::new(),
                });
            }
            let name = value["path"]
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| format!("record-{:05}.txt", index + 1));
            Ok((name, text, spans))
        })();
        gathered.take(place, record);
    }
    Ok(gathered.done())
}

/// Reads a Label Studio JSON export (an array of tasks with `data.text` and `annotations[].result`
/// of `labels` regions, offsets in code points, `value.text` checked against them). The first annotation
/// of a task is read, or its first prediction when it has none.
pub fn read_label_studio(file: &Path) -> anyhow::Result<(Vec<ImportedDocument>, Vec<Rejected>)> {
    let (content, file_name) = read_source(file)?;
    let tasks: Value = serde_json::from_str(&content).map_err(|e| {
        anyhow!(
            "{file_name} is not JSON: line {}, column {}: {e}",
            e.line(),
            e.column()
        )
    })?;
    let tasks = tasks
        .as_array()
        .ok_or_else(|| anyhow!("{file_name}: a Label Studio export is an array of tasks"))?;
    let mut gathered = Gathered::default();
    for (index, task) in tasks.iter().enumerate() {
        let id = task["id"].as_u64().map_or((index + 1) as u64, |i| i);
        let place = format!("{file_name} task {id}");
        let record = (|| -> Result<Record, String> {
            let text = task["data"]["text"]
                .as_str()
                .ok_or("no data.text")?
                .to_string();
            let offsets = OffsetIndex::new(&text);
            let results = task["annotations"]
                .get(0)
                .or_else(|| task["predictions"].get(0))
                .map(|a| a["result"].clone())
                .unwrap_or(Value::Array(Vec::new()));
            let mut spans = Vec::new();
            for result in results.as_array().ok_or("result is not a list")? {
                let value = &result["value"];
                let Some(label) = value.get("labels").and_then(label_of) else {
                    continue; // not a labels region (a choice, a rating…)
                };
                let (Some(start), Some(end)) = (value["start"].as_u64(), value["end"].as_u64())
                else {
                    return Err(format!("region {} has no start/end", result["id"]));
                };
                let (start, end) = units::LABEL_STUDIO
                    .to_chars(&offsets, start, end)
                    .map_err(|why| format!("region {}: {why}", result["id"]))?;
                let slice =
                    crate::text::offsets::slice_chars(&text, start.min(end), end).unwrap_or("");
                if let Some(expected) = value["text"].as_str()
                    && expected != slice
                {
                    return Err(format!(
                        "region {}: value.text {expected:?} is not the text at {start}..{end} ({slice:?})",
                        result["id"]
                    ));
                }
                spans.push(ImportedSpan {
                    start,
                    end,
                    label,
                    attributes: BTreeMap::new(),
                    note: String::new(),
                });
            }
            let name = task["data"]["path"]
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| format!("task-{id:05}.txt"));
            Ok((name, text, spans))
        })();
        gathered.take(place, record);
    }
    Ok(gathered.done())
}

/// Reads the `.ann` files of a brat collection (the `.txt` beside each is the article). A span
/// whose text does not match its offsets rejects that file.
pub fn read_brat(folder: &Path) -> anyhow::Result<(Vec<ImportedDocument>, Vec<Rejected>)> {
    let mut gathered = Gathered::default();
    let mut anns: Vec<PathBuf> = std::fs::read_dir(folder)
        .with_context(|| format!("cannot read {}", folder.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("ann")))
        .collect();
    anns.sort();
    // Read, parsed and checked on every core; gathered in order.
    let records = crate::parallel::map(&anns, |ann| {
        let place = ann
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        let txt = ann.with_extension("txt");
        let record = (|| -> Result<Record, String> {
            let size = std::fs::metadata(&txt).map_or(0, |m| m.len());
            if size > crate::corpus::MAX_ARTICLE_BYTES as u64 {
                return Err(format!(
                    "its text {} is too large for an article ({size} bytes)",
                    txt.display()
                ));
            }
            let text = std::fs::read_to_string(&txt)
                .map_err(|e| format!("its text {} cannot be read: {e}", txt.display()))?;
            let content = std::fs::read_to_string(ann).map_err(|e| e.to_string())?;
            let parsed = parse_ann(&content)?;
            // brat reads the text as Python does, byte order mark included, and counts it; a
            // file written by a tool that did not count it is read as it was meant.
            let counted = brat_spans(&text, &parsed);
            let (text, spans) = match (counted, text.strip_prefix(BOM)) {
                (Ok(spans), _) => (text.clone(), spans),
                (Err(error), Some(bare)) => match brat_spans(bare, &parsed) {
                    Ok(spans) => (bare.to_string(), spans),
                    Err(_) => return Err(error),
                },
                (Err(error), None) => return Err(error),
            };
            let name = txt
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned());
            Ok((name, text, spans))
        })();
        let settled = settle_record(&place, record);
        (place, settled)
    });
    for (place, settled) in records {
        gathered.take_settled(place, settled);
    }
    Ok(gathered.done())
}

/// The spans of a parsed `.ann` file, each checked against the text at its offsets.
fn brat_spans(text: &str, parsed: &[AnnSpan]) -> Result<Vec<ImportedSpan>, String> {
    let offsets = OffsetIndex::new(text);
    let mut spans = Vec::new();
    for span in parsed {
        let (start, end) = units::BRAT
            .to_chars(&offsets, span.start as u64, span.end as u64)
            .map_err(|why| format!("{}: {why}", span.id))?;
        let byte = |chars| offsets.byte_of_char(chars).unwrap_or(text.len());
        let slice = text.get(byte(start)..byte(end)).unwrap_or("");
        // Fragments are joined by a space in the .ann text; compare without line breaks.
        let flat: String = slice
            .chars()
            .map(|c| if c == '\n' { ' ' } else { c })
            .collect();
        if flat.trim() != span.text.trim() && slice != span.text {
            return Err(format!(
                "{} says {:?} but the text at {}..{} is {slice:?}",
                span.id, span.text, span.start, span.end
            ));
        }
        spans.push(ImportedSpan {
            start,
            end,
            label: span.label.clone(),
            attributes: span.attributes.clone(),
            note: span.note.clone(),
        });
    }
    Ok(spans)
}

/// The byte order mark some tools leave at the start of a text.
const BOM: char = '\u{feff}';

/// One rule for every imported document: a byte order mark at the start of its text is not part
/// of the article (Daftar's reader drops it), so it goes and the offsets that counted it move
/// back by one; then every span must be a span of the text (not empty or reversed, inside it,
/// never splitting a letter from its marks), or the record is refused, naming the span.
fn settle(mut document: ImportedDocument) -> Result<ImportedDocument, String> {
    if let Some(bare) = document.text.strip_prefix(BOM) {
        document.text = bare.to_string();
        for span in &mut document.spans {
            span.start = span.start.saturating_sub(1);
            span.end = span.end.saturating_sub(1);
        }
    }
    let index = OffsetIndex::new(&document.text);
    for span in &document.spans {
        if let Some(problem) =
            crate::text::offsets::span_range_problem(&index, &document.text, span.start, span.end)
        {
            return Err(format!("a {} span {problem}", span.label));
        }
    }
    Ok(document)
}

/// The folder the texts of a JSON import are written to: `<project stem>-corpus` beside it.
pub fn corpus_folder_for(project: &Path) -> PathBuf {
    let name = project
        .file_name()
        .map_or("project".into(), |n| n.to_string_lossy().into_owned());
    let stem = name
        .strip_suffix(".daftar.ron")
        .or_else(|| name.strip_suffix(".daftar"))
        .unwrap_or(&name)
        .to_string();
    project.with_file_name(format!("{stem}-corpus"))
}

/// Reads another tool's annotations: the documents with their texts and spans, and the records
/// that were malformed (named, left out).
pub fn read_annotations(
    source: &Path,
    kind: SourceKind,
) -> anyhow::Result<(Vec<ImportedDocument>, Vec<Rejected>)> {
    match kind {
        SourceKind::Brat => read_brat(source),
        SourceKind::Doccano => read_doccano(source),
        SourceKind::LabelStudio => read_label_studio(source),
    }
}

/// Where the articles of an import are: the brat folder itself, or the texts of a JSON file
/// written into a new corpus folder beside the project.
/// Records that could not be written as articles are named in the returned list and left out
/// of `documents`.
pub fn corpus_for(
    source: &Path,
    kind: SourceKind,
    project_path: &Path,
    documents: &mut Vec<ImportedDocument>,
) -> anyhow::Result<(PathBuf, Vec<Rejected>)> {
    match kind {
        SourceKind::Brat => Ok((source.to_path_buf(), Vec::new())),
        SourceKind::Doccano | SourceKind::LabelStudio => {
            let folder = corpus_folder_for(project_path);
            let rejected = write_texts(&folder, documents)?;
            Ok((folder, rejected))
        }
    }
}

/// What [`add_imported`] did.
#[derive(Debug, Default)]
pub struct Added {
    pub documents: usize,
    pub spans: usize,
    pub already: usize,
    pub rejected: Vec<Rejected>,
}

/// Who imported spans are credited to: the annotator named, or else `import:<format>`.
pub fn import_author(kind: SourceKind, annotator: Option<&str>) -> String {
    match annotator.map(str::trim).filter(|a| !a.is_empty()) {
        Some(annotator) => annotator.to_string(),
        None => format!("import:{}", kind.name()),
    }
}

/// Adds imported spans to `project`, whose documents were imported from `corpus`, as one step:
/// pending review, authored `author`. Labels the schema does not know are added. A span the
/// document already has from the same author (same range and label) is not added again, so
/// importing the same files twice changes nothing, while another annotator's equal span is kept
/// apart (double annotation); a document whose text was not imported is named and left out.
pub fn add_imported(
    project: &mut Project,
    corpus: &Path,
    documents: Vec<ImportedDocument>,
    kind: SourceKind,
    author: &str,
) -> anyhow::Result<Added> {
    let mut added = Added::default();
    add_labels(
        project,
        documents
            .iter()
            .flat_map(|d| d.spans.iter().map(|s| s.label.as_str())),
    );
    // Documents by path, once: a lookup per imported record must not walk the whole list.
    let by_path: HashMap<&str, &std::sync::Arc<Document>> = project
        .documents
        .iter()
        .map(|d| (d.path.as_str(), d))
        .collect();
    // Each document's spans quoted on every core (checking the text is the project's article
    // means hashing it); ids are handed out after, in order.
    // Each text goes as soon as its spans are quoted: the texts as read and the spans built
    // from them are never all in memory together.
    let credit = Credit::now(author);
    let built = crate::parallel::map_owned(documents, |document| {
        let name = match kind {
            SourceKind::Brat => document.name.clone(),
            _ => text_file_name(&document.name),
        };
        let Some(existing) = by_path.get(name.as_str()) else {
            let reason = format!(
                "its text was not imported into {} (see the import report)",
                corpus.display()
            );
            return Err(Rejected {
                place: name,
                reason,
            });
        };
        if existing.fingerprint != crate::corpus::fingerprint(&document.text) {
            let reason = "its text is not the text of the project's article of that name".into();
            return Err(Rejected {
                place: name,
                reason,
            });
        }
        Ok(quote_imported(existing, &document, &name, &credit))
    });
    drop(by_path);
    let mut edits = Vec::new();
    for document in built {
        let mut document = match document {
            Ok(document) => document,
            Err(rejected) => {
                added.rejected.push(rejected);
                continue;
            }
        };
        for span in &mut document.spans {
            span.id = project.new_span_id();
        }
        added.spans += document.spans.len();
        added.already += document.already;
        added.rejected.append(&mut document.rejected);
        // One edit per document: a batch of 500,000 one-span edits held gigabytes.
        edits.push(Edit::InsertSpans {
            doc: document.doc,
            spans: document.spans,
        });
        added.documents += 1;
    }
    Edit::Batch(edits)
        .apply(project)
        .map_err(|e| anyhow!("{e}"))?;
    Ok(added)
}

/// One imported document's spans as the project's, before they have ids.
struct Quoted {
    doc: DocId,
    spans: Vec<Span>,
    /// Spans the document already had from the same author.
    already: usize,
    rejected: Vec<Rejected>,
}

/// The spans of `imported` as spans of the project's `existing` document (the same text), with
/// no ids yet. A span the document already has from the same author (same range and label),
/// or that comes twice, is counted as already there, not added.
fn quote_imported(
    existing: &Document,
    imported: &ImportedDocument,
    name: &str,
    credit: &Credit,
) -> Quoted {
    let mut seen: HashSet<(usize, usize, &str)> = existing
        .spans
        .iter()
        .filter(|s| s.author == credit.author)
        .map(|s| (s.start, s.end, s.label.as_str()))
        .collect();
    let mut quoted = Quoted {
        doc: existing.id,
        spans: Vec::with_capacity(imported.spans.len()),
        already: 0,
        rejected: Vec::new(),
    };
    let text = &imported.text;
    let index = crate::text::OffsetIndex::new(text);
    let no_id = SpanId(0);
    let mut labels = Interner::default();
    for span in &imported.spans {
        if !seen.insert((span.start, span.end, span.label.as_str())) {
            quoted.already += 1;
            continue;
        }
        let Some(mut new) = Span::quoting_indexed(
            no_id,
            text,
            &index,
            span.start,
            span.end,
            labels.name(&span.label),
            credit,
        ) else {
            quoted.rejected.push(Rejected {
                place: name.to_string(),
                reason: format!(
                    "a {} span at {}..{} is not a span of the text",
                    span.label, span.start, span.end
                ),
            });
            continue;
        };
        new.attributes = span.attributes.clone().into();
        new.note = span.note.clone().into();
        quoted.spans.push(new);
    }
    quoted
}

/// A document name as a file name in the corpus folder (always ending `.txt`).
fn text_file_name(name: &str) -> String {
    format!("{}.txt", sanitize_file_name(name))
}

/// Writes the texts of a JSON import as articles into `folder`, and makes them durable with
/// one barrier for the batch. A record that cannot be an article (an empty text, a NUL, more
/// than an article's size, a name another record has) is named and left out of `documents`, and
/// the rest are written. A file already there with the same text is kept: an import retried
/// after a failure or a kill goes on where it stopped; one with another text is not replaced.
fn write_texts(
    folder: &Path,
    documents: &mut Vec<ImportedDocument>,
) -> anyhow::Result<Vec<Rejected>> {
    std::fs::create_dir_all(folder)
        .with_context(|| format!("cannot create {}", folder.display()))?;
    remove_partial_files(folder);
    let mut rejected = Vec::new();
    let mut seen = HashSet::new();
    let mut written = Vec::new();
    documents.retain(|document| {
        let name = text_file_name(&document.name);
        let refused = match article_problem(&document.text) {
            Some(problem) => Some(problem),
            None if !seen.insert(name.to_lowercase()) => {
                Some(format!("another record is also named {name}"))
            }
            None => write_text(folder, &name, &document.text, &mut written).err(),
        };
        let keep = refused.is_none();
        if let Some(reason) = refused {
            let place = document.place.clone();
            rejected.push(Rejected { place, reason });
        }
        keep
    });
    crate::store::sync_written(folder, &written)
        .with_context(|| format!("cannot write {}", folder.display()))?;
    Ok(rejected)
}

/// Why a text cannot be an article, if it cannot.
fn article_problem(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        Some("its text is empty".into())
    } else if text.contains('\0') {
        Some("its text holds a NUL character: not an article".into())
    } else if text.len() > crate::corpus::MAX_ARTICLE_BYTES {
        Some(format!(
            "its text is too large for an article ({} bytes; the limit is {})",
            text.len(),
            crate::corpus::MAX_ARTICLE_BYTES
        ))
    } else {
        None
    }
}

/// Writes one article (through a hidden `.part` file, so a kill never leaves half an article
/// under its name), unless the same text is already there.
fn write_text(
    folder: &Path,
    name: &str,
    text: &str,
    written: &mut Vec<PathBuf>,
) -> Result<(), String> {
    let path = folder.join(name);
    match std::fs::read(&path) {
        Ok(existing) if existing == text.as_bytes() => return Ok(()),
        Ok(_) => {
            return Err(format!(
                "{} already holds another text under this name",
                folder.display()
            ));
        }
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            return Err(format!("cannot read {}: {error}", path.display()));
        }
        Err(_) => {}
    }
    let partial = folder.join(format!(".{name}.part"));
    std::fs::write(&partial, text)
        .and_then(|()| std::fs::rename(&partial, &path))
        .map_err(|error| {
            let _ = std::fs::remove_file(&partial);
            format!("cannot write {}: {error}", path.display())
        })?;
    written.push(path);
    Ok(())
}

/// Removes the `.part` files an import killed half-way left.
fn remove_partial_files(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') && name.ends_with(".part") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Labels the schema does not know are added to it (grey, no key), so nothing is dropped.
fn add_labels<'a>(project: &mut Project, labels: impl Iterator<Item = &'a str>) {
    for label in labels {
        if project.schema.label(label).is_none() {
            project.schema.labels.push(LabelDef {
                key: label.to_string(),
                names: Names {
                    en: label.to_string(),
                    fa: label.to_string(),
                    ar: label.to_string(),
                },
                color: "#808080".into(),
                shortcut: String::new(),
                linkable: false,
                subtypes: Vec::new(),
            });
        }
    }
}
