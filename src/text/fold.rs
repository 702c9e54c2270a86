//! The match key: a folded copy of a text with a map back to the original.
//!
//! Persian and Arabic write the same word in several ways: Arabic ي/ك against Persian ی/ک, أ/إ/آ
//! against ا, with or without harakat, tatweel or ZWNJ, with Persian, Arabic-Indic or Latin
//! digits. Search, entity matching and re-anchoring compare folded text and map hits back to
//! code points of the original, which is never rewritten.

use std::ops::Range;
use unicode_normalization::UnicodeNormalization;

/// What one original character becomes in the match key.
#[derive(Clone, Copy)]
enum Folded {
    Drop,
    One(char),
}

/// Folds one character; `None` when it is dropped from the key (harakat, tatweel, ZWNJ,
/// direction marks). Whitespace folds to a plain space; collapsing runs is [`MatchKey`]'s job.
pub fn fold_char(c: char) -> Option<char> {
    match fold(c) {
        Folded::Drop => None,
        Folded::One(f) => Some(f),
    }
}

fn fold(c: char) -> Folded {
    use Folded::{Drop, One};
    match c {
        // Yeh: Arabic yeh, alef maksura, Persian yeh, yeh with hamza above.
        '\u{064A}' | '\u{0649}' | '\u{06CC}' | '\u{0626}' | '\u{06D0}' => One('\u{06CC}'),
        // Kaf: Arabic kaf, Persian keheh, swash kaf.
        '\u{0643}' | '\u{06A9}' | '\u{06AA}' => One('\u{06A9}'),
        // Alef with hamza above/below, with madda, wasla.
        '\u{0623}' | '\u{0625}' | '\u{0622}' | '\u{0671}' | '\u{0672}' | '\u{0673}' => {
            One('\u{0627}')
        }
        // Waw with hamza above.
        '\u{0624}' => One('\u{0648}'),
        // Teh marbuta, heh with yeh above, Arabic heh goal forms → heh.
        '\u{0629}' | '\u{06C0}' | '\u{06D5}' | '\u{06C1}' => One('\u{0647}'),
        // Persian and Arabic-Indic digits read as ASCII.
        '\u{06F0}'..='\u{06F9}' => One(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        '\u{0660}'..='\u{0669}' => One(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        // Arabic punctuation read as its Latin counterpart.
        '\u{060C}' => One(','),
        '\u{061B}' => One(';'),
        '\u{061F}' => One('?'),
        '\u{066B}' => One('.'),
        '\u{066C}' => One(','),
        // Harakat, Quranic marks, superscript alef, tatweel.
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}' => Drop,
        '\u{0640}' => Drop,
        // ZWNJ, ZWJ, direction marks and controls, BOM, soft hyphen.
        '\u{200B}'..='\u{200F}'
        | '\u{061C}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => Drop,
        '\u{FEFF}' | '\u{00AD}' => Drop,
        // The rest of the Arabic blocks has no case: no table lookup for most of a text.
        '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' => One(c),
        c if c.is_whitespace() => One(' '),
        c if c.is_ascii() => One(c.to_ascii_lowercase()),
        c => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => One(l),
                _ => One(c),
            }
        }
    }
}

/// Arabic presentation forms (old files use them) are read through their compatibility
/// decomposition, so ﻻ matches لا.
fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// [`fold`] of ASCII and of the Arabic block (nearly every character of a news text) read from
/// tables made from [`fold`] itself, once: searching a corpus folds every character of it.
struct FoldTables {
    ascii: [Folded; 128],
    arabic: [Folded; 256],
}

impl FoldTables {
    fn get() -> &'static FoldTables {
        static TABLES: std::sync::OnceLock<FoldTables> = std::sync::OnceLock::new();
        TABLES.get_or_init(|| {
            let mut tables = FoldTables {
                ascii: [Folded::Drop; 128],
                arabic: [Folded::Drop; 256],
            };
            for (i, entry) in tables.ascii.iter_mut().enumerate() {
                *entry = char::from_u32(i as u32).map_or(Folded::Drop, fold);
            }
            for (i, entry) in tables.arabic.iter_mut().enumerate() {
                *entry = char::from_u32(0x0600 + i as u32).map_or(Folded::Drop, fold);
            }
            tables
        })
    }

    #[inline]
    fn fold(&self, c: char) -> Folded {
        match c as u32 {
            code @ 0..=0x7F => self.ascii[code as usize],
            code @ 0x0600..=0x06FF => self.arabic[(code - 0x0600) as usize],
            _ => fold(c),
        }
    }
}

/// Appends `c` folded to `key`; whether anything was appended (a dropped mark or a second
/// space of a run is not).
#[inline]
fn push_folded(tables: &FoldTables, key: &mut String, c: char) -> bool {
    let Folded::One(f) = tables.fold(c) else {
        return false;
    };
    // Collapse runs of whitespace to one space.
    if f == ' ' && key.ends_with(' ') {
        return false;
    }
    key.push(f);
    true
}

/// Folds `original`, telling `visit` for each of its characters (code point index, byte offset,
/// the character) where in the folded text its folding starts and what it is (often one
/// character, none for a mark, several for a presentation form): the one folding loop of the
/// match key, whatever is built from it. `visit` returns whether to go on.
pub fn fold_walk(
    original: &str,
    mut visit: impl FnMut(usize, usize, char, usize, &str) -> bool,
) -> String {
    let tables = FoldTables::get();
    let mut key = String::with_capacity(original.len());
    for (index, (byte, c)) in original.char_indices().enumerate() {
        let before = key.len();
        if is_presentation_form(c) {
            for part in std::iter::once(c).nfkc() {
                push_folded(tables, &mut key, part);
            }
        } else {
            push_folded(tables, &mut key, c);
        }
        if !visit(index, byte, c, before, &key[before..]) {
            break;
        }
    }
    key
}

/// The folded text alone, [`MatchKey::as_str`] without the map back: cheap enough to scan a
/// whole corpus, the map built only for the texts that match.
pub fn fold_str(original: &str) -> String {
    fold_walk(original, |_, _, _, _, _| true)
}

/// Whether a byte offset of a folded text sits between two characters that do not both belong
/// to a word.
pub fn is_token_boundary(folded: &str, byte: usize) -> bool {
    let before = folded[..byte].chars().next_back();
    let after = folded[byte..].chars().next();
    match (before, after) {
        (Some(b), Some(a)) => !(b.is_alphanumeric() && a.is_alphanumeric()),
        _ => true,
    }
}

/// Whether `needle` (folded, trimmed) occurs in `folded` on token boundaries.
pub fn contains_on_boundaries(folded: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(pos) = folded[from..].find(needle) {
        let start = from + pos;
        if is_token_boundary(folded, start) && is_token_boundary(folded, start + needle.len()) {
            return true;
        }
        from = start + folded[start..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// A folded text and, for each of its characters, the code point of the original it came from.
#[derive(Clone, Debug, Default)]
pub struct MatchKey {
    text: String,
    /// Per folded character: byte offset in `text`.
    starts: Vec<u32>,
    /// Per folded character: code point index in the original.
    origin: Vec<u32>,
    /// Code points in the original.
    original_chars: u32,
    /// Per folded character: how many harakat (dropped from the key) follow it directly in the
    /// original; a match ending on the letter ends after them, never splitting it from them.
    marks_after: Vec<u8>,
}

/// Harakat, Quranic marks and the superscript alef: the marks folding drops that belong to the
/// letter before them.
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

impl MatchKey {
    pub fn new(original: &str) -> Self {
        let mut starts = Vec::with_capacity(original.len() / 2);
        let mut origin: Vec<u32> = Vec::with_capacity(original.len() / 2);
        let mut marks_after: Vec<u8> = Vec::with_capacity(original.len() / 2);
        let mut original_chars = 0;
        let text = fold_walk(original, |index, _, c, at, folded| {
            original_chars += 1;
            if folded.is_empty() && is_arabic_mark(c) {
                if let (Some(&last), Some(marks)) = (origin.last(), marks_after.last_mut())
                    && last as usize + 1 + *marks as usize == index
                {
                    *marks = marks.saturating_add(1);
                }
                return true;
            }
            for (offset, _) in folded.char_indices() {
                starts.push((at + offset) as u32);
                origin.push(index as u32);
                marks_after.push(0);
            }
            true
        });
        MatchKey {
            text,
            starts,
            origin,
            original_chars,
            marks_after,
        }
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Maps a range of folded characters back to code points of the original.
    pub fn original_range(&self, folded: Range<usize>) -> Range<usize> {
        let start = self
            .origin
            .get(folded.start)
            .map_or(self.original_chars as usize, |&o| o as usize);
        let end = if folded.end == 0 || folded.end <= folded.start {
            start
        } else {
            self.origin[folded.end - 1] as usize + 1 + self.marks_after[folded.end - 1] as usize
        };
        start..end
    }

    /// Maps a byte range of the folded text (a match found in [`as_str`](Self::as_str)) back to
    /// code points of the original.
    pub fn original_range_of_bytes(&self, folded: Range<usize>) -> Range<usize> {
        let first = self.char_index_of_byte(folded.start);
        let last = self.char_index_of_byte(folded.end);
        self.original_range(first..last)
    }

    fn char_index_of_byte(&self, byte: usize) -> usize {
        self.starts
            .binary_search(&(byte as u32))
            .unwrap_or_else(|i| i)
    }

    /// Every place `needle` occurs on token boundaries, as code point ranges of the original.
    /// The needle is folded the same way, and leading/trailing spaces are ignored.
    pub fn find_all(&self, needle: &str) -> Vec<Range<usize>> {
        let needle_key = MatchKey::new(needle);
        let needle = needle_key.as_str().trim_matches(' ');
        if needle.is_empty() {
            return Vec::new();
        }
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(pos) = self.text[from..].find(needle) {
            let start = from + pos;
            let end = start + needle.len();
            if self.is_token_boundary(start) && self.is_token_boundary(end) {
                let first = self.char_index_of_byte(start);
                let last = self.char_index_of_byte(end);
                found.push(self.original_range(first..last));
            }
            from = start + self.text[start..].chars().next().map_or(1, char::len_utf8);
        }
        found
    }

    fn is_token_boundary(&self, byte: usize) -> bool {
        is_token_boundary(&self.text, byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> String {
        MatchKey::new(text).as_str().to_string()
    }

    #[test]
    fn persian_and_arabic_spellings_of_one_name_fold_alike() {
        // The interior minister as the Persian (000) and Arabic (001) sample articles write him.
        assert_eq!(folded("اسکندر مومنی"), folded("إسكندر مؤمني"));
        assert_eq!(folded("ایران"), folded("إيران"));
    }

    #[test]
    fn a_match_ends_after_the_harakat_on_its_last_letter() {
        let text = "سفر به ایرانِ بزرگ و ایرانـِ دیگر";
        let hits = MatchKey::new(text).find_all("ایران");
        let chars: Vec<char> = text.chars().collect();
        let quotes: Vec<String> = hits
            .iter()
            .map(|r| chars[r.clone()].iter().collect())
            .collect();
        // The kasra is the ن's; after a tatweel it is the tatweel's, not the match's.
        assert_eq!(quotes, ["ایرانِ", "ایران"]);
    }

    #[test]
    fn the_tables_fold_as_fold_does() {
        let as_option = |f: Folded| match f {
            Folded::Drop => None,
            Folded::One(c) => Some(c),
        };
        for c in (0..0x0800).filter_map(char::from_u32) {
            assert_eq!(
                as_option(FoldTables::get().fold(c)),
                as_option(fold(c)),
                "{c:?}"
            );
        }
    }

    #[test]
    fn the_folded_text_alone_is_the_match_keys() {
        for text in ["إسكندر  مؤمني\u{200C}ها ﻻ ۱۵", "مُحَمَّد\t\n  ECO", ""]
        {
            assert_eq!(fold_str(text), folded(text));
        }
    }

    #[test]
    fn harakat_tatweel_zwnj_and_marks_are_ignored() {
        assert_eq!(folded("مُحَمَّد"), "محمد");
        assert_eq!(folded("محـــمد"), "محمد");
        assert_eq!(folded("می‌خواهم"), folded("میخواهم"));
        assert_eq!(folded("\u{200F}تهران\u{200E}"), "تهران");
    }

    #[test]
    fn digits_of_every_script_read_as_ascii() {
        assert_eq!(folded("۱۴۰۲/۰۴/۲۲"), "1402/04/22");
        assert_eq!(folded("١٥ يوليو ٢٠٢١"), folded("15 یولیو 2021"));
    }

    #[test]
    fn whitespace_collapses_and_latin_lowercases() {
        assert_eq!(folded("ECO  \u{00A0}\n Tehran"), "eco tehran");
    }

    #[test]
    fn presentation_forms_decompose() {
        // U+FEFB is the isolated lam-alef ligature.
        assert_eq!(folded("\u{FEFB}"), "لا");
    }

    #[test]
    fn hits_map_back_to_original_code_points() {
        let text = "وزیر کشور، إسكندر مؤمني، گفت";
        let key = MatchKey::new(text);
        let hits = key.find_all("اسکندر مومنی");
        assert_eq!(hits.len(), 1);
        let original: String = text
            .chars()
            .skip(hits[0].start)
            .take(hits[0].len())
            .collect();
        assert_eq!(original, "إسكندر مؤمني");
    }

    #[test]
    fn hits_keep_harakat_inside_the_original_range() {
        let text = "قال مُحَمَّدٌ";
        let hits = MatchKey::new(text).find_all("محمد");
        // The range ends after the tanwin on the last letter, not between the letter and it.
        assert_eq!(hits, vec![4..13]);
    }

    #[test]
    fn matches_only_on_token_boundaries() {
        let key = MatchKey::new("اکو و اکوسیستم، ECO و ECOWAS");
        assert_eq!(key.find_all("اکو").len(), 1);
        assert_eq!(key.find_all("eco").len(), 1);
        assert!(key.find_all("کو").is_empty());
    }

    #[test]
    fn empty_needle_finds_nothing() {
        assert!(MatchKey::new("متن").find_all(" \u{200C} ").is_empty());
    }
}
