//! Shared helpers of the integration tests: a copy of the sample corpus and a realistic set of
//! annotations made through `Edit`s, as the window will make them.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use daftar::edit::{Edit, History};
use daftar::model::{
    Actor, ActorRole, Calendar, DateValue, DocId, Entity, Meeting, Outcome, Participant, Precision,
    Project, Realis, Review, Sourced, Span, SpanRef,
};
use daftar::text::MatchKey;

pub const PERSIAN_ECO: &str = "000_cc14a8d638cfba9c.txt";
pub const ARABIC_ECO: &str = "001_fbc263693fc4a0ea.txt";
#[allow(dead_code)]
pub const SCO_ARTICLE: &str = "004_ead77181adac0951.txt";

pub fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Copies the bundled sample articles into `dir/sample` and returns that folder.
pub fn copy_sample(dir: &Path) -> PathBuf {
    let target = dir.join("sample");
    std::fs::create_dir_all(&target).unwrap();
    for entry in std::fs::read_dir(repo_path("assets/sample")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), target.join(entry.file_name())).unwrap();
    }
    target
}

fn text_of(corpus: &Path, file: &str) -> String {
    std::fs::read_to_string(corpus.join(file)).unwrap()
}

fn doc_id(project: &Project, file: &str) -> DocId {
    project.document_by_path(file).unwrap().id
}

/// Tags the first occurrence of `needle` (found through the match key) and returns the span.
fn tag(
    project: &mut Project,
    history: &mut History,
    corpus: &Path,
    file: &str,
    needle: &str,
    label: &str,
    entity: Option<daftar::model::EntityId>,
) -> SpanRef {
    let text = text_of(corpus, file);
    let hits = MatchKey::new(&text).find_all(needle);
    let range = hits
        .first()
        .unwrap_or_else(|| panic!("{needle} not in {file}"))
        .clone();
    let doc = doc_id(project, file);
    let id = project.new_span_id();
    let mut span = Span::quoting(id, &text, range.start, range.end, label, "annotator").unwrap();
    span.entity = entity;
    history
        .apply(project, Edit::InsertSpan { doc, span })
        .unwrap();
    SpanRef { doc, span: id }
}

/// Annotates the two ECO articles (Persian and Arabic) with entities, one meeting and two
/// outcomes, through the edit history.
pub fn annotate(project: &mut Project, history: &mut History, corpus: &Path) {
    let mut new_entity = |project: &mut Project, name: &str, aliases: &[&str], kind: &str| {
        let entity = Entity {
            id: project.new_entity_id(),
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            kind: kind.into(),
            subtype: (kind == "ORG").then(|| "IGO".to_string()),
            external_id: None,
            note: String::new(),
        };
        let id = entity.id;
        history.apply(project, Edit::InsertEntity(entity)).unwrap();
        id
    };
    let minister = new_entity(
        project,
        "اسکندر مومنی",
        &["إسكندر مؤمني", "Eskandar Momeni"],
        "PER",
    );
    let eco = new_entity(project, "سازمان همکاری اقتصادی", &["اکو", "ECO"], "ORG");
    let pakistan = new_entity(project, "پاکستان", &["باكستان"], "GPE");
    let iran = new_entity(project, "ایران", &["إيران"], "GPE");

    // The same minister in both articles: the Persian needle finds the Arabic spelling.
    let minister_fa = tag(
        project,
        history,
        corpus,
        PERSIAN_ECO,
        "اسکندر مومنی",
        "PER",
        Some(minister),
    );
    tag(
        project,
        history,
        corpus,
        ARABIC_ECO,
        "اسکندر مومنی",
        "PER",
        Some(minister),
    );
    let ordinal = tag(
        project,
        history,
        corpus,
        PERSIAN_ECO,
        "چهارمین",
        "ORDINAL",
        None,
    );
    let trigger = tag(
        project,
        history,
        corpus,
        PERSIAN_ECO,
        "نشست وزیران کشور",
        "MEETING",
        None,
    );
    let org = tag(
        project,
        history,
        corpus,
        PERSIAN_ECO,
        "سازمان همکاری اقتصادی اکو",
        "ORG",
        Some(eco),
    );
    let host_span = tag(
        project,
        history,
        corpus,
        PERSIAN_ECO,
        "پاکستان",
        "GPE",
        Some(pakistan),
    );
    let next_host = tag(
        project,
        history,
        corpus,
        PERSIAN_ECO,
        "میزبان نشست سال آینده",
        "OUTCOME",
        None,
    );
    let iran_span = tag(
        project,
        history,
        corpus,
        PERSIAN_ECO,
        "ایران",
        "GPE",
        Some(iran),
    );

    let meeting = Meeting {
        id: project.new_meeting_id(),
        organization: Some(Sourced::with_evidence(eco, org)),
        body: Some(Sourced::new("Council of Interior Ministers".into())),
        level: Some(Sourced::new("ministerial".into())),
        sector: Some(Sourced::new("interior".into())),
        ordinal: Some(Sourced::with_evidence(4, ordinal)),
        session_type: Some(Sourced::new("regular".into())),
        venue: None,
        host: Some(Sourced::with_evidence(iran, iran_span)),
        chair: None,
        start: Some(Sourced::new(DateValue {
            iso: "2025-01-14".into(),
            original: "۲۵ دی ۱۴۰۳".into(),
            calendar: Calendar::SolarHijri,
            precision: Precision::Day,
        })),
        end: None,
        date_not_stated: false,
        participants: vec![
            Participant {
                entity: Some(minister),
                count: None,
                all_members: false,
                description: String::new(),
                role: "head_of_delegation".into(),
                evidence: Some(minister_fa),
            },
            Participant {
                entity: None,
                count: Some(2),
                all_members: false,
                description: "countries".into(),
                role: "special_guest".into(),
                evidence: None,
            },
        ],
        realis: Realis::Held,
        codes: None,
        evidence: vec![trigger],
        note: "Both sample articles 000 and 001 report this meeting.".into(),
        author: "annotator".into(),
        created: String::new(),
        review: Review::default(),
    };
    let meeting_id = meeting.id;
    history
        .apply(project, Edit::InsertMeeting(meeting))
        .unwrap();
    let designated = Outcome {
        id: project.new_outcome_id(),
        meeting: Some(meeting_id),
        kind: "next_host_designated".into(),
        status: "agreed".into(),
        title: None,
        actors: vec![Actor {
            entity: pakistan,
            role: ActorRole::Beneficiary,
            evidence: Some(host_span),
        }],
        attributed_to: Some(minister),
        codes: None,
        evidence: vec![next_host],
        note: String::new(),
        author: "annotator".into(),
        created: String::new(),
        review: Review::default(),
    };
    history
        .apply(project, Edit::InsertOutcome(designated))
        .unwrap();
    let discussed = Outcome {
        id: project.new_outcome_id(),
        meeting: Some(meeting_id),
        kind: "topic_discussed".into(),
        status: "discussed".into(),
        title: Some(Sourced::new("border security and migration".into())),
        actors: vec![],
        attributed_to: None,
        codes: None,
        evidence: vec![],
        note: String::new(),
        author: "annotator".into(),
        created: String::new(),
        review: Review::default(),
    };
    history
        .apply(project, Edit::InsertOutcome(discussed))
        .unwrap();
}

/// A copy of the sample in `dir`, imported, annotated by [`annotate`] and saved: returns the
/// corpus folder and the project file.
pub fn annotated_sample(dir: &Path) -> (PathBuf, PathBuf) {
    let corpus = copy_sample(dir);
    let project = dir.join("sample.daftar.ron");
    let mut opened = daftar::open::import_into(&project, &corpus, Default::default()).unwrap();
    annotate(&mut opened.project, &mut History::new(), &corpus);
    opened.file.save(&opened.project).unwrap();
    (corpus, project)
}
