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
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
pub struct Participant {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<EntityId>,
    /// For unnamed participants: how many.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// An unnamed group that is every member ("all member states"): no count is invented.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub all_members: bool,
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
#[serde(deny_unknown_fields)]
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
    /// The articles do not say when it met: recorded as such instead of an invented date.
    /// [`Meeting::latest_date`] gives the bound the articles do give.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub date_not_stated: bool,
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
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub entity: EntityId,
    pub role: ActorRole,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<SpanRef>,
}

/// What a meeting produced: a declaration adopted, an agreement signed, a next host designated…
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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

/// A field of a meeting record. In the schema and the project file it is written as its key
/// (`"organization"`); a key that names no field is an error when the schema is loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MeetingField {
    Organization,
    Body,
    Level,
    Sector,
    Ordinal,
    SessionType,
    Venue,
    Host,
    Chair,
    Start,
    End,
    Participants,
    Realis,
}

/// What a meeting field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldValueKind {
    /// A link to an entity of the registry.
    Entity,
    /// The words themselves (the body that met).
    Text,
    /// A key of one of the schema's closed lists.
    Choice,
    Ordinal,
    Date,
    Participants,
    Realis,
}

/// One row of [`MEETING_FIELDS`]: everything that is fixed about a field. Its display names,
/// whether it is required and its shortcut are the schema's (a project may change those).
#[derive(Debug)]
pub struct MeetingFieldInfo {
    pub field: MeetingField,
    /// The key in the schema, the project file, JSON exports and brat role names.
    pub key: &'static str,
    pub value: FieldValueKind,
    /// The CSV column (entity fields add `<column>_id`, dates `<column>_original`…).
    pub column: &'static str,
}

const fn row(
    field: MeetingField,
    key: &'static str,
    value: FieldValueKind,
    column: &'static str,
) -> MeetingFieldInfo {
    MeetingFieldInfo {
        field,
        key,
        value,
        column,
    }
}

/// Every meeting field, in schema order: the one table that says what each field is.
pub const MEETING_FIELDS: [MeetingFieldInfo; 13] = {
    use FieldValueKind as K;
    use MeetingField as F;
    [
        row(F::Organization, "organization", K::Entity, "organization"),
        row(F::Body, "body", K::Text, "body"),
        row(F::Level, "level", K::Choice, "level"),
        row(F::Sector, "sector", K::Choice, "sector"),
        row(F::Ordinal, "ordinal", K::Ordinal, "ordinal"),
        row(F::SessionType, "session_type", K::Choice, "session_type"),
        row(F::Venue, "venue", K::Entity, "venue"),
        row(F::Host, "host", K::Entity, "host"),
        row(F::Chair, "chair", K::Entity, "chair"),
        row(F::Start, "start", K::Date, "start"),
        row(F::End, "end", K::Date, "end"),
        row(
            F::Participants,
            "participants",
            K::Participants,
            "participants",
        ),
        row(F::Realis, "realis", K::Realis, "realis"),
    ]
};

impl MeetingField {
    /// Every field, in schema order.
    pub const ALL: [MeetingField; 13] = {
        let mut all = [MeetingField::Organization; 13];
        let mut i = 0;
        while i < MEETING_FIELDS.len() {
            all[i] = MEETING_FIELDS[i].field;
            i += 1;
        }
        all
    };

    /// The fields that hold one value read from one span of text.
    pub fn single_valued() -> impl Iterator<Item = MeetingField> {
        Self::ALL.into_iter().filter(|f| f.is_single_valued())
    }

    pub fn info(self) -> &'static MeetingFieldInfo {
        &MEETING_FIELDS[self as usize]
    }

    pub fn key(self) -> &'static str {
        self.info().key
    }

    pub fn value_kind(self) -> FieldValueKind {
        self.info().value
    }

    pub fn is_single_valued(self) -> bool {
        !matches!(
            self.value_kind(),
            FieldValueKind::Participants | FieldValueKind::Realis
        )
    }

    pub fn from_key(key: &str) -> Option<MeetingField> {
        MEETING_FIELDS
            .iter()
            .find(|f| f.key == key)
            .map(|f| f.field)
    }
}

impl std::fmt::Display for MeetingField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.key().replace('_', " "))
    }
}

impl Serialize for MeetingField {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

impl<'de> Deserialize<'de> for MeetingField {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let key = String::deserialize(deserializer)?;
        MeetingField::from_key(&key).ok_or_else(|| {
            let known: Vec<&str> = MEETING_FIELDS.iter().map(|f| f.key).collect();
            serde::de::Error::custom(format!(
                "unknown meeting field `{key}`, expected one of {}",
                known.join(", ")
            ))
        })
    }
}

/// A field of an outcome record. Outcome fields are fixed (the schema has no list of them): this
/// table gives each its key in JSON exports, its CSV column and its names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OutcomeField {
    Meeting,
    Type,
    Status,
    Title,
    Actors,
    AttributedTo,
    Evidence,
}

/// One row of [`OUTCOME_FIELDS`].
#[derive(Debug)]
pub struct OutcomeFieldInfo {
    pub field: OutcomeField,
    /// The key in JSON exports.
    pub key: &'static str,
    /// The CSV column (entity and record references add `_id`).
    pub column: &'static str,
    pub names: [&'static str; 3],
}

/// Every outcome field, in the order the panel and exports show them.
pub const OUTCOME_FIELDS: [OutcomeFieldInfo; 7] = {
    use OutcomeField as F;
    const fn row(
        field: F,
        key: &'static str,
        column: &'static str,
        names: [&'static str; 3],
    ) -> OutcomeFieldInfo {
        OutcomeFieldInfo {
            field,
            key,
            column,
            names,
        }
    }
    [
        row(
            F::Meeting,
            "meeting",
            "meeting_id",
            ["Meeting", "نشست", "الاجتماع"],
        ),
        row(F::Type, "type", "type", ["Type", "نوع", "النوع"]),
        row(F::Status, "status", "status", ["Status", "وضعیت", "الحالة"]),
        row(F::Title, "title", "title", ["Title", "عنوان", "العنوان"]),
        row(
            F::Actors,
            "actors",
            "actors",
            ["Actors", "کنشگران", "الأطراف"],
        ),
        row(
            F::AttributedTo,
            "attributed_to",
            "attributed_to",
            ["Said by", "به نقل از", "على لسان"],
        ),
        row(
            F::Evidence,
            "evidence",
            "evidence",
            ["Evidence", "شاهد", "الشاهد"],
        ),
    ]
};

impl OutcomeField {
    pub fn info(self) -> &'static OutcomeFieldInfo {
        &OUTCOME_FIELDS[self as usize]
    }

    /// Its name in `language`.
    pub fn name(self, language: super::LabelLanguage) -> &'static str {
        let [en, fa, ar] = self.info().names;
        match language {
            super::LabelLanguage::English => en,
            super::LabelLanguage::Persian => fa,
            super::LabelLanguage::Arabic => ar,
        }
    }
}

/// The value of a single-valued field, borrowed from the meeting.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FieldValue<'a> {
    Entity(&'a Sourced<EntityId>),
    /// The body's words, or a choice's schema key.
    Text(&'a Sourced<String>),
    Ordinal(&'a Sourced<u32>),
    Date(&'a Sourced<DateValue>),
}

impl FieldValue<'_> {
    pub fn evidence(&self) -> Option<SpanRef> {
        match self {
            FieldValue::Entity(f) => f.evidence,
            FieldValue::Text(f) => f.evidence,
            FieldValue::Ordinal(f) => f.evidence,
            FieldValue::Date(f) => f.evidence,
        }
    }
}

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
            date_not_stated: false,
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

    /// The value of a single-valued field (`None` when empty, and for participants and realis).
    pub fn value(&self, field: MeetingField) -> Option<FieldValue<'_>> {
        use FieldValue::{Date, Entity, Ordinal, Text};
        use MeetingField as F;
        match field {
            F::Organization => self.organization.as_ref().map(Entity),
            F::Venue => self.venue.as_ref().map(Entity),
            F::Host => self.host.as_ref().map(Entity),
            F::Chair => self.chair.as_ref().map(Entity),
            F::Body => self.body.as_ref().map(Text),
            F::Level => self.level.as_ref().map(Text),
            F::Sector => self.sector.as_ref().map(Text),
            F::SessionType => self.session_type.as_ref().map(Text),
            F::Ordinal => self.ordinal.as_ref().map(Ordinal),
            F::Start => self.start.as_ref().map(Date),
            F::End => self.end.as_ref().map(Date),
            F::Participants | F::Realis => None,
        }
    }

    /// Whether the field has a value (realis always has one).
    pub fn has(&self, field: MeetingField) -> bool {
        match field {
            MeetingField::Participants => !self.participants.is_empty(),
            MeetingField::Realis => true,
            _ => self.value(field).is_some(),
        }
    }

    /// Whether the field is filled or known to be unknowable: a start date the articles do not
    /// state is recorded, not missing.
    pub fn is_recorded(&self, field: MeetingField) -> bool {
        self.has(field) || (field == MeetingField::Start && self.date_not_stated)
    }

    /// For a meeting held on a date the articles do not state: the latest day it can have been,
    /// the earliest publication date of the articles that report it (`YYYY-MM-DD`).
    pub fn latest_date<'p>(
        &self,
        published: impl Fn(super::ids::DocId) -> Option<&'p str>,
    ) -> Option<String> {
        if !self.date_not_stated || self.realis != Realis::Held {
            return None;
        }
        self.evidence_spans()
            .filter_map(|at| published(at.doc))
            .min()
            .map(str::to_string)
    }

    /// The evidence span of a single-valued field, if it has one.
    pub fn evidence_of(&self, field: MeetingField) -> Option<SpanRef> {
        self.value(field)?.evidence()
    }

    /// Empties a field (`records::clear_meeting_field` also removes words that were only its
    /// evidence).
    pub fn clear(&mut self, field: MeetingField) {
        use MeetingField as F;
        match field {
            F::Organization | F::Venue | F::Host | F::Chair => {
                if let Some(slot) = self.entity_slot_mut(field) {
                    *slot = None;
                }
            }
            F::Body | F::Level | F::Sector | F::SessionType => {
                if let Some(slot) = self.text_slot_mut(field) {
                    *slot = None;
                }
            }
            F::Ordinal => self.ordinal = None,
            F::Start => self.start = None,
            F::End => self.end = None,
            F::Participants => self.participants.clear(),
            F::Realis => self.realis = Realis::default(),
        }
    }

    /// The value of a closed-list field (level, sector, session type), as its schema key.
    pub fn choice(&self, field: MeetingField) -> Option<&str> {
        match (field.value_kind(), self.value(field)?) {
            (FieldValueKind::Choice, FieldValue::Text(f)) => Some(f.value.as_str()),
            _ => None,
        }
    }

    /// Sets a closed-list field to `value`, keeping its evidence. Other fields are left alone.
    pub fn set_choice(&mut self, field: MeetingField, value: &str) {
        if field.value_kind() != FieldValueKind::Choice {
            return;
        }
        if let Some(slot) = self.text_slot_mut(field) {
            let evidence = slot.as_ref().and_then(|f| f.evidence);
            *slot = Some(Sourced {
                value: value.to_string(),
                evidence,
            });
        }
    }

    /// The slot of an entity field (organization, venue, host, chair).
    pub fn entity_slot_mut(
        &mut self,
        field: MeetingField,
    ) -> Option<&mut Option<Sourced<EntityId>>> {
        match field {
            MeetingField::Organization => Some(&mut self.organization),
            MeetingField::Venue => Some(&mut self.venue),
            MeetingField::Host => Some(&mut self.host),
            MeetingField::Chair => Some(&mut self.chair),
            _ => None,
        }
    }

    /// The slot of a text or closed-list field (body, level, sector, session type).
    pub fn text_slot_mut(&mut self, field: MeetingField) -> Option<&mut Option<Sourced<String>>> {
        match field {
            MeetingField::Body => Some(&mut self.body),
            MeetingField::Level => Some(&mut self.level),
            MeetingField::Sector => Some(&mut self.sector),
            MeetingField::SessionType => Some(&mut self.session_type),
            _ => None,
        }
    }

    /// Forgets `at` wherever the record points at it: a field keeps its value without that
    /// evidence, a participant stays, the trigger words go from the list. Whether it pointed.
    pub fn detach(&mut self, at: SpanRef) -> bool {
        let before = self.clone();
        let forget = |evidence: &mut Option<SpanRef>| {
            if *evidence == Some(at) {
                *evidence = None;
            }
        };
        for slot in [
            &mut self.organization,
            &mut self.venue,
            &mut self.host,
            &mut self.chair,
        ]
        .into_iter()
        .flatten()
        {
            forget(&mut slot.evidence);
        }
        for slot in [
            &mut self.body,
            &mut self.level,
            &mut self.sector,
            &mut self.session_type,
        ]
        .into_iter()
        .flatten()
        {
            forget(&mut slot.evidence);
        }
        if let Some(ordinal) = &mut self.ordinal {
            forget(&mut ordinal.evidence);
        }
        for date in [&mut self.start, &mut self.end].into_iter().flatten() {
            forget(&mut date.evidence);
        }
        for participant in &mut self.participants {
            forget(&mut participant.evidence);
        }
        self.evidence.retain(|e| *e != at);
        *self != before
    }

    /// Every span the record points at (its fields' evidence, participants', its own).
    pub fn evidence_spans(&self) -> impl Iterator<Item = SpanRef> + '_ {
        MeetingField::single_valued()
            .filter_map(|field| self.evidence_of(field))
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

    /// Forgets `at` wherever the record points at it (the title keeps its words, an actor
    /// stays). Whether it pointed.
    pub fn detach(&mut self, at: SpanRef) -> bool {
        let before = self.clone();
        if let Some(title) = &mut self.title
            && title.evidence == Some(at)
        {
            title.evidence = None;
        }
        for actor in &mut self.actors {
            if actor.evidence == Some(at) {
                actor.evidence = None;
            }
        }
        self.evidence.retain(|e| *e != at);
        *self != before
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
