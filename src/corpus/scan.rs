//! Finding the articles of a corpus folder.

use std::io;
use std::path::{Path, PathBuf};

use super::SkipReason;

/// File name endings that are articles.
pub const ARTICLE_EXTENSIONS: [&str; 3] = ["txt", "text", "md"];

/// A file found under the corpus folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundFile {
    /// Relative to the corpus folder, with `/` separators.
    pub relative: String,
    pub path: PathBuf,
    pub is_article: bool,
    /// Why it cannot be imported, when the scan already knows (a name that is not UTF-8, a
    /// folder that cannot be read).
    pub problem: Option<SkipReason>,
}

pub fn is_article_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| e.eq_ignore_ascii_case(a)))
}

/// Every file below `root`, sorted by relative path. Hidden files and folders (starting with `.`)
/// are passed over, and so are symbolic links to folders (they could loop). A subfolder that
/// cannot be read, and a file or folder whose name is not UTF-8, are listed with their problem:
/// the rest is scanned. Only `root` itself unreadable is an error.
pub fn scan_folder(root: &Path) -> io::Result<Vec<FoundFile>> {
    let mut found = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    let problem = |path: PathBuf, reason: SkipReason| FoundFile {
        relative: relative_slash_path(root, &path),
        path,
        is_article: false,
        problem: Some(reason),
    };
    while let Some(dir) = pending.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) if dir == root => return Err(error),
            Err(error) => {
                let error = error.to_string();
                found.push(problem(dir, SkipReason::FolderUnreadable { error }));
                continue;
            }
        };
        for entry in entries {
            let Ok(entry) = entry else { continue };
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            let wanted = file_type.is_dir()
                || file_type.is_file()
                || (file_type.is_symlink() && path.is_file());
            if wanted && name.to_str().is_none() {
                found.push(problem(path, SkipReason::NameNotUnicode));
            } else if file_type.is_dir() {
                pending.push(path);
            } else if wanted {
                let relative = relative_slash_path(root, &path);
                found.push(FoundFile {
                    is_article: is_article_path(&path),
                    relative,
                    path,
                    problem: None,
                });
            }
        }
    }
    found.sort_by(|a, b| a.relative.cmp(&b.relative));
    Ok(found)
}

fn relative_slash_path(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The path from `base` (a folder) to `target`, with `/` separators; both are made absolute
/// first. Used to store the corpus folder relative to the project file.
pub fn relative_path(base: &Path, target: &Path) -> String {
    let base = absolute(base);
    let target = absolute(target);
    let base: Vec<_> = base.components().collect();
    let target: Vec<_> = target.components().collect();
    let common = base.iter().zip(&target).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); base.len() - common];
    parts.extend(
        target[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        assert_eq!(relative_path(Path::new("/a/b"), Path::new("/a/b/c")), "c");
        assert_eq!(relative_path(Path::new("/a/b"), Path::new("/a/d")), "../d");
        assert_eq!(relative_path(Path::new("/a/b"), Path::new("/a/b")), ".");
    }

    #[test]
    fn scan_is_sorted_recursive_and_skips_hidden() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("sub")).unwrap();
        std::fs::create_dir_all(dir.path().join(".git")).unwrap();
        for name in [
            "b.txt",
            "a.md",
            "sub/c.TEXT",
            "img.png",
            ".hidden.txt",
            ".git/x.txt",
        ] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let found = scan_folder(dir.path()).unwrap();
        let names: Vec<_> = found
            .iter()
            .map(|f| (f.relative.as_str(), f.is_article))
            .collect();
        assert_eq!(
            names,
            [
                ("a.md", true),
                ("b.txt", true),
                ("img.png", false),
                ("sub/c.TEXT", true)
            ]
        );
    }
}
