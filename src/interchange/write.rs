//! Writing an export's files into the folder the user chose, and only there:
//!
//! - every file is written to a hidden `.part` file first (created new: never through a link
//!   left in its place), made durable with the rest, and only then renamed over its name (a
//!   rename replaces a link, it does not follow it); if any file cannot be written (a full
//!   disk), every `.part` goes and the folder is as it was;
//! - a subfolder that is a link is refused: files go into the chosen folder, not elsewhere;
//! - `daftar-export.txt` lists the files an export wrote, so that replacing an export removes
//!   the files of the last one that this one does not write (a document no longer reviewed).

use std::collections::{BTreeSet, HashSet};
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use super::export::{ExportError, ExportFile};

/// The list of the files an export wrote, in the folder it wrote them to.
pub const MANIFEST: &str = "daftar-export.txt";

/// Writes `files` into `folder` (see the module). A folder that is not empty is refused unless
/// `replace`. Returns the paths written.
pub fn write_files(
    folder: &Path,
    files: &[ExportFile],
    replace: bool,
) -> Result<Vec<PathBuf>, ExportError> {
    let not_empty = fs::read_dir(folder).is_ok_and(|mut d| d.next().is_some());
    if not_empty && !replace {
        return Err(ExportError::NotEmpty {
            folder: folder.display().to_string(),
        });
    }
    let failed = |path: &Path, error: io::Error| ExportError::Write {
        path: path.display().to_string(),
        error,
    };
    fs::create_dir_all(folder).map_err(|e| failed(folder, e))?;
    for file in files {
        inside(folder, &file.name).map_err(|e| failed(&folder.join(&file.name), e))?;
    }
    let staged = stage(folder, files)?;
    let finals: Vec<PathBuf> = staged.iter().map(|(_, path)| path.clone()).collect();
    if let Err(error) = crate::store::sync_written(folder, &finals) {
        remove_all(staged.iter().map(|(part, _)| part));
        return Err(failed(folder, error));
    }
    let names: BTreeSet<&str> = files.iter().map(|f| f.name.as_str()).collect();
    remove_previous_export(folder, &names);
    for (part, path) in &staged {
        fs::rename(part, path).map_err(|e| failed(path, e))?;
    }
    let manifest: String = names.iter().map(|name| format!("{name}\n")).collect();
    let listed = ExportFile {
        name: MANIFEST.into(),
        bytes: manifest.into_bytes(),
    };
    let (part, path) = stage_one(folder, &listed).map_err(|(path, e)| failed(&path, e))?;
    fs::rename(&part, &path).map_err(|e| failed(&path, e))?;
    Ok(finals)
}

/// Writes every file to its `.part` beside its place, on every core. On the first failure the
/// parts already written go and the error is returned.
fn stage(folder: &Path, files: &[ExportFile]) -> Result<Vec<(PathBuf, PathBuf)>, ExportError> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = files.len().div_ceil(workers).max(1);
    let results: Vec<Result<(PathBuf, PathBuf), (PathBuf, io::Error)>> =
        std::thread::scope(|scope| {
            let handles: Vec<_> = files
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        part.iter()
                            .map(|file| stage_one(folder, file))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        });
    let mut staged = Vec::with_capacity(results.len());
    let mut failure = None;
    for result in results {
        match result {
            Ok(done) => staged.push(done),
            Err(error) => failure = failure.or(Some(error)),
        }
    }
    if staged.len() < files.len() && failure.is_none() {
        failure = Some((
            folder.to_path_buf(),
            io::Error::other("a file of the export could not be written"),
        ));
    }
    match failure {
        Some((path, error)) => {
            remove_all(staged.iter().map(|(part, _)| part));
            Err(ExportError::Write {
                path: path.display().to_string(),
                error,
            })
        }
        None => Ok(staged),
    }
}

/// Writes one file to a new `.part` beside its place: (part, place).
fn stage_one(folder: &Path, file: &ExportFile) -> Result<(PathBuf, PathBuf), (PathBuf, io::Error)> {
    let path = folder.join(&file.name);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let part = path.with_file_name(format!(".{name}.part"));
    let write = || -> io::Result<()> {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        // A part left by a killed export, or a link put in its place: removed (a link itself,
        // never what it points to), then created new.
        match fs::remove_file(&part) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        let mut out = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&part)?;
        out.write_all(&file.bytes)?;
        out.flush()
    };
    match write() {
        Ok(()) => Ok((part, path)),
        Err(error) => {
            let _ = fs::remove_file(&part);
            Err((path, error))
        }
    }
}

/// Checks that `name` stays inside `folder`: relative, no `..`, and no subfolder on the way
/// that is a link (which would take the files elsewhere).
fn inside(folder: &Path, name: &str) -> io::Result<()> {
    let relative = Path::new(name);
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return Err(io::Error::other(
            "a file name that leaves the export folder",
        ));
    }
    let mut at = folder.to_path_buf();
    let parts: Vec<_> = relative.components().collect();
    for part in &parts[..parts.len().saturating_sub(1)] {
        at.push(part);
        if fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(io::Error::other(format!(
                "{} is a link: Daftar writes only into the folder you chose",
                at.display()
            )));
        }
    }
    Ok(())
}

/// Removes the files the last export listed that this one (`names`) does not write, so that a
/// replaced export holds this export's files only. Names that would leave the folder are passed
/// over.
fn remove_previous_export(folder: &Path, names: &BTreeSet<&str>) {
    let Ok(listed) = fs::read_to_string(folder.join(MANIFEST)) else {
        return;
    };
    let mut emptied = HashSet::new();
    for old in listed
        .lines()
        .filter(|l| !l.is_empty() && !names.contains(l))
    {
        if inside(folder, old).is_ok() && fs::remove_file(folder.join(old)).is_ok() {
            emptied.extend(folder.join(old).parent().map(Path::to_path_buf));
        }
    }
    for dir in emptied {
        // Only if empty: a subfolder the last export made and this one does not use.
        let _ = fs::remove_dir(dir);
    }
}

fn remove_all<'a>(paths: impl Iterator<Item = &'a PathBuf>) {
    for path in paths {
        let _ = fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> ExportFile {
        ExportFile {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn listing(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = walk(folder)
            .into_iter()
            .map(|p| p.strip_prefix(folder).unwrap().display().to_string())
            .collect();
        names.sort();
        names
    }

    fn walk(folder: &Path) -> Vec<PathBuf> {
        let mut found = Vec::new();
        for entry in fs::read_dir(folder).unwrap().flatten() {
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                found.extend(walk(&path));
            } else {
                found.push(path);
            }
        }
        found
    }

    #[test]
    fn replacing_an_export_leaves_only_its_own_files() {
        // --force kept the files of an earlier export: unreviewed documents stayed mixed in.
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let first = [
            file("brat/a.ann", "A"),
            file("brat/b.ann", "B"),
            file("x.csv", "x"),
        ];
        write_files(&out, &first, false).unwrap();
        fs::write(out.join("notes.txt"), "mine").unwrap();
        assert!(matches!(
            write_files(&out, &first, false),
            Err(ExportError::NotEmpty { .. })
        ));
        write_files(&out, &[file("brat/a.ann", "A2")], true).unwrap();
        assert_eq!(
            listing(&out),
            ["brat/a.ann", "daftar-export.txt", "notes.txt"],
            "the user's own file stays"
        );
        assert_eq!(fs::read_to_string(out.join("brat/a.ann")).unwrap(), "A2");
    }

    #[cfg(unix)]
    #[test]
    fn links_in_the_export_folder_are_never_followed() {
        // A dangling daftar.jsonl link created a file outside the folder; a .part link
        // overwrote an arbitrary file.
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        fs::create_dir(&out).unwrap();
        let outside = dir.path().join("outside.txt");
        fs::write(&outside, "precious").unwrap();
        std::os::unix::fs::symlink(dir.path().join("nowhere.jsonl"), out.join("daftar.jsonl"))
            .unwrap();
        std::os::unix::fs::symlink(&outside, out.join(".daftar.csv.part")).unwrap();
        write_files(
            &out,
            &[file("daftar.jsonl", "{}"), file("daftar.csv", "a")],
            true,
        )
        .unwrap();
        assert_eq!(fs::read_to_string(&outside).unwrap(), "precious");
        assert!(!dir.path().join("nowhere.jsonl").exists());
        assert!(
            !fs::symlink_metadata(out.join("daftar.jsonl"))
                .unwrap()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(out.join("daftar.jsonl")).unwrap(), "{}");
        // A subfolder that is a link is refused, and nothing is written.
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, out.join("brat")).unwrap();
        let refused = write_files(&out, &[file("brat/a.ann", "A")], true);
        assert!(matches!(refused, Err(ExportError::Write { .. })));
        assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
    }

    #[test]
    fn a_file_that_cannot_be_written_leaves_the_folder_as_it_was() {
        // A full disk left truncated files (a JSONL cut mid-line, empty .ann files).
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        write_files(&out, &[file("daftar.jsonl", "old\n")], false).unwrap();
        // A file whose folder cannot be made (a file is in its place) fails as a full disk
        // does, after the others were written: the export fails whole.
        fs::write(out.join("brat"), "a file, not a folder").unwrap();
        let files = [file("daftar.jsonl", "new\n"), file("brat/a.ann", "A")];
        assert!(write_files(&out, &files, true).is_err());
        assert_eq!(
            fs::read_to_string(out.join("daftar.jsonl")).unwrap(),
            "old\n"
        );
        let parts: Vec<_> = listing(&out)
            .into_iter()
            .filter(|n| n.ends_with(".part"))
            .collect();
        assert!(parts.is_empty(), "{parts:?}");
    }
}
