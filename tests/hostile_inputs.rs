//! Every reader hammered with damaged inputs: real project files and real import files (doccano,
//! Label Studio, brat) truncated, with bytes flipped, lines deleted, doubled or swapped, numbers
//! made extreme and enum variants unknown. Seeded and deterministic: the same cases every run.
//!
//! For each case: no panic; either a clear error or a load that checks, verifies and exports in
//! every format without panicking; and the input file exactly as it was.

mod common;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use daftar::app::{AppCommand, Session, TextSelection};
use daftar::interchange::import::SourceKind;
use daftar::interchange::{ExportOptions, ExportSet, Format, Scope};
use daftar::model::ReviewState;

/// xorshift64*: small, seeded, the same sequence everywhere.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const EXTREMES: [&str; 6] = [
    "0",
    "18446744073709551615",
    "18446744073709551616",
    "4294967296",
    "-1",
    "99999999999999999999999",
];

/// One damaged copy of `input`.
fn mutate(input: &str, random: &mut Random) -> Vec<u8> {
    let bytes = input.as_bytes();
    let lines: Vec<&str> = input.split_inclusive('\n').collect();
    match random.below(8) {
        // Cut anywhere, even inside a character.
        0 => bytes[..random.below(bytes.len())].to_vec(),
        // A byte flipped.
        1 => {
            let mut out = bytes.to_vec();
            let at = random.below(out.len());
            out[at] ^= 1 << random.below(8);
            out
        }
        // A line deleted, doubled, or two lines swapped.
        2 => {
            let mut out = lines.clone();
            out.remove(random.below(out.len()));
            out.concat().into_bytes()
        }
        3 => {
            let mut out = lines.clone();
            let at = random.below(out.len());
            out.insert(at, lines[at]);
            out.concat().into_bytes()
        }
        4 => {
            let mut out = lines.clone();
            let (a, b) = (random.below(out.len()), random.below(out.len()));
            out.swap(a, b);
            out.concat().into_bytes()
        }
        // A number made extreme.
        5 | 6 => {
            let numbers: Vec<(usize, usize)> = number_positions(input);
            if numbers.is_empty() {
                return bytes.to_vec();
            }
            let (start, end) = numbers[random.below(numbers.len())];
            let extreme = EXTREMES[random.below(EXTREMES.len())];
            format!("{}{extreme}{}", &input[..start], &input[end..]).into_bytes()
        }
        // An enum variant or key no reader knows.
        _ => {
            let known = [
                "InProgress",
                "Reviewed",
                "Held",
                "Pending",
                "Accepted",
                "Gregorian",
                "\"labels\"",
                "\"start\"",
                "\"PER\"",
            ];
            let word = known[random.below(known.len())];
            input.replacen(word, "Bogus", 1).into_bytes()
        }
    }
}

/// Where the numbers of `text` are (runs of ASCII digits).
fn number_positions(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                found.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    found
}

/// Runs `case`; a panic fails the test naming the case.
fn no_panic(what: &str, case: impl FnOnce()) {
    if catch_unwind(AssertUnwindSafe(case)).is_err() {
        panic!("{what} panicked");
    }
}

/// Everything a loaded project goes through: the integrity and article checks, and an export
/// in every format of everything in it.
fn exercise(project: &daftar::model::Project, corpus: &Path) {
    let _ = daftar::model::integrity::breaches(project);
    let _ = daftar::corpus::verify(project, corpus);
    if let Ok(set) = ExportSet::from_corpus(project, Scope::All, corpus) {
        for format in Format::ALL {
            let _ = format.files(&set, ExportOptions { for_excel: true });
        }
    }
}

/// What an analyst does in every document of a session (refusals are fine, panics are not).
fn work_on(mut session: Session) {
    let documents: Vec<_> = session.project().documents.iter().map(|d| d.id).collect();
    for doc in documents {
        let _ = session.apply(AppCommand::OpenDocument(doc));
        let length = session.article().and_then(|a| a.text()).map_or(0, str::len);
        let selection = TextSelection {
            anchor: 0,
            focus: length.min(40),
        };
        for command in [
            AppCommand::NextSpan,
            AppCommand::ApplyLabel("GPE".into()),
            AppCommand::Select {
                selection,
                span: None,
            },
            AppCommand::ApplyLabel("PER".into()),
            AppCommand::NewMeeting,
            AppCommand::NextReviewItem,
            AppCommand::Decide {
                state: ReviewState::Rejected,
                comment: "x".into(),
            },
            AppCommand::Undo,
            AppCommand::Redo,
            AppCommand::Reanchor,
        ] {
            let _ = session.apply(command);
        }
    }
}

#[test]
fn damaged_project_files_load_or_are_refused_clearly_and_are_never_touched() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = common::copy_sample(dir.path());
    let original = std::fs::read_to_string(common::repo_path("assets/sample.daftar.ron")).unwrap();
    let path = dir.path().join("sample.daftar.ron");
    let mut random = Random(0x00DA_F7A2);
    let (mut loaded, mut refused) = (0, 0);
    for case in 0..1500 {
        let damaged = mutate(&original, &mut random);
        std::fs::write(&path, &damaged).unwrap();
        no_panic(&format!("project case {case}"), || {
            match daftar::store::load(&path) {
                Ok(project) => {
                    loaded += 1;
                    exercise(&project, &corpus);
                }
                Err(error) => {
                    refused += 1;
                    let message = error.to_string();
                    assert!(message.ends_with(&path.display().to_string()), "{message}");
                    assert!(!message.contains("recursion_limit"), "{message}");
                }
            }
            // Opened for work (locked, strictly), and worked on without saving: no panic, and
            // nothing written.
            if let Ok((file, project)) = daftar::store::ProjectFile::open(&path) {
                work_on(Session::new(file, project, corpus.clone()));
            }
        });
        assert_eq!(
            std::fs::read(&path).unwrap(),
            damaged,
            "case {case}: the file was changed"
        );
    }
    // Both outcomes happen: the cases are not all trivially broken or all harmless.
    assert!(
        loaded > 100 && refused > 100,
        "{loaded} loaded, {refused} refused"
    );
}

/// Every file under `folder`, with its contents, sorted.
fn files_under(folder: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![folder.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                files.push((path, bytes));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn damaged_project_folders_load_or_are_refused_naming_the_file_and_are_never_touched() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = common::copy_sample(dir.path());
    let one_file = dir.path().join("sample.daftar.ron");
    std::fs::copy(common::repo_path("assets/sample.daftar.ron"), &one_file).unwrap();
    let pristine = dir.path().join("pristine.daftar");
    daftar::store::migrate(&one_file, &pristine).unwrap();
    let originals: Vec<(std::path::PathBuf, String)> = files_under(&pristine)
        .into_iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "ron"))
        .map(|(p, bytes)| {
            (
                p.strip_prefix(&pristine).unwrap().to_path_buf(),
                String::from_utf8(bytes).unwrap(),
            )
        })
        .collect();
    let folder = dir.path().join("sample.daftar");
    let mut random = Random(0x0F01_DE25);
    let (mut loaded, mut refused) = (0, 0);
    for case in 0..400 {
        let _ = std::fs::remove_dir_all(&folder);
        for (relative, text) in &originals {
            let path = folder.join(relative);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let (relative, text) = &originals[random.below(originals.len())];
        let damaged_path = folder.join(relative);
        if random.below(10) == 0 {
            // What a bad merge leaves: one document's spans file copied as another's.
            let spans_files: Vec<&std::path::PathBuf> = originals
                .iter()
                .map(|(p, _)| p)
                .filter(|p| {
                    p.starts_with("documents")
                        && p.file_name()
                            .unwrap()
                            .to_string_lossy()
                            .matches('.')
                            .count()
                            == 2
                })
                .collect();
            let other = spans_files[random.below(spans_files.len())];
            let author = other.file_name().unwrap().to_string_lossy().into_owned();
            let author = author.split_once('.').unwrap().1;
            let target = folder.join("documents").join(format!("d3.{author}"));
            std::fs::copy(folder.join(other), target).unwrap();
        } else {
            std::fs::write(&damaged_path, mutate(text, &mut random)).unwrap();
        }
        let before = files_under(&folder);
        no_panic(
            &format!("folder case {case} ({})", relative.display()),
            || {
                match daftar::store::load(&folder) {
                    Ok(project) => {
                        loaded += 1;
                        exercise(&project, &corpus);
                    }
                    Err(error) => {
                        refused += 1;
                        let message = error.to_string();
                        assert!(message.contains(&folder.display().to_string()), "{message}");
                    }
                }
                if let Ok((file, project)) = daftar::store::ProjectFile::open(&folder) {
                    work_on(Session::new(file, project, corpus.clone()));
                }
            },
        );
        assert_eq!(
            files_under(&folder),
            before,
            "case {case}: the folder was changed"
        );
    }
    assert!(
        loaded > 50 && refused > 50,
        "{loaded} loaded, {refused} refused"
    );
}

/// Import files made from the sample by Daftar's own exports.
fn sample_exports(dir: &Path) -> Vec<(SourceKind, String, &'static str)> {
    let project = daftar::store::from_ron(daftar::sample::PROJECT, Path::new("s")).unwrap();
    let corpus = common::copy_sample(&dir.join("source"));
    let set = ExportSet::from_corpus(&project, Scope::All, &corpus).unwrap();
    let text = |format: Format, name: &str| {
        let files = format.files(&set, ExportOptions::default());
        let file = files.into_iter().find(|f| f.name == name).unwrap();
        String::from_utf8(file.bytes).unwrap()
    };
    vec![
        (
            SourceKind::Doccano,
            text(Format::Doccano, "doccano.jsonl"),
            "data.jsonl",
        ),
        (
            SourceKind::LabelStudio,
            text(Format::LabelStudio, "label-studio.json"),
            "tasks.json",
        ),
        (
            SourceKind::Brat,
            text(Format::Brat, "000_cc14a8d638cfba9c.ann"),
            "a.ann",
        ),
    ]
}

#[test]
fn damaged_import_files_import_what_is_sound_or_are_refused_and_are_never_touched() {
    let dir = tempfile::tempdir().unwrap();
    let sources = sample_exports(dir.path());
    let article = daftar::sample::ARTICLES[0].1;
    let mut random = Random(0x1AB5_7D10);
    let mut imported = 0;
    for case in 0..360 {
        let (kind, original, name) = &sources[case % sources.len()];
        let damaged = mutate(original, &mut random);
        let folder = dir.path().join(format!("case-{case}"));
        std::fs::create_dir(&folder).unwrap();
        let source = match kind {
            SourceKind::Brat => {
                std::fs::write(folder.join("a.txt"), article).unwrap();
                std::fs::write(folder.join(name), &damaged).unwrap();
                folder.clone()
            }
            _ => {
                std::fs::write(folder.join(name), &damaged).unwrap();
                folder.join(name)
            }
        };
        let project = dir.path().join(format!("case-{case}.daftar.ron"));
        no_panic(&format!("{kind:?} case {case}"), || {
            if let Ok((opened, _report)) =
                daftar::open::import_annotations(&source, *kind, &project, None)
            {
                imported += 1;
                // What came in keeps every invariant and exports.
                let breaches = daftar::model::integrity::breaches(&opened.project);
                assert!(breaches.is_empty(), "{kind:?} case {case}: {breaches:?}");
                exercise(&opened.project, &opened.corpus_root);
            }
        });
        let input = match kind {
            SourceKind::Brat => folder.join(name),
            _ => source.clone(),
        };
        assert_eq!(
            std::fs::read(&input).unwrap(),
            damaged,
            "{kind:?} case {case}: the input was changed"
        );
    }
    assert!(imported > 50, "{imported} imported");
}
