//! Giving documents to annotators: by hand (each document to the people named), round robin
//! (each to the next person in turn), or double annotation (each to two people in turn, so that
//! every pair shares documents and their agreement can be measured). One undo step.

use super::Edit;
use crate::model::{DocId, Project};

/// How documents are shared out among the annotators named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignMode {
    /// Every document to every annotator named (one name: by hand to that person).
    Everyone,
    /// Each document to one annotator, in turn.
    RoundRobin,
    /// Each document to two annotators, in turn (a, b), (b, c), (c, a)…
    Double,
}

impl AssignMode {
    pub const ALL: [AssignMode; 3] = [
        AssignMode::Everyone,
        AssignMode::RoundRobin,
        AssignMode::Double,
    ];

    pub fn name(self) -> &'static str {
        match self {
            AssignMode::Everyone => "each document to everyone named",
            AssignMode::RoundRobin => "round robin: each document to the next person",
            AssignMode::Double => "double annotation: each document to two people",
        }
    }
}

/// Why documents could not be assigned.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum AssignError {
    #[error("name the annotators to give the documents to")]
    NoAnnotators,
    #[error("double annotation needs two annotators or more")]
    OneAnnotator,
    #[error("no documents to assign")]
    NoDocuments,
}

/// The annotators in a comma-separated list (Persian and Arabic commas too), trimmed, without
/// blanks or repeats, in the order given.
pub fn parse_annotators(list: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for name in list.split([',', '،', '؛', ';']) {
        let name = name.trim();
        if !name.is_empty() && !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    }
    names
}

/// The edit assigning `docs` (in this order) to `annotators` by `mode`. A document's annotators
/// are kept in name order.
pub fn assign(
    project: &Project,
    docs: &[DocId],
    annotators: &[String],
    mode: AssignMode,
) -> Result<Edit, AssignError> {
    if annotators.is_empty() {
        return Err(AssignError::NoAnnotators);
    }
    if mode == AssignMode::Double && annotators.len() < 2 {
        return Err(AssignError::OneAnnotator);
    }
    let docs: Vec<DocId> = docs
        .iter()
        .copied()
        .filter(|d| project.document(*d).is_some())
        .collect();
    if docs.is_empty() {
        return Err(AssignError::NoDocuments);
    }
    let n = annotators.len();
    let edits = docs
        .iter()
        .enumerate()
        .map(|(i, &doc)| {
            let mut given: Vec<String> = match mode {
                AssignMode::Everyone => annotators.to_vec(),
                AssignMode::RoundRobin => vec![annotators[i % n].clone()],
                AssignMode::Double => {
                    vec![annotators[i % n].clone(), annotators[(i + 1) % n].clone()]
                }
            };
            given.sort();
            Edit::SetAssigned {
                doc,
                annotators: given,
            }
        })
        .collect();
    Ok(Edit::Batch(edits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::document_for_text;
    use std::sync::Arc;

    fn project(documents: u64) -> Project {
        let mut project = Project::new("p", ".");
        for i in 0..documents {
            let document = document_for_text(DocId(i + 1), format!("{i}.txt"), "متن", "UTF-8");
            project.documents.push(Arc::new(document));
        }
        project
    }

    fn assigned(project: &Project) -> Vec<Vec<String>> {
        project
            .documents
            .iter()
            .map(|d| d.assigned.clone())
            .collect()
    }

    #[test]
    fn round_robin_and_double_annotation_share_documents_out_in_turn() {
        let names = parse_annotators("مریم، رضا, سارا ,مریم");
        assert_eq!(names, ["مریم", "رضا", "سارا"]);
        let mut p = project(4);
        let docs: Vec<DocId> = p.documents.iter().map(|d| d.id).collect();
        assign(&p, &docs, &names, AssignMode::RoundRobin)
            .unwrap()
            .apply(&mut p)
            .unwrap();
        assert_eq!(
            assigned(&p),
            [vec!["مریم"], vec!["رضا"], vec!["سارا"], vec!["مریم"]]
        );
        assign(&p, &docs, &names, AssignMode::Double)
            .unwrap()
            .apply(&mut p)
            .unwrap();
        let pairs = assigned(&p);
        assert!(pairs.iter().all(|p| p.len() == 2));
        assert_eq!(pairs[0], ["رضا", "مریم"], "kept in name order");
        assert_eq!(pairs[2], ["سارا", "مریم"], "round the list");
    }

    #[test]
    fn assigning_without_annotators_or_documents_is_refused() {
        let p = project(2);
        let docs: Vec<DocId> = p.documents.iter().map(|d| d.id).collect();
        assert_eq!(
            assign(&p, &docs, &[], AssignMode::Everyone),
            Err(AssignError::NoAnnotators)
        );
        assert_eq!(
            assign(&p, &docs, &["a".into()], AssignMode::Double),
            Err(AssignError::OneAnnotator)
        );
        assert_eq!(
            assign(&p, &[DocId(99)], &["a".into()], AssignMode::Everyone),
            Err(AssignError::NoDocuments)
        );
    }
}
