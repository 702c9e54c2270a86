//! The bundled sample project (`assets/sample.daftar.ron`) is built here, through the same record
//! functions the window uses, so it stays an honest example: article 004 (the SCO foreign
//! ministers in Dushanbe, 13–14 July 2021) fully annotated and reviewed, and the ECO interior
//! ministers' meeting that articles 000 (Persian) and 001 (Arabic) both report, in progress.
//!
//! `DAFTAR_WRITE_SAMPLE=1 cargo test --test sample_project` rewrites the file after a change to
//! the model or the schema; without it the test fails when the file is out of date.

use daftar::edit::Edit;
use daftar::model::validate::record_problems;
use daftar::model::{
    ActorRole, DocId, DocStatus, MeetingId, OutcomeId, Project, Realis, Review, ReviewState, SpanId,
};
use daftar::records::{self, ArticleRef, Selection};
use daftar::sample::ARTICLES;

const AUTHOR: &str = "annotator";
const REVIEWER: &str = "reviewer";
/// Every timestamp of the sample, so that building it twice gives the same file.
const WHEN: &str = "2026-11-22T12:00:00Z";

struct Builder {
    project: Project,
}

impl Builder {
    fn text(&self, doc: DocId) -> &'static str {
        let path = &self.project.document(doc).unwrap().path;
        ARTICLES.iter().find(|(name, _)| name == path).unwrap().1
    }

    fn doc(&self, index: usize) -> DocId {
        self.project.document_by_path(ARTICLES[index].0).unwrap().id
    }

    /// The first occurrence of `words` in the article.
    fn at(&self, doc: DocId, words: &str) -> Selection {
        let text = self.text(doc);
        let byte = text
            .find(words)
            .unwrap_or_else(|| panic!("{words} not in {doc}"));
        let start = text[..byte].chars().count();
        Selection::Range(start..start + words.chars().count())
    }

    /// `words` where they occur inside the first occurrence of `context`.
    fn within(&self, doc: DocId, context: &str, words: &str) -> Selection {
        let Selection::Range(outer) = self.at(doc, context) else {
            unreachable!()
        };
        let offset = context.find(words).expect("words inside their context");
        let start = outer.start + context[..offset].chars().count();
        Selection::Range(start..start + words.chars().count())
    }

    fn apply(&mut self, edit: Edit) {
        edit.apply(&mut self.project)
            .expect("the sample's edits apply");
    }

    fn tag(&mut self, doc: DocId, words: &str, label: &str) -> SpanId {
        let text = self.text(doc);
        let Selection::Range(range) = self.at(doc, words) else {
            unreachable!()
        };
        let (edit, id) = daftar::edit::tagging::tag_selection(
            &mut self.project,
            doc,
            text,
            range,
            label,
            AUTHOR,
        )
        .unwrap();
        self.apply(edit);
        id
    }

    fn new_meeting(&mut self, doc: DocId, words: &str) -> MeetingId {
        let text = self.text(doc);
        let selection = self.at(doc, words);
        let (edit, id) = records::new_meeting(
            &mut self.project,
            Some((ArticleRef { doc, text }, selection)),
            AUTHOR,
        )
        .unwrap();
        self.apply(edit);
        id
    }

    fn fill(&mut self, meeting: MeetingId, field: &str, doc: DocId, words: &str) {
        let field = daftar::model::MeetingField::from_key(field).expect("a meeting field");
        let text = self.text(doc);
        let selection = self.at(doc, words);
        let edit = records::fill_field(
            &mut self.project,
            meeting,
            field,
            ArticleRef { doc, text },
            &selection,
            AUTHOR,
        )
        .unwrap_or_else(|e| panic!("{field} from {words}: {e}"));
        self.apply(edit);
    }

    fn change_meeting(&mut self, id: MeetingId, change: impl FnOnce(&mut daftar::model::Meeting)) {
        let mut meeting = self.project.meeting(id).unwrap().clone();
        change(&mut meeting);
        self.apply(Edit::ReplaceMeeting(meeting));
    }

    fn outcome(
        &mut self,
        meeting: MeetingId,
        doc: DocId,
        words: &str,
        kind: &str,
        status: &str,
    ) -> OutcomeId {
        let text = self.text(doc);
        let selection = self.at(doc, words);
        let (edit, id) = records::new_outcome(
            &mut self.project,
            Some(meeting),
            Some((ArticleRef { doc, text }, selection)),
            AUTHOR,
        )
        .unwrap();
        self.apply(edit);
        self.change_outcome(id, |o| {
            o.kind = kind.into();
            o.status = status.into();
        });
        id
    }

    fn change_outcome(&mut self, id: OutcomeId, change: impl FnOnce(&mut daftar::model::Outcome)) {
        let mut outcome = self.project.outcome(id).unwrap().clone();
        change(&mut outcome);
        self.apply(Edit::ReplaceOutcome(outcome));
    }

    fn title(&mut self, outcome: OutcomeId, doc: DocId, words: &str) {
        let text = self.text(doc);
        let selection = self.at(doc, words);
        let edit = records::set_outcome_title(
            &mut self.project,
            outcome,
            ArticleRef { doc, text },
            &selection,
            AUTHOR,
        )
        .unwrap();
        self.apply(edit);
    }

    fn actor(&mut self, outcome: OutcomeId, role: ActorRole, doc: DocId, words: &str) {
        let selection = self.at(doc, words);
        self.actor_at(outcome, role, doc, selection);
    }

    fn actor_at(&mut self, outcome: OutcomeId, role: ActorRole, doc: DocId, selection: Selection) {
        let text = self.text(doc);
        let edit = records::add_actor(
            &mut self.project,
            outcome,
            role,
            ArticleRef { doc, text },
            &selection,
            AUTHOR,
        )
        .unwrap();
        self.apply(edit);
    }

    fn said_by(&mut self, outcome: OutcomeId, doc: DocId, words: &str) {
        let text = self.text(doc);
        let selection = self.at(doc, words);
        let edit = records::set_attributed_to(
            &mut self.project,
            outcome,
            ArticleRef { doc, text },
            &selection,
            AUTHOR,
        )
        .unwrap();
        self.apply(edit);
    }

    fn alias(&mut self, name: &str, alias: &str) {
        let mut entity = self
            .project
            .entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name}"))
            .clone();
        entity.aliases.push(alias.into());
        self.apply(Edit::ReplaceEntity(entity));
    }
}

/// The SCO Council of Foreign Ministers, Dushanbe, 13–14 July 2021 (article 004), and the
/// anniversary summit it prepared.
fn annotate_sco(b: &mut Builder) {
    let doc = b.doc(4);
    let meeting = b.new_meeting(doc, "جلسه شورای وزیران خارجه");
    b.tag(doc, "سازمان همکاری شانگهای", "ORG");
    b.fill(meeting, "organization", doc, "سازمان همکاری شانگهای");
    b.fill(meeting, "body", doc, "شورای وزیران خارجه");
    b.fill(meeting, "level", doc, "وزیران خارجه");
    b.fill(meeting, "sector", doc, "وزیران امور خارجه");
    b.fill(meeting, "start", doc, "13 الی 14 ژوئیه");
    b.tag(doc, "دوشنبه", "GPE");
    b.fill(meeting, "venue", doc, "دوشنبه");
    b.tag(doc, "جمهوری تاجیکستان", "GPE");
    b.fill(meeting, "host", doc, "جمهوری تاجیکستان");
    b.fill(meeting, "chair", doc, "سراج الدین مهرالدین");
    b.tag(doc, "وزیر امور خارجه جمهوری تاجیکستان", "TITLE");
    b.fill(meeting, "participants", doc, "سراج الدین مهرالدین");
    b.fill(meeting, "participants", doc, "جمهوری تاجیکستان");
    b.change_meeting(meeting, |m| {
        m.set_choice(daftar::model::MeetingField::SessionType, "regular");
        m.participants[0].role = "chair".into();
        m.participants[1].role = "host".into();
        m.note = "The ministers met President Emomali Rahmon before the session.".into();
    });
    b.tag(doc, "امامعلی رحمان", "PER");
    b.tag(doc, "رئیس جمهور جمهوری تاجیکستان", "TITLE");
    b.tag(doc, "16.07.2021", "DATE");

    let programme = b.outcome(
        meeting,
        doc,
        "تصمیم شورای وزیران امور خارجه سازمان برای به نشست دوشنبه پیشنهاد کردن",
        "decision",
        "signed",
    );
    b.title(
        programme,
        doc,
        "برنامه به روز شده همکاری کشورهای عضو سازمان همکاری شانگهای در مبارزه با تروریسم، جدای طلبی و افراط گرای برای 2022-2024",
    );
    b.tag(doc, "شورای سران کشورها", "ORG");
    b.actor(
        programme,
        ActorRole::ApprovingBody,
        doc,
        "شورای سران کشورها",
    );

    let covid = b.outcome(
        meeting,
        doc,
        "برنامه عملیاتی مشترکی را تصویب کردند",
        "action_plan_adopted",
        "adopted",
    );
    b.change_outcome(covid, |o| {
        o.note = "Against the social and economic effects of COVID-19.".into()
    });

    let anthem = b.outcome(meeting, doc, "توافق شد", "decision", "agreed");
    b.title(anthem, doc, "آیین نامه ای درباره سرود ملی سازمان");
    let initiative = b.within(doc, "با ابتکار تاجیکستان", "تاجیکستان");
    b.actor_at(anthem, ActorRole::Proposer, doc, initiative);

    let partners = b.outcome(
        meeting,
        doc,
        "تصمیمات شورای وزیران امور خارجه سازمان برای دادن این مقام به عربستان سعودی و مصر امضا شده",
        "status_change",
        "submitted_for_approval",
    );
    b.tag(doc, "شریک گفتگوی سازمان همکاری شانگهای", "TITLE");
    b.actor(partners, ActorRole::Beneficiary, doc, "عربستان سعودی");
    b.actor(partners, ActorRole::Beneficiary, doc, "مصر");
    let approval = b.within(doc, "برای تصویب به شورای سران کشورها", "شورای سران کشورها");
    b.actor_at(partners, ActorRole::ApprovingBody, doc, approval);

    let resolution = b.outcome(
        meeting,
        doc,
        "وزرا از تصویب قطعنامه",
        "welcome_endorse",
        "adopted",
    );
    b.title(
        resolution,
        doc,
        "همکاری بین سازمان ملل و سازمان همکاری شانگهای",
    );
    b.tag(doc, "75 امین", "ORDINAL");
    b.tag(doc, "مجمع عمومی سازمان ملل", "ORG");

    let afghanistan = b.outcome(
        meeting,
        doc,
        "ابراز نگرانی عمیق کرد",
        "concern_expressed",
        "agreed",
    );
    b.actor(afghanistan, ActorRole::Beneficiary, doc, "افغانستان");

    b.outcome(
        meeting,
        doc,
        "گزارش مربوط به دبیرخانه سازمان همکاری شانگهای در سال گذشته",
        "report_approved",
        "adopted",
    );

    // The anniversary summit it prepared: a planned meeting of the heads of state.
    let summit = b.new_meeting(doc, "اجلاس سالگرد سازمان همکاری شانگهای");
    b.fill(summit, "organization", doc, "سازمان همکاری شانگهای");
    b.fill(summit, "body", doc, "شورای سران کشورها");
    b.fill(summit, "start", doc, "16 الی 17 سپتامبر سال 2021");
    let dushanbe = b.entity("دوشنبه");
    b.change_meeting(summit, |m| {
        m.realis = Realis::Planned;
        m.level = Some(daftar::model::Sourced::new("summit".into()));
        m.set_choice(daftar::model::MeetingField::SessionType, "anniversary");
        m.venue = Some(daftar::model::Sourced::new(dushanbe));
    });
    b.outcome(
        meeting,
        doc,
        "برای برگزاری 30 رویداد دیگر سازمان همکاری شانگهای",
        "commitment",
        "agreed",
    );
}

/// The fourth meeting of ECO interior ministers, Tehran: reported in Persian (000) and Arabic
/// (001), one record with evidence from both. Still in progress. Neither article says when it
/// met: recorded as "date not stated", not invented.
fn annotate_eco(b: &mut Builder) {
    let persian = b.doc(0);
    let arabic = b.doc(1);
    let meeting = b.new_meeting(persian, "نشست وزیران کشور");
    b.fill(meeting, "ordinal", persian, "چهارمین");
    b.fill(
        meeting,
        "organization",
        persian,
        "سازمان همکاری اقتصادی اکو",
    );
    b.fill(meeting, "body", persian, "نشست وزیران کشور");
    b.change_meeting(meeting, |m| {
        m.level = Some(daftar::model::Sourced::new("ministerial".into()));
        m.sector = Some(daftar::model::Sourced::new("interior".into()));
        m.date_not_stated = true;
    });
    b.tag(persian, "اسکندر مومنی", "PER");
    b.fill(meeting, "participants", persian, "اسکندر مومنی");
    b.change_meeting(meeting, |m| {
        m.participants[0].role = "head_of_delegation".into()
    });
    let host = b.outcome(
        meeting,
        persian,
        "به عنوان میزبان نشست سال آینده تعیین شد",
        "next_host_designated",
        "agreed",
    );
    b.actor(host, ActorRole::Beneficiary, persian, "پاکستان");
    b.said_by(host, persian, "اسکندر مومنی");
    let declaration = b.outcome(
        meeting,
        persian,
        "بیانیه پایانی مورد تصویب قرار گرفت",
        "declaration_adopted",
        "adopted",
    );
    b.title(declaration, persian, "بیانیه پایانی");

    // The Arabic article: the same people and organization under their Arabic names.
    b.alias("اسکندر مومنی", "إسكندر مؤمني");
    b.alias("سازمان همکاری اقتصادی اکو", "منظمة التعاون الاقتصادي");
    let text = b.text(arabic);
    let selection = b.at(arabic, "اجتماع وزراء الدول الأعضاء");
    let edit = records::attach_meeting_evidence(
        &mut b.project,
        meeting,
        ArticleRef { doc: arabic, text },
        &selection,
        AUTHOR,
    )
    .unwrap();
    b.apply(edit);
    b.fill(meeting, "venue", arabic, "طهران");
    b.tag(arabic, "منظمة التعاون الاقتصادي", "ORG");
    b.tag(arabic, "إسكندر مؤمني", "PER");
}

impl Builder {
    fn entity(&self, name: &str) -> daftar::model::EntityId {
        self.project
            .entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name}"))
            .id
    }

    /// A reviewer accepted everything in `doc` and the records reported there.
    fn review(&mut self, doc: DocId) {
        let accepted = || Review {
            state: ReviewState::Accepted,
            comment: String::new(),
            reviewer: REVIEWER.into(),
            at: WHEN.into(),
        };
        let document = std::sync::Arc::make_mut(
            self.project
                .documents
                .iter_mut()
                .find(|d| d.id == doc)
                .unwrap(),
        );
        for span in &mut document.spans {
            span.review = accepted();
        }
        document.status = DocStatus::Reviewed;
        for meeting in &mut self.project.meetings {
            if meeting.evidence_spans().any(|e| e.doc == doc) {
                meeting.review = accepted();
            }
        }
        for outcome in &mut self.project.outcomes {
            if outcome.evidence_spans().any(|e| e.doc == doc) {
                outcome.review = accepted();
            }
        }
    }
}

/// The sample project as it should be shipped.
fn build() -> Project {
    let mut b = Builder {
        project: daftar::sample::fresh_project(),
    };
    annotate_sco(&mut b);
    annotate_eco(&mut b);
    let sco = b.doc(4);
    b.review(sco);
    b.project.annotators = vec![AUTHOR.into(), REVIEWER.into()];
    for meeting in &mut b.project.meetings {
        meeting.created = WHEN.into();
    }
    for outcome in &mut b.project.outcomes {
        outcome.created = WHEN.into();
    }
    for document in &mut b.project.documents {
        for span in &mut std::sync::Arc::make_mut(document).spans {
            span.created = WHEN.into();
        }
    }
    b.project
}

#[test]
fn the_bundled_sample_project_is_the_one_built_here() {
    let built = daftar::store::to_ron(&build());
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.daftar.ron");
    if std::env::var_os("DAFTAR_WRITE_SAMPLE").is_some() {
        std::fs::write(&path, &built).unwrap();
    }
    let shipped = std::fs::read_to_string(&path).unwrap();
    assert!(
        shipped == built,
        "assets/sample.daftar.ron is out of date: run DAFTAR_WRITE_SAMPLE=1 cargo test --test sample_project"
    );
}

#[test]
fn the_sample_has_a_reviewed_article_with_a_complete_meeting_and_its_outcomes() {
    let project =
        daftar::store::from_ron(daftar::sample::PROJECT, std::path::Path::new("s")).unwrap();
    let sco = project.document_by_path(ARTICLES[4].0).unwrap();
    assert_eq!(sco.status, DocStatus::Reviewed);
    assert!(
        sco.spans
            .iter()
            .all(|s| s.review.state == ReviewState::Accepted)
    );
    let meeting = project
        .meetings
        .iter()
        .find(|m| m.evidence_spans().any(|e| e.doc == sco.id) && m.realis == Realis::Held)
        .unwrap();
    assert_eq!(meeting.start.as_ref().unwrap().value.iso, "2021-07-13");
    assert_eq!(meeting.end.as_ref().unwrap().value.iso, "2021-07-14");
    assert_eq!(meeting.participants.len(), 2);
    assert!(project.outcomes_of(meeting.id).count() >= 5);
    assert_eq!(meeting.review.state, ReviewState::Accepted);
    // The ECO meeting has evidence in both the Persian and the Arabic article.
    let eco = project
        .meetings
        .iter()
        .find(|m| m.ordinal.as_ref().map(|o| o.value) == Some(4))
        .unwrap();
    let docs: std::collections::BTreeSet<_> = eco.evidence_spans().map(|e| e.doc).collect();
    assert_eq!(docs.len(), 2);
    // Its date is in neither article: recorded as not stated, so nothing is reported.
    assert!(eco.date_not_stated);
    assert_eq!(record_problems(&project), Vec::<String>::new());
}
