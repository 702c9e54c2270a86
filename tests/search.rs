//! Corpus search: `daftar search` on real articles (every hit's offsets slice to its quote, the
//! context beside it), folding across spellings, and the results against a plain reference
//! folding written here from the rules, independent of `text::fold`.

mod common;

use std::process::{Command, Output};

use daftar::search::{SearchQuery, find_in_text};
use serde_json::Value;

fn daftar(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_daftar"))
        .args(args)
        .output()
        .expect("daftar runs")
}

fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn every_hit_of_the_json_output_slices_to_its_quote_with_its_context_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_sample(dir.path());
    let project = dir.path().join("sample.daftar.ron");
    std::fs::copy(common::repo_path("assets/sample.daftar.ron"), &project).unwrap();
    let output = daftar(&["search", project.to_str().unwrap(), "ایران", "--json"]);
    assert_eq!(output.status.code(), Some(0));
    let hits: Vec<Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(hits.len() > 10, "{}", hits.len());
    for hit in &hits {
        let path = hit["document"].as_str().unwrap();
        let text = std::fs::read_to_string(dir.path().join("sample").join(path)).unwrap();
        let (start, end) = (
            hit["start"].as_u64().unwrap() as usize,
            hit["end"].as_u64().unwrap() as usize,
        );
        let quote = hit["quote"].as_str().unwrap();
        assert_eq!(chars(&text, start, end), quote);
        let left = hit["left"].as_str().unwrap();
        let right = hit["right"].as_str().unwrap();
        assert_eq!(
            chars(
                &text,
                start - left.chars().count(),
                end + right.chars().count()
            ),
            format!("{left}{quote}{right}")
        );
    }
    // Arabic spelling of the same name, and nothing found: exit status 1.
    let arabic = daftar(&["search", project.to_str().unwrap(), "إيران", "--json"]);
    assert_eq!(arabic.stdout.len(), {
        let persian = daftar(&["search", project.to_str().unwrap(), "ایران", "--json"]);
        persian.stdout.len()
    });
    let none = daftar(&["search", project.to_str().unwrap(), "واژه‌ای‌که‌نیست"]);
    assert_eq!(none.status.code(), Some(1));
    let bad = daftar(&["search", project.to_str().unwrap(), "(", "--regex"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a regular expression"));
}

#[test]
fn search_folds_spellings_digits_and_zwnj_across_a_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("articles");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "سفر وزیر به ايران در روز ۱۵ تیر و همکاریها",
    )
    .unwrap();
    std::fs::write(
        corpus.join("b.txt"),
        "نشست ایران و ترکیه در 15 مرداد؛ همکاری‌ها ادامه دارد",
    )
    .unwrap();
    let project = dir.path().join("p.daftar");
    let import = daftar(&[
        "import",
        corpus.to_str().unwrap(),
        "-o",
        project.to_str().unwrap(),
    ]);
    assert!(import.status.success());
    let found = |query: &str| -> Vec<String> {
        let output = daftar(&["search", project.to_str().unwrap(), query, "--json"]);
        String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .map(|l| {
                serde_json::from_str::<Value>(l).unwrap()["quote"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    assert_eq!(found("ایران"), ["ايران", "ایران"]);
    assert_eq!(found("همکاری‌ها"), ["همکاریها", "همکاری‌ها"]);
    assert_eq!(found("15"), ["۱۵", "15"]);
    assert_eq!(found("۱۵ تیر"), ["۱۵ تیر"]);
}

/// The rules of the match key written out plainly: what each character becomes (`None`:
/// dropped).
fn reference_fold(c: char) -> Option<char> {
    Some(match c {
        'ي' | 'ى' | 'ی' | 'ئ' | 'ې' => 'ی',
        'ك' | 'ک' | 'ڪ' => 'ک',
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ؤ' => 'و',
        'ة' | 'ۀ' | 'ە' | 'ہ' => 'ه',
        '۰'..='۹' => char::from_digit(c as u32 - '۰' as u32, 10).unwrap(),
        '٠'..='٩' => char::from_digit(c as u32 - '٠' as u32, 10).unwrap(),
        '،' | '٬' => ',',
        '؛' => ';',
        '؟' => '?',
        '٫' => '.',
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}' => {
            return None;
        }
        'ـ' | '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' => return None,
        '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}' => return None,
        c if c.is_whitespace() => ' ',
        c => c.to_lowercase().next().unwrap(),
    })
}

/// Every occurrence of `needle` in `text` on word boundaries, found the slow way: fold both,
/// remember where each folded character came from, try every position.
fn reference_search(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let mut folded: Vec<(char, usize)> = Vec::new();
    for (i, c) in text.chars().enumerate() {
        if let Some(f) = reference_fold(c) {
            if f == ' ' && folded.last().is_some_and(|(p, _)| *p == ' ') {
                continue;
            }
            folded.push((f, i));
        }
    }
    let mut n: Vec<char> = needle.chars().filter_map(reference_fold).collect();
    n.dedup_by(|a, b| *a == ' ' && *b == ' ');
    while n.first() == Some(&' ') {
        n.remove(0);
    }
    while n.last() == Some(&' ') {
        n.pop();
    }
    let word = |c: Option<&(char, usize)>| c.is_some_and(|(c, _)| c.is_alphanumeric());
    let mut found = Vec::new();
    for start in 0..folded.len() {
        let end = start + n.len();
        if end > folded.len()
            || folded[start..end]
                .iter()
                .map(|(c, _)| *c)
                .ne(n.iter().copied())
        {
            continue;
        }
        let before_ok = start == 0 || !(word(folded.get(start - 1)) && word(folded.get(start)));
        let after_ok = !(word(folded.get(end - 1)) && word(folded.get(end)));
        if before_ok && after_ok {
            // The marks on the last letter (a tanwin) are the hit's: never split from it.
            let chars: Vec<char> = text.chars().collect();
            let mut last = folded[end - 1].1 + 1;
            while chars.get(last).is_some_and(|&c| {
                matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
            }) {
                last += 1;
            }
            found.push((folded[start].1, last));
        }
    }
    found
}

#[test]
fn results_equal_a_plain_reference_folding_on_the_sample_articles() {
    let mut compared = 0;
    for (name, text) in daftar::sample::ARTICLES {
        // Needles: every 7th word of the article, in both of its spellings.
        let words: Vec<&str> = text.split_whitespace().step_by(7).collect();
        for word in words {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            if word.is_empty() {
                continue;
            }
            let arabic: String = word.replace('ی', "ي").replace('ک', "ك");
            for needle in [word, arabic.as_str()] {
                let matcher = SearchQuery {
                    text: needle.to_string(),
                    ..SearchQuery::default()
                }
                .matcher()
                .unwrap();
                let ours: Vec<(usize, usize)> = find_in_text(text, &matcher)
                    .into_iter()
                    .map(|r| (r.start, r.end))
                    .collect();
                assert_eq!(ours, reference_search(text, needle), "{name}: {needle:?}");
                compared += 1;
            }
        }
    }
    assert!(compared > 300, "{compared}");
}

#[test]
fn search_keeps_only_hits_inside_a_labels_spans_or_in_documents_of_a_status() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_sample(dir.path());
    let project = dir.path().join("sample.daftar.ron");
    std::fs::copy(common::repo_path("assets/sample.daftar.ron"), &project).unwrap();
    let p = project.to_str().unwrap();
    let hits = |args: &[&str]| -> Vec<Value> {
        let mut all = vec!["search", p, "ایران", "--json"];
        all.extend_from_slice(args);
        String::from_utf8(daftar(&all).stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let everywhere = hits(&[]);
    let opened = daftar::store::load(&project).unwrap();
    // Inside a GPE span: every hit is covered by one, and fewer than everywhere.
    let in_gpe = hits(&["--label", "GPE"]);
    assert!(!in_gpe.is_empty() && in_gpe.len() < everywhere.len());
    for hit in &in_gpe {
        let document = opened
            .document_by_path(hit["document"].as_str().unwrap())
            .unwrap();
        let (start, end) = (
            hit["start"].as_u64().unwrap() as usize,
            hit["end"].as_u64().unwrap() as usize,
        );
        assert!(
            document
                .spans
                .iter()
                .any(|s| s.label == "GPE" && s.start <= start && end <= s.end),
            "{hit}"
        );
    }
    // Only documents in progress (the two ECO articles), none of the others.
    let in_progress = hits(&["--status", "in-progress"]);
    assert!(!in_progress.is_empty() && in_progress.len() < everywhere.len());
    for hit in &in_progress {
        let document = opened
            .document_by_path(hit["document"].as_str().unwrap())
            .unwrap();
        assert_eq!(document.status, daftar::model::DocStatus::InProgress);
    }
    let reviewed = hits(&["--status", "reviewed"]);
    assert_eq!(
        in_progress.len()
            + hits(&["--status", "new"]).len()
            + reviewed.len()
            + hits(&["--status", "ready-for-review"]).len()
            + hits(&["--status", "needs-changes"]).len(),
        everywhere.len()
    );
}
