//! Export of annotations to the formats analysts and NLP tools read: the scope, the set of
//! documents and records it takes, and the writing of every format's files into a folder.
//!
//! What is exported is an [`ExportSet`]: the documents in scope with their article texts, the
//! spans that are not rejected, and the meetings and outcomes reported by those documents. By
//! default only reviewed work is in scope. Every format says which unit its offsets count
//! (`docs/FORMATS.md`): code points (brat, W3C, JSONL `start`/`end`), UTF-16 code units
//! (doccano, JSONL `start_utf16`/`end_utf16`), or tokens (CoNLL; spaCy's JSONL has both).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::write::write_files;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use thiserror::Error;

use super::scope::ScopeRule;
use super::{brat, conll, csv, doccano, jsonl, label_studio, spacy, w3c};
use crate::corpus::fingerprint;
use crate::model::{DocId, Document, Meeting, MeetingId, Outcome, Project, Span};
use crate::text::OffsetIndex;

/// Which annotations are exported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// Documents marked reviewed; in them, what the reviewer did not reject.
    #[default]
    Reviewed,
    /// Every document and every annotation but the rejected ones.
    All,
}

/// A document with its text and the spans to export.
pub struct ExportDoc<'a> {
    pub document: &'a Document,
    pub text: String,
    pub offsets: OffsetIndex,
    pub spans: Vec<&'a Span>,
}

impl ExportDoc<'_> {
    /// UTF-16 offset of a code point offset.
    pub fn utf16(&self, chars: usize) -> usize {
        self.offsets.utf16_of_char(chars).unwrap_or(0)
    }

    /// The text of a code point range.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let byte = |c| self.offsets.byte_of_char(c).unwrap_or(self.text.len());
        &self.text[byte(start)..byte(end)]
    }
}

/// Everything an export writes.
pub struct ExportSet<'a> {
    pub project: &'a Project,
    pub docs: Vec<ExportDoc<'a>>,
    /// The exported meetings and outcomes, as the scope lets them out ([`ScopeRule`]).
    pub meetings: Vec<Meeting>,
    pub outcomes: Vec<Outcome>,
    /// Per document: indices into `meetings` and `outcomes` of the records it gives evidence for.
    records_by_doc: HashMap<DocId, (Vec<usize>, Vec<usize>)>,
}

#[derive(Debug, Error)]
pub enum ExportError {
    #[error("{path}: {reason}")]
    Article { path: String, reason: String },
    #[error("the article changed on disk since it was annotated; re-anchor its spans first: {0}")]
    Changed(String),
    #[error("cancelled")]
    Cancelled,
    #[error(
        "{folder} is not empty: export into an empty folder, or allow replacing files (--force)"
    )]
    NotEmpty { folder: String },
    #[error("cannot write {path}: {error}")]
    Write { path: String, error: std::io::Error },
    #[error(
        "{folder} holds the project's articles: export into a folder of its own (Daftar never writes over the articles)"
    )]
    IntoCorpus { folder: String },
}

impl<'a> ExportSet<'a> {
    /// The set for `scope`, reading each document's text with `read` (its decoded article).
    /// `progress(done, total)` is told after each document; `cancel` stops early.
    pub fn new(
        project: &'a Project,
        scope: Scope,
        read: impl Fn(&Document) -> Result<String, String> + Sync,
        progress: &mut dyn FnMut(usize, usize),
        cancel: &AtomicBool,
    ) -> Result<ExportSet<'a>, ExportError> {
        let rule = ScopeRule::new(project, scope);
        let chosen: Vec<&Document> = project
            .documents
            .iter()
            .map(|d| d.as_ref())
            .filter(|d| rule.document(d))
            .collect();
        // Reading, checking and indexing the articles is most of an export's time: on every
        // core, the calling thread among them (it reports the progress).
        let total = chosen.len();
        let next = AtomicUsize::new(0);
        let done = AtomicUsize::new(0);
        let load = |document: &'a Document| -> Result<ExportDoc<'a>, ExportError> {
            let text = read(document).map_err(|reason| ExportError::Article {
                path: document.path.clone(),
                reason,
            })?;
            let offsets = OffsetIndex::new(&text);
            // The text it was annotated on, to the character (the length too: a damaged
            // project file could say otherwise).
            if fingerprint(&text) != document.fingerprint || offsets.chars() != document.chars {
                return Err(ExportError::Changed(document.path.clone()));
            }
            let spans = document
                .spans
                .iter()
                .filter(|s| rule.span(document.id, s))
                .collect();
            Ok(ExportDoc {
                document,
                offsets,
                text,
                spans,
            })
        };
        let work = |report: &mut dyn FnMut(usize)| {
            let mut mine = Vec::new();
            loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                if index >= total || cancel.load(Ordering::Relaxed) {
                    break;
                }
                let loaded = load(chosen[index]);
                let failed = loaded.is_err();
                mine.push((index, loaded));
                report(done.fetch_add(1, Ordering::Relaxed) + 1);
                if failed {
                    // Stop the others early: the export fails anyway.
                    next.store(total, Ordering::Relaxed);
                }
            }
            mine
        };
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
        let mut loaded: Vec<(usize, Result<ExportDoc<'a>, ExportError>)> =
            std::thread::scope(|scope| {
                let helpers: Vec<_> = (1..workers.min(total.max(1)))
                    .map(|_| scope.spawn(|| work(&mut |_| {})))
                    .collect();
                let mut all = work(&mut |d| progress(d, total));
                for helper in helpers {
                    all.extend(helper.join().expect("an export thread panicked"));
                }
                all
            });
        if cancel.load(Ordering::Relaxed) {
            return Err(ExportError::Cancelled);
        }
        loaded.sort_by_key(|(index, _)| *index);
        progress(total, total);
        let docs = loaded
            .into_iter()
            .map(|(_, doc)| doc)
            .collect::<Result<Vec<_>, _>>()?;
        let meetings: Vec<Meeting> = project
            .meetings
            .iter()
            .filter_map(|m| rule.meeting(m))
            .collect();
        let meeting_ids: HashSet<MeetingId> = meetings.iter().map(|m| m.id).collect();
        let outcomes: Vec<Outcome> = project
            .outcomes
            .iter()
            .filter_map(|o| rule.outcome(o, &meeting_ids))
            .collect();
        let mut records_by_doc: HashMap<DocId, (Vec<usize>, Vec<usize>)> = HashMap::new();
        for (index, meeting) in meetings.iter().enumerate() {
            let docs: HashSet<DocId> = meeting.evidence_spans().map(|e| e.doc).collect();
            for doc in docs {
                records_by_doc.entry(doc).or_default().0.push(index);
            }
        }
        for (index, outcome) in outcomes.iter().enumerate() {
            let docs: HashSet<DocId> = outcome.evidence_spans().map(|e| e.doc).collect();
            for doc in docs {
                records_by_doc.entry(doc).or_default().1.push(index);
            }
        }
        Ok(ExportSet {
            project,
            docs,
            meetings,
            outcomes,
            records_by_doc,
        })
    }

    /// The exported meetings `doc` gives evidence for.
    pub fn meetings_of(&self, doc: DocId) -> impl Iterator<Item = &Meeting> + '_ {
        let indices = self.records_by_doc.get(&doc).map_or(&[][..], |r| &r.0[..]);
        indices.iter().map(|&i| &self.meetings[i])
    }

    /// The exported outcomes `doc` gives evidence for.
    pub fn outcomes_of(&self, doc: DocId) -> impl Iterator<Item = &Outcome> + '_ {
        let indices = self.records_by_doc.get(&doc).map_or(&[][..], |r| &r.1[..]);
        indices.iter().map(|&i| &self.outcomes[i])
    }

    /// The set for `scope` with the articles read from `corpus_root`.
    pub fn from_corpus(
        project: &'a Project,
        scope: Scope,
        corpus_root: &Path,
    ) -> Result<ExportSet<'a>, ExportError> {
        let read = |d: &Document| read_article(corpus_root, d);
        ExportSet::new(
            project,
            scope,
            read,
            &mut |_, _| {},
            &AtomicBool::new(false),
        )
    }
}

/// A document's article from the corpus, or why it cannot be read.
fn read_article(corpus_root: &Path, document: &Document) -> Result<String, String> {
    crate::corpus::read_document(corpus_root, document)
        .map(|decoded| decoded.text)
        .map_err(|reason| reason.to_string())
}

/// One file an export writes, relative to the output folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl ExportFile {
    pub(super) fn text(name: impl Into<String>, text: String) -> Self {
        ExportFile {
            name: name.into(),
            bytes: text.into_bytes(),
        }
    }
}

/// Options some formats take.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// CSV for Excel: a UTF-8 byte order mark (Excel reads UTF-8 only then), and cells that a
    /// spreadsheet would run as formulas made text. Plain CSV otherwise, exact to the letter.
    pub for_excel: bool,
}

/// The formats Daftar writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Jsonl,
    Csv,
    Doccano,
    LabelStudio,
    Brat,
    Conll,
    Spacy,
    W3c,
}

/// Writes one format.
pub trait Exporter {
    fn files(&self, set: &ExportSet, options: ExportOptions) -> Vec<ExportFile>;

    /// What the user must know before loading the files into the tool (what it would drop).
    fn warnings(&self, _set: &ExportSet) -> Vec<String> {
        Vec::new()
    }
}

impl Format {
    pub const ALL: [Format; 8] = [
        Format::Jsonl,
        Format::Csv,
        Format::Doccano,
        Format::LabelStudio,
        Format::Brat,
        Format::Conll,
        Format::Spacy,
        Format::W3c,
    ];

    /// The name the CLI takes (`--format NAME`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Doccano => "doccano",
            Format::LabelStudio => "label-studio",
            Format::Brat => "brat",
            Format::Conll => "conll",
            Format::Spacy => "spacy",
            Format::W3c => "w3c",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    fn exporter(self) -> &'static dyn Exporter {
        match self {
            Format::Jsonl => &jsonl::Jsonl,
            Format::Csv => &csv::Csv,
            Format::Doccano => &doccano::Doccano,
            Format::LabelStudio => &label_studio::LabelStudio,
            Format::Brat => &brat::Brat,
            Format::Conll => &conll::Conll,
            Format::Spacy => &spacy::Spacy,
            Format::W3c => &w3c::W3c,
        }
    }

    /// The files of this format for `set`.
    pub fn files(self, set: &ExportSet, options: ExportOptions) -> Vec<ExportFile> {
        self.exporter().files(set, options)
    }

    /// What the user must know about this format's export of `set`.
    pub fn warnings(self, set: &ExportSet) -> Vec<String> {
        self.exporter().warnings(set)
    }
}

/// A file name from a document's path: its folders joined with `__` (`.` and `..` dropped), the
/// extension dropped, characters that are unsafe in file names on some system replaced by `_`,
/// at most 120 characters. Letters of any script are kept.
pub fn sanitize_file_name(path: &str) -> String {
    let parts: Vec<&str> = path
        .split(['/', '\\'])
        .filter(|p| !p.is_empty() && *p != "." && *p != "..")
        .collect();
    let joined = match parts.split_last() {
        Some((last, folders)) => {
            let stem = match last.rsplit_once('.') {
                Some((stem, _)) if !stem.is_empty() => stem,
                _ => last,
            };
            folders
                .iter()
                .copied()
                .chain(std::iter::once(stem))
                .collect::<Vec<_>>()
                .join("__")
        }
        None => String::new(),
    };
    let name: String = joined
        .chars()
        .map(|c| {
            if c.is_control() || "<>:\"/\\|?*".contains(c) {
                '_'
            } else {
                c
            }
        })
        .take(120)
        .collect();
    let name = name.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if name.is_empty() {
        "document".into()
    } else {
        name.to_string()
    }
}

/// Distinct, sanitised file stems for the exported documents (a clash gets the document id).
pub(super) fn file_stems(set: &ExportSet) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    set.docs
        .iter()
        .map(|d| {
            let stem = sanitize_file_name(&d.document.path);
            if seen.insert(stem.to_lowercase()) {
                stem
            } else {
                format!("{stem}-{}", d.document.id)
            }
        })
        .collect()
}

/// Whether `path` is `folder` or inside it, however either is written (relative, through links).
fn within(path: &Path, folder: &Path) -> bool {
    let Ok(folder) = folder.canonicalize() else {
        return false;
    };
    // The part of `path` that exists, made canonical; the rest added as written.
    let mut existing = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => return false,
        }
    }
    let Ok(mut resolved) = existing.canonicalize() else {
        return false;
    };
    resolved.extend(rest.iter().rev());
    resolved.starts_with(&folder)
}

/// What an export wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportSummary {
    pub documents: usize,
    pub spans: usize,
    pub meetings: usize,
    pub outcomes: usize,
    pub files: usize,
    /// What the formats' tools would do with the files that the user must know of.
    pub warnings: Vec<String>,
}

/// Exports `formats` (each into a subfolder named after it when there are several) of the
/// project whose articles are under `corpus_root` into `out`. Reading the articles reports
/// `progress(done, total)`; `cancel` stops before anything is written.
#[allow(clippy::too_many_arguments)]
pub fn export_to_folder(
    project: &Project,
    corpus_root: &Path,
    formats: &[Format],
    scope: Scope,
    options: ExportOptions,
    out: &Path,
    force: bool,
    progress: &mut dyn FnMut(usize, usize),
    cancel: &AtomicBool,
) -> Result<ExportSummary, ExportError> {
    let read = |d: &Document| read_article(corpus_root, d);
    let set = ExportSet::new(project, scope, read, progress, cancel)?;
    // Formats are independent: build them on every core.
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let built: Vec<Vec<(usize, Vec<ExportFile>)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers.min(formats.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&format) = formats.get(index) else {
                            break;
                        };
                        if cancel.load(Ordering::Relaxed) {
                            break;
                        }
                        mine.push((index, format.files(&set, options)));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("an export thread panicked"))
            .collect()
    });
    if cancel.load(Ordering::Relaxed) {
        return Err(ExportError::Cancelled);
    }
    let mut by_format: Vec<(usize, Vec<ExportFile>)> = built.into_iter().flatten().collect();
    by_format.sort_by_key(|(index, _)| *index);
    let mut files = Vec::new();
    for (index, format_files) in by_format {
        for mut file in format_files {
            if formats.len() > 1 {
                file.name = format!("{}/{}", formats[index].name(), file.name);
            }
            files.push(file);
        }
    }
    if within(out, corpus_root) {
        return Err(ExportError::IntoCorpus {
            folder: out.display().to_string(),
        });
    }
    let written = write_files(out, &files, force)?;
    Ok(ExportSummary {
        documents: set.docs.len(),
        spans: set.docs.iter().map(|d| d.spans.len()).sum(),
        meetings: set.meetings.len(),
        outcomes: set.outcomes.len(),
        files: written.len(),
        warnings: formats.iter().flat_map(|f| f.warnings(&set)).collect(),
    })
}

impl std::fmt::Display for ExportSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} documents, {} spans, {} meetings, {} outcomes: {} files",
            self.documents, self.spans, self.meetings, self.outcomes, self.files
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_sanitised() {
        assert_eq!(sanitize_file_name("000_cc14.txt"), "000_cc14");
        assert_eq!(sanitize_file_name("news/2021/a:b?.txt"), "news__2021__a_b_");
        assert_eq!(sanitize_file_name("خبر اکو.txt"), "خبر اکو");
        assert_eq!(sanitize_file_name("../../etc/passwd"), "etc__passwd");
        assert_eq!(sanitize_file_name("a\\b.txt"), "a__b");
        assert_eq!(sanitize_file_name("..."), "document");
    }
}
