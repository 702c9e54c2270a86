//! Atomic replacement of a file: write a temporary file beside it, flush it to disk, keep the
//! old file as a backup, rename the new one into place. A crash at any point leaves either the
//! old or the new file, never a half-written one. The file keeps its permissions, and a symbolic
//! link stays a link: the file it points to is the one replaced.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// `project.daftar.ron` → `project.daftar.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

fn temporary_path(path: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".tmp-{}", std::process::id()));
    path.with_file_name(name)
}

/// The file a path names: the target of a symbolic link (relative to the link's folder), else
/// the path itself.
fn link_target(path: &Path) -> PathBuf {
    match fs::read_link(path) {
        Ok(target) if target.is_absolute() => target,
        Ok(target) => crate::open::folder_of(path).join(target),
        Err(_) => path.to_path_buf(),
    }
}

pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let path = &link_target(path);
    let temporary = temporary_path(path);
    let result = (|| {
        let mut file = File::create(&temporary)?;
        file.write_all(contents)?;
        file.sync_all()?;
        drop(file);
        if let Ok(existing) = fs::metadata(path) {
            fs::set_permissions(&temporary, existing.permissions())?;
            keep_backup(path)?;
        }
        fs::rename(&temporary, path)?;
        sync_parent(path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result
}

/// Makes `path.bak` the current file: a hard link where the file system allows it (the rename
/// that follows then leaves the old contents under the backup name), a copy otherwise.
fn keep_backup(path: &Path) -> io::Result<()> {
    let backup = backup_path(path);
    match fs::remove_file(&backup) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    if fs::hard_link(path, &backup).is_err() {
        fs::copy(path, &backup)?;
    }
    Ok(())
}

/// Removes the temporary files that saves of `path` killed half-way left behind (a save's own
/// temporary is removed when it fails; only a killed process leaves one). Call while holding
/// the project's lock: no other save of it can be running.
pub fn remove_stale_temporaries(path: &Path) {
    let path = link_target(path);
    let Some(name) = path.file_name() else { return };
    let prefix = format!(".{}.tmp-", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(crate::open::folder_of(&path)) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Makes files just written under `folder` durable together: one barrier for the whole batch
/// (`syncfs` on Linux) instead of a flush per file, which costs thousands of disk round trips
/// when an import writes thousands of articles.
pub fn sync_written(folder: &Path, files: &[PathBuf]) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        let _ = files;
        use std::os::fd::AsRawFd;
        let handle = File::open(folder)?;
        // SAFETY: `syncfs` takes a file descriptor, valid while `handle` lives.
        if unsafe { libc::syncfs(handle.as_raw_fd()) } != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        for file in files {
            File::open(file)?.sync_all()?;
        }
        sync_parent(&folder.join("x"))
    }
}

#[cfg(unix)]
fn sync_parent(path: &Path) -> io::Result<()> {
    File::open(crate::open::folder_of(path))?.sync_all()
}

#[cfg(not(unix))]
fn sync_parent(_path: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_keeps_the_previous_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        write_atomically(&path, b"one").unwrap();
        assert!(!backup_path(&path).exists());
        write_atomically(&path, b"two").unwrap();
        write_atomically(&path, b"three").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"three");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"two");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|n| n.to_string_lossy().contains(".tmp-"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_saved_file_keeps_its_permissions_and_a_link_stays_a_link() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        write_atomically(&path, b"one").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        write_atomically(&path, b"two").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        // A project reached through a link: the link stays, its target is replaced.
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink("p.ron", &link).unwrap();
        write_atomically(&link, b"three").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&path).unwrap(), b"three");
    }

    #[test]
    fn temporaries_left_by_killed_saves_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.daftar.ron");
        write_atomically(&path, b"one").unwrap();
        let stale = dir.path().join(".p.daftar.ron.tmp-99999");
        fs::write(&stale, b"half a save").unwrap();
        let other = dir.path().join(".q.daftar.ron.tmp-99999");
        fs::write(&other, b"another project's").unwrap();
        remove_stale_temporaries(&path);
        assert!(!stale.exists());
        assert!(other.exists(), "only this project's");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-folder").join("p.ron");
        assert!(write_atomically(&path, b"x").is_err());
        assert!(!path.exists());
    }
}
