//! Outcomes from the text: a new outcome from the words that report it, its title, actors, who
//! said it, more evidence. Each call is one undo step.

use super::RecordError;
use super::evidence::{ArticleRef, Selection, entity_of, evidence};
use super::meetings::choice_named_in;
use crate::edit::Edit;
use crate::model::{Actor, ActorRole, MeetingId, Outcome, OutcomeId, Project, Sourced};

/// The label of the span that reports an outcome.
pub const OUTCOME_LABEL: &str = "OUTCOME";
/// The label of an outcome's title (the declaration, the programme).
pub const TITLE_LABEL: &str = "DOC";

/// The status of a new outcome until the annotator sets it.
pub const DEFAULT_STATUS: &str = "unknown";

/// A new outcome of `meeting`. With a selection its words become the first evidence, and a type
/// named in them is preselected (else the schema's first type). One undo step.
pub fn new_outcome(
    project: &mut Project,
    meeting: Option<MeetingId>,
    article: Option<(ArticleRef, Selection)>,
    author: &str,
) -> Result<(Edit, OutcomeId), RecordError> {
    if let Some(meeting) = meeting {
        project
            .meeting(meeting)
            .ok_or(RecordError::NoMeeting(meeting))?;
    }
    let mut edits = Vec::new();
    let mut at = None;
    let mut kind = project
        .schema
        .outcome_types
        .first()
        .map(|c| c.key.clone())
        .unwrap_or_default();
    if let Some((article, selection)) = article {
        let found = evidence(project, article, &selection, OUTCOME_LABEL, author)?;
        if let Some(named) = choice_named_in(&project.schema.outcome_types, found.quote()) {
            kind = named.key.clone();
        }
        at = Some(found.at());
        edits.extend(found.into_edits(project));
    }
    let mut outcome = Outcome::new(
        project.new_outcome_id(),
        meeting,
        &kind,
        DEFAULT_STATUS,
        author,
    );
    outcome.evidence.extend(at);
    let id = outcome.id;
    edits.push(Edit::InsertOutcome(outcome));
    Ok((Edit::Batch(edits), id))
}

fn outcome_copy(project: &Project, id: OutcomeId) -> Result<Outcome, RecordError> {
    project
        .outcome(id)
        .cloned()
        .ok_or(RecordError::NoOutcome(id))
}

/// The outcome's title from the selection (a DOC span).
pub fn set_outcome_title(
    project: &mut Project,
    outcome: OutcomeId,
    article: ArticleRef,
    selection: &Selection,
    author: &str,
) -> Result<Edit, RecordError> {
    let mut changed = outcome_copy(project, outcome)?;
    let found = evidence(project, article, selection, TITLE_LABEL, author)?;
    changed.title = Some(Sourced::with_evidence(
        found.quote().to_string(),
        found.at(),
    ));
    let mut edits = found.into_edits(project);
    edits.push(Edit::ReplaceOutcome(changed));
    Ok(Edit::Batch(edits))
}

/// Adds the entity the selection names as an actor of the outcome in `role`.
pub fn add_actor(
    project: &mut Project,
    outcome: OutcomeId,
    role: ActorRole,
    article: ArticleRef,
    selection: &Selection,
    author: &str,
) -> Result<Edit, RecordError> {
    let mut changed = outcome_copy(project, outcome)?;
    let mut found = evidence(project, article, selection, "GPE", author)?;
    let (entity, mut edits) = entity_of(project, &mut found);
    changed.actors.push(Actor {
        entity,
        role,
        evidence: Some(found.at()),
    });
    edits.extend(found.into_edits(project));
    edits.push(Edit::ReplaceOutcome(changed));
    Ok(Edit::Batch(edits))
}

/// Records who is reported as saying it (the selection names a person, PER by default); the
/// span joins the outcome's evidence.
pub fn set_attributed_to(
    project: &mut Project,
    outcome: OutcomeId,
    article: ArticleRef,
    selection: &Selection,
    author: &str,
) -> Result<Edit, RecordError> {
    let mut changed = outcome_copy(project, outcome)?;
    let mut found = evidence(project, article, selection, "PER", author)?;
    let (entity, mut edits) = entity_of(project, &mut found);
    changed.attributed_to = Some(entity);
    if !changed.evidence.contains(&found.at()) {
        changed.evidence.push(found.at());
    }
    edits.extend(found.into_edits(project));
    edits.push(Edit::ReplaceOutcome(changed));
    Ok(Edit::Batch(edits))
}

/// Adds the selection (an OUTCOME span) to the outcome's evidence.
pub fn add_outcome_evidence(
    project: &mut Project,
    outcome: OutcomeId,
    article: ArticleRef,
    selection: &Selection,
    author: &str,
) -> Result<Edit, RecordError> {
    let mut changed = outcome_copy(project, outcome)?;
    let found = evidence(project, article, selection, OUTCOME_LABEL, author)?;
    if !changed.evidence.contains(&found.at()) {
        changed.evidence.push(found.at());
    }
    let mut edits = found.into_edits(project);
    edits.push(Edit::ReplaceOutcome(changed));
    Ok(Edit::Batch(edits))
}
