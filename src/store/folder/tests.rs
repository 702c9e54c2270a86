use super::*;
use crate::model::{ReviewState, SpanId};

/// A document's file in the folder.
fn document_file(root: &Path, doc: DocId) -> PathBuf {
    root.join(DOCUMENTS).join(format!("{doc}.ron"))
}

/// A document's spans file of one author.
fn spans_file(root: &Path, doc: DocId, author: &str) -> PathBuf {
    root.join(DOCUMENTS)
        .join(format!("{doc}.{}", author_file_name(author)))
}

/// The files in `documents/`, sorted.
fn document_listing(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root.join(DOCUMENTS))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn sample() -> Project {
    super::super::from_ron(crate::sample::PROJECT, Path::new("sample")).unwrap()
}

/// Saves `project` as a new folder project at `root`.
fn save_new(root: &Path, project: &Project) -> (FolderState, Saved) {
    create_folder(root).unwrap();
    let mut state = FolderState::default();
    let saved = save_folder(root, project, &mut state).unwrap();
    (state, saved)
}

/// The project as loaded, with the id counter of the original (a folder holds none).
fn reload(root: &Path, like: &Project) -> Project {
    let (mut project, _) = load_folder(root).unwrap();
    assert!(project.next_id > like.highest_id().unwrap_or(0));
    project.next_id = like.next_id;
    project
}

#[test]
fn the_sample_saved_as_a_folder_loads_back_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("sample.daftar");
    let project = sample();
    let (_, saved) = save_new(&root, &project);
    // Every span of the sample is the annotator's: one span file per document with spans.
    let with_spans = project
        .documents
        .iter()
        .filter(|d| !d.spans.is_empty())
        .count();
    let expected = 1
        + project.entities.len()
        + project.meetings.len()
        + project.outcomes.len()
        + project.documents.len()
        + with_spans;
    assert_eq!(saved.written, expected);
    assert!(reload(&root, &project) == project);
    assert!(root.join(".gitignore").exists());
    let text =
        std::fs::read_to_string(spans_file(&root, project.documents[0].id, "annotator")).unwrap();
    assert_eq!(
        text.lines()
            .filter(|l| l.trim_start().starts_with("(id:"))
            .count(),
        project.documents[0].spans.len(),
        "one span per line:\n{text}"
    );
}

#[test]
fn saving_after_an_edit_to_one_document_writes_only_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("p.daftar");
    let mut project = sample();
    let (mut state, _) = save_new(&root, &project);
    let before = document_listing(&root);
    let doc = project.documents[0].id;
    project.document_mut(doc).unwrap().spans[0].review.state = ReviewState::Rejected;
    let saved = save_folder(&root, &project, &mut state).unwrap();
    assert_eq!(
        saved,
        Saved {
            written: 1,
            removed: 0
        }
    );
    assert_eq!(document_listing(&root), before);
    let saved = save_folder(&root, &project, &mut state).unwrap();
    assert_eq!(
        saved,
        Saved {
            written: 0,
            removed: 0
        },
        "nothing changed"
    );
    assert!(reload(&root, &project) == project);
}

#[test]
fn each_authors_spans_are_their_own_file_and_go_when_the_last_span_goes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("p.daftar");
    let mut project = sample();
    let doc = project.documents[0].id;
    let mut span = project.documents[0].spans[0].clone();
    span.id = SpanId(project.allocate_id());
    span.author = "رضا".into();
    let document = project.document_mut(doc).unwrap();
    let at = document.insertion_index(&span);
    document.spans.insert(at, span.clone());
    let (mut state, _) = save_new(&root, &project);
    let reza = spans_file(&root, doc, "رضا");
    assert!(reza.exists(), "{:?}", document_listing(&root));
    assert!(reload(&root, &project) == project);
    project
        .document_mut(doc)
        .unwrap()
        .spans
        .retain(|s| s.id != span.id);
    let saved = save_folder(&root, &project, &mut state).unwrap();
    assert_eq!(
        saved,
        Saved {
            written: 0,
            removed: 1
        }
    );
    assert!(!reza.exists());
    // A document removed takes its files.
    let gone = project.documents.pop().unwrap();
    save_folder(&root, &project, &mut state).unwrap();
    assert!(!document_file(&root, gone.id).exists());
    assert!(
        document_listing(&root)
            .iter()
            .all(|name| !name.starts_with(&format!("{}.", gone.id)))
    );
    assert!(reload(&root, &project) == project);
}

#[test]
fn author_file_names_are_safe_and_never_shared() {
    let names = [
        "maryam",
        "Maryam",
        "import:brat",
        "import_brat",
        "../x",
        "رضا",
    ];
    let files: HashSet<String> = names.iter().map(|n| author_file_name(n)).collect();
    assert_eq!(files.len(), names.len());
    for file in &files {
        assert!(
            !file.contains(['/', '\\', ':']) && !file.starts_with('.'),
            "{file}"
        );
    }
}

#[test]
fn a_file_another_program_changed_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("p.daftar");
    let mut project = sample();
    let (mut state, _) = save_new(&root, &project);
    let doc = project.documents[0].id;
    let file = document_file(&root, doc);
    let theirs = std::fs::read_to_string(&file)
        .unwrap()
        .replace("status: New", "status: Reviewed");
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&file, &theirs).unwrap();
    project.document_mut(doc).unwrap().note = "mine".into();
    let error = save_folder(&root, &project, &mut state).unwrap_err();
    assert!(
        matches!(error, StoreError::ChangedOnDisk { ref path } if *path == file),
        "{error}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), theirs);
}

#[test]
fn a_malformed_file_is_named_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("p.daftar");
    let project = sample();
    save_new(&root, &project);
    let entity = root
        .join(ENTITIES)
        .join(format!("{}.ron", project.entities[0].id));
    std::fs::write(&entity, "(\n  id: 3,\n  nme: \"x\",\n)\n").unwrap();
    let error = load_folder(&root).unwrap_err();
    let message = error.to_string();
    assert!(message.contains("line 3"), "{message}");
    assert!(
        message.ends_with(&entity.display().to_string()),
        "{message}"
    );
}

#[test]
fn ids_handed_out_after_loading_are_above_every_id_and_exact_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("p.daftar");
    save_new(&root, &sample());
    let (mut first, _) = load_folder(&root).unwrap();
    let id = first.allocate_id();
    assert!(
        id > 1_000_000,
        "a floor from the time, not the counter: {id}"
    );
    assert!(id < 1 << 53);
    let floor = session_id_floor();
    assert!(floor >> 21 > 0 && floor < 1 << 53);
}

#[test]
fn spans_whose_document_file_is_missing_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("p.daftar");
    let project = sample();
    save_new(&root, &project);
    let doc = project.documents[0].id;
    std::fs::remove_file(document_file(&root, doc)).unwrap();
    let message = load_folder(&root).unwrap_err().to_string();
    assert!(
        message.contains("a document whose file is missing"),
        "{message}"
    );
    assert!(
        message.ends_with(&spans_file(&root, doc, "annotator").display().to_string()),
        "{message}"
    );
}

#[test]
fn a_first_save_that_fails_leaves_no_project_and_replaces_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("p.daftar");
    let project = sample();
    create_folder(&root).unwrap();
    // A file of another program's (or a save cut short) where a document's file would go.
    let last = project.documents.last().unwrap().id;
    let in_the_way = document_file(&root, last);
    std::fs::create_dir_all(in_the_way.parent().unwrap()).unwrap();
    std::fs::write(&in_the_way, "not Daftar's").unwrap();
    let mut state = FolderState::default();
    let error = save_folder(&root, &project, &mut state).unwrap_err();
    assert!(matches!(error, StoreError::ChangedOnDisk { .. }), "{error}");
    assert_eq!(
        std::fs::read_to_string(&in_the_way).unwrap(),
        "not Daftar's"
    );
    // project.ron comes last: without it the folder is no project to open half saved.
    assert!(!is_project_folder(&root));
}

#[test]
fn a_first_save_writes_project_ron_last_and_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("p.daftar");
    let project = sample();
    let (state, _) = save_new(&root, &project);
    let header = std::fs::metadata(root.join(PROJECT_RON))
        .unwrap()
        .modified()
        .unwrap();
    for document in &project.documents {
        let written = std::fs::metadata(document_file(&root, document.id))
            .unwrap()
            .modified()
            .unwrap();
        assert!(written <= header, "{} after project.ron", document.path);
    }
    assert!(
        document_listing(&root)
            .iter()
            .all(|name| !name.contains(".tmp-")),
        "{:?}",
        document_listing(&root)
    );
    // What was written is known: the next save writes nothing.
    let mut state = state;
    assert_eq!(save_folder(&root, &project, &mut state).unwrap().written, 0);
}

#[test]
fn a_file_that_is_not_utf8_is_named_and_nothing_loads() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("p.daftar");
    let project = sample();
    save_new(&root, &project);
    let document = &project.documents[0];
    for path in [
        spans_file(&root, document.id, "annotator"),
        document_file(&root, document.id),
    ] {
        let good = std::fs::read(&path).unwrap();
        // A byte no UTF-8 text holds, inside the first string, as a broken copy leaves it.
        let mut broken = good.clone();
        let at = broken.iter().position(|&b| b == b'"').unwrap();
        broken.insert(at + 1, 0xFF);
        std::fs::write(&path, &broken).unwrap();
        let message = load_folder(&root).unwrap_err().to_string();
        assert!(message.contains("UTF-8"), "{message}");
        assert!(message.contains(&path.display().to_string()), "{message}");
        std::fs::write(&path, good).unwrap();
    }
    assert!(reload(&root, &project) == project);
}
