//! Problems in meeting and outcome records that the annotator should fix: required fields left
//! empty, contradictions, keys the schema does not know. No I/O: `daftar check` and the window
//! both show these.

use super::{Meeting, MeetingId, Names, Outcome, OutcomeId, Project};

/// A problem of a meeting or outcome record. Written in English by `Display` (for `daftar
/// check`); the window names it in the interface's language.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// A required field is empty (the field's names in every language).
    MissingField {
        meeting: MeetingId,
        field: Names,
    },
    DateBothStatedAndNot {
        meeting: MeetingId,
    },
    EndsBeforeStart {
        meeting: MeetingId,
        start: String,
        end: String,
    },
    UnknownRole {
        meeting: MeetingId,
        role: String,
    },
    ParticipantWithoutWho {
        meeting: MeetingId,
    },
    NoMeeting {
        outcome: OutcomeId,
    },
    NoType {
        outcome: OutcomeId,
    },
    UnknownType {
        outcome: OutcomeId,
        kind: String,
    },
    NoStatus {
        outcome: OutcomeId,
    },
    UnknownStatus {
        outcome: OutcomeId,
        status: String,
    },
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::MissingField { meeting, field } => write!(
                f,
                "meeting {meeting} has no {} (required)",
                field.en.to_lowercase()
            ),
            Problem::DateBothStatedAndNot { meeting } => write!(
                f,
                "meeting {meeting} has a start date and says its date is not stated"
            ),
            Problem::EndsBeforeStart {
                meeting,
                start,
                end,
            } => write!(
                f,
                "meeting {meeting} ends ({end}) before it starts ({start})"
            ),
            Problem::UnknownRole { meeting, role } => write!(
                f,
                "meeting {meeting} has a participant with role {role}, which the schema does \
                 not define"
            ),
            Problem::ParticipantWithoutWho { meeting } => write!(
                f,
                "meeting {meeting} has a participant with neither an entity nor a count"
            ),
            Problem::NoMeeting { outcome } => write!(f, "outcome {outcome} belongs to no meeting"),
            Problem::NoType { outcome } => write!(f, "outcome {outcome} has no type yet"),
            Problem::UnknownType { outcome, kind } => write!(
                f,
                "outcome {outcome} has type {kind}, which the schema does not define"
            ),
            Problem::NoStatus { outcome } => write!(f, "outcome {outcome} has no status yet"),
            Problem::UnknownStatus { outcome, status } => write!(
                f,
                "outcome {outcome} has status {status}, which the schema does not define"
            ),
        }
    }
}

/// Problems of one meeting.
pub fn meeting_problems(project: &Project, meeting: &Meeting) -> Vec<Problem> {
    let mut problems = Vec::new();
    let id = meeting.id;
    for field in project.schema.meeting_fields.iter().filter(|f| f.required) {
        if !meeting.is_recorded(field.key) {
            problems.push(Problem::MissingField {
                meeting: id,
                field: field.names.clone(),
            });
        }
    }
    if meeting.date_not_stated && meeting.start.is_some() {
        problems.push(Problem::DateBothStatedAndNot { meeting: id });
    }
    if let (Some(start), Some(end)) = (&meeting.start, &meeting.end)
        && end.value.iso < start.value.iso
    {
        problems.push(Problem::EndsBeforeStart {
            meeting: id,
            start: start.value.iso.clone(),
            end: end.value.iso.clone(),
        });
    }
    for participant in &meeting.participants {
        if project.schema.participant_role(&participant.role).is_none() {
            problems.push(Problem::UnknownRole {
                meeting: id,
                role: participant.role.clone(),
            });
        }
        if participant.entity.is_none() && participant.count.is_none() && !participant.all_members {
            problems.push(Problem::ParticipantWithoutWho { meeting: id });
        }
    }
    problems
}

/// Problems of one outcome.
pub fn outcome_problems(project: &Project, outcome: &Outcome) -> Vec<Problem> {
    let mut problems = Vec::new();
    let id = outcome.id;
    if outcome.meeting.is_none() {
        problems.push(Problem::NoMeeting { outcome: id });
    }
    if outcome.kind.is_empty() {
        problems.push(Problem::NoType { outcome: id });
    } else if project.schema.outcome_type(&outcome.kind).is_none() {
        problems.push(Problem::UnknownType {
            outcome: id,
            kind: outcome.kind.clone(),
        });
    }
    if outcome.status.is_empty() {
        problems.push(Problem::NoStatus { outcome: id });
    } else if project.schema.outcome_status(&outcome.status).is_none() {
        problems.push(Problem::UnknownStatus {
            outcome: id,
            status: outcome.status.clone(),
        });
    }
    problems
}

/// Problems of every meeting and outcome of the project.
pub fn record_problems(project: &Project) -> Vec<String> {
    let mut problems: Vec<String> = project
        .meetings
        .iter()
        .flat_map(|m| meeting_problems(project, m))
        .map(|p| p.to_string())
        .collect();
    for outcome in &project.outcomes {
        problems.extend(
            outcome_problems(project, outcome)
                .iter()
                .map(|p| p.to_string()),
        );
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Calendar, DateValue, MeetingId, Outcome, OutcomeId, Participant, Precision, Sourced,
    };

    fn date(iso: &str) -> Sourced<DateValue> {
        Sourced::new(DateValue {
            iso: iso.into(),
            original: iso.into(),
            calendar: Calendar::Gregorian,
            precision: Precision::Day,
        })
    }

    fn meeting() -> Meeting {
        let mut meeting = Meeting::new(MeetingId(1), "");
        meeting.start = Some(date("2021-07-14"));
        meeting.end = Some(date("2021-07-13"));
        meeting.participants = vec![Participant {
            entity: None,
            count: None,
            all_members: false,
            description: String::new(),
            role: "guest_of_honour".into(),
            evidence: None,
        }];
        meeting
    }

    #[test]
    fn missing_fields_and_contradictions_are_reported() {
        let mut project = Project::new("p", "c");
        project.meetings.push(meeting());
        project.outcomes.push(Outcome::new(
            OutcomeId(2),
            None,
            "declaration_adopted",
            "maybe",
            "",
        ));
        let problems = record_problems(&project);
        for expected in [
            "meeting m1 has no organization (required)",
            "meeting m1 ends (2021-07-13) before it starts (2021-07-14)",
            "meeting m1 has a participant with role guest_of_honour, which the schema does not define",
            "meeting m1 has a participant with neither an entity nor a count",
            "outcome o2 belongs to no meeting",
            "outcome o2 has status maybe, which the schema does not define",
        ] {
            assert!(
                problems.iter().any(|p| p == expected),
                "{expected}\n{problems:#?}"
            );
        }
        assert_eq!(problems.len(), 6, "{problems:#?}");
    }

    #[test]
    fn the_fixture_meeting_is_sound() {
        let fixture = include_str!("../../tests/fixtures/format1.daftar.ron");
        let project = crate::store::from_ron(fixture, std::path::Path::new("f")).unwrap();
        assert_eq!(record_problems(&project), Vec::<String>::new());
    }
}
