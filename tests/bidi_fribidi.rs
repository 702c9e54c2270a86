//! The layout's visual order, line by line, against GNU FriBidi (`fribidi` from Debian's
//! libfribidi-bin): every line of every sample article and of a mixed text, at several widths.
//!
//! The Unicode bidi algorithm resolves embedding levels per paragraph and reorders per line, so
//! FriBidi resolves the levels of each whole paragraph (`--levels`), and each of our lines is
//! reordered from those levels by rules L1 (trailing whitespace to the paragraph level) and L2
//! (reverse runs from the highest level down). The result is compared at cluster level: the
//! sequence of our clusters that visual order visits, left to right, must be the order in which
//! we place them.

use std::io::Write;
use std::process::{Command, Stdio};

use daftar::layout::{LayoutEngine, LineInfo, TextStyle};

const MIXED: &str = "وزیر امور خارجه «ایران» در نشست (ECO) گفت: برنامه 2022-2024 در ۱۴۰۲/۰۴/۲۲ و 16.07.2021 ساعت 12:19 تصویب شد.\n\
ECO وزیران را در [تهران] جمع کرد؛ می‌خواهم مُحَمَّد را ببینم: https://www.isna.ir/news/1402042214275/long-url\n\
2021 سال برگزاری نشست SCO در دوشنبه بود و ٧٥ امین سالگرد، ۷۵امین، ١٥ يوليو ٢٠٢١ و 15 تموز 2021.\n\
«خاور» به نقل از UN-Habitat و IMF گفت 3.5% رشد، نه 4٫5٪.";

/// The widths (points) every text is wrapped at.
const WIDTHS: [f32; 6] = [260.0, 300.0, 420.0, 700.0, 760.0, 1000.0];

/// Lines that wrap right after a Latin word or number inside right-to-left text, where the
/// trailing space must go to the line's left end (rule L1), at every width from 40 to 400.
const WRAPS_AFTER_LATIN: &str = "سلام Hello world و UN-Habitat گفت 2021 سال IMF و ECO بود\n\
نشست SCO در دوشنبه  با حضور  وزیران برگزار شد «ECO»  و (IMF) 3.5% رشد";

/// FriBidi's resolved embedding level of every code point, for each paragraph, base RTL.
fn fribidi_levels(paragraphs: &[&str]) -> Vec<Vec<u8>> {
    let mut child = Command::new("fribidi")
        .args(["--rtl", "--nobreak", "--novisual", "--levels"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("GNU FriBidi's `fribidi` command is needed: apt-get install libfribidi-bin");
    let mut input = String::new();
    for paragraph in paragraphs {
        input.push_str(paragraph);
        input.push('\n');
    }
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    let levels: Vec<Vec<u8>> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split_whitespace().map(|n| n.parse().unwrap()).collect())
        .collect();
    assert_eq!(levels.len(), paragraphs.len());
    levels
}

/// Visual order (left to right) of a line's code points, from their levels: rules L1 and L2.
fn visual_order(line_text: &str, mut levels: Vec<u8>) -> Vec<usize> {
    const PARAGRAPH_LEVEL: u8 = 1;
    let chars: Vec<char> = line_text.chars().collect();
    for i in (0..chars.len()).rev() {
        if !chars[i].is_whitespace() {
            break;
        }
        levels[i] = PARAGRAPH_LEVEL;
    }
    let mut order: Vec<usize> = (0..chars.len()).collect();
    let highest = levels.iter().copied().max().unwrap_or(0);
    let lowest_odd = levels
        .iter()
        .copied()
        .filter(|l| l % 2 == 1)
        .min()
        .unwrap_or(highest + 1);
    for level in (lowest_odd..=highest).rev() {
        let mut i = 0;
        while i < order.len() {
            if levels[order[i]] >= level {
                let start = i;
                while i < order.len() && levels[order[i]] >= level {
                    i += 1;
                }
                order[start..i].reverse();
            } else {
                i += 1;
            }
        }
    }
    order
}

/// Our clusters, numbered in logical order, listed in visual order; and FriBidi's visual order
/// of the same clusters.
fn orders(text: &str, line: &LineInfo, vtol: &[usize]) -> (Vec<usize>, Vec<usize>) {
    let mut logical: Vec<_> = line.clusters.iter().map(|c| c.range.start).collect();
    logical.sort_unstable();
    let cluster_number = |byte: usize| logical.iter().position(|&s| s == byte).unwrap();
    let ours: Vec<usize> = line
        .clusters
        .iter()
        .map(|c| cluster_number(c.range.start))
        .collect();
    // Code point index within the line → our cluster number.
    let line_text = &text[line.range.clone()];
    let char_cluster: Vec<Option<usize>> = line_text
        .char_indices()
        .map(|(i, _)| {
            let byte = line.range.start + i;
            line.clusters
                .iter()
                .find(|c| c.range.contains(&byte))
                .map(|c| cluster_number(c.range.start))
        })
        .collect();
    let mut theirs: Vec<usize> = Vec::new();
    for &char_index in vtol {
        if let Some(Some(cluster)) = char_cluster.get(char_index)
            && theirs.last() != Some(cluster)
        {
            theirs.push(*cluster);
        }
    }
    (ours, theirs)
}

fn check_against_fribidi(name: &str, text: &str) -> usize {
    check_at_widths(name, text, &WIDTHS)
}

fn check_at_widths(name: &str, text: &str, widths: &[f32]) -> usize {
    let mut engine = LayoutEngine::new();
    let paragraphs: Vec<&str> = text.split('\n').collect();
    let levels = fribidi_levels(&paragraphs);
    // Byte offset where each paragraph starts.
    let starts: Vec<usize> = paragraphs
        .iter()
        .scan(0, |at, p| {
            let start = *at;
            *at += p.len() + 1;
            Some(start)
        })
        .collect();
    let mut checked = 0;
    for &width in widths {
        let layout = engine.layout(text, &TextStyle::article(16.0), Some(width), 1.0);
        for line in layout
            .lines()
            .into_iter()
            .filter(|l| !l.clusters.is_empty())
        {
            let paragraph = starts.partition_point(|&s| s <= line.range.start) - 1;
            let first_char = text[starts[paragraph]..line.range.start].chars().count();
            let line_text = &text[line.range.clone()];
            let count = line_text.chars().count();
            let line_levels = levels[paragraph][first_char..first_char + count].to_vec();
            let vtol = visual_order(line_text, line_levels);
            let (ours, theirs) = orders(text, &line, &vtol);
            assert_eq!(
                ours, theirs,
                "{name} at width {width}: line {line_text:?} differs from FriBidi"
            );
            checked += 1;
        }
    }
    checked
}

#[test]
fn sample_articles_match_fribidi_on_every_line() {
    let mut lines = 0;
    for (name, text) in daftar::sample::ARTICLES {
        lines += check_against_fribidi(name, text);
    }
    assert!(lines > 300, "only {lines} lines checked");
}

#[test]
fn mixed_text_matches_fribidi_on_every_line() {
    assert!(check_against_fribidi("mixed", MIXED) > 10);
}

#[test]
fn trailing_spaces_at_wraps_sit_at_the_line_end_as_fribidi_places_them() {
    let widths: Vec<f32> = (40..=400).step_by(5).map(|w| w as f32).collect();
    assert!(check_at_widths("wraps after Latin", WRAPS_AFTER_LATIN, &widths) > 500);
}
