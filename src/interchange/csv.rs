//! CSV tables for analysis: `meetings.csv` (one row per meeting, `meeting_id` its key),
//! `outcomes.csv` and `participants.csv` and `outcome_actors.csv` (each with `meeting_id`),
//! `entities.csv` and `spans.csv`. RFC 4180: comma separated, CRLF line ends, fields quoted when
//! they hold a comma, quote or line break; UTF-8. Two flavours: plain CSV, exact to the letter;
//! and CSV for Excel (`--excel`): a byte order mark (Excel reads UTF-8 only then), and a cell
//! that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'` in front, so that
//! Excel and LibreOffice show it as text instead of running it as a formula (OWASP's advice on
//! CSV injection: articles come from the web).

use super::records_json::actor_role;
use super::{ExportFile, ExportOptions, ExportSet, Exporter};
use crate::model::codes::{CodesSource, meeting_codes, outcome_codes};
use crate::model::{
    DateValue, EntityId, EventCodes, FieldValue, FieldValueKind, Meeting, MeetingField,
    OutcomeField, Project, SpanRef,
};

pub struct Csv;

/// One RFC 4180 table being written.
struct Table {
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
    fn new<H: AsRef<str>>(for_excel: bool, header: &[H]) -> Self {
        let mut table = Table {
            out: if for_excel {
                "\u{feff}".into()
            } else {
                String::new()
            },
            for_excel,
        };
        table.row(header.iter().map(|h| h.as_ref().to_string()));
        table
    }

    fn row(&mut self, fields: impl IntoIterator<Item = String>) {
        for (i, field) in fields.into_iter().enumerate() {
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
        self.out.push_str("\r\n");
    }

    fn file(self, name: &str) -> ExportFile {
        ExportFile::text(name, self.out)
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

/// The columns a single-valued meeting field takes: an entity its id and name, a date its ISO
/// form, original text, calendar and precision, others their value.
fn field_columns(field: MeetingField) -> Vec<String> {
    let column = field.info().column;
    match field.value_kind() {
        FieldValueKind::Entity => vec![format!("{column}_id"), column.to_string()],
        FieldValueKind::Date => ["", "_original", "_calendar", "_precision"]
            .iter()
            .map(|suffix| format!("{column}{suffix}"))
            .collect(),
        _ => vec![column.to_string()],
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

fn code_fields(codes: &EventCodes, source: CodesSource) -> [String; 5] {
    [
        codes.cameo.clone().unwrap_or_default(),
        codes.plover_event.clone().unwrap_or_default(),
        codes.plover_mode.clone().unwrap_or_default(),
        codes.plover_contexts.join(";"),
        match source {
            CodesSource::Derived => "derived".into(),
            CodesSource::SetByHand => "set_by_hand".into(),
        },
    ]
}

/// The paths of the documents evidence comes from, `;` separated, in id order.
fn documents_of(project: &Project, evidence: impl Iterator<Item = SpanRef>) -> String {
    let mut docs: Vec<_> = evidence.map(|e| e.doc).collect();
    docs.sort();
    docs.dedup();
    docs.iter()
        .filter_map(|d| project.document(*d).map(|d| d.path.clone()))
        .collect::<Vec<_>>()
        .join(";")
}

fn quote_of(project: &Project, at: Option<SpanRef>) -> String {
    at.and_then(|at| project.span(at))
        .map(|s| s.quote.clone())
        .unwrap_or_default()
}

impl Exporter for Csv {
    fn files(&self, set: &ExportSet, options: ExportOptions) -> Vec<ExportFile> {
        let project = set.project;
        let for_excel = options.for_excel;
        let mut meeting_columns = vec!["meeting_id".to_string()];
        meeting_columns.extend(MeetingField::single_valued().flat_map(field_columns));
        meeting_columns.extend(["date_not_stated".to_string(), "date_latest".to_string()]);
        meeting_columns.push(MeetingField::Realis.info().column.to_string());
        meeting_columns.extend(
            [
                "cameo",
                "plover_event",
                "plover_mode",
                "plover_contexts",
                "codes_source",
                "documents",
                "review_state",
                "reviewer",
                "author",
                "note",
            ]
            .map(String::from),
        );
        let mut meetings = Table::new(for_excel, &meeting_columns);
        let mut participants = Table::new(
            for_excel,
            &[
                "meeting_id",
                "entity_id",
                "name",
                "kind",
                "count",
                "description",
                "role",
                "document",
                "quote",
            ],
        );
        for meeting in &set.meetings {
            let (codes, source) = meeting_codes(&project.schema, meeting);
            let mut row = vec![meeting.id.to_string()];
            for field in MeetingField::single_valued() {
                row.extend(field_cells(project, meeting, field));
            }
            row.push(meeting.date_not_stated.to_string());
            row.push(project.latest_date_of(meeting).unwrap_or_default());
            row.push(format!("{:?}", meeting.realis).to_lowercase());
            row.extend(code_fields(&codes, source));
            row.push(documents_of(project, meeting.evidence_spans()));
            row.push(format!("{:?}", meeting.review.state).to_lowercase());
            row.push(meeting.review.reviewer.clone());
            row.push(meeting.author.clone());
            row.push(meeting.note.clone());
            meetings.row(row);
            for participant in &meeting.participants {
                let [id, name] = name_of(project, participant.entity);
                let kind = participant
                    .entity
                    .and_then(|e| project.entity(e))
                    .map(|e| e.kind.clone())
                    .unwrap_or_default();
                let document = participant
                    .evidence
                    .and_then(|e| project.document(e.doc))
                    .map(|d| d.path.clone())
                    .unwrap_or_default();
                participants.row([
                    meeting.id.to_string(),
                    id,
                    name,
                    kind,
                    match (participant.count, participant.all_members) {
                        (Some(count), _) => count.to_string(),
                        (None, true) => "all".to_string(),
                        (None, false) => String::new(),
                    },
                    participant.description.clone(),
                    participant.role.clone(),
                    document,
                    quote_of(project, participant.evidence),
                ]);
            }
        }
        let column = |field: OutcomeField| field.info().column;
        let mut outcomes = Table::new(
            for_excel,
            &[
                "outcome_id",
                column(OutcomeField::Meeting),
                column(OutcomeField::Type),
                column(OutcomeField::Status),
                column(OutcomeField::Title),
                &format!("{}_id", column(OutcomeField::AttributedTo)),
                column(OutcomeField::AttributedTo),
                "cameo",
                "plover_event",
                "plover_mode",
                "plover_contexts",
                "codes_source",
                "documents",
                column(OutcomeField::Evidence),
                "review_state",
                "reviewer",
                "author",
                "note",
            ],
        );
        let mut actors = Table::new(
            for_excel,
            &[
                "outcome_id",
                "meeting_id",
                "entity_id",
                "name",
                "role",
                "quote",
            ],
        );
        for outcome in &set.outcomes {
            let meeting = outcome.meeting.and_then(|m| project.meeting(m));
            let (codes, source) = outcome_codes(&project.schema, outcome, meeting);
            let meeting_id = outcome.meeting.map(|m| m.to_string()).unwrap_or_default();
            let mut row = vec![
                outcome.id.to_string(),
                meeting_id.clone(),
                outcome.kind.clone(),
                outcome.status.clone(),
                outcome
                    .title
                    .as_ref()
                    .map(|t| t.value.clone())
                    .unwrap_or_default(),
            ];
            row.extend(name_of(project, outcome.attributed_to));
            row.extend(code_fields(&codes, source));
            row.push(documents_of(project, outcome.evidence_spans()));
            row.push(
                outcome
                    .evidence
                    .iter()
                    .map(|e| quote_of(project, Some(*e)))
                    .collect::<Vec<_>>()
                    .join(" | "),
            );
            row.push(format!("{:?}", outcome.review.state).to_lowercase());
            row.push(outcome.review.reviewer.clone());
            row.push(outcome.author.clone());
            row.push(outcome.note.clone());
            outcomes.row(row);
            for actor in &outcome.actors {
                let [id, name] = name_of(project, Some(actor.entity));
                actors.row([
                    outcome.id.to_string(),
                    meeting_id.clone(),
                    id,
                    name,
                    actor_role(actor.role).to_string(),
                    quote_of(project, actor.evidence),
                ]);
            }
        }
        let mut spans = Table::new(
            for_excel,
            &[
                "doc_id",
                "document",
                "span_id",
                "label",
                "start",
                "end",
                "start_utf16",
                "end_utf16",
                "quote",
                "entity_id",
                "entity",
                "review_state",
                "author",
                "created",
            ],
        );
        let mut mentions = std::collections::BTreeMap::<EntityId, usize>::new();
        for doc in &set.docs {
            for span in &doc.spans {
                if let Some(entity) = span.entity {
                    *mentions.entry(entity).or_default() += 1;
                }
                let [entity_id, entity] = name_of(project, span.entity);
                spans.row([
                    doc.document.id.to_string(),
                    doc.document.path.clone(),
                    span.id.to_string(),
                    span.label.clone(),
                    span.start.to_string(),
                    span.end.to_string(),
                    doc.utf16(span.start).to_string(),
                    doc.utf16(span.end).to_string(),
                    span.quote.clone(),
                    entity_id,
                    entity,
                    format!("{:?}", span.review.state).to_lowercase(),
                    span.author.clone(),
                    span.created.clone(),
                ]);
            }
        }
        let mut entities = Table::new(
            for_excel,
            &[
                "entity_id",
                "name",
                "kind",
                "subtype",
                "external_id",
                "aliases",
                "mentions",
            ],
        );
        let mut in_records = std::collections::HashSet::new();
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
            entities.row([
                entity.id.to_string(),
                entity.name.clone(),
                entity.kind.clone(),
                entity.subtype.clone().unwrap_or_default(),
                entity.external_id.clone().unwrap_or_default(),
                entity.aliases.join(" | "),
                count.to_string(),
            ]);
        }
        vec![
            meetings.file("meetings.csv"),
            outcomes.file("outcomes.csv"),
            participants.file("participants.csv"),
            actors.file("outcome_actors.csv"),
            entities.file("entities.csv"),
            spans.file("spans.csv"),
        ]
    }
}
