//! Problems in meeting and outcome records that the annotator should fix: required fields left
//! empty, contradictions, keys the schema does not know. No I/O: `daftar check` and the window
//! both show these.

use super::{Meeting, Outcome, Project};

/// Problems of one meeting.
pub fn meeting_problems(project: &Project, meeting: &Meeting) -> Vec<String> {
    let mut problems = Vec::new();
    let id = meeting.id;
    for field in project.schema.meeting_fields.iter().filter(|f| f.required) {
        let missing = !meeting.is_recorded(field.key);
        if missing {
            problems.push(format!(
                "meeting {id} has no {} (required)",
                field.names.en.to_lowercase()
            ));
        }
    }
    if meeting.date_not_stated && meeting.start.is_some() {
        problems.push(format!(
            "meeting {id} has a start date and says its date is not stated"
        ));
    }
    if let (Some(start), Some(end)) = (&meeting.start, &meeting.end)
        && end.value.iso < start.value.iso
    {
        problems.push(format!(
            "meeting {id} ends ({}) before it starts ({})",
            end.value.iso, start.value.iso
        ));
    }
    for participant in &meeting.participants {
        if project.schema.participant_role(&participant.role).is_none() {
            problems.push(format!(
                "meeting {id} has a participant with role {}, which the schema does not define",
                participant.role
            ));
        }
        if participant.entity.is_none() && participant.count.is_none() && !participant.all_members {
            problems.push(format!(
                "meeting {id} has a participant with neither an entity nor a count"
            ));
        }
    }
    problems
}

/// Problems of one outcome.
pub fn outcome_problems(project: &Project, outcome: &Outcome) -> Vec<String> {
    let mut problems = Vec::new();
    let id = outcome.id;
    if outcome.meeting.is_none() {
        problems.push(format!("outcome {id} belongs to no meeting"));
    }
    if outcome.kind.is_empty() {
        problems.push(format!("outcome {id} has no type yet"));
    } else if project.schema.outcome_type(&outcome.kind).is_none() {
        problems.push(format!(
            "outcome {id} has type {}, which the schema does not define",
            outcome.kind
        ));
    }
    if outcome.status.is_empty() {
        problems.push(format!("outcome {id} has no status yet"));
    } else if project.schema.outcome_status(&outcome.status).is_none() {
        problems.push(format!(
            "outcome {id} has status {}, which the schema does not define",
            outcome.status
        ));
    }
    problems
}

/// Problems of every meeting and outcome of the project.
pub fn record_problems(project: &Project) -> Vec<String> {
    let mut problems: Vec<String> = project
        .meetings
        .iter()
        .flat_map(|m| meeting_problems(project, m))
        .collect();
    for outcome in &project.outcomes {
        problems.extend(outcome_problems(project, outcome));
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
