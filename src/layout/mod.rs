//! Bidirectional text layout on parley: paragraphs → lines → runs → positioned glyphs, hit-testing
//! (point → offset) and selection geometry (range → rectangles). No egui here.
//!
//! egui shapes text but does not run the Unicode bidi algorithm, so every place that shows
//! Persian or Arabic goes through this module. Offsets are UTF-8 byte offsets into the laid-out
//! text, always in logical order; coordinates are in points, origin at the top left.

mod breaks;
mod cache;
pub mod editor;
pub mod fonts;
pub mod json;
mod text_layout;

pub use cache::LayoutCache;
pub use editor::{EditorAction, TextEditor};
pub use text_layout::{
    CaretMotion, Cluster, Direction, GlyphRun, LayoutEngine, LineInfo, PositionedGlyph, Rect,
    ScreenEdge, TextAlign, TextLayout, TextStyle,
};

/// An article's base direction from most of its letters: left to right when most are Latin,
/// else right to left (also for a text with no letters at all).
pub fn detected_direction(text: &str) -> Direction {
    match crate::text::script::mostly_rtl(text) {
        Some(false) => Direction::Ltr,
        _ => Direction::Rtl,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_reads_right_to_left_unless_most_of_its_letters_are_latin() {
        assert_eq!(
            detected_direction("نشست وزیران ECO در تهران"),
            Direction::Rtl
        );
        assert_eq!(
            detected_direction("The ECO ministers met in تهران"),
            Direction::Ltr
        );
        assert_eq!(detected_direction("2021-07-13"), Direction::Rtl);
    }
}
