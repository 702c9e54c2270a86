//! Pre-annotation from what is known: the gazetteers shipped in `assets/gazetteer/` (countries
//! and capitals, international organizations and UN bodies, titles of office; English, Persian
//! and Arabic names; sources and licences in `assets/gazetteer/LICENSES.md`) and the project's
//! entity registry (every name and alias). Names are matched through the match key on token
//! boundaries, the longest at each place; what they find becomes pending spans authored
//! [`AUTHOR`], linked to the project's entity where one has that name or code, for a person to
//! accept or reject.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};

use aho_corasick::{AhoCorasick, MatchKind};

use crate::edit::Edit;
use crate::edit::tagging::{CorpusSuggestions, Suggestion};
use crate::model::{Credit, DocId, Document, EntityId, Project, ReviewState, Span};
use crate::text::fold::{fold_str, is_token_boundary};

/// The author of every span the gazetteers propose.
pub const AUTHOR: &str = "suggest:gazetteer";

/// Names shorter than this many letters (folded) are left out: `US` would be "us".
const SHORTEST_NAME: usize = 3;

const COUNTRIES: &str = include_str!("../assets/gazetteer/countries.tsv");
const COUNTRIES_EXTRA: &str = include_str!("../assets/gazetteer/countries-extra.tsv");
const ORGANIZATIONS: &str = include_str!("../assets/gazetteer/organizations.tsv");
const TITLES: &str = include_str!("../assets/gazetteer/titles.tsv");

/// What a gazetteer entry names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    Country,
    Capital,
    Organization,
    /// A body of an organization (the UN Security Council).
    Body,
    Title,
}

impl EntryKind {
    fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "country" => EntryKind::Country,
            "capital" => EntryKind::Capital,
            "organization" => EntryKind::Organization,
            "body" => EntryKind::Body,
            "title" => EntryKind::Title,
            _ => return None,
        })
    }

    /// The label of the default schema its spans get.
    pub fn label(self) -> &'static str {
        match self {
            EntryKind::Country | EntryKind::Capital => "GPE",
            EntryKind::Organization | EntryKind::Body => "ORG",
            EntryKind::Title => "TITLE",
        }
    }
}

/// One thing a gazetteer names, in every language it has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The ISO 3166-1 code of a country (and of a capital's country), or the entry's own key.
    pub key: String,
    pub kind: EntryKind,
    /// English, Persian and Arabic names and their other forms.
    pub names: Vec<String>,
    /// Which of `names` are Persian and which Arabic (ranges of it).
    pub persian: Range<usize>,
    pub arabic: Range<usize>,
    /// Its Wikidata id, where known.
    pub qid: Option<String>,
}

/// The entries of one gazetteer file (tab-separated: key, kind, English, Persian and Arabic
/// names separated by `|`, Wikidata id), and the lines that could not be read.
pub fn parse(tsv: &str) -> (Vec<Entry>, Vec<(usize, String)>) {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for (index, line) in tsv.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let [key, kind, en, fa, ar, qid] = cells[..] else {
            problems.push((index + 1, format!("{} cells, not 6", cells.len())));
            continue;
        };
        let Some(kind) = EntryKind::parse(kind) else {
            problems.push((index + 1, format!("unknown kind {kind:?}")));
            continue;
        };
        let mut names: Vec<String> = Vec::new();
        let mut cell = |text: &str| {
            let from = names.len();
            names.extend(
                text.split('|')
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(str::to_string),
            );
            from..names.len()
        };
        let (_, persian, arabic) = (cell(en), cell(fa), cell(ar));
        entries.push(Entry {
            key: key.to_string(),
            kind,
            names,
            persian,
            arabic,
            qid: (!qid.trim().is_empty()).then(|| qid.trim().to_string()),
        });
    }
    (entries, problems)
}

/// Every entry of the gazetteers Daftar ships. A country is named with "Republic of" too
/// (جمهوری تاجیکستان, جمهورية طاجيكستان): only ever a longer match where the text says so.
pub fn bundled() -> Vec<Entry> {
    let mut entries: Vec<Entry> = [COUNTRIES, COUNTRIES_EXTRA, ORGANIZATIONS, TITLES]
        .iter()
        .flat_map(|tsv| parse(tsv).0)
        .collect();
    for entry in entries.iter_mut().filter(|e| e.kind == EntryKind::Country) {
        let persian = entry.names[entry.persian.clone()]
            .iter()
            .map(|name| format!("جمهوری {name}"));
        let arabic = entry.names[entry.arabic.clone()]
            .iter()
            .map(|name| format!("جمهورية {name}"));
        let republic: Vec<String> = persian.chain(arabic).collect();
        entry.names.extend(republic);
    }
    entries
}

/// What a name found stands for: a label, and the project's entity when known.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Target {
    label: String,
    entity: Option<EntityId>,
}

/// The names of the gazetteers and of a project's entities, ready to be found in texts.
pub struct Gazetteer {
    automaton: Option<AhoCorasick>,
    targets: Vec<Target>,
}

impl Gazetteer {
    /// The names of `entries` and of `project`'s entities (an entity's own name wins over a
    /// gazetteer's, and a gazetteer entry is linked to the entity with its code, Wikidata id or
    /// one of its names). Entries whose label the project's schema lacks are left out.
    pub fn new(entries: &[Entry], project: &Project) -> Self {
        let mut patterns: Vec<String> = Vec::new();
        let mut targets: Vec<Target> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut add = |name: &str, target: &Target, seen: &mut HashMap<String, usize>| {
            let folded = fold_str(name).trim_matches(' ').to_string();
            if folded.chars().count() < SHORTEST_NAME || seen.contains_key(&folded) {
                return;
            }
            seen.insert(folded.clone(), targets.len());
            patterns.push(folded);
            targets.push(target.clone());
        };
        let mut entity_of_name: HashMap<String, EntityId> = HashMap::new();
        let mut entity_of_code: HashMap<String, EntityId> = HashMap::new();
        for entity in &project.entities {
            if project.schema.label(&entity.kind).is_none() {
                continue;
            }
            let target = Target {
                label: entity.kind.clone(),
                entity: Some(entity.id),
            };
            for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                add(name, &target, &mut seen);
                entity_of_name.insert(fold_str(name).trim_matches(' ').to_string(), entity.id);
            }
            if let Some(code) = &entity.external_id {
                entity_of_code.insert(code.to_uppercase(), entity.id);
            }
        }
        for entry in entries {
            let label = entry.kind.label();
            if project.schema.label(label).is_none() {
                continue;
            }
            // A capital shares its country's code: only the country is linked by it.
            let by_code = (entry.kind != EntryKind::Capital)
                .then(|| {
                    std::iter::once(&entry.key)
                        .chain(&entry.qid)
                        .find_map(|code| entity_of_code.get(&code.to_uppercase()))
                })
                .flatten();
            let by_name = entry
                .names
                .iter()
                .find_map(|n| entity_of_name.get(fold_str(n).trim_matches(' ')));
            let target = Target {
                label: label.to_string(),
                entity: by_code.or(by_name).copied(),
            };
            for name in &entry.names {
                add(name, &target, &mut seen);
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok();
        Gazetteer { automaton, targets }
    }

    /// The names found in `text`: code point ranges and what each stands for, the longest at
    /// each place, none overlapping, in order.
    fn find(&self, text: &str) -> Vec<(Range<usize>, &Target)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut chosen: Vec<(Range<usize>, usize)> = Vec::new();
        let found = crate::search::find_in_folded(text, |folded| {
            let mut all: Vec<(Range<usize>, usize)> = automaton
                .find_overlapping_iter(folded)
                .filter(|m| {
                    is_token_boundary(folded, m.start()) && is_token_boundary(folded, m.end())
                })
                .map(|m| (m.range(), m.pattern().as_usize()))
                .collect();
            // Leftmost, then longest; then no overlaps.
            all.sort_by_key(|(range, _)| (range.start, std::cmp::Reverse(range.end)));
            let mut end = 0;
            for (range, pattern) in all {
                if range.start >= end {
                    end = range.end;
                    chosen.push((range, pattern));
                }
            }
            chosen.iter().map(|(range, _)| range.clone()).collect()
        });
        found
            .into_iter()
            .zip(&chosen)
            .map(|(place, (_, pattern))| (place.chars, &self.targets[*pattern]))
            .collect()
    }

    /// What the names propose in one document: every place found that no span covers yet (a
    /// span rejected at that very place with that label keeps it from coming back).
    pub fn suggest_in(&self, document: &Document, text: &str) -> Vec<Suggestion> {
        let chars: Vec<char> = text.chars().collect();
        let mut found: Vec<(Range<usize>, Target)> = self
            .find(text)
            .into_iter()
            .map(|(range, target)| (range, target.clone()))
            .collect();
        // A title followed by the organization or country it is of is one title, as analysts
        // tag it (دبیر کل سازمان همکاری اقتصادی اکو); the name keeps its own span too.
        for index in 0..found.len().saturating_sub(1) {
            let (title, next) = (&found[index], &found[index + 1]);
            let between = &chars[title.0.end..next.0.start];
            let of_something = next.1.label == "GPE" || next.1.label == "ORG";
            if title.1.label == "TITLE"
                && of_something
                && !between.is_empty()
                && between.iter().all(|c| *c == ' ' || *c == '\u{200C}')
            {
                found[index].0.end = next.0.end;
            }
        }
        found
            .into_iter()
            .filter(|(range, target)| {
                !document.spans.iter().any(|s| {
                    let overlaps = s.start < range.end && range.start < s.end;
                    let rejected = s.review.state == ReviewState::Rejected;
                    (overlaps && !rejected)
                        || (rejected
                            && s.start == range.start
                            && s.end == range.end
                            && s.label == target.label)
                })
            })
            .map(|(range, target)| Suggestion {
                doc: document.id,
                quote: chars[range.clone()].iter().collect(),
                chars: range,
                label: target.label,
                entity: target.entity,
            })
            .collect()
    }
}

/// [`Gazetteer::suggest_in`] over the documents `docs`, their texts read with `read` (`None`:
/// unreadable or changed on disk, left alone), on every core. `progress(done, total)` as
/// documents are done; `cancel` stops early, with what was found so far.
pub fn suggest_in_documents(
    gazetteer: &Gazetteer,
    project: &Project,
    docs: &[DocId],
    read: impl Fn(&Document) -> Option<String> + Sync,
    progress: &(dyn Fn(usize, usize) + Sync),
    cancel: &AtomicBool,
) -> CorpusSuggestions {
    let documents: Vec<&Document> = docs.iter().filter_map(|d| project.document(*d)).collect();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let found = crate::parallel::map(&documents, |document| {
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
        let text = read(document)?;
        let suggestions = gazetteer.suggest_in(document, &text);
        progress(done.fetch_add(1, Ordering::Relaxed) + 1, documents.len());
        (!suggestions.is_empty()).then_some((document.id, text, suggestions))
    });
    let mut result = CorpusSuggestions::default();
    for (doc, text, suggestions) in found.into_iter().flatten() {
        result.suggestions.extend(suggestions);
        result.texts.insert(doc, text);
    }
    result
}

/// The edit that adds the suggestions as pending spans authored [`AUTHOR`], linked to their
/// entities: one undo step, documents' statuses left as they are (no person worked on them).
pub fn add_suggestions(project: &mut Project, found: &CorpusSuggestions) -> Edit {
    let mut by_doc: Vec<(DocId, Vec<Span>)> = Vec::new();
    let mut indices: HashMap<DocId, crate::text::OffsetIndex> = HashMap::new();
    let credit = Credit::now(AUTHOR);
    for suggestion in &found.suggestions {
        let Some(text) = found.texts.get(&suggestion.doc) else {
            continue;
        };
        let index = indices
            .entry(suggestion.doc)
            .or_insert_with(|| crate::text::OffsetIndex::new(text));
        let id = project.new_span_id();
        let Some(mut span) = Span::quoting_indexed(
            id,
            text,
            index,
            suggestion.chars.start,
            suggestion.chars.end,
            &suggestion.label,
            &credit,
        ) else {
            continue;
        };
        span.entity = suggestion.entity;
        match by_doc.last_mut() {
            Some((doc, spans)) if *doc == suggestion.doc => spans.push(span),
            _ => by_doc.push((suggestion.doc, vec![span])),
        }
    }
    Edit::Batch(
        by_doc
            .into_iter()
            .map(|(doc, spans)| Edit::InsertSpans { doc, spans })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_gazetteers_read_without_a_problem() {
        for tsv in [COUNTRIES, COUNTRIES_EXTRA, ORGANIZATIONS, TITLES] {
            let (entries, problems) = parse(tsv);
            assert!(problems.is_empty(), "{problems:?}");
            assert!(entries.iter().all(|e| !e.names.is_empty()));
        }
        let entries = bundled();
        let iran = entries
            .iter()
            .find(|e| e.key == "IR" && e.kind == EntryKind::Country)
            .unwrap();
        assert!(iran.names.iter().any(|n| n == "ایران"));
        assert!(iran.names.iter().any(|n| n == "إيران"));
        assert!(entries.iter().any(|e| e.kind == EntryKind::Title));
    }

    #[test]
    fn bad_lines_are_named_and_the_rest_is_read() {
        let tsv = "key\tkind\ten\tfa\tar\tqid\nIR\tcountry\tIran\tایران\tإيران\t\nXX\tplanet\tMars\t\t\t\nshort\n";
        let (entries, problems) = parse(tsv);
        assert_eq!(entries.len(), 1);
        assert_eq!(
            problems.iter().map(|(line, _)| *line).collect::<Vec<_>>(),
            [3, 4]
        );
    }

    /// A project of one document without spans or entities (its text is given to each call).
    fn one_document() -> (Project, DocId) {
        let mut project = crate::sample::fresh_project();
        project.documents.truncate(1);
        project.entities.clear();
        let doc = project.documents[0].id;
        std::sync::Arc::make_mut(&mut project.documents[0])
            .spans
            .clear();
        (project, doc)
    }

    fn entity(id: EntityId, name: &str, kind: &str) -> crate::model::Entity {
        crate::model::Entity {
            id,
            name: name.into(),
            aliases: Vec::new(),
            kind: kind.into(),
            subtype: None,
            external_id: None,
            note: String::new(),
        }
    }

    fn found(
        gazetteer: &Gazetteer,
        project: &Project,
        doc: DocId,
        text: &str,
    ) -> Vec<(String, String)> {
        gazetteer
            .suggest_in(project.document(doc).unwrap(), text)
            .into_iter()
            .map(|s| (s.quote, s.label))
            .collect()
    }

    #[test]
    fn names_are_found_in_any_spelling_longest_first_on_word_boundaries() {
        let text = "وزير الخارجية الإيراني في طهران؛ وزیر امور خارجه ايران و سازمان همکاری اسلامی، نه ایرانیان.";
        let (project, doc) = one_document();
        let gazetteer = Gazetteer::new(&bundled(), &project);
        let quotes = found(&gazetteer, &project, doc, text);
        assert_eq!(
            quotes,
            [
                ("وزير الخارجية".to_string(), "TITLE".to_string()),
                ("طهران".into(), "GPE".into()),
                // The title of a country is one title; the country keeps its own span.
                ("وزیر امور خارجه ايران".into(), "TITLE".into()),
                ("ايران".into(), "GPE".into()),
                ("سازمان همکاری اسلامی".into(), "ORG".into()),
            ]
        );
    }

    #[test]
    fn spans_already_there_and_rejected_suggestions_are_not_proposed_again() {
        let text = "سفر به ایران و ترکیه";
        let (mut project, doc) = one_document();
        let span = Span::quoting(crate::model::SpanId(9000), text, 7, 12, "GPE", "me").unwrap();
        let mut rejected =
            Span::quoting(crate::model::SpanId(9001), text, 15, 20, "GPE", AUTHOR).unwrap();
        rejected.review.state = ReviewState::Rejected;
        let document = std::sync::Arc::make_mut(&mut project.documents[0]);
        document.spans = vec![span, rejected];
        let gazetteer = Gazetteer::new(&bundled(), &project);
        assert!(found(&gazetteer, &project, doc, text).is_empty());
    }

    #[test]
    fn every_document_is_read_with_progress_and_cancel_stops_it() {
        let project = crate::sample::fresh_project();
        let docs: Vec<DocId> = project.documents.iter().map(|d| d.id).collect();
        let read = |d: &Document| {
            crate::sample::ARTICLES
                .iter()
                .find(|(name, _)| *name == d.path)
                .map(|(_, text)| text.to_string())
        };
        let gazetteer = Gazetteer::new(&bundled(), &project);
        let seen = std::sync::Mutex::new(Vec::new());
        let progress = |done: usize, total: usize| seen.lock().unwrap().push((done, total));
        let found = suggest_in_documents(
            &gazetteer,
            &project,
            &docs,
            read,
            &progress,
            &AtomicBool::new(false),
        );
        assert_eq!(
            found.texts.len(),
            docs.len(),
            "every sample article names a country"
        );
        let mut seen = seen.into_inner().unwrap();
        seen.sort();
        assert_eq!(seen.last(), Some(&(docs.len(), docs.len())));
        let cancelled = suggest_in_documents(
            &gazetteer,
            &project,
            &docs,
            read,
            &|_, _| {},
            &AtomicBool::new(true),
        );
        assert!(cancelled.suggestions.is_empty());
    }

    #[test]
    fn a_projects_entity_is_found_by_its_aliases_and_linked() {
        let text = "ديدار با ترکیه و پاپوآ";
        let (mut project, doc) = one_document();
        let turkey = project.new_entity_id();
        project.entities.push(crate::model::Entity {
            external_id: Some("TR".into()),
            ..entity(turkey, "Türkiye", "GPE")
        });
        let papua = project.new_entity_id();
        project.entities.push(crate::model::Entity {
            aliases: vec!["پاپوآ".into()],
            ..entity(papua, "Papua", "LOC")
        });
        let gazetteer = Gazetteer::new(&bundled(), &project);
        let suggestions = gazetteer.suggest_in(project.document(doc).unwrap(), text);
        let by_quote = |q: &str| suggestions.iter().find(|s| s.quote == q).unwrap();
        // The gazetteer's Turkey, linked by its ISO code to the project's entity.
        assert_eq!(by_quote("ترکیه").entity, Some(turkey));
        // The project's own alias, with its own label.
        assert_eq!(by_quote("پاپوآ").entity, Some(papua));
        assert_eq!(by_quote("پاپوآ").label, "LOC");
    }
}

/// How the gazetteers' suggestions compare with the sample's reference annotations (articles
/// 000 and 004, annotated by hand): the numbers in `docs/PERFORMANCE.md`. The reference tags
/// the first mentions of a name, not every one (the SCO is named 30 times in 004, tagged 8), so
/// precision is measured over distinct names too: a name found is right when the reference
/// tags it with the same label somewhere.
#[cfg(test)]
mod measured {
    use super::*;
    use std::collections::BTreeSet;

    #[derive(Default, Debug)]
    struct Counts {
        found: usize,
        exact: usize,
        reference: usize,
        names_found: BTreeSet<String>,
        names_right: usize,
    }

    fn measure() -> Vec<(&'static str, Counts)> {
        let reference =
            crate::store::from_ron(crate::sample::PROJECT, std::path::Path::new("sample")).unwrap();
        let mut blank = reference.clone();
        blank.entities.clear();
        let gazetteer = Gazetteer::new(&bundled(), &blank);
        let mut rows: Vec<(&str, Counts)> = ["GPE", "ORG", "TITLE"]
            .into_iter()
            .map(|l| (l, Counts::default()))
            .collect();
        let tagged: BTreeSet<(String, String)> = reference
            .documents
            .iter()
            .flat_map(|d| d.spans.iter())
            .filter(|s| s.review.state != ReviewState::Rejected)
            .map(|s| (s.label.to_string(), fold_str(s.quote())))
            .collect();
        for (name, text) in crate::sample::ARTICLES {
            if !(name.starts_with("000_") || name.starts_with("004_")) {
                continue;
            }
            let document = reference.document_by_path(name).unwrap();
            let gold: Vec<&Span> = document
                .spans
                .iter()
                .filter(|s| s.review.state != ReviewState::Rejected)
                .collect();
            let mut empty = document.clone();
            empty.spans.clear();
            let found = gazetteer.suggest_in(&empty, text);
            for (label, counts) in &mut rows {
                let gold: Vec<&&Span> = gold.iter().filter(|s| s.label == *label).collect();
                let mine: Vec<&Suggestion> = found.iter().filter(|s| s.label == *label).collect();
                counts.found += mine.len();
                counts.reference += gold.len();
                for m in &mine {
                    let same = |g: &&&Span| g.start == m.chars.start && g.end == m.chars.end;
                    counts.exact += usize::from(gold.iter().any(same));
                    counts.names_found.insert(fold_str(&m.quote));
                }
            }
        }
        for (label, counts) in &mut rows {
            counts.names_right = counts
                .names_found
                .iter()
                .filter(|n| tagged.contains(&(label.to_string(), (*n).clone())))
                .count();
        }
        rows
    }

    #[test]
    fn precision_and_recall_against_the_samples_reference_annotations() {
        let rows = measure();
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        println!(
            "label  found  reference  recall exact  names found  names right  precision (names)"
        );
        let mut all = Counts::default();
        let mut names_found = 0;
        for (label, c) in &rows {
            println!(
                "{label:<6} {:>5}  {:>9}  {:>12.2}  {:>11}  {:>11}  {:>17.2}",
                c.found,
                c.reference,
                ratio(c.exact, c.reference),
                c.names_found.len(),
                c.names_right,
                ratio(c.names_right, c.names_found.len())
            );
            all.found += c.found;
            all.exact += c.exact;
            all.reference += c.reference;
            all.names_right += c.names_right;
            names_found += c.names_found.len();
        }
        println!(
            "all    {:>5}  {:>9}  {:>12.2}  {:>11}  {:>11}  {:>17.2}",
            all.found,
            all.reference,
            ratio(all.exact, all.reference),
            names_found,
            all.names_right,
            ratio(all.names_right, names_found)
        );
        // Floors a change to the gazetteers or the matching must not fall under (the measured
        // values are in docs/PERFORMANCE.md).
        assert!(
            ratio(all.names_right, names_found) >= 0.75,
            "precision fell"
        );
        assert!(ratio(all.exact, all.reference) >= 0.7, "recall fell");
    }
}
