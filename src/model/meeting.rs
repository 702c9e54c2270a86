//! Meetings reported by articles and the outcomes they produced.
//!
//! Both are project-level records: two articles about the same meeting share one record, and
//! their evidence can come from any document. Field values that come from the schema (levels,
//! outcome types, statuses, roles) are stored as the schema's keys.

use serde::{Deserialize, Serialize};

use super::ids::{EntityId, MeetingId, OutcomeId, SpanRef};
use super::review::Review;

/// Event codes of a meeting or outcome in the two ontologies event data users work with:
/// CAMEO (a numeric code such as `057`) and PLOVER (event type, mode and contexts).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventCodes {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plover_event: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plover_mode: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plover_contexts: Vec<String>,
}

/// A value together with the span of text it was read from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sourced<T> {
    pub value: T,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<SpanRef>,
}

impl<T> Sourced<T> {
    pub fn new(value: T) -> Self {
        Sourced {
            value,
            evidence: None,
        }
    }

    pub fn with_evidence(value: T, evidence: SpanRef) -> Self {
        Sourced {
            value,
            evidence: Some(evidence),
        }
    }
}

/// The calendar a date was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Calendar {
    Gregorian,
    /// The Iranian (Solar Hijri, Jalali) calendar.
    SolarHijri,
    /// The Islamic (lunar Hijri) calendar.
    Hijri,
}

/// How much of a date the text gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// A date normalised to ISO 8601 (Gregorian), keeping what the text said.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateValue {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` depending on `precision`.
    pub iso: String,
    pub original: String,
    pub calendar: Calendar,
    pub precision: Precision,
}

/// Whether the meeting took place.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Realis {
    #[default]
    Held,
    Planned,
    Hypothetical,
    Cancelled,
}

/// A participant of a meeting: an entity, or an unnamed group ("two countries as special guests").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<EntityId>,
    /// For unnamed participants: how many.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Free description of an unnamed participant ("countries", "observers").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Role key from the schema (host, chair, head_of_delegation, member…).
    pub role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<SpanRef>,
}

/// One meeting: who met, where, when, at what level, and whether it happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: MeetingId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<Sourced<EntityId>>,
    /// The body of the organization that met (e.g. Council of Foreign Ministers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Sourced<String>>,
    /// Level key from the schema (summit, ministerial, senior_officials, expert…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Sourced<String>>,
    /// Sector key (interior, foreign_affairs, economy…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sourced<String>>,
    /// "The fourth meeting": 4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordinal: Option<Sourced<u32>>,
    /// Session type key (regular, extraordinary, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_type: Option<Sourced<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<Sourced<EntityId>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<Sourced<EntityId>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<Sourced<EntityId>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Sourced<DateValue>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Sourced<DateValue>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    #[serde(default)]
    pub realis: Realis,
    /// CAMEO/PLOVER codes the analyst set by hand; `None` uses the ones the schema derives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub codes: Option<EventCodes>,
    /// Spans that report the meeting as a whole (its trigger words).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<SpanRef>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default)]
    pub author: String,
    /// RFC 3339 creation time.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub created: String,
    #[serde(default)]
    pub review: Review,
}

/// The part an actor played in an outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActorRole {
    /// Adopted or signed it.
    Adopter,
    Proposer,
    /// The one it is for or against.
    Beneficiary,
    /// The body it was sent to for approval.
    ApprovingBody,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub entity: EntityId,
    pub role: ActorRole,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<SpanRef>,
}

/// What a meeting produced: a declaration adopted, an agreement signed, a next host designated…
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub id: OutcomeId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<MeetingId>,
    /// Outcome type key from the schema (declaration_adopted, agreement_signed…).
    pub kind: String,
    /// Status key from the schema (proposed, agreed, adopted, signed…).
    pub status: String,
    /// The title of the document it concerns (a declaration, a programme), as a span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Sourced<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Actor>,
    /// Who is reported as saying it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<EntityId>,
    /// CAMEO/PLOVER codes the analyst set by hand; `None` uses the ones the schema derives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub codes: Option<EventCodes>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<SpanRef>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default)]
    pub author: String,
    /// RFC 3339 creation time.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub created: String,
    #[serde(default)]
    pub review: Review,
}

/// The single-valued meeting fields, in schema order.
pub const MEETING_FIELDS_WITH_EVIDENCE: [&str; 11] = [
    "organization",
    "body",
    "level",
    "sector",
    "ordinal",
    "session_type",
    "venue",
    "host",
    "chair",
    "start",
    "end",
];

impl Meeting {
    /// An empty record (held, nothing filled in yet).
    pub fn new(id: MeetingId, author: &str) -> Self {
        Meeting {
            id,
            organization: None,
            body: None,
            level: None,
            sector: None,
            ordinal: None,
            session_type: None,
            venue: None,
            host: None,
            chair: None,
            start: None,
            end: None,
            participants: Vec::new(),
            realis: Realis::Held,
            codes: None,
            evidence: Vec::new(),
            note: String::new(),
            author: author.to_string(),
            created: super::now_rfc3339(),
            review: Review::default(),
        }
    }

    /// Whether the field (a schema key) has a value.
    pub fn has_field(&self, key: &str) -> bool {
        match key {
            "organization" => self.organization.is_some(),
            "body" => self.body.is_some(),
            "level" => self.level.is_some(),
            "sector" => self.sector.is_some(),
            "ordinal" => self.ordinal.is_some(),
            "session_type" => self.session_type.is_some(),
            "venue" => self.venue.is_some(),
            "host" => self.host.is_some(),
            "chair" => self.chair.is_some(),
            "start" => self.start.is_some(),
            "end" => self.end.is_some(),
            "participants" => !self.participants.is_empty(),
            "realis" => true,
            _ => false,
        }
    }

    /// The evidence span of a field (a schema key), if it has one.
    pub fn field_evidence(&self, key: &str) -> Option<SpanRef> {
        match key {
            "organization" => self.organization.as_ref()?.evidence,
            "body" => self.body.as_ref()?.evidence,
            "level" => self.level.as_ref()?.evidence,
            "sector" => self.sector.as_ref()?.evidence,
            "ordinal" => self.ordinal.as_ref()?.evidence,
            "session_type" => self.session_type.as_ref()?.evidence,
            "venue" => self.venue.as_ref()?.evidence,
            "host" => self.host.as_ref()?.evidence,
            "chair" => self.chair.as_ref()?.evidence,
            "start" => self.start.as_ref()?.evidence,
            "end" => self.end.as_ref()?.evidence,
            _ => None,
        }
    }

    /// Empties a field (a schema key). Its evidence span stays on the article.
    pub fn clear_field(&mut self, key: &str) {
        match key {
            "organization" => self.organization = None,
            "body" => self.body = None,
            "level" => self.level = None,
            "sector" => self.sector = None,
            "ordinal" => self.ordinal = None,
            "session_type" => self.session_type = None,
            "venue" => self.venue = None,
            "host" => self.host = None,
            "chair" => self.chair = None,
            "start" => self.start = None,
            "end" => self.end = None,
            "participants" => self.participants.clear(),
            _ => {}
        }
    }

    /// The value of a closed-list field (level, sector, session type), as its schema key.
    pub fn choice_field(&self, key: &str) -> Option<&str> {
        match key {
            "level" => self.level.as_ref().map(|f| f.value.as_str()),
            "sector" => self.sector.as_ref().map(|f| f.value.as_str()),
            "session_type" => self.session_type.as_ref().map(|f| f.value.as_str()),
            _ => None,
        }
    }

    /// Sets a closed-list field to `value`, keeping its evidence.
    pub fn set_choice_field(&mut self, key: &str, value: &str) {
        let slot = match key {
            "level" => &mut self.level,
            "sector" => &mut self.sector,
            "session_type" => &mut self.session_type,
            _ => return,
        };
        let evidence = slot.as_ref().and_then(|f| f.evidence);
        *slot = Some(Sourced {
            value: value.to_string(),
            evidence,
        });
    }

    /// Every span the record points at (its fields' evidence, participants', its own).
    pub fn evidence_spans(&self) -> impl Iterator<Item = SpanRef> + '_ {
        MEETING_FIELDS_WITH_EVIDENCE
            .iter()
            .filter_map(|key| self.field_evidence(key))
            .chain(self.participants.iter().filter_map(|p| p.evidence))
            .chain(self.evidence.iter().copied())
    }
}

impl Outcome {
    /// A new outcome of `kind` with `status`, for `meeting`.
    pub fn new(
        id: OutcomeId,
        meeting: Option<MeetingId>,
        kind: &str,
        status: &str,
        author: &str,
    ) -> Self {
        Outcome {
            id,
            meeting,
            kind: kind.to_string(),
            status: status.to_string(),
            title: None,
            actors: Vec::new(),
            attributed_to: None,
            codes: None,
            evidence: Vec::new(),
            note: String::new(),
            author: author.to_string(),
            created: super::now_rfc3339(),
            review: Review::default(),
        }
    }

    /// Every span the record points at.
    pub fn evidence_spans(&self) -> impl Iterator<Item = SpanRef> + '_ {
        self.title
            .as_ref()
            .and_then(|t| t.evidence)
            .into_iter()
            .chain(self.actors.iter().filter_map(|a| a.evidence))
            .chain(self.evidence.iter().copied())
    }
}
