//! Several annotators on one project, through the command line: pre-annotations credited to
//! each, kept apart on the same document, compared by `daftar agreement`, counted by `stats`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn daftar(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_daftar"))
        .args(args)
        .output()
        .expect("daftar runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn run_ok(args: &[&str]) -> String {
    let output = daftar(args);
    assert!(
        output.status.success(),
        "daftar {args:?}: {}{}",
        stdout(&output),
        String::from_utf8_lossy(&output.stderr)
    );
    stdout(&output)
}

const ARTICLE_A: &str = "عراقچی با لاوروف در مسکو دیدار کرد.\nدو وزیر درباره برجام گفت‌وگو کردند.";
const ARTICLE_B: &str = "وزير الخارجية الإيراني التقى نظيره الروسي في موسكو.";

/// Code point range of the first `words` in `text`.
fn at(text: &str, words: &str) -> (usize, usize) {
    let start = text[..text.find(words).unwrap()].chars().count();
    (start, start + words.chars().count())
}

/// A brat collection of the articles `spans` name (file, label, words): their texts, and an
/// `.ann` each.
fn brat_collection(dir: &Path, name: &str, spans: &[(&str, &str, &str)]) -> PathBuf {
    let folder = dir.join(name);
    std::fs::create_dir_all(&folder).unwrap();
    for (file, text) in [("a", ARTICLE_A), ("b", ARTICLE_B)] {
        if !spans.iter().any(|s| s.0 == file) {
            continue;
        }
        std::fs::write(folder.join(format!("{file}.txt")), text).unwrap();
        let mut ann = String::new();
        for (i, (_, label, words)) in spans.iter().filter(|s| s.0 == file).enumerate() {
            let (start, end) = at(text, words);
            ann.push_str(&format!("T{}\t{label} {start} {end}\t{words}\n", i + 1));
        }
        std::fs::write(folder.join(format!("{file}.ann")), ann).unwrap();
    }
    folder
}

/// A project of the two articles, with maryam's and reza's brat annotations imported.
fn two_annotators(dir: &Path) -> PathBuf {
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("a.txt"), ARTICLE_A).unwrap();
    std::fs::write(articles.join("b.txt"), ARTICLE_B).unwrap();
    let project = dir.join("team.daftar.ron");
    let project_arg = project.to_str().unwrap();
    run_ok(&["import", articles.to_str().unwrap(), "-o", project_arg]);
    let maryam = brat_collection(
        dir,
        "maryam",
        &[
            ("a", "PER", "عراقچی"),
            ("a", "PER", "لاوروف"),
            ("a", "GPE", "مسکو"),
            ("a", "MEETING", "دیدار"),
            ("b", "GPE", "موسكو"),
        ],
    );
    assert!(maryam.join("b.ann").exists());
    let reza = brat_collection(
        dir,
        "reza",
        &[
            ("a", "PER", "عراقچی"),
            ("a", "PER", "لاوروف"),
            ("a", "LOC", "مسکو"),
            ("a", "DOC", "برجام"),
        ],
    );
    for (name, folder) in [("maryam", &maryam), ("reza", &reza)] {
        let report = run_ok(&[
            "import",
            folder.to_str().unwrap(),
            "-o",
            project_arg,
            "--annotator",
            name,
        ]);
        assert!(report.contains("saved"), "{report}");
    }
    project
}

#[test]
fn pre_annotations_of_two_annotators_are_credited_and_kept_apart() {
    let dir = tempfile::tempdir().unwrap();
    let project = two_annotators(dir.path());
    let loaded = daftar::store::load(&project).unwrap();
    let a = loaded.document_by_path("a.txt").unwrap();
    let authors_of = |words: &str| -> Vec<&str> {
        let (start, end) = at(ARTICLE_A, words);
        a.spans
            .iter()
            .filter(|s| s.start == start && s.end == end)
            .map(|s| s.author.as_str())
            .collect()
    };
    assert_eq!(
        authors_of("عراقچی"),
        ["maryam", "reza"],
        "the same span by two people is two spans"
    );
    let stats = run_ok(&["stats", project.to_str().unwrap()]);
    assert!(
        stats.contains("  maryam: assigned 0, documents 2, spans 5,"),
        "{stats}"
    );
    assert!(
        stats.contains("  reza: assigned 0, documents 1, spans 4,"),
        "{stats}"
    );
    // Importing the same collection again adds nothing.
    let again = run_ok(&[
        "import",
        dir.path().join("reza").to_str().unwrap(),
        "-o",
        project.to_str().unwrap(),
        "--annotator",
        "reza",
    ]);
    assert_eq!(
        daftar::store::load(&project).unwrap().span_count(),
        9,
        "{again}"
    );
}

#[test]
fn agreement_json_reports_each_pair_per_label_with_counts() {
    let dir = tempfile::tempdir().unwrap();
    let project = two_annotators(dir.path());
    let json: Value =
        serde_json::from_str(&run_ok(&["agreement", project.to_str().unwrap(), "--json"])).unwrap();
    assert_eq!(json["annotators"], serde_json::json!(["maryam", "reza"]));
    let pair = &json["pairs"][0];
    assert_eq!(pair["annotators"], serde_json::json!(["maryam", "reza"]));
    assert_eq!(pair["documents"], 1, "only a.txt has both");
    let tokens = daftar::text::tokenize(ARTICLE_A).len();
    assert_eq!(pair["tokens"], tokens);
    let per = &pair["labels"]["PER"];
    assert_eq!(per["f1_exact"], 1.0);
    assert_eq!(per["f1_overlap"], 1.0);
    assert_eq!(per["cohen_kappa"], 1.0);
    assert_eq!(
        per["unitizing_alpha"], 1.0,
        "the same people, to the character"
    );
    assert_eq!(pair["labels"]["GPE"]["f1_exact"], 0.0, "reza said LOC");
    let gpe = pair["labels"]["GPE"]["unitizing_alpha"].as_f64().unwrap();
    assert!(gpe < 0.5, "only maryam marked a GPE: {gpe}");
    assert_eq!(pair["labels"]["GPE"]["spans"], serde_json::json!([1, 0]));
    // Overall: 2 exact matches (the two people) of 4 + 4 spans.
    assert_eq!(pair["overall"]["f1_exact"], 0.5);
    let kappa = pair["overall"]["cohen_kappa"].as_f64().unwrap();
    assert!(kappa > 0.3 && kappa < 0.9, "{kappa}");
    assert_eq!(pair["per_document"][0]["document"], "a.txt");
    assert!(json["fleiss"].is_null(), "two annotators");

    let table = run_ok(&["agreement", project.to_str().unwrap()]);
    assert!(
        table.starts_with(&format!(
            "maryam (A) and reza (B): 1 documents, {tokens} tokens\n"
        )),
        "{table}"
    );
    assert!(
        table.contains("  PER                2       2     1.000      1.000   1.000   1.000\n"),
        "{table}"
    );
}

#[test]
fn annotator_on_a_folder_of_articles_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("a.txt"), ARTICLE_A).unwrap();
    let project = dir.path().join("p.daftar.ron");
    let output = daftar(&[
        "import",
        articles.to_str().unwrap(),
        "-o",
        project.to_str().unwrap(),
        "--annotator",
        "maryam",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!project.exists(), "nothing written");
}

#[test]
fn a_second_collection_with_another_text_is_named_and_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let project = two_annotators(dir.path());
    let other = dir.path().join("other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("a.txt"), "متن دیگری").unwrap();
    std::fs::write(other.join("a.ann"), "T1\tPER 0 3\tمتن\n").unwrap();
    let output = daftar(&[
        "import",
        other.to_str().unwrap(),
        "-o",
        project.to_str().unwrap(),
        "--annotator",
        "sara",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("a.txt: its text is not the text of the project's article"),
        "{}",
        stdout(&output)
    );
    let after = daftar::store::load(&project).unwrap();
    assert_eq!(after.span_count(), 9);
}

/// Runs git in `dir` as a test user, and returns its output; fails the test if git fails.
fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "test")
        .env("GIT_AUTHOR_EMAIL", "test@localhost")
        .env("GIT_COMMITTER_NAME", "test")
        .env("GIT_COMMITTER_EMAIL", "test@localhost")
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout(&output)
}

/// `daftar sync` of a clone's project as `name`: its report and exit status.
fn sync(clone: &Path, name: &str) -> (String, Option<i32>) {
    let output = daftar(&[
        "sync",
        clone.join("team.daftar").to_str().unwrap(),
        "--annotator",
        name,
    ]);
    let report = format!(
        "{}{}",
        stdout(&output),
        String::from_utf8_lossy(&output.stderr)
    );
    (report, output.status.code())
}

/// A team repository: a bare `origin.git` holding the articles and a project folder of them,
/// and a clone of it per person named.
fn team_repository(dir: &Path, people: &[&str]) -> Vec<PathBuf> {
    git(
        dir,
        &["init", "--quiet", "--bare", "-b", "main", "origin.git"],
    );
    let setup = dir.join("setup");
    std::fs::create_dir_all(setup.join("articles")).unwrap();
    std::fs::write(setup.join("articles/a.txt"), ARTICLE_A).unwrap();
    std::fs::write(setup.join("articles/b.txt"), ARTICLE_B).unwrap();
    run_ok(&[
        "import",
        setup.join("articles").to_str().unwrap(),
        "-o",
        setup.join("team.daftar").to_str().unwrap(),
    ]);
    git(&setup, &["init", "--quiet", "-b", "main"]);
    git(&setup, &["add", "--all"]);
    git(
        &setup,
        &["commit", "--quiet", "-m", "articles and their project"],
    );
    git(&setup, &["remote", "add", "origin", "../origin.git"]);
    git(&setup, &["push", "--quiet", "-u", "origin", "main"]);
    people
        .iter()
        .map(|name| {
            git(dir, &["clone", "--quiet", "origin.git", name]);
            dir.join(name)
        })
        .collect()
}

/// Imports brat pre-annotations into a clone's project, credited to `name`.
fn annotate(clone: &Path, name: &str, spans: &[(&str, &str, &str)]) {
    let collection = brat_collection(clone.parent().unwrap(), &format!("{name}-brat"), spans);
    run_ok(&[
        "import",
        collection.to_str().unwrap(),
        "-o",
        clone.join("team.daftar").to_str().unwrap(),
        "--annotator",
        name,
    ]);
}

#[test]
fn two_clones_annotate_and_sync_through_git_without_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let clones = team_repository(dir.path(), &["maryam", "reza"]);
    let (maryam, reza) = (&clones[0], &clones[1]);
    // Different documents.
    annotate(
        maryam,
        "maryam",
        &[("a", "PER", "عراقچی"), ("a", "GPE", "مسکو")],
    );
    annotate(reza, "reza", &[("b", "GPE", "موسكو")]);
    let (report, code) = sync(maryam, "maryam");
    assert_eq!(code, Some(0), "{report}");
    assert!(
        report.contains("committed: Daftar: maryam changed 1 document"),
        "{report}"
    );
    assert!(report.contains("pushed"), "{report}");
    let (report, code) = sync(reza, "reza");
    assert_eq!(code, Some(0), "{report}");
    assert!(report.contains("merged the others' work"), "{report}");
    let (report, code) = sync(maryam, "maryam");
    assert_eq!(code, Some(0), "{report}");
    for clone in [maryam, reza] {
        let project = daftar::store::load(&clone.join("team.daftar")).unwrap();
        let authors: Vec<(&str, &str)> = project
            .documents
            .iter()
            .flat_map(|d| d.spans.iter().map(|s| (d.path.as_str(), s.author.as_str())))
            .collect();
        assert_eq!(
            authors,
            [("a.txt", "maryam"), ("a.txt", "maryam"), ("b.txt", "reza")],
            "{}",
            clone.display()
        );
        let check = daftar(&["check", clone.join("team.daftar").to_str().unwrap()]);
        assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
        assert!(
            git(clone, &["status", "--porcelain"]).is_empty(),
            "all committed"
        );
    }

    // The same document: both annotations kept, their disagreement measured.
    annotate(
        maryam,
        "maryam",
        &[("b", "LOC", "موسكو"), ("b", "GPE", "الإيراني")],
    );
    let (report, code) = sync(maryam, "maryam");
    assert_eq!(code, Some(0), "{report}");
    let (report, code) = sync(reza, "reza");
    assert_eq!(code, Some(0), "{report}");
    let json: Value = serde_json::from_str(&run_ok(&[
        "agreement",
        reza.join("team.daftar").to_str().unwrap(),
        "--json",
    ]))
    .unwrap();
    let pairs = json["pairs"].as_array().unwrap();
    let pair = pairs
        .iter()
        .find(|p| {
            p["per_document"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["document"] == "b.txt")
        })
        .unwrap_or_else(|| panic!("{json}"));
    assert_eq!(pair["annotators"], serde_json::json!(["maryam", "reza"]));
    assert_eq!(
        pair["overall"]["f1_exact"], 0.0,
        "LOC against GPE, and a span reza has not"
    );
    assert_eq!(pair["labels"]["GPE"]["spans"], serde_json::json!([1, 1]));
}

#[test]
fn a_true_conflict_is_named_and_the_merge_undone() {
    let dir = tempfile::tempdir().unwrap();
    let clones = team_repository(dir.path(), &["maryam", "reza"]);
    // One hands the document over, the other sends it back (two notes would both be kept;
    // two statuses cannot be).
    use daftar::model::DocStatus;
    for (clone, status, note) in [
        (&clones[0], DocStatus::ReadyForReview, "از نظر من"),
        (&clones[1], DocStatus::NeedsChanges, "به نظر من"),
    ] {
        let path = clone.join("team.daftar");
        let (mut file, mut project) = daftar::store::ProjectFile::open(&path).unwrap();
        let id = project.document_by_path("a.txt").unwrap().id;
        let document = project.document_mut(id).unwrap();
        document.status = status;
        document.note = note.to_string();
        file.save(&project).unwrap();
    }
    let (report, code) = sync(&clones[0], "maryam");
    assert_eq!(code, Some(0), "{report}");
    let (report, code) = sync(&clones[1], "reza");
    assert_eq!(code, Some(1), "{report}");
    assert!(
        report.contains("a.txt: its status, note or labels: documents/"),
        "{report}"
    );
    assert!(report.contains("nothing was lost"), "{report}");
    // Reza's work is committed, the folder loads (no conflict markers), and holds his work.
    assert!(git(&clones[1], &["status", "--porcelain"]).is_empty());
    let project = daftar::store::load(&clones[1].join("team.daftar")).unwrap();
    let document = project.document_by_path("a.txt").unwrap();
    assert_eq!(document.note, "به نظر من");
    assert_eq!(document.status, DocStatus::NeedsChanges);
}

#[test]
fn sync_outside_a_repository_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("articles")).unwrap();
    std::fs::write(dir.path().join("articles/a.txt"), ARTICLE_A).unwrap();
    let project = dir.path().join("p.daftar");
    run_ok(&[
        "import",
        dir.path().join("articles").to_str().unwrap(),
        "-o",
        project.to_str().unwrap(),
    ]);
    let output = daftar(&["sync", project.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("not in a git repository"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn assign_gives_documents_out_and_stats_count_them() {
    let dir = tempfile::tempdir().unwrap();
    let project = two_annotators(dir.path());
    let project = project.to_str().unwrap();
    let out = run_ok(&[
        "assign",
        project,
        "--annotators",
        "maryam, reza",
        "--mode",
        "double",
    ]);
    assert_eq!(out, "maryam: 2 documents\nreza: 2 documents\n");
    let stats = run_ok(&["stats", project]);
    assert!(
        stats.contains("  maryam: assigned 2, documents 2,"),
        "{stats}"
    );
    let none_left = daftar(&["assign", project, "--annotators", "sara", "--unassigned"]);
    assert_eq!(
        none_left.status.code(),
        Some(2),
        "every document has people already"
    );
    assert!(String::from_utf8_lossy(&none_left.stderr).contains("no documents to assign"));
    let wrong = daftar(&["assign", project, "--annotators", "sara", "--mode", "pairs"]);
    assert_eq!(wrong.status.code(), Some(2));
}

/// Changes the first span of `author` on a.txt in a clone's project, through the core.
fn change_first_span(clone: &Path, author: &str, change: impl FnOnce(&mut daftar::model::Span)) {
    let path = clone.join("team.daftar");
    let (mut file, mut project) = daftar::store::ProjectFile::open(&path).unwrap();
    let id = project.document_by_path("a.txt").unwrap().id;
    let document = project.document_mut(id).unwrap();
    let span = document
        .spans
        .iter_mut()
        .find(|s| s.author == author)
        .unwrap();
    change(span);
    file.save(&project).unwrap();
}

#[test]
fn a_decision_and_a_relabel_of_one_span_merge_and_two_relabels_become_a_disagreement() {
    let dir = tempfile::tempdir().unwrap();
    let clones = team_repository(dir.path(), &["maryam", "sara"]);
    let (maryam, sara) = (&clones[0], &clones[1]);
    annotate(
        maryam,
        "maryam",
        &[("a", "PER", "عراقچی"), ("a", "GPE", "مسکو")],
    );
    let (report, code) = sync(maryam, "maryam");
    assert_eq!(code, Some(0), "{report}");
    let (report, code) = sync(sara, "sara");
    assert_eq!(code, Some(0), "{report}");
    // The reviewer accepts maryam's first span while maryam relabels it: the same line.
    change_first_span(sara, "maryam", |span| {
        span.review.state = daftar::model::ReviewState::Accepted;
        span.review.reviewer = "sara".into();
    });
    change_first_span(maryam, "maryam", |span| span.label = "TITLE".into());
    let (report, code) = sync(sara, "sara");
    assert_eq!(code, Some(0), "{report}");
    let (report, code) = sync(maryam, "maryam");
    assert_eq!(
        code,
        Some(0),
        "merged by Daftar's driver, not a conflict: {report}"
    );
    assert!(report.contains("merged the others' work"), "{report}");
    let project = daftar::store::load(&maryam.join("team.daftar")).unwrap();
    let first = &project.document_by_path("a.txt").unwrap().spans[0];
    assert_eq!(first.label, "TITLE");
    assert_eq!(first.review.state, daftar::model::ReviewState::Accepted);
    assert_eq!(first.review.reviewer, "sara");

    // Both relabel the same span differently: both kept, a disagreement to curate.
    let (report, code) = sync(sara, "sara");
    assert_eq!(code, Some(0), "{report}");
    change_first_span(sara, "maryam", |span| span.label = "ORG".into());
    change_first_span(maryam, "maryam", |span| span.label = "PER".into());
    assert_eq!(sync(sara, "sara").1, Some(0));
    let (report, code) = sync(maryam, "maryam");
    assert_eq!(code, Some(0), "{report}");
    let project = daftar::store::load(&maryam.join("team.daftar")).unwrap();
    let document = project.document_by_path("a.txt").unwrap();
    let mut labels: Vec<(&str, &str)> = document
        .spans
        .iter()
        .filter(|s| s.start == 0)
        .map(|s| (s.author.as_str(), s.label.as_str()))
        .collect();
    // Their order follows the ids, which are each session's own.
    labels.sort();
    assert_eq!(labels, [("maryam", "PER"), ("maryam (other copy)", "ORG")]);
    let clusters = daftar::edit::curation::clusters(document);
    assert!(!clusters[0].agreed, "shown as a disagreement in curation");
    let check = daftar(&["check", maryam.join("team.daftar").to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
}
