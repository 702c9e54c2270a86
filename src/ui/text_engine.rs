//! The text engine as the UI holds it: layout, the layout cache and the glyph atlas together.

use eframe::egui;

use super::glyph_atlas::GlyphAtlas;
use crate::layout::{LayoutCache, LayoutEngine, TextLayout, TextStyle};

pub struct TextEngine {
    pub engine: LayoutEngine,
    pub cache: LayoutCache,
    pub atlas: GlyphAtlas,
}

impl TextEngine {
    pub fn new(ctx: &egui::Context) -> Self {
        TextEngine {
            engine: LayoutEngine::new(),
            cache: LayoutCache::new(),
            atlas: GlyphAtlas::new(ctx),
        }
    }

    /// The layout of `text` at the display's scale; cached between frames.
    pub fn layout(
        &mut self,
        text: &str,
        style: &TextStyle,
        width: Option<f32>,
        pixels_per_point: f32,
    ) -> &TextLayout {
        self.cache
            .get(&mut self.engine, text, style, width, pixels_per_point)
    }

    /// Call once per frame, after the UI.
    pub fn end_frame(&mut self) {
        self.cache.end_frame();
    }
}
