//! Caret motions in screen order for the article view: by letter (in `text_layout.rs`), by word,
//! by line, to a line's ends; and which logical end of a range shows on which side of the screen.

use std::ops::Range;

use super::TextLayout;
use crate::text::edges::Edge;

/// A way the caret moves, as the keyboard asks for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaretMotion {
    /// One letter left or right on screen.
    Letter { right: bool },
    /// Past the next word left or right on screen (spaces and punctuation on the way too).
    Word { right: bool },
    /// To the line above or below, near the same place across.
    Line { down: bool },
    /// To the start of the line in reading order (Home) or its end (End).
    LineEdge { end: bool },
}

impl TextLayout {
    /// Where the caret at `offset` goes.
    pub fn move_caret(&self, offset: usize, motion: CaretMotion) -> usize {
        match motion {
            CaretMotion::Letter { right } => self.move_visually(offset, right),
            CaretMotion::Word { right } => self.move_word_visually(offset, right),
            CaretMotion::Line { down } => self.move_to_line(offset, down),
            CaretMotion::LineEdge { end } => self.line_edge(offset, end),
        }
    }

    /// Crosses what is not a word, then a word, left or right on screen: the caret ends at the
    /// far edge of the next word.
    fn move_word_visually(&self, offset: usize, right: bool) -> usize {
        let mut at = offset;
        let mut crossed_word = false;
        loop {
            let next = self.move_visually(at, right);
            if next == at {
                return at;
            }
            let crossed = &self.text[at.min(next)..at.max(next)];
            let is_word = crossed
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '\u{200C}')
                && !crossed.contains('\n');
            if crossed_word && !is_word {
                return at;
            }
            crossed_word |= is_word;
            at = next;
        }
    }

    /// The offset nearest the caret's place on the line above or below (the text's first or last
    /// offset past the top or bottom).
    fn move_to_line(&self, offset: usize, down: bool) -> usize {
        let caret = self.caret(offset);
        let x = caret.min_x;
        let line_height = caret.max_y - caret.min_y;
        let y = if down {
            caret.max_y + line_height / 2.0
        } else {
            caret.min_y - line_height / 2.0
        };
        if y < 0.0 {
            0
        } else if y >= self.height() {
            self.text.len()
        } else {
            self.hit_test(x, y)
        }
    }

    /// The start of the caret's line in reading order, or its end before any trailing space (a
    /// wrapped line's last space belongs to it, but a caret there would show on the next line).
    fn line_edge(&self, offset: usize, end: bool) -> usize {
        let line = self.line_of_offset(offset);
        if !end {
            return line.range.start;
        }
        let text = &self.text[line.range.clone()];
        line.range.start + text.trim_end().len()
    }

    /// The logical end of `range` shown on the left or right of the screen, and which way on
    /// screen moves it forward in reading order. Read from the letter just inside the range's
    /// start: where that letter is right to left, the start is the right edge and the end the
    /// left one (a span that mixes directions is moved by its logical ends all the same).
    pub fn screen_edge(&self, range: Range<usize>, right_side: bool) -> ScreenEdge {
        let rtl = self.is_rtl_at(range.start);
        let edge = if right_side == rtl {
            Edge::Start
        } else {
            Edge::End
        };
        let inside = match edge {
            Edge::Start => rtl,
            Edge::End => self.is_rtl_before(range.end),
        };
        ScreenEdge {
            edge,
            forward_is_right: !inside,
        }
    }

    /// Whether the letter that starts at `offset` is laid out right to left.
    fn is_rtl_at(&self, offset: usize) -> bool {
        let line = self.line_of_offset(offset);
        let cluster = line.clusters.iter().find(|c| c.range.start == offset);
        cluster.map_or(self.style.direction != super::Direction::Ltr, |c| c.rtl)
    }

    /// Whether the letter that ends at `offset` is laid out right to left.
    fn is_rtl_before(&self, offset: usize) -> bool {
        let before = self.text[..offset]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i);
        let line = self.line_of_offset(before);
        let cluster = line.clusters.iter().find(|c| c.range.end == offset);
        cluster.map_or(self.style.direction != super::Direction::Ltr, |c| c.rtl)
    }
}

/// One end of a range as the screen shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScreenEdge {
    pub edge: Edge,
    /// Moving it right on screen goes forward in reading order.
    pub forward_is_right: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{LayoutEngine, TextStyle};

    fn layout(text: &str, width: f32) -> TextLayout {
        LayoutEngine::new().layout(text, &TextStyle::article(16.0), Some(width), 1.0)
    }

    #[test]
    fn a_word_step_crosses_one_persian_word_leftward_in_reading_order() {
        let text = "سازمان همکاری اقتصادی";
        let layout = layout(text, 600.0);
        // Leftward in right-to-left text is forward in reading order.
        let after_first = layout.move_caret(0, CaretMotion::Word { right: false });
        assert_eq!(&text[..after_first], "سازمان");
        let after_second = layout.move_caret(after_first, CaretMotion::Word { right: false });
        assert_eq!(&text[..after_second], "سازمان همکاری");
        let back = layout.move_caret(after_second, CaretMotion::Word { right: true });
        assert_eq!(&text[..back], "سازمان ");
    }

    #[test]
    fn line_motions_stay_on_the_text_and_home_and_end_keep_to_the_line() {
        let text = "وزیر کشور ایران در چهارمین نشست وزیران کشور عضو سازمان همکاری اقتصادی اکو گفت";
        let layout = layout(text, 160.0);
        let lines = layout.lines();
        assert!(lines.len() >= 3);
        let down = layout.move_caret(0, CaretMotion::Line { down: true });
        assert_eq!(
            down, lines[1].range.start,
            "the right edge of the next line"
        );
        assert_eq!(layout.move_caret(0, CaretMotion::Line { down: false }), 0);
        let last = text.len();
        assert_eq!(
            layout.move_caret(last, CaretMotion::Line { down: true }),
            last
        );
        let end = layout.move_caret(0, CaretMotion::LineEdge { end: true });
        assert_eq!(
            end,
            lines[0].range.start + text[lines[0].range.clone()].trim_end().len()
        );
        assert_eq!(
            layout.move_caret(end, CaretMotion::LineEdge { end: false }),
            0
        );
    }

    #[test]
    fn the_right_edge_of_a_persian_span_is_its_start_and_of_a_latin_one_its_end() {
        let text = "در نشست ECO گفت";
        let layout = layout(text, 600.0);
        let persian = text.find("نشست").unwrap();
        let persian = persian..persian + "نشست".len();
        let rtl_left = ScreenEdge {
            edge: Edge::End,
            forward_is_right: false,
        };
        assert_eq!(layout.screen_edge(persian.clone(), false), rtl_left);
        let rtl_right = ScreenEdge {
            edge: Edge::Start,
            forward_is_right: false,
        };
        assert_eq!(layout.screen_edge(persian, true), rtl_right);
        let latin = text.find("ECO").unwrap();
        let ltr_right = ScreenEdge {
            edge: Edge::End,
            forward_is_right: true,
        };
        assert_eq!(layout.screen_edge(latin..latin + 3, true), ltr_right);
        let ltr_left = ScreenEdge {
            edge: Edge::Start,
            forward_is_right: true,
        };
        assert_eq!(layout.screen_edge(latin..latin + 3, false), ltr_left);
    }
}
