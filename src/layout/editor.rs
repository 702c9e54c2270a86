//! A single-line editor for text that may be Persian, Arabic or mixed (search box, entity
//! names, notes), on parley's `PlainEditor`: cursor movement in visual order, selection,
//! deletion by grapheme, typing. Input arrives as [`EditorAction`]s, translated from the UI's
//! key events at the UI boundary, so this module knows nothing of egui.

use std::ops::Range;

use parley::{BaseDirection, FontWeight, PlainEditor, StyleProperty};

use super::fonts::FAMILY;
use super::text_layout::glyph_runs;
use super::{GlyphRun, LayoutEngine, Rect};

/// One thing the user did to the editor.
#[derive(Clone, Debug, PartialEq)]
pub enum EditorAction {
    /// Type (or paste) text in place of the selection.
    Insert(String),
    /// Delete the selection, or the grapheme before the caret.
    Backspace,
    /// Delete the selection, or the grapheme after the caret.
    Delete,
    BackspaceWord,
    /// Move (or with `select`, extend the selection) one grapheme left/right on screen.
    Left {
        select: bool,
    },
    Right {
        select: bool,
    },
    WordLeft {
        select: bool,
    },
    WordRight {
        select: bool,
    },
    /// To the start/end of the text (logical).
    Home {
        select: bool,
    },
    End {
        select: bool,
    },
    SelectAll,
    /// Press at a point (points, relative to the text's top left).
    PressAt {
        x: f32,
        y: f32,
        extend: bool,
    },
    /// Drag to a point.
    DragTo {
        x: f32,
        y: f32,
    },
    /// Select the word at a point.
    SelectWordAt {
        x: f32,
        y: f32,
    },
}

pub struct TextEditor {
    editor: PlainEditor<()>,
    scale: f32,
}

/// The size of the text in an input box.
pub const FIELD_FONT_SIZE: f32 = 14.0;

impl Default for TextEditor {
    /// An empty editor at the size of an input box.
    fn default() -> Self {
        TextEditor::new("", FIELD_FONT_SIZE)
    }
}

impl TextEditor {
    pub fn new(text: &str, font_size: f32) -> Self {
        let mut editor = PlainEditor::new(font_size);
        editor.set_text(text);
        editor.set_base_direction(BaseDirection::Auto);
        editor.set_width(None);
        let styles = editor.edit_styles();
        styles.insert(StyleProperty::FontFamily(FAMILY.into()));
        styles.insert(StyleProperty::FontWeight(FontWeight::NORMAL));
        TextEditor { editor, scale: 1.0 }
    }

    pub fn text(&self) -> String {
        self.editor.text().to_string()
    }

    /// Replaces the whole text (e.g. when the field is cleared from elsewhere).
    pub fn set_text(&mut self, text: &str) {
        self.editor.set_text(text);
    }

    /// The selected byte range (empty: the caret).
    pub fn selection(&self) -> Range<usize> {
        self.editor.raw_selection().text_range()
    }

    pub fn selected_text(&self) -> Option<&str> {
        self.editor.selected_text()
    }

    /// Lays out at `scale` pixels per point (call before drawing or hit-testing).
    pub fn set_scale(&mut self, scale: f32) {
        if scale != self.scale {
            self.scale = scale;
            self.editor.set_scale(scale);
        }
    }

    pub fn apply(&mut self, engine: &mut LayoutEngine, action: EditorAction) {
        let s = self.scale;
        let (fonts, context) = engine.contexts();
        let mut driver = self.editor.driver(fonts, context);
        match action {
            EditorAction::Insert(text) => driver.insert_or_replace_selection(&text),
            EditorAction::Backspace => driver.backdelete(),
            EditorAction::Delete => driver.delete(),
            EditorAction::BackspaceWord => driver.backdelete_word(),
            EditorAction::Left { select: false } => driver.move_left(),
            EditorAction::Left { select: true } => driver.select_left(),
            EditorAction::Right { select: false } => driver.move_right(),
            EditorAction::Right { select: true } => driver.select_right(),
            EditorAction::WordLeft { select: false } => driver.move_word_left(),
            EditorAction::WordLeft { select: true } => driver.select_word_left(),
            EditorAction::WordRight { select: false } => driver.move_word_right(),
            EditorAction::WordRight { select: true } => driver.select_word_right(),
            EditorAction::Home { select: false } => driver.move_to_text_start(),
            EditorAction::Home { select: true } => driver.select_to_text_start(),
            EditorAction::End { select: false } => driver.move_to_text_end(),
            EditorAction::End { select: true } => driver.select_to_text_end(),
            EditorAction::SelectAll => driver.select_all(),
            EditorAction::PressAt {
                x,
                y,
                extend: false,
            } => driver.move_to_point(x * s, y * s),
            EditorAction::PressAt { x, y, extend: true } => {
                driver.shift_click_extension(x * s, y * s)
            }
            EditorAction::DragTo { x, y } => driver.extend_selection_to_point(x * s, y * s),
            EditorAction::SelectWordAt { x, y } => driver.select_word_at_point(x * s, y * s),
        }
    }

    /// Width and height of the laid-out text, in points.
    pub fn size(&mut self, engine: &mut LayoutEngine) -> (f32, f32) {
        let (fonts, context) = engine.contexts();
        let layout = self.editor.layout(fonts, context);
        (layout.width() / self.scale, layout.height() / self.scale)
    }

    /// The caret (points), when the selection is collapsed.
    pub fn caret(&mut self, engine: &mut LayoutEngine) -> Option<Rect> {
        let (fonts, context) = engine.contexts();
        self.editor.refresh_layout(fonts, context);
        let bbox = self.editor.cursor_geometry(1.0)?;
        Some(self.rect(bbox))
    }

    /// Rectangles covering the selection (points).
    pub fn selection_rects(&mut self, engine: &mut LayoutEngine) -> Vec<Rect> {
        let (fonts, context) = engine.contexts();
        self.editor.refresh_layout(fonts, context);
        self.editor
            .selection_geometry()
            .into_iter()
            .map(|(bbox, _)| self.rect(bbox))
            .collect()
    }

    fn rect(&self, bbox: parley::BoundingBox) -> Rect {
        let s = f64::from(self.scale);
        Rect {
            min_x: (bbox.x0 / s) as f32,
            min_y: (bbox.y0 / s) as f32,
            max_x: (bbox.x1 / s) as f32,
            max_y: (bbox.y1 / s) as f32,
        }
    }

    /// The glyphs to draw, laid out as they are now.
    pub fn glyphs(&mut self, engine: &mut LayoutEngine) -> EditorGlyphs<'_> {
        let (fonts, context) = engine.contexts();
        EditorGlyphs {
            layout: self.editor.layout(fonts, context),
        }
    }
}

/// The glyphs of a [`TextEditor`]'s text.
pub struct EditorGlyphs<'a> {
    layout: &'a parley::Layout<()>,
}

impl EditorGlyphs<'_> {
    /// Calls `f` with each glyph run (pixels from the text's top left).
    pub fn for_each(&self, f: &mut dyn FnMut(GlyphRun<'_>)) {
        glyph_runs(
            self.layout,
            None,
            0.0,
            f32::NEG_INFINITY..f32::INFINITY,
            &mut |run| f(run),
        );
    }

    /// Whether the text reads right to left (its first strong character).
    pub fn is_rtl(&self) -> bool {
        self.layout.is_rtl()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply_all(editor: &mut TextEditor, engine: &mut LayoutEngine, actions: Vec<EditorAction>) {
        for action in actions {
            editor.apply(engine, action);
        }
    }

    #[test]
    fn typing_persian_and_deleting_by_grapheme() {
        let mut engine = LayoutEngine::new();
        let mut editor = TextEditor::new("", 16.0);
        apply_all(
            &mut editor,
            &mut engine,
            vec![
                EditorAction::Insert("می‌خواهم".into()),
                EditorAction::Insert(" مُحَمَّد".into()),
            ],
        );
        assert_eq!(editor.text(), "می‌خواهم مُحَمَّد");
        // Backspace removes the last letter with its harakat: one grapheme.
        editor.apply(&mut engine, EditorAction::Backspace);
        assert_eq!(editor.text(), "می‌خواهم مُحَمَّ");
    }

    #[test]
    fn arrows_move_in_visual_order_in_right_to_left_text() {
        let mut engine = LayoutEngine::new();
        let mut editor = TextEditor::new("سلام", 16.0);
        // At the end of the text: the left edge of right-to-left text. Moving right goes back
        // towards the start of the text.
        editor.apply(&mut engine, EditorAction::End { select: false });
        assert_eq!(editor.selection(), 8..8);
        editor.apply(&mut engine, EditorAction::Right { select: false });
        assert_eq!(editor.selection(), 6..6);
        editor.apply(&mut engine, EditorAction::Left { select: true });
        assert_eq!(editor.selection(), 6..8);
        editor.apply(&mut engine, EditorAction::Insert("ر".into()));
        assert_eq!(editor.text(), "سلار");
    }

    #[test]
    fn select_all_and_replace_mixed_text() {
        let mut engine = LayoutEngine::new();
        let mut editor = TextEditor::new("ECO اکو", 16.0);
        apply_all(&mut editor, &mut engine, vec![EditorAction::SelectAll]);
        assert_eq!(editor.selected_text(), Some("ECO اکو"));
        apply_all(
            &mut editor,
            &mut engine,
            vec![EditorAction::Insert("شانگهای".into())],
        );
        assert_eq!(editor.text(), "شانگهای");
        let rects = editor.selection_rects(&mut engine);
        assert!(rects.is_empty());
        let caret = editor.caret(&mut engine).expect("a caret");
        assert!(caret.height() > 10.0);
    }

    #[test]
    fn clicking_places_the_caret_where_the_pointer_is() {
        let mut engine = LayoutEngine::new();
        let mut editor = TextEditor::new("سلام دنیا", 16.0);
        let (width, height) = editor.size(&mut engine);
        // The rightmost point of right-to-left text is its start.
        editor.apply(
            &mut engine,
            EditorAction::PressAt {
                x: width - 0.5,
                y: height / 2.0,
                extend: false,
            },
        );
        assert_eq!(editor.selection(), 0..0);
        editor.apply(
            &mut engine,
            EditorAction::SelectWordAt {
                x: 1.0,
                y: height / 2.0,
            },
        );
        assert_eq!(editor.selected_text(), Some("دنیا"));
    }
}
