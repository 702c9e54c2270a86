//! Outcomes from the text: a new outcome from the words that report it, its title, actors, who
//! said it, more evidence. Each call is one undo step.

use super::RecordError;
use super::evidence::{ArticleRef, Selection, entity_of, evidence, optional_evidence};
use super::meetings::proposed_choice;
use crate::edit::Edit;
use crate::model::{
    Actor, ActorRole, EntityId, MeetingId, Outcome, OutcomeId, Project, Schema, Sourced, SpanRef,
};

/// The label of the span that reports an outcome.
pub const OUTCOME_LABEL: &str = "OUTCOME";
/// The label of an outcome's title (the declaration, the programme).
pub const TITLE_LABEL: &str = "DOC";

/// What an outcome's words propose for it: a type and a status of the schema, each with the
/// words that named it. Nothing is proposed where the words name nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OutcomeProposal {
    pub kind: Option<(String, String)>,
    pub status: Option<(String, String)>,
}

/// The type and status the schema's names and cues find in `quote` (تصویب → adopted, امضا →
/// signed, میزبان → next host…).
pub fn propose_outcome(schema: &Schema, quote: &str) -> OutcomeProposal {
    let proposed = |choices| {
        proposed_choice(choices, quote).map(|(choice, words)| (choice.key.clone(), words))
    };
    OutcomeProposal {
        kind: proposed(&schema.outcome_types),
        status: proposed(&schema.outcome_statuses),
    }
}

/// A new outcome of `meeting`. With a selection its words become the first evidence and propose
/// its type and status ([`propose_outcome`]); what they do not name stays empty for the annotator
/// to choose, never a silent default. One undo step.
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
    let (at, quote, mut edits) = optional_evidence(project, article, OUTCOME_LABEL, author)?;
    let proposal = propose_outcome(&project.schema, &quote);
    let key = |proposed: Option<(String, String)>| proposed.map(|(key, _)| key).unwrap_or_default();
    let mut outcome = Outcome::new(
        project.new_outcome_id(),
        meeting,
        &key(proposal.kind),
        &key(proposal.status),
        author,
    );
    outcome.evidence.extend(at);
    let id = outcome.id;
    edits.push(Edit::InsertOutcome(outcome));
    Ok((Edit::Batch(edits), id))
}

/// The edit that changes `outcome` with the span the selection names (made with `label` if
/// new) and, when `with_entity`, the entity that span names: one undo step.
#[allow(clippy::too_many_arguments)]
fn change_with_evidence(
    project: &mut Project,
    outcome: OutcomeId,
    article: ArticleRef,
    selection: &Selection,
    label: &str,
    with_entity: bool,
    author: &str,
    change: impl FnOnce(&mut Outcome, SpanRef, Option<EntityId>, &str),
) -> Result<Edit, RecordError> {
    let mut changed = project
        .outcome(outcome)
        .cloned()
        .ok_or(RecordError::NoOutcome(outcome))?;
    let mut found = evidence(project, article, selection, label, author)?;
    let (entity, mut edits) = if with_entity {
        let (entity, edits) = entity_of(project, &mut found);
        (Some(entity), edits)
    } else {
        (None, Vec::new())
    };
    change(&mut changed, found.at(), entity, found.quote());
    edits.extend(found.into_edits(project));
    edits.push(Edit::ReplaceOutcome(changed));
    Ok(Edit::Batch(edits))
}

/// Adds a span to the outcome's evidence, once.
fn add_evidence(outcome: &mut Outcome, at: SpanRef) {
    if !outcome.evidence.contains(&at) {
        outcome.evidence.push(at);
    }
}

/// The outcome's title from the selection (a DOC span).
pub fn set_outcome_title(
    project: &mut Project,
    outcome: OutcomeId,
    article: ArticleRef,
    selection: &Selection,
    author: &str,
) -> Result<Edit, RecordError> {
    change_with_evidence(
        project,
        outcome,
        article,
        selection,
        TITLE_LABEL,
        false,
        author,
        |o, at, _, quote| {
            o.title = Some(Sourced::with_evidence(quote.to_string(), at));
        },
    )
}

/// Adds the entity the selection names (GPE by default) as an actor of the outcome in `role`.
pub fn add_actor(
    project: &mut Project,
    outcome: OutcomeId,
    role: ActorRole,
    article: ArticleRef,
    selection: &Selection,
    author: &str,
) -> Result<Edit, RecordError> {
    change_with_evidence(
        project,
        outcome,
        article,
        selection,
        "GPE",
        true,
        author,
        |o, at, entity, _| {
            o.actors.push(Actor {
                entity: entity.expect("asked for the entity"),
                role,
                evidence: Some(at),
            });
        },
    )
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
    change_with_evidence(
        project,
        outcome,
        article,
        selection,
        "PER",
        true,
        author,
        |o, at, entity, _| {
            o.attributed_to = entity;
            add_evidence(o, at);
        },
    )
}

/// Adds the selection (an OUTCOME span) to the outcome's evidence.
pub fn add_outcome_evidence(
    project: &mut Project,
    outcome: OutcomeId,
    article: ArticleRef,
    selection: &Selection,
    author: &str,
) -> Result<Edit, RecordError> {
    change_with_evidence(
        project,
        outcome,
        article,
        selection,
        OUTCOME_LABEL,
        false,
        author,
        |o, at, _, _| add_evidence(o, at),
    )
}
