//! Curating a document two or more people annotated: their spans are kept apart (each keeps its
//! author); where they overlap they form a cluster, and the reviewer takes one person's version,
//! all of them, or none. The curated result is what the review keeps: the spans taken are
//! accepted, the others rejected with a comment saying what was taken instead, so export
//! ("reviewed work") carries exactly the curated spans, and agreement still measures what each
//! annotator did. A version equal to one already taken is rejected as a duplicate.

use std::collections::{BTreeMap, BTreeSet};

use super::Edit;
use super::review::{ReviewItem, decide};
use crate::model::{DocId, Document, Project, ReviewState, Span, SpanId, SpanRef};
use crate::records::EVIDENCE_LABEL;

/// Overlapping spans of the annotators of a document, one version per annotator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cluster {
    /// Code points covered by any of its spans.
    pub start: usize,
    pub end: usize,
    /// Per annotator of the document (all of them, in name order): their spans here, in order.
    pub versions: Vec<(String, Vec<SpanId>)>,
    /// Every annotator has the same spans (range and label) here.
    pub agreed: bool,
}

/// The spans curation considers: tagged ones (not EVIDENCE, which fills a record's field) with a
/// place in the text.
fn curated_spans(document: &Document) -> impl Iterator<Item = &Span> {
    document
        .spans
        .iter()
        .filter(|s| s.label != EVIDENCE_LABEL && !s.is_empty())
}

/// The annotators of a document: the authors of its spans, in name order.
pub fn annotators(document: &Document) -> Vec<String> {
    let names: BTreeSet<&str> = curated_spans(document).map(|s| s.author.as_str()).collect();
    names.into_iter().map(str::to_string).collect()
}

/// The clusters of a document two or more people annotated: disagreements first, then the
/// spans all agree on, each in reading order. Empty for a document one person annotated.
pub fn clusters(document: &Document) -> Vec<Cluster> {
    let annotators = annotators(document);
    if annotators.len() < 2 {
        return Vec::new();
    }
    let mut spans: Vec<&Span> = curated_spans(document).collect();
    spans.sort_by_key(|s| s.sort_key());
    let mut groups: Vec<(usize, usize, Vec<&Span>)> = Vec::new();
    for span in spans {
        match groups.last_mut() {
            Some((_, end, members)) if span.start < *end => {
                *end = (*end).max(span.end);
                members.push(span);
            }
            _ => groups.push((span.start, span.end, vec![span])),
        }
    }
    let mut clusters: Vec<Cluster> = groups
        .into_iter()
        .map(|(start, end, members)| {
            let versions: Vec<(String, Vec<SpanId>)> = annotators
                .iter()
                .map(|name| {
                    let ids = members
                        .iter()
                        .filter(|s| &s.author == name)
                        .map(|s| s.id)
                        .collect();
                    (name.clone(), ids)
                })
                .collect();
            let shape = |name: &str| -> Vec<(usize, usize, &str)> {
                members
                    .iter()
                    .filter(|s| s.author == name)
                    .map(|s| (s.start, s.end, s.label.as_str()))
                    .collect()
            };
            let first = shape(&annotators[0]);
            let agreed = annotators.iter().all(|name| shape(name) == first);
            Cluster {
                start,
                end,
                versions,
                agreed,
            }
        })
        .collect();
    clusters.sort_by_key(|c| (c.agreed, c.start));
    clusters
}

/// Whether every span of the cluster has been decided.
pub fn is_decided(document: &Document, cluster: &Cluster) -> bool {
    cluster
        .versions
        .iter()
        .flat_map(|(_, ids)| ids)
        .filter_map(|id| document.span(*id))
        .all(|s| !s.review.is_pending())
}

/// What the reviewer takes from a cluster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Take {
    /// The version of the annotator at this index of `Cluster::versions`.
    Version(usize),
    /// Every version (spans equal to one taken already are duplicates, left out).
    All,
    /// None of them.
    Nothing,
}

/// The review decisions that take `take` from `cluster` of `doc`, as one step. `None` if the
/// document or the version is not there.
pub fn take(
    project: &Project,
    doc: DocId,
    cluster: &Cluster,
    take: &Take,
    reviewer: &str,
) -> Option<Edit> {
    let document = project.document(doc)?;
    let taken: BTreeSet<usize> = match take {
        Take::Version(i) => {
            cluster.versions.get(*i)?;
            BTreeSet::from([*i])
        }
        Take::All => (0..cluster.versions.len()).collect(),
        Take::Nothing => BTreeSet::new(),
    };
    let kept_names: Vec<&str> = taken
        .iter()
        .map(|&i| cluster.versions[i].0.as_str())
        .collect();
    let instead = match kept_names.as_slice() {
        [] => "curation: none taken".to_string(),
        names => format!("curation: took {}'s", names.join(" and ")),
    };
    let mut kept: BTreeMap<(usize, usize, &str), SpanId> = BTreeMap::new();
    let mut edits = Vec::new();
    for (index, (_, ids)) in cluster.versions.iter().enumerate() {
        for &id in ids {
            let Some(span) = document.span(id) else {
                continue;
            };
            let (state, comment) = if !taken.contains(&index) {
                (ReviewState::Rejected, instead.clone())
            } else if let Some(first) = kept.get(&(span.start, span.end, span.label.as_str())) {
                (ReviewState::Rejected, format!("curation: same as {first}"))
            } else {
                kept.insert((span.start, span.end, span.label.as_str()), id);
                (ReviewState::Accepted, String::new())
            };
            let item = ReviewItem::Span(SpanRef { doc, span: id });
            edits.extend(decide(project, item, state, &comment, reviewer));
        }
    }
    Some(Edit::Batch(edits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::document_for_text;
    use std::sync::Arc;

    const TEXT: &str = "عراقچی با لاوروف در مسکو دیدار کرد";

    fn project(spans: &[(&str, &str, &str)]) -> (Project, DocId) {
        let mut project = Project::new("c", ".");
        let doc = DocId(1);
        let mut document = document_for_text(doc, "a.txt".into(), TEXT, "UTF-8");
        for (i, (author, quote, label)) in spans.iter().enumerate() {
            let start = TEXT[..TEXT.find(quote).unwrap()].chars().count();
            let end = start + quote.chars().count();
            let span =
                Span::quoting(SpanId(10 + i as u64), TEXT, start, end, *label, *author).unwrap();
            let at = document.insertion_index(&span);
            document.spans.insert(at, span);
        }
        project.documents.push(Arc::new(document));
        project.next_id = 100;
        (project, doc)
    }

    #[test]
    fn disagreements_come_first_with_every_annotators_version() {
        let (project, doc) = project(&[
            ("maryam", "عراقچی", "PER"),
            ("reza", "عراقچی", "PER"),
            ("maryam", "لاوروف در مسکو", "LOC"),
            ("reza", "مسکو", "GPE"),
            ("reza", "دیدار", "MEETING"),
        ]);
        let found = clusters(project.document(doc).unwrap());
        assert_eq!(found.len(), 3);
        assert!(!found[0].agreed && !found[1].agreed && found[2].agreed);
        assert_eq!(
            found[0].versions[0],
            ("maryam".to_string(), vec![SpanId(12)])
        );
        assert_eq!(found[0].versions[1], ("reza".to_string(), vec![SpanId(13)]));
        assert_eq!(
            found[1].versions[0].1,
            Vec::<SpanId>::new(),
            "maryam has no meeting"
        );
        assert_eq!(found[2].versions.len(), 2);
    }

    #[test]
    fn taking_one_version_accepts_it_and_rejects_the_others_saying_why() {
        let (mut project, doc) =
            project(&[("maryam", "لاوروف در مسکو", "LOC"), ("reza", "مسکو", "GPE")]);
        let cluster = clusters(project.document(doc).unwrap())[0].clone();
        take(&project, doc, &cluster, &Take::Version(1), "sara")
            .unwrap()
            .apply(&mut project)
            .unwrap();
        let document = project.document(doc).unwrap();
        let maryam = document.span(SpanId(10)).unwrap();
        let reza = document.span(SpanId(11)).unwrap();
        assert_eq!(maryam.review.state, ReviewState::Rejected);
        assert_eq!(maryam.review.comment, "curation: took reza's");
        assert_eq!(reza.review.state, ReviewState::Accepted);
        assert_eq!(reza.review.reviewer, "sara");
        assert!(is_decided(document, &cluster));
    }

    #[test]
    fn taking_all_keeps_one_of_equal_spans() {
        let (mut project, doc) = project(&[("maryam", "عراقچی", "PER"), ("reza", "عراقچی", "PER")]);
        let cluster = clusters(project.document(doc).unwrap())[0].clone();
        assert!(cluster.agreed);
        take(&project, doc, &cluster, &Take::All, "sara")
            .unwrap()
            .apply(&mut project)
            .unwrap();
        let document = project.document(doc).unwrap();
        let states: Vec<_> = document.spans.iter().map(|s| s.review.state).collect();
        assert_eq!(states, [ReviewState::Accepted, ReviewState::Rejected]);
        assert_eq!(document.spans[1].review.comment, "curation: same as s10");
    }

    #[test]
    fn one_annotator_has_nothing_to_curate() {
        let (project, doc) = project(&[("maryam", "عراقچی", "PER")]);
        assert!(clusters(project.document(doc).unwrap()).is_empty());
    }
}
