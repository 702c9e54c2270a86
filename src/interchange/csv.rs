//! CSV tables for analysis, described by a `datapackage.json` (Frictionless Tabular Data
//! Package: each column's type and meaning, primary and foreign keys), so that typed readers load
//! CAMEO code `040` as text and an empty ordinal as missing, not as 40 and NaN.
//!
//! One table per kind of thing, columns prefixed with it (`meeting_level`, `outcome_status`) so
//! that joining two tables on their key needs no suffixes; a value that can be several
//! (a record's documents, its evidence, its PLOVER contexts, an entity's aliases) is a link
//! table of its own, one row per value. The header and the schema come from one declaration per
//! table ([`TableSpec`]), so they cannot disagree.
//!
//! RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a comma, quote or line
//! break; UTF-8. Two flavours: plain CSV, exact to the letter; and CSV for Excel (`--excel`): a
//! byte order mark (Excel reads UTF-8 only then), and a cell that begins with `=`, `+`, `-`, `@`,
//! a tab or a carriage return gets a `'` in front, so that Excel and LibreOffice show it as text
//! instead of running it as a formula (OWASP's advice on CSV injection: articles come from the
//! web).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde_json::{Value, json};

use super::records_json::{actor_role, state_name};
use super::{ExportFile, ExportOptions, ExportSet, Exporter};
use crate::model::codes::{CodesSource, meeting_codes, outcome_codes};
use crate::model::{
    DateValue, EntityId, EventCodes, FieldValue, FieldValueKind, Meeting, MeetingField, Project,
    SpanRef,
};

pub struct Csv;

/// A column's type in the Table Schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ColumnType {
    Text,
    /// A whole number, at least 0.
    Integer,
    /// `true` or `false`.
    Boolean,
    /// One of these words.
    Choice(&'static [&'static str]),
}

struct Column {
    name: String,
    kind: ColumnType,
    about: String,
}

fn column(name: impl Into<String>, kind: ColumnType, about: impl Into<String>) -> Column {
    Column {
        name: name.into(),
        kind,
        about: about.into(),
    }
}

fn text(name: impl Into<String>, about: impl Into<String>) -> Column {
    column(name, ColumnType::Text, about)
}

/// A foreign key: these columns refer to those of another table.
struct ForeignKey {
    fields: &'static [&'static str],
    table: &'static str,
    to: &'static [&'static str],
}

const fn refers(
    fields: &'static [&'static str],
    table: &'static str,
    to: &'static [&'static str],
) -> ForeignKey {
    ForeignKey { fields, table, to }
}

/// One table: its name (the file is `NAME.csv`), what a row is, its columns and keys.
struct TableSpec {
    name: &'static str,
    about: &'static str,
    columns: Vec<Column>,
    primary_key: &'static [&'static str],
    foreign_keys: Vec<ForeignKey>,
}

const REVIEW_STATES: &[&str] = &["pending", "accepted", "rejected"];
const PRECISIONS: &[&str] = &["day", "month", "year"];
const CALENDARS: &[&str] = &["Gregorian", "SolarHijri", "Hijri"];
const REALIS: &[&str] = &["held", "planned", "hypothetical", "cancelled"];
const CODES_SOURCES: &[&str] = &["derived", "set_by_hand"];
const ACTOR_ROLES: &[&str] = &["adopter", "proposer", "beneficiary", "approving_body"];
const DOC_STATUSES: &[&str] = &[
    "new",
    "in progress",
    "ready for review",
    "reviewed",
    "needs changes",
];

const DOCUMENT: &[&str] = &["document_id"];
const SPAN: &[&str] = &["document_id", "span_id"];
const MEETING: &[&str] = &["meeting_id"];
const OUTCOME: &[&str] = &["outcome_id"];
const ENTITY: &[&str] = &["entity_id"];

/// The columns a single-valued meeting field takes: an entity its id and name, a date its ISO
/// form, original text, calendar and precision, others their value.
fn field_columns(field: MeetingField) -> Vec<Column> {
    let name = format!("meeting_{}", field.info().column);
    let what = field.key().replace('_', " ");
    match field.value_kind() {
        FieldValueKind::Entity => vec![
            text(
                format!("{name}_id"),
                format!("The {what}'s entity (entities.csv)"),
            ),
            text(name, format!("The {what}'s name")),
        ],
        FieldValueKind::Date => vec![
            text(
                name.clone(),
                format!(
                    "The {what} date, ISO 8601 (Gregorian) as precise as the article: YYYY-MM-DD, YYYY-MM or YYYY"
                ),
            ),
            text(
                format!("{name}_original"),
                format!("The {what} date as the article wrote it"),
            ),
            column(
                format!("{name}_calendar"),
                ColumnType::Choice(CALENDARS),
                "The calendar the article used",
            ),
            column(
                format!("{name}_precision"),
                ColumnType::Choice(PRECISIONS),
                "How much of the date the article gave",
            ),
        ],
        FieldValueKind::Ordinal => vec![column(
            name,
            ColumnType::Integer,
            "Which meeting of its series (the 4th: 4)",
        )],
        _ => vec![text(name, format!("The {what}, as the schema's key"))],
    }
}

fn review_columns(prefix: &str) -> [Column; 3] {
    [
        column(
            format!("{prefix}_review_state"),
            ColumnType::Choice(REVIEW_STATES),
            "The reviewer's decision",
        ),
        text(format!("{prefix}_reviewer"), "Who reviewed it"),
        text(format!("{prefix}_author"), "Who recorded it"),
    ]
}

fn code_columns(prefix: &str) -> [Column; 4] {
    [
        text(
            format!("{prefix}_cameo"),
            "CAMEO event code: text, its leading zeros matter (040, 057)",
        ),
        text(format!("{prefix}_plover_event"), "PLOVER event type"),
        text(format!("{prefix}_plover_mode"), "PLOVER mode"),
        column(
            format!("{prefix}_codes_source"),
            ColumnType::Choice(CODES_SOURCES),
            "derived from the schema's table, or set by hand",
        ),
    ]
}

/// Every table of the export, in the order written.
fn tables() -> Vec<TableSpec> {
    let mut meeting_columns = vec![text("meeting_id", "The meeting's id (m7)")];
    meeting_columns.extend(MeetingField::single_valued().flat_map(field_columns));
    meeting_columns.extend([
        column(
            "meeting_date_not_stated",
            ColumnType::Boolean,
            "true when the articles do not say when it met",
        ),
        text(
            "meeting_date_latest",
            "When the date is not stated: for a held meeting, the earliest publication date of its articles, the latest day it can have been",
        ),
        column(
            "meeting_realis",
            ColumnType::Choice(REALIS),
            "Whether the meeting took place",
        ),
    ]);
    meeting_columns.extend(code_columns("meeting"));
    meeting_columns.extend(review_columns("meeting"));
    meeting_columns.push(text("meeting_note", "The annotator's note"));

    let mut outcome_columns = vec![
        text("outcome_id", "The outcome's id (o25)"),
        text("meeting_id", "The meeting it came out of (meetings.csv)"),
        text("outcome_type", "The outcome's type, as the schema's key"),
        text("outcome_status", "How far it got, as the schema's key"),
        text("outcome_title", "Its title, as the article gives it"),
        text(
            "outcome_attributed_to_id",
            "Who the article says announced it (entities.csv)",
        ),
        text("outcome_attributed_to", "Their name"),
    ];
    outcome_columns.extend(code_columns("outcome"));
    outcome_columns.extend(review_columns("outcome"));
    outcome_columns.push(text("outcome_note", "The annotator's note"));

    let entity_of = |fields: &'static [&'static str]| refers(fields, "entities", ENTITY);
    vec![
        TableSpec {
            name: "meetings",
            about: "One row per meeting the exported articles report",
            columns: meeting_columns,
            primary_key: MEETING,
            foreign_keys: vec![
                entity_of(&["meeting_organization_id"]),
                entity_of(&["meeting_venue_id"]),
                entity_of(&["meeting_host_id"]),
                entity_of(&["meeting_chair_id"]),
            ],
        },
        TableSpec {
            name: "outcomes",
            about: "One row per outcome or resolution of a meeting",
            columns: outcome_columns,
            primary_key: OUTCOME,
            foreign_keys: vec![
                refers(MEETING, "meetings", MEETING),
                entity_of(&["outcome_attributed_to_id"]),
            ],
        },
        TableSpec {
            name: "participants",
            about: "One row per participant of a meeting: an entity, or a group the article does not name",
            columns: vec![
                text("meeting_id", "The meeting (meetings.csv)"),
                text("participant_entity_id", "The participant (entities.csv)"),
                text("participant_name", "Its name"),
                text("participant_kind", "Its entity kind (GPE, ORG, PER…)"),
                column(
                    "participant_count",
                    ColumnType::Integer,
                    "For an unnamed group: how many the article says",
                ),
                column(
                    "participant_all_members",
                    ColumnType::Boolean,
                    "For an unnamed group: every member (\"all member states\")",
                ),
                text("participant_description", "For an unnamed group: who"),
                text(
                    "participant_role",
                    "Its role at the meeting (chair, host, guest…)",
                ),
                text(
                    "document_id",
                    "The article it was read from (documents.csv)",
                ),
                text("span_id", "The words it was read from (spans.csv)"),
                text("participant_quote", "Those words"),
            ],
            primary_key: &[],
            foreign_keys: vec![
                refers(MEETING, "meetings", MEETING),
                entity_of(&["participant_entity_id"]),
                refers(DOCUMENT, "documents", DOCUMENT),
                refers(SPAN, "spans", SPAN),
            ],
        },
        TableSpec {
            name: "outcome_actors",
            about: "One row per actor of an outcome",
            columns: vec![
                text("outcome_id", "The outcome (outcomes.csv)"),
                text("actor_entity_id", "The actor (entities.csv)"),
                text("actor_name", "Its name"),
                column(
                    "actor_role",
                    ColumnType::Choice(ACTOR_ROLES),
                    "What it did for the outcome",
                ),
                text(
                    "document_id",
                    "The article it was read from (documents.csv)",
                ),
                text("span_id", "The words it was read from (spans.csv)"),
                text("actor_quote", "Those words"),
            ],
            primary_key: &[],
            foreign_keys: vec![
                refers(OUTCOME, "outcomes", OUTCOME),
                entity_of(&["actor_entity_id"]),
                refers(DOCUMENT, "documents", DOCUMENT),
                refers(SPAN, "spans", SPAN),
            ],
        },
        TableSpec {
            name: "meeting_documents",
            about: "Which exported articles report each meeting",
            columns: vec![
                text("meeting_id", "The meeting (meetings.csv)"),
                text("document_id", "An article reporting it (documents.csv)"),
            ],
            primary_key: &["meeting_id", "document_id"],
            foreign_keys: vec![
                refers(MEETING, "meetings", MEETING),
                refers(DOCUMENT, "documents", DOCUMENT),
            ],
        },
        TableSpec {
            name: "outcome_documents",
            about: "Which exported articles report each outcome",
            columns: vec![
                text("outcome_id", "The outcome (outcomes.csv)"),
                text("document_id", "An article reporting it (documents.csv)"),
            ],
            primary_key: &["outcome_id", "document_id"],
            foreign_keys: vec![
                refers(OUTCOME, "outcomes", OUTCOME),
                refers(DOCUMENT, "documents", DOCUMENT),
            ],
        },
        TableSpec {
            name: "evidence",
            about: "The words that report each meeting or outcome: one row per evidence span (a meeting's rows have no outcome_id)",
            columns: vec![
                text(
                    "meeting_id",
                    "The meeting (meetings.csv); empty for an outcome's evidence",
                ),
                text(
                    "outcome_id",
                    "The outcome (outcomes.csv); empty for a meeting's evidence",
                ),
                text("document_id", "The article (documents.csv)"),
                text("span_id", "The span (spans.csv)"),
                text("evidence_quote", "Its words"),
            ],
            primary_key: &[],
            foreign_keys: vec![
                refers(MEETING, "meetings", MEETING),
                refers(OUTCOME, "outcomes", OUTCOME),
                refers(DOCUMENT, "documents", DOCUMENT),
                refers(SPAN, "spans", SPAN),
            ],
        },
        TableSpec {
            name: "plover_contexts",
            about: "The PLOVER contexts of each meeting or outcome, one per row",
            columns: vec![
                text(
                    "meeting_id",
                    "The meeting (meetings.csv); empty for an outcome's",
                ),
                text(
                    "outcome_id",
                    "The outcome (outcomes.csv); empty for a meeting's",
                ),
                text("plover_context", "A PLOVER context"),
            ],
            primary_key: &[],
            foreign_keys: vec![
                refers(MEETING, "meetings", MEETING),
                refers(OUTCOME, "outcomes", OUTCOME),
            ],
        },
        TableSpec {
            name: "entities",
            about: "Entities exported spans mention or exported records name",
            columns: vec![
                text("entity_id", "The entity's id (e9)"),
                text("entity_name", "Its name"),
                text("entity_kind", "Its kind (GPE, ORG, PER…)"),
                text("entity_subtype", "Its subtype, when set"),
                text(
                    "entity_external_id",
                    "Its Wikidata QID or ISO 3166 code, when known",
                ),
                column(
                    "entity_mentions",
                    ColumnType::Integer,
                    "How many exported spans mention it",
                ),
            ],
            primary_key: ENTITY,
            foreign_keys: vec![],
        },
        TableSpec {
            name: "entity_aliases",
            about: "Other names of each entity, one per row",
            columns: vec![
                text("entity_id", "The entity (entities.csv)"),
                text("entity_alias", "Another name of it"),
            ],
            primary_key: &[],
            foreign_keys: vec![entity_of(ENTITY)],
        },
        TableSpec {
            name: "documents",
            about: "The exported articles",
            columns: vec![
                text("document_id", "The article's id (d5)"),
                text("document_path", "Its path under the corpus folder"),
                text("document_title", "Its title"),
                text("document_language", "Its language (fa, ar…)"),
                text("document_published", "When it was published"),
                text("document_source", "Where it came from"),
                column(
                    "document_status",
                    ColumnType::Choice(DOC_STATUSES),
                    "How far its annotation is",
                ),
            ],
            primary_key: DOCUMENT,
            foreign_keys: vec![],
        },
        TableSpec {
            name: "spans",
            about: "Every exported span",
            columns: vec![
                text("document_id", "The article (documents.csv)"),
                text("span_id", "The span's id (s12)"),
                text("span_label", "Its label"),
                column(
                    "span_start",
                    ColumnType::Integer,
                    "Where it starts, in code points",
                ),
                column(
                    "span_end",
                    ColumnType::Integer,
                    "Where it ends (exclusive), in code points",
                ),
                column(
                    "span_start_utf16",
                    ColumnType::Integer,
                    "Where it starts, in UTF-16 code units",
                ),
                column(
                    "span_end_utf16",
                    ColumnType::Integer,
                    "Where it ends (exclusive), in UTF-16 code units",
                ),
                text("span_quote", "Its words"),
                text("span_entity_id", "The entity it names (entities.csv)"),
                text("span_entity", "That entity's name"),
                column(
                    "span_review_state",
                    ColumnType::Choice(REVIEW_STATES),
                    "The reviewer's decision",
                ),
                text("span_author", "Who tagged it"),
                text("span_created", "When, RFC 3339"),
            ],
            primary_key: SPAN,
            foreign_keys: vec![
                refers(DOCUMENT, "documents", DOCUMENT),
                entity_of(&["span_entity_id"]),
            ],
        },
    ]
}

/// One RFC 4180 table being written.
struct Table {
    name: &'static str,
    columns: usize,
    out: String,
    for_excel: bool,
}

/// A cell as CSV for Excel holds it: one a spreadsheet would run as a formula is made text.
fn neutralised(field: String) -> String {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{field}")
    } else {
        field
    }
}

impl Table {
    fn new(for_excel: bool, spec: &TableSpec) -> Self {
        let mut table = Table {
            name: spec.name,
            columns: spec.columns.len(),
            out: if for_excel {
                "\u{feff}".into()
            } else {
                String::new()
            },
            for_excel,
        };
        table.row(spec.columns.iter().map(|c| c.name.clone()));
        table
    }

    fn row(&mut self, fields: impl IntoIterator<Item = String>) {
        let mut count = 0;
        for (i, field) in fields.into_iter().enumerate() {
            count += 1;
            let field = if self.for_excel {
                neutralised(field)
            } else {
                field
            };
            if i > 0 {
                self.out.push(',');
            }
            if field.contains([',', '"', '\n', '\r']) {
                self.out.push('"');
                self.out.push_str(&field.replace('"', "\"\""));
                self.out.push('"');
            } else {
                self.out.push_str(&field);
            }
        }
        debug_assert_eq!(
            count, self.columns,
            "a row of {} as wide as its header",
            self.name
        );
        self.out.push_str("\r\n");
    }

    fn file(self) -> ExportFile {
        ExportFile::text(format!("{}.csv", self.name), self.out)
    }
}

/// `datapackage.json`: the tables as a Frictionless Tabular Data Package.
fn datapackage(set: &ExportSet, specs: &[TableSpec], for_excel: bool) -> String {
    let resources: Vec<Value> = specs
        .iter()
        .map(|spec| {
            let fields: Vec<Value> = spec
                .columns
                .iter()
                .map(|c| {
                    let mut field = json!({"name": c.name, "description": c.about});
                    match c.kind {
                        ColumnType::Text => field["type"] = json!("string"),
                        ColumnType::Integer => {
                            field["type"] = json!("integer");
                            field["constraints"] = json!({"minimum": 0});
                        }
                        ColumnType::Boolean => {
                            field["type"] = json!("boolean");
                            field["trueValues"] = json!(["true"]);
                            field["falseValues"] = json!(["false"]);
                        }
                        ColumnType::Choice(words) => {
                            field["type"] = json!("string");
                            field["constraints"] = json!({"enum": words});
                        }
                    }
                    if spec.primary_key.contains(&c.name.as_str()) {
                        field["constraints"] = json!({"required": true});
                    }
                    field
                })
                .collect();
            let mut schema = json!({"fields": fields, "missingValues": [""]});
            if !spec.primary_key.is_empty() {
                schema["primaryKey"] = json!(spec.primary_key);
            }
            if !spec.foreign_keys.is_empty() {
                schema["foreignKeys"] = spec
                    .foreign_keys
                    .iter()
                    .map(|k| json!({"fields": k.fields, "reference": {"resource": k.table, "fields": k.to}}))
                    .collect();
            }
            json!({
                "name": spec.name,
                "path": format!("{}.csv", spec.name),
                "profile": "tabular-data-resource",
                "description": spec.about,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": if for_excel { "utf-8-sig" } else { "utf-8" },
                "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": true, "header": true},
                "schema": schema,
            })
        })
        .collect();
    let package = json!({
        "profile": "tabular-data-package",
        "name": package_name(&set.project.name),
        "title": set.project.name,
        "description": "Meetings, outcomes and annotations exported by Daftar. Ids carry their kind: d5 a document, s12 a span, e9 an entity, m7 a meeting, o25 an outcome.",
        "resources": resources,
    });
    let mut out = serde_json::to_string_pretty(&package).expect("JSON serializes");
    out.push('\n');
    out
}

/// A Data Package name: lower-case letters, digits and `-._`, from the project's name.
fn package_name(project: &str) -> String {
    let name: String = project
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-._".contains(c) {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let name = name.trim_matches('-');
    if name.is_empty() {
        "daftar-export".into()
    } else {
        name.into()
    }
}

fn name_of(project: &Project, id: Option<EntityId>) -> [String; 2] {
    match id {
        Some(id) => [
            id.to_string(),
            project
                .entity(id)
                .map(|e| e.name.clone())
                .unwrap_or_default(),
        ],
        None => [String::new(), String::new()],
    }
}

/// The cells of [`field_columns`] for one meeting (empty cells when the field is empty).
fn field_cells(project: &Project, meeting: &Meeting, field: MeetingField) -> Vec<String> {
    match meeting.value(field) {
        Some(FieldValue::Entity(f)) => name_of(project, Some(f.value)).to_vec(),
        Some(FieldValue::Text(f)) => vec![f.value.clone()],
        Some(FieldValue::Ordinal(f)) => vec![f.value.to_string()],
        Some(FieldValue::Date(f)) => date_cells(&f.value).to_vec(),
        None => vec![String::new(); field_columns(field).len()],
    }
}

fn date_cells(date: &DateValue) -> [String; 4] {
    [
        date.iso.clone(),
        date.original.clone(),
        format!("{:?}", date.calendar),
        format!("{:?}", date.precision).to_lowercase(),
    ]
}

fn code_cells(codes: &EventCodes, source: CodesSource) -> [String; 4] {
    [
        codes.cameo.clone().unwrap_or_default(),
        codes.plover_event.clone().unwrap_or_default(),
        codes.plover_mode.clone().unwrap_or_default(),
        match source {
            CodesSource::Derived => "derived".into(),
            CodesSource::SetByHand => "set_by_hand".into(),
        },
    ]
}

/// The documents evidence comes from, in id order, without repeats.
fn documents_of(evidence: impl Iterator<Item = SpanRef>) -> BTreeSet<crate::model::DocId> {
    evidence.map(|e| e.doc).collect()
}

/// `document_id`, `span_id` and the quote of a piece of evidence (empty cells without one).
fn evidence_cells(project: &Project, at: Option<SpanRef>) -> [String; 3] {
    match at {
        Some(at) => [
            at.doc.to_string(),
            at.span.to_string(),
            project
                .span(at)
                .map(|s| s.quote().to_string())
                .unwrap_or_default(),
        ],
        None => Default::default(),
    }
}

fn optional(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

impl Exporter for Csv {
    fn files(&self, set: &ExportSet, options: ExportOptions) -> Vec<ExportFile> {
        let project = set.project;
        let specs = tables();
        let mut tables: BTreeMap<&str, Table> = specs
            .iter()
            .map(|spec| (spec.name, Table::new(options.for_excel, spec)))
            .collect();
        let mut write = |table: &str, row: Vec<String>| {
            tables.get_mut(table).expect("a declared table").row(row)
        };
        for meeting in &set.meetings {
            let id = meeting.id.to_string();
            let (codes, source) = meeting_codes(&project.schema, meeting);
            let mut row = vec![id.clone()];
            for field in MeetingField::single_valued() {
                row.extend(field_cells(project, meeting, field));
            }
            row.push(meeting.date_not_stated.to_string());
            row.push(project.latest_date_of(meeting).unwrap_or_default());
            row.push(format!("{:?}", meeting.realis).to_lowercase());
            row.extend(code_cells(&codes, source));
            row.push(state_name(meeting.review.state).to_string());
            row.push(meeting.review.reviewer.to_string());
            row.push(meeting.author.clone());
            row.push(meeting.note.clone());
            write("meetings", row);
            for participant in &meeting.participants {
                let [entity_id, name] = name_of(project, participant.entity);
                let kind = participant
                    .entity
                    .and_then(|e| project.entity(e))
                    .map(|e| e.kind.clone())
                    .unwrap_or_default();
                let mut row = vec![
                    id.clone(),
                    entity_id,
                    name,
                    kind,
                    participant.count.map(|c| c.to_string()).unwrap_or_default(),
                    participant.all_members.to_string(),
                    participant.description.clone(),
                    participant.role.clone(),
                ];
                row.extend(evidence_cells(project, participant.evidence));
                write("participants", row);
            }
            for doc in documents_of(meeting.evidence_spans()) {
                write("meeting_documents", vec![id.clone(), doc.to_string()]);
            }
            for at in &meeting.evidence {
                let mut row = vec![id.clone(), String::new()];
                row.extend(evidence_cells(project, Some(*at)));
                write("evidence", row);
            }
            for context in &codes.plover_contexts {
                write(
                    "plover_contexts",
                    vec![id.clone(), String::new(), context.clone()],
                );
            }
        }
        for outcome in &set.outcomes {
            let id = outcome.id.to_string();
            let meeting = outcome.meeting.and_then(|m| project.meeting(m));
            let (codes, source) = outcome_codes(&project.schema, outcome, meeting);
            let mut row = vec![
                id.clone(),
                outcome.meeting.map(|m| m.to_string()).unwrap_or_default(),
                outcome.kind.clone(),
                outcome.status.clone(),
                outcome
                    .title
                    .as_ref()
                    .map(|t| t.value.clone())
                    .unwrap_or_default(),
            ];
            row.extend(name_of(project, outcome.attributed_to));
            row.extend(code_cells(&codes, source));
            row.push(state_name(outcome.review.state).to_string());
            row.push(outcome.review.reviewer.to_string());
            row.push(outcome.author.clone());
            row.push(outcome.note.clone());
            write("outcomes", row);
            for actor in &outcome.actors {
                let [entity_id, name] = name_of(project, Some(actor.entity));
                let mut row = vec![
                    id.clone(),
                    entity_id,
                    name,
                    actor_role(actor.role).to_string(),
                ];
                row.extend(evidence_cells(project, actor.evidence));
                write("outcome_actors", row);
            }
            for doc in documents_of(outcome.evidence_spans()) {
                write("outcome_documents", vec![id.clone(), doc.to_string()]);
            }
            for at in &outcome.evidence {
                let mut row = vec![String::new(), id.clone()];
                row.extend(evidence_cells(project, Some(*at)));
                write("evidence", row);
            }
            for context in &codes.plover_contexts {
                write(
                    "plover_contexts",
                    vec![String::new(), id.clone(), context.clone()],
                );
            }
        }
        let mut mentions = BTreeMap::<EntityId, usize>::new();
        for doc in &set.docs {
            let document = doc.document;
            write(
                "documents",
                vec![
                    document.id.to_string(),
                    document.path.clone(),
                    optional(&document.title),
                    document.language.clone(),
                    optional(&document.published),
                    optional(&document.source),
                    document.status.name().to_string(),
                ],
            );
            for span in &doc.spans {
                if let Some(entity) = span.entity {
                    *mentions.entry(entity).or_default() += 1;
                }
                let [entity_id, entity] = name_of(project, span.entity);
                write(
                    "spans",
                    vec![
                        document.id.to_string(),
                        span.id.to_string(),
                        span.label.to_string(),
                        span.start.to_string(),
                        span.end.to_string(),
                        doc.utf16(span.start).to_string(),
                        doc.utf16(span.end).to_string(),
                        span.quote().to_string(),
                        entity_id,
                        entity,
                        state_name(span.review.state).to_string(),
                        span.author.to_string(),
                        span.created.to_string(),
                    ],
                );
            }
        }
        let mut in_records = HashSet::new();
        for m in &set.meetings {
            let fields = [&m.organization, &m.venue, &m.host, &m.chair];
            in_records.extend(fields.iter().filter_map(|f| f.as_ref().map(|f| f.value)));
            in_records.extend(m.participants.iter().filter_map(|p| p.entity));
        }
        for o in &set.outcomes {
            in_records.extend(o.attributed_to);
            in_records.extend(o.actors.iter().map(|a| a.entity));
        }
        for entity in &project.entities {
            let count = mentions.get(&entity.id).copied().unwrap_or(0);
            if count == 0 && !in_records.contains(&entity.id) {
                continue;
            }
            let id = entity.id.to_string();
            write(
                "entities",
                vec![
                    id.clone(),
                    entity.name.clone(),
                    entity.kind.clone(),
                    optional(&entity.subtype),
                    optional(&entity.external_id),
                    count.to_string(),
                ],
            );
            for alias in &entity.aliases {
                write("entity_aliases", vec![id.clone(), alias.clone()]);
            }
        }
        let mut files: Vec<ExportFile> = specs
            .iter()
            .filter_map(|spec| tables.remove(spec.name))
            .map(Table::file)
            .collect();
        files.push(ExportFile::text(
            "datapackage.json",
            datapackage(set, &specs, options.for_excel),
        ));
        files
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Calendar, DocStatus, Precision, Realis, ReviewState};

    #[test]
    fn the_schemas_word_lists_are_the_models() {
        let names: Vec<&str> = DocStatus::ALL.iter().map(|s| s.name()).collect();
        assert_eq!(names, DOC_STATUSES);
        let realis = [
            Realis::Held,
            Realis::Planned,
            Realis::Hypothetical,
            Realis::Cancelled,
        ];
        let realis: Vec<String> = realis
            .iter()
            .map(|r| format!("{r:?}").to_lowercase())
            .collect();
        assert_eq!(realis, REALIS);
        let calendars = [Calendar::Gregorian, Calendar::SolarHijri, Calendar::Hijri];
        let calendars: Vec<String> = calendars.iter().map(|c| format!("{c:?}")).collect();
        assert_eq!(calendars, CALENDARS);
        let precisions = [Precision::Day, Precision::Month, Precision::Year];
        let precisions: Vec<String> = precisions
            .iter()
            .map(|p| format!("{p:?}").to_lowercase())
            .collect();
        assert_eq!(precisions, PRECISIONS);
        let states = [
            ReviewState::Pending,
            ReviewState::Accepted,
            ReviewState::Rejected,
        ];
        let states: Vec<&str> = states.iter().map(|s| state_name(*s)).collect();
        assert_eq!(states, REVIEW_STATES);
    }

    #[test]
    fn every_key_names_declared_columns_and_tables() {
        let specs = tables();
        let columns_of = |table: &str| -> Vec<String> {
            specs
                .iter()
                .find(|s| s.name == table)
                .unwrap_or_else(|| panic!("no table {table}"))
                .columns
                .iter()
                .map(|c| c.name.clone())
                .collect()
        };
        for spec in &specs {
            let own = columns_of(spec.name);
            for key in spec.primary_key {
                assert!(own.iter().any(|c| c == key), "{}: {key}", spec.name);
            }
            for foreign in &spec.foreign_keys {
                for field in foreign.fields {
                    assert!(own.iter().any(|c| c == field), "{}: {field}", spec.name);
                }
                let theirs = columns_of(foreign.table);
                for field in foreign.to {
                    assert!(
                        theirs.iter().any(|c| c == field),
                        "{}: {field}",
                        foreign.table
                    );
                }
                let target = specs.iter().find(|s| s.name == foreign.table).unwrap();
                assert_eq!(
                    target.primary_key, foreign.to,
                    "a key refers to a primary key"
                );
            }
        }
    }

    #[test]
    fn package_names_are_what_the_standard_allows() {
        assert_eq!(package_name("My Project"), "my-project");
        assert_eq!(package_name("نشست‌ها"), "daftar-export");
        assert_eq!(package_name("sco_2021.v2"), "sco_2021.v2");
    }
}
