//! Sharing a project folder through git: commit this person's changes, pull and merge the
//! others', push. Through the `git` command line (the git the team already has, with its
//! credentials and remotes), never a library of our own.
//!
//! The folder format makes merges of people's work conflict-free (see `store::folder`); what
//! still conflicts (two people changed the same record, or a reviewer decided on a span its
//! author changed meanwhile) is not left as conflict markers in RON files: the merge is undone,
//! the local commit kept, and each conflicting file is named as the thing it holds (a document's
//! spans of one author, a meeting, the schema), for the people involved to settle.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use thiserror::Error;

use crate::model::Project;

#[derive(Debug, Error)]
pub enum SyncError {
    #[error(
        "the project is not a folder that git can share: migrate it first (daftar migrate): {}",
        .0.display()
    )]
    NotAFolder(PathBuf),
    #[error(
        "the project folder is not in a git repository: clone the team's repository, or run git init there: {}",
        .0.display()
    )]
    NotARepository(PathBuf),
    #[error("git could not be run ({0}): is git installed?")]
    NoGit(std::io::Error),
    #[error("`git {command}` failed: {message}")]
    Git { command: String, message: String },
    #[error("sync cancelled before {0}")]
    Cancelled(Step),
}

/// The steps of a sync, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Commit,
    Pull,
    Push,
}

impl std::fmt::Display for Step {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Step::Commit => "committing",
            Step::Pull => "pulling",
            Step::Push => "pushing",
        })
    }
}

/// What a sync did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// The message of the commit made of this person's changes, if there were any.
    pub committed: Option<String>,
    /// Whether other people's work was merged in.
    pub merged: bool,
    pub pushed: bool,
    /// Why nothing was pulled or pushed (no remote, no upstream branch), if so.
    pub not_shared: Option<String>,
    /// Files both sides changed: the merge was undone and these are for people to settle.
    pub conflicts: Vec<Conflict>,
}

/// One file both sides changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The file, relative to the project folder.
    pub file: String,
    /// What it holds, in words.
    pub what: String,
}

impl SyncReport {
    /// What the sync did, a line each, in the interface's language (the window's account; the
    /// command line prints them in English, through `Display`).
    pub fn lines(&self, tr: crate::i18n::Words) -> Vec<String> {
        let mut lines = vec![match &self.committed {
            Some(message) => tr.t_with("sync-committed", &[("message", message.into())]),
            None => tr.t("sync-nothing-to-commit"),
        }];
        if let Some(why) = &self.not_shared {
            lines.push(tr.t_with("sync-not-shared", &[("why", why.into())]));
        }
        if self.merged {
            lines.push(tr.t("sync-merged"));
        }
        if !self.conflicts.is_empty() {
            let count = self.conflicts.len();
            lines.push(tr.t_with("sync-conflicts", &[("count", count.into())]));
            for conflict in &self.conflicts {
                lines.push(format!("  {}: {}", conflict.what, conflict.file));
            }
        }
        if self.pushed {
            lines.push(tr.t("sync-pushed"));
        }
        lines
    }
}

/// The command line's account: the window's lines in English.
impl std::fmt::Display for SyncReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for line in self.lines(crate::i18n::Words::ENGLISH) {
            writeln!(f, "{line}")?;
        }
        Ok(())
    }
}

/// Runs git in `folder`; its standard output, or what it said on failure.
fn git(folder: &Path, args: &[&str]) -> Result<String, SyncError> {
    let output = Command::new("git")
        .arg("-C")
        .arg(folder)
        .args(args)
        // Never stop to ask for a password or an editor: the window has no terminal.
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_EDITOR", "true")
        .output()
        .map_err(SyncError::NoGit)?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        let mut message = String::from_utf8_lossy(&output.stderr).trim().to_string();
        if message.is_empty() {
            message = String::from_utf8_lossy(&output.stdout).trim().to_string();
        }
        Err(SyncError::Git {
            command: args.join(" "),
            message,
        })
    }
}

/// The files under the project folder git sees as changed (relative to the folder).
fn changed_files(folder: &Path) -> Result<Vec<String>, SyncError> {
    let status = git(folder, &["status", "--porcelain=v1", "-z", "--", "."])?;
    let prefix = git(folder, &["rev-parse", "--show-prefix"])?;
    let prefix = prefix.trim();
    let mut files = Vec::new();
    let mut entries = status.split('\0').filter(|e| !e.is_empty());
    while let Some(entry) = entries.next() {
        let (code, path) = entry.split_at(3.min(entry.len()));
        if code.starts_with('R') || code.starts_with('C') {
            entries.next(); // the old name of a rename
        }
        files.push(path.strip_prefix(prefix).unwrap_or(path).to_string());
    }
    Ok(files)
}

/// A commit message saying what changed, from the files: documents, records, entities.
pub fn commit_message(author: &str, files: &[String], project: Option<&Project>) -> String {
    let mut documents = BTreeSet::new();
    let (mut meetings, mut outcomes, mut entities, mut settings) = (0, 0, 0, false);
    for file in files {
        let mut parts = file.split('/');
        match (parts.next(), parts.next()) {
            (Some("documents"), Some(file)) => {
                // d12.ron and d12.<author>.ron are one document's.
                let doc = file.split('.').next().unwrap_or(file);
                documents.insert(doc.to_string());
            }
            (Some("records"), Some("meetings")) => meetings += 1,
            (Some("records"), Some("outcomes")) => outcomes += 1,
            (Some("entities"), _) => entities += 1,
            (Some("project.ron"), None) => settings = true,
            _ => {}
        }
    }
    let mut what = Vec::new();
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    if !documents.is_empty() {
        what.push(count(documents.len(), "document", "documents"));
    }
    if meetings > 0 {
        what.push(count(meetings, "meeting", "meetings"));
    }
    if outcomes > 0 {
        what.push(count(outcomes, "outcome", "outcomes"));
    }
    if entities > 0 {
        what.push(count(entities, "entity", "entities"));
    }
    if settings {
        what.push("the project's settings".to_string());
    }
    if what.is_empty() {
        what.push(count(files.len(), "file", "files"));
    }
    let name = project.map_or(String::new(), |p| format!(" in {}", p.name));
    format!("Daftar: {author} changed {}{name}", what.join(", "))
}

/// What a file of the project folder holds, in words.
pub fn describe_file(file: &str, project: Option<&Project>) -> String {
    let parts: Vec<&str> = file.split('/').collect();
    let document_name = |id: &str| {
        project
            .and_then(|p| {
                p.documents
                    .iter()
                    .find(|d| d.id.to_string() == id)
                    .map(|d| d.path.clone())
            })
            .unwrap_or_else(|| format!("document {id}"))
    };
    match parts.as_slice() {
        ["project.ron"] => "the project's name, annotators or schema".to_string(),
        ["entities", name] => format!("entity {}", name.trim_end_matches(".ron")),
        ["records", "meetings", name] => format!("meeting {}", name.trim_end_matches(".ron")),
        ["records", "outcomes", name] => format!("outcome {}", name.trim_end_matches(".ron")),
        ["documents", name] => {
            let stem = name.trim_end_matches(".ron");
            match stem.split_once('.') {
                None => format!("{}: its status, note or labels", document_name(stem)),
                Some((id, author)) => {
                    let author = author.rsplit_once('-').map_or(author, |(author, _)| author);
                    format!("{}: the spans of {author}", document_name(id))
                }
            }
        }
        _ => file.to_string(),
    }
}

/// Commits the changes under `folder` (a project folder in a git repository), pulls and merges
/// the others' work, and pushes. `progress` is told each step before it starts and may cancel
/// by returning `false`. `project` (the project as it is) only names things in messages.
pub fn sync(
    folder: &Path,
    author: &str,
    project: Option<&Project>,
    progress: &mut dyn FnMut(Step) -> bool,
) -> Result<SyncReport, SyncError> {
    if !crate::store::folder::is_project_folder(folder) {
        return Err(SyncError::NotAFolder(folder.to_path_buf()));
    }
    if git(folder, &["rev-parse", "--show-toplevel"]).is_err() {
        return Err(SyncError::NotARepository(folder.to_path_buf()));
    }
    set_up_merge_driver(folder)?;
    let mut report = SyncReport::default();
    if !progress(Step::Commit) {
        return Err(SyncError::Cancelled(Step::Commit));
    }
    let files = changed_files(folder)?;
    if !files.is_empty() {
        let message = commit_message(author, &files, project);
        git(folder, &["add", "--all", "--", "."])?;
        let identity = identity_args(folder, author)?;
        let mut args: Vec<&str> = identity.iter().map(String::as_str).collect();
        args.extend(["commit", "--quiet", "-m", &message, "--", "."]);
        git(folder, &args)?;
        report.committed = Some(message);
    }
    if git(
        folder,
        &["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"],
    )
    .is_err()
    {
        report.not_shared = Some(
            "this branch has no remote branch to sync with (git push -u origin BRANCH once)"
                .to_string(),
        );
        return Ok(report);
    }
    for attempt in 0..2 {
        if !progress(Step::Pull) {
            return Err(SyncError::Cancelled(Step::Pull));
        }
        let before = git(folder, &["rev-parse", "HEAD"])?;
        let identity = identity_args(folder, author)?;
        let mut args: Vec<&str> = identity.iter().map(String::as_str).collect();
        args.extend(["pull", "--no-rebase", "--no-edit", "--quiet"]);
        if let Err(error) = git(folder, &args) {
            let conflicted = git(
                folder,
                &["diff", "--name-only", "--diff-filter=U", "--relative"],
            )
            .unwrap_or_default();
            if conflicted.trim().is_empty() {
                return Err(error);
            }
            git(folder, &["merge", "--abort"])?;
            report.conflicts = conflicted
                .lines()
                .map(|file| Conflict {
                    file: file.to_string(),
                    what: describe_file(file, project),
                })
                .collect();
            return Ok(report);
        }
        report.merged |= git(folder, &["rev-parse", "HEAD"])? != before;
        if !progress(Step::Push) {
            return Err(SyncError::Cancelled(Step::Push));
        }
        match git(folder, &["push", "--quiet"]) {
            Ok(_) => {
                report.pushed = true;
                break;
            }
            // Someone pushed between our pull and push: pull again, once.
            Err(_) if attempt == 0 => continue,
            Err(error) => return Err(error),
        }
    }
    Ok(report)
}

/// Has git merge the project's files with `daftar merge-file` (field by field, spans by id): the
/// folder's `.gitattributes` names the driver (written if missing, committed with the work), and
/// the repository's config says how to run it: this program, when it is Daftar.
fn set_up_merge_driver(folder: &Path) -> Result<(), SyncError> {
    use crate::store::folder::{GITATTRIBUTES, GITATTRIBUTES_TEXT};
    let attributes = folder.join(GITATTRIBUTES);
    if !attributes.exists() {
        std::fs::write(&attributes, GITATTRIBUTES_TEXT).map_err(|error| SyncError::Git {
            command: "(writing .gitattributes)".into(),
            message: error.to_string(),
        })?;
    }
    let Ok(exe) = std::env::current_exe() else {
        return Ok(());
    };
    // A test harness or another program embedding the library cannot merge files.
    if !exe
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("daftar"))
    {
        return Ok(());
    }
    let exe = exe.display().to_string().replace('\'', "'\\''");
    let driver = format!("'{exe}' merge-file %O %A %B %P");
    git(
        folder,
        &["config", "merge.daftar.name", "Daftar project files"],
    )?;
    git(folder, &["config", "merge.daftar.driver", &driver])?;
    Ok(())
}

/// `-c user.name=… -c user.email=…` when git has no identity configured, so that a commit made
/// for an annotator who never set git up still works (credited to their Daftar name).
fn identity_args(folder: &Path, author: &str) -> Result<Vec<String>, SyncError> {
    let configured = |key: &str| git(folder, &["config", key]).is_ok_and(|v| !v.trim().is_empty());
    let mut args = Vec::new();
    if !configured("user.name") {
        args.extend(["-c".to_string(), format!("user.name={author}")]);
    }
    if !configured("user.email") {
        args.extend(["-c".to_string(), "user.email=daftar@localhost".to_string()]);
    }
    Ok(args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_lines_report_is_the_windows_lines_in_english() {
        let report = SyncReport {
            committed: Some("Daftar: 2 spans".into()),
            merged: false,
            pushed: false,
            not_shared: None,
            conflicts: vec![Conflict {
                file: "documents/d1.ron".into(),
                what: "a span".into(),
            }],
        };
        assert_eq!(
            report.to_string(),
            "committed: Daftar: 2 spans\n\
             1 files were changed on both sides; the merge was undone (your work is committed, nothing was lost):\n\
             \x20 a span: documents/d1.ron\n"
        );
        let persian = report.lines(crate::i18n::Words {
            language: crate::model::LabelLanguage::Persian,
        });
        assert_eq!(persian.len(), 3);
        assert!(!persian[0].starts_with("committed"), "{persian:?}");
    }

    #[test]
    fn commit_messages_count_what_changed() {
        let files: Vec<String> = [
            "documents/d1.maryam-1a2b3c4d.ron",
            "documents/d1.ron",
            "documents/d7.maryam-1a2b3c4d.ron",
            "records/meetings/m9.ron",
            "entities/e3.ron",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            commit_message("maryam", &files, None),
            "Daftar: maryam changed 2 documents, 1 meeting, 1 entity"
        );
    }

    #[test]
    fn files_are_described_as_what_they_hold() {
        assert_eq!(
            describe_file("documents/d4.reza-0a1b2c3d.ron", None),
            "document d4: the spans of reza"
        );
        assert_eq!(
            describe_file("records/meetings/m18.ron", None),
            "meeting m18"
        );
        assert_eq!(
            describe_file("project.ron", None),
            "the project's name, annotators or schema"
        );
    }
}
