//! Line-break opportunities where the Unicode line breaking algorithm parley follows (ICU4X) is
//! tailored for news text: parley asks for every adjacent pair of code points, in order, and
//! these rules answer for some.
//!
//! - **LB20a** (UAX #14 since Unicode 15.1): no break after a hyphen that begins a word,
//!   `دبیر -عمومی` stays `-عمومی` instead of leaving the hyphen alone at a line end.
//! - **URLs are kept whole** when they fit: no opportunity inside `https://…` or `www.…`, so a
//!   URL moves to the next line whole instead of leaving `https://` at a line end. One longer
//!   than a line still breaks anywhere (the layout's overflow-wrap), so nothing spills.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use parley::LineBreakContext;

/// Whether a character is a hyphen for LB20a (classes HY and HH).
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}')
}

/// What may come before a word-initial hyphen (start of text, BK CR LF SP ZW CB GL).
fn opens_word(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace() || matches!(c, '\u{200B}' | '\u{00A0}' | '\u{2007}' | '\u{202F}')
        }
    }
}

/// The byte ranges of the URLs in `text`: from `http://`, `https://` or `www.` to the first
/// whitespace or bracket or quote, without trailing punctuation.
pub fn url_ranges(text: &str) -> Vec<Range<usize>> {
    let mut urls = Vec::new();
    let mut from = 0;
    while let Some(found) = ["https://", "http://", "www."]
        .iter()
        .filter_map(|scheme| text[from..].find(scheme).map(|i| from + i))
        .min()
    {
        let rest = &text[found..];
        let length = rest
            .find(|c: char| c.is_whitespace() || "<>\"«»()[]{}“”".contains(c))
            .unwrap_or(rest.len());
        let url = rest[..length].trim_end_matches(['.', ',', ';', ':', '!', '?', '،', '؛', '؟']);
        if url.len() > 4 {
            urls.push(found..found + url.len());
        }
        from = found + length.max(1);
        while !text.is_char_boundary(from) {
            from += 1;
        }
    }
    urls
}

/// The override for one paragraph's text: parley calls it for each pair of code points in
/// order (none of ours holds a mandatory break: paragraphs are split at line feeds), so a
/// counter tells which pair it is; a pair that is not the one expected gets no answer.
pub struct BreakOverrides {
    /// Per pair (the code points before and after), whether to suppress its opportunity.
    pairs: Vec<(char, char, bool)>,
    next: AtomicUsize,
}

impl BreakOverrides {
    /// None when no rule applies to the text (most paragraphs: parley then asks nobody).
    pub fn new(text: &str) -> Option<Self> {
        if !text.contains(['-', '\u{2010}', '/', '.']) {
            return None;
        }
        let urls = url_ranges(text);
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let pairs = chars
            .windows(2)
            .enumerate()
            .map(|(i, pair)| {
                let ((_, before), (at, after)) = (pair[0], pair[1]);
                let before_before = i.checked_sub(1).map(|j| chars[j].1);
                let word_initial_hyphen =
                    is_hyphen(before) && opens_word(before_before) && after.is_alphabetic();
                let in_url = urls.iter().any(|u| u.start < at && at < u.end);
                (before, after, word_initial_hyphen || in_url)
            })
            .collect::<Vec<_>>();
        pairs.iter().any(|p| p.2).then(|| BreakOverrides {
            pairs,
            next: AtomicUsize::new(0),
        })
    }

    /// parley's question about the next pair.
    pub fn answer(&self, context: LineBreakContext) -> Option<bool> {
        let index = self.next.fetch_add(1, Ordering::Relaxed);
        match self.pairs.get(index) {
            Some(&(before, after, true)) if (before, after) == (context.before, context.after) => {
                Some(false)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_found_without_trailing_punctuation() {
        let text =
            "ببینید https://www.isna.ir/news/1402/long-url. و (www.irna.ir) یا http://x.y/z،";
        let urls: Vec<&str> = url_ranges(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            urls,
            [
                "https://www.isna.ir/news/1402/long-url",
                "www.irna.ir",
                "http://x.y/z"
            ]
        );
        assert!(url_ranges("بدون نشانی").is_empty());
    }
}
