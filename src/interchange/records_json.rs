//! Meetings, outcomes, entities and review states as JSON values, shared by the JSON formats.
//! Ids are written with their kind prefix (`d5`, `s12`, `e9`, `m7`, `o25`) so they cannot be
//! confused across kinds.

use serde_json::{Value, json};

use crate::model::ReviewState;

use crate::model::codes::{CodesSource, meeting_codes, outcome_codes};
use crate::model::{
    ActorRole, DateValue, EntityId, EventCodes, Meeting, Outcome, Project, Review, Sourced, SpanRef,
};

pub fn state_name(state: ReviewState) -> &'static str {
    state.name()
}

pub fn review(review: &Review) -> Value {
    json!({
        "state": state_name(review.state),
        "comment": review.comment,
        "reviewer": review.reviewer,
        "at": review.at,
    })
}

pub fn evidence(at: SpanRef) -> Value {
    json!({ "doc": at.doc.to_string(), "span": at.span.to_string() })
}

fn codes(codes: &EventCodes, source: CodesSource) -> Value {
    json!({
        "cameo": codes.cameo,
        "plover_event": codes.plover_event,
        "plover_mode": codes.plover_mode,
        "plover_contexts": codes.plover_contexts,
        "source": match source {
            CodesSource::Derived => "derived",
            CodesSource::SetByHand => "set_by_hand",
        },
    })
}

fn entity_ref(project: &Project, id: EntityId) -> Value {
    let entity = project.entity(id);
    json!({
        "entity": id.to_string(),
        "name": entity.map(|e| e.name.as_str()),
        "kind": entity.map(|e| e.kind.as_str()),
        "external_id": entity.and_then(|e| e.external_id.as_deref()),
    })
}

fn sourced_entity(project: &Project, field: &Option<Sourced<EntityId>>) -> Value {
    match field {
        Some(f) => {
            let mut value = entity_ref(project, f.value);
            value["evidence"] = f.evidence.map(evidence).into();
            value
        }
        None => Value::Null,
    }
}

fn sourced_text(field: &Option<Sourced<String>>) -> Value {
    match field {
        Some(f) => json!({ "value": f.value, "evidence": f.evidence.map(evidence) }),
        None => Value::Null,
    }
}

fn date(field: &Option<Sourced<DateValue>>) -> Value {
    match field {
        Some(f) => json!({
            "iso": f.value.iso,
            "original": f.value.original,
            "calendar": format!("{:?}", f.value.calendar),
            "precision": format!("{:?}", f.value.precision).to_lowercase(),
            "evidence": f.evidence.map(evidence),
        }),
        None => Value::Null,
    }
}

pub fn meeting(project: &Project, meeting: &Meeting) -> Value {
    let (meeting_codes, source) = meeting_codes(&project.schema, meeting);
    json!({
        "id": meeting.id.to_string(),
        "organization": sourced_entity(project, &meeting.organization),
        "body": sourced_text(&meeting.body),
        "level": sourced_text(&meeting.level),
        "sector": sourced_text(&meeting.sector),
        "ordinal": meeting.ordinal.as_ref().map(|o| json!({
            "value": o.value, "evidence": o.evidence.map(evidence)
        })),
        "session_type": sourced_text(&meeting.session_type),
        "venue": sourced_entity(project, &meeting.venue),
        "host": sourced_entity(project, &meeting.host),
        "chair": sourced_entity(project, &meeting.chair),
        "start": date(&meeting.start),
        "end": date(&meeting.end),
        "participants": meeting.participants.iter().map(|p| {
            let mut value = match p.entity {
                Some(entity) => entity_ref(project, entity),
                None => json!({}),
            };
            value["count"] = p.count.into();
            value["all_members"] = p.all_members.into();
            value["description"] = p.description.clone().into();
            value["role"] = p.role.clone().into();
            value["evidence"] = p.evidence.map(evidence).into();
            value
        }).collect::<Vec<_>>(),
        "date_not_stated": meeting.date_not_stated,
        "date_latest": project.latest_date_of(meeting),
        "realis": format!("{:?}", meeting.realis).to_lowercase(),
        "codes": codes(&meeting_codes, source),
        "evidence": meeting.evidence.iter().map(|e| evidence(*e)).collect::<Vec<_>>(),
        "note": meeting.note,
        "author": meeting.author,
        "created": meeting.created,
        "review": review(&meeting.review),
    })
}

pub fn actor_role(role: ActorRole) -> &'static str {
    match role {
        ActorRole::Adopter => "adopter",
        ActorRole::Proposer => "proposer",
        ActorRole::Beneficiary => "beneficiary",
        ActorRole::ApprovingBody => "approving_body",
    }
}

pub fn outcome(project: &Project, outcome: &Outcome) -> Value {
    let meeting = outcome.meeting.and_then(|m| project.meeting(m));
    let (outcome_codes, source) = outcome_codes(&project.schema, outcome, meeting);
    json!({
        "id": outcome.id.to_string(),
        "meeting": outcome.meeting.map(|m| m.to_string()),
        "type": (!outcome.kind.is_empty()).then_some(&outcome.kind),
        "status": (!outcome.status.is_empty()).then_some(&outcome.status),
        "title": sourced_text(&outcome.title),
        "actors": outcome.actors.iter().map(|a| {
            let mut value = entity_ref(project, a.entity);
            value["role"] = actor_role(a.role).into();
            value["evidence"] = a.evidence.map(evidence).into();
            value
        }).collect::<Vec<_>>(),
        "attributed_to": outcome.attributed_to.map(|e| entity_ref(project, e)),
        "codes": codes(&outcome_codes, source),
        "evidence": outcome.evidence.iter().map(|e| evidence(*e)).collect::<Vec<_>>(),
        "note": outcome.note,
        "author": outcome.author,
        "created": outcome.created,
        "review": review(&outcome.review),
    })
}

pub fn entity(project: &Project, id: EntityId) -> Value {
    let Some(entity) = project.entity(id) else {
        return json!({ "id": id.to_string() });
    };
    json!({
        "id": id.to_string(),
        "name": entity.name,
        "aliases": entity.aliases,
        "kind": entity.kind,
        "subtype": entity.subtype,
        "external_id": entity.external_id,
    })
}
