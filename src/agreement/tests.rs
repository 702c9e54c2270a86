use super::*;
use crate::corpus::document_for_text;
use crate::model::{DocId, SpanId};
use std::sync::Arc;

const TEXT: &str = "عراقچی با لاوروف در مسکو دیدار کرد";

/// A project with one document holding `spans` as (author, quote, label).
fn project_with(spans: &[(&str, &str, &str)]) -> Project {
    let mut project = Project::new("agreement", ".");
    let mut document = document_for_text(DocId(1), "a.txt".into(), TEXT, "UTF-8");
    for (i, (author, quote, label)) in spans.iter().enumerate() {
        let start = TEXT[..TEXT.find(quote).unwrap()].chars().count();
        let end = start + quote.chars().count();
        let span = Span::quoting(SpanId(10 + i as u64), TEXT, start, end, *label, *author).unwrap();
        let at = document.insertion_index(&span);
        document.spans.insert(at, span);
    }
    project.documents.push(Arc::new(document));
    project
}

fn measure(project: &Project) -> Agreement {
    agreement(project, |_| Some(TEXT.to_string()))
}

#[test]
fn identical_annotations_agree_perfectly() {
    let project = project_with(&[
        ("maryam", "عراقچی", "PER"),
        ("maryam", "مسکو", "LOC"),
        ("reza", "عراقچی", "PER"),
        ("reza", "مسکو", "LOC"),
    ]);
    let result = measure(&project);
    assert_eq!(result.annotators, ["maryam", "reza"]);
    let pair = &result.pairs[0];
    assert_eq!(pair.documents, 1);
    assert_eq!(pair.tokens, 7);
    assert_eq!(pair.overall.f1_exact, Some(1.0));
    assert_eq!(pair.overall.cohen_kappa, Some(1.0));
    assert_eq!(pair.labels["LOC"].cohen_kappa, Some(1.0));
    assert!(result.fleiss.is_none(), "two annotators: no Fleiss' κ");
    assert_eq!(result.krippendorff.as_ref().unwrap().value, Some(1.0));
}

#[test]
fn a_boundary_disagreement_counts_as_overlap_but_not_exact() {
    let project = project_with(&[
        ("maryam", "لاوروف در مسکو", "LOC"),
        ("reza", "مسکو", "LOC"),
        ("reza", "عراقچی", "PER"),
    ]);
    let pair = &measure(&project).pairs[0];
    let loc = &pair.labels["LOC"];
    assert_eq!(loc.spans, [1, 1]);
    assert_eq!(loc.f1_exact, Some(0.0));
    assert_eq!(loc.f1_overlap, Some(1.0));
    assert_eq!(pair.labels["PER"].spans, [0, 1]);
    assert_eq!(pair.labels["PER"].f1_overlap, Some(0.0));
    // Tokens: عراقچی با لاوروف در مسکو دیدار کرد → maryam O O L L L O O, reza P O O O L O O.
    // Agreement on 4 of 7; chance from maryam (3 L, 4 O) and reza (1 P, 1 L, 5 O).
    let p_o = 4.0 / 7.0;
    let p_e = (3.0 * 1.0 + 4.0 * 5.0) / 49.0;
    let kappa = pair.overall.cohen_kappa.unwrap();
    assert!((kappa - (p_o - p_e) / (1.0 - p_e)).abs() < 1e-12, "{kappa}");
}

#[test]
fn evidence_spans_and_lone_annotators_do_not_count() {
    let project = project_with(&[("maryam", "عراقچی", "PER"), ("reza", "دیدار", "EVIDENCE")]);
    let result = measure(&project);
    assert!(result.pairs.is_empty(), "reza only filled a field");
    assert_eq!(result.documents, 0);
}

#[test]
fn a_document_whose_article_cannot_be_read_is_skipped_and_named() {
    let project = project_with(&[("maryam", "عراقچی", "PER"), ("reza", "مسکو", "LOC")]);
    let result = agreement(&project, |_| None);
    assert!(result.pairs.is_empty());
    assert_eq!(result.skipped.len(), 1);
    assert_eq!(result.skipped[0].document, "a.txt");
}

#[test]
fn three_annotators_give_fleiss_kappa_and_every_pair() {
    let project = project_with(&[
        ("maryam", "عراقچی", "PER"),
        ("reza", "عراقچی", "PER"),
        ("sara", "عراقچی", "PER"),
        ("sara", "مسکو", "LOC"),
    ]);
    let result = measure(&project);
    assert_eq!(result.pairs.len(), 3);
    let fleiss = result.fleiss.unwrap();
    assert_eq!(fleiss.annotators, ["maryam", "reza", "sara"]);
    assert_eq!(fleiss.tokens, 7);
    assert!(fleiss.value.unwrap() > 0.0 && fleiss.value.unwrap() < 1.0);
    assert_eq!(fleiss.labels["PER"], Some(1.0));
}

#[test]
fn a_merges_other_copy_is_not_an_annotator() {
    let project = project_with(&[
        ("maryam", "عراقچی", "PER"),
        ("maryam (other copy)", "عراقچی", "ORG"),
    ]);
    let result = measure(&project);
    assert!(result.pairs.is_empty(), "{result:?}");
}
