//! Bidirectional text layout on parley: paragraphs → lines → runs → positioned glyphs, hit-testing
//! (point → offset) and selection geometry (range → rectangles). No egui here.
//!
//! egui shapes text but does not run the Unicode bidi algorithm, so every place that shows
//! Persian or Arabic goes through this module. Offsets are UTF-8 byte offsets into the laid-out
//! text, always in logical order; coordinates are in points, origin at the top left.

mod cache;
pub mod editor;
pub mod fonts;
pub mod json;
mod text_layout;

pub use cache::LayoutCache;
pub use editor::{EditorAction, TextEditor};
pub use text_layout::{
    Cluster, Direction, GlyphRun, LayoutEngine, LineInfo, PositionedGlyph, Rect, TextAlign,
    TextLayout, TextStyle,
};
