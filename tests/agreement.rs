//! Agreement measured on a hand-made fixture (three paragraphs of the sample, three annotators
//! disagreeing on boundaries, labels and nesting) equals the values scikit-learn, statsmodels and
//! the `krippendorff` package compute on the same token labels and spans, and, for Krippendorff's
//! unitizing α, DKPro Agreement's (`unitizing_reference.json`, by `scripts/unitizing_reference.py`).
//!
//! `tests/data/agreement/fixture.json` is written by hand. `tokens.tsv` and `spans.tsv` are what
//! Daftar measures (written by `DAFTAR_WRITE_AGREEMENT=1 cargo test --test agreement`, checked
//! here to be unchanged); `reference.json` is computed from them by
//! `scripts/agreement_reference.py` (see its header).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use daftar::agreement::{Agreement, Scores, agreement};
use daftar::corpus::document_for_text;
use daftar::model::{DocId, Project, Span, SpanId};
use daftar::records::{EVIDENCE_LABEL, tag_tokens};
use daftar::text::tokenize;
use serde_json::Value;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/agreement");

/// The fixture as a project, and each document's text by path.
fn fixture_project() -> (Project, BTreeMap<String, String>) {
    let fixture: Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(DATA).join("fixture.json")).unwrap(),
    )
    .unwrap();
    let mut project = Project::new("agreement fixture", ".");
    let mut texts = BTreeMap::new();
    for (d, doc) in fixture["documents"].as_array().unwrap().iter().enumerate() {
        let path = doc["path"].as_str().unwrap().to_string();
        let text = doc["text"].as_str().unwrap().to_string();
        let mut document = document_for_text(DocId(d as u64 + 1), path.clone(), &text, "UTF-8");
        for span in doc["spans"].as_array().unwrap() {
            let quote = span["quote"].as_str().unwrap();
            let occurrence = span["occurrence"].as_u64().unwrap_or(1) as usize;
            let byte = text
                .match_indices(quote)
                .nth(occurrence - 1)
                .unwrap_or_else(|| panic!("{path}: no occurrence {occurrence} of {quote:?}"))
                .0;
            let start = text[..byte].chars().count();
            let end = start + quote.chars().count();
            let id = SpanId(project.allocate_id());
            let annotator = span["annotator"].as_str().unwrap();
            let label = span["label"].as_str().unwrap();
            let span = Span::quoting(id, &text, start, end, label, annotator)
                .unwrap_or_else(|| panic!("{path}: {quote:?} splits a character"));
            let at = document.insertion_index(&span);
            document.spans.insert(at, span);
        }
        texts.insert(path, text);
        project.documents.push(Arc::new(document));
    }
    (project, texts)
}

/// The token labels and spans Daftar measures, as the reference script reads them.
fn measured_inputs(project: &Project, texts: &BTreeMap<String, String>) -> (String, String) {
    let mut tokens_tsv = String::from("document\ttoken\tannotator\tlabel\n");
    let mut spans_tsv = String::from("document\tannotator\tstart\tend\tlabel\n");
    for document in &project.documents {
        let tokens = tokenize(&texts[&document.path]);
        let mut by_author: BTreeMap<&str, Vec<&Span>> = BTreeMap::new();
        for span in document.spans.iter().filter(|s| s.label != EVIDENCE_LABEL) {
            by_author.entry(&span.author).or_default().push(span);
        }
        for (author, spans) in by_author {
            for span in &spans {
                let _ = writeln!(
                    spans_tsv,
                    "{}\t{author}\t{}\t{}\t{}",
                    document.path, span.start, span.end, span.label
                );
            }
            let tags = tag_tokens(&tokens, spans.iter().copied());
            for (i, label) in tags.labels().enumerate() {
                let label = label.unwrap_or("O");
                let _ = writeln!(tokens_tsv, "{}\t{i}\t{author}\t{label}", document.path);
            }
        }
    }
    (tokens_tsv, spans_tsv)
}

fn measure() -> Agreement {
    let (project, texts) = fixture_project();
    agreement(&project, |d| texts.get(&d.path).cloned())
}

#[test]
fn reference_inputs_are_what_daftar_measures() {
    let (project, texts) = fixture_project();
    let (tokens, spans) = measured_inputs(&project, &texts);
    let data = Path::new(DATA);
    if std::env::var_os("DAFTAR_WRITE_AGREEMENT").is_some() {
        std::fs::write(data.join("tokens.tsv"), &tokens).unwrap();
        std::fs::write(data.join("spans.tsv"), &spans).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(data.join("tokens.tsv")).unwrap(),
        tokens,
        "token labels changed: rerun with DAFTAR_WRITE_AGREEMENT=1, then the reference script"
    );
    assert_eq!(
        std::fs::read_to_string(data.join("spans.tsv")).unwrap(),
        spans
    );
}

/// A file of reference values in the test data.
fn reference(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(Path::new(DATA).join(name)).unwrap()).unwrap()
}

/// Asserts a measured value equals the reference's (`null` for undefined), to 1e-9.
fn assert_close(what: &str, measured: Option<f64>, reference: &Value) {
    match (measured, reference.as_f64()) {
        (Some(m), Some(r)) => assert!((m - r).abs() < 1e-9, "{what}: {m} vs reference {r}"),
        (None, None) => {}
        _ => panic!("{what}: {measured:?} vs reference {reference}"),
    }
}

fn assert_scores(what: &str, scores: &Scores, reference: &Value) {
    assert_close(
        &format!("{what} f1_exact"),
        scores.f1_exact,
        &reference["f1_exact"],
    );
    assert_close(
        &format!("{what} f1_overlap"),
        scores.f1_overlap,
        &reference["f1_overlap"],
    );
    assert_close(
        &format!("{what} cohen_kappa"),
        scores.cohen_kappa,
        &reference["cohen_kappa"],
    );
}

#[test]
fn agreement_equals_scikit_learn_statsmodels_and_krippendorff() {
    let reference = reference("reference.json");
    let measured = measure();
    let pairs = reference["pairs"].as_object().unwrap();
    assert_eq!(measured.pairs.len(), pairs.len());
    for pair in &measured.pairs {
        let name = pair.annotators.join("|");
        let expected = &pairs[&name];
        assert_eq!(
            pair.documents as u64,
            expected["documents"].as_u64().unwrap(),
            "{name}"
        );
        assert_eq!(
            pair.tokens as u64,
            expected["tokens"].as_u64().unwrap(),
            "{name}"
        );
        assert_scores(&name, &pair.overall, &expected["overall"]);
        let labels = expected["labels"].as_object().unwrap();
        assert_eq!(
            pair.labels.keys().collect::<Vec<_>>(),
            labels.keys().collect::<Vec<_>>(),
            "{name}"
        );
        for (label, scores) in &pair.labels {
            assert_scores(&format!("{name} {label}"), scores, &labels[label]);
        }
    }
    for (section, measured) in [
        ("fleiss", measured.fleiss.as_ref()),
        ("krippendorff", measured.krippendorff.as_ref()),
    ] {
        let measured = measured.unwrap_or_else(|| panic!("no {section}"));
        let expected = &reference[section];
        assert_eq!(measured.tokens as u64, expected["tokens"].as_u64().unwrap());
        assert_close(section, measured.value, &expected["value"]);
        let labels = expected["labels"].as_object().unwrap();
        assert_eq!(measured.labels.len(), labels.len(), "{section}");
        for (label, value) in &measured.labels {
            assert_close(&format!("{section} {label}"), *value, &labels[label]);
        }
    }
}

/// Krippendorff's unitizing α per pair, per label and per document equals DKPro Agreement's
/// (`scripts/unitizing_reference.py`).
#[test]
fn unitizing_alpha_equals_dkpro_agreement() {
    let reference = reference("unitizing_reference.json");
    let measured = measure();
    let pairs = reference["pairs"].as_object().unwrap();
    assert_eq!(measured.pairs.len(), pairs.len());
    for pair in &measured.pairs {
        let name = pair.annotators.join("|");
        let expected = &pairs[&name];
        assert_close(
            &format!("{name} αu"),
            pair.overall.unitizing_alpha,
            &expected["unitizing_alpha"],
        );
        let labels = expected["labels"].as_object().unwrap();
        assert_eq!(pair.labels.len(), labels.len(), "{name}");
        for (label, scores) in &pair.labels {
            assert_close(
                &format!("{name} {label} αu"),
                scores.unitizing_alpha,
                &labels[label],
            );
        }
        let documents = expected["documents"].as_object().unwrap();
        assert_eq!(pair.per_document.len(), documents.len(), "{name}");
        for document in &pair.per_document {
            assert_close(
                &format!("{name} {} αu", document.document),
                document.overall.unitizing_alpha,
                &documents[&document.document],
            );
        }
    }
}

#[test]
fn the_fixture_disagrees_enough_to_test_something() {
    let measured = measure();
    assert_eq!(measured.annotators, ["maryam", "reza", "sara"]);
    assert_eq!(measured.pairs.len(), 3);
    for pair in &measured.pairs {
        let kappa = pair.overall.cohen_kappa.unwrap();
        assert!(
            kappa > 0.2 && kappa < 0.95,
            "{:?}: {kappa}",
            pair.annotators
        );
    }
    assert_eq!(measured.fleiss.unwrap().documents, 1);
    assert_eq!(measured.krippendorff.unwrap().documents, 3);
}
