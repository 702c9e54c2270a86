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

use crate::model::Project;

/// Why a sync did not happen. `Display` is the English of [`SyncError::describe`].
#[derive(Debug)]
pub enum SyncError {
    /// A one-file project: git cannot merge it.
    NotAFolder(PathBuf),
    NotARepository(PathBuf),
    /// git could not be started.
    NoGit(std::io::Error),
    /// git ran and failed: the command's arguments and what git said.
    Git {
        command: String,
        message: String,
    },
    Cancelled(Step),
}

impl std::fmt::Display for SyncError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(crate::i18n::Words::ENGLISH))
    }
}

impl std::error::Error for SyncError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SyncError::NoGit(error) => Some(error),
            _ => None,
        }
    }
}

impl SyncError {
    /// In words of the interface's language (the window's account; the command line prints
    /// `Display`, in English). What git itself said stays in git's words.
    pub fn describe(&self, tr: crate::i18n::Words) -> String {
        let path = |path: &PathBuf| path.display().to_string();
        match self {
            SyncError::NotAFolder(folder) => {
                tr.t_with("sync-error-not-a-folder", &[("path", path(folder).into())])
            }
            SyncError::NotARepository(folder) => tr.t_with(
                "sync-error-not-a-repository",
                &[("path", path(folder).into())],
            ),
            SyncError::NoGit(error) => {
                tr.t_with("sync-error-no-git", &[("reason", error.to_string().into())])
            }
            SyncError::Git { command, message } => tr.t_with(
                "sync-error-git",
                // git's own words, isolated in a right-to-left sentence.
                &[("command", command.into()), ("message", message.into())],
            ),
            SyncError::Cancelled(step) => {
                let step = crate::i18n::Arg::Said(step.describe(tr));
                tr.t_with("sync-error-cancelled", &[("step", step)])
            }
        }
    }
}

/// The steps of a sync, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Commit,
    Pull,
    Push,
}

impl Step {
    /// The step in words of the interface's language ("pulling").
    pub fn describe(self, tr: crate::i18n::Words) -> String {
        tr.t(match self {
            Step::Commit => "sync-step-commit",
            Step::Pull => "sync-step-pull",
            Step::Push => "sync-step-push",
        })
    }
}

impl std::fmt::Display for Step {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(crate::i18n::Words::ENGLISH))
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
    /// Nothing was pulled or pushed: the branch has no remote branch to sync with.
    pub no_upstream: bool,
    /// Files both sides changed: the merge was undone and these are for people to settle.
    pub conflicts: Vec<Conflict>,
}

/// One file both sides changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The file, relative to the project folder.
    pub file: String,
    /// What it holds.
    pub holds: Holds,
}

/// What a file of the project folder holds, for people to know what they are settling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Holds {
    /// `project.ron`.
    Settings,
    Entity(String),
    Meeting(String),
    Outcome(String),
    /// A document's own file: its status, note and labels. The document's path, or its id
    /// when the project does not know it.
    Document(String),
    /// One author's spans on a document.
    Spans {
        document: String,
        author: String,
    },
    /// Anything else: the path says it.
    Other,
}

impl Holds {
    /// What `file` (relative to the project folder) holds; `project` names its documents.
    pub fn of(file: &str, project: Option<&Project>) -> Holds {
        let parts: Vec<&str> = file.split('/').collect();
        let document_name = |id: &str| {
            project
                .and_then(|p| {
                    p.documents
                        .iter()
                        .find(|d| d.id.to_string() == id)
                        .map(|d| d.path.clone())
                })
                .unwrap_or_else(|| id.to_string())
        };
        let stem = |name: &str| name.trim_end_matches(".ron").to_string();
        match parts.as_slice() {
            ["project.ron"] => Holds::Settings,
            ["entities", name] => Holds::Entity(stem(name)),
            ["records", "meetings", name] => Holds::Meeting(stem(name)),
            ["records", "outcomes", name] => Holds::Outcome(stem(name)),
            ["documents", name] => match name.trim_end_matches(".ron").split_once('.') {
                None => Holds::Document(document_name(&stem(name))),
                Some((id, author)) => Holds::Spans {
                    document: document_name(id),
                    // d4.reza-0a1b2c3d: the author, then the copy that wrote it.
                    author: author
                        .rsplit_once('-')
                        .map_or(author, |(author, _)| author)
                        .to_string(),
                },
            },
            _ => Holds::Other,
        }
    }

    /// In words of the interface's language; `file` when nothing better is known.
    pub fn describe(&self, tr: crate::i18n::Words, file: &str) -> String {
        match self {
            Holds::Settings => tr.t("sync-holds-settings"),
            Holds::Entity(id) => tr.t_with("sync-holds-entity", &[("id", id.into())]),
            Holds::Meeting(id) => tr.t_with("sync-holds-meeting", &[("id", id.into())]),
            Holds::Outcome(id) => tr.t_with("sync-holds-outcome", &[("id", id.into())]),
            Holds::Document(document) => {
                tr.t_with("sync-holds-document", &[("document", document.into())])
            }
            Holds::Spans { document, author } => tr.t_with(
                "sync-holds-spans",
                &[("document", document.into()), ("author", author.into())],
            ),
            Holds::Other => file.to_string(),
        }
    }
}

impl SyncReport {
    /// What the sync did, a line each, in the interface's language (the window's account; the
    /// command line prints them in English, through `Display`).
    pub fn lines(&self, tr: crate::i18n::Words) -> Vec<String> {
        let mut lines = vec![match &self.committed {
            Some(message) => tr.t_with("sync-committed", &[("message", message.into())]),
            None => tr.t("sync-nothing-to-commit"),
        }];
        if self.no_upstream {
            lines.push(tr.t("sync-no-upstream"));
        }
        if self.merged {
            lines.push(tr.t("sync-merged"));
        }
        if !self.conflicts.is_empty() {
            let count = self.conflicts.len();
            lines.push(tr.t_with("sync-conflicts", &[("count", count.into())]));
            for conflict in &self.conflicts {
                let what = conflict.holds.describe(tr, &conflict.file);
                lines.push(format!("  {what}: {}", conflict.file));
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
        report.no_upstream = true;
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
                    holds: Holds::of(file, project),
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
            no_upstream: false,
            conflicts: vec![Conflict {
                file: "records/meetings/m3.ron".into(),
                holds: Holds::Meeting("m3".into()),
            }],
        };
        assert_eq!(
            report.to_string(),
            "committed: Daftar: 2 spans\n\
             1 file was changed on both sides; the merge was undone (your work is committed, nothing was lost):\n\
             \x20 meeting m3: records/meetings/m3.ron\n"
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
        let english = crate::i18n::Words::ENGLISH;
        let described = |file: &str| Holds::of(file, None).describe(english, file);
        assert_eq!(
            described("documents/d4.reza-0a1b2c3d.ron"),
            "d4: the spans of reza"
        );
        assert_eq!(
            described("documents/d4.ron"),
            "d4: its status, note or labels"
        );
        assert_eq!(described("records/meetings/m18.ron"), "meeting m18");
        assert_eq!(described("records/outcomes/o2.ron"), "outcome o2");
        assert_eq!(described("entities/e7.ron"), "entity e7");
        assert_eq!(
            described("project.ron"),
            "the project's name, annotators or schema"
        );
        assert_eq!(described(".gitattributes"), ".gitattributes");
    }

    /// The sync window's account was English whatever the interface's language: what a
    /// conflicting file holds, why nothing was shared, why the sync failed.
    #[test]
    fn the_sync_account_is_in_the_interfaces_language() {
        use crate::model::LabelLanguage;
        let report = SyncReport {
            committed: None,
            merged: false,
            pushed: false,
            no_upstream: true,
            conflicts: vec![
                Conflict {
                    file: "documents/d4.reza-0a1b2c3d.ron".into(),
                    holds: Holds::of("documents/d4.reza-0a1b2c3d.ron", None),
                },
                Conflict {
                    file: "project.ron".into(),
                    holds: Holds::Settings,
                },
            ],
        };
        let errors = [
            SyncError::NotARepository(PathBuf::from("team.daftar")),
            SyncError::NotAFolder(PathBuf::from("team.daftar.ron")),
            SyncError::Cancelled(Step::Pull),
        ];
        let english = report.lines(crate::i18n::Words::ENGLISH);
        for language in [LabelLanguage::Persian, LabelLanguage::Arabic] {
            let tr = crate::i18n::Words { language };
            let lines = report.lines(tr);
            assert_eq!(lines.len(), english.len());
            for (line, english) in lines.iter().zip(&english) {
                assert_ne!(line, english, "{language:?}");
                assert!(
                    !line.contains("spans of") && !line.contains("remote branch"),
                    "{language:?}: {line}"
                );
            }
            // The author's name and the file stay as they are.
            assert!(lines[3].contains("reza") && lines[3].contains("d4.reza-0a1b2c3d.ron"));
            for error in &errors {
                let said = error.describe(tr);
                assert_ne!(said, error.to_string(), "{language:?}");
                assert!(said.contains("team.daftar") || matches!(error, SyncError::Cancelled(_)));
            }
        }
    }
}
