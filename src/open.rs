//! Opening what the user points at: a project file, or a folder of articles that becomes (or
//! already has) a project saved beside it.

use std::path::{Path, PathBuf};

use crate::corpus::{
    ImportOptions, ImportReport, import_folder_with_progress, scan::relative_path,
};
use crate::interchange::import::{
    AnnotationReport, SourceKind, add_imported, corpus_folder_for, corpus_for, import_author,
    read_annotations,
};
use crate::model::Project;
use crate::store::ProjectFile;

/// A project open for work.
#[derive(Debug)]
pub struct OpenedProject {
    pub file: ProjectFile,
    pub project: Project,
    /// The corpus folder, resolved against the project file's folder.
    pub corpus_root: PathBuf,
    /// Set when a folder was (re-)imported on opening.
    pub import_report: Option<ImportReport>,
    /// What an import of another tool's annotations did, to show the user.
    pub annotation_report: Option<OpenedAnnotations>,
}

/// Another tool's annotations opened as a project of their own: where from, where saved, and
/// what the import did.
#[derive(Clone, Debug)]
pub struct OpenedAnnotations {
    pub source: PathBuf,
    pub saved_as: PathBuf,
    pub report: AnnotationReport,
}

impl OpenedAnnotations {
    /// The import's account, a line each, in words of the interface's language.
    pub fn lines(&self, tr: crate::i18n::Words) -> Vec<String> {
        let path = |path: &Path| path.display().to_string().into();
        let mut lines = vec![tr.t_with("annotations-from", &[("source", path(&self.source))])];
        lines.extend(self.report.lines(tr));
        lines.push(tr.t_with("annotations-saved-as", &[("path", path(&self.saved_as))]));
        lines
    }
}

/// The project that belongs to a corpus folder: the project folder `<folder>.daftar` beside it,
/// or the one-file project `<folder>.daftar.ron` an older Daftar made there. A folder named `.`
/// or `..` is named by where it really is (never a project inside its own corpus).
pub fn project_path_for_folder(folder: &Path) -> PathBuf {
    let named = match folder.file_name() {
        Some(_) => folder.to_path_buf(),
        None => folder
            .canonicalize()
            .unwrap_or_else(|_| folder.to_path_buf()),
    };
    let name = named
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "corpus".to_string());
    project_path_named(&named, &name)
}

/// `<name>.daftar.ron` beside `beside` when there is one (an older project), else `<name>.daftar`.
fn project_path_named(beside: &Path, name: &str) -> PathBuf {
    let one_file = beside.with_file_name(format!("{name}.daftar.ron"));
    if one_file.is_file() {
        one_file
    } else {
        beside.with_file_name(format!("{name}.daftar"))
    }
}

/// The folder a file is in: `.` for a bare file name (`Path::parent` gives an empty path there,
/// which is no folder at all).
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// The corpus folder of a project stored at `project_path`.
pub fn corpus_root(project_path: &Path, project: &Project) -> PathBuf {
    let base = folder_of(project_path);
    project
        .corpus
        .split('/')
        .fold(base.to_path_buf(), |path, part| path.join(part))
}

/// The project that another tool's annotations at `source` are imported into: for a brat
/// folder `<folder>.daftar`, for a JSON file `<file stem>.daftar`, beside it (or the one-file
/// project an older Daftar made there).
pub fn project_path_for_annotations(source: &Path) -> PathBuf {
    if source.is_dir() {
        return project_path_for_folder(source);
    }
    let stem = source
        .file_stem()
        .map_or("annotations".into(), |s| s.to_string_lossy().into_owned());
    project_path_named(source, &stem)
}

/// Imports `source` (brat folder, doccano JSONL, Label Studio JSON) into the project at
/// `project_path` (created if missing) as pre-annotations, and saves it. The spans are credited
/// to `annotator` when given (one person's work brought in), else to `import:<format>`.
pub fn import_annotations(
    source: &Path,
    kind: SourceKind,
    project_path: &Path,
    annotator: Option<&str>,
) -> anyhow::Result<(OpenedProject, AnnotationReport)> {
    let (mut documents, mut rejected) = read_annotations(source, kind)?;
    let mut opened = match project_elsewhere(project_path, source, kind)? {
        // Another person's annotations of articles the project already has: attached to its
        // documents (matched by name and text), the corpus left as it is.
        Some(opened) => opened,
        None => {
            let (corpus, not_written) = corpus_for(source, kind, project_path, &mut documents)?;
            rejected.extend(not_written);
            // Saved once below, with the spans.
            import_unsaved(
                project_path,
                &corpus,
                ImportOptions::default(),
                &mut |_, _| true,
            )?
            .ok_or_else(|| anyhow::anyhow!("the import was cancelled"))?
        }
    };
    // Nothing is saved yet: a project there now is one that was there before.
    let existed = crate::store::folder::is_project_folder(project_path) || project_path.is_file();
    let author = import_author(kind, annotator);
    let corpus = opened.corpus_root.clone();
    // The texts and spans as read go once their spans are built, before the save.
    let added = add_imported(&mut opened.project, &corpus, documents, kind, &author);
    let saved = added.and_then(|added| Ok((added, opened.file.save(&opened.project)?)));
    let added = match saved {
        Ok((added, ())) => added,
        Err(error) => {
            if !existed {
                drop(opened);
                crate::store::folder::remove_unsaved(project_path);
            }
            return Err(error);
        }
    };
    let mut report = AnnotationReport {
        documents: added.documents,
        spans: added.spans,
        already: added.already,
        rejected,
    };
    report.rejected.extend(added.rejected);
    Ok((opened, report))
}

/// The project at `project_path` when it exists and its articles are not where an import of
/// `source` would put them (a second annotator's brat collection of the same articles, say).
fn project_elsewhere(
    project_path: &Path,
    source: &Path,
    kind: SourceKind,
) -> anyhow::Result<Option<OpenedProject>> {
    if !project_path.exists() {
        return Ok(None);
    }
    let (file, project) = ProjectFile::open(project_path)?;
    let corpus_root = corpus_root(project_path, &project);
    let import_corpus = match kind {
        SourceKind::Brat => source.to_path_buf(),
        SourceKind::Doccano | SourceKind::LabelStudio => corpus_folder_for(project_path),
    };
    let same = match (corpus_root.canonicalize(), import_corpus.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    Ok((!same).then_some(OpenedProject {
        file,
        project,
        corpus_root,
        import_report: None,
        annotation_report: None,
    }))
}

/// Imports another tool's annotations (brat folder, doccano JSONL, Label Studio JSON) into the
/// project beside them, the first time; afterwards that project is opened.
fn open_annotations(source: &Path, kind: SourceKind) -> anyhow::Result<OpenedProject> {
    let project_path = project_path_for_annotations(source);
    if project_path.exists() {
        return open_path(&project_path);
    }
    let (mut opened, report) = import_annotations(source, kind, &project_path, None)?;
    opened.import_report = None;
    opened.annotation_report = Some(OpenedAnnotations {
        source: source.to_path_buf(),
        saved_as: project_path,
        report,
    });
    Ok(opened)
}

/// Opens a project file, imports a folder into the project beside it, or imports another
/// tool's annotations (a brat folder, a doccano `.jsonl`, a Label Studio `.json`).
pub fn open_path(path: &Path) -> anyhow::Result<OpenedProject> {
    if crate::store::folder::is_project_folder(path) {
        return open_project(path);
    }
    if let Some(kind) = SourceKind::of(path)
        && !(path.is_dir() && project_path_for_folder(path).exists())
    {
        return open_annotations(path, kind);
    }
    if path.is_dir() {
        let project_path = project_path_for_folder(path);
        import_into(&project_path, path, ImportOptions::default())
    } else {
        open_project(path)
    }
}

/// Opens a project (one file or a project folder) for work.
fn open_project(path: &Path) -> anyhow::Result<OpenedProject> {
    let (file, project) = ProjectFile::open(path)?;
    let corpus_root = corpus_root(path, &project);
    Ok(OpenedProject {
        file,
        project,
        corpus_root,
        import_report: None,
        annotation_report: None,
    })
}

/// Creates or updates the project at `project_path` from the folder `source`, and saves it.
pub fn import_into(
    project_path: &Path,
    source: &Path,
    options: ImportOptions,
) -> anyhow::Result<OpenedProject> {
    import_into_with_progress(project_path, source, options, &mut |_, _| true)
        .map(|opened| opened.expect("never cancelled"))
}

/// Opens what `path` names, as [`open_path`], reporting import progress; `Ok(None)` when
/// `progress` returned `false` (cancelled: nothing was written).
pub fn open_path_with_progress(
    path: &Path,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> anyhow::Result<Option<OpenedProject>> {
    if SourceKind::of(path).is_some() || crate::store::folder::is_project_folder(path) {
        open_path(path).map(Some)
    } else if path.is_dir() {
        let project_path = project_path_for_folder(path);
        import_into_with_progress(&project_path, path, ImportOptions::default(), progress)
    } else {
        open_path(path).map(Some)
    }
}

/// [`import_into`] with progress and cancellation.
pub fn import_into_with_progress(
    project_path: &Path,
    source: &Path,
    options: ImportOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> anyhow::Result<Option<OpenedProject>> {
    let Some(mut opened) = import_unsaved(project_path, source, options, progress)? else {
        return Ok(None);
    };
    opened.file.save(&opened.project)?;
    Ok(Some(opened))
}

/// Imports the folder `source` into the project at `project_path` (created if missing) without
/// saving: the caller saves once, when it has done the rest. A new project folder that is
/// not saved (cancelled, or refused) is removed again: nothing is left behind.
fn import_unsaved(
    project_path: &Path,
    source: &Path,
    options: ImportOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> anyhow::Result<Option<OpenedProject>> {
    if !source.is_dir() {
        anyhow::bail!("not a folder: {}", source.display());
    }
    let existed = project_path.exists();
    let result = import_folder_into(project_path, source, options, progress);
    if !existed && !matches!(result, Ok(Some(_))) {
        crate::store::folder::remove_unsaved(project_path);
    }
    result
}

fn import_folder_into(
    project_path: &Path,
    source: &Path,
    options: ImportOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> anyhow::Result<Option<OpenedProject>> {
    let base = folder_of(project_path);
    let (file, mut project) = ProjectFile::open_or_create(project_path, || {
        let name = source
            .canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "corpus".to_string());
        Project::new(name, relative_path(base, source))
    })?;
    let corpus_root = corpus_root(project_path, &project);
    let same_folder = match (corpus_root.canonicalize(), source.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if !same_folder {
        anyhow::bail!(
            "this project's articles are in {}, not in {}: {}",
            corpus_root.display(),
            source.display(),
            project_path.display()
        );
    }
    let report =
        import_folder_with_progress(&mut project, source, options, progress).map_err(|error| {
            anyhow::anyhow!("cannot read the folder ({error}): {}", source.display())
        })?;
    let Some(report) = report else {
        return Ok(None);
    };
    Ok(Some(OpenedProject {
        file,
        project,
        corpus_root,
        import_report: Some(report),
        annotation_report: None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cancelled_import_into_a_new_project_folder_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let articles = dir.path().join("articles");
        std::fs::create_dir_all(&articles).unwrap();
        std::fs::write(articles.join("a.txt"), "متن").unwrap();
        let project = dir.path().join("articles.daftar");
        let cancelled = import_into_with_progress(
            &project,
            &articles,
            ImportOptions::default(),
            &mut |_, _| false,
        )
        .unwrap();
        assert!(cancelled.is_none());
        assert!(!project.exists(), "no empty project folder left behind");
        let opened = import_into(&project, &articles, ImportOptions::default()).unwrap();
        assert_eq!(opened.project.documents.len(), 1);
        assert!(crate::store::folder::is_project_folder(&project));
    }

    #[test]
    fn a_bare_file_name_is_in_the_current_folder() {
        assert_eq!(folder_of(Path::new("articles.daftar.ron")), Path::new("."));
        assert_eq!(folder_of(Path::new("d/a.daftar.ron")), Path::new("d"));
        assert_eq!(folder_of(Path::new("/a.daftar.ron")), Path::new("/"));
        assert_eq!(
            project_path_for_folder(Path::new("articles")),
            Path::new("articles.daftar")
        );
        assert_eq!(
            project_path_for_folder(Path::new("news/articles/")),
            Path::new("news/articles.daftar")
        );
        let dir = tempfile::tempdir().unwrap();
        let inside = dir.path().join("corpus").join("..").join("corpus");
        std::fs::create_dir_all(&inside).unwrap();
        let dotted = dir.path().join("corpus").join(".");
        let project = project_path_for_folder(&dotted);
        assert_eq!(project.file_name().unwrap(), "corpus.daftar");
        assert!(
            !project.starts_with(dir.path().join("corpus")),
            "{project:?}"
        );
    }
}
