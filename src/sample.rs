//! The bundled sample corpus and project, so Daftar opens on real articles. The files are built
//! into the binary and installed into the user's data folder: Daftar never writes into the
//! repository's `assets/`.

use std::io;
use std::path::{Path, PathBuf};

/// File name of the sample project, beside its `sample/` corpus folder.
pub const PROJECT_FILE: &str = "sample.daftar.ron";
/// The corpus folder, relative to the project file.
pub const CORPUS_FOLDER: &str = "sample";

/// The sample articles: real Persian and Arabic news about ECO and SCO meetings.
pub const ARTICLES: [(&str, &str); 5] = [
    (
        "000_cc14a8d638cfba9c.txt",
        include_str!("../assets/sample/000_cc14a8d638cfba9c.txt"),
    ),
    (
        "001_fbc263693fc4a0ea.txt",
        include_str!("../assets/sample/001_fbc263693fc4a0ea.txt"),
    ),
    (
        "002_2da234dc36597399.txt",
        include_str!("../assets/sample/002_2da234dc36597399.txt"),
    ),
    (
        "003_02ac5757cc1509ab.txt",
        include_str!("../assets/sample/003_02ac5757cc1509ab.txt"),
    ),
    (
        "004_ead77181adac0951.txt",
        include_str!("../assets/sample/004_ead77181adac0951.txt"),
    ),
];

/// The sample project as shipped.
pub const PROJECT: &str = include_str!("../assets/sample.daftar.ron");

/// The sample articles as a freshly imported project (no annotations), built in memory.
pub fn fresh_project() -> crate::model::Project {
    let mut project = crate::model::Project::new("sample", CORPUS_FOLDER);
    for (name, text) in ARTICLES {
        let id = project.new_doc_id();
        let document = crate::corpus::document_for_text(id, name.into(), text, "UTF-8");
        project.documents.push(std::sync::Arc::new(document));
    }
    project
}

/// Where the sample is installed for this user: the platform's data folder.
pub fn default_location() -> Option<PathBuf> {
    Some(dirs::data_dir()?.join("daftar"))
}

/// Installs the sample into `dir` and returns the project file's path. Files already there are
/// left alone (the user's work on the sample is theirs); missing ones are restored.
pub fn install(dir: &Path) -> io::Result<PathBuf> {
    let corpus = dir.join(CORPUS_FOLDER);
    std::fs::create_dir_all(&corpus)?;
    for (name, text) in ARTICLES {
        let path = corpus.join(name);
        if !path.exists() {
            std::fs::write(path, text)?;
        }
    }
    let project = dir.join(PROJECT_FILE);
    if !project.exists() {
        crate::store::write_atomically(&project, PROJECT.as_bytes())?;
    }
    Ok(project)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn installs_a_project_that_verifies_and_keeps_user_work() {
        let dir = tempfile::tempdir().unwrap();
        let path = install(dir.path()).unwrap();
        let project = crate::store::load(&path).unwrap();
        assert_eq!(project.documents.len(), ARTICLES.len());
        let problems = crate::corpus::verify(&project, &dir.path().join(CORPUS_FOLDER));
        // Every span quotes its article, every record is complete: the ECO meeting's date,
        // which neither article reporting it gives, is recorded as not stated.
        assert_eq!(problems, Vec::new());
        // A second install leaves the user's copy alone.
        std::fs::write(&path, "user's work").unwrap();
        install(dir.path()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "user's work");
    }
}
