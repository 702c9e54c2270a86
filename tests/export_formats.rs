//! Exports: golden files per format on the bundled sample, offsets checked by slicing in each
//! format's own unit on a text with characters outside the BMP, scope, round trips through the
//! tools' formats, and bad input.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use daftar::interchange::import::SourceKind;
use daftar::interchange::{ExportFile, ExportOptions, ExportSet, Format, Scope};
use daftar::model::{DocStatus, Document, Project, ReviewState, Span};
use daftar::open::import_annotations;
use daftar::sample::ARTICLES;
use serde_json::Value;

fn sample_project() -> Project {
    daftar::store::from_ron(daftar::sample::PROJECT, Path::new("sample")).unwrap()
}

fn export(
    project: &Project,
    scope: Scope,
    format: Format,
    texts: &BTreeMap<String, String>,
) -> Vec<ExportFile> {
    let read = |d: &Document| {
        texts
            .get(&d.path)
            .cloned()
            .ok_or_else(|| "missing".to_string())
    };
    let set = ExportSet::new(
        project,
        scope,
        read,
        &mut |_, _| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    format.files(&set, ExportOptions::default())
}

fn sample_texts() -> BTreeMap<String, String> {
    ARTICLES
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect()
}

fn file<'a>(files: &'a [ExportFile], name: &str) -> &'a str {
    let file = files.iter().find(|f| f.name == name).unwrap_or_else(|| {
        panic!(
            "no {name} among {:?}",
            files.iter().map(|f| &f.name).collect::<Vec<_>>()
        )
    });
    std::str::from_utf8(&file.bytes).unwrap()
}

/// The rows of an exported CSV table, each a map from column name to cell.
fn csv_rows(files: &[ExportFile], name: &str) -> Vec<BTreeMap<String, String>> {
    let text = file(files, name);
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            assert_eq!(r.len(), header.len(), "{name}: a row as wide as its header");
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

#[test]
fn every_format_matches_its_golden_files_on_the_sample() {
    let project = sample_project();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let write = std::env::var_os("DAFTAR_WRITE_GOLDEN").is_some();
    for format in Format::ALL {
        let files = export(&project, Scope::Reviewed, format, &sample_texts());
        assert!(!files.is_empty());
        for file in files {
            let path = golden.join(format.name()).join(&file.name);
            if write {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &file.bytes).unwrap();
            }
            let expected = std::fs::read(&path).unwrap_or_else(|_| {
                panic!(
                    "no golden file {}: run with DAFTAR_WRITE_GOLDEN=1",
                    path.display()
                )
            });
            assert!(
                expected == file.bytes,
                "{} differs from its golden file (DAFTAR_WRITE_GOLDEN=1 rewrites them after a deliberate change)",
                path.display()
            );
        }
    }
}

/// A text with characters outside the Basic Multilingual Plane (two UTF-16 units each) before
/// and between the spans, so code points and UTF-16 offsets differ.
const WIDE: &str =
    "📰 خبر 𝐀𝐁 فوری: 🇮🇷 اسکندر مومنی در تهران 😀 با وزیران دیدار کرد.\nنشست 𝒳 در اسلام‌آباد.";

fn wide_project() -> (Project, BTreeMap<String, String>) {
    let mut project = Project::new("wide", "corpus");
    let id = project.new_doc_id();
    let mut document = daftar::corpus::document_for_text(id, "wide.txt".into(), WIDE, "UTF-8");
    document.status = DocStatus::Reviewed;
    for (words, label) in [
        ("اسکندر مومنی", "PER"),
        ("تهران", "GPE"),
        ("اسلام‌آباد", "GPE"),
        ("𝐀𝐁", "ORG"),
    ] {
        let byte = WIDE.find(words).unwrap();
        let start = WIDE[..byte].chars().count();
        let span_id = project.new_span_id();
        let span = Span::quoting(
            span_id,
            WIDE,
            start,
            start + words.chars().count(),
            label,
            "me",
        )
        .unwrap();
        document.spans.push(span);
    }
    document.spans.sort_by_key(|s| s.sort_key());
    project.documents.push(std::sync::Arc::new(document));
    let texts = BTreeMap::from([("wide.txt".to_string(), WIDE.to_string())]);
    (project, texts)
}

fn utf16_slice(text: &str, start: u64, end: u64) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start as usize..end as usize]).unwrap()
}

fn char_slice(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn offsets_slice_to_the_quote_in_each_formats_own_unit() {
    let (project, texts) = wide_project();
    let quotes: Vec<String> = project.documents[0]
        .spans
        .iter()
        .map(|s| s.quote().to_string())
        .collect();
    assert!(
        WIDE.chars().count() < WIDE.encode_utf16().count(),
        "the units differ here"
    );

    // JSONL: code points and UTF-16 both given.
    let files = export(&project, Scope::All, Format::Jsonl, &texts);
    let line: Value =
        serde_json::from_str(file(&files, "daftar.jsonl").lines().next().unwrap()).unwrap();
    let text = line["text"].as_str().unwrap();
    for span in line["spans"].as_array().unwrap() {
        let quote = span["quote"].as_str().unwrap();
        assert_eq!(
            char_slice(
                text,
                span["start"].as_u64().unwrap(),
                span["end"].as_u64().unwrap()
            ),
            quote
        );
        assert_eq!(
            utf16_slice(
                text,
                span["start_utf16"].as_u64().unwrap(),
                span["end_utf16"].as_u64().unwrap()
            ),
            quote
        );
    }

    // doccano: UTF-16.
    let files = export(&project, Scope::All, Format::Doccano, &texts);
    let line: Value =
        serde_json::from_str(file(&files, "doccano.jsonl").lines().next().unwrap()).unwrap();
    let got: Vec<String> = line["label"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| utf16_slice(WIDE, l[0].as_u64().unwrap(), l[1].as_u64().unwrap()))
        .collect();
    assert_eq!(got, quotes);

    // Label Studio: code points (its editor's unit since 2022; UTF-16 shifted every span after
    // an emoji), and value.text agrees.
    let files = export(&project, Scope::All, Format::LabelStudio, &texts);
    let tasks: Value = serde_json::from_str(file(&files, "label-studio.json")).unwrap();
    for result in tasks[0]["annotations"][0]["result"].as_array().unwrap() {
        let value = &result["value"];
        let sliced = char_slice(
            WIDE,
            value["start"].as_u64().unwrap(),
            value["end"].as_u64().unwrap(),
        );
        assert_eq!(sliced, value["text"].as_str().unwrap());
    }

    // brat: code points of the .txt.
    let files = export(&project, Scope::All, Format::Brat, &texts);
    let txt = file(&files, "wide.txt");
    assert_eq!(txt, WIDE);
    for line in file(&files, "wide.ann")
        .lines()
        .filter(|l| l.starts_with('T'))
    {
        let fields: Vec<&str> = line.split('\t').collect();
        let offsets: Vec<u64> = fields[1]
            .split(' ')
            .skip(1)
            .map(|n| n.parse().unwrap())
            .collect();
        assert_eq!(char_slice(txt, offsets[0], offsets[1]), fields[2]);
    }

    // W3C: TextPositionSelector counts code points; the quote selector's context is adjacent.
    let files = export(&project, Scope::All, Format::W3c, &texts);
    let collection: Value = serde_json::from_str(file(&files, "annotations.jsonld")).unwrap();
    for item in collection["first"]["items"].as_array().unwrap() {
        let selectors = item["target"]["selector"].as_array().unwrap();
        let (quote, position) = (&selectors[0], &selectors[1]);
        let (start, end) = (
            position["start"].as_u64().unwrap(),
            position["end"].as_u64().unwrap(),
        );
        assert_eq!(
            char_slice(WIDE, start, end),
            quote["exact"].as_str().unwrap()
        );
        let around = format!(
            "{}{}{}",
            quote["prefix"].as_str().unwrap(),
            quote["exact"].as_str().unwrap(),
            quote["suffix"].as_str().unwrap()
        );
        assert!(WIDE.contains(&around));
    }

    // CSV spans: code points and UTF-16 columns.
    let files = export(&project, Scope::All, Format::Csv, &texts);
    let rows = csv_rows(&files, "spans.csv");
    assert_eq!(rows.len(), quotes.len());
    for row in rows {
        let n = |column: &str| row[column].parse::<u64>().unwrap();
        let quote = &row["span_quote"];
        assert_eq!(&char_slice(WIDE, n("span_start"), n("span_end")), quote);
        assert_eq!(
            &utf16_slice(WIDE, n("span_start_utf16"), n("span_end_utf16")),
            quote
        );
    }

    // CoNLL: the tokens tagged B-/I- are the spans' words.
    let files = export(&project, Scope::All, Format::Conll, &texts);
    let mut entities: Vec<String> = Vec::new();
    for line in file(&files, "daftar.conll").lines() {
        let cells: Vec<&str> = line.split(' ').collect();
        match cells.last() {
            Some(tag) if tag.starts_with("B-") => entities.push(cells[0].to_string()),
            Some(tag) if tag.starts_with("I-") => {
                let last = entities.last_mut().unwrap();
                last.push(' ');
                last.push_str(cells[0]);
            }
            _ => {}
        }
    }
    assert_eq!(entities, ["𝐀𝐁", "اسکندر مومنی", "تهران", "اسلام‌آباد"]);

    // spaCy JSONL: code points, and token indices covering the same characters.
    let files = export(&project, Scope::All, Format::Spacy, &texts);
    let line: Value =
        serde_json::from_str(file(&files, "spacy.jsonl").lines().next().unwrap()).unwrap();
    let tokens = line["tokens"].as_array().unwrap();
    let got: Vec<String> = line["spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            let first = &tokens[s["token_start"].as_u64().unwrap() as usize];
            let last = &tokens[s["token_end"].as_u64().unwrap() as usize];
            assert_eq!(
                (first["start"].as_u64(), last["end"].as_u64()),
                (Some(start), Some(end))
            );
            char_slice(WIDE, start, end)
        })
        .collect();
    assert_eq!(got, quotes);
}

/// The text spaCy builds from `words` and `spaces` (`Doc(vocab, words, spaces)`).
fn spacy_text(tokens: &[Value]) -> String {
    tokens
        .iter()
        .map(|t| {
            let ws = if t["ws"].as_bool().unwrap() { " " } else { "" };
            format!("{}{ws}", t["text"].as_str().unwrap())
        })
        .collect()
}

#[test]
fn spacy_jsonl_tokens_rebuild_every_article_exactly_and_a_flag_is_one_token() {
    let project = sample_project();
    let texts = sample_texts();
    let files = export(&project, Scope::All, Format::Spacy, &texts);
    let lines: Vec<Value> = file(&files, "spacy.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    for line in &lines {
        let text = line["text"].as_str().unwrap();
        let path = line["meta"]["path"].as_str().unwrap();
        assert_eq!(text, texts[path]);
        let tokens = line["tokens"].as_array().unwrap();
        assert_eq!(spacy_text(tokens), text, "{path}");
        for (i, token) in tokens.iter().enumerate() {
            assert_eq!(token["id"].as_u64(), Some(i as u64));
            let (start, end) = (
                token["start"].as_u64().unwrap(),
                token["end"].as_u64().unwrap(),
            );
            assert_eq!(
                char_slice(text, start, end),
                token["text"].as_str().unwrap()
            );
        }
        let document = project.document_by_path(path).unwrap();
        let exported = document
            .spans
            .iter()
            .filter(|s| s.review.state != ReviewState::Rejected)
            .count();
        assert_eq!(
            line["spans"].as_array().unwrap().len(),
            exported,
            "overlapping spans too"
        );
    }
    // Double spaces, line breaks and a flag.
    let mut project = Project::new("flags", "corpus");
    let text = "🇮🇷  ایران\n\nو 🇹🇷 ترکیه ";
    let id = project.new_doc_id();
    let document = daftar::corpus::document_for_text(id, "f.txt".into(), text, "UTF-8");
    project.documents.push(std::sync::Arc::new(document));
    let texts = BTreeMap::from([("f.txt".to_string(), text.to_string())]);
    let files = export(&project, Scope::All, Format::Spacy, &texts);
    let line: Value = serde_json::from_str(file(&files, "spacy.jsonl").trim()).unwrap();
    let tokens = line["tokens"].as_array().unwrap();
    assert_eq!(spacy_text(tokens), text);
    let words: Vec<&str> = tokens.iter().map(|t| t["text"].as_str().unwrap()).collect();
    assert_eq!(words, ["🇮🇷", " ", "ایران", "\n\n", "و", "🇹🇷", "ترکیه"]);
}

#[test]
fn only_reviewed_work_is_exported_unless_everything_is_asked_for() {
    let mut project = sample_project();
    // A reviewer rejected one span of the reviewed article.
    let sco = project.document_by_path(ARTICLES[4].0).unwrap().id;
    let document = project.document_mut(sco).unwrap();
    let rejected = document
        .spans
        .iter_mut()
        .find(|s| s.label == "TITLE")
        .unwrap();
    rejected.review.state = ReviewState::Rejected;
    let rejected_quote = rejected.quote().to_string();
    let files = export(&project, Scope::Reviewed, Format::Jsonl, &sample_texts());
    let lines: Vec<Value> = file(&files, "daftar.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1, "only the reviewed article");
    assert_eq!(lines[0]["path"], ARTICLES[4].0);
    assert!(
        lines[0]["spans"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["quote"] != rejected_quote.as_str())
    );
    assert_eq!(lines[0]["meetings"].as_array().unwrap().len(), 2);
    assert_eq!(lines[0]["meetings"][0]["codes"]["plover_event"], "CONSULT");

    let everything = export(&project, Scope::All, Format::Jsonl, &sample_texts());
    let lines: Vec<Value> = file(&everything, "daftar.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    // The ECO meeting, in progress, is exported with both its articles.
    let tables = export(&project, Scope::All, Format::Csv, &sample_texts());
    let meetings = csv_rows(&tables, "meetings.csv");
    assert_eq!(meetings.len(), 3);
    let documents = csv_rows(&tables, "documents.csv");
    let path_of = |id: &str| {
        documents
            .iter()
            .find(|d| d["document_id"] == id)
            .map(|d| d["document_path"].clone())
            .unwrap()
    };
    let eco = meetings
        .iter()
        .find(|m| m["meeting_organization"].contains("اکو"))
        .expect("the ECO meeting");
    let reported_by: Vec<String> = csv_rows(&tables, "meeting_documents.csv")
        .iter()
        .filter(|r| r["meeting_id"] == eco["meeting_id"])
        .map(|r| path_of(&r["document_id"]))
        .collect();
    assert_eq!(
        reported_by,
        ["000_cc14a8d638cfba9c.txt", "001_fbc263693fc4a0ea.txt"]
    );
}

/// Spans of a project as (document path, start, end, label), sorted.
fn span_set(project: &Project) -> Vec<(String, usize, usize, String)> {
    let mut spans: Vec<_> = project
        .documents
        .iter()
        .flat_map(|d| {
            d.spans
                .iter()
                .map(|s| (d.path.clone(), s.start, s.end, s.label.to_string()))
        })
        .collect();
    spans.sort();
    spans
}

fn reexport(opened: &daftar::open::OpenedProject, format: Format) -> Vec<ExportFile> {
    let set = ExportSet::from_corpus(&opened.project, Scope::All, &opened.corpus_root).unwrap();
    format.files(&set, ExportOptions::default())
}

#[test]
fn brat_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let collection = dir.path().join("brat");
    std::fs::create_dir(&collection).unwrap();
    std::fs::write(collection.join("wide.txt"), WIDE).unwrap();
    let at = |words: &str| {
        let byte = WIDE.find(words).unwrap();
        let start = WIDE[..byte].chars().count();
        (start, start + words.chars().count())
    };
    let (minister, tehran) = (at("اسکندر مومنی"), at("تهران"));
    // A span across the line break is two fragments in brat.
    let (before, after) = (at("کرد."), at("نشست"));
    let ann = format!(
        "T1\tPER {} {}\tاسکندر مومنی\nT2\tGPE {} {}\tتهران\nT3\tORG {} {};{} {}\tکرد. نشست\nA1\tConfidence T1 high\n#1\tAnnotatorNotes T2\tthe capital\n",
        minister.0, minister.1, tehran.0, tehran.1, before.0, before.1, after.0, after.1
    );
    assert_eq!(after.0, before.1 + 1, "separated by the line break");
    std::fs::write(collection.join("wide.ann"), &ann).unwrap();
    let project = dir.path().join("p.daftar.ron");
    let (opened, report) =
        import_annotations(&collection, SourceKind::Brat, &project, None).unwrap();
    assert!(report.rejected.is_empty(), "{report}");
    assert_eq!(report.spans, 3);
    let document = &opened.project.documents[0];
    assert!(
        document
            .spans
            .iter()
            .all(|s| s.review.state == ReviewState::Pending && s.author == "import:brat")
    );
    let files = reexport(&opened, Format::Brat);
    let out = file(&files, "wide.ann");
    let text_bound: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with(['T', 'A', '#']))
        .collect();
    assert_eq!(text_bound, ann.lines().collect::<Vec<_>>());
    let crossing = document.spans.iter().find(|s| s.label == "ORG").unwrap();
    assert_eq!(crossing.quote(), "کرد.\nنشست");
}

#[test]
fn doccano_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let units = |words: &str| {
        let byte = WIDE.find(words).unwrap();
        let start = WIDE[..byte].encode_utf16().count();
        (start, start + words.encode_utf16().count())
    };
    let (a, b) = units("اسکندر مومنی");
    let (c, d) = units("اسلام‌آباد");
    let line = serde_json::json!({"text": WIDE, "label": [[a, b, "PER"], [c, d, "GPE"]], "path": "news one.txt"});
    let source = dir.path().join("data.jsonl");
    std::fs::write(&source, format!("{line}\n")).unwrap();
    let project = dir.path().join("p.daftar.ron");
    let (opened, report) =
        import_annotations(&source, SourceKind::Doccano, &project, None).unwrap();
    assert!(report.rejected.is_empty(), "{report}");
    assert!(
        dir.path().join("p-corpus/news one.txt").exists(),
        "the text is written as an article"
    );
    let files = reexport(&opened, Format::Doccano);
    let back: Value =
        serde_json::from_str(file(&files, "doccano.jsonl").lines().next().unwrap()).unwrap();
    assert_eq!(back["text"], line["text"]);
    assert_eq!(back["label"], line["label"]);
}

#[test]
fn label_studio_round_trips() {
    let (project, texts) = wide_project();
    let exported = export(&project, Scope::All, Format::LabelStudio, &texts);
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("export.json");
    std::fs::write(&source, file(&exported, "label-studio.json")).unwrap();
    let target = dir.path().join("p.daftar.ron");
    let (opened, report) =
        import_annotations(&source, SourceKind::LabelStudio, &target, None).unwrap();
    assert!(report.rejected.is_empty(), "{report}");
    assert_eq!(span_set(&opened.project).len(), 4);
    let again = reexport(&opened, Format::LabelStudio);
    let regions = |files: &[ExportFile]| -> Vec<Value> {
        let tasks: Value = serde_json::from_str(file(files, "label-studio.json")).unwrap();
        tasks[0]["annotations"][0]["result"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["value"].clone())
            .collect()
    };
    assert_eq!(regions(&again), regions(&exported));
}

#[test]
fn label_studio_leaves_articles_without_spans_unlabelled_so_they_stay_in_its_queue() {
    let mut project = sample_project();
    // One article's spans all rejected: it goes out with its text and no annotation.
    let bare = project.document_by_path(ARTICLES[2].0).unwrap().id;
    for span in &mut project.document_mut(bare).unwrap().spans {
        span.review.state = ReviewState::Rejected;
    }
    let files = export(&project, Scope::All, Format::LabelStudio, &sample_texts());
    let tasks: Value = serde_json::from_str(file(&files, "label-studio.json")).unwrap();
    let tasks = tasks.as_array().unwrap();
    assert_eq!(tasks.len(), 5);
    let mut unlabelled = 0;
    for task in tasks {
        let annotations = task["annotations"].as_array().unwrap();
        let path = task["data"]["path"].as_str().unwrap();
        let document = project.document_by_path(path).unwrap();
        let exported = document
            .spans
            .iter()
            .filter(|s| s.review.state != ReviewState::Rejected)
            .count();
        if exported == 0 {
            assert!(
                annotations.is_empty(),
                "an empty annotation marks it done: {task}"
            );
            unlabelled += 1;
        } else {
            assert_eq!(annotations.len(), 1);
            assert_eq!(annotations[0]["result"].as_array().unwrap().len(), exported);
        }
    }
    assert!(
        tasks.iter().any(
            |t| t["data"]["path"] == ARTICLES[2].0 && t["annotations"] == serde_json::json!([])
        )
    );
    // And it comes back as an article without spans.
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("export.json");
    std::fs::write(&source, file(&files, "label-studio.json")).unwrap();
    let (opened, report) = import_annotations(
        &source,
        SourceKind::LabelStudio,
        &dir.path().join("p.daftar.ron"),
        None,
    )
    .unwrap();
    assert!(report.rejected.is_empty(), "{report}");
    assert_eq!(opened.project.documents.len(), 5);
    assert_eq!(
        opened
            .project
            .documents
            .iter()
            .filter(|d| d.spans.is_empty())
            .count(),
        unlabelled
    );
}

#[test]
fn w3c_quote_selectors_are_unique_the_page_has_an_id_and_creators_are_agents() {
    let project = sample_project();
    let texts = sample_texts();
    let files = export(&project, Scope::All, Format::W3c, &texts);
    let collection: Value = serde_json::from_str(file(&files, "annotations.jsonld")).unwrap();
    let page = &collection["first"];
    assert_eq!(page["type"], "AnnotationPage");
    assert!(
        page["id"]
            .as_str()
            .unwrap()
            .starts_with("urn:daftar:project:")
    );
    assert_eq!(page["partOf"], collection["id"]);
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len() as u64, collection["total"].as_u64().unwrap());
    let mut widened = 0;
    for item in items {
        let creator = &item["creator"];
        assert!(
            creator.is_object(),
            "a bare name expands to a relative IRI: {creator}"
        );
        assert!(["Person", "Software"].contains(&creator["type"].as_str().unwrap()));
        assert!(!creator["name"].as_str().unwrap().is_empty());
        let source = item["target"]["source"].as_str().unwrap();
        let path = source.strip_prefix("urn:daftar:doc:").unwrap();
        let text = &texts[path];
        let quote = &item["target"]["selector"][0];
        let (prefix, exact, suffix) = (
            quote["prefix"].as_str().unwrap(),
            quote["exact"].as_str().unwrap(),
            quote["suffix"].as_str().unwrap(),
        );
        let whole = format!("{prefix}{exact}{suffix}");
        let at = text.find(&whole).expect("the selector is found");
        let next = at + text[at..].chars().next().unwrap().len_utf8();
        assert!(
            !text[next..].contains(&whole),
            "{whole:?} occurs twice in {path}"
        );
        let position = &item["target"]["selector"][1];
        assert_eq!(
            char_slice(
                text,
                position["start"].as_u64().unwrap(),
                position["end"].as_u64().unwrap()
            ),
            exact
        );
        assert_eq!(
            text[..at].chars().count() + prefix.chars().count(),
            position["start"].as_u64().unwrap() as usize
        );
        if prefix.chars().count() > 32 || suffix.chars().count() > 32 {
            widened += 1;
        }
    }
    // The sample repeats headlines as first sentences: some selectors needed more context.
    assert!(widened > 0);
}

/// Spans of each exported document that overlap another, counted pair by pair.
fn overlapping_by_brute_force(project: &Project) -> usize {
    project
        .documents
        .iter()
        .map(|d| {
            let spans: Vec<&Span> = d
                .spans
                .iter()
                .filter(|s| s.review.state != ReviewState::Rejected)
                .collect();
            spans
                .iter()
                .enumerate()
                .filter(|(i, a)| {
                    spans
                        .iter()
                        .enumerate()
                        .any(|(j, b)| *i != j && a.start < b.end && b.start < a.end)
                })
                .count()
        })
        .sum()
}

#[test]
fn doccano_export_says_which_project_settings_it_needs_and_warns_of_overlapping_spans() {
    let project = sample_project();
    let texts = sample_texts();
    let read = |d: &Document| {
        texts
            .get(&d.path)
            .cloned()
            .ok_or_else(|| "missing".to_string())
    };
    let set = ExportSet::new(
        &project,
        Scope::All,
        read,
        &mut |_, _| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    let overlapping = overlapping_by_brute_force(&project);
    assert!(
        overlapping > 0,
        "the sample nests entities in meeting spans"
    );
    let warnings = Format::Doccano.warnings(&set);
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].contains(&format!("{overlapping} spans that overlap"))
            && warnings[0].contains("Allow overlapping spans"),
        "{warnings:?}"
    );
    let files = Format::Doccano.files(&set, ExportOptions::default());
    let readme = file(&files, "doccano-README.txt");
    assert!(readme.contains(&format!("Allow overlapping spans: ON: {overlapping} spans")));
    assert!(readme.contains("Count grapheme clusters as one character: OFF"));
    // No other format warns; a text without overlaps gets no warning and says so.
    for format in Format::ALL {
        if format != Format::Doccano {
            assert!(format.warnings(&set).is_empty(), "{format:?}");
        }
    }
    let (wide, wide_texts) = wide_project();
    let read = |d: &Document| {
        wide_texts
            .get(&d.path)
            .cloned()
            .ok_or_else(|| "missing".to_string())
    };
    let set = ExportSet::new(
        &wide,
        Scope::All,
        read,
        &mut |_, _| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    assert!(Format::Doccano.warnings(&set).is_empty());
    let files = Format::Doccano.files(&set, ExportOptions::default());
    assert!(file(&files, "doccano-README.txt").contains("no span of this export overlaps another"));
}

/// The checks brat's `verify_annotations.py` makes that Daftar's export could fail: every type
/// declared in `annotation.conf`, every event and relation argument an annotation of the file,
/// and no event type's span without its event.
fn verify_brat(conf: &str, ann: &str) -> Vec<String> {
    let mut section = "";
    let (mut entity_types, mut event_types) = (Vec::new(), Vec::new());
    for line in conf.lines() {
        if line.starts_with('[') {
            section = line;
        } else if !line.is_empty() && !line.starts_with('#') {
            let name = line.split('\t').next().unwrap().to_string();
            match section {
                "[entities]" => entity_types.push(name),
                "[events]" => event_types.push(name),
                _ => {}
            }
        }
    }
    let mut problems = Vec::new();
    let ids: Vec<&str> = ann.lines().map(|l| l.split('\t').next().unwrap()).collect();
    let mut triggers = Vec::new();
    for line in ann.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let (id, body) = (fields[0], fields[1]);
        match &id[..1] {
            "T" => {
                let kind = body.split(' ').next().unwrap();
                if !entity_types.iter().any(|t| t == kind) && !event_types.iter().any(|t| t == kind)
                {
                    problems.push(format!("{id}: type {kind} not declared"));
                }
            }
            "E" | "R" => {
                // A relation's first word is its type.
                let skip = usize::from(id.starts_with('R'));
                for (n, argument) in body.split(' ').enumerate().skip(skip) {
                    let (role, target) = argument.split_once(':').unwrap();
                    if !ids.contains(&target) {
                        problems.push(format!("{id}: {role} refers to {target}, not in the file"));
                    }
                    if id.starts_with('E') && n == 0 {
                        triggers.push(target.to_string());
                    }
                }
            }
            _ => {}
        }
    }
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let kind = fields[1].split(' ').next().unwrap();
        if event_types.iter().any(|t| t == kind) && !triggers.iter().any(|t| t == fields[0]) {
            problems.push(format!("{}: {kind} span without an event", fields[0]));
        }
    }
    problems
}

#[test]
fn brat_writes_no_event_span_without_its_event_and_names_outcomes_as_meeting_arguments() {
    let mut project = sample_project();
    // A second mention of a meeting, tagged MEETING but not its evidence: no event of its own.
    let sco = project.document_by_path(ARTICLES[4].0).unwrap().id;
    let text = ARTICLES[4].1;
    let byte = text.rfind("نشست").unwrap();
    let start = text[..byte].chars().count();
    let id = project.new_span_id();
    let span = Span::quoting(id, text, start, start + 4, "MEETING", "me").unwrap();
    let document = project.document_mut(sco).unwrap();
    document.spans.push(span);
    document.spans.sort_by_key(|s| s.sort_key());
    let files = export(&project, Scope::All, Format::Brat, &sample_texts());
    let conf = file(&files, "annotation.conf");
    let mut evidence_types = 0;
    for f in files.iter().filter(|f| f.name.ends_with(".ann")) {
        let ann = std::str::from_utf8(&f.bytes).unwrap();
        let problems = verify_brat(conf, ann);
        assert!(problems.is_empty(), "{}: {problems:#?}", f.name);
        evidence_types += ann.matches("\tMEETING_EVIDENCE ").count();
    }
    assert!(
        evidence_types >= 1,
        "the extra mention is an entity type of its own"
    );
    // The SCO meeting's event names its outcomes' events, which come first.
    let ann = file(&files, "004_ead77181adac0951.ann");
    let meeting = ann
        .lines()
        .find(|l| l.starts_with('E') && l.contains("\tMEETING:") && l.contains("Outcome:E"))
        .expect("a meeting with its outcomes as arguments");
    let relations = ann.lines().filter(|l| l.starts_with('R')).count();
    assert_eq!(
        meeting.matches(":E").count(),
        relations,
        "one argument per OutcomeOf relation"
    );

    // Read back, the evidence types are MEETING spans again: the span set survives.
    let dir = tempfile::tempdir().unwrap();
    let collection = dir.path().join("brat");
    std::fs::create_dir(&collection).unwrap();
    for f in &files {
        std::fs::write(collection.join(&f.name), &f.bytes).unwrap();
    }
    let (opened, report) = import_annotations(
        &collection,
        SourceKind::Brat,
        &dir.path().join("p.daftar.ron"),
        None,
    )
    .unwrap();
    assert!(report.rejected.is_empty(), "{report}");
    let exported: Vec<_> = span_set(&project)
        .into_iter()
        .filter(|(path, start, end, _)| {
            project
                .document_by_path(path)
                .unwrap()
                .spans
                .iter()
                .any(|s| {
                    (s.start, s.end) == (*start, *end) && s.review.state != ReviewState::Rejected
                })
        })
        .collect();
    assert_eq!(span_set(&opened.project), exported);
}

/// Every CSV table checked against `datapackage.json` as a typed reader (frictionless) would:
/// the header is the schema's fields, each cell of its declared type (or missing), primary keys
/// unique and present, foreign keys found in the table they name.
fn check_datapackage(files: &[ExportFile]) {
    let package: Value = serde_json::from_str(file(files, "datapackage.json")).unwrap();
    assert_eq!(package["profile"], "tabular-data-package");
    let resources = package["resources"].as_array().unwrap();
    let csv_files: Vec<&str> = files
        .iter()
        .map(|f| f.name.as_str())
        .filter(|n| n.ends_with(".csv"))
        .collect();
    let listed: Vec<&str> = resources
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert_eq!(listed, csv_files, "every table described, nothing else");
    let mut tables = BTreeMap::new();
    for resource in resources {
        let path = resource["path"].as_str().unwrap();
        let rows = csv_rows(files, path);
        let fields = resource["schema"]["fields"].as_array().unwrap();
        let header: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
        let mut reader =
            csv::Reader::from_reader(file(files, path).trim_start_matches('\u{feff}').as_bytes());
        assert_eq!(
            reader.headers().unwrap().iter().collect::<Vec<_>>(),
            header,
            "{path}"
        );
        for (number, row) in rows.iter().enumerate() {
            for field in fields {
                let name = field["name"].as_str().unwrap();
                let cell = row[name].as_str();
                let at = format!("{path} row {} column {name}: {cell:?}", number + 1);
                assert!(
                    field["description"].as_str().is_some_and(|d| !d.is_empty()),
                    "{at}"
                );
                if cell.is_empty() {
                    assert_ne!(field["constraints"]["required"], true, "{at} is required");
                    continue;
                }
                match field["type"].as_str().unwrap() {
                    "string" => {}
                    "integer" => {
                        let n: i64 = cell
                            .parse()
                            .unwrap_or_else(|_| panic!("{at}: not an integer"));
                        if let Some(min) = field["constraints"]["minimum"].as_i64() {
                            assert!(n >= min, "{at}");
                        }
                    }
                    "boolean" => assert!(cell == "true" || cell == "false", "{at}"),
                    other => panic!("{at}: a type this test does not know: {other}"),
                }
                if let Some(words) = field["constraints"]["enum"].as_array() {
                    assert!(
                        words.iter().any(|w| w == cell),
                        "{at} is not one of {words:?}"
                    );
                }
            }
        }
        tables.insert(resource["name"].as_str().unwrap().to_string(), rows);
    }
    let key_of = |row: &BTreeMap<String, String>, fields: &[Value]| -> Vec<String> {
        fields
            .iter()
            .map(|f| row[f.as_str().unwrap()].clone())
            .collect()
    };
    for resource in resources {
        let name = resource["name"].as_str().unwrap();
        let schema = &resource["schema"];
        if let Some(key) = schema["primaryKey"].as_array() {
            let mut seen = std::collections::HashSet::new();
            for row in &tables[name] {
                let value = key_of(row, key);
                assert!(
                    value.iter().all(|v| !v.is_empty()),
                    "{name}: a key is missing"
                );
                assert!(seen.insert(value.clone()), "{name}: {value:?} twice");
            }
        }
        for foreign in schema["foreignKeys"].as_array().into_iter().flatten() {
            let fields = foreign["fields"].as_array().unwrap();
            let target = foreign["reference"]["resource"].as_str().unwrap();
            let to = foreign["reference"]["fields"].as_array().unwrap();
            let known: std::collections::HashSet<Vec<String>> =
                tables[target].iter().map(|row| key_of(row, to)).collect();
            for row in &tables[name] {
                let value = key_of(row, fields);
                if value.iter().all(|v| v.is_empty()) {
                    continue; // null: no reference
                }
                assert!(
                    known.contains(&value),
                    "{name}: {fields:?} = {value:?} not in {target}"
                );
            }
        }
    }
}

#[test]
fn csv_tables_load_through_their_datapackage_types_and_keys() {
    let texts = sample_texts();
    let project = sample_project();
    for scope in [Scope::Reviewed, Scope::All] {
        for for_excel in [false, true] {
            let read = |d: &Document| {
                texts
                    .get(&d.path)
                    .cloned()
                    .ok_or_else(|| "missing".to_string())
            };
            let set = ExportSet::new(
                &project,
                scope,
                read,
                &mut |_, _| {},
                &AtomicBool::new(false),
            )
            .unwrap();
            let files = Format::Csv.files(&set, ExportOptions { for_excel });
            check_datapackage(&files);
            let package: Value = serde_json::from_str(file(&files, "datapackage.json")).unwrap();
            let encoding = package["resources"][0]["encoding"].as_str().unwrap();
            assert_eq!(encoding, if for_excel { "utf-8-sig" } else { "utf-8" });
        }
    }
    let (wide, wide_texts) = wide_project();
    check_datapackage(&export(&wide, Scope::All, Format::Csv, &wide_texts));

    // What pandas' defaults got wrong: a CAMEO code keeps its zeros (declared text), an empty
    // ordinal is missing in an integer column, and documents are rows of a link table.
    let files = export(&project, Scope::All, Format::Csv, &texts);
    let package: Value = serde_json::from_str(file(&files, "datapackage.json")).unwrap();
    let field = |table: &str, name: &str| -> Value {
        package["resources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == table)
            .and_then(|r| {
                r["schema"]["fields"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|f| f["name"] == name)
                    .cloned()
            })
            .unwrap_or_else(|| panic!("{table}.{name}"))
    };
    assert_eq!(field("meetings", "meeting_cameo")["type"], "string");
    assert_eq!(field("outcomes", "outcome_cameo")["type"], "string");
    assert_eq!(field("meetings", "meeting_ordinal")["type"], "integer");
    let meetings = csv_rows(&files, "meetings.csv");
    assert!(meetings.iter().any(|m| m["meeting_cameo"] == "040"));
    let outcomes = csv_rows(&files, "outcomes.csv");
    assert!(outcomes.iter().any(|o| o["outcome_cameo"] == "057"));
    // Joining outcomes to meetings shares only the key.
    let shared: Vec<&String> = outcomes[0]
        .keys()
        .filter(|k| meetings[0].contains_key(*k))
        .collect();
    assert_eq!(shared, ["meeting_id"]);
    // No cell holds several values.
    for f in files.iter().filter(|f| f.name.ends_with(".csv")) {
        for row in csv_rows(&files, &f.name) {
            for (column, cell) in row {
                if !column.ends_with("note")
                    && !column.ends_with("quote")
                    && !column.ends_with("original")
                    && !column.ends_with("title")
                    && !column.ends_with("name")
                    && !column.ends_with("description")
                {
                    assert!(
                        !cell.contains(';') && !cell.contains(" | "),
                        "{}: {column} = {cell:?}",
                        f.name
                    );
                }
            }
        }
    }
}

#[test]
fn a_malformed_record_is_named_and_only_it_is_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("data.jsonl");
    let good = serde_json::json!({"text": "سلام دنیا", "label": [[0, 4, "PER"]]});
    let past_the_end = serde_json::json!({"text": "کوتاه", "label": [[0, 40, "PER"]]});
    std::fs::write(&source, format!("{good}\n{{not json\n{past_the_end}\n")).unwrap();
    let project = dir.path().join("p.daftar.ron");
    let (opened, report) =
        import_annotations(&source, SourceKind::Doccano, &project, None).unwrap();
    assert_eq!(opened.project.documents.len(), 1);
    assert_eq!(report.rejected.len(), 2);
    assert_eq!(report.rejected[0].place, "data.jsonl line 2");
    assert!(report.rejected[0].reason.starts_with("not JSON"));
    assert_eq!(report.rejected[1].place, "data.jsonl line 3");
    assert!(
        report.rejected[1].reason.contains("does not fit"),
        "{}",
        report.rejected[1]
    );
}

#[test]
fn a_cancelled_export_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("sample");
    std::fs::create_dir(&corpus).unwrap();
    for (name, text) in ARTICLES {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    let out = dir.path().join("out");
    let cancel = AtomicBool::new(true);
    let result = daftar::interchange::export_to_folder(
        &sample_project(),
        &corpus,
        &Format::ALL,
        Scope::All,
        ExportOptions::default(),
        &out,
        false,
        &mut |_, _| {},
        &cancel,
    );
    assert!(matches!(
        result,
        Err(daftar::interchange::ExportError::Cancelled)
    ));
    assert!(!out.exists());
    // An article changed on disk stops the export, named: its offsets would be wrong.
    std::fs::write(corpus.join(ARTICLES[4].0), "متن دیگر").unwrap();
    let changed = daftar::interchange::export_to_folder(
        &sample_project(),
        &corpus,
        &[Format::Brat],
        Scope::Reviewed,
        ExportOptions::default(),
        &out,
        false,
        &mut |_, _| {},
        &AtomicBool::new(false),
    );
    let error = changed.unwrap_err().to_string();
    assert!(
        error.contains(ARTICLES[4].0) && error.contains("re-anchor"),
        "{error}"
    );
    assert!(!out.exists());
}

#[test]
fn label_studio_offsets_are_code_points_and_a_region_whose_text_disagrees_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("tasks.json");
    let tasks = serde_json::json!([
        {"id": 7, "data": {"text": "اسکندر مومنی در تهران"}, "annotations": [{"result": [
            {"id": "a", "type": "labels", "value": {"start": 0, "end": 12, "text": "اسکندر مومنی", "labels": ["PER"]}}
        ]}]},
        // After an emoji, code points: تهران is 2..7.
        {"id": 8, "data": {"text": "😀 تهران"}, "annotations": [{"result": [
            {"id": "b", "type": "labels", "value": {"start": 2, "end": 7, "text": "تهران", "labels": ["GPE"]}}
        ]}]},
        // UTF-16 units (3..8), as Daftar once wrote: the text there is not value.text.
        {"id": 9, "data": {"text": "😀 دوشنبه"}, "annotations": [{"result": [
            {"id": "c", "type": "labels", "value": {"start": 3, "end": 8, "text": "دوشنبه", "labels": ["GPE"]}}
        ]}]}
    ]);
    std::fs::write(&source, tasks.to_string()).unwrap();
    let project = dir.path().join("p.daftar.ron");
    let (opened, report) =
        import_annotations(&source, SourceKind::LabelStudio, &project, None).unwrap();
    assert_eq!(opened.project.documents.len(), 2);
    let tehran = opened
        .project
        .documents
        .iter()
        .flat_map(|d| &d.spans)
        .find(|s| s.label == "GPE")
        .unwrap();
    assert_eq!((tehran.start, tehran.end, tehran.quote()), (2, 7, "تهران"));
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].place, "tasks.json task 9");
    assert!(
        report.rejected[0].reason.contains("value.text"),
        "{}",
        report.rejected[0]
    );
}

#[test]
fn opening_a_doccano_file_imports_it_once_into_a_project_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("batch.jsonl");
    let line = serde_json::json!({"text": "اسکندر مومنی در تهران", "label": [[0, 12, "PER"]]});
    std::fs::write(&source, format!("{line}\n")).unwrap();
    let opened = daftar::open::open_path(&source).unwrap();
    assert_eq!(opened.file.path(), dir.path().join("batch.daftar"));
    assert!(
        opened
            .annotation_report
            .as_ref()
            .unwrap()
            .lines(daftar::i18n::Words::ENGLISH)
            .contains(&"1 document with 1 pre-annotated span (pending review)".to_string())
    );
    drop(opened);
    // Opening it again opens that project: nothing is imported twice.
    let again = daftar::open::open_path(&source).unwrap();
    assert_eq!(again.project.span_count(), 1);
    assert!(again.annotation_report.is_none());
}

#[test]
fn reviewed_exports_carry_no_value_read_from_work_in_progress_and_refer_only_to_what_they_carry() {
    // The SCO meeting (004, reviewed) gets a venue read from the ECO article (in progress): a
    // reviewed-only export carried it, and JSONL records referred to spans and documents that
    // were not in the file.
    let mut project = sample_project();
    let eco = project
        .document_by_path("000_cc14a8d638cfba9c.txt")
        .unwrap()
        .clone();
    let place = eco.spans.iter().find(|s| s.label == "GPE").unwrap().id;
    let mut sco = project
        .meeting(daftar::model::MeetingId(7))
        .unwrap()
        .clone();
    sco.venue.as_mut().unwrap().evidence = Some(daftar::model::SpanRef {
        doc: eco.id,
        span: place,
    });
    daftar::edit::Edit::ReplaceMeeting(sco)
        .apply(&mut project)
        .unwrap();
    let files = export(&project, Scope::Reviewed, Format::Jsonl, &sample_texts());
    let lines: Vec<Value> = file(&files, "daftar.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let carried: std::collections::BTreeSet<(String, String)> = lines
        .iter()
        .flat_map(|line| {
            let doc = line["id"].as_str().unwrap().to_string();
            line["spans"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |s| (doc.clone(), s["id"].as_str().unwrap().to_string()))
        })
        .collect();
    let mut refs = Vec::new();
    fn evidence_refs(value: &Value, refs: &mut Vec<(String, String)>) {
        match value {
            Value::Object(map) => {
                if let (Some(Value::String(doc)), Some(Value::String(span))) =
                    (map.get("doc"), map.get("span"))
                {
                    refs.push((doc.clone(), span.clone()));
                }
                map.values().for_each(|v| evidence_refs(v, refs));
            }
            Value::Array(items) => items.iter().for_each(|v| evidence_refs(v, refs)),
            _ => {}
        }
    }
    for line in &lines {
        evidence_refs(&line["meetings"], &mut refs);
        evidence_refs(&line["outcomes"], &mut refs);
        for meeting in line["meetings"].as_array().unwrap() {
            if meeting["id"] == "m7" {
                assert!(meeting["venue"].is_null(), "the venue is work in progress");
            }
        }
    }
    assert!(refs.len() > 20);
    for reference in &refs {
        assert!(
            carried.contains(reference),
            "{reference:?} is not in the file"
        );
    }
}

/// `daftar check`'s problems for an opened project (every span against its article).
fn check(opened: &daftar::open::OpenedProject) -> Vec<String> {
    daftar::corpus::verify(&opened.project, &opened.corpus_root)
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// The spans of the project's documents as (quote, start, end).
fn quotes(opened: &daftar::open::OpenedProject) -> Vec<(String, usize, usize)> {
    opened
        .project
        .documents
        .iter()
        .flat_map(|d| &d.spans)
        .map(|s| (s.quote().to_string(), s.start, s.end))
        .collect()
}

#[test]
fn a_text_beginning_with_a_byte_order_mark_keeps_its_spans_on_their_words() {
    // Texts that began with U+FEFF were stored one character off, and check then failed.
    let text = "\u{feff}اسکندر مومنی در تهران";
    let dir = tempfile::tempdir().unwrap();
    // doccano counts the mark (UTF-16), Label Studio too (code points).
    let doccano = dir.path().join("data.jsonl");
    let line = serde_json::json!({"text": text, "label": [[1, 13, "PER"], [17, 22, "GPE"]]});
    std::fs::write(&doccano, format!("{line}\n")).unwrap();
    let studio = dir.path().join("tasks.json");
    let tasks = serde_json::json!([{"id": 1, "data": {"text": text}, "annotations": [{"result": [
        {"id": "a", "type": "labels", "value": {"start": 1, "end": 13, "text": "اسکندر مومنی", "labels": ["PER"]}}
    ]}]}]);
    std::fs::write(&studio, tasks.to_string()).unwrap();
    for (source, kind) in [
        (&doccano, SourceKind::Doccano),
        (&studio, SourceKind::LabelStudio),
    ] {
        let project = source.with_extension("daftar.ron");
        let (opened, report) = import_annotations(source, kind, &project, None).unwrap();
        assert!(report.rejected.is_empty(), "{report}");
        assert_eq!(quotes(&opened)[0], ("اسکندر مومنی".to_string(), 0, 12));
        assert_eq!(check(&opened), Vec::<String>::new(), "{kind:?}");
    }
    // brat counts the mark as Python reads the file; a tool that did not count it is read as
    // it was meant.
    for (name, offset) in [("counted", 1), ("not-counted", 0)] {
        let collection = dir.path().join(name);
        std::fs::create_dir(&collection).unwrap();
        std::fs::write(collection.join("a.txt"), text).unwrap();
        let ann = format!("T1\tPER {} {}\tاسکندر مومنی\n", offset, offset + 12);
        std::fs::write(collection.join("a.ann"), ann).unwrap();
        let project = dir.path().join(format!("{name}.daftar.ron"));
        let (opened, report) =
            import_annotations(&collection, SourceKind::Brat, &project, None).unwrap();
        assert!(report.rejected.is_empty(), "{name}: {report}");
        assert_eq!(
            quotes(&opened),
            [("اسکندر مومنی".to_string(), 0, 12)],
            "{name}"
        );
        assert_eq!(check(&opened), Vec::<String>::new(), "{name}");
    }
}

#[test]
fn importing_the_same_brat_collection_twice_adds_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let collection = dir.path().join("brat");
    std::fs::create_dir(&collection).unwrap();
    std::fs::write(collection.join("a.txt"), "اسکندر مومنی در تهران").unwrap();
    std::fs::write(
        collection.join("a.ann"),
        "T1\tPER 0 12\tاسکندر مومنی\nT2\tGPE 16 21\tتهران\n",
    )
    .unwrap();
    let project = dir.path().join("p.daftar.ron");
    let (first, _) = import_annotations(&collection, SourceKind::Brat, &project, None).unwrap();
    let spans = quotes(&first);
    drop(first);
    let (second, report) =
        import_annotations(&collection, SourceKind::Brat, &project, None).unwrap();
    assert_eq!(quotes(&second), spans, "not doubled");
    assert_eq!((report.spans, report.already), (0, 2));
    assert!(
        report
            .to_string()
            .contains("2 spans were already in the project")
    );
}

#[test]
fn spans_that_are_empty_reversed_or_split_a_letter_are_refused_by_name() {
    // They were accepted, and exports then panicked (brat, Label Studio, W3C) or wrote
    // inverted offsets (doccano, JSONL).
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("data.jsonl");
    let lines = [
        serde_json::json!({"text": "سلام دنیا", "label": [[0, 4, "PER"]]}),
        serde_json::json!({"text": "سلام دنیا", "label": [[9, 0, "PER"]], "path": "reversed"}),
        serde_json::json!({"text": "سلام دنیا", "label": [[4, 4, "PER"]], "path": "empty"}),
        // ب and its shadda: a span may not cut them apart.
        serde_json::json!({"text": "ربّ", "label": [[0, 2, "PER"]], "path": "split"}),
    ];
    let content: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(&source, content).unwrap();
    let project = dir.path().join("p.daftar.ron");
    let (opened, report) =
        import_annotations(&source, SourceKind::Doccano, &project, None).unwrap();
    assert_eq!(opened.project.documents.len(), 1);
    let reasons: Vec<(&str, &str)> = report
        .rejected
        .iter()
        .map(|r| (r.place.as_str(), r.reason.as_str()))
        .collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert!(
        reasons[0].1.contains("ends before it starts"),
        "{reasons:?}"
    );
    assert!(reasons[1].1.contains("is empty"), "{reasons:?}");
    assert!(reasons[2].1.contains("splits a character"), "{reasons:?}");
    assert_eq!(reasons[2].0, "data.jsonl line 4");
    // What was imported exports in every format.
    let texts: BTreeMap<String, String> = opened
        .project
        .documents
        .iter()
        .map(|d| {
            let text = std::fs::read_to_string(opened.corpus_root.join(&d.path)).unwrap();
            (d.path.clone(), text)
        })
        .collect();
    for format in Format::ALL {
        let files = export(&opened.project, Scope::All, format, &texts);
        assert!(!files.is_empty());
    }
}

#[test]
fn one_bad_record_does_not_stop_an_import_and_a_retry_goes_on() {
    // One bad record (an empty text, a NUL, two records with one name) aborted the import after
    // the corpus folder was written, and every retry then said it "already holds files".
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("data.jsonl");
    let lines = [
        serde_json::json!({"text": "سلام دنیا", "label": [[0, 4, "PER"]], "path": "one"}),
        serde_json::json!({"text": "  ", "label": [], "path": "blank"}),
        serde_json::json!({"text": "a\u{0}b", "label": [], "path": "nul"}),
        serde_json::json!({"text": "دوم", "label": [], "path": "One"}),
        serde_json::json!({"text": "خبر دوم", "label": [[0, 3, "ORG"]], "path": "two"}),
    ];
    let content: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(&source, content).unwrap();
    let project = dir.path().join("p.daftar.ron");
    let (opened, report) =
        import_annotations(&source, SourceKind::Doccano, &project, None).unwrap();
    let paths: Vec<&str> = opened
        .project
        .documents
        .iter()
        .map(|d| d.path.as_str())
        .collect();
    assert_eq!(paths, ["one.txt", "two.txt"]);
    let places: Vec<&str> = report.rejected.iter().map(|r| r.place.as_str()).collect();
    assert_eq!(
        places,
        [
            "data.jsonl line 2",
            "data.jsonl line 3",
            "data.jsonl line 4"
        ]
    );
    drop(opened);
    // The import was killed after writing the texts: the project is gone, the texts are there,
    // with a half-written article. The retry imports the same, once.
    std::fs::remove_file(&project).unwrap();
    std::fs::write(dir.path().join("p-corpus/.three.txt.part"), "half").unwrap();
    let (again, _) = import_annotations(&source, SourceKind::Doccano, &project, None).unwrap();
    assert_eq!(again.project.documents.len(), 2);
    assert_eq!(again.project.span_count(), 2);
    assert!(!dir.path().join("p-corpus/.three.txt.part").exists());
}

#[test]
fn csv_for_excel_shows_formulas_from_articles_as_text_and_plain_csv_stays_exact() {
    // Cells beginning with = + - @ ran as formulas in Excel and LibreOffice (OWASP's CSV
    // injection): an article's words are untrusted.
    let mut project = sample_project();
    project.meetings[0].note = "=HYPERLINK(\"http://evil\",\"click\")".into();
    project.meetings[1].note = "-2+3".into();
    project.meetings[2].note = "@SUM(A1)".into();
    let texts = sample_texts();
    let read = |d: &Document| texts.get(&d.path).cloned().ok_or("missing".to_string());
    let set = ExportSet::new(
        &project,
        Scope::All,
        read,
        &mut |_, _| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    let plain = Format::Csv.files(&set, ExportOptions { for_excel: false });
    let excel = Format::Csv.files(&set, ExportOptions { for_excel: true });
    let plain = file(&plain, "meetings.csv");
    let excel = file(&excel, "meetings.csv");
    assert!(plain.contains(",\"=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\"\r\n"));
    assert!(plain.contains(",-2+3\r\n"));
    assert!(excel.starts_with('\u{feff}'));
    assert!(excel.contains(",\"'=HYPERLINK("), "{excel}");
    assert!(excel.contains(",'-2+3\r\n"));
    assert!(excel.contains(",'@SUM(A1)\r\n"));
    // Nothing else changes.
    let unquote = |s: &str| s.replace(['\'', '\u{feff}'], "");
    assert_eq!(unquote(excel), unquote(plain));
}

#[test]
fn an_entitys_subtype_and_external_id_reach_entities_csv_brat_and_jsonl() {
    let mut project = sample_project();
    // The reviewed SCO article links its countries; give one of its entities a subtype and an id.
    let reviewed = project
        .documents
        .iter()
        .find(|d| d.status == DocStatus::Reviewed)
        .unwrap();
    let linked = reviewed
        .spans
        .iter()
        .find(|s| s.entity.is_some() && s.label == "ORG")
        .expect("a reviewed ORG span linked to an entity");
    let id = linked.entity.unwrap();
    let entity = project.entities.iter_mut().find(|e| e.id == id).unwrap();
    entity.subtype = Some("IGO".into());
    entity.external_id = Some("Q1234567".into());
    let name = entity.name.clone();
    let texts = sample_texts();

    let csv = export(&project, Scope::Reviewed, Format::Csv, &texts);
    let row = csv_rows(&csv, "entities.csv")
        .into_iter()
        .find(|r| r["entity_name"] == name)
        .expect("the entity's row");
    assert_eq!(
        (
            row["entity_subtype"].as_str(),
            row["entity_external_id"].as_str()
        ),
        ("IGO", "Q1234567")
    );

    let brat = export(&project, Scope::Reviewed, Format::Brat, &texts);
    let ann = brat
        .iter()
        .find(|f| f.name.ends_with(".ann"))
        .map(|f| std::str::from_utf8(&f.bytes).unwrap())
        .unwrap();
    assert!(ann.contains("Reference T"), "{ann}");
    assert!(ann.contains("Wikidata:Q1234567"), "{ann}");
    assert!(
        ann.lines()
            .any(|l| l.starts_with('A') && l.contains("Subtype T") && l.ends_with(" IGO"))
    );
    assert!(file(&brat, "annotation.conf").contains("Subtype\tArg:<ENTITY>, Value:IGO"));

    let jsonl = export(&project, Scope::Reviewed, Format::Jsonl, &texts);
    let entities: Vec<Value> = file(&jsonl, "daftar.jsonl")
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .flat_map(|record| record["entities"].as_array().cloned().unwrap_or_default())
        .filter(|e| e["name"] == name.as_str())
        .collect();
    assert!(!entities.is_empty());
    assert!(
        entities
            .iter()
            .all(|e| e["subtype"] == "IGO" && e["external_id"] == "Q1234567")
    );
}
