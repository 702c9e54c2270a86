//! A tokenizer for Persian, Arabic and Latin news text that keeps code-point spans.
//!
//! Rules (documented because CoNLL export depends on them):
//! - whitespace, ZWNJ outside a word and direction marks separate tokens and are not tokens;
//! - a word is a run of letters, digits and combining marks; a ZWNJ or ZWJ between two such
//!   characters stays inside the word (Persian می‌خواهم is one token);
//! - a number may contain `.` `,` `/` `:` `٫` `٬` between two digits (16.07.2021, 1402/04/22,
//!   12:19 are one token each); a hyphen always splits (2022-2024 is three tokens);
//! - every other character (punctuation, a symbol, an emoji) is a token of its own, with what
//!   makes one user-perceived character with it (UAX #29 grapheme clusters): a flag's two
//!   regional indicators, an emoji with its modifiers and ZWJ sequence, a keycap.

use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    /// Only digits, with separators between them.
    Number,
    Punct,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Code point range in the text, half-open.
    pub range: Range<usize>,
    pub kind: TokenKind,
}

fn is_word_char(c: char) -> bool {
    // Fast answers for ASCII and the Arabic block's letters and digits (most of a news text);
    // the Unicode tables for the rest.
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        _ if c.is_ascii() => false,
        '\u{0621}'..='\u{064A}' | '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' => true,
        _ => c.is_alphanumeric() || is_mark(c),
    }
}

fn is_digit(c: char) -> bool {
    match c {
        '0'..='9' | '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' => true,
        _ if c.is_ascii() => false,
        _ => c.is_numeric(),
    }
}

/// Combining marks of Arabic script (harakat and Quranic marks), tatweel, and general combining
/// diacritics.
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}'
        | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}')
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

fn is_invisible_separator(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_whitespace() || c == '\u{0B}';
    }
    if ('\u{0621}'..='\u{06FF}').contains(&c) {
        return false;
    }
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{FEFF}'
        )
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || is_joiner(c)
}

fn is_number_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '/' | ':' | '\u{066B}' | '\u{066C}')
}

/// How many code points the grapheme cluster starting at `chars[0]` holds (1 for most
/// punctuation: the common case answers without the segmentation tables).
fn grapheme_len(chars: &[char]) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    let simple = |c: char| c.is_ascii() && c != '\r';
    if chars.len() < 2 || (simple(chars[0]) && simple(chars[1])) {
        return 1;
    }
    // Emoji sequences (a family, a flag of a subdivision) are at most a few dozen code points.
    let window: String = chars.iter().take(64).collect();
    window
        .graphemes(true)
        .next()
        .map_or(1, |g| g.chars().count())
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_invisible_separator(c) {
            i += 1;
            continue;
        }
        if !is_word_char(c) {
            let end = i + grapheme_len(&chars[i..]);
            tokens.push(Token {
                range: i..end,
                kind: TokenKind::Punct,
            });
            i = end;
            continue;
        }
        let start = i;
        let mut all_digits = true;
        while i < chars.len() {
            let c = chars[i];
            let next = chars.get(i + 1).copied();
            let prev = (i > start).then(|| chars[i - 1]);
            if is_word_char(c) {
                all_digits &= is_digit(c) || is_mark(c);
                i += 1;
                continue;
            }
            let joins_word =
                is_joiner(c) && prev.is_some_and(is_word_char) && next.is_some_and(is_word_char);
            let joins_number = is_number_separator(c)
                && all_digits
                && prev.is_some_and(is_digit)
                && next.is_some_and(is_digit);
            if !(joins_word || joins_number) {
                break;
            }
            i += 1;
        }
        tokens.push(Token {
            range: start..i,
            kind: if all_digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            },
        });
    }
    tokens
}

/// Widens a code point range to the tokens it touches, so a selection that starts or ends inside
/// a word takes the whole word. Whitespace at its ends is dropped; a range touching no token
/// (spaces only) stays as it is.
pub fn snap_to_words(text: &str, chars: Range<usize>) -> Range<usize> {
    let tokens = tokenize(text);
    let mut touched = tokens
        .iter()
        .filter(|t| t.range.start < chars.end && chars.start < t.range.end);
    let Some(first) = touched.next() else {
        return chars;
    };
    let last = touched.next_back().unwrap_or(first);
    first.range.start..last.range.end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapping_widens_a_selection_to_whole_words() {
        let text = "به گزارش خبرنگار ایلنا اسکندر مومنی در چهارمین نشست";
        // From inside "گزارش" to inside "خبرنگار".
        let snapped = snap_to_words(text, 5..12);
        let words: String = text
            .chars()
            .skip(snapped.start)
            .take(snapped.len())
            .collect();
        assert_eq!(words, "گزارش خبرنگار");
        // Spaces alone touch no token: the range stays.
        assert_eq!(snap_to_words(text, 2..3), 2..3);
        // A range already on word boundaries stays.
        assert_eq!(snap_to_words(text, 3..8), 3..8);
    }

    fn texts(text: &str) -> Vec<String> {
        tokenize(text)
            .into_iter()
            .map(|t| {
                text.chars()
                    .skip(t.range.start)
                    .take(t.range.len())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_flag_or_an_emoji_sequence_is_one_token_not_split_into_its_code_points() {
        assert_eq!(
            texts("پرچم 🇮🇷 و 👨‍👩‍👧 و #️⃣!"),
            ["پرچم", "🇮🇷", "و", "👨‍👩‍👧", "و", "#️⃣", "!"]
        );
        // Two flags side by side are two tokens; a lone regional indicator is one.
        assert_eq!(texts("🇮🇷🇹🇷 🇮"), ["🇮🇷", "🇹🇷", "🇮"]);
        assert_eq!(texts("a\r\n."), ["a", "."]);
    }

    #[test]
    fn persian_words_keep_zwnj_inside() {
        assert_eq!(texts("می‌خواهم بروم."), ["می‌خواهم", "بروم", "."]);
    }

    #[test]
    fn dates_and_times_are_single_tokens() {
        assert_eq!(texts("16.07.2021 12:19"), ["16.07.2021", "12:19"]);
        assert_eq!(texts("۱۴۰۲/۰۴/۲۲"), ["۱۴۰۲/۰۴/۲۲"]);
        assert_eq!(texts("2022-2024"), ["2022", "-", "2024"]);
        assert_eq!(
            tokenize("2021.").iter().map(|t| t.kind).collect::<Vec<_>>(),
            [TokenKind::Number, TokenKind::Punct]
        );
    }

    #[test]
    fn punctuation_and_quotes_split() {
        assert_eq!(
            texts("«خاور» (ECO)، اکو؟"),
            ["«", "خاور", "»", "(", "ECO", ")", "،", "اکو", "؟"]
        );
    }

    #[test]
    fn harakat_stay_in_the_word_and_marks_are_skipped() {
        assert_eq!(texts("\u{200F}مُحَمَّدٌ\u{200E} قال"), ["مُحَمَّدٌ", "قال"]);
    }

    #[test]
    fn ordinal_with_digits_is_one_word() {
        let tokens = tokenize("۷۵امین نشست");
        assert_eq!(tokens[0].range, 0..6);
        assert_eq!(tokens[0].kind, TokenKind::Word);
    }

    #[test]
    fn fast_paths_agree_with_the_unicode_tables() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric() || is_mark(c), "{c:?}");
            assert_eq!(is_digit(c), c.is_numeric(), "{c:?}");
            let separator = c.is_whitespace()
                || matches!(
                    c,
                    '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{FEFF}'
                )
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
                || is_joiner(c);
            assert_eq!(is_invisible_separator(c), separator, "{c:?}");
        }
    }

    #[test]
    fn ranges_count_code_points() {
        let text = "🇮🇷 ایران";
        let tokens = tokenize(text);
        assert_eq!(
            tokens.len(),
            2,
            "a flag (two regional indicators), then a word"
        );
        assert_eq!(tokens[0].range, 0..2);
        assert_eq!(tokens[1].range, 3..8);
    }
}
