//! Which recorded meetings this article may report: a meeting is one record however many
//! articles tell of it, so an annotator on a second article attaches evidence to the existing
//! record instead of making a duplicate. Candidates are ranked by what the article shares with
//! the record: its organization, its venue, its dates.

use super::evidence::ArticleRef;
use crate::model::{DocId, EntityId, Meeting, MeetingId, Project};
use crate::text::MatchKey;
use crate::text::dates::parse_date;

/// A meeting this article may report, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub meeting: MeetingId,
    pub score: u32,
    /// In English, for the panel ("organization ECO is mentioned").
    pub reasons: Vec<String>,
}

/// Meetings that already have evidence in `doc`.
pub fn meetings_in(project: &Project, doc: DocId) -> Vec<MeetingId> {
    project
        .meetings
        .iter()
        .filter(|m| m.evidence_spans().any(|e| e.doc == doc))
        .map(|m| m.id)
        .collect()
}

/// Days since 1970-01-01 of an ISO date (`YYYY-MM-DD`, or its month's or year's first day).
fn days_of_iso(iso: &str) -> Option<i64> {
    let mut parts = iso.splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next().map_or(Some(1), |m| m.parse().ok())?;
    let day: i64 = parts.next().map_or(Some(1), |d| d.parse().ok())?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Whether the article mentions the entity: a span linked to it, or one of its names in the text.
fn mentions(project: &Project, doc: DocId, text: &MatchKey, entity: EntityId) -> Option<String> {
    let known = project.entity(entity)?;
    let linked = project
        .document(doc)?
        .spans
        .iter()
        .any(|s| s.entity == Some(entity));
    (linked || known.names().any(|n| !text.find_all(n).is_empty())).then(|| known.name.clone())
}

/// How an article's dates relate to the meeting's days: a date in the text that falls on them,
/// or a publication date within a week after the start (or a month before).
fn date_reason(project: &Project, article: ArticleRef, meeting: &Meeting) -> Option<String> {
    let start = days_of_iso(&meeting.start.as_ref()?.value.iso)?;
    let end = meeting
        .end
        .as_ref()
        .and_then(|e| days_of_iso(&e.value.iso))
        .unwrap_or(start);
    let document = project.document(article.doc)?;
    let published = document.published.as_deref();
    for span in document.spans.iter().filter(|s| s.label == "DATE") {
        if let Some(parsed) = parse_date(span.quote(), &document.language, published)
            && let Some(day) = days_of_iso(&parsed.start.iso)
            && (start..=end).contains(&day)
        {
            return Some(format!("the article's date “{}” falls on it", span.quote()));
        }
    }
    let day = days_of_iso(published?)?;
    ((start - 30)..=(end + 7))
        .contains(&day)
        .then(|| format!("the article was published on {}", published.unwrap_or("")))
}

/// Meetings recorded from other articles that this one may report, best first. Meetings that
/// already have evidence here are left out (they are this article's meetings).
pub fn meeting_candidates(project: &Project, article: ArticleRef) -> Vec<Candidate> {
    let here = meetings_in(project, article.doc);
    let text = MatchKey::new(article.text);
    let mut candidates: Vec<Candidate> = project
        .meetings
        .iter()
        .filter(|m| !here.contains(&m.id))
        .filter_map(|meeting| {
            let mut score = 0;
            let mut reasons = Vec::new();
            if let Some(name) = meeting
                .organization
                .as_ref()
                .and_then(|o| mentions(project, article.doc, &text, o.value))
            {
                score += 3;
                reasons.push(format!("organization {name} is mentioned"));
            }
            if let Some(name) = meeting
                .venue
                .as_ref()
                .and_then(|v| mentions(project, article.doc, &text, v.value))
            {
                score += 2;
                reasons.push(format!("venue {name} is mentioned"));
            }
            if let Some(reason) = date_reason(project, article, meeting) {
                score += 2;
                reasons.push(reason);
            }
            (score > 0).then_some(Candidate {
                meeting: meeting.id,
                score,
                reasons,
            })
        })
        .collect();
    candidates.sort_by(|a, b| b.score.cmp(&a.score).then(a.meeting.cmp(&b.meeting)));
    candidates
}

#[cfg(test)]
mod tests {
    use super::days_of_iso;

    #[test]
    fn iso_days() {
        assert_eq!(days_of_iso("1970-01-01"), Some(0));
        assert_eq!(days_of_iso("2021-07-13"), Some(18821));
        assert_eq!(days_of_iso("2021-07"), days_of_iso("2021-07-01"));
        assert_eq!(
            days_of_iso("2000-03-01").unwrap() - days_of_iso("2000-02-28").unwrap(),
            2
        );
        assert_eq!(days_of_iso("2021-13-01"), None);
    }
}
