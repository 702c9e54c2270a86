//! Every meeting and outcome of a project as rows of one table (an outcome carries its meeting's
//! organization, body, level, dates, venue and host, so it is found by them too), and the
//! filters over it: what `daftar records` prints and the window's Records page will show.

use std::cmp::Ordering;

use crate::model::{DocId, EntityId, Meeting, MeetingId, OutcomeId, Project, ReviewState};
use crate::text::fold::fold_str;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RecordKind {
    #[default]
    Meeting,
    Outcome,
}

/// Which record a row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RecordRef {
    Meeting(MeetingId),
    Outcome(OutcomeId),
}

/// One meeting or outcome, every value as text (schema keys for choices, ISO dates).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct RecordRow {
    /// The record itself (its id is `id`, as text).
    #[serde(skip)]
    pub record: Option<RecordRef>,
    pub kind: RecordKind,
    /// `m7` or `o25`.
    pub id: String,
    /// The meeting: itself, or the outcome's.
    pub meeting: String,
    pub organization: String,
    pub body: String,
    pub level: String,
    /// ISO 8601, as precise as the article (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`).
    pub start: String,
    pub end: String,
    pub venue: String,
    pub host: String,
    /// The meeting's realis (held, planned…).
    pub realis: String,
    /// For an outcome: its type and status (schema keys).
    pub outcome_type: String,
    pub outcome_status: String,
    /// The reviewer's decision on this record.
    pub review: &'static str,
    /// The paths of the articles reporting it.
    pub documents: Vec<String>,
    /// The names, in every language, of its level, realis, outcome type and status (found by
    /// the words filter: امضا شده finds the signed ones).
    #[serde(skip)]
    pub names: Vec<String>,
}

/// Which rows to keep; every field set must match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecordFilter {
    pub kind: Option<RecordKind>,
    /// Words found (folded: spellings, harakat, digits alike) in the organization, body, level,
    /// venue, host, type, status (their keys, or their names in any language) or a document's
    /// path.
    pub text: Option<String>,
    /// The meeting's dates overlap `from..=to` (ISO, any precision); a meeting without a date
    /// is left out when either is set.
    pub from: Option<String>,
    pub to: Option<String>,
    pub review: Option<ReviewState>,
    pub outcome_type: Option<String>,
    pub outcome_status: Option<String>,
}

fn entity_name(project: &Project, id: Option<EntityId>) -> String {
    id.and_then(|id| project.entity(id))
        .map(|e| e.name.clone())
        .unwrap_or_default()
}

fn paths(project: &Project, docs: impl Iterator<Item = DocId>) -> Vec<String> {
    let mut docs: Vec<DocId> = docs.collect();
    docs.sort();
    docs.dedup();
    docs.iter()
        .filter_map(|d| project.document(*d).map(|d| d.path.clone()))
        .collect()
}

fn review_name(state: ReviewState) -> &'static str {
    state.name()
}

/// The meeting's columns of a row.
fn meeting_columns(project: &Project, meeting: &Meeting) -> RecordRow {
    let text = |v: &Option<crate::model::Sourced<String>>| {
        v.as_ref().map(|s| s.value.clone()).unwrap_or_default()
    };
    let date = |v: &Option<crate::model::Sourced<crate::model::DateValue>>| {
        v.as_ref().map(|s| s.value.iso.clone()).unwrap_or_default()
    };
    RecordRow {
        record: Some(RecordRef::Meeting(meeting.id)),
        kind: RecordKind::Meeting,
        id: meeting.id.to_string(),
        meeting: meeting.id.to_string(),
        organization: entity_name(project, meeting.organization.as_ref().map(|s| s.value)),
        body: text(&meeting.body),
        level: text(&meeting.level),
        start: date(&meeting.start),
        end: date(&meeting.end),
        venue: entity_name(project, meeting.venue.as_ref().map(|s| s.value)),
        host: entity_name(project, meeting.host.as_ref().map(|s| s.value)),
        realis: format!("{:?}", meeting.realis).to_lowercase(),
        outcome_type: String::new(),
        outcome_status: String::new(),
        review: review_name(meeting.review.state),
        documents: paths(project, meeting.evidence_spans().map(|e| e.doc)),
        names: Vec::new(),
    }
}

/// The names in every language of the schema's closed-list keys a row holds.
fn choice_names(project: &Project, row: &RecordRow) -> Vec<String> {
    use crate::model::MeetingField;
    let schema = &project.schema;
    [
        schema.field_choice(MeetingField::Level, &row.level),
        schema.field_choice(MeetingField::Realis, &row.realis),
        schema.outcome_type(&row.outcome_type),
        schema.outcome_status(&row.outcome_status),
    ]
    .into_iter()
    .flatten()
    .flat_map(|c| [c.names.en.clone(), c.names.fa.clone(), c.names.ar.clone()])
    .collect()
}

/// Every meeting, then every outcome, of `project`.
pub fn record_rows(project: &Project) -> Vec<RecordRow> {
    let mut rows: Vec<RecordRow> = project
        .meetings
        .iter()
        .map(|m| meeting_columns(project, m))
        .collect();
    for outcome in &project.outcomes {
        let meeting = outcome.meeting.and_then(|m| project.meeting(m));
        let mut row = match meeting {
            Some(meeting) => meeting_columns(project, meeting),
            None => RecordRow::default(),
        };
        row.kind = RecordKind::Outcome;
        row.record = Some(RecordRef::Outcome(outcome.id));
        row.id = outcome.id.to_string();
        row.outcome_type = outcome.kind.clone();
        row.outcome_status = outcome.status.clone();
        row.review = review_name(outcome.review.state);
        row.documents = paths(project, outcome.evidence_spans().map(|e| e.doc));
        rows.push(row);
    }
    for row in &mut rows {
        row.names = choice_names(project, row);
    }
    rows
}

/// A column of the records table, to sort by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum RecordColumn {
    Kind,
    Organization,
    Body,
    Level,
    #[default]
    Start,
    End,
    Venue,
    Host,
    Realis,
    OutcomeType,
    OutcomeStatus,
    Review,
    /// How many articles report it.
    Documents,
}

impl RecordColumn {
    pub const ALL: [RecordColumn; 13] = [
        RecordColumn::Kind,
        RecordColumn::Organization,
        RecordColumn::Body,
        RecordColumn::Level,
        RecordColumn::Start,
        RecordColumn::End,
        RecordColumn::Venue,
        RecordColumn::Host,
        RecordColumn::Realis,
        RecordColumn::OutcomeType,
        RecordColumn::OutcomeStatus,
        RecordColumn::Review,
        RecordColumn::Documents,
    ];

    pub fn title(self) -> &'static str {
        match self {
            RecordColumn::Kind => "Record",
            RecordColumn::Organization => "Organization",
            RecordColumn::Body => "Body",
            RecordColumn::Level => "Level",
            RecordColumn::Start => "From",
            RecordColumn::End => "To",
            RecordColumn::Venue => "Venue",
            RecordColumn::Host => "Host",
            RecordColumn::Realis => "Held?",
            RecordColumn::OutcomeType => "Outcome",
            RecordColumn::OutcomeStatus => "Status",
            RecordColumn::Review => "Review",
            RecordColumn::Documents => "Articles",
        }
    }

    /// The row's value in this column, as shown.
    pub fn value(self, row: &RecordRow) -> String {
        match self {
            RecordColumn::Kind => row.id.clone(),
            RecordColumn::Organization => row.organization.clone(),
            RecordColumn::Body => row.body.clone(),
            RecordColumn::Level => row.level.clone(),
            RecordColumn::Start => row.start.clone(),
            RecordColumn::End => row.end.clone(),
            RecordColumn::Venue => row.venue.clone(),
            RecordColumn::Host => row.host.clone(),
            RecordColumn::Realis => row.realis.clone(),
            RecordColumn::OutcomeType => row.outcome_type.clone(),
            RecordColumn::OutcomeStatus => row.outcome_status.clone(),
            RecordColumn::Review => row.review.to_string(),
            RecordColumn::Documents => row.documents.len().to_string(),
        }
    }

    /// How two filled cells compare in this column: numbers as numbers, ids by their number,
    /// text through the match key (spellings alike).
    pub fn compare(self, a: &RecordRow, b: &RecordRow) -> Ordering {
        match self {
            RecordColumn::Documents => a.documents.len().cmp(&b.documents.len()),
            RecordColumn::Kind => {
                let number = |r: &RecordRow| r.id.get(1..).and_then(|n| n.parse::<u64>().ok());
                (a.kind as u8, number(a)).cmp(&(b.kind as u8, number(b)))
            }
            _ => {
                let (a, b) = (self.value(a), self.value(b));
                fold_str(&a).cmp(&fold_str(&b)).then(a.cmp(&b))
            }
        }
    }
}

/// Sorts rows by a column, either way, empty cells last both ways (ties keep their order:
/// meetings, then outcomes, by id).
pub fn sort_rows(rows: &mut [RecordRow], column: RecordColumn, descending: bool) {
    rows.sort_by(|a, b| {
        let empty = |r: &RecordRow| column.value(r).is_empty();
        empty(a).cmp(&empty(b)).then_with(|| {
            let order = column.compare(a, b);
            if descending { order.reverse() } else { order }
        })
    });
}

/// The first and last day an ISO date of any precision can mean, as `YYYY-MM-DD` strings
/// (compared as text: ISO dates sort as they run).
fn day_range(iso: &str) -> Option<(String, String)> {
    match iso.len() {
        10 => Some((iso.to_string(), iso.to_string())),
        7 => Some((format!("{iso}-01"), format!("{iso}-31"))),
        4 => Some((format!("{iso}-01-01"), format!("{iso}-12-31"))),
        _ => None,
    }
}

impl RecordFilter {
    pub fn matches(&self, row: &RecordRow) -> bool {
        if self.kind.is_some_and(|k| k != row.kind)
            || self.review.is_some_and(|r| review_name(r) != row.review)
            || self
                .outcome_type
                .as_ref()
                .is_some_and(|t| t != &row.outcome_type)
            || self
                .outcome_status
                .as_ref()
                .is_some_and(|s| s != &row.outcome_status)
        {
            return false;
        }
        if let Some(text) = &self.text {
            let wanted = fold_str(text);
            let wanted = wanted.trim();
            let fields = [
                &row.organization,
                &row.body,
                &row.level,
                &row.venue,
                &row.host,
                &row.outcome_type,
                &row.outcome_status,
            ];
            let found = fields
                .into_iter()
                .chain(row.documents.iter())
                .chain(row.names.iter())
                .any(|f| fold_str(f).contains(wanted));
            if !found {
                return false;
            }
        }
        if self.from.is_some() || self.to.is_some() {
            let first = day_range(&row.start);
            let last = day_range(if row.end.is_empty() {
                &row.start
            } else {
                &row.end
            });
            let (Some((earliest, _)), Some((_, latest))) = (first, last) else {
                return false;
            };
            if let Some((from, _)) = self.from.as_deref().and_then(day_range)
                && latest < from
            {
                return false;
            }
            if let Some((_, to)) = self.to.as_deref().and_then(day_range)
                && earliest > to
            {
                return false;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Project {
        crate::store::from_ron(crate::sample::PROJECT, std::path::Path::new("sample")).unwrap()
    }

    #[test]
    fn every_meeting_and_outcome_is_a_row_and_outcomes_carry_their_meeting() {
        let project = sample();
        let rows = record_rows(&project);
        assert_eq!(rows.len(), project.meetings.len() + project.outcomes.len());
        for outcome in &project.outcomes {
            let row = rows
                .iter()
                .find(|r| r.id == outcome.id.to_string())
                .unwrap();
            let meeting = rows
                .iter()
                .find(|r| {
                    r.kind == RecordKind::Meeting
                        && Some(r.id.clone()) == outcome.meeting.map(|m| m.to_string())
                })
                .unwrap();
            assert_eq!(
                (&row.organization, &row.start),
                (&meeting.organization, &meeting.start)
            );
            assert_eq!(row.outcome_type, outcome.kind);
        }
    }

    #[test]
    fn filters_by_words_in_any_spelling_by_dates_and_by_kind() {
        let project = sample();
        let rows = record_rows(&project);
        let count = |filter: RecordFilter| rows.iter().filter(|r| filter.matches(r)).count();
        let sco_meetings = RecordFilter {
            kind: Some(RecordKind::Meeting),
            text: Some("شانگهاي".into()), // Arabic yeh
            ..RecordFilter::default()
        };
        assert_eq!(count(sco_meetings), 2);
        let july_2021 = RecordFilter {
            from: Some("2021-07".into()),
            to: Some("2021-07-31".into()),
            kind: Some(RecordKind::Meeting),
            ..RecordFilter::default()
        };
        let in_july: Vec<&RecordRow> = rows.iter().filter(|r| july_2021.matches(r)).collect();
        assert!(!in_july.is_empty());
        assert!(in_july.iter().all(|r| r.start.starts_with("2021-07")));
        let decisions = RecordFilter {
            outcome_type: Some("decision".into()),
            ..RecordFilter::default()
        };
        assert!(
            rows.iter()
                .filter(|r| decisions.matches(r))
                .all(|r| r.kind == RecordKind::Outcome)
        );
        assert_eq!(count(RecordFilter::default()), rows.len());
        // A status by its Persian name.
        let signed = RecordFilter {
            text: Some("امضا شده".into()),
            ..RecordFilter::default()
        };
        let found: Vec<&RecordRow> = rows.iter().filter(|r| signed.matches(r)).collect();
        assert!(!found.is_empty());
        assert!(
            found.iter().all(|r| r.outcome_status == "signed"),
            "{found:?}"
        );
    }

    #[test]
    fn rows_sort_by_any_column_dates_in_order_and_empty_cells_last() {
        let project = sample();
        let mut rows = record_rows(&project);
        sort_rows(&mut rows, RecordColumn::Start, false);
        let dated: Vec<String> = rows
            .iter()
            .map(|r| r.start.clone())
            .filter(|s| !s.is_empty())
            .collect();
        assert!(dated.windows(2).all(|w| w[0] <= w[1]), "{dated:?}");
        let first_undated = rows.iter().position(|r| r.start.is_empty());
        if let Some(first) = first_undated {
            assert!(rows[first..].iter().all(|r| r.start.is_empty()));
        }
        sort_rows(&mut rows, RecordColumn::Start, true);
        let dated_down: Vec<String> = rows
            .iter()
            .map(|r| r.start.clone())
            .take_while(|s| !s.is_empty())
            .collect();
        assert!(dated_down.windows(2).all(|w| w[0] >= w[1]));
        assert_eq!(dated_down.len(), dated.len(), "empty cells last either way");
        // Ids by their number: m10 after m9.
        let mut ids = vec![
            RecordRow {
                id: "m10".into(),
                ..RecordRow::default()
            },
            RecordRow {
                id: "m9".into(),
                ..RecordRow::default()
            },
        ];
        sort_rows(&mut ids, RecordColumn::Kind, false);
        assert_eq!(ids[0].id, "m9");
        sort_rows(&mut rows, RecordColumn::Documents, true);
        assert!(
            rows.windows(2)
                .all(|w| w[0].documents.len() >= w[1].documents.len())
        );
        // Every row knows its record.
        assert!(rows.iter().all(|r| r.record.is_some()));
    }

    #[test]
    fn partial_dates_cover_their_whole_month_or_year() {
        assert_eq!(
            day_range("2021-07"),
            Some(("2021-07-01".into(), "2021-07-31".into()))
        );
        assert_eq!(
            day_range("2021"),
            Some(("2021-01-01".into(), "2021-12-31".into()))
        );
        assert_eq!(day_range(""), None);
    }
}
