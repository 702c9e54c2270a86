//! Importing a folder of articles into a project, and re-importing it later.
//!
//! Re-importing adds new files, flags changed and missing ones, and never drops a document or an
//! annotation: what happens to spans on a changed article is the user's decision.

use std::fmt;
use std::path::Path;

use encoding_rs::Encoding;

use super::decode::{DecodeWarning, Decoded, SkipReason, decode};
use super::scan::{FoundFile, scan_folder};
use super::{fingerprint, guess_title};
use crate::i18n::{Arg, Words};
use crate::model::{DiskState, DocId, DocStatus, Document, Project};
use crate::text::script::guess_language;

#[derive(Clone, Copy, Debug, Default)]
pub struct ImportOptions {
    /// Decode every file with this encoding instead of detecting one.
    pub encoding: Option<&'static Encoding>,
}

/// What happened to one file (or to a document whose file is gone).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileOutcome {
    Added(DocId),
    Unchanged(DocId),
    /// The file decodes to a different text than the one annotated.
    Changed(DocId),
    /// A document of the project whose file is no longer there.
    Missing(DocId),
    Skipped(SkipReason),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileReport {
    /// Relative to the corpus folder.
    pub path: String,
    pub outcome: FileOutcome,
    pub warnings: Vec<DecodeWarning>,
}

/// Every file of an import and what became of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub files: Vec<FileReport>,
}

impl ImportReport {
    pub fn count(&self, matches: impl Fn(&FileOutcome) -> bool) -> usize {
        self.files.iter().filter(|f| matches(&f.outcome)).count()
    }
    pub fn added(&self) -> usize {
        self.count(|o| matches!(o, FileOutcome::Added(_)))
    }
    pub fn changed(&self) -> usize {
        self.count(|o| matches!(o, FileOutcome::Changed(_)))
    }
    pub fn missing(&self) -> usize {
        self.count(|o| matches!(o, FileOutcome::Missing(_)))
    }
    pub fn skipped(&self) -> usize {
        self.count(|o| matches!(o, FileOutcome::Skipped(_)))
    }
    pub fn unchanged(&self) -> usize {
        self.count(|o| matches!(o, FileOutcome::Unchanged(_)))
    }
    /// Files that imported but with something to say (not UTF-8, not NFC…).
    pub fn warned(&self) -> usize {
        self.files.iter().filter(|f| !f.warnings.is_empty()).count()
    }
}

impl ImportReport {
    /// Every file that was skipped, changed, missing or warned about, a line each with its
    /// name, then a summary: in words of the interface's language.
    pub fn lines(&self, tr: Words) -> Vec<String> {
        let mut lines = Vec::new();
        for file in &self.files {
            let path = || Arg::from(&file.path);
            let line = match &file.outcome {
                FileOutcome::Skipped(SkipReason::NotAnArticle) => None,
                FileOutcome::Skipped(reason) => Some(tr.t_with(
                    "import-line-skipped",
                    &[("path", path()), ("reason", Arg::Said(reason.describe(tr)))],
                )),
                FileOutcome::Changed(_) => {
                    Some(tr.t_with("import-line-changed", &[("path", path())]))
                }
                FileOutcome::Missing(_) => {
                    Some(tr.t_with("import-line-missing", &[("path", path())]))
                }
                FileOutcome::Added(_) | FileOutcome::Unchanged(_) => None,
            };
            lines.extend(line);
            for warning in &file.warnings {
                lines.push(tr.t_with(
                    "import-line-warning",
                    &[
                        ("path", path()),
                        ("warning", Arg::Said(warning.describe(tr))),
                    ],
                ));
            }
        }
        let ignored = self.count(|o| *o == FileOutcome::Skipped(SkipReason::NotAnArticle));
        let count = |n: usize| Arg::from(n);
        let mut summary = tr.t_with(
            "import-summary",
            &[
                ("added", count(self.added())),
                ("unchanged", count(self.unchanged())),
                ("changed", count(self.changed())),
                ("missing", count(self.missing())),
                ("skipped", count(self.skipped() - ignored)),
                ("warned", count(self.warned())),
            ],
        );
        if ignored > 0 {
            summary.push_str(&tr.t_with("import-summary-ignored", &[("ignored", count(ignored))]));
        }
        lines.push(summary);
        lines
    }
}

/// The command line's report: the window's lines in English.
impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lines(Words::ENGLISH).join("\n"))
    }
}

/// An article read and decoded, not yet merged into a project.
struct ScannedArticle {
    file: FoundFile,
    /// The decoded article and a new document for it (its id to be given), made on the
    /// worker threads: fingerprint, length, language, title and date.
    result: Result<(Decoded, Document), SkipReason>,
}

/// Reads and decodes every article under `root`. `progress(done, total)` is called after each
/// file; returning `false` cancels, and then `None` is returned.
fn read_articles(
    found: Vec<FoundFile>,
    options: ImportOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Option<Vec<ScannedArticle>> {
    // In blocks read on every core, progress and cancelling between blocks.
    const BLOCK: usize = 64;
    let total = found.len();
    let mut scanned = Vec::with_capacity(total);
    let mut files = found.into_iter().peekable();
    while files.peek().is_some() {
        let block: Vec<FoundFile> = files.by_ref().take(BLOCK).collect();
        let results = crate::parallel::map(&block, |file| match &file.problem {
            Some(problem) => Err(problem.clone()),
            None if file.is_article => read_article(&file.path, options).map(|decoded| {
                let document = new_document(DocId(0), file.relative.clone(), &decoded);
                (decoded, document)
            }),
            None => Err(SkipReason::NotAnArticle),
        });
        for (file, result) in block.into_iter().zip(results) {
            scanned.push(ScannedArticle { file, result });
        }
        if !progress(scanned.len(), total) {
            return None;
        }
    }
    Some(scanned)
}

/// Reads and decodes one article; a file larger than any article is refused before it is read.
fn read_article(path: &Path, options: ImportOptions) -> Result<Decoded, SkipReason> {
    let unreadable = |e: std::io::Error| SkipReason::Unreadable {
        error: e.to_string(),
    };
    let bytes = std::fs::metadata(path).map_err(unreadable)?.len();
    if bytes > super::MAX_ARTICLE_BYTES as u64 {
        return Err(SkipReason::TooLarge { bytes });
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    decode(&bytes, options.encoding)
}

/// Imports (or re-imports) the folder `root` into `project`.
pub fn import_folder(
    project: &mut Project,
    root: &Path,
    options: ImportOptions,
) -> std::io::Result<ImportReport> {
    Ok(
        import_folder_with_progress(project, root, options, &mut |_, _| true)?
            .expect("never cancelled"),
    )
}

/// [`import_folder`] with progress and cancellation: `Ok(None)` when cancelled, and then the
/// project is untouched (all reading happens before anything is merged).
pub fn import_folder_with_progress(
    project: &mut Project,
    root: &Path,
    options: ImportOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> std::io::Result<Option<ImportReport>> {
    let found = scan_folder(root)?;
    let Some(scanned) = read_articles(found, options, progress) else {
        return Ok(None);
    };
    Ok(Some(merge(project, scanned)))
}

fn merge(project: &mut Project, scanned: Vec<ScannedArticle>) -> ImportReport {
    let mut report = ImportReport::default();
    let mut seen = std::collections::HashSet::new();
    // Documents by path, as places in the list (found without relying on their order).
    let by_path: std::collections::HashMap<String, usize> = project
        .documents
        .iter()
        .enumerate()
        .map(|(index, d)| (d.path.clone(), index))
        .collect();
    for article in scanned {
        let path = article.file.relative;
        let existing = by_path.get(path.as_str()).copied();
        seen.insert(path.clone());
        let (outcome, warnings) = match (article.result, existing) {
            (Err(reason), Some(index)) => {
                let document = std::sync::Arc::make_mut(&mut project.documents[index]);
                document.disk = DiskState::Unreadable {
                    reason: reason.to_string(),
                };
                (FileOutcome::Skipped(reason), Vec::new())
            }
            (Err(reason), None) => (FileOutcome::Skipped(reason), Vec::new()),
            (Ok((decoded, mut new)), None) => {
                let id = project.new_doc_id();
                new.id = id;
                project.documents.push(new.into());
                (FileOutcome::Added(id), decoded.warnings)
            }
            (Ok((decoded, new)), Some(index)) => {
                let document = std::sync::Arc::make_mut(&mut project.documents[index]);
                let id = document.id;
                let now = new.fingerprint;
                let outcome = if now == document.fingerprint {
                    document.disk = DiskState::Unchanged;
                    FileOutcome::Unchanged(id)
                } else {
                    document.disk = DiskState::Changed { fingerprint: now };
                    FileOutcome::Changed(id)
                };
                (outcome, decoded.warnings)
            }
        };
        report.files.push(FileReport {
            path,
            outcome,
            warnings,
        });
    }
    for document in &mut project.documents {
        if !seen.contains(&document.path) {
            let document = std::sync::Arc::make_mut(document);
            document.disk = DiskState::Missing;
            report.files.push(FileReport {
                path: document.path.clone(),
                outcome: FileOutcome::Missing(document.id),
                warnings: Vec::new(),
            });
        }
    }
    report
}

fn new_document(id: DocId, path: String, decoded: &Decoded) -> Document {
    document_for_text(id, path, &decoded.text, decoded.encoding)
}

/// A new document for an article's decoded `text`: fingerprint, length, language and title
/// taken from it, status New, no spans.
pub fn document_for_text(id: DocId, path: String, text: &str, encoding: &str) -> Document {
    let language = guess_language(text);
    Document {
        id,
        path,
        fingerprint: fingerprint(text),
        chars: text.chars().count(),
        encoding: encoding.to_string(),
        language: language.to_string(),
        title: guess_title(text),
        published: super::guess_published(text, language),
        source: None,
        status: DocStatus::New,
        disk: DiskState::Unchanged,
        labels: Vec::new(),
        note: String::new(),
        assigned: Vec::new(),
        spans: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skipped(report: &ImportReport) -> Vec<(String, String)> {
        report
            .files
            .iter()
            .filter_map(|f| match &f.outcome {
                FileOutcome::Skipped(reason) => Some((f.path.clone(), reason.to_string())),
                _ => None,
            })
            .collect()
    }

    #[cfg(unix)]
    #[test]
    fn a_file_name_that_is_not_utf8_is_skipped_by_name_not_imported_under_another() {
        // Such files were imported under a lossy name: never readable again, and two of them
        // became one document.
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        for name in [&b"news-\xe9.txt"[..], &b"news-\xe8.txt"[..]] {
            let path = dir.path().join(std::ffi::OsStr::from_bytes(name));
            std::fs::write(path, "نشست وزیران در تهران").unwrap();
        }
        std::fs::write(dir.path().join("good.txt"), "نشست وزیران").unwrap();
        let mut project = Project::new("p", ".");
        let report = import_folder(&mut project, dir.path(), ImportOptions::default()).unwrap();
        assert_eq!(project.documents.len(), 1);
        assert_eq!(project.documents[0].path, "good.txt");
        let skipped = skipped(&report);
        assert_eq!(skipped.len(), 2, "{skipped:?}");
        assert!(
            skipped
                .iter()
                .all(|(_, why)| why.contains("not valid UTF-8"))
        );
    }

    #[test]
    fn an_oversized_file_is_skipped_without_being_read_and_the_rest_imported() {
        let dir = tempfile::tempdir().unwrap();
        let huge = std::fs::File::create(dir.path().join("huge.txt")).unwrap();
        huge.set_len(super::super::MAX_ARTICLE_BYTES as u64 * 64)
            .unwrap();
        std::fs::write(dir.path().join("good.txt"), "نشست وزیران").unwrap();
        let mut project = Project::new("p", ".");
        let report = import_folder(&mut project, dir.path(), ImportOptions::default()).unwrap();
        assert_eq!(project.documents.len(), 1);
        let skipped = skipped(&report);
        assert_eq!(skipped[0].0, "huge.txt");
        assert!(skipped[0].1.starts_with("too large"), "{skipped:?}");
    }

    #[cfg(unix)]
    #[test]
    fn an_unreadable_subfolder_is_named_and_the_rest_imported() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::write(locked.join("a.txt"), "نشست").unwrap();
        std::fs::write(dir.path().join("good.txt"), "نشست وزیران").unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        let readable_anyway = std::fs::read_dir(&locked).is_ok(); // as root
        let mut project = Project::new("p", ".");
        let report = import_folder(&mut project, dir.path(), ImportOptions::default());
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        let report = report.unwrap();
        assert!(project.documents.iter().any(|d| d.path == "good.txt"));
        if !readable_anyway {
            let skipped = skipped(&report);
            assert_eq!(skipped.len(), 1, "{skipped:?}");
            assert_eq!(skipped[0].0, "locked");
            assert!(skipped[0].1.starts_with("folder cannot be read"));
        }
    }
}
