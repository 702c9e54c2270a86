//! Import the sample, annotate through edits, save, reload: everything comes back, and saving
//! twice writes the same bytes.

mod common;

use daftar::corpus::verify;
use daftar::edit::History;
use daftar::open::import_into;
use daftar::store::{self, ProjectFile, backup_path};

#[test]
fn import_annotate_save_reload_is_exact() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = common::copy_sample(dir.path());
    let project_path = dir.path().join("sample.daftar.ron");

    let mut opened = import_into(&project_path, &corpus, Default::default()).unwrap();
    assert_eq!(opened.project.documents.len(), 5);
    let mut history = History::new();
    common::annotate(&mut opened.project, &mut history, &corpus);
    assert!(history.is_dirty());
    assert_eq!(opened.project.span_count(), 8);
    assert_eq!(opened.project.meetings.len(), 1);
    assert_eq!(opened.project.outcomes.len(), 2);

    opened.file.save(&opened.project).unwrap();
    let first_save = std::fs::read(&project_path).unwrap();
    let annotated = opened.project.clone();
    drop(opened);

    let (mut file, reloaded) = ProjectFile::open(&project_path).unwrap();
    assert_eq!(reloaded, annotated);
    file.save(&reloaded).unwrap();
    assert_eq!(
        std::fs::read(&project_path).unwrap(),
        first_save,
        "second save is byte-identical"
    );
    assert_eq!(
        std::fs::read(backup_path(&project_path)).unwrap(),
        first_save,
        "backup kept"
    );

    // The spans quote the articles exactly.
    assert_eq!(verify(&reloaded, &corpus), vec![]);
    // The Persian name found the Arabic spelling in the Arabic article.
    let arabic = reloaded.document_by_path(common::ARABIC_ECO).unwrap();
    assert_eq!(arabic.spans[0].quote(), "إسكندر مؤمني");
}

#[test]
fn project_file_has_one_span_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = common::copy_sample(dir.path());
    let project_path = dir.path().join("p.daftar.ron");
    let mut opened = import_into(&project_path, &corpus, Default::default()).unwrap();
    common::annotate(&mut opened.project, &mut History::new(), &corpus);
    let text = store::to_ron(&opened.project);
    for span in opened.project.documents.iter().flat_map(|d| &d.spans) {
        let lines: Vec<_> = text
            .lines()
            .filter(|l| l.contains(&format!("(id: {}, start:", span.id.0)))
            .collect();
        assert_eq!(lines.len(), 1, "span {} on one line", span.id);
        assert!(lines[0].contains(&format!("quote: \"{}\"", span.quote())));
    }
}

#[test]
fn reimport_keeps_annotations_and_flags_changed_and_missing_articles() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = common::copy_sample(dir.path());
    let project_path = dir.path().join("sample.daftar.ron");
    let mut opened = import_into(&project_path, &corpus, Default::default()).unwrap();
    common::annotate(&mut opened.project, &mut History::new(), &corpus);
    opened.file.save(&opened.project).unwrap();
    let spans = opened.project.span_count();
    drop(opened);

    // One article edited, one deleted, one added.
    let edited = corpus.join(common::PERSIAN_ECO);
    let text = std::fs::read_to_string(&edited).unwrap();
    std::fs::write(&edited, format!("تیتر تازه\n\n{text}")).unwrap();
    std::fs::remove_file(corpus.join(common::ARABIC_ECO)).unwrap();
    std::fs::write(
        corpus.join("005_new.txt"),
        "خبر تازه درباره نشست سازمان همکاری شانگهای در دوشنبه.",
    )
    .unwrap();

    let reopened = import_into(&project_path, &corpus, Default::default()).unwrap();
    let report = reopened.import_report.as_ref().unwrap();
    assert_eq!(
        (
            report.added(),
            report.changed(),
            report.missing(),
            report.unchanged()
        ),
        (1, 1, 1, 3)
    );
    assert_eq!(reopened.project.documents.len(), 6, "no document dropped");
    assert_eq!(
        reopened.project.span_count(),
        spans,
        "no annotation dropped"
    );
    let problems = verify(&reopened.project, &corpus);
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("changed on disk") && m.contains(common::PERSIAN_ECO)),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("missing") && m.contains(common::ARABIC_ECO)),
        "{messages:?}"
    );
}

#[test]
fn a_project_open_elsewhere_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = common::copy_sample(dir.path());
    let project_path = dir.path().join("sample.daftar.ron");
    let opened = import_into(&project_path, &corpus, Default::default()).unwrap();
    let error = import_into(&project_path, &corpus, Default::default()).unwrap_err();
    assert!(
        format!("{error:#}").contains("open in another Daftar"),
        "{error:#}"
    );
    drop(opened);
    import_into(&project_path, &corpus, Default::default()).unwrap();
}

#[test]
fn a_file_changed_by_another_program_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = common::copy_sample(dir.path());
    let project_path = dir.path().join("sample.daftar.ron");
    let mut opened = import_into(&project_path, &corpus, Default::default()).unwrap();
    std::fs::write(&project_path, "(format: 1, broken by hand").unwrap();
    let error = opened.file.save(&opened.project).unwrap_err();
    assert!(
        matches!(error, store::StoreError::ChangedOnDisk { .. }),
        "{error}"
    );
    assert_eq!(
        std::fs::read_to_string(&project_path).unwrap(),
        "(format: 1, broken by hand"
    );
}

#[test]
fn a_cancelled_import_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = common::copy_sample(dir.path());
    let project_path = dir.path().join("sample.daftar.ron");
    let mut calls = 0;
    let result = daftar::open::import_into_with_progress(
        &project_path,
        &corpus,
        Default::default(),
        &mut |done, total| {
            calls += 1;
            assert!(done <= total);
            // Cancelled at the first report (articles are read in blocks on every core).
            false
        },
    )
    .unwrap();
    assert!(result.is_none());
    assert_eq!(calls, 1);
    assert!(!project_path.exists());
    assert!(!daftar::store::lock_path(&project_path).exists());
}

/// `verify` checks documents on every core; what it finds comes in the documents' order all
/// the same, so that `daftar check` prints the same report every time.
#[test]
fn verify_reports_problems_in_the_documents_order_whichever_thread_found_them() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("articles");
    std::fs::create_dir(&corpus).unwrap();
    for i in 0..60 {
        std::fs::write(
            corpus.join(format!("{i:03}.txt")),
            format!("خبر شماره {i} درباره نشست وزیران."),
        )
        .unwrap();
    }
    let project_path = dir.path().join("many.daftar.ron");
    let opened = import_into(&project_path, &corpus, Default::default()).unwrap();
    assert_eq!(verify(&opened.project, &corpus), vec![]);
    // Every third article deleted, every seventh changed.
    let mut expected = Vec::new();
    for document in &opened.project.documents {
        let number: usize = document.path.trim_end_matches(".txt").parse().unwrap();
        let file = corpus.join(&document.path);
        if number.is_multiple_of(3) {
            std::fs::remove_file(&file).unwrap();
            expected.push(format!("article is missing: {}", document.path));
        } else if number.is_multiple_of(7) {
            std::fs::write(&file, "متن دیگری").unwrap();
            expected.push(format!(
                "article changed on disk since it was annotated (0 spans to re-anchor): {}",
                document.path
            ));
        }
    }
    for _ in 0..5 {
        let found: Vec<String> = verify(&opened.project, &corpus)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(found, expected);
    }
}
