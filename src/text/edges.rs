//! Moving one edge of a span: by a word (the tokenizer's words, numbers and punctuation marks,
//! the units CoNLL exports) or by a letter (a grapheme cluster, never a letter without its marks).
//! Ranges are code points; which edge and which way are logical, the window maps screen keys to
//! them.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::{OffsetIndex, tokenize};

/// One end of a span, in reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Edge {
    Start,
    End,
}

/// `chars` with its `edge` moved one step forward (toward the end of the text) or back, or `None`
/// when the step would leave the span empty or reversed or there is nowhere to go.
pub fn move_edge(
    text: &str,
    chars: Range<usize>,
    edge: Edge,
    forward: bool,
    by_word: bool,
) -> Option<Range<usize>> {
    let at = match edge {
        Edge::Start => chars.start,
        Edge::End => chars.end,
    };
    let target = if by_word {
        word_step(text, at, edge, forward)
    } else {
        letter_step(text, at, forward)
    }?;
    let moved = match edge {
        Edge::Start => target..chars.end,
        Edge::End => chars.start..target,
    };
    (moved.start < moved.end).then_some(moved)
}

/// The nearest word edge of the same kind (a word's start for a span's start, its end for the
/// span's end) past `at`: a span's edges stay where words begin and end.
fn word_step(text: &str, at: usize, edge: Edge, forward: bool) -> Option<usize> {
    let bounds = tokenize(text).into_iter().map(|token| match edge {
        Edge::Start => token.range.start,
        Edge::End => token.range.end,
    });
    if forward {
        bounds.filter(|&b| b > at).min()
    } else {
        bounds.filter(|&b| b < at).max()
    }
}

/// The next grapheme boundary after `at` (or before it), in code points.
fn letter_step(text: &str, at: usize, forward: bool) -> Option<usize> {
    let index = OffsetIndex::new(text);
    let byte = index.byte_of_char(at)?;
    let boundaries = text
        .grapheme_indices(true)
        .map(|(i, _)| i)
        .chain([text.len()]);
    let target = if forward {
        boundaries.filter(|&b| b > byte).min()
    } else {
        boundaries.filter(|&b| b < byte).max()
    }?;
    index.char_of_byte(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "وزیر کشور «اسکندر مومنی» در نشست اکو";

    fn words(range: Range<usize>) -> String {
        TEXT.chars().skip(range.start).take(range.len()).collect()
    }

    fn find(words: &str) -> Range<usize> {
        let byte = TEXT.find(words).unwrap();
        let start = TEXT[..byte].chars().count();
        start..start + words.chars().count()
    }

    #[test]
    fn a_word_step_grows_and_shrinks_either_edge() {
        let span = find("اسکندر");
        let grown = move_edge(TEXT, span.clone(), Edge::End, true, true).unwrap();
        assert_eq!(words(grown.clone()), "اسکندر مومنی");
        let grown = move_edge(TEXT, grown, Edge::End, true, true).unwrap();
        assert_eq!(words(grown.clone()), "اسکندر مومنی»");
        let grown = move_edge(TEXT, grown, Edge::Start, false, true).unwrap();
        assert_eq!(words(grown.clone()), "«اسکندر مومنی»");
        let shrunk = move_edge(TEXT, grown, Edge::Start, true, true).unwrap();
        assert_eq!(words(shrunk.clone()), "اسکندر مومنی»");
        let shrunk = move_edge(TEXT, shrunk, Edge::End, false, true).unwrap();
        assert_eq!(words(shrunk), "اسکندر مومنی");
    }

    #[test]
    fn an_edge_never_crosses_the_other_or_leaves_the_text() {
        let span = find("اسکندر");
        assert_eq!(move_edge(TEXT, span.clone(), Edge::End, false, true), None);
        assert_eq!(move_edge(TEXT, span, Edge::Start, true, true), None);
        let last = find("اکو");
        assert_eq!(move_edge(TEXT, last.clone(), Edge::End, true, true), None);
        assert_eq!(move_edge(TEXT, last, Edge::End, true, false), None);
        let first = find("وزیر");
        assert_eq!(move_edge(TEXT, first, Edge::Start, false, false), None);
    }

    #[test]
    fn a_letter_step_keeps_a_letter_with_its_marks() {
        // مُحَمَّد: each letter carries harakat; one step moves past a letter and its marks.
        let text = "مُحَمَّد";
        let grown = move_edge(text, 0..2, Edge::End, true, false).unwrap();
        assert_eq!(grown, 0..4, "ح and its fatha together");
        let shrunk = move_edge(text, 0..4, Edge::End, false, false).unwrap();
        assert_eq!(shrunk, 0..2);
        assert_eq!(move_edge(text, 0..2, Edge::End, false, false), None);
    }
}
