//! Opening what the user points at: a project file, or a folder of articles that becomes (or
//! already has) a project saved beside it.

use std::path::{Path, PathBuf};

use crate::corpus::{
    ImportOptions, ImportReport, import_folder_with_progress, scan::relative_path,
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
}

/// The project file that belongs to a corpus folder: `<folder>.daftar.ron` beside it.
pub fn project_path_for_folder(folder: &Path) -> PathBuf {
    let name = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "corpus".to_string());
    folder.with_file_name(format!("{name}.daftar.ron"))
}

/// The corpus folder of a project stored at `project_path`.
pub fn corpus_root(project_path: &Path, project: &Project) -> PathBuf {
    let base = project_path.parent().unwrap_or(Path::new("."));
    project
        .corpus
        .split('/')
        .fold(base.to_path_buf(), |path, part| path.join(part))
}

/// Opens a project file, or imports a folder into the project beside it.
pub fn open_path(path: &Path) -> anyhow::Result<OpenedProject> {
    if path.is_dir() {
        let project_path = project_path_for_folder(path);
        import_into(&project_path, path, ImportOptions::default())
    } else {
        let (file, project) = ProjectFile::open(path)?;
        let corpus_root = corpus_root(path, &project);
        Ok(OpenedProject {
            file,
            project,
            corpus_root,
            import_report: None,
        })
    }
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
    if path.is_dir() {
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
    if !source.is_dir() {
        anyhow::bail!("not a folder: {}", source.display());
    }
    let base = project_path.parent().unwrap_or(Path::new("."));
    let (mut file, mut project) = ProjectFile::open_or_create(project_path, || {
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
    file.save(&project)?;
    Ok(Some(OpenedProject {
        file,
        project,
        corpus_root,
        import_report: Some(report),
    }))
}
