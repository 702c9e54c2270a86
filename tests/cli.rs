//! The command line on temporary folders: exact report lines and exit codes.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn daftar(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_daftar"))
        .args(args)
        .output()
        .expect("daftar runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

const PERSIAN: &str =
    "جلسه شورای وزیران خارجه کشورهای عضو سازمان همکاری شانگهای در دوشنبه برگزار شد.";

/// A folder with one article of each kind the importer must handle.
fn mixed_folder(dir: &Path) -> std::path::PathBuf {
    let folder = dir.join("articles");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("utf8.txt"), PERSIAN).unwrap();
    // windows-1256 has no Farsi yeh: old files use the Arabic one.
    let legacy = PERSIAN.replace('\u{06CC}', "\u{064A}");
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1256.encode(&legacy);
    assert!(!lossy);
    std::fs::write(folder.join("legacy-1256.txt"), &bytes).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(PERSIAN.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(folder.join("utf16-bom.txt"), utf16).unwrap();
    std::fs::write(folder.join("empty.txt"), b"").unwrap();
    std::fs::write(
        folder.join("binary.txt"),
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
    )
    .unwrap();
    let mut damaged = PERSIAN.as_bytes().to_vec();
    damaged.insert(PERSIAN.find(' ').unwrap(), 0xC0);
    std::fs::write(folder.join("damaged.txt"), damaged).unwrap();
    std::fs::write(folder.join("photo.jpg"), b"\xFF\xD8\xFF").unwrap();
    folder
}

#[test]
fn import_reports_every_file_that_needs_attention() {
    let dir = tempfile::tempdir().unwrap();
    let folder = mixed_folder(dir.path());
    let project = dir.path().join("articles.daftar.ron");
    let output = daftar(&[
        "import",
        folder.to_str().unwrap(),
        "-o",
        project.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = stdout(&output);
    let lines: Vec<&str> = report.lines().collect();
    let expected = [
        "binary.txt: skipped: binary file (it contains NUL or control bytes; UTF-16 needs a byte order mark)",
        "damaged.txt: skipped: invalid UTF-8 at byte 8 (the file looks damaged)",
        "empty.txt: skipped: empty file",
        "legacy-1256.txt: warning: decoded from windows-1256 (detected), not UTF-8",
        "utf16-bom.txt: warning: decoded from UTF-16LE (byte order mark), not UTF-8",
        "3 added, 0 unchanged, 0 changed, 0 missing, 3 skipped, 2 with warnings, 1 other files ignored",
    ];
    assert_eq!(lines[..expected.len()], expected, "{report}");
    assert!(lines[expected.len()].starts_with("saved "));

    let saved = daftar::store::load(&project).unwrap();
    let paths: Vec<_> = saved.documents.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, ["legacy-1256.txt", "utf16-bom.txt", "utf8.txt"]);
    // All three decode to the same Persian sentence (the legacy one with Arabic yeh).
    assert_eq!(
        saved.documents[1].fingerprint,
        saved.documents[2].fingerprint
    );
    assert_eq!(saved.documents[0].encoding, "windows-1256");
    assert_eq!(saved.documents[1].encoding, "UTF-16LE");

    let check = daftar(&["check", project.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    assert!(stdout(&check).starts_with("ok: 3 documents"));
}

#[test]
fn reimport_reports_added_changed_and_missing() {
    let dir = tempfile::tempdir().unwrap();
    let folder = mixed_folder(dir.path());
    let project = dir.path().join("p.daftar.ron");
    let args = [
        "import",
        folder.to_str().unwrap(),
        "-o",
        project.to_str().unwrap(),
    ];
    assert!(daftar(&args).status.success());
    std::fs::write(folder.join("utf8.txt"), format!("{PERSIAN} (ویرایش شده)")).unwrap();
    std::fs::remove_file(folder.join("utf16-bom.txt")).unwrap();
    std::fs::write(folder.join("new.md"), "نشست تازه").unwrap();
    let output = daftar(&args);
    assert!(output.status.success());
    let report = stdout(&output);
    assert!(
        report
            .contains("utf8.txt: changed on disk since it was imported: its annotations are kept"),
        "{report}"
    );
    assert!(
        report.contains("utf16-bom.txt: missing: its annotations are kept"),
        "{report}"
    );
    assert!(
        report.contains("1 added, 1 unchanged, 1 changed, 1 missing"),
        "{report}"
    );
}

#[test]
fn check_fails_on_an_article_changed_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, project) = common::annotated_sample(dir.path());

    let ok = daftar(&["check", project.to_str().unwrap()]);
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));

    let article = corpus.join(common::PERSIAN_ECO);
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(&article, text.replacen("چهارمین", "پنجمین", 1)).unwrap();
    let failed = daftar(&["check", project.to_str().unwrap()]);
    assert_eq!(failed.status.code(), Some(1));
    let out = stdout(&failed);
    assert!(
        out.contains(&format!(
            "article changed on disk since it was annotated (7 spans to re-anchor): {}",
            common::PERSIAN_ECO
        )),
        "{out}"
    );
    std::fs::remove_file(corpus.join(common::ARABIC_ECO)).unwrap();
    let out = stdout(&daftar(&["check", project.to_str().unwrap()]));
    assert!(
        out.contains(&format!("article is missing: {}", common::ARABIC_ECO)),
        "{out}"
    );
}

#[test]
fn a_malformed_project_is_reported_with_line_and_column_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = common::copy_sample(dir.path());
    let project = dir.path().join("sample.daftar.ron");
    drop(daftar::open::import_into(&project, &corpus, Default::default()).unwrap());
    let mut text = std::fs::read_to_string(&project).unwrap();
    // Break line 4: drop the comma after the corpus field.
    text = text.replacen("corpus: \"sample\",", "corpus: \"sample\"", 1);
    std::fs::write(&project, &text).unwrap();
    let before = std::fs::read(&project).unwrap();

    for args in [
        vec!["check", project.to_str().unwrap()],
        vec!["stats", project.to_str().unwrap()],
        vec![
            "import",
            corpus.to_str().unwrap(),
            "-o",
            project.to_str().unwrap(),
        ],
    ] {
        let output = daftar(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let error = stderr(&output);
        assert!(
            error.starts_with("daftar: the project file is malformed at line 5, column 3:"),
            "{args:?}: {error}"
        );
        assert!(
            error.trim_end().ends_with("sample.daftar.ron"),
            "path last: {error}"
        );
        assert!(!error.contains("backtrace"), "{error}");
        assert_eq!(
            std::fs::read(&project).unwrap(),
            before,
            "{args:?} left the file as it was"
        );
    }
}

#[test]
fn stats_counts_statuses_labels_and_records() {
    let dir = tempfile::tempdir().unwrap();
    let (_, project) = common::annotated_sample(dir.path());
    let output = daftar(&["stats", project.to_str().unwrap()]);
    assert!(output.status.success());
    assert_eq!(
        stdout(&output),
        "project: sample\ndocuments: 5\n  new: 5\n  in progress: 0\n  ready for review: 0\n  reviewed: 0\n  needs changes: 0\n\
         spans: 8\n  PER: 2\n  ORG: 1\n  GPE: 2\n  ORDINAL: 1\n  MEETING: 1\n  OUTCOME: 1\n\
         entities: 4\nmeetings: 1\noutcomes: 2\n\
         by annotator:\n  annotator: assigned 0, documents 2, spans 8, meetings 1, outcomes 2, review decisions 0\n"
    );
}

#[test]
fn errors_name_the_file_last() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.daftar.ron");
    let output = daftar(&["check", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let error = stderr(&output);
    assert!(
        error.starts_with("daftar: cannot read the project file"),
        "{error}"
    );
    assert!(error.trim_end().ends_with("nope.daftar.ron"), "{error}");

    let output = daftar(&[
        "import",
        missing.to_str().unwrap(),
        "-o",
        dir.path().join("x.ron").to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("not a folder"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn import_with_a_named_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("old");
    std::fs::create_dir_all(&folder).unwrap();
    let legacy = PERSIAN.replace('\u{06CC}', "\u{064A}");
    std::fs::write(
        folder.join("a.txt"),
        encoding_rs::WINDOWS_1256.encode(&legacy).0,
    )
    .unwrap();
    let project = dir.path().join("old.daftar.ron");
    let output = daftar(&[
        "import",
        folder.to_str().unwrap(),
        "-o",
        project.to_str().unwrap(),
        "--encoding",
        "cp1256",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("a.txt: warning: decoded from windows-1256 (as told), not UTF-8")
    );
    let bad = daftar(&[
        "import",
        folder.to_str().unwrap(),
        "-o",
        project.to_str().unwrap(),
        "--encoding",
        "klingon",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("unknown encoding \"klingon\""));
}

#[test]
fn layout_json_counts_the_characters_no_font_can_draw() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tweet.txt");
    // Emoji, a flag, subscripts, mathematical letters and a tab: all drawn; one CJK ideograph not.
    std::fs::write(&file, "توییت 😀 🇮🇷 H₂O 𝐀𝐁 ✓\tپایان 中").unwrap();
    let output = daftar(&["layout", file.to_str().unwrap(), "--width", "300", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["missing_glyphs"], 1);
    let text = std::fs::read_to_string(&file).unwrap();
    let marked: Vec<&str> = json["lines"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|l| l["clusters"].as_array().unwrap().iter())
        .filter(|c| c["missing"] == true)
        .map(|c| &text[c["s"].as_u64().unwrap() as usize..c["e"].as_u64().unwrap() as usize])
        .collect();
    assert_eq!(marked, ["中"]);
}

#[test]
fn layout_json_describes_every_line_in_visual_order() {
    let file = common::repo_path("assets/sample/004_ead77181adac0951.txt");
    let output = daftar(&["layout", file.to_str().unwrap(), "--width", "500", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json = stdout(&output);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        json.starts_with(&format!(
            "{{\"text_bytes\": {}, \"missing_glyphs\": 0, \"lines\": [{{\"range\": [0, ",
            text.len()
        )),
        "{}",
        &json[..80]
    );
    // The first line is the Persian title: its first cluster on screen (leftmost) is its last
    // word, and clusters run left to right.
    let first_line = json.split("]}").next().unwrap();
    let xs: Vec<f32> = first_line
        .split("\"x\": ")
        .skip(1)
        .map(|rest| rest.split(',').next().unwrap().parse().unwrap())
        .collect();
    assert!(xs.windows(2).all(|w| w[0] <= w[1]), "{xs:?}");
    assert!(first_line.contains("\"rtl\": true"));
    assert_eq!(
        json.matches("\"range\"").count(),
        json.matches("]}").count() - 1
    );
}

#[test]
fn check_reports_meetings_missing_required_fields_and_outcomes_without_a_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let (_, project) = common::annotated_sample(dir.path());
    let (mut file, mut loaded) = daftar::store::ProjectFile::open(&project).unwrap();
    loaded.meetings[0].organization = None;
    loaded.outcomes[1].meeting = None;
    file.save(&loaded).unwrap();
    drop(file);
    let output = daftar(&["check", project.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    let meeting = loaded.meetings[0].id;
    let outcome = loaded.outcomes[1].id;
    assert!(
        out.contains(&format!("meeting {meeting} has no organization (required)")),
        "{out}"
    );
    assert!(
        out.contains(&format!("outcome {outcome} belongs to no meeting")),
        "{out}"
    );
}

/// The bundled sample (corpus and annotated project) copied into `dir`.
fn sample_in(dir: &Path) -> std::path::PathBuf {
    common::copy_sample(dir);
    let project = dir.join("sample.daftar.ron");
    std::fs::copy(common::repo_path("assets/sample.daftar.ron"), &project).unwrap();
    project
}

#[test]
fn export_writes_reviewed_work_and_refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    let project = sample_in(dir.path());
    let out = dir.path().join("out");
    let p = project.to_str().unwrap();
    let o = out.to_str().unwrap();
    let output = daftar(&["export", p, "--format", "csv", "--out", o]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!("1 documents, 35 spans, 2 meetings, 8 outcomes: 13 files (reviewed work) in {o}\n")
    );
    let meetings = std::fs::read_to_string(out.join("meetings.csv")).unwrap();
    assert!(meetings.starts_with("meeting_id,meeting_organization_id,"));
    assert!(out.join("datapackage.json").exists());

    // A second export into the same folder asks for --force.
    let again = daftar(&["export", p, "--format", "csv", "--out", o, "--all", "--bom"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("is not empty"),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        std::fs::read_to_string(out.join("meetings.csv")).unwrap(),
        meetings,
        "untouched"
    );
    let forced = daftar(&[
        "export", p, "--format", "csv", "--out", o, "--all", "--bom", "--force",
    ]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    let with_bom = std::fs::read_to_string(out.join("meetings.csv")).unwrap();
    assert!(with_bom.starts_with('\u{feff}'));
    assert_eq!(with_bom.lines().count(), 4, "three meetings with --all");

    // doccano drops overlapping spans unless told: the export says so.
    let doccano = dir.path().join("doccano");
    let output = daftar(&[
        "export",
        p,
        "--format",
        "doccano",
        "--out",
        doccano.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).starts_with("warning: doccano.jsonl holds ")
            && stderr(&output).contains("Allow overlapping spans"),
        "{}",
        stderr(&output)
    );
    assert!(doccano.join("doccano-README.txt").exists());

    let unknown = daftar(&["export", p, "--format", "xml", "--out", o]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown)
            .contains("one of jsonl, csv, doccano, label-studio, brat, conll, spacy, w3c")
    );
}

#[test]
fn import_reads_doccano_and_names_a_bad_line() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("doccano.jsonl");
    std::fs::write(
        &source,
        "{\"text\": \"اسکندر مومنی در تهران\", \"label\": [[0, 12, \"PER\"], [16, 21, \"GPE\"]]}\n[1, 2\n",
    )
    .unwrap();
    let project = dir.path().join("imported.daftar.ron");
    let output = daftar(&[
        "import",
        source.to_str().unwrap(),
        "-o",
        project.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("1 document with 2 pre-annotated spans (pending review)\n"),
        "{text}"
    );
    assert!(
        text.contains("not imported: doccano.jsonl line 2: not JSON"),
        "{text}"
    );
    assert!(dir.path().join("imported-corpus/record-00001.txt").exists());
    let check = daftar(&["check", project.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
}

/// `daftar` run in `dir`.
fn daftar_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_daftar"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("daftar runs")
}

#[test]
fn a_project_path_without_a_folder_part_works() {
    // `cd d && daftar import articles -o articles.daftar.ron` failed: "articles are in …, not in
    // articles", while `./articles.daftar.ron` worked.
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("a.txt"), PERSIAN).unwrap();
    let import = daftar_in(
        dir.path(),
        &["import", "articles", "-o", "articles.daftar.ron"],
    );
    assert_eq!(import.status.code(), Some(0), "{}", stderr(&import));
    let saved = std::fs::read_to_string(dir.path().join("articles.daftar.ron")).unwrap();
    assert!(saved.contains("corpus: \"articles\""), "{saved}");
    // Again, from the same place: the same project, updated.
    let again = daftar_in(
        dir.path(),
        &["import", "articles", "-o", "articles.daftar.ron"],
    );
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    let again = daftar_in(
        dir.path(),
        &["import", "./articles", "-o", "./articles.daftar.ron"],
    );
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    let check = daftar_in(dir.path(), &["check", "articles.daftar.ron"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let export = daftar_in(
        dir.path(),
        &[
            "export",
            "articles.daftar.ron",
            "--format",
            "jsonl",
            "--out",
            "out",
            "--all",
        ],
    );
    assert_eq!(export.status.code(), Some(0), "{}", stderr(&export));
    assert!(dir.path().join("out/daftar.jsonl").exists());
}

#[test]
fn check_passes_on_the_bundled_sample() {
    // A newcomer's first `daftar check` failed: the ECO meeting's date is in neither article.
    // It is recorded as not stated, and the check passes.
    let dir = tempfile::tempdir().unwrap();
    let project = sample_in(dir.path());
    let output = daftar(&["check", project.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(
        stdout(&output),
        "ok: 5 documents, 60 spans, 3 meetings, 12 outcomes\n"
    );
}

#[test]
fn a_misspelt_field_in_a_project_file_is_an_error_with_its_line() {
    // `hoct:` for `host:` was dropped without a word, and the value was gone at the next save.
    let dir = tempfile::tempdir().unwrap();
    let project = sample_in(dir.path());
    let text = std::fs::read_to_string(&project).unwrap();
    let misspelt = text.replacen("      host: Some((", "      hoct: Some((", 1);
    assert_ne!(misspelt, text);
    std::fs::write(&project, &misspelt).unwrap();
    let output = daftar(&["check", project.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let error = stderr(&output);
    assert!(error.contains("field named `hoct` in `Meeting`"), "{error}");
    assert!(error.contains("malformed at line"), "{error}");
    assert_eq!(
        std::fs::read_to_string(&project).unwrap(),
        misspelt,
        "untouched"
    );
}

#[test]
fn check_reports_ids_in_use_twice_and_a_counter_below_them_and_work_refuses_such_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let project = sample_in(dir.path());
    let text = std::fs::read_to_string(&project).unwrap();
    // The sample's counter, one above its highest id.
    let next: u64 = text
        .split("next_id: ")
        .nth(1)
        .and_then(|rest| rest.split(',').next())
        .and_then(|n| n.parse().ok())
        .expect("the sample has a counter");
    let broken = text.replacen(&format!("next_id: {next},"), "next_id: 12,", 1);
    assert_ne!(broken, text);
    std::fs::write(&project, &broken).unwrap();
    let output = daftar(&["check", project.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        stdout(&output).contains(&format!(
            "the next id (12) is not above the ids in use (up to {})",
            next - 1
        )),
        "{}",
        stdout(&output)
    );
    // Importing into it would hand out ids already in use (and panicked): refused, untouched.
    let corpus = dir.path().join("sample");
    let import = daftar(&[
        "import",
        corpus.to_str().unwrap(),
        "-o",
        project.to_str().unwrap(),
    ]);
    assert_eq!(import.status.code(), Some(2));
    assert!(
        stderr(&import).contains("not opened for work"),
        "{}",
        stderr(&import)
    );
    assert_eq!(std::fs::read_to_string(&project).unwrap(), broken);
}

#[test]
fn an_export_into_the_articles_folder_is_refused_and_the_articles_untouched() {
    // `export --format brat --out <corpus folder> --force` rewrote the source articles.
    let dir = tempfile::tempdir().unwrap();
    let project = sample_in(dir.path());
    let corpus = dir.path().join("sample");
    let before: Vec<(std::ffi::OsString, Vec<u8>)> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (e.file_name(), std::fs::read(e.path()).unwrap())
        })
        .collect();
    for out in [
        corpus.clone(),
        corpus.join("brat"),
        dir.path().join("./sample/../sample"),
    ] {
        let output = daftar(&[
            "export",
            project.to_str().unwrap(),
            "--format",
            "brat",
            "--out",
            out.to_str().unwrap(),
            "--force",
            "--all",
        ]);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        assert!(
            stderr(&output).contains("holds the project's articles"),
            "{}",
            stderr(&output)
        );
    }
    let after: Vec<(std::ffi::OsString, Vec<u8>)> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (e.file_name(), std::fs::read(e.path()).unwrap())
        })
        .collect();
    assert_eq!(after, before);
}

#[test]
fn records_lists_meetings_and_outcomes_filtered_like_the_records_table() {
    let dir = tempfile::tempdir().unwrap();
    let project = sample_in(dir.path());
    let p = project.to_str().unwrap();
    let rows = |args: &[&str]| -> Vec<serde_json::Value> {
        let mut all = vec!["records", p, "--json"];
        all.extend_from_slice(args);
        let output = daftar(&all);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stdout(&output)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let everything = rows(&[]);
    let meetings = rows(&["--kind", "meeting"]);
    assert_eq!(meetings.len(), 3);
    assert_eq!(
        everything.len(),
        meetings.len() + rows(&["--kind", "outcome"]).len()
    );
    // The ECO meeting in its Arabic spelling, with both articles that report it.
    let eco = rows(&["--kind", "meeting", "--text", "اكو"]);
    assert_eq!(eco.len(), 1);
    assert_eq!(
        eco[0]["documents"],
        serde_json::json!(["000_cc14a8d638cfba9c.txt", "001_fbc263693fc4a0ea.txt"])
    );
    // The SCO summit planned for September: found by its month; an outcome carries its meeting.
    let september = rows(&["--kind", "meeting", "--from", "2021-09", "--to", "2021-09"]);
    assert_eq!(september.len(), 1);
    assert_eq!(september[0]["realis"], "planned");
    let signed = rows(&["--kind", "outcome", "--status", "signed"]);
    assert!(!signed.is_empty());
    assert!(
        signed
            .iter()
            .all(|o| o["outcome_status"] == "signed" && o["meeting"] == "m7")
    );
    assert!(rows(&["--review", "rejected"]).is_empty());
    let bad = daftar(&["records", p, "--from", "July"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("is not a date"));
}

#[test]
fn suggest_adds_pending_gazetteer_spans_to_the_named_documents_and_refuses_an_unknown_one() {
    let dir = tempfile::tempdir().unwrap();
    let project = sample_in(dir.path());
    let p = project.to_str().unwrap();
    let spans_by = |author: &str| -> Vec<(String, daftar::model::Span)> {
        let loaded = daftar::store::load(&project).unwrap();
        loaded
            .documents
            .iter()
            .flat_map(|d| d.spans.iter().map(|s| (d.path.clone(), s.clone())))
            .filter(|(_, s)| s.author == author)
            .collect()
    };
    let unknown = daftar(&["suggest", p, "--document", "nope.txt"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("nope.txt"));
    assert!(
        spans_by(daftar::gazetteer::AUTHOR).is_empty(),
        "nothing written"
    );

    let output = daftar(&["suggest", p, "--document", "002_2da234dc36597399.txt"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("GPE:"), "{}", stdout(&output));
    let suggested = spans_by(daftar::gazetteer::AUTHOR);
    assert!(!suggested.is_empty());
    assert!(
        suggested
            .iter()
            .all(|(path, s)| path == "002_2da234dc36597399.txt"
                && s.review.state == daftar::model::ReviewState::Pending)
    );
    // Every document: the others get theirs; this one nothing twice.
    let again = daftar(&["suggest", p]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    let everywhere = spans_by(daftar::gazetteer::AUTHOR);
    let in_002 = |spans: &[(String, daftar::model::Span)]| {
        spans
            .iter()
            .filter(|(p, _)| p == "002_2da234dc36597399.txt")
            .count()
    };
    assert_eq!(in_002(&everywhere), in_002(&suggested));
    assert!(everywhere.len() > suggested.len());
}
