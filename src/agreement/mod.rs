//! How far annotators agree, measured on the documents two or more of them annotated.
//!
//! An annotator of a document is the author of one of its spans. Spans count whatever their
//! review state (agreement is about what the annotators did, not what the reviewer kept), except
//! EVIDENCE spans (made by filling a record's field, not by tagging), spans with no place in
//! the text (orphaned), and the "(other copy)" a merge keeps of a span two copies changed. Documents whose article changed on disk or cannot be read are skipped and
//! listed: their offsets are for another text.
//!
//! For each pair of annotators, over the documents both annotated, per label and overall:
//! span F1 on exact and on overlapping matches (same label), and Cohen's κ over tokens, where a
//! token's label is the one `records::tag_tokens` gives it (the CoNLL export's rule) or O. Per
//! label, κ is over "this label or not". Across all annotators: Fleiss' κ over the tokens of
//! documents three or more annotated, and Krippendorff's α (nominal, over tokens, any number of
//! annotators per document) over documents two or more annotated. For each pair, also
//! Krippendorff's α for unitizing (αu, `unitizing`): on the characters of the documents both
//! annotated, laid end to end, where each one's spans of a label begin and end, overlapping spans
//! of one annotator and label joined into one. Across three or more annotators αu is not
//! computed: it asks every rater to have unitized the whole continuum.

pub mod measures;
pub mod unitizing;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::{Document, Project, Span};
use crate::records::{EVIDENCE_LABEL, tag_tokens};
use crate::store::folder::OTHER_COPY_SUFFIX;
use crate::text::tokenize;
use measures::{Category, Mark, SpanCounts};

/// Everything `daftar agreement` reports (its `--json` is this, serialized).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Agreement {
    /// Every annotator with a span on a document that counted, sorted.
    pub annotators: Vec<String>,
    /// Documents two or more annotators annotated.
    pub documents: usize,
    /// One entry per pair of annotators with a document in common, in name order.
    pub pairs: Vec<PairAgreement>,
    /// Over documents three or more annotated, when there are any.
    pub fleiss: Option<GroupAgreement>,
    /// Over documents two or more annotated, when there are any.
    pub krippendorff: Option<GroupAgreement>,
    /// Documents left out, with why.
    pub skipped: Vec<Skipped>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Skipped {
    pub document: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairAgreement {
    pub annotators: [String; 2],
    pub documents: usize,
    pub tokens: usize,
    pub overall: Scores,
    /// Per label key (every label either annotator used on these documents).
    pub labels: BTreeMap<String, Scores>,
    /// Per document both annotated, in project order.
    pub per_document: Vec<DocumentScores>,
}

/// The measures of one pair on one set of spans and tokens.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Spans of the first and the second annotator.
    pub spans: [usize; 2],
    /// Span pairs with the same start, end and label.
    pub exact_matches: usize,
    pub f1_exact: Option<f64>,
    pub f1_overlap: Option<f64>,
    pub cohen_kappa: Option<f64>,
    /// Krippendorff's αu on the characters (see the module's words).
    pub unitizing_alpha: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentScores {
    /// The document's path in the corpus.
    pub document: String,
    pub tokens: usize,
    pub overall: Scores,
}

/// A coefficient across all annotators of a set of documents.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupAgreement {
    pub annotators: Vec<String>,
    pub documents: usize,
    pub tokens: usize,
    /// Fleiss' κ or Krippendorff's α, as the section says.
    pub value: Option<f64>,
    pub labels: BTreeMap<String, Option<f64>>,
}

/// One document as the measures see it: its tokens' categories and its spans, per annotator.
struct Rated<'p> {
    document: &'p Document,
    tokens: usize,
    /// Per annotator (sorted): the category of each token, and the spans as marks.
    by_annotator: BTreeMap<&'p str, (Vec<Category>, Vec<Mark>)>,
}

/// Label keys as categories: 0 is O, labels from 1 in first-seen order.
#[derive(Default)]
struct Categories<'p> {
    keys: Vec<&'p str>,
}

impl<'p> Categories<'p> {
    fn of(&mut self, label: &'p str) -> Category {
        let index = match self.keys.iter().position(|k| *k == label) {
            Some(index) => index,
            None => {
                self.keys.push(label);
                self.keys.len() - 1
            }
        };
        (index + 1) as Category
    }
}

/// The spans of a document that count, by author. A merge's "(other copy)" of someone's span
/// is not another annotator: it is left out.
fn counted_spans(document: &Document) -> BTreeMap<&str, Vec<&Span>> {
    let mut by_author: BTreeMap<&str, Vec<&Span>> = BTreeMap::new();
    for span in &document.spans {
        let copy = span.author.ends_with(OTHER_COPY_SUFFIX);
        if !copy && span.label != EVIDENCE_LABEL && !span.is_empty() && span.end <= document.chars {
            by_author.entry(&span.author).or_default().push(span);
        }
    }
    by_author
}

/// Measures agreement on `project`; `text_of` gives a document's article text as annotated
/// (`None` when it cannot: the document is skipped).
pub fn agreement(project: &Project, text_of: impl Fn(&Document) -> Option<String>) -> Agreement {
    let mut categories = Categories::default();
    let mut rated = Vec::new();
    let mut skipped = Vec::new();
    for document in &project.documents {
        let by_author = counted_spans(document);
        if by_author.len() < 2 {
            continue;
        }
        let Some(text) = text_of(document) else {
            skipped.push(Skipped {
                document: document.path.clone(),
                reason: "the article cannot be read as annotated (changed, missing or unreadable)"
                    .into(),
            });
            continue;
        };
        let tokens = tokenize(&text);
        let mut by_annotator = BTreeMap::new();
        for (author, spans) in by_author {
            let tags = tag_tokens(&tokens, spans.iter().copied());
            let labels = tags
                .labels()
                .map(|label| label.map_or(0, |l| categories.of(l)))
                .collect();
            let marks = spans
                .iter()
                .map(|s| Mark {
                    start: s.start,
                    end: s.end,
                    label: categories.of(&s.label),
                })
                .collect();
            by_annotator.insert(author, (labels, marks));
        }
        rated.push(Rated {
            document,
            tokens: tokens.len(),
            by_annotator,
        });
    }
    let annotators: BTreeSet<&str> = rated
        .iter()
        .flat_map(|r| r.by_annotator.keys().copied())
        .collect();
    let annotators: Vec<&str> = annotators.into_iter().collect();
    let mut pairs = Vec::new();
    for (i, a) in annotators.iter().enumerate() {
        for b in &annotators[i + 1..] {
            if let Some(pair) = pair_agreement(&rated, &categories, a, b) {
                pairs.push(pair);
            }
        }
    }
    Agreement {
        annotators: annotators.iter().map(|a| a.to_string()).collect(),
        documents: rated.len(),
        pairs,
        fleiss: group_agreement(&rated, &categories, 3, measures::fleiss_kappa),
        krippendorff: group_agreement(&rated, &categories, 2, measures::krippendorff_alpha_nominal),
        skipped,
    }
}

/// Cohen's κ over tokens: on all categories, or on "is `label` or not".
fn kappa_of(a: &[Category], b: &[Category], label: Option<Category>) -> Option<f64> {
    match label {
        None => measures::cohen_kappa(a, b),
        Some(label) => {
            let binary = |x: &[Category]| x.iter().map(|&c| Category::from(c == label)).collect();
            let (a, b): (Vec<_>, Vec<_>) = (binary(a), binary(b));
            measures::cohen_kappa(&a, &b)
        }
    }
}

fn scores(
    a: &[Category],
    b: &[Category],
    counts: SpanCounts,
    label: Option<Category>,
    unitizing_alpha: Option<f64>,
) -> Scores {
    Scores {
        spans: counts.spans,
        exact_matches: counts.exact,
        f1_exact: counts.f1_exact(),
        f1_overlap: counts.f1_overlap(),
        cohen_kappa: kappa_of(a, b, label),
        unitizing_alpha,
    }
}

/// Two annotators' spans as αu's units, per label, on their documents laid end to end.
#[derive(Default)]
struct Continuum {
    length: u64,
    units: BTreeMap<Category, Vec<unitizing::Unit>>,
}

impl Continuum {
    /// The next document: `chars` long, the marks of rater 0 and rater 1.
    fn add(&mut self, chars: usize, raters: [&[Mark]; 2]) {
        for (rater, marks) in raters.into_iter().enumerate() {
            for mark in marks {
                self.units
                    .entry(mark.label)
                    .or_default()
                    .push(unitizing::Unit {
                        rater,
                        begin: self.length + mark.start as u64,
                        length: (mark.end - mark.start) as u64,
                    });
            }
        }
        self.length += chars as u64;
    }

    /// αu over every label, and per label.
    fn alphas(self) -> (Option<f64>, BTreeMap<Category, Option<f64>>) {
        let mut per_label = BTreeMap::new();
        let mut every_label = Vec::new();
        for (label, units) in self.units {
            let units = unitizing::merge_overlapping(units);
            let disagreement = unitizing::disagreement(&units, 2, self.length);
            every_label.push(disagreement);
            per_label.insert(label, unitizing::alpha(disagreement, !units.is_empty()));
        }
        let overall = unitizing::alpha(unitizing::mean(&every_label), !every_label.is_empty());
        (overall, per_label)
    }
}

fn pair_agreement(
    rated: &[Rated],
    categories: &Categories,
    a: &str,
    b: &str,
) -> Option<PairAgreement> {
    let shared: Vec<&Rated> = rated
        .iter()
        .filter(|r| r.by_annotator.contains_key(a) && r.by_annotator.contains_key(b))
        .collect();
    if shared.is_empty() {
        return None;
    }
    let mut tokens_a = Vec::new();
    let mut tokens_b = Vec::new();
    let mut per_document = Vec::new();
    let mut overall = SpanCounts::default();
    let mut per_label: BTreeMap<Category, SpanCounts> = BTreeMap::new();
    let mut continuum = Continuum::default();
    for r in &shared {
        let (labels_a, marks_a) = &r.by_annotator[a];
        let (labels_b, marks_b) = &r.by_annotator[b];
        let counts = measures::compare_spans(marks_a, marks_b);
        overall.add(counts);
        let used: BTreeSet<Category> = marks_a.iter().chain(marks_b).map(|m| m.label).collect();
        for label in used {
            let only = |marks: &[Mark]| -> Vec<Mark> {
                marks.iter().filter(|m| m.label == label).copied().collect()
            };
            per_label
                .entry(label)
                .or_default()
                .add(measures::compare_spans(&only(marks_a), &only(marks_b)));
        }
        let mut alone = Continuum::default();
        alone.add(r.document.chars, [marks_a, marks_b]);
        continuum.add(r.document.chars, [marks_a, marks_b]);
        per_document.push(DocumentScores {
            document: r.document.path.clone(),
            tokens: r.tokens,
            overall: scores(labels_a, labels_b, counts, None, alone.alphas().0),
        });
        tokens_a.extend_from_slice(labels_a);
        tokens_b.extend_from_slice(labels_b);
    }
    let (unitizing_overall, unitizing_per_label) = continuum.alphas();
    let labels = per_label
        .into_iter()
        .map(|(label, counts)| {
            let key = categories.keys[usize::from(label) - 1].to_string();
            let alpha = unitizing_per_label.get(&label).copied().flatten();
            (
                key,
                scores(&tokens_a, &tokens_b, counts, Some(label), alpha),
            )
        })
        .collect();
    Some(PairAgreement {
        annotators: [a.to_string(), b.to_string()],
        documents: shared.len(),
        tokens: tokens_a.len(),
        overall: scores(&tokens_a, &tokens_b, overall, None, unitizing_overall),
        labels,
        per_document,
    })
}

/// A coefficient over the tokens of documents with at least `min_annotators` annotators: each
/// token an item rated by that document's annotators.
fn group_agreement(
    rated: &[Rated],
    categories: &Categories,
    min_annotators: usize,
    coefficient: fn(&[Vec<Category>]) -> Option<f64>,
) -> Option<GroupAgreement> {
    let docs: Vec<&Rated> = rated
        .iter()
        .filter(|r| r.by_annotator.len() >= min_annotators)
        .collect();
    if docs.is_empty() {
        return None;
    }
    let items: Vec<Vec<Category>> = docs
        .iter()
        .flat_map(|r| {
            (0..r.tokens).map(|t| {
                r.by_annotator
                    .values()
                    .map(|(labels, _)| labels[t])
                    .collect()
            })
        })
        .collect();
    let annotators: BTreeSet<&str> = docs
        .iter()
        .flat_map(|r| r.by_annotator.keys().copied())
        .collect();
    let used: BTreeSet<Category> = items
        .iter()
        .flatten()
        .copied()
        .filter(|&c| c != 0)
        .collect();
    let labels = used
        .into_iter()
        .map(|label| {
            let binary: Vec<Vec<Category>> = items
                .iter()
                .map(|ratings| {
                    ratings
                        .iter()
                        .map(|&c| Category::from(c == label))
                        .collect()
                })
                .collect();
            let key = categories.keys[usize::from(label) - 1].to_string();
            (key, coefficient(&binary))
        })
        .collect();
    Some(GroupAgreement {
        annotators: annotators.into_iter().map(str::to_string).collect(),
        documents: docs.len(),
        tokens: items.len(),
        value: coefficient(&items),
        labels,
    })
}

#[cfg(test)]
mod tests;
