//! Conversions between the three offset units in play: UTF-8 bytes (Rust strings, parley),
//! Unicode code points (the project file, brat, W3C) and UTF-16 code units (JavaScript tools such
//! as doccano and Label Studio).

/// Byte offset of code point `chars` in `text` (`text.len()` at the end). `None` past the end.
pub fn char_to_byte(text: &str, chars: usize) -> Option<usize> {
    if chars == 0 {
        return Some(0);
    }
    match text.char_indices().nth(chars) {
        Some((byte, _)) => Some(byte),
        None if text.chars().count() == chars => Some(text.len()),
        None => None,
    }
}

/// Code point offset of byte `byte`. `None` if `byte` is not on a character boundary.
pub fn byte_to_char(text: &str, byte: usize) -> Option<usize> {
    if !text.is_char_boundary(byte) {
        return None;
    }
    Some(text[..byte].chars().count())
}

/// UTF-16 offset of code point `chars`. `None` past the end.
pub fn char_to_utf16(text: &str, chars: usize) -> Option<usize> {
    let mut units = 0;
    let mut count = 0;
    for c in text.chars() {
        if count == chars {
            return Some(units);
        }
        units += c.len_utf16();
        count += 1;
    }
    (count == chars).then_some(units)
}

/// Code point offset of UTF-16 offset `units`. `None` past the end or inside a surrogate pair.
pub fn utf16_to_char(text: &str, units: usize) -> Option<usize> {
    let mut at = 0;
    for (count, c) in text.chars().enumerate() {
        if at == units {
            return Some(count);
        }
        if at > units {
            return None;
        }
        at += c.len_utf16();
    }
    (at == units).then(|| text.chars().count())
}

/// Whether `byte` falls between two grapheme clusters of `text` (never inside a base letter and
/// its combining marks, nor inside an emoji sequence or a flag). Also `false` off a character
/// boundary or past the end.
pub fn is_grapheme_boundary(text: &str, byte: usize) -> bool {
    if byte > text.len() || !text.is_char_boundary(byte) {
        return false;
    }
    let mut cursor = unicode_segmentation::GraphemeCursor::new(byte, text.len(), true);
    cursor.is_boundary(text, 0).unwrap_or(false)
}

/// Why a code point range cannot be a span of `text`, if it cannot: empty or reversed, past the
/// end, or splitting a grapheme cluster.
pub fn span_range_problem(
    index: &OffsetIndex,
    text: &str,
    start: usize,
    end: usize,
) -> Option<String> {
    if start >= end {
        return Some(if start == end {
            format!("{start}..{end} is empty")
        } else {
            format!("{start}..{end} ends before it starts")
        });
    }
    let (Some(from), Some(to)) = (index.byte_of_char(start), index.byte_of_char(end)) else {
        return Some(format!(
            "{start}..{end} does not fit the text ({} characters)",
            index.chars()
        ));
    };
    if !is_grapheme_boundary(text, from) || !is_grapheme_boundary(text, to) {
        return Some(format!(
            "{start}..{end} splits a character from its marks (or an emoji sequence)"
        ));
    }
    None
}

/// The substring of `text` between two code point offsets.
pub fn slice_chars(text: &str, start: usize, end: usize) -> Option<&str> {
    let index = OffsetIndex::new(text);
    let start = index.byte_of_char(start)?;
    let end = index.byte_of_char(end)?;
    text.get(start..end)
}

/// Fast repeated conversions over one text: the byte and UTF-16 offset of every code point.
#[derive(Clone, Debug)]
pub struct OffsetIndex {
    /// `bytes[i]` is the byte offset of code point `i`; one extra entry for the end.
    bytes: Vec<u32>,
    /// `utf16[i]` is the UTF-16 offset of code point `i`; one extra entry for the end. Made the
    /// first time it is asked for: only the JSON formats count in UTF-16, and most indexes (an
    /// import's checks and quotes, the article view) never do.
    utf16: std::sync::OnceLock<Vec<u32>>,
}

impl OffsetIndex {
    pub fn new(text: &str) -> Self {
        let mut bytes = Vec::with_capacity(text.len() + 1);
        // A character starts at every byte that is not a continuation byte (0b10xx_xxxx):
        // found without decoding the characters.
        bytes.extend(
            (0..text.len() as u32).filter(|&at| (text.as_bytes()[at as usize] as i8) >= -0x40),
        );
        bytes.push(text.len() as u32);
        OffsetIndex {
            bytes,
            utf16: std::sync::OnceLock::new(),
        }
    }

    /// The UTF-16 offsets, from the byte offsets: a code point of four bytes is the only one
    /// that takes two UTF-16 units.
    fn utf16(&self) -> &[u32] {
        self.utf16.get_or_init(|| {
            let mut units = 0u32;
            let mut utf16 = Vec::with_capacity(self.bytes.len());
            utf16.push(0);
            for pair in self.bytes.windows(2) {
                units += if pair[1] - pair[0] == 4 { 2 } else { 1 };
                utf16.push(units);
            }
            utf16
        })
    }

    /// Number of code points.
    pub fn chars(&self) -> usize {
        self.bytes.len() - 1
    }

    pub fn byte_of_char(&self, chars: usize) -> Option<usize> {
        self.bytes.get(chars).map(|&b| b as usize)
    }

    pub fn utf16_of_char(&self, chars: usize) -> Option<usize> {
        self.utf16().get(chars).map(|&u| u as usize)
    }

    /// `None` if `byte` is not on a character boundary.
    pub fn char_of_byte(&self, byte: usize) -> Option<usize> {
        self.bytes.binary_search(&(byte as u32)).ok()
    }

    /// `None` if `units` falls inside a surrogate pair or past the end.
    pub fn char_of_utf16(&self, units: usize) -> Option<usize> {
        self.utf16().binary_search(&(units as u32)).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index found over bytes has every character's start, as `char_indices` gives them.
    #[test]
    fn the_index_has_every_characters_start() {
        let texts = [
            "",
            "a",
            "اسکندر مومنی، ECO ۱۴۰۲",
            "مُحَمَّد 🇮🇷 👨‍👩‍👧 H₂O \u{200c}\u{10FFFF}",
            crate::sample::ARTICLES[1].1,
        ];
        for text in texts {
            let index = OffsetIndex::new(text);
            let mut starts: Vec<usize> = text.char_indices().map(|(at, _)| at).collect();
            starts.push(text.len());
            let found: Vec<usize> = (0..=index.chars())
                .map(|chars| index.byte_of_char(chars).unwrap())
                .collect();
            assert_eq!(found, starts, "{text}");
        }
    }

    #[test]
    fn a_span_may_not_be_empty_reversed_past_the_end_or_split_a_grapheme() {
        // ب with a shadda, then a flag (two regional indicators) and a family emoji (ZWJ).
        let text = "بّ 🇮🇷 👨‍👩‍👧";
        let index = OffsetIndex::new(text);
        let problem = |start, end| span_range_problem(&index, text, start, end);
        assert_eq!(problem(0, 2), None, "letter and mark together");
        assert!(
            problem(0, 1).unwrap().contains("splits"),
            "the mark cut off"
        );
        assert!(problem(3, 4).unwrap().contains("splits"), "half a flag");
        assert_eq!(problem(3, 5), None);
        assert!(
            problem(6, 8).unwrap().contains("splits"),
            "inside a ZWJ sequence"
        );
        assert_eq!(problem(6, 11), None);
        assert!(problem(2, 2).unwrap().contains("empty"));
        assert!(problem(5, 2).unwrap().contains("before it starts"));
        assert!(problem(0, 99).unwrap().contains("does not fit"));
    }

    /// Persian with ZWNJ, Arabic with harakat, a non-BMP emoji flag and a mathematical letter.
    const MIXED: &str = "می‌خواهم 🇮🇷 مُحَمَّد 𝐀B";

    #[test]
    fn persian_with_zwnj() {
        let text = "می‌خواهم";
        // م ی ZWNJ خ و ا ه م: 8 code points, each 2 bytes except ZWNJ (3 bytes).
        assert_eq!(text.chars().count(), 8);
        assert_eq!(char_to_byte(text, 2), Some(4));
        assert_eq!(char_to_byte(text, 3), Some(7));
        assert_eq!(byte_to_char(text, 7), Some(3));
        assert_eq!(byte_to_char(text, 5), None, "inside the ZWNJ");
        assert_eq!(char_to_utf16(text, 8), Some(8), "all BMP");
    }

    #[test]
    fn harakat_are_code_points_of_their_own() {
        let text = "مُحَمَّد";
        assert_eq!(text.chars().count(), 8);
        assert_eq!(slice_chars(text, 0, 2), Some("مُ"));
    }

    #[test]
    fn non_bmp_characters_differ_in_utf16() {
        // "🇮🇷" is two regional indicators, each one code point, two UTF-16 units, four bytes.
        let flag_start = MIXED.chars().position(|c| c == '\u{1F1EE}').unwrap();
        assert_eq!(char_to_utf16(MIXED, flag_start), Some(flag_start));
        assert_eq!(char_to_utf16(MIXED, flag_start + 2), Some(flag_start + 4));
        assert_eq!(utf16_to_char(MIXED, flag_start + 4), Some(flag_start + 2));
        assert_eq!(utf16_to_char(MIXED, flag_start + 1), None, "inside a pair");
        let total_chars = MIXED.chars().count();
        let total_units = MIXED.encode_utf16().count();
        assert_eq!(char_to_utf16(MIXED, total_chars), Some(total_units));
        assert_eq!(utf16_to_char(MIXED, total_units), Some(total_chars));
        assert_eq!(char_to_utf16(MIXED, total_chars + 1), None);
    }

    #[test]
    fn index_agrees_with_the_plain_functions_everywhere() {
        let index = OffsetIndex::new(MIXED);
        let chars = MIXED.chars().count();
        assert_eq!(index.chars(), chars);
        for i in 0..=chars {
            let byte = char_to_byte(MIXED, i).unwrap();
            let units = char_to_utf16(MIXED, i).unwrap();
            assert_eq!(index.byte_of_char(i), Some(byte));
            assert_eq!(index.utf16_of_char(i), Some(units));
            assert_eq!(index.char_of_byte(byte), Some(i));
            assert_eq!(index.char_of_utf16(units), Some(i));
            assert_eq!(byte_to_char(MIXED, byte), Some(i));
            assert_eq!(utf16_to_char(MIXED, units), Some(i));
        }
        assert_eq!(index.byte_of_char(chars + 1), None);
    }

    #[test]
    fn slicing_by_code_points_and_by_utf16_gives_the_same_text() {
        let start = MIXED.chars().position(|c| c == 'م').unwrap();
        let mathematical = MIXED.chars().position(|c| c == '𝐀').unwrap();
        let by_chars = slice_chars(MIXED, mathematical, mathematical + 2).unwrap();
        assert_eq!(by_chars, "𝐀B");
        let units: Vec<u16> = MIXED.encode_utf16().collect();
        let u_start = char_to_utf16(MIXED, mathematical).unwrap();
        let u_end = char_to_utf16(MIXED, mathematical + 2).unwrap();
        assert_eq!(
            String::from_utf16(&units[u_start..u_end]).unwrap(),
            by_chars
        );
        assert_eq!(slice_chars(MIXED, start, start + 1), Some("م"));
    }
}
